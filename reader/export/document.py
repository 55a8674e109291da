"""The JSON export (``/work/shared/EXPORT.md``): the contract between the parser and the rest.

Figures are serialised generically (every dataclass field), so fields the figure extractor
adds appear without an edit here; ``speaker`` stays the speaker id.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from reader.model import Figure, Span, Transcript

SCHEMA = "transcript-reader/export@1"


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def transcript_to_dict(t: Transcript) -> dict[str, Any]:
    """The export as plain JSON-ready data."""
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
        "turns": [
            {"index": turn.index, "speaker": turn.speaker, "label": turn.label, "kind": turn.kind,
             "start": turn.start, "end": turn.end, "label_span": _span(turn.label_span),
             "paragraphs": [_span(p) for p in turn.paragraphs]}
            for turn in t.turns
        ],
        "figures": [_figure(f) for f in t.figures],
        "qa": [{"question": pair.question, "answers": list(pair.answers)} for pair in t.qa],
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
