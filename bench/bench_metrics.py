"""Metrics panel work as a ratio to parsing the same document, measured in one run.

    .venv/bin/python bench/bench_metrics.py [--repeat N]

For the bundled sample and a 2 MB transcript (the sample's body repeated), reports the
best-of-N time of ``reader.pipeline.parse_bytes`` (the baseline) and, as ratios to it:
- the series the panel computes when a document opens (summary, speaking share, figure
  density, every family series, citation counts, change links);
- one keystroke in the figures filter (``>1亿`` and ``39.4万``, with the haystacks the
  table prepares once per document);
- the CSV export of every figure.
Plain Python only: the drawing itself is pyqtgraph's and happens after the first paint.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from inputs import SAMPLE, best_of, big_transcript  # noqa: E402

from reader.export.figure_rows import figures_csv  # noqa: E402
from reader.figures.filter import filter_figures, haystacks  # noqa: E402
from reader.metrics.series import (  # noqa: E402
    changes_of,
    citation_counts,
    family_counts,
    family_series,
    figure_density,
    speaking_share,
    summarize,
)
from reader.model import Transcript  # noqa: E402
from reader.pipeline import parse_bytes  # noqa: E402


def panel_series(t: Transcript) -> None:
    summarize(t)
    speaking_share(t)
    figure_density(t)
    for family in family_counts(t):
        family_series(t, family)
    citation_counts(t)
    changes_of(t)


def measure(label: str, data: bytes, repeat: int) -> None:
    transcript = parse_bytes(data, "bench.md")
    parse_s = best_of(repeat, lambda: parse_bytes(data, "bench.md"))
    series_s = best_of(repeat, lambda: panel_series(transcript))
    prepared = haystacks(transcript)
    filter_s = best_of(repeat, lambda: (filter_figures(transcript, ">1亿", prepared),
                                        filter_figures(transcript, "39.4万", prepared))) / 2
    csv_s = best_of(repeat, lambda: figures_csv(transcript))
    print(
        f"{label:<16} {len(data) / 1024:>6.0f} KiB {len(transcript.figures):>6} figures  "
        f"parse {parse_s * 1000:7.1f} ms | series {series_s * 1000:6.1f} ms ({series_s / parse_s:.3f}x)  "
        f"filter keystroke {filter_s * 1000:6.2f} ms ({filter_s / parse_s:.4f}x)  "
        f"csv {csv_s * 1000:6.1f} ms ({csv_s / parse_s:.3f}x)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    sample = SAMPLE.read_bytes()
    print("metrics panel work as a ratio to parsing the document (best of", args.repeat, "runs)")
    measure("sample", sample, args.repeat)
    measure("2 MB transcript", big_transcript(sample), max(1, args.repeat // 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
