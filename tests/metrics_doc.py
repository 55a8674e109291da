"""A small hand-built transcript for the metrics, filter, clipboard and panel tests.

Built from sentences in the style of a State Council briefing, with offsets computed from
the text, so the tests do not depend on the parser or the figure extractor.
"""

from __future__ import annotations

from dataclasses import replace

from reader.model import Figure, Meta, QAPair, Source, Span, Speaker, Transcript, Turn

TITLE = "国新办举行打击治理电信网络诈骗犯罪工作进展情况发布会"

# (label, speaker id, kind, paragraphs)
_TURNS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("主持人王敏", "s1", "host", ("女士们、先生们，大家上午好。",)),
    (
        "公安部副部长张立",
        "s2",
        "official",
        (
            "一年来，全国共破获电信网络诈骗案件39.4万起，抓获犯罪嫌疑人63.4万名，同比分别上升28.5%和76.6%。",
            "紧急止付涉案资金3291亿元。",
        ),
    ),
    ("新华社记者", "s3", "reporter", ("请问下一步有什么打算？",)),
    (
        "人民银行司长李平",
        "s4",
        "official",
        (
            "紧急拦截涉诈资金3291亿元，拦截资金148亿元，返还资金120亿元。",
            "起诉率高于平均起诉率近9个百分点，降幅不到50%。",
        ),
    ),
)

_SPEAKERS = (
    Speaker("s1", "王敏", "主持人", None, "host", 1, 0),
    Speaker("s2", "张立", "公安部副部长", "公安部", "official", 1, 0),
    Speaker("s3", "新华社记者", None, "新华社", "reporter", 1, 0),
    Speaker("s4", "李平", "人民银行司长", "人民银行", "official", 1, 0),
)

# (text, value, unit, qualifier, family, occurrence of text in the document)
_FIGURES: tuple[tuple[str, float, str, str | None, str, int], ...] = (
    ("39.4万起", 394000.0, "起", None, "cases", 0),
    ("63.4万名", 634000.0, "名", None, "people", 0),
    ("28.5%", 28.5, "%", None, "percent", 0),
    ("76.6%", 76.6, "%", None, "percent", 0),
    ("3291亿元", 329100000000.0, "元", None, "money", 0),
    ("3291亿元", 329100000000.0, "元", None, "money", 1),
    ("148亿元", 14800000000.0, "元", None, "money", 0),
    ("120亿元", 12000000000.0, "元", None, "money", 0),
    ("近9个百分点", 9.0, "个百分点", "近", "points", 0),
    ("不到50%", 50.0, "%", "不到", "percent", 0),
)


def _sentence_at(text: str, start: int) -> str:
    lo = max(text.rfind(ch, 0, start) for ch in "。\n？") + 1
    hi = min((i for i in (text.find(ch, start) for ch in "。\n？") if i >= 0), default=len(text))
    return text[lo : hi + 1 if hi < len(text) and text[hi] != "\n" else hi]


def build_transcript() -> Transcript:
    """Four turns, ten figures, one figure cited twice, two change links."""
    parts: list[str] = [TITLE, "出席今天发布会的有公安部副部长张立。"]
    preamble = [Span(0, len(TITLE)), Span(len(TITLE) + 1, len(TITLE) + 1 + len(parts[1]))]
    offset = sum(len(p) + 1 for p in parts)
    turns = []
    for index, (label, sid, kind, paragraphs) in enumerate(_TURNS):
        start = offset
        parts.append(label + "：")
        label_span = Span(offset, offset + len(label))
        offset += len(label) + 2
        spans = []
        for para in paragraphs:
            parts.append(para)
            spans.append(Span(offset, offset + len(para)))
            offset += len(para) + 1
        turns.append(Turn(index, sid, label, kind, start, offset - 1, label_span, tuple(spans)))  # type: ignore[arg-type]
    text = "\n".join(parts)
    figures: list[Figure] = []
    for fig_text, value, unit, qualifier, family, occurrence in _FIGURES:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(fig_text, start + 1)
        turn = next(t for t in turns if t.start <= start < t.end)
        figures.append(
            Figure(
                text=fig_text, value=value, unit=unit, qualifier=qualifier, start=start,
                end=start + len(fig_text), turn=turn.index, speaker=turn.speaker,
                sentence=_sentence_at(text, start), family=family,
            )
        )
    figures[2] = replace(figures[2], change_of=0, direction="up")
    figures[3] = replace(figures[3], change_of=1, direction="up")
    figures[4] = replace(figures[4], same_as="f-3291")
    figures[5] = replace(figures[5], same_as="f-3291")
    return Transcript(
        source=Source("/tmp/briefing.md", "0" * 64, "hexo-markdown", "utf-8"),
        meta=Meta(title=TITLE, date="2022-04-14T03:49:50+00:00"),
        text=text,
        preamble=tuple(preamble),
        speakers=_SPEAKERS,
        turns=tuple(turns),
        figures=tuple(figures),
        qa=(QAPair(question=2, answers=(3,)),),
    )
