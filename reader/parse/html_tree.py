"""Build an HTML page's tree without losing text to depth, in slices Cancel can interrupt.

libxml2's own tree silently drops everything nested deeper than its limit (a hostile page
hides its text that way), and lxml's steps over a tree slow down with its depth (iterating
a chain of 80,000 elements took 26 s). So the page is parsed through a tree-builder target,
:class:`_DepthCap`, that never opens more than ``MAX_DEPTH`` elements: what lies deeper is
read into the element at that depth, its text, bold and paragraph breaks kept. The tag
sets here say what a tag is to the reader (a block, bold); ``reader.parse.html`` walks the tree.
"""

from __future__ import annotations

import re
from typing import Any, cast

import lxml.etree
import lxml.html

from reader.progress import checkpoint

BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)", re.IGNORECASE)
BLOCK_TAGS = frozenset({
    "p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "main", "td", "th", "tr", "table", "tbody", "thead", "dd", "dt", "dl", "pre",
    "center", "figure", "figcaption", "body", "html", "hr", "address",
})
BOLD_TAGS = frozenset({"b", "strong"})
FEED_CHARS = 1 << 19  # about 30 ms of libxml2's work per slice: Cancel waits no longer
MAX_DEPTH = 256  # elements nested deeper are read into the one at this depth


def parse_tree(text: str, notes: list[str] | None = None) -> lxml.html.HtmlElement | None:
    """Parse through a tree-builder target: libxml2's own tree silently drops everything
    nested deeper than its limit (a hostile page hides its text that way); the target
    interface receives every element, and :class:`_DepthCap` keeps the tree shallow.
    What had to be flattened is said in ``notes``."""
    if not text.strip():
        return None
    element_parser = lxml.html.HTMLParser()  # only tells the builder to make HtmlElements
    target = _DepthCap(lxml.etree.TreeBuilder(parser=element_parser))
    parser = lxml.etree.HTMLParser(  # the stubs' ParserTarget also types what XML parsers send
        target=cast("lxml.etree.ParserTarget", target),
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=True, recover=True,
    )
    try:
        # In slices: lxml encodes what it is fed to UTF-8, and one slice at a time keeps that
        # copy small instead of a second whole document; and Cancel is heard between them.
        for start in range(0, len(text), FEED_CHARS):
            checkpoint(0.25 * start / len(text))
            parser.feed(text[start:start + FEED_CHARS])
        root = parser.close()
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None
    if target.flattened and notes is not None:
        notes.append(f"the page nests elements more than {MAX_DEPTH} levels deep; "
                     f"{target.flattened:,} deeper elements were read as part of the one above them")
    return root if isinstance(root, lxml.html.HtmlElement) else None


_BLOCK, _BOLD, _LINK = 1, 2, 4  # what an element flattened by _DepthCap was


class _DepthCap:
    """A parser target between libxml2 and the tree builder: at most ``MAX_DEPTH`` open elements.

    An element that would open deeper is not built. Its text goes to the element at the
    cap; if it (or another flattened element around the text) is bold or a link, the text
    is wrapped in a ``<b>`` or ``<a>`` there; a flattened block (``<p>``, ``<div>``…) or
    ``<br>`` that starts or ends between two pieces of text leaves an empty ``<div>`` or
    ``<br>`` between them, so paragraph breaks stay where they were. One byte per flattened
    level and one empty element per break, however deep the page goes.
    """

    __slots__ = ("_beyond", "_bold", "_break", "_builder", "_depth", "_link", "flattened")

    def __init__(self, builder: lxml.etree.TreeBuilder) -> None:
        self._builder = builder
        self._depth = 0
        self._beyond = bytearray()  # flags of each open element past the cap
        self._bold = 0
        self._link = 0
        self._break = ""  # "div" or "br": a break is due before the next text
        self.flattened = 0

    def start(self, tag: str, attrib: dict[Any, Any]) -> None:  # str keys and values from HTML
        if not self._beyond and self._depth < MAX_DEPTH:
            self._depth += 1
            self._builder.start(tag, attrib)
            return
        self.flattened += 1
        style = attrib.get("style")
        flags = ((_BLOCK if tag in BLOCK_TAGS or tag == "br" else 0)
                 | (_BOLD if tag in BOLD_TAGS or (style and BOLD_STYLE.search(style)) else 0)
                 | (_LINK if tag == "a" else 0))
        self._beyond.append(flags)
        self._bold += bool(flags & _BOLD)
        self._link += bool(flags & _LINK)
        if flags & _BLOCK:
            self._due("br" if tag == "br" else "div")

    def end(self, tag: str) -> None:
        if not self._beyond:
            self._flush_break()
            self._depth -= 1
            self._builder.end(tag)
            return
        flags = self._beyond.pop()
        self._bold -= bool(flags & _BOLD)
        self._link -= bool(flags & _LINK)
        if flags & _BLOCK and tag != "br":
            self._due("div")
        if not self._beyond:
            self._flush_break()

    def data(self, data: str) -> None:
        if self._break and not data.isspace():
            self._flush_break()
        if not (self._bold or self._link):
            self._builder.data(data)
            return
        wrappers = [tag for tag, on in (("a", self._link), ("b", self._bold)) if on]
        for tag in wrappers:
            self._builder.start(tag, {})
        self._builder.data(data)
        for tag in reversed(wrappers):
            self._builder.end(tag)

    def close(self) -> lxml.etree._Element:
        return self._builder.close()

    def _due(self, tag: str) -> None:
        if self._break != "div":  # a paragraph break covers a line break
            self._break = tag

    def _flush_break(self) -> None:
        if self._break:
            self._builder.start(self._break, {})
            self._builder.end(self._break)
            self._break = ""
