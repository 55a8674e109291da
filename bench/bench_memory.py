"""Peak memory and time of opening and exporting big documents, against their file size.

Issues 6 and 12 bound it: opening a 50 MB file must peak under 8x its size in resident
memory, however many turns and figures it holds (the 200,000-turn stress case included),
and a 500 MB Markdown or plain-text file and a 100 MB HTML page must open at all. Each
measurement runs in a fresh child process (peak RSS is per process and never goes down),
on files from ``bench/bigdocs.py`` (many briefings, varied names and numbers):

- ``bytes``: the interpreter with the reader imported, reading the file's bytes (the
  baseline: what any program opening the file pays);
- ``load``: ``reader.pipeline.load(path)`` with the model cache off (what the window's
  worker and the command line run);
- ``export``: ``transcript-reader export FILE --out /dev/null`` (its time is the export time);
- ``window`` (with ``--window``): the window opened offscreen on the file until the model
  is complete and its first screen painted.

Run: ``.venv/bin/python bench/bench_memory.py [--sizes 5,50] [--formats markdown,text]
[--short] [--html-mb 100] [--window]``. Exit status 1 when ``load`` breaks the bound on a
file of 50 MB or less, so it can gate a release.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from bigdocs import generated  # noqa: E402

BOUND = 8.0  # peak RSS / file size, issue 12 (50 MB files)
MB = 1024 * 1024

_CHILD = """\
import json, os, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
os.environ["TRANSCRIPT_READER_CACHE_DIR"] = "off"
import reader.pipeline
start = time.perf_counter()
info = {}
if mode == "bytes":
    with open(path, "rb") as f:
        info["size"] = len(f.read())
elif mode == "load":
    transcript = reader.pipeline.load(path)
    info.update(chars=len(transcript.text), turns=len(transcript.turns), figures=len(transcript.figures))
elif mode == "export":
    from reader.cli import main
    code = main(["export", path, "--out", os.devnull])
    assert code == 0, code
elif mode == "window":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest
    from reader.app import create_main_window
    window = create_main_window(path, show_dialogs=False)
    window.resize(1400, 900)
    window.show()
    complete = getattr(window, "model_complete", lambda: True)
    while window.transcript is None or not complete() or window.steps.pending:
        QTest.qWait(50)
    window.grab()
    info["chars"] = len(window.transcript.text)
info["seconds"] = time.perf_counter() - start
info["maxrss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(info))
"""


def measure(mode: str, path: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", _CHILD, mode, str(path)], capture_output=True,
                            text=True, check=False, cwd=REPO)
    if result.returncode != 0:
        return {"failed": 1.0, "error": result.stderr.strip().splitlines()[-1:]}  # type: ignore[dict-item]
    return json.loads(result.stdout.strip().splitlines()[-1])


def row(label: str, path: Path, window: bool) -> bool:
    """Print one file's line; True if its load broke the bound (files of 50 MB or less)."""
    size = path.stat().st_size
    base = measure("bytes", path)
    loaded = measure("load", path)
    exported = measure("export", path)
    shown = measure("window", path) if window else None

    def ratio(m: dict[str, float] | None) -> str:
        if m is None:
            return "       -"
        if "failed" in m:
            return "  FAILED"
        return f"{m['maxrss'] / size:7.2f}x"

    def seconds(m: dict[str, float] | None) -> str:
        return "     -" if m is None or "failed" in m else f"{m['seconds']:5.1f}s"

    counts = "" if "failed" in loaded else f"{loaded['turns']:>9,.0f} turns {loaded['figures']:>9,.0f} figs"
    print(f"{label:<26} {size / MB:7.1f} MiB {counts}  bytes {ratio(base)}  load {ratio(loaded)} "
          f"{seconds(loaded)}  export {ratio(exported)} {seconds(exported)}  window {ratio(shown)} "
          f"{seconds(shown)}", flush=True)
    for m in (loaded, exported, shown):
        if m is not None and "failed" in m:
            print(f"    failed: {m.get('error')}")
    return size <= 51 * MB and ("failed" in loaded or loaded["maxrss"] / size > BOUND)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,50", help="MB, comma-separated (500 for the big case)")
    parser.add_argument("--formats", default="markdown,text")
    parser.add_argument("--short", action="store_true", help="also the 200,000-short-turns case")
    parser.add_argument("--short-mb", type=float, default=6.3)
    parser.add_argument("--html-mb", type=float, default=0.0, help="also an HTML page of this size")
    parser.add_argument("--window", action="store_true", help="also open each file in the window (slow)")
    args = parser.parse_args()
    os.environ.setdefault("TRANSCRIPT_READER_CACHE_DIR", "off")
    print("peak RSS / file size (and seconds), each in a fresh process; cache off")
    broken = False
    if args.short:
        short = generated("text", args.short_mb, short=True)
        broken |= row(f"short turns {args.short_mb:g} MB", short, args.window)
    for fmt in args.formats.split(","):
        for size in args.sizes.split(","):
            broken |= row(f"{fmt} {size} MB", generated(fmt, float(size)), args.window)
    if args.html_mb:
        broken |= row(f"html {args.html_mb:g} MB", generated("html", args.html_mb), args.window)
    print(f"bound: load under {BOUND:.0f}x the file size (files up to 50 MB)")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
