"""Markdown with YAML front matter, as blogs and news mirrors (Hexo, Jekyll) store articles.

The front matter (``reader.load.front_matter``) gives title, date, author and categories;
the body is usually the site's HTML pasted as is (read with the HTML reader, chrome removal
included), sometimes plain Markdown.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.load.front_matter import FRONT_MATTER_CLOSE, FRONT_MATTER_OPEN, front_matter_meta
from reader.model import Meta
from reader.parse.blocks import SourceDocument
from reader.parse.html import read_html
from reader.parse.text import read_text

HTML_BODY_TAG = re.compile(
    r"<(?:p|div|br|blockquote|strong|b|span|section|article|h[1-6]|table|ul|ol|li|font)\b", re.IGNORECASE
)


def read_markdown(text: str) -> SourceDocument:
    """Front matter to meta; the body through the HTML or the text reader."""
    opening = FRONT_MATTER_OPEN.match(text)
    closing = FRONT_MATTER_CLOSE.search(text, opening.end()) if opening else None
    warnings: list[str] = []
    meta = Meta()
    body = text
    if opening and closing:
        meta, problem = front_matter_meta(text[opening.end():closing.start()])
        if problem:
            warnings.append(problem)
        body = text[closing.end():]
    if HTML_BODY_TAG.search(body[:65536]):
        doc = read_html(body, whole_page=False)
    else:
        doc = read_text(body, markdown=True)
    merged = Meta(
        title=meta.title or doc.meta.title,
        date=meta.date or doc.meta.date,
        author=meta.author or doc.meta.author,
        editor=meta.editor or doc.meta.editor,
        categories=meta.categories or doc.meta.categories,
        url=meta.url or doc.meta.url,
    )
    return replace(doc, format="hexo-markdown", meta=merged, warnings=(*doc.warnings, *warnings))






