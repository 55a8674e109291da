"""Bytes to text: every encoding Chinese transcripts come in, and what is not text at all."""

from __future__ import annotations

import pytest

from reader.errors import UndecodableError
from reader.load.decoding import decode_bytes
from reader.pipeline import parse_bytes

SIMPLIFIED = (
    "主持人：各位媒体朋友们，大家上午好。欢迎出席国务院新闻办新闻发布会。\n"
    "问：请介绍一下打击诈骗的成效。"
)
TRADITIONAL = (
    "主持人：各位媒體朋友們，大家上午好。歡迎出席國務院新聞辦新聞發佈會。\n"
    "問：請介紹一下打擊詐騙的成效。"
)


@pytest.mark.parametrize(
    ("text", "codec", "reported"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (SIMPLIFIED, "utf-16", "utf-16-le"),
        (SIMPLIFIED, "utf-16-le", "utf-16-le"),
        (SIMPLIFIED, "utf-16-be", "utf-16-be"),
        ("杜航伟：谢谢。", "gb18030", "gb18030"),
        ("杜航伟：谢谢。", "utf-16-le", "utf-16-le"),
    ],
)
def test_each_encoding_round_trips_and_is_reported(text: str, codec: str, reported: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == reported
    assert decoded.warnings == ()


def test_declared_charset_wins_over_guessing() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>' \
           "<body><p>杜航伟：谢谢。</p></body></html>"
    decoded = decode_bytes(page.encode("gb2312"))
    assert decoded.encoding == "gb18030"
    assert "杜航伟" in decoded.text


def test_png_renamed_is_not_text() -> None:
    with pytest.raises(UndecodableError) as info:
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200), "photo.md")
    assert info.value.path == "photo.md"
    assert "PNG image" in info.value.reason


def test_random_bytes_are_binary() -> None:
    with pytest.raises(UndecodableError) as info:
        decode_bytes(bytes(range(256)) * 8, "blob.txt")
    assert "not a text document" in info.value.reason


def test_truncated_utf8_is_read_with_a_warning() -> None:
    decoded = decode_bytes("问：情况如何？答：很好".encode()[:-1])
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("问：情况如何？答：")
    assert any("cut short" in w for w in decoded.warnings)


def test_a_few_nul_bytes_are_dropped_with_a_warning() -> None:
    decoded = decode_bytes("问：情况\x00如何？".encode())
    assert decoded.text == "问：情况如何？"
    assert any("NUL" in w for w in decoded.warnings)


def test_plain_ascii_is_utf8() -> None:
    assert decode_bytes(b"Host: welcome.").encoding == "utf-8"


def test_nul_padding_after_the_text_is_dropped_with_a_warning() -> None:
    decoded = decode_bytes("问：情况如何？".encode() + b"\x00" * 8192)
    assert decoded.text == "问：情况如何？"
    assert any("padding" in w for w in decoded.warnings)


def test_valid_utf8_with_control_characters_is_text() -> None:
    decoded = decode_bytes("问：\x1f好吗？\x08".encode())
    assert decoded.text == "问：好吗？"
    assert any("control character" in w for w in decoded.warnings)


def test_big5_text_under_a_declared_latin_1_charset_is_read_as_big5() -> None:
    # Old Hong Kong and Taiwan pages declare iso-8859-1 over Big5: every colon was ¡G.
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
            "<body><p>主持人：各位記者朋友，大家好。今天我們舉行記者會。</p><p>記者：請問政府有何回應？</p>"
            "<p>局長：我們會積極跟進。</p></body></html>")
    t = parse_bytes(page.encode("big5"), "page.html")
    assert (t.source.encoding, [turn.label for turn in t.turns]) == ("big5", ["主持人", "記者", "局長"])
    assert any("declares iso8859-1" in w for w in t.warnings)
    western = '<meta charset="iso-8859-1"><p>Café déjà vu: naïve</p>'.encode("latin-1")
    assert decode_bytes(western).text.endswith("Café déjà vu: naïve</p>")
