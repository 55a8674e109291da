"""Paint search matches behind the text, only where they are on screen.

The search runs once, in ``reader.search.index``; this only paints its spans. A
QSyntaxHighlighter was tried first and measured too slow for typing: each block it
re-highlights is laid out again (about 0.35 ms a block on the sample, so 31 ms a
keystroke for a common character, over the 16 ms aim), and on a 2 MB transcript every
block also costs a walk of the layout from the document's start (4-13 ms a block:
seconds for a common word). This painter changes nothing in the document: at each
paint it bisects the spans for the visible position range and fills their rectangles
before Qt draws the text over them, so a keystroke costs the matches on screen,
whatever the document's length. ExtraSelections stay for the few single marks
(current match, current turn, a flash).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QTextBlock, QTextDocument

from reader.ui.kind_colors import MATCH_COLOR

if TYPE_CHECKING:  # named only in annotations: PySide6 builds QPainter (and its enums) when named
    from PySide6.QtGui import QPainter, QTextLine


def _x(line: QTextLine, position: int) -> float:
    """``QTextLine.cursorToX``: PySide6 returns the x alone or with the adjusted position."""
    value = line.cursorToX(position)  # PySide6's stubs say "object"
    if isinstance(value, tuple):
        value = value[0]
    assert isinstance(value, (int, float))
    return float(value)


class MatchPainter:
    """Holds document-position spans and fills the visible ones."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._color = QColor(MATCH_COLOR)

    @property
    def span_count(self) -> int:
        return len(self._starts)

    def set_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def add_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        """Spans after those held (in order)."""
        self._starts.extend(s for s, _ in spans)
        self._ends.extend(e for _, e in spans)

    def spans_between(self, first_position: int, last_position: int) -> list[tuple[int, int]]:
        lo = bisect_right(self._ends, first_position)
        hi = bisect_left(self._starts, last_position + 1)
        return list(zip(self._starts[lo:hi], self._ends[lo:hi], strict=True))

    def rects(self, doc: QTextDocument, first_position: int, last_position: int,
              offset: QPointF, bottom: float = float("inf"),
              skip: tuple[int, int] | None = None) -> list[QRectF]:
        """Viewport rectangles of the matches in the position range (``offset``: scroll).

        Stops at the first block starting below ``bottom`` (viewport y): the range is
        what is on screen, but while Qt is still laying out it may run long.
        """
        found: list[QRectF] = []
        for start, end in self.spans_between(first_position, last_position):
            if (start, end) == skip:
                continue
            block = doc.findBlock(start)
            layout = block.layout()
            if layout is not None and layout.position().y() - offset.y() > bottom:
                break
            while block.isValid() and block.position() < end:  # a span may run over a block end
                found.extend(self._block_rects(block, start, end, offset))
                block = block.next()
        return found

    @staticmethod
    def _block_rects(block: QTextBlock, start: int, end: int, offset: QPointF) -> list[QRectF]:
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return []
        rects = []
        origin = layout.position() - offset
        begin = max(start - block.position(), 0)
        finish = min(end - block.position(), block.length() - 1)
        line = layout.lineForTextPosition(begin)
        while line.isValid() and line.textStart() < finish:
            a = max(begin, line.textStart())
            b = min(finish, line.textStart() + line.textLength())
            if b > a:
                x1, x2 = _x(line, a), _x(line, b)
                rects.append(QRectF(origin.x() + min(x1, x2), origin.y() + line.y(), abs(x2 - x1),
                                    line.height()))
            line = layout.lineAt(line.lineNumber() + 1)
        return rects

    def paint(self, painter: QPainter, doc: QTextDocument, first_position: int, last_position: int,
              offset: QPointF, bottom: float = float("inf"), skip: tuple[int, int] | None = None) -> int:
        """Fill the visible matches (but ``skip``, marked otherwise); returns how many rectangles."""
        rects = self.rects(doc, first_position, last_position, offset, bottom, skip)
        for rect in rects:
            painter.fillRect(rect, self._color)
        return len(rects)
