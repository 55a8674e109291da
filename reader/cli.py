"""The ``transcript-reader`` command: the window, ``export``, ``figures``, and the library's
``library add|remove|list``, ``search``, ``speaker`` and ``figure-history``.

A failure the user can act on (a missing file, an undecodable one) is one line on
stderr naming the file and the reason, and exit code 2: never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.errors import ReaderError

EXIT_OK = 0
EXIT_USAGE = 2
LIBRARY_COMMANDS = ("library", "search", "speaker", "figure-history")
SUBCOMMANDS = ("export", "figures", "library", "search", "speaker", "figure-history")


def _export_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="transcript-reader export",
        description="Write the parsed transcript as JSON (see docs/EXPORT.md).",
    )
    p.add_argument("file", help="transcript to read (.md, .html, .txt)")
    p.add_argument("--out", metavar="PATH", help="write here instead of standard output")
    return p


def _figures_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="transcript-reader figures",
        description="Print every figure cited, with who said it, ready for a spreadsheet.",
    )
    p.add_argument("file", help="transcript to read (.md, .html, .txt)")
    p.add_argument("--format", choices=("tsv", "csv", "json", "md"), default="tsv")
    p.add_argument("--out", metavar="PATH", help="write here instead of standard output")
    return p


def _window_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="transcript-reader",
        description="Open a press-conference transcript in the reading window "
        "(the bundled sample when no FILE is given). "
        "Subcommands: 'export FILE' (JSON), 'figures FILE' (figures table), "
        "'library add|remove|list', 'search QUERY', 'speaker NAME', 'figure-history INDICATOR'.",
    )
    p.add_argument("file", nargs="?", help="transcript to open")
    p.add_argument("--screenshot", metavar="PATH", help="render the window offscreen, save a PNG, exit")
    p.add_argument("--size", metavar="WxH", default=None, help="window size for --screenshot, e.g. 1400x900")
    return p


def _write_output(text: str, out: str | None) -> None:
    if out is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    try:
        Path(out).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as exc:
        raise ReaderError(out, f"cannot write output ({exc.strerror or exc})") from exc


def _run_export(args: argparse.Namespace) -> int:
    from reader.export.document import write_json
    from reader.pipeline import load

    transcript = load(args.file)
    if args.out is None:
        write_json(transcript, sys.stdout.write)
        sys.stdout.write("\n")
        sys.stdout.flush()
        return EXIT_OK
    try:  # written as it is encoded: the whole JSON of a big file never sits in memory
        with open(args.out, "w", encoding="utf-8") as out:
            write_json(transcript, out.write)
            out.write("\n")
    except OSError as exc:
        raise ReaderError(args.out, f"cannot write output ({exc.strerror or exc})") from exc
    return EXIT_OK


def _run_figures(args: argparse.Namespace) -> int:
    from reader.export.figure_rows import render_figures
    from reader.pipeline import load

    transcript = load(args.file)
    _write_output(render_figures(transcript, args.format), args.out)
    return EXIT_OK


def _run_window(args: argparse.Namespace) -> int:
    from reader.app import run_window

    return run_window(args.file, screenshot=args.screenshot, size=args.size)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the console script and ``python -m reader``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "export":
            return _run_export(_export_parser().parse_args(argv[1:]))
        if argv and argv[0] == "figures":
            return _run_figures(_figures_parser().parse_args(argv[1:]))
        if argv and argv[0] in LIBRARY_COMMANDS:
            from reader.cli_library import run_library_command

            return run_library_command(argv[0], argv[1:])
        return _run_window(_window_parser().parse_args(argv))
    except ReaderError as exc:
        print(f"transcript-reader: {exc.path}: {exc.reason}" if exc.path else f"transcript-reader: {exc}",
              file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except MemoryError:
        print(f"transcript-reader: {_named_file(argv)}: not enough memory to read it", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug is still one line naming the file, never a traceback (issue 6)
        print(f"transcript-reader: {_named_file(argv)}: unexpected error ({type(exc).__name__}: {exc}); "
              "please report it", file=sys.stderr)
        return EXIT_USAGE


def _named_file(argv: Sequence[str]) -> str:
    """The file the command was given, for a message about a failure nobody foresaw."""
    words = iter(argv[1 if argv and argv[0] in SUBCOMMANDS else 0:])
    for word in words:
        if word in ("--out", "--format", "--screenshot", "--size", "--speaker", "--kind", "--organization",
                    "--from", "--to", "--source", "--page"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return "transcript-reader"


if __name__ == "__main__":
    sys.exit(main())
