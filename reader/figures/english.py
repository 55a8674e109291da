"""Figures written in English: ``7.1 percent``, ``0.3 percentage points``, ``about 3 million
cars``, ``1.2 trillion yuan``, ``50,000 yuan``.

English briefings (the Foreign Ministry's and the State Council's English transcripts) and
English passages of Chinese pages write numbers in digits and their units in words after
a space, or a currency code before the number (``RMB 1.2 trillion``). The Chinese scan
(``reader.figures.scan``) reads units written right after the number; this one reads the
English words. A number counts only with a percent word, a scale word (million, billion),
a unit word after it or a currency code before it: a bare ``2024`` or ``March 1`` is no
figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.figures.units import CURRENCY_SIGNS, ENGLISH_SCALES

#: Unit words and the family each belongs to (``reader.figures.units.UNIT_FAMILY``'s names).
ENGLISH_UNITS: dict[str, str] = {
    **dict.fromkeys(("yuan", "RMB", "renminbi", "dollars", "US dollars", "U.S. dollars", "euros", "yen",
                     "pounds", "rupees", "roubles", "rubles", "won", "Hong Kong dollars"), "money"),
    **dict.fromkeys(("people", "persons", "residents", "individuals", "workers", "employees", "students",
                     "visitors", "tourists", "passengers", "patients", "children", "families"), "people"),
    **dict.fromkeys(("cases", "incidents", "crimes"), "cases"),
    **dict.fromkeys(("years", "months", "weeks", "days", "hours", "minutes"), "duration"),
    **dict.fromkeys(("tonnes", "tons", "kilometers", "kilometres", "km", "hectares", "square meters",
                     "square metres", "square kilometers", "square kilometres", "kilograms", "kg", "mu",
                     "kilowatts", "megawatts", "gigawatts", "MW", "GW", "kWh", "TEUs", "TEU", "barrels",
                     "cubic meters", "cubic metres"), "count"),
    **dict.fromkeys(("households", "companies", "enterprises", "firms", "businesses", "jobs", "vehicles",
                     "cars", "trips", "projects", "countries", "cities", "schools", "hospitals", "units",
                     "homes", "flights", "containers", "doses", "times"), "count"),
}
PERCENT_WORDS = {"percent": "%", "per cent": "%", "percentage points": "percentage points",
                 "percentage point": "percentage points"}
PERCENT_FAMILY = {"%": "percent", "percentage points": "points"}

#: Words before a number that say it is approximate or a bound (kept in the figure's text).
ENGLISH_QUALIFIERS = ("more than", "less than", "fewer than", "up to", "at least", "close to", "about",
                      "around", "approximately", "nearly", "almost", "over", "roughly", "some", "under",
                      "below", "above", "exceeding")


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


# Thousands with commas, or with spaces as Hong Kong's releases write them (1 053 new cases).
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
#: From how many a bare count (no qualifier, no thousands) of any noun is a figure: ``674
#: fatalities``, ``2660 doctors``; below it, ``the 3 members`` is more often a list's item.
MIN_PLAIN_COUNT = 100
#: A word between a number and its unit: ``11 consecutive years``, ``3 more days``.
UNIT_MODIFIERS = ("consecutive", "straight", "successive", "more", "additional", "new", "full", "whole")
#: Plural-looking words after a number that are no things counted (``about 50 was``: the
#: pattern's ``s`` ending admits them).
NOT_COUNTED = frozenset({"does", "goes", "always", "perhaps", "whereas", "besides", "towards", "afterwards",
                         "sometimes", "times", "hers", "ours", "yours", "theirs", "its", "his", "was", "has",
                         "percents", "points", "aims", "means", "needs"})
#: A currency code written before the number (``RMB 1.2 trillion``, ``RMB1.5 trillion``).
CURRENCY_CODES = ("RMB", "CNY", "USD", "HKD", "EUR", "JPY", "GBP", "MOP", "TWD")
# Not after a Latin letter, a digit or a sign's end (US$1.5 is the sign rule's), but right
# after a currency code (RMB1.5 trillion). A Chinese character before is fine: 增长7.1 percent.
_NOT_AFTER = r"(?:(?<![A-Za-z0-9_.,$€£¥-])|(?<=" + "|".join(CURRENCY_CODES) + "))"
# The number first: a pattern that opened with the qualifiers would try each of them at
# every character of a long text. A range (3 to 5 percent, 1-2 percent, between 3 and 5
# percent, 3 million to 5 million tons) is one figure from its low end to its high end; "and"
# between two amounts with their scales is a list (2 million and 3 million tons respectively).
ENGLISH_FIGURE = re.compile(
    rf"{_NOT_AFTER}(?:(?P<low>{_NUMBER})(?:(?: to | and |[-–])"
    rf"|(?: ?(?P<low_scale>{_alternation(ENGLISH_SCALES)})(?: to |[-–])))(?=\d))?"
    rf"(?P<number>{_NUMBER})"
    rf"(?: ?(?P<scale>{_alternation(ENGLISH_SCALES)}))?"
    rf"(?:(?: (?P<percent>{_alternation(PERCENT_WORDS)}))"
    rf"|(?: (?:(?P<modifier>{_alternation(UNIT_MODIFIERS)}) )?(?P<unit>{_alternation(ENGLISH_UNITS)}))"
    r"|(?: (?P<noun>[a-z]{2,}[a-rtv-z]s)))?"
    r"(?![A-Za-z0-9_%])",
    re.IGNORECASE,
)
QUALIFIER_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_alternation(set(ENGLISH_QUALIFIERS))}) $", re.IGNORECASE)
_LONGEST_QUALIFIER = max(map(len, ENGLISH_QUALIFIERS)) + 2
#: A sign or code before the number, and the unit it gives: a space may follow (US$ 3 billion).
#: The lettered signs of ``CURRENCY_SIGNS`` (a bare $ or € before a space is no sign here).
SIGN_UNITS = {sign: unit for sign, unit in CURRENCY_SIGNS.items() if sign[0].isalpha()}
CODE_BEFORE = re.compile(r"(?<![A-Za-z])(?:" + "|".join((*CURRENCY_CODES, *map(re.escape, SIGN_UNITS)))
                         + r") ?$")
# A digit before a word, a code (RMB, USD) or a sign and a space before a digit. One
# character class first, then which it was: an alternation of the three took four times as
# long over a Chinese page with none of them (0.42 s against 0.10 s for 18 million characters).
_DIGIT_THEN_WORD = re.compile(r"[0-9A-Z$](?:(?<=[0-9]) ?[A-Za-z]{2}|(?<=[A-Z])[A-Z]{2} ?\d|(?<=\$) \d)")
MONTHS = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November"
                    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? $")
YEAR_MIN, YEAR_MAX = 1800, 2199
YEAR_CONTEXT = re.compile(r"(?:(?<![A-Za-z])(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter"
                          r"|[Ff]rom|[Dd]uring|[Tt]hrough|[Tt]he|[Tt]o|[Aa]nd|CNY) ?|[.!?;:,] |^ ?)$")
#: A word right before a number that makes it part of a name (``Boeing 737``, ``Table 1``,
#: ``Resolution 2231``, a flight's ``CA 981``) or the second term of a ratio (``1 in 5
#: people``). Other capitalised words before a count open a sentence (``Today 300 people``).
NAME_WORDS = ("Table", "Article", "Resolution", "Phase", "Level", "Chapter", "Section", "Figure", "Fig.",
              "Item", "No.", "Number", "Flight", "Boeing", "Airbus", "Route", "Line", "Room", "Gate", "Page",
              "Paragraph", "Annex", "Rule", "Clause", "Grade", "Class", "Stage", "Step", "Round", "Category",
              "Model", "Version", "Block", "Building", "Highway", "Platform", "Terminal", "Exit", "Bus",
              "Lot", "Case", "Schedule", "Appendix", "Question", "Part", "Volume", "Session", "Game")
NAMED_NUMBER_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?:" + "|".join(re.escape(w) for w in NAME_WORDS)
                                 + r"|[A-Z]{2,})|\d in) $")


#: Verbs after which ``about`` and ``over`` are prepositions, not "about"/"more than".
PREPOSITION_AFTER = re.compile(
    r"(?<![A-Za-z])(?:talk|talks|talked|talking|ask|asks|asked|asking|speak|spoke|think|thought|complain"
    r"|complained|worry|worried|know|knew|care|cared|learn|learned|hear|heard|write|wrote|read|say|said"
    r"|debated|discussed|spread|held|stretched|argued|fought|spanning|spanned) $", re.IGNORECASE)
#: Words whose number a space-grouped count may follow (section 23 500 times is not 23,500).
SECTION_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:section|sections|article|articles|chapter|page|pages|item|items|rule|clause|paragraph"
    r"|no\.|number|table|figure|schedule|annex|part|phase|route|block|room|cap\.?) $", re.IGNORECASE)


def _qualifier_before(text: str, start: int) -> re.Match[str] | None:
    """The qualifier right before ``start``, unless a verb makes it a preposition (talk about
    3 issues, debated over 3 sessions)."""
    before = QUALIFIER_BEFORE.search(text, max(0, start - _LONGEST_QUALIFIER), start)
    if before is not None and PREPOSITION_AFTER.search(text, max(0, before.start() - 16), before.start()):
        return None
    return before


def _digits(number: str) -> str:
    return number.replace(",", "").replace(" ", "")


def _is_year(number: str) -> bool:
    return number.isdigit() and len(number) == 4 and YEAR_MIN <= int(number) <= YEAR_MAX


def _year_or_date(text: str, m: re.Match[str], code: str | None) -> bool:
    """``In 1989 people``, ``from 2019 to 2023 students``, ``On March 8 students``,
    ``CNY 2024`` (Chinese New Year): a year or a day of a month, not a count. A price in
    another code stays one (``RMB 2000``)."""
    if m.group("scale") or m.group("percent") or (code is not None and code != "CNY"):
        return False
    start = m.start("low") if m.group("low") else m.start("number")
    if MONTHS.search(text, max(0, start - 10), start):
        return True
    if not (_is_year(m.group("number")) and (not m.group("low") or _is_year(m.group("low")))):
        return False
    # A year after a preposition of time or at a sentence's start (In 1989 people, 2012
    # companies…); after a verb it counts (We hired 2000 workers).
    before = YEAR_CONTEXT.search(text, max(0, start - 12), start)
    return before is not None or start == 0


#: How far before and after a hint (a digit next to a word) a figure may reach: the low end
#: of a range and a qualifier before it, a scale and a unit word after.
HINT_BEFORE, HINT_AFTER = 60, 120


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``ENGLISH_FIGURE``'s matches, looked for only around the places a figure could be (a
    digit next to a Latin word, a code or sign before a digit): on a Chinese page with a few
    English words the pattern reads a few hundred characters, not the whole text (it cannot
    skip ahead to a digit by itself: it opens with look-behinds)."""
    window_start = window_end = -1
    for hint in _DIGIT_THEN_WORD.finditer(text):
        start, end = max(0, hint.start() - HINT_BEFORE), hint.end() + HINT_AFTER
        if start <= window_end:
            window_end = end
            continue
        if window_end > 0:
            yield from ENGLISH_FIGURE.finditer(text, window_start, window_end)
        window_start, window_end = start, end
    if window_end > 0:
        yield from ENGLISH_FIGURE.finditer(text, window_start, window_end)


