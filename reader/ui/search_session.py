"""Search in the shown transcript: the matches, the current one, and stepping through them.

The index (``reader.search.index.SearchIndex``) is made on the first search of a document
(OpenCC loads then, not at start-up) and folds the text piece by piece as searches reach it.
A new query makes the first match at or after the reader's position current, as browsers
do; Enter / F3 step with wrap-around. The session only says what changed; the window
paints it.

A big text (``BACKGROUND_FROM`` characters or more) is searched on a worker thread
(``reader.search.background``): ``matchesChanged([])`` clears the old marks at once, the
matches then arrive in batches (``matchesAdded``), the count growing, and ``finished`` says
the list is complete. A keystroke during a search cancels it; a batch of an older search
is dropped, so its matches are never shown. Smaller texts are searched at once, on the GUI
thread, in well under a keystroke's budget.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from reader.model import Transcript
from reader.search.cursor import WrapCursor

if TYPE_CHECKING:
    from reader.search.background import BackgroundSearch, Batch
    from reader.search.index import SearchIndex

Span = tuple[int, int]

BACKGROUND_FROM = 1_000_000  # characters: a search of a bigger text runs on a worker thread


class _Bridge(QObject):
    """Made on the GUI thread: the worker emits here, and the slot runs on the GUI thread."""

    batch = Signal(object)


class SearchSession(QObject):
    """The matches of the current query in the shown transcript."""

    matchesChanged = Signal(object)  # list of (start, end), in text order: all of them (or none yet)
    matchesAdded = Signal(object)  # more (start, end) of a search still running, after the others
    finished = Signal()  # the matches are complete (every search ends with it)
    currentChanged = Signal(object)  # the current match's (start, end), or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._transcript: Transcript | None = None
        self._query = ""
        self._index: SearchIndex | None = None
        self._matches: list[Span] = []
        self._starts: list[int] = []
        self._cursor = WrapCursor()
        self._generation = 0
        self._running = False
        self._anchor = 0
        self._counts: tuple[dict[str, int], dict[int, int]] | None = None
        self._bridge = _Bridge(self)
        self._bridge.batch.connect(self._on_batch)
        self._worker: BackgroundSearch | None = None

    @property
    def matches(self) -> list[Span]:
        return list(self._matches)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def query(self) -> str:
        """The query searched last ("" for none)."""
        return self._query

    @property
    def match_starts(self) -> tuple[int, ...]:
        if self._running:
            return tuple(self._starts)
        return self._cursor.positions

    @property
    def current(self) -> int | None:
        return self._cursor.index

    @property
    def running(self) -> bool:
        """True while a background search is still finding matches."""
        return self._running

    @property
    def counts(self) -> tuple[dict[str, int], dict[int, int]] | None:
        """Matches per speaker and per turn when the worker counted them (else None)."""
        return self._counts

    @property
    def generation(self) -> int:
        return self._generation

    def set_transcript(self, transcript: Transcript | None) -> None:
        """A new document: no matches until the next search."""
        self.cancel()
        self._transcript = transcript
        self._index = None
        self._query = ""
        self._matches = []
        self._starts = []
        self._cursor = WrapCursor()
        self._counts = None

    def cancel(self) -> None:
        """Stop a background search (its batches still queued are dropped)."""
        self._generation += 1
        self._running = False
        if self._worker is not None:
            self._worker.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker thread to end (tests, shutdown)."""
        return self._worker is None or self._worker.wait(timeout)

    def search(self, query: str, here: int) -> None:
        """Find every match of ``query``; the first at or after the current match (or ``here``,
        the reader's position) becomes current."""
        if self._transcript is None:
            return
        was_running = self._running
        self.cancel()
        self._counts = None
        self._query = query.strip()
        if not self._query:
            self._show([], None)
            self.finished.emit()
            return
        if self._index is None:
            from reader.search.index import SearchIndex  # OpenCC loads on the first search

            self._index = SearchIndex(self._transcript.text)
        anchor = self._matches[self._cursor.index][0] if self._cursor.index is not None else here
        if was_running and self._cursor.index is None:
            anchor = self._anchor  # the last search had not reached the reader yet
        if len(self._transcript.text) < BACKGROUND_FROM:
            self._show(self._index.find_spans(query), anchor)
            self.finished.emit()
            return
        from reader.search.background import BackgroundSearch

        if self._worker is None:
            self._worker = BackgroundSearch(self._bridge.batch.emit)
        self._running = True
        self._anchor = anchor
        self._matches = []
        self._starts = []
        self._cursor = WrapCursor()
        self.matchesChanged.emit([])  # the last query's marks go at once
        self.currentChanged.emit(None)
        self._worker.start(self._index, self._query, self._generation, self._transcript.turns)

    @Slot(object)
    def _on_batch(self, batch: Batch) -> None:
        if batch.generation != self._generation or not self._running:
            return  # an older search's: never shown
        first = len(self._matches)
        self._matches.extend(batch.spans)
        self._starts.extend(s for s, _ in batch.spans)
        if batch.done:
            self._running = False
            self._counts = (batch.per_speaker, batch.per_turn)
        before = self._cursor.index
        index = before
        if index is None:
            found = bisect_left(self._starts, self._anchor, first)
            if found < len(self._starts):
                index = found
            elif batch.done and self._starts:
                index = 0  # none after the reader: wrap to the first
        self._cursor = WrapCursor(self._starts, index)
        if batch.spans:
            self.matchesAdded.emit(batch.spans)
        if index != before:
            self.currentChanged.emit(self._current_span())
        if batch.done:
            self.finished.emit()

    def _show(self, spans: list[Span], anchor: int | None) -> None:
        self._matches = spans
        self._starts = [s for s, _ in spans]
        self._cursor = WrapCursor(self._starts)
        self.matchesChanged.emit(spans)
        if spans:
            self._cursor.first_at_or_after(anchor or 0)
        self.currentChanged.emit(self._current_span())

    def _current_span(self) -> Span | None:
        index = self._cursor.index
        return None if index is None else self._matches[index]

    def next(self, here: int) -> None:
        if self._cursor.next(here) is not None:
            self.currentChanged.emit(self._current_span())

    def previous(self, here: int) -> None:
        if self._cursor.prev(here) is not None:
            self.currentChanged.emit(self._current_span())

    def go_to(self, index: int) -> None:
        if 0 <= index < len(self._matches):
            self._cursor.index = index
            self.currentChanged.emit(self._current_span())
