"""Interviews written without any speaker marker: bold questions, plain answers.

Written interviews (访谈稿, 专访, a blog's Q&A column) often drop the labels altogether: each
question is a paragraph set in bold (``**1. 你是什么时候开始学习编程的？**``) and the answer is
the plain paragraphs after it, until the next bold question. Read as written, such a document
has no turns at all and every figure in it is nobody's. So, only when a document has no marker
anywhere:

- a question is a lead paragraph that is bold throughout and asks (holds a question mark);
- at least ``MIN_QUESTIONS`` of them, each followed by a plain paragraph, make an interview;
- each question is a turn of the interviewer, the paragraphs after it a turn of the one
  interviewed: the guest the lead introduces (``本期嘉宾是于航``) or a ``专访``/``对话`` title
  names, else the bare ``答``; the interviewer is the column's ``主持人`` if the lead calls the
  writer that, else ``记者``. Whatever the label, the interviewer asks (kind reporter) and the
  guest answers (kind official).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.parse.blocks import Block
from reader.speakers.markers import Marker
from reader.speakers.names import analysis_form, is_person_name
from reader.turns.split import LeadParagraph, TurnDraft

MIN_QUESTIONS = 3

MAX_QUESTION = 200  # characters: a bold paragraph longer than this is an answer's emphasis

QUESTION_MARK = re.compile(r"[？?]")

# 本期嘉宾是于航, 嘉宾：于航, 今天的嘉宾为张三
GUEST_INTRODUCED = re.compile(
    r"嘉[宾賓](?:是|为|為|：|:)\s*(?P<name>[\u4e00-\u9fff·]{2,4}?)(?=[，。,、；;（(\s]|目前|现|現|$)"
)

# 专访于航：…, 对话｜张三
GUEST_IN_TITLE = re.compile(
    r"(?:专访|專訪|对话|對話)\s*[:：|｜丨]?\s*(?P<name>[\u4e00-\u9fff·]{2,4}?)(?=[:：，,|｜丨\s—-]|$)"
)

# 作为这个栏目的主持人, 我是本栏目主持人
WRITER_HOSTS = re.compile(r"(?:我|笔者|筆者|作为|作為)[^。！？]{0,20}主持人")

NO_MARKER = Marker("", "", 0, ())


def bold_question_interview(lead: list[LeadParagraph], blocks: Sequence[Block],
                            title: str | None) -> tuple[list[LeadParagraph], list[TurnDraft]] | None:
    """The lead before the first question and the interview's turns, or None if ``lead`` (a
    document with no markers) is not written as bold questions and plain answers."""
    questions = [i for i, para in enumerate(lead) if _is_bold_question(para, blocks)]
    answered = [i for i in questions if i + 1 < len(lead) and i + 1 not in questions]
    if len(answered) < MIN_QUESTIONS:
        return None
    lead_texts = [*([title] if title else []), *(para.text for para in lead[:questions[0]])]
    guest = _guest(lead_texts)
    interviewer = "主持人" if any(WRITER_HOSTS.search(text) for text in lead_texts) else "记者"
    first = questions[0]
    drafts: list[TurnDraft] = []
    for i in range(first, len(lead)):
        text = lead[i].text
        if i in questions:
            drafts.append(TurnDraft(NO_MARKER, [text], interviewer, "reporter"))
        elif drafts[-1].speaker_label == interviewer:
            drafts.append(TurnDraft(NO_MARKER, [text], guest, "official"))
        else:
            drafts[-1].paragraphs.append(text)
    return lead[:first], drafts


def _is_bold_question(para: LeadParagraph, blocks: Sequence[Block]) -> bool:
    if para.block < 0 or para.kind not in ("p", "heading") or len(para.text) > MAX_QUESTION:
        return False
    if not QUESTION_MARK.search(para.text):  # 你最近在读什么书？分享一下阅读体会吧。
        return False
    runs = [run for line in blocks[para.block].lines for run in line if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _guest(lead_texts: Sequence[str]) -> str:
    for text in lead_texts:
        for pattern in (GUEST_INTRODUCED, GUEST_IN_TITLE):
            match = pattern.search(text)
            if match and is_person_name(analysis_form(match.group("name"))):
                return match.group("name")
    return "答"
