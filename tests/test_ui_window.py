"""The main window, driven as a reader would: navigation, search, shortcuts, files.

These use hand-made transcripts and a fake parser so they test the window alone;
tests/test_ui_sample.py runs the acceptance checks on the bundled sample.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QWidget
from test_ui_transcript_view import painted_match_count
from ui_transcripts import briefing

from reader.errors import ReaderError, UnreadableFileError
from reader.model import Transcript
from reader.ui import messages
from reader.ui.loader import DocumentLoader
from reader.ui.main_window import RESULTS_TAB, MainWindow
from reader.ui.settings import AppSettings
from reader.ui.speaker_nav import SPEAKER_ROLE


def fake_load(path: str, progress=None) -> Transcript:
    """Stands in for the parser: a file holding a number N opens as a briefing with N fillers."""
    try:
        content = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UnreadableFileError(path, "no such file") from exc
    if not content.strip().isdigit():
        raise ReaderError(path, "not a transcript")
    return briefing(filler=int(content))


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings.from_file(tmp_path / "settings.ini")


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Open errors the window would show in a dialog, collected instead of blocking."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_open_error",
                        lambda parent, path, reason: shown.append((path, reason)))
    return shown


@pytest.fixture
def window(qtbot, settings: AppSettings, errors) -> MainWindow:
    w = MainWindow(settings, loader=DocumentLoader(load=fake_load))
    qtbot.addWidget(w)
    w.resize(1100, 520)
    w.show_transcript(briefing(filler=6), None)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.loader.shutdown()


def turn_top(window: MainWindow, turn_index: int) -> int:
    """Where a turn's heading is, in viewport pixels (negative: scrolled past)."""
    from PySide6.QtGui import QTextCursor

    assert window.transcript is not None
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.offsets.to_position(window.transcript.turns[turn_index].start))
    return window.view.cursorRect(cursor).top()


def open_and_wait(qtbot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.documentShown, timeout=5000):
        window.open_file(str(path))


def type_query(qtbot, window: MainWindow, text: str) -> None:
    """Type as a reader would; CJK arrives whole, as an input method commits it."""
    field = window.search_bar.field
    field.setFocus()
    with qtbot.waitSignal(window.search_bar.queryChanged, timeout=2000):
        if text.isascii():
            qtbot.keyClicks(field, text)
        else:
            field.insert(text)


def test_object_names_are_stable(window: MainWindow) -> None:
    for name in ("speakerNav", "transcriptView", "searchField", "searchStatus", "metricsPanel"):
        assert window.findChild(object, name) is not None, name
    assert window.objectName() == "MainWindow"


def test_clicking_a_speaker_scrolls_to_their_first_turn(qtbot, window: MainWindow) -> None:
    nav = window.speaker_nav
    index = nav.speaker_index("s4")
    assert index.data(SPEAKER_ROLE) == "s4" and "温信祥" in index.data()
    assert turn_top(window, 3) > window.view.viewport().height()  # off screen before
    nav.scrollTo(index)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualRect(index).center())
    assert 0 <= turn_top(window, 3) < 100
    assert window.current_turn == 3


def test_clicking_a_turn_row_and_enter_in_the_nav(qtbot, window: MainWindow) -> None:
    nav = window.speaker_nav
    speaker = nav.speaker_index("s2")
    nav.expand(speaker)
    second_turn = nav.model().index(1, 0, speaker)
    nav.setCurrentIndex(second_turn)
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Return)
    assert window.current_turn == 5
    assert 0 <= turn_top(window, 5) < 100


def test_navigation_counts_turns_and_matches(qtbot, window: MainWindow) -> None:
    nav = window.speaker_nav
    row = nav.speaker_index("s2")
    assert row.siblingAtColumn(1).data() == "2"
    type_query(qtbot, window, "3291")
    assert row.siblingAtColumn(2).data() == "2"
    assert nav.speaker_index("s4").siblingAtColumn(2).data() == "1"
    assert not nav.isColumnHidden(2)


def test_typing_highlights_every_match_and_shows_n_of_n(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "3291")
    assert window.search_bar.status.text() == "1 / 3"
    assert painted_match_count(window.view, window.matches) == 3
    assert window.overview.match_ticks == 3


def test_traditional_query_finds_the_same_matches_as_simplified(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "诈骗")
    simplified = window.matches
    window.search_bar.clear()
    type_query(qtbot, window, "詐騙")
    assert window.matches == simplified and len(simplified) == 4
    assert window.search_bar.status.text().endswith("/ 4")


