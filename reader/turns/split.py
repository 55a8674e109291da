"""Blocks into turns: each starts at a speaker marker; what comes before is the lead.

Speech on a marker's line continues on the next line unless the source breaks it; a
``<br>`` followed by indentation starts a new paragraph. The lead is split into key points
(a 要点 heading and the short lines after it, in one style) and the preamble.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from reader.model import SpeakerKind
from reader.parse.blocks import Block, Line, join_wrapped, line_text
from reader.progress import checkpoint
from reader.speakers.inline_turns import split_inline_turns
from reader.speakers.label_forms import asker_by_screen_name, header_line
from reader.speakers.labels import looks_like_speaker, parse_label
from reader.speakers.markers import SPEECH_HEADING, Marker, find_marker, title_then_marker
from reader.speakers.names import analysis_form, is_person_name

# A heading that introduces a list of key points before the transcript (发布会要点：, 划重点).
HIGHLIGHTS_HEADING = re.compile(
    r"^(?:发布会|新闻发布会|会议|本场|本次发布会|本期)?(?:核心|内容|重点)?"
    r"(?:要点|看点|亮点|摘要|提要|速览|划重点|核心观点|导读)(?:速览|一览|提示|摘要)?[：:]?$"
)

SENTENCE_END = ("。", "！", "？", ".")

MAX_HIGHLIGHT = 120


class Caption(str):
    """A paragraph that describes a picture (a ``<figcaption>``): it stands in the text where
    the source put it, but nobody says it. A ``str`` so that lists of paragraphs keep it
    marked through every split and slice."""

    __slots__ = ()


def spoken(paragraphs: list[str]) -> list[str]:
    """The paragraphs somebody says: all but the captions (``paragraphs`` itself when it has
    none, as most turns: a copy per turn was a tenth of a file of short turns' peak)."""
    if not any(isinstance(p, Caption) for p in paragraphs):
        return paragraphs
    return [p for p in paragraphs if not isinstance(p, Caption)]


@dataclass(slots=True)
class LeadParagraph:
    text: str
    kind: str
    block: int


@dataclass(slots=True)
class TurnDraft:
    """One turn as split out of the blocks: its marker and its paragraphs. An unmarked turn
    (an answer written without its speaker's marker) has an empty marker and names its
    speaker in ``speaker_label``."""

    marker: Marker
    paragraphs: list[str] = field(default_factory=list)
    speaker_label: str | None = None
    kind: SpeakerKind | None = None  # what the turn's shape says its speaker does (an interview's)

    @property
    def who(self) -> str:
        """The label that says who speaks: the marker's, or the one an unmarked turn was given."""
        return self.speaker_label if self.speaker_label is not None else self.marker.label


#: What ``split_turns(..., release=True)`` leaves in the list where a block it has read was.
RELEASED = Block(())


def split_turns(blocks: list[Block], *, release: bool = False) -> tuple[list[LeadParagraph], list[TurnDraft]]:
    """Paragraphs before the first marker, and the turns with their paragraphs.

    With ``release``, each block read after the first turn that is sure to stay a turn is
    replaced by ``RELEASED`` in ``blocks``, so that the caller's list stops holding it: in a
    file of many short turns the blocks were a third of the peak, beside the drafts made
    from them. The blocks before it stay, for the caller's fallback when no turn is found.
    """
    lead: list[LeadParagraph] = []
    drafts: list[TurnDraft] = []
    known: set[str] = set()  # names used as labels so far; a plain label may repeat one
    shared: dict[tuple[str, str, int], Marker] = {}  # one Marker per distinct marker line
    sure = False  # a draft exists that no later step takes away (not a byline's label)
    previous_line: Line | None = None  # the line read before this one, in any block
    for index in range(len(blocks)):
        block = blocks[index]
        if sure:
            blocks[index] = RELEASED
        if not index % 512:
            checkpoint(0.05 + 0.55 * index / len(blocks))  # most of the stage; the rest is quick
        new_paragraph = True
        if block.kind == "caption":
            for line in block.lines:
                caption = Caption(line_text(line))
                if drafts:
                    drafts[-1].paragraphs.append(caption)
                else:
                    lead.append(LeadParagraph(caption, "caption", index))
            continue
        for n, line in enumerate(block.lines):
            marker = find_marker(line, known)
            if not drafts and not lead and (titled := title_then_marker(line, known)) is not None:
                lead.append(LeadParagraph(titled[0], block.kind, index))  # a flattened page's title
                marker = titled[1]
            if marker is not None and block.kind == "heading" and not _heading_marker(marker):
                marker = None
            previous, previous_line = previous_line, line
            if marker is not None and previous is not None and _wrapped_sentence(previous, marker):
                marker = None  # …coming out of / Jerusalem: a deadly shooting…: the sentence goes on
            if marker is not None and not drafts and header_line(marker.label, line_text(marker.rest)):
                marker = None  # 主持人：…新闻发言人寿小丽 above the transcript: who takes part
            if marker is not None and _is_byline(marker.label, line_text(marker.rest)):
                new_paragraph = True  # a byline on its line is dropped here, where its block is known
                continue
            if marker is not None:
                speech, *following = split_inline_turns(marker, known)
                pieces: list[tuple[Marker | None, Line]] = [(marker, speech)]
                if following:  # the markers cut out of this line count as used, as the line's own
                    known.add(parse_label(marker.label).name)
                for piece in following:
                    inline = find_marker(piece, known)
                    pieces.append((inline, piece) if inline is None else (inline, inline.rest))
                    if inline is not None:
                        known.add(parse_label(inline.label).name)
                rest = ""
                for piece_marker, piece_speech in pieces:
                    rest = _without_clock_time(line_text(piece_speech))
                    if piece_marker is not None:
                        drafts.append(TurnDraft(_kept(piece_marker, shared)))
                        known.add(parse_label(piece_marker.label).name)
                        # A byline or a subheading may be taken away at the end: not sure yet.
                        sure = sure or (release and analysis_form(piece_marker.label) not in BYLINE_LABELS
                                        and not _reported_shape(piece_marker.label, rest))
                    if rest:
                        drafts[-1].paragraphs.append(rest)
                # Speech on the marker's line continues on the next line unless the source breaks it.
                new_paragraph = not rest
                continue
            text = _without_clock_time(line_text(line))
            if n > 0 and block.breaks[n - 1]:
                new_paragraph = True
            target = drafts[-1].paragraphs if drafts else None
            if target is None:
                if new_paragraph or not lead or lead[-1].block != index:
                    lead.append(LeadParagraph(text, block.kind, index))
                else:
                    lead[-1].text = join_wrapped(lead[-1].text, text)
            elif new_paragraph or not target:
                target.append(text)
            else:
                target[-1] = join_wrapped(target[-1], text)
            new_paragraph = False
    lead, drafts = _without_bylines(lead, drafts)
    lead, drafts = _without_header_turns(lead, drafts)
    lead, drafts = _without_empty_speech_headings(lead, drafts)
    return _without_subheadings(lead, drafts)


# The clock time a live text (图文直播) puts after each entry: ``…现在开始。[14:58]``.
TRAILING_CLOCK_TIME = re.compile(
    r"(?<=[。！？!?.”」）)])\s*[\[【(（]\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[\]】)）]\s*$"
)


def _without_clock_time(text: str) -> str:
    """A paragraph without the clock time a live text put after its sentence: when it was
    posted, not what was said (search and copy found ``[14:58]`` in the speech)."""
    if not text.endswith(("]", "】", ")", "）")):
        return text  # most paragraphs: a one-character test
    return TRAILING_CLOCK_TIME.sub("", text)


def _wrapped_sentence(previous: Line, marker: Marker) -> bool:
    """A hard-wrapped English sentence whose next line happens to open with ``Word:``: the
    line before ends mid-sentence (a letter or a comma) and lower case follows the colon."""
    before = line_text(previous).rstrip()
    after = line_text(marker.rest).lstrip()
    return (bool(before) and before[-1].isascii() and (before[-1].isalpha() or before[-1] == ",")
            and bool(after) and after[0].isascii() and after[0].islower())


def _without_empty_speech_headings(lead: list[LeadParagraph],
                                   drafts: list[TurnDraft]) -> tuple[list[LeadParagraph], list[TurnDraft]]:
    """A heading naming who speaks (``壹、秘書長致詞：``) right before that speaker's own label
    (``李孟諺秘書長：…``) heads the part: it stays a heading, in the turn before or the lead."""
    if not any(not d.paragraphs and SPEECH_HEADING.match(d.marker.written) for d in drafts):
        return lead, drafts
    kept: list[TurnDraft] = []
    for draft in drafts:
        if draft.paragraphs or not SPEECH_HEADING.match(draft.marker.written):
            kept.append(draft)
        elif kept:
            kept[-1].paragraphs.append(draft.marker.written)
        else:
            lead.append(LeadParagraph(draft.marker.written, "heading", -1))
    return lead, kept


# A byline's label: ``記者：林俊謙``, ``本报记者：张三 李四``, ``文：王五``.
BYLINE_LABELS = frozenset({"记者", "本报记者", "实习记者", "特约记者", "通讯员", "作者", "文", "文字", "撰文",
                           "编译", "摄影", "摄", "整理"})
NAME_LIST_SPLIT = re.compile(r"[、，,/\s]+")


def _without_bylines(lead: list[LeadParagraph], drafts: list[TurnDraft]) -> tuple[list[LeadParagraph],
                                                                                  list[TurnDraft]]:
    """A marker whose speech is only names (``記者：林俊謙``) is a byline, not a turn: what
    followed it goes back to the turn before it, or to the lead."""
    kept: list[TurnDraft] = []
    for draft in drafts:
        speech = draft.paragraphs
        if speech and _is_byline(draft.marker.label, speech[0]):
            rest = speech[1:]
            if kept:
                kept[-1].paragraphs.extend(rest)
            else:
                lead.extend(LeadParagraph(text, "p", -1) for text in rest)
            continue
        kept.append(draft)
    return lead, kept


def _header_draft(draft: TurnDraft) -> bool:
    """A header label's list of people, perhaps followed by the page's fields (``Date:``)."""
    label, paragraphs = draft.marker.label, draft.paragraphs
    return bool(paragraphs) and header_line(label, paragraphs[0]) and all(
        header_line(label, text) or PAGE_FIELD.match(text) is not None for text in paragraphs[1:])


# The page's fields a header's list of people is followed by, before the first turn:
# ``Date:``, ``April 16, 2024``, ``地点：国务院新闻办新闻发布厅``.
PAGE_FIELD = re.compile(
    r"^(?:(?:Date|Time|Venue|Location|Place|日期|时间|時間|地点|地點)\s*[:：].{0,60}"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{4}年\d{1,2}月\d{1,2}日.{0,20})$"
)


