"""What a figure becomes in a table, on the clipboard or in an exported file: one record.

Users paste figures into stories and spreadsheets, so each format is exact: the figure as
written (never re-rendered), the value without a trailing ``.0`` or an exponent, rows a
spreadsheet splits into columns, and a quote that carries its source. Every layout (the
clipboard's rows, the export dialog's CSV and JSON, ``transcript-reader figures`` in TSV,
CSV, JSON and Markdown) is a choice of columns of :func:`figure_record`, written by
:func:`cell`. Plain Python, no Qt: the window only puts these strings on the clipboard.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from reader.errors import ReaderError
from reader.figures.extract import extract_figures
from reader.model import Figure, Transcript

#: The fields of a figure record, in the export dialog's CSV order.
FIELDS: tuple[str, ...] = (
    "text", "value", "value_to", "unit", "qualifier", "family", "speaker", "role",
    "turn", "start", "end", "change_of", "direction", "same_as", "sentence",
)
#: ``transcript-reader figures``.
COLUMNS: tuple[str, ...] = ("text", "value", "unit", "qualifier", "speaker", "role", "sentence")
#: Rows copied from the figures table: the command's columns, so a row pasted from either
#: lines up in one spreadsheet.
TSV_HEADER: tuple[str, ...] = COLUMNS
#: The export dialog's CSV.
CSV_HEADER: tuple[str, ...] = FIELDS
FORMATS: tuple[str, ...] = ("tsv", "csv", "json", "md")

# Tabs and line breaks inside a field would split a spreadsheet row or cell.
FIELD_BREAK = re.compile(r"[\t\r\n\u2028\u2029]+")
#: A pipe inside a Markdown table cell ends the cell unless escaped.
MD_PIPE_RE = re.compile(r"\|")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# A signed number (``-5``, ``+28.5%``) is safe in a spreadsheet; any other cell starting with
# one of these characters is read as a formula (``=HYPERLINK(...)``, ``@SUM(...)``).
FORMULA_START = frozenset("=+-@")
SIGNED_NUMBER = re.compile(r"^[+-][\d.,]+%?$")

FigureRecord = dict[str, object]


def format_value(value: float | None) -> str:
    """``394000`` not ``394000.0``, ``329100000000`` not ``3.291e+11``, ``28.5`` kept as is."""
    if value is None:
        return ""
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def display_value(figure: Figure) -> str:
    """The value in base units with thousands separators; a range as ``low–high``."""
    def one(v: float) -> str:
        text = format_value(v)
        whole, _, frac = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        whole = f"{int(whole.lstrip('-') or 0):,}"
        return sign + whole + ("." + frac if frac else "")

    if figure.value_to is not None and figure.value_to != figure.value:
        return f"{one(figure.value)}–{one(figure.value_to)}"
    return one(figure.value)


def one_line(text: str | None) -> str:
    """A field on one line: tabs and line breaks would split a spreadsheet row or cell."""
    return FIELD_BREAK.sub(" ", text or "").strip()


def spreadsheet_cell(text: str) -> str:
    """``text`` as a spreadsheet cell that cannot run: a leading ``'`` on what would be a formula.

    A transcript is someone else's document: a sentence beginning ``=HYPERLINK(...)``
    pasted or opened in a spreadsheet would run. Spreadsheets take the ``'`` as "this
    is text"; every other cell, and the JSON export, stays exactly as written.
    """
    if text[:1] in FORMULA_START and not SIGNED_NUMBER.match(text):
        return "'" + text
    return text


def _json_number(value: float | None) -> float | int | None:
    """Integral values as JSON integers (``394000``), so consumers see what the text said."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def figure_record(transcript: Transcript, index: int) -> FigureRecord:
    """Everything a row of any layout shows about ``transcript.figures[index]``, JSON-ready."""
    f = transcript.figures[index]
    sp = transcript.speaker(f.speaker)
    return {
        "text": f.text,
        "value": _json_number(f.value),
        "value_to": _json_number(f.value_to),
        "unit": f.unit,
        "qualifier": f.qualifier,
        "family": f.family,
        "speaker": (sp.name or None) if sp else None,
        "role": (sp.role or None) if sp else None,
        "turn": f.turn,
        "start": f.start,
        "end": f.end,
        "change_of": f.change_of,
        "direction": f.direction,
        "same_as": f.same_as,
        "sentence": f.sentence,
    }


def cell(record: FigureRecord, key: str) -> str:
    """One field of a record as table text: values as people read them, nothing for None."""
    value = record[key]
    if key in ("value", "value_to"):
        return format_value(value if isinstance(value, (int, float)) else None)
    return "" if value is None else str(value)


def _all_or(transcript: Transcript, indices: Iterable[int] | None) -> list[int]:
    return list(range(len(transcript.figures))) if indices is None else list(indices)


