"""Clipboard and export formats: exact text, exact value, rows a spreadsheet splits."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from metrics_doc import TITLE, build_transcript

from reader.export.figure_rows import (
    COLUMNS,
    CSV_HEADER,
    TSV_HEADER,
    figures_csv,
    figures_json,
    figures_tsv,
    format_value,
    render_figures,
    selection_text,
    with_source,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (394000.0, "394000"),
        (329100000000.0, "329100000000"),
        (28.5, "28.5"),
        (0.1, "0.1"),
        (1e16, "10000000000000000"),
        (1.5e-7, "0.00000015"),
        (-3.0, "-3"),
        (0.0, "0"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_value_has_no_trailing_zero_or_exponent(value: float | None, text: str) -> None:
    assert format_value(value) == text


def test_one_figure_copies_as_written() -> None:
    t = build_transcript()
    assert selection_text(t, [0]) == "39.4万起"
    assert selection_text(t, [8]) == "近9个百分点"
    assert selection_text(t, []) == ""


def test_several_figures_copy_as_tsv_with_header() -> None:
    t = build_transcript()
    lines = selection_text(t, [0, 4]).splitlines()
    assert lines[0].split("\t") == list(TSV_HEADER)
    assert len(lines) == 3
    first = lines[1].split("\t")
    assert first[:6] == ["39.4万起", "394000", "起", "", "张立", "公安部副部长"]
    assert first[6].startswith("一年来") and first[6].endswith("。")
    assert lines[2].split("\t")[:3] == ["3291亿元", "329100000000", "元"]


def test_tabs_and_newlines_in_fields_do_not_break_rows() -> None:
    t = build_transcript()
    figs = list(t.figures)
    figs[0] = replace(figs[0], sentence="第一行\n第二行\t第三列")
    rows = figures_tsv(replace(t, figures=tuple(figs)), [0]).splitlines()
    assert len(rows) == 2 and len(rows[1].split("\t")) == len(TSV_HEADER)


def test_with_source_names_sentence_speaker_role_title_and_date() -> None:
    t = build_transcript()
    quote = with_source(t, 0).splitlines()
    assert quote[0] == t.figures[0].sentence
    assert "张立" in quote[1] and "公安部副部长" in quote[1]
    assert TITLE in quote[2] and "2022-04-14" in quote[2]


def test_with_source_in_the_preamble_has_no_speaker_line() -> None:
    t = build_transcript()
    figs = list(t.figures)
    figs[0] = replace(figs[0], speaker=None, turn=None)
    quote = with_source(replace(t, figures=tuple(figs)), 0).splitlines()
    assert len(quote) == 2 and TITLE in quote[1]


def test_csv_has_bom_header_and_exact_values() -> None:
    t = build_transcript()
    data = figures_csv(t)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 1 + len(t.figures)
    rec = dict(zip(CSV_HEADER, rows[1], strict=True))
    assert rec["text"] == "39.4万起" and rec["value"] == "394000" and rec["speaker"] == "张立"
    change = dict(zip(CSV_HEADER, rows[3], strict=True))
    assert change["change_of"] == "0" and change["direction"] == "up"


def test_json_export_round_trips() -> None:
    t = build_transcript()
    doc = json.loads(figures_json(t, [0, 2]))
    assert doc["title"] == TITLE
    assert [f["text"] for f in doc["figures"]] == ["39.4万起", "28.5%"]
    assert doc["figures"][0]["value"] == 394000 and isinstance(doc["figures"][0]["value"], int)
    assert doc["figures"][1]["value"] == 28.5
    assert doc["figures"][0]["role"] == "公安部副部长"


@pytest.mark.parametrize(("sentence", "cell"), [
    ('=HYPERLINK("http://evil.example","点击")', '\'=HYPERLINK("http://evil.example","点击")'),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("+1+2 同比上升28.5%", "'+1+2 同比上升28.5%"),
    ("-3+cmd|' /C calc'!A0", "'-3+cmd|' /C calc'!A0"),
    ("-5%", "-5%"),  # a signed number is a number in a spreadsheet, not a formula
    ("+28.5%", "+28.5%"),
    ("一年来，共破获案件39.4万起。", "一年来，共破获案件39.4万起。"),
])
def test_cells_that_would_run_as_formulas_are_marked_as_text(sentence: str, cell: str) -> None:
    t = build_transcript()
    figs = list(t.figures)
    figs[0] = replace(figs[0], sentence=sentence)
    doc = replace(t, figures=tuple(figs))
    assert figures_tsv(doc, [0, 1]).splitlines()[1].split("\t")[TSV_HEADER.index("sentence")] == cell
    rows = list(csv.reader(io.StringIO(figures_csv(doc).decode("utf-8-sig"), newline="")))
    assert dict(zip(CSV_HEADER, rows[1], strict=True))["sentence"] == cell
    assert json.loads(figures_json(doc, [0]))["figures"][0]["sentence"] == sentence  # JSON stays verbatim
    assert render_figures(doc, "tsv").splitlines()[1].split("\t")[COLUMNS.index("sentence")] == cell
    csv_rows = list(csv.reader(io.StringIO(render_figures(doc, "csv"))))
    assert csv_rows[1][COLUMNS.index("sentence")] == cell
