"""The library's commands: ``library add|remove|list``, ``search``, ``speaker``, ``figure-history``.

``reader.cli`` hands these over; they print results on standard output (TSV by default,
JSON with ``--format json``), progress and notes on standard error, and a failure the
user can act on as one line on stderr with exit code 2, as the rest of the command does.
The index is ``$XDG_DATA_HOME/transcript-reader/library.sqlite3`` unless
``TRANSCRIPT_READER_LIBRARY`` names another file.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.library.library import Library

EXIT_OK = 0
EXIT_USAGE = 2
PROG = "transcript-reader"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2 like every other failure."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ReaderError(None, f"{self.prog.split()[-1]}: {message}")


def _library_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=f"{PROG} library", description="Manage the library: the folders of transcripts "
                "indexed together for search, speaker pages and figure histories.")
    sub = p.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="add a folder (recursively: .md, .html, .htm, .txt) and index it")
    add.add_argument("folder")
    remove = sub.add_parser("remove", help="forget a folder, or one file, and its entries")
    remove.add_argument("path")
    sub.add_parser("list", help="the folders and how many transcripts each holds")
    sub.add_parser("refresh", help="re-read changed files and forget deleted ones")
    return p


def _search_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=f"{PROG} search", description="Search every transcript of the library. Terms "
                "separated by spaces must all occur in one turn; every other character is text.")
    p.add_argument("query", nargs="+")
    p.add_argument("--speaker", help="only this person's turns (any script: 華春瑩 finds 华春莹)")
    p.add_argument("--kind", choices=("host", "official", "reporter", "other"))
    p.add_argument("--organization")
    p.add_argument("--source", help="only briefings from this source (as 'library list' shows)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="from this date (2021, 2021-03, 2021-03-05)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="up to this date, inclusive")
    p.add_argument("--page", type=int, default=0, help="page of results (20 briefings each), from 0")
    p.add_argument("--format", choices=("tsv", "json"), default="tsv")
    return p


def _speaker_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=f"{PROG} speaker", description="One person across the library: every briefing, "
                "turns, share of speaking, figures cited.")
    p.add_argument("name")
    p.add_argument("--format", choices=("text", "json"), default="text")
    return p


def _figure_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=f"{PROG} figure-history", description="Every value cited for an indicator (the "
                "words before a figure, e.g. 社会消费品零售总额 or '社会消费品零售总额 同比增长'), "
                "in date order; "
                "values that differ for one period are flagged 'differs'.")
    p.add_argument("indicator", nargs="+")
    p.add_argument("--format", choices=("tsv", "json"), default="tsv")
    return p


def _date(text: str | None, end: bool) -> str | None:
    from reader.library.library import date_bound

    try:
        return date_bound(text, end)
    except ValueError:
        raise ReaderError(text, "not a date (use 2021, 2021-03 or 2021-03-05)") from None


def _open() -> Library:
    from reader.library.library import Library

    library = Library()
    if library.rebuilt:
        print(f"{PROG}: the library index {library.path} could not be used ({library.rebuilt}); it was set "
              f"aside as {library.set_aside} and is rebuilt from its folders", file=sys.stderr)
        if library.folders():
            _refresh(library)
    return library


class _Progress:
    """Files done / total on stderr: one updating line on a terminal, a line a second otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int, _path: str) -> None:
        now = time.monotonic()
        if done != total and now - self.last < (0.1 if self.tty else 1.0):
            return
        self.last = now
        line = f"indexed {done}/{total} files"
        if self.tty:
            sys.stderr.write("\r" + line + ("\n" if done == total else ""))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


def _report(report: object) -> None:
    from reader.library.records import AddReport

    assert isinstance(report, AddReport)
    print(f"{PROG}: {report.files} transcripts: {report.indexed} read, {report.unchanged} unchanged, "
          f"{report.removed} removed, {len(report.failed)} could not be read", file=sys.stderr)
    for path, reason in report.failed[:10]:
        print(f"{PROG}: {path}: {reason}", file=sys.stderr)


