"""The Library tab: search every briefing added, with filters; results by briefing, then speaker.

The pane builds and runs itself: it opens the library (``reader.library.Library``) the
first time it is shown or a folder is added (a library from an earlier session opens a
moment after start-up, so its folders are watched). Opening runs on the indexing thread, as
it can upgrade the schema, wait for a lock or set a damaged file aside; what was asked
meanwhile (a search, a folder to add, a speaker page) runs once it is open. The pane
refreshes the library off the GUI thread, shows
the indexing's progress (files done / total, Cancel), and watches the folders
(``reader.ui.library_watch``) to re-read a file that changed. Searches run on a pool thread
with their own connection; contexts, which are read from the briefings themselves, follow
into the results tree (``reader.ui.library_results``).
It says what the reader wants with signals: open a briefing at a turn with the term
highlighted (``openRequested``); speaker pages and figure histories are its own windows.

Why this module is long: it is the tab's one state machine (the library opened once, one
indexing at a time with edits and folder changes queued behind it, searches by generation
so a late answer never replaces a newer one, paging); its widgets, filters, results tree,
jobs and watcher are in their own modules.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QPoint, QStandardPaths, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.library.library import Context, Library
from reader.library.records import AddReport, Filters, Hit, SearchResult, SpeakerPage
from reader.ui import messages
from reader.ui.i18n import tr
from reader.ui.library_filters import LibraryFilters
from reader.ui.library_jobs import (
    IndexJob,
    IndexOutcome,
    IndexSignals,
    OpenedLibrary,
    OpenJob,
    OpenSignals,
    QueryJob,
    QuerySignals,
    SearchJob,
    SearchSignals,
)
from reader.ui.library_results import OFFSET_ROLE, PATH_ROLE, SPEAKER_ROLE, LibraryResults
from reader.ui.library_watch import LibraryWatch

if TYPE_CHECKING:
    from reader.ui.figure_history import FigureHistoryWindow

SEARCH_DEBOUNCE_MS = 250
ACTIVATE_AFTER_MS = 2000  # an existing library opens this long after the window


def data_dir() -> str:
    """Qt's application data directory (the library's index lives there)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)


