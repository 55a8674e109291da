"""Cancel and progress inside the parser's long stages, not only between them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import make_huge

from reader.errors import Cancelled
from reader.pipeline import load
from reader.progress import checkpoint, reporting

STAGE_ENDS = {0.0, 0.2, 0.4, 0.7, 0.85, 1.0}


def test_a_checkpoint_outside_a_load_does_nothing() -> None:
    checkpoint(0.5)  # no hook: no error, no effect


def test_reporting_calls_back_at_most_every_interval_and_only_inside_the_block() -> None:
    seen: list[float] = []
    with reporting(seen.append, interval=0.0):
        checkpoint(0.25)
        checkpoint(0.5)
    checkpoint(0.75)
    assert seen == [0.25, 0.5]
    seen.clear()
    with reporting(seen.append, interval=3600.0):
        for _ in range(1000):
            checkpoint(0.1)
    assert seen == []  # rate-limited: a tight loop does not flood the progress signal
    with pytest.raises(RuntimeError), reporting(seen.append, interval=0.0):
        raise RuntimeError("boom")
    checkpoint(0.9)
    assert seen == []  # the hook left with the block, even on an error


@pytest.mark.slow
def test_a_large_load_reports_and_can_be_cancelled_inside_a_stage(tmp_path: Path) -> None:
    """About 8 MB: reading the HTML and finding figures each take a good part of a second."""
    path = make_huge(tmp_path, 8 * 1024 * 1024)
    seen: list[float] = []
    load(str(path), progress=seen.append)
    assert [f for f in seen if f not in STAGE_ENDS], "no report from inside a stage"
    assert seen == sorted(seen)  # the bar only moves forward

    reported: list[float] = []

    def cancel_inside_the_read_stage(fraction: float) -> None:
        reported.append(fraction)
        if 0.4 < fraction < 0.7:
            raise Cancelled()

    with pytest.raises(Cancelled):
        load(str(path), progress=cancel_inside_the_read_stage)
    assert 0.4 < reported[-1] < 0.7  # cancelled while reading, not at the stage's end
