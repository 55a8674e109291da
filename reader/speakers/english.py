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

from reader.model import SpeakerKind

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
    "voice of america", "voa", "times of india", "prasar bharati", "tv asahi", "abc australia",
    "asahi shimbun", "nikkei asia", "agence france-presse", "scmp", "cna", "channel news asia",
    "ming pao", "ta kung pao", "wen wei po", "nhk world", "radio free asia", "daily mail", "the standard",
    "cnbc", "sing tao", "oriental daily", "hk01", "i-cable news", "tvb news", "mediacorp",
    "bangladesh sangbad sangstha", "tv brics", "la prensa", "kompas", "the nation",
})
OUTLET_WORD = re.compile(r"[A-Z0-9][A-Za-z0-9'’.&-]*|of|the|and|de|&")
#: First words that make a heading of a name ending in an outlet word: Latest News, Key
#: Times, Social Media, Road Network. An outlet's own name starts with a proper noun.
NOT_OUTLET_FIRST_WORDS = frozenset({
    "Latest", "Breaking", "Good", "Bad", "Key", "Opening", "Closing", "Related", "Social", "Local",
    "World", "Business", "Sports", "Top", "More", "Other", "Recent", "Fake", "Big", "Main", "Important",
    "Hot", "Today's", "Today", "Morning", "Evening", "Night", "Best", "Further", "Special", "Road",
    "Rail", "Service", "Customer", "Mass", "Digital", "New", "Old", "Office", "Working", "Peak",
    "Travel", "Great", "Major", "Headline", "Weekly", "Daily", "Meeting", "Release", "Joint", "Foreign",
    "Domestic", "International", "Economic", "Financial", "Our", "Your", "My", "This",
    "That", "These", "Those", "All", "Some", "Any", "No", "Public", "Official", "Emily",
})

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
    "Controller", "Comptroller", "Registrar", "Ombudsman", "Superintendent",
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
    if words[0] in NOT_OUTLET_FIRST_WORDS or words[0].upper() == words[0] == "THE":
        return None
    last = words[-1]
    if last in OUTLET_LAST_WORDS:
        return text
    if last in OUTLET_TAIL_AFTER_MIDDLE and any(w in OUTLET_MIDDLE_WORDS for w in words[:-1]):
        return text
    return None


#: An English record's office in capitals is longer than a label may be (SECRETARY FOR
#: FINANCIAL SERVICES AND THE TREASURY: 43 letters without its spaces).
MAX_CAPITALS_LABEL = 64


def english_asker(label: str) -> tuple[str, str | None, str | None] | None:
    """(name, role, organization) of an English label that asks: an outlet (``Phoenix TV``,
    its own organization) or a follow-up (``Follow-up``, resolved to the last asker later)."""
    outlet = english_outlet(label)
    if outlet is not None:
        return outlet, None, outlet
    if is_english_follow_up(label) or " ".join(label.split()).lower().rstrip(".") in ENGLISH_ASKERS:
        return " ".join(label.split()), None, None
    return None


#: Labels that name nobody but ask, as ``记者：`` does: a Hong Kong government transcript's
#: ``Reporter:`` (one speaker, a reporter, as ``记者`` is).
ENGLISH_ASKERS = frozenset({"reporter", "reporters", "journalist", "question", "media", "press"})


def english_speaker(label: str) -> tuple[str, str | None, str | None, SpeakerKind | None] | None:
    """(name, role, organization, kind) of an English label the words alone explain: an asker
    (:func:`english_asker`, a reporter) or a title and a name (:func:`english_titled_name`,
    kind from the conversation)."""
    asker = english_asker(label)
    if asker is not None:
        return (*asker, "reporter")
    if not label.isascii():
        return None
    titled = english_titled_name(label)
    if titled is not None:
        return titled[0], titled[1], english_organization(titled[1]), None
    office = english_office(label)
    if office is not None:
        return office, office, english_organization(office), None
    return None