def _without_header_turns(lead: list[LeadParagraph],
                          drafts: list[TurnDraft]) -> tuple[list[LeadParagraph], list[TurnDraft]]:
    """A header label alone on its line, its list of people below it (``Speakers:``, then
    ``Mr. Kang Yi, commissioner of …``; ``主持人：``, then ``…新闻发言人寿小丽``), above the
    transcript: the header's lines go to the lead, as a header written on one line does."""
    while len(drafts) > 1 and _header_draft(drafts[0]):
        header = drafts.pop(0)
        lead.append(LeadParagraph(header.marker.written, "p", -1))
        lead.extend(LeadParagraph(text, "p", -1) for text in header.paragraphs)
    return lead, drafts


# A news article's subheading written as ``民主派議員：政府反應太慢``: a short clause after the
# colon, with no punctuation, and the article's prose below it.
MAX_SUBHEADING = 24
SUBHEADING_PUNCTUATION = frozenset("，。！？,.!?；;…：:、")
MAX_SUBHEADINGS = 5


# A news article quoting someone after their name: ``羅健熙：「政府應該早啲行動。」``.
WHOLE_QUOTE = re.compile(r"^[「“『\"].*[」”』\"][。！？.!?]?$", re.DOTALL)


# Words of someone speaking, not of a subheading: 林毅夫：谢谢主持人, 李强：尊敬的施瓦布主席.
SPOKEN_WORDS = re.compile(r"我|你|您|谢谢|謝謝|感谢|感謝|尊敬|大家|各位|好的|是的|对的|對的")


