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

from reader.figures.units import ENGLISH_SCALES

#: Unit words and the family each belongs to (``reader.figures.units.UNIT_FAMILY``'s names).
ENGLISH_UNITS: dict[str, str] = {
    **dict.fromkeys(("yuan", "RMB", "renminbi", "dollars", "US dollars", "U.S. dollars", "euros", "yen",
                     "pounds", "rupees", "roubles", "rubles", "won", "Hong Kong dollars"), "money"),
    **dict.fromkeys(("people", "persons", "residents", "individuals", "workers", "employees", "students",
                     "visitors", "tourists", "passengers", "patients", "children", "families"), "people"),
    **dict.fromkeys(("cases", "incidents", "crimes"), "cases"),
    **dict.fromkeys(("years", "months", "weeks", "days", "hours", "minutes"), "duration"),
    **dict.fromkeys(("tonnes", "tons", "kilometers", "kilometres", "km", "hectares", "square meters",
                     "square metres", "kilowatts", "megawatts", "gigawatts", "barrels", "cubic meters",
                     "cubic metres"), "count"),
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


# The number first: a pattern that opened with the qualifiers would try each of them at
# every character of a long text.
ENGLISH_FIGURE = re.compile(
    r"(?<![\w.,$€£¥-])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?: (?P<scale>{_alternation(ENGLISH_SCALES)}))?"
    rf"(?:(?: (?P<percent>{_alternation(PERCENT_WORDS)}))|(?: (?P<unit>{_alternation(ENGLISH_UNITS)})))?"
    r"(?![\w%])",
    re.IGNORECASE,
)
QUALIFIER_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_alternation(set(ENGLISH_QUALIFIERS))}) $", re.IGNORECASE)
_LONGEST_QUALIFIER = max(map(len, ENGLISH_QUALIFIERS)) + 2
#: A currency code written before the number (``RMB 1.2 trillion``, ``USD 300 million``).
CURRENCY_CODES = ("RMB", "CNY", "USD", "HKD", "EUR", "JPY", "GBP", "MOP", "TWD")
CODE_BEFORE = re.compile(r"(?<![A-Za-z])(?:" + "|".join(CURRENCY_CODES) + r") ?$")
_DIGIT_THEN_WORD = re.compile(r"\d [A-Za-z]|[A-Z]{3} \d")


def english_figures(text: str) -> Iterator[tuple[int, int, float, str, str | None, str, int]]:
    """``(start, end, value, unit, qualifier, family, number_start)`` of each English figure
    in ``text``, in order. Text with no digit followed by a space and a letter, and no
    currency code before a number, has none (the check that keeps this off Chinese text)."""
    if _DIGIT_THEN_WORD.search(text) is None:
        return
    for m in ENGLISH_FIGURE.finditer(text):
        scale, percent, unit = m.group("scale"), m.group("percent"), m.group("unit")
        code = CODE_BEFORE.search(text, max(0, m.start() - 4), m.start()) if not (percent or unit) else None
        if not (scale or percent or unit or code):
            continue
        value = float(m.group("number").replace(",", ""))
        if scale:
            value *= ENGLISH_SCALES[scale.lower()]
        if percent:
            written = PERCENT_WORDS[percent.lower()]
            family = PERCENT_FAMILY[written]
        elif unit:
            written = unit
            family = ENGLISH_UNITS.get(unit) or ENGLISH_UNITS.get(unit.lower(), "count")
        elif code:
            written, family = code.group().strip(), "money"
        else:
            written, family = "", "count"
        start = code.start() if code else m.start()
        before = QUALIFIER_BEFORE.search(text, max(0, start - _LONGEST_QUALIFIER), start)
        qualifier = before.group()[:-1] if before else None
        yield (before.start() if before else start), m.end(), value, written, qualifier, family, m.start()
