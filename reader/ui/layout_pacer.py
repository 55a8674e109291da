"""Keep Qt's background layout of a long document in small steps.

QTextDocumentLayout lays a long document out lazily, on a 10 ms timer, and doubles the
stretch it lays out at every step, up to 200,000 characters: on a 3 MB transcript each
late step held the GUI thread 90-400 ms, long after the text appeared. Qt offers no
setting for it; its step shrinks back to 1,000 characters whenever the document reports a
change. So the pacer watches the layout's timer and, every few steps, reports a change
of the stretch just past what is already laid out (``markContentsDirty``: no text
changes, no signal, no undo step; those blocks were not laid out anyway), which keeps
every step to a few milliseconds. A watchdog restarts the layout should Qt stop before the
end. Once the layout reaches the end the pacer does nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QTextBlock, QTextDocument

# Layout steps between restarts: each step doubles, so five steps (the last about 16,000 to
# 20,000 characters, a few milliseconds) before the step is shrunk again. Steps are counted where the laid-out
# frontier moved, not by timer events: the layout also gets size-report timer events, and on
# a busy machine those came less often, so eight events let six or seven doublings through
# (a 66,000-character step in a loaded CI run).
STEPS_BETWEEN_RESTARTS = 5
MIN_RESTART_SPAN = 100_000  # characters of the range reported changed at each restart
# Qt's layout timer ticks every 10 ms until the layout is done; silence this long before the
# end means Qt stopped early, and the pacer restarts it from its frontier to the end.
WATCHDOG_MS = 150


def restart_span(document: QTextDocument) -> int:
    """Characters sure to fill 4,000 pixels of height at the document's width and font."""
    from PySide6.QtGui import QFontMetricsF  # first needed once a long document is laid out

    metrics = QFontMetricsF(document.defaultFont())
    width = document.pageSize().width()
    width = width if width > 0 else 4000.0
    per_line = width / max(1.0, metrics.averageCharWidth() * 0.5)  # narrow Latin letters included
    lines = 4000.0 / max(1.0, metrics.lineSpacing())
    return max(MIN_RESTART_SPAN, int(per_line * lines))


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
        self._steps = 0
        self._frontier = -1  # where the laid-out beginning ended at the last timer event
        self.restarts = 0  # how many times the step was shrunk (tests, benchmarks)
        self.full_restarts = 0  # how many times the watchdog had to restart the layout
        self._watchdog = QTimer(self, singleShot=True, interval=WATCHDOG_MS)
        self._watchdog.timeout.connect(self._on_silence)

    def pace(self, document: QTextDocument) -> None:
        """Watch ``document``'s layout from now on (and stop watching the previous one's)."""
        if self._document is not None and self._document is not document:
            try:
                self._document.documentLayout().removeEventFilter(self)
            except RuntimeError:  # the previous document is already deleted
                pass
        self._document = document
        self._steps = 0
        self._frontier = -1
        self.restarts = 0
        self.full_restarts = 0
        self._watchdog.start()
        # Every document, short ones included: a document shown first screen first grows
        # long later, and a short one is laid out before the pacer ever acts.
        document.documentLayout().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Timer and self._document is not None:
            self._watchdog.start()
            frontier = laid_out_frontier(self._document)  # a binary search: microseconds
            position = -1 if frontier is None else frontier.position()
            if frontier is not None and position != self._frontier:
                self._steps += 1  # the layout took a step since the last event
                if self._steps >= STEPS_BETWEEN_RESTARTS:
                    self._steps = 0
                    self._shrink_step(self._document, frontier)
            self._frontier = position
        return False  # Qt's own step always runs: the pacer only keeps it short

    def _shrink_step(self, document: QTextDocument, frontier: QTextBlock) -> None:
        if frontier.isValid():
            # Qt lays out the changed range, stopping at its first check point (every 2,000
            # pixels) past the step; the blocks after the range it only moves, and blocks
            # never laid out have no height, so a range too short to reach a check point
            # would be walked to the end and the layout would think it was done. The range
            # covers twice the check-point distance (and the watchdog catches the rest);
            # to the end of the document it would cost a walk over every block each time.
            start = frontier.position()
            rest = document.characterCount() - 1 - start
            document.markContentsDirty(start, max(1, min(rest, restart_span(document))))
            self.restarts += 1

    @Slot()
    def _on_silence(self) -> None:
        """Qt's layout timer went quiet before the end: make it lay out the rest after all."""
        document = self._document
        if document is None:
            return
        try:
            frontier = laid_out_frontier(document)
            if frontier is not None:
                start = frontier.position()
                document.markContentsDirty(start, max(1, document.characterCount() - 1 - start))
                self.full_restarts += 1
        except RuntimeError:  # the document was deleted
            self._document = None
