"""Start-up: the first screen of the transcript is painted first, the rest follows at once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_transcripts import briefing, make_transcript

from reader.model import Span, Transcript
from reader.ui.loader import DocumentLoader
from reader.ui.main_window import RESULTS_TAB, MainWindow
from reader.ui.settings import AppSettings
from reader.ui.transcript_document import DISPLAY_BLOCK_CHARS, build_document, chars_filling, finish_document


def awkward_transcript() -> Transcript:
    """Characters outside the BMP, a paragraph cut into display blocks, a highlight over a
    line break, and a figure in every turn: whatever a cut could split."""
    long_paragraph = "长段落里的句子没有换行。" * (DISPLAY_BLOCK_CHARS // 6)
    turns = [
        (f"s{i % 3}", f"发言人{i}", "official" if i % 2 else "reporter",
         [f"第{i}段𠀀文字，增长{i}.5%。", long_paragraph if i == 2 else f"第{i}段第二行，共{i}万起。"])
        for i in range(8)
    ]
    speakers = [(f"s{i}", f"人{i}", "职务" if i else None, "official") for i in range(3)]
    transcript = make_transcript(turns=turns, speakers=speakers, preamble=["要点一：增长3.5%", "要点二"],
                                 figures=[f"{i}.5%" for i in range(8)], url="https://example.org/a")
    first_break = transcript.text.index("\n")
    highlights = (Span(0, first_break + 4), Span(first_break + 1, first_break + 3))
    return dataclasses.replace(transcript, highlights=("要点一", "要点二"), highlight_spans=highlights)


@pytest.mark.parametrize("first_chars", [0, 1, 12, 40, 90, 2500, 3000, 10 ** 7])
def test_a_document_built_in_two_parts_is_the_document_built_whole(qapp, first_chars: int) -> None:
    transcript = awkward_transcript()
    whole, offsets = build_document(transcript)
    first, first_offsets = build_document(transcript, first_chars=first_chars)
    assert first_offsets == offsets  # positions in the first part are final
    if first_chars < len(transcript.text):  # it stops at the end of the line reaching first_chars
        assert first.characterCount() < whole.characterCount()
        cut = offsets.to_offset(first.characterCount() - 1)
        assert cut >= first_chars and transcript.text[cut] == "\n"
        assert "\n" not in transcript.text[first_chars:cut]
    assert finish_document(first, transcript, first_offsets) == (first_chars < len(transcript.text))
    assert first.toHtml() == whole.toHtml()  # same text, blocks and formats
    assert finish_document(first, transcript, first_offsets) is False


def test_chars_filling_wraps_wide_and_narrow_characters() -> None:
    assert chars_filling("", 10, 5) == 0
    assert chars_filling("短\n" * 10, 10, 4) == 8  # four one-line paragraphs
    assert chars_filling("中" * 25 + "\n" + "中" * 50, 10, 3) == 26  # 25 ems wrap into three lines
    assert chars_filling("a" * 25 + "\n" + "b" * 50, 10, 3) > 26  # narrow letters: more per line
    assert chars_filling("x" * 10 ** 6, 10, 2) < 100  # one endless line: only what two lines can hold


def english_briefing(filler: int) -> Transcript:
    paragraph = "The ministry said losses of 3.5 billion yuan were prevented, up 28.5% on the year."
    return make_transcript(
        speakers=[("s1", "Host", None, "host"), ("s2", "Minister", "Minister", "official")],
        turns=[(f"s{1 + i % 2}", "Host" if i % 2 == 0 else "Minister", "host" if i % 2 == 0 else "official",
                [paragraph * (1 + i % 3)] * filler) for i in range(6)],
    )


def fake_load(path: str, progress=None) -> Transcript:
    language, filler = Path(path).read_text(encoding="utf-8").split(":")
    return english_briefing(int(filler)) if language == "en" else briefing(filler=int(filler))


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings.from_file(tmp_path / "settings.ini")


nav_at_first_paint: list[tuple[object, QRect]] = []  # (the tabs, the placeholder's geometry)
menus_at_first_paint: list[list[int]] = []  # actions in the File, View and Go menus


def start_up(qtbot, settings: AppSettings, tmp_path: Path, size: tuple[int, int], filler: int = 150,
             language: str = "zh"):
    """What ``run_window`` does: the load starts, the window is built and shown, the load lands."""
    nav_at_first_paint.clear()
    menus_at_first_paint.clear()
    path = tmp_path / "doc.md"
    path.write_text(f"{language}:{filler}", encoding="utf-8")
    loader = DocumentLoader(load=fake_load)
    loader.start(str(path))
    window = MainWindow(settings, loader=loader, defer_metrics_panel=True, defer_navigation=True,
                        defer_menus=True)
    qtbot.addWidget(window)
    window.track_load(str(path))
    window.resize(*size)
    at_first_paint: list[tuple[int, float, int]] = []
    window.view.transcriptPainted.connect(lambda: at_first_paint.append(
        (len(window.view.toPlainText()), window.view.document().size().height(),
         window.view.viewport().height())))
    window.view.transcriptPainted.connect(lambda: nav_at_first_paint.append(
        (window.nav_tabs, window.findChild(QWidget, "navPlaceholder").geometry())))
    window.view.transcriptPainted.connect(lambda: menus_at_first_paint.append(
        [len(menu.actions()) for menu in (window.file_menu, window.view_menu, window.go_menu)]))
    with qtbot.waitSignal(window.documentShown, timeout=10000):
        window.show()
    return window, at_first_paint


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [(1400, 900), (640, 480), (2400, 1500)])
def test_start_up_paints_a_full_first_screen_then_the_whole_document(qtbot, settings: AppSettings,
                                                                    tmp_path: Path, size, language) -> None:
    window, at_first_paint = start_up(qtbot, settings, tmp_path, size, language=language)
    assert window.transcript is not None
    whole = len(window.view.toPlainText())
    assert window.view.toPlainText().endswith(window.transcript.text)
    (painted_chars, painted_height, viewport_height), = at_first_paint
    assert painted_chars < whole  # the first paint did not wait for the whole document
    assert painted_height > viewport_height  # ...but the screen it showed was full
    assert window.speaker_nav.model().rowCount() > 0  # the rest of the show went on
    window.loader.shutdown()


def test_scrolling_after_start_up_reaches_the_end(qtbot, settings: AppSettings, tmp_path: Path) -> None:
    window, _ = start_up(qtbot, settings, tmp_path, (900, 600))
    assert window.transcript is not None
    last = window.transcript.turns[-1]
    window.go_to_turn(last.index)
    QApplication.processEvents()
    assert window.view.is_on_screen(last.start)
    assert window.current_turn == last.index
    window.loader.shutdown()


def test_a_short_transcript_is_built_whole_at_once(qtbot, settings: AppSettings, tmp_path: Path) -> None:
    window, at_first_paint = start_up(qtbot, settings, tmp_path, (1400, 900), filler=0)
    assert window.transcript is not None
    assert at_first_paint[0][0] == len(window.view.toPlainText())
    window.loader.shutdown()


def test_finish_within_reports_a_quick_load_before_returning(qapp, tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text("zh:2", encoding="utf-8")
    loader = DocumentLoader(load=fake_load)
    loaded: list[str] = []
    loader.loaded.connect(lambda p, transcript, prepared: loaded.append(p))
    loader.start(str(path))
    assert loader.finish_within(5000) is True
    assert loaded == [str(path)]  # delivered in the call, with no event-loop turn
    assert not loader.busy


def test_finish_within_gives_up_on_a_slow_load(qtbot, tmp_path: Path) -> None:
    import threading

    release = threading.Event()

    def slow_load(path: str, progress=None) -> Transcript:
        release.wait(5)
        return briefing()

    loader = DocumentLoader(load=slow_load)
    loaded: list[str] = []
    loader.loaded.connect(lambda p, transcript, prepared: loaded.append(p))
    loader.start(str(tmp_path / "slow.md"))
    assert loader.finish_within(20) is False
    assert loaded == [] and loader.busy
    release.set()
    qtbot.waitUntil(lambda: loaded == [str(tmp_path / "slow.md")], timeout=5000)


def test_the_reading_font_names_a_chinese_family_after_the_ui_family(qtbot) -> None:
    from reader.ui.transcript_view import CHINESE_FAMILIES, TranscriptView, chinese_family

    view = TranscriptView()
    qtbot.addWidget(view)
    view.set_transcript(briefing())
    families = view.document().defaultFont().families()
    assert families[0] == view.font().families()[0]  # Latin text keeps the UI's look
    chinese = chinese_family()
    if chinese is None:  # no preferred family installed: Qt's fallback as before
        assert not set(families) & set(CHINESE_FAMILIES)
    else:
        assert families[-1] == chinese and chinese in CHINESE_FAMILIES


def test_navigation_tabs_arrive_after_the_first_paint_in_the_placeholders_place(qtbot, settings: AppSettings,
                                                                                tmp_path: Path) -> None:
    window, _ = start_up(qtbot, settings, tmp_path, (1400, 900))
    (tabs_then, placeholder_geometry), = nav_at_first_paint
    assert tabs_then is None  # the first paint did not wait for them
    assert window.transcript is not None and window.nav_tabs is not None and window.speaker_nav is not None
    assert window.findChild(QWidget, "navTabs") is window.nav_tabs
    assert window.findChild(QWidget, "navPlaceholder") is None or not window.findChild(
        QWidget, "navPlaceholder").isVisible()
    assert window.splitter.indexOf(window.nav_tabs) == 0
    assert window.nav_tabs.geometry().width() == placeholder_geometry.width()  # the layout did not jump
    assert window.speaker_nav.model().rowCount() > 0
    last = window.transcript.turns[-1]
    window.speaker_nav.offsetActivated.emit(last.start)  # wired as if built at once
    assert window.current_turn == last.index
    window.search_bar.field.setText("诈骗")
    window.find_all()
    assert window.find_results is not None and window.nav_tabs.currentIndex() == RESULTS_TAB
    results = window.find_results.model()
    assert len(window.matches) > 0 and results.rowCount() > 0
    assert "诈骗" in results.index(0, 0, results.index(0, 0)).data()
    window.loader.shutdown()


def test_a_failed_first_load_still_gets_the_navigation_tabs(qtbot, settings: AppSettings,
                                                            tmp_path: Path) -> None:
    def failing_load(path: str, progress=None) -> Transcript:
        from reader.errors import ReaderError

        raise ReaderError(path, "unreadable")

    loader = DocumentLoader(load=failing_load)
    window = MainWindow(settings, loader=loader, defer_metrics_panel=True, defer_navigation=True,
                        show_dialogs=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.openFailed, timeout=5000):
        loader.start(str(tmp_path / "missing.md"))
    assert window.findChild(QWidget, "navTabs") is window.nav_tabs is not None
    window.loader.shutdown()


def test_start_up_computes_the_panels_numbers_off_the_gui_thread(qtbot, settings: AppSettings, tmp_path: Path,
                                                                 monkeypatch) -> None:
    """Start-up loads the model alone; the panel's whole-document pass (tenths of a second on
    a large file) then runs on the loader's thread, and the panel still shows the document."""
    import threading

    import reader.metrics.facts

    threads: list[bool] = []
    original = reader.metrics.facts.panel_facts

    def recording_panel_facts(transcript: Transcript):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(transcript)

    monkeypatch.setattr(reader.metrics.facts, "panel_facts", recording_panel_facts)
    monkeypatch.setattr("reader.ui.metrics_panel.panel_facts", recording_panel_facts)
    window, _ = start_up(qtbot, settings, tmp_path, (1400, 900))
    qtbot.waitUntil(lambda: window.metrics_panel is not None and window.metrics_panel.transcript is not None)
    assert window.metrics_panel.transcript is window.transcript
    assert window.metrics_panel.findChild(QWidget, "figuresTable").model().rowCount() == len(
        window.transcript.figures) > 0
    assert threads == [False]  # once, and not on the GUI thread
    window.loader.shutdown()


