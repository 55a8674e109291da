"""A transcript too big for one QTextDocument is shown a window at a time (issue 12).

Qt lays out at most 8,388,607 px of a document and silently drops the rest; the view
holds a window of the text around the reading position and cuts it again as the reader
moves (docs/big-documents.md). These tests read what is on screen: the text of the
blocks inside the viewport, not the scroll bar's value.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from reader.model import Meta, Source, Span, Speaker, Transcript, Turn
from reader.ui import transcript_view
from reader.ui.transcript_view import TranscriptView

QT_HEIGHT_LIMIT = 8_388_607  # px: QTextDocument's layout stops there
FILLER = "今年以来，全国公安机关持续推进打击治理工作。"

SPEAKERS = (Speaker("s1", "主持人", None, None, "host"), Speaker("s2", "李明", "发言人", None, "official"),
            Speaker("s3", "记者", None, None, "reporter"))


def big_transcript(turns: int, paragraph_chars: int = 160) -> Transcript:
    """``turns`` turns, each a marker line and a paragraph naming its number (第N段): what
    is on screen tells exactly which turns were shown."""
    parts: list[str] = []
    records: list[Turn] = []
    position = 0
    for index in range(turns):
        speaker = SPEAKERS[index % 3]
        marker = f"{speaker.name}："
        body = f"第{index}段。" + (FILLER * paragraph_chars)[:paragraph_chars]
        start = position
        label = Span(start, start + len(speaker.name))
        paragraph = Span(start + len(marker) + 1, start + len(marker) + 1 + len(body))
        records.append(Turn(index, speaker.id, speaker.name, speaker.kind, start, paragraph.end, label,
                            (paragraph,)))
        parts.extend((marker, body))
        position = paragraph.end + 1
    text = "\n".join(parts)
    return Transcript(source=Source("big.md", "0" * 64, "hexo-markdown", "utf-8"), meta=Meta(title="大文档"),
                      text=text, speakers=SPEAKERS, turns=tuple(records))


def on_screen_text(view: TranscriptView) -> str:
    """The text of the blocks that show inside the viewport (what the reader sees)."""
    doc = view.document()
    layout = doc.documentLayout()
    top = view.verticalScrollBar().value()
    bottom = top + view.viewport().height()
    block = doc.findBlock(view.position_at(QPoint(0, 0)))
    shown: list[str] = []
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() > bottom:
            break
        if rect.bottom() >= top:
            shown.append(block.text())
        block = block.next()
    return "\n".join(shown)


def shown_turns(view: TranscriptView) -> set[int]:
    import re

    return {int(n) for n in re.findall(r"第(\d+)段", on_screen_text(view))}


@pytest.fixture
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows of a few screens, so a document of a few hundred kilobytes needs many."""
    monkeypatch.setattr(transcript_view, "WINDOWED_FROM", 20_000)
    monkeypatch.setattr(transcript_view, "WINDOW_CHARS", 24_000)


def make_view(qtbot, transcript: Transcript, width: int = 700, height: int = 500) -> TranscriptView:  # type: ignore[no-untyped-def]
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.set_transcript(transcript)
    QTest.qWait(20)
    return view


def view_at_turn(qtbot, index: int) -> tuple[Transcript, TranscriptView, Turn]:  # type: ignore[no-untyped-def]
    """A view of 1,500 turns (in small windows) scrolled to turn ``index``."""
    transcript = big_transcript(1_500)
    view = make_view(qtbot, transcript)
    turn = transcript.turns[index]
    view.scroll_to_offset(turn.start)
    QTest.qWait(20)
    return transcript, view, turn


def put_cursor(view: TranscriptView, offset: int) -> None:
    """The text cursor at ``offset`` (in the window the view holds), keys going to the view."""
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_position(offset))
    view.setTextCursor(cursor)
    view.setFocus()


def test_the_last_turn_of_a_document_taller_than_qt_allows_is_on_screen_after_a_jump(qtbot) -> None:  # type: ignore[no-untyped-def]
    transcript = big_transcript(60_000, paragraph_chars=150)  # ~9.8 million characters
    view = make_view(qtbot, transcript, width=420, height=400)
    assert view.is_windowed
    # The premise: laid out whole at this width, the text would pass Qt's height limit.
    doc = view.document()
    origin, stop = view.text_window()
    height = doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom()  # the window laid out
    per_char = height / (stop - origin)
    whole_height = per_char * len(transcript.text)
    assert whole_height > QT_HEIGHT_LIMIT
    last = transcript.turns[len(transcript.turns) - 1]
    view.scroll_to_offset(last.start)
    QTest.qWait(20)
    assert len(transcript.turns) - 1 in shown_turns(view)
    assert view.is_on_screen(last.start)
    assert view.visible_range()[1] >= last.end - 1
    # and back to the first turn, with the header
    view.scroll_to_offset(0)
    view.verticalScrollBar().setValue(0)  # the top of the document: the header above the text
    QTest.qWait(20)
    assert view.text_window()[0] == 0
    assert 0 in shown_turns(view)
    assert "大文档" in on_screen_text(view)


