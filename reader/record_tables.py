"""Turns, figures and question pairs stored as columns of numbers: a record is made on access.

A transcript of 200,000 short turns held one ``Turn`` (with a ``Span`` per paragraph and
its label) and one ``Figure`` (with its text and sentence copied out of the transcript)
per item: several hundred bytes each, 58 times the file's size for the parse and 227
times for the export (issue 12). Here each field is one slot of an ``array`` (four or
eight bytes), strings that repeat (labels, units, speaker ids) are stored once and named
by number, and a figure's text and sentence are offsets into ``Transcript.text``.

The tables are immutable ``Sequence``\\ s: ``transcript.turns[i].start``, iteration,
``len`` and slicing work as on the tuples they replace, and a record made on access
equals (and hashes like) the one stored. Code that walks every item for one field reads
the column instead (``turns.starts``, ``figures.starts``), which makes no objects at all.

No Qt here: the model is plain Python.

Why this module is long: three tables share one storage scheme (string and optional
columns, construction from records or from columns, equality, the codec's columns), and
each must rebuild its records field for field; split, the scheme would be written thrice.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

from reader.model import Direction, Figure, QAPair, Span, SpeakerKind, Turn

R = TypeVar("R")
NONE = -1  # the code of a missing value in a string or optional-integer column
OFFSETS = "i"  # text offsets: a file is at most 512 MB, so at most 2**29 characters


class TableError(ValueError):
    """Columns that do not make a table (a damaged cache entry)."""


class StringColumn:
    """Strings (or None) by number: each distinct value stored once."""

    __slots__ = ("_codes", "_index", "values")

    def __init__(self, values: list[str] | None = None, codes: array[int] | None = None) -> None:
        self.values: list[str] = values if values is not None else []
        self._index = {value: code for code, value in enumerate(self.values)}
        self._codes = codes if codes is not None else array("i")

    def append(self, value: str | None) -> None:
        if value is None:
            self._codes.append(NONE)
            return
        code = self._index.get(value)
        if code is None:
            code = self._index[value] = len(self.values)
            self.values.append(value)
        self._codes.append(code)

    def __getitem__(self, i: int) -> str | None:
        code = self._codes[i]
        return None if code < 0 else self.values[code]

    def get(self, i: int) -> str:
        """The value at ``i`` in a column that holds no None."""
        return self.values[self._codes[i]]

    def __len__(self) -> int:
        return len(self._codes)

    def columns(self) -> tuple[tuple[str, ...], bytes]:
        return tuple(self.values), self._codes.tobytes()

    @classmethod
    def from_columns(cls, values: object, codes: object, length: int) -> StringColumn:
        if not isinstance(values, tuple) or not all(isinstance(v, str) for v in values):
            raise TableError("string column values")
        column = cls(list(values), _array("i", codes, length))
        if length and (max(column._codes) >= len(values) or min(column._codes) < NONE):
            raise TableError("string column code out of range")
        return column

    def same(self, other: StringColumn) -> bool:
        return self.values == other.values and self._codes == other._codes


def _array(typecode: str, data: object, length: int) -> array[Any]:
    if not isinstance(data, bytes):
        raise TableError("column is not bytes")
    column = array(typecode)
    try:
        column.frombytes(data)
    except ValueError as exc:
        raise TableError(str(exc)) from None
    if len(column) != length:
        raise TableError(f"column of {len(column)} values, not {length}")
    return column


def _optional(value: int | None) -> int:
    return NONE if value is None else value


def _int_or_none(value: int) -> int | None:
    return None if value < 0 else value


class _Table(Sequence[R], Generic[R]):
    """What the three tables share: indexing, slicing, iteration, equality, hashing."""

    __slots__ = ()

    def record(self, i: int) -> R:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def _columns(self) -> tuple[object, ...]:
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> R: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[R, ...]: ...

    def __getitem__(self, i: int | slice) -> R | tuple[R, ...]:
        if isinstance(i, slice):
            return tuple(self.record(k) for k in range(*i.indices(len(self))))
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self.record(i)

    def __iter__(self) -> Iterator[R]:
        return (self.record(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._columns() == other._columns()
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        shown = ", ".join(repr(r) for r in itertools.islice(self, 3))
        return f"{type(self).__name__}([{shown}{', ...' if len(self) > 3 else ''}] {len(self)} records)"


class TurnTable(_Table[Turn]):
    """``Transcript.turns``: one row per turn, paragraphs as a flat run of offsets."""

    __slots__ = ("_first_paragraph", "_kind", "_label", "_speaker", "ends", "indices", "label_ends",
                 "label_starts", "paragraph_ends", "paragraph_starts", "starts")

    def __init__(self) -> None:
        self.indices = array(OFFSETS)
        self._speaker = StringColumn()
        self._label = StringColumn()
        self._kind = StringColumn()
        self.starts = array(OFFSETS)
        self.ends = array(OFFSETS)
        self.label_starts = array(OFFSETS)
        self.label_ends = array(OFFSETS)
        self._first_paragraph = array(OFFSETS, [0])  # paragraphs of turn i: [first[i], first[i + 1])
        self.paragraph_starts = array(OFFSETS)
        self.paragraph_ends = array(OFFSETS)

    def append(self, index: int, speaker: str, label: str, kind: SpeakerKind, start: int, end: int,
               label_start: int, label_end: int, paragraphs: Iterable[tuple[int, int]]) -> None:
        """Add a turn (the parser's way: no ``Turn`` object is made)."""
        self.indices.append(index)
        self._speaker.append(speaker)
        self._label.append(label)
        self._kind.append(kind)
        self.starts.append(start)
        self.ends.append(end)
        self.label_starts.append(label_start)
        self.label_ends.append(label_end)
        for a, b in paragraphs:
            self.paragraph_starts.append(a)
            self.paragraph_ends.append(b)
        self._first_paragraph.append(len(self.paragraph_starts))

    @classmethod
    def of(cls, turns: Iterable[Turn]) -> TurnTable:
        if isinstance(turns, TurnTable):
            return turns
        table = cls()
        for t in turns:
            table.append(t.index, t.speaker, t.label, t.kind, t.start, t.end, t.label_span.start,
                         t.label_span.end, ((p.start, p.end) for p in t.paragraphs))
        return table

    def __len__(self) -> int:
        return len(self.starts)

    def record(self, i: int) -> Turn:
        first, last = self._first_paragraph[i], self._first_paragraph[i + 1]
        starts, ends = self.paragraph_starts, self.paragraph_ends
        return Turn(self.indices[i], self._speaker.get(i), self._label.get(i),
                    self._kind.get(i),  # type: ignore[arg-type]  # only SpeakerKind values go in
                    self.starts[i], self.ends[i], Span(self.label_starts[i], self.label_ends[i]),
                    tuple(Span(starts[k], ends[k]) for k in range(first, last)))

    def speaker_of(self, i: int) -> str:
        return self._speaker.get(i)

    def kind_of(self, i: int) -> SpeakerKind:
        return self._kind.get(i)  # type: ignore[return-value]  # only SpeakerKind values go in

    def paragraph_count(self, i: int) -> int:
        return self._first_paragraph[i + 1] - self._first_paragraph[i]

    def _columns(self) -> tuple[object, ...]:
        return (self.indices.tobytes(), *self._speaker.columns(), *self._label.columns(),
                *self._kind.columns(), self.starts.tobytes(), self.ends.tobytes(),
                self.label_starts.tobytes(), self.label_ends.tobytes(), self._first_paragraph.tobytes(),
                self.paragraph_starts.tobytes(), self.paragraph_ends.tobytes())

    def columns(self) -> tuple[object, ...]:
        """Plain values ``marshal`` can store (the model cache); :meth:`from_columns` reverses it."""
        return (len(self), len(self.paragraph_starts), *self._columns())

    @classmethod
    def from_columns(cls, values: Sequence[object]) -> TurnTable:
        if len(values) != 16 or not isinstance(values[0], int) or not isinstance(values[1], int):
            raise TableError("turn table columns")
        n, paragraphs = values[0], values[1]
        table = cls()
        table.indices = _array(OFFSETS, values[2], n)
        table._speaker = StringColumn.from_columns(values[3], values[4], n)
        table._label = StringColumn.from_columns(values[5], values[6], n)
        table._kind = StringColumn.from_columns(values[7], values[8], n)
        table.starts, table.ends = _array(OFFSETS, values[9], n), _array(OFFSETS, values[10], n)
        table.label_starts, table.label_ends = _array(OFFSETS, values[11], n), _array(OFFSETS, values[12], n)
        table._first_paragraph = _array(OFFSETS, values[13], n + 1)
        table.paragraph_starts = _array(OFFSETS, values[14], paragraphs)
        table.paragraph_ends = _array(OFFSETS, values[15], paragraphs)
        first = table._first_paragraph
        if first[0] != 0 or first[n] != paragraphs or any(a > b for a, b in itertools.pairwise(first)):
            raise TableError("paragraph runs")
        return table


class FigureTable(_Table[Figure]):
    """``Transcript.figures``: numbers in arrays, the text and sentence as offsets into the text.

    ``text`` is the transcript's text the offsets point into (the same object, not a copy).
    A figure whose text or sentence is not such a slice (made by hand, in a test) keeps
    its string aside, so every record reads back exactly as it went in.
    """

    __slots__ = ("_change_of", "_direction", "_family", "_has_value_to", "_in_order", "_qualifier",
                 "_same_as", "_sentence_ends", "_sentence_starts", "_speaker", "_strings", "_turn", "_unit",
                 "_value", "_value_to", "ends", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._value = array("d")
        self._value_to = array("d")
        self._has_value_to = bytearray()
        self._unit = StringColumn()
        self._qualifier = StringColumn()
        self.starts = array(OFFSETS)
        self.ends = array(OFFSETS)
        self._turn = array(OFFSETS)
        self._speaker = StringColumn()
        self._sentence_starts = array(OFFSETS)
        self._sentence_ends = array(OFFSETS)
        self._change_of = array(OFFSETS)
        self._direction = StringColumn()
        self._same_as = StringColumn()
        self._family = StringColumn()
        self._strings: dict[tuple[int, int], str] = {}  # (row, 0 text | 1 sentence) -> what is not a slice
        self._in_order: bool | None = None

    @property
    def in_text_order(self) -> bool:
        """Whether the figures are sorted by start (extraction's order; one made by hand may not be)."""
        if self._in_order is None:
            starts = self.starts
            self._in_order = all(starts[i] <= starts[i + 1] for i in range(len(starts) - 1))
        return self._in_order

    def rows_near(self, low: int, high: int | None) -> range:
        """Rows whose figure starts in ``[low, high)``, and the one before (which may reach into
        it); all rows when the figures are not in text order."""
        if not self.in_text_order:
            return range(len(self))
        from bisect import bisect_left

        last = len(self) if high is None else bisect_left(self.starts, high)
        return range(max(0, bisect_left(self.starts, low) - 1), last)

    def append(self, figure: Figure, sentence_span: tuple[int, int] | None = None) -> None:
        """Add ``figure``; ``sentence_span``: where its sentence stands, if the caller knows."""
        row = len(self.starts)
        self._in_order = None
        text = self.text
        self._value.append(figure.value)
        self._value_to.append(0.0 if figure.value_to is None else figure.value_to)
        self._has_value_to.append(figure.value_to is not None)
        self._unit.append(figure.unit)
        self._qualifier.append(figure.qualifier)
        self.starts.append(figure.start)
        self.ends.append(figure.end)
        if text[figure.start:figure.end] != figure.text:
            self._strings[row, 0] = figure.text
        self._turn.append(_optional(figure.turn))
        self._speaker.append(figure.speaker)
        start, end = sentence_span or self._sentence_bounds(figure)
        self._sentence_starts.append(start)
        self._sentence_ends.append(end)
        if text[start:end] != figure.sentence:
            self._strings[row, 1] = figure.sentence
        self._change_of.append(_optional(figure.change_of))
        self._direction.append(figure.direction)
        self._same_as.append(figure.same_as)
        self._family.append(figure.family)

    def _sentence_bounds(self, figure: Figure) -> tuple[int, int]:
        """Where ``figure.sentence`` stands in the text: around the figure, as extraction cut it."""
        sentence = figure.sentence
        if not sentence:
            return figure.start, figure.start
        text = self.text
        start = text.rfind(sentence, max(0, figure.end - len(sentence)), figure.start + len(sentence))
        if start < 0:
            start = text.find(sentence, max(0, figure.start - len(sentence)))
        return (start, start + len(sentence)) if start >= 0 else (figure.start, figure.start)

    @classmethod
    def of(cls, figures: Iterable[Figure], text: str) -> FigureTable:
        """A table of ``figures`` pointing into ``text`` (a table for another text is rebuilt)."""
        if isinstance(figures, FigureTable) and figures.text is text:
            return figures
        table = cls(text)
        for figure in figures:
            table.append(figure)
        return table

    def __len__(self) -> int:
        return len(self.starts)

    def record(self, i: int) -> Figure:
        start, end = self.starts[i], self.ends[i]
        strings = self._strings
        text = strings.get((i, 0)) if strings else None
        sentence = strings.get((i, 1)) if strings else None
        if sentence is None:
            sentence = self.text[self._sentence_starts[i]:self._sentence_ends[i]]
        return Figure(
            text=self.text[start:end] if text is None else text,
            value=self._value[i], unit=self._unit.get(i), qualifier=self._qualifier[i],
            start=start, end=end, turn=_int_or_none(self._turn[i]), speaker=self._speaker[i],
            sentence=sentence,
            value_to=self._value_to[i] if self._has_value_to[i] else None,
            change_of=_int_or_none(self._change_of[i]),
            direction=self._direction[i],  # type: ignore[arg-type]  # only Direction values go in
            same_as=self._same_as[i], family=self._family.get(i),
        )

    def same_as_of(self, i: int) -> str | None:
        return self._same_as[i]

    def family_of(self, i: int) -> str:
        return self._family.get(i)

    def speaker_of(self, i: int) -> str | None:
        return self._speaker[i]

    def direction_of(self, i: int) -> Direction | None:
        return self._direction[i]  # type: ignore[return-value]  # only Direction values go in

    def turn_of(self, i: int) -> int | None:
        return _int_or_none(self._turn[i])

    def _columns(self) -> tuple[object, ...]:
        strings = tuple(sorted((row, which, value) for (row, which), value in self._strings.items()))
        return (self._value.tobytes(), self._value_to.tobytes(), bytes(self._has_value_to),
                *self._unit.columns(), *self._qualifier.columns(), self.starts.tobytes(), self.ends.tobytes(),
                self._turn.tobytes(), *self._speaker.columns(), self._sentence_starts.tobytes(),
                self._sentence_ends.tobytes(), self._change_of.tobytes(), *self._direction.columns(),
                *self._same_as.columns(), *self._family.columns(), strings)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FigureTable) and other.text is not self.text:
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return super().__eq__(other)

    __hash__ = _Table.__hash__

    def columns(self) -> tuple[object, ...]:
        """Plain values ``marshal`` can store (the text is the transcript's, stored with it)."""
        return (len(self), *self._columns())

    @classmethod
    def from_columns(cls, values: Sequence[object], text: str) -> FigureTable:
        if len(values) != 23 or not isinstance(values[0], int):
            raise TableError("figure table columns")
        n = values[0]
        table = cls(text)
        table._value = _array("d", values[1], n)
        table._value_to = _array("d", values[2], n)
        if not isinstance(values[3], bytes) or len(values[3]) != n:
            raise TableError("value_to flags")
        table._has_value_to = bytearray(values[3])
        table._unit = StringColumn.from_columns(values[4], values[5], n)
        table._qualifier = StringColumn.from_columns(values[6], values[7], n)
        table.starts, table.ends = _array(OFFSETS, values[8], n), _array(OFFSETS, values[9], n)
        table._turn = _array(OFFSETS, values[10], n)
        table._speaker = StringColumn.from_columns(values[11], values[12], n)
        table._sentence_starts = _array(OFFSETS, values[13], n)
        table._sentence_ends = _array(OFFSETS, values[14], n)
        table._change_of = _array(OFFSETS, values[15], n)
        table._direction = StringColumn.from_columns(values[16], values[17], n)
        table._same_as = StringColumn.from_columns(values[18], values[19], n)
        table._family = StringColumn.from_columns(values[20], values[21], n)
        table._in_order = None
        strings = values[22]
        if not isinstance(strings, tuple):
            raise TableError("figure strings")
        for entry in strings:
            if (not isinstance(entry, tuple) or len(entry) != 3 or not isinstance(entry[0], int)
                    or entry[1] not in (0, 1) or not isinstance(entry[2], str)):
                raise TableError("figure string entry")
            table._strings[entry[0], entry[1]] = entry[2]
        return table


class QATable(_Table[QAPair]):
    """``Transcript.qa``: each question's turn index and its answers as a flat run."""

    __slots__ = ("_answers", "_first_answer", "questions")

    def __init__(self) -> None:
        self.questions = array(OFFSETS)
        self._first_answer = array(OFFSETS, [0])
        self._answers = array(OFFSETS)

    def append(self, question: int, answers: Iterable[int]) -> None:
        self.questions.append(question)
        self._answers.extend(answers)
        self._first_answer.append(len(self._answers))

    @classmethod
    def of(cls, pairs: Iterable[QAPair]) -> QATable:
        if isinstance(pairs, QATable):
            return pairs
        table = cls()
        for pair in pairs:
            table.append(pair.question, pair.answers)
        return table

    def __len__(self) -> int:
        return len(self.questions)

    def record(self, i: int) -> QAPair:
        first = self._first_answer
        return QAPair(self.questions[i], tuple(self._answers[first[i]:first[i + 1]]))

    def _columns(self) -> tuple[object, ...]:
        return self.questions.tobytes(), self._first_answer.tobytes(), self._answers.tobytes()

    def columns(self) -> tuple[object, ...]:
        return (len(self), len(self._answers), *self._columns())

    @classmethod
    def from_columns(cls, values: Sequence[object]) -> QATable:
        if len(values) != 5 or not isinstance(values[0], int) or not isinstance(values[1], int):
            raise TableError("question table columns")
        n, answers = values[0], values[1]
        table = cls()
        table.questions = _array(OFFSETS, values[2], n)
        table._first_answer = _array(OFFSETS, values[3], n + 1)
        table._answers = _array(OFFSETS, values[4], answers)
        first = table._first_answer
        if first[0] != 0 or first[n] != answers or any(a > b for a, b in itertools.pairwise(first)):
            raise TableError("answer runs")
        return table