def test_menus_get_their_actions_and_shortcuts_after_the_first_paint(qtbot, settings: AppSettings,
                                                                     tmp_path: Path) -> None:
    window, _ = start_up(qtbot, settings, tmp_path, (1400, 900))
    assert menus_at_first_paint == [[0, 0, 0]]  # titles only: the first paint did not wait for them
    menus = (window.file_menu, window.view_menu, window.go_menu)
    assert [m.title() for m in menus] == ["&File", "&View", "&Go"]
    qtbot.waitUntil(lambda: len(window.go_menu.actions()) > 0)
    names = {a.objectName() for a in window.actions()}
    assert {"openAction", "quitAction", "findAction", "nextTurnAction", "zoomInAction"} <= names
    assert window.recent_menu in [a.menu() for a in window.file_menu.actions()]
    window.search_bar.field.clearFocus()
    qtbot.keyClick(window, "f", modifier=Qt.KeyboardModifier.ControlModifier)  # Ctrl+F works
    assert window.search_bar.field.hasFocus()
    window.loader.shutdown()


def test_a_failed_first_load_still_gets_the_menus(qtbot, settings: AppSettings, tmp_path: Path) -> None:
    def failing_load(path: str, progress=None) -> Transcript:
        from reader.errors import ReaderError

        raise ReaderError(path, "unreadable")

    window = MainWindow(settings, loader=DocumentLoader(load=failing_load), defer_navigation=True,
                        defer_menus=True, show_dialogs=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.openFailed, timeout=5000):
        window.loader.start(str(tmp_path / "missing.md"))
    assert any(a.objectName() == "openAction" for a in window.actions())  # File > Open, to try another
    window.loader.shutdown()


def test_a_failed_panel_pass_on_the_worker_still_fills_the_panel(qtbot, settings: AppSettings,
                                                                 tmp_path: Path, monkeypatch) -> None:
    """No retry loop: the window computes the numbers itself, once, and the show ends."""
    import reader.ui.session as session

    attempts: list[int] = []

    def failing_prepare(transcript: Transcript):
        attempts.append(1)
        raise RuntimeError("panel pass failed")

    monkeypatch.setattr(session, "prepare_off_thread", failing_prepare)
    window, _ = start_up(qtbot, settings, tmp_path, (1400, 900))  # waits for documentShown
    qtbot.waitUntil(lambda: window.metrics_panel is not None and window.metrics_panel.transcript is not None)
    assert window.metrics_panel.transcript is window.transcript
    assert window.metrics_panel.findChild(QWidget, "figuresTable").model().rowCount() == len(
        window.transcript.figures)
    QApplication.processEvents()
    assert attempts == [1]
    window.loader.shutdown()
