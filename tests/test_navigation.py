"""The prev/next cursor wraps at both ends and starts from the reading position."""

from __future__ import annotations

import pytest

from reader.search.cursor import WrapCursor


def test_next_from_start_then_wraps() -> None:
    cursor = WrapCursor([10, 20, 30])
    assert [cursor.next(), cursor.next(), cursor.next(), cursor.next()] == [0, 1, 2, 0]


def test_prev_from_nothing_goes_to_last_and_wraps() -> None:
    cursor = WrapCursor([10, 20, 30])
    assert [cursor.prev(), cursor.prev(), cursor.prev(), cursor.prev()] == [2, 1, 0, 2]


def test_first_step_starts_from_the_reading_offset() -> None:
    assert WrapCursor([10, 20, 30]).next(from_offset=15) == 1
    assert WrapCursor([10, 20, 30]).next(from_offset=20) == 2
    assert WrapCursor([10, 20, 30]).prev(from_offset=20) == 0
    assert WrapCursor([10, 20, 30]).next(from_offset=99) == 0
    assert WrapCursor([10, 20, 30]).prev(from_offset=5) == 2


def test_first_at_or_after() -> None:
    cursor = WrapCursor([10, 20, 30])
    assert cursor.first_at_or_after(20) == 1
    assert cursor.current == 20
    assert cursor.first_at_or_after(31) == 0


def test_empty_cursor_never_moves() -> None:
    cursor = WrapCursor([])
    assert cursor.next() is None and cursor.prev() is None
    assert cursor.first_at_or_after(3) is None
    assert cursor.current is None and len(cursor) == 0


def test_index_out_of_range_is_refused() -> None:
    with pytest.raises(IndexError):
        WrapCursor([1], index=1)
