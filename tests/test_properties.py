"""Property-based tests: whatever the bytes, the parser and the figure extractor hold up.

Any text, any bytes, or any mangling of the sample (cut, spliced, duplicated,
corrupted, re-encoded) must give either a transcript whose offsets mean what they
say and whose figures slice to their own text with finite values, or a
``ReaderError`` where the bytes are genuinely unreadable. Never another exception.
Search, export and the cache codec run on every parsed example too. Example counts stay
modest (the whole suite must run in minutes on two cores); ``TRANSCRIPT_READER_FUZZ_EXAMPLES``
raises them for a long run.
"""

from __future__ import annotations

import json
import marshal
import os
import time
from pathlib import Path

import pytest
from hostile import check_figures, check_transcript, hexo_markdown, long_paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.export.document import write_json
from reader.figures.extract import extract_figures
from reader.load.codec import decode_transcript, encode
from reader.model import Transcript
from reader.pipeline import parse_bytes
from reader.search.index import SearchIndex
from reader.text.fold import fold

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / (
    "anti-fraud-press-conference-2022-04-14.md"
)
SAMPLE_BYTES = SAMPLE.read_bytes()
SAMPLE_TEXT = SAMPLE_BYTES.decode("utf-8")

SUFFIXES = ("doc.md", "doc.html", "doc.txt", "doc", "doc.htm", "DOC.MD")

# Pieces that meet the parser's and the extractor's rules: markers, multipliers,
# qualifiers, units, separators, tags, front-matter fences, odd white space.
TOKENS = (
    "0", "1", "2", "5", "9", "12", "3.5", "39.4", "1,234", ".", ",", "，", "。", "、", "；", "：", ":",
    "％", "%", "‰", "万", "亿", "千", "百", "十", "万亿", "一", "二", "三", "两", "零", "半", "〇",
    "百分之", "个百分点", "倍", "近", "约", "超过", "逾", "达", "不到", "余", "多", "以上", "以下", "左右",
    "个", "个月", "年", "月", "日", "时", "分", "起", "名", "人", "件", "次", "元", "亿元", "美元",
    "至", "到", "-", "—", "~", "～", "同比", "上升", "下降", "增长", "分别", "和",
    "“", "”", "\"", "《", "》", "（", "）", "(", ")", "０", "１", "９", "．",
    "主持人", "记者", "新华社记者", "副部长", "王明", "问", "答", "责任编辑", "来源", "原标题",
    "<p>", "</p>", "<strong>", "</strong>", "<br>", "<div>", "</div>", "<b>", "<span>", "<a href='x'>",
    "</a>", "<script>", "</script>", "<!--", "-->", "&nbsp;", "&#123;", "&amp;",
    "\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\t", "\x00", "\ufeff", "\u200b",
    "---\n", "title: ", "date: ", "'",
    "99999999999999999999", "1e308", "九千九百九十九万", "亿亿", "0.000000001", "１２３４５６７８９０",
)

figure_soup = st.lists(st.sampled_from(TOKENS) | st.text(max_size=3), max_size=150).map("".join)


@st.composite
def mangled_sample_text(draw: st.DrawFn) -> str:
    """The sample cut, spliced, duplicated and sprinkled with tokens, as text."""
    text = SAMPLE_TEXT
    for _ in range(draw(st.integers(1, 4))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 4000)))
        op = draw(st.sampled_from(("truncate", "drop-head", "delete", "duplicate", "insert", "swap")))
        if op == "truncate":
            text = text[:i]
        elif op == "drop-head":
            text = text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(figure_soup) + text[i:]
        else:
            text = text[j:] + text[:i] + text[i:j]
    return text


@st.composite
def mangled_sample_bytes(draw: st.DrawFn) -> bytes:
    """The sample re-encoded, then corrupted byte-wise: what a bad disk or download leaves."""
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be")))
    head = SAMPLE_TEXT[: draw(st.integers(200, len(SAMPLE_TEXT)))]
    data = bytearray(head.encode(encoding))
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(("flip", "zero", "cut", "insert")))
        if op == "flip":
            data[i] ^= draw(st.integers(1, 255))
        elif op == "zero":
            data[i] = 0
        elif op == "cut":
            del data[i: i + draw(st.integers(1, 64))]
        else:
            data[i:i] = draw(st.binary(min_size=1, max_size=16))
    return bytes(data)


