"""The window while the library indexes a folder, searches it and opens its pages.

The GUI thread must not stall (issue 13: longest step <= 50 ms while indexing runs). One
offscreen window, one process; steps are GUI-thread CPU time between ticks of a 10 ms timer,
as ``bench_freeze.py`` measures them, so other processes on the machine do not inflate them.

- baseline: the same window idle for as long as the indexing took;
- indexing: File > Add Folder on ``--files`` generated briefings (``tests/library_corpus.py``,
  written under a temporary folder and deleted after), from the start to the pane's
  "finished" (worker processes parse; the pane's thread writes);
- then a search, a speaker page and a figure history: the time until each is shown, and the
  GUI thread's longest step meanwhile (the library answers on a pool thread; the window
  builds the results, the page or the chart).

Printed: files per second, the longest step and the 99th percentile of each phase, and the
ratio of the indexing's longest step to the baseline's.

Run: ``.venv/bin/python bench/bench_library_window.py [--files 400]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


class Ticks:
    """GUI-thread CPU time between the ticks of a 10 ms timer."""

    def __init__(self, parent) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        self.steps: list[float] = []
        self._last = time.thread_time()
        self._timer = QTimer(parent)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.thread_time()
        self.steps.append((now - self._last) * 1000)
        self._last = now

    def take(self) -> list[float]:
        self._tick()
        steps, self.steps = self.steps, []
        return steps


def _summary(steps: list[float]) -> str:
    ordered = sorted(steps) or [0.0]
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"longest {ordered[-1]:.0f} ms, p99 {p99:.0f} ms over {len(steps)} ticks"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-library-window-"))
    os.environ["TRANSCRIPT_READER_LIBRARY"] = str(scratch / "index" / "library.sqlite3")
    os.environ["TRANSCRIPT_READER_CACHE_DIR"] = str(scratch / "cache")
    try:
        from library_corpus import write_library
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from reader.ui.main_window import MainWindow
        from reader.ui.settings import AppSettings

        write_library(scratch / "docs", args.files, seed=11)
        app = QApplication.instance() or QApplication([])
        window = MainWindow(AppSettings.from_file(scratch / "settings.ini"), show_dialogs=False)
        window.resize(1280, 800)
        window.show()
        pane = window.attach_navigation().show_library()
        QTest.qWait(300)
        ticks = Ticks(window)
        done: list[object] = []
        pane.indexingFinished.connect(done.append)
        ticks.take()
        started = time.perf_counter()
        pane.add_folder(str(scratch / "docs"))
        while not done:
            QTest.qWait(20)
        took = time.perf_counter() - started
        indexing = ticks.take()
        QTest.qWait(int(took * 1000))
        idle = ticks.take()

        shown: list[int] = []
        pane.resultsShown.connect(shown.append)
        pane.search("诈骗")
        while not shown:
            QTest.qWait(5)
        QTest.qWait(500)  # the contexts follow
        searching = ticks.take()
        pages: list[object] = []
        pane.pageShown.connect(pages.append)
        begun = time.perf_counter()
        pane.show_speaker("华春莹")
        while not pages and time.perf_counter() - begun < 60:
            QTest.qWait(5)
        if not pages:
            print(f"no speaker page after 60 s: {pane.status.text()}")
            return 1
        speaker_ms = (time.perf_counter() - begun) * 1000
        speaker_steps = ticks.take()
        page = pages[-1]
        begun = time.perf_counter()
        history = pane.show_figure_history("社会消费品零售总额 同比增长")
        while history.history is None and time.perf_counter() - begun < 60:
            QTest.qWait(5)
        history_ms = (time.perf_counter() - begun) * 1000
        history_steps = ticks.take()
        print(f"{args.files} files indexed in {took:.1f} s ({args.files / took:.0f} files/s)")
        print(f"baseline (idle window):  {_summary(idle)}")
        print(f"while indexing:          {_summary(indexing)}")
        print(f"a search ({shown[0]:,} turns): {_summary(searching)}")
        print(f"speaker page shown after {speaker_ms:.0f} ms: {_summary(speaker_steps)}")
        print(f"figure history shown after {history_ms:.0f} ms (pyqtgraph's first import included): "
              f"{_summary(history_steps)}")
        print(f"indexing's longest step / baseline's: {max(indexing) / max(max(idle), 0.1):.1f}x")
        for w in (page, history):
            w.close()  # type: ignore[attr-defined]
        window.close()
        app.processEvents()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
