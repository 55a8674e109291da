"""What every benchmark measures on: the bundled sample, a ~2 MB transcript, best-of timing.

One definition, so the ratios the README reports compare the same inputs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "anti-fraud-press-conference-2022-04-14.md"
TARGET_BYTES = 2_000_000
# The sample's turns start at its first bold speaker marker and end before the page chrome.
FIRST_MARKER = "<p>　　<strong>国务院新闻办"


def big_transcript(sample: bytes, target_bytes: int = TARGET_BYTES) -> bytes:
    """The sample with its turns repeated until the file is about ``target_bytes``."""
    text = sample.decode("utf-8")
    start = text.index(FIRST_MARKER)
    end = text.index("<!--", start)
    head, turns, tail = text[:start], text[start:end], text[end:]
    copies = max(1, (target_bytes - len(sample)) // len(turns.encode("utf-8")) + 1)
    return (head + turns * copies + tail).encode("utf-8")


def best_of(runs: int, func: Callable[[], object]) -> float:
    """The fastest of ``runs`` calls, in seconds: the least disturbed by a shared machine."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best
