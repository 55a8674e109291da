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

from reader.errors import ReaderError
from reader.figure_clip import format_value
from reader.figures import extract_figures
from reader.model import Figure, Transcript

COLUMNS: tuple[str, ...] = ("text", "value", "unit", "qualifier", "speaker", "role", "sentence")
FORMATS: tuple[str, ...] = ("tsv", "csv", "json", "md")

#: Tabs and line breaks inside a field would split a spreadsheet row or a table cell.
FIELD_BREAK_RE = re.compile(r"[\t\r\n\u2028\u2029]+")
#: A pipe inside a Markdown table cell ends the cell unless escaped.
MD_PIPE_RE = re.compile(r"\|")


def _figures_of(transcript: Transcript) -> tuple[Figure, ...]:
    # A transcript built without the extractor (a test, an older cache) still gets a table.
    return transcript.figures or extract_figures(transcript)


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


def _one_line(value: str) -> str:
    return FIELD_BREAK_RE.sub(" ", value).strip()


def _json_number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _tsv(transcript: Transcript, figures: tuple[Figure, ...]) -> str:
    lines = ["\t".join(COLUMNS)]
    for f in figures:
        row = _row(transcript, f)
        lines.append("\t".join(_one_line(row[c]) for c in COLUMNS))
    return "\n".join(lines) + "\n"


def _csv(transcript: Transcript, figures: tuple[Figure, ...]) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in figures:
        row = _row(transcript, f)
        writer.writerow([row[c] for c in COLUMNS])
    return buf.getvalue()


def _json(transcript: Transcript, figures: tuple[Figure, ...]) -> str:
    records = []
    for f in figures:
        speaker = transcript.speaker(f.speaker)
        records.append(
            {
                "text": f.text,
                "value": _json_number(f.value),
                "value_to": _json_number(f.value_to),
                "unit": f.unit,
                "qualifier": f.qualifier,
                "family": f.family,
                "speaker": speaker.name if speaker else None,
                "role": speaker.role if speaker else None,
                "turn": f.turn,
                "start": f.start,
                "end": f.end,
                "change_of": f.change_of,
                "direction": f.direction,
                "same_as": f.same_as,
                "sentence": f.sentence,
            }
        )
    return json.dumps(records, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _md_cell(value: str) -> str:
    return MD_PIPE_RE.sub(r"\\|", _one_line(value))


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
    return renderer(transcript, _figures_of(transcript))