#: Single title words that are a chair's label (``Chairman:``), for ``english_label``.
_CHAIR_WORDS = frozenset({"President", "Chairman", "Chairwoman", "Chair"})


def english_office(label: str) -> str | None:
    """An office written in title case and naming no one (``Secretary for Security``,
    ``Chief Secretary for Administration``, ``Commissioner of Police``), as Hong Kong
    government transcripts label their officials: the office is the speaker and its role.
    Capitals (``SECRETARY FOR SECURITY``) are a Legislative Council record's, read by
    ``english_label``; a chair's single word hosts there too."""
    written = " ".join(label.split())
    label = _TRAILING_PART.sub("", written)  # Permanent Secretary for Food and Health (Health)
    words = [w.rstrip(",") for w in label.split()]  # Secretary for Culture, Sports and Tourism
    if not words or len(words) > MAX_TITLE_WORDS or label.isupper() or words[0] in _TITLE_JOINERS:
        return None
    if len(words) == 1 and words[0] in _CHAIR_WORDS:
        return None
    if words[-1] in _TITLE_JOINERS or not ENGLISH_TITLE_WORDS.intersection(words):
        return None
    if any(not _TITLE_WORD.match(w) or w in NOT_TITLE_WORDS or w.endswith(("'s", "’s", ".", ","))
           for w in words):
        return None
    return written


#: An office's part in brackets after it: ``(Health)`` of a Permanent Secretary's.
_TRAILING_PART = re.compile(r"\s*\([A-Z][A-Za-z ]{1,30}\)$")


def is_english_follow_up(label: str) -> bool:
    """``Follow-up:``, ``Follow up question:``: a reporter's next question."""
    return " ".join(label.split()).lower().rstrip(".") in ENGLISH_FOLLOW_UPS


#: Words that open or join a headline or a sentence, not a title: the title before a name
#: starts after them (``Interview With Foreign Minister``, ``Today Spokesperson``).
NOT_TITLE_WORDS = frozenset({
    "With", "By", "And", "Or", "Today", "Yesterday", "Tomorrow", "When", "While", "As", "At", "On", "In",
    "I", "We", "You", "He", "She", "They", "Thank", "Thanks", "Interview", "Remarks", "Transcript",
    "Conference", "Press", "Briefing", "Meeting", "Speech", "Statement", "Welcome", "Dear", "Says",
    "Said", "Meets", "Met", "From", "To", "For", "Of", "The", "A", "An", "After", "Before", "Also",
    "Then", "Now", "Here", "There", "Please", "Invite", "Invited", "Regular", "Report", "Work",
})
COURTESY_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Madam", "Madame", "Prof", "Professor", "Sir")
COURTESY_WORDS = frozenset({*COURTESY_TITLES, *(title + "." for title in COURTESY_TITLES)})
#: An entry of a header line that lists people: a courtesy title and a name, then a comma
#: and the title (``Ms. Shou Xiaoli, deputy director general of …``) or the line's end.
HEADER_ENTRY = re.compile(rf"(?:{'|'.join(COURTESY_TITLES)}|H\.E)\.? "
                          r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?=,|\s*$)")
#: How many capitalised words may stand before a title's first title word (Foreign Ministry
#: Spokesperson, Hong Kong Special Administrative Region Chief Executive).
MAX_TITLE_PREFIX = 6
#: Words that name a body, for a title's organization (``National Bureau of Statistics``).
BODY_WORDS = frozenset({
    "Ministry", "Bureau", "Department", "Office", "Commission", "Administration", "Council", "Committee",
    "Government", "Agency", "Bank", "Association", "Federation", "Group", "Company", "Corporation",
    "University", "Academy", "Institute", "Court", "Procuratorate", "Center", "Centre", "Authority",
    "Service", "Force", "Army", "Police", "Congress", "Assembly", "Party", "Organization", "Union",
})


