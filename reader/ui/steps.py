"""Showing a document in steps, one per turn of the event loop, so no step holds the window.

A large transcript is shown text first (its first screen, then the rest in slices), then
the navigation, the overview, the metrics panel and the search, each in a later turn of the
event loop. The queue may wait for the first paint of the text (the steps start after it,
or after ``FIRST_PAINT_WAIT_MS`` if the view is never painted) and a step may hold the
queue until something it needs arrives (the metrics panel's numbers, from the loader's
thread). A new document replaces the queue.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

FIRST_PAINT_WAIT_MS = 500  # a queue waiting for the first paint goes on after this anyway
# The next step is a 1 ms timer, not a 0 ms one: Qt ran a chain of 0 ms single shots two
# steps per pass of the event loop (measured: a 2 ms ticker saw 10 ms gaps between 5 ms
# steps), so two steps' work came between paints; a timer started during a pass is not
# due in that pass (the same chain with 1 ms: 6.4 ms gaps).
NEXT_TURN_MS = 1

Step = Callable[[], None]


class StepQueue(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Step] = []
        self._wait_for_paint = False
        self._held = False
        # Timer objects, not QTimer.singleShot(ms, self, slot): that overload makes PySide6
        # build QMetaMethod's class before the first paint.
        self._paint_wait = QTimer(self, singleShot=True, interval=FIRST_PAINT_WAIT_MS)
        self._paint_wait.timeout.connect(self.painted)
        self._turn = QTimer(self, singleShot=True, interval=NEXT_TURN_MS)
        self._turn.timeout.connect(self._run_next)

    @property
    def pending(self) -> bool:
        return bool(self._steps)

    def start(self, steps: list[Step], after_paint: bool) -> None:
        """Run ``steps`` one per event-loop turn, from the next turn or after the next paint."""
        self._steps = list(steps)
        self._held = False
        self._wait_for_paint = after_paint
        if after_paint:
            self._paint_wait.start()
        else:
            self._next_turn()

    def run_now(self, steps: list[Step]) -> None:
        """Run ``steps`` at once (a small document, or a caller that needs it all now)."""
        self._steps = []
        self._held = False
        self._wait_for_paint = False
        for step in steps:
            step()

    def again_first(self, step: Step) -> None:
        """Run ``step`` again before the others (it did part of its work)."""
        self._steps.insert(0, step)

    def hold(self, step: Step) -> None:
        """``step`` cannot run yet: run it first once :meth:`release` is called."""
        self._steps.insert(0, step)
        self._held = True

    @property
    def held(self) -> bool:
        return self._held

    def release(self) -> None:
        if self._held:
            self._held = False
            self._next_turn()

    @Slot()
    def painted(self) -> None:
        """The text was painted (or the wait for it ran out): the steps may begin."""
        if self._wait_for_paint:
            self._wait_for_paint = False
            self._next_turn()  # after this paint, not inside it

    def _next_turn(self) -> None:
        self._turn.start()  # stopped with the queue if it is deleted first

    @Slot()
    def _run_next(self) -> None:
        if self._steps and not self._held:
            self._steps.pop(0)()
        if self._steps and not self._held and not self._wait_for_paint:
            self._next_turn()
