"""Search on a big document runs off the GUI thread, its count growing (issue 12).

A document of ``BACKGROUND_FROM`` characters or more is searched on a worker thread in
pieces; the matches arrive in batches, the search bar shows ``n / N…`` while it counts,
then the exact count. These tests lower the thresholds so a document of half a megabyte
takes that path (and is shown in small windows), and slow the folding a little so a search
is still running when the next keystroke comes. They check behaviour, not timing: the
GUI thread's timer ticks during the search, the partial counts, the final count against a
brute-force count, and that a second query leaves none of the first one's matches.

Text is typed as an input method does (a commit string): QTest.keyClicks cannot type Chinese.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_search import brute_force_spans
from test_ui_big_documents import big_transcript, shown_turns

from reader.search import background, index
from reader.ui import search_session, transcript_view
from reader.ui.main_window import MainWindow
from reader.ui.settings import AppSettings

TURNS = 3_000


def search_done(window: MainWindow) -> bool:
    """Every match found and shown: the worker is done and so are the steps after it
    (the metrics panel's marks, the speakers' counts, the Results tab)."""
    return not window.search_session.running and not window.search_steps.pending


@pytest.fixture
def slow_big_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Background search from 50,000 characters, in pieces of 4,096, each folded a little
    slower (the sleep lets go of the GIL), a batch for every piece with matches."""
    monkeypatch.setattr(search_session, "BACKGROUND_FROM", 50_000)
    monkeypatch.setattr(index, "FOLD_CHUNK", 4_096)
    monkeypatch.setattr(background, "BATCH_SECONDS", 0.0)
    monkeypatch.setattr(transcript_view, "WINDOWED_FROM", 20_000)
    monkeypatch.setattr(transcript_view, "WINDOW_CHARS", 24_000)

    def slow_fold(text: str, _fold=index.fold) -> str:  # type: ignore[no-untyped-def]
        time.sleep(0.002)
        return _fold(text)

    monkeypatch.setattr(index, "fold", slow_fold)


@pytest.fixture
def window(qtbot, tmp_path: Path, slow_big_search) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)
    transcript = big_transcript(TURNS)
    w.show_transcript(transcript, None)
    qtbot.waitUntil(lambda: not w.steps.pending, timeout=20_000)
    yield w
    w.search_session.cancel()
    w.search_session.wait(10)


def type_committed(window: MainWindow, text: str, replace: bool = False) -> None:
    """Type ``text`` as an input method commits it, then let the typing pause pass."""
    field = window.search_bar.field
    field.setFocus()
    if replace:
        field.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(field, event)
    window.search_bar.flush()


def test_the_count_grows_while_the_gui_keeps_running_then_is_exact(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    text = window.transcript.text
    term = "第1"
    statuses: list[str] = []
    window.search_session.matchesAdded.connect(lambda _: statuses.append(window.search_bar.status.text()))
    ticks = []
    timer = QTimer(window)
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(window.search_session.running))
    timer.start()
    type_committed(window, term)
    assert window.search_session.running  # not done within the keystroke: on the worker
    qtbot.waitUntil(lambda: search_done(window), timeout=30_000)
    timer.stop()
    expected = brute_force_spans(text, term)
    assert window.search_session.matches == expected
    assert window.search_bar.status.text().endswith(f" / {len(expected)}")
    assert sum(ticks) >= 3  # the event loop ran while the search did
    assert len(statuses) >= 3 and all(s.endswith("…") for s in statuses[:-1])
    counts = [int(s.split(" / ")[1].rstrip("…")) for s in statuses]
    assert counts == sorted(counts) and counts[0] < len(expected)  # growing, from partial
    assert window.overview.match_ticks == len(expected)


