"""Find All: every match with its context, grouped by speaker turn, with counts.

Every match is listed, whatever their number: rows are made as the list is scrolled and
groups are opened (``reader.ui.nav_models.ResultsModel``), so the counts in the summary are
the counts of the list below it. The first groups open as they arrive. The summary stands
above the list and wraps (a briefing with twenty speakers has a long one); a match row too
narrow for its context loses context on the left, so the match itself stays in view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.model import Transcript
from reader.ui.nav_models import MATCH_ROLE, ResultsModel, context_of
from reader.ui.startup import PLAIN_TEXT, set_qt_property

__all__ = ["MATCH_ROLE", "FindResults", "MatchDelegate", "context_of", "elide_around_match"]

OPEN_GROUPS = 200  # groups opened as they arrive; later ones open when clicked
MATCH_OPEN = "【"  # context_of brackets the match: 【3291】
ELLIPSIS = "…"
TEXT_PADDING = 12  # pixels a row's text keeps from its edges (style margins)


def elide_around_match(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` with as much of the context left of the match as fits (the rest elided), so
    the match is shown whatever the width; unchanged if it fits, or has no match."""
    if fits(text):
        return text
    at = text.find(MATCH_OPEN)
    if at <= 0:
        return text
    left, rest = text[:at].lstrip(ELLIPSIS), text[at:]
    low, high = 0, len(left)  # how many characters of the left context to keep
    while low < high:
        keep = (low + high + 1) // 2
        if fits(ELLIPSIS + left[len(left) - keep:] + rest):
            low = keep
        else:
            high = keep - 1
    return ELLIPSIS + left[len(left) - low:] + rest


class Fits:
    """Does a string fit a width in a font's metrics (a callable, for elide_around_match)."""

    def __init__(self, option: QStyleOptionViewItem, width: int) -> None:
        self._metrics = option.fontMetrics
        self._width = width

    def __call__(self, text: str) -> bool:
        return self._metrics.horizontalAdvance(text) <= self._width


class MatchDelegate(QStyledItemDelegate):
    """Rows whose ``role`` is set show a context with its match in 【】: too narrow, they lose
    context on the left, never the match (Find All's results, the Library tab's)."""

    def __init__(self, parent: QWidget | None = None, role: int = MATCH_ROLE) -> None:
        super().__init__(parent)
        self._role = role

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(self._role) is not None and option.rect.width() > 0:
            option.text = elide_around_match(option.text, Fits(option, option.rect.width() - TEXT_PADDING))


class ResultsTree(QTreeView):
    """The matches grouped by turn; a group row opens and closes on click."""

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findResultsTree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self.setItemDelegate(MatchDelegate(self))
        self.setModel(model)


class FindResults(QWidget):
    """The summary of counts, then the matches; clicking a match asks to jump to it."""

    matchActivated = Signal(int)  # index into the current match list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findResults")
        self._model = ResultsModel(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("findSummary")
        self.summary.setWordWrap(True)
        set_qt_property(self.summary, "textFormat", PLAIN_TEXT)  # speakers' names may look like markup
        self.tree = ResultsTree(self._model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.summary.hide()
        self._model.rowsInserted.connect(self._open_new_groups)
        self.tree.clicked.connect(self._on_activated)
        self.tree.activated.connect(self._on_activated)

    def model(self) -> ResultsModel:
        return self._model

    def clear(self) -> None:
        self._model.clear()
        self.summary.clear()
        self.summary.hide()

    def show_matches(self, transcript: Transcript, matches: Sequence[tuple[int, int]]) -> None:
        """List ``matches`` under a summary of counts per speaker."""
        self._model.show_matches(transcript, matches)
        self.summary.setText(self._model.summary)
        self.summary.setToolTip(self._model.summary)
        self.summary.show()
        self._open_groups(0, self._model.rowCount() - 1)

    @Slot(QModelIndex, int, int)
    def _open_new_groups(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            self._open_groups(first, last)

    def _open_groups(self, first: int, last: int) -> None:
        for row in range(first, min(last, OPEN_GROUPS) + 1):
            self.tree.setExpanded(self._model.index(row, 0), True)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        number = index.data(MATCH_ROLE)
        if number is not None:
            self.matchActivated.emit(int(number))
        elif self._model.hasChildren(index):
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
