"""Opening, cancelling, failing and quitting in every order: never a stuck window.

Each scenario ends with exactly one document shown (or the previous one kept), the progress
bar gone, no worker thread running, the cyclic collector on and nothing printed to stderr.
The loads are fake (a few milliseconds, cancellable at each step) so that every scenario is
quick; each runs ``RACE_REPEAT`` times (the suite: 3; ``RACE_REPEAT=50 pytest
tests/test_ui_races.py`` for the issue's 50 runs in a row).
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from ui_transcripts import briefing

import reader.ui.load_progress
import reader.ui.loader
import reader.ui.session
from reader.errors import ReaderError
from reader.model import Transcript
from reader.ui.loader import DocumentLoader
from reader.ui.main_window import MainWindow
from reader.ui.settings import AppSettings

REPEAT = int(os.environ.get("RACE_REPEAT", "3"))
RUNS = pytest.mark.parametrize("run", range(REPEAT))
STEP_S = 0.002  # one step of a fake load


@dataclass
class FakeFiles:
    """Paths named ``NAME.ok.STEPS`` load in STEPS cancellable steps; ``NAME.fail.STEPS`` fail."""

    transcripts: dict[str, Transcript] = field(default_factory=dict)
    started: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)  # for ``.wait.`` paths
    waiting: threading.Event = field(default_factory=threading.Event)  # a ``.wait.`` load is blocked

    def path(self, name: str, kind: str = "ok", steps: int = 5) -> str:
        path = f"/fake/{name}.{kind}.{steps}"
        if kind != "fail":
            self.transcripts[path] = briefing()
        return path

    def load(self, path: str, progress: Callable[..., object] | None = None) -> Transcript:
        self.started.append(path)
        _, kind, steps = path.rsplit(".", 2)
        for i in range(int(steps)):
            if kind == "wait" and i == 1:
                self.waiting.set()
                self.release.wait(5)
            time.sleep(STEP_S)
            if progress is not None:
                progress(i / int(steps))
        if kind == "fail":
            raise ReaderError(path, "not a transcript")
        return self.transcripts[path]


@dataclass
class Seen:
    shown: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)


@pytest.fixture
def files() -> FakeFiles:
    return FakeFiles()


@pytest.fixture
def window(qtbot, tmp_path: Path, files: FakeFiles, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(reader.ui.load_progress, "PROGRESS_DELAY_MS", 0)  # the bar shows at once
    w = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"), loader=DocumentLoader(load=files.load),
                   show_dialogs=False)
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.loader.shutdown()


def watch(window: MainWindow) -> Seen:
    seen = Seen()
    window.documentShown.connect(seen.shown.append)
    window.openFailed.connect(lambda path, _reason: seen.failed.append(path))
    window.session.cancelled.connect(seen.cancelled.append)
    return seen


def first_document(qtbot, window: MainWindow, files: FakeFiles) -> Transcript:  # type: ignore[no-untyped-def]
    path = files.path("first", steps=1)
    with qtbot.waitSignal(window.documentShown, timeout=5000):
        window.open_file(path)
    settle(qtbot, window)
    return files.transcripts[path]


def settle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Wait until nothing is loading, no step is pending and the worker is idle."""
    qtbot.waitUntil(lambda: not window.loader.busy and not window.steps.pending and window.loader.wait(0),
                    timeout=10_000)
    qtbot.wait(10)  # signals the worker queued just before it went idle


def assert_settled(window: MainWindow, shown: Transcript, capfd: pytest.CaptureFixture[str]) -> None:
    assert window.transcript is shown
    assert window.view.transcript is shown
    assert window.view.document().toPlainText().count(shown.text[:20]) >= 1
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()
    assert not window.loader.busy
    assert window.loader.wait(0) and QThreadPool.globalInstance().activeThreadCount() == 0
    assert gc.isenabled()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err


# -- the stuck show -----------------------------------------------------------------------


