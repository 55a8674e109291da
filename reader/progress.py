"""Progress and cancel points inside the parser's long stages.

The loader's progress callback is also how a load is cancelled: it raises
``reader.errors.Cancelled`` once the reader pressed Cancel. ``reader.pipeline`` reports
between its stages, but one stage (reading the HTML, splitting turns, finding figures)
runs for a second or two on a 20 MB file, and Cancel had to wait for its end. Rather
than thread a callback through every reader and rule, the loops of those stages call
:func:`checkpoint`, which calls the hook the current load installed with
:func:`reporting` (at most every ``interval`` seconds) and does nothing otherwise.
A context variable keeps concurrent loads (and tests) apart.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

StageReport = Callable[[float], None]  # the part of the current stage done, 0..1

_hook: ContextVar[StageReport | None] = ContextVar("reader_progress_hook", default=None)


def checkpoint(done: float = 0.0) -> None:
    """A point where the current load may report ``done`` (0..1 of this stage) or be cancelled."""
    hook = _hook.get()
    if hook is not None:
        hook(done)


@contextmanager
def reporting(report: StageReport, interval: float = 0.05) -> Iterator[None]:
    """Within the block, :func:`checkpoint` calls ``report`` (no more often than ``interval``)."""
    last = time.monotonic()

    def hook(done: float) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= interval:
            last = now
            report(done)

    token = _hook.set(hook)
    try:
        yield
    finally:
        _hook.reset(token)
