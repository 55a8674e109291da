"""Previous / next over an ordered list of positions, wrapping at both ends.

Search matches (F3 / Shift+F3), turns (Alt+Down / Alt+Up) and one speaker's turns all
step the same way: from where the reader is, to the next item, and after the last
back to the first. Kept pure so the stepping rules are tested without a window.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


class WrapCursor:
    """A current index into sorted ``positions`` that steps with wrap-around.

    ``index`` is ``None`` until the reader first steps or jumps, so that the first
    "next" from a reading position goes to the first item at or after it.
    """

    __slots__ = ("_positions", "index")

    def __init__(self, positions: Sequence[int] = (), index: int | None = None) -> None:
        self._positions: tuple[int, ...] = tuple(positions)
        if index is not None and not 0 <= index < len(self._positions):
            raise IndexError(index)
        self.index = index

    def __len__(self) -> int:
        return len(self._positions)

    @property
    def positions(self) -> tuple[int, ...]:
        return self._positions

    @property
    def current(self) -> int | None:
        """The current position, or None before the first step or when empty."""
        return None if self.index is None else self._positions[self.index]

    def first_at_or_after(self, offset: int) -> int | None:
        """Jump to the first item at or after ``offset`` (wrapping to the first); its index."""
        if not self._positions:
            self.index = None
            return None
        i = bisect_left(self._positions, offset)
        self.index = i if i < len(self._positions) else 0
        return self.index

    def next(self, from_offset: int | None = None) -> int | None:
        """Step forward; with no current item, the first after ``from_offset`` (default: start)."""
        if not self._positions:
            return None
        if self.index is None:
            start = bisect_right(self._positions, from_offset) if from_offset is not None else 0
            self.index = start if start < len(self._positions) else 0
        else:
            self.index = (self.index + 1) % len(self._positions)
        return self.index

    def prev(self, from_offset: int | None = None) -> int | None:
        """Step back; with no current item, the last before ``from_offset`` (default: end)."""
        if not self._positions:
            return None
        if self.index is None:
            end = bisect_left(self._positions, from_offset) if from_offset is not None else 0
            self.index = end - 1 if end > 0 else len(self._positions) - 1
        else:
            self.index = (self.index - 1) % len(self._positions)
        return self.index
