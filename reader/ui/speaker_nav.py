"""The left-hand navigation: speakers grouped by kind, their turns, and the Q&A outline.

One thin item model per tree adapts the transcript to Qt; the trees only say where the
reader wants to go (a text offset) and the main window scrolls there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from reader.model import QAPair, Transcript, Turn
from reader.ui.i18n import tr
from reader.ui.kind_colors import kind_color
from reader.ui.tooltips import plain_tooltip

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1  # text offset to scroll to
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 2  # Speaker.id
TURN_ROLE = Qt.ItemDataRole.UserRole + 3  # Turn.index
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # "host" | "official" | "reporter" | "other" (group rows)

KIND_ORDER = ("host", "official", "reporter", "other")
EAGER_TURN_ROWS = 300
QUESTION_ROWS_PER_TURN = 1500  # about 20 ms of row making per event-loop turn
FIRST_WORDS = 18


def kind_title(kind: str) -> str:
    return {
        "host": tr("Hosts"),
        "official": tr("Officials"),
        "reporter": tr("Reporters"),
        "other": tr("Others"),
    }.get(kind, tr("Others"))


def first_words(transcript: Transcript, turn: Turn) -> str:
    """The opening of a turn's first paragraph, to tell its turns apart in the list."""
    if not turn.paragraphs:
        return transcript.text[turn.label_span.start : turn.label_span.end]
    para = turn.paragraphs[0]
    words = transcript.text[para.start : min(para.end, para.start + FIRST_WORDS)]
    return words + ("…" if para.end - para.start > FIRST_WORDS else "")


def _item(text: str, **roles: object) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    for role, value in roles.items():
        item.setData(value, {"offset": OFFSET_ROLE, "speaker": SPEAKER_ROLE, "turn": TURN_ROLE,
                             "kind": KIND_ROLE}[role])
    return item


def _count_item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def turn_row(transcript: Transcript, turn: Turn) -> list[QStandardItem]:
    return [_item(first_words(transcript, turn), offset=turn.start, speaker=turn.speaker, turn=turn.index),
            _count_item(""), _count_item("")]


def build_speaker_model(transcript: Transcript, parent: QTreeView | None = None,
                        eager_turns: int = EAGER_TURN_ROWS) -> QStandardItemModel:
    """Kinds -> speakers (name, role, turns) -> turns (first words).

    With more than ``eager_turns`` turns, a speaker's turn rows are made when the
    speaker is expanded (a placeholder row keeps the expand arrow): thousands of rows
    made up front cost a quarter of a second that nobody waits for gladly.
    """
    lazy = len(transcript.turns) > eager_turns
    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels([tr("Speaker"), tr("Turns"), tr("Matches")])
    turns_of: dict[str, list[Turn]] = {}
    for turn in transcript.turns:
        turns_of.setdefault(turn.speaker, []).append(turn)
    for kind in KIND_ORDER:
        speakers = [s for s in transcript.speakers if s.kind == kind and turns_of.get(s.id)]
        if not speakers:
            continue
        group = _item(kind_title(kind), kind=kind)
        group.setForeground(QBrush(kind_color(kind)))
        font = group.font()
        font.setBold(True)
        group.setFont(font)
        group.setSelectable(False)
        for speaker in speakers:
            turns = turns_of[speaker.id]
            label = speaker.name if not speaker.role else f"{speaker.name}\n{speaker.role}"
            row = _item(label, offset=turns[0].start, speaker=speaker.id)
            details = (speaker.name, speaker.role, speaker.organization)
            row.setToolTip(plain_tooltip(" · ".join(x for x in details if x)))
            row.setForeground(QBrush(kind_color(kind)))
            if lazy:
                row.appendRow([_item("…"), _count_item(""), _count_item("")])
            else:
                for turn in turns:
                    row.appendRow(turn_row(transcript, turn))
            group.appendRow([row, _count_item(str(len(turns))), _count_item("")])
        model.appendRow([group, _count_item(""), _count_item("")])
    return model


def answer_rows(transcript: Transcript, answers: tuple[int, ...]) -> list[QStandardItem]:
    rows = []
    for answer_index in answers:
        if not 0 <= answer_index < len(transcript.turns):
            continue
        answer = transcript.turns[answer_index]
        who = transcript.speaker(answer.speaker)
        rows.append(_item(tr("Answered by {name}").format(name=who.name if who else answer.label),
                          offset=answer.start, speaker=answer.speaker, turn=answer.index))
    return rows