class LibraryPane(QWidget):
    """The Library tab."""

    openRequested = Signal(str, int, str)  # path, offset in its text, the term to highlight
    indexingFinished = Signal(object)  # AddReport
    resultsShown = Signal(int)  # the exact count of matching turns
    pageShown = Signal(QWidget)  # a speaker page or a figure history window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.library: Library | None = None
        self._opening = False
        self._after_open: list[tuple[str, Callable[[], None]]] = []  # (what, action) asked before it opened
        self._shut = threading.Event()  # the window closed: an opening that ends later closes its library
        self._reader: Library | None = None
        self._generation = 0
        self._page = 0
        self._result: SearchResult | None = None
        self._cancel = threading.Event()
        self._indexing = False
        self._queued_files: set[str] = set()
        self._refresh_queued = False  # a folder changed while indexing ran: re-check after it
        self._closed = False  # shut down with the window: late signals find nothing to update
        self._pages: list[QWidget] = []
        self._index_pool = QThreadPool(self)
        self._index_pool.setMaxThreadCount(1)
        self._search_pool = QThreadPool(self)
        self._search_pool.setMaxThreadCount(1)
        # Questions (speaker pages, figure histories, suggestions) on a thread and connection
        # of their own: behind a search, they waited for its contexts (the first page's
        # briefings read through the model cache: ~2 s after indexing, when none is cached).
        self._question_pool = QThreadPool(self)
        self._question_pool.setMaxThreadCount(1)
        self._asker: Library | None = None
        self._open_signals = OpenSignals(self)
        self._index_signals = IndexSignals(self)
        self._search_signals = SearchSignals(self)
        self._query_signals = QuerySignals(self)
        self._token = 0
        self._waiting: dict[int, tuple[Callable[[Any], None], QObject | None]] = {}
        self.watch = LibraryWatch(self)
        self._build()
        self._connect()
        if os.path.exists(Library.path_for(data_dir())):
            QTimer.singleShot(ACTIVATE_AFTER_MS, self, self._activate_unless_closed)

    def _build(self) -> None:
        self.query = QLineEdit(self)
        self.query.setObjectName("libraryQuery")
        self.query.setPlaceholderText(tr("Search every briefing: 台湾, 诈骗…"))
        self.query.setClearButtonEnabled(True)
        self.filter_fields = LibraryFilters(self)
        fields = self.filter_fields
        self.speaker, self.kind, self.organization = fields.speaker, fields.kind, fields.organization
        self.source, self.date_from, self.date_to = fields.source, fields.date_from, fields.date_to
        self.status = QLabel(tr("Add a folder of transcripts: File > Add Folder…"), self)
        self.status.setObjectName("libraryStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_page = self._button("◀", "newerPage", tr("Newer briefings"))
        self.next_page = self._button("▶", "olderPage", tr("Older briefings"))
        self.speaker_button = self._button(tr("Speaker page"), "speakerPageButton")
        self.history_button = self._button(tr("Figure history…"), "figureHistoryButton")
        # Narrow enough for the navigation's start-up width: the pager beside the status line,
        # the two page buttons on a line of their own.
        status_line = QHBoxLayout()
        status_line.setContentsMargins(0, 0, 0, 0)
        status_line.addWidget(self.status, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.previous_page, self.next_page):
            button.setMaximumWidth(32)
            status_line.addWidget(button)
        buttons.addWidget(self.speaker_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        self.results = LibraryResults(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("libraryProgress")
        self.progress.setFormat(tr("%v / %m files"))
        self.cancel_button = self._button(tr("Cancel"), "cancelIndexing")
        indexing = QHBoxLayout()
        indexing.setContentsMargins(0, 0, 0, 0)
        indexing.addWidget(self.progress, 1)
        indexing.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.query)
        layout.addWidget(self.filter_fields)
        layout.addLayout(indexing)
        layout.addLayout(status_line)
        layout.addLayout(buttons)
        layout.addWidget(self.results, 1)
        self._show_indexing(False)
        self._update_pager()
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)

    def _button(self, text: str, name: str, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    def _connect(self) -> None:
        self._debounce.timeout.connect(self._search_now)
        self.query.textChanged.connect(self._search_soon)
        self.filter_fields.changed.connect(self._search_soon)
        self.query.returnPressed.connect(self._search_now)
        self.previous_page.clicked.connect(self._newer)
        self.next_page.clicked.connect(self._older)
        self.results.clicked.connect(self._open_result)
        self.results.activated.connect(self._open_result)
        self.results.customContextMenuRequested.connect(self._result_menu)
        self.speaker_button.clicked.connect(self._speaker_page_for_field)
        self.history_button.clicked.connect(self._history_for_field)
        self.cancel_button.clicked.connect(self.cancel_indexing)
        self._open_signals.opened.connect(self._on_opened)
        self._open_signals.failed.connect(self._on_open_failed)
        self._index_signals.progressed.connect(self._on_progress)
        self._index_signals.finished.connect(self._on_indexed)
        self._index_signals.failed.connect(self._on_index_failed)
        self._search_signals.found.connect(self._on_found)
        self._search_signals.contexts.connect(self._on_contexts)
        self._search_signals.failed.connect(self._on_search_failed)
        self._query_signals.answered.connect(self._on_answer)
        self._query_signals.failed.connect(self._on_question_failed)
        self.watch.fileChanged.connect(self._reindex_file)
        self.watch.folderChanged.connect(self._refresh_folder)

    # -- opening the library ---------------------------------------------------------------
    @Slot()
    def activate(self) -> None:
        """Start opening the library (once) on the indexing thread; ``_on_opened`` goes on."""
        if self.library is not None or self._opening or self._closed:
            return
        self._opening = True
        self.status.setText(tr("Opening the library…"))
        self._index_pool.start(OpenJob(data_dir(), self._open_signals, self._shut))

    def _when_open(self, what: str, action: Callable[[], None]) -> None:
        """Run ``action`` now if the library is open, else once it is (each ``what`` once)."""
        if self._closed:
            return
        if self.library is not None:
            action()
            return
        self._after_open = [(w, a) for w, a in self._after_open if w != what] + [(what, action)]
        self.activate()

    @Slot(object)
    def _on_opened(self, opened: OpenedLibrary) -> None:
        """Say what happened to a damaged index, refresh the folders, run what was asked."""
        self._opening = False
        if self._closed:
            opened.library.close()
            return
        library = self.library = opened.library
        if library.rebuilt:
            messages.show_library_rebuilt(self, library.path, library.rebuilt, library.set_aside or "")
        self._show_summary(opened.documents, len(opened.folders))
        if opened.folders:  # the refresh's outcome fills the filter lists and starts the watcher
            self._start_index(None)
        waiting, self._after_open = self._after_open, []
        for _what, action in waiting:
            action()

    @Slot(str)
    def _on_open_failed(self, reason: str) -> None:
        """The index could not be opened nor made (a data folder that cannot be written):
        say so; the next search or folder tries again."""
        self._opening = False
        self._after_open = []
        self._show_indexing(False)
        self.status.setText(tr("The library could not be opened: {reason}").format(reason=reason))

    @Slot()
    def _activate_unless_closed(self) -> None:
        if not self._closed:
            self.activate()

    def _reading_library(self) -> Library:
        """The search thread's own connection (made on that thread's first search)."""
        if self._reader is None:
            assert self.library is not None
            self._reader = self.library.reader()
        return self._reader

    def _asking_library(self) -> Library:
        """The question thread's own connection (made on its first question)."""
        if self._asker is None:
            assert self.library is not None
            self._asker = self.library.reader()
        return self._asker

    def add_folder(self, folder: str) -> None:
        """Add ``folder`` and index it, showing files done / total."""
        if self.library is None and not self._closed:
            self._show_indexing(True)  # at once: the click was heard, the library is opening
            self.progress.setRange(0, 0)
        self._when_open("add " + folder, lambda: self._start_index(folder))

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
        if self.library is None:  # still opening: the folders asked for are not added
            self._after_open = [(w, a) for w, a in self._after_open if not w.startswith("add ")]
            self._show_indexing(False)

    def _show_indexing(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(tr("Indexing {done} / {total} files…").format(done=done, total=total))

    @Slot(object)
    def _on_indexed(self, outcome: IndexOutcome) -> None:
        self._indexing = False
        if self._closed:
            return
        report = outcome.report
        self._show_indexing(False)
        self.filter_fields.offer(outcome.filter_values)
        self._show_summary(outcome.documents, len(outcome.folders), report)
        self.watch.watch(outcome.watch_dirs, outcome.watch_files)
        if self.query.text().strip():
            self._search_now()
        if report is not None:
            self.indexingFinished.emit(report)
        if self._refresh_queued:
            self._refresh_queued = False
            self._queued_files.clear()  # the refresh re-checks them too
            self._start_index(None)
        elif self._queued_files:
            self._start_index(None, only_file=self._queued_files.pop())

    @Slot(str)
    def _on_index_failed(self, reason: str) -> None:
        self._indexing = False
        self._show_indexing(False)
        self.status.setText(tr("Indexing stopped: {reason}").format(reason=reason))

    def _show_summary(self, count: int, folders: int, report: AddReport | None = None) -> None:
        text = tr("{documents} briefings in {folders} folders").format(documents=count, folders=folders)
        if report is not None and report.cancelled:
            text += " · " + tr("indexing cancelled")
        if report is not None and report.failed:
            text += " · " + tr("{n} files could not be read").format(n=len(report.failed))
        self.status.setText(text if folders else tr("Add a folder of transcripts: File > Add Folder…"))

    @Slot(str)
    def _reindex_file(self, path: str) -> None:
        if self.library is not None:
            self._start_index(None, only_file=path)

    @Slot(str)
    def _refresh_folder(self, folder: str) -> None:
        if self.library is None:
            return
        if self._indexing:
            self._refresh_queued = True
        else:
            self._start_index(None)

    # -- searching -------------------------------------------------------------------------
    def filters(self) -> Filters:
        return self.filter_fields.filters()

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
        if self._closed:
            return
        if self.library is None:
            self._when_open("search", self._search_now)
            return
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

    def ask(self, question: Callable[[Library], object], then: Callable[[Any], None],
            receiver: QObject | None = None) -> None:
        """Ask the library on the search thread; ``then(answer)`` runs here when it comes,
        unless ``receiver`` (the window that asked) was closed and deleted meanwhile."""
        if self._closed:
            return
        if self.library is None:
            self._token += 1  # each question waits for the library on its own
            self._when_open(f"ask {self._token}", lambda: self.ask(question, then, receiver))
            return
        self._token += 1
        self._waiting[self._token] = (then, receiver)
        self._question_pool.start(QueryJob(self._asking_library, self._token, question, self._query_signals))

    @Slot(int, object)
    def _on_answer(self, token: int, answer: object) -> None:
        then, receiver = self._waiting.pop(token, (None, None))
        if then is not None and (receiver is None or shiboken6.isValid(receiver)):
            then(answer)

    @Slot(int, str)
    def _on_question_failed(self, token: int, reason: str) -> None:
        self._waiting.pop(token, None)
        self.status.setText(tr("Search failed: {reason}").format(reason=reason))

    def show_speaker(self, name: str) -> None:
        """Open ``name``'s speaker page when the library has answered (``pageShown``)."""
        self.ask(lambda library: library.speaker(name), lambda page: self._show_speaker_page(name, page))

    def _show_speaker_page(self, name: str, page: SpeakerPage | None) -> None:
        from reader.ui.speaker_page import SpeakerPageWindow

        if page is None:
            self.status.setText(tr("No speaker called {name} in the library.").format(name=name))
            return
        window = SpeakerPageWindow(page, self)
        window.openRequested.connect(self.openRequested)
        window.historyRequested.connect(self.show_figure_history)
        self._keep(window)

    @Slot()
    def _history_for_field(self) -> None:
        self.show_figure_history("")

    @Slot(str)
    def show_figure_history(self, indicator: str) -> FigureHistoryWindow:
        from reader.ui.figure_history import FigureHistoryWindow

        window = FigureHistoryWindow(self.ask, indicator, self)
        window.openRequested.connect(self.openRequested)
        self._keep(window)
        return window

    def _keep(self, window: QWidget) -> None:
        self._pages = [p for p in self._pages if shiboken6.isValid(p) and p.isVisible()]
        self._pages.append(window)
        window.show()
        window.raise_()
        self.pageShown.emit(window)

    def shutdown(self) -> None:
        """Stop indexing, wait for the threads and close the index (the window is closing)."""
        self._closed = True
        self._shut.set()
        self._after_open = []
        self._cancel.set()
        self._generation += 1
        self._waiting.clear()
        for page in self._pages:
            if shiboken6.isValid(page):  # a page closed earlier is already deleted (WA_DeleteOnClose)
                page.close()
        self._pages = []
        self._index_pool.waitForDone(10_000)
        self._search_pool.waitForDone(5_000)
        self._question_pool.waitForDone(5_000)
        # The threads are done with them: close the connections now rather than leave them to
        # the garbage collector (an unclosed SQLite connection keeps the WAL and -shm files).
        for library in (self._reader, self._asker, self.library):
            if library is not None:
                library.close()
        self._reader = self._asker = self.library = None
