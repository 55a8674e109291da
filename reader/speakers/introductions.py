"""What a briefing's introductions say about its speakers.

The preamble, the title and the first words of turns introduce people: ``出席今天发布会的
还有，公安部刑事侦查局局长刘忠义先生`` gives a short label its role, ``外交部发言人林剑主持
例行记者会`` gives a role-only label its name and says who answers ``答：``, and a host may
name themselves as their speech opens. Each function reads plain text and returns what it
found; ``reader.speakers.resolve`` decides what to do with it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from reader.progress import checkpoint
from reader.speakers.english import HEADER_ENTRY
from reader.speakers.labels import ParsedLabel, label_shape
from reader.speakers.names import (
    ENDS_WITH_TITLE,
    ROLE_THEN_NAME,
    SPACES,
    SURNAMES_SINGLE,
    TITLE_ALTERNATION,
    analysis_form,
    is_married_name,
    is_person_name,
)
from reader.speakers.people_lists import (
    INTRODUCTION_SPLIT,
    holding_body,
    last_introduced_role,
    listed_organization,
    role_piece,
)
from reader.speakers.roles import organization_of
from reader.text.fold import has_traditional, simplified_name, to_simplified


def roles_from_introductions(texts: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """Roles that introductions give names: ``…公安部刑事侦查局局长刘忠义先生…``.

    Names are looked for in simplified characters (one for one, so offsets hold): a page
    may introduce 毛宁 in a simplified title and label her 毛寧 in traditional text. The
    role is returned as the introduction writes it, keyed by the name as the label does.
    """
    texts = list(texts)
    wanted = [name for name in set(names) if len(name) >= 2]
    found: dict[str, str] = {}
    if not wanted:
        return found
    # A name is too short to hold a common traditional character (寧 is not one): in a
    # document that shows traditional script anywhere, names are converted whatever they hold.
    traditional = any(has_traditional(t) for t in (*texts, *wanted))
    by_form: dict[str, list[str]] = {}
    for name in wanted:
        by_form.setdefault(simplified_name(name) if traditional else name, []).append(name)
    pattern = re.compile(longest_first_pattern(by_form))
    for count, text in enumerate(texts):
        if not count % 256:
            checkpoint(0.75)  # the opening paragraphs of every turn: 10,000s on a large file
        for match in pattern.finditer(to_simplified(text)):
            pending = [name for name in by_form[match.group()] if name not in found]
            if not pending:
                continue
            before = text[max(0, match.start() - 40):match.start()]
            role = last_introduced_role(role_piece(before))
            if len(role) >= 2 and ENDS_WITH_TITLE.search(analysis_form(role)) and label_shape(role):
                if organization_of(role) is None and before.endswith(role):
                    earlier = before[: len(before) - len(role)]
                    role = (listed_organization(earlier) or holding_body(earlier) or "") + role
                for name in pending:
                    found[name] = role
    return found


def longest_first_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, the longest where several start at a
    place, as the alternation of them sorted longest first does, written as a trie.

    The plain alternation tries every word at every place that starts one: with the 11,583
    speakers of a 50 MB file, and ten times that in a year of briefings, finding the names
    in the turns' openings took minutes (issue 12). The trie tries one branch per character.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    ends = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a shorter word ends here: the longer ones first, then the empty rest
        return "(?:" + body + ")?" if len(branches) == 1 else body[:-1] + "|)"
    return body


# Where a name introduced after its role ends: a courtesy title, a verb of the briefing, punctuation.
NAME_BOUNDARY = (
    r"(?=先生|女士|同志|议员|議員|教授|博士|医生|醫生|资深大律师|資深大律師|大律师|大律師|太平绅士|太平紳士"
    r"|[大上中少][校将尉]|主持|介绍|出席|表示|回答|举行|召开|首先|宣布|指出|强调|答|会见|會見|联同|聯同|今早|今午"
    r"|今日|今天|昨日|昨天|日前|近日|采访|整理|采写|报道|\d"
    r"|[，、。；和及与在于就（(\s])"
)


def names_from_introductions(texts: Iterable[str], roles: Iterable[str],
                             known: Collection[str] = ()) -> dict[str, str]:
    """Names that introductions give role-only labels: ``外交部发言人林剑主持例行记者会``.

    A role introduced with two different names (two deputy ministers) gives none: the
    label cannot tell which of them spoke. ``known``: names speakers' labels give; a
    four-character "name" that is a word and one of them (``秘書向丁午壽議員報告``: 向 is "to")
    is that word and that speaker, nobody new.
    """
    wanted = sorted({r for r in roles if len(r) >= 2}, key=len, reverse=True)
    if not wanted:
        return {}
    pattern = re.compile(
        "(" + "|".join(re.escape(r) for r in wanted) + r")\s*([\u4e00-\u9fff·]{2,4}?)" + NAME_BOUNDARY
    )
    seen: dict[str, set[str]] = {}
    for count, text in enumerate(texts):
        if not count % 256:
            checkpoint(0.7)
        for match in pattern.finditer(text):
            name = analysis_form(match.group(2))
            titled = text.startswith(COURTESY_AFTER_NAME, match.end())
            if len(name) == 4 and name[1:] in known:
                continue
            if is_person_name(name) or (titled and len(name) == 4 and name[0] in SURNAMES_SINGLE) or (
                is_married_name(name) and has_traditional(text)
            ):
                seen.setdefault(match.group(1), set()).add(match.group(2))
    return {role: next(iter(names)) for role, names in seen.items() if len(names) == 1}

# A four-character name after a role is a name when a courtesy title follows it: Hong Kong
# names a married woman with both surnames (主席范徐麗泰議員).
COURTESY_AFTER_NAME = ("议员", "議員", "先生", "女士")




# ``外交部发言人洪磊主持例行记者会``: a spokesperson introduced by role and name.
SPOKESPERSON_INTRODUCED = re.compile(r"发言人\s*([\u4e00-\u9fff·]{2,4}?)" + NAME_BOUNDARY)

TITLED_NAME = re.compile(rf"(?:{TITLE_ALTERNATION})\s*([\u4e00-\u9fff·]{{2,4}}?){NAME_BOUNDARY}")

ANSWERING_WORDS = re.compile(r"介绍|答记者问|回答|答问")

UNNAMED_ANSWERER = re.compile(r"负责人|负责同志|有关部门|相关部门")

SENTENCE_SPLIT = re.compile(r"[。；;！？]")


def answering_spokesperson(texts: Iterable[str]) -> tuple[str, str] | None:
    """(name, role) of the one spokesperson the preamble introduces, or None.

    Briefings written as ``问：``/``答：`` (外交部 transcripts before 2019, ministry Q&A
    articles) say who answers only in the preamble: ``外交部发言人洪磊主持例行记者会``. Two
    different spokespeople introduced name nobody: the label cannot tell which answered.
    """
    found: dict[str, str] = {}
    answerers: set[str] = set()
    texts = list(texts)
    for text in texts:
        for sentence in SENTENCE_SPLIT.split(text):
            if ANSWERING_WORDS.search(sentence):
                answerers.update(m.group(1) for m in TITLED_NAME.finditer(sentence))
                if UNNAMED_ANSWERER.search(sentence):
                    answerers.add("")  # 国家统计局有关负责人就…答记者问: someone unnamed answers
        for match in SPOKESPERSON_INTRODUCED.finditer(text):
            name = match.group(1)
            if not is_person_name(analysis_form(name)):
                continue
            pieces = INTRODUCTION_SPLIT.split(text[max(0, match.start() - 20):match.start()])
            found.setdefault(name, last_introduced_role(pieces[-1] if pieces else "") + "发言人")
    if len(found) != 1 or answerers - set(found):
        return None  # 请公安部副部长杜航伟介绍情况，并答记者问: others answer too
    return next(iter(found.items()))

# ``任正非答新员工问``, ``国务院总理李克强答中外记者问``, ``王毅就中美关系答记者问``: the title
# names who answers; what follows 答 up to 问 says whom (never a name of its own).
TITLE_ANSWERER = re.compile(
    r"^(?P<who>[^，。：:、\s]{2,24}?)(?:就[^答]{1,40}?)?(?:回)?答(?P<whom>[^，。：:、\s答]{0,12}?)问"
)

TITLE_LENGTH = 60  # characters: a lead text longer than this is a paragraph, not a title


# ``总统蔡英文接受BBC专访``, ``王毅接受《人民日报》采访``: the one interviewed answers.
TITLE_INTERVIEWEE = re.compile(
    r"^(?:\d{6,8}\s*)?(?P<who>[^，。：:、\s]{2,24}?)(?:今天|今日|日前|近日)?(?:接受|答)[^，。：:、\s]{1,24}?"
    r"(?:专访|專訪|采访|採訪|访问|訪問|联访|聯訪)"
)


def answerer_named_in_title(lead_texts: Sequence[str]) -> ParsedLabel | None:
    """The one person a ``…答…问`` or ``…接受…专访`` title names, for the bare ``答：`` labels.

    A company or forum Q&A (``任正非答新员工问``) names its answerer only there; a title that
    names a role and no person (``外交部发言人答记者问``) names nobody.
    """
    if not lead_texts or len(lead_texts[0]) > TITLE_LENGTH:
        return None
    title = lead_texts[0].strip().lstrip("#").strip()
    match = TITLE_ANSWERER.match(title) or TITLE_INTERVIEWEE.match(title)
    if match is None:
        return None
    written = match.group("who")
    simple = analysis_form(written)
    if len(simple) != len(written):
        return None
    if is_person_name(simple):
        return ParsedLabel(written, None, None, "official")
    role_name = ROLE_THEN_NAME.match(simple)
    if role_name is None or not is_person_name(role_name.group("name")):
        return None
    role = written[: role_name.end("role")]
    return ParsedLabel(written[role_name.start("name"):], role, organization_of(role), "official")


# A role and name that open a host's speech, set off by a space: ``处长柯宜达 女士们…``.
# The role and name a bare 主持人's speech opens with, before a space, or alone in the
# first paragraph (``主持人：`` / ``省委宣传部副部长、省政府新闻办主任叶雄彪`` / the speech).
SPEECH_OPENING_NAME = re.compile(r"^(\S{3,40}?)[\s\u3000]+\S|^([^\s，。；！？,.;!?]{3,40})$")


def host_named_in_speech(speech: str) -> ParsedLabel | None:
    """The host a bare ``主持人：`` label names in the first words of its speech, as provincial
    transcripts write it (``主持人：福建省委宣传部对外新闻处处长柯宜达 女士们、先生们…``)."""
    match = SPEECH_OPENING_NAME.match(speech)
    if not match:
        return None
    written = match.group(1) or match.group(2)
    simple = analysis_form(written)
    if len(simple) != len(written):
        return None
    role_name = ROLE_THEN_NAME.match(simple)
    if not role_name or not is_person_name(role_name.group("name")):
        return None
    role = written[: role_name.end("role")]
    return ParsedLabel(written[role_name.start("name"):], role, organization_of(role), "host")

# ``今天的发布会由国新办新闻局局长王五主持``: who hosts, said before they speak.
HOST_INTRODUCED = re.compile(r"由\s*(?P<who>[^，。；：:由]{2,40}?)\s*(?:主持|主持召开|主持举行)"
                             r"|^\s*主持人?\s*[：:]\s*(?P<header>[^。；：:]{2,80}?)\s*$")


def host_introduced(texts: Iterable[str]) -> ParsedLabel | None:
    """The host a lead names (``由…王五主持``, or a header line ``主持人：…新闻发言人寿小丽``),
    with their role, or None (none, or two)."""
    found: dict[str, ParsedLabel] = {}
    previous = ""
    for text in texts:
        # A header's label may stand on its own line: 主持人： / Chairperson:, then who.
        if previous.strip() in HEADER_LABEL_LINES:
            text = previous.strip() + text
        previous = text
        for match in HOST_INTRODUCED.finditer(text):
            who = match.group("who") or match.group("header")  # 由…主持; a header's 主持人：…
            simple = analysis_form(who)
            role_name = ROLE_THEN_NAME.match(simple)
            compact = SPACES.sub("", who)
            if role_name and is_person_name(role_name.group("name")) and len(simple) == len(compact):
                role = compact[: role_name.end("role")]
                found[role_name.group("name")] = ParsedLabel(compact[role_name.start("name"):], role,
                                                             organization_of(role), "host")
            elif is_person_name(simple):
                found[simple] = ParsedLabel(SPACES.sub("", who), None, None, "host")
        chair = ENGLISH_CHAIR_LABEL.match(text)
        entry = HEADER_ENTRY.match(text, chair.end()) if chair is not None else None
        if entry is not None:  # Chairperson: Ms. Shou Xiaoli, spokesperson of the SCIO
            found[entry.group("name")] = ParsedLabel(entry.group("name"), None, None, "host")
    return next(iter(found.values())) if len(found) == 1 else None


HEADER_LABEL_LINES = frozenset({"主持人：", "主持人:", "Chairperson:", "Moderator:", "Host:", "Chair:"})
# An English header's chair: ``Chairperson: Ms. Shou Xiaoli, deputy director general of …``.
ENGLISH_CHAIR_LABEL = re.compile(r"\s*(?:Chairperson|Moderator|Host|Chair)\s*:\s*")


# A chair handed over in speech: ``我現在邀請丁午壽議員主持選舉``, ``请李明同志主持``.
CHAIR_HANDOVER = re.compile(
    r"(?:邀请|邀請|请|請)\s*(?P<who>[\u4e00-\u9fff]{2,4}?)\s*(?:议员|議員|先生|女士|同志)?\s*(?:来|來)?主持"
)


def chair_handed_to(speech: str) -> list[str]:
    """Who a speaker invites to chair (as written); the caller keeps the names of its speakers."""
    return [m.group("who") for m in CHAIR_HANDOVER.finditer(speech)]


def one_guest_introduced(texts: Iterable[str], speakers: Collection[str]) -> ParsedLabel | None:
    """The one person a lead or a host's opening introduces by title and name who has no label
    of their own (``今天我们请到了国家统计局局长王强``): who a bare ``嘉宾：`` is. None for two."""
    found: dict[str, ParsedLabel] = {}
    for text in texts:
        simple_text = to_simplified(text)
        for m in TITLED_NAME.finditer(simple_text):
            name = analysis_form(m.group(1))
            if not is_person_name(name) or name in speakers:
                continue
            found[name] = introduced_person(text, (m.start(), m.start(1)), m.span(1))
    return next(iter(found.values())) if len(found) == 1 else None


def introduced_person(text: str, title: tuple[int, int], name: tuple[int, int]) -> ParsedLabel:
    """The person an introduction names at ``name``, with the role that ends in the title at
    ``title``: the title and what stands before it, back to the introduction's last separator
    (``…综合统计司司长、新闻发言人`` stays whole; ``司长张三、副司长李四`` gives 李四 his own)."""
    before = role_piece(text[max(0, title[0] - 30) : title[0]])
    role = last_introduced_role(before) + text[title[0] : title[1]].strip()
    return ParsedLabel(text[name[0] : name[1]], role, organization_of(role), None)

