"""Small files that took the reader down: depth that follows the input, and front matter.

Each input is a few kilobytes. Before these limits a line of bullets or repeated clock times
recursed once per bullet (``RecursionError``), and YAML front matter could nest, alias or
spell a value so that reading it raised, or ran for minutes. Now bad front matter is a
warning and the body still opens, and no step recurses as deep as the input nests.
"""

from __future__ import annotations

import time

import pytest

from reader.load.front_matter import MAX_FRONT_MATTER_CHARS, front_matter_meta
from reader.pipeline import parse_text

BODY = "\n\n主持人：各位记者，上午好。\n\n公安部副部长杜航伟：全国共破获案件39.4万起。\n"


def _labels(text: str, suffix: str = ".txt") -> list[str]:
    return [turn.label for turn in parse_text(text, suffix).turns]


# -- markers -------------------------------------------------------------------------


def test_a_line_of_a_thousand_bullets_between_two_turns() -> None:
    text = "主持人：各位好。\n\n" + "●" * 1000 + "\n\n杜航伟：谢谢。\n"
    assert _labels(text) == ["主持人", "杜航伟"]


def test_three_thousand_clock_times_before_a_speech() -> None:
    text = "主持人：各位好。\n\n" + "10:02 " * 3000 + "杜航伟：谢谢。\n"
    transcript = parse_text(text)
    assert [t.label for t in transcript.turns] == ["主持人", "杜航伟"]
    second = transcript.turns[1]
    assert transcript.text[second.label_span.start:second.label_span.end] == "杜航伟"


def test_bullets_and_clock_times_still_lead_a_marker() -> None:
    assert _labels("●王毅：各位好。\n\n10:02 寿小丽：谢谢。\n\n■ [10:05:30] 杜航伟：好。\n") == [
        "王毅", "寿小丽", "杜航伟"]


def test_a_megabyte_of_bullets_is_read_in_linear_time() -> None:
    """Stripping one bullet at a time copied the rest of the line each time: quadratic."""
    def seconds(count: int) -> float:
        text = "主持人：各位好。\n\n" + "●" * count + "杜航伟：谢谢。\n"
        started = time.perf_counter()
        parse_text(text)
        return time.perf_counter() - started

    seconds(1000)  # warm up
    small, large = seconds(40_000), seconds(320_000)
    assert large < 8 * small * 3, f"8x the bullets took {large / small:.1f}x the time"


# -- front matter ----------------------------------------------------------------------


def _front(yaml: str) -> str:
    return "---\n" + yaml + "\n---\n" + BODY


def _alias_bomb(leaf: str, levels: int = 9) -> str:
    lines = [f"a0: &a0 [{', '.join([leaf] * 9)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join([*lines, f"categories: *a{levels - 1}", f"tags: *a{levels - 1}", "title: 发布会"])


@pytest.mark.timeout(20)
@pytest.mark.parametrize("leaf", ["''", '"笑"', "[]", "{}"], ids=["empty", "text", "list", "map"])
def test_an_alias_bomb_is_a_warning_and_the_body_opens(leaf: str) -> None:
    started = time.perf_counter()
    transcript = parse_text(_front(_alias_bomb(leaf)), ".md")
    assert time.perf_counter() - started < 5
    assert [t.label for t in transcript.turns] == ["主持人", "公安部副部长杜航伟"]
    assert any("front matter" in w for w in transcript.warnings), transcript.warnings
    assert len(transcript.meta.categories) <= 50


@pytest.mark.parametrize("yaml, field", [
    ("title: 发布会\ndate: 2023-02-29", "date"),
    ("title: 发布会\ndate: 2023-13-01 10:00:00", "date"),
    ("title: 发布会\nviews: " + "9" * 5000, None),
    ("title: 发布会\ndate: " + "9" * 5000, "date"),
], ids=["feb-29", "month-13", "huge-int", "huge-int-date"])
def test_a_value_python_cannot_hold_loses_only_that_value(yaml: str, field: str | None) -> None:
    transcript = parse_text(_front(yaml), ".md")
    assert [t.label for t in transcript.turns] == ["主持人", "公安部副部长杜航伟"]
    assert transcript.meta.title == "发布会"
    assert transcript.meta.date is None
    if field:
        assert any(field in w for w in transcript.warnings), transcript.warnings


@pytest.mark.parametrize("yaml", [
    "title: x\nn: " + "[" * 600 + "]" * 600,
    "title: x\nn: " + "{a: " * 600 + "b" + "}" * 600,
    "title: x\n" + "".join(" " * i + f"k{i}:\n" for i in range(600)) + " " * 600 + "v",
], ids=["flow-lists", "flow-maps", "block-maps"])
def test_deep_nesting_is_a_warning_and_the_body_opens(yaml: str) -> None:
    transcript = parse_text(_front(yaml), ".md")
    assert [t.label for t in transcript.turns] == ["主持人", "公安部副部长杜航伟"]
    assert any("front matter" in w for w in transcript.warnings), transcript.warnings


def test_an_oversized_front_matter_is_not_read() -> None:
    yaml = "title: x\n" + "".join(f"k{i}: {'值' * 40}\n" for i in range(MAX_FRONT_MATTER_CHARS // 40))
    meta, problem = front_matter_meta(yaml)
    assert problem and "front matter" in problem
    assert meta.title is None


def test_many_small_nodes_are_limited_too() -> None:
    yaml = "title: x\ntags: [" + ", ".join(["a"] * 20_000) + "]"
    _meta, problem = front_matter_meta(yaml)
    assert problem and "front matter" in problem


def test_ordinary_front_matter_still_reads() -> None:
    meta, problem = front_matter_meta(
        "title: 发布会\ndate: 2022-04-14 10:00:00\ncategories: [新闻, [发布会]]\nauthor: 某人\n"
        "url: https://example.org/a\nviews: 12345")
    assert problem is None
    assert (meta.title, meta.date, meta.categories, meta.author, meta.url) == (
        "发布会", "2022-04-14T10:00:00", ("新闻", "发布会"), "某人", "https://example.org/a")
