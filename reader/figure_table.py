"""The figures table of ``transcript-reader figures FILE --format tsv|csv|json|md``.

One row per figure, in text order: the figure as written, its value in base units, the
unit, the qualifier, who said it (name and role) and the sentence, so a journalist can
paste it into a spreadsheet (TSV, CSV) or a story (Markdown) and quote it with its
source. Values are written as numbers people read (``394000``, not ``394000.0`` or
``3.94e+05``); the text is never re-rendered.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import replace

from reader.errors import ReaderError
from reader.figure_clip import figure_record, format_value, one_line, spreadsheet_cell
from reader.figures import extract_figures
from reader.model import Figure, Transcript

COLUMNS: tuple[str, ...] = ("text", "value", "unit", "qualifier", "speaker", "role", "sentence")
FORMATS: tuple[str, ...] = ("tsv", "csv", "json", "md")

#: A pipe inside a Markdown table cell ends the cell unless escaped.
MD_PIPE_RE = re.compile(r"\|")


def _row(transcript: Transcript, figure: Figure) -> dict[str, str]:
    speaker = transcript.speaker(figure.speaker)
    return {
        "text": figure.text,
        "value": format_value(figure.value),
        "unit": figure.unit,
        "qualifier": figure.qualifier or "",
        "speaker": speaker.name if speaker else "",
        "role": (speaker.role or "") if speaker else "",
        "sentence": figure.sentence,
    }


def _tsv(transcript: Transcript, figures: tuple[Figure, ...]) -> str:
    lines = ["\t".join(COLUMNS)]
    for f in figures:
        row = _row(transcript, f)
        lines.append("\t".join(spreadsheet_cell(one_line(row[c])) for c in COLUMNS))
    return "\n".join(lines) + "\n"


def _csv(transcript: Transcript, figures: tuple[Figure, ...]) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in figures:
        row = _row(transcript, f)
        writer.writerow([spreadsheet_cell(row[c]) for c in COLUMNS])
    return buf.getvalue()


def _json(transcript: Transcript, figures: tuple[Figure, ...]) -> str:
    records = [figure_record(transcript, i) for i in range(len(figures))]
    return json.dumps(records, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _md_cell(value: str) -> str:
    return MD_PIPE_RE.sub(r"\\|", one_line(value))


def _md(transcript: Transcript, figures: tuple[Figure, ...]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for f in figures:
        row = _row(transcript, f)
        lines.append("| " + " | ".join(_md_cell(row[c]) for c in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


_RENDERERS: dict[str, Callable[[Transcript, tuple[Figure, ...]], str]] = {
    "tsv": _tsv,
    "csv": _csv,
    "json": _json,
    "md": _md,
}


def render_figures(transcript: Transcript, fmt: str = "tsv") -> str:
    """The figures table in ``fmt`` (tsv, csv, json or md), header row included."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise ReaderError(None, f"unknown figures format {fmt!r} (choose one of {', '.join(FORMATS)})")
    if not transcript.figures:
        # A transcript built without the extractor (a test, an older cache) still gets a table.
        transcript = replace(transcript, figures=extract_figures(transcript))
    return renderer(transcript, transcript.figures)
