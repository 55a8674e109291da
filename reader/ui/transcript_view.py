"""The centre of the window: the transcript, read-only, built from the model.

It never loads a resource or follows a link itself: ``loadResource`` returns nothing
and a clicked link is handed to the main window, which asks before opening it.
It speaks in text offsets (``Transcript.text`` indices); document positions stay inside.

Why this module is long: QTextBrowser answers positions only for what it has laid out, so
hit testing, the visible range and scrolling each need a careful way around that (bisecting
laid-out blocks rather than forcing a layout of megabytes); they belong to the view. A big
text is shown a window at a time (docs/big-documents.md): cutting the window again, carrying
the marks and the selection over, and the scroll bar over the whole text are the view's too,
since they change the document every other method answers from.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QTimer, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.model import Transcript
from reader.ui.kind_colors import CURRENT_MATCH_COLOR, CURRENT_TURN_COLOR, FLASH_COLOR
from reader.ui.layout_pacer import LayoutPacer
from reader.ui.match_painter import MatchPainter
from reader.ui.startup import SELECTABLE_TEXT_AND_LINKS, set_qt_property
from reader.ui.transcript_document import (
    LINE_HEIGHT_PERCENT,
    OffsetMap,
    build_document,
    chars_filling,
    display_breaks,
    finish_document,
    is_whole,
    window_around,
)

if TYPE_CHECKING:  # PySide6 builds a class (and its enums) when first named: not at start-up
    from PySide6.QtCore import QMimeData, QRect, QUrl
    from PySide6.QtGui import (
        QContextMenuEvent,
        QKeyEvent,
        QPaintEvent,
        QResizeEvent,
        QShowEvent,
        QTextDocument,
    )
    from PySide6.QtWidgets import QMenu, QScrollBar

    from reader.ui.unmarked_turns import UnmarkedTurnPainter

SCROLL_MARGIN = 40  # pixels left above a target so its heading is not glued to the edge
HIT_TOLERANCE = 30  # pixels: the widest spacing between two blocks (heading margin + paragraph gap)
FLASH_MS = 1200
VISIBLE_RANGE_DEBOUNCE_MS = 60
# A text longer than this is shown a window at a time (docs/big-documents.md): Qt drops
# what lies past 8,388,607 px of a document's height, and lays out all that lies before
# a jump. The window is re-cut around the reading position as it nears an edge.
WINDOWED_FROM = 1_500_000  # characters
WINDOW_CHARS = 30_000
WINDOW_EDGE = 0.25  # re-cut when what is on screen comes this share of a window from its edge
MIN_POINT_SIZE = 7
MAX_POINT_SIZE = 40
# Simplified Chinese sans-serif families (Linux, Adobe/Google, Windows, macOS), in order of
# preference; the reading font names the first one installed after the UI's own family.
CHINESE_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
                    "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")


@cache
def chinese_family() -> str | None:
    """The preferred installed family for Chinese text, or None (Qt's fallback then picks one)."""
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    return next((family for family in CHINESE_FAMILIES if family in installed), None)


class TranscriptView(QTextBrowser):
    """Shows one transcript; paints search matches, the current turn and figures."""

    figureMenuRequested = Signal(int, QPoint)  # figure index, global position
    linkRequested = Signal(str)  # an address the reader clicked; not opened here
    visibleRangeChanged = Signal(int, int)  # text offsets now on screen
    transcriptPainted = Signal()  # the first paint of a newly set transcript

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        set_qt_property(self, "textInteractionFlags", SELECTABLE_TEXT_AND_LINKS)
        self._transcript: Transcript | None = None
        self._own_document: QTextDocument | None = None  # the document set last, which the view owns
        self._painted = False
        self._offsets = OffsetMap.for_text("", 0)
        self._matches = MatchPainter()
        self._layout_pacer = LayoutPacer(self)  # Qt's background layout of long documents in short steps
        self._current_match_span: tuple[int, int] | None = None  # document positions
        self._figure_spans: list[tuple[int, int, int]] = []
        self._figure_starts: list[int] = []
        self._whole = self._offsets  # the whole text's map; ``_offsets`` is the document's (a window)
        self._match_spans: list[tuple[int, int]] = []  # text offsets, sorted
        self._match_starts: list[int] = []
        self._match_ends: list[int] = []
        self._current_match: tuple[int, int] | None = None  # text offsets, as the marks below
        self._current_turn: int | None = None
        self._flash: tuple[int, int] | None = None
        self._recutting = False
        # The ends of a selection that lie outside the window (document position they are
        # shown at, text offset they stand for): valid while Qt's cursor keeps that end there.
        self._far_anchor: tuple[int, int] | None = None
        self._far_position: tuple[int, int] | None = None
        self._edge_timer = QTimer(self, singleShot=True, interval=0)
        self._edge_timer.timeout.connect(self._recut_if_near_edge)
        self._whole_bar: QScrollBar | None = None  # over the whole text when the document is a window
        self._unmarked: UnmarkedTurnPainter | None = None  # names of the turns written without a marker
        self._base_point_size = self.font().pointSizeF()
        self._zoom_steps = 0
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self._range_timer = QTimer(self, singleShot=True, interval=VISIBLE_RANGE_DEBOUNCE_MS)
        self._range_timer.timeout.connect(self._emit_visible_range)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.cursorPositionChanged.connect(self._forget_moved_far_ends)
        self.selectionChanged.connect(self._forget_moved_far_ends)

    # -- model -------------------------------------------------------------------------
    @property
    def transcript(self) -> Transcript | None:
        return self._transcript

    @property
    def offsets(self) -> OffsetMap:
        return self._offsets

    def reading_font(self) -> QFont:
        """The font documents are built with (the reading size): building at it means one layout.

        Its families are the UI's, then a Chinese one: Latin letters keep the UI's look, and
        Chinese characters come from a named Simplified Chinese family instead of a fallback
        that Qt asks the system for at each new style (a few ms of the first paint) and that
        depends on the system's locale.
        """
        font = QFont(self.font())
        font.setPointSizeF(self._zoomed_point_size())
        chinese = chinese_family()
        if chinese is not None and chinese not in font.families():
            font.setFamilies([*font.families(), chinese])
        return font

    def set_transcript(self, transcript: Transcript, first_screen_only: bool = False) -> None:
        """Show ``transcript``; search marks and the current turn are cleared.

        ``first_screen_only``: the document holds only the lines that fill the view, so it
        is laid out and painted sooner; :meth:`finish_document` appends the rest (and any
        move to text not built yet finishes it first).
        """
        font = self.reading_font()
        first_chars = self._first_screen_chars(transcript, font) if first_screen_only else None
        text = transcript.text
        self._whole = whole = OffsetMap.for_text(text, 0, display_breaks(text))
        window = window_around(text, whole.breaks, 0, WINDOW_CHARS) if len(text) > WINDOWED_FROM else None
        document, offsets = build_document(transcript, font, first_chars=first_chars, window=window,
                                           whole=whole)
        self._match_spans, self._match_starts, self._match_ends = [], [], []
        self._matches.set_spans([])
        self._current_match = self._current_turn = self._flash = None
        self._current_match_span = None
        self._far_anchor = self._far_position = None
        self.setExtraSelections([])
        self._set_own_document(document)
        self._layout_pacer.pace(document)
        self._transcript = transcript
        self._painted = False
        self._offsets = offsets
        self._show_whole_bar(window is not None)
        figures = transcript.figures
        self._figure_spans = sorted(zip(figures.starts, figures.ends, range(len(figures)), strict=True))
        self._figure_starts = [start for start, _, _ in self._figure_spans]
        from reader.ui.unmarked_turns import UnmarkedTurnPainter, unmarked_indices, unmarked_turns

        unmarked = unmarked_indices(transcript.turns)
        self._unmarked = None
        if unmarked:
            self._unmarked = UnmarkedTurnPainter()
            self._unmarked.set_turns(unmarked_turns(transcript, unmarked))
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)
        self._range_timer.start()

    def _set_own_document(self, document: QTextDocument) -> None:
        """Show ``document``, owned by the view, and delete the one it showed before."""
        # setDocument deletes only a document its internal control owns (the first, empty
        # one), not one the view owns: each open kept the previous document alive, 19 MB
        # per MB of transcript. The view deletes its own.
        # Not the empty one start-up shows first (its control's): a deferred delete before the
        # first paint let the panes made after that paint come first.
        previous, self._own_document = self._own_document, document
        document.setParent(self)
        recutting, self._recutting = self._recutting, True  # the bar's reset to 0 is no scroll
        try:
            self.setDocument(document)
        finally:
            self._recutting = recutting
        if previous is not None:
            previous.deleteLater()

    def finish_document(self, max_chars: int | None = None) -> bool:
        """Append (up to ``max_chars`` of) the rest of a document set with ``first_screen_only``.

        Returns whether more remains to append.
        """
        if self._transcript is None:
            return False
        finish_document(self.document(), self._transcript, self._offsets, max_chars)
        return not is_whole(self.document(), self._transcript, self._offsets)

    def _ensure_built(self, offset: int) -> None:
        """Going to a place in the text needs the text there: a window around it if the
        document is a window that does not hold it, and a partly built document (shown first
        screen first) finished when ``offset`` lies past the part built so far."""
        if self._transcript is None:
            return
        if self.is_windowed and not self._in_window(offset):
            self._recut(offset)
        self._finish_to(offset)

    def _finish_to(self, offset: int) -> None:
        """Finish a partly built document if ``offset`` lies past the part built so far."""
        if self._transcript is None or offset <= 0:
            return
        built = self._offsets.to_offset(self.document().characterCount() - 1)
        if offset > built and built < self._offsets.stop:
            self.finish_document()

    # -- the window of a big text (docs/big-documents.md) ----------------------------------
    @property
    def is_windowed(self) -> bool:
        """Whether the document holds only a window of the text (a big transcript)."""
        return self._offsets.is_window

    def text_window(self) -> tuple[int, int]:
        """The text offsets the document holds: all of the text unless it is windowed."""
        return self._offsets.origin, self._offsets.stop

    def _in_window(self, offset: int) -> bool:
        origin, stop = self.text_window()
        return origin <= offset <= stop and (offset < stop or stop == self._offsets.text_length)

    def _recut(self, center: int, keep: tuple[int, int] | None = None) -> None:
        """Build the document again as the window around ``center``; marks and the selection
        are carried over (as text offsets). ``keep``: an offset and the viewport y it stays at."""
        transcript = self._transcript
        if transcript is None or self._recutting:
            return
        window = window_around(transcript.text, self._whole.breaks, center, WINDOW_CHARS)
        if window == self.text_window():
            return
        self._recutting = True
        try:
            selection = self.selection_offsets()
            font = QFont(self.document().defaultFont())
            document, offsets = build_document(transcript, font, window=window, whole=self._whole)
            self._set_own_document(document)
            self._layout_pacer.pace(document)
            self._offsets = offsets
            self._matches.set_spans(self._window_match_positions())
            self._current_match_span = None if self._current_match is None else (
                offsets.to_position(self._current_match[0]), offsets.to_position(self._current_match[1]))
            if keep is not None and not (window[0] <= selection[1] <= window[1]):
                selection = (keep[0], keep[0])  # the cursor moves with the reader (Page Down moves it)
            cursor = QTextCursor(document)
            cursor.setPosition(offsets.to_position(selection[0]))
            cursor.setPosition(offsets.to_position(selection[1]), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            self._keep_far_ends(cursor, *selection)
            self._refresh_extra_selections()
            if keep is not None:
                self._place(keep[0], keep[1])
        finally:
            self._recutting = False
        self._sync_whole_bar()

    def _place(self, offset: int, y: int) -> None:
        """Scroll so the line holding ``offset`` starts ``y`` pixels down the viewport."""
        top = self._line_top(offset)
        if top is not None:
            self._set_bar_value(max(0, int(top) - y))

    def _set_bar_value(self, value: int) -> None:
        """Scroll to ``value``, even before Qt's lazy layout has grown the bar's range to it
        (a new document: the layout, once through, only widens the range further)."""
        bar = self.verticalScrollBar()
        if value > bar.maximum():
            bar.setRange(0, value)
        bar.setValue(value)

    def _line_top(self, offset: int) -> float | None:
        doc = self.document()
        position = self._offsets.to_position(offset)
        block = doc.findBlock(position)
        if not block.isValid():
            return None
        top = doc.documentLayout().blockBoundingRect(block).top()
        text_layout = block.layout()
        if text_layout is not None and text_layout.lineCount() > 0:
            line = text_layout.lineForTextPosition(position - block.position())
            if line.isValid():
                top += line.y()
        return top

    def _near_window_edge(self) -> bool:
        if not self.is_windowed or self._recutting:
            return False
        visible = self._quick_visible_positions(self.viewport().rect())
        if visible is None:
            return False
        first, last = (self._offsets.to_offset(p) for p in visible)
        origin, stop = self.text_window()
        edge = int(WINDOW_CHARS * WINDOW_EDGE)
        at_end = stop >= self._offsets.text_length
        return (origin > 0 and first < origin + edge) or (not at_end and last > stop - edge)

    @Slot()
    def _on_scrolled(self) -> None:
        self._range_timer.start()
        if not self._recutting and self.is_windowed:
            self._edge_timer.start()  # after Qt has finished the key or wheel event that scrolled

    @Slot()
    def _recut_if_near_edge(self) -> None:
        """Re-cut the window when the reader scrolls near its edge, keeping the line at the top."""
        if self._near_window_edge():
            top = self.offset_at(QPoint(0, 0))
            y = self._line_top(top)
            shift = 0 if y is None else int(y) - self.verticalScrollBar().value()
            first, last = self.visible_range()
            self._recut((first + last) // 2, keep=(top, shift))
        self._sync_whole_bar()

    def _show_whole_bar(self, shown: bool) -> None:
        bar = self._whole_bar
        if not shown and (bar is None or not bar.isVisible()):
            return  # as it was: nothing to change (and nothing built before the first paint)
        from PySide6.QtCore import Qt  # not at import: see reader.ui.startup

        if bar is None:
            from PySide6.QtWidgets import QScrollBar

            bar = self._whole_bar = QScrollBar(self)
            bar.actionTriggered.connect(self._on_whole_bar_action)
            bar.sliderReleased.connect(self._on_whole_bar_action)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if shown else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setViewportMargins(0, 0, bar.sizeHint().width() if shown else 0, 0)
        bar.setVisible(shown)
        self._place_whole_bar()
        if shown:
            self._sync_whole_bar()

    @property
    def whole_text_bar(self) -> QScrollBar | None:
        """The scroll bar over the whole text, shown while the document is a window."""
        return self._whole_bar

    def _place_whole_bar(self) -> None:
        if self._whole_bar is None:
            return
        frame = self.frameWidth()
        width = self._whole_bar.sizeHint().width()
        rect = self.rect()
        self._whole_bar.setGeometry(rect.right() - frame - width + 1, rect.top() + frame, width,
                                    rect.height() - 2 * frame)

    def _sync_whole_bar(self) -> None:
        """The whole-text bar follows the view: its range is the text, its value the top offset."""
        bar = self._whole_bar
        if not self.is_windowed or self._transcript is None or bar is None:
            return
        visible = self._quick_visible_positions(self.viewport().rect())
        bar.blockSignals(True)
        bar.setRange(0, max(0, self._offsets.text_length))
        if visible is not None:
            first, last = (self._offsets.to_offset(p) for p in visible)
            bar.setPageStep(max(1, last - first))
            bar.setSingleStep(max(1, (last - first) // 20))
            bar.setValue(first)
        bar.blockSignals(False)

    @Slot()
    def _on_whole_bar_action(self) -> None:
        """The reader moved the whole-text bar: show the text at its value (once the bar has moved)."""
        QTimer.singleShot(0, self._go_to_bar_value)

    @Slot()
    def _go_to_bar_value(self) -> None:
        if self._transcript is None or not self.is_windowed or self._whole_bar is None:
            return
        value = self._whole_bar.sliderPosition()
        if not self._in_window(value):
            self._recut(value)
        self._place(value, 0)
        self._sync_whole_bar()

    def _window_match_positions(self) -> list[tuple[int, int]]:
        """The search matches inside the window, as document positions."""
        spans = self._match_spans
        if self.is_windowed:
            origin, stop = self.text_window()
            spans = spans[bisect_right(self._match_ends, origin):bisect_left(self._match_starts, stop)]
        return self._offsets.to_positions(spans)

    def _first_screen_chars(self, transcript: Transcript, font: QFont) -> int:
        """More characters of ``transcript`` than the view can show at once at ``font``.

        Lines are at least 150% of the reading font's own line apart (lines holding Chinese
        glyphs more: the Chinese family's line is taller) and the text runs the whole width
        (no margins, header or paragraph spacing counted), so more lines are estimated than
        fit; see :func:`chars_filling` for the width of a line. Before the view is laid out,
        the screen's size stands in for it.
        """
        from PySide6.QtGui import QFontMetricsF

        size = self.maximumViewportSize()  # not viewport(): a first QWidget result costs PySide6 ~7 ms
        if size.width() < 100 or size.height() < 100:
            size = self.screen().availableSize()
        points = font.pointSizeF()
        em = max(1.0, points * self.logicalDpiY() / 72.0 if points > 0 else float(font.pixelSize()))
        line = max(em, QFontMetricsF(font).height()) * LINE_HEIGHT_PERCENT / 100
        return chars_filling(transcript.text, size.width() / em, size.height() / line)

    # -- positions ---------------------------------------------------------------------
    def position_at(self, point: QPoint) -> int:
        """The document position under a viewport point.

        Qt's hit test answers the document's end for points in the document margin and,
        while Qt is still laying a long document out, for others too; so its answer is
        checked, then the laid-out blocks are bisected by their tops, and only if the
        point lies beyond them is the layout forced (which can take long on megabytes).
        """
        quick = self.quick_position_at(point)
        if quick is not None:
            return quick
        return self._position_by_bisection(*self._document_point(point), laid_out_only=False) or 0

    def quick_position_at(self, point: QPoint) -> int | None:
        """The position under a point without laying out more; None if that would be needed."""
        doc = self.document()
        layout = doc.documentLayout()
        x, y = self._document_point(point)
        from PySide6.QtCore import Qt  # not at import: see reader.ui.startup

        hit = layout.hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
        if hit >= 0:
            block = doc.findBlock(hit)
            text_layout = block.layout()
            if text_layout is not None and text_layout.lineCount() > 0:
                rect = layout.blockBoundingRect(block)
                if rect.top() - HIT_TOLERANCE <= y <= rect.bottom() + HIT_TOLERANCE:
                    return hit
        return self._position_by_bisection(x, y, laid_out_only=True)

    def _document_point(self, point: QPoint) -> tuple[float, float]:
        """Document coordinates of a viewport point, moved inside the side margins."""
        inside = self.document().documentMargin() + 1
        x = min(max(point.x() + self.horizontalScrollBar().value(), inside),
                max(inside, self.viewport().width() - inside))
        return x, point.y() + self.verticalScrollBar().value()

    def _laid_out_block_count(self) -> int:
        """How many blocks from the start Qt has laid out (it lays out in document order)."""
        doc = self.document()
        lo, hi = 0, doc.blockCount()
        while lo < hi:
            mid = (lo + hi) // 2
            text_layout = doc.findBlockByNumber(mid).layout()
            if text_layout is not None and text_layout.lineCount() > 0:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _position_by_bisection(self, x: float, y: float, laid_out_only: bool) -> int | None:
        doc = self.document()
        layout = doc.documentLayout()
        count = self._laid_out_block_count() if laid_out_only else doc.blockCount()
        if count == 0:
            return None
        last = doc.findBlockByNumber(count - 1)
        if laid_out_only and count < doc.blockCount() and y > layout.blockBoundingRect(last).bottom():
            return None  # below what is laid out: do not force the rest
        lo, hi = 0, count - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if layout.blockBoundingRect(doc.findBlockByNumber(mid)).top() <= y:
                lo = mid
            else:
                hi = mid - 1
        block = doc.findBlockByNumber(lo)
        text_layout = block.layout()
        if text_layout is None or text_layout.lineCount() == 0:
            return block.position()
        origin = text_layout.position()
        line = text_layout.lineAt(0)
        for number in range(text_layout.lineCount()):
            candidate = text_layout.lineAt(number)
            if origin.y() + candidate.y() > y:
                break
            line = candidate
        return block.position() + min(line.xToCursor(x - origin.x()), block.length() - 1)

    def offset_at(self, point: QPoint) -> int:
        """The text offset under a viewport point."""
        return self._offsets.to_offset(self.position_at(point))

    def visible_range(self) -> tuple[int, int]:
        """Text offsets of the first and last characters on screen."""
        rect = self.viewport().rect()
        return self.offset_at(rect.topLeft()), self.offset_at(rect.bottomRight())

    def _quick_visible_positions(self, rect: QRect) -> tuple[int, int] | None:
        """Positions at the corners of ``rect``; None while Qt cannot say without laying out more."""
        first = self.quick_position_at(rect.topLeft())
        last = self.quick_position_at(rect.bottomRight())
        return None if first is None or last is None else (first, last)

    def top_offset(self) -> int:
        return self.offset_at(QPoint(0, SCROLL_MARGIN // 2))

    def is_on_screen(self, offset: int) -> bool:
        """True when the line holding ``offset`` is wholly inside the view."""
        if self.is_windowed and not self._in_window(offset):
            return False
        self._ensure_built(offset)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_position(offset))
        rect = self.cursorRect(cursor)
        return rect.top() >= 0 and rect.bottom() <= self.viewport().height()

    def scroll_to_offset(self, offset: int, anchor: float = 0.0) -> None:
        """Bring the line holding ``offset`` near the top of the view.

        ``anchor`` places it that fraction down the view instead (search matches sit a
        third down, so the reader sees what leads up to them).
        """
        self._ensure_built(offset)
        top = self._line_top(offset)
        if top is None:
            return
        above = int(anchor * self.viewport().height()) if anchor > 0 else SCROLL_MARGIN
        recutting, self._recutting = self._recutting, True  # the window was cut around it just now
        try:
            self._set_bar_value(max(0, int(top) - above))
        finally:
            self._recutting = recutting
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_position(offset))
        self.setTextCursor(cursor)
        self._sync_whole_bar()

    # -- marks -------------------------------------------------------------------------
    def set_search_matches(self, spans: Sequence[tuple[int, int]]) -> None:
        """Highlight every match (text offsets); the current one is set separately."""
        self._match_spans = list(spans)
        self._match_starts = [s for s, _ in spans]
        self._match_ends = [e for _, e in spans]
        self._matches.set_spans(self._window_match_positions())
        self.viewport().update()
        if not spans:
            self.set_current_match(None)

    def add_search_matches(self, spans: Sequence[tuple[int, int]]) -> None:
        """More matches after those highlighted (a search still running): only the new ones
        inside the window are converted, so a batch costs its own length."""
        if not spans:
            return
        self._match_spans.extend(spans)
        self._match_starts.extend(s for s, _ in spans)
        self._match_ends.extend(e for _, e in spans)
        inside = spans
        if self.is_windowed:
            origin, stop = self.text_window()
            starts = [s for s, _ in spans]
            ends = [e for _, e in spans]
            inside = spans[bisect_right(ends, origin):bisect_left(starts, stop)]
        if inside:
            self._matches.add_spans(self._offsets.to_positions(inside))
            self.viewport().update()

    @property
    def match_count(self) -> int:
        return self._matches.span_count

    def _scroll_offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Let Qt draw the text, then tint the visible matches.

        The tint multiplies (white paper turns the match colour, black ink stays black),
        so it can go on after the text, when Qt has laid out what is on screen.
        """
        super().paintEvent(event)
        rect = event.rect()
        visible = self._quick_visible_positions(rect) if self._matches.span_count else None
        if visible is not None:
            from PySide6.QtGui import QPainter  # named only with matches: not for the first paint

            painter = QPainter(self.viewport())
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
            self._matches.paint(painter, self.document(), *visible, self._scroll_offset(), rect.bottom(),
                                skip=self._current_match_span)
            painter.end()
        if self._unmarked:
            self._paint_unmarked_speakers(rect)
        if self._transcript is not None and not self._painted:
            self._painted = True
            self.transcriptPainted.emit()

    def _paint_unmarked_speakers(self, rect: QRect) -> None:
        """The names of the turns on screen that the page wrote without a marker."""
        from PySide6.QtGui import QPainter

        visible = self._quick_visible_positions(rect)
        if visible is None or self._unmarked is None:
            return
        first, last = (self._offsets.to_offset(p) for p in visible)
        painter = QPainter(self.viewport())
        self._unmarked.paint(painter, self.document(), self._offsets.to_position, first, last,
                             self._scroll_offset())
        painter.end()

    def set_current_match(self, span: tuple[int, int] | None) -> None:
        if span is not None:
            self._ensure_built(span[0])
            self._ensure_built(span[1])
        self._current_match = span
        self._current_match_span = None if span is None else (
            self._offsets.to_position(span[0]), self._offsets.to_position(span[1]))
        self._refresh_extra_selections()

    def set_current_turn(self, start: int | None) -> None:
        """Shade the heading line of the turn starting at ``start`` (None: no turn)."""
        self._current_turn = start
        self._refresh_extra_selections()

    def flash(self, start: int, end: int) -> None:
        """Briefly mark a span the reader jumped to, so the eye finds it."""
        self._flash = (start, end)
        self._refresh_extra_selections()
        self._flash_timer.start()

    @Slot()
    def _end_flash(self) -> None:
        self._flash = None
        self._refresh_extra_selections()

    def _selection(self, span: tuple[int, int], color: str) -> QTextEdit.ExtraSelection:
        self._finish_to(min(span[1], self._offsets.stop))
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_position(span[0]))
        cursor.setPosition(self._offsets.to_position(span[1]), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(QColor(color)))
        selection.format = fmt
        return selection

    def _refresh_extra_selections(self) -> None:
        """The single marks, from their text offsets (those outside a window are not shown)."""
        selections = []
        if self._current_turn is not None and self._marked_here(self._current_turn, self._current_turn):
            turn = self._selection((self._current_turn, self._current_turn), CURRENT_TURN_COLOR)
            turn.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selections.append(turn)
        for span, color in ((self._current_match, CURRENT_MATCH_COLOR), (self._flash, FLASH_COLOR)):
            if span is not None and self._marked_here(*span):
                selections.append(self._selection(span, color))
        self.setExtraSelections(selections)

    def _marked_here(self, start: int, end: int) -> bool:
        """Whether a mark from ``start`` to ``end`` touches the text the document holds."""
        if not self.is_windowed:
            return True
        origin, stop = self.text_window()
        return end >= origin and start <= stop

    # -- zoom --------------------------------------------------------------------------
    @property
    def zoom_steps(self) -> int:
        return self._zoom_steps

    def set_zoom_steps(self, steps: int) -> None:
        self._zoom_steps = steps
        self._apply_zoom()

    @Slot()
    def zoom_in_reading(self) -> None:
        self.set_zoom_steps(self._zoom_steps + 1)

    @Slot()
    def zoom_out_reading(self) -> None:
        self.set_zoom_steps(self._zoom_steps - 1)

    @Slot()
    def zoom_reset_reading(self) -> None:
        self.set_zoom_steps(0)

    def reading_point_size(self) -> float:
        return self.document().defaultFont().pointSizeF()

    def _zoomed_point_size(self) -> float:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, self._base_point_size + self._zoom_steps))
        self._zoom_steps = round(size - self._base_point_size)
        return size

    def _apply_zoom(self) -> None:
        size = self._zoomed_point_size()
        if self.document().defaultFont().pointSizeF() == size:
            return
        top = self.top_offset() if self._transcript is not None else 0
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(size)
        self.document().setDefaultFont(font)
        if self._transcript is not None and top:
            self.scroll_to_offset(top)

    # -- copy, links, menus ------------------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:
        """Plain text from the model: paragraphs on their own lines, nothing added."""
        from PySide6.QtCore import QMimeData

        from reader.ui.clipboard import track_mime_data

        mime = QMimeData()
        mime.setText(self.selected_plain_text())
        return track_mime_data(mime)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Home and Ctrl+End go to the start and the end of the whole text (with Shift,
        select to there), and Ctrl+A selects all of it. Qt's own go to those of the document,
        which for a big text is only the window being read."""
        from PySide6.QtCore import Qt  # not at import: see reader.ui.startup
        from PySide6.QtGui import QKeySequence

        if self.is_windowed and event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_whole_text()
            event.accept()
            return
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # the keypad's keys carry it
        shift = Qt.KeyboardModifier.ShiftModifier
        control = modifiers & ~shift == Qt.KeyboardModifier.ControlModifier
        if control and self.is_windowed and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End):
            anchor = self.selection_offsets()[0]
            self._ensure_built(0 if event.key() == Qt.Key.Key_Home else self._offsets.text_length)
            super().keyPressEvent(event)
            if modifiers & shift and not self._in_window(anchor):  # selected from a place the cut left out
                self._far_anchor = (self.textCursor().anchor(), anchor)
            return
        super().keyPressEvent(event)

    # -- the selection, which may reach past the window -----------------------------------
    def selection_offsets(self) -> tuple[int, int]:
        """The selection's anchor and cursor as text offsets: either may lie outside the
        window the document holds (a selection longer than a window, Select All)."""
        cursor = self.textCursor()
        to_offset = self._offsets.to_offset
        anchor, position = to_offset(cursor.anchor()), to_offset(cursor.position())
        if self._far_anchor is not None and self._far_anchor[0] == cursor.anchor():
            anchor = self._far_anchor[1]
        if self._far_position is not None and self._far_position[0] == cursor.position():
            position = self._far_position[1]
        return anchor, position

    def _keep_far_ends(self, cursor: QTextCursor, anchor: int, position: int) -> None:
        """Remember the ends of the selection just set that the window could not hold."""
        held = self._in_window
        self._far_anchor = None if held(anchor) or anchor == position else (cursor.anchor(), anchor)
        self._far_position = None if held(position) or anchor == position else (cursor.position(), position)

    @Slot()
    def _forget_moved_far_ends(self) -> None:
        """An end the reader moved (a click, a plain arrow key) no longer stands far away."""
        if self._recutting:
            return
        cursor = self.textCursor()
        if not cursor.hasSelection():
            self._far_anchor = self._far_position = None
            return
        if self._far_anchor is not None and self._far_anchor[0] != cursor.anchor():
            self._far_anchor = None
        if self._far_position is not None and self._far_position[0] != cursor.position():
            self._far_position = None

    @Slot()
    def select_whole_text(self) -> None:
        """Select All: all of the text, also of a big one of which the document holds a window
        (the view stays where it is; Qt's own selects the window)."""
        self.selectAll()
        if self._transcript is None or not self.is_windowed:
            return
        cursor = self.textCursor()
        origin, stop = self.text_window()
        self._far_anchor = (cursor.anchor(), 0) if origin > 0 else None
        length = self._offsets.text_length
        self._far_position = (cursor.position(), length) if stop < length else None

    def selected_plain_text(self) -> str:
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._transcript is None:
            return ""
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        base = self._offsets.base
        pieces: list[str] = []
        if start < base:  # part of the header: Qt's own plain text, separators as newlines
            header = QTextCursor(self.document())
            header.setPosition(start)
            header.setPosition(min(end, base), QTextCursor.MoveMode.KeepAnchor)
            pieces.append(header.selectedText().replace("\u2029", "\n"))
        if end > base:
            anchor, position = self.selection_offsets()
            a, b = min(anchor, position), max(anchor, position)
            far_start = (self._far_anchor if cursor.anchor() == start else self._far_position) is not None
            if start < base and not far_start:
                a = self._offsets.to_offset(base)  # the text from where the header ends
            pieces.append(self._transcript.text[a:b])
        return "".join(pieces)

    def loadResource(self, kind: int, name: QUrl | str) -> None:
        """Nothing is ever loaded: no images, no style sheets, local or remote."""
        return None

    def _on_anchor_clicked(self, url: QUrl) -> None:
        self.linkRequested.emit(url.toString())

    def figure_at(self, offset: int) -> int | None:
        """Index (in ``transcript.figures``) of the figure covering ``offset``, if any."""
        i = bisect_right(self._figure_starts, offset) - 1
        if i < 0:
            return None
        start, end, index = self._figure_spans[i]
        return index if start <= offset < end else None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        figure = self.figure_at(self.offset_at(event.pos()))
        if figure is not None:
            self.figureMenuRequested.emit(figure, event.globalPos())
            event.accept()
            return
        from PySide6.QtCore import Qt  # not at import: see reader.ui.startup

        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():
            # Off a link Qt offers Copy Link Location disabled: an entry that can never be
            # used. (Qt names its entries; "link-copy" is that one.)
            if action.objectName() == "link-copy" and not action.isEnabled():
                menu.removeAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        event.accept()

    def createStandardContextMenu(self, position: QPoint | None = None) -> QMenu:
        """Qt's menu, whose Select All selects all of a big text, not the window of it."""
        standard = super().createStandardContextMenu
        menu = standard() if position is None else standard(position)
        for action in menu.actions():
            if action.objectName() == "select-all":
                from PySide6.QtGui import QAction

                ours = QAction(action.text(), menu)
                ours.setObjectName("select-all")
                ours.setShortcut(action.shortcut())
                ours.setEnabled(action.isEnabled())
                ours.triggered.connect(self.select_whole_text)
                menu.insertAction(action, ours)
                menu.removeAction(action)
        return menu

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.is_windowed:
            self._place_whole_bar()
        self._range_timer.start()  # what is on screen changes with the size

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._range_timer.start()

    @Slot()
    def _emit_visible_range(self) -> None:
        if self._transcript is None or not self.isVisible():
            return
        visible = self._quick_visible_positions(self.viewport().rect())
        if visible is None:  # Qt is still laying the document out: ask again shortly
            self._range_timer.start()
            return
        self.visibleRangeChanged.emit(*(self._offsets.to_offset(p) for p in visible))
