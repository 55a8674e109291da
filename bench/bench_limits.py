"""Worst cases keep linear time: each hostile input against a plain file of the same size.

    .venv/bin/python bench/bench_limits.py [--mb 1]

The baseline is the sample's turns repeated to about 1 MB (``inputs.big_transcript``),
parsed in the same run. Each worst case is a file of about the same size built to hit one
rule as hard as it can: a megabyte of digits, of Chinese numerals, of bullets or clock times
before a marker, 100,000 colons on one line, 10^6 nested or unclosed tags, and YAML front
matter with an alias bomb before the plain body; and two that are only dense (a figure every
12 bytes, a 问/答 turn every 18). Printed: the best of a few runs of the whole pipeline
(``parse_bytes``, figures included), its ratio to the baseline (the aim: at most 5x, issue
15), and ``k``, the exponent of its growth from half the size (1 is linear). Not a test:
timing on a shared machine is noisy, so it is reported in the README instead.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inputs import best_of, big_transcript  # noqa: E402

from reader import pipeline  # noqa: E402
from reader.resources import sample_path  # noqa: E402

AIM = 5.0
MARKER = "主持人：各位记者朋友们，大家上午好。\n\n"


def _repeat(piece: str, size: int) -> str:
    return piece * max(1, size // len(piece.encode("utf-8")))


def _alias_bomb() -> str:
    lines = ["---", "a0: &a0 ['', '', '', '', '', '', '', '', '']"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join([*lines, "categories: *a8", "title: 发布会", "---", ""])


def worst_cases(size: int, plain: bytes) -> dict[str, Callable[[], tuple[bytes, str]]]:
    """Name -> a maker of (bytes, file name) about ``size`` bytes long."""
    body = plain.decode("utf-8")
    body = body[body.index("\n---", 4) + 4:]  # the plain transcript without its front matter
    tags = size // 11  # "<div></div>" per level
    colons = 100_000 * size // 1_000_000
    speech = "<p><b>主持人：</b>各位记者朋友们，大家上午好。</p>"

    def text(data: str, name: str) -> Callable[[], tuple[bytes, str]]:
        return lambda: (data.encode(), name)

    return {
        "digits": text(MARKER + _repeat("1234567890", size), "digits.txt"),
        "chinese numerals": text(MARKER + _repeat("三千二百九十一万零五百", size), "numerals.txt"),
        "figures everywhere": text(MARKER + _repeat("增长39.4万起，", size), "figures.txt"),
        "one line of colons": text(MARKER + "问" + "：" * colons, "colons.txt"),
        "one line of markers": text(MARKER + _repeat("问：好。答：", size), "markers.txt"),
        "bullets before a marker": text("●" * (size // 3) + MARKER, "bullets.txt"),
        "clock times before a marker": text(_repeat("10:02 ", size) + MARKER, "clock.txt"),
        "nested divs": text(f"<html><body>{'<div>' * tags}{speech}{'</div>' * tags}</body></html>",
                            "divs.html"),
        "unclosed bold": text(f"<html><body>{'<b>' * (size // 3)}{speech}</body></html>", "bold.html"),
        "front matter alias bomb": text(_alias_bomb() + body, "bomb.md"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each input in MB (default 1)")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    plain = big_transcript(sample_path().read_bytes(), size)
    base = best_of(3, lambda: pipeline.parse_bytes(plain, "plain.md"))
    print(f"baseline: the sample's turns, {len(plain):,} bytes: {base * 1000:.0f} ms")
    print(f"{'input':30} {'bytes':>11} {'time':>9} {'ratio':>7} {'k':>6}")
    worst = 0.0
    halves = worst_cases(size // 2, big_transcript(sample_path().read_bytes(), size // 2))
    for name, make in worst_cases(size, plain).items():
        data, file_name = make()
        took = best_of(2, lambda d=data, n=file_name: pipeline.parse_bytes(d, n))
        half, _ = halves[name]()
        took_half = best_of(2, lambda d=half, n=file_name: pipeline.parse_bytes(d, n))
        # t ~ size^k between half the size and the size: 1 is linear, 2 quadratic.
        k = math.log(took / took_half) / math.log(len(data) / len(half))
        worst = max(worst, took / base)
        flag = "" if took / base <= AIM else f"  over {AIM:.0f}x"
        print(f"{name:30} {len(data):>11,} {took * 1000:>7.0f}ms {took / base:>6.2f}x {k:>6.2f}{flag}")
    print(f"worst ratio {worst:.2f}x (aim: at most {AIM:.0f}x)")


if __name__ == "__main__":
    main()
