"""Build the transcript's QTextDocument from the model, and map offsets to positions.

The document is made block by block with QTextCursor and formats, from
``Transcript.text`` and the spans around it: source HTML never reaches Qt's rich-text
engine, so nothing in a document can load, fetch or run. A header (title, date, author,
editor, source) comes first; ``Transcript.text`` follows verbatim, one block per line.

QTextDocument counts UTF-16 code units, Python counts code points; :class:`OffsetMap`
translates between them (they differ only after characters outside the BMP).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.model import Transcript
from reader.ui.i18n import tr
from reader.ui.startup import solid_brush
from reader.ui.transcript_formats import format_body

LINK_SCHEMES = ("http", "https")
# Foregrounds are brushes from reader.ui.startup.solid_brush, not QBrush(QColor) nor a bare
# QColor: choosing among QBrush's overloads makes PySide6 build the Python types of QImage,
# QGradient and the whole ``Qt`` namespace (~17 ms before the first paint).
DISPLAY_BLOCK_CHARS = 2000
SENTENCE_END = re.compile(r"[。！？；!?;]")
PARAGRAPH_SPACING = 8.0
LINE_HEIGHT_PERCENT = 150
WIDE_FROM = "\u1100"  # from here on a character is about an em wide (see chars_filling)
NARROW_EM = 0.45


#: A character outside the BMP: two UTF-16 units in the document, one offset in the text.
ASTRAL_CHAR_RE = re.compile("[\U00010000-\U0010FFFF]")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Text offsets (code points) <-> document positions (UTF-16 units after the header).

    Two things make a position run ahead of its offset: a character outside the BMP
    (two UTF-16 units) and a display break (a block separator the view inserts inside
    an over-long paragraph, see :func:`display_breaks`). Both are kept as sorted
    *thresholds*: each adds one unit to every offset at or past it.

    A document may hold only a window of the text, from ``origin`` to ``stop`` (a big
    document: see docs/big-documents.md); offsets outside it map to its edges.
    """

    base: int  # document position of text offset ``origin``
    text_length: int
    thresholds: tuple[int, ...] = ()  # astral character at i -> i + 1; display break before b -> b
    break_positions: frozenset[int] = frozenset()  # positions (relative) of display separators
    breaks: tuple[int, ...] = ()  # the display breaks (offsets), for windows of the same text
    origin: int = 0  # the first offset in the document
    window_end: int = -1  # the offset the document stops at; -1: the end of the text
    skipped: int = 0  # thresholds at or before ``origin`` (they shift nothing inside the window)

    @classmethod
    def for_text(cls, text: str, base: int, breaks: Sequence[int] = ()) -> OffsetMap:
        astral = [m.end() for m in ASTRAL_CHAR_RE.finditer(text)]
        thresholds = tuple(sorted([*astral, *breaks]))
        partial = cls(base, len(text), thresholds)
        separators = frozenset(partial.to_position(b) - base - 1 for b in breaks)
        return cls(base, len(text), thresholds, separators, tuple(breaks))

    def window(self, origin: int, stop: int, base: int) -> OffsetMap:
        """The map of a document holding the text from ``origin`` to ``stop`` after ``base``
        positions of header (the thresholds are shared, not recomputed)."""
        thresholds = self.thresholds
        skipped = bisect_right(thresholds, origin)
        length, breaks = self.text_length, self.breaks
        partial = OffsetMap(base, length, thresholds, frozenset(), breaks, origin, stop, skipped)
        inside = breaks[bisect_right(breaks, origin):bisect_left(breaks, stop)]
        separators = frozenset(partial.to_position(b) - base - 1 for b in inside)
        return OffsetMap(base, length, thresholds, separators, breaks, origin, stop, skipped)

    @property
    def stop(self) -> int:
        """The offset the document's text stops at (the text's end unless it is a window)."""
        return self.text_length if self.window_end < 0 else self.window_end

    @property
    def is_window(self) -> bool:
        return self.origin > 0 or self.stop < self.text_length

    def to_position(self, offset: int) -> int:
        origin, stop = self.origin, self.stop
        offset = origin if offset < origin else stop if offset > stop else offset
        if not self.thresholds:
            return self.base + offset - origin
        return self.base + offset - origin + bisect_right(self.thresholds, offset) - self.skipped

    def to_positions(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Many spans at once (search results): a plain shift when nothing runs ahead."""
        if not self.thresholds and not self.is_window:
            base = self.base
            return [(base + s, base + e) for s, e in spans]
        to_position = self.to_position
        return [(to_position(s), to_position(e)) for s, e in spans]

    def to_offset(self, position: int) -> int:
        """The text offset at ``position``.

        Header positions give the first offset; inside a surrogate pair rounds down to its
        character; a display separator (the end of a piece) gives the offset after the piece.
        """
        units = position - self.base
        origin, stop = self.origin, self.stop
        if units <= 0:
            return origin
        if not self.thresholds:
            return min(origin + units, stop)
        if units in self.break_positions:
            units += 1
        lo, hi = origin, stop
        thresholds, skipped = self.thresholds, self.skipped
        while lo < hi:  # the last offset whose position is at or before ``units``
            mid = (lo + hi + 1) // 2
            if mid - origin + bisect_right(thresholds, mid) - skipped <= units:
                lo = mid
            else:
                hi = mid - 1
        return lo

    @property
    def end_position(self) -> int:
        return self.to_position(self.stop)


def window_around(text: str, breaks: Sequence[int], center: int, size: int) -> tuple[int, int]:
    """The window of about ``size`` characters of ``text`` around ``center``, cut between display
    blocks (at a line start or a display break), so a window's blocks are the whole document's."""
    length = len(text)
    if length <= size:
        return 0, length
    low = min(max(0, center - size // 2), length - size)
    high = low + size
    line_start = text.rfind("\n", 0, low) + 1
    i = bisect_right(breaks, low) - 1
    start = max(line_start, breaks[i]) if i >= 0 else line_start
    line_end = text.find("\n", high)
    line_end = length if line_end == -1 else line_end
    k = bisect_right(breaks, high)
    end = min(line_end, breaks[k]) if k < len(breaks) else line_end
    return start, end


def display_breaks(text: str, limit: int = DISPLAY_BLOCK_CHARS) -> list[int]:
    """Offsets at which to start a new display block inside paragraphs longer than ``limit``.

    Qt lays a block out whole, in one go: a 350,000-character paragraph froze the window
    for almost a second. Real paragraphs are far shorter; an over-long one is shown as
    pieces of at most ``limit`` characters, cut after a sentence end where one is near.
    The text itself is unchanged: copying and search work on ``Transcript.text``.
    """
    breaks: list[int] = []
    line_start = 0
    length = len(text)
    while line_start < length:
        line_end = text.find("\n", line_start)
        line_end = length if line_end == -1 else line_end
        piece_start = line_start
        while line_end - piece_start > limit:
            window_end = piece_start + limit
            cut = window_end
            for match in SENTENCE_END.finditer(text, window_end - limit // 5, window_end):
                cut = match.end()
            breaks.append(cut)
            piece_start = cut
        line_start = line_end + 1
    return breaks


def _header_lines(transcript: Transcript) -> tuple[str, list[str]]:
    meta = transcript.meta
    title = meta.title or (transcript.source.path or "").rsplit("/", 1)[-1]
    parts: list[str] = []
    if meta.date:
        parts.append(meta.date.replace("T", " ")[:16])
    if meta.author:
        parts.append(meta.author)
    if meta.editor:
        parts.append(tr("Editor: {name}").format(name=meta.editor))
    return title, parts


def _safe_link(url: str | None) -> str | None:
    """``url`` if it is an http(s) address with a host and nothing that could hide another one.

    Plain ``urllib`` (already loaded) rather than QUrl: naming QUrl makes PySide6 build
    its class and enums before the first paint.
    """
    if not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parsed = urlsplit(url)
    except ValueError:
        return None
    return url if parsed.scheme.lower() in LINK_SCHEMES and parsed.hostname else None


def build_document(transcript: Transcript, base_font: QFont | None = None,
                   first_chars: int | None = None, window: tuple[int, int] | None = None,
                   whole: OffsetMap | None = None) -> tuple[QTextDocument, OffsetMap]:
    """A document showing ``transcript`` and the map from its text offsets to positions.

    ``window``: show only the text from its first to its second offset (cut between
    display blocks: :func:`window_around`); the header is shown only in a window that
    starts the text. ``whole``: the whole text's map, made before (not recomputed).

    ``first_chars``: build only the lines holding the first that many characters (the
    first screen; Qt lays out all of a document handed to a view before painting it,
    so a short one paints sooner); :func:`finish_document` appends the rest later. The
    map is the whole document's either way: the first lines sit where they will stay.
    """
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(24)
    if base_font is not None:
        doc.setDefaultFont(base_font)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()

    text = transcript.text
    origin, stop = window if window is not None else (0, len(text))
    if whole is None:
        whole = OffsetMap.for_text(text, 0, display_breaks(text))
    if origin > 0:  # a window further on: the text alone (its header is scrolled past)
        cursor.setBlockFormat(_body_block_format())
        offsets = whole.window(origin, stop, 0)
        _insert_body(cursor, transcript, offsets, first_chars)
        cursor.endEditBlock()
        doc.setModified(False)
        return doc, offsets
    title, parts = _header_lines(transcript)
    title_block = QTextBlockFormat()
    title_block.setBottomMargin(6)
    title_format = QTextCharFormat()
    title_format.setFontWeight(QFont.Weight.Bold)
    title_format.setProperty(QTextFormat.Property.FontSizeAdjustment, 2)
    cursor.setBlockFormat(title_block)
    cursor.insertText(title, title_format)

    meta_block = QTextBlockFormat()
    meta_block.setBottomMargin(18)
    meta_format = QTextCharFormat()
    meta_format.setForeground(solid_brush(QColor("#666666")))
    cursor.insertBlock(meta_block, meta_format)
    cursor.insertText("  ·  ".join(parts), meta_format)
    link = _safe_link(transcript.meta.url)
    if link:
        if parts:
            cursor.insertText("  ·  ", meta_format)
        link_format = QTextCharFormat(meta_format)
        link_format.setAnchor(True)
        link_format.setAnchorHref(link)
        link_format.setForeground(solid_brush(QColor("#1d5fa8")))
        link_format.setFontUnderline(True)
        cursor.insertText(tr("Source"), link_format)

    cursor.insertBlock(_body_block_format(), QTextCharFormat())
    offsets = whole.window(0, stop, cursor.position())
    _insert_body(cursor, transcript, offsets, first_chars)
    cursor.endEditBlock()
    doc.setModified(False)
    return doc, offsets


def _insert_body(cursor: QTextCursor, transcript: Transcript, offsets: OffsetMap,
                 first_chars: int | None) -> None:
    """The text of the document's window (or its first lines), formatted."""
    text, origin, stop = transcript.text, offsets.origin, offsets.stop
    cut = _first_lines_end(text, origin + first_chars) if first_chars is not None else None
    cut = None if cut is not None and cut >= stop else cut
    shown = stop if cut is None else cut
    cursor.insertText(_with_breaks(text, offsets.breaks, origin, shown))
    format_body(cursor, transcript, offsets, origin, _high(offsets, cut))


def _high(offsets: OffsetMap, cut: int | None) -> int | None:
    """Where a part's formats stop: at ``cut``, else at the window's end (None: the text's)."""
    if cut is not None:
        return cut
    return None if offsets.stop >= offsets.text_length else offsets.stop


def finish_document(document: QTextDocument, transcript: Transcript, offsets: OffsetMap,
                    max_chars: int | None = None) -> bool:
    """Append what ``build_document(first_chars=...)`` left out; False if nothing was missing.

    ``max_chars``: append only the lines holding about that many more characters, so a
    long document is finished in steps that each keep the GUI thread briefly; call
    again until :func:`is_whole` says so. The result is the document ``build_document``
    makes whole: the same blocks, text and formats at the same positions.
    """
    text = transcript.text
    cut = offsets.to_offset(document.characterCount() - 1)  # the line break the built part stops at
    stop = offsets.stop
    if cut >= stop:
        return False
    end = _first_lines_end(text, cut + 1 + max_chars) if max_chars is not None else None
    end = None if end is not None and end >= stop else end
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.beginEditBlock()
    cursor.insertBlock(_body_block_format(), QTextCharFormat())  # the line break at ``cut``
    cursor.insertText(_with_breaks(text, offsets.breaks, cut + 1, stop if end is None else end))
    format_body(cursor, transcript, offsets, cut, _high(offsets, end))
    cursor.endEditBlock()
    document.setModified(False)
    return True


def is_whole(document: QTextDocument, transcript: Transcript, offsets: OffsetMap) -> bool:
    """Whether ``document`` holds all of ``transcript.text`` (not only a first part)."""
    return offsets.to_offset(document.characterCount() - 1) >= offsets.stop


def _body_block_format() -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setBottomMargin(PARAGRAPH_SPACING)
    block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return block


def chars_filling(text: str, columns: float, rows: float) -> int:
    """How many characters from the start of ``text`` fill ``rows`` lines ``columns`` ems wide.

    Each line of the text wraps into lines of ``columns`` ems. A character counts an em
    from U+1100 on (Hangul, CJK, full-width forms: an em wide in any font) and
    ``NARROW_EM`` before (Latin letters and digits are wider than that in any UI font),
    so lines wrap later here than on screen and the count errs towards more text, never
    towards a screen left half empty.
    """
    columns = max(columns, 1.0)
    filled = 0.0
    start = 0
    length = len(text)
    while start < length and filled < rows:
        end = text.find("\n", start)
        end = length if end == -1 else end
        room = int((rows - filled) * columns / NARROW_EM) + 1  # more than the rows left can hold
        stop = min(end, start + room)
        wide = sum(1 for char in text[start:stop] if char >= WIDE_FROM)
        width = wide + (stop - start - wide) * NARROW_EM
        filled += max(1.0, -(-width // columns))
        start = stop + 1 if stop == end else stop
    return min(start, length)


def _first_lines_end(text: str, first_chars: int) -> int | None:
    """The offset of the line break ending the line that reaches ``first_chars``; None if none does."""
    cut = text.find("\n", max(0, first_chars))
    return None if cut == -1 else cut


def _with_breaks(text: str, breaks: Sequence[int], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with a line break at each display break inside it."""
    end = len(text) if end is None else end
    inside = [b for b in breaks if start < b < end]
    if not inside:
        return text[start:end]
    bounds = [start, *inside, end]
    return "\n".join(text[a:b] for a, b in itertools.pairwise(bounds))