def build_qa_model(transcript: Transcript, parent: QTreeView | None = None,
                   eager_questions: int = EAGER_TURN_ROWS) -> QStandardItemModel:
    """Each question (by outlet) with who answered it (made on expansion past ``eager_questions``)."""
    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels([tr("Question")])
    append_question_rows(model, transcript, transcript.qa, lazy=len(transcript.qa) > eager_questions)
    return model


def append_question_rows(model: QStandardItemModel, transcript: Transcript, pairs: Sequence[QAPair],
                         lazy: bool) -> None:
    """One row per question in ``pairs``; with ``lazy``, its answers wait for its expansion."""
    for pair in pairs:
        if not 0 <= pair.question < len(transcript.turns):
            continue
        question = transcript.turns[pair.question]
        asker = transcript.speaker(question.speaker)
        name = asker.name if asker else question.label
        row = _item(f"{name}：{first_words(transcript, question)}", offset=question.start,
                    speaker=question.speaker, turn=question.index)
        row.setForeground(QBrush(kind_color(question.kind)))
        if lazy and pair.answers:
            row.appendRow(_item("…"))
        else:
            for answer in answer_rows(transcript, pair.answers):
                row.appendRow(answer)
        model.appendRow(row)


class _NavTree(QTreeView):
    """A tree whose rows carry a text offset; clicking or Enter asks to go there."""

    offsetActivated = Signal(int)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(False)
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


class SpeakerNav(_NavTree):
    """Speakers by kind with turn and match counts; follows the current turn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("speakerNav", parent)
        self._speaker_rows: dict[str, QPersistentModelIndex] = {}
        self._turn_rows: dict[int, QPersistentModelIndex] = {}
        self._transcript: Transcript | None = None
        self._turn_counts: dict[int, int] = {}
        self.setModel(QStandardItemModel(self))
        self.expanded.connect(self._fill_turn_rows)

    def set_transcript(self, transcript: Transcript) -> None:
        old = self.model()
        model = build_speaker_model(transcript, self)
        self._transcript = transcript
        self._turn_counts = {}
        self.setModel(model)
        if old is not None and old.parent() is self:
            old.deleteLater()
        self._speaker_rows.clear()
        self._turn_rows.clear()
        for g in range(model.rowCount()):
            group = model.index(g, 0)
            self.setExpanded(group, True)
            for s in range(model.rowCount(group)):
                speaker = model.index(s, 0, group)
                self._speaker_rows[speaker.data(SPEAKER_ROLE)] = QPersistentModelIndex(speaker)
                for t in range(model.rowCount(speaker)):
                    turn = model.index(t, 0, speaker)
                    if turn.data(TURN_ROLE) is not None:  # not a lazy placeholder
                        self._turn_rows[turn.data(TURN_ROLE)] = QPersistentModelIndex(turn)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnHidden(2, True)

    @Slot(QModelIndex)
    def _fill_turn_rows(self, index: QModelIndex) -> None:
        """Replace a lazy speaker's placeholder row by its turn rows, on first expansion."""
        model = self.model()
        speaker_id = index.data(SPEAKER_ROLE)
        if (not isinstance(model, QStandardItemModel) or self._transcript is None or speaker_id is None
                or model.rowCount(index) != 1 or model.index(0, 0, index).data(OFFSET_ROLE) is not None):
            return
        item = model.itemFromIndex(index)
        item.removeRow(0)
        for turn in self._transcript.turns:
            if turn.speaker == speaker_id:
                item.appendRow(turn_row(self._transcript, turn))
        for t in range(model.rowCount(index)):
            row = model.index(t, 0, index)
            self._turn_rows[row.data(TURN_ROLE)] = QPersistentModelIndex(row)
            self._set_count(model, self._turn_rows[row.data(TURN_ROLE)],
                            self._turn_counts.get(row.data(TURN_ROLE), 0))

    def speaker_index(self, speaker_id: str) -> QModelIndex:
        row = self._speaker_rows.get(speaker_id)
        return QModelIndex(row) if row is not None else QModelIndex()

    def set_match_counts(self, per_speaker: Mapping[str, int], per_turn: Mapping[int, int]) -> None:
        """Show how many search matches each speaker (and turn) has; empty hides the column."""
        model = self.model()
        if not isinstance(model, QStandardItemModel):
            return
        # Fixed while the counts change: fitting the column to its contents after every row's
        # change is quadratic in the rows shown (seconds for 2,000 speakers); once at the end.
        header = self.header()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        for speaker_id, row in self._speaker_rows.items():
            self._set_count(model, row, per_speaker.get(speaker_id, 0))
        self._turn_counts = dict(per_turn)
        for turn_index, row in self._turn_rows.items():
            self._set_count(model, row, per_turn.get(turn_index, 0))
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnHidden(2, not per_speaker and not per_turn)

    @staticmethod
    def _set_count(model: QStandardItemModel, row: QPersistentModelIndex, count: int) -> None:
        index = QModelIndex(row).siblingAtColumn(2)
        text = str(count) if count else ""
        if index.data() != text:  # most rows keep their count from one keystroke to the next
            model.setData(index, text)

    def select_turn(self, turn_index: int | None) -> None:
        """Mark the turn being read (its speaker's row if the turns are folded away)."""
        turns = self._transcript.turns if self._transcript is not None else ()
        if turn_index is None or not 0 <= turn_index < len(turns):
            self.clearSelection()
            return
        row = self._turn_rows.get(turn_index)
        index = QModelIndex(row) if row is not None else QModelIndex()
        if not index.isValid() or not self.isExpanded(index.parent()):
            index = self.speaker_index(turns[turn_index].speaker)
        if index.isValid() and self.currentIndex() != index:
            flags = self.selectionModel().SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(index)


