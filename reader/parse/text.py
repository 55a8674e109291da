"""Plain text (and Markdown without HTML): one paragraph per line, or per hard-wrapped group.

Transcripts saved as text put each paragraph on its own line, sometimes with blank lines
between. Some are hard-wrapped at a fixed width instead: then the lines of a group are one
paragraph and a line break only wraps. We tell the two apart by line lengths (wrapped
lines cluster just under the wrap width). Markdown's ``**bold**``, ``# heading``,
``> quote`` and list markers are understood, so Markdown-style bold markers work as in HTML.
"""

from __future__ import annotations

import html
import re

from reader.model import Meta
from reader.parse.blocks import Block, BlockKind, Line, Run, SourceDocument
from reader.parse.pdf_text import paragraphs, wrap_width
from reader.text.fold import COLONS

LINE_SPLIT = re.compile(r"\r\n|\r|\n")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
MARKDOWN_QUOTE = re.compile(r"^(?:>\s?)+")
MARKDOWN_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
# Emphasis markers left unpaired around a colon by editors that export Markdown
# (``**Zanny Minton Beddoes*****\*：\**从…**``): formatting, not text, so the label and its
# colon meet as the writer meant.
STRAY_EMPHASIS_AT_COLON = re.compile(rf"[*\\]+(?=[{COLONS}])|(?<=[{COLONS}])[*\\]+(?!\*)")
# ``---``, ``***``, ``___`` (three or more, spaces allowed) and a setext underline ``===``.
MARKDOWN_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|={3,}[ \t]*)$")
MARKDOWN_STRUCTURE = re.compile(r"^(?:#{1,6}\s|>|[-*+]\s|\d{1,3}[.)]\s)")
# A picture: ``![alt](src)``, and one that is itself a link, ``[![alt](src)](href)``.
MARKDOWN_IMAGE = re.compile(r"\[!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)\]\([^()\n]{0,2000}\)"
                            r"|!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)")
# HTML written inline in a Markdown line: bold tags are bold, a line break a space, the rest goes.
INLINE_BOLD_TAG = re.compile(r"<(b|strong)\b[^<>]{0,200}>(.*?)</\1\s*>", re.IGNORECASE)
INLINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,2000})?/?>")
# ``*emphasis*`` (one asterisk each side, not bold): the asterisks are markup; the text has no italics.
MARKDOWN_EMPHASIS = re.compile(r"(?<![*\\\d])\*(?![\s*])([^*\n]{1,500}?)(?<![\s\\])\*(?![*\d])")
# ***bold and emphasised***
BOLD_EMPHASIS = re.compile(r"(?<![*\\])\*\*\*(?![\s*])([^*\n]{1,500}?)(?<![\s\\])\*\*\*(?![*\\])")
MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
INDENT = " \t\u3000\u00a0\ufeff"
WRAP_TOLERANCE = 0.85
MIN_WRAPPED_LINES = 4
MIN_WRAP_WIDTH = 16  # below this, equal lengths are labels (问：, 答：), not a wrap width
MAX_WRAP_WIDTH = 120
MIN_TITLE, MAX_TITLE = 8, 60
# A site's breadcrumb (首页 > 图片聚焦 > …, 当前位置：首页 > …).
BREADCRUMB = re.compile(r"\s[>›»＞]\s|^(?:(?:当前位置|您的位置|您现在的位置)\s*[：:]\s*)?"
                        r"(?:首页|主页|网站首页|首頁)\s*[>›»＞/]")
# A colon (a label, a field), a bracket, or a breadcrumb: no title.
TITLE_REFUSED = re.compile(rf"[：:]|^[（(【\[]|{BREADCRUMB.pattern}")
SENTENCE_ENDS = ("。", "！", "？", "!", "?", "；", ";", "…", "，", ",")


def read_text(text: str, *, markdown: bool = False) -> SourceDocument:
    """Read plain text (or light Markdown) into blocks; a heading line becomes the title."""
    blocks, title = text_blocks(LINE_SPLIT.split(text), markdown=markdown)
    return SourceDocument("text", Meta(title=title), tuple(blocks))


def text_blocks(lines: list[str], *, markdown: bool = False) -> tuple[list[Block], str | None]:
    """The blocks of some lines of text, and the title their first line gives (if any)."""
    if markdown:
        lines = _without_rules(lines)
    pdf_width = None if markdown else wrap_width(lines)
    if pdf_width is not None:
        groups, wrapped = paragraphs(lines, pdf_width), True
    else:
        groups = _groups(lines)
        wrapped = _hard_wrapped(groups)
    blocks: list[Block] = []
    title: str | None = None
    crumbs = 0  # breadcrumb lines at the top, before the title
    line_count = sum(len(g) for g in groups)
    for index, group in enumerate(groups):
        groups[index] = []  # let go once read: beside the blocks, a list per line of a file of short turns
        if wrapped:
            parsed = [p for p in (_parse_line(line, markdown) for line in group) if p[0]]
            if parsed:  # not a line that was only a picture
                kind = parsed[0][1]
                blocks.append(Block(tuple(p[0] for p in parsed), kind, tuple(p[2] for p in parsed[1:])))
            continue
        # One line at a time: a file without blank lines is one group, and a list of its
        # parsed lines was a fifth of reading a file of short turns.
        for runs, kind, _indented in (_parse_line(line, markdown) for line in group):
            if not runs:
                continue  # a line that was only a picture
            written = "".join(r.text for r in runs)
            label_line = written.rstrip().endswith(tuple(COLONS))  # ### 主持人：
            first = title is None and len(blocks) == crumbs and not label_line
            if first and (kind == "heading" or _title_line(runs, line_count)):
                title = written
                kind = "heading"
            elif len(blocks) == crumbs and BREADCRUMB.search(written):
                crumbs += 1  # the site's navigation above the title: the title is the next line
            blocks.append(Block((runs,), kind))
    return blocks, title


