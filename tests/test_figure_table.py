"""The figures table of ``transcript-reader figures``, in each format a user pastes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import replace

import pytest
from metrics_doc import build_transcript

from reader.errors import ReaderError
from reader.export.figure_rows import COLUMNS, render_figures
from reader.model import Meta, Source, Span, Speaker, Transcript, Turn


def test_tsv_has_a_header_and_one_row_per_figure_with_speaker_and_role() -> None:
    t = build_transcript()
    lines = render_figures(t, "tsv").splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    assert len(lines) == 1 + len(t.figures)
    first = dict(zip(COLUMNS, lines[1].split("\t"), strict=True))
    assert first["text"] == "39.4万起"
    assert first["value"] == "394000"
    assert first["unit"] == "起"
    assert first["qualifier"] == ""
    assert (first["speaker"], first["role"]) == ("张立", "公安部副部长")
    assert first["sentence"].startswith("一年来，全国共破获电信网络诈骗案件39.4万起")


def test_values_are_written_as_people_read_them() -> None:
    rows = render_figures(build_transcript(), "tsv").splitlines()[1:]
    values = {r.split("\t")[0]: r.split("\t")[1] for r in rows}
    assert values["3291亿元"] == "329100000000"  # not 3.291e+11
    assert values["28.5%"] == "28.5"
    assert values["近9个百分点"] == "9"


def test_tabs_and_line_breaks_inside_a_sentence_do_not_break_rows() -> None:
    t = build_transcript()
    figs = list(t.figures)
    figs[0] = replace(figs[0], sentence="第一行\t第二行\n第三行")
    rows = render_figures(replace(t, figures=tuple(figs)), "tsv").splitlines()
    assert len(rows) == 1 + len(figs)
    assert rows[1].split("\t")[-1] == "第一行 第二行 第三行"


def test_csv_round_trips_through_a_csv_reader() -> None:
    t = build_transcript()
    rows = list(csv.reader(io.StringIO(render_figures(t, "csv"))))
    assert rows[0] == list(COLUMNS)
    assert [r[0] for r in rows[1:]] == [f.text for f in t.figures]
    near = next(r for r in rows if r[0] == "近9个百分点")
    assert near[2:4] == ["个百分点", "近"]
    assert "，" in rows[1][-1]  # sentences keep their punctuation


def test_json_keeps_numbers_as_numbers_and_the_relations() -> None:
    t = build_transcript()
    records = json.loads(render_figures(t, "json"))
    assert len(records) == len(t.figures)
    assert records[0]["value"] == 394000 and isinstance(records[0]["value"], int)
    assert records[2]["value"] == 28.5
    assert records[2]["change_of"] == 0 and records[2]["direction"] == "up"
    assert records[4]["same_as"] == records[5]["same_as"] is not None
    assert records[0]["speaker"] == "张立" and records[0]["role"] == "公安部副部长"


def test_markdown_is_a_table_with_escaped_pipes() -> None:
    t = build_transcript()
    figs = list(t.figures)
    figs[0] = replace(figs[0], sentence="甲|乙")
    lines = render_figures(replace(t, figures=tuple(figs)), "md").splitlines()
    assert lines[0] == "| " + " | ".join(COLUMNS) + " |"
    assert set(lines[1]) <= set("|-")
    assert len(lines) == 2 + len(figs)
    assert "甲\\|乙" in lines[2]
    assert all(line.count(" | ") == len(COLUMNS) - 1 for line in lines[2:3])


def test_a_transcript_without_extracted_figures_gets_them_extracted() -> None:
    text = "局长：\n全年破获案件1.2万起。"
    t = Transcript(
        source=Source(None, "", "text", "utf-8"),
        meta=Meta(),
        text=text,
        speakers=(Speaker("s1", "王局长", "公安厅局长", None, "official"),),
        turns=(Turn(0, "s1", "局长", "official", 0, len(text), Span(0, 2), (Span(4, len(text)),)),),
    )
    lines = render_figures(t, "tsv").splitlines()
    assert lines[1].split("\t")[:6] == ["1.2万起", "12000", "起", "", "王局长", "公安厅局长"]


def test_preamble_figures_have_empty_speaker_cells() -> None:
    t = build_transcript()
    figs = list(t.figures)
    figs[0] = replace(figs[0], turn=None, speaker=None)
    row = render_figures(replace(t, figures=tuple(figs)), "tsv").splitlines()[1].split("\t")
    assert row[4:6] == ["", ""]


def test_an_unknown_format_is_a_reader_error() -> None:
    with pytest.raises(ReaderError, match="xlsx"):
        render_figures(build_transcript(), "xlsx")


def test_an_empty_table_is_just_the_header() -> None:
    t = replace(build_transcript(), figures=(), text="没有数字。", turns=(), speakers=())
    assert render_figures(t, "tsv") == "\t".join(COLUMNS) + "\n"
    assert json.loads(render_figures(t, "json")) == []



def test_figures_command_on_the_bundled_sample(sample_path) -> None:
    pytest.importorskip("reader.pipeline", reason="the parser (issue 2) has not landed")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "figures", str(sample_path), "--format", "tsv"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == list(COLUMNS)
    first = next(r for r in rows if r[0] == "39.4万起")
    assert first[1:3] == ["394000", "起"]
    assert first[4:6] == ["杜航伟", "公安部副部长"]
