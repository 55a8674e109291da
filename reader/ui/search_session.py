"""Search in the shown transcript: the matches, the current one, and stepping through them.

The index (``reader.search.index.SearchIndex``) is built on the first search of a document
(OpenCC loads then, not at start-up). A new query makes the first match at or after the
reader's position current, as browsers do; Enter / F3 step with wrap-around. The session
only says what changed; the window paints it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.model import Transcript
from reader.search.cursor import WrapCursor

if TYPE_CHECKING:
    from reader.search.index import SearchIndex

Span = tuple[int, int]


class SearchSession(QObject):
    """The matches of the current query in the shown transcript."""

    matchesChanged = Signal(object)  # list of (start, end), in text order
    currentChanged = Signal(object)  # the current match's (start, end), or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._transcript: Transcript | None = None
        self._query = ""
        self._index: SearchIndex | None = None
        self._matches: list[Span] = []
        self._cursor = WrapCursor()

    @property
    def matches(self) -> list[Span]:
        return list(self._matches)

    @property
    def query(self) -> str:
        """The query searched last ("" for none)."""
        return self._query

    @property
    def match_starts(self) -> tuple[int, ...]:
        return self._cursor.positions

    @property
    def current(self) -> int | None:
        return self._cursor.index

    def set_transcript(self, transcript: Transcript | None) -> None:
        """A new document: no matches until the next search."""
        self._transcript = transcript
        self._index = None
        self._query = ""
        self._matches = []
        self._cursor = WrapCursor()

    def search(self, query: str, here: int) -> None:
        """Find every match of ``query``; the first at or after the current match (or ``here``,
        the reader's position) becomes current."""
        if self._transcript is None:
            return
        self._query = query.strip()
        if not self._query:
            self._show([], None)
            return
        if self._index is None:
            from reader.search.index import SearchIndex  # OpenCC loads on the first search

            self._index = SearchIndex(self._transcript.text)
        spans = [(m.start, m.end) for m in self._index.find_all(query)]
        anchor = self._matches[self._cursor.index][0] if self._cursor.index is not None else here
        self._show(spans, anchor)

    def _show(self, spans: list[Span], anchor: int | None) -> None:
        self._matches = spans
        self._cursor = WrapCursor([s for s, _ in spans])
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
