"""The parsed transcript: plain data that every other part reads and none changes.

Everything downstream (the export, the figures table, search, the window) works on
character offsets into ``Transcript.text``, so the text is the single source of truth
and every span is a half-open ``[start, end)`` range of Python ``str`` indices.

No Qt here: the model must be testable and usable without a display.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeVar

if TYPE_CHECKING:  # typing has it from 3.11; only type checkers read it
    from typing_extensions import dataclass_transform

    from reader.record_tables import FigureTable, QATable, TurnTable
else:
    def dataclass_transform(**_: object) -> object:
        return lambda cls: cls

SpeakerKind = Literal["host", "official", "reporter", "other"]
SourceFormat = Literal["hexo-markdown", "html", "text"]
Direction = Literal["up", "down"]

SPEAKER_KINDS: tuple[SpeakerKind, ...] = ("host", "official", "reporter", "other")
T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def _record(cls: type[T]) -> type[T]:
    """A slotted dataclass that type checkers treat as frozen: never assign to a field.

    Not ``frozen=True`` at run time: that makes ``dataclass`` compile two more methods
    per class (about 2 ms of every start-up, which unpacks the model before its first
    paint) and makes each object's construction slower. Objects hash by value, as
    frozen ones do; ``dataclasses.replace`` makes a changed copy.
    """
    return dataclass(slots=True, unsafe_hash=True)(cls)


@_record
class Span:
    """A half-open range ``[start, end)`` of offsets into ``Transcript.text``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@_record
class Source:
    """Where the transcript came from; reported so a reader can check what was read."""

    path: str | None
    sha256: str
    format: SourceFormat
    encoding: str


@_record
class Meta:
    title: str | None = None
    date: str | None = None  # ISO 8601 with offset, e.g. "2022-04-14T03:49:50+00:00"
    author: str | None = None
    editor: str | None = None
    categories: tuple[str, ...] = ()
    url: str | None = None


@_record
class Speaker:
    """One person (or one outlet, for an unnamed reporter) who speaks in the transcript."""

    id: str  # "s1", "s2", ... in order of first appearance
    name: str
    role: str | None
    organization: str | None
    kind: SpeakerKind
    turns: int = 0
    chars: int = 0  # characters spoken, over all turns (paragraph text only)


@_record
class Turn:
    """One stretch of speech by one speaker, from its marker to the next marker.

    ``start``/``end`` cover the marker line and the paragraphs; ``label_span`` is the
    marker itself (without the colon) and ``paragraphs`` the spoken text.
    """

    index: int
    speaker: str  # Speaker.id
    label: str  # the marker exactly as written, without the colon
    kind: SpeakerKind
    start: int
    end: int
    label_span: Span
    paragraphs: tuple[Span, ...]


@_record
class Figure:
    """One number a speaker cited, normalized, with where it stands and who said it."""

    text: str  # verbatim, qualifiers included: text == Transcript.text[start:end]
    value: float
    unit: str
    qualifier: str | None
    start: int
    end: int
    turn: int | None  # Turn.index, or None in the preamble / highlights
    speaker: str | None  # Speaker.id
    sentence: str
    value_to: float | None = None  # the high end of a range
    change_of: int | None = None  # index (in Transcript.figures) of the figure this one changes
    direction: Direction | None = None
    same_as: str | None = None  # shared by every citation of the same figure
    family: str = "count"  # money, people, cases, count, percent, points, multiple, duration


@_record
class QAPair:
    question: int  # Turn.index of the reporter's turn
    answers: tuple[int, ...]  # Turn.index of each answering turn


def _no_turns() -> TurnTable:
    from reader.record_tables import TurnTable

    return TurnTable()


def _no_figures() -> FigureTable:
    from reader.record_tables import FigureTable

    return FigureTable("")


def _no_pairs() -> QATable:
    from reader.record_tables import QATable

    return QATable()


@_record
class Transcript:
    """A whole parsed transcript.

    ``text`` is exactly what the window's transcript view shows: paragraphs joined with
    a single ``"\\n"``, speaker markers on their own line (``公安部副部长杜航伟：``), the
    highlights and preamble first. Indentation (ideographic spaces) is stripped.

    ``turns``, ``figures`` and ``qa`` are compact tables (``reader.record_tables``): a
    sequence of records made on access. Any sequence of records given here (a tuple in a
    test, ``dataclasses.replace``) is stored as one.
    """

    source: Source
    meta: Meta
    text: str
    highlights: tuple[str, ...] = ()
    highlight_spans: tuple[Span, ...] = ()
    preamble: tuple[Span, ...] = ()
    captions: tuple[Span, ...] = ()  # a picture's caption: in the text where it stood, said by nobody
    speakers: tuple[Speaker, ...] = ()
    turns: TurnTable = field(default_factory=_no_turns)
    figures: FigureTable = field(default_factory=_no_figures)
    qa: QATable = field(default_factory=_no_pairs)
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        from reader.record_tables import FigureTable, QATable, TurnTable

        # Through object.__setattr__: type checkers treat records as frozen (see _record).
        object.__setattr__(self, "turns", TurnTable.of(self.turns))
        object.__setattr__(self, "figures", FigureTable.of(self.figures, self.text))
        object.__setattr__(self, "qa", QATable.of(self.qa))

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        speakers = self.speakers
        if speaker_id and speaker_id[0] == "s" and speaker_id[1:].isdigit():  # the parser's "s1", "s2"...
            k = int(speaker_id[1:]) - 1
            if 0 <= k < len(speakers) and speakers[k].id == speaker_id:
                return speakers[k]
        for s in speakers:
            if s.id == speaker_id:
                return s
        return None

    def turn_at(self, offset: int) -> Turn | None:
        """The turn containing ``offset`` (binary search: turns are in text order)."""
        index = self.turn_index_at(offset)
        return None if index is None else self.turns[index]

    def turn_index_at(self, offset: int) -> int | None:
        """The position in ``turns`` of the turn containing ``offset``, or None."""
        turns = self.turns
        i = bisect_right(turns.starts, offset) - 1
        return i if i >= 0 and offset < turns.ends[i] else None
