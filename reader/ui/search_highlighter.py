"""Paint search matches that ``reader.search`` found; never search again in Qt.

Only blocks that gain or lose a match are re-highlighted, inside one edit block so
the layout updates once. Each re-highlighted block is laid out again, which is why
long documents use :mod:`reader.ui.match_painter` instead (see there).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument

from reader.ui.kind_colors import MATCH_COLOR


class SearchHighlighter(QSyntaxHighlighter):
    """Highlights ``[start, end)`` document-position spans (sorted, non-overlapping)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._format = QTextCharFormat()
        self._format.setBackground(QBrush(QColor(MATCH_COLOR)))

    @property
    def span_count(self) -> int:
        return len(self._starts)

    def set_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        """Show these position spans instead of the previous ones."""
        doc = self.document()
        if doc is None:
            return
        old_blocks = self._block_numbers(doc)
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]
        changed = sorted(old_blocks | self._block_numbers(doc))
        if not changed:
            return
        batch = QTextCursor(doc)
        batch.beginEditBlock()
        for number in changed:
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)
        batch.endEditBlock()

    def _block_numbers(self, doc: QTextDocument) -> set[int]:
        numbers: set[int] = set()
        last_block_end = -1
        for start, end in zip(self._starts, self._ends, strict=True):
            if start < last_block_end:
                continue  # same block as the previous match
            block = doc.findBlock(start)
            numbers.add(block.blockNumber())
            last_block_end = block.position() + block.length()
            if end > last_block_end:  # a match spanning blocks (queries are one line; be safe)
                numbers.add(doc.findBlock(end - 1).blockNumber())
        return numbers

    def highlightBlock(self, text: str) -> None:
        if not self._starts:
            return
        block = self.currentBlock()
        begin = block.position()
        finish = begin + block.length() - 1
        i = bisect_right(self._ends, begin)
        starts, ends = self._starts, self._ends
        while i < len(starts) and starts[i] < finish:
            start = max(starts[i], begin)
            end = min(ends[i], finish)
            if end > start:
                self.setFormat(start - begin, end - start, self._format)
            i += 1
