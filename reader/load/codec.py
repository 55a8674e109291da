"""The parsed model as plain values ``marshal`` can store, and back.

The model cache is read at every start-up before the first paint. ``pickle`` and its
helpers cost about 4 ms to import there, ``marshal`` is built into the interpreter; and
``marshal`` rebuilds only values (numbers, strings, tuples, lists), never code to run or
objects of types it was not told about, so a damaged or planted file can only fail to
decode.

Encoding: a model object is a list ``[class name, field values...]`` in field order;
tuples, strings, numbers and None stand for themselves. A table of turns, figures or
question pairs (``reader.record_tables``) is ``[table name, columns]``: its arrays as
bytes, which ``marshal`` writes and reads in one piece (a figure table's offsets point
into the transcript's text, stored once beside it). Field order is the dataclass's, so a
changed model must not read old entries: the cache's key holds a fingerprint of the
model's source.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from reader.model import Figure, Meta, QAPair, Source, Span, Speaker, Transcript, Turn
from reader.record_tables import FigureTable, QATable, TableError, TurnTable

_CLASSES: dict[str, type[Any]] = {
    cls.__name__: cls for cls in (Figure, Meta, QAPair, Source, Span, Speaker, Transcript, Turn)
}
_FIELDS = {name: tuple(f.name for f in fields(cls)) for name, cls in _CLASSES.items()}
_PLAIN = (str, int, float, bool, type(None))


class DecodeError(ValueError):
    """The stored value is not an encoded model."""


class _FigureColumns:
    """A figure table read back before the text it points into: made whole with the transcript."""

    def __init__(self, columns: tuple[object, ...]) -> None:
        self.columns = columns


def encode(value: object) -> Any:  # values marshal can store (lists, tuples, str, numbers, bytes)
    """``value`` (a model object, a tuple of them, or a plain value) as marshal-able values."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, tuple):
        return tuple(encode(item) for item in value)
    if isinstance(value, (TurnTable, FigureTable, QATable)):
        return [type(value).__name__, value.columns()]
    name = type(value).__name__
    if _CLASSES.get(name) is not type(value):
        raise TypeError(f"not part of the model: {type(value)!r}")
    return [name, *(encode(getattr(value, field)) for field in _FIELDS[name])]


def decode(value: object) -> object:
    """The value :func:`encode` made; :class:`DecodeError` for anything else."""
    if isinstance(value, list):
        if value and value[0] in ("TurnTable", "FigureTable", "QATable"):
            return _decode_table(value)
        if not value or not isinstance(value[0], str) or value[0] not in _CLASSES:
            raise DecodeError("unknown record")
        name = value[0]
        if len(value) != len(_FIELDS[name]) + 1:
            raise DecodeError(f"{name} with {len(value) - 1} fields")
        items = [decode(item) for item in value[1:]]
        if name == "Transcript":
            return _transcript(items)
        if any(isinstance(item, _FigureColumns) for item in items):
            raise DecodeError("a figure table outside a transcript")
        return _CLASSES[name](*items)
    if isinstance(value, tuple):
        return tuple(decode(item) for item in value)
    if isinstance(value, _PLAIN):
        return value
    raise DecodeError(f"unexpected {type(value).__name__}")


def _decode_table(value: list[Any]) -> object:
    if len(value) != 2 or not isinstance(value[1], tuple):
        raise DecodeError("table")
    try:
        if value[0] == "TurnTable":
            return TurnTable.from_columns(value[1])
        if value[0] == "QATable":
            return QATable.from_columns(value[1])
    except TableError as exc:
        raise DecodeError(str(exc)) from None
    return _FigureColumns(value[1])


def _transcript(items: list[object]) -> Transcript:
    """A transcript from its decoded fields; its figure table is bound to its text here."""
    names = _FIELDS["Transcript"]
    fields_ = dict(zip(names, items, strict=True))
    figures, text = fields_.get("figures"), fields_.get("text")
    if isinstance(figures, _FigureColumns):
        if not isinstance(text, str):
            raise DecodeError("figures without a text")
        try:
            fields_["figures"] = FigureTable.from_columns(figures.columns, text)
        except TableError as exc:
            raise DecodeError(str(exc)) from None
    return Transcript(**fields_)  # type: ignore[arg-type]  # checked as each field is used


def decode_transcript(value: object) -> Transcript:
    transcript = decode(value)
    if not isinstance(transcript, Transcript):
        raise DecodeError("not a transcript")
    return transcript
