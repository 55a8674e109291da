"""The pipeline: bytes → text → blocks → turns and speakers → figures → the ``Transcript``.

Each stage is a function from plain data to plain data, in its own package:

====================  ==================================================================
``reader.load``       read the file (``files``), decode it (``decoding``), the cache
``reader.parse``      text to styled blocks, by format (HTML, Markdown, plain text)
``reader.speakers``   markers, labels and who is who
``reader.turns``      blocks to turns, the lead, the text every offset points into
``reader.figures``    figures found, normalized, attributed and related
====================  ==================================================================

:func:`parse_bytes` does the work on bytes already in memory (most tests never touch the
disk); :func:`load` reads a file once, without modifying or locking it, hashes it once,
asks the model cache, and reports progress. The bar moves through the stages in the shares
below, and ``reader.progress`` checkpoints move it inside them.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import Cancelled
from reader.load.cache import ModelCache
from reader.load.files import file_digest, read_bytes
from reader.model import Source, Transcript
from reader.progress import reporting

if TYPE_CHECKING:
    from reader.parse.blocks import SourceDocument

# The stages are imported when a document is parsed, not with this module: a cached model
# (every start-up after the first) is shown without importing the parser at all.

#: ``progress(fraction)``; returning False (or raising ``Cancelled``) cancels the load.
Progress = Callable[[float], object]
#: Files past this size are parsed every time: they are opened rarely, and would fill the disk.
MAX_CACHED_BYTES = 20 * 1024 * 1024

READ, DECODED, READ_DOCUMENT, BUILT = 0.2, 0.4, 0.7, 0.85  # the bar's share at each stage's end

#: ``preview(transcript)``: the model of the file's beginning, for a first screen while the rest is read.
Preview = Callable[[Transcript], object]
#: Files at least this big get a preview: below it the whole parse takes about half a second or less.
PREVIEW_MIN_BYTES = 1024 * 1024
#: How much of the file the preview reads (cut at a line end): some twenty screens of text,
#: parsed in well under a tenth of the whole file's time.
PREVIEW_BYTES = 128 * 1024


def load(path: str | os.PathLike[str], *, progress: Progress | None = None,
         cache: ModelCache | None = None, preview: Preview | None = None) -> Transcript:
    """Read and parse the transcript at ``path``, served from ``cache`` when the same bytes
    were parsed before (and stored there when they were not).

    ``preview``, if given, is called first with the model of the file's beginning when the
    file is big and must be parsed (not when the cache serves it): the window paints that
    while the whole file is read, instead of a progress bar alone.
    """
    name = os.fspath(path)
    _report(progress, 0.0)
    held = [read_bytes(name)]
    _report(progress, READ)
    if cache is not None and len(held[0]) <= MAX_CACHED_BYTES:
        digest = file_digest(held[0])
        cached = cache.get(digest, name)
        if cached is not None:
            return cached
        _preview(held[0], name, preview)
        transcript = _parse_held(held, name, progress, digest)
        cache.put(digest, transcript)
        return transcript
    _preview(held[0], name, preview)  # before hashing the file: a 500 MB file takes a second
    return _parse_held(held, name, progress, file_digest(held[0]))


def preview_bytes(data: bytes) -> bytes | None:
    """The beginning of a big file, cut after a line end or, in a page written on one line,
    after a tag's ``>``; None for a small file, or when neither is found.

    Neither byte occurs inside a multi-byte character of UTF-8, GBK or Big5 (their second
    bytes start at 0x40), so the cut never splits a character; UTF-16 is the exception,
    and decodes with one replaced character at the end.
    """
    if len(data) < PREVIEW_MIN_BYTES:
        return None
    cut = data.rfind(b"\n", 0, PREVIEW_BYTES) + 1 or data.rfind(b">", 0, PREVIEW_BYTES) + 1
    return data[:cut] if cut else None


def _preview(data: bytes, path: str, preview: Preview | None) -> None:
    """Hand ``preview`` the model of the file's beginning; a beginning that cannot be read
    alone (an error, or no text yet) just means no preview: the whole file decides."""
    if preview is None:
        return
    beginning = preview_bytes(data)
    if beginning is None:
        return
    try:
        transcript = _parse_held([beginning], path, None, file_digest(beginning))
    except Exception:  # the whole file's parse reports what is wrong with it
        return
    preview(transcript)


def load_cached(path: str, progress: Progress | None = None, preview: Preview | None = None) -> Transcript:
    """:func:`load` with the user's model cache (none when it is switched off)."""
    return load(path, progress=progress, cache=ModelCache.default(), preview=preview)


def parse_bytes(data: bytes, path: str | None = None, *, progress: Progress | None = None) -> Transcript:
    """Parse a whole document given as bytes; ``path`` names it in the model and in errors."""
    return _parse_held([data], path, progress, file_digest(data))


def parse_text(text: str, suffix: str = ".txt") -> Transcript:
    """Parse text already in memory (tests, pasted text)."""
    from reader.figures.extract import extract_figures
    from reader.parse.formats import read_document
    from reader.turns.build import build_transcript

    doc = read_document(text, suffix)
    source = Source(None, file_digest(text.encode("utf-8")), doc.format, "utf-8")
    transcript = build_transcript(doc, source)
    return dataclasses.replace(transcript, figures=extract_figures(transcript))


def _build(held: list[SourceDocument], source: Source, warnings: tuple[str, ...]) -> Transcript:
    """``reader.turns.build.build_taking``, looked up when called (tests plant faults in it)."""
    from reader.turns import build

    return build.build_taking(held, source, warnings=warnings)


def _report(progress: Progress | None, fraction: float) -> None:
    if progress is not None and progress(fraction) is False:
        raise Cancelled()


def _parse_held(held: list[bytes], path: str | None, progress: Progress | None, digest: str) -> Transcript:
    """The stages, taking the bytes out of ``held`` so that, when the caller keeps no other
    reference (``load``), a 50 MB file's bytes are freed once decoded, before the HTML tree
    and the model are built: peak memory is what the bound on large files is about."""
    from reader.figures.extract import extract_figures
    from reader.load.decoding import decode_bytes
    from reader.parse.formats import read_document

    decoded = decode_bytes(held.pop(), path)
    _report(progress, DECODED)
    stage = [DECODED, READ_DOCUMENT]  # the current stage's share of the bar; checkpoints report in it
    shown = [DECODED]

    def report_inside(done: float) -> None:
        fraction = stage[0] + (stage[1] - stage[0]) * min(1.0, done)
        shown[0] = max(shown[0], fraction)  # forward only, whatever a stage reports
        _report(progress, shown[0])

    with reporting(report_inside):
        suffix = Path(path).suffix if path else ""
        doc = read_document(decoded.text, suffix)
        encoding, warnings = decoded.encoding, decoded.warnings
        del decoded
        _report(progress, READ_DOCUMENT)
        stage[:] = [READ_DOCUMENT, BUILT]
        source = Source(path, digest, doc.format, encoding)
        held_doc = [doc]
        del doc  # the build lets go of each block once read (a file of short turns' peak)
        transcript = _build(held_doc, source, warnings)
        _report(progress, BUILT)
        stage[:] = [BUILT, 1.0]
        transcript = dataclasses.replace(transcript, figures=extract_figures(transcript))
    _report(progress, 1.0)
    return transcript
