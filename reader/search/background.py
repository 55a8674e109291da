"""A search over a big text on a worker thread, its matches handed over in batches.

``str.find`` and the folding hold the GIL for their whole call, so the worker searches the
text piece by piece (:class:`reader.search.index.SearchIndex`): between pieces the GUI
thread gets the interpreter back, and each batch of matches goes to ``deliver`` (which the
window turns into a queued Qt signal) at most every ``BATCH_SECONDS``, the first one as soon
as there is a match. A new search cancels the one before it: each carries a generation, and
a cancelled search stops at its next piece and delivers nothing more.

The last batch (``done``) carries the matches per speaker and per turn
(:func:`reader.search.index.match_counts`), counted here rather than on the GUI thread.

No Qt here: plain threads and callbacks.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.record_tables import TurnTable
from reader.search.index import SearchIndex, match_counts

BATCH_SECONDS = 0.05

Span = tuple[int, int]


@dataclass(slots=True)
class Batch:
    """Matches found since the last batch of search ``generation``; ``done`` on the last."""

    generation: int
    spans: list[Span]
    done: bool = False
    per_speaker: dict[str, int] = field(default_factory=dict)
    per_turn: dict[int, int] = field(default_factory=dict)


class BackgroundSearch:
    """Runs one search at a time on a daemon thread; ``start`` cancels the one running."""

    def __init__(self, deliver: Callable[[Batch], None]) -> None:
        self._deliver = deliver
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def start(self, index: SearchIndex, query: str, generation: int, turns: TurnTable | None) -> None:
        self.cancel()
        self._cancel = cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(index, query, generation, turns, cancel),
                                        name=f"search-{generation}", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker to end (tests, shutdown); True when it has."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _send(self, batch: Batch, cancel: threading.Event) -> bool:
        """Hand ``batch`` over unless cancelled; False when the search is to stop (cancelled,
        or the receiver is gone: a window closed while its search ran)."""
        if cancel.is_set():
            return False
        try:
            self._deliver(batch)
        except RuntimeError:  # PySide6: the receiving object was deleted
            cancel.set()
            return False
        return True

    def _run(self, index: SearchIndex, query: str, generation: int, turns: TurnTable | None,
             cancel: threading.Event) -> None:
        pending: list[Span] = []
        starts: list[int] = []
        sent_any = False
        last = time.perf_counter()
        for found in index.iter_spans(query, stop=cancel.is_set):
            if not found:
                continue
            pending.extend(found)
            starts.extend(s for s, _ in found)
            now = time.perf_counter()
            if not sent_any or now - last >= BATCH_SECONDS:
                if not self._send(Batch(generation, pending), cancel):
                    return
                pending, sent_any, last = [], True, now
        if cancel.is_set():
            return
        per_speaker, per_turn = match_counts(turns, starts) if turns is not None else ({}, {})
        self._send(Batch(generation, pending, True, per_speaker, per_turn), cancel)