def _tsv(records: Sequence[FigureRecord], columns: Sequence[str]) -> str:
    lines = ["\t".join(columns)]
    lines.extend("\t".join(spreadsheet_cell(one_line(cell(r, c))) for c in columns) for r in records)
    return "\n".join(lines) + "\n"


def _csv(records: Sequence[FigureRecord], columns: Sequence[str], line_end: str) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator=line_end)
    writer.writerow(columns)
    for r in records:
        writer.writerow([spreadsheet_cell(cell(r, c)) for c in columns])
    return buf.getvalue()


def _md(records: Sequence[FigureRecord], columns: Sequence[str]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for r in records:
        lines.append("| " + " | ".join(MD_PIPE_RE.sub(r"\\|", one_line(cell(r, c))) for c in columns) + " |")
    return "\n".join(lines) + "\n"


# -- the clipboard ---------------------------------------------------------------------


def figure_row(transcript: Transcript, index: int) -> tuple[str, ...]:
    """One copied row, in TSV_HEADER order."""
    record = figure_record(transcript, index)
    return tuple(spreadsheet_cell(one_line(cell(record, c))) for c in TSV_HEADER)


def figures_tsv(transcript: Transcript, indices: Sequence[int]) -> str:
    """A header row and one tab-separated row per figure: pastes into spreadsheet columns."""
    return _tsv([figure_record(transcript, i) for i in indices], TSV_HEADER)


def selection_text(transcript: Transcript, indices: Sequence[int]) -> str:
    """What Ctrl+C copies: one figure as written, or several as TSV with a header."""
    if len(indices) == 1:
        return transcript.figures[indices[0]].text
    if not indices:
        return ""
    return figures_tsv(transcript, indices)


def briefing_date(transcript: Transcript) -> str:
    """The day of the briefing as ``2022-04-14``, or the date as given when not ISO."""
    date = transcript.meta.date or ""
    m = ISO_DATE.match(date)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else date


def with_source(transcript: Transcript, index: int) -> str:
    """The sentence, then who said it, then the briefing: a quote ready to attribute.

    ::

        一年来，全国共破获电信网络诈骗案件39.4万起，……
        —— 杜航伟，公安部副部长
        《国新办举行…新闻发布会》，2022-04-14
    """
    f = transcript.figures[index]
    record = figure_record(transcript, index)
    lines = [f.sentence.strip() or f.text]
    who = "，".join(part for part in (cell(record, "speaker"), cell(record, "role")) if part)
    if who:
        lines.append(f"—— {who}")
    title = (transcript.meta.title or "").strip()
    date = briefing_date(transcript)
    where = "，".join(part for part in (f"《{title}》" if title else "", date) if part)
    if where:
        lines.append(where)
    return "\n".join(lines)


# -- files -----------------------------------------------------------------------------


def figures_csv(transcript: Transcript, indices: Iterable[int] | None = None) -> bytes:
    """The export dialog's CSV, in UTF-8 with a BOM, so Excel opens the Chinese text correctly."""
    records = [figure_record(transcript, i) for i in _all_or(transcript, indices)]
    return _csv(records, CSV_HEADER, "\r\n").encode("utf-8-sig")


def figures_json(transcript: Transcript, indices: Iterable[int] | None = None) -> str:
    """The figures with speaker names and the briefing they come from, as JSON text."""
    doc = {
        "title": transcript.meta.title,
        "date": transcript.meta.date,
        "source": transcript.source.path,
        "figures": [figure_record(transcript, i) for i in _all_or(transcript, indices)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


_RENDERERS: dict[str, Callable[[Sequence[FigureRecord]], str]] = {
    "tsv": lambda records: _tsv(records, COLUMNS),
    "csv": lambda records: _csv(records, COLUMNS, "\n"),
    "json": lambda records: json.dumps(list(records), ensure_ascii=False, indent=1, allow_nan=False) + "\n",
    "md": lambda records: _md(records, COLUMNS),
}


def render_figures(transcript: Transcript, fmt: str = "tsv") -> str:
    """The figures table of ``transcript-reader figures`` in ``fmt`` (tsv, csv, json or md).

    One row per figure, in text order: the figure as written, its value in base units, the
    unit, the qualifier, who said it (name and role) and the sentence, so a journalist can
    paste it into a spreadsheet (TSV, CSV) or a story (Markdown) and quote it with its source.
    """
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise ReaderError(None, f"unknown figures format {fmt!r} (choose one of {', '.join(FORMATS)})")
    if not transcript.figures:
        # A transcript built without the extractor (a test, an older cache) still gets a table.
        transcript = replace(transcript, figures=extract_figures(transcript))
    return renderer([figure_record(transcript, i) for i in range(len(transcript.figures))])
