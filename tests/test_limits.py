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
    small, large = min(seconds(40_000) for _ in range(3)), min(seconds(320_000) for _ in range(3))
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


# -- HTML: the content is never dropped, nesting is capped ---------------------------------

SPEECH = (
    "<p><b>主持人：</b>各位记者朋友们，大家上午好。欢迎出席今天的新闻发布会。</p>"
    "<p><b>公安部副部长杜航伟：</b>全国共破获电信网络诈骗案件39.4万起，同比上升28.5%。</p>"
)
LABELS = ["主持人", "公安部副部长杜航伟"]


def _html_labels(html: str) -> list[str]:
    return _labels(html, ".html")


@pytest.mark.parametrize("wrapper", ["form", "header", "nav", "aside", "footer", "noscript"])
def test_a_body_wrapped_in_a_junk_element_is_kept(wrapper: str) -> None:
    html = f"<html><body><{wrapper}>{SPEECH}</{wrapper}></body></html>"
    assert _html_labels(html) == LABELS


@pytest.mark.parametrize("tag", ["embed", "audio", "button", "track", "source", "video", "object", "select",
                                 "map"])
def test_an_unclosed_junk_element_does_not_take_the_rest_of_the_page(tag: str) -> None:
    html = f"<html><body><p>导语。</p><{tag}>{SPEECH}<div class='footer'>版权所有</div></body></html>"
    assert _html_labels(html) == LABELS


def test_chrome_named_wrapper_of_the_whole_page_is_kept() -> None:
    html = f"<html><body><div class='share-box'>{SPEECH}</div><div class='nav'>首页</div></body></html>"
    assert _html_labels(html) == LABELS


def test_junk_and_chrome_that_are_small_still_go() -> None:
    html = (f"<html><body><form><input value='搜索'>搜索框文字</form><nav>首页 新闻 图片</nav>"
            f"<div class='share'>分享到微博</div><article>{SPEECH * 3}</article>"
            "<footer>版权所有 关于我们</footer><button>点击下载</button><script>alert(1)</script>"
            "</body></html>")
    text = parse_text(html, ".html").text
    for chrome in ("搜索框", "首页", "分享到", "版权所有", "点击下载", "alert"):
        assert chrome not in text


def test_the_article_is_not_a_small_part_of_the_text() -> None:
    """Speech in short paragraphs (each under the readability minimum) beside one long notice."""
    turns = "".join(f"<p><b>主持人：</b>第{i}个问题。</p><p><b>发言人：</b>谢谢。</p>" for i in range(40))
    notice = ("<div><p>本网站所刊登的各种新闻、信息和各种专题专栏资料，均为版权所有，"
              "未经协议授权禁止下载使用。</p></div>")
    alone = parse_text(f"<html><body><div>{turns}</div></body></html>", ".html")
    assert len(alone.turns) == 80
    beside = parse_text(f"<html><body><div>{turns}</div>{notice}</body></html>", ".html")
    assert [t.label for t in beside.turns] == [t.label for t in alone.turns]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("make", [
    lambda n: "<html><body>" + "<div>" * n + SPEECH + "</div>" * n + "</body></html>",
    lambda n: "<html><body>" + "<b>" * n + SPEECH + "</body></html>",
    lambda n: "<html><body>" + "<span><b>" * (n // 2) + SPEECH + "</body></html>",
    lambda n: "<html><body>" + "<blockquote>" * n + SPEECH + "</body></html>",
], ids=["divs", "unclosed-b", "unclosed-span-b", "unclosed-blockquote"])
def test_deep_nesting_is_flattened_with_a_warning(make) -> None:  # type: ignore[no-untyped-def]
    transcript = parse_text(make(200_000), ".html")
    assert [t.label for t in transcript.turns] == LABELS
    assert "39.4万起" in [f.text for f in transcript.figures]
    assert any("nest" in w for w in transcript.warnings), transcript.warnings


def test_text_bold_and_paragraphs_past_the_nesting_cap_are_kept() -> None:
    """Flattened, a page reads as it does nested within the cap: same text, turns and paragraphs."""
    from reader.parse.html_tree import MAX_DEPTH

    inner = ("<p>导语在此。</p><span>前文<b>主持人：</b>各位好。</span><br>第二行"
             "<div><strong>杜航伟：</strong>谢谢<i>大家</i>。</div><p><a href='x'>链接</a>尾声。</p>")

    def page(depth: int) -> str:
        return "<html><body>" + "<div>" * depth + inner + "</div>" * depth + "</body></html>"

    shallow, deep = parse_text(page(10), ".html"), parse_text(page(MAX_DEPTH + 50), ".html")
    assert deep.text == shallow.text
    assert [(t.label, t.paragraphs) for t in deep.turns] == [(t.label, t.paragraphs) for t in shallow.turns]
    assert len(deep.turns) == 2 and "尾声" in deep.text
    assert deep.warnings and not shallow.warnings


def test_ordinary_nesting_gives_no_warning() -> None:
    html = "<html><body>" + "<div>" * 60 + SPEECH + "</div>" * 60 + "</body></html>"
    transcript = parse_text(html, ".html")
    assert [t.label for t in transcript.turns] == LABELS and transcript.warnings == ()


def test_the_chrome_filter_takes_linear_time() -> None:
    """It asked libxml2's XPath for every element with a class or id: 45 s at 16 MB."""
    from reader.parse.html import _drop_chrome
    from reader.parse.html_tree import parse_tree

    row = ('<div class="item"><p class="para" id="p{i}"><span class="s"><strong>主持人：</strong></span>'
           '各位记者朋友们，大家上午好。欢迎出席今天的新闻发布会，介绍有关情况。</p></div>\n')

    def seconds(rows: int) -> float:
        page = ('<html><body><div class="nav">首页</div><div class="article">'
                + "".join(row.format(i=i) for i in range(rows)) + '</div></body></html>')
        root = parse_tree(page)
        assert root is not None
        started = time.perf_counter()
        _drop_chrome(root)
        return time.perf_counter() - started

    seconds(200)
    small, large = min(seconds(3_000) for _ in range(2)), seconds(24_000)
    assert large < 8 * small * 3, f"8x the page took {large / small:.1f}x the time"