def english_title_before(before: str) -> str | None:
    """The English title written right before a name: for ``…Foreign Ministry Spokesperson``
    (the text before ``Mao Ning``), ``Foreign Ministry Spokesperson``; for ``…With Vice
    Minister of Commerce``, ``Vice Minister of Commerce``. None when the capitalised words
    before the name hold no title word. The words joining a body to the title (of, for,
    the, and) belong to it only after its title word; before it, the title starts at the
    first word that opens a headline or a sentence (With, Today, Interview…)."""
    words = before.rstrip().split(" ")
    while words and words[-1] in COURTESY_WORDS:  # Chief Executive Mr John Lee
        words.pop()
    taken: list[str] = []
    titled = 0  # words taken since the leftmost title word so far
    seen_title = False
    for word in reversed(words):
        if not _TITLE_WORD.match(word) or word.endswith((".", ",")) or len(taken) >= MAX_TITLE_WORDS:
            break
        if seen_title and (word in _TITLE_JOINERS or word in NOT_TITLE_WORDS or titled >= MAX_TITLE_PREFIX):
            break
        if not seen_title and word in NOT_TITLE_WORDS and word not in _TITLE_JOINERS:
            break
        taken.append(word)
        if word in ENGLISH_TITLE_WORDS:
            seen_title, titled = True, 0
        elif seen_title:
            titled += 1
    while taken and (taken[-1] in _TITLE_JOINERS or taken[-1] in NOT_TITLE_WORDS):
        taken.pop()  # the title starts with a capitalised word of its own
    if not taken or taken[0] in _TITLE_JOINERS or not ENGLISH_TITLE_WORDS.intersection(taken):
        return None
    return " ".join(reversed(taken))


# ``Kang Yi, commissioner of the National Bureau of Statistics, …``: a title in apposition,
# up to the next comma, full stop, bracket or a verb's ``to``.
TITLE_AFTER = re.compile(
    r", (?:the )?(?P<title>[A-Za-z][A-Za-z .'’&-]{2,120}?)(?= \(|[,.;:)]| to | who | will |$)")
_TITLE_WORDS_LOWER = frozenset(w.lower() for w in ENGLISH_TITLE_WORDS) | {"director general", "head"}
TITLE_MODIFIERS = frozenset({"vice", "deputy", "assistant", "executive", "chief", "acting", "senior",
                             "former", "general", "permanent", "principal", "associate", "special"})


def english_title_opens(text: str, end: int) -> bool:
    """The words after a name and a comma open with a title (``, head of the government work
    report drafting team``): enough for a header's entry, whose title may run in lower case."""
    match = TITLE_AFTER.match(text, end)
    first = match.group("title").split(" ")[0].lower() if match else ""
    return first in _TITLE_WORDS_LOWER or first in TITLE_MODIFIERS


def _header_title(text: str, end: int) -> str | None:
    """A header entry's title in lower case (``Mr. Huang Shouhong, head of the government work
    report drafting team``): the entry's line is all title, when it opens with a title word."""
    match = TITLE_AFTER.match(text, end)
    if match is None or not english_title_opens(text, end) or text[match.end():].strip(" .;"):
        return None
    return match.group("title").strip()


def english_title_after(text: str, end: int) -> str | None:
    """The title written after a name and a comma (``Mr. Kang Yi, commissioner of the
    National Bureau of Statistics, to brief you``), as SCIO's English transcripts introduce
    their guests: its first word is a title word (or vice, deputy…), and the title one."""
    match = TITLE_AFTER.match(text, end)
    if match is None:
        return None
    title = match.group("title").strip()
    words = title.split(" ")
    if words[0].lower() not in _TITLE_WORDS_LOWER and words[0].lower() not in TITLE_MODIFIERS:
        return None
    # Every word a title's: capitalised, a joiner, a title or its modifier (not "President Xi
    # said the economy…": a sentence after the comma).
    if not all(w[:1].isupper() or w in _TITLE_JOINERS or w.lower() in _TITLE_WORDS_LOWER
               or w.lower() in TITLE_MODIFIERS for w in words):
        return None
    return title if _TITLE_WORDS_LOWER.intersection(w.lower() for w in words) else None


