"""YAML front matter (Hexo, Jekyll): the fields a transcript's meta takes from it.

YAML is read with a safe loader: no tags, no code. Front matter is a few lines of fields,
so anything far from that is refused before it is built, with a warning, and the body is
read as usual: more than ``MAX_FRONT_MATTER_CHARS``, nesting deeper than ``MAX_DEPTH``
(PyYAML's composer recurses once per level: 600 ``[`` were a ``RecursionError``), or more
than ``MAX_NODES`` values once aliases are counted as what they stand for (a 500-byte
"billion laughs" of nested aliases over empty strings built nothing big, but every walk
over it visited 9^9 leaves). The limits are checked on PyYAML's event stream, one pass
with no recursion, before any value is made. A value Python cannot hold (``2023-02-29``,
an integer of more than 4,300 digits) is kept as its text, so only that field is lost.
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
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_DEPTH = 32
MAX_NODES = 10_000

# The C parser when PyYAML was built with libyaml: the same events, several times faster.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader, except that a number or date Python cannot hold stays text."""


def _lenient(tag: str) -> None:
    strict = yaml.SafeLoader.yaml_constructors[tag]

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        try:
            return strict(loader, node)
        except (ValueError, OverflowError):  # 2023-02-29; 5,000 digits (int's own limit)
            return loader.construct_scalar(node)  # type: ignore[arg-type]

    _FrontMatterLoader.add_constructor(tag, construct)


for _tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"):
    _lenient(_tag)


class FrontMatterTooLarge(ValueError):
    """The front matter is past one of the limits; the message says which."""


def check_limits(source: str) -> None:
    """Raise :class:`FrontMatterTooLarge` if ``source`` is too long, deep or big to build.

    Sizes are counted on the event stream: each value is one node, a collection adds its
    members, and an alias adds the size of what it names (looked up, not walked again),
    so the count is what a walk over the built values would visit, found in linear time.
    """
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterTooLarge(f"it is longer than {MAX_FRONT_MATTER_CHARS // 1024} KB")
    sizes: dict[str, int] = {}
    open_sizes: list[int] = [0]
    open_anchors: list[str | None] = []
    for event in yaml.parse(source, Loader=_SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            if len(open_anchors) >= MAX_DEPTH:
                raise FrontMatterTooLarge(f"it nests more than {MAX_DEPTH} levels deep")
            open_sizes.append(1)
            open_anchors.append(event.anchor)
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            size = open_sizes.pop()
            anchor = open_anchors.pop()
        elif isinstance(event, yaml.AliasEvent):
            size, anchor = sizes.get(event.anchor or "", 1), None
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = 1, event.anchor
        else:
            continue
        if anchor is not None:
            sizes[anchor] = size
        open_sizes[-1] += size
        if sum(open_sizes) > MAX_NODES:  # open collections count what they hold so far
            raise FrontMatterTooLarge(f"it holds more than {MAX_NODES:,} values")


def has_front_matter(text: str) -> bool:
    """Does the text open with a ``---`` front matter block that is closed?"""
    opening = FRONT_MATTER_OPEN.match(text)
    return bool(opening and FRONT_MATTER_CLOSE.search(text, opening.end()))


def front_matter_meta(source: str) -> tuple[Meta, str | None]:
    """The meta the front matter gives, and what went wrong reading it (None if nothing)."""
    try:
        check_limits(source)
        data = yaml.load(source, Loader=_FrontMatterLoader)
    except FrontMatterTooLarge as exc:
        return Meta(), f"the front matter was not read ({exc}); title and date are missing"
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        return Meta(), f"the front matter could not be read{where}; title and date are missing"
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # a value PyYAML cannot build
        reason = type(exc).__name__
        return Meta(), f"the front matter could not be read ({reason}); title and date are missing"
    if not isinstance(data, dict):
        return Meta(), "the front matter is not a list of fields; title and date are missing"
    url = next((_text(data.get(k)) for k in URL_KEYS if _text(data.get(k))), None)
    date = normalize_date(data.get("date"))
    problem = None
    if date is None and _text(data.get("date")):
        written = _text(data.get("date"), 40)
        problem = f"the front matter's date ({written}) is not a date; the date is missing"
    return Meta(
        title=_text(data.get("title")),
        date=date,
        author=_text(data.get("author")),
        editor=_text(data.get("editor")),
        categories=tuple(_flatten(data.get("categories")))[:MAX_CATEGORIES],
        url=url if url and url.startswith(("http://", "https://")) else None,
    ), problem


def _text(value: Any, limit: int | None = None) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return text or None


def _flatten(value: Any) -> list[str]:
    """Hexo allows a category list, nested lists or one string (the limits bound the walk)."""
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