class QaOutline(_NavTree):
    """Questions and their answers; clicking one goes there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("qaOutline", parent)
        self.setHeaderHidden(True)
        self.setModel(QStandardItemModel(self))
        self._answers: dict[int, tuple[int, ...]] = {}
        self._transcript: Transcript | None = None
        self._generation = 0  # a newer document stops the previous one's rows being added
        self.expanded.connect(self._fill_answers)

    def set_transcript(self, transcript: Transcript) -> None:
        """Questions past the first ``QUESTION_ROWS_PER_TURN`` are added in later event-loop
        turns: 30,000 questions (a 50 MB transcript) took 0.4 s to make at once."""
        old = self.model()
        self._transcript = transcript
        self._answers = {pair.question: pair.answers for pair in transcript.qa}
        self._generation += 1
        lazy = len(transcript.qa) > EAGER_TURN_ROWS
        model = QStandardItemModel(self)
        model.setHorizontalHeaderLabels([tr("Question")])
        append_question_rows(model, transcript, transcript.qa[:QUESTION_ROWS_PER_TURN], lazy=lazy)
        self.setModel(model)
        if old is not None and old.parent() is self:
            old.deleteLater()
        if not lazy:
            self.expandAll()
        elif len(transcript.qa) > QUESTION_ROWS_PER_TURN:
            more = partial(self._append_questions, QUESTION_ROWS_PER_TURN, self._generation)
            QTimer.singleShot(0, self, more)  # dropped if the outline is deleted first

    def _append_questions(self, start: int, generation: int) -> None:
        model, transcript = self.model(), self._transcript
        if generation != self._generation or transcript is None or not isinstance(model, QStandardItemModel):
            return  # another document since
        end = start + QUESTION_ROWS_PER_TURN
        append_question_rows(model, transcript, transcript.qa[start:end], lazy=True)
        if end < len(transcript.qa):
            QTimer.singleShot(0, self, partial(self._append_questions, end, generation))

    @Slot(QModelIndex)
    def _fill_answers(self, index: QModelIndex) -> None:
        """Replace a question's placeholder row by its answers, on first expansion."""
        model = self.model()
        question = index.data(TURN_ROLE)
        if (not isinstance(model, QStandardItemModel) or self._transcript is None or question is None
                or model.rowCount(index) != 1 or model.index(0, 0, index).data(OFFSET_ROLE) is not None):
            return
        item = model.itemFromIndex(index)
        item.removeRow(0)
        for answer in answer_rows(self._transcript, self._answers.get(question, ())):
            item.appendRow(answer)