def test_width_and_case_folding_in_the_window(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "app")
    assert len(window.matches) == 1
    window.search_bar.clear()
    type_query(qtbot, window, "2021")
    assert len(window.matches) == 1


def test_enter_shift_enter_and_f3_step_through_matches(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "3291")
    field = window.search_bar.field
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.search_bar.status.text() == "2 / 3"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.search_bar.status.text() == "1 / 3"  # wrapped
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.search_bar.status.text() == "3 / 3"
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    assert window.search_bar.status.text() == "1 / 3"
    qtbot.keyClick(window.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.search_bar.status.text() == "3 / 3"
    start = window.matches[2][0]
    assert window.transcript is not None and window.transcript.turn_at(start).index == 5
    assert window.current_turn == 5


def test_escape_clears_the_search(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "3291")
    found = window.matches
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Escape)
    assert window.search_bar.field.text() == ""
    assert window.search_bar.status.text() == ""
    assert painted_match_count(window.view, found) == 0
    assert window.matches == [] and window.overview.match_ticks == 0
    assert window.speaker_nav.isColumnHidden(2)


def test_the_clear_button_comes_with_the_first_text_and_clears(qtbot, window: MainWindow) -> None:
    field = window.search_bar.field
    assert not field.isClearButtonEnabled()  # made with the first text, not at start-up
    type_query(qtbot, window, "3291")
    assert field.isClearButtonEnabled()
    from PySide6.QtWidgets import QToolButton

    field.findChild(QToolButton).click()
    qtbot.waitUntil(lambda: window.matches == [])
    assert field.text() == "" and window.search_bar.status.text() == ""


def test_no_match_shows_zero(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "不存在的词")
    assert window.search_bar.status.text() == "0 / 0"


def test_ctrl_f_focuses_the_search_field(qtbot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_bar.field.hasFocus, timeout=1000)


def test_find_all_lists_matches_by_turn_and_clicking_jumps(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "3291")
    qtbot.mouseClick(window.search_bar.find_all_button, Qt.MouseButton.LeftButton)
    assert window.nav_tabs.currentIndex() == RESULTS_TAB
    assert window.find_results is not None
    results = window.find_results.tree
    model = results.model()
    summary = window.find_results.summary
    assert summary.isVisible() and summary.wordWrap()
    assert "3" in summary.text() and "杜航伟 2" in summary.text() and "温信祥 1" in summary.text()
    groups = [model.index(i, 0) for i in range(model.rowCount())]
    assert [model.rowCount(g) for g in groups] == [1, 1, 1]
    assert all(results.isExpanded(g) for g in groups)
    last = model.index(0, 0, groups[-1])
    assert "【3291】" in last.data()
    results.scrollTo(last)
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualRect(last).center())
    assert window.search_bar.status.text() == "3 / 3"
    assert window.current_turn == 5


def test_alt_down_and_alt_up_move_between_turns(qtbot, window: MainWindow) -> None:
    window.go_to_turn(0)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current_turn == 1
    assert 0 <= turn_top(window, 1) < 100
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current_turn == 2
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current_turn == 0
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current_turn == 6  # wraps to the last turn


def test_same_speakers_next_turn(qtbot, window: MainWindow) -> None:
    window.go_to_turn(1)  # 杜航伟
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_turn == 5
    qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_turn == 1


def test_current_turn_follows_scrolling_and_is_selected_in_nav(qtbot, window: MainWindow) -> None:
    window.go_to_turn(0)
    assert window.transcript is not None
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.value() + turn_top(window, 4) + 5)
    qtbot.waitUntil(lambda: window.current_turn == 4, timeout=2000)
    current = window.speaker_nav.currentIndex()
    assert current.data(SPEAKER_ROLE) == "s5"


def test_overview_strip_bands_ticks_and_click(qtbot, window: MainWindow) -> None:
    strip = window.overview
    assert strip.band_count == 7
    near_end = strip.height() - 3
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, near_end))
    assert window.view.verticalScrollBar().value() > 0
    assert window.view.top_offset() > len(window.transcript.text) // 2


def test_zoom_shortcuts(qtbot, window: MainWindow) -> None:
    view = window.view
    size = view.reading_point_size()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.reading_point_size() == size + 1
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.reading_point_size() == size - 1
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.reading_point_size() == size


