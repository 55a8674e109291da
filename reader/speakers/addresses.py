"""Forms of address: who ``杜部长``, ``李总`` or ``林政委`` is, and which title a speaker
named without one is addressed by (``今天邀請唐政委…``).

A label or a mention that gives only a surname and a title points at one person: the one
fully named speaker of that surname whose role holds the title, or the one the lead
introduces so. Each function reads plain data; ``reader.speakers.resolve`` decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.progress import checkpoint
from reader.speakers.introductions import NAME_BOUNDARY, introduced_person, longest_first_pattern
from reader.speakers.labels import ParsedLabel
from reader.speakers.names import (
    SURNAMES_DOUBLE,
    SURNAMES_SINGLE,
    TITLE_ALTERNATION,
    analysis_form,
    is_person_name,
)
from reader.text.fold import to_simplified

# ``杜部长``, ``欧阳司长``: a surname and a title, for a speaker a full label names.
SURNAME_AND_TITLE = re.compile(
    rf"^(?P<surname>[\u4e00-\u9fff]{{1,2}}?)(?P<title>副?(?:{TITLE_ALTERNATION}))$"
)


# How a title is shortened when a person is addressed by surname (李总 for 总经理 李强).
ABBREVIATED_TITLES: dict[str, tuple[str, ...]] = {
    "总": ("总经理", "总裁", "总监", "总编辑", "总工程师", "总会计师", "总经济师", "总设计师", "总师",
           "首席执行官", "CEO"),
    "董": ("董事长", "董事"),
}
SURNAME_AND_SHORT_TITLE = re.compile(
    rf"^(?P<surname>[\u4e00-\u9fff]{{1,2}}?)(?P<title>[{''.join(ABBREVIATED_TITLES)}])$"
)


def addresses_by_title(label: str) -> bool:
    """``杜部长``, ``王院长``, ``李总``: a surname and a title, as a speaker is addressed."""
    simple = analysis_form(label)
    return SURNAME_AND_TITLE.match(simple) is not None or SURNAME_AND_SHORT_TITLE.match(simple) is not None


def person_by_surname_and_title(label: str, people: Iterable[ParsedLabel]) -> ParsedLabel | None:
    """The one fully named speaker a ``杜部长：`` label means: same surname, a role with that
    title (``公安部副部长杜航伟``; ``李总`` for a 总经理 or 总裁). None when no one or several
    people fit."""
    simple = analysis_form(label)
    match = SURNAME_AND_TITLE.match(simple) or SURNAME_AND_SHORT_TITLE.match(simple)
    if not match:
        return None
    surname, title = match.group("surname"), match.group("title").removeprefix("副")
    if surname not in SURNAMES_SINGLE and surname not in SURNAMES_DOUBLE:
        return None
    titles = ABBREVIATED_TITLES.get(title, (title,))
    fits = {
        p.name: p for p in people
        if p.role and p.name != p.role and analysis_form(p.name).startswith(surname)
        and any(t in analysis_form(p.role) for t in titles) and is_person_name(analysis_form(p.name))
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


def only_person_of_surname(label: str, people: Iterable[ParsedLabel]) -> ParsedLabel | None:
    """``任总`` when the document's one labelled speaker of that surname (``任正非``) has no
    role to check the title against: that person. None when a role or a second name decides."""
    simple = analysis_form(label)
    match = SURNAME_AND_TITLE.match(simple) or SURNAME_AND_SHORT_TITLE.match(simple)
    if not match:
        return None
    surname = match.group("surname")
    same = {analysis_form(p.name): p for p in people
            if analysis_form(p.name) != simple and analysis_form(p.name).startswith(surname)
            and is_person_name(analysis_form(p.name))}
    if len(same) != 1:
        return None
    (person,) = same.values()
    return person if person.role is None else None


# What before a title makes another post of it: 副主席 is not the 主席.
DEPUTY_PREFIXES = ("副", "代理", "署理", "助理", "常务", "前")


def only_holder_of_title(label: str, people: Iterable[ParsedLabel]) -> ParsedLabel | None:
    """``主席：`` when one labelled speaker's role ends with that title (``立法會主席梁君彥議員``),
    not as a deputy's (``副主席``): that person, under the short label the record goes on
    with. None when no one or several hold it."""
    simple = analysis_form(label)
    holders = {}
    for person in people:
        role = analysis_form(person.role or "")
        if role.endswith(simple) and not role[: -len(simple)].endswith(DEPUTY_PREFIXES):
            holders[person.name] = person
    return next(iter(holders.values())) if len(holders) == 1 else None


# Titles as people are addressed, and as introductions write them in full (林政委 is the
# 政治委员 林國華 the lead introduced).
TITLE_IN_FULL: dict[str, tuple[str, ...]] = {"政委": ("政治委员", "政委"), "书记": ("书记",)}


def person_introduced_by_title(label: str, texts: Iterable[str]) -> ParsedLabel | None:
    """The one person the lead introduces with the surname and title a label addresses
    (``陳局長`` for ``…局長陳國強``, ``林政委`` for ``政治委員林國華``), or None."""
    simple = analysis_form(label)
    match = SURNAME_AND_TITLE.match(simple) or SURNAME_AND_SHORT_TITLE.match(simple)
    if not match:
        return None
    surname, title = match.group("surname"), match.group("title").removeprefix("副")
    titles = ABBREVIATED_TITLES.get(title) or TITLE_IN_FULL.get(title) or (title,)
    alternatives = "|".join(re.escape(t) for t in titles)
    name = f"{re.escape(surname)}[\\u4e00-\\u9fff]{{1,2}}?"
    pattern = re.compile(f"({alternatives})\\s*({name}){NAME_BOUNDARY}")
    found: dict[str, ParsedLabel] = {}
    for text in texts:
        simple_text = to_simplified(text)
        for m in pattern.finditer(simple_text):
            if not is_person_name(m.group(2)):
                continue
            found[m.group(2)] = introduced_person(text, m.span(1), m.span(2))
    return next(iter(found.values())) if len(found) == 1 else None


# Where a speaker is addressed by surname and title: after an invitation (``邀請唐政委``,
# ``请王部长回答``, ``欢迎李院长``, ``由陈局长``) or opening a paragraph (``王部长，请问…``); not in
# a mention (``感谢张部长刚才的致辞``: perhaps someone who does not speak), and not when the
# title begins a body (``王委员会``: a committee).
ADDRESSED_BEFORE = "请請迎由"
ADDRESSED_AFTER_NOT = "会會处處团團室办辦组組队隊"


def titles_addressed(texts: Iterable[str], unroled: Iterable[str], everyone: Iterable[str]) -> dict[str, str]:
    """Titles that speakers named without a role are addressed by: ``今天邀請唐政委…`` makes
    唐鳳 the 政委, when no other speaker has that surname and the texts give it one title.

    Keyed by the name as the label writes it; the title as the text writes it.
    """
    surnames: dict[str, list[str]] = {}
    for name in set(everyone):
        simple = analysis_form(name)
        if is_person_name(simple):
            surnames.setdefault(_surname(simple), []).append(name)
    wanted = {_surname(analysis_form(n)): n for n in set(unroled)}
    wanted = {s: n for s, n in wanted.items() if len(surnames.get(s, ())) == 1}
    if not wanted:
        return {}
    pattern = re.compile(
        f"(?:^\\s*|(?<=[{ADDRESSED_BEFORE}]))({longest_first_pattern(wanted)})(副?(?:{TITLE_ALTERNATION}))"
        f"(?![{ADDRESSED_AFTER_NOT}])"
    )
    found: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for count, text in enumerate(texts):
        if not count % 256:
            checkpoint(0.75)
        simple_text = to_simplified(text)
        for m in pattern.finditer(simple_text):
            found.setdefault(m.group(1), set()).add(m.group(2))
            written[m.group(1)] = text[m.start(2) : m.end(2)]
    return {wanted[s]: written[s] for s, titles in found.items() if len(titles) == 1}


def _surname(simple_name: str) -> str:
    """The name a title follows when someone is addressed: the surname, or the last part of
    a transliterated name (尤瓦尔·赫拉利 is 赫拉利教授)."""
    if "·" in simple_name:
        return simple_name.rsplit("·", 1)[1]
    return simple_name[:2] if simple_name[:2] in SURNAMES_DOUBLE else simple_name[:1]
