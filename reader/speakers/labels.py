"""What a speaker label says on its own: whether it can be one, and name, role and kind.

``label_shape`` and ``looks_like_speaker`` decide whether a label opening a line is a
speaker's; ``parse_label`` cuts a label into name, role, organization and (where the label
alone tells) kind: ``公安部副部长杜航伟`` is 杜航伟, 公安部副部长, 公安部; ``新华社记者`` is a
reporter of 新华社; ``问`` is a reporter and ``答`` an official. What a label means in one
document (``杜部长`` after ``公安部副部长杜航伟``) is decided in ``reader.speakers.resolve``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass

from reader.model import SpeakerKind
from reader.speakers.english import MAX_CAPITALS_LABEL, english_office, english_speaker
from reader.speakers.label_forms import (
    FUNCTION_WORDS,
    REPORTER_WORD,
    SENTENCE_PUNCTUATION,
    addressed_to,
    anonymous_participant,
    answerer_of,
    asker_by_screen_name,
    asker_of,
    asker_with_unit,
    body_and_name,
    english_label,
    guest_named,
    outlet_and_name,
    surname_title_given,
)
from reader.speakers.label_words import (
    ANSWER_LABELS,
    BYLINE,
    CHAIR_LABELS,
    HOST_WORDS,
    NOT_SPEAKER_ENDINGS,
    NOT_SPEAKER_LABELS,
    NOT_SPEAKER_PREFIXES,
    NOT_SPEAKER_STARTS,
    NUMBERED_ANSWER,
    NUMBERED_ITEM,
    NUMBERED_QUESTION,
    PARENTHESIZED,
    QUESTION_LABELS,
    REPORTER_LABEL,
    unnumbered,
)
from reader.speakers.names import (
    ENDS_WITH_TITLE,
    HONORIFICS,
    KNOWN_OUTLETS,
    LATIN_GLOSS,
    NAME_THEN_TITLE,
    PERSON_NAME,
    ROLE_THEN_NAME,
    SPACES,
    TITLE_MARKS,
    analysis_form,
    is_married_name,
    is_person_name,
    outlet_of,
    split_latin_name,
)
from reader.speakers.roles import organization_of
from reader.text.fold import has_traditional

MAX_LABEL = 40

# A follow-up marked after the label (路透社记者（追问）): the same speaker as the label.
FOLLOW_UP = re.compile(r"[（(](?:追问|续|补充|接上|又问|再问|续问)[）)]$")

HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")

ENUMERATION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是.．]|[壹贰叁参肆伍陆柒捌玖拾]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．)]|"
    r"第[一二三四五六七八九十\d]+(?:[条章节点项个是、.．]|部分|方面)|"
    r"其[一二三四五六七八九十]\b)"
)




def _collapse_spaces(label: str) -> str:
    return " ".join(label.split())


@dataclass(frozen=True, slots=True)
class ParsedLabel:
    """What a label says about its speaker; ``kind`` is None where only context can tell."""

    name: str
    role: str | None
    organization: str | None
    kind: SpeakerKind | None

# An outlet or a programme in title marks or quotes before 记者 or an editor's title
# (``《中国日报》记者``, ``《财经》杂志记者``, ``《联合报》总编辑``, ``中央广电总台“中国之声”记者``):
# its marks are no sentence punctuation.
OUTLET_IN_TITLE_MARKS = re.compile(
    r"[《“「]([^《》“”「」]{1,20})[》”」](?=[^《》“”「」]{0,10}(?:记者|总编辑|副总编辑|主编|副主编|编辑|主笔|主播|评论员|社长|作者))"
)

# A name, a comma and who the person is (``主持人Zanny Minton Beddoes，《经济学人》主编``,
# ``张三，某某公司副总裁``): the comma separates the name from its role, as in a caption.
NAME_COMMA_ROLE = re.compile(r"^(?P<head>[^，,]{2,30})[，,]\s*(?P<role>[^，,]{2,30})$")


def is_question(compact: str) -> bool:
    return compact in QUESTION_LABELS or bool(NUMBERED_QUESTION.match(compact))


def is_answer(compact: str) -> bool:
    return compact in ANSWER_LABELS or bool(NUMBERED_ANSWER.match(compact))


@functools.lru_cache(maxsize=4096)
def label_shape(label: str) -> bool:
    """Could ``label`` be a speaker label at all (before asking whether it names one)?"""
    compact = analysis_form(label)
    long_office = compact.isascii() and (compact.isupper() or english_office(label) is not None)
    limit = MAX_CAPITALS_LABEL if long_office else MAX_LABEL
    if not compact or len(compact) > limit or not HAS_WORD.search(compact):
        return False
    if long_office and not compact.isupper():
        return True  # Secretary for Culture, Sports and Tourism: its commas list the office's fields
    if _named_with_outlet_or_role(label):
        return True  # 《明镜报》Georg Fahrion, 主持人X，《经济学人》主编: their marks are no sentence
    if asker_by_screen_name(label):
        return True  # 网友“江南雨”: the quotes hold a screen name, not a sentence
    if SENTENCE_PUNCTUATION.search(OUTLET_IN_TITLE_MARKS.sub(r"\1", compact)) or ENUMERATION.match(compact):
        return False
    if anonymous_participant(compact):
        return True  # 与会者A, 网友1: before 与会 lists and numbered items are ruled out
    guest = guest_named(compact)
    if guest is not None and looks_like_speaker(guest):
        return True  # 嘉宾张三 (a bare 嘉宾 is a page's list of guests, unless speech follows)
    lowered = compact.lower()
    if lowered in NOT_SPEAKER_LABELS or compact.startswith(NOT_SPEAKER_PREFIXES):
        return False
    if is_question(compact) or is_answer(compact):
        return True
    if compact.endswith(NOT_SPEAKER_ENDINGS) or compact.startswith(NOT_SPEAKER_STARTS):
        return False
    if BYLINE.search(label):
        return False
    if NUMBERED_ITEM.search(compact) and not any(is_person_name(compact[-n:]) for n in (2, 3)):
        return False  # 案例一, 典型案例2, 附件1: numbered items, while 张三 is a name
    return not (any(ch in FUNCTION_WORDS for ch in compact) and not looks_like_speaker(label))


def _named_with_outlet_or_role(label: str) -> bool:
    """A Latin-script name alone or after an outlet, a role or 主持人 (``德新社Jörn Petring``,
    ``CNBC《管理亚洲》主播 Christine Tan``), or a name and its role after a comma."""
    if outlet_and_name(label) is not None or asker_with_unit(label) is not None:
        return True
    latin = split_latin_name(label)
    if latin is not None:
        prefix = analysis_form(latin[0])
        return (not prefix or prefix in HOST_WORDS or outlet_of(latin[0]) is not None
                or bool(ENDS_WITH_TITLE.search(TITLE_MARKS.sub(r"\1", prefix))))
    parts = NAME_COMMA_ROLE.match(label.strip())
    if parts is None:
        return False
    head, role = parts.group("head"), analysis_form(TITLE_MARKS.sub(r"\1", parts.group("role")))
    head_form = analysis_form(head).removeprefix("主持人")
    return bool(ENDS_WITH_TITLE.search(role)) and (
        split_latin_name(head) is not None or is_person_name(head_form))


def looks_like_speaker(label: str, known_names: Collection[str] | None = None) -> bool:
    """A label without bold type must name a speaker by its form: role words, titles, names.

    A bare name passes when it starts with a common surname (``汪文斌``) or is one of
    ``known_names`` (names the document gave in full labels, whatever their surname).
    """
    if _named_with_outlet_or_role(label):
        return True
    compact = analysis_form(label)
    if compact in KNOWN_OUTLETS or (compact.isascii() and outlet_of(label) is not None):
        return True  # 财新：, 南方周末：, CNN：: an outlet that asks
    if english_speaker(label) is not None:
        return True  # Phoenix TV:, Follow-up:, Spokesperson Mao Ning:
    if is_question(compact) or is_answer(compact) or compact.startswith(HOST_WORDS):
        return True
    if anonymous_participant(compact) or asker_by_screen_name(label):
        return True
    guest = guest_named(compact)
    if guest is not None and looks_like_speaker(guest, known_names):
        return True
    if REPORTER_LABEL.match(OUTLET_IN_TITLE_MARKS.sub(r"\1", compact)):
        return True
    answerer = answerer_of(compact)
    if answerer and (is_person_name(answerer) or looks_like_speaker(answerer, known_names)):
        return True
    if asker_of(compact) is not None:
        return True
    for honorific in HONORIFICS:
        bare = compact.removesuffix(honorific)
        if bare != compact and (is_person_name(bare) or ROLE_THEN_NAME.match(bare)):
            return True
    if ROLE_THEN_NAME.match(compact) or ENDS_WITH_TITLE.search(compact) or body_and_name(label) is not None:
        return True
    if surname_title_given(label) is not None:
        return True
    parts = PARENTHESIZED.match(compact)
    if parts:
        return any(looks_like_speaker(part) for part in (parts.group("outer"), parts.group("inner")))
    if known_names is not None and (compact in known_names or label.replace(" ", "") in known_names):
        return True
    return is_person_name(compact)


@functools.lru_cache(maxsize=4096)
def parse_label(label: str) -> ParsedLabel:
    """Name, role, organization and (where the label alone tells) kind of a speaker label.

    The rules read the simplified form; names and roles are cut from the label as written.
    """
    gloss = LATIN_GLOSS.match(label.strip())
    if gloss is not None:  # 微软CEO萨蒂亚·纳德拉（Satya Nadella）: the name in its own script after it
        inner = parse_label(gloss.group("main"))
        if "·" in inner.name or is_person_name(analysis_form(inner.name)):
            return inner
    english = english_speaker(label)  # AFP:, Follow-up: (the last asker), Spokesperson Mao Ning:
    if english is not None:
        return ParsedLabel(*english)
    named = _parse_named(label)
    if named is not None:
        return named
    if analysis_form(label) in CHAIR_LABELS:
        chair = SPACES.sub("", label)
        return ParsedLabel(chair, chair, None, "host")
    compact = SPACES.sub("", label)
    simple = analysis_form(label)
    if len(simple) != len(compact):
        simple = compact
    follow_up = FOLLOW_UP.search(simple)
    if follow_up and follow_up.start() > 0:
        return parse_label(compact[: follow_up.start()])
    if simple.startswith(HOST_WORDS):
        cut = len("主持人") if simple.startswith("主持人") else len("主持")
        rest = compact[cut:].strip("（）()")
        if rest and ROLE_THEN_NAME.match(simple[cut:].strip("（）()")):
            inner = parse_label(rest)  # 主持人（国新办新闻局局长寿小丽）
            return ParsedLabel(inner.name, inner.role, inner.organization, "host")
        return ParsedLabel(rest or compact, compact[:cut] if rest else None, None, "host")
    for honorific in HONORIFICS:
        bare = simple.removesuffix(honorific)
        if bare != simple and (is_person_name(bare) or ROLE_THEN_NAME.match(bare)):
            return parse_label(compact[: len(bare)])  # 杜航伟先生 is 杜航伟
    if is_question(simple):
        return ParsedLabel(unnumbered(compact), None, None, "reporter")  # 问1 and 问2: one 问
    participant = anonymous_participant(simple)
    if participant is not None:
        return ParsedLabel(compact, None, None, participant)  # type: ignore[arg-type]
    if asker_by_screen_name(label):
        return ParsedLabel(_collapse_spaces(label), None, None, "reporter")  # 网友 小李
    guest = guest_named(simple)
    if guest is not None and looks_like_speaker(guest):
        inner = parse_label(compact[len(simple) - len(guest):])  # 嘉宾张三 is 张三, a guest
        return ParsedLabel(inner.name, inner.role, inner.organization, inner.kind)
    if addressed_to(label) is not None:
        ask = compact[: compact.index(next(c for c in compact if c in "（("))]
        return ParsedLabel(ask, None, None, "reporter")  # 问（To李杰） asks; 李杰 answers
    parts = PARENTHESIZED.match(simple)
    if parts and REPORTER_WORD not in parts.group("outer") and (
        is_answer(parts.group("outer")) or is_question(parts.group("outer"))
    ):
        # 答（王毅）, 问（新华社记者）: who asks or answers is in the parenthesis.
        inner_text = compact[parts.start("inner"):parts.end("inner")]
        inner = parse_label(inner_text)
        kind = inner.kind or ("official" if is_answer(parts.group("outer")) else "reporter")
        if inner.kind is None and inner.role is None and not is_person_name(parts.group("inner")):
            # 观众提问（彭博社）: an asker known by their body; the label names them as written.
            return ParsedLabel(compact, None, inner_text, kind)
        return ParsedLabel(inner.name, inner.role, inner.organization, kind)
    answerer = answerer_of(simple)
    if answerer and (is_person_name(answerer) or ENDS_WITH_TITLE.search(answerer)):
        # ``李忠答``, ``商务部新闻发言人答``: the speaker is the part before 答.
        parsed = parse_label(compact[: len(answerer)])
        return ParsedLabel(parsed.name, parsed.role, parsed.organization, parsed.kind or "official")
    if is_answer(simple):
        return ParsedLabel(unnumbered(compact), None, None, "official")  # 答1 is who answers 答
    asker = asker_of(simple)
    if asker is not None and len(simple) == len(compact):
        return parse_label(compact[: len(asker)])  # 李卓人議員問: 李卓人議員, who asks
    parts = PARENTHESIZED.match(simple)
    if REPORTER_WORD in simple:
        outlet = compact[: simple.index(REPORTER_WORD)].strip("（）()").replace("《", "").replace("》", "")
        if not outlet and parts and REPORTER_WORD not in parts.group("inner"):
            outlet = compact[parts.start("inner"):parts.end("inner")]
        return ParsedLabel(compact, None, outlet or None, "reporter")
    if parts:
        for name_group, role_group in (("outer", "inner"), ("inner", "outer")):
            name_s, role_s = parts.group(name_group), parts.group(role_group)
            if is_person_name(name_s) and ENDS_WITH_TITLE.search(role_s):
                name = compact[parts.start(name_group):parts.end(name_group)]
                role = compact[parts.start(role_group):parts.end(role_group)]
                return _with_role(name, role, role_s)
    spaced = label.strip().rsplit(" ", 1)
    if len(spaced) == 2:
        name_s, role_s = analysis_form(spaced[1]), analysis_form(spaced[0])
        if PERSON_NAME.match(name_s) and ENDS_WITH_TITLE.search(role_s):
            return _with_role(spaced[1], SPACES.sub("", spaced[0]), role_s)
        first, rest = label.strip().split(" ", 1)
        first_s, rest_s = analysis_form(first), analysis_form(rest)
        if is_person_name(first_s) and ENDS_WITH_TITLE.search(rest_s) and not ENDS_WITH_TITLE.search(first_s):
            return _with_role(first, SPACES.sub("", rest), rest_s)  # 王受文 商务部副部长
    titled = surname_title_given(label)
    if titled is not None:  # 林委員國成: 林國成, the 委員
        return ParsedLabel(titled[0], titled[1], None, None)
    match = ROLE_THEN_NAME.match(simple)
    if match:
        return _with_role(compact[match.start("name"):], compact[: match.end("role")], match.group("role"))
    if simple.endswith("议员") and ROLE_THEN_NAME.match(simple[:-2]):
        return parse_label(compact[:-2])  # 立法會主席梁君彥議員: 梁君彥, the 立法會主席
    named_first = NAME_THEN_TITLE.match(simple)
    if named_first and (is_person_name(named_first.group("name")) or (
            is_married_name(named_first.group("name")) and has_traditional(compact))):
        # 杜航伟副部长: the person, whose full role a longer label or an introduction gives.
        return ParsedLabel(compact[: named_first.end("name")], None, None, None)
    if ENDS_WITH_TITLE.search(simple):
        return _with_role(compact, compact, simple)
    body = body_and_name(label)
    if body is not None:  # 省生态环境厅 张育奎: the person, of that body
        return ParsedLabel(body[1], SPACES.sub("", body[0]), SPACES.sub("", body[0]), None)
    if label.isascii():
        written = _collapse_spaces(label)  # MR LEE CHEUK-YAN keeps its spaces
        office, hosts = english_label(written)
        return ParsedLabel(written, office, None, "host" if hosts else None)
    return ParsedLabel(compact, None, None, None)


def _parse_named(label: str) -> ParsedLabel | None:
    """Labels that carry a Latin-script name, or a name and a role after a comma:

    - ``Georg Fahrion``: the person, kind from the conversation;
    - ``德新社Jörn Petring``, ``《明镜报》Georg Fahrion``: a reporter of that outlet;
    - ``CNBC《管理亚洲》主播 Christine Tan``: role and name (主播 hosts);
    - ``主持人Zanny Minton Beddoes，《经济学人》主编``: the host, and the role after the comma.
    """
    text = label.strip()
    asker = asker_with_unit(text)
    if asker is not None:
        name, unit = asker
        return ParsedLabel(name, unit, unit, "reporter")
    outlet_name = outlet_and_name(text) if split_latin_name(text) is None else None
    if outlet_name is not None:
        prefix, name, outlet = outlet_name
        return ParsedLabel(name, prefix, outlet, "reporter")
    parts = NAME_COMMA_ROLE.match(text)
    if parts is not None and _named_with_outlet_or_role(text) and split_latin_name(text) is None:
        head = parts.group("head").strip()
        role = SPACES.sub("", parts.group("role"))
        host = analysis_form(head).startswith("主持人")
        head = head[len("主持人"):].strip() if host else head
        latin = split_latin_name(head)
        name = latin[1] if latin is not None else SPACES.sub("", head)
        simple_role = analysis_form(TITLE_MARKS.sub(r"\1", role))
        kind: SpeakerKind | None = "host" if host or "主持" in simple_role or "主播" in simple_role else None
        return ParsedLabel(name, role, organization_of(TITLE_MARKS.sub(r"\1", role)), kind)
    latin = split_latin_name(text)
    if latin is None or not _named_with_outlet_or_role(text):
        return None
    prefix, name = latin
    simple_prefix = analysis_form(TITLE_MARKS.sub(r"\1", prefix))
    if not prefix:
        return ParsedLabel(name, None, None, None)
    if simple_prefix in HOST_WORDS:
        return ParsedLabel(name, None, None, "host")
    if ENDS_WITH_TITLE.search(simple_prefix):
        host = "主持" in simple_prefix or "主播" in simple_prefix
        organization = organization_of(TITLE_MARKS.sub(r"\1", prefix))
        return ParsedLabel(name, prefix, organization, "host" if host else None)
    return ParsedLabel(name, prefix, outlet_of(prefix), "reporter")


def _with_role(name: str, role: str, simple_role: str) -> ParsedLabel:
    org = organization_of(simple_role)
    written_org = role[: len(org)] if org and len(simple_role) == len(role) else org
    return ParsedLabel(name, role, written_org, "host" if "主持" in simple_role else None)