def _headline_shaped(label: str, speech: str) -> bool:
    return (0 < len(speech) <= MAX_SUBHEADING and not SUBHEADING_PUNCTUATION.intersection(speech)
            and SPOKEN_WORDS.search(speech) is None and _may_be_reported(label))


def _may_be_reported(label: str) -> bool:
    """A label an article's subheading or quotation could carry: none that says who asks,
    answers or hosts."""
    return parse_label(label).kind in (None, "other")


def _reported_shape(label: str, speech: str, prose_follows: bool = True) -> bool:
    """A marker as a news article writes one: a netizen's comment (with nobody answering, no
    interview), a name and a whole quotation, or a subheading over prose. ``prose_follows``
    is assumed while a draft is still being read (so a marker is not yet sure)."""
    if asker_by_screen_name(label):
        return True
    if WHOLE_QUOTE.match(speech) is not None and _may_be_reported(label):
        return True
    return prose_follows and _headline_shaped(label, speech)


def _reported(draft: TurnDraft) -> bool:
    return bool(draft.paragraphs) and _reported_shape(
        draft.marker.label, draft.paragraphs[0], prose_follows=len(draft.paragraphs) >= 2)


def _without_subheadings(lead: list[LeadParagraph], drafts: list[TurnDraft]) -> tuple[list[LeadParagraph],
                                                                                     list[TurnDraft]]:
    """A text whose every "turn" is a subheading (a label, a short clause with no punctuation,
    then prose), a name before a whole quotation or a netizen's comment is a news article, not
    a transcript: no turns. One real turn among them (a speech, a question) keeps them all."""
    if not drafts or len(drafts) > MAX_SUBHEADINGS or not all(_reported(d) for d in drafts):
        return lead, drafts
    for draft in drafts:
        heading, *prose = draft.paragraphs
        lead.append(LeadParagraph(draft.marker.written + heading, "p", -1))
        lead.extend(LeadParagraph(text, "caption" if isinstance(text, Caption) else "p", -1)
                    for text in prose)
    return lead, []


