"""Keep Qt's background layout of a long document in small steps.

QTextDocumentLayout lays a long document out lazily, on a 10 ms timer, and doubles the
stretch it lays out at every step, up to 200,000 characters: on a 3 MB transcript each
late step held the GUI thread 90-400 ms, long after the text appeared. Qt offers no
setting for it; its step shrinks back to 1,000 characters whenever the document reports a
change. So the pacer watches the layout's timer and, every few steps, reports a
one-character change at the end of what is already laid out (``markContentsDirty``: no
text changes, no signal, no undo step), which costs one block's layout and keeps every
step to a few milliseconds. Once the layout reaches the end it does nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextBlock, QTextDocument

# Timer events the layout gets between restarts. Each step is one layout-timer event and
# usually one size-report event, and each step doubles: about four doublings (16,000
# characters, a few milliseconds) before the step is shrunk again.
EVENTS_BETWEEN_RESTARTS = 8


def _laid_out(block: QTextBlock) -> bool:
    layout = block.layout()
    return layout is not None and layout.lineCount() > 0


def laid_out_frontier(document: QTextDocument) -> QTextBlock | None:
    """The last block of the laid-out beginning of ``document`` (Qt lays out from the top).

    None if nothing is laid out yet or everything is.
    """
    count = document.blockCount()
    if count == 0 or _laid_out(document.lastBlock()) or not _laid_out(document.firstBlock()):
        return None
    low, high = 0, count - 1  # block ``low`` is laid out, block ``high`` is not
    while high - low > 1:
        middle = (low + high) // 2
        if _laid_out(document.findBlockByNumber(middle)):
            low = middle
        else:
            high = middle
    return document.findBlockByNumber(low)


class LayoutPacer(QObject):
    """Attach to each document a view shows: ``pace(document)``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: QTextDocument | None = None
        self._events = 0
        self.restarts = 0  # how many times the step was shrunk (tests, benchmarks)

    def pace(self, document: QTextDocument) -> None:
        """Watch ``document``'s layout from now on (and stop watching the previous one's)."""
        if self._document is not None and self._document is not document:
            try:
                self._document.documentLayout().removeEventFilter(self)
            except RuntimeError:  # the previous document is already deleted
                pass
        self._document = document
        self._events = 0
        self.restarts = 0
        # Every document, short ones included: a document shown first screen first grows
        # long later, and a short one is laid out before the pacer ever acts.
        document.documentLayout().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Timer and self._document is not None:
            self._events += 1
            if self._events >= EVENTS_BETWEEN_RESTARTS:
                self._events = 0
                self._shrink_step(self._document)
        return False  # Qt's own step always runs: the pacer only keeps it short

    def _shrink_step(self, document: QTextDocument) -> None:
        frontier = laid_out_frontier(document)
        if frontier is not None:
            # To the end: Qt lays out a changed range and only moves the blocks after it, so
            # a shorter range would leave the rest unlaid and the layout thinking it is done.
            start = frontier.position()
            document.markContentsDirty(start, max(1, document.characterCount() - 1 - start))
            self.restarts += 1