def test_a_term_only_in_the_last_percent_is_found_and_gone_to(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    text = window.transcript.text
    term = f"第{TURNS - 5}段"
    start = text.index(term)
    assert start > 0.99 * len(text)
    type_committed(window, term)
    qtbot.waitUntil(lambda: search_done(window), timeout=30_000)
    QTest.qWait(30)
    assert window.search_session.matches == [(start, start + len(term))]
    assert window.search_bar.status.text() == "1 / 1"
    assert window.view.is_on_screen(start)
    assert TURNS - 5 in shown_turns(window.view)
    assert window.view.match_count == 1  # painted in the window cut around it


def test_a_second_keystroke_leaves_only_the_second_terms_matches(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    text = window.transcript.text
    added: list[list[tuple[int, int]]] = []
    type_committed(window, "第")
    qtbot.waitUntil(lambda: window.search_session.match_count > 0, timeout=30_000)
    assert window.search_session.running  # the first search is still going
    window.search_session.matchesAdded.connect(added.append)
    second = "段。今年"
    type_committed(window, second, replace=True)
    assert window.search_bar.query == second
    qtbot.waitUntil(lambda: search_done(window), timeout=30_000)
    QTest.qWait(50)  # any batch of the first search still queued is delivered (and dropped) now
    expected = brute_force_spans(text, second)
    assert window.search_session.matches == expected
    assert [span for batch in added for span in batch] == expected  # no batch of the first search
    assert all(text[s:e] == second for s, e in window.view._match_spans)
    assert window.view._match_spans == expected
    doc_text = window.view.toPlainText()
    window_start = window.view.text_window()[0]
    for s, e in window.view._matches.spans_between(0, len(doc_text)):  # what is painted
        assert doc_text[s:e] == second, (s, e, window_start)
    assert window.overview.match_ticks == len(expected)


def test_find_all_during_a_search_lists_every_match(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    text = window.transcript.text
    term = "第2"
    type_committed(window, term)
    assert window.search_session.running
    qtbot.mouseClick(window.search_bar.find_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: search_done(window), timeout=30_000)
    expected = brute_force_spans(text, term)
    summary = window.find_results.summary.text()
    assert summary.startswith((f"{len(expected):,} matches", f"{len(expected)} matches")), summary
    model = window.find_results.model()
    model.fetch_all(QModelIndex())  # as scrolling to the end does: groups come a thousand at a time
    groups = [model.index(row, 0) for row in range(model.rowCount())]
    assert sum(int(re.search(r"\((\d+)\)$", g.data()).group(1)) for g in groups) == len(expected)
    nav = window.speaker_nav
    qtbot.waitUntil(lambda: not nav.counting, timeout=30_000)
    speakers = window.transcript.speakers
    shown = sum(int(nav.speaker_index(s.id).siblingAtColumn(2).data() or 0) for s in speakers)
    assert shown == len(expected)


def test_while_a_new_search_counts_the_last_ones_counts_are_not_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The speakers' counts column and the Results tab never show the previous query's
    numbers beside the new query's matches: hidden while it counts, then the new ones."""
    text = window.transcript.text
    nav = window.speaker_nav
    type_committed(window, "第2")
    qtbot.mouseClick(window.search_bar.find_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: search_done(window) and not nav.counting, timeout=30_000)
    assert not nav.isColumnHidden(2) and window.find_results.model().rowCount() > 0
    seen: list[tuple[bool, int]] = []  # (column hidden, Results rows) at each tick of the new search
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(lambda: seen.append((nav.isColumnHidden(2), window.find_results.model().rowCount()))
                          if window.search_session.running else None)
    timer.start()
    second = "段。今年"
    type_committed(window, second, replace=True)
    assert window.search_session.running
    # The search may end before the timer's first tick on a busy machine: look once now too.
    seen.append((nav.isColumnHidden(2), window.find_results.model().rowCount()))
    qtbot.waitUntil(lambda: search_done(window) and not nav.counting, timeout=30_000)
    timer.stop()
    assert seen and all(hidden and rows == 0 for hidden, rows in seen), seen[:5]
    expected = brute_force_spans(text, second)
    speakers = window.transcript.speakers
    shown = sum(int(nav.speaker_index(s.id).siblingAtColumn(2).data() or 0) for s in speakers)
    assert not nav.isColumnHidden(2) and shown == len(expected)
