"""One file to one :class:`DocumentRecord`: what a worker process does, in plain Python.

The file is read and parsed by ``reader.pipeline.load`` (the model cache is not used: an
archive of ten thousand briefings would push every model the reader opened out of it),
each turn's text folded by ``reader.text.fold.fold`` (the in-document search's folding)
and written as index tokens, and each figure given its indicator and period. Everything
returned is plain data that pickles, so it crosses from a worker process to the writer.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlparse

from reader.library.indicators import indicator, period, sentence_before
from reader.library.records import LEAD_TURN, DocumentRecord, FigureRecord, SpeakerRecord, TurnRecord
from reader.library.tokens import bigram_tokens, unigram_tokens
from reader.model import Transcript
from reader.text.dates import ISO_LIKE_DATE
from reader.text.fold import fold

MAX_SENTENCE_CHARS = 160
_NAME_DATE = re.compile(r"(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})")


def document_date(transcript: Transcript, path: str) -> str | None:
    """The briefing's date (ISO, day precision): the page's, else one in the file name."""
    if transcript.meta.date:
        match = ISO_LIKE_DATE.search(transcript.meta.date)
        if match:
            year, month, day = (int(g) for g in match.groups()[:3])
            if 1900 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    for match in _NAME_DATE.finditer(Path(path).name):
        year, month, day = (int(g) for g in match.groups())
        if 1900 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def document_source(transcript: Transcript, path: str) -> str:
    """Who published it: the front matter's author, else the page's host, else its folder."""
    meta = transcript.meta
    if meta.author and meta.author.strip():
        return meta.author.strip()
    if meta.url:
        host = urlparse(meta.url).hostname
        if host:
            return host.removeprefix("www.")
    return Path(path).parent.name


def _turn_records(transcript: Transcript) -> tuple[TurnRecord, ...]:
    text = transcript.text
    turns = transcript.turns
    lead_end = turns[0].start if turns else len(text)
    records = [TurnRecord(LEAD_TURN, None, 0, lead_end, *_tokens(text[:lead_end]))] if lead_end else []
    for t in turns:
        records.append(TurnRecord(t.index, t.speaker, t.start, t.end, *_tokens(text[t.start:t.end])))
    return tuple(records)


def _tokens(text: str) -> tuple[str, str]:
    folded = fold(text)
    return unigram_tokens(folded), bigram_tokens(folded)


def _figure_records(transcript: Transcript, year: int | None) -> tuple[FigureRecord, ...]:
    out = []
    for f in transcript.figures:
        out.append(FigureRecord(
            turn=f.turn, sid=f.speaker, text=f.text, value=f.value, value_to=f.value_to, unit=f.unit,
            family=f.family, qualifier=f.qualifier,
            indicator=" ".join(fold(indicator(transcript, f)).split()),
            period=period(sentence_before(transcript, f), year), sentence=f.sentence[:MAX_SENTENCE_CHARS],
            start=f.start))
    return tuple(out)


def document_record(transcript: Transcript, path: str, mtime_ns: int, size: int) -> DocumentRecord:
    """What the library keeps of one parsed transcript."""
    date = document_date(transcript, path)
    speakers = tuple(SpeakerRecord(s.id, s.name, s.role, s.organization, s.kind, s.turns, s.chars)
                     for s in transcript.speakers)
    return DocumentRecord(
        path=path, mtime_ns=mtime_ns, size=size, sha256=transcript.source.sha256,
        title=(transcript.meta.title or Path(path).stem).strip(), date=date,
        source=document_source(transcript, path), chars=sum(s.chars for s in transcript.speakers),
        speakers=speakers, turns=_turn_records(transcript),
        figures=_figure_records(transcript, int(date[:4]) if date else None))


def read_document(path: str) -> DocumentRecord:
    """Parse the file at ``path`` (never writing it) into its record; raises ReaderError."""
    from reader.pipeline import load

    info = os.stat(path)
    transcript = load(path)
    return document_record(transcript, path, info.st_mtime_ns, info.st_size)
