"""Who an English lead names: the holder of an office a label gives alone, the spokesperson
who answers ``A:``.

Hong Kong releases introduce the office-holder after the office (``remarks by the Secretary
for Security, Mr Chris Tang, at…``), and the Foreign Ministry's English titles name the
spokesperson (``Foreign Ministry Spokesperson Lin Jian's Regular Press Conference``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.speakers.english import (
    COURTESY_TITLES,
    ENGLISH_TITLE_WORDS,
    NOT_TITLE_WORDS,
    english_title_before,
)

#: A name written in Latin letters after an office and a comma, as Hong Kong releases
#: introduce an office-holder: ``the Secretary for Security, Mr Chris Tang,``,
#: ``the Chief Secretary for Administration, Mr Chan Kwok-ki, and …``.
_INTRODUCED_NAME = (rf",? (?:{'|'.join(COURTESY_TITLES)})\.? "
                    r"(?P<name>[A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+(?:-[a-z]+)?){0,3})(?![A-Za-z])")


def english_names_for_offices(texts: Iterable[str], offices: Iterable[str]) -> dict[str, str]:
    """Names the lead gives English office labels (``Secretary for Security:`` is Chris Tang
    when the lead says ``remarks by the Secretary for Security, Mr Chris Tang``). An office
    introduced with two different names gives none: the label cannot tell which one spoke."""
    wanted = sorted({o for o in offices if (o.isascii() and " " in o) or o in ENGLISH_TITLE_WORDS},
                    key=len, reverse=True)
    if not wanted:
        return {}
    pattern = re.compile(r"\b(" + "|".join(re.escape(o) for o in wanted) + ")" + _INTRODUCED_NAME)
    seen: dict[str, set[str]] = {}
    for text in texts:
        for match in pattern.finditer(text):
            seen.setdefault(match.group(1), set()).add(match.group("name"))
    return {office: next(iter(names)) for office, names in seen.items() if len(names) == 1}


#: ``Foreign Ministry Spokesperson Lin Jian``: a spokesperson's title and name in a lead.
_SPOKESPERSON = re.compile(r"\b(?P<title>(?:[A-Z][a-z]+ ){0,3}Spokes(?:person|man|woman)) "
                           r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})")


def english_spokesperson(texts: Iterable[str]) -> tuple[str, str] | None:
    """(name, title) of the one spokesperson an English lead names (``Foreign Ministry
    Spokesperson Lin Jian's Regular Press Conference``): who answers a ``Q:``/``A:``
    record's ``A``. Two spokespeople named tell nobody."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _SPOKESPERSON.finditer(text):
            words = match.group("name").split(" ")
            while words and words[-1] in NOT_TITLE_WORDS:
                words.pop()  # Lin Jian Regular Press Conference: the name ends before Regular
            title = english_title_before(match.group("title")) or match.group("title")
            if words:
                found.setdefault(" ".join(words), title)
    return next(iter(found.items())) if len(found) == 1 else None
