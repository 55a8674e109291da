"""Label forms that name an asker or a reporter in one piece, read without the rest of
``reader.speakers.labels`` (which imports them):

- ``问题一（瑞典研究所/沈晴霞）``, ``（独联体/杨春红）``: an asker, their unit after a slash;
- ``新华社 赵东辉``, ``《山西日报》刘瑞强``: a reporter, the outlet before the name;
- ``问（To李杰）``: a question put to one person, who answers it;
- ``与会者A``, ``网友1``, ``记者甲``: someone the record names only by a letter or a number;
- ``网友 小李``, ``网友“江南雨”``: an online interview's asker, by their screen name;
- ``嘉宾 张三``, ``嘉宾：`` before speech: an online interview's guest;
- ``李忠答``, ``李卓人議員問``: who answers, who asks, named before the verb;
- ``PRESIDENT``, ``SECRETARY FOR SECURITY``, ``MR LEE CHEUK-YAN``: an English record's labels.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from reader.speakers.english import (
    ENGLISH_TITLE_WORDS,
    HEADER_ENTRY,
    english_title_after,
    english_title_opens,
)
from reader.speakers.label_words import ANSWER_SUFFIXES, NOT_SPEAKER_ENDINGS
from reader.speakers.names import (
    ENDS_WITH_TITLE,
    NAME_THEN_TITLE,
    NOT_NAME_ENDINGS,
    ROLE_THEN_NAME,
    SPACES,
    SURNAMES_SINGLE,
    TITLE_ALTERNATION,
    TITLE_MARKS,
    analysis_form,
    is_person_name,
    outlet_of,
)
from reader.text.fold import to_simplified

SENTENCE_PUNCTUATION = re.compile(r"[，。；！？!?;,…“”\"《》〈〉「」『』—~～|/\\=<>#*]")

# Function words that make a phrase of a label (``各地的做法``); names and titles lack them.
FUNCTION_WORDS = frozenset("的了吗呢着把被")

REPORTER_WORD = "记者"


# An asker and their unit in parentheses after a question word (``问题一（瑞典研究所/沈晴霞）``,
# ``提问（独联体/杨春红）``) or alone (``（独联体/杨春红）`` for a follow-up): unit, slash, name.
ASKER_WITH_UNIT = re.compile(
    r"^(?P<ask>(?:问|提问|问题)[一二三四五六七八九十\d]{0,3})?[（(](?P<unit>[^（(）)/／]{2,20})[/／]"
    r"(?P<name>[^（(）)/／]{2,20})[）)]$"
)


def asker_with_unit(label: str) -> tuple[str, str] | None:
    """``问题一（瑞典研究所/沈晴霞）``: 沈晴霞 asks, from 瑞典研究所 (the unit is her role)."""
    match = ASKER_WITH_UNIT.match(SPACES.sub("", label))
    if match is None or not is_person_name(analysis_form(match.group("name"))):
        return None
    return match.group("name"), match.group("unit")


def outlet_and_name(label: str) -> tuple[str, str, str] | None:
    """(outlet as written, name, outlet) for ``新华社 赵东辉``, ``《山西日报》刘瑞强``: an outlet,
    then a Chinese personal name, with or without a space: a reporter of that outlet."""
    text = label.strip()
    cuts = [len(text) - n for n in (3, 2, 4) if len(text) > n]
    if " " in text:
        cuts.insert(0, text.rindex(" "))
    for cut in cuts:
        prefix, name = text[:cut].strip(), text[cut:].strip()
        simple_prefix = analysis_form(TITLE_MARKS.sub(r"\1", prefix))
        simple_name = analysis_form(name)
        if not prefix or not is_person_name(simple_name) or ENDS_WITH_TITLE.search(simple_prefix):
            continue
        if simple_name.endswith(NOT_SPEAKER_ENDINGS):
            continue  # 《政府工作报告》解读: a heading's word (解 is also a surname)
        outlet = outlet_of(prefix)
        if outlet is None or REPORTER_WORD in simple_prefix or not _only_an_outlet(prefix):
            continue
        return prefix, name, outlet
    return None


# How the name of a public body or a firm ends: a label made of one and a person's name is
# that person, of that body (``省生态环境厅 张育奎``, ``国务院新闻办新闻局寿小丽``).
BODY_ENDINGS = ("办公室", "委员会", "新闻办", "政府", "中心", "集团", "公司", "银行", "大学", "协会", "法院",
                "检察院", "厅", "局", "部", "委", "院", "署", "办")


def body_and_name(label: str) -> tuple[str, str] | None:
    """(body as written, name) for ``省生态环境厅 张育奎``, ``陕西省人民政府新闻办公室张竞怡``: a
    body, then a person's name, with or without a space, and no title between them (with a
    title, ``公安部副部长杜航伟`` is read as role and name)."""
    text = label.strip()
    # Run together, only a three-character name: 公安部官微, 人民银行官宣 are a body's words.
    cuts = [len(text) - 3] if len(text) > 4 else []
    if " " in text:
        cuts.insert(0, text.rindex(" "))
    for cut in cuts:
        prefix, name = text[:cut].strip(), text[cut:].strip()
        simple_prefix, simple_name = analysis_form(prefix), analysis_form(name)
        if len(simple_prefix) < 2 or not simple_prefix.endswith(BODY_ENDINGS):
            continue
        if not is_person_name(simple_name):
            continue
        if SENTENCE_PUNCTUATION.search(simple_prefix) or any(ch in FUNCTION_WORDS for ch in simple_prefix):
            continue
        return prefix, name
    return None


# Taiwan's 立法院 records write a label as surname, title, given name: ``林委員國成`` is
# 林國成, a 委員; ``唐部長鳳`` is 唐鳳, a 部長; ``蘇院長貞昌`` is 蘇貞昌, a 院長.
SURNAME_TITLE_GIVEN = re.compile(rf"^(?P<surname>[\u4e00-\u9fff])(?P<title>{TITLE_ALTERNATION})"
                                 r"(?P<given>[\u4e00-\u9fff]{1,2})$")
#: What follows a surname and a title that is a verb, not a given name (張主任介紹, 李局長答).
NOT_GIVEN_NAMES = frozenset({"介绍", "指出", "回答", "答", "问", "发言", "致辞", "致词", "补充", "说明",
                             "回应", "表示", "说", "讲话", "报告", "总结", "主持", "提问", "再答", "续答"})


#: Last characters of the verbs a report puts after a title (林委員質詢, 蘇院長重申, 反問, 痛批,
#: 說道): never a given name's there.
VERB_ENDINGS = frozenset("询申问批称道说讲谈示述承认斥吁")


def surname_title_given(label: str) -> tuple[str, str] | None:
    """(name, title) as written for ``林委員國成`` (林國成, 委員); None for other labels."""
    compact = SPACES.sub("", label)
    simple = analysis_form(label)
    match = SURNAME_TITLE_GIVEN.match(simple)
    if match is None or len(simple) != len(compact) or match.group("surname") not in SURNAMES_SINGLE:
        return None
    given = match.group("given")
    if (given in NOT_GIVEN_NAMES or given[-1] in NOT_NAME_ENDINGS or given[0] in NOT_NAME_ENDINGS
            or given[-1] in VERB_ENDINGS):
        return None
    name = compact[0] + compact[match.start("given"):]
    return name, compact[match.start("title"):match.end("title")]


# An outlet named alone: ``《山西日报》``, or a short name without sentence punctuation.
OUTLET_ALONE = re.compile(r"^《[^《》]{1,20}》$")


def _only_an_outlet(prefix: str) -> bool:
    """``新华社``, ``《山西日报》``; not a phrase that merely holds a title (``《金星秀》一度是…``)."""
    if OUTLET_ALONE.match(prefix):
        return True
    simple = analysis_form(prefix)
    return (len(simple) <= 10 and "《" not in simple and not SENTENCE_PUNCTUATION.search(simple)
            and not any(ch in FUNCTION_WORDS or ch.isdigit() or ch == "." for ch in simple))


# A question put to one of several people on the podium: ``问（To李杰）``, ``问（to 李杰）``,
# ``提问（致王五）``.
ADDRESSED_QUESTION = re.compile(
    r"^(?:问|提问|问题[一二三四五六七八九十\d]{0,3})[（(](?:to|致)\s*(?P<who>[^（(）)]{2,20})[）)]$",
    re.IGNORECASE,
)


def addressed_to(label: str) -> str | None:
    """Whom a question label puts its question to (``问（To李杰）`` → 李杰), or None."""
    match = ADDRESSED_QUESTION.match(label.strip())
    if match is None:
        return None
    who = match.group("who").strip()
    return who if is_person_name(analysis_form(who)) else None


# Who the record names only by a letter or a number after what they are (``与会者A``,
# ``網友 1``, ``记者甲``): a person, not a numbered item (``案例一``) or a list (``与会人员：``).
ANONYMOUS_PARTICIPANT = re.compile(
    # Roles of a meeting or an interview only: 患者A, 居民B are a case report's subjects.
    r"^(?P<word>记者|观众|现场观众|网友|网民|听众|读者|提问者|与会者|参会者|参加者|嘉宾|学员"
    r"|代表|委员|专家|发言者|发言人|受访者)"
    r"(?:[A-Za-zＡ-Ｚａ-ｚ]|[0-9０-９]{1,2}|[甲乙丙丁戊己庚辛])$"
)

#: Of those, the ones who come to ask: reporters, in the kinds the reader shows.
ASKING_PARTICIPANTS = frozenset({"记者", "观众", "现场观众", "网友", "网民", "听众", "读者", "提问者"})


def anonymous_participant(compact: str) -> str | None:
    """The kind of speaker a lettered or numbered label names (``网友1`` asks: a reporter;
    ``与会者B`` takes part: other), or None when ``compact`` (an analysis form) is not one."""
    match = ANONYMOUS_PARTICIPANT.match(compact)
    if match is None:
        return None
    return "reporter" if match.group("word") in ASKING_PARTICIPANTS else "other"


# An online interview's asker by screen name: after a space (``网友 小李``, ``[网友 小李]``),
# in quotes (``网友“江南雨”``) or with Latin letters or digits (``网友abc123``). A bare
# ``网友调侃`` is a news article's reported speech, so a name run on in Chinese is not one.
ASKER_BY_SCREEN_NAME = re.compile(
    r"^(?:网友|网民|听众|观众|读者)(?:\s+[^\s“”\"「」『』]{1,16}|[“\"「『][^“”\"「」『』]{1,16}[”\"」』]"
    r"|[A-Za-z0-9_][A-Za-z0-9_.\-]{1,20})$"
)


ASKER_INITIALS = frozenset("网網听聽观觀读讀")


def asker_by_screen_name(label: str) -> bool:
    """``网友 小李``, ``网友“江南雨”``: an asker of an online interview (label as written, spaces kept)."""
    stripped = label.strip()
    if stripped[:1] not in ASKER_INITIALS:
        return False  # most labels: no conversion, no match
    return ASKER_BY_SCREEN_NAME.match(to_simplified(stripped)) is not None


#: How online interviews label their guest, with no name (``嘉宾：``) or before one.
GUEST_WORDS = ("特邀嘉宾", "访谈嘉宾", "在线嘉宾", "嘉宾")


#: What follows 嘉宾 in a page's headings, not a guest's name (嘉宾简介: 简 is also a surname).
NOT_GUEST_NAMES = frozenset({"简介", "介绍", "金句", "观点", "名单", "寄语", "感言", "语录", "风采", "档案",
                             "资料", "阵容", "致辞", "发言", "提问", "问答", "互动", "访谈", "对话", "看点"})


def guest_named(compact: str) -> str | None:
    """``嘉宾张三`` → ``张三`` (an analysis form in, the part after the guest word out), or None."""
    for word in GUEST_WORDS:
        if compact.startswith(word) and len(compact) > len(word):
            rest = compact[len(word):]
            return None if rest in NOT_GUEST_NAMES else rest
    return None


# Speech after a bare guest label (``嘉宾：今年经济…，``), not the list of guests a page's
# header gives (``嘉宾：国家统计局局长王强``, ``嘉宾：张三、李四``).
SPEECH_PUNCTUATION = re.compile(r"[，。！？,!?；;]")


LIST_PIECE = re.compile(r"[，,、；;。]")


def guest_label_before_speech(label: str, rest: str) -> bool:
    """A bare ``嘉宾`` label that opens a turn: its speech follows, on the line or below it;
    not a list of guests, each introduced by role and name (``著名作家王安忆，文学评论家陈思和``)."""
    if "嘉" not in label or analysis_form(label) not in GUEST_WORDS:
        return False  # most labels: a one-character test, no conversion
    if not rest.strip():
        return True
    if SPEECH_PUNCTUATION.search(rest[:80]) is None:
        return False
    first = analysis_form(LIST_PIECE.split(rest.strip(), 1)[0])
    return not (is_person_name(first) or ROLE_THEN_NAME.match(first))


# What opens or ends a question: an outlet's label before one asks (see ``outlet_asking``).
ASKING = re.compile(r"[？?]|^\s*(?:请问|請問|我想问|我想問|想请问|想請問)")
MAX_OUTLET_LABEL = 20


def outlet_asking(label: str, rest: str) -> bool:
    """An outlet alone as the label, a question after it (``新华社：…请问对此有何评论？``,
    ``台湾联合报：…``): a reporter of that outlet asks. Alone, without a question, such a
    label heads what the outlet published (``人民日报：坚持…``) and stays text."""
    if ASKING.search(rest[:300]) is None:
        return False  # the cheap test first: most sentences after a colon ask nothing
    compact = analysis_form(label)
    if not 2 <= len(compact) <= MAX_OUTLET_LABEL:
        return False
    if SENTENCE_PUNCTUATION.search(TITLE_MARKS.sub(r"\1", compact)):
        return False
    return not any(ch in FUNCTION_WORDS for ch in compact) and outlet_of(label) is not None


def outlet_asks_in_turns(label: str, rest: str, known: Collection[str] | None) -> bool:
    """``outlet_asking`` inside a transcript: another speaker's label came before, so a
    commentary's headline (``新华社：美方为何拒绝？``) above an article is not one."""
    return bool(known) and outlet_asking(label, rest)


