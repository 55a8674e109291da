"""The library's plain data: what indexing one file makes, what a search or a page returns.

A worker process turns a file into a :class:`DocumentRecord` (picklable, no database, no
Qt); the store writes it; searches and pages come back as the other records here, which
the command line prints and the window shows. Offsets are into the document's
``Transcript.text``, so a hit can be opened at its turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The turn index of a document's text before its first turn (title, lead, key points).
LEAD_TURN = -1


@dataclass(frozen=True)
class SpeakerRecord:
    sid: str  # Speaker.id in the document ("s1")
    name: str
    role: str | None
    organization: str | None
    kind: str
    turns: int
    chars: int


@dataclass(frozen=True)
class TurnRecord:
    """One turn (or the lead, ``index == LEAD_TURN``) and its text as index tokens."""

    index: int
    sid: str | None
    start: int
    end: int
    unigrams: str  # reader.library.tokens.unigram_tokens of the folded text
    bigrams: str


@dataclass(frozen=True)
class FigureRecord:
    turn: int | None
    sid: str | None
    text: str  # as written: "39.4万起"
    value: float
    value_to: float | None
    unit: str
    family: str
    qualifier: str | None
    indicator: str  # the words before it: "社会消费品零售总额", "社会消费品零售总额 同比增长"
    period: str | None  # the period the sentence names: "2021-09", "2021-Q1", "2021"
    sentence: str
    start: int


@dataclass(frozen=True)
class DocumentRecord:
    path: str
    mtime_ns: int
    size: int
    sha256: str
    title: str
    date: str | None  # ISO date "2022-04-14", from the page, else from the file name
    source: str  # who published it (front matter author, the URL's host) or the folder
    chars: int
    speakers: tuple[SpeakerRecord, ...]
    turns: tuple[TurnRecord, ...]
    figures: tuple[FigureRecord, ...]


@dataclass(frozen=True)
class FileState:
    """What change detection compares: a file is re-read when its size or mtime differ."""

    path: str
    mtime_ns: int
    size: int


@dataclass(frozen=True)
class Filters:
    """Narrow a search: all given filters apply (speaker, kind and organization per turn)."""

    speaker: str | None = None  # a person's name, any script ("華春瑩" finds 华春莹)
    kind: str | None = None  # host, official, reporter, other
    organization: str | None = None
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None
    source: str | None = None

    def any(self) -> bool:
        return any((self.speaker, self.kind, self.organization, self.date_from, self.date_to, self.source))


@dataclass(frozen=True)
class Hit:
    """One turn that holds every term of the query."""

    row: int
    doc_id: int
    path: str
    title: str
    date: str | None
    source: str
    turn: int  # Turn.index, or LEAD_TURN
    start: int  # the turn's span in the document's text
    end: int
    speaker: str | None  # the person's name as this document writes it
    role: str | None
    organization: str | None
    kind: str | None


@dataclass(frozen=True)
class SearchResult:
    terms: tuple[str, ...]  # the folded terms searched (all must occur)
    count: int  # matching turns in the whole library: exact
    hits: tuple[Hit, ...]  # this page: the newest briefings' matching turns, in document order
    page: int = 0
    more: bool = False  # another page follows


@dataclass(frozen=True)
class Appearance:
    """One briefing a person spoke in."""

    doc_id: int
    path: str
    title: str
    date: str | None
    role: str | None
    organization: str | None
    kind: str
    turns: int
    chars: int
    share: float  # of the briefing's speaking, by characters
    first_turn_start: int


@dataclass(frozen=True)
class CitedFigure:
    doc_id: int
    path: str
    title: str
    date: str | None
    speaker: str | None
    text: str
    value: float
    unit: str
    family: str
    qualifier: str | None
    indicator: str
    period: str | None
    sentence: str
    start: int
    conflict: bool = False  # the same indicator and period cited elsewhere with another value


@dataclass(frozen=True)
class SpeakerPage:
    name: str
    names: tuple[str, ...]  # every way the documents write it (华春莹, 華春瑩)
    roles: tuple[str, ...]
    appearances: tuple[Appearance, ...]  # newest first
    turns: int
    chars: int
    share: float  # of the speaking in the briefings they spoke in
    figures: tuple[CitedFigure, ...]


@dataclass(frozen=True)
class FigureHistory:
    indicator: str
    values: tuple[CitedFigure, ...]  # in date order: the newest ``HISTORY_LIMIT`` when there are more
    conflicts: int = 0
    total: int = 0  # values cited for it in the whole library (more than ``values`` past the limit)


@dataclass(frozen=True)
class AddReport:
    """What an add or a refresh did."""

    folders: tuple[str, ...]
    files: int  # transcripts found
    indexed: int  # read and written (new or changed)
    unchanged: int
    removed: int
    failed: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (path, reason)
    cancelled: bool = False
