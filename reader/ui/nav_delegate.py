"""Row sizes for the navigation trees, asked of Qt's delegate once per shape of row.

A tree whose rows differ in height (a speaker's name and role on two lines, a turn's first
words on one) has Qt measure every row above the one it scrolls to, and the stock delegate
measures a row by asking the model for eight roles of each cell: with 11,583 speakers,
selecting the current turn's speaker held the window about 190 ms. Rows of one shape (lines,
weight, and for the count columns their text) measure alike, so each shape is measured once
by Qt's own delegate and then answered from memory: the same sizes, one Python call a cell.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.nav_models import NavNode


class RowShapeDelegate(QStyledItemDelegate):
    """Qt's delegate, with its size hints remembered by the shape of the row."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # a QObject parent, as Qt takes
        self._sizes: dict[tuple[object, ...], QSize] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        node = index.internalPointer()
        if not isinstance(node, NavNode):
            return super().sizeHint(option, index)
        column = index.column()
        # The first column stretches to the tree's width: only its height counts, and that
        # follows its lines and weight. The count columns fit their text: the text is the shape.
        if column == 0:
            shape: object = node.text.count("\n")
        else:
            shape = node.cells[column - 1] if column - 1 < len(node.cells) else ""
        key = (column, shape, node.bold, option.fontMetrics.height())
        size = self._sizes.get(key)
        if size is None:
            size = self._sizes[key] = super().sizeHint(option, index)
        return size
