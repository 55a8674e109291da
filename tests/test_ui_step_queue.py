"""The step queue runs one step per pass of the event loop, so a paint can come between any
two steps (reader.ui.steps): Qt ran a chain of 0 ms single shots two at a time."""

from __future__ import annotations

import itertools
import time

from PySide6.QtWidgets import QApplication

from reader.ui.steps import StepQueue


def test_a_ticking_timer_gets_its_turn_between_any_two_steps(qtbot) -> None:  # type: ignore[no-untyped-def]
    """As the freeze benchmarks measure it: a 2 ms timer stands for the paints and input
    the window must get to between two steps of 4 ms each."""
    from PySide6.QtCore import Qt, QTimer

    queue = StepQueue()
    seen: list[str] = []

    def step() -> None:
        seen.append("step")
        end = time.perf_counter() + 0.004
        while time.perf_counter() < end:
            pass

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(2)
    ticker.timeout.connect(lambda: seen.append("tick"))
    ticker.start()
    queue.start([step] * 30, after_paint=False)
    qtbot.waitUntil(lambda: not queue.pending, timeout=5000)
    ticker.stop()
    steps = [i for i, what in enumerate(seen) if what == "step"]
    assert len(steps) == 30
    together = sum(1 for a, b in itertools.pairwise(steps) if b == a + 1)
    assert together == 0, f"{together} of 29 steps ran right after the one before, with no tick between"


def test_a_new_start_drops_the_steps_left(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = StepQueue()
    ran: list[str] = []
    queue.start([lambda: ran.append("old"), lambda: ran.append("old")], after_paint=False)
    queue.start([lambda: ran.append("new")], after_paint=False)
    qtbot.waitUntil(lambda: not queue.pending, timeout=2000)
    QApplication.processEvents()
    assert ran == ["new"]
