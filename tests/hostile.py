"""Hostile and broken inputs (issue 6), generated on demand into a temporary directory.

Every fixture is written by code rather than stored, so the repository carries no
50 MB files and each test gets a fresh copy it may delete or modify. The same
generators feed the command-line tests, the window tests and ``bench/bench_memory.py``.

Each fixture says what a user must get from it: the document opens (``OPENS``), a
clear refusal (``REFUSES``), or either (``EITHER``) where both are honest answers.
``check`` adds what the opened document must contain, so "opens" never means
"opened garbage".

Also here: audit guards that make a network connection or a file read fail loudly,
and the invariants every export and every parsed transcript must satisfy. Plain
Python: no Qt, no reader imports at module level (the parser may not exist yet).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import math
import os
import random
import socket
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Outcome = Literal["opens", "refuses", "either"]
OPENS: Outcome = "opens"
REFUSES: Outcome = "refuses"
EITHER: Outcome = "either"

# A made-up briefing: a host, an official with a full then a short marker, a reporter.
# Generic on purpose: the parser must not be tuned to any real document.
BRIEFING: tuple[tuple[str, str], ...] = (
    ("主持人", "女士们，先生们，大家上午好。欢迎出席今天的新闻发布会。"),
    (
        "国家统计局副局长王明",
        "今年前三季度，全国规模以上工业增加值同比增长4.5%，社会消费品零售总额达到32.1万亿元，"
        "城镇新增就业1022万人。",
    ),
    ("新华社记者", "请问下一步在稳定就业方面还有哪些举措？谢谢。"),
    ("王明", "我们将继续实施就业优先政策，预计全年城镇新增就业超过1100万人。谢谢。"),
    ("主持人", "今天的发布会到此结束，谢谢大家。"),
)
# Words that must survive any decoding: if they are missing, the reader showed mojibake.
BRIEFING_PROBE = "社会消费品零售总额"

# The same briefing in traditional characters, all of them in Big5.
BRIEFING_TRADITIONAL: tuple[tuple[str, str], ...] = (
    ("主持人", "女士們，先生們，大家上午好。歡迎出席今天的新聞發布會。"),
    ("財政部副部長王強", "今年以來，全國財政收入達到3.2萬億元，同比增長8.5%。"),
    ("中央社記者", "請問下一步有哪些政策？謝謝。"),
    ("王強", "我們將繼續實施積極的財政政策。謝謝。"),
)
TRADITIONAL_PROBE = "全國財政收入"

FRONT_MATTER = (
    "---\n"
    "title: '新闻发布会实录'\n"
    "categories:\n"
    " - 新闻\n"
    "author: 测试\n"
    "date: Thu, 14 Apr 2022 03:49:50 GMT\n"
    "---\n\n"
)

INDENT = "\u3000\u3000"  # the ideographic indentation news sites put before paragraphs

# Strings that only exist inside active content; none may reach the transcript text.
SCRIPT_SENTINEL = "ALERT_SENTINEL_42"
STYLE_SENTINEL = "STYLE_SENTINEL_42"


# --------------------------------------------------------------------------- documents


def html_body(turns: Sequence[tuple[str, str]], *, extra: str = "") -> str:
    """Turns as a news page's article body: bold markers, indented paragraphs."""
    parts = ["<div>"]
    for label, speech in turns:
        parts.append(f"<p>{INDENT}<strong>{label}：</strong></p>")
        parts.append(f"<p>{INDENT}{speech}</p>")
    parts.append(extra)
    parts.append("</div>\n")
    return "\n".join(parts)


def hexo_markdown(turns: Sequence[tuple[str, str]], *, front_matter: str = FRONT_MATTER,
                  extra: str = "") -> str:
    """The sample's shape: YAML front matter, then an HTML body."""
    return front_matter + html_body(turns, extra=extra)


def html_page(turns: Sequence[tuple[str, str]], *, head: str = "", extra: str = "") -> str:
    """A saved web page, with room for hostile head and body content."""
    return (
        "<!DOCTYPE html>\n<html><head><title>新闻发布会实录</title>"
        f"{head}</head>\n<body>\n<article>{html_body(turns, extra=extra)}</article>\n</body></html>\n"
    )


def plain_text(turns: Sequence[tuple[str, str]], *, newline: str = "\n") -> str:
    """Plain text with ``姓名：`` markers at paragraph starts, paragraphs separated by a blank line."""
    return newline.join(f"{label}：{speech}{newline}" for label, speech in turns)


def numbered_turns(count: int) -> list[tuple[str, str]]:
    """``count`` turns alternating a reporter and an official, each saying something distinct."""
    turns = []
    for i in range(count):
        if i % 2 == 0:
            turns.append(("新华社记者", f"请问第{i + 1}个问题的进展如何？谢谢。"))
        else:
            turns.append(("国家统计局副局长王明", f"这个问题涉及{i}个方面，去年完成投资{i}.5亿元，谢谢。"))
    return turns


def distinct_speakers(count: int) -> list[tuple[str, str]]:
    """``count`` officials with different names, each speaking once: a whole day's sessions."""
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "明华强军平伟芳敏静丽涛杰斌超勇艳娟霞刚英"
    names = [a + b + c for a in surnames for b in given for c in given][:count]
    return [(f"某部司长{name}", f"我代表本单位发言，今年完成投资{i + 1}亿元。")
            for i, name in enumerate(names)]


