"""Find All: every match with its context, grouped by speaker turn, with counts.

Every match is listed, whatever their number: rows are made as the list is scrolled and
groups are opened (``reader.ui.nav_models.ResultsModel``), so the counts in the summary are
the counts of the list below it. The first groups open as they arrive.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QTreeView, QWidget

from reader.model import Transcript
from reader.ui.nav_models import MATCH_ROLE, ResultsModel, context_of

__all__ = ["MATCH_ROLE", "FindResults", "context_of"]

OPEN_GROUPS = 200  # groups opened as they arrive; later ones open when clicked


class FindResults(QTreeView):
    """Matches grouped by turn; clicking a match asks to jump to it."""

    matchActivated = Signal(int)  # index into the current match list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findResults")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self._model = ResultsModel(self)
        self.setModel(self._model)
        self._model.rowsInserted.connect(self._open_new_groups)
        self.clicked.connect(self._on_activated)
        self.activated.connect(self._on_activated)

    def model(self) -> ResultsModel:
        return self._model

    def clear(self) -> None:
        self._model.clear()

    def show_matches(self, transcript: Transcript, matches: Sequence[tuple[int, int]]) -> None:
        """List ``matches``; the first row summarises counts per speaker."""
        self._model.show_matches(transcript, matches)
        self._open_groups(0, self._model.rowCount() - 1)

    @Slot(QModelIndex, int, int)
    def _open_new_groups(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            self._open_groups(first, last)

    def _open_groups(self, first: int, last: int) -> None:
        for row in range(first, min(last, OPEN_GROUPS) + 1):
            self.setExpanded(self._model.index(row, 0), True)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        number = index.data(MATCH_ROLE)
        if number is not None:
            self.matchActivated.emit(int(number))
        elif self._model.hasChildren(index):
            self.setExpanded(index, not self.isExpanded(index))
