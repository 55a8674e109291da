"""Peak memory of opening a 50 MB transcript, against merely reading its bytes.

Issue 6 bounds it: opening the 50 MB file must peak under 10x its size in resident
memory. Each measurement runs in a fresh child process (peak RSS is per process and
never goes down), all in the same run on the same generated file:

- ``idle``: the interpreter with the reader's modules imported, nothing read;
- ``bytes``: the same, plus reading the file's bytes (the baseline);
- ``load``: ``reader.pipeline.load(path)``, what the window and the export run;
- ``window`` (with ``--window``): the whole window opened offscreen on the file, which
  adds the Qt text document, navigation and charts to the parsed model.

The file is ``tests/hostile.make_huge``: a synthetic briefing with a real transcript's
density (paragraph length, a figure every ~400 bytes). ``--dense`` uses the stress case
instead (very short turns, a figure every ~70 bytes), which needs far more objects per byte.

Run: ``.venv/bin/python bench/bench_memory.py [--size-mb 50] [--dense] [--window]``.
Exit status 1 when the bound is broken for ``load``, so it can gate a release.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from hostile import make_dense_huge, make_huge  # noqa: E402  (the same generator the hostile-input tests use)

BOUND = 10.0  # peak RSS / file size, from issue 6

_CHILD = """\
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
import reader.pipeline
start = time.perf_counter()
size = 0
if mode == "bytes":
    with open(path, "rb") as f:
        size = len(f.read())
elif mode == "load":
    transcript = reader.pipeline.load(path)
    size = len(transcript.text)
elif mode in ("window", "window-sample"):
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TRANSCRIPT_READER_CACHE_DIR"] = "off"
    from reader.app import create_main_window
    window = create_main_window(path if mode == "window" else None, show_dialogs=False)
    window.show()
    window.metrics_panel.ensure_charts()
    window.grab()
    size = len(window.transcript.text) if window.transcript else 0
seconds = time.perf_counter() - start
print(json.dumps({"maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "seconds": seconds, "size": size}))
"""


def measure(mode: str, path: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", _CHILD, mode, str(path)], capture_output=True,
                            text=True, check=False, cwd=REPO)
    if result.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--dense", action="store_true", help="the stress case: a figure every ~70 bytes")
    parser.add_argument("--window", action="store_true", help="also open the file in the window (slow)")
    args = parser.parse_args()
    make = make_dense_huge if args.dense else make_huge
    with tempfile.TemporaryDirectory() as tmp:
        path = make(Path(tmp), int(args.size_mb * 1024 * 1024))
        size = path.stat().st_size
        idle = measure("idle", path)
        baseline = measure("bytes", path)
        loaded = measure("load", path)
        shown = measure("window", path) if args.window else None
        shown_sample = measure("window-sample", path) if args.window else None
    mb = 1024 * 1024
    ratio = loaded["maxrss"] / size
    print(f"file: {size / mb:.1f} MiB ({loaded['size'] / 1e6:.1f} M characters of transcript text)")
    print(f"peak RSS, imports only:      {idle['maxrss'] / mb:8.1f} MiB")
    print(f"peak RSS, reading the bytes: {baseline['maxrss'] / mb:8.1f} MiB  (baseline)")
    print(f"peak RSS, opening (load):    {loaded['maxrss'] / mb:8.1f} MiB  in {loaded['seconds']:.1f} s")
    print(f"ratio load / file size:      {ratio:8.2f}x  (bound {BOUND:.0f}x)")
    print(f"ratio load / baseline:       {loaded['maxrss'] / baseline['maxrss']:8.2f}x")
    print(f"ratio (load - imports) / file size: {(loaded['maxrss'] - idle['maxrss']) / size:.2f}x")
    if shown is not None and shown_sample is not None:
        print(f"peak RSS, window on the sample: {shown_sample['maxrss'] / mb:8.1f} MiB  (Qt's own share)")
        print(f"peak RSS, window opened:     {shown['maxrss'] / mb:8.1f} MiB  in {shown['seconds']:.1f} s")
        print(f"ratio window / file size:    {shown['maxrss'] / size:8.2f}x")
        print(f"ratio (window - window on sample) / file size: "
              f"{(shown['maxrss'] - shown_sample['maxrss']) / size:.2f}x")
    return 0 if ratio < BOUND else 1


if __name__ == "__main__":
    sys.exit(main())
