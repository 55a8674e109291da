"""Markdown with YAML front matter, as blogs and news mirrors (Hexo, Jekyll) store articles.

The front matter gives title, date, author and categories; the body is usually the site's
HTML pasted as is (read with the HTML reader, chrome removal included), sometimes plain
Markdown. YAML is read with ``safe_load``: no tags, no code.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import yaml

from reader.formats.base import SourceDocument, normalize_date
from reader.formats.html import read_html
from reader.formats.text import read_text
from reader.model import Meta

FRONT_MATTER_OPEN = re.compile(r"\A[\s\ufeff]*---[ \t]*\r?\n")
FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
HTML_BODY_TAG = re.compile(
    r"<(?:p|div|br|blockquote|strong|b|span|section|article|h[1-6]|table|ul|ol|li|font)\b", re.IGNORECASE
)
URL_KEYS = ("url", "link", "source_url", "original_url", "origin", "source")
MAX_CATEGORIES = 50


def has_front_matter(text: str) -> bool:
    """Does the text open with a ``---`` front matter block that is closed?"""
    opening = FRONT_MATTER_OPEN.match(text)
    return bool(opening and FRONT_MATTER_CLOSE.search(text, opening.end()))


def read_markdown(text: str) -> SourceDocument:
    """Front matter to meta; the body through the HTML or the text reader."""
    opening = FRONT_MATTER_OPEN.match(text)
    closing = FRONT_MATTER_CLOSE.search(text, opening.end()) if opening else None
    warnings: list[str] = []
    meta = Meta()
    body = text
    if opening and closing:
        meta, problem = _front_matter_meta(text[opening.end():closing.start()])
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


def _front_matter_meta(source: str) -> tuple[Meta, str | None]:
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        return Meta(), f"the front matter could not be read{where}; title and date are missing"
    if not isinstance(data, dict):
        return Meta(), "the front matter is not a list of fields; title and date are missing"
    url = next((_text(data.get(k)) for k in URL_KEYS if _text(data.get(k))), None)
    return Meta(
        title=_text(data.get("title")),
        date=normalize_date(data.get("date")),
        author=_text(data.get("author")),
        editor=_text(data.get("editor")),
        categories=tuple(_flatten(data.get("categories")))[:MAX_CATEGORIES],
        url=url if url and url.startswith(("http://", "https://")) else None,
    ), None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _flatten(value: Any) -> list[str]:
    """Hexo allows a category list, nested lists or one string."""
    out: list[str] = []
    stack = [value]
    while stack and len(out) < MAX_CATEGORIES:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif item is not None and not isinstance(item, dict):
            text = str(item).strip()
            if text:
                out.append(text)
    return out
