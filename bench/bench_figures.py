"""Figure extraction time as a ratio to parsing the same document, measured in one run.

    .venv/bin/python bench/bench_figures.py [--repeat N]

For the bundled sample and for a 2 MB transcript (the sample's body repeated), reports
the best-of-N time of the parse alone (decode, read, build the model without figures)
and of ``extract_figures`` on that model, and their ratio. Also times the scanner on a
1 MB paragraph without punctuation, as a ratio to the scanner on half of it: the scanner
is linear, so that ratio should stay near 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from inputs import SAMPLE, best_of, big_transcript  # noqa: E402

from reader.figures.extract import extract_figures  # noqa: E402
from reader.figures.scan import find_figures  # noqa: E402
from reader.load.decoding import decode_bytes  # noqa: E402
from reader.model import Source, Transcript  # noqa: E402
from reader.parse.formats import read_document  # noqa: E402
from reader.turns.build import build_transcript  # noqa: E402


def parse_only(data: bytes, name: str) -> Transcript:
    """What ``parse_bytes`` does, minus the figures: the baseline."""
    decoded = decode_bytes(data, name)
    doc = read_document(decoded.text, Path(name).suffix)
    return build_transcript(doc, Source(name, "", doc.format, decoded.encoding))


def measure(label: str, data: bytes, repeat: int) -> None:
    name = "bench.md"
    transcript = parse_only(data, name)
    parse_s = best_of(repeat, lambda: parse_only(data, name))
    figures = extract_figures(transcript)
    extract_s = best_of(repeat, lambda: extract_figures(transcript))
    print(
        f"{label:<22} {len(data) / 1024:>8.0f} KiB  parse {parse_s * 1000:8.1f} ms  "
        f"figures {extract_s * 1000:8.1f} ms ({len(figures)} figures)  ratio {extract_s / parse_s:5.2f}x"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    sample = SAMPLE.read_bytes()
    print("extraction time as a ratio to the parse alone (best of", args.repeat, "runs)")
    measure("sample", sample, args.repeat)
    measure("2 MB transcript", big_transcript(sample), max(1, args.repeat // 2))
    paragraph = "电信网络诈骗犯罪持续高发多发" * (1_000_000 // 14)
    half = paragraph[: len(paragraph) // 2]
    full_s = best_of(3, lambda: find_figures(paragraph))
    half_s = best_of(3, lambda: find_figures(half))
    print(f"1 MB paragraph, no punctuation: scan {full_s * 1000:.1f} ms, "
          f"ratio to half of it {full_s / half_s:.2f} (linear: about 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
