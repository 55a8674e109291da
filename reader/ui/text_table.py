"""A read-only table of plain strings, for the library's pages (speaker page, figure history).

A model, not a ``QTableWidget``: a table widget makes an item per cell up front, and a
person on 10,000 briefings (1,817 briefings, 2,000 figures) took 270-360 ms of the GUI
thread to fill that way, a figure history of 5,000 values more. Here Qt asks only for the
cells it paints, and column widths are fitted to the first ``FIT_ROWS`` rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

FIT_ROWS = 60  # rows measured when fitting the columns (Qt asks ~8 roles of each cell: 200 rows took 75 ms)

Index = QModelIndex | QPersistentModelIndex


class TextTableModel(QAbstractTableModel):
    """Rows of strings under ``headers``; a tooltip per row (or each cell's own text), and
    rows drawn in ``flag_color`` where ``flagged``."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Sequence[str]] = []
        self._tooltips: Sequence[str] | None = None
        self._flagged: Sequence[bool] = ()
        self._flag_color = QColor()

    def set_rows(self, rows: Sequence[Sequence[str]], tooltips: Sequence[str] | None = None,
                 flagged: Sequence[bool] = (), flag_color: str = "") -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._tooltips = tooltips
        self._flagged = flagged
        self._flag_color = QColor(flag_color) if flag_color else QColor()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips[row] if self._tooltips is not None else self._rows[row][column]
        if role == Qt.ItemDataRole.ForegroundRole and row < len(self._flagged) and self._flagged[row]:
            return self._flag_color
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


def text_table_view(model: TextTableModel, name: str, parent: QWidget | None = None) -> QTableView:
    """A read-only view of ``model``: whole rows selected, no row numbers, the last column stretched."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fit_columns(view: QTableView) -> None:
    """Columns as wide as their first rows' text (the last one takes what is left)."""
    view.resizeColumnsToContents()
    view.horizontalHeader().setStretchLastSection(True)
