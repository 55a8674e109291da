"""Find every match of a query in a transcript, forgiving how it was typed.

Readers type what they remember, not what the page says: ``app`` for ``APP``, ``2021``
for ``２０２１``, ``詐騙`` for ``诈骗``. Both the text and the query are folded the same
way, one character to one character, so an offset in the folded text is the same offset
in ``Transcript.text`` and every span slices the original exactly.

Folding is :func:`reader.text.fold.fold`: width, Latin case and traditional to simplified,
per character, so query and text are folded by the same function.

No Qt here: the window paints the spans this module returns and never searches itself.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from reader.record_tables import TurnTable
from reader.text.fold import fold


@dataclass(frozen=True, slots=True)
class Match:
    """One match: ``[start, end)`` offsets into the searched text."""

    start: int
    end: int


FOLD_CHUNK = 1 << 17  # characters folded at a time: ~8 ms of one C call holding the GIL


class SearchIndex:
    """The folded copy of one text, built piece by piece as searches reach it.

    The folded text is kept in pieces of ``chunk`` characters, each folded the first time a
    search reaches it (one pass, a table lookup per character), so a search can start
    returning matches before the whole text is folded, and a worker thread doing it gives
    the GIL back between pieces (``str.join`` and ``str.find`` hold it for their whole
    call). A search is then ``str.find`` on each piece, plus the few characters of the
    next so a match across a boundary is found once.
    """

    __slots__ = ("_chunk", "_folded", "_lock", "text")

    def __init__(self, text: str, chunk: int | None = None) -> None:
        self.text = text
        self._chunk = max(1, FOLD_CHUNK if chunk is None else chunk)
        self._folded: list[str] = []
        self._lock = threading.Lock()  # one folder at a time (a cancelled search may still run)

    @property
    def chunk_count(self) -> int:
        return max(1, -(-len(self.text) // self._chunk))

    @property
    def folded_chunks(self) -> int:
        """How many pieces are folded so far."""
        return len(self._folded)

    def _piece(self, i: int) -> str:
        folded = self._folded
        if i < len(folded):
            return folded[i]
        with self._lock:
            while len(folded) <= i:
                start = len(folded) * self._chunk
                folded.append(fold(self.text[start:start + self._chunk]))
            return folded[i]

    def iter_spans(self, query: str, limit: int | None = None,
                   stop: Callable[[], bool] | None = None) -> Iterator[list[tuple[int, int]]]:
        """The non-overlapping matches of ``query`` as ``(start, end)``, one list per piece of
        the text, in text order (possibly empty lists: a caller may stop between pieces,
        and ``stop()`` true ends the search there)."""
        needle = fold(query.strip())
        if not needle:
            return
        size, chunk, count = len(needle), self._chunk, 0
        resume = 0  # matches do not overlap: the next starts at or after the last one's end
        for i in range(self.chunk_count):
            if stop is not None and stop():
                return
            base = i * chunk
            haystack = self._piece(i)
            more, j = size - 1, i + 1  # the start of what follows, for a match across the end
            while more > 0 and j < self.chunk_count:
                tail = self._piece(j)[:more]
                haystack += tail
                more, j = more - len(tail), j + 1
            found: list[tuple[int, int]] = []
            find = haystack.find
            position = find(needle, max(resume - base, 0))
            while position != -1 and position < chunk:
                start = base + position
                found.append((start, start + size))
                resume = start + size
                count += 1
                if limit is not None and count >= limit:
                    yield found
                    return
                position = find(needle, position + size)
            yield found

    def find_spans(self, query: str, limit: int | None = None) -> list[tuple[int, int]]:
        """Every non-overlapping match of ``query`` as ``(start, end)``, in text order."""
        spans: list[tuple[int, int]] = []
        for found in self.iter_spans(query, limit):
            spans.extend(found)
        return spans

    def find_all(self, query: str, limit: int | None = None) -> list[Match]:
        """Every non-overlapping match of ``query``, in text order (at most ``limit``)."""
        return [Match(s, e) for s, e in self.find_spans(query, limit)]


def find_all(text: str, query: str) -> list[Match]:
    """Convenience for a one-off search; keep a :class:`SearchIndex` when searching again."""
    return SearchIndex(text).find_all(query)


def match_counts(
    turns: TurnTable, starts: Sequence[int]
) -> tuple[dict[str, int], dict[int, int]]:
    """Matches per speaker and per turn, from the matches' sorted start offsets.

    Two bisects per turn, not a lookup per match: a common word in a long transcript has
    tens of thousands of matches.
    """
    per_speaker: dict[str, int] = {}
    per_turn: dict[int, int] = {}
    if not starts:
        return per_speaker, per_turn
    turn_starts, turn_ends = turns.starts, turns.ends
    first = bisect_left(turn_ends, starts[0])  # turns before the first match have none
    last = bisect_left(turn_starts, starts[-1] + 1)
    for i in range(first, last):
        count = bisect_left(starts, turn_ends[i]) - bisect_left(starts, turn_starts[i])
        if count:
            per_turn[turns.indices[i]] = count
            speaker = turns.speaker_of(i)
            per_speaker[speaker] = per_speaker.get(speaker, 0) + count
    return per_speaker, per_turn
