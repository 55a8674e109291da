"""Parse speed: the whole model against BeautifulSoup+lxml merely parsing the same bytes.

    .venv/bin/python bench/bench_parse.py

Two inputs: the bundled sample (43 KB) and a ~2 MB transcript made of the sample's turns
repeated. For each, the best of several runs of (a) ``BeautifulSoup(data, "lxml")`` (the
baseline: a bare parse, no model), (b) ``parse_bytes`` without figures and (c) the whole
``parse_bytes`` with figures. Prints times and ratios to the baseline measured in the same
run; the aim is the whole model under 3x the bare parse.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bs4 import BeautifulSoup  # noqa: E402
from inputs import best_of, big_transcript  # noqa: E402

from reader import pipeline  # noqa: E402
from reader.figures import extract  # noqa: E402
from reader.resources import sample_path  # noqa: E402


def model_without_figures(data: bytes) -> object:
    original = extract.extract_figures
    extract.extract_figures = lambda t: ()  # type: ignore[assignment]
    try:
        return pipeline.parse_bytes(data, "bench.md")
    finally:
        extract.extract_figures = original


def main() -> None:
    sample = sample_path().read_bytes()
    inputs = {"sample": sample, "2 MB": big_transcript(sample)}
    header = ("input", "bytes", "bs4+lxml", "model", "ratio", "+figures", "ratio")
    print("{:8} {:>10} {:>10} {:>10} {:>6} {:>10} {:>6}".format(*header))
    for name, data in inputs.items():
        runs = 7 if len(data) < 200_000 else 3
        t = pipeline.parse_bytes(data, "bench.md")
        assert t.turns, "the benchmark input must parse into turns"
        base = best_of(runs, lambda d=data: BeautifulSoup(d, "lxml"))
        bare = best_of(runs, lambda d=data: model_without_figures(d))
        whole = best_of(runs, lambda d=data: pipeline.parse_bytes(d, "bench.md"))
        print(f"{name:8} {len(data):>10,} {base * 1000:>8.1f}ms {bare * 1000:>8.1f}ms {bare / base:>5.2f}x "
              f"{whole * 1000:>8.1f}ms {whole / base:>5.2f}x   ({len(t.turns)} turns)")


if __name__ == "__main__":
    main()
