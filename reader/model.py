"""The parsed transcript: plain data that every other part reads and none changes.

Everything downstream (the export, the figures table, search, the window) works on
character offsets into ``Transcript.text``, so the text is the single source of truth
and every span is a half-open ``[start, end)`` range of Python ``str`` indices.

No Qt here: the model must be testable and usable without a display.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeVar

if TYPE_CHECKING:  # typing has it from 3.11; only type checkers read it
    from typing_extensions import dataclass_transform
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


@_record
class Transcript:
    """A whole parsed transcript.

    ``text`` is exactly what the window's transcript view shows: paragraphs joined with
    a single ``"\\n"``, speaker markers on their own line (``公安部副部长杜航伟：``), the
    highlights and preamble first. Indentation (ideographic spaces) is stripped.
    """

    source: Source
    meta: Meta
    text: str
    highlights: tuple[str, ...] = ()
    highlight_spans: tuple[Span, ...] = ()
    preamble: tuple[Span, ...] = ()
    captions: tuple[Span, ...] = ()  # a picture's caption: in the text where it stood, said by nobody
    speakers: tuple[Speaker, ...] = ()
    turns: tuple[Turn, ...] = ()
    figures: tuple[Figure, ...] = ()
    qa: tuple[QAPair, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        for s in self.speakers:
            if s.id == speaker_id:
                return s
        return None

    def turn_at(self, offset: int) -> Turn | None:
        """The turn containing ``offset`` (binary search: turns are in text order)."""
        lo, hi = 0, len(self.turns)
        while lo < hi:
            mid = (lo + hi) // 2
            t = self.turns[mid]
            if offset < t.start:
                hi = mid
            elif offset >= t.end:
                lo = mid + 1
            else:
                return t
        return None
