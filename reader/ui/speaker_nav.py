"""The left-hand navigation: speakers grouped by kind with their turns, and the Q&A outline.

The trees only say where the reader wants to go (a text offset) and the main window
scrolls there; their rows come from the lazy models of ``reader.ui.nav_models``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from reader.model import Transcript
from reader.ui.i18n import tr
from reader.ui.nav_delegate import RowShapeDelegate
from reader.ui.nav_models import (
    KIND_ROLE,
    OFFSET_ROLE,
    SPEAKER_ROLE,
    TURN_ROLE,
    QuestionModel,
    SpeakerModel,
)
from reader.ui.steps import NEXT_TURN_MS

__all__ = ["KIND_ROLE", "OFFSET_ROLE", "SPEAKER_ROLE", "TURN_ROLE", "NavTree", "QaOutline", "SpeakerNav"]

EXPAND_ALL_QUESTIONS = 300  # up to this many questions, the outline opens with every answer shown
MEASURE_ROWS_PER_STEP = 1_000  # speaker rows Qt measures per event-loop turn (~10-15 ms)
COUNT_ROWS_AT_ONCE = 2_000  # up to this many speaker and turn rows, match counts change at once


class NavTree(QTreeView):
    """A tree whose rows carry a text offset; clicking or Enter asks to go there."""

    offsetActivated = Signal(int)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(False)  # a speaker's role is a second line
        self.setItemDelegate(RowShapeDelegate(self))  # so each row's height is not asked for 8 roles
        self.setAnimated(False)
        self.setExpandsOnDoubleClick(False)
        self.clicked.connect(self._on_activated)
        self.activated.connect(self._on_activated)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        index = index.siblingAtColumn(0)
        offset = index.data(OFFSET_ROLE)
        if offset is None:
            self.setExpanded(index, not self.isExpanded(index))
            return
        self.offsetActivated.emit(int(offset))


class SpeakerNav(NavTree):
    """Speakers by kind with turn and match counts; follows the current turn. A speaker's
    context menu offers "Across the library…" (``libraryRequested``: their speaker page)."""

    libraryRequested = Signal(str)  # a speaker's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("speakerNav", parent)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._speaker_menu)
        self._model = SpeakerModel(self)
        self._transcript: Transcript | None = None
        self._counts_job: Iterator[None] | None = None
        self._counts_shown = False
        self._measured: Iterator[None] | None = None  # rows still to measure (``_measure_rows``)
        self._measure_queued = False
        self.setModel(self._model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def model(self) -> SpeakerModel:
        return self._model

    def set_transcript(self, transcript: Transcript) -> None:
        self._transcript = transcript
        self._counts_job = None
        self._model.set_transcript(transcript)
        for group in range(self._model.rowCount()):
            self.setExpanded(self._model.index(group, 0), True)
        self.setColumnHidden(2, True)
        self._measured = self._measure_rows() if self._model.speaker_count > MEASURE_ROWS_PER_STEP else None
        if self._measured is not None:
            self._measure_soon()

    def _measure_rows(self) -> Iterator[None]:
        """Have Qt measure the rows from the top, ``MEASURE_ROWS_PER_STEP`` at a time.

        QTreeView learns a row's height only when it needs its position, and then measures
        every row above it (rows differ: a name with a role is two lines): the first jumps
        into a list of 11,000 speakers held the window 150-175 ms each. Asking for the
        rectangle of every step-th row, one step per event-loop turn, spreads that out.
        """
        transcript = self._transcript
        for row, node in enumerate(self._model.speaker_nodes()):
            if row % MEASURE_ROWS_PER_STEP == MEASURE_ROWS_PER_STEP - 1:
                if self._transcript is not transcript:
                    return
                self.visualRect(self._model.index_of(node))
                yield

    def _measure_soon(self) -> None:
        if not self._measure_queued:
            self._measure_queued = True
            QTimer.singleShot(NEXT_TURN_MS, self, self._measure_next)

    @Slot()
    def _measure_next(self) -> None:
        self._measure_queued = False
        job = self._measured
        if job is None or not self.isVisible():
            return  # a hidden list (its window closed, another tab) resumes when shown
        try:
            next(job)
        except StopIteration:
            self._measured = None
            return
        self._measure_soon()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._measured is not None:
            self._measure_soon()

    def speaker_name_at(self, index: QModelIndex) -> str | None:
        """The name of the speaker a row (the speaker's or one of their turns') belongs to."""
        speaker_id = index.siblingAtColumn(0).data(SPEAKER_ROLE) if index.isValid() else None
        speaker = self._transcript.speaker(str(speaker_id)) if speaker_id and self._transcript else None
        return None if speaker is None else speaker.name

    @Slot(QPoint)
    def _speaker_menu(self, pos: QPoint) -> None:
        name = self.speaker_name_at(self.indexAt(pos))
        if not name:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(tr("Across the library…"))
        action.triggered.connect(lambda: self.libraryRequested.emit(name))
        menu.popup(self.viewport().mapToGlobal(pos))

    def speaker_index(self, speaker_id: str) -> QModelIndex:
        node = self._model.speaker_node(speaker_id)
        return QModelIndex() if node is None else self._model.index_of(node)

    def set_match_counts(self, per_speaker: Mapping[str, int], per_turn: Mapping[int, int]) -> None:
        """Show how many search matches each speaker (and turn) has; empty hides the column."""
        # Fixed while the counts change: fitting the column to its contents after every row's
        # change is quadratic in the rows shown (seconds for 2,000 speakers); once at the end.
        header = self.header()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self._counts_job = None
        if self._model.count_rows <= COUNT_ROWS_AT_ONCE:
            self._model.set_match_counts(dict(per_speaker), dict(per_turn))
            self._counts_done(bool(per_speaker or per_turn))
            return
        # A big document: the rows change a few at a time, from the event loop, so typing
        # stays fluid while thousands of turn rows take their new counts.
        self._counts_job = self._model.match_count_updates(dict(per_speaker), dict(per_turn))
        self._counts_shown = bool(per_speaker or per_turn)
        self._next_counts()

    def hide_match_counts(self) -> None:
        """Hide the counts column at once (a new search is counting: the last one's counts
        must not stand next to its matches); the next ``set_match_counts`` shows it again."""
        self._counts_job = None
        self.setColumnHidden(2, True)

    @property
    def counting(self) -> bool:
        """True while match counts are still being put in the rows (a big document)."""
        return self._counts_job is not None

    @Slot()
    def _next_counts(self) -> None:
        job = self._counts_job
        if job is None:
            return
        try:
            next(job)
        except StopIteration:
            self._counts_job = None
            self._counts_done(self._counts_shown)
            return
        QTimer.singleShot(NEXT_TURN_MS, self, self._next_counts)

    def _counts_done(self, shown: bool) -> None:
        header = self.header()
        if self._model.count_rows <= COUNT_ROWS_AT_ONCE:
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        else:
            # Fitting the column to its contents asks every row's size hint (tens of ms for
            # 11,583 speakers): a width for six digits instead.
            header.resizeSection(2, self.fontMetrics().horizontalAdvance("000000") + 12)
        if self.isColumnHidden(2) != (not shown):
            self.setColumnHidden(2, not shown)

    def select_turn(self, turn_index: int | None) -> None:
        """Mark the turn being read (its speaker's row if the turns are folded away)."""
        turns = self._transcript.turns if self._transcript is not None else ()
        if turn_index is None or not 0 <= turn_index < len(turns):
            self.clearSelection()
            return
        node = self._model.turn_node(turn_index)
        index = QModelIndex() if node is None else self._model.index_of(node)
        if not index.isValid() or not self.isExpanded(index.parent()):
            index = self.speaker_index(turns[turn_index].speaker)
        if index.isValid() and self.currentIndex() != index:
            flags = self.selectionModel().SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(index)


class QaOutline(NavTree):
    """Questions and their answers; clicking one goes there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("qaOutline", parent)
        self.setHeaderHidden(True)
        self._model = QuestionModel(self)
        self.setModel(self._model)

    def model(self) -> QuestionModel:
        return self._model

    def set_transcript(self, transcript: Transcript) -> None:
        self._model.set_transcript(transcript)
        if len(transcript.qa) <= EXPAND_ALL_QUESTIONS:
            self.expandAll()
