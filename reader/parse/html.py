"""HTML pages and fragments: find the article body and read it into styled blocks.

Pages saved from news and government sites carry navigation, scripts, share and QR-code
blocks, ads and comment threads around the article. We drop what is never text
(scripts, styles, frames, forms), drop containers whose class or id names them as page
chrome, then keep the element whose paragraphs hold the most text (the readability
heuristic), climbing to its parent while that adds real paragraphs (articles split over
sibling containers). Nothing is fetched: the parser runs with ``no_network``, and images,
links and styles are never followed.

The walk is iterative (``lxml.etree.iterwalk``), so 10,000 nested elements cannot
exhaust the Python stack; and the tree is never built deeper than ``MAX_DEPTH``: lxml's
own steps over a tree slow down with its depth (iterating a chain of 80,000 elements took
26 s), so elements nested deeper are read into the element at that depth, their text, bold
and paragraph breaks kept (see ``reader.parse.html_tree``), with a warning; the page's meta
is ``reader.parse.html_meta``'s.

Removing page chrome never removes the content: what is dropped is planned first, from
one pass that measures the text under each candidate, and a candidate holding much of the
page's text (a ``<form>`` or ``<header>`` wrapping the article, an unclosed ``<embed>``
that libxml2 makes the parent of everything after it) stays; so does the whole body when
the readability step would keep only a small part of its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.etree
import lxml.html

from reader.model import Meta
from reader.parse.blocks import Block, BlockBuilder, BlockKind, SourceDocument
from reader.parse.html_meta import page_meta
from reader.parse.html_tree import BLOCK_TAGS, BOLD_STYLE, BOLD_TAGS, parse_tree
from reader.progress import checkpoint

XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
# What an XML tree cannot hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF), raw or
# as a character reference (&#12;, &#xFFFF;): lxml refuses any string holding one, and with it
# the whole document. A form feed (a page break pasted from a PDF) is the usual culprit.
XML_INVALID_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XML_INVALID_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01]|6553[45])|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF]));"
)
CLASS_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
# Class or id tokens that name page chrome (share bars, QR codes, ads, comments, menus).
CHROME_TOKEN = re.compile(
    r"^(?:share\w*|\w*qr(?:code)?\w*|erweima\w*|ads?|adv|advert\w*|guanggao|banner\w*|"
    r"comments?|comment(?:list|box|area)|breadcrumbs?|crumbs?|nav|navbar|navigation|menu\w*|"
    r"sidebar|footer|foot|related\w*|recommend\w*|toolbar|social\w*|copyright|print|login|"
    r"topbar|pagination|pager|hotnews|hot)$"
)
# Never shown as text: dropped wherever they are (libxml2 reads a script's or a style's
# content as raw text, so an unclosed one has taken the rest of the page, as in a browser).
INVISIBLE_TAGS = ("script", "style", "template", "link", "meta")
# Page furniture, dropped unless it holds much of the page's text: an unclosed <embed>,
# <audio> or <button> becomes the parent of everything after it, and sites wrap articles
# in <form> or <header>.
JUNK_TAGS = frozenset({
    "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
    "svg", "math", "canvas", "form", "button", "input", "select", "textarea",
    "nav", "aside", "footer", "header", "audio", "video", "source", "track",
    "map", "title",
})
# Not "head" itself: libxml2's HTML 4 parser leaves HTML 5 elements met in head mode inside
# <head> (a fragment such as ``<script>…</script><article>…``), the whole article with them;
# head's own children (title, meta, link, style, script) are junk tags already.
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
PARAGRAPH_TAGS = ("p", "blockquote", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6")
MIN_PARAGRAPH = 25
SIBLING_SHARE = 0.3
MAX_CLIMB = 4
MAX_CHROME_SHARE = 0.3  # an element holding this share of the page's text is not chrome
MAX_DROPPED_SHARE = 0.5  # nor is everything together: the smallest go first, up to this share
MIN_ARTICLE_SHARE = 0.3  # an article holding less of the body's text than this is the body
CHECK_EVERY = 4096  # elements between two cancel checks in a walk over the tree

def read_html(text: str, *, whole_page: bool = True) -> SourceDocument:
    """Read an HTML page (or a fragment, whose wrapper is the body) into blocks and meta."""
    text = XML_DECLARATION.sub("", text, count=1)
    text = XML_INVALID_CHAR.sub("\n", XML_INVALID_REFERENCE.sub("\n", text))  # joins as a wrap does
    notes: list[str] = []
    root = parse_tree(text, notes)
    if root is None:
        return SourceDocument("html", Meta(), ())
    checkpoint(0.25)  # shares of the reading stage, as measured on a large page
    meta = page_meta(root) if whole_page else Meta()
    _drop_junk(root)
    _drop_chrome(root)
    checkpoint(0.3)
    body = _article_body(root)
    builder = BlockBuilder()
    _walk(body, builder, expected_events=2 * max(1, text.count("<")))
    builder.end_block()
    return SourceDocument("html", meta, tuple(builder.blocks), warnings=tuple(notes))


def html_fragment_blocks(text: str) -> list[Block]:
    """The blocks of a piece of HTML written inside another format (a ``<figure>`` in a
    Markdown post): all of it, with no search for an article body and no page meta."""
    root = parse_tree(text)
    if root is None:
        return []
    _drop_junk(root)
    body = root.find("body")
    builder = BlockBuilder()
    _walk(root if body is None else body, builder)
    builder.end_block()
    return builder.blocks


def _drop_junk(root: lxml.html.HtmlElement) -> None:
    """Drop what is never shown as text (scripts, styles); page furniture is :func:`_drop_chrome`'s."""
    for el in list(root.iter(*INVISIBLE_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()


def _drop_chrome(root: lxml.html.HtmlElement) -> None:
    """Drop page furniture (junk tags) and containers whose class or id names them as chrome,
    smallest first, as long as each holds little of the page's text and all of them together
    not too much of it: chrome removal must never remove the article."""
    candidates, total = _chrome_candidates(root)
    budget = total * MAX_DROPPED_SHARE
    dropped = 0
    # Ascending by length, and in document order (innermost first) among equals: an element
    # met later is never inside one dropped before it.
    for count, (length, _order, el) in enumerate(sorted(candidates, key=lambda c: (c[0], c[1]))):
        if not count % CHECK_EVERY:
            checkpoint(0.3)
        if length >= total * MAX_CHROME_SHARE or dropped + length > budget:
            break
        if el.getparent() is not None:
            el.drop_tree()
            dropped += length


def _is_chrome(el: lxml.html.HtmlElement) -> bool:
    if el.tag in JUNK_TAGS:
        return True
    names = el.get("class"), el.get("id")
    if names == (None, None):
        return False
    tokens = CLASS_TOKEN_SPLIT.split(f"{names[0] or ''} {names[1] or ''}".lower())
    return any(CHROME_TOKEN.match(token) for token in tokens if token)


_Candidate = tuple[int, int, lxml.html.HtmlElement]  # text length, order met, element


def _chrome_candidates(root: lxml.html.HtmlElement) -> tuple[list[_Candidate], int]:
    """(text length, order, element) of each chrome candidate, and the page's text length.

    One walk over the tree: an element's text is counted when it ends, from what its
    children added, so the cost is linear (asking libxml2's XPath for every element with a
    class or id, then each one's ``text_content``, took 45 s on a 16 MB page).
    """
    candidates: list[_Candidate] = []
    open_lengths = [0]
    for count, (event, el) in enumerate(lxml.etree.iterwalk(root, events=("start", "end"))):
        if not count % CHECK_EVERY:
            checkpoint(0.25 + 0.05 * min(1.0, count / CHECK_EVERY / 1000))
        if event == "start":
            open_lengths.append(_chars(el.text))
            continue
        length = open_lengths.pop()
        if el is not root and isinstance(el.tag, str) and _is_chrome(el):
            candidates.append((length, len(candidates), el))
        open_lengths[-1] += length + _chars(el.tail)
    return candidates, open_lengths[0]


def _chars(text: str | None) -> int:
    return len(text.strip()) if text else 0


def _article_body(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the article (the readability heuristic), or the body when that
    element would hold far less than the body's text (speech in short paragraphs scores
    nothing, and a long notice beside it would be taken for the article)."""
    scores: dict[lxml.html.HtmlElement, float] = {}
    for count, el in enumerate(root.iter(*PARAGRAPH_TAGS, "div", "td")):
        if not count % CHECK_EVERY:
            checkpoint(0.3)
        if el.tag in ("div", "td"):
            length = len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
        else:
            length = len(el.text_content().strip())
        if length < MIN_PARAGRAPH:
            continue
        parent = el.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + length
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + length / 2
    body = root.find("body")
    whole = body if body is not None else root
    if not scores:
        return whole
    best = max(scores, key=scores.__getitem__)
    held = _paragraph_text(best)
    for _ in range(MAX_CLIMB):
        parent = best.getparent()
        if parent is None or parent.tag == "html":
            break
        # Widen to the parent only for a sibling that is itself a good part of the article
        # (a page split over sections), not for a footer's worth of link lists.
        siblings = [_paragraph_text(child) for child in parent if child is not best]
        if not siblings or max(siblings) < held * SIBLING_SHARE:
            break
        best, held = parent, held + sum(siblings)
    if best is not whole and _text_length(best) < MIN_ARTICLE_SHARE * _text_length(whole):
        return whole
    return best


def _text_length(el: lxml.html.HtmlElement) -> int:
    length = 0
    for count, piece in enumerate(el.itertext()):
        if not count % CHECK_EVERY:
            checkpoint(0.3)
        length += _chars(piece)
    return length


def _paragraph_text(el: lxml.html.HtmlElement) -> int:
    held = 0
    for count, p in enumerate(el.iter(*PARAGRAPH_TAGS)):
        if not count % CHECK_EVERY:
            checkpoint(0.3)  # the article's paragraphs: all of a large page
        n = len(p.text_content().strip())
        held += n if n >= MIN_PARAGRAPH else 0
    return held


def _is_bold(el: lxml.html.HtmlElement) -> bool:
    if el.tag in BOLD_TAGS:
        return True
    style = el.get("style")
    return bool(style and BOLD_STYLE.search(style))


def _walk(body: lxml.html.HtmlElement, builder: BlockBuilder, expected_events: int = 0) -> None:
    """Feed the body's text to ``builder`` in document order, tracking bold, links and blocks.

    ``expected_events``: about how many start and end events the walk will see (twice the
    page's tags), to report how far it got.
    """
    kinds: list[BlockKind] = ["p"]
    bold = 0
    link = 0
    quote = 0
    flags: list[tuple[bool, bool, bool]] = []  # per open element: was it bold, a link, a quote
    for count, (event, el) in enumerate(_events(body)):
        if not count % 4096:
            # A large page walks for seconds: Cancel must not wait for the end.
            checkpoint(0.4 + 0.6 * min(1.0, count / expected_events) if expected_events else 0.4)
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            is_bold, is_link, is_quote = _is_bold(el), tag == "a", tag == "blockquote"
            flags.append((is_bold, is_link, is_quote))
            bold += is_bold
            link += is_link
            quote += is_quote
            if tag == "br":
                builder.line_break()
            elif tag in BLOCK_TAGS:
                builder.end_block(kinds[-1])
                kinds.append("caption" if kinds[-1] == "caption" else _kind(tag, quote))
            builder.add(el.text or "", bold=bold > 0, link=link > 0)
            continue
        is_bold, is_link, is_quote = flags.pop()
        bold -= is_bold
        link -= is_link
        quote -= is_quote
        if tag in BLOCK_TAGS and tag != "br":
            builder.end_block(kinds.pop())
        if el is not body:
            builder.add(el.tail or "", bold=bold > 0, link=link > 0)


def _kind(tag: str, quote: int) -> BlockKind:
    if tag == "figcaption":
        return "caption"
    if tag in HEADING_TAGS:
        return "heading"
    if quote:
        return "quote"
    if tag == "li":
        return "item"
    return "p"


def _events(body: lxml.html.HtmlElement) -> Iterator[tuple[str, lxml.html.HtmlElement]]:
    yield from lxml.etree.iterwalk(body, events=("start", "end"))
