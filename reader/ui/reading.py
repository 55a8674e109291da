"""Where the reader is: the current turn, and stepping from turn to turn.

The current turn follows the scroll position, except that a turn the reader just jumped to
stays current while any of it is on screen (a short turn near the end of the document can
never scroll to the top). Stepping (Alt+Down / Alt+Up, and the same speaker's turns with
Alt+Right / Alt+Left) wraps around, with :class:`reader.search.cursor.WrapCursor`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from reader.model import Transcript
from reader.search.cursor import WrapCursor


class ReadingPosition(QObject):
    """The current turn of the shown transcript; says when it changes."""

    currentTurnChanged = Signal(object)  # Turn.index, or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._transcript: Transcript | None = None
        self._current: int | None = None
        self._pinned: int | None = None
        self._starts_by_speaker: dict[str, list[int]] | None = None  # made at the first same-speaker step

    @property
    def current_turn(self) -> int | None:
        return self._current

    def set_transcript(self, transcript: Transcript | None) -> None:
        self._transcript = transcript
        self._current = self._pinned = None
        self._starts_by_speaker = None

    def set_current(self, index: int | None, pinned: bool = False) -> None:
        """Make turn ``index`` current; ``pinned`` keeps it so while it is on screen."""
        self._pinned = index if pinned else None
        self._current = index
        self.currentTurnChanged.emit(index)

    def refresh(self) -> None:
        """Say the current turn again (a view made after it was set shows it too)."""
        self.currentTurnChanged.emit(self._current)

    def turn_at(self, offset: int) -> int | None:
        turn = None if self._transcript is None else self._transcript.turn_at(offset)
        return None if turn is None else turn.index

    def follow(self, offset: int) -> None:
        """The reader moved to ``offset`` without choosing a turn: the turn there is current."""
        self.set_current(self.turn_at(offset))

    def jump_to(self, offset: int) -> None:
        """The reader chose ``offset`` (a turn, a match): the turn there is current, pinned."""
        self.set_current(self.turn_at(offset), pinned=True)

    def follow_visible(self, start: int, end: int) -> None:
        """The view scrolled: ``[start, end]`` is on screen."""
        if self._transcript is None:
            return
        pinned = self._pinned
        if pinned is not None:
            turn = self._transcript.turns[pinned]
            if turn.start <= end and turn.end > start:
                return
            self._pinned = None
        self.follow(start)

    def step_target(self, forward: bool, same_speaker: bool, here: int) -> int | None:
        """The start offset of the next (or previous) turn from the current one, or from
        ``here`` when no turn is current; None when there is nowhere to go."""
        transcript = self._transcript
        if transcript is None or not transcript.turns:
            return None
        current = self._current
        turns = transcript.turns
        if same_speaker:
            if current is None:
                return None
            starts: Sequence[int] = self._speaker_starts(turns.speaker_of(current))
        else:
            starts = turns.starts
        if current is not None:
            here = turns.starts[current]
        cursor = WrapCursor(starts)
        k = bisect_left(starts, here)  # the starts are in text order
        if current is not None and k < len(starts) and starts[k] == here:
            cursor.index = k
        index = cursor.next(from_offset=here) if forward else cursor.prev(from_offset=here)
        return None if index is None else starts[index]

    def _speaker_starts(self, speaker: str) -> list[int]:
        """The start offsets of ``speaker``'s turns: every speaker's, in one pass, kept for the
        next step (a walk of 100,000 turns at each Alt+Right was felt)."""
        if self._starts_by_speaker is None:
            by_speaker: dict[str, list[int]] = {}
            if self._transcript is not None:
                turns = self._transcript.turns
                starts = turns.starts
                for i in range(len(turns)):
                    by_speaker.setdefault(turns.speaker_of(i), []).append(starts[i])
            self._starts_by_speaker = by_speaker
        return self._starts_by_speaker.get(speaker, [])
