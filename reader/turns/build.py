"""The model of one document, everything but figures: the stages of ``reader.turns`` and
``reader.speakers`` put together, and the text every offset points into.

The layout of ``Transcript.text`` is documented in ``reader.model``: highlights heading and
highlight lines, then preamble paragraphs, then each turn's marker line and paragraphs,
joined by single newlines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from reader.draining import drain
from reader.model import Source, Span, Transcript
from reader.parse.blocks import SourceDocument
from reader.progress import checkpoint
from reader.record_tables import TurnTable
from reader.speakers.resolve import LabelledSpeech, resolve_speakers
from reader.turns.answers import split_unmarked_answers
from reader.turns.interpretation import fold_renderings
from reader.turns.interview import bold_question_interview
from reader.turns.metadata import take_metadata
from reader.turns.qa import pair_questions
from reader.turns.split import Caption, TurnDraft, split_lead, split_turns, spoken


def build_transcript(doc: SourceDocument, source: Source, warnings: tuple[str, ...] = ()) -> Transcript:
    """Turn a read document into the model (everything but figures)."""
    return build_taking([doc], source, warnings)


def build_taking(held: list[SourceDocument], source: Source, warnings: tuple[str, ...] = ()) -> Transcript:
    """:func:`build_transcript` of the document taken out of ``held``: when the caller keeps
    no other reference to it, each block is freed once its turn is drafted, instead of all
    of them living until the model is built (the pipeline's way, for peak memory)."""
    doc = held.pop()
    notes = [*warnings, *doc.warnings]
    meta, blocks, credits = take_metadata(doc.meta, doc.blocks)
    del doc
    lead, drafts = split_turns(blocks, release=True)
    if not drafts:  # no marker anywhere: perhaps an interview of bold questions and plain answers
        lead, drafts = bold_question_interview(lead, blocks, meta.title) or (lead, drafts)
    heading, highlights, preamble = split_lead(lead)
    builder = _TextBuilder()
    highlight_spans: list[Span] = []
    if heading is not None:
        builder.add(heading)
    for line in highlights:
        highlight_spans.append(builder.add(line))
    caption_spans: list[Span] = []
    preamble_spans: list[Span] = []
    for para in preamble:
        (caption_spans if isinstance(para.text, Caption) else preamble_spans).append(builder.add(para.text))
    # The title introduces too: 2024年10月9日外交部发言人毛宁主持例行记者会.
    # And so do credit lines (记者吕绍刚采访整理: the 记者 who asks is 吕绍刚).
    lead_texts = ([meta.title] if meta.title else []) + spoken([p.text for p in preamble]) + credits
    drafts = split_unmarked_answers(drafts, lead_texts)
    drafts = fold_renderings(drafts)  # 汪文斌：… then Wang Wenbin: …: one turn, one speaker
    cast = resolve_speakers(_Speeches(drafts), lead_texts)
    kinds = cast.kinds()
    turns = TurnTable()
    silent: list[str] = []
    checkpoint(0.9)
    total = len(drafts)
    # Drained: each draft is freed once its text is placed.
    for count, (draft, speaker) in enumerate(zip(drain(drafts), cast.turn_speakers, strict=True)):
        if not count % 256:
            checkpoint(0.9 + 0.1 * count / total)
        marker_span = builder.add_offsets(draft.marker.written) if draft.marker.written else None
        spans = []
        first: int | None = None  # where the first paragraph (a caption or not) landed
        for text in draft.paragraphs:
            span = builder.add_offsets(text)
            first = span[0] if first is None else first
            if isinstance(text, Caption):
                caption_spans.append(Span(*span))
            else:
                spans.append(span)
        if marker_span is None:  # an unmarked answer: no marker line, the turn starts with its speech
            first = builder.add_offsets("")[0] if first is None else first
            marker_span = (first, first)
        label_start = marker_span[0] + draft.marker.label_offset
        label = draft.marker.label
        turns.append(len(turns), speaker, label, kinds[speaker], marker_span[0],
                     spans[-1][1] if spans else marker_span[1], label_start, label_start + len(label), spans)
        if not spans:
            silent.append(label)
    if silent:
        shown = "、".join(silent[:5]) + ("…" if len(silent) > 5 else "")
        notes.append(f"{len(silent)} speaker marker(s) have no text after them: {shown}")
    if not blocks:  # released blocks keep their places: the list's length is the document's
        notes.append("the document has no text")
    elif not turns:
        notes.append("no speaker markers were found: the document is shown as an article without turns")
    return Transcript(
        source=source, meta=meta, text=builder.text(), highlights=tuple(highlights),
        highlight_spans=tuple(highlight_spans), preamble=tuple(preamble_spans),
        captions=tuple(caption_spans), speakers=cast.speakers,
        turns=turns, qa=pair_questions(turns, kinds), warnings=tuple(notes),
    )


class _Speeches(Sequence[LabelledSpeech]):
    """The drafts as the speaker stage reads them, each made when it is read: a list of
    them was 65 bytes a turn beside the drafts, a tenth of a file of short turns' peak."""

    def __init__(self, drafts: list[TurnDraft]) -> None:
        self._drafts = drafts

    def __len__(self) -> int:
        return len(self._drafts)

    @overload
    def __getitem__(self, index: int) -> LabelledSpeech: ...
    @overload
    def __getitem__(self, index: slice) -> list[LabelledSpeech]: ...

    def __getitem__(self, index: int | slice) -> LabelledSpeech | list[LabelledSpeech]:
        if isinstance(index, slice):
            return [_speech(d) for d in self._drafts[index]]
        return _speech(self._drafts[index])

    def __iter__(self) -> Iterator[LabelledSpeech]:
        return map(_speech, self._drafts)


def _speech(draft: TurnDraft) -> LabelledSpeech:
    return LabelledSpeech(draft.who, spoken(draft.paragraphs), draft.kind)


class _TextBuilder:
    """Appends paragraphs, one per line, and says where each landed."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.position = 0

    def add(self, text: str) -> Span:
        return Span(*self.add_offsets(text))

    def add_offsets(self, text: str) -> tuple[int, int]:
        """Append ``text`` as a line; where it landed (no ``Span`` made: turns store offsets)."""
        if self._parts:
            self.position += 1  # the newline before this paragraph
        start = self.position
        self._parts.append(text)
        self.position += len(text)
        return start, self.position

    def text(self) -> str:
        return "\n".join(self._parts)