def test_a_failing_open_while_the_panels_numbers_are_pending_does_not_stall_the_show(
        qtbot, tmp_path: Path, files: FakeFiles, capfd: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up's document comes without the panel's numbers; its show waits for them from the
    worker. A new open used to cancel that request silently, so when the new open failed the
    show waited forever: no documentShown, no panel, no search, no recent file."""
    loader = DocumentLoader(load=files.load)
    window = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"), loader=loader, show_dialogs=False,
                        defer_metrics_panel=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen = watch(window)
    bad = files.path("bad", "fail", 1)
    real_request = window.session.request_facts

    def request_then_open_a_failing_file() -> None:
        real_request()
        if not seen.failed and bad not in files.started:
            window.open_file(bad)  # in the same turn: the request is still queued for the worker

    monkeypatch.setattr(window.session, "request_facts", request_then_open_a_failing_file)
    good = files.path("good", steps=1)
    loader.start(good)  # as start-up does: the model alone
    window.track_load(good)
    qtbot.waitUntil(lambda: seen.failed == [bad], timeout=5000)
    qtbot.waitUntil(lambda: seen.shown == [good], timeout=5000)
    settle(qtbot, window)
    assert window.metrics_panel is not None and window.metrics_panel.transcript is files.transcripts[good]
    assert_settled(window, files.transcripts[good], capfd)
    loader.shutdown()


# -- opening while a load runs -----------------------------------------------------------


@RUNS
def test_opening_a_file_while_another_loads_shows_only_the_second(
        qtbot, window: MainWindow, files: FakeFiles, capfd: pytest.CaptureFixture[str], run: int) -> None:  # type: ignore[no-untyped-def]
    first_document(qtbot, window, files)
    seen = watch(window)
    slow, quick = files.path("slow", steps=200), files.path("quick", steps=2)
    window.open_file(slow)
    qtbot.waitUntil(lambda: slow in files.started, timeout=5000)
    window.open_file(quick)
    qtbot.waitUntil(lambda: seen.shown == [quick], timeout=5000)
    settle(qtbot, window)
    assert seen.shown == [quick] and not seen.failed
    assert_settled(window, files.transcripts[quick], capfd)


@RUNS
def test_a_failing_open_while_a_good_file_loads_keeps_the_previous_document(
        qtbot, window: MainWindow, files: FakeFiles, capfd: pytest.CaptureFixture[str], run: int) -> None:  # type: ignore[no-untyped-def]
    previous = first_document(qtbot, window, files)
    seen = watch(window)
    good, bad = files.path("good", steps=200), files.path("bad", "fail", 2)
    window.open_file(good)
    qtbot.waitUntil(lambda: good in files.started, timeout=5000)
    window.open_file(bad)
    qtbot.waitUntil(lambda: seen.failed == [bad], timeout=5000)
    settle(qtbot, window)
    assert seen.shown == [] and window.last_error is not None and window.last_error[0] == bad
    assert_settled(window, previous, capfd)


@RUNS
def test_twenty_files_opened_in_a_row_show_the_last(
        qtbot, window: MainWindow, files: FakeFiles, capfd: pytest.CaptureFixture[str], run: int) -> None:  # type: ignore[no-untyped-def]
    first_document(qtbot, window, files)
    seen = watch(window)
    paths = [files.path(f"doc{i}", "fail" if i % 5 == 3 else "ok", steps=3 + i % 4) for i in range(20)]
    for i, path in enumerate(paths):
        window.open_file(path)
        if i % 3 == 0:
            qtbot.wait(1 + i % 4)  # some in one turn, some a few milliseconds apart
    qtbot.waitUntil(lambda: seen.shown == [paths[-1]], timeout=10_000)
    settle(qtbot, window)
    assert seen.shown == [paths[-1]]
    assert_settled(window, files.transcripts[paths[-1]], capfd)


# -- cancelling at every step -------------------------------------------------------------

CANCEL_POINTS = ("queued", "loading", "loaded-not-delivered", "preparing")


@RUNS
@pytest.mark.parametrize("point", CANCEL_POINTS)
def test_cancel_at_any_point_keeps_the_previous_document(
        qtbot, window: MainWindow, files: FakeFiles, capfd: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch, point: str, run: int) -> None:
    """Once Cancel is pressed the new document never appears, wherever the load was."""
    previous = first_document(qtbot, window, files)
    seen = watch(window)
    preparing = threading.Event()
    if point == "preparing":
        real = reader.ui.session.prepare_off_thread

        def slow_prepare(transcript: Transcript) -> object:
            preparing.set()
            time.sleep(0.05)
            return real(transcript)

        monkeypatch.setattr(reader.ui.session, "prepare_off_thread", slow_prepare)
    path = files.path("new", steps=1 if point in ("loaded-not-delivered", "preparing") else 100)
    window.open_file(path)
    if point == "loading":
        qtbot.waitUntil(lambda: path in files.started, timeout=5000)
    elif point == "loaded-not-delivered":
        assert window.loader.wait(5000)  # the worker is done; its result waits in the queue
    elif point == "preparing":
        assert preparing.wait(5)
    window.load_progress.cancelRequested.emit()
    qtbot.waitUntil(lambda: seen.cancelled == [path], timeout=5000)
    settle(qtbot, window)
    assert seen.shown == [] and not seen.failed
    assert_settled(window, previous, capfd)


@RUNS
def test_quitting_while_a_file_loads(qtbot, tmp_path: Path, files: FakeFiles,  # type: ignore[no-untyped-def]
                                     capfd: pytest.CaptureFixture[str], run: int) -> None:
    loader = DocumentLoader(load=files.load)
    window = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"), loader=loader, show_dialogs=False)
    window.show()
    qtbot.waitExposed(window)
    first_document(qtbot, window, files)
    path = files.path("big", steps=2000)
    window.open_file(path)
    qtbot.waitUntil(lambda: path in files.started, timeout=5000)
    pool = loader._pool
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 1.0, "closing waited for the load"
    assert pool.waitForDone(0) and QThreadPool.globalInstance().activeThreadCount() == 0
    window.deleteLater()
    qtbot.wait(20)
    assert gc.isenabled()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err


def test_a_load_that_ignores_cancel_neither_blocks_closing_nor_prints_errors(
        qtbot, tmp_path: Path, files: FakeFiles, capfd: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A job still running when its window is closed and deleted: deleting the window does not
    wait for it (the pool's destructor did, freezing the window), and the job then reports into
    nothing, silently (it printed "RuntimeError: Signal source has been deleted")."""
    monkeypatch.setattr(reader.ui.loader, "SHUTDOWN_WAIT_MS", 50)
    loader = DocumentLoader(load=files.load)
    window = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"), loader=loader, show_dialogs=False)
    path = files.path("stuck", "wait", 3)
    window.open_file(path)
    # Blocked, past its first progress report: closing sets Cancel, and a job closed before it
    # reported would see Cancel there and end at once (then the pool goes with the window).
    qtbot.waitUntil(files.waiting.is_set, timeout=5000)
    pool = loader._pool
    window.close()
    started = time.perf_counter()
    window.deleteLater()  # the loader and its signals with it, the job still blocked
    qtbot.wait(20)
    assert time.perf_counter() - started < 1.0, "deleting the window waited for the job"
    files.release.set()
    assert pool.waitForDone(5000)
    qtbot.wait(20)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err