def _without_rules(lines: list[str]) -> list[str]:
    """Markdown's horizontal rules are blank lines (they only separate); a ``---`` or ``===``
    right under a line of text underlines it as a heading (a setext heading)."""
    out = list(lines)
    for i, line in enumerate(lines):
        if not MARKDOWN_RULE.match(line):
            continue
        above = out[i - 1].strip(INDENT) if i else ""
        mark = line.strip()
        underline = set(mark) == {"="} or set(mark) == {"-"}
        if above and underline and not MARKDOWN_STRUCTURE.match(above):
            out[i - 1] = "## " + above
        out[i] = ""
    return out


def _title_line(runs: Line, line_count: int) -> bool:
    """The first line of a plain-text transcript is its title when it reads like one: short,
    no colon (a speaker's label or a field), not ending a sentence, and more text follows
    (``2012年11月16日外交部发言人洪磊主持例行记者会``)."""
    line = "".join(r.text for r in runs)
    if not MIN_TITLE <= len(line) <= MAX_TITLE or line_count < 2:
        return False
    return not TITLE_REFUSED.search(line) and not line.endswith(SENTENCE_ENDS)


def _groups(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip(INDENT):
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _hard_wrapped(groups: list[list[str]]) -> bool:
    """Most lines that continue a group end near one width: the text was wrapped at it."""
    inner = [len(line.strip(INDENT)) for group in groups for line in group[:-1]]
    if len(inner) < MIN_WRAPPED_LINES:
        return False
    width = sorted(inner)[int(len(inner) * 0.9)]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return False
    near = sum(1 for n in inner if n >= width * WRAP_TOLERANCE)
    return near >= len(inner) * 0.6


def _parse_line(line: str, markdown: bool) -> tuple[Line, BlockKind, bool]:
    indented = line[:1] in ("\u3000", "\u00a0", "\t") or line.startswith("  ")
    text = line.strip(INDENT)
    kind: BlockKind = "p"
    if markdown:
        if MARKDOWN_HEADING.match(text):
            kind, text = "heading", MARKDOWN_HEADING.sub("", text, count=1)
        elif MARKDOWN_QUOTE.match(text):
            kind, text = "quote", MARKDOWN_QUOTE.sub("", text, count=1).strip(INDENT)
        elif MARKDOWN_ITEM.match(text):
            kind, text = "item", MARKDOWN_ITEM.sub("", text, count=1)
        return _markdown_runs(text), kind, indented
    return (Run(text),), kind, indented


def _markdown_runs(text: str) -> Line:
    if "<" in text:
        text = _without_inline_html(text)
    if "![" in text:
        text = MARKDOWN_IMAGE.sub("", text).strip(INDENT)
    if not text:
        return ()
    if "*" in text:
        text = _without_emphasis(BOLD_EMPHASIS.sub(r"**\1**", text))
    text = _without_stray_emphasis(text)
    runs: list[Run] = []
    pos = 0
    for match in MARKDOWN_BOLD.finditer(text):
        if match.start() > pos:
            runs.extend(_link_runs(text[pos:match.start()], bold=False))
        runs.extend(_link_runs(match.group(1) or match.group(2) or "", bold=True))
        pos = match.end()
    if pos < len(text):
        runs.extend(_link_runs(text[pos:], bold=False))
    return tuple(r for r in runs if r.text) or (Run(text),)


def _without_inline_html(text: str) -> str:
    """Tags written inline are markup, never text: ``<strong>`` becomes Markdown bold, other
    tags go and entities are read (``&amp;`` is ``&``)."""
    text = INLINE_BOLD_TAG.sub(lambda m: f"**{m.group(2)}**" if m.group(2).strip() else "", text)
    text = INLINE_TAG.sub("", INLINE_BREAK_TAG.sub(" ", text))
    return html.unescape(text).strip(INDENT)


def _without_emphasis(text: str) -> str:
    """``*word*`` loses its asterisks; ``**bold**`` is left for the bold runs."""
    pieces = MARKDOWN_BOLD.split(text)
    # split() interleaves the text between bold spans with the two groups of each match.
    out = []
    for i in range(0, len(pieces), 3):
        out.append(MARKDOWN_EMPHASIS.sub(r"\1", pieces[i]))
        if i + 1 < len(pieces):
            inner = pieces[i + 1] if pieces[i + 1] is not None else pieces[i + 2]
            marks = "**" if pieces[i + 1] is not None else "__"
            out.append(f"{marks}{inner}{marks}")
    return "".join(out)


def _without_stray_emphasis(text: str) -> str:
    """Drop unpaired ``*`` and escaped ``\\*`` touching a colon, keeping a closing ``**`` whole.

    Only the markers directly around the colon go; the bold pair around the whole label
    stays balanced, because an odd number of asterisks there is what leaves one unpaired.
    """
    if "*" not in text:
        return text
    cleaned = STRAY_EMPHASIS_AT_COLON.sub("", text)
    return cleaned if cleaned.count("**") % 2 == 0 else text


def _link_runs(text: str, *, bold: bool) -> list[Run]:
    runs: list[Run] = []
    pos = 0
    for match in MARKDOWN_LINK.finditer(text):
        runs.append(Run(text[pos:match.start()], bold))
        runs.append(Run(match.group(1), bold, link=True))
        pos = match.end()
    runs.append(Run(text[pos:], bold))
    return runs
