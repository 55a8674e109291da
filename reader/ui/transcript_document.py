"""Build the transcript's QTextDocument from the model, and map offsets to positions.

The document is made block by block with QTextCursor and formats, from
``Transcript.text`` and the spans around it: source HTML never reaches Qt's rich-text
engine, so nothing in a document can load, fetch or run. A header (title, date, author,
editor, source) comes first; ``Transcript.text`` follows verbatim, one block per line.

QTextDocument counts UTF-16 code units, Python counts code points; :class:`OffsetMap`
translates between them (they differ only after characters outside the BMP).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QBrush,
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
from reader.ui.kind_colors import FIGURE_UNDERLINE_COLOR, kind_color

LINK_SCHEMES = ("http", "https")
FIGURE_PROPERTY = QTextFormat.Property.UserProperty + 1  # figure index + 1 on figure text
PARAGRAPH_SPACING = 8.0
LINE_HEIGHT_PERCENT = 150


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Text offsets (code points) <-> document positions (UTF-16 units after the header)."""

    base: int  # document position of text offset 0
    text_length: int
    astral: tuple[int, ...]  # offsets of characters outside the BMP
    astral_positions: tuple[int, ...]  # their UTF-16 positions relative to ``base``

    @classmethod
    def for_text(cls, text: str, base: int) -> OffsetMap:
        astral = tuple(i for i, c in enumerate(text) if ord(c) > 0xFFFF) if _has_astral(text) else ()
        return cls(base, len(text), astral, tuple(i + k for k, i in enumerate(astral)))

    def to_position(self, offset: int) -> int:
        offset = 0 if offset < 0 else self.text_length if offset > self.text_length else offset
        if not self.astral:
            return self.base + offset
        return self.base + offset + bisect_left(self.astral, offset)

    def to_positions(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Many spans at once (search results): a plain shift when the text is all BMP."""
        if not self.astral:
            base = self.base
            return [(base + s, base + e) for s, e in spans]
        to_position = self.to_position
        return [(to_position(s), to_position(e)) for s, e in spans]

    def to_offset(self, position: int) -> int:
        """The text offset at ``position``; header positions give 0, a half pair rounds down."""
        units = position - self.base
        if units <= 0:
            return 0
        return min(units - bisect_left(self.astral_positions, units), self.text_length)

    @property
    def end_position(self) -> int:
        return self.to_position(self.text_length)


def _has_astral(text: str) -> bool:
    # ``max`` on a str is a fast C loop; most transcripts have no astral characters at all.
    return bool(text) and max(text) > "\uffff"


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
    if not url:
        return None
    parsed = QUrl(url)
    return url if parsed.isValid() and parsed.scheme().lower() in LINK_SCHEMES else None


def build_document(transcript: Transcript, base_font: QFont | None = None) -> tuple[QTextDocument, OffsetMap]:
    """A document showing ``transcript`` and the map from its text offsets to positions."""
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(24)
    if base_font is not None:
        doc.setDefaultFont(base_font)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()

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
    meta_format.setForeground(QBrush(QColor("#666666")))
    cursor.insertBlock(meta_block, meta_format)
    cursor.insertText("  ·  ".join(parts), meta_format)
    link = _safe_link(transcript.meta.url)
    if link:
        if parts:
            cursor.insertText("  ·  ", meta_format)
        link_format = QTextCharFormat(meta_format)
        link_format.setAnchor(True)
        link_format.setAnchorHref(link)
        link_format.setForeground(QBrush(QColor("#1d5fa8")))
        link_format.setFontUnderline(True)
        cursor.insertText(tr("Source"), link_format)

    body_block = QTextBlockFormat()
    body_block.setBottomMargin(PARAGRAPH_SPACING)
    body_block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.insertBlock(body_block, QTextCharFormat())
    base = cursor.position()
    cursor.insertText(transcript.text)
    offsets = OffsetMap.for_text(transcript.text, base)

    _format_highlights(cursor, transcript, offsets)
    _format_headings(cursor, transcript, offsets)
    _mark_figures(cursor, transcript, offsets)
    cursor.endEditBlock()
    doc.setModified(False)
    return doc, offsets


def _select(cursor: QTextCursor, offsets: OffsetMap, start: int, end: int) -> None:
    cursor.setPosition(offsets.to_position(start))
    cursor.setPosition(offsets.to_position(end), QTextCursor.MoveMode.KeepAnchor)


def _format_highlights(cursor: QTextCursor, transcript: Transcript, offsets: OffsetMap) -> None:
    fmt = QTextCharFormat()
    fmt.setFontItalic(True)
    fmt.setForeground(QBrush(QColor("#444444")))
    block = QTextBlockFormat()
    block.setLeftMargin(18)
    block.setBottomMargin(4)
    for span in transcript.highlight_spans:
        _select(cursor, offsets, span.start, span.end)
        cursor.mergeCharFormat(fmt)
        cursor.mergeBlockFormat(block)


def _format_headings(cursor: QTextCursor, transcript: Transcript, offsets: OffsetMap) -> None:
    """Speaker marker lines: bold, coloured by kind, space above; the role as a tooltip."""
    block = QTextBlockFormat()
    block.setTopMargin(14)
    block.setBottomMargin(4)
    for turn in transcript.turns:
        line_end = transcript.text.find("\n", turn.label_span.start)
        line_end = turn.end if line_end == -1 or line_end > turn.end else line_end
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(QBrush(kind_color(turn.kind)))
        speaker = transcript.speaker(turn.speaker)
        if speaker is not None:
            fmt.setToolTip(" · ".join(x for x in (speaker.name, speaker.role) if x))
        _select(cursor, offsets, turn.label_span.start, line_end)
        cursor.mergeCharFormat(fmt)
        cursor.mergeBlockFormat(block)


def _mark_figures(cursor: QTextCursor, transcript: Transcript, offsets: OffsetMap) -> None:
    """A dotted underline: visible to someone looking for figures, quiet for someone reading."""
    for index, figure in enumerate(transcript.figures):
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(FIGURE_UNDERLINE_COLOR))
        fmt.setProperty(FIGURE_PROPERTY, index + 1)
        _select(cursor, offsets, figure.start, figure.end)
        cursor.mergeCharFormat(fmt)