def test_walking_page_by_page_shows_every_turn(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    transcript = big_transcript(1_500)
    view = make_view(qtbot, transcript)
    assert view.is_windowed
    seen: set[int] = set()
    windows: set[tuple[int, int]] = set()
    view.setFocus()
    for _ in range(2_000):
        seen |= shown_turns(view)
        windows.add(view.text_window())
        if len(transcript.turns) - 1 in seen:
            break
        QTest.keyClick(view, Qt.Key.Key_PageDown)
        QTest.qWait(1)  # the window is cut again after the key, on the next turn of the loop
    assert len(windows) > 5  # the walk crossed many windows
    assert seen == set(range(len(transcript.turns)))
    # and back up, the same
    seen_up: set[int] = set()
    for _ in range(2_000):
        seen_up |= shown_turns(view)
        if 0 in seen_up:
            break
        QTest.keyClick(view, Qt.Key.Key_PageUp)
        QTest.qWait(1)
    assert seen_up == set(range(len(transcript.turns)))


def test_the_whole_document_scroll_bar_reaches_every_part(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    transcript = big_transcript(1_500)
    view = make_view(qtbot, transcript)
    bar = view.whole_text_bar
    assert bar is not None and bar.isVisible() and not view.verticalScrollBar().isVisible()
    assert bar.maximum() == len(transcript.text)
    bar.setSliderPosition(bar.maximum())
    bar.triggerAction(bar.SliderAction.SliderMove)
    QTest.qWait(30)
    assert len(transcript.turns) - 1 in shown_turns(view)
    middle = transcript.turns[750]
    bar.setSliderPosition(middle.start)
    bar.triggerAction(bar.SliderAction.SliderMove)
    QTest.qWait(30)
    assert 750 in shown_turns(view)
    assert abs(bar.value() - middle.start) < 2_000  # the bar follows the view


def test_a_selection_is_copied_across_pages_and_a_window_boundary(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    """Shift+Page Down from a turn until the window has been cut again: the copy is the text
    from there to the cursor, exactly."""
    from PySide6.QtWidgets import QApplication

    transcript, view, turn = view_at_turn(qtbot, 400)
    start = turn.start
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_position(start))
    view.setTextCursor(cursor)
    view.setFocus()
    window = view.text_window()
    pages = 0
    while view.text_window() == window or pages < 3:
        QTest.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ShiftModifier)
        QTest.qWait(1)
        pages += 1
        assert pages < 200
    end = view.offsets.to_offset(view.textCursor().position())
    assert end > start + 1_000
    assert view.offsets.to_offset(view.textCursor().anchor()) == start  # the anchor was carried over
    view.copy()
    assert QApplication.clipboard().text() == transcript.text[start:end]


def test_a_selection_survives_the_window_being_cut_again(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    transcript, view, turn = view_at_turn(qtbot, 300)
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_position(turn.start))
    cursor.setPosition(view.offsets.to_position(turn.end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    window = view.text_window()
    for _ in range(40):
        QTest.keyClick(view.verticalScrollBar(), Qt.Key.Key_PageDown)
        QTest.qWait(1)
        if view.text_window() != window:
            break
    assert view.text_window() != window
    assert view.selected_plain_text() == transcript.text[turn.start:turn.end]


def test_a_selection_longer_than_a_window_keeps_its_start(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    """Shift+Page Down far past a window's length: each cut of the window leaves the
    selection's start outside it, and the copy still starts there."""
    from PySide6.QtWidgets import QApplication

    transcript, view, turn = view_at_turn(qtbot, 200)
    start = turn.start
    put_cursor(view, start)
    cuts, window = 0, view.text_window()
    for _ in range(400):
        QTest.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ShiftModifier)
        QTest.qWait(1)
        if view.text_window() != window:
            cuts, window = cuts + 1, view.text_window()
        if cuts >= 3 and view.text_window()[0] > start:
            break
    assert view.text_window()[0] > start  # the selection's start is no longer in the document
    end = view.offsets.to_offset(view.textCursor().position())
    view.copy()
    assert QApplication.clipboard().text() == transcript.text[start:end]


def test_ctrl_shift_end_and_home_select_to_the_ends_of_the_whole_text(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    transcript, view, turn = view_at_turn(qtbot, 700)
    put_cursor(view, turn.start)
    shift_control = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(view, Qt.Key.Key_End, shift_control)
    QTest.qWait(20)
    view.copy()
    assert QApplication.clipboard().text() == transcript.text[turn.start:]
    assert len(transcript.turns) - 1 in shown_turns(view)  # the view went to the end, as Qt's does

    view.scroll_to_offset(turn.start)  # back to the turn, which the window at the end does not hold
    QTest.qWait(20)
    put_cursor(view, turn.start)
    QTest.keyClick(view, Qt.Key.Key_Home, shift_control)
    QTest.qWait(20)
    view.copy()
    assert QApplication.clipboard().text().endswith(transcript.text[:turn.start])
    QTest.keyClick(view, Qt.Key.Key_Right)  # a plain move ends the selection: nothing far is kept
    assert view.selected_plain_text() == ""


def test_select_all_copies_all_of_a_windowed_text(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    transcript, view, _turn = view_at_turn(qtbot, 700)
    assert view.is_windowed and view.text_window()[0] > 0
    window = view.text_window()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    view.copy()
    copied = QApplication.clipboard().text()
    assert copied.endswith(transcript.text) and len(copied) < len(transcript.text) + 200  # the title first
    assert view.text_window() == window  # selecting all does not move the reader
    menu = view.createStandardContextMenu()
    select_all = next(a for a in menu.actions() if a.objectName() == "select-all")
    view.setTextCursor(QTextCursor(view.document()))
    select_all.trigger()
    view.copy()
    assert QApplication.clipboard().text() == copied
    menu.deleteLater()


def test_search_marks_and_the_current_turn_follow_the_window(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    transcript = big_transcript(1_500)
    view = make_view(qtbot, transcript)
    term = "第1490段"  # only in the last 1% of the text
    start = transcript.text.index(term)
    assert start > 0.99 * len(transcript.text)
    view.set_search_matches([(start, start + len(term))])
    assert view.match_count == 0  # not in the first window: nothing to paint there
    view.set_current_match((start, start + len(term)))
    view.scroll_to_offset(start, anchor=0.33)
    QTest.qWait(20)
    assert view.match_count == 1
    assert view.is_on_screen(start)
    assert 1490 in shown_turns(view)
    turn = transcript.turns[1490]
    view.set_current_turn(turn.start)
    assert len(view.extraSelections()) == 2  # the current match and the current turn
    view.scroll_to_offset(0)
    QTest.qWait(20)
    assert view.extraSelections() == []  # both lie outside this window
    view.scroll_to_offset(start)
    QTest.qWait(20)
    assert len(view.extraSelections()) == 2


def test_the_window_keeps_the_look(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    """A window further on formats its speaker lines as the whole document does."""
    _, view, turn = view_at_turn(qtbot, 1000)
    assert view.text_window()[0] > 0
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_position(turn.label_span.start) + 1)
    from PySide6.QtGui import QFont

    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    assert "大文档" not in view.toPlainText()  # the header belongs to the first window only


def test_a_search_finds_a_term_only_in_the_last_percent_in_the_window(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The real window on a file of 0.7 MB shown in small windows: typing a term that occurs only
    at the end finds it, and going to the match shows it."""
    from reader.app import create_main_window
    from reader.ui.settings import AppSettings

    monkeypatch.setattr(transcript_view, "WINDOWED_FROM", 50_000)
    monkeypatch.setattr(transcript_view, "WINDOW_CHARS", 40_000)
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", str(tmp_path / "cache"))
    lines = []
    for index in range(3_000):
        who = ("主持人", "李明", "记者")[index % 3]
        lines.append(f"{who}：\n\n第{index}段。今年以来，全国公安机关持续推进打击治理电信网络诈骗犯罪工作。\n")
    lines.append("李明：\n\n最后一段提到了独一无二的蓝鲸计划。\n")
    path = tmp_path / "big.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    window = create_main_window(str(path), settings=AppSettings.from_file(tmp_path / "settings.ini"),
                                show_dialogs=False)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.transcript is not None and not window.steps.pending, timeout=20_000)
    assert window.view.is_windowed
    text = window.transcript.text
    assert text.index("蓝鲸计划") > 0.99 * len(text)
    assert "蓝鲸计划" not in on_screen_text(window.view)
    window.search("蓝鲸计划")
    qtbot.waitUntil(lambda: window.search_session.match_starts == (text.index("蓝鲸计划"),), timeout=10_000)
    QTest.qWait(30)
    assert "蓝鲸计划" in on_screen_text(window.view)  # the current match was gone to
    assert window.view.match_count == 1
    window.loader.shutdown()


@pytest.mark.parametrize("start_at", [0, 700, 1_499])
def test_ctrl_end_and_ctrl_home_go_to_the_end_and_the_start_of_the_whole_text(qtbot, small_windows,  # type: ignore[no-untyped-def]
                                                                               start_at: int) -> None:
    """Not to those of the window being read: Qt's own keys know only the document."""
    transcript, view, _ = view_at_turn(qtbot, start_at)
    assert view.is_windowed
    last = len(transcript.turns) - 1
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(20)
    assert view.text_window()[1] == len(transcript.text)
    assert last in shown_turns(view) and view.visible_range()[1] >= transcript.turns[last].end - 1
    QTest.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(20)
    assert view.text_window()[0] == 0
    assert 0 in shown_turns(view) and "大文档" in on_screen_text(view)


def test_the_keypads_ctrl_end_goes_to_the_end_of_the_whole_text_too(qtbot, small_windows) -> None:  # type: ignore[no-untyped-def]
    transcript, view, _ = view_at_turn(qtbot, 0)
    keypad = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier
    QTest.keyClick(view, Qt.Key.Key_End, keypad)
    QTest.qWait(20)
    assert view.text_window()[1] == len(transcript.text)
