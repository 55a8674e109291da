"""How an introduction lists people: ``由国家统计局局长宁吉喆、副局长盛来运和新闻发言人付凌晖``.

A list joins people with ``、`` and ``和``/``及``/``与``, each with the title before the name;
a title may hold ``和`` itself (``国家卫生和计划生育委员会主任``), and a list names its
organization once, at its first person. ``reader.speakers.introductions`` reads roles and
names out of introductions with these.
"""

from __future__ import annotations

import re

from reader.speakers.names import (
    ENDS_WITH_TITLE,
    HONORIFICS,
    INSTITUTION_ENDINGS,
    ROLE_THEN_NAME,
    analysis_form,
    is_person_name,
)
from reader.speakers.roles import organization_of

INTRODUCTION_SPLIT = re.compile(
    r"[，。；;,（）()：:\s—【】\[\]〔〕]|\d+[年月日号时]|还有|的有|嘉宾(?:有|是|为|包括)|嘉賓(?:有|是|為|包括)|包括|有请|有請|欢迎|歡迎|以及|邀请到|邀请|出席|分别是|分别为|请来了|请来|请到|请|和|及|与|是|由|在"
    r"|還有|邀請|請來了|請來|請到|請|與"
    # 为 joins (嘉宾为…), but not inside a name or a word: 华为, 作为, 成为, 认为, 因为.
    r"|(?<![华華作成认認因行以称稱视視更较較最极極尤甚广廣])[为為]"
)

INTRODUCTION_SPLIT_KEEP = re.compile(f"({INTRODUCTION_SPLIT.pattern})")

INTRODUCTION_CONJUNCTIONS = frozenset({"和", "及", "与", "與", "以及"})


def last_introduced_role(text: str) -> str:
    """``商务部亚洲司司长陈洲、中国贸促会副会长`` → ``中国贸促会副会长``: in a list of people, the
    role before the name is what follows the previous person's name; a role of two titles
    (``…统计司司长、新闻发言人``) stays whole."""
    segments = text.split("、")
    for i in range(len(segments) - 1, 0, -1):
        if ends_with_person(segments[i - 1]):
            return "、".join(segments[i:])
    return text


def role_piece(before: str) -> str:
    """The text right before an introduced name, cut at the introduction's last separator.

    ``和``/``及``/``与`` join two people (``司长张三和副司长李四``) but also name one body
    (``环境影响评价与排放管理处处长``): they cut only after a person's name.
    """
    parts = INTRODUCTION_SPLIT_KEEP.split(before)  # piece, separator, piece, …, piece
    role = parts[-1]
    k = len(parts) - 1
    while k >= 2 and parts[k - 1] in INTRODUCTION_CONJUNCTIONS and parts[k - 2] and not ends_with_person(
        parts[k - 2]
    ):
        role = parts[k - 2] + parts[k - 1] + role
        k -= 2
    return role.lstrip("了、")  # 邀请了A资本合伙人…: the particle ends the verb, it starts no role


def ends_with_person(text: str) -> bool:
    """``…处长方芳女士``, ``…司长陈洲``, ``张三``: the text ends with a person's name."""
    simple = analysis_form(text)
    for honorific in HONORIFICS:
        simple = simple.removesuffix(honorific)
    if ENDS_WITH_TITLE.search(simple):
        return False  # …司长、新闻发言人: two titles of one person
    return bool(ROLE_THEN_NAME.match(simple)) or is_person_name(simple)


#: What joins the people of a list (``局长张三、副局长李四和副局长王五``), longest first.
LIST_JOINS = ("以及", "、", "和", "及", "与", "與")


def listed_organization(before: str) -> str | None:
    """The body the earlier people of a list name, for a title that names none:
    ``国家统计局局长宁吉喆、副局长盛来运`` makes 盛来运 国家统计局's 副局长. A list names its
    organization once, at its first person, and the titles after it share it. ``before``
    is the text before the bare title; None when it is not a list or names no body."""
    for _ in range(8):  # people in one list, at most
        join = next((j for j in LIST_JOINS if before.endswith(j)), None)
        if join is None:
            return None
        before = before[: len(before) - len(join)]
        for honorific in HONORIFICS:
            before = before.removesuffix(honorific)
        piece = last_introduced_role(role_piece(before))
        simple = analysis_form(piece)
        person = ROLE_THEN_NAME.match(simple)
        if not piece or person is None:
            return None  # not a person before the join: 主任和副主任: one role
        org = organization_of(person.group("role"))
        if org:
            return piece[: len(org)] if len(simple) == len(piece) else org
        before = before[: len(before) - len(piece)]
    return None


#: ``国台办12月14日上午举行新闻发布会，`` right before a bare title: the body holding the briefing.
HOLDING_BODY = re.compile(
    r"(?:^|[。！？\n])\s*(?P<body>[\u4e00-\u9fff]{2,20}?)(?:\d{1,2}月\d{1,2}日)?(?:[上下]午|今天|今日|昨天|昨日)?"
    r"(?:在[^，。]{1,20})?(?:举行|召开|舉行|召開)了?(?:例行|定时|定時|专题|專題)?"
    r"(?:新闻发布会|新聞發布會|记者会|記者會|发布会|發布會|吹风会|吹風會)[，,]\s*$"
)


def holding_body(before: str) -> str | None:
    """``国台办举行新闻发布会，发言人安峰山…``: a title that names no body, right after the
    sentence saying which body holds the briefing, is that body's (国台办发言人)."""
    m = HOLDING_BODY.search(before)
    if m is None or analysis_form(m.group("body"))[-1] not in INSTITUTION_ENDINGS:
        return None
    return m.group("body")