def png_bytes(width: int = 64, height: int = 64, seed: int = 6) -> bytes:
    """A real PNG image of random noise: binary data that a careless detector calls text."""
    rng = random.Random(seed)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(width * 3)) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def active_content_page(secret: Path) -> str:
    """Every way a page can try to run, fetch or read something, around an ordinary briefing.

    ``secret`` is a local file the page names; opening the page must never read it.
    """
    secret_url = secret.resolve().as_uri()
    head = (
        f"<script>alert('{SCRIPT_SENTINEL}'); fetch('http://tracker.invalid/t');</script>"
        f"<style>body {{ background: url('http://tracker.invalid/bg.png'); }}"
        f" .x {{ background-image: url({secret_url}); }} /* {STYLE_SENTINEL} */</style>"
        '<link rel="stylesheet" href="http://tracker.invalid/site.css">'
        '<meta http-equiv="refresh" content="0; url=http://tracker.invalid/">'
        '<base href="http://tracker.invalid/">'
    )
    extra = (
        f'<p>{INDENT}<img src="{secret_url}">'
        f'<img src="file:///etc/passwd" onerror="alert(\'{SCRIPT_SENTINEL}\')">'
        f'<img src="{secret.name}">'
        '<img src="http://tracker.invalid/pixel.gif" width="1" height="1">'
        '<img srcset="http://tracker.invalid/a.png 1x, //tracker.invalid/b.png 2x"></p>'
        '<iframe src="http://tracker.invalid/frame.html"></iframe>'
        '<object data="http://tracker.invalid/movie.swf" type="application/x-shockwave-flash"></object>'
        '<embed src="http://tracker.invalid/clip.swf">'
        '<video src="http://tracker.invalid/v.mp4" poster="http://tracker.invalid/p.jpg"></video>'
        f'<svg><script>alert("{SCRIPT_SENTINEL}")</script>'
        '<image href="http://tracker.invalid/svg.png"/></svg>'
        f'<p style="background:url(http://tracker.invalid/inline.png)">{INDENT}'
        f'<a href="javascript:alert(\'{SCRIPT_SENTINEL}\')">点击查看</a>'
        '<a href="http://example.invalid/more">原文链接</a></p>'
        f"<noscript><img src=\"http://tracker.invalid/noscript.gif\"></noscript>"
        f"<script src=\"http://tracker.invalid/app.js\"></script>"
    )
    return html_page(BRIEFING, head=head, extra=extra)


# --------------------------------------------------------------------------- fixtures


@dataclass(frozen=True)
class Hostile:
    """One hostile input: how to make it, and what the user must get from it."""

    name: str
    make: Callable[[Path], Path]  # writes the input under the given directory, returns its path
    outcome: Outcome
    why: str
    check: Callable[[dict[str, Any]], None] | None = None  # more to assert on an opened export
    deny_open: bool = False  # simulate an unreadable file: opening it raises PermissionError
    vanish_on_open: bool = False  # the file disappears between being found and being opened
    timeout: float = 60.0
    slow: bool = False
    tags: frozenset[str] = field(default_factory=frozenset)


