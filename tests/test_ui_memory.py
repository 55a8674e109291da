"""Memory over a session: every replaced document is freed, and the cyclic collector stays on.

Each open built a new ``QTextDocument`` and the previous one stayed alive (a child of the
view: ``QTextEdit.setDocument`` deletes only a document its internal control owns), about
19 MB per megabyte of transcript; and each show called ``gc.freeze()``, which keeps every
object then alive, cycles that later become garbage included, forever. Start-up pauses the
collector; the pause must end whatever the first load comes to.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QTextDocument
from ui_transcripts import briefing

from reader.app import start_up_window
from reader.errors import ReaderError
from reader.model import Transcript
from reader.ui.loader import DocumentLoader
from reader.ui.main_window import MainWindow
from reader.ui.settings import AppSettings
from reader.ui.startup import CollectorPause


def fake_load(path: str, progress=None) -> Transcript:  # type: ignore[no-untyped-def]
    """``…/fail…`` fails, ``…/slow…`` takes half a second (cancellable), anything else is a new
    briefing padded with ``filler`` paragraphs per turn (the number after the last dash)."""
    if "fail" in path:
        raise ReaderError(path, "not a transcript")
    steps = 250 if "slow" in path else 1
    for i in range(steps):
        time.sleep(0.002)
        if progress is not None:
            progress(i / steps)
    return briefing(filler=int(path.rsplit("-", 1)[-1]) if "-" in path else 0)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"), loader=DocumentLoader(load=fake_load),
                   show_dialogs=False)
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.loader.shutdown()


def open_and_show(qtbot, window: MainWindow, path: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.documentShown, timeout=20_000):
        window.open_file(path)
    qtbot.waitUntil(lambda: not window.steps.pending, timeout=20_000)


def test_the_previous_document_is_deleted_when_the_next_is_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    documents = []
    for i in range(4):
        open_and_show(qtbot, window, f"/fake/doc{i}-3")
        documents.append(window.view.document())
    qtbot.wait(20)  # deferred deletes
    assert [shiboken6.isValid(d) for d in documents] == [False, False, False, True]
    assert len(window.view.findChildren(QTextDocument)) == 1


def test_showing_documents_freezes_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """``gc.freeze`` moves every live object out of the collector's reach for good: done at each
    show, the cycles of every replaced document stayed in memory."""
    open_and_show(qtbot, window, "/fake/first-1")
    frozen = gc.get_freeze_count()
    for i in range(5):
        open_and_show(qtbot, window, f"/fake/doc{i}-1")
    assert gc.get_freeze_count() == frozen


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
def test_memory_returns_to_its_level_after_fifty_opens(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def resident_mb() -> float:
        gc.collect()
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * 4096 / 2**20

    open_and_show(qtbot, window, "/fake/doc-300")  # 7 turns of 300 paragraphs: ~75,000 characters
    qtbot.wait(50)
    after_first = resident_mb()
    for i in range(50):
        open_and_show(qtbot, window, f"/fake/doc{i}-300")
    qtbot.wait(50)
    after_fifty = resident_mb()
    assert after_fifty <= after_first * 1.10, f"{after_first:.0f} MB after one, {after_fifty:.0f} after 50"


# -- the collector's pause at start-up ----------------------------------------------------


@pytest.fixture
def paused() -> Iterator[CollectorPause]:
    collector = CollectorPause()
    collector.start()
    assert not gc.isenabled()
    try:
        yield collector
    finally:
        collector.end()
        gc.enable()


def _start_up(qtbot, tmp_path: Path, paused: CollectorPause, target: str, show: bool = True) -> MainWindow:  # type: ignore[no-untyped-def]
    loader = DocumentLoader(load=fake_load)
    loader.start(target)
    window = start_up_window(target, loader, paused, AppSettings.from_file(tmp_path / "settings.ini"))
    window.show_dialogs = False
    qtbot.addWidget(window)
    if show:
        window.show()
    return window


@pytest.mark.parametrize("first", ["shown", "never-painted", "failed", "cancelled", "superseded-then-failed",
                                   "superseded-then-cancelled"])
def test_the_collector_is_on_again_whatever_the_first_load_comes_to(
        qtbot, tmp_path: Path, paused: CollectorPause, first: str) -> None:  # type: ignore[no-untyped-def]
    target = {"failed": "/fake/fail"}.get(first, "/fake/slow-1" if "cancel" in first or "super" in first
                                          else "/fake/doc-1")
    window = _start_up(qtbot, tmp_path, paused, target, show=first != "never-painted")
    ended: list[str] = []
    window.documentShown.connect(lambda _p: ended.append("shown"))
    window.openFailed.connect(lambda _p, _r: ended.append("failed"))
    window.session.cancelled.connect(lambda _p: ended.append("cancelled"))
    if first == "cancelled":
        window.session.cancel()
    elif first.startswith("superseded"):
        window.open_file("/fake/fail" if first.endswith("failed") else "/fake/slow-1")
        if first.endswith("cancelled"):
            window.session.cancel()
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert gc.isenabled(), f"the collector is still paused after the first load was {ended[0]}"
    window.loader.shutdown()
