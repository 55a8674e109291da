"""Hand-made transcripts for the window tests: exact offsets without the parser."""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Figure, Meta, QAPair, Source, Span, Speaker, Transcript, Turn


def make_transcript(
    turns: Sequence[tuple[str, str, str, Sequence[str]]],
    speakers: Sequence[tuple[str, str, str | None, str]],
    preamble: Sequence[str] = (),
    figures: Sequence[str] = (),
    qa: Sequence[tuple[int, Sequence[int]]] = (),
    title: str = "测试发布会",
    url: str | None = None,
    warnings: Sequence[str] = (),
) -> Transcript:
    """Build a transcript the way the parser lays out ``text``.

    ``turns``: (speaker id, label, kind, paragraphs); ``speakers``: (id, name, role, kind);
    ``figures``: verbatim figure texts, each found at its first unused occurrence.
    """
    lines: list[str] = []
    offset = 0
    preamble_spans = []
    for para in preamble:
        preamble_spans.append(Span(offset, offset + len(para)))
        lines.append(para)
        offset += len(para) + 1
    built: list[Turn] = []
    for index, (speaker_id, label, kind, paragraphs) in enumerate(turns):
        start = offset
        lines.append(label + "：")
        label_span = Span(offset, offset + len(label))
        offset += len(label) + 2
        spans = []
        for para in paragraphs:
            spans.append(Span(offset, offset + len(para)))
            lines.append(para)
            offset += len(para) + 1
        built.append(Turn(index, speaker_id, label, kind, start, offset - 1, label_span,
                          tuple(spans)))
    text = "\n".join(lines)
    counts = {sid: sum(1 for t in built if t.speaker == sid) for sid, *_ in speakers}
    speaker_objs = tuple(Speaker(sid, name, role, None, kind, counts.get(sid, 0))
                         for sid, name, role, kind in speakers)
    found: list[Figure] = []
    search_from = 0
    for fig in figures:
        start = text.index(fig, search_from)
        search_from = start + len(fig)
        turn = next((t for t in built if t.start <= start < t.end), None)
        found.append(Figure(fig, 1.0, "", None, start, start + len(fig),
                            None if turn is None else turn.index, None if turn is None else turn.speaker,
                            fig))
    return Transcript(
        source=Source("test.md", "0" * 64, "text", "utf-8"),
        meta=Meta(title=title, date="2022-04-14T03:49:50+00:00", author="新闻网", editor="李编", url=url),
        text=text,
        preamble=tuple(preamble_spans),
        speakers=speaker_objs,
        turns=tuple(built),
        figures=tuple(found),
        qa=tuple(QAPair(q, tuple(a)) for q, a in qa),
        warnings=tuple(warnings),
    )


def _pad(paragraphs: list[str], filler: int) -> list[str]:
    filler_text = "这是第{n}段补充说明，内容较长，用来让文档足够长而需要滚动阅读。"
    return paragraphs + [filler_text.format(n=i + 1) for i in range(filler)]


def briefing(filler: int = 0) -> Transcript:
    """A small briefing: host, two officials, two reporters, figures, Q&A.

    ``filler`` adds that many neutral paragraphs to every turn, so the view must scroll.
    """
    return make_transcript(
        preamble=["国务院新闻办公室今天举行新闻发布会。"],
        speakers=[
            ("s1", "邢慧娜", "新闻发言人", "host"),
            ("s2", "杜航伟", "公安部副部长", "official"),
            ("s3", "央视记者", None, "reporter"),
            ("s4", "温信祥", "人民银行支付结算司司长", "official"),
            ("s5", "人民网记者", None, "reporter"),
        ],
        turns=[
            ("s1", "新闻发言人邢慧娜", "host", _pad(["各位媒体朋友们，大家上午好。"], filler)),
            ("s2", "公安部副部长杜航伟", "official",
             _pad(["全国共破获电信网络诈骗案件39.4万起，同比上升28.5%。", "避免损失3291亿元。"], filler)),
            ("s3", "央视记者", "reporter", _pad(["请问詐騙资金如何拦截？"], filler)),
            ("s4", "人民银行支付结算司司长温信祥", "official",
             _pad(["我们拦截涉诈资金3291亿元。", "APP预警２０２１次。"], filler)),
            ("s5", "人民网记者", "reporter", _pad(["请问还有哪些诈骗手法？"], filler)),
            ("s2", "杜航伟", "official", _pad(["诈骗类型超过50种，3291亿元是总数。"], filler)),
            ("s1", "邢慧娜", "host", _pad(["今天的发布会到此结束。"], filler)),
        ],
        figures=["39.4万起", "28.5%", "3291亿元", "3291亿元", "3291亿元"],
        qa=[(2, [3]), (4, [5])],
        url="https://example.org/briefing",
    )
