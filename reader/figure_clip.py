"""What a figure becomes on the clipboard or in an exported file.

Users paste figures into stories and spreadsheets, so each format is exact: the figure as
written (never re-rendered), the value without a trailing ``.0`` or an exponent, rows a
spreadsheet splits into columns, and a quote that carries its source. Plain Python, no Qt:
the window only puts these strings on the clipboard.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from reader.model import Figure, Transcript

TSV_HEADER: tuple[str, ...] = ("text", "value", "unit", "speaker", "role", "sentence")
CSV_HEADER: tuple[str, ...] = (
    "text", "value", "value_to", "unit", "qualifier", "family", "speaker", "role",
    "turn", "start", "end", "change_of", "direction", "same_as", "sentence",
)

# Tabs and line breaks inside a field would split a spreadsheet row or cell.
FIELD_BREAK = re.compile(r"[\t\r\n\u2028\u2029]+")

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# A signed number (``-5``, ``+28.5%``) is safe in a spreadsheet; any other cell starting with
# one of these characters is read as a formula (``=HYPERLINK(...)``, ``@SUM(...)``).
FORMULA_START = frozenset("=+-@")
SIGNED_NUMBER = re.compile(r"^[+-][\d.,]+%?$")


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


def _speaker_of(transcript: Transcript, figure: Figure) -> tuple[str, str]:
    sp = transcript.speaker(figure.speaker)
    if sp is None:
        return "", ""
    return sp.name, sp.role or ""


def figure_row(transcript: Transcript, index: int) -> tuple[str, ...]:
    """One TSV row, in TSV_HEADER order."""
    f = transcript.figures[index]
    name, role = _speaker_of(transcript, f)
    return tuple(spreadsheet_cell(cell) for cell in (
        one_line(f.text), format_value(f.value), one_line(f.unit),
        one_line(name), one_line(role), one_line(f.sentence),
    ))


def figures_tsv(transcript: Transcript, indices: Sequence[int]) -> str:
    """A header row and one tab-separated row per figure: pastes into spreadsheet columns."""
    lines = ["\t".join(TSV_HEADER)]
    lines.extend("\t".join(figure_row(transcript, i)) for i in indices)
    return "\n".join(lines) + "\n"


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
    name, role = _speaker_of(transcript, f)
    lines = [f.sentence.strip() or f.text]
    who = "，".join(part for part in (name, role) if part)
    if who:
        lines.append(f"—— {who}")
    title = (transcript.meta.title or "").strip()
    date = briefing_date(transcript)
    where = "，".join(part for part in (f"《{title}》" if title else "", date) if part)
    if where:
        lines.append(where)
    return "\n".join(lines)


def _json_number(value: float | None) -> float | int | None:
    """Integral values as JSON integers (``394000``), so consumers see what the text said."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def figure_record(transcript: Transcript, index: int) -> dict[str, object]:
    f = transcript.figures[index]
    name, role = _speaker_of(transcript, f)
    return {
        "text": f.text,
        "value": _json_number(f.value),
        "value_to": _json_number(f.value_to),
        "unit": f.unit,
        "qualifier": f.qualifier,
        "family": f.family,
        "speaker": name or None,
        "role": role or None,
        "turn": f.turn,
        "start": f.start,
        "end": f.end,
        "change_of": f.change_of,
        "direction": f.direction,
        "same_as": f.same_as,
        "sentence": f.sentence,
    }


def _all_or(transcript: Transcript, indices: Iterable[int] | None) -> list[int]:
    return list(range(len(transcript.figures))) if indices is None else list(indices)


def figures_csv(transcript: Transcript, indices: Iterable[int] | None = None) -> bytes:
    """CSV in UTF-8 with a BOM, so Excel opens the Chinese text correctly."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for i in _all_or(transcript, indices):
        rec = figure_record(transcript, i)
        row = []
        for key in CSV_HEADER:
            v = rec[key]
            if key in ("value", "value_to"):
                row.append(format_value(v))  # type: ignore[arg-type]
            else:
                row.append("" if v is None else str(v))
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return buf.getvalue().encode("utf-8-sig")


def figures_json(transcript: Transcript, indices: Iterable[int] | None = None) -> str:
    """The figures with speaker names and the briefing they come from, as JSON text."""
    doc = {
        "title": transcript.meta.title,
        "date": transcript.meta.date,
        "source": transcript.source.path,
        "figures": [figure_record(transcript, i) for i in _all_or(transcript, indices)],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