def test_metrics_panel_signals_move_the_view(qtbot, window: MainWindow) -> None:
    transcript = window.transcript
    assert transcript is not None
    window.metrics_panel.speakerActivated.emit("s4")
    assert window.current_turn == 3
    window.metrics_panel.figureActivated.emit(4)
    assert window.current_turn == 5
    flashed = [s.cursor.selectedText() for s in window.view.extraSelections()]  # the flash is one
    assert "3291亿元" in flashed
    window.metrics_panel.offsetActivated.emit(transcript.turns[2].start)
    assert window.current_turn == 2


def test_open_file_and_recent_files_menu(qtbot, window: MainWindow, tmp_path: Path) -> None:
    first, second = tmp_path / "first.md", tmp_path / "second.md"
    first.write_text("1", encoding="utf-8")
    second.write_text("2", encoding="utf-8")
    open_and_wait(qtbot, window, first)
    open_and_wait(qtbot, window, second)
    window.recent_menu.aboutToShow.emit()
    listed = [(a.text(), a.toolTip(), a.data()) for a in window.recent_menu.actions()]
    # Listed by their documents' titles; the path is in the tooltip.
    assert listed[:2] == [("测试发布会", str(second), str(second)), ("测试发布会", str(first), str(first))]
    assert window.settings.recent_files[:2] == [str(second), str(first)]
    with qtbot.waitSignal(window.documentShown, timeout=5000) as blocker:
        window.recent_menu.actions()[1].trigger()
    assert blocker.args == [str(first)]


def test_a_recent_file_with_an_ampersand_is_listed_as_named(qtbot, window: MainWindow,
                                                            tmp_path: Path) -> None:
    """A "&" in a menu entry marks a keyboard shortcut: the entry doubles it to show it. A
    file whose document has no title is listed by its name."""
    named, untitled = tmp_path / "Q&A 记者会.md", tmp_path / "R&D.md"
    named.write_text("1", encoding="utf-8")
    open_and_wait(qtbot, window, named)
    window.settings.add_recent_file(str(untitled))
    window.menus.show_recent(window.settings.recent_files, lambda: None,
                             {**window.settings.recent_titles, str(named): "Q&A 记者会"})
    entries = window.recent_menu.actions()
    assert [(e.text(), e.data()) for e in entries[:2]] == [("R&&D.md", str(untitled)),
                                                            ("Q&&A 记者会", str(named))]
    window.recent_menu.aboutToShow.emit()  # the window's own listing, from its settings
    entry = window.recent_menu.actions()[1]
    assert (entry.text(), entry.data()) == ("测试发布会", str(named))
    with qtbot.waitSignal(window.documentShown, timeout=5000) as blocker:
        entry.trigger()
    assert blocker.args == [str(named)]


def test_failed_open_keeps_the_previous_document(qtbot, window: MainWindow, tmp_path: Path,
                                                errors) -> None:
    before = window.transcript
    bad = tmp_path / "bad.md"
    bad.write_text("not a number", encoding="utf-8")
    with qtbot.waitSignal(window.openFailed, timeout=5000):
        window.open_file(str(bad))
    assert errors == [(str(bad), "not a transcript")]
    assert window.transcript is before
    assert window.view.toPlainText().endswith(before.text)


def test_stale_load_results_are_dropped(qtbot, window: MainWindow, tmp_path: Path) -> None:
    slow, fast = tmp_path / "slow.md", tmp_path / "fast.md"
    slow.write_text("30", encoding="utf-8")
    fast.write_text("1", encoding="utf-8")
    window.open_file(str(slow))
    with qtbot.waitSignal(window.documentShown, timeout=5000) as blocker:
        window.open_file(str(fast))
    window.loader.wait(5000)
    qtbot.wait(50)
    assert blocker.args == [str(fast)]
    assert window.path == str(fast)


def test_warnings_show_in_a_banner(qtbot, window: MainWindow) -> None:
    import dataclasses

    window.show_transcript(dataclasses.replace(briefing(), warnings=("no speaker markers found",)), None)
    assert any("no speaker markers found" in t for t in window.banners.texts())
    window.show_transcript(briefing(), None)
    assert not any("no speaker markers" in t for t in window.banners.texts())