#: Labels of a page's header lines that list who takes part (``主持人：国务院新闻办公室新闻局
#: 副局长、新闻发言人寿小丽``, ``Chairperson: Ms. Shou Xiaoli, spokesperson of the SCIO``).
HEADER_LABELS = frozenset({"主持人", "主持", "发布人", "发布嘉宾", "出席嘉宾", "出席人", "主讲人", "主讲嘉宾",
                           "访谈嘉宾", "采访嘉宾", "受访嘉宾", "出席"})
ENGLISH_HEADER_LABELS = frozenset({"speakers", "speaker", "chairperson", "chair", "host", "moderator",
                                   "presenter", "briefer", "briefers",
                                   "guests", "guest", "participants", "attendees", "presenters", "panelists",
                                   "panellists"})
SENTENCE_END = re.compile(r"[。！？!?；;：:]")
MAX_HEADER_WORDS = 10  # Presenter: Pentagon Press Secretary Geoff Morrell
# Words a host's speech opens with, never a header's list: 请康局长回答, 下面请…, 今天我们请到…
SPEECH_OPENINGS = ("请", "有请", "下面", "谢谢", "欢迎", "今天", "现在", "好的", "各位", "首先", "接下来",
                   "大家", "感谢", "我们", "那么", "最后")


def header_line(label: str, rest: str) -> bool:
    """A header line naming who takes part, not a turn (the caller asks only above the first
    turn): a 主持人 or 发布人 label followed only by roles and names, each piece between
    commas a role and a person's name (no sentence, no 请…), or an English ``Speakers:`` /
    ``Chairperson:`` line of entries ``Ms. Shou Xiaoli, <title>``."""
    speech = rest.strip()
    if not speech:
        return False
    if label.isascii():
        if label.strip().lower() not in ENGLISH_HEADER_LABELS:
            return False
        entry = HEADER_ENTRY.match(speech)  # its title after the comma: english_title_after
        if entry is None:  # Presenter: Pentagon Press Secretary Geoff Morrell
            words = speech.split()
            return (len(words) <= MAX_HEADER_WORDS and all(w[:1].isupper() for w in words)
                    and any(w in ENGLISH_TITLE_WORDS for w in words[:-1]))
        end = entry.end()
        return english_title_after(speech, end) is not None or english_title_opens(speech, end)
    simple = analysis_form(SPACES.sub("", speech))
    if (analysis_form(label) not in HEADER_LABELS or len(speech) > 160 or SENTENCE_END.search(speech)
            or simple.startswith(SPEECH_OPENINGS)):
        return False
    for piece in re.split(r"[，,]", simple):
        parts = ROLE_THEN_NAME.match(piece)
        if parts is None or not is_person_name(parts.group("name")):
            return False
    return True


