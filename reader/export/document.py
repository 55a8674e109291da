"""The JSON export (``/work/shared/EXPORT.md``): the contract between the parser and the rest.

Figures are serialised generically (every dataclass field), so fields the figure extractor
adds appear without an edit here; ``speaker`` stays the speaker id.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from reader.model import Figure, QAPair, Span, Transcript, Turn

SCHEMA = "transcript-reader/export@1"
T = TypeVar("T")


class _Rows(list):  # type: ignore[type-arg]  # json's encoder accepts only a list here
    """A list the JSON encoder walks item by item: each row is made as it is written.

    200,000 turns as dicts at once cost 250 times the file (issue 12); written one at a
    time, the export holds one row. ``json``'s indenting encoder tests a list's truth
    (``[]`` for an empty one) and iterates it, nothing else, so the output is byte for
    byte what a real list gives.
    """

    def __init__(self, items: Iterable[T], count: int, row: Callable[[T], Any]) -> None:
        super().__init__()
        self._items, self._count, self._row = items, count, row

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __iter__(self) -> Iterator[Any]:
        return (self._row(item) for item in self._items)


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def transcript_to_dict(t: Transcript) -> dict[str, Any]:
    """The export as plain JSON-ready data."""
    data = _export(t)
    for key in ("turns", "figures", "qa"):
        data[key] = list(data[key])
    return data


#: Characters of the text encoded at a time: encoded whole, the text's escaped copy and the
#: file's UTF-8 bytes of it were a third of the export's peak.
TEXT_PIECE = 1 << 20

# What the indenting encoder yields before a key of the top-level object (deeper keys get
# more spaces; a value follows ``": "``): how the ``"text"`` key is told from a value.
_TOP_LEVEL_ITEM = ",\n "


def write_json(t: Transcript, write: Callable[[str], object]) -> None:
    """The export as ``json.dumps(transcript_to_dict(t), ensure_ascii=False, indent=1)`` gives it,
    handed to ``write`` in pieces: the turns, figures and pairs are made one at a time, and
    the text is escaped a piece at a time (escaping is per character, so the pieces join
    to the string's encoding)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=1)
    data = _export(t)
    text, data["text"] = data["text"], ""
    chunks = encoder.iterencode(data)
    previous = ""
    for chunk in chunks:
        write(chunk)
        if chunk == '"text"' and previous == _TOP_LEVEL_ITEM:
            write(next(chunks))  # the key separator
            next(chunks)  # the empty placeholder
            write('"')
            for start in range(0, len(text), TEXT_PIECE):
                write(json.dumps(text[start:start + TEXT_PIECE], ensure_ascii=False)[1:-1])
            write('"')
            break
        previous = chunk
    for chunk in chunks:
        write(chunk)


def _turn(turn: Turn) -> dict[str, Any]:
    return {"index": turn.index, "speaker": turn.speaker, "label": turn.label, "kind": turn.kind,
            "start": turn.start, "end": turn.end, "label_span": _span(turn.label_span),
            "paragraphs": [_span(p) for p in turn.paragraphs]}


def _pair(pair: QAPair) -> dict[str, Any]:
    return {"question": pair.question, "answers": list(pair.answers)}


def _export(t: Transcript) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "source": {"path": t.source.path, "sha256": t.source.sha256, "format": t.source.format,
                   "encoding": t.source.encoding},
        "meta": {"title": t.meta.title, "date": t.meta.date, "author": t.meta.author,
                 "editor": t.meta.editor, "categories": list(t.meta.categories), "url": t.meta.url},
        "text": t.text,
        "highlights": list(t.highlights),
        "highlight_spans": [_span(s) for s in t.highlight_spans],
        "preamble": [_span(s) for s in t.preamble],
        "captions": [_span(s) for s in t.captions],
        "speakers": [
            {"id": s.id, "name": s.name, "role": s.role, "organization": s.organization, "kind": s.kind,
             "turns": s.turns, "chars": s.chars}
            for s in t.speakers
        ],
        "turns": _Rows(t.turns, len(t.turns), _turn),
        "figures": _Rows(t.figures, len(t.figures), _figure),
        "qa": _Rows(t.qa, len(t.qa), _pair),
        "warnings": list(t.warnings),
    }


def _figure(figure: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(figure):
        value = getattr(figure, f.name)
        if isinstance(value, Span):
            value = _span(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out