def _refresh(library, folder: str | None = None) -> None:  # type: ignore[no-untyped-def]
    report = library.add(folder, progress=_Progress()) if folder else library.refresh(progress=_Progress())
    _report(report)


def _run_library(args: argparse.Namespace) -> int:
    library = _open()
    if args.action == "add":
        if not os.path.isdir(args.folder):
            raise ReaderError(args.folder, "not a folder")
        _refresh(library, args.folder)
    elif args.action == "remove":
        removed = library.remove(args.path)
        if not removed and os.path.abspath(args.path) not in library.folders():
            raise ReaderError(args.path, "not in the library")
        print(f"{PROG}: removed {removed} transcripts", file=sys.stderr)
    elif args.action == "refresh":
        _refresh(library)
    else:
        counts: dict[str, int] = {}
        docs = library.store.file_states()
        for folder in library.folders():
            counts[folder] = sum(1 for p in docs if p.startswith(folder + os.sep))
        sys.stdout.write("folder\ttranscripts\n" + "".join(f"{f}\t{n}\n" for f, n in counts.items()))
        print(f"{PROG}: index {library.path}: {library.document_count()} transcripts", file=sys.stderr)
    return EXIT_OK


def _need_documents(library) -> None:  # type: ignore[no-untyped-def]
    if not library.document_count():
        raise ReaderError(None, f"the library is empty: add a folder with '{PROG} library add DIR'")


def _run_search(args: argparse.Namespace) -> int:
    from reader.library.records import Filters
    from reader.library.render import search_json, search_tsv

    library = _open()
    _need_documents(library)
    filters = Filters(speaker=args.speaker, kind=args.kind, organization=args.organization,
                      source=args.source,
                      date_from=_date(args.date_from, end=False), date_to=_date(args.date_to, end=True))
    result = library.search(" ".join(args.query), filters, page=max(0, args.page))
    contexts = library.contexts(result.hits, result.terms)
    sys.stdout.write(search_json(result, contexts) + "\n" if args.format == "json"
                     else search_tsv(result, contexts))
    briefings = len({h.doc_id for h in result.hits})
    print(f"{PROG}: {result.count} matching turns; this page: {len(result.hits)} turns in "
          f"{briefings} briefings"
          + (f" (more: --page {result.page + 1})" if result.more else ""), file=sys.stderr)
    return EXIT_OK


def _run_speaker(args: argparse.Namespace) -> int:
    from reader.library.render import speaker_json, speaker_text

    library = _open()
    _need_documents(library)
    page = library.speaker(args.name)
    if page is None:
        similar = library.speakers_like(args.name)
        hint = f" (did you mean: {', '.join(similar[:8])})" if similar else ""
        raise ReaderError(args.name, f"no such speaker in the library{hint}")
    sys.stdout.write(speaker_json(page) + "\n" if args.format == "json" else speaker_text(page))
    return EXIT_OK


def _run_figure_history(args: argparse.Namespace) -> int:
    from reader.library.render import figure_history_json, figure_history_tsv

    library = _open()
    _need_documents(library)
    indicator = " ".join(args.indicator)
    history = library.figure_history(indicator)
    if not history.values:
        similar = [name for name, _ in library.indicators(indicator, 8)]
        hint = f" (indicators holding it: {'; '.join(similar)})" if similar else ""
        raise ReaderError(indicator, f"no figure cited for this indicator{hint}")
    sys.stdout.write(figure_history_json(history) + "\n" if args.format == "json"
                     else figure_history_tsv(history))
    print(f"{PROG}: {len(history.values)} values, {history.conflicts} differing for the same period",
          file=sys.stderr)
    return EXIT_OK


def run_library_command(command: str, argv: Sequence[str]) -> int:
    """Run one library command; ``reader.cli.main`` turns a ReaderError into its one line."""
    if command == "library":
        return _run_library(_library_parser().parse_args(argv))
    if command == "search":
        return _run_search(_search_parser().parse_args(argv))
    if command == "speaker":
        return _run_speaker(_speaker_parser().parse_args(argv))
    return _run_figure_history(_figure_parser().parse_args(argv))
