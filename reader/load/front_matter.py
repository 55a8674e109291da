"""YAML front matter (Hexo, Jekyll): the fields a transcript's meta takes from it.

YAML is read with ``safe_load``: no tags, no code.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from reader.model import Meta
from reader.text.dates import normalize_date

FRONT_MATTER_OPEN = re.compile(r"\A[\s\ufeff]*---[ \t]*\r?\n")

FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)

URL_KEYS = ("url", "link", "source_url", "original_url", "origin", "source")

MAX_CATEGORIES = 50


def has_front_matter(text: str) -> bool:
    """Does the text open with a ``---`` front matter block that is closed?"""
    opening = FRONT_MATTER_OPEN.match(text)
    return bool(opening and FRONT_MATTER_CLOSE.search(text, opening.end()))


def front_matter_meta(source: str) -> tuple[Meta, str | None]:
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
