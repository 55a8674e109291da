"""The figures filter language, on a hand-built transcript (no Qt)."""

from __future__ import annotations

import pytest
from metrics_doc import build_transcript

from reader.figures.filter import filter_figures, parse_quantity, parse_query


def texts(query: str) -> list[str]:
    t = build_transcript()
    return [t.figures[i].text for i in filter_figures(t, query)]


def test_empty_query_keeps_everything_in_text_order() -> None:
    t = build_transcript()
    assert filter_figures(t, "") == list(range(len(t.figures)))
    assert filter_figures(t, "   ") == list(range(len(t.figures)))


@pytest.mark.parametrize("query", ["394000", "39.4万", "三十九万四千", "３９.４万", "394,000", "39.4万起"])
def test_a_number_written_any_way_finds_the_figure(query: str) -> None:
    assert texts(query) == ["39.4万起"]


def test_digits_find_figures_written_with_a_multiplier() -> None:
    assert texts("3291") == ["3291亿元", "3291亿元"]
    assert texts("9") == ["近9个百分点"]  # not 19.5 or 39.4: digits match whole numbers only


def test_greater_than_in_hundred_millions_keeps_only_the_large_money() -> None:
    assert texts(">1000亿") == ["3291亿元", "3291亿元"]
    assert texts(">100亿元") == ["3291亿元", "3291亿元", "148亿元", "120亿元"]
    assert texts("> 1亿") == ["3291亿元", "3291亿元", "148亿元", "120亿元"]


def test_percent_comparisons_never_match_points() -> None:
    assert texts("<=50%") == ["28.5%", "不到50%"]
    assert texts(">=50％") == ["76.6%", "不到50%"]
    assert texts("<10%") == []


@pytest.mark.parametrize("query", [">=3 个百分点", ">=3个百分点", "> 3 百分点", "<10 个百分点"])
def test_points_comparisons(query: str) -> None:
    assert texts(query) == ["近9个百分点"]


def test_percent_words() -> None:
    assert texts("百分之二十八点五") == ["28.5%"]


def test_unit_narrows_a_comparison_to_that_measure_word() -> None:
    assert texts(">1万 名") == ["63.4万名"]
    assert texts(">1万人") == ["63.4万名"]  # 人 and 名 both count people
    assert texts(">1万 起") == ["39.4万起"]


def test_free_text_matches_speaker_role_unit_and_family() -> None:
    assert texts("李平") == ["3291亿元", "148亿元", "120亿元", "近9个百分点", "不到50%"]
    assert texts("副部长") == ["39.4万起", "63.4万名", "28.5%", "76.6%", "3291亿元"]
    assert texts("money") == ["3291亿元", "3291亿元", "148亿元", "120亿元"]
    assert texts("金额") == texts("money")
    assert texts("points") == ["近9个百分点"]
    assert texts("%") == ["28.5%", "76.6%", "不到50%"]
    assert texts("不到") == ["不到50%"]


def test_terms_combine_with_and() -> None:
    assert texts("张立 >1亿") == ["3291亿元"]
    assert texts("李平 %") == ["不到50%"]


def test_nonsense_is_text_and_never_raises() -> None:
    assert texts("zzz") == []
    for query in (">", ">=", "<<1", ">abc", "(", "[", "\\", "*", ">1e400", "百分之", "=="):
        texts(query)


def test_parse_quantity_splits_number_and_unit() -> None:
    q = parse_quantity("1亿元")
    assert q is not None and q.value == 1e8 and q.unit == "元"
    assert parse_quantity("杜航伟") is None
    assert parse_quantity("万") is None  # a multiplier alone is not a number the user typed
    assert parse_query(">=3 个百分点").terms == (">=3个百分点",)


def test_the_one_character_tens_read_as_their_number() -> None:
    # Cantonese 廿三 is 23, as 二十三 is: a reader who types either finds the same figures.
    assert parse_quantity("廿三人") == parse_quantity("二十三人")
    assert parse_quantity("卅年") == parse_quantity("三十年")
