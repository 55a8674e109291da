"""The figures table: every figure as written, its value, unit, speaker, change links.

A thin adapter: ``reader.ui.figures_model`` formats a row of ``Transcript.figures`` when Qt
asks for it (only rows on screen are asked for), the filter box runs ``reader.figures.filter``
and the proxy shows the indices it returns. Copying goes through ``reader.export.figure_rows`` so Ctrl+C
here and the context menu put exactly the same text on the clipboard.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.export.figure_rows import selection_text
from reader.figures.filter import filter_figures, haystacks
from reader.metrics.facts import PanelFacts
from reader.model import Transcript
from reader.ui.figure_menu import FigureActions, set_clipboard_text
from reader.ui.figures_model import (
    FamilyRole,
    FigureFilterProxy,
    FigureIndexRole,
    FiguresModel,
    KeptRole,
    SortRole,
    SpeakerIdRole,
)

__all__ = ["FamilyRole", "FigureIndexRole", "FiguresModel", "FiguresPane", "KeptRole", "SortRole",
           "SpeakerIdRole"]

FIT_ROWS = 200  # rows measured when fitting column widths to their contents
MIN_NOTES_IDEOGRAPHS = 3  # narrower than this, the notes keep their width and the table scrolls
class FiguresTableView(QTableView):
    """The table itself: Ctrl+C copies what is selected, right-click opens the figure menu."""

    copyRequested = Signal()
    menuRequested = Signal(int, QPoint)  # figure index, global position

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QAbstractItemView's own Copy copies one cell; users expect the figures they selected.
        # (QAbstractItemView already claims Ctrl+C's ShortcutOverride, so a window-wide Copy
        # action does not take it; tests/test_ui_metrics.py checks that.)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copyRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        figure = index.data(FigureIndexRole)
        if figure is not None:
            self.menuRequested.emit(int(figure), event.globalPos())


class FiguresPane(QWidget):
    """Filter box over the figures table; emits ``figureActivated`` when a row is clicked."""

    figureActivated = Signal(int)

    def __init__(self, actions: FigureActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresPane")
        self._actions = actions
        self._transcript: Transcript | None = None
        self._haystacks: tuple[str, ...] | None = None
        self._fit_generation = 0  # a newer document's fit supersedes an unfinished one

        self.filter = QLineEdit(self)
        self.filter.setObjectName("figuresFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter: text, speaker, 金额, >1亿, <=50%, 39.4万"))
        self.filter.setToolTip(
            self.tr(
                "Words match the figure, unit, speaker or family (money / 金额, percent, points…).\n"
                "Numbers match however written: 394000, 39.4万, 三十九万四千.\n"
                "Compare values: >1亿, <=50%, >=3 个百分点. Terms separated by spaces must all match."
            )
        )
        self.status = QLabel(self)
        self.status.setObjectName("figuresCount")

        self.model = FiguresModel(self)
        self.proxy = FigureFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.view = FiguresTableView(self)
        self.view.setObjectName("figuresTable")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Text order until the user clicks a header: the rows already come in that order, so
        # the proxy need not sort thousands of rows on every load.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        # Column widths from the rows on screen and FIT_ROWS more, not all of them. Qt reads
        # the horizontal header's precision for columns (qtableview.cpp: "not a typo").
        self.view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the notes take the width left
        header.setHighlightSections(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.filter.textChanged.connect(self._apply_filter)
        self.view.clicked.connect(self._on_row_activated)
        self.view.activated.connect(self._on_row_activated)
        self.view.copyRequested.connect(self.copy_selection)
        self.view.menuRequested.connect(self._on_menu_requested)

    def set_transcript(self, transcript: Transcript | None, facts: PanelFacts | None = None) -> None:
        """Show ``transcript``'s figures; column widths are fitted in the next event-loop turns."""
        self._transcript = transcript
        self._haystacks = None  # built on the first filter: most documents are never filtered
        self.model.set_transcript(transcript, facts)
        self._apply_filter(self.filter.text())
        self._fit_generation += 1
        # Dropped if the pane is deleted first.
        QTimer.singleShot(0, self, partial(self._fit_column, 0, self._fit_generation))

    def _fit_column(self, col: int, generation: int) -> None:
        """Fit column ``col``, then the next one in a later event-loop turn (each one measures
        FIT_ROWS rows through ``data()``: all five at once held a 3 MB document's show 40-50 ms)."""
        if generation != self._fit_generation or col >= len(FiguresModel.COLUMNS):
            return
        header = self.view.horizontalHeader()
        ideograph = self.fontMetrics().horizontalAdvance("汉")
        # Widest each column may start, in ideographs: a long outlet name must not push the
        # value off a narrow side panel (the full name is in the tooltip). The value column
        # is never capped, because an elided number reads as a different number.
        caps = {FiguresModel.FIGURE: 8, FiguresModel.SPEAKER: 5, FiguresModel.NOTES: 7, FiguresModel.UNIT: 4}
        self.view.resizeColumnToContents(col)
        if col in caps:
            header.resizeSection(col, min(header.sectionSize(col), caps[col] * ideograph + 8))
        if col == FiguresModel.NOTES:
            # The notes take what the viewport has left (elided there), not a scroll bar's worth more.
            left = self.view.viewport().width() - header.sectionPosition(col)
            if left >= MIN_NOTES_IDEOGRAPHS * ideograph:
                header.resizeSection(col, left)
        QTimer.singleShot(0, self, partial(self._fit_column, col + 1, generation))

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        if self._transcript is None:
            self.proxy.set_accepted(None)
            self.status.setText("")
            return
        total = len(self._transcript.figures)
        if text.strip():
            if self._haystacks is None:
                self._haystacks = haystacks(self._transcript)
            kept = filter_figures(self._transcript, text, self._haystacks)
            self.proxy.set_accepted(frozenset(kept))
            shown = self.tr("%1 of %2 figures").replace("%1", str(len(kept))).replace("%2", str(total))
            self.status.setText(shown)
        else:
            self.proxy.set_accepted(None)
            self.status.setText(self.tr("%1 figures").replace("%1", str(total)))

    def selected_figures(self) -> list[int]:
        """Figure indices of the selected rows, in the order the table shows them."""
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        rows = sorted(rows, key=QModelIndex.row)
        return [int(r.data(FigureIndexRole)) for r in rows]

    def select_figure(self, figure: int) -> None:
        """Make ``figure`` the current, visible row (if the filter shows it)."""
        source = self.model.index(figure, 0)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    @Slot()
    def copy_selection(self) -> None:
        if self._transcript is None:
            return
        text = selection_text(self._transcript, self.selected_figures())
        if text:
            set_clipboard_text(text)

    @Slot(QModelIndex)
    def _on_row_activated(self, index: QModelIndex) -> None:
        figure = index.data(FigureIndexRole)
        if figure is not None:
            self.figureActivated.emit(int(figure))

    @Slot(int, QPoint)
    def _on_menu_requested(self, figure: int, global_pos: QPoint) -> None:
        selected = self.selected_figures()
        if figure not in selected:
            self.select_figure(figure)
            selected = [figure]
        menu = self._actions.build_menu(figure, self, selected)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(global_pos)
