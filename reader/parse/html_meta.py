"""An HTML page's meta: title, date, author, address, as the site's head and byline give them."""

from __future__ import annotations

import html
import re

import lxml.html

from reader.model import Meta
from reader.progress import checkpoint
from reader.text.dates import normalize_date

CHECK_EVERY = 4096  # elements between two cancel checks in a walk over the tree

# Class or id words of the element that carries a page's publication date in its byline.
DATED_ELEMENT_NAME = re.compile(r"time|date|pubtime|publish")
MAX_DATED_ELEMENT_TEXT = 80
DATE_META_NAMES = (
    "article:published_time", "og:release_date", "pubdate", "publishdate", "publish_date",
    "firstpublishedtime", "dc.date", "dc.date.issued", "date", "weibo:article:create_at",
)


# An entity left in text already unescaped once (``&nbsp;`` from ``&amp;nbsp;``).
ESCAPED_TWICE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def _dated_element(root: lxml.html.HtmlElement) -> str | None:
    """The date of a page that states it only in its byline: the first short element whose
    class or id names a time or date (``<p class="time">2024-10-09 19:43</p>``,
    ``<span id="pubtime">``), as government and news sites write it."""
    for count, el in enumerate(root.iter()):
        if not count % CHECK_EVERY:
            checkpoint(0.25)  # every element of the page: a tenth of a second on 16 MB
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
            title = squash(h1.text_content())
            if title:
                break
    if not title:
        for el in root.iter("title"):
            title = without_site_name(squash(el.text_content()))
            break
    if title and ESCAPED_TWICE.search(title):
        title = squash(html.unescape(title))  # <title>读书&amp;nbsp;是…</title>: the site escaped it twice
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


# A page's <title> after the headline: its section and site (``…举行新闻发布会_滚动新闻_中国政府网``,
# ``… - 新华网``, ``… | 国务院新闻办公室``).
TITLE_PARTS = re.compile(r"\s*_\s*|\s+[-|–]\s+|\s*[|｜]\s*")
MAX_SITE_PART = 14
MIN_HEADLINE = 6


def without_site_name(title: str) -> str:
    """The headline of a <title> that appends its section and site name, or the title."""
    head, *rest = TITLE_PARTS.split(title)
    if rest and len(head) >= MIN_HEADLINE and all(
            0 < len(part) <= MAX_SITE_PART and SITE_NAME.search(part) and not TITLE_SEQUEL.search(part)
            for part in rest):
        return head
    return title


# What a site's or a section's name holds (中国政府网, 滚动新闻, 新华网, GovHK, xinhuanet.com);
# a headline's own tail (第3场, Part 2, （上）, 一季度经济数据) holds none of it, or a sequel.
SITE_NAME = re.compile(
    r"网|網|频道|頻道|政府|新闻|新聞|日报|日報|时报|時報|电视|電視|在线|在線|门户|中心|首页"
    r"|\.com|\.cn|\.hk|\.gov|GovHK|Xinhua|News|Daily|Times|Post|Online|Portal", re.IGNORECASE)
TITLE_SEQUEL = re.compile(r"第.{1,4}[场期次部集]|Part \d|[（(][上中下一二三四五六七八九十\d][）)]")


def squash(text: str) -> str:
    return " ".join(text.split())
