"""The formats of the transcript's parts: key points, captions, speaker lines, figures.

:func:`format_body` formats the spans of ``Transcript.text`` that fall in one part of the
document (``reader.ui.transcript_document`` builds a large document in parts, each part
formatted once), so every format is applied exactly once whatever the parts are.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat

from reader.model import Transcript
from reader.ui.kind_colors import FIGURE_UNDERLINE_COLOR, kind_color
from reader.ui.startup import solid_brush
from reader.ui.tooltips import plain_tooltip

if TYPE_CHECKING:
    from reader.ui.transcript_document import OffsetMap

ALIGN_H_CENTER = 0x0004

UNMARKED_TOP_MARGIN = 26  # pixels above a turn written without a marker: the view paints its speaker there


def format_body(cursor: QTextCursor, transcript: Transcript, offsets: OffsetMap,
                 low: int, high: int | None) -> None:
    """Format the spans of the text from ``low`` to ``high`` (None: the end)."""
    _format_highlights(cursor, transcript, offsets, low, high)
    _format_captions(cursor, transcript, offsets, low, high)
    _format_headings(cursor, transcript, offsets, low, high)
    _mark_figures(cursor, transcript, offsets, low, high)


def _clip(start: int, end: int, low: int, high: int | None) -> tuple[int, int] | None:
    """The part of the span ``start``-``end`` to format when the text from ``low`` to ``high`` is.

    A span belongs to the part holding its start, and a span running past ``high`` is
    finished by the next part (which starts at ``high``), so a document built in parts
    gets every format exactly once, as one built whole does.
    """
    if high is not None and start >= high:
        return None
    if start < low and end <= low:
        return None
    return max(start, low), end if high is None else min(end, high)


def _select(cursor: QTextCursor, offsets: OffsetMap, start: int, end: int) -> None:
    cursor.setPosition(offsets.to_position(start))
    cursor.setPosition(offsets.to_position(end), QTextCursor.MoveMode.KeepAnchor)


def _format_highlights(cursor: QTextCursor, transcript: Transcript, offsets: OffsetMap,
                       low: int, high: int | None) -> None:
    # Set apart by colour and indent, not italics: Chinese type has no italic (Qt would
    # slant the glyphs), and the slanted face cost the first paint 1.6 ms to load.
    fmt = QTextCharFormat()
    fmt.setForeground(solid_brush(QColor("#3b4a5c")))
    block = QTextBlockFormat()
    block.setLeftMargin(18)
    block.setBottomMargin(4)
    for span in transcript.highlight_spans:
        part = _clip(span.start, span.end, low, high)
        if part is None:
            continue
        _select(cursor, offsets, *part)
        cursor.mergeCharFormat(fmt)
        cursor.mergeBlockFormat(block)


def _format_captions(cursor: QTextCursor, transcript: Transcript, offsets: OffsetMap,
                     low: int, high: int | None) -> None:
    """A picture's caption: small, grey and centred, as under a picture; not anybody's words."""
    if not transcript.captions:
        return
    fmt = QTextCharFormat()
    fmt.setForeground(solid_brush(QColor("#6b7280")))
    size = cursor.document().defaultFont().pointSizeF()
    if size > 0:
        fmt.setFontPointSize(size * 0.88)
    block = QTextBlockFormat()
    # Qt.AlignmentFlag.AlignHCenter as the property's integer: the Qt namespace stays unbuilt.
    block.setProperty(QTextFormat.Property.BlockAlignment, ALIGN_H_CENTER)
    block.setTopMargin(4)
    block.setBottomMargin(8)
    for span in transcript.captions:
        part = _clip(span.start, span.end, low, high)
        if part is None:
            continue
        _select(cursor, offsets, *part)
        cursor.mergeCharFormat(fmt)
        cursor.mergeBlockFormat(block)


def _format_headings(cursor: QTextCursor, transcript: Transcript, offsets: OffsetMap,
                     low: int, high: int | None) -> None:
    """Speaker marker lines: bold, coloured by kind, space above; the role as a tooltip.

    A turn written without a marker keeps its speech's style: its first line only gets
    room above it, where the view paints who speaks (``reader.ui.unmarked_turns``)."""
    block = QTextBlockFormat()
    block.setTopMargin(14)
    block.setBottomMargin(4)
    unmarked = QTextBlockFormat()
    unmarked.setTopMargin(UNMARKED_TOP_MARGIN)
    turns = transcript.turns
    # A marker line is never cut between parts (parts end at line breaks): the turns whose
    # label starts in the part, and the one before in case its line reaches into it.
    first = max(0, bisect_left(turns.label_starts, low) - 1)
    last = len(turns) if high is None else bisect_left(turns.label_starts, high)
    speakers = {s.id: s for s in transcript.speakers}
    for position in range(first, last):
        turn = turns[position]
        if turn.label_span.start == turn.label_span.end:
            if _clip(turn.start, turn.start + 1, low, high) is not None:
                _select(cursor, offsets, turn.start, turn.start)
                cursor.mergeBlockFormat(unmarked)
            continue
        line_end = transcript.text.find("\n", turn.label_span.start)
        line_end = turn.end if line_end == -1 or line_end > turn.end else line_end
        part = _clip(turn.label_span.start, line_end, low, high)
        if part is None:
            continue
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(solid_brush(kind_color(turn.kind)))
        speaker = speakers.get(turn.speaker)
        if speaker is not None:
            fmt.setToolTip(plain_tooltip(" · ".join(x for x in (speaker.name, speaker.role) if x)))
        _select(cursor, offsets, *part)
        cursor.mergeCharFormat(fmt)
        cursor.mergeBlockFormat(block)


def _mark_figures(cursor: QTextCursor, transcript: Transcript, offsets: OffsetMap,
                  low: int, high: int | None) -> None:
    """A dotted underline: visible to someone looking for figures, quiet for someone reading."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(FIGURE_UNDERLINE_COLOR))
    to_position = offsets.to_position
    figures = transcript.figures
    starts, ends = figures.starts, figures.ends
    for row in figures.rows_near(low, high):
        part = _clip(starts[row], ends[row], low, high)
        if part is None:
            continue
        cursor.setPosition(to_position(part[0]))
        cursor.setPosition(to_position(part[1]), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