def _parse_checked(data: bytes, name: str, *, may_refuse: bool) -> None:
    try:
        transcript = parse_bytes(data, name)
    except ReaderError as exc:
        assert may_refuse or not data.strip(), f"refused readable text: {exc}"
        assert exc.reason, "a refusal must say why"
        return
    check_transcript(transcript)
    check_figures(transcript.text, extract_figures(transcript), len(transcript.turns))
    _check_downstream(transcript)


def _check_downstream(transcript: Transcript) -> None:
    """The stages after the parse: search, export and the cache's codec hold up too."""
    text = transcript.text
    index = SearchIndex(text)
    for term in {text[i:i + 2] for i in range(0, len(text), max(1, len(text) // 5))} | {"万", "记者"}:
        for match in index.find_all(term):
            assert 0 <= match.start < match.end <= len(text)
            assert fold(text[match.start:match.end]) == fold(term.strip())
    pieces: list[str] = []
    write_json(transcript, pieces.append)
    exported = json.loads("".join(pieces))
    assert len(exported["turns"]) == len(transcript.turns)
    assert len(exported["figures"]) == len(transcript.figures)
    again = decode_transcript(marshal.loads(marshal.dumps(encode(transcript))))
    assert again == transcript


# ``TRANSCRIPT_READER_FUZZ_EXAMPLES=40000`` runs each property that many times (about ten
# minutes in all on two cores); the suite runs the default, a few seconds.
EXAMPLES = int(os.environ.get("TRANSCRIPT_READER_FUZZ_EXAMPLES", "100"))

PROPERTY = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=(HealthCheck.too_slow, HealthCheck.data_too_large))


@PROPERTY
@given(text=st.text(max_size=400), name=st.sampled_from(SUFFIXES))
def test_any_text_parses(text: str, name: str) -> None:
    _parse_checked(text.encode("utf-8"), name, may_refuse="\x00" in text)


@PROPERTY
@given(text=figure_soup, name=st.sampled_from(SUFFIXES))
def test_figure_and_marker_soup_parses(text: str, name: str) -> None:
    _parse_checked(text.encode("utf-8"), name, may_refuse="\x00" in text)


@PROPERTY
@given(data=st.binary(max_size=600), name=st.sampled_from(SUFFIXES))
def test_any_bytes_parse_or_refuse(data: bytes, name: str) -> None:
    _parse_checked(data, name, may_refuse=True)


@settings(PROPERTY, max_examples=max(60, EXAMPLES * 3 // 5))
@given(text=mangled_sample_text())
def test_mangled_sample_parses(text: str) -> None:
    _parse_checked(text.encode("utf-8"), "mangled.md", may_refuse="\x00" in text)


@settings(PROPERTY, max_examples=max(60, EXAMPLES * 3 // 5))
@given(data=mangled_sample_bytes())
def test_corrupted_sample_bytes_parse_or_refuse(data: bytes) -> None:
    _parse_checked(data, "corrupted.md", may_refuse=True)


def test_sample_itself_satisfies_the_invariants() -> None:
    transcript = parse_bytes(SAMPLE_BYTES, str(SAMPLE))
    check_transcript(transcript)
    assert transcript.turns, "the sample has turns"


def _parse_seconds(size: int) -> float:
    data = hexo_markdown([("主持人", "请发言。"), ("王明", long_paragraph(size)), ("新华社记者", "谢谢。")])
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        parse_bytes(data.encode("utf-8"), "long.md")
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.timeout(120)
def test_parse_time_grows_linearly_on_a_long_paragraph() -> None:
    """Eight times the text may take eight times as long, not sixty-four (regex backtracking).

    A ratio within one run, with a wide margin, rather than a time limit: the machine is shared.
    """
    small, large = _parse_seconds(20_000), _parse_seconds(160_000)
    assert large < 24 * max(small, 0.002), f"20k chars: {small:.3f}s, 160k chars: {large:.3f}s"
