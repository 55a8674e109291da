"""The navigation lists as thin item models over the transcript, made as Qt asks for rows.

Three trees share one style: speakers (kinds → speakers → turns), questions (question →
who answered) and Find All (each turn with matches → the matches). Each is
a :class:`LazyTreeModel`: a node knows how many children it will have, and makes them when
Qt fetches them (``canFetchMore``/``fetchMore``: a tree view fetches a node's rows when it
is expanded, and more top-level rows as the list is scrolled to its end), a batch at a time.
A 50 MB transcript has 200,000 turns and a common word 50,000 matches: made up front, their
rows cost seconds and hundreds of megabytes; made on demand, what is on screen.

Rows carry what the reader can go to in named roles; ``data()`` only reads a node.

Why this module is long: the three trees are one design (the base model and its nodes)
with three small row makers; kept together, the lazy-fetching rules are written once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from reader.model import Transcript, Turn
from reader.ui.i18n import tr
from reader.ui.kind_colors import kind_color
from reader.ui.tooltips import plain_tooltip

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1  # int: the text offset to scroll to
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 2  # str: Speaker.id
TURN_ROLE = Qt.ItemDataRole.UserRole + 3  # int: Turn.index
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # str: "host" | "official" | "reporter" | "other" (group rows)
MATCH_ROLE = Qt.ItemDataRole.UserRole + 5  # int: index into the match list

KIND_ORDER = ("host", "official", "reporter", "other")
FETCH_BATCH = 1000  # rows made per fetch: about 15 ms
COUNT_ROWS_PER_STEP = 40  # match counts changed per event-loop turn: a few ms
FIRST_WORDS = 18
CONTEXT_CHARS = 14

_AnyIndex = QModelIndex | QPersistentModelIndex


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


def context_of(text: str, start: int, end: int) -> str:
    """The match with a few characters either side, on one line."""
    left = text[max(0, start - CONTEXT_CHARS) : start].rsplit("\n", 1)[-1]
    right = text[end : end + CONTEXT_CHARS].split("\n", 1)[0]
    return f"{'…' if start - len(left) > 0 else ''}{left}【{text[start:end]}】{right}…"


@dataclass(slots=True, eq=False)
class NavNode:
    """One row. ``total`` is how many children it will have; ``children`` those made so far."""

    parent: NavNode | None
    row: int
    text: str
    key: object = None  # what the model needs to make this node's children
    offset: int | None = None
    speaker: str | None = None
    turn: int | None = None
    kind: str | None = None  # colours the row (and names a group row's kind)
    match: int | None = None
    cells: list[str] = field(default_factory=list)  # columns after the first
    tooltip: str = ""
    bold: bool = False
    total: int = 0
    children: list[NavNode] = field(default_factory=list)


class LazyTreeModel(QAbstractItemModel):
    """A tree of :class:`NavNode` whose rows are made by :meth:`make_children` on demand."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self.root = NavNode(None, 0, "")
        self._bold: QFont | None = None

    # -- what a subclass provides ------------------------------------------------------
    def make_children(self, node: NavNode, start: int, stop: int) -> list[NavNode]:
        """``node``'s children ``start`` to ``stop`` (their parent and row are set here)."""
        raise NotImplementedError

    # -- building ----------------------------------------------------------------------
    def reset_root(self, total: int, key: object = None, first: int = FETCH_BATCH) -> None:
        """A new tree whose top level will have ``total`` rows; the first ``first`` made now."""
        self.beginResetModel()
        self.root = NavNode(None, 0, "", key=key, total=total)
        self._append(self.root, min(total, first))
        self.endResetModel()

    def _append(self, node: NavNode, count: int) -> None:
        start = len(node.children)
        made = self.make_children(node, start, start + count)
        for i, child in enumerate(made, start):
            child.parent, child.row = node, i
        node.children.extend(made)

    def node(self, index: _AnyIndex) -> NavNode:
        if not index.isValid():
            return self.root
        node = index.internalPointer()
        assert isinstance(node, NavNode)
        return node

    def index_of(self, node: NavNode, column: int = 0) -> QModelIndex:
        if node is self.root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def fetch_all(self, index: _AnyIndex) -> None:
        """Make every row under ``index`` now (a caller that needs one of them)."""
        while self.canFetchMore(index):
            self.fetchMore(index)

    def changed(self, node: NavNode, column: int) -> None:
        index = self.index_of(node, column)
        self.dataChanged.emit(index, index)

    # -- Qt's interface ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: _AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(self._headers)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    # QObject.parent() shares the name: this is the item model's overload, Qt's own design.
    def parent(self, index: _AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        return self.index_of(self.node(index).parent or self.root)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return len(self._headers)

    def hasChildren(self, parent: _AnyIndex = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        if parent.isValid() and parent.column() != 0:
            return False
        return self.node(parent).total > 0

    def canFetchMore(self, parent: _AnyIndex) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self.node(parent)
        return len(node.children) < node.total

    def fetchMore(self, parent: _AnyIndex) -> None:
        node = self.node(parent)
        count = min(FETCH_BATCH, node.total - len(node.children))
        if count <= 0:
            return
        start = len(node.children)
        self.beginInsertRows(parent, start, start + count - 1)
        self._append(node, count)
        self.endInsertRows()

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled
        if self.node(index).offset is not None or self.node(index).match is not None:
            flags |= Qt.ItemFlag.ItemIsSelectable
        return flags

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node, column = self.node(index), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return node.text
            return node.cells[column - 1] if column - 1 < len(node.cells) else ""
        if column != 0:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == OFFSET_ROLE:
            return node.offset
        if role == SPEAKER_ROLE:
            return node.speaker
        if role == TURN_ROLE:
            return node.turn
        if role == KIND_ROLE:
            return node.kind if node.bold else None
        if role == MATCH_ROLE:
            return node.match
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(node.tooltip) if node.tooltip else None
        if role == Qt.ItemDataRole.ForegroundRole and node.kind:
            return QBrush(kind_color(node.kind))
        if role == Qt.ItemDataRole.FontRole and node.bold:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None


# -- speakers ------------------------------------------------------------------------------


class SpeakerModel(LazyTreeModel):
    """Kinds → speakers (name and role, turns, matches) → their turns (first words)."""

    TURNS, MATCHES = 1, 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([tr("Speaker"), tr("Turns"), tr("Matches")], parent)
        self._transcript: Transcript | None = None
        self._turns_of: dict[str, list[int]] = {}  # speaker id -> its turns' positions
        self._groups: list[tuple[str, list[str]]] = []
        self._speaker_nodes: dict[str, NavNode] = {}
        self._turn_nodes: dict[int, NavNode] = {}
        self._per_turn: dict[int, int] = {}

    def set_transcript(self, transcript: Transcript) -> None:
        self._transcript = transcript
        self._turns_of = {}
        turns = transcript.turns
        for i in range(len(turns)):  # from the speaker column: no Turn is made for this
            self._turns_of.setdefault(turns.speaker_of(i), []).append(i)
        self._groups = []
        for kind in KIND_ORDER:
            ids = [s.id for s in transcript.speakers if s.kind == kind and self._turns_of.get(s.id)]
            if ids:
                self._groups.append((kind, ids))
        self._speaker_nodes, self._turn_nodes, self._per_turn = {}, {}, {}
        self.reset_root(len(self._groups))

    def make_children(self, node: NavNode, start: int, stop: int) -> list[NavNode]:
        transcript = self._transcript
        assert transcript is not None
        if node is self.root:
            out = []
            for kind, ids in self._groups[start:stop]:
                group = NavNode(None, 0, kind_title(kind), key=ids, kind=kind, bold=True, cells=["", ""],
                                total=len(ids))
                out.append(group)
                self._append(group, len(ids))  # speakers are few: made with their group
            return out
        if node.speaker is None:  # a kind's group: its speakers
            out = []
            assert isinstance(node.key, list)
            for speaker_id in node.key[start:stop]:
                speaker = transcript.speaker(speaker_id)
                assert speaker is not None
                turns = self._turns_of[speaker_id]
                details = " · ".join(x for x in (speaker.name, speaker.role, speaker.organization) if x)
                label = speaker.name if not speaker.role else f"{speaker.name}\n{speaker.role}"
                row = NavNode(None, 0, label, offset=transcript.turns.starts[turns[0]], speaker=speaker_id,
                              kind=speaker.kind,
                              cells=[str(len(turns)), ""], tooltip=details, total=len(turns))
                self._speaker_nodes[speaker_id] = row
                out.append(row)
            return out
        out = []
        for position in self._turns_of[node.speaker][start:stop]:  # a speaker's turns
            turn = transcript.turns[position]
            count = self._per_turn.get(turn.index, 0)
            row = NavNode(None, 0, first_words(transcript, turn), offset=turn.start, speaker=turn.speaker,
                          turn=turn.index, cells=["", str(count) if count else ""])
            self._turn_nodes[turn.index] = row
            out.append(row)
        return out

    def speaker_node(self, speaker_id: str) -> NavNode | None:
        return self._speaker_nodes.get(speaker_id)

    @property
    def speaker_count(self) -> int:
        return len(self._speaker_nodes)

    def speaker_nodes(self) -> list[NavNode]:
        """The speakers' rows, top to bottom."""
        return list(self._speaker_nodes.values())

    def turn_node(self, turn_index: int) -> NavNode | None:
        return self._turn_nodes.get(turn_index)

    def set_match_counts(self, per_speaker: dict[str, int], per_turn: dict[int, int]) -> None:
        """Matches per speaker and per turn in the third column ("" for none); rows made
        later read ``per_turn`` when they are made."""
        for _ in self.match_count_updates(per_speaker, per_turn):
            pass

    @property
    def count_rows(self) -> int:
        """How many rows a change of the match counts may touch."""
        return len(self._speaker_nodes) + len(self._turn_nodes)

    def match_count_updates(self, per_speaker: dict[str, int], per_turn: dict[int, int],
                            rows_per_step: int = COUNT_ROWS_PER_STEP) -> Iterator[None]:
        """:meth:`set_match_counts` a step at a time: it yields after every ``rows_per_step``
        rows whose count changed. A view answers each row's dataChanged (QTreeView asks the
        row's size hint again), so on a big document, where a search changes ten thousand
        turn rows, the caller runs the steps from the event loop, one per turn of it."""
        self._per_turn = dict(per_turn)
        nodes: list[tuple[NavNode, int]] = [(node, per_speaker.get(speaker_id, 0))
                                            for speaker_id, node in self._speaker_nodes.items()]
        nodes.extend((node, per_turn.get(turn_index, 0)) for turn_index, node in self._turn_nodes.items())
        changed = 0
        for node, count in nodes:
            text = str(count) if count else ""
            if node.cells[1] != text:  # most rows keep their count from one keystroke to the next
                node.cells[1] = text
                self.changed(node, self.MATCHES)
                changed += 1
                if changed % rows_per_step == 0:
                    yield


# -- questions -----------------------------------------------------------------------------


class QuestionModel(LazyTreeModel):
    """Each question (by outlet) with who answered it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([tr("Question")], parent)
        self._transcript: Transcript | None = None

    def set_transcript(self, transcript: Transcript) -> None:
        self._transcript = transcript
        turns = len(transcript.turns)
        self._pairs = [i for i, question in enumerate(transcript.qa.questions) if 0 <= question < turns]
        self.reset_root(len(self._pairs))

    def make_children(self, node: NavNode, start: int, stop: int) -> list[NavNode]:
        transcript = self._transcript
        assert transcript is not None
        if node is self.root:
            out = []
            for pair_index in self._pairs[start:stop]:
                pair = transcript.qa[pair_index]
                question = transcript.turns[pair.question]
                asker = transcript.speaker(question.speaker)
                name = asker.name if asker else question.label
                answers = [a for a in pair.answers if 0 <= a < len(transcript.turns)]
                out.append(NavNode(None, 0, f"{name}：{first_words(transcript, question)}", key=answers,
                                   offset=question.start, speaker=question.speaker, turn=question.index,
                                   kind=question.kind, total=len(answers)))
            return out
        out = []
        assert isinstance(node.key, list)
        for answer_index in node.key[start:stop]:
            answer = transcript.turns[answer_index]
            who = transcript.speaker(answer.speaker)
            text = tr("Answered by {name}").format(name=who.name if who else answer.label)
            out.append(NavNode(None, 0, text, offset=answer.start, speaker=answer.speaker, turn=answer.index))
        return out


# -- Find All ------------------------------------------------------------------------------


class ResultsModel(LazyTreeModel):
    """Each turn that has matches → its matches; ``summary`` counts them per speaker (shown
    above the list, where it can wrap)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([tr("Match")], parent)
        self._transcript: Transcript | None = None
        self._matches: Sequence[tuple[int, int]] = ()
        self._groups: list[tuple[int | None, int, int]] = []  # (turn index or None, first match, end)
        self.summary = ""

    def clear(self) -> None:
        self._transcript, self._matches, self._groups, self.summary = None, (), [], ""
        self.reset_root(0)

    def show_matches(self, transcript: Transcript, matches: Sequence[tuple[int, int]]) -> None:
        """Every match, grouped by turn; the counts in the summary cover them all.

        The counts per speaker are ``reader.search.index.match_counts``, the ones the speaker
        list shows, keyed by speaker (two speakers of one name are told apart by role), and
        the matches before the first speaker are counted too: the parts add up to the total.
        """
        from reader.search.index import match_counts  # with the folding tables: not at start-up

        self._transcript, self._matches = transcript, matches
        starts = [start for start, _ in matches]
        turn_starts = [turn.start for turn in transcript.turns]
        self._groups = []
        i = 0
        while i < len(starts):
            turn = transcript.turn_at(starts[i])
            if turn is None:  # before the first turn (or between turns): up to the next one
                following = bisect_right(turn_starts, starts[i])
                end = turn_starts[following] if following < len(turn_starts) else len(transcript.text) + 1
            else:
                end = turn.end
            j = max(i + 1, bisect_left(starts, end, i))
            self._groups.append((None if turn is None else turn.index, i, j))
            i = j
        per_speaker, _ = match_counts(transcript.turns, starts)
        outside = len(starts) - sum(per_speaker.values())
        names = Counter(s.name for s in transcript.speakers)
        parts = []
        for speaker in sorted(transcript.speakers, key=lambda s: -per_speaker.get(s.id, 0)):
            count = per_speaker.get(speaker.id, 0)
            if count:
                told_apart = f"（{speaker.role or speaker.id}）" if names[speaker.name] > 1 else ""
                parts.append(f"{speaker.name}{told_apart} {count}")
        if outside:
            parts.append(f"{tr('Before the first speaker')} {outside}")
        counts = ", ".join(parts)
        self.summary = (tr("{n} matches: {counts}").format(n=len(matches), counts=counts) if matches
                        else tr("No matches"))
        self.reset_root(len(self._groups))

    def make_children(self, node: NavNode, start: int, stop: int) -> list[NavNode]:
        transcript = self._transcript
        out = []
        if node is self.root:
            for k in range(start, stop):
                assert transcript is not None
                turn_index, first, end = self._groups[k]
                if turn_index is None:
                    out.append(NavNode(None, 0, f"{tr('Before the first speaker')} ({end - first})",
                                       key=(first, end), total=end - first))
                    continue
                turn = transcript.turns[turn_index]
                speaker = transcript.speaker(turn.speaker)
                name = speaker.name if speaker else turn.label
                title = tr("Turn {n}: {name}").format(n=turn.index + 1, name=name)
                out.append(NavNode(None, 0, f"{title} ({end - first})", key=(first, end), kind=turn.kind,
                                   total=end - first))
            return out
        assert transcript is not None and isinstance(node.key, tuple)
        first = node.key[0]
        for number in range(first + start, first + stop):
            s, e = self._matches[number]
            context = context_of(transcript.text, s, e)
            out.append(NavNode(None, 0, context, match=number, tooltip=context))
        return out
