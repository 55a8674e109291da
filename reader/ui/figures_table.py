"""The figures table: every figure as written, its value, unit, speaker, change links.

A thin adapter: ``FiguresModel`` formats a row of ``Transcript.figures`` when Qt asks for
it (only rows on screen are asked for), the filter box runs ``reader.figures.filter`` and the
proxy shows the indices it returns. Copying goes through ``reader.export.figure_rows`` so Ctrl+C
here and the context menu put exactly the same text on the clipboard.
"""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
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

from reader.export.figure_rows import display_value, format_value, selection_text
from reader.figures.filter import filter_figures, haystacks
from reader.metrics.facts import PanelFacts
from reader.metrics.series import changes_of, citation_counts
from reader.model import Figure, Transcript
from reader.ui.figure_menu import FigureActions, set_clipboard_text
from reader.ui.tooltips import plain_tooltip

FIT_ROWS = 200  # rows measured when fitting column widths to their contents
NO_SPEAKER = "—"  # a figure in the highlights or the introduction, which no one speaks
ARROWS = {"up": "↑", "down": "↓", None: "→"}

FigureIndexRole = Qt.ItemDataRole.UserRole + 1  # int: index in Transcript.figures
SortRole = Qt.ItemDataRole.UserRole + 2  # what the column sorts by (the value, not its text)
SpeakerIdRole = Qt.ItemDataRole.UserRole + 3  # str | None
FamilyRole = Qt.ItemDataRole.UserRole + 4  # str: money, people, percent, points, ...
KeptRole = Qt.ItemDataRole.UserRole + 5  # KEPT if the figures filter keeps the row, else ""
KEPT = "1"

_AnyIndex = QModelIndex | QPersistentModelIndex


class FiguresModel(QAbstractTableModel):
    """One row per figure citation, in text order; row number == figure index.

    Rows are formatted in ``data()``, for the rows Qt asks about (those on screen, and the
    ones it measures for column widths), from the transcript and two per-figure tuples:
    made up front, 200,000 figures of a 50 MB transcript cost seconds and over 100 MB.
    """

    # What a narrow side panel shows first: the figure as written, who said it, its links;
    # the normalized value and unit (both also readable in the figure) come last.
    COLUMNS: ClassVar[tuple[str, ...]] = ("Figure", "Speaker", "Notes", "Value", "Unit")
    FIGURE, SPEAKER, NOTES, VALUE, UNIT = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figures: tuple[Figure, ...] = ()
        self._citations: tuple[int, ...] = ()
        self._changes: tuple[tuple[int, ...], ...] = ()
        self._speakers: dict[str, tuple[str, str]] = {}
        self._notes: dict[int, str] = {}  # made on demand; sorting by notes fills it
        self._kept: frozenset[int] | None = None  # rows the figures filter keeps; None: all
        self._cited_text: dict[int, str] = {}
        self._nobody = (NO_SPEAKER, self.tr("before the first speaker"))
        self._headers = (
            self.tr("Figure"), self.tr("Speaker"), self.tr("Notes"), self.tr("Value"), self.tr("Unit")
        )

    def set_transcript(self, transcript: Transcript | None, facts: PanelFacts | None = None) -> None:
        """``facts``: the per-figure counts already computed (on the loader's thread)."""
        self.beginResetModel()
        self._notes = {}
        self._kept = None
        if transcript is None:
            self._figures, self._citations, self._changes, self._speakers = (), (), (), {}
        else:
            usable = facts if facts is not None and facts.transcript is transcript else None
            self._figures = transcript.figures
            self._citations = usable.citations if usable else citation_counts(transcript)
            self._changes = usable.changes if usable else changes_of(transcript)
            self._speakers = {sp.id: (sp.name, sp.role or "") for sp in transcript.speakers}
        self.endResetModel()

    def set_kept(self, rows: frozenset[int] | None) -> None:
        """What ``KeptRole`` answers (the filter proxy sets it, then refilters)."""
        self._kept = rows

    def _speaker(self, figure: Figure) -> tuple[str, str]:
        return self._speakers.get(figure.speaker or "", self._nobody)

    def _note(self, row: int) -> str:
        note = self._notes.get(row)
        if note is None:
            figures, f = self._figures, self._figures[row]
            notes = [f"{figures[c].text} {ARROWS.get(figures[c].direction, '→')}" for c in self._changes[row]]
            if f.change_of is not None and 0 <= f.change_of < len(figures):
                notes.append(f"{ARROWS.get(f.direction, '→')} {figures[f.change_of].text}")
            cited = self._citations[row]
            if cited > 1:
                if cited not in self._cited_text:
                    self._cited_text[cited] = self.tr("cited %n times", "", cited)
                notes.append(self._cited_text[cited])
            note = self._notes[row] = " · ".join(notes)
        return note

    def _cell(self, row: int, col: int) -> str:
        f = self._figures[row]
        if col == self.FIGURE:
            return f.text
        if col == self.SPEAKER:
            return self._speaker(f)[0]
        if col == self.NOTES:
            return self._note(row)
        if col == self.VALUE:
            return display_value(f)
        return f.unit

    def _tooltip(self, row: int, col: int) -> str:
        f = self._figures[row]
        if col == self.FIGURE:
            return f.sentence
        if col == self.SPEAKER:
            return " ".join(self._speaker(f)).strip()
        if col == self.NOTES:
            return self._note(row)
        if col == self.VALUE:
            return f"{format_value(f.value)} {f.unit}".strip()
        return f.family

    def _sort_key(self, row: int, col: int) -> Any:
        f = self._figures[row]
        if col == self.FIGURE:
            return f.start
        if col == self.VALUE:
            return f.value
        return self._cell(row, col)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._figures)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._figures):
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(row, col)) or None
        if role == SortRole:
            return self._sort_key(row, col)
        if role == FigureIndexRole:
            return row
        if role == SpeakerIdRole:
            return self._figures[row].speaker
        if role == FamilyRole:
            return self._figures[row].family
        if role == KeptRole:
            return KEPT if self._kept is None or row in self._kept else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._headers):
                return self._headers[section]
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role, name in ((FigureIndexRole, b"figureIndex"), (SortRole, b"sortKey"),
                           (SpeakerIdRole, b"speakerId"), (FamilyRole, b"family"), (KeptRole, b"kept")):
            names[role] = QByteArray(name)
        return names


class FigureFilterProxy(QSortFilterProxyModel):
    """Shows the figure indices the filter language kept; sorts by each column's sort key.

    Filtering is Qt's own, on ``KeptRole``: with nothing typed in the filter Qt keeps every
    row without asking Python. (A Python ``filterAcceptsRow`` ran once per figure for every
    document shown: 0.15 s of GUI thread on the 130,000 figures of a 50 MB transcript.)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterRole(KeptRole)

    def set_accepted(self, indices: frozenset[int] | None) -> None:
        """``None`` shows every row."""
        source = self.sourceModel()
        if isinstance(source, FiguresModel):
            source.set_kept(indices)
        pattern = "" if indices is None else KEPT
        if self.filterRegularExpression().pattern() != pattern:
            self.setFilterFixedString(pattern)
        else:  # the same pattern, other rows: Qt must ask again
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)


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
        header.setStretchLastSection(False)
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
