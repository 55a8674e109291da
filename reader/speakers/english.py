"""English labels and introductions: the Foreign Ministry's and the State Council's English
transcripts, and any briefing written in English.

Their askers are outlets (``AFP:``, ``Phoenix TV:``, ``Yonhap News Agency:``), a reporter's
second question is ``Follow-up:``, and the title or the lead introduces the spokesperson
with a capitalised title before the name (``Foreign Ministry Spokesperson Mao Ning's
Regular Press Conference``). The Chinese forms of the same things live in
``reader.speakers.labels`` and ``reader.speakers.introductions``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Last words of an outlet's English name: ``Phoenix TV``, ``Kyodo News``, ``China Daily``.
OUTLET_LAST_WORDS = frozenset({
    "TV", "Television", "News", "Daily", "Times", "Post", "Agency", "Press", "Radio", "Journal",
    "Herald", "Tribune", "Network", "Media", "Broadcasting", "Broadcaster", "Magazine", "Weekly",
    "Channel", "Gazette", "Telegraph", "Newspaper", "Newsweek", "Economist", "Chronicle", "Monitor",
    "Wire", "Reuters", "Bloomberg", "Xinhua", "Caixin",
})
#: Words before the last that make an outlet of an otherwise ordinary one: China News Service,
#: Hubei Media Group, Korean Broadcasting System.
OUTLET_MIDDLE_WORDS = frozenset({"News", "Media", "Broadcasting", "Press", "Radio", "TV", "Television"})
OUTLET_TAIL_AFTER_MIDDLE = frozenset({"Service", "Group", "System", "Corporation", "Company", "Network",
                                      "Center", "Centre", "Online", "Agency"})
#: Outlets whose names end in none of those words.
KNOWN_ENGLISH_OUTLETS = frozenset({
    "reuters", "bloomberg", "afp", "ap", "xinhua", "cgtn", "cctv", "cnn", "bbc", "nhk", "kbs", "mbc",
    "sbs", "nikkei", "kyodo", "jiji", "asahi", "yomiuri", "mainichi", "tass", "sputnik", "ria novosti",
    "izvestia", "al jazeera", "al arabiya", "efe", "ansa", "lusa", "anadolu", "bernama", "antara",
    "yonhap", "caixin", "the paper", "phoenix", "politico", "axios", "semafor", "prensa latina",
    "dow jones", "dpa", "deutsche welle", "le monde", "le figaro", "der spiegel", "el país", "el pais",
    "rt", "nbc", "abc", "cbs", "npr", "fox", "rthk", "tvb", "now tv", "cable tv", "i-cable", "shine",
    "sixth tone", "the economist", "financial times", "the guardian", "the hindu", "straits times",
})
OUTLET_WORD = re.compile(r"[A-Z][A-Za-z'’.&-]*|of|the|and|de|&")

#: ``Follow-up:`` (or ``Follow up question:``): the reporter who asked last asks again.
ENGLISH_FOLLOW_UPS = frozenset({"follow-up", "follow up", "followup", "follow-up question",
                                "follow up question", "follow-up questions", "another question",
                                "second question"})

#: Titles an English introduction puts right before a name (``Spokesperson Mao Ning``).
ENGLISH_TITLE_WORDS = frozenset({
    "Spokesperson", "Spokesman", "Spokeswoman", "Minister", "Premier", "President", "Chairman",
    "Chairwoman", "Chair", "Director", "Director-General", "Commissioner", "Secretary", "Governor",
    "Mayor", "Ambassador", "Administrator", "Chief", "Officer", "Executive", "Counselor", "Counsellor",
    "Envoy", "Representative", "Consul", "Consul-General", "General", "Head", "Statistician",
    "Economist", "Councilor", "Councillor", "Commander", "Auditor-General", "Procurator-General",
})
# Words an English title is made of: capitalised words and the small words that join them
# (Minister of Commerce, Secretary for Security, Director of the Information Department).
_TITLE_JOINERS = frozenset({"of", "for", "and", "the", "on", "in", "at", "de"})
_TITLE_WORD = re.compile(r"[A-Z][A-Za-z'’.-]*$|(?:of|for|and|the|on|in|at|de)$")
#: How far before a name an English introduction's title may start.
MAX_TITLE_WORDS = 12


def english_outlet(label: str) -> str | None:
    """The outlet an English label names (``Phoenix TV``, ``AFP``, ``The Paper``), or None.

    A label of capitalised words whose last word names a kind of outlet (TV, News, Daily,
    Agency…), or one of the outlets known by a bare name (Reuters, Nikkei, Al Jazeera)."""
    text = " ".join(label.split())
    if not text or not all(ord(ch) < 0x250 for ch in text):  # Latin script only
        return None
    if text.lower() in KNOWN_ENGLISH_OUTLETS:
        return text
    words = text.split(" ")
    if len(words) < 2 or len(words) > 7 or not all(OUTLET_WORD.fullmatch(w) for w in words):
        return None
    last = words[-1]
    if last in OUTLET_LAST_WORDS:
        return text
    if last in OUTLET_TAIL_AFTER_MIDDLE and any(w in OUTLET_MIDDLE_WORDS for w in words[:-1]):
        return text
    return None


def is_english_follow_up(label: str) -> bool:
    """``Follow-up:``, ``Follow up question:``: a reporter's next question."""
    return " ".join(label.split()).lower().rstrip(".") in ENGLISH_FOLLOW_UPS


def english_title_before(before: str) -> str | None:
    """The English title written right before a name: for ``…Foreign Ministry Spokesperson``
    (the text before ``Mao Ning``), ``Foreign Ministry Spokesperson``; for ``…Vice Minister
    of Commerce``, that. None when the capitalised words before the name hold no title
    word. The title starts at its first capitalised word."""
    taken: list[str] = []
    for word in reversed(before.rstrip().split(" ")):
        if len(taken) >= MAX_TITLE_WORDS or not _TITLE_WORD.match(word) or word.endswith((".", ",")):
            break
        taken.append(word)
    while taken and taken[-1] in _TITLE_JOINERS:  # the title starts with a capitalised word
        taken.pop()
    if taken and taken[-1] == "The":
        taken.pop()
    if not taken or taken[0] in _TITLE_JOINERS or not ENGLISH_TITLE_WORDS.intersection(taken):
        return None
    return " ".join(reversed(taken))


def english_roles_from_introductions(texts: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """Roles that English introductions give names written in Latin letters:
    ``Foreign Ministry Spokesperson Mao Ning's Regular Press Conference`` gives ``Mao Ning``
    the role ``Foreign Ministry Spokesperson``. The first introduction of each name counts."""
    wanted = sorted({n for n in names if n.isascii() and " " in n.strip()}, key=len, reverse=True)
    found: dict[str, str] = {}
    if not wanted:
        return found
    pattern = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in wanted) + r")(?![a-z])")
    for text in texts:
        for match in pattern.finditer(text):
            name = match.group()
            if name in found:
                continue
            title = english_title_before(text[max(0, match.start() - 200):match.start()])
            if title is not None:
                found[name] = title
        if len(found) == len(wanted):
            break
    return found