def answerer_of(compact: str) -> str | None:
    """``李忠答`` → ``李忠``: who answers, in Q&A articles that label answers this way."""
    for suffix in ANSWER_SUFFIXES:
        if compact.endswith(suffix) and len(compact) > len(suffix) + 1:
            return compact[: -len(suffix)]
    return None


ASK_SUFFIXES = ("提问", "发问", "问")


def asker_of(compact: str) -> str | None:
    """``李卓人议员问`` → ``李卓人议员``: who asks, as a record of oral questions labels them;
    only a person with a title (``李卓人议员``, ``某某委员会委员王五``), never ``有人问`` or an
    article's ``王女士问``."""
    for suffix in ASK_SUFFIXES:
        if compact.endswith(suffix) and len(compact) > len(suffix) + 1:
            who = compact[: -len(suffix)]  # with a title: 王女士问 is an article reporting a caller
            titled = NAME_THEN_TITLE.match(who)
            if (titled is not None and is_person_name(titled.group("name"))) or ROLE_THEN_NAME.match(who):
                return who
            return None
    return None


# An English record's chair (Hong Kong's LegCo, a committee) and its offices.
ENGLISH_CHAIRS = frozenset({
    "PRESIDENT", "MADAM PRESIDENT", "MR PRESIDENT", "THE PRESIDENT", "DEPUTY PRESIDENT", "CHAIRMAN",
    "CHAIRWOMAN", "CHAIR", "THE CHAIRMAN", "MR CHAIRMAN", "MADAM CHAIRMAN", "DEPUTY CHAIRMAN",
})
ENGLISH_OFFICE = re.compile(
    r"\b(?:SECRETARY|MINISTER|DIRECTOR|COMMISSIONER|SPOKES(?:MAN|WOMAN|PERSON)|CHIEF EXECUTIVE|CHAIRMAN"
    r"|PRESIDENT|GOVERNOR|MAYOR|AMBASSADOR|CONSUL|SPEAKER|PREMIER|OFFICER|CEO|CFO|COO|CTO)\b"
)
ENGLISH_COURTESY = re.compile(r"^(?:MR|MRS|MISS|MS|DR|PROF|PROFESSOR|SIR|DAME|THE HONOURABLE|HON)\.?\s")


def english_label(written: str) -> tuple[str | None, bool]:
    """(role, hosts) of an English label as written: a chair hosts, an office is its own role
    (``SECRETARY FOR SECURITY``), a person (``MR LEE CHEUK-YAN``) is known by the conversation."""
    upper = written.upper()
    if upper in ENGLISH_CHAIRS:
        return written, True
    if ENGLISH_OFFICE.search(upper) and not ENGLISH_COURTESY.match(upper):
        return written, False
    return None, False
