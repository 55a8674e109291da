"""The Library tab: search every briefing added, with filters; results by briefing, then speaker.

The pane builds and runs itself: it opens the library (``reader.library.Library``) the
first time it is shown or a folder is added (a library from an earlier session opens a
moment after start-up, so its folders are watched), refreshes it off the GUI thread, shows
the indexing's progress (files done / total, Cancel), and watches the folders
(``reader.ui.library_watch``) to re-read a file that changed. Searches run on a pool thread
with their own connection; contexts, which are read from the briefings themselves, follow.
It says what the reader wants with signals: open a briefing at a turn with the term
highlighted (``openRequested``); speaker pages and figure histories are its own windows.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QStandardPaths, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.library.library import KINDS, Context, Library, date_bound
from reader.library.records import AddReport, Filters, Hit, SearchResult
from reader.ui import messages
from reader.ui.i18n import tr
from reader.ui.library_jobs import IndexJob, IndexSignals, SearchJob, SearchSignals
from reader.ui.library_watch import LibraryWatch

if TYPE_CHECKING:
    from reader.ui.figure_history import FigureHistoryWindow
    from reader.ui.speaker_page import SpeakerPageWindow

SEARCH_DEBOUNCE_MS = 250
ACTIVATE_AFTER_MS = 2000  # an existing library opens this long after the window
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 4
KIND_LABELS = {"host": "host", "official": "official", "reporter": "reporter", "other": "other"}


def data_dir() -> str:
    """Qt's application data directory (the library's index lives there)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)


