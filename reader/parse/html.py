"""HTML pages and fragments: find the article body and read it into styled blocks.

Pages saved from news and government sites carry navigation, scripts, share and QR-code
blocks, ads and comment threads around the article. We drop what is never text
(scripts, styles, frames, forms), drop containers whose class or id names them as page
chrome, then keep the element whose paragraphs hold the most text (the readability
heuristic), climbing to its parent while that adds real paragraphs (articles split over
sibling containers). Nothing is fetched: the parser runs with ``no_network``, and images,
links and styles are never followed.

The walk is iterative (``lxml.etree.iterwalk``), so 10,000 nested elements cannot
exhaust the Python stack.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import lxml.etree
import lxml.html

from reader.model import Meta
from reader.parse.blocks import Block, BlockBuilder, BlockKind, SourceDocument
from reader.progress import checkpoint
from reader.text.dates import normalize_date

XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
# What an XML tree cannot hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF), raw or
# as a character reference (&#12;, &#xFFFF;): lxml refuses any string holding one, and with it
# the whole document. A form feed (a page break pasted from a PDF) is the usual culprit.
XML_INVALID_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XML_INVALID_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01]|6553[45])|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF]));"
)
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)", re.IGNORECASE)
CLASS_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
# Class or id tokens that name page chrome (share bars, QR codes, ads, comments, menus).
CHROME_TOKEN = re.compile(
    r"^(?:share\w*|\w*qr(?:code)?\w*|erweima\w*|ads?|adv|advert\w*|guanggao|banner\w*|"
    r"comments?|comment(?:list|box|area)|breadcrumbs?|crumbs?|nav|navbar|navigation|menu\w*|"
    r"sidebar|footer|foot|related\w*|recommend\w*|toolbar|social\w*|copyright|print|login|"
    r"topbar|pagination|pager|hotnews|hot)$"
)
JUNK_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
    "template", "svg", "math", "canvas", "form", "button", "input", "select", "textarea",
    "nav", "aside", "footer", "header", "link", "meta", "audio", "video", "source", "track",
    "map", "title",
)
# Not "head" itself: libxml2's HTML 4 parser leaves HTML 5 elements met in head mode inside
# <head> (a fragment such as ``<script>…</script><article>…``), the whole article with them;
# head's own children (title, meta, link, style, script) are junk tags already.
BLOCK_TAGS = frozenset({
    "p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "main", "td", "th", "tr", "table", "tbody", "thead", "dd", "dt", "dl", "pre",
    "center", "figure", "figcaption", "body", "html", "hr", "address",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BOLD_TAGS = frozenset({"b", "strong"})
PARAGRAPH_TAGS = ("p", "blockquote", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6")
MIN_PARAGRAPH = 25
SIBLING_SHARE = 0.3
FEED_CHARS = 1 << 20
MAX_CLIMB = 4
MAX_CHROME_SHARE = 0.3

# Class or id words of the element that carries a page's publication date in its byline.
DATED_ELEMENT_NAME = re.compile(r"time|date|pubtime|publish")
MAX_DATED_ELEMENT_TEXT = 80
DATE_META_NAMES = (
    "article:published_time", "og:release_date", "pubdate", "publishdate", "publish_date",
    "firstpublishedtime", "dc.date", "dc.date.issued", "date", "weibo:article:create_at",
)


# An entity left in text already unescaped once (``&nbsp;`` from ``&amp;nbsp;``).
ESCAPED_TWICE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def read_html(text: str, *, whole_page: bool = True) -> SourceDocument:
    """Read an HTML page (or a fragment, whose wrapper is the body) into blocks and meta."""
    text = XML_DECLARATION.sub("", text, count=1)
    text = XML_INVALID_CHAR.sub("\n", XML_INVALID_REFERENCE.sub("\n", text))  # joins as a wrap does
    root = _parse(text)
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
    return SourceDocument("html", meta, tuple(builder.blocks))


def html_fragment_blocks(text: str) -> list[Block]:
    """The blocks of a piece of HTML written inside another format (a ``<figure>`` in a
    Markdown post): all of it, with no search for an article body and no page meta."""
    root = _parse(text)
    if root is None:
        return []
    _drop_junk(root)
    body = root.find("body")
    builder = BlockBuilder()
    _walk(root if body is None else body, builder)
    builder.end_block()
    return builder.blocks


def _parse(text: str) -> lxml.html.HtmlElement | None:
    """Parse through a tree-builder target: libxml2's own tree silently drops everything
    nested deeper than its limit (a hostile page hides its text that way); the target
    interface receives every element."""
    if not text.strip():
        return None
    element_parser = lxml.html.HTMLParser()  # only tells the builder to make HtmlElements
    builder = lxml.etree.TreeBuilder(parser=element_parser)
    parser = lxml.etree.HTMLParser(
        target=builder, remove_comments=True, remove_pis=True, no_network=True, huge_tree=True, recover=True,
    )
    try:
        # In slices: lxml encodes what it is fed to UTF-8, and one slice at a time keeps that
        # copy small instead of a second whole document.
        for start in range(0, len(text), FEED_CHARS):
            parser.feed(text[start:start + FEED_CHARS])
        root = parser.close()
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None
    return root if isinstance(root, lxml.html.HtmlElement) else None


def _dated_element(root: lxml.html.HtmlElement) -> str | None:
    """The date of a page that states it only in its byline: the first short element whose
    class or id names a time or date (``<p class="time">2024-10-09 19:43</p>``,
    ``<span id="pubtime">``), as government and news sites write it."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if not DATED_ELEMENT_NAME.search(names):
            continue
        content = el.text_content()
        if len(content) <= MAX_DATED_ELEMENT_TEXT:
            date = normalize_date(content)
            if date:
                return date
    return None