#: Words of the fields an office covers (Secretary for Home Affairs, for Culture, Sports and
#: Tourism): never a name's.
OFFICE_WORDS = frozenset({
    "Affairs", "Development", "Services", "Treasury", "Tourism", "Welfare", "Justice", "Security", "Health",
    "Education", "Environment", "Ecology", "Housing", "Transport", "Logistics", "Innovation", "Technology",
    "Industry", "Labour", "Labor", "Culture", "Sports", "Commerce", "Economic", "Financial", "Constitutional",
    "Mainland", "Home", "Food", "Protection", "Immigration", "Customs", "Excise", "Planning", "Lands",
    "Works", "Administration", "Trade", "Finance", "Defence", "Defense", "Youth", "Information",
})
#: A word of a name written in Latin letters: ``Mao``, ``Yuet-ngor``, ``O'Neill``.
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]*)?$")
#: Name lengths tried, most likely first: two words (Mao Ning, John Lee), three (Carrie Lam
#: Cheng), one (a surname: Chief Executive Lee).
_NAME_LENGTHS = (2, 3, 1)


def english_titled_name(label: str) -> tuple[str, str] | None:
    """(name, title) of an English label that puts the title before the name, as Chinese
    labels do (发言人毛宁): ``Spokesperson Mao Ning``, ``Foreign Ministry Spokesperson Wang
    Wenbin``, ``Secretary for Security Chris Tang``, ``Chief Executive Mr John Lee``. None when
    the words before a name are not a title as a whole (an outlet, a sentence, a name alone)."""
    words = label.split()
    for length in _NAME_LENGTHS:
        if len(words) <= length:
            continue
        name = words[-length:]
        if not all(_NAME_WORD.match(w) and w not in ENGLISH_TITLE_WORDS and w not in BODY_WORDS
                   and w not in COURTESY_WORDS and w not in NOT_TITLE_WORDS and w not in OFFICE_WORDS
                   for w in name):
            continue
        before = words[:-length]
        courtesy = bool(before) and before[-1] in COURTESY_WORDS
        while before and before[-1] in COURTESY_WORDS:
            before.pop()
        if length == 1 and not courtesy and (not before or before[-1] not in ENGLISH_TITLE_WORDS):
            continue  # a surname alone follows its title word (Secretary Lee), not a field (for Home)
        title = english_title_before(" ".join(before)) if before else None
        if title is not None and title == " ".join(before):
            return " ".join(name), title
    return None


def english_organization(title: str) -> str | None:
    """The body an English title names: ``National Bureau of Statistics`` for ``Director of
    the National Bureau of Statistics``, ``Foreign Ministry`` for ``Foreign Ministry
    Spokesperson``; None when it names none (``Spokesperson``, ``Vice Minister of Commerce``)."""
    words = title.split(" ")
    if "of" in words:
        body = words[words.index("of") + 1:]
        body = body[1:] if body[:1] == ["the"] else body
        if BODY_WORDS.intersection(body):
            return " ".join(body)
    last_title = max((i for i, w in enumerate(words) if w in ENGLISH_TITLE_WORDS), default=-1)
    before = words[:last_title]
    while before and before[-1] in ENGLISH_TITLE_WORDS | {"Vice", "Deputy", "Assistant", "Chief"}:
        before.pop()
    if before and BODY_WORDS.intersection(before) and before[0] not in _TITLE_JOINERS:
        return " ".join(before)
    return None


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
            title = (english_title_before(text[max(0, match.start() - 200):match.start()])
                     or english_title_after(text, match.end()) or _header_title(text, match.end()))
            if title is not None:
                found[name] = title
        if len(found) == len(wanted):
            break
    return found