def _write(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def _expect_probe(probe: str) -> Callable[[dict[str, Any]], None]:
    def check(export: dict[str, Any]) -> None:
        assert probe in export["text"], f"decoded text lacks {probe!r}: {export['text'][:200]!r}"

    return check


def _expect_turns(minimum: int, probe: str | None = BRIEFING_PROBE) -> Callable[[dict[str, Any]], None]:
    def check(export: dict[str, Any]) -> None:
        assert len(export["turns"]) >= minimum, f"{len(export['turns'])} turns, expected >= {minimum}"
        if probe:
            assert probe in export["text"], f"text lacks {probe!r}"

    return check


def _expect_briefing(export: dict[str, Any]) -> None:
    _expect_turns(len(BRIEFING))(export)
    labels = [t["label"] for t in export["turns"]]
    assert labels == [label for label, _ in BRIEFING], labels
    assert "\r" not in export["text"]


def _expect_encoding(probe: str, *names: str) -> Callable[[dict[str, Any]], None]:
    def check(export: dict[str, Any]) -> None:
        _expect_probe(probe)(export)
        encoding = export["source"]["encoding"].lower().replace("_", "-")
        assert any(n in encoding for n in names), f"encoding reported as {encoding!r}, expected {names}"

    return check


def _expect_warned_briefing(export: dict[str, Any]) -> None:
    _expect_turns(len(BRIEFING))(export)
    assert export["warnings"], "broken input opened without a warning"


def _expect_no_nul(export: dict[str, Any]) -> None:
    _expect_turns(3)(export)
    assert "\x00" not in export["text"], "NUL bytes reached the transcript text"


def _expect_clean_active(export: dict[str, Any]) -> None:
    _expect_turns(len(BRIEFING))(export)
    text = export["text"]
    for leak in (SCRIPT_SENTINEL, STYLE_SENTINEL, "javascript:", "url(", "fetch(", "/etc/passwd"):
        assert leak not in text, f"active content leaked into the text: {leak!r}"


def _expect_empty_article(export: dict[str, Any]) -> None:
    assert export["turns"] == [], "an empty file has no turns"
    assert export["warnings"], "an empty document should say it is empty"


def _expect_many_turns(count: int) -> Callable[[dict[str, Any]], None]:
    def check(export: dict[str, Any]) -> None:
        assert len(export["turns"]) == count, f"{len(export['turns'])} turns, expected {count}"

    return check


def _expect_distinct_speakers(count: int) -> Callable[[dict[str, Any]], None]:
    def check(export: dict[str, Any]) -> None:
        assert len(export["speakers"]) == count, f"{len(export['speakers'])} speakers, expected {count}"

    return check


def _expect_long_paragraph(export: dict[str, Any]) -> None:
    _expect_turns(3, probe=None)(export)
    assert LONG_RUN_PROBE in export["text"]


def make_empty(d: Path) -> Path:
    return _write(d / "empty.md", b"")


def make_png_renamed(d: Path) -> Path:
    return _write(d / "photo.md", png_bytes())


def make_truncated_utf8(d: Path) -> Path:
    data = hexo_markdown(BRIEFING).encode("utf-8")
    data = data[: data.rfind("谢谢大家".encode()) + 1]  # cut inside the three bytes of 谢
    return _write(d / "truncated.md", data)


def make_gb18030(d: Path) -> Path:
    return _write(d / "gb18030.txt", plain_text(BRIEFING), "gb18030")


def make_gb18030_html(d: Path) -> Path:
    return _write(d / "gb18030.md", hexo_markdown(BRIEFING), "gb18030")


def make_big5(d: Path) -> Path:
    return _write(d / "big5.txt", plain_text(BRIEFING_TRADITIONAL), "big5")


def make_utf16_bom(d: Path) -> Path:
    return _write(d / "utf16.txt", plain_text(BRIEFING), "utf-16")  # little-endian with a BOM


def make_utf16le_no_bom(d: Path) -> Path:
    return _write(d / "utf16le.md", hexo_markdown(BRIEFING), "utf-16-le")


def make_broken_yaml(d: Path) -> Path:
    broken = "---\ntitle: '未闭合的标题\ncategories: [新闻, 财经\n  - : :\n\tdate: {{\n---\n\n"
    return _write(d / "broken-yaml.md", hexo_markdown(BRIEFING, front_matter=broken))


def make_unterminated_front_matter(d: Path) -> Path:
    return _write(d / "no-closing-fence.md", "---\ntitle: 没有结束\n\n" + html_body(BRIEFING))


def make_misnested(d: Path) -> Path:
    body = (
        "<div><p>" + INDENT + "<strong>主持人：<p>女士们，先生们，大家上午好。<b><i>欢迎</b></i>"
        "<table><tr><td><p>" + INDENT + "<strong><span>国家统计局副局长王明：</strong></span>"
        "<p>" + INDENT + BRIEFING[1][1] + "</td></p></div></div></span>"
        "<p>" + INDENT + "<strong>新华社记者：</strong>" + BRIEFING[2][1] + "<ul><li>未闭合"
        "<p>" + INDENT + "<strong>王明：<br></strong>" + BRIEFING[3][1] + "<!-- 未闭合的注释 "
    )
    return _write(d / "misnested.md", FRONT_MATTER + body)


def make_deep_nesting(d: Path, depth: int = 10_000) -> Path:
    inner = html_body(BRIEFING)
    return _write(d / "deep.html", "<html><body>" + "<div>" * depth + inner + "</div>" * depth
                  + "</body></html>")


def make_deep_unclosed(d: Path, depth: int = 10_000) -> Path:
    return _write(d / "deep-unclosed.md", FRONT_MATTER + html_body(BRIEFING) + "<span><b>" * depth)


def make_million_divs(d: Path) -> Path:
    """10^6 nested <div>s (11 MB): lxml's steps over a tree slow down with its depth."""
    return make_deep_nesting(d, 1_000_000)


def make_million_unclosed_bold(d: Path) -> Path:
    """10^6 <b> never closed (3 MB), before the briefing."""
    return _write(d / "unclosed-bold.html", "<html><body>" + "<b>" * 1_000_000 + html_body(BRIEFING)
                  + "</body></html>")


def make_wrapped_in(tag: str) -> Callable[[Path], Path]:
    """The whole article inside a <form> or <header>, as some sites publish it."""
    def make(d: Path) -> Path:
        return _write(d / f"in-{tag}.html", f"<html><body><{tag}>{html_body(BRIEFING)}</{tag}></body></html>")

    return make


def make_unclosed(tag: str) -> Callable[[Path], Path]:
    """A <tag> never closed before the article: libxml2 makes it the parent of the rest."""
    def make(d: Path) -> Path:
        return _write(d / f"unclosed-{tag}.html", html_page(BRIEFING, extra="").replace(
            "<article>", f"<article><{tag}>", 1))

    return make


LONG_RUN_PROBE = "数据显示"
LONG_RUN_CHARS = 350_000  # about 1 MB in UTF-8


def long_paragraph(size: int, seed: int = 1) -> str:
    """``size`` characters of Chinese with digits and multipliers but no punctuation at all."""
    rng = random.Random(seed)
    alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    pieces = []
    total = 0
    while total < size:
        word = "".join(rng.choice(alphabet) for _ in range(rng.randrange(2, 9)))
        if rng.random() < 0.2:
            word += f"{rng.randrange(1, 999)}{rng.choice(['', '.5', '万', '亿', '万元', '个'])}"
        pieces.append(word)
        total += len(word)
    return "".join(pieces)[:size]


def make_long_paragraph(d: Path, size: int = LONG_RUN_CHARS) -> Path:
    turns = [BRIEFING[0], ("国家统计局副局长王明", LONG_RUN_PROBE + long_paragraph(size)), BRIEFING[2]]
    return _write(d / "long-paragraph.md", hexo_markdown(turns))


def make_long_plain_line(d: Path, size: int = LONG_RUN_CHARS) -> Path:
    turns = [BRIEFING[0], ("王明", LONG_RUN_PROBE + long_paragraph(size, seed=2)), BRIEFING[2]]
    return _write(d / "long-line.txt", plain_text(turns))


def make_many_turns(d: Path, count: int = 2_000) -> Path:
    return _write(d / "many-turns.md", hexo_markdown(numbered_turns(count)))


def make_many_speakers(d: Path, count: int = 2_000) -> Path:
    return _write(d / "many-speakers.txt", plain_text(distinct_speakers(count)))


def make_crlf(d: Path) -> Path:
    return _write(d / "crlf.txt", plain_text(BRIEFING, newline="\r\n"))


def make_cr(d: Path) -> Path:
    return _write(d / "cr.txt", plain_text(BRIEFING, newline="\r"))


def make_crlf_markdown(d: Path) -> Path:
    return _write(d / "crlf.md", hexo_markdown(BRIEFING).replace("\n", "\r\n"))


def make_nul_bytes(d: Path) -> Path:
    data = hexo_markdown(BRIEFING).encode("utf-8")
    for probe in ("新华社记者", "王明", "谢谢大家"):
        at = data.find(probe.encode())
        data = data[:at] + b"\x00" + data[at:]
    return _write(d / "nul.md", data + b"\x00")


def make_nul_padded(d: Path) -> Path:
    """A crashed or preallocated write: the text, then blocks of NUL bytes."""
    return _write(d / "nul-padded.md", hexo_markdown(BRIEFING).encode("utf-8") + b"\x00" * 8192)


def make_xml_invalid(d: Path) -> Path:
    """Characters an XML tree cannot hold, raw and as references, inside ordinary speech."""
    turns = [(label, speech[:4] + junk + speech[4:]) for (label, speech), junk in
             zip(BRIEFING, ("\x0c", "&#12;", "\ufffe", "&#xFFFF;", "&#8;"), strict=True)]
    return _write(d / "xml-invalid.html", html_page(turns))


def make_yaml_bomb(d: Path) -> Path:
    """Front matter with nested aliases: a billion laughs if anything expands them."""
    lines = ["---", 'a0: &a0 ["笑", "笑", "笑", "笑", "笑", "笑", "笑", "笑", "笑"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    lines += ["categories: *a8", "tags: *a8", "title: 新闻发布会", "---", ""]
    return _write(d / "yaml-bomb.md", "\n".join(lines) + html_body(BRIEFING))


def make_yaml_empty_bomb(d: Path) -> Path:
    """The same bomb over empty strings: nothing big is built, but a walk visits 9^9 leaves."""
    lines = ["---", "a0: &a0 ['', '', '', '', '', '', '', '', '']"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    lines += ["categories: *a8", "title: 新闻发布会", "---", ""]
    return _write(d / "yaml-empty-bomb.md", "\n".join(lines) + html_body(BRIEFING))


def make_front_matter_bad_date(d: Path) -> Path:
    """A date that does not exist: YAML reads it as a date, Python refuses it."""
    return _write(d / "bad-date.md", "---\ntitle: 新闻发布会\ndate: 2023-02-29\n---\n" + html_body(BRIEFING))


def make_front_matter_huge_int(d: Path) -> Path:
    """An integer past Python's 4,300-digit limit for reading one from text."""
    return _write(d / "huge-int.md", "---\ntitle: 新闻发布会\nid: " + "7" * 5000 + "\n---\n"
                  + html_body(BRIEFING))


def make_front_matter_deep(d: Path) -> Path:
    """Front matter nested 600 levels: PyYAML's composer recursed once per level."""
    return _write(d / "deep-yaml.md", "---\ntitle: 新闻发布会\nx: " + "[" * 600 + "]" * 600 + "\n---\n"
                  + html_body(BRIEFING))


def make_bullet_line(d: Path) -> Path:
    """A line of 1,000 bullets between two turns: the marker rule recursed once per bullet."""
    turns = [*BRIEFING[:2], ("●" * 1000, ""), *BRIEFING[2:]]
    return _write(d / "bullets.txt", "\n".join(
        f"{label}：{speech}\n" if speech else f"{label}\n" for label, speech in turns))


def make_repeated_clock_times(d: Path) -> Path:
    """3,000 clock times of a live text before one speech."""
    label, speech = BRIEFING[3]
    turns = [*BRIEFING[:3], ("10:02 " * 3000 + label, speech), *BRIEFING[4:]]
    return _write(d / "clock-times.txt", plain_text(turns))


def _expect_dated_briefing(export: dict[str, Any]) -> None:
    _expect_warned_briefing(export)
    assert export["meta"]["title"] == "新闻发布会" and export["meta"]["date"] is None, export["meta"]


def make_yaml_code_tag(d: Path) -> Path:
    """Front matter whose tag would run a command under an unsafe YAML loader."""
    front = f'---\ntitle: !!python/object/apply:os.system ["touch {d / "ran"}"]\n---\n'
    return _write(d / "yaml-code.md", front + html_body(BRIEFING))


def _expect_small_meta(export: dict[str, Any]) -> None:
    _expect_briefing(export)
    assert len(json.dumps(export["meta"], ensure_ascii=False)) < 10_000, "aliases were expanded into meta"


def _expect_yaml_inert(export: dict[str, Any]) -> None:
    _expect_warned_briefing(export)
    assert not (Path(export["source"]["path"]).parent / "ran").exists(), "a YAML tag ran a command"


ASTRAL_PROBE = "\U0001f4c8\U00020000"  # an emoji and a CJK Extension B character, two UTF-16 units each


def make_astral(d: Path) -> Path:
    """Characters outside the BMP before figures: Qt counts them twice, Python once."""
    turns = [(label, ASTRAL_PROBE * 3 + speech) for label, speech in BRIEFING]
    return _write(d / "astral.md", hexo_markdown(turns))


def make_active_content(d: Path) -> Path:
    secret = make_secret(d)
    return _write(d / "active.html", active_content_page(secret))


def make_active_content_markdown(d: Path) -> Path:
    secret = make_secret(d)
    page = active_content_page(secret)
    body = page[page.index("<body>") + len("<body>"): page.index("</body>")]
    head = page[page.index("<head>") + len("<head>"): page.index("</head>")]
    return _write(d / "active.md", FRONT_MATTER + head + body)


SECRET_NAME = "secret.png"


def make_secret(d: Path) -> Path:
    """A local file a hostile document names; a reader that reads it has fetched a resource."""
    secret = d / SECRET_NAME
    if not secret.exists():
        secret.write_bytes(png_bytes(4, 4, seed=7))
    return secret


def make_directory(d: Path) -> Path:
    folder = d / "folder.md"
    folder.mkdir()
    return folder


def make_missing(d: Path) -> Path:
    return d / "does-not-exist.md"


def make_unreadable(d: Path) -> Path:
    """A file whose opening raises PermissionError (see ``deny_open``; chmod 000 is moot as root)."""
    path = _write(d / "unreadable.md", hexo_markdown(BRIEFING))
    path.chmod(0)
    return path


def make_fifo(d: Path) -> Path:
    """A named pipe nobody writes to: opening it for reading blocks forever unless refused first."""
    path = d / "pipe.md"
    os.mkfifo(path)
    return path


def make_sparse_huge(d: Path) -> Path:
    """A 2 GB file that takes no disk: reading it whole would take 2 GB of memory first."""
    path = _write(d / "sparse.md", hexo_markdown(BRIEFING))
    os.truncate(path, 2 * 1024**3)
    return path


def make_device_link(d: Path) -> Path:
    """A transcript name that leads to /dev/zero: endless bytes for whoever reads it."""
    path = d / "zero.md"
    path.symlink_to("/dev/zero")
    return path


def make_vanishing(d: Path) -> Path:
    return _write(d / "vanishing.md", hexo_markdown(BRIEFING))


# Sentences for long synthetic briefings, in the proportions of real ones: most carry no
# figure; paragraphs of four to six sentences (about 400 bytes); a figure every ~400 bytes.
PLAIN_SENTENCES = (
    "今年以来，各地区各部门认真贯彻落实党中央决策部署，扎实推进各项工作。",
    "我们将继续加强监测分析，及时研判形势变化，确保各项政策落地见效。",
    "下一步，我们将坚持问题导向，进一步完善工作机制，推动高质量发展。",
    "在这个过程中，有关部门密切配合，形成了工作合力。",
    "这些成绩的取得来之不易，凝聚了方方面面的心血和汗水。",
    "同时也要看到，当前外部环境依然复杂严峻，困难和挑战不容忽视。",
    "我们坚持稳中求进工作总基调，统筹发展和安全，保持政策连续性稳定性。",
    "各地结合实际创造性开展工作，涌现出一批可复制可推广的典型经验。",
    "对群众反映强烈的突出问题，我们坚持立行立改，动真碰硬抓好整改。",
    "总的来看，这项工作取得了阶段性成效，但与群众期待相比还有差距。",
)
FIGURE_SENTENCES = (
    "全年共完成固定资产投资52.3万亿元，同比增长5.1%。",
    "截至目前，已累计帮助近300万名群众解决实际困难。",
    "全国共查处相关案件1.2万起，挽回经济损失86亿元。",
    "重点领域投资占比提高2.4个百分点，达到三成以上。",
)


def realistic_turns(count: int, seed: int = 50) -> list[tuple[str, str]]:
    """``count`` turns of host, official and reporter with paragraphs as long as real ones."""
    rng = random.Random(seed)

    def paragraph() -> str:
        sentences = [rng.choice(PLAIN_SENTENCES) for _ in range(rng.randrange(3, 6))]
        if rng.random() < 0.7:
            sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(FIGURE_SENTENCES))
        return "".join(sentences)

    turns = []
    for i in range(count):
        role = i % 4
        if role == 0:
            turns.append(("主持人", "下面请记者朋友提问。"))
        elif role == 1:
            turns.append(("新华社记者", "请问" + rng.choice(PLAIN_SENTENCES) + "下一步有哪些安排？谢谢。"))
        else:
            speech = f"</p>\n<p>{INDENT}".join(paragraph() for _ in range(rng.randrange(2, 6)))
            turns.append(("国家统计局副局长王明" if role == 2 else "王明", speech))
    return turns


def make_huge(d: Path, size: int = 50 * 1024 * 1024) -> Path:
    """About ``size`` bytes of briefing in the sample's format, written in large slices."""
    return _write_repeated(d / "huge.md", html_body(realistic_turns(200)), size)


def make_dense_huge(d: Path, size: int = 50 * 1024 * 1024) -> Path:
    """A stress case: very short turns and a figure every ~70 bytes (five times real density)."""
    turns = [(label, speech * 3) for label, speech in numbered_turns(40)]
    return _write_repeated(d / "dense-huge.md", html_body(turns), size)


def _write_repeated(path: Path, body: str, size: int) -> Path:
    block = body.encode("utf-8")
    with path.open("wb") as out:
        out.write(FRONT_MATTER.encode("utf-8") + b"<div>\n")
        written = 0
        slab = block * max(1, min(size, 4 * 1024 * 1024) // len(block))
        while written < size:
            out.write(slab)
            written += len(slab)
        out.write(b"</div>\n")
    return path


FIXTURES: tuple[Hostile, ...] = (
    Hostile("empty", make_empty, EITHER, "an empty file is an empty article or a clear refusal",
            _expect_empty_article),
    Hostile("png-renamed", make_png_renamed, REFUSES, "binary data is not a transcript"),
    Hostile("truncated-utf8", make_truncated_utf8, OPENS, "a download cut off mid-character",
            _expect_turns(4)),
    Hostile("gb18030-text", make_gb18030, OPENS, "GBK/GB18030 plain text without a declared charset",
            _expect_encoding(BRIEFING_PROBE, "gb")),
    Hostile("gb18030-markdown", make_gb18030_html, OPENS, "GB18030 markdown+HTML without a meta charset",
            _expect_encoding(BRIEFING_PROBE, "gb")),
    Hostile("big5", make_big5, OPENS, "Big5 traditional Chinese without a declared charset",
            _expect_encoding(TRADITIONAL_PROBE, "big5", "cp950")),
    Hostile("utf16-bom", make_utf16_bom, OPENS, "UTF-16 as Windows Notepad saves it",
            _expect_encoding(BRIEFING_PROBE, "utf-16")),
    Hostile("utf16le-no-bom", make_utf16le_no_bom, OPENS, "UTF-16LE with neither BOM nor charset",
            _expect_encoding(BRIEFING_PROBE, "utf-16")),
    Hostile("broken-yaml", make_broken_yaml, OPENS, "front matter that is not YAML", _expect_warned_briefing),
    Hostile("unterminated-front-matter", make_unterminated_front_matter, OPENS,
            "front matter whose closing fence is missing", _expect_turns(3)),
    Hostile("misnested-tags", make_misnested, OPENS, "unclosed and misnested tags", _expect_turns(3)),
    Hostile("deep-nesting", make_deep_nesting, OPENS, "10,000 nested elements", _expect_turns(len(BRIEFING))),
    Hostile("deep-unclosed", make_deep_unclosed, OPENS, "10,000 unclosed inline tags",
            _expect_turns(len(BRIEFING))),
    Hostile("million-divs", make_million_divs, OPENS, "10^6 nested divs", _expect_warned_briefing,
            timeout=60.0, slow=True),
    Hostile("million-unclosed-bold", make_million_unclosed_bold, OPENS, "10^6 unclosed <b>",
            _expect_warned_briefing, timeout=60.0),
    *(Hostile(f"wrapped-in-{tag}", make_wrapped_in(tag), OPENS, f"the article inside a <{tag}>",
              _expect_briefing) for tag in ("form", "header")),
    *(Hostile(f"unclosed-{tag}", make_unclosed(tag), OPENS, f"an unclosed <{tag}> before the article",
              _expect_briefing) for tag in ("embed", "audio", "button", "track", "source")),
    Hostile("long-paragraph", make_long_paragraph, OPENS, "1 MB paragraph without punctuation",
            _expect_long_paragraph),
    Hostile("long-plain-line", make_long_plain_line, OPENS, "1 MB plain-text line without punctuation",
            _expect_long_paragraph),
    Hostile("many-turns", make_many_turns, OPENS, "2,000 turns", _expect_many_turns(2_000)),
    Hostile("many-speakers", make_many_speakers, OPENS, "2,000 distinct speakers",
            _expect_distinct_speakers(2_000)),
    Hostile("crlf-text", make_crlf, OPENS, "Windows line endings", _expect_briefing),
    Hostile("cr-text", make_cr, OPENS, "classic Mac line endings", _expect_briefing),
    Hostile("crlf-markdown", make_crlf_markdown, OPENS, "front matter and HTML with CRLF", _expect_briefing),
    Hostile("nul-bytes", make_nul_bytes, OPENS, "stray NUL bytes", _expect_no_nul),
    Hostile("nul-padded", make_nul_padded, OPENS, "text followed by NUL padding", _expect_no_nul),
    Hostile("xml-invalid-characters", make_xml_invalid, OPENS, "form feeds, U+FFFF and &#8; in the text",
            _expect_briefing),
    Hostile("yaml-bomb", make_yaml_bomb, OPENS, "front matter alias bomb", _expect_small_meta),
    Hostile("yaml-code-tag", make_yaml_code_tag, OPENS, "front matter tag that would run a command",
            _expect_yaml_inert),
    Hostile("yaml-empty-bomb", make_yaml_empty_bomb, OPENS, "front matter alias bomb over empty strings",
            _expect_warned_briefing, timeout=30.0),
    Hostile("front-matter-bad-date", make_front_matter_bad_date, OPENS, "a front matter date of 2023-02-29",
            _expect_dated_briefing),
    Hostile("front-matter-huge-int", make_front_matter_huge_int, OPENS, "a 5,000-digit front matter integer",
            _expect_briefing),
    Hostile("front-matter-deep", make_front_matter_deep, OPENS, "front matter nested 600 levels",
            _expect_warned_briefing),
    Hostile("bullet-line", make_bullet_line, OPENS, "a line of 1,000 bullets between two turns",
            _expect_turns(len(BRIEFING))),
    Hostile("repeated-clock-times", make_repeated_clock_times, OPENS, "3,000 clock times before a speech",
            _expect_turns(len(BRIEFING))),
    Hostile("astral-characters", make_astral, OPENS, "emoji and CJK Extension B before every figure",
            _expect_turns(len(BRIEFING), probe=ASTRAL_PROBE)),
    Hostile("active-content-html", make_active_content, OPENS, "scripts, frames, trackers, file: images",
            _expect_clean_active),
    Hostile("active-content-markdown", make_active_content_markdown, OPENS,
            "the same hostile content inside a markdown file", _expect_clean_active),
    Hostile("directory", make_directory, REFUSES, "a directory named like a transcript"),
    Hostile("missing", make_missing, REFUSES, "a path that does not exist"),
    Hostile("unreadable", make_unreadable, REFUSES, "no permission to read", deny_open=True),
    Hostile("fifo", make_fifo, REFUSES, "a named pipe: must be refused, not waited on", timeout=30.0),
    Hostile("sparse-2gb", make_sparse_huge, REFUSES, "a 2 GB sparse file: refused before it is read"),
    Hostile("device-link", make_device_link, REFUSES, "a symbolic link to /dev/zero", timeout=30.0),
    Hostile("vanishing", make_vanishing, REFUSES, "deleted between being chosen and being read",
            vanish_on_open=True),
    Hostile("huge-50mb", make_huge, OPENS, "a 50 MB transcript", _expect_turns(1000, probe=None),
            timeout=300.0, slow=True),
)

FIXTURES_BY_NAME = {f.name: f for f in FIXTURES}


def fixture_names(*, include_slow: bool = True) -> list[str]:
    return [f.name for f in FIXTURES if include_slow or not f.slow]


# --------------------------------------------------------------------------- file-open interference

_DENIED: set[str] = set()
_VANISHING: set[str] = set()
_HOOK_LOCK = threading.Lock()
_HOOK_INSTALLED = False


def _interfering_hook(event: str, args: tuple[Any, ...]) -> None:
    if event != "open" or not (_DENIED or _VANISHING):
        return
    target = args[0]
    if not isinstance(target, (str, bytes, os.PathLike)):
        return
    name = os.path.abspath(os.fsdecode(target))
    if name in _DENIED:
        raise PermissionError(13, "Permission denied", name)
    if name in _VANISHING:
        _VANISHING.discard(name)
        os.unlink(name)


def _install_interfering_hook() -> None:
    global _HOOK_INSTALLED
    with _HOOK_LOCK:
        if not _HOOK_INSTALLED:
            sys.addaudithook(_interfering_hook)  # audit hooks cannot be removed: it checks the sets
            _HOOK_INSTALLED = True


@contextmanager
def deny_open(path: Path) -> Iterator[None]:
    """Make opening ``path`` raise PermissionError, as for a file we may not read.

    ``chmod 000`` does not work when tests run as root (CI does), so an audit hook on
    the ``open`` event refuses it instead: it covers ``open``, ``Path.read_bytes`` and
    ``os.open`` alike.
    """
    _install_interfering_hook()
    name = os.path.abspath(path)
    _DENIED.add(name)
    try:
        yield
    finally:
        _DENIED.discard(name)


@contextmanager
def vanish_on_open(path: Path) -> Iterator[None]:
    """Delete ``path`` the moment something tries to open it: the race of a file removed mid-load."""
    _install_interfering_hook()
    name = os.path.abspath(path)
    _VANISHING.add(name)
    try:
        yield
    finally:
        _VANISHING.discard(name)


# The same interference for a child process, installed before the reader is imported.
_CHILD_PRELUDE = """\
import os, sys
_deny = {deny!r}
_vanish = set({vanish!r})
def _hook(event, args):
    if event != "open" or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    name = os.path.abspath(os.fsdecode(args[0]))
    if name in _deny:
        raise PermissionError(13, "Permission denied", name)
    if name in _vanish:
        _vanish.discard(name)
        os.unlink(name)
sys.addaudithook(_hook)
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_cli(args: Sequence[str], *, deny: Sequence[Path] = (), vanish: Sequence[Path] = (),
            timeout: float = 60.0, cwd: Path | None = None,
            before: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``python -m reader ARGS`` (or the same through an interfering prelude) and capture it.

    ``before`` is Python run in the child before the command, to plant a fault.
    """
    if deny or vanish or before:
        code = before + "\n" + _CHILD_PRELUDE.format(deny=[os.path.abspath(p) for p in deny],
                                                     vanish=[os.path.abspath(p) for p in vanish])
        command = [sys.executable, "-c", code, *args]
    else:
        command = [sys.executable, "-m", "reader", *args]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout, cwd=cwd, env=env, check=False)


def run_export(hostile: Hostile, path: Path, *, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(["export", str(path)], deny=[path] if hostile.deny_open else (),
                   vanish=[path] if hostile.vanish_on_open else (), timeout=hostile.timeout, cwd=cwd)


@contextmanager
def interfere(hostile: Hostile, path: Path) -> Iterator[None]:
    """In this process, make ``path`` unreadable or vanishing if the fixture calls for it."""
    if hostile.deny_open:
        with deny_open(path):
            yield
    elif hostile.vanish_on_open:
        with vanish_on_open(path):
            yield
    else:
        yield


# --------------------------------------------------------------------------- network and file audit


class NetworkAttempt(AssertionError):
    """Raised the moment anything in the process tries to reach the network."""


@dataclass
class AccessLog:
    """What a guarded block tried to do: sockets it opened, files it read."""

    network: list[str] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


_ACTIVE_LOGS: list[AccessLog] = []
_AUDIT_INSTALLED = False
_NETWORK_EVENTS = frozenset({
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.sendto", "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect",
    "webbrowser.open", "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn",
})
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _ACTIVE_LOGS:
        return
    log = _ACTIVE_LOGS[-1]
    if event in _NETWORK_EVENTS:
        log.network.append(f"{event} {args!r:.200}")
    elif event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        name = os.path.abspath(os.fsdecode(args[0]))
        log.opened.append(name)
        mode = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        if any(c in mode for c in "wax+") or flags & _WRITE_FLAGS:
            log.written.append(name)


def _refuse_connect(*args: Any, **kwargs: Any) -> Any:
    message = f"network connection attempted: {args!r:.200}"
    if _ACTIVE_LOGS:
        _ACTIVE_LOGS[-1].network.append(message)
    raise NetworkAttempt(message)


@contextmanager
def audited(monkeypatch: Any) -> Iterator[AccessLog]:
    """Record every file opened and fail any socket connection, within the block.

    Python-level guard: ``socket.socket.connect``/``connect_ex`` and
    ``socket.create_connection`` raise, and an audit hook records network, process and
    ``open`` events. Qt's own C++ I/O is not seen here; ``InotifyWatch`` covers files.
    """
    global _AUDIT_INSTALLED
    if not _AUDIT_INSTALLED:
        sys.addaudithook(_audit)
        _AUDIT_INSTALLED = True
    monkeypatch.setattr(socket.socket, "connect", _refuse_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse_connect)
    monkeypatch.setattr(socket, "create_connection", _refuse_connect)
    log = AccessLog()
    _ACTIVE_LOGS.append(log)
    try:
        yield log
    finally:
        _ACTIVE_LOGS.remove(log)


# inotify: the kernel reports every open of a watched file, by Python or by Qt's C++ code.
IN_ACCESS = 0x00000001
IN_OPEN = 0x00000020
IN_MODIFY = 0x00000002
IN_ATTRIB = 0x00000004
IN_CLOSE_WRITE = 0x00000008
IN_NONBLOCK = os.O_NONBLOCK
_INOTIFY_EVENT = struct.Struct("iIII")


class InotifyWatch:
    """Counts kernel-level opens, reads and writes of chosen files while it is open."""

    def __init__(self) -> None:
        libc_name = ctypes.util.find_library("c")
        if sys.platform != "linux" or not libc_name:
            raise OSError("inotify needs Linux")
        self._libc = ctypes.CDLL(libc_name, use_errno=True)
        self._fd = self._libc.inotify_init1(IN_NONBLOCK)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        self._names: dict[int, str] = {}

    def watch(self, path: Path, mask: int = IN_OPEN | IN_ACCESS | IN_MODIFY | IN_CLOSE_WRITE) -> None:
        wd = self._libc.inotify_add_watch(self._fd, os.fsencode(path), mask)
        if wd < 0:
            raise OSError(ctypes.get_errno(), f"inotify_add_watch failed for {path}")
        self._names[wd] = str(path)

    def events(self) -> list[tuple[str, int]]:
        """(path, mask) of every event since the last call."""
        found = []
        while True:
            try:
                buf = os.read(self._fd, 65536)
            except BlockingIOError:
                return found
            offset = 0
            while offset < len(buf):
                wd, mask, _cookie, length = _INOTIFY_EVENT.unpack_from(buf, offset)
                offset += _INOTIFY_EVENT.size + length
                if wd in self._names:
                    found.append((self._names[wd], mask))

    def close(self) -> None:
        os.close(self._fd)


# --------------------------------------------------------------------------- invariants


def check_export(export: dict[str, Any]) -> None:
    """What every export must satisfy, whatever the input: offsets that mean what they say."""
    assert export["schema"] == "transcript-reader/export@1"
    text = export["text"]
    assert isinstance(text, str)
    n = len(text)
    assert isinstance(export["warnings"], list) and all(isinstance(w, str) and w for w in export["warnings"])
    speaker_ids = {s["id"] for s in export["speakers"]}
    for p in export["preamble"]:
        assert 0 <= p["start"] <= p["end"] <= n
    previous_end = 0
    for i, turn in enumerate(export["turns"]):
        assert turn["index"] == i
        assert turn["speaker"] in speaker_ids
        assert previous_end <= turn["start"] <= turn["end"] <= n, turn
        previous_end = turn["end"]
        for p in turn["paragraphs"]:
            assert turn["start"] <= p["start"] <= p["end"] <= turn["end"], (turn, p)
    for f in export["figures"]:
        assert text[f["start"]:f["end"]] == f["text"], f
        assert isinstance(f["value"], (int, float)) and math.isfinite(f["value"]), f
        if f.get("value_to") is not None:
            assert math.isfinite(f["value_to"]), f
        if f.get("turn") is not None:
            assert 0 <= f["turn"] < len(export["turns"]), f
        if f.get("change_of") is not None:
            assert 0 <= f["change_of"] < len(export["figures"]), f
    for pair in export["qa"]:
        assert 0 <= pair["question"] < len(export["turns"])
        assert all(0 <= a < len(export["turns"]) for a in pair["answers"])
    json.dumps(export, ensure_ascii=False, allow_nan=False)  # NaN/Infinity would not be JSON


def check_transcript(transcript: Any) -> None:
    """The model-level twin of ``check_export``, for tests that call the parser directly."""
    text = transcript.text
    n = len(text)
    previous_end = 0
    speaker_ids = {s.id for s in transcript.speakers}
    for i, turn in enumerate(transcript.turns):
        assert turn.index == i
        assert turn.speaker in speaker_ids
        assert previous_end <= turn.start <= turn.end <= n, turn
        previous_end = turn.end
        assert turn.start <= turn.label_span.start <= turn.label_span.end <= turn.end, turn
        for p in turn.paragraphs:
            assert turn.start <= p.start <= p.end <= turn.end, (turn, p)
    for span in transcript.preamble:
        assert 0 <= span.start <= span.end <= n
    check_figures(text, transcript.figures, len(transcript.turns))


def check_figures(text: str, figures: Sequence[Any], turn_count: int) -> None:
    for f in figures:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start:f.end] == f.text, f
        assert math.isfinite(f.value), f
        if f.value_to is not None:
            assert math.isfinite(f.value_to), f
        if f.turn is not None:
            assert 0 <= f.turn < turn_count, f
        if f.change_of is not None:
            assert 0 <= f.change_of < len(figures), f


def assert_refusal(result: subprocess.CompletedProcess[str], path: Path) -> None:
    """Exit 2 and exactly one stderr line naming the file and a reason; nothing on stdout."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got {len(lines)}:\n{result.stderr[-2000:]}"
    line = lines[0]
    assert "Traceback" not in line
    assert path.name in line, f"stderr does not name the file: {line!r}"
    reason = line.split(path.name, 1)[1].strip(" :'\"")
    assert len(reason) >= 4, f"stderr gives no reason: {line!r}"
    assert result.stdout == ""