def _kept(marker: Marker, shared: dict[tuple[str, str, int], Marker]) -> Marker:
    """The marker as a draft keeps it: without the runs of its line (read already, and per
    turn the largest part of the draft), one object for all the turns that repeat it (a
    file of 200,000 short turns has a few dozen distinct markers)."""
    key = (marker.label, marker.written, marker.label_offset)
    kept = shared.get(key)
    if kept is None:
        kept = Marker(sys.intern(marker.label), sys.intern(marker.written), marker.label_offset, ())
        shared[key] = kept
    return kept


def _is_byline(label: str, speech: str) -> bool:
    return analysis_form(label) in BYLINE_LABELS and _only_names(speech)


def _only_names(text: str) -> bool:
    names = [n for n in NAME_LIST_SPLIT.split(text.strip()) if n]
    return 0 < len(names) <= 4 and all(is_person_name(analysis_form(n)) for n in names)


def _heading_marker(marker: Marker) -> bool:
    """A heading is a marker only when it is nothing but a speaker label (``<h4>主持人：</h4>``);
    a title with a colon (``公安部：打击…``) is not."""
    return not marker.rest and looks_like_speaker(marker.label)


def split_lead(lead: list[LeadParagraph]) -> tuple[str | None, list[str], list[LeadParagraph]]:
    """Key points (a 要点 heading and the short lines after it, in one style) and the preamble
    (with the lead's captions, which are ``Caption`` paragraphs)."""
    for i, para in enumerate(lead):
        heading = para.text.replace(" ", "").strip("【】[]〖〗")  # 【要点速览】 as well as 要点速览：
        if not HIGHLIGHTS_HEADING.match(heading) or i + 1 == len(lead):
            continue
        first = lead[i + 1]
        j = i + 1
        while j < len(lead) and _same_style(first, lead[j]):
            j += 1
        if j > i + 1:
            return para.text, [p.text for p in lead[i + 1:j]], lead[:i] + lead[j:]
    return None, [], lead


def _same_style(first: LeadParagraph, para: LeadParagraph) -> bool:
    """Key points share one style: the same block kind, short, and all ending a sentence or none."""
    if para.kind != first.kind or len(para.text) > MAX_HIGHLIGHT:
        return False
    return para.text.endswith(SENTENCE_END) == first.text.endswith(SENTENCE_END)
