"""The pipeline on the bundled sample and on edge cases: the text layout every view relies on."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader.errors import Cancelled, UndecodableError, UnreadableFileError
from reader.model import Transcript
from reader.pipeline import load, parse_bytes


@pytest.fixture(scope="module")
def sample() -> Transcript:
    from reader.resources import sample_path

    return load(sample_path())


def test_sample_turns_and_roster(sample: Transcript) -> None:
    assert len(sample.turns) == 23
    assert [t.label for t in sample.turns[:4]] == [
        "国务院新闻办新闻局副局长、新闻发言人邢慧娜",
        "公安部副部长杜航伟",
        "邢慧娜",
        "中央广播电视总台央视记者",
    ]
    roster = {s.name: (s.role, s.kind) for s in sample.speakers if s.kind != "reporter"}
    assert roster == {
        "邢慧娜": ("国务院新闻办新闻局副局长、新闻发言人", "host"),
        "杜航伟": ("公安部副部长", "official"),
        "刘忠义": ("公安部刑事侦查局局长", "official"),
        "李睿懿": ("最高人民法院刑三庭负责人", "official"),
        "程雷": ("最高人民检察院第四检察厅负责人", "official"),
        "隋静": ("工业和信息化部网络安全管理局局长", "official"),
        "温信祥": ("人民银行支付结算司司长", "official"),
    }
    assert sum(1 for s in sample.speakers if s.kind == "reporter") == 10
    assert [len(t.paragraphs) for t in sample.turns[:3]] == [2, 8, 1]


def test_sample_text_layout(sample: Transcript) -> None:
    text = sample.text
    assert text.startswith("发布会要点：\n公安部：要持续对电信网络诈骗犯罪保持严打高压\n")
    assert len(sample.highlights) == 6
    assert "\n\n" not in text
    assert not any(line.startswith(("\u3000", " ", "\u00a0")) for line in text.split("\n"))
    for chrome in ("责任编辑", "新浪财经APP", "appendQr", "news_keyword"):
        assert chrome not in text
    assert sample.meta.editor == "李昂"
    first = sample.turns[0]
    assert text[first.start:first.label_span.end + 1] == "国务院新闻办新闻局副局长、新闻发言人邢慧娜："
    assert sample.preamble[0].end < first.start


def test_spans_are_consistent(sample: Transcript) -> None:
    text = sample.text
    previous_end = sample.preamble[-1].end
    for turn in sample.turns:
        assert turn.start > previous_end
        assert text[turn.label_span.start:turn.label_span.end] == turn.label
        assert text[turn.label_span.end] in "：:"
        assert turn.paragraphs[0].start == turn.label_span.end + 2  # colon, newline
        assert turn.paragraphs[-1].end == turn.end
        for para in turn.paragraphs:
            assert text[para.start:para.end].strip() == text[para.start:para.end] != ""
            assert "\n" not in text[para.start:para.end]
        assert sample.turn_at(turn.start) == turn
        previous_end = turn.end
    assert sample.turns[-1].end == len(text)
    for speaker in sample.speakers:
        mine = [t for t in sample.turns if t.speaker == speaker.id]
        assert speaker.turns == len(mine)
        assert speaker.chars == sum(len(p) for t in mine for p in t.paragraphs)


def test_sample_qa_pairs(sample: Transcript) -> None:
    assert [(q.question, q.answers) for q in sample.qa] == [(i, (i + 1,)) for i in range(3, 22, 2)]


def test_progress_reports_stages_and_can_cancel(sample_path: Path) -> None:
    seen: list[float] = []
    load(sample_path, progress=lambda f: seen.append(f) or True)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen) and len(seen) >= 4
    with pytest.raises(Cancelled):
        load(sample_path, progress=lambda f: f < 0.5)


def test_the_input_file_is_never_modified(tmp_path: Path, sample_path: Path) -> None:
    copy = tmp_path / "copy.md"
    copy.write_bytes(sample_path.read_bytes())
    os.utime(copy, (1_000_000, 1_000_000))
    load(copy)
    assert copy.read_bytes() == sample_path.read_bytes()
    assert copy.stat().st_mtime == 1_000_000


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.md", "no such file"),
        (lambda p: p, "is a directory"),
    ],
)
def test_unreadable_files(tmp_path: Path, make, reason: str) -> None:
    path = make(tmp_path)
    with pytest.raises(UnreadableFileError) as info:
        load(path)
    assert reason in info.value.reason
    assert info.value.path == str(path)


def test_binary_file_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(UndecodableError, match="PNG"):
        load(path)


def test_no_markers_is_an_article_with_a_warning() -> None:
    t = parse_bytes("<p>这是一篇普通的新闻报道。</p><p>没有任何发言人。</p>".encode(), "a.html")
    assert t.turns == () and t.speakers == ()
    assert t.text == "这是一篇普通的新闻报道。\n没有任何发言人。"
    assert any("no speaker markers" in w for w in t.warnings)


def test_empty_document() -> None:
    t = parse_bytes(b"", "empty.md")
    assert t.text == "" and t.turns == ()
    assert t.warnings == ("the document has no text",)


def test_deeply_nested_html_does_not_exhaust_the_stack() -> None:
    depth = 10_000
    page = "<div>" * depth + "<p><b>问：</b>好吗？</p>" + "</div>" * depth
    t = parse_bytes(page.encode(), "deep.html")
    assert "好吗？" in t.text


def test_many_turns_parse_in_roughly_linear_time() -> None:
    def timed(n: int) -> float:
        body = "".join(
            f"<p><b>记者{i % 7}号：</b>问题{i}？</p><p><b>李忠：</b>回答{i}。</p>" for i in range(n)
        )
        start = time.perf_counter()
        t = parse_bytes(body.encode(), "many.html")
        assert len(t.turns) == 2 * n
        return time.perf_counter() - start

    timed(200)  # warm up imports and caches
    small, large = timed(500), timed(2000)
    assert large < small * 4 * 2.5


def test_highlights_in_a_list_after_a_heading() -> None:
    page = ("<p><strong>划重点：</strong></p><ul><li>就业形势总体稳定</li><li>城镇新增就业1206万人</li></ul>"
            "<p>国务院新闻办公室今天举行新闻发布会，介绍稳就业有关情况，并答记者问。会议由新闻局主持。</p>"
            "<p><b>主持人：</b>各位好。</p>")
    t = parse_bytes(page.encode(), "a.html")
    assert t.highlights == ("就业形势总体稳定", "城镇新增就业1206万人")
    assert t.text.startswith("划重点：\n就业形势总体稳定\n城镇新增就业1206万人\n国务院新闻办公室")
    assert len(t.preamble) == 1


def test_highlights_stop_at_the_preamble_in_the_same_style() -> None:
    page = ("<p>发布会要点：</p><p>就业形势总体稳定</p><p>城镇新增就业1206万人</p>"
            "<p>国务院新闻办公室今天举行新闻发布会，请人力资源社会保障部副部长介绍稳就业有关情况，并答记者问。</p>"
            "<p><b>主持人：</b>各位好。</p>")
    t = parse_bytes(page.encode(), "a.html")
    assert t.highlights == ("就业形势总体稳定", "城镇新增就业1206万人")
    assert [t.text[s.start:s.end][:8] for s in t.preamble] == ["国务院新闻办公室"]


TRADITIONAL_PAGE = "<p><b>主持人：</b>各位媒體朋友們，大家好。</p><p><b>保安局局長李家超：</b>謝謝。</p>"
SIMPLIFIED_PAGE = "<p><b>主持人：</b>各位媒体朋友们，大家好。</p><p><b>公安部副部长杜航伟：</b>谢谢。</p>"
SIMPLIFIED_TEXT = "主持人：各位媒体朋友们，大家好。\n公安部副部长杜航伟：谢谢。\n"


@pytest.mark.parametrize(
    ("source", "name", "codec", "reported"),
    [
        (TRADITIONAL_PAGE, "a.html", "big5", "big5"),
        (SIMPLIFIED_PAGE, "a.html", "gbk", "gb18030"),
        (SIMPLIFIED_TEXT.replace("\n", "\r\n"), "a.txt", "utf-16", "utf-16-le"),
        (SIMPLIFIED_TEXT, "a.txt", "utf-8-sig", "utf-8-sig"),
    ],
)
def test_encodings_end_to_end(source: str, name: str, codec: str, reported: str) -> None:
    t = parse_bytes(source.encode(codec), name)
    assert t.source.encoding == reported
    assert [turn.label for turn in t.turns][:1] == ["主持人"]
    assert len(t.turns) == 2
    assert t.speakers[1].kind == "official"


def test_a_marker_with_no_speech_is_a_turn_with_a_warning() -> None:
    t = parse_bytes("<p><b>主持人：</b></p><p><b>李忠：</b>谢谢。</p>".encode(), "a.html")
    assert [(turn.label, len(turn.paragraphs)) for turn in t.turns] == [("主持人", 0), ("李忠", 1)]
    assert t.turns[0].end == t.turns[0].label_span.end + 1
    assert any("no text after them: 主持人" in w for w in t.warnings)


@pytest.mark.parametrize(
    "control", ["【我要纠错】", "打印本页", "[关闭窗口]", "分享到：微信 微博", "扫一扫在手机打开当前页"]
)
def test_page_controls_saved_with_the_text_are_dropped(control: str) -> None:
    t = parse_bytes(f"<p><b>李忠：</b>谢谢。</p><p>{control}</p>".encode(), "a.html")
    assert t.text == "李忠：\n谢谢。"


def test_a_dateline_on_its_own_gives_the_date_and_leaves_the_text() -> None:
    page = "<p><b>李忠：</b>谢谢。</p><p>2024年12月3日（星期二）<br>北京时间17时30分</p>"
    t = parse_bytes(page.encode(), "a.html")
    assert t.text == "李忠：\n谢谢。"
    assert t.meta.date == "2024-12-03"
