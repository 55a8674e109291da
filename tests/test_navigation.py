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


def test_a_long_speakers_list_is_measured_in_steps_so_a_far_jump_measures_little(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """QTreeView measures every row above the one it scrolls to; on 11,000 speakers the first
    jumps held the window 150-175 ms. The list measures itself, a step per event-loop turn,
    after the document is shown, so a jump to the last speaker asks for few row sizes."""
    from ui_transcripts import make_transcript

    from reader.ui import nav_delegate, speaker_nav
    from reader.ui.speaker_nav import SpeakerNav

    monkeypatch.setattr(speaker_nav, "MEASURE_ROWS_PER_STEP", 20)
    count = 300
    speakers = [(f"s{i}", f"发言人{i}", "某部司长" if i % 2 else None, "official") for i in range(count)]
    turns = [(f"s{i}", f"发言人{i}", "official", [f"第{i}段。"]) for i in range(count)]
    transcript = make_transcript(turns=turns, speakers=speakers)
    asked: list[int] = []
    size_hint = nav_delegate.RowShapeDelegate.sizeHint

    def counting(self, option, index):  # type: ignore[no-untyped-def]
        asked.append(1)
        return size_hint(self, option, index)

    monkeypatch.setattr(nav_delegate.RowShapeDelegate, "sizeHint", counting)
    nav = SpeakerNav()
    qtbot.addWidget(nav)
    nav.resize(300, 400)
    nav.show()
    qtbot.waitExposed(nav)
    nav.set_transcript(transcript)
    qtbot.waitUntil(lambda: nav._measured is None, timeout=10_000)
    asked.clear()
    nav.select_turn(count - 1)
    assert nav.currentIndex() == nav.speaker_index(f"s{count - 1}")
    assert len(asked) < 40, f"{len(asked)} row sizes asked for one jump"
