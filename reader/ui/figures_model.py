"""The figures table's data: one row per figure, formatted when Qt asks, and the filter proxy.

``FiguresModel`` formats a row of ``Transcript.figures`` when Qt asks for it (only rows on
screen are asked for, and those measured for column widths); ``FigureFilterProxy`` shows the
indices the filter language (``reader.figures.filter``) kept. The widgets that show them are
in ``reader.ui.figures_table``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from reader.export.figure_rows import display_value, format_value
from reader.metrics.facts import PanelFacts
from reader.metrics.series import changes_of, citation_counts
from reader.model import Figure, Transcript
from reader.ui.tooltips import plain_tooltip

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

    # What a narrow side panel (1280 px screens) shows without scrolling: the figure as
    # written, who said it, the value and its unit; the notes (links, citations) last,
    # filling what is left and elided there, never a number.
    COLUMNS: ClassVar[tuple[str, ...]] = ("Figure", "Speaker", "Value", "Unit", "Notes")
    FIGURE, SPEAKER, VALUE, UNIT, NOTES = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figures: Sequence[Figure] = ()
        self._citations: tuple[int, ...] = ()
        self._changes: tuple[tuple[int, ...], ...] = ()
        self._speakers: dict[str, tuple[str, str]] = {}
        self._notes: dict[int, str] = {}  # made on demand; sorting by notes fills it
        self._kept: frozenset[int] | None = None  # rows the figures filter keeps; None: all
        self._cited_text: dict[int, str] = {}
        self._nobody = (NO_SPEAKER, self.tr("before the first speaker"))
        self._headers = (
            self.tr("Figure"), self.tr("Speaker"), self.tr("Value"), self.tr("Unit"), self.tr("Notes")
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
