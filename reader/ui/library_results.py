"""The Library tab's results: briefings (newest first, date and title) > speakers > turns.

Each row carries where it points (the briefing's path and an offset in its text) so a click
can open it there; the turns' contexts arrive after the rows (they are read from the
briefings themselves) and replace the rows' placeholder text, the matches in 【】 and kept in
view as Find All's results keep theirs (``reader.ui.find_results``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView, QWidget

from reader.library.library import Context
from reader.library.records import SearchResult
from reader.ui.find_results import MATCH_OPEN, MatchDelegate
from reader.ui.i18n import tr

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 4
MATCH_CLOSE = "】"


class LibraryResults(QTreeView):
    """Briefings (newest first, date and title) > speakers > turns with their context."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryResults")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setItemDelegate(MatchDelegate(self, ROW_ROLE))  # the match stays in view
        self.results = QStandardItemModel(self)
        self.setModel(self.results)
        self._turn_items: dict[int, QStandardItem] = {}

    def show_result(self, result: SearchResult) -> None:
        self.results.clear()
        self._turn_items.clear()
        briefing: QStandardItem | None = None
        speaker: QStandardItem | None = None
        last_doc, last_speaker = -1, ""
        for hit in result.hits:
            if hit.doc_id != last_doc:
                heading = f"{hit.date or tr('undated')}  {hit.title}"
                briefing = _item(heading, hit.path, hit.start, hit.speaker)
                briefing.setToolTip(hit.path)
                self.results.appendRow(briefing)
                last_doc, last_speaker = hit.doc_id, "\0"
            who = hit.speaker or tr("(before the first turn)")
            if who != last_speaker:
                role = f" · {hit.role}" if hit.role and hit.role != hit.speaker else ""
                speaker = _item(f"{who}{role}", hit.path, hit.start, hit.speaker)
                assert briefing is not None
                briefing.appendRow(speaker)
                last_speaker = who
            turn = _item("…", hit.path, hit.start, hit.speaker)
            turn.setData(hit.row, ROW_ROLE)
            assert speaker is not None
            speaker.appendRow(turn)
            self._turn_items[hit.row] = turn
        for row in range(self.results.rowCount()):
            briefing_index = self.results.index(row, 0)
            self.setExpanded(briefing_index, True)
            for child in range(self.results.rowCount(briefing_index)):
                self.setExpanded(self.results.index(child, 0, briefing_index), True)
        self._count_children()

    def _count_children(self) -> None:
        for row in range(self.results.rowCount()):
            briefing = self.results.item(row)
            turns = sum(briefing.child(i).rowCount() for i in range(briefing.rowCount()))
            briefing.setText(f"{briefing.text()}  ({turns})")
            for i in range(briefing.rowCount()):
                speaker = briefing.child(i)
                speaker.setText(f"{speaker.text()}  ({speaker.rowCount()})")

    def show_contexts(self, contexts: dict[int, Context]) -> None:
        for row, context in contexts.items():
            item = self._turn_items.get(row)
            if item is not None:
                text = bracketed(context)
                item.setText(text)
                item.setToolTip(text)
                item.setData(context.offset, OFFSET_ROLE)


def bracketed(context: Context) -> str:
    """The context with its matches in 【】, as Find All shows them (and keeps them in view)."""
    text, out, at = context.text, [], 0
    for start, end in context.marks:
        if start < at:
            continue
        out += [text[at:start], MATCH_OPEN, text[start:end], MATCH_CLOSE]
        at = end
    return "".join(out) + text[at:]


def _item(text: str, path: str, offset: int, speaker: str | None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(path, PATH_ROLE)
    item.setData(offset, OFFSET_ROLE)
    item.setData(speaker or "", SPEAKER_ROLE)
    return item