def test_changed_file_offers_reload_keeping_position(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text("8", encoding="utf-8")
    open_and_wait(qtbot, window, path)
    window.go_to_turn(4)
    top = window.view.top_offset()
    before = path.stat().st_mtime_ns
    path.write_text("8 ", encoding="utf-8")
    qtbot.waitUntil(lambda: any(b.key == "changed" for b in window.banners.banners()), timeout=5000)
    banner = next(b for b in window.banners.banners() if b.key == "changed")
    with qtbot.waitSignal(window.documentShown, timeout=5000):
        qtbot.mouseClick(banner.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: abs(window.view.top_offset() - top) < 40, timeout=2000)
    assert path.read_text(encoding="utf-8") == "8 " and path.stat().st_mtime_ns >= before


def test_deleted_file_leaves_the_document_readable(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text("2", encoding="utf-8")
    open_and_wait(qtbot, window, path)
    text = window.transcript.text
    os.remove(path)
    qtbot.waitUntil(lambda: any(b.key == "deleted" for b in window.banners.banners()), timeout=5000)
    assert window.view.toPlainText().endswith(text)


def test_dropping_a_file_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "dropped.md"
    path.write_text("1", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.documentShown, timeout=5000) as blocker:
        window.dropEvent(event)
    assert blocker.args == [str(path)]


def test_source_link_opens_only_after_confirmation(qtbot, window: MainWindow,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    asked: list[str] = []
    opened: list[str] = []
    answer = {"value": False}
    monkeypatch.setattr(messages, "confirm_open_link",
                        lambda parent, url: asked.append(url) or answer["value"])
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    window.view.anchorClicked.emit(QUrl("https://example.org/briefing"))
    assert asked == ["https://example.org/briefing"] and opened == []
    answer["value"] = True
    window.view.anchorClicked.emit(QUrl("https://example.org/briefing"))
    assert opened == ["https://example.org/briefing"]


def test_window_size_and_splitter_persist(qtbot, settings: AppSettings, errors) -> None:
    first = MainWindow(settings, loader=DocumentLoader(load=fake_load))
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    qtbot.waitExposed(first)
    first.splitter.setSizes([200, 500, 200])
    sizes = first.splitter.sizes()
    first.view.zoom_in_reading()
    first.close()
    second = MainWindow(settings, loader=DocumentLoader(load=fake_load))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size().width() == 700 and second.size().height() == 500
    assert second.splitter.sizes() == sizes
    assert second.view.zoom_steps == 1
    second.close()


def test_copy_from_the_window_is_clean_text(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QTextCursor

    transcript = window.transcript
    assert transcript is not None
    turn = transcript.turns[3]
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.offsets.to_position(turn.paragraphs[0].start))
    cursor.setPosition(window.view.offsets.to_position(turn.paragraphs[1].end),
                       QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "我们拦截涉诈资金3291亿元。\nAPP预警２０２１次。"


def test_deferred_metrics_panel_arrives_after_the_first_paint(qtbot, settings: AppSettings) -> None:
    """Start-up paints the transcript first; the panel (and its charts) follow and get the document."""
    w = MainWindow(settings, loader=DocumentLoader(load=fake_load), defer_metrics_panel=True)
    qtbot.addWidget(w)
    assert w.metrics_panel is None and w.findChild(QWidget, "metricsPanel") is None
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.view.transcriptPainted, timeout=3000):
        w.show_transcript(briefing(), None)
    qtbot.waitUntil(lambda: w.metrics_panel is not None, timeout=3000)
    assert w.findChild(QWidget, "metricsPanel") is w.metrics_panel
    assert w.splitter.indexOf(w.metrics_panel) == 2
    w.metrics_panel.speakerActivated.emit("s4")
    assert w.current_turn == 3
    qtbot.waitUntil(w.metrics_panel.charts_ready, timeout=5000)  # its own deferred work ends too


def test_long_transcripts_make_turn_rows_when_a_speaker_is_expanded(qtbot, settings: AppSettings) -> None:
    from ui_transcripts import make_transcript

    from reader.ui.nav_models import FETCH_BATCH
    from reader.ui.speaker_nav import TURN_ROLE

    count = 2 * FETCH_BATCH + 20
    turns = [("s1" if i % 2 else "s2", "记者" if i % 2 else "发言人", "reporter" if i % 2 else "official",
              [f"第{i}段发言，提到诈骗。"]) for i in range(count)]
    transcript = make_transcript(turns=turns, speakers=[("s1", "记者", None, "reporter"),
                                                        ("s2", "发言人", None, "official")])
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show_transcript(transcript, None)
    nav = w.speaker_nav
    speaker = nav.speaker_index("s1")
    assert nav.model().rowCount(speaker) == 0 and nav.model().hasChildren(speaker)  # made when expanded
    w.go_to_turn(5)
    assert nav.currentIndex() == speaker  # the speaker row stands for its folded turns
    w.search("诈骗")
    nav.expand(speaker)
    qtbot.waitUntil(lambda: nav.model().rowCount(speaker) >= FETCH_BATCH, timeout=2000)  # batches, as asked
    nav.model().fetch_all(speaker)
    assert nav.model().rowCount(speaker) == count // 2
    third = nav.model().index(2, 0, speaker)
    assert third.data(TURN_ROLE) == 5
    assert third.siblingAtColumn(2).data() == "1"  # match counts reach rows made later
    w.go_to_turn(7)
    assert nav.currentIndex().data(TURN_ROLE) == 7


def test_navigation_models_pass_the_qt_model_tester(qtmodeltester) -> None:
    from reader.ui.nav_models import QuestionModel, ResultsModel, SpeakerModel

    transcript = briefing()
    speakers, questions, results = SpeakerModel(), QuestionModel(), ResultsModel()
    speakers.set_transcript(transcript)
    questions.set_transcript(transcript)
    results.show_matches(transcript, [(m.start(), m.end()) for m in re.finditer("诈骗", transcript.text)])
    for model in (speakers, questions, results):
        qtmodeltester.check(model)
        for row in range(model.rowCount()):  # with the lazy rows fetched too
            model.fetch_all(model.index(row, 0))
        qtmodeltester.check(model)


def test_a_loaded_document_is_built_in_steps_on_the_gui_thread(qtbot, window: MainWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """No Qt object is made on the loader's thread (a Qt call there holding the GIL deadlocked
    against the GUI thread destroying a Python-made QObject); the GUI thread shows the first
    screen, then appends the rest a part per event-loop turn."""
    import threading

    import reader.ui.main_window as main_window
    import reader.ui.transcript_view as transcript_view

    threads: list[threading.Thread] = []
    real_build = transcript_view.build_document
    monkeypatch.setattr(transcript_view, "build_document", lambda *args, **kwargs:
                        threads.append(threading.current_thread()) or real_build(*args, **kwargs))
    parts: list[bool] = []
    real_finish = window.view.finish_document
    monkeypatch.setattr(window.view, "finish_document",
                        lambda max_chars=None: parts.append(real_finish(max_chars)) or parts[-1])
    monkeypatch.setattr(main_window, "FINISH_STEP_CHARS", 200)
    path = tmp_path / "doc.md"
    path.write_text("60", encoding="utf-8")  # the fake loader's briefing with 60 filler paragraphs
    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: window.view.toPlainText().endswith(window.transcript.text), timeout=5000)
    assert threads and all(t is threading.main_thread() for t in threads)
    assert window.view.document().thread() is window.thread()
    assert len(parts) > 1 and parts[-1] is False  # first screen first, then part by part



def test_many_questions_get_their_answers_on_expansion(qtbot) -> None:
    from ui_transcripts import make_transcript

    from reader.ui.speaker_nav import EXPAND_ALL_QUESTIONS, OFFSET_ROLE, QaOutline

    pairs = EXPAND_ALL_QUESTIONS + 5
    turns = []
    for i in range(pairs):
        turns.append(("s1", "记者", "reporter", [f"第{i}个问题？"]))
        turns.append(("s2", "发言人", "official", [f"第{i}个回答。"]))
    transcript = make_transcript(turns=turns, speakers=[("s1", "记者", None, "reporter"),
                                                        ("s2", "发言人", None, "official")],
                                 qa=[(2 * i, [2 * i + 1]) for i in range(pairs)])
    outline = QaOutline()
    qtbot.addWidget(outline)
    outline.show()  # a tree lays out (and fetches) what it shows
    outline.set_transcript(transcript)
    model = outline.model()
    question = model.index(7, 0)
    assert model.rowCount(question) == 0 and model.hasChildren(question)  # made when expanded
    outline.expand(question)
    qtbot.waitUntil(lambda: model.rowCount(question) == 1, timeout=2000)
    answer = model.index(0, 0, question)
    assert answer.data(OFFSET_ROLE) == transcript.turns[15].start and "发言人" in answer.data()
