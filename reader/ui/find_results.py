"""Find All: every match with its context, grouped by speaker turn, with counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from reader.model import Transcript
from reader.ui.i18n import tr
from reader.ui.kind_colors import kind_color
from reader.ui.tooltips import plain_tooltip

CONTEXT_CHARS = 14
MAX_RESULTS = 5000  # beyond this the list stops being useful and slows the window
MATCH_ROLE = Qt.ItemDataRole.UserRole + 1  # index into the match list


def context_of(text: str, start: int, end: int) -> str:
    """The match with a few characters either side, on one line."""
    left = text[max(0, start - CONTEXT_CHARS) : start].rsplit("\n", 1)[-1]
    right = text[end : end + CONTEXT_CHARS].split("\n", 1)[0]
    return f"{'…' if start - len(left) > 0 else ''}{left}【{text[start:end]}】{right}…"


class FindResults(QTreeWidget):
    """Matches grouped by turn; clicking a match asks to jump to it."""

    matchActivated = Signal(int)  # index into the current match list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findResults")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setUniformRowHeights(True)
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)

    def show_matches(self, transcript: Transcript, matches: Sequence[tuple[int, int]]) -> None:
        """Rebuild the list; the first row summarises counts per speaker."""
        self.clear()
        if not matches:
            self.addTopLevelItem(QTreeWidgetItem([tr("No matches")]))
            return
        per_speaker: dict[str, int] = {}
        groups: dict[int | None, QTreeWidgetItem] = {}
        items: list[QTreeWidgetItem] = []
        for number, (start, end) in enumerate(matches[:MAX_RESULTS]):
            turn = transcript.turn_at(start)
            key = None if turn is None else turn.index
            group = groups.get(key)
            if group is None:
                if turn is None:
                    group = QTreeWidgetItem([tr("Before the first speaker")])
                else:
                    speaker = transcript.speaker(turn.speaker)
                    name = speaker.name if speaker else turn.label
                    group = QTreeWidgetItem([tr("Turn {n}: {name}").format(n=turn.index + 1, name=name)])
                    group.setForeground(0, QBrush(kind_color(turn.kind)))
                groups[key] = group
                items.append(group)
            if turn is not None:
                speaker = transcript.speaker(turn.speaker)
                name = speaker.name if speaker else turn.label
                per_speaker[name] = per_speaker.get(name, 0) + 1
            child = QTreeWidgetItem([context_of(transcript.text, start, end)])
            child.setToolTip(0, plain_tooltip(child.text(0)))
            child.setData(0, MATCH_ROLE, number)
            group.addChild(child)
        for group in items:
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
        summary = QTreeWidgetItem([tr("{n} matches: {counts}").format(
            n=len(matches), counts=", ".join(f"{k} {v}" for k, v in
                                             sorted(per_speaker.items(), key=lambda kv: -kv[1])))])
        summary.setToolTip(0, plain_tooltip(summary.text(0)))
        self.addTopLevelItem(summary)
        self.addTopLevelItems(items)
        self.expandAll()

    @Slot(QTreeWidgetItem, int)
    def _on_item(self, item: QTreeWidgetItem, column: int) -> None:
        number = item.data(0, MATCH_ROLE)
        if number is not None:
            self.matchActivated.emit(int(number))