class LibraryResults(QTreeView):
    """Briefings (newest first, date and title) > speakers > turns with their context."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryResults")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
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
                item.setText(context.text)
                item.setToolTip(context.text)
                item.setData(context.offset, OFFSET_ROLE)


def _item(text: str, path: str, offset: int, speaker: str | None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(path, PATH_ROLE)
    item.setData(offset, OFFSET_ROLE)
    item.setData(speaker or "", SPEAKER_ROLE)
    return item


class LibraryPane(QWidget):
    """The Library tab."""

    openRequested = Signal(str, int, str)  # path, offset in its text, the term to highlight
    indexingFinished = Signal(object)  # AddReport
    resultsShown = Signal(int)  # the exact count of matching turns

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.library: Library | None = None
        self._reader: Library | None = None
        self._generation = 0
        self._page = 0
        self._result: SearchResult | None = None
        self._cancel = threading.Event()
        self._indexing = False
        self._queued_files: set[str] = set()
        self._pages: list[QWidget] = []
        self._index_pool = QThreadPool(self)
        self._index_pool.setMaxThreadCount(1)
        self._search_pool = QThreadPool(self)
        self._search_pool.setMaxThreadCount(1)
        self._index_signals = IndexSignals(self)
        self._search_signals = SearchSignals(self)
        self.watch = LibraryWatch(self)
        self._build()
        self._connect()
        if os.path.exists(Library.path_for(data_dir())):
            QTimer.singleShot(ACTIVATE_AFTER_MS, self, self.activate)

    def _build(self) -> None:
        self.query = QLineEdit(self)
        self.query.setObjectName("libraryQuery")
        self.query.setPlaceholderText(tr("Search every briefing: 台湾, 诈骗…"))
        self.query.setClearButtonEnabled(True)
        self.speaker = QLineEdit(self)
        self.speaker.setObjectName("librarySpeaker")
        self.speaker.setPlaceholderText(tr("Speaker"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("libraryKind")
        self.kind.addItem(tr("Any kind"), "")
        for kind in KINDS:
            self.kind.addItem(tr(KIND_LABELS[kind]), kind)
        self.organization = QLineEdit(self)
        self.organization.setObjectName("libraryOrganization")
        self.organization.setPlaceholderText(tr("Organization"))
        self.date_from = QLineEdit(self)
        self.date_from.setObjectName("libraryFrom")
        self.date_from.setPlaceholderText(tr("From (2021-03)"))
        self.date_to = QLineEdit(self)
        self.date_to.setObjectName("libraryTo")
        self.date_to.setPlaceholderText(tr("To (2024)"))
        self.source = QComboBox(self)
        self.source.setObjectName("librarySource")
        self.source.addItem(tr("Any source"), "")
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.speaker, 0, 0)
        filters.addWidget(self.kind, 0, 1)
        filters.addWidget(self.organization, 1, 0)
        filters.addWidget(self.source, 1, 1)
        filters.addWidget(self.date_from, 2, 0)
        filters.addWidget(self.date_to, 2, 1)
        self.status = QLabel(tr("Add a folder of transcripts: File > Add Folder…"), self)
        self.status.setObjectName("libraryStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_page = QPushButton(self)
        self.previous_page.setText("◀")
        self.previous_page.setToolTip(tr("Newer briefings"))
        self.next_page = QPushButton(self)
        self.next_page.setText("▶")
        self.next_page.setToolTip(tr("Older briefings"))
        self.speaker_button = QPushButton(self)
        self.speaker_button.setObjectName("speakerPageButton")
        self.speaker_button.setText(tr("Speaker page"))
        self.history_button = QPushButton(self)
        self.history_button.setObjectName("figureHistoryButton")
        self.history_button.setText(tr("Figure history…"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.previous_page, self.next_page):
            button.setMaximumWidth(32)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.speaker_button)
        buttons.addWidget(self.history_button)
        self.results = LibraryResults(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("libraryProgress")
        self.progress.setFormat(tr("%v / %m files"))
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelIndexing")
        self.cancel_button.setText(tr("Cancel"))
        indexing = QHBoxLayout()
        indexing.setContentsMargins(0, 0, 0, 0)
        indexing.addWidget(self.progress, 1)
        indexing.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addLayout(indexing)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.results, 1)
        self._show_indexing(False)
        self._update_pager()
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)

    def _connect(self) -> None:
        self._debounce.timeout.connect(self._search_now)
        for field in (self.query, self.speaker, self.organization, self.date_from, self.date_to):
            field.textChanged.connect(self._search_soon)
        self.query.returnPressed.connect(self._search_now)
        self.kind.currentIndexChanged.connect(self._search_soon)
        self.source.currentIndexChanged.connect(self._search_soon)
        self.previous_page.clicked.connect(self._newer)
        self.next_page.clicked.connect(self._older)
        self.results.clicked.connect(self._open_result)
        self.results.activated.connect(self._open_result)
        self.results.customContextMenuRequested.connect(self._result_menu)
        self.speaker_button.clicked.connect(self._speaker_page_for_field)
        self.history_button.clicked.connect(self._history_for_field)
        self.cancel_button.clicked.connect(self.cancel_indexing)
        self._index_signals.progressed.connect(self._on_progress)
        self._index_signals.finished.connect(self._on_indexed)
        self._index_signals.failed.connect(self._on_index_failed)
        self._search_signals.found.connect(self._on_found)
        self._search_signals.contexts.connect(self._on_contexts)
        self._search_signals.failed.connect(self._on_search_failed)
        self.watch.fileChanged.connect(self._reindex_file)
        self.watch.folderChanged.connect(self._refresh_folder)

    # -- opening the library ---------------------------------------------------------------
    @Slot()
    def activate(self) -> Library:
        """Open the library (once), say what happened to a damaged index, refresh it."""
        if self.library is not None:
            return self.library
        self.library = Library(data_dir=data_dir())
        if self.library.rebuilt:
            messages.show_library_rebuilt(self, self.library.path, self.library.rebuilt,
                                          self.library.set_aside or "")
        self._fill_filter_lists()
        self._show_summary()
        if self.library.folders():
            self._start_index(None)
        return self.library

    def _reading_library(self) -> Library:
        """The search thread's own connection (made on that thread's first search)."""
        if self._reader is None:
            assert self.library is not None
            self._reader = self.library.reader()
        return self._reader

    def add_folder(self, folder: str) -> None:
        """Add ``folder`` and index it, showing files done / total."""
        self.activate()
        self._start_index(folder)

    def _start_index(self, folder: str | None, only_file: str | None = None) -> None:
        assert self.library is not None
        if self._indexing:
            if only_file is not None:
                self._queued_files.add(only_file)
            elif folder is not None:
                QTimer.singleShot(500, self, lambda: self._start_index(folder))
            return
        self._indexing = True
        self._cancel = threading.Event()
        if only_file is None:
            self._show_indexing(True)
            self.progress.setRange(0, 0)
            self.status.setText(tr("Looking for transcripts…"))
        job = IndexJob(self.library.path, folder, self._index_signals, self._cancel, only_file)
        self._index_pool.start(job)

    @Slot()
    def cancel_indexing(self) -> None:
        self._cancel.set()

    def _show_indexing(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(tr("Indexing {done} / {total} files…").format(done=done, total=total))

    @Slot(object)
    def _on_indexed(self, report: AddReport | None) -> None:
        self._indexing = False
        self._show_indexing(False)
        self._fill_filter_lists()
        self._show_summary(report)
        assert self.library is not None
        self.watch.watch(self.library.folders())
        if self.query.text().strip():
            self._search_now()
        if report is not None:
            self.indexingFinished.emit(report)
        if self._queued_files:
            self._start_index(None, only_file=self._queued_files.pop())

    @Slot(str)
    def _on_index_failed(self, reason: str) -> None:
        self._indexing = False
        self._show_indexing(False)
        self.status.setText(tr("Indexing stopped: {reason}").format(reason=reason))

    def _show_summary(self, report: AddReport | None = None) -> None:
        assert self.library is not None
        count, folders = self.library.document_count(), len(self.library.folders())
        text = tr("{documents} briefings in {folders} folders").format(documents=count, folders=folders)
        if report is not None and report.cancelled:
            text += " · " + tr("indexing cancelled")
        if report is not None and report.failed:
            text += " · " + tr("{n} files could not be read").format(n=len(report.failed))
        self.status.setText(text if folders else tr("Add a folder of transcripts: File > Add Folder…"))

    def _fill_filter_lists(self) -> None:
        assert self.library is not None
        values = self.library.filter_values()
        self.speaker.setCompleter(QCompleter(values["speakers"], self))
        self.organization.setCompleter(QCompleter(values["organizations"], self))
        current = self.source.currentData()
        self.source.blockSignals(True)
        while self.source.count() > 1:
            self.source.removeItem(1)
        for source in values["sources"]:
            self.source.addItem(source, source)
        index = self.source.findData(current)
        self.source.setCurrentIndex(max(0, index))
        self.source.blockSignals(False)

    @Slot(str)
    def _reindex_file(self, path: str) -> None:
        if self.library is not None:
            self._start_index(None, only_file=path)

    @Slot(str)
    def _refresh_folder(self, folder: str) -> None:
        if self.library is not None and not self._indexing:
            self._start_index(None)

    # -- searching -------------------------------------------------------------------------
    def filters(self) -> Filters:
        def bound(field: QLineEdit, end: bool) -> str | None:
            try:
                return date_bound(field.text(), end)
            except ValueError:
                return None

        return Filters(speaker=self.speaker.text().strip() or None, kind=self.kind.currentData() or None,
                       organization=self.organization.text().strip() or None,
                       date_from=bound(self.date_from, False), date_to=bound(self.date_to, True),
                       source=self.source.currentData() or None)

    @Slot()
    def _search_soon(self) -> None:
        self._page = 0
        self._debounce.start()

    @Slot()
    def _search_now(self) -> None:
        self._debounce.stop()
        if not self.query.text().strip():
            self._generation += 1
            self.results.results.clear()
            self._result = None
            self._update_pager()
            return
        self.activate()
        self._generation += 1
        self.status.setText(tr("Searching…"))
        self._search_pool.start(SearchJob(self._reading_library, self._generation, self.query.text(),
                                          self.filters(), self._page, self._search_signals,
                                          lambda: self._generation))

    def search(self, query: str) -> None:
        """Search ``query`` now (what typing in the field does, without the wait)."""
        self.query.setText(query)
        self._search_now()

    @Slot(int, object)
    def _on_found(self, generation: int, result: SearchResult) -> None:
        if generation != self._generation:
            return
        self._result = result
        self.results.show_result(result)
        briefings = len({h.doc_id for h in result.hits})
        self.status.setText(tr("{count} matching turns · page {page}: {briefings} briefings").format(
            count=f"{result.count:,}", page=result.page + 1, briefings=briefings))
        self._update_pager()
        self.resultsShown.emit(result.count)

    @Slot(int, object)
    def _on_contexts(self, generation: int, contexts: dict[int, Context]) -> None:
        if generation == self._generation:
            self.results.show_contexts(contexts)

    @Slot(int, str)
    def _on_search_failed(self, generation: int, reason: str) -> None:
        if generation == self._generation:
            self.status.setText(tr("Search failed: {reason}").format(reason=reason))

    def _update_pager(self) -> None:
        result = self._result
        self.previous_page.setEnabled(result is not None and result.page > 0)
        self.next_page.setEnabled(result is not None and result.more)

    @Slot()
    def _newer(self) -> None:
        if self._page > 0:
            self._page -= 1
            self._search_now()

    @Slot()
    def _older(self) -> None:
        self._page += 1
        self._search_now()

    def hits(self) -> tuple[Hit, ...]:
        return () if self._result is None else self._result.hits

    # -- going places ----------------------------------------------------------------------
    @Slot(QModelIndex)
    def _open_result(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if path and self._result is not None:
            self.openRequested.emit(str(path), int(index.data(OFFSET_ROLE) or 0), self._result.terms[0])

    def _result_menu(self, pos: QPoint) -> None:
        index = self.results.indexAt(pos)
        speaker = index.data(SPEAKER_ROLE) if index.isValid() else ""
        if not speaker:
            return
        menu = QMenu(self)
        action = menu.addAction(tr("Speaker page: {name}").format(name=speaker))
        action.triggered.connect(lambda: self.show_speaker(str(speaker)))
        menu.exec(self.results.viewport().mapToGlobal(pos))

    @Slot()
    def _speaker_page_for_field(self) -> None:
        name = self.speaker.text().strip()
        if not name:
            index = self.results.currentIndex()
            name = str(index.data(SPEAKER_ROLE) or "") if index.isValid() else ""
        if name:
            self.show_speaker(name)
        else:
            self.status.setText(tr("Type a speaker's name in the Speaker field, or select a result."))

    def show_speaker(self, name: str) -> SpeakerPageWindow | None:
        from reader.ui.speaker_page import SpeakerPageWindow

        page = self.activate().speaker(name)
        if page is None:
            self.status.setText(tr("No speaker called {name} in the library.").format(name=name))
            return None
        window = SpeakerPageWindow(page, self)
        window.openRequested.connect(self.openRequested)
        window.historyRequested.connect(self.show_figure_history)
        self._keep(window)
        return window

    @Slot()
    def _history_for_field(self) -> None:
        self.show_figure_history("")

    @Slot(str)
    def show_figure_history(self, indicator: str) -> FigureHistoryWindow:
        from reader.ui.figure_history import FigureHistoryWindow

        window = FigureHistoryWindow(self.activate(), indicator, self)
        window.openRequested.connect(self.openRequested)
        self._keep(window)
        return window

    def _keep(self, window: QWidget) -> None:
        self._pages = [p for p in self._pages if p.isVisible()]
        self._pages.append(window)
        window.show()
        window.raise_()

    def shutdown(self) -> None:
        """Stop indexing and wait for the threads (the window is closing)."""
        self._cancel.set()
        self._generation += 1
        self._index_pool.waitForDone(10_000)
        self._search_pool.waitForDone(5_000)
