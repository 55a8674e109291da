"""Metrics series: what the panel's summary and charts draw, computed without Qt."""

from __future__ import annotations

from dataclasses import replace

import pytest
from metrics_doc import build_transcript

from reader.metrics.series import (
    changes_of,
    choose_scale,
    citation_counts,
    count_chinese_chars,
    family_counts,
    family_series,
    figure_density,
    reading_minutes,
    speaking_share,
    summarize,
)


def test_chinese_chars_exclude_punctuation_digits_and_latin() -> None:
    assert count_chinese_chars("一年来，全国共破获案件39.4万起。APP！") == 12
    assert count_chinese_chars("“”，。、；：？！（）《》") == 0


def test_chinese_chars_count_traditional_and_extension_characters() -> None:
    assert count_chinese_chars("詐騙〇𠀀") == 4


def test_reading_minutes_rounds_up_and_never_says_zero_for_text() -> None:
    assert reading_minutes(0) == 0
    assert reading_minutes(1) == 1
    assert reading_minutes(400) == 1
    assert reading_minutes(401) == 2


def test_summary_counts() -> None:
    t = build_transcript()
    s = summarize(t)
    assert (s.speakers, s.turns, s.questions, s.figures) == (4, 4, 1, 10)
    assert s.distinct_figures == 9  # 3291亿元 is cited twice
    assert s.characters == count_chinese_chars(t.text)
    assert s.reading_minutes == 1


def test_speaking_share_counts_chinese_characters_of_paragraphs_only() -> None:
    t = build_transcript()
    shares = speaking_share(t)
    by_id = {s.speaker: s for s in shares}
    official = t.turns[1]
    expected = sum(count_chinese_chars(t.text[p.start : p.end]) for p in official.paragraphs)
    assert by_id["s2"].chars == expected
    assert "公安部副部长张立" not in "".join(t.text[p.start : p.end] for p in official.paragraphs)
    assert by_id["s2"].first_offset == official.start
    assert by_id["s2"].kind == "official"
    assert abs(sum(s.share for s in shares) - 1.0) < 1e-9
    assert [s.chars for s in shares] == sorted((s.chars for s in shares), reverse=True)


def test_speaking_share_without_turns_is_empty() -> None:
    t = replace(build_transcript(), turns=())
    assert speaking_share(t) == ()


def test_density_puts_every_figure_in_the_bin_of_its_offset() -> None:
    t = build_transcript()
    d = figure_density(t, bins=10)
    assert len(d.counts) == 10 and len(d.edges) == 11
    assert d.edges[0] == 0 and d.edges[-1] == len(t.text)
    assert sum(d.counts) == len(t.figures)
    for f in t.figures:
        i = d.bin_at(f.start)
        assert d.edges[i] <= f.start < d.edges[i + 1]
    assert d.counts[d.bin_at(t.figures[0].start)] >= 1
    assert d.counts[0] == 0  # the title and the preamble hold no figures


def test_density_of_empty_text() -> None:
    t = replace(build_transcript(), text="", figures=())
    assert figure_density(t).counts == (0,)


def test_money_family_on_one_scale_each_figure_once() -> None:
    s = family_series(build_transcript(), "money")
    assert s.axis_unit == "亿元"
    assert [p.text for p in s.points] == ["3291亿元", "148亿元", "120亿元"]
    assert [round(p.scaled) for p in s.points] == [3291, 148, 120]
    top = s.points[0]
    assert top.citations == 2 and top.speakers == ("张立", "李平")


def test_percent_and_points_stay_apart() -> None:
    t = build_transcript()
    percent = family_series(t, "percent")
    points = family_series(t, "points")
    assert [p.text for p in percent.points] == ["76.6%", "不到50%", "28.5%"]
    assert percent.axis_unit == "%" and percent.scale == 1.0
    assert [p.text for p in points.points] == ["近9个百分点"]
    assert points.axis_unit == "个百分点"
    counts = family_counts(t)
    assert counts["percent"] == 3 and counts["points"] == 1 and counts["money"] == 3


@pytest.mark.parametrize(
    ("value", "scale", "word"),
    [(3.291e11, 1e8, "亿"), (394000, 1e4, "万"), (17, 1.0, ""), (2e12, 1e12, "万亿")],
)
def test_scale_choice(value: float, scale: float, word: str) -> None:
    assert choose_scale(value) == (scale, word)


def test_citations_and_change_links() -> None:
    t = build_transcript()
    assert citation_counts(t)[4] == 2 and citation_counts(t)[5] == 2 and citation_counts(t)[0] == 1
    changes = changes_of(t)
    assert changes[0] == (2,) and changes[1] == (3,) and changes[2] == ()


ENGLISH_BRIEFING = (b"Mao Ning: I have no announcement to make today. The floor is open for questions.\n\n"
                    b"AFP: What is China's response?\n\n"
                    b"Mao Ning: China has made its position clear many times.\n")


def test_an_english_briefing_is_measured_in_words() -> None:
    from reader.metrics.facts import panel_facts
    from reader.pipeline import parse_bytes

    t = parse_bytes(ENGLISH_BRIEFING, "briefing.txt")
    facts = panel_facts(t)
    assert (facts.summary.measure, facts.summary.characters, facts.summary.words) == ("words", 0, 30)
    by_name = {s.name: s.chars for s in facts.shares}
    assert by_name == {"Mao Ning": 21, "AFP": 4}  # China's is one word; the labels are not speech
    assert summarize(build_transcript()).measure == "characters"  # a Chinese one stays in characters
