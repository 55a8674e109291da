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

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from reader.record_tables import TurnTable
from reader.text.fold import fold


@dataclass(frozen=True, slots=True)
class Match:
    """One match: ``[start, end)`` offsets into the searched text."""

    start: int
    end: int


class SearchIndex:
    """The folded copy of one text, built once so each keystroke only scans it.

    Building costs one pass over the text (a table lookup per character); a search is
    then ``str.find`` on the folded text, well under a keystroke's budget on megabytes.
    """

    __slots__ = ("_folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded = fold(text)

    def find_all(self, query: str, limit: int | None = None) -> list[Match]:
        """Every non-overlapping match of ``query``, in text order (at most ``limit``)."""
        needle = fold(query.strip())
        if not needle:
            return []
        matches: list[Match] = []
        haystack = self._folded
        size = len(needle)
        find = haystack.find
        position = find(needle)
        while position != -1:
            matches.append(Match(position, position + size))
            if limit is not None and len(matches) >= limit:
                break
            position = find(needle, position + size)
        return matches


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
