"""Markdown, with or without YAML front matter, as blogs and news mirrors (Hexo, Jekyll) store articles.

The front matter (``reader.load.front_matter``) gives title, date, author and categories.
The body is one of two things. A news mirror pastes the site's HTML as is: that is read
with the HTML reader, chrome removal included. A blog writes Markdown and drops HTML blocks
into it (``<figure><img …><figcaption>…</figcaption></figure>``, a ``<div>`` note): those
blocks are read as HTML where they stand, each into its own blocks (a caption stays a
caption), and everything else as Markdown. HTML blocks are found as CommonMark finds them: a
line that opens with a block-level tag starts one, and a blank line ends it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.load.front_matter import FRONT_MATTER_CLOSE, FRONT_MATTER_OPEN, front_matter_meta
from reader.model import Meta, SourceFormat
from reader.parse.blocks import Block, SourceDocument
from reader.parse.html import html_fragment_blocks, read_html
from reader.parse.text import LINE_SPLIT, text_blocks

HTML_BODY_TAG = re.compile(
    r"<(?:p|div|br|blockquote|strong|b|span|section|article|h[1-6]|table|ul|ol|li|font)\b", re.IGNORECASE
)
# What only Markdown writes: bold, a heading, a picture, a link. A body with HTML and none of
# these is pasted HTML.
MARKDOWN_SYNTAX = re.compile(r"\*\*|__|^#{1,6}\s|!\[|\]\(", re.MULTILINE)
HTML_BLOCK_START = re.compile(
    r"^ {0,3}(?:<!--|</?(?:address|article|aside|blockquote|center|details|dialog|dd|div|dl|dt|"
    r"fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|img|li|main|nav|ol|p|picture|"
    r"pre|script|section|style|table|tbody|td|tfoot|th|thead|tr|ul|video|audio|source)(?=[\s/>]|$))",
    re.IGNORECASE | re.MULTILINE,
)
HTML_SHARE = 0.8  # of the body's text in HTML blocks: the body is a pasted page
SNIFF_CHARS = 65536


def read_markdown(text: str) -> SourceDocument:
    """Front matter to meta; the body through the HTML reader, or as Markdown with its HTML blocks."""
    opening = FRONT_MATTER_OPEN.match(text)
    closing = FRONT_MATTER_CLOSE.search(text, opening.end()) if opening else None
    warnings: list[str] = []
    meta = Meta()
    body = text
    source_format: SourceFormat = "text"
    if opening and closing:
        meta, problem = front_matter_meta(text[opening.end():closing.start()])
        if problem:
            warnings.append(problem)
        body = text[closing.end():]
        source_format = "hexo-markdown"
    doc = _read_body(body)
    merged = Meta(
        title=meta.title or doc.meta.title,
        date=meta.date or doc.meta.date,
        author=meta.author or doc.meta.author,
        editor=meta.editor or doc.meta.editor,
        categories=meta.categories or doc.meta.categories,
        url=meta.url or doc.meta.url,
    )
    return replace(doc, format=source_format, meta=merged, warnings=(*doc.warnings, *warnings))


def _read_body(body: str) -> SourceDocument:
    head = body[:SNIFF_CHARS]
    if not HTML_BODY_TAG.search(head) and not HTML_BLOCK_START.search(head):
        found, first_title = text_blocks(LINE_SPLIT.split(body), markdown=True)
        return SourceDocument("text", Meta(title=first_title), tuple(found))
    if not MARKDOWN_SYNTAX.search(head):
        return read_html(body, whole_page=False)
    segments = _segments(LINE_SPLIT.split(body))
    in_html = sum(len(piece.strip()) for is_html, lines in segments if is_html for piece in lines)
    total = sum(len(piece.strip()) for _, lines in segments for piece in lines) or 1
    if in_html >= total * HTML_SHARE:
        return read_html(body, whole_page=False)
    blocks: list[Block] = []
    title: str | None = None
    for is_html, lines in segments:
        if is_html:
            blocks.extend(html_fragment_blocks("\n".join(lines)))
            continue
        found, first_title = text_blocks(lines, markdown=True)
        if not blocks and title is None:
            title = first_title
        blocks.extend(found)
    return SourceDocument("text", Meta(title=title), tuple(blocks))


def _segments(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """The body as runs of Markdown lines and HTML blocks (``True``), in order."""
    segments: list[tuple[bool, list[str]]] = []
    in_block = False
    for line in lines:
        if in_block and not line.strip():
            in_block = False
        elif not in_block and HTML_BLOCK_START.match(line):
            in_block = True
            segments.append((True, []))
        elif not in_block and (not segments or segments[-1][0]):
            segments.append((False, []))
        segments[-1][1].append(line)
    return segments
