"""The library's core against issue 13's benchmark: build, re-open, size, queries, exactness.

On ``--docs`` generated briefings (``tests/library_corpus.py``, ~100 KB each; written under
the temporary directory once per (docs, seed, target bytes) and reused after):

- baseline: every file read by plain ``reader.pipeline.load``, one after the other in this
  process (the time is the loads only); the turns' texts are folded and kept for the scans;
- build: ``Library(index).add(folder)`` into a new index, default worker processes (or
  ``--workers``); files/s and the time 10,000 files would take at that rate;
- re-opening: a new ``Library`` on the same index, then ``refresh()`` of the unchanged
  folder (three times: the first and the median);
- size: the index file and its ``-wal`` against the UTF-8 bytes of the text indexed (every
  turn's text and each document's lead, as the library cuts them, before folding), and
  against the files' bytes on disk;
- queries: 40 each of 1, 2, 4 and 8 characters and of two 2-character terms (ANDed), cut at
  random from the folded turn texts (no spaces; the two terms from one turn): the time of
  ``search(query)`` for the first page, against a brute-force scan of the folded texts in
  memory for the same query (the baseline);
- exactness, for those 200 queries: the count equals the scan's, every matching turn the
  full-text tables give (not only the first page) is one the scan finds and none is
  missed, and the first page is the scan's newest 20 briefings with all their matching turns.

Prints a markdown table. Run:
``.venv/bin/python bench/bench_library.py [--docs 1000] [--target-bytes 100000] [--workers N]``.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from reader.library import indexer  # noqa: E402
from reader.library import library as library_module  # noqa: E402
from reader.library.library import PAGE_DOCUMENTS, Library, query_terms  # noqa: E402
from reader.library.paths import transcripts_under  # noqa: E402
from reader.pipeline import load  # noqa: E402
from reader.text.fold import fold  # noqa: E402

QUERIES_PER_KIND = 40
AIM_FILES = 10_000
Key = tuple[str, int]  # (document path, turn index; -1 for the lead)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def documents(count: int, seed: int, target_bytes: int) -> Path:
    """The generated folder for these parameters, written now unless it was before."""
    folder = Path(tempfile.gettempdir()) / f"bench-library-docs-{count}-seed{seed}-{target_bytes}"
    done = folder.with_name(folder.name + ".complete")
    if not done.exists():
        from library_corpus import write_library

        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        write_library(folder, count, seed, target_bytes)
        done.write_text("complete\n")
        log(f"wrote {count} documents in {time.perf_counter() - started:.0f} s to {folder}")
    else:
        log(f"reusing {folder}")
    return folder


def serial_load(paths: list[str]) -> tuple[float, dict[Key, str], int]:
    """(seconds of loading, the folded texts by turn, UTF-8 bytes of the unfolded texts)."""
    took = 0.0
    folded: dict[Key, str] = {}
    text_bytes = 0
    for n, path in enumerate(paths, 1):
        started = time.perf_counter()
        transcript = load(path)
        took += time.perf_counter() - started
        text, turns = transcript.text, transcript.turns
        lead_end = turns[0].start if turns else len(text)
        parts = [(-1, text[:lead_end])] if lead_end else []
        parts += [(t.index, text[t.start:t.end]) for t in turns]
        for index, part in parts:
            folded[(path, index)] = fold(part)
            text_bytes += len(part.encode("utf-8"))
        if n % 500 == 0:
            log(f"  baseline: {n} files loaded ({took:.0f} s)")
    return took, folded, text_bytes


def random_queries(folded: list[str], rng: random.Random) -> dict[str, list[str]]:
    def cut(text: str, n: int) -> str | None:
        if len(text) < n:
            return None
        i = rng.randrange(len(text) - n + 1)
        q = text[i:i + n]
        return None if any(c.isspace() for c in q) or query_terms(q) != (q,) else q

    def substring(n: int) -> str:
        while True:
            q = cut(rng.choice(folded), n)
            if q is not None:
                return q

    def pair() -> str:
        while True:
            text = rng.choice(folded)
            a, b = cut(text, 2), cut(text, 2)
            if a and b and a != b and a not in b and b not in a:
                return f"{a} {b}"

    out = {f"{n} character{'s' if n > 1 else ''}": [substring(n) for _ in range(QUERIES_PER_KIND)]
           for n in (1, 2, 4, 8)}
    out["two-term AND (2 + 2)"] = [pair() for _ in range(QUERIES_PER_KIND)]
    return out


def brute(folded: dict[Key, str], query: str) -> set[Key]:
    terms = query_terms(query)
    return {key for key, text in folded.items() if all(t in text for t in terms)}


def index_bytes(path: str) -> tuple[int, int]:
    def size(p: str) -> int:
        return os.path.getsize(p) if os.path.exists(p) else 0

    return size(path), size(path + "-wal")


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--target-bytes", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=None,
                        help=f"worker processes (default: {indexer.WORKERS_ENV} or the cores)")
    parser.add_argument("--keep-index", action="store_true", help="leave the index file in place")
    parser.add_argument("--fetch-all-limit", type=int, default=None,
                        help="try another reader.library.library.FETCH_ALL_LIMIT (an experiment)")
    args = parser.parse_args()
    if args.fetch_all_limit is not None:
        library_module.FETCH_ALL_LIMIT = args.fetch_all_limit
    if args.workers is not None:
        os.environ[indexer.WORKERS_ENV] = str(args.workers)
    workers = indexer.worker_count()
    folder = documents(args.docs, args.seed, args.target_bytes)
    paths = [p for p, _, _ in transcripts_under(str(folder.resolve()))]
    file_bytes = sum(os.path.getsize(p) for p in paths)

    log(f"baseline: loading {len(paths)} files one by one")
    load_s, folded, text_bytes = serial_load(paths)

    scratch = tempfile.mkdtemp(prefix="bench-library-index-")
    index = os.path.join(scratch, "library.sqlite3")
    try:
        log(f"build: Library.add with {workers} worker processes on {os.cpu_count()} cores")
        last_file: list[float] = []

        def progress(done: int, total: int, _path: str) -> None:
            if done and done == total:
                last_file.append(time.perf_counter())
            if done and done % 500 == 0:
                log(f"  build: {done}/{total} ({time.perf_counter() - started:.0f} s)")

        library = Library(index)
        started = time.perf_counter()
        report = library.add(str(folder), progress)
        build_s = time.perf_counter() - started
        tail_s = time.perf_counter() - last_file[-1] if last_file else 0.0
        library.close()
        main_bytes, wal_bytes = index_bytes(index)
        assert report.indexed == len(paths) and not report.failed, report

        refreshes = []
        for _ in range(3):
            started = time.perf_counter()
            library = Library(index)
            again = library.refresh()
            refreshes.append(time.perf_counter() - started)
            assert again.unchanged == len(paths) and again.indexed == 0, again
            library.close()

        library = Library(index)
        rows = {int(r[0]): (str(r[1]), int(r[2])) for r in library.store.db.execute(
            "SELECT t.id, d.path, t.idx FROM turns t JOIN documents d ON d.id = t.doc_id")}
        assert len(rows) == len(folded), (len(rows), len(folded))
        docs = {d.path: d for d in library.store.documents()}
        library.search("发布会")  # the documents' list is read once, on the first search

        queries = random_queries(list(folded.values()), random.Random(args.seed + 1))
        # The bench's own millions of objects (the folded turns, the row map) are no part of the
        # app's heap: frozen, so that a full collection over them is not timed inside a query.
        gc.collect()
        gc.freeze()
        timed: dict[str, tuple[list[float], list[float]]] = {}
        misses = false_hits = wrong_counts = wrong_pages = 0
        for kind, cases in queries.items():
            times, scans = [], []
            for query in cases:
                started = time.perf_counter()
                result = library.search(query)
                times.append(time.perf_counter() - started)
                started = time.perf_counter()
                expected = brute(folded, query)
                scans.append(time.perf_counter() - started)
                match = library._match(query_terms(query), "")
                found = {rows[r] for r in library.store.rowids(match) if r in rows}
                misses += len(expected - found)
                false_hits += len(found - expected)
                wrong_counts += result.count != len(expected)
                newest = sorted({docs[p] for p, _ in expected}, key=lambda d: (d.date or "", d.id),
                                reverse=True)[:PAGE_DOCUMENTS]
                page = {(d.path, i) for d in newest for p, i in expected if p == d.path}
                wrong_pages += {(h.path, h.turn) for h in result.hits} != page
            timed[kind] = (times, scans)
            log(f"  {kind}: p95 {quantile(times, 0.95) * 1000:.1f} ms")
        # The pages: the person in most briefings, the indicator cited most (the largest of each).
        db = library.store.db
        person = db.execute("SELECT p.name FROM speakers s JOIN persons p ON p.id = s.person_id"
                            " GROUP BY p.id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        indicator = db.execute("SELECT indicator FROM figures WHERE indicator != ''"
                               " GROUP BY indicator ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        started = time.perf_counter()
        speaker_page = library.speaker(person)
        page_s = time.perf_counter() - started
        started = time.perf_counter()
        history = library.figure_history(indicator)
        history_s = time.perf_counter() - started
        pages = (person, len(speaker_page.appearances) if speaker_page else 0, page_s,
                 indicator, history.total, history_s)
        log(f"  speaker page {page_s * 1000:.0f} ms, figure history {history_s * 1000:.0f} ms")
        library.close()
    finally:
        if not args.keep_index:
            shutil.rmtree(scratch, ignore_errors=True)

    n = len(paths)
    rate = n / build_s
    print(f"\n{n:,} documents, {file_bytes / 1e6:.0f} MB of files, {len(folded):,} turns "
          f"({text_bytes / 1e6:.0f} MB of turn text, UTF-8); {workers} worker processes, "
          f"{os.cpu_count()} cores; FETCH_ALL_LIMIT {library_module.FETCH_ALL_LIMIT:,}; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print("| What | Result | Baseline (same run) | Ratio | Issue 13's aim |")
    print("|---|---|---|---|---|")
    print(f"| Build (`Library.add`) | {build_s:.0f} s, {rate:.1f} files/s (commit and optimize after the "
          f"last file: {tail_s:.1f} s); 10,000 files at this rate: {AIM_FILES / rate / 60:.1f} min | "
          f"`load` of each file, one by one: {load_s:.0f} s ({n / load_s:.1f} files/s) | "
          f"{build_s / load_s:.2f}x | 10,000 in 10 min: "
          f"{'met' if AIM_FILES / rate <= 600 else 'not met'} (extrapolated) |")
    print(f"| Re-open and refresh, unchanged | first {refreshes[0] * 1000:.0f} ms, median "
          f"{statistics.median(refreshes) * 1000:.0f} ms | the build | "
          f"{statistics.median(refreshes) / build_s:.4f}x | <= 2 s: "
          f"{'met' if max(refreshes) <= 2 else 'not met'} at {n:,} |")
    total = main_bytes + wal_bytes
    print(f"| Index size | {total / 1e6:.0f} MB (file {main_bytes / 1e6:.0f} MB"
          f" + wal {wal_bytes / 1e6:.1f} MB) | "
          f"turn text {text_bytes / 1e6:.0f} MB; files {file_bytes / 1e6:.0f} MB | "
          f"{total / text_bytes:.2f}x the text ({total / file_bytes:.2f}x the files) | <= 1.5x: "
          f"{'met' if total <= 1.5 * text_bytes else 'not met'} |")
    worst = 0.0
    for kind, (times, scans) in timed.items():
        p50, p95, top = (quantile(times, q) * 1000 for q in (0.5, 0.95, 1.0))
        s50 = quantile(scans, 0.5) * 1000
        worst = max(worst, p95)
        print(f"| Query, {kind}: first page + exact count | p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
              f"max {top:.1f} ms | brute scan in memory: p50 {s50:.0f} ms | {p50 / s50:.3f}x (p50) | "
              f"p95 <= 50 ms: {'met' if p95 <= 50 else 'not met'} |")
    person, appearances, page_s, indicator, cited, history_s = pages
    scan = quantile(timed["2 characters"][1], 0.5) if "2 characters" in timed else float("nan")
    print(f"| Speaker page of the person in most briefings ({person}: {appearances:,}) | "
          f"{page_s * 1000:.0f} ms | a 2-character brute scan: p50 {scan * 1000:.0f} ms | "
          f"{page_s / scan:.2f}x | |")
    print(f"| Figure history of the indicator cited most ({indicator}: {cited:,} values) | "
          f"{history_s * 1000:.0f} ms | the same scan | {history_s / scan:.2f}x | |")
    checked = sum(len(c) for c in queries.values())
    exact = not (misses or false_hits or wrong_counts or wrong_pages)
    print(f"| Exactness, {checked} random queries | {misses} misses, {false_hits} false hits, "
          f"{wrong_counts} wrong counts, {wrong_pages} wrong first pages | the brute scan | | "
          f"0 misses, 0 false hits: {'met' if exact else 'not met'} |")
    return 0 if exact else 1


if __name__ == "__main__":
    raise SystemExit(main())
