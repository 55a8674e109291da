"""Speaker markers: where a turn starts.

A turn starts where a paragraph (or a ``<br>``-separated line) begins with a speaker
label and a colon. ``MARKER_RULES`` is the ordered list of ways a marker is recognised;
the first rule that accepts a line wins. Every rule first passes ``label_shape``: a label
is short, has no sentence punctuation, is not an enumeration (``一是``, ``（二）``) and is
not a metadata field (``责任编辑``, ``来源``, ``原标题``, ``编者按``...). A colon inside a
link (headline lists such as ``公安部：要持续…``) is never a marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from reader.parse.blocks import Line, Run
from reader.speakers.english import english_office
from reader.speakers.label_forms import guest_label_before_speech, outlet_asks_in_turns
from reader.speakers.label_words import NOT_SURNAME_LABELS
from reader.speakers.labels import (
    MAX_LABEL,
    label_shape,
    looks_like_speaker,
    parse_label,
)
from reader.speakers.names import (
    ENDS_WITH_TITLE,
    LATIN_GLOSS,
    ROLE_THEN_NAME,
    SPACES,
    SURNAMES_SINGLE,
    analysis_form,
    is_person_name,
)
from reader.text.fold import COLONS

COLON = re.compile(f"[{COLONS}]")
# The language a Legislative Council record notes after a member's label: ``(in Cantonese)``,
# ``（以英語發言）``, or a recording's time (``Matthew Miller (00:04):``, rev.com). Part of the
# marker as written, not of the speaker's name.
_LANGUAGE = r"(?:Cantonese|Putonghua|English|Mandarin)"
LANGUAGE_NOTE = re.compile(
    rf"(?:\s*[(（](?:in {_LANGUAGE}(?: and {_LANGUAGE})?|Translation|譯文|译文|\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    r"|以(?:廣東話|广东话|粵語|粤语|普通話|普通话|英語|英语)(?:發言|发言))[)）])+\s*$"
)
MAX_LANGUAGE_NOTE = 40

# What may stand before a label at the start of a paragraph: a bullet (●王毅：, ■记者：) or
# the clock time of a live text (10:02 寿小丽：, [10:05:30] 杜航伟：).
# Any number of them, matched in one pass: stripping one at a time recursed once per bullet
# (a line of 1,000 ● was a RecursionError) and copied the rest of the line each time.
LEADING_BULLETS = re.compile(
    r"^(?:(?:[●■◆▲★◇□○▶►◎※◼◾]|[\[【（(]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[\]】）)]?)\s*)+"
)

# A question put after the briefing, as 外交部 transcripts end (``会后，有记者问及：…``,
# ``（记者会后，有记者问及：…）``): the words before the label open the marker, as a bullet does.
AFTER_THE_BRIEFING = re.compile(
    r"^[（(]?\s*(?:记者|記者|发布|發布)?[会會][后後]\s*[，,、]?\s*"
    r"(?=有[\u4e00-\u9fff]{0,8}[记記]者(?:问及|問及|问到|問到|提问|提問|问|問)\s*[：:])"
)

# ``[主持人]``, ``【主持人】``, ``［主持人］``, ``〔主持人〕``, ``〖主持人〗``: a label in brackets.
BRACKETED_LABEL = re.compile(rf"^[\[【［〔〖]([^\[\]【】［］〔〕〖〗]{{1,40}})[\]】］〕〗]\s*[{COLONS}]?")
# A column's header, ``【作者・專欄名】``: an author and the column they write, not a speaker.
COLUMN_HEADER = re.compile(r"[・·•‧](?=.*(?:專欄|专栏|欄目|栏目|評論|评论|隨筆|随笔|手記|手记|觀察|观察|"
                           r"周記|周记|札記|札记|時評|时评|社評|社评|漫談|漫谈|專題|专题|週刊|周刊))")


@dataclass(frozen=True, slots=True)
class Marker:
    """A speaker marker found at the start of a line.

    ``written`` is the marker as the window shows it (label and colon); ``label`` is the
    label without the colon, at ``label_offset`` in ``written``; ``rest`` is the speech
    that followed on the same line, as runs.
    """

    label: str
    written: str
    label_offset: int
    rest: Line


def _collapse(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u3000", " ").replace("\u00a0", " ")).strip()

MarkerRule = Callable[[Line, str, "Collection[str] | None"], "Marker | None"]


def _split_at(line: Line, cut: int) -> Line:
    """The runs of ``line`` from character ``cut`` on, leading white space dropped."""
    out: list[Run] = []
    pos = 0
    for run in line:
        end = pos + len(run.text)
        if end > cut:
            out.append(Run(run.text[max(0, cut - pos):], run.bold, run.link))
        pos = end
    while out and not out[0].text.strip(" \u3000\u00a0"):
        out.pop(0)
    if out:
        out[0] = Run(out[0].text.lstrip(" \u3000\u00a0"), out[0].bold, out[0].link)
    return tuple(out)


def _styles(line: Line, upto: int) -> tuple[bool, bool]:
    """(every non-blank character before ``upto`` is bold, the character at ``upto`` is in a link)."""
    pos = 0
    all_bold = True
    colon_link = False
    for run in line:
        end = pos + len(run.text)
        if pos < upto and not run.bold and run.text[: upto - pos].strip():
            all_bold = False
        if pos <= upto < end:
            colon_link = run.link
        pos = end
    return all_bold, colon_link


def bracketed_marker(line: Line, text: str, known: Collection[str] | None) -> Marker | None:
    """``【主持人】``, ``[主持人 寿小丽]``: a bracketed label opening the line, bold or naming a speaker."""
    match = BRACKETED_LABEL.match(text)
    if not match:
        return None
    label = _collapse(match.group(1))
    all_bold, _ = _styles(line, match.end(1))
    if COLUMN_HEADER.search(label):
        return None
    speech = text[match.end():]
    # [嘉宾]：…, [新华社]：请问…
    guest = guest_label_before_speech(label, speech) or outlet_asks_in_turns(label, speech, known)
    if not guest and (not label_shape(label) or not (all_bold or looks_like_speaker(label, known))):
        return None
    opening, closing = text[0], text[match.end(1)]
    colon = text[match.end() - 1] if text[match.end() - 1] in COLONS else ""
    return Marker(label, f"{opening}{label}{closing}{colon}", 1, _split_at(line, match.end()))


def colon_marker(line: Line, text: str, known: Collection[str] | None) -> Marker | None:
    """``公安部副部长杜航伟：`` in bold, or a plain label that names a speaker by its form."""
    match = COLON.search(text, 0, MAX_LABEL + 8 + MAX_LANGUAGE_NOTE)
    if not match:
        return None
    stamped = LABEL_TIMESTAMP.match(text, match.start())  # Matthew Miller (00:04): the time's colon
    if stamped is not None:
        match = COLON.search(text, stamped.end(), stamped.end() + 3) or match
    raw = text[: match.start()]
    note = LANGUAGE_NOTE.search(raw)  # MR CHAN HAN-PAN (in Cantonese): the label without the note
    if note is not None:
        raw = raw[: note.start()]
    elif match.start() > MAX_LABEL + 8 and not (raw.isascii() and (raw.isupper() or english_office(raw))):
        return None
    label = _collapse(raw)
    speech = text[match.end():]
    # 嘉宾：今年…，新华社：请问…，柯：應該可以啦…
    guest = (guest_label_before_speech(label, speech) or outlet_asks_in_turns(label, speech, known)
             or _surname_before_speech(label, speech))
    if not guest and not label_shape(label):
        return None
    all_bold, colon_in_link = _styles(line, match.start())
    if colon_in_link or (NAME_AS_VALUE.match(speech.strip()) and english_office(label) is not None):
        return None  # Secretary for Security: Mr Chris Tang Ping-keung: a list of appointments
    if not all_bold and not guest:
        # A name that is a link (<a>李明</a>：, <a>中国工商银行</a>副行长张三：) still names its
        # speaker; a linked word that names nobody (<a>公安部</a>：…) heads a list item.
        label_in_link = any(run.link and run.text.strip() for run in _head(line, match.start()))
        if not looks_like_speaker(label, known) or (label_in_link and not _names_a_person(label)):
            return None
    written = label + match.group()
    if note is not None:
        space = " " if note.group()[0].isspace() else ""
        written = label + space + _collapse(note.group()) + match.group()
    cut = match.end()
    stamp = SPEECH_TIMESTAMP.match(text, cut)  # Boris Johnson: (06:02) Good afternoon.
    if stamp is not None:
        written, cut = written + text[cut:stamp.end()].rstrip(), stamp.end()
    return Marker(label, written, 0, _split_at(line, cut))


# The rest of a time in brackets after a label, from its first colon (``Matt (00:09):``).
LABEL_TIMESTAMP = re.compile(
    r"(?:(?<=[(\[]\d)|(?<=[(\[]\d\d))[:：]\d{2}(?:[:：]\d{2})?[)\]]"
)

# A recording's time after the label (``(06:02)``): when it was said, part of the marker.
SPEECH_TIMESTAMP = re.compile(r"\s*[(\[]\d{1,2}:\d{2}(?::\d{2})?[)\]]\s*")


# What an English list gives after an office: a courtesy title and a name, nothing said.
NAME_AS_VALUE = re.compile(
    r"^(?:Mr|Ms|Mrs|Miss|Dr|Professor|Prof|Sir)\.? [A-Z][A-Za-z'’-]*(?: [A-Z][A-Za-z'’-]*){0,4}\.?$"
)


def _surname_before_speech(label: str, speech: str) -> bool:
    """``柯：應該可以啦，大概調了100多台。``: Taiwan's 聯訪逐字稿 name the one interviewee by
    surname. A sentence must follow (not ``金：40枚``, ``丁：周八、吴九``), and not one that
    opens with the label's character (``常：常态化开展…``, a slogan's key word)."""
    compact = analysis_form(label)
    if len(compact) != 1 or compact not in SURNAMES_SINGLE or compact in NOT_SURNAME_LABELS:
        return False
    said = analysis_form(speech[:SURNAME_SPEECH_READ])  # its opening is enough, not a whole paragraph
    return (len(said) >= MIN_SURNAME_SPEECH and not said.startswith(compact)
            and SPEECH_MARK.search(said) is not None)


MIN_SURNAME_SPEECH = 8
SURNAME_SPEECH_READ = 200
SPEECH_MARK = re.compile(r"[，。！？,.!?]")


def _names_a_person(label: str) -> bool:
    """A person's name, alone or after a role (not an office or a place on its own), perhaps
    glossed in its own script (``…分析师基思·韦斯（Keith Weiss）``)."""
    gloss = LATIN_GLOSS.match(label.strip())
    simple = analysis_form(gloss.group("main") if gloss else label)
    return is_person_name(simple) or ROLE_THEN_NAME.match(simple) is not None


def _head(line: Line, upto: int) -> Line:
    out: list[Run] = []
    pos = 0
    for run in line:
        if pos >= upto:
            break
        out.append(run)
        pos += len(run.text)
    return tuple(out)

# A question's number before its asker (``1、《明镜报》Georg Fahrion：``, ``（2）记者：``).
# A record converted from a PDF may write it ``4 .`` or, bold, four times (``2.2.2.2.``).
QUESTION_NUMBER = re.compile(
    r"^(?:(?P<n>\d{1,3}) ?[、.．]\s*(?:(?P=n)[.．]){0,3}\s*|[一二三四五六七八九十]{1,3}[、.．]\s*)"
    r"|^[（(]\d{1,3}[）)]\s*"
)


def numbered_marker(line: Line, text: str, known: Collection[str] | None) -> Marker | None:
    """A numbered question: the number, then a marker that is bold or names someone who asks
    (a reporter, an outlet, ``问``). A numbered plain label is a list item (``1. 张三：经济…``),
    or an enumeration inside an answer (``一、关于投资：``), so it stays text."""
    number = QUESTION_NUMBER.match(text)
    if not number:
        return None
    rest = _split_at(line, number.end())
    if not rest:
        return None
    rest_text = "".join(run.text for run in rest)
    inner = bracketed_marker(rest, rest_text, known) or colon_marker(rest, rest_text, known)
    if inner is None:
        return None
    all_bold, _ = _styles(rest, inner.label_offset + len(inner.label))
    if not all_bold and parse_label(inner.label).kind != "reporter" and not _member(inner.label):
        return None
    lead = text[: number.end()]
    return Marker(inner.label, lead + inner.written, len(lead) + inner.label_offset, inner.rest)


def _member(label: str) -> bool:
    """A legislator's label (``李華明議員``, ``MR JAMES TO``): a Legislative Council record
    numbers each oral question before its asker (``2. 李華明議員：``)."""
    return analysis_form(label).endswith("议员") or ENGLISH_MEMBER.match(label) is not None


ENGLISH_MEMBER = re.compile(r"^(?:MR|MRS|MS|MISS|DR|PROF|IR|THE HONOURABLE) [A-Z][A-Z' -]+$")


# A record's part headed by who speaks in it, numbered in the financial numerals of Taiwan's
# 總統府 records (``壹、秘書長致詞：``, ``貳、總統致詞``); the speech follows below. Ordinary
# numerals head a notice's or an agenda's items (``一、认真学习书记讲话``, ``五、市委书记讲话``).
SPEECH_HEADING = re.compile(
    r"^[壹貳贰參叁参肆伍陸陆柒捌玖拾]+[、.．]\s*"
    r"(?P<label>[^\s：:，。、]{1,16}?)\s*(?:致詞|致词|致辞|致辭|講話|讲话|談話|谈话|發言|发言|答問|答问)\s*[：:]?$"
)


#: Verbs a notice's heading opens with before a title (学习书记讲话, 传达市长讲话).
HEADING_VERBS = ("学习", "认真", "深入", "领会", "贯彻", "传达", "落实", "优秀", "关于")


def speech_heading_marker(line: Line, text: str, known: Collection[str] | None) -> Marker | None:
    """``壹、秘書長致詞：``: a numbered heading naming who speaks next, a marker of that speaker
    (the label is who: ``秘書長``), when it names a speaker by its form."""
    match = SPEECH_HEADING.match(text.strip())
    if match is None or not looks_like_speaker(match.group("label"), known):
        return None
    who = analysis_form(match.group("label"))
    if not (ENDS_WITH_TITLE.search(who) or is_person_name(who)) or who.startswith(HEADING_VERBS):
        return None  # 壹、認真學習書記講話: what to do, not who speaks
    written = text.strip()
    return Marker(match.group("label"), written, match.start("label"), ())


# ``Q  How many hostages…?``, ``A  We are saddened…``: the White House's, the Pentagon's and
# some English 外交部 pages' question and answer markers, with spaces (often no-break) and
# no colon. ``A`` only once a ``Q`` was seen: ``A Chinese delegation…`` opens prose.
BARE_Q_OR_A = re.compile(r"^(?P<label>[QA])[ \u00a0\t]+(?=[A-Z\u4e00-\u9fff“\"'‘(])")


def bare_q_or_a_marker(line: Line, text: str, known: Collection[str] | None) -> Marker | None:
    """``Q How many…?`` and, after a ``Q``, ``A We are…``: a marker without a colon."""
    match = BARE_Q_OR_A.match(text)
    if match is None or (match.group("label") == "A" and (known is None or "Q" not in known)):
        return None
    return Marker(match.group("label"), match.group("label"), 0, _split_at(line, match.end()))


MARKER_RULES: tuple[MarkerRule, ...] = (
    speech_heading_marker, numbered_marker, bracketed_marker, colon_marker, bare_q_or_a_marker,
)


def find_marker(line: Line, known_names: Collection[str] | None = None) -> Marker | None:
    """The speaker marker opening ``line``, by the first of ``MARKER_RULES`` that accepts it.

    ``known_names`` are names the document already used (see ``looks_like_speaker``).
    """
    text = "".join(run.text for run in line)
    bullets = LEADING_BULLETS.match(text) or (AFTER_THE_BRIEFING.match(text) if known_names else None)
    if bullets is None:
        return _marker_by_rules(line, text, known_names)
    # ●王毅：, 10:02 寿小丽：: bullets or a live text's clock times; the label follows them.
    rest = _split_at(line, bullets.end())
    inner = _marker_by_rules(rest, "".join(run.text for run in rest), known_names) if rest else None
    if inner is None:
        return None
    lead = text[: bullets.end()]
    return Marker(inner.label, lead + inner.written, len(lead) + inner.label_offset, inner.rest)


# A page flattened into one paragraph opens with its title, then the first turn
# (``外交部发言人毛宁主持例行记者会 毛宁：女士们…``): the title ends in what names the event.
TITLE_BEFORE_LABEL = re.compile(
    r"^(?P<title>[^\s：:。？！]{4,60}?(?:记者会|發布會|发布会|吹风会|吹風會|通气会|通氣會|见面会|見面會|"
    r"实录|實錄|全文))\s*(?=[^\s：:。，]{1,20}[：:])"
)


def title_then_marker(line: Line, known_names: Collection[str] | None = None) -> tuple[str, Marker] | None:
    """The title and the marker after it, when ``line`` is a flattened page's title run into
    its first turn; None otherwise (a marker opening the line, or none)."""
    text = "".join(run.text for run in line)
    title = TITLE_BEFORE_LABEL.match(text)
    if title is None:
        return None
    rest = _split_at(line, title.end())
    marker = find_marker(rest, known_names) if rest else None
    if marker is None or not looks_like_speaker(marker.label, known_names):
        return None
    return title.group("title"), marker


def _marker_by_rules(line: Line, text: str, known_names: Collection[str] | None) -> Marker | None:
    for rule in MARKER_RULES:
        marker = rule(line, text, known_names)
        if marker is not None:
            return marker
    return None
