"""The parsed model as plain values ``marshal`` can store, and back.

The model cache is read at every start-up before the first paint. ``pickle`` and its
helpers cost about 4 ms to import there, ``marshal`` is built into the interpreter; and
``marshal`` rebuilds only values (numbers, strings, tuples, lists), never code to run or
objects of types it was not told about, so a damaged or planted file can only fail to
decode.

Encoding: a model object is a list ``[class name, field values...]`` in field order;
tuples, strings, numbers and None stand for themselves. Field order is the dataclass's,
so a changed model must not read old entries: the cache's key holds a fingerprint of
the model's source.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from reader.model import Figure, Meta, QAPair, Source, Span, Speaker, Transcript, Turn

_CLASSES: dict[str, type[Any]] = {
    cls.__name__: cls for cls in (Figure, Meta, QAPair, Source, Span, Speaker, Transcript, Turn)
}
_FIELDS = {name: tuple(f.name for f in fields(cls)) for name, cls in _CLASSES.items()}
_PLAIN = (str, int, float, bool, type(None))


class DecodeError(ValueError):
    """The stored value is not an encoded model."""


def encode(value: object) -> Any:  # values marshal can store (lists, tuples, str, numbers)
    """``value`` (a model object, a tuple of them, or a plain value) as marshal-able values."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, tuple):
        return tuple(encode(item) for item in value)
    name = type(value).__name__
    if _CLASSES.get(name) is not type(value):
        raise TypeError(f"not part of the model: {type(value)!r}")
    return [name, *(encode(getattr(value, field)) for field in _FIELDS[name])]


def decode(value: object) -> object:
    """The value :func:`encode` made; :class:`DecodeError` for anything else."""
    if isinstance(value, list):
        if not value or not isinstance(value[0], str) or value[0] not in _CLASSES:
            raise DecodeError("unknown record")
        name = value[0]
        if len(value) != len(_FIELDS[name]) + 1:
            raise DecodeError(f"{name} with {len(value) - 1} fields")
        return _CLASSES[name](*(decode(item) for item in value[1:]))
    if isinstance(value, tuple):
        return tuple(decode(item) for item in value)
    if isinstance(value, _PLAIN):
        return value
    raise DecodeError(f"unexpected {type(value).__name__}")


def decode_transcript(value: object) -> Transcript:
    transcript = decode(value)
    if not isinstance(transcript, Transcript):
        raise DecodeError("not a transcript")
    return transcript