def page_meta(root: lxml.html.HtmlElement) -> Meta:
    """Title, date, author and address from the page head, where the site gives them."""
    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value
    title = metas.get("og:title")
    if not title:
        for h1 in root.iter("h1"):
            title = _squash(h1.text_content())
            if title:
                break
    if not title:
        for el in root.iter("title"):
            title = _squash(el.text_content())
            break
    if title and ESCAPED_TWICE.search(title):
        title = _squash(html.unescape(title))  # <title>读书&amp;nbsp;是…</title>: the site escaped it twice
    date = None
    for name in DATE_META_NAMES:
        if name in metas:
            date = normalize_date(metas[name])
            if date:
                break
    if not date:
        for el in root.iter("time"):
            date = normalize_date(el.get("datetime") or el.text_content())
            if date:
                break
    if not date:
        date = _dated_element(root)
    url = metas.get("og:url")
    if not url:
        for el in root.iter("link"):
            if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
                url = el.get("href")
                break
    author = metas.get("author") or metas.get("article:author") or None
    section = metas.get("article:section")
    return Meta(title=title or None, date=date, author=author,
                categories=(section,) if section else (), url=url or None)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _drop_junk(root: lxml.html.HtmlElement) -> None:
    for el in list(root.iter(*JUNK_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()


def _drop_chrome(root: lxml.html.HtmlElement) -> None:
    total = 0
    for el in root.xpath("//*[@class or @id]"):
        if el.getparent() is None:
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        tokens = CLASS_TOKEN_SPLIT.split(names.lower())
        if any(CHROME_TOKEN.match(token) for token in tokens if token):
            # A wrapper that holds much of the page is not chrome, whatever it is called.
            total = total or sum(len(piece) for piece in root.itertext()) or 1
            if len(el.text_content()) < total * MAX_CHROME_SHARE:
                el.drop_tree()


def _article_body(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    scores: dict[lxml.html.HtmlElement, float] = {}
    for count, el in enumerate(root.iter(*PARAGRAPH_TAGS, "div", "td")):
        if not count % 4096:
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
    if not scores:
        return body if body is not None else root
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
    return best


def _paragraph_text(el: lxml.html.HtmlElement) -> int:
    return sum(
        n for n in (len(p.text_content().strip()) for p in el.iter(*PARAGRAPH_TAGS)) if n >= MIN_PARAGRAPH
    )


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
