"""Source formats: each reader turns decoded text into styled blocks and page meta.

Readers are chosen by sniffing the content first (front matter, HTML tags), the file's
suffix second: a saved page renamed ``.txt`` is still HTML. A new format plugs in by adding
a ``FormatReader`` to ``READERS``; the pipeline is not edited.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.load.front_matter import has_front_matter
from reader.parse.blocks import Block, Run, SourceDocument
from reader.parse.html import read_html
from reader.parse.markdown import read_markdown
from reader.parse.text import read_text

__all__ = ["READERS", "Block", "FormatReader", "Run", "SourceDocument", "read_document"]

HTML_DOCUMENT = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
HTML_BLOCK_TAG = re.compile(r"<(?:p|div|br|blockquote|table|section|article|h[1-6])\b[^>]*>", re.IGNORECASE)
SNIFF_CHARS = 65536
MIN_FRAGMENT_TAGS = 3


@dataclass(frozen=True, slots=True)
class FormatReader:
    """A reader and the test that says it applies (given the text and the lower-case suffix)."""

    name: str
    applies: Callable[[str, str], bool]
    read: Callable[[str], SourceDocument]


def _is_html(text: str, suffix: str) -> bool:
    head = text[:SNIFF_CHARS]
    if suffix in (".html", ".htm", ".xhtml", ".shtml") or HTML_DOCUMENT.search(head):
        return True
    return len(HTML_BLOCK_TAG.findall(head)) >= MIN_FRAGMENT_TAGS


READERS: list[FormatReader] = [
    FormatReader("hexo-markdown", lambda text, suffix: has_front_matter(text), read_markdown),
    # Before the HTML sniff: a Markdown post with a few HTML blocks in it is still Markdown
    # (read_markdown reads a pasted page as HTML itself).
    FormatReader("markdown-text", lambda text, suffix: suffix in (".md", ".markdown"), read_markdown),
    FormatReader("html", _is_html, read_html),
    FormatReader("text", lambda text, suffix: True, read_text),
]


def read_document(text: str, suffix: str = "") -> SourceDocument:
    """Read ``text`` with the first reader that applies."""
    for reader in READERS:
        if reader.applies(text, suffix.lower()):
            return reader.read(text)
    return read_text(text)
