"""Every hostile input opened in the window (offscreen), with the real parser.

What the reader must see: the document (with a warning banner where the parser had to
guess), or a message box naming the file and the reason while the previous document
stays on screen; the application keeps running either way. Large files load off the GUI
thread with a progress bar and Cancel; a file changed on disk is offered for reload at
the same reading position; a deleted file leaves the open document readable.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hostile import (
    BRIEFING,
    EITHER,
    FIXTURES,
    FIXTURES_BY_NAME,
    OPENS,
    REFUSES,
    check_export,
    interfere,
    make_huge,
    numbered_turns,
    plain_text,
    png_bytes,
)
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.app import create_main_window
from reader.export.document import transcript_to_dict
from reader.model import Transcript
from reader.pipeline import load_cached
from reader.ui.loader import DocumentLoader
from reader.ui.main_window import MainWindow
from reader.ui.settings import AppSettings

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / (
    "anti-fraud-press-conference-2022-04-14.md"
)
# The 50 MB file is the command line's and bench/bench_memory.py's: the window's large-file
# behaviour (off-thread, progress, cancel) shows on a few megabytes without minutes of parsing.
WINDOW_CASES = [pytest.param(f.name, id=f.name) for f in FIXTURES if not f.slow]
LOAD_TIMEOUT_MS = 60_000


@dataclass
class Dialogs:
    """Message boxes the window showed, captured instead of blocking on ``exec``."""

    shown: list[tuple[str, str]] = field(default_factory=list)  # (text, informative text)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    captured = Dialogs()

    def fake_exec(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText, "message boxes must not render markup"
        captured.shown.append((box.text(), box.informativeText()))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return captured


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The real window on the bundled sample, with its cache and settings in tmp_path."""
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", str(tmp_path / "cache"))
    w = create_main_window(str(SAMPLE), settings=AppSettings.from_file(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.transcript is not None and w.path == str(SAMPLE)
    yield w
    w.loader.shutdown()


def open_and_settle(qtbot, window: MainWindow, path: Path, timeout: int = LOAD_TIMEOUT_MS) -> str:  # type: ignore[no-untyped-def]
    """Open ``path`` and wait until the window has shown it or given up; say which."""
    outcome: list[str] = []
    window.documentShown.connect(lambda _path: outcome.append("shown"))
    window.openFailed.connect(lambda _path, _reason: outcome.append("failed"))
    window.loader.cancelled.connect(lambda _path: outcome.append("cancelled"))
    window.open_file(str(path))
    qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    return outcome[0]


def view_text(window: MainWindow) -> str:
    return window.view.document().toPlainText()


def shown_at(window: MainWindow, start: int, end: int) -> str:
    """The text the view shows between two offsets of the model's text."""
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.offsets.to_position(start))
    cursor.setPosition(window.view.offsets.to_position(end), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


@pytest.mark.parametrize("name", WINDOW_CASES)
def test_window_opens_or_explains(name: str, window: MainWindow, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                  dialogs: Dialogs) -> None:
    hostile = FIXTURES_BY_NAME[name]
    directory = tmp_path / "in"
    directory.mkdir()
    path = hostile.make(directory)
    previous, previous_text = window.transcript, view_text(window)

    with interfere(hostile, path):
        outcome = open_and_settle(qtbot, window, path, timeout=int(hostile.timeout * 1000))

    assert window.isVisible(), "the window must survive any input"
    assert QApplication.instance() is not None
    if hostile.outcome == REFUSES or (hostile.outcome == EITHER and outcome == "failed"):
        assert outcome == "failed", f"{hostile.why}: expected a refusal, got {outcome}"
        assert window.transcript is previous, "the previous document must stay open"
        assert window.path == str(SAMPLE)
        assert view_text(window) == previous_text
        assert len(dialogs.shown) == 1, dialogs.shown
        text, reason = dialogs.shown[0]
        assert path.name in text, f"the message does not name the file: {text!r}"
        assert len(reason) >= 4, f"the message gives no reason: {reason!r}"
        return
    assert hostile.outcome in (OPENS, EITHER)
    assert outcome == "shown", f"{hostile.why}: {outcome}, {dialogs.shown}"
    assert dialogs.shown == []
    assert window.path == str(path)
    transcript = window.transcript
    assert transcript is not None and transcript is not previous
    export = transcript_to_dict(transcript)
    check_export(export)
    if hostile.check is not None:
        hostile.check(export)
    assert transcript.text[:2000] in view_text(window), "the view does not show the transcript text"
    for figure in transcript.figures[:200]:  # where the view marks a figure is where it stands
        assert shown_at(window, figure.start, figure.end) == figure.text, figure
    banner_text = " ".join(window.banners.texts())
    if transcript.warnings:
        assert transcript.warnings[0] in banner_text, f"warnings not shown: {banner_text!r}"
    else:
        assert "warnings" not in banner_text.lower()


def test_failed_open_after_a_good_one_keeps_it_readable(window: MainWindow, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         dialogs: Dialogs) -> None:
    """A good file, then a binary one: the good one stays, still searchable."""
    good = tmp_path / "good.txt"
    good.write_text(plain_text(BRIEFING), encoding="utf-8")
    assert open_and_settle(qtbot, window, good) == "shown"
    bad = FIXTURES_BY_NAME["png-renamed"].make(tmp_path)
    assert open_and_settle(qtbot, window, bad) == "failed"
    assert window.path == str(good)
    window.search("王明")
    assert len(window.matches) >= 2


def test_search_counts_with_thousands_of_speakers(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every speaker row gets its count, and the count column fits them (fitted once per search)."""
    path = FIXTURES_BY_NAME["many-speakers"].make(tmp_path)
    assert open_and_settle(qtbot, window, path) == "shown"
    started = time.perf_counter()
    window.search("单位")
    elapsed = time.perf_counter() - started
    assert len(window.matches) == 2_000
    nav = window.speaker_nav
    assert not nav.isColumnHidden(2)
    assert nav.header().sectionSize(2) >= nav.sizeHintForColumn(2) > 0
    assert elapsed < 3.0, f"one search took {elapsed:.1f} s with 2,000 speakers"


# --------------------------------------------------------------------------- large files


@dataclass
class Heartbeat:
    """Gaps between ticks of a 10 ms GUI timer: what a user would feel as the UI freezing."""

    wall_ms: float  # longest wall-clock gap: includes waiting for the worker's GIL and other processes
    cpu_ms: float  # longest stretch of GUI-thread CPU time between ticks: the GUI thread's own work
    ticks: int


def _heartbeat(qtbot, window: MainWindow, until, include_last: bool = False,  # type: ignore[no-untyped-def]
               settle_ms: int = 0) -> Heartbeat:
    """Tick while ``until()`` is false (and ``settle_ms`` longer, for work queued after it)."""
    clock = QElapsedTimer()
    clock.start()
    wall: list[float] = []
    cpu: list[float] = []
    last = [clock.elapsed(), time.thread_time()]

    def tick() -> None:
        now, cpu_now = clock.elapsed(), time.thread_time()
        if include_last or not until():  # else a gap ending after the moment belongs to what follows
            wall.append(now - last[0])
            cpu.append((cpu_now - last[1]) * 1000)
        last[0], last[1] = now, cpu_now

    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    try:
        qtbot.waitUntil(until, timeout=LOAD_TIMEOUT_MS)
        if settle_ms:
            qtbot.wait(settle_ms)
    finally:
        timer.stop()
    return Heartbeat(max(wall, default=0.0), max(cpu, default=0.0), len(wall))


@pytest.fixture
def large_file(tmp_path: Path) -> Path:
    return make_huge(tmp_path, 3 * 1024 * 1024)


def test_large_file_loads_off_the_gui_thread(qtbot, tmp_path: Path, large_file: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs) -> None:
    """Opening returns at once; the event loop keeps turning while the parser works.

    The real loader, wrapped only to learn when the worker is done, so the measured
    stretch is the parse alone (showing the result is the next test).
    """
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", "off")
    parsed = threading.Event()

    def load_and_tell(path: str, progress=None) -> Transcript:  # type: ignore[no-untyped-def]
        try:
            return load_cached(path, progress=progress)
        finally:
            parsed.set()

    settings = AppSettings.from_file(tmp_path / "settings.ini")
    window = MainWindow(settings, loader=DocumentLoader(load=load_and_tell))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    started = time.perf_counter()
    window.open_file(str(large_file))
    assert time.perf_counter() - started < 0.5, "open_file blocked the GUI thread"
    assert window.loader.busy
    qtbot.waitUntil(window.progress.isVisible, timeout=5000)
    assert window.cancel_button.isVisible()
    beat = _heartbeat(qtbot, window, parsed.is_set)
    assert beat.ticks > 20, "the GUI timer hardly ran while parsing"
    # Issue 6 asks for no freeze over 100 ms. Wall-clock, because a worker holding the GIL
    # freezes the GUI without costing it CPU; the margin absorbs a shared, loaded CI machine.
    assert beat.wall_ms < 400, f"the GUI froze for {beat.wall_ms} ms while parsing in the background"
    qtbot.waitUntil(lambda: window.path == str(large_file), timeout=LOAD_TIMEOUT_MS)
    assert not window.progress.isVisible()
    assert len(window.transcript.turns) > 500
    window.loader.shutdown()


def test_showing_a_large_transcript_does_not_freeze(window: MainWindow, qtbot, large_file: Path) -> None:  # type: ignore[no-untyped-def]
    """The GUI thread's own work between two timer ticks, in CPU time: a loaded machine does not
    inflate it, so the issue's 100 ms can be asserted as it stands.

    It covers the whole show and 1.5 s after it: the panel and navigation steps, the charts
    made after the first paint, and Qt's background layout of the 1.9 M characters (kept in
    short steps by ``reader.ui.layout_pacer``).

    What the suite's earlier tests left alive is collected and frozen first: late in a full run
    a full collection over their objects took one step past 100 ms (108 ms, once, on 3.10),
    a heap the app itself never has.
    """
    shown = threading.Event()
    window.documentShown.connect(lambda _path: shown.set())
    gc.collect()
    gc.freeze()
    try:
        window.open_file(str(large_file))
        beat = _heartbeat(qtbot, window, shown.is_set, include_last=True, settle_ms=1500)
    finally:
        gc.unfreeze()
    assert beat.cpu_ms < 100, f"the GUI thread worked {beat.cpu_ms:.0f} ms without a break while showing"


def test_cancel_keeps_the_previous_document(window: MainWindow, qtbot, large_file: Path) -> None:  # type: ignore[no-untyped-def]
    previous = window.transcript
    cancelled: list[str] = []
    window.loader.cancelled.connect(cancelled.append)
    window.open_file(str(large_file))
    qtbot.waitUntil(window.cancel_button.isVisible, timeout=5000)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=LOAD_TIMEOUT_MS)
    assert cancelled == [str(large_file)]
    assert window.transcript is previous
    assert window.path == str(SAMPLE)
    assert not window.progress.isVisible()
    assert not window.loader.busy


def test_second_open_supersedes_a_slow_first(window: MainWindow, qtbot, large_file: Path,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:
    """A slow load overtaken by a quick one must never replace it when it finally ends."""
    quick = tmp_path / "quick.txt"
    quick.write_text(plain_text(BRIEFING), encoding="utf-8")
    window.open_file(str(large_file))
    assert open_and_settle(qtbot, window, quick) == "shown"
    window.loader.wait(LOAD_TIMEOUT_MS)
    qtbot.wait(50)
    assert window.path == str(quick)


# --------------------------------------------------------------------------- the file changes underneath


def _long_text_file(directory: Path) -> Path:
    path = directory / "long.txt"
    path.write_text(plain_text(numbered_turns(300)), encoding="utf-8")
    return path


def test_changed_file_is_offered_for_reload_at_the_same_place(window: MainWindow, qtbot,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    path = _long_text_file(tmp_path)
    assert open_and_settle(qtbot, window, path) == "shown"
    assert window.transcript is not None
    middle = window.transcript.turns[150].start
    window.go_to_offset(middle)
    qtbot.wait(50)
    before = window.view.top_offset()
    assert before > 0

    with path.open("a", encoding="utf-8") as handle:  # an editor appending a correction
        handle.write("\n主持人：补充一句新的说明。\n")
    qtbot.waitUntil(lambda: "banner_changed" in [b.objectName() for b in window.banners.banners()],
                    timeout=5000)
    banner = next(b for b in window.banners.banners() if b.objectName() == "banner_changed")
    assert window.path == str(path), "nothing reloads until the reader asks"
    with qtbot.waitSignal(window.documentShown, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(banner.buttons[0], Qt.MouseButton.LeftButton)
    assert "补充一句新的说明" in window.transcript.text
    assert abs(window.view.top_offset() - before) < 200, "the reading position was lost on reload"


def test_replaced_file_is_offered_for_reload(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Editors save by writing a new file and renaming it over the old one."""
    path = _long_text_file(tmp_path)
    assert open_and_settle(qtbot, window, path) == "shown"
    replacement = tmp_path / "long.txt.new"
    replacement.write_text(plain_text(BRIEFING), encoding="utf-8")
    os.replace(replacement, path)
    qtbot.waitUntil(lambda: "banner_changed" in [b.objectName() for b in window.banners.banners()],
                    timeout=5000)


def test_deleted_file_leaves_the_document_readable(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _long_text_file(tmp_path)
    assert open_and_settle(qtbot, window, path) == "shown"
    shown = view_text(window)
    path.unlink()
    qtbot.waitUntil(lambda: "banner_deleted" in [b.objectName() for b in window.banners.banners()],
                    timeout=5000)
    assert view_text(window) == shown
    assert window.transcript is not None and window.path == str(path)
    window.search("王明")
    assert len(window.matches) >= 100, "the open document must stay searchable"
    window.go_to_turn(200)
    assert window.current_turn == 200


def test_reload_of_a_file_turned_to_garbage_keeps_the_old_text(window: MainWindow, qtbot,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path, dialogs: Dialogs) -> None:
    """The file is overwritten with binary data; Reload explains and the last good text stays."""
    path = _long_text_file(tmp_path)
    assert open_and_settle(qtbot, window, path) == "shown"
    shown, transcript = view_text(window), window.transcript
    path.write_bytes(png_bytes())
    qtbot.waitUntil(lambda: "banner_changed" in [b.objectName() for b in window.banners.banners()],
                    timeout=5000)
    banner = next(b for b in window.banners.banners() if b.objectName() == "banner_changed")
    with qtbot.waitSignal(window.openFailed, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(banner.buttons[0], Qt.MouseButton.LeftButton)
    assert len(dialogs.shown) == 1 and path.name in dialogs.shown[0][0], dialogs.shown
    assert window.transcript is transcript
    assert view_text(window) == shown


def test_closing_the_window_mid_load_leaves_no_errors(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      large_file: Path, monkeypatch: pytest.MonkeyPatch,
                                                      dialogs: Dialogs) -> None:
    """Deleting the window while a load or the stepwise show is under way: no work may run on
    the deleted widgets afterwards (pytest-qt fails the test on any exception in the event loop)."""
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", "off")
    for delay_ms in (0, 300, 2000):
        window = create_main_window(str(SAMPLE), settings=AppSettings.from_file(tmp_path / "settings.ini"))
        window.show()
        qtbot.waitExposed(window)
        loaded: list[object] = []
        window.loader.loaded.connect(lambda *args: loaded.append(args))  # noqa: B023 - this window's list
        window.open_file(str(large_file))
        if delay_ms:
            qtbot.wait(delay_ms)
        else:
            qtbot.waitUntil(lambda: bool(loaded), timeout=LOAD_TIMEOUT_MS)  # noqa: B023 - used at once
        window.close()
        window.deleteLater()
        qtbot.wait(300)


def test_a_parser_bug_is_a_message_not_a_crash(window: MainWindow, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A fault planted in the parser: the reader is told, the previous document stays."""
    import reader.turns.build

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a parser bug")

    monkeypatch.setattr(reader.turns.build, "build_taking", broken)
    path = tmp_path / "fine.txt"
    path.write_text(plain_text(BRIEFING), encoding="utf-8")
    previous = window.transcript
    assert open_and_settle(qtbot, window, path) == "failed"
    assert window.transcript is previous and window.isVisible()
    assert len(dialogs.shown) == 1 and path.name in dialogs.shown[0][0]
    assert "a parser bug" in dialogs.shown[0][1]
    capsys.readouterr()  # the loader logs the traceback for a bug report; the user sees the box