EnglishFigure = tuple[int, int, float, "float | None", str, "str | None", str, int]


def english_figures(text: str) -> Iterator[EnglishFigure]:
    """``(start, end, value, value_to, unit, qualifier, family, number_start)`` of each
    English figure in ``text``, in order. Text with no digit next to a Latin word and no
    currency code before a number has none (the check that keeps this off Chinese text)."""
    for m in _matches(text):
        scale, percent, unit = m.group("scale"), m.group("percent"), m.group("unit")
        begin = m.start()
        noun = m.group("noun")
        if noun is not None:
            # over 6,000 gatherings: any thing counted, when a qualifier, thousands or a scale
            # say the number is a quantity (not a year, a street number, a list's item).
            qualified = _qualifier_before(text, begin) is not None
            number = m.group("number")
            if noun in NOT_COUNTED or _is_year(number) or not (
                    qualified or scale or "," in number or " " in number
                    or (number.isdigit() and int(number) >= MIN_PLAIN_COUNT)):
                noun = None
            unit = noun
        code = CODE_BEFORE.search(text, max(0, begin - 5), begin) if not (percent or unit) else None
        if not (scale or percent or unit or code) or _year_or_date(text, m, code and code.group().strip()):
            continue
        if unit and unit.lower() == "years" and text.startswith(" old", m.end()):
            continue  # 45 years old: an age
        if " " in m.group("number") and SECTION_BEFORE.search(text, max(0, begin - 16), begin):
            continue  # section 23 500 times: a section's number, then a count
        named = NAMED_NUMBER_BEFORE.search(text, max(0, begin - 24), begin)
        if named is not None and not (scale or percent or code):
            continue  # Boeing 737 passengers, Table 1 cases, 1 in 5 people: a name's number or a ratio
        factor = ENGLISH_SCALES[scale.lower()] if scale else 1.0
        value = float(_digits(m.group("number"))) * factor
        value_to = None
        if m.group("low"):
            low_scale = m.group("low_scale")
            low_factor = ENGLISH_SCALES[low_scale.lower()] if low_scale else factor
            value, value_to = float(_digits(m.group("low"))) * low_factor, value
        if percent:
            written = PERCENT_WORDS[percent.lower()]
            family = PERCENT_FAMILY[written]
        elif unit:
            written = unit
            family = ENGLISH_UNITS.get(unit) or ENGLISH_UNITS.get(unit.lower(), "count")
        elif code:
            sign = code.group().strip()
            written, family = SIGN_UNITS.get(sign, sign), "money"
        else:
            written, family = "", "count"
        start = code.start() if code else begin
        before = _qualifier_before(text, start)
        qualifier = before.group()[:-1] if before else None
        yield ((before.start() if before else start), m.end(), value, value_to, written, qualifier, family,
               begin)


def english_qualifier_before(text: str, start: int) -> str | None:
    """An English qualifier right before ``start`` (``about $3 billion``, ``nearly 30%``):
    for figures the Chinese rules read, whose qualifiers are Chinese words."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isascii() or not text[start - 2].isalpha():
        return None
    match = QUALIFIER_BEFORE.search(text, max(0, start - _LONGEST_QUALIFIER), start)
    return match.group()[:-1] if match else None
