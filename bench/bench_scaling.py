"""Load time grows linearly with the file: a saved news page from 1 to 32 MB.

    .venv/bin/python bench/bench_scaling.py [--max-mb 32]

The input is a page as news sites save it, a class on every element (the chrome filter
once asked libxml2's XPath for every element with a class or id: 10 s at 16 MB, 45 s at
32 MB) and the article in one container. For each size (1, 2, 4, ... MB) the whole load
(``reader.pipeline.load``, figures included, no cache) is timed, best of two below 8 MB,
once above; ``k`` is the slope of log(time) against log(size) between 1 MB and the largest
size, so ``t ~ size^k``. The aim (issue 18) is k <= 1.1.
"""

from __future__ import annotations

import argparse
import gc
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hostile import realistic_turns  # noqa: E402

from reader.pipeline import load  # noqa: E402

AIM = 1.1


def classed_page(size: int) -> bytes:
    rows = [f'<p class="para" style="text-indent:2em"><span class="s"><strong>{label}：</strong></span>'
            f'{speech}</p>\n' for label, speech in realistic_turns(200)]
    block = "".join(rows)
    copies = max(1, size // len(block.encode("utf-8")))
    return ('<html><head><title>发布会</title></head><body><div class="nav">首页 新闻</div>'
            f'<div id="content" class="article">{block * copies}</div>'
            '<div class="footer">版权所有</div></body></html>').encode()


def timed_load(path: Path, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        transcript = load(str(path))
        best = min(best, time.perf_counter() - started)
        del transcript
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=int, default=32)
    args = parser.parse_args()
    sizes = [1 << n for n in range(0, args.max_mb.bit_length()) if 1 << n <= args.max_mb]
    points: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-scaling-") as folder:
        warm = Path(folder) / "warm.html"
        warm.write_bytes(classed_page(200_000))
        load(str(warm))  # the parser's imports, paid once
        print(f"{'size':>8} {'bytes':>12} {'load':>9} {'per MB':>9}")
        for mb in sizes:
            path = Path(folder) / f"page-{mb}.html"
            path.write_bytes(classed_page(mb * 1024 * 1024))
            took = timed_load(path, 2 if mb < 8 else 1)
            points.append((path.stat().st_size, took))
            print(f"{mb:>6}MB {path.stat().st_size:>12,} {took:>8.2f}s {took / mb * 1000:>7.0f}ms")
            path.unlink()
    (small_size, small_time), (large_size, large_time) = points[0], points[-1]
    k = math.log(large_time / small_time) / math.log(large_size / small_size)
    print(f"k = {k:.2f} from {sizes[0]} to {sizes[-1]} MB (aim: at most {AIM})")


if __name__ == "__main__":
    main()
