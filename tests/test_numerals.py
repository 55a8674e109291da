"""Written numbers in every form a transcript or a reader's filter uses them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.figures.numerals import parse_chinese, parse_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        # Arabic, full-width, separators, decimals and multipliers
        ("394000", 394000),
        ("39.4万", 394000),
        ("３９.４万", 394000),
        ("３９．４万", 394000),
        ("1,234.5万", 12_345_000),
        ("1,234,567", 1_234_567),
        ("3291亿", 329_100_000_000),
        ("1.2万亿", 1_200_000_000_000),
        ("3千万", 30_000_000),
        ("5百", 500),
        # compounds, as statistics write them
        ("25亿9187.9万", 2_591_879_000),
        ("11亿6248.8万", 1_162_488_000),
        ("3万5千", 35_000),
        ("0.5", 0.5),
        (" 12 ", 12),
        # Chinese numerals with place units
        ("三十九万四千", 394000),
        ("二十一万", 210000),
        ("一千五百亿", 150_000_000_000),
        ("两千", 2000),
        ("兩千", 2000),
        ("十五", 15),
        ("十万", 100000),
        ("一百零一", 101),
        ("三千零五", 3005),
        ("一千零五十", 1050),
        ("一亿三千万", 130_000_000),
        ("三万亿", 3_000_000_000_000),
        ("三十九点四万", 394000),
        ("三点五", 3.5),
        ("贰仟", 2000),
        ("五萬", 50000),
        # colloquial abbreviations: the trailing digit takes the next unit down
        ("一万五", 15000),
        ("一千五", 1500),
        ("两百五", 250),
        # digit-by-digit readings
        ("二〇二一", 2021),
        ("二零二二", 2022),
        # percentages keep their written value
        ("28.5%", 28.5),
        ("２８．５％", 28.5),
        ("百分之三十", 30),
        ("百分之二十五点五", 25.5),
        ("百分之百", 100),
        ("千分之五", 5),
        # signs
        ("-3.2%", -3.2),
        ("负5", -5),
    ],
)
def test_parse_number_reads_every_written_form(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value, rel=1e-12)


def test_decimal_multipliers_are_exact_not_float_noise() -> None:
    # 39.4 * 10000 is 394000.00000000006 in binary floating point.
    assert parse_number("39.4万") == 394000.0
    assert parse_number("19.5亿") == 1_950_000_000.0


@pytest.mark.parametrize(
    "not_a_number",
    [
        "", "   ", "abc", "5G", "2.0.1", "12,34", "1e5", "nan", "inf", "39.4万起", "万起", "三十四十", "%",
        "3万5", "5千3万", "3万20000",
    ],
)
def test_parse_number_refuses_what_is_not_one_number(not_a_number: str) -> None:
    assert parse_number(not_a_number) is None


def test_parse_number_refuses_non_strings() -> None:
    assert parse_number(None) is None  # type: ignore[arg-type]


def test_parse_chinese_refuses_digits_run_together_inside_place_values() -> None:
    assert parse_chinese("二十三四") is None


def test_same_figure_written_three_ways_has_one_value() -> None:
    assert parse_number("394000") == parse_number("39.4万") == parse_number("三十九万四千")


def test_absurdly_long_digit_runs_are_not_numbers() -> None:
    assert parse_number("1" * 5000) is None
    assert parse_number("一" * 5000) is None


@given(st.text(max_size=30))
def test_any_text_gives_none_or_a_finite_float(text: str) -> None:
    value = parse_number(text)
    assert value is None or (isinstance(value, float) and math.isfinite(value))


_CN_DIGIT_CHARS = "零一二三四五六七八九"
_SECTION_UNITS = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


def _section_in_chinese(n: int) -> str:
    """0 < n < 10000 in the standard written form, one 零 for each run of zeros."""
    out, pending_zero = "", False
    for unit, name in _SECTION_UNITS:
        digit = n // unit % 10
        if digit == 0:
            pending_zero = pending_zero or bool(out)
            continue
        if pending_zero:
            out, pending_zero = out + "零", False
        out += _CN_DIGIT_CHARS[digit] + name
    return out


def _in_chinese(n: int) -> str:
    """An independent writer of Chinese numerals below 10**12, to check the reader."""
    if n == 0:
        return "零"
    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    out, skipped = "", False
    for index in reversed(range(len(sections))):
        value = sections[index]
        if value == 0:
            skipped = bool(out)
            continue
        if out and (value < 1000 or skipped):
            out += "零"
        out += _section_in_chinese(value) + ("", "万", "亿")[index]
        skipped = False
    return out


@pytest.mark.parametrize(
    ("n", "written"), [(0, "零"), (10, "一十"), (1005, "一千零五"), (100_000_010, "一亿零一十")]
)
def test_the_reference_writer_writes_chinese(n: int, written: str) -> None:
    assert _in_chinese(n) == written


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_every_integer_written_in_chinese_reads_back(n: int) -> None:
    assert parse_chinese(_in_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**12 - 1), st.sampled_from(["", "万", "亿"]))
def test_every_arabic_integer_with_a_multiplier_reads_back(n: int, mult: str) -> None:
    factor = {"": 1, "万": 10**4, "亿": 10**8}[mult]
    assert parse_number(f"{n:,}{mult}") == float(n * factor)
    assert parse_number(f"{n}{mult}".translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == float(
        n * factor
    )
