"""The main window: the one place that creates the views and wires them together.

Views never talk to each other directly; each emits what the reader asked for
(an offset, a speaker, a figure) and this window decides what happens, one
``connect`` per line in :meth:`MainWindow._connect`.
"""

from __future__ import annotations

import gc
import os
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QPoint, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.model import Transcript
from reader.search.cursor import WrapCursor
from reader.ui import messages
from reader.ui.banner import BannerArea
from reader.ui.i18n import tr
from reader.ui.loader import DocumentLoader
from reader.ui.overview_strip import OverviewStrip
from reader.ui.platform_check import CJK_FONT_PACKAGE, has_cjk_font
from reader.ui.qt_values import PLAIN_TEXT, set_qt_property
from reader.ui.search_bar import SearchBar
from reader.ui.settings import AppSettings
from reader.ui.transcript_view import TranscriptView

if TYPE_CHECKING:  # PySide6 builds a class (and its enums) when first named: not at start-up
    from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
    from PySide6.QtWidgets import QTabWidget

    from reader.metrics.facts import PanelFacts
    from reader.ui.find_results import FindResults
    from reader.ui.metrics_panel import MetricsPanel
    from reader.ui.speaker_nav import QaOutline, SpeakerNav

PROGRESS_DELAY_MS = 250  # a load quicker than this shows no progress bar at all
OPEN_FILTER = "Transcripts (*.md *.markdown *.html *.htm *.txt);;All files (*)"
NAV_TAB, QA_TAB, RESULTS_TAB = 0, 1, 2
MATCH_ANCHOR = 0.3  # a match scrolled to sits this far down the view
FIRST_PAINT_WAIT_MS = 500  # a stepwise show waiting for the first paint goes on after this anyway
FINISH_STEP_CHARS = 60_000  # characters of a long document appended per event-loop turn


def prepare_off_thread(transcript: Transcript) -> PanelFacts:
    """What the loader's worker makes besides the model: the metrics panel's whole-document
    numbers (a pass over the text that would otherwise hold the GUI thread).

    Plain Python only. The document is not built here: a Qt call on a worker holds the GIL
    while it waits for Qt's object locks, and the GUI thread destroying a Python-made
    QObject holds such a lock while it waits for the GIL, a deadlock seen in CI (the
    worker in ``QObject.moveToThread``). The GUI thread builds the document in steps.
    """
    from reader.metrics.facts import panel_facts

    return panel_facts(transcript)


class MainWindow(QMainWindow):
    """Speaker navigation | transcript | metrics panel, with search above."""

    documentShown = Signal(str)  # path; emitted after a loaded transcript is on screen
    openFailed = Signal(str, str)  # path, reason

    def __init__(self, settings: AppSettings, loader: DocumentLoader | None = None,
                 show_dialogs: bool = True, defer_metrics_panel: bool = False,
                 defer_navigation: bool = False, defer_menus: bool = False) -> None:
        """``defer_metrics_panel``: create the panel just after the transcript is first painted
        (start-up: the transcript is what the reader waits for; charts may follow).
        ``defer_navigation``: the same for the speaker, Q&A and results tabs (their modules,
        widgets and first paint); a placeholder holds their place in the splitter.
        ``defer_menus``: the same for the menus' actions (and their shortcuts); the menu
        bar's titles are there from the start."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle(tr("Transcript Reader"))
        self.setAcceptDrops(True)
        self.settings = settings
        self.show_dialogs = show_dialogs
        self.loader = loader or DocumentLoader(parent=self)
        self.loader.setParent(self)
        self.transcript: Transcript | None = None
        self.path: str | None = None
        self._search_index = None  # reader.search.SearchIndex, built on the first search
        self._matches: list[tuple[int, int]] = []
        self._match_cursor = WrapCursor()
        self._current_turn: int | None = None
        self._pinned_turn: int | None = None
        self._restore_offset: int | None = None
        self._loading_path: str | None = None
        self.last_error: tuple[str, str] | None = None  # (path, reason) of the last failed open
        self._pending_steps: list[Callable[[], None]] = []  # the rest of a stepwise show
        self._steps_wait_for_paint = False  # the rest starts once the first screen is painted
        self._defer_metrics_panel = defer_metrics_panel
        self._defer_navigation = defer_navigation
        self._menus_filled = False
        # Timer objects, not QTimer.singleShot(ms, self, slot): that overload makes PySide6
        # build QMetaMethod's class before the first paint.
        self._menus_timer = QTimer(self, singleShot=True, interval=FIRST_PAINT_WAIT_MS)
        self._menus_timer.timeout.connect(self._fill_menus)
        self._paint_wait_timer = QTimer(self, singleShot=True, interval=FIRST_PAINT_WAIT_MS)
        self._paint_wait_timer.timeout.connect(self._start_waiting_steps)
        self._build_widgets()
        self._build_menus()
        if not defer_menus:
            self._fill_menus()
        self._connect()
        self._restore_settings()
        if not has_cjk_font():
            self.banners.show_banner("font", tr(
                "No Chinese font is installed, so Chinese text may show as boxes. "
                "Install one, e.g.: sudo apt install {package}").format(package=CJK_FONT_PACKAGE))

    # -- construction --------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search_bar = SearchBar(self)
        self.search_toolbar = QToolBar(tr("Search"), self)
        self.search_toolbar.setObjectName("searchToolbar")
        self.search_toolbar.setMovable(False)
        self.search_toolbar.addWidget(self.search_bar)
        self.addToolBar(self.search_toolbar)  # at the top; naming the area touches ``Qt``

        self.view = TranscriptView(self)
        self.view.setAcceptDrops(False)
        self.overview = OverviewStrip(self)
        self.banners = BannerArea(self)
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.banners)
        reading = QHBoxLayout()
        reading.setContentsMargins(0, 0, 0, 0)
        reading.setSpacing(0)
        reading.addWidget(self.view, 1)
        reading.addWidget(self.overview)
        centre_layout.addLayout(reading, 1)

        self.splitter = QSplitter()  # horizontal; QSplitter(self) tries (Qt.Orientation, parent) first
        self.splitter.setObjectName("mainSplitter")
        self.speaker_nav: SpeakerNav | None = None
        self.qa_outline: QaOutline | None = None
        self.find_results: FindResults | None = None
        self.nav_tabs: QTabWidget | None = None
        if self._defer_navigation:
            placeholder = QWidget(self)
            placeholder.setObjectName("navPlaceholder")
            self.splitter.addWidget(placeholder)
        else:
            self.splitter.addWidget(self._make_navigation())
        self.splitter.addWidget(centre)
        self.metrics_panel: MetricsPanel | None = None
        self._panel_facts: PanelFacts | None = None  # the shown transcript's, if made off-thread
        self._facts_requested: Transcript | None = None  # asked of the loader's thread, not yet back
        self._facts_failed: Transcript | None = None  # the loader's thread could not make them
        self._steps_wait_for_facts = False  # the stepwise show waits for the panel's numbers
        self._showing_stepwise = False
        if self._defer_metrics_panel:
            placeholder = QWidget(self)
            placeholder.setObjectName("metricsPlaceholder")
            placeholder.setMinimumWidth(200)
            self.splitter.addWidget(placeholder)
        else:
            self.attach_metrics_panel()
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([290, 760, 350])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("loadProgress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self)  # (text, parent) would make PySide6 try QIcon first: ~1 ms
        self.cancel_button.setText(tr("Cancel"))
        self.cancel_button.setObjectName("cancelLoad")
        self.status_label = QLabel("", self)
        set_qt_property(self.status_label, "textFormat", PLAIN_TEXT)  # file names may look like markup
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_progress_visible(False)
        self._progress_delay = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self.watcher = QFileSystemWatcher(self)

    def _make_navigation(self) -> QTabWidget:
        from reader.ui.find_results import FindResults  # not needed for the first paint
        from reader.ui.speaker_nav import QaOutline, SpeakerNav

        self.speaker_nav = SpeakerNav(self)
        self.qa_outline = QaOutline(self)
        self.find_results = FindResults(self)
        from PySide6.QtWidgets import QTabWidget

        self.nav_tabs = QTabWidget(self)
        self.nav_tabs.setObjectName("navTabs")
        self.nav_tabs.addTab(self.speaker_nav, tr("Speakers"))
        self.nav_tabs.addTab(self.qa_outline, tr("Q&&A"))  # && shows one &, not a shortcut
        self.nav_tabs.addTab(self.find_results, tr("Results"))
        self.find_results.matchActivated.connect(self.go_to_match)
        self.speaker_nav.offsetActivated.connect(self.go_to_turn_at)
        self.qa_outline.offsetActivated.connect(self.go_to_turn_at)
        return self.nav_tabs

    def attach_navigation(self) -> QTabWidget:
        """Create the navigation tabs in their placeholder's place (same size) if start-up
        deferred them, and show the current document and search in them."""
        if self.nav_tabs is not None:
            return self.nav_tabs
        tabs = self._make_navigation()
        placeholder = self.findChild(QWidget, "navPlaceholder")
        if placeholder is not None:
            sizes = self.splitter.sizes()
            self.splitter.replaceWidget(self.splitter.indexOf(placeholder), tabs)
            self.splitter.setSizes(sizes)
            placeholder.deleteLater()
        else:
            self.splitter.insertWidget(0, tabs)
        self.splitter.setStretchFactor(0, 0)
        if self.transcript is not None:
            self._show_speakers()
            self._show_questions_and_overview()
            self._update_match_counts()
            self._set_current_turn(self._current_turn)
        return tabs

    def _action(self, text: str, slot: object, *shortcuts: QKeySequence | str,
                name: str | None = None) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence  # made after the first paint at start-up

        action = QAction(self)  # like the cancel button: no (text, parent), which tries QIcon first
        action.setText(text)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        # Qt.ShortcutContext.WindowShortcut is an action's default context (a test checks it)
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        """The menu bar and its titles; :meth:`_fill_menus` adds the actions."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(tr("&File"))
        self.file_menu.setObjectName("fileMenu")
        self.view_menu = bar.addMenu(tr("&View"))
        self.view_menu.setObjectName("viewMenu")
        self.go_menu = bar.addMenu(tr("&Go"))
        self.go_menu.setObjectName("goMenu")
        self.recent_menu = QMenu(tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recentMenu")

    @Slot()
    def _fill_menus(self) -> None:
        """The menus' actions and shortcuts (at start-up just after the first paint: about 3 ms)."""
        if self._menus_filled:
            return
        self._menus_filled = True
        from PySide6.QtGui import QKeySequence

        file_menu, view_menu, go_menu = self.file_menu, self.view_menu, self.go_menu
        file_menu.addAction(self._action(tr("&Open…"), self.choose_file, QKeySequence.StandardKey.Open,
                                         name="openAction"))
        file_menu.addMenu(self.recent_menu)
        self.reload_action = self._action(tr("&Reload"), self.reload, "F5", name="reloadAction")
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        self.export_action = self._action(tr("&Export figures…"), self.export_figures,
                                          name="exportFiguresAction")
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(tr("&Quit"), self.close, "Ctrl+Q", name="quitAction"))

        view_menu.addAction(self._action(tr("Zoom &In"), self.view.zoom_in_reading, "Ctrl+=", "Ctrl++",
                                         name="zoomInAction"))
        view_menu.addAction(self._action(tr("Zoom &Out"), self.view.zoom_out_reading, "Ctrl+-",
                                         name="zoomOutAction"))
        view_menu.addAction(self._action(tr("&Reset Zoom"), self.view.zoom_reset_reading, "Ctrl+0",
                                         name="zoomResetAction"))

        go_menu.addAction(self._action(tr("&Find"), self.search_bar.focus_field,
                                       QKeySequence.StandardKey.Find, name="findAction"))
        go_menu.addAction(self._action(tr("Find &Next"), self.next_match, "F3", name="findNextAction"))
        go_menu.addAction(self._action(tr("Find &Previous"), self.previous_match, "Shift+F3",
                                       name="findPreviousAction"))
        go_menu.addAction(self._action(tr("Find &All"), self.find_all, "Ctrl+Shift+F", name="findAllAction"))
        go_menu.addSeparator()
        go_menu.addAction(self._action(tr("Next &Turn"), self.next_turn, "Alt+Down", name="nextTurnAction"))
        go_menu.addAction(self._action(tr("Previous T&urn"), self.previous_turn, "Alt+Up",
                                       name="previousTurnAction"))
        go_menu.addAction(self._action(tr("Same Speaker's Next Turn"), self.next_turn_same_speaker,
                                       "Alt+Right", name="nextSpeakerTurnAction"))
        go_menu.addAction(self._action(tr("Same Speaker's Previous Turn"), self.previous_turn_same_speaker,
                                       "Alt+Left", name="previousSpeakerTurnAction"))
        self._update_recent_menu()

    def _connect(self) -> None:
        self.search_bar.queryChanged.connect(self.search)
        self.search_bar.nextRequested.connect(self.next_match)
        self.search_bar.previousRequested.connect(self.previous_match)
        self.search_bar.findAllRequested.connect(self.find_all)
        self.overview.offsetActivated.connect(self.go_to_offset)
        self.view.visibleRangeChanged.connect(self._on_visible_range)
        self.view.figureMenuRequested.connect(self.show_figure_menu)
        self.view.transcriptPainted.connect(self._on_transcript_painted)
        self.view.linkRequested.connect(self.open_link)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.loader.cancelled.connect(self._on_load_cancelled)
        self.loader.prepared.connect(self._on_prepared)
        self.loader.progressed.connect(self._on_progress)
        self.cancel_button.clicked.connect(self.loader.cancel)
        self._progress_delay.timeout.connect(self._show_progress)
        self.recent_menu.aboutToShow.connect(self._update_recent_menu)
        self.watcher.fileChanged.connect(self._on_file_changed)

    # -- the metrics panel (created at once, or just after the first paint) -------------------
    def attach_metrics_panel(self) -> MetricsPanel:
        """Create the metrics panel, put it in its place, wire it and show the document in it."""
        if self.metrics_panel is not None:
            return self.metrics_panel
        from reader.ui.metrics_panel import MetricsPanel  # its charts are not needed for first paint

        panel = MetricsPanel(self)
        panel.setObjectName("metricsPanel")
        placeholder = self.findChild(QWidget, "metricsPlaceholder")
        if placeholder is not None:
            self.splitter.replaceWidget(self.splitter.indexOf(placeholder), panel)
            placeholder.deleteLater()
        else:
            self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(2, 0)
        self.metrics_panel = panel
        self._connect_metrics_panel(panel)
        if self.transcript is not None:
            if self._panel_facts_ready() or not self._defer_metrics_panel:
                self._fill_metrics_panel()
            else:
                self._request_panel_facts()  # the panel fills when they come back
        return panel

    def _fill_metrics_panel(self) -> None:
        """Show the current transcript in the panel (its numbers are computed here if not ready)."""
        panel = self.metrics_panel
        if panel is None or self.transcript is None:
            return
        if panel.transcript is not self.transcript:
            panel.set_transcript(self.transcript, self._panel_facts if self._panel_facts_ready() else None)
        panel.set_search_spans(self._matches)
        panel.set_visible_range(*self.view.visible_range())

    def _panel_facts_ready(self) -> bool:
        return self._panel_facts is not None and self._panel_facts.transcript is self.transcript

    def _request_panel_facts(self) -> None:
        """Have the loader's thread compute the panel's numbers for the shown transcript, once.

        Start-up loads the model alone (the first paint must not share the GIL with this
        pass) and asks for them after the first paint; on a large file this pass takes
        tenths of a second, which must not hold the window.
        """
        shown = self.transcript
        if shown is None or self._panel_facts_ready() or shown is self._facts_requested \
                or shown is self._facts_failed:
            return
        self._facts_requested = self.transcript
        self.loader.prepare(self.transcript, prepare_off_thread)

    @Slot(object, object)
    def _on_prepared(self, transcript: object, facts: object) -> None:
        if transcript is not self.transcript:
            return  # another document was opened meanwhile
        self._facts_requested = None
        from reader.metrics.facts import PanelFacts

        if isinstance(facts, PanelFacts):
            self._panel_facts = facts
        else:  # it failed (and said why on stderr): the panel computes them itself, once
            self._facts_failed = transcript
        if self._steps_wait_for_facts:
            self._steps_wait_for_facts = False
            QTimer.singleShot(0, self, self._run_next_step)  # the panel's step, now ready
        elif self.metrics_panel is not None:
            self._fill_metrics_panel()

    def _connect_metrics_panel(self, panel: MetricsPanel) -> None:
        panel.offsetActivated.connect(self.go_to_offset)
        panel.figureActivated.connect(self.go_to_figure)
        panel.speakerActivated.connect(self.go_to_speaker)

    @Slot()
    def _on_transcript_painted(self) -> None:
        if self.nav_tabs is None:
            QTimer.singleShot(0, self, self.attach_navigation)  # after this paint, not inside it
        self._start_waiting_steps()
        if not self._menus_filled:
            QTimer.singleShot(0, self, self._fill_menus)  # after this paint, not inside it
        self._request_panel_facts()  # computed on the loader's thread while the rest is shown
        if self.metrics_panel is None:
            QTimer.singleShot(0, self, self.attach_metrics_panel)  # after this paint, not inside it

    def _metrics_panel_now(self) -> MetricsPanel:
        """The panel with the current transcript in it, for a user's action that needs it now."""
        panel = self.attach_metrics_panel()
        if self.transcript is not None and panel.transcript is not self.transcript:
            self._fill_metrics_panel()
        return panel

    @Slot()
    def export_figures(self) -> None:
        self._metrics_panel_now().export_figures()

    @Slot(int, QPoint)
    def show_figure_menu(self, figure_index: int, global_pos: QPoint) -> None:
        self._metrics_panel_now().show_figure_menu(figure_index, global_pos)

    # -- settings ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        splitter = self.settings.splitter_state
        self._splitter_restored = splitter is not None and self.splitter.restoreState(splitter)
        self.view.set_zoom_steps(self.settings.zoom)

    def showEvent(self, event: QShowEvent) -> None:
        """On a first run, share the width by proportion: a small screen keeps a readable centre."""
        super().showEvent(event)
        if not self._menus_filled:  # a slow first load: the menus need not wait for its paint
            self._menus_timer.start()
        if not self._splitter_restored:
            self._splitter_restored = True
            width = self.splitter.width()
            left, right = min(300, int(width * 0.2)), min(380, max(300, int(width * 0.26)))
            self.splitter.setSizes([left, width - left - right, right])

    def save_settings(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.zoom = self.view.zoom_steps
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.loader.shutdown()
        super().closeEvent(event)

    # -- opening -------------------------------------------------------------------------
    @Slot()
    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # here: its Python type costs ~1 ms at start-up

        start = os.path.dirname(self.path) if self.path else os.path.expanduser("~")
        path, _ = QFileDialog.getOpenFileName(self, tr("Open transcript"), start, OPEN_FILTER)
        if path:
            self.open_file(path)

    def open_file(self, path: str, keep_position: bool = False) -> int:
        """Start loading ``path`` in the background; the current document stays until it is ready."""
        self._restore_offset = self.view.top_offset() if keep_position and self.transcript else None
        generation = self.loader.start(path, prepare=prepare_off_thread)
        self.track_load(path)
        return generation

    def track_load(self, path: str) -> None:
        """Show a load the loader is running (started here, or before the window existed)."""
        self._loading_path = path
        self.status_label.setText(tr("Opening {name}…").format(name=os.path.basename(path)))
        self.progress.setValue(0)
        self._progress_delay.start()

    @Slot()
    def reload(self) -> None:
        if self.path:
            self.banners.remove_banner("changed")
            self.open_file(self.path, keep_position=True)

    def _set_progress_visible(self, visible: bool) -> None:
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)

    @Slot()
    def _show_progress(self) -> None:
        if self.loader.busy:
            self._set_progress_visible(True)

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))

    def _end_loading(self) -> None:
        self._progress_delay.stop()
        self._set_progress_visible(False)
        self._loading_path = None

    @Slot(str, object, object)
    def _on_loaded(self, path: str, transcript: object, facts: object) -> None:
        assert isinstance(transcript, Transcript)
        if facts is not None:
            from reader.metrics.facts import PanelFacts

            facts = facts if isinstance(facts, PanelFacts) else None
        self._end_loading()
        self.show_transcript(transcript, path, stepwise=True, facts=facts)

    @Slot(str, str)
    def _on_load_failed(self, path: str, reason: str) -> None:
        self._end_loading()
        self.attach_navigation()  # deferred at start-up for a first paint that will not come
        self._fill_menus()
        self._restore_offset = None
        self.last_error = (path, reason)
        self.status_label.setText(tr("Could not open {name}").format(name=os.path.basename(path)))
        self.openFailed.emit(path, reason)
        if self.show_dialogs:
            messages.show_open_error(self, path, reason)

    @Slot(str)
    def _on_load_cancelled(self, path: str) -> None:
        self._end_loading()
        self.attach_navigation()
        self._fill_menus()
        self._restore_offset = None
        self.status_label.setText(tr("Opening {name} was cancelled").format(name=os.path.basename(path)))

    def show_transcript(self, transcript: Transcript, path: str | None = None,
                        stepwise: bool = False,
                        facts: PanelFacts | None = None) -> None:
        """Put a loaded transcript on screen (every view), replacing the previous one.

        ``stepwise``: the text first, then the navigation, the metrics panel and the search
        each in a later turn of the event loop, so no single step holds the window long
        (a large file loaded in the background). ``documentShown`` ends either way.
        ``facts``: the metrics panel's numbers, computed off the GUI thread by the loader.
        """
        self._panel_facts = facts
        self._showing_stepwise = stepwise
        self._steps_wait_for_facts = False
        # Stepwise, only the first screen is built before the first paint, the rest in later
        # turns (a restored position needs it all at once).
        first_screen = (stepwise and self._restore_offset is None
                        and self.view.isVisible())
        self._show_text(transcript, path, first_screen_only=first_screen)
        steps = [self._show_speakers, self._show_questions_and_overview, self._show_in_metrics_panel,
                 self._finish_showing]
        self._steps_wait_for_paint = False
        if stepwise:
            self._pending_steps = [self._finish_document_step, *steps] if first_screen else steps
            if first_screen:
                self._steps_wait_for_paint = True
                self._paint_wait_timer.start()  # goes on anyway if the view is never painted
            else:
                QTimer.singleShot(0, self, self._run_next_step)  # dropped if the window is deleted first
            return
        self._pending_steps = []
        for step in steps:
            step()

    def _finish_document_step(self) -> None:
        """Append the next part of a document shown first screen first; again next turn if more remains."""
        if self.view.finish_document(FINISH_STEP_CHARS):
            self._pending_steps.insert(0, self._finish_document_step)

    @Slot()
    def _start_waiting_steps(self) -> None:
        if self._steps_wait_for_paint:
            self._steps_wait_for_paint = False
            QTimer.singleShot(0, self, self._run_next_step)  # after this paint, not inside it

    @Slot()
    def _run_next_step(self) -> None:
        if self._pending_steps:
            self._pending_steps.pop(0)()
        if self._pending_steps and not self._steps_wait_for_facts:
            QTimer.singleShot(0, self, self._run_next_step)  # dropped if the window is deleted first

    def _show_text(self, transcript: Transcript, path: str | None, first_screen_only: bool = False) -> None:
        restore = self._restore_offset
        self._restore_offset = None
        self.transcript = transcript
        self._search_index = None
        self._matches = []
        self._match_cursor = WrapCursor()
        self._current_turn = self._pinned_turn = None
        self.view.set_transcript(transcript, first_screen_only=first_screen_only)
        self._watch(path)
        self.path = path
        title = transcript.meta.title or (os.path.basename(path) if path else "")
        self.setWindowTitle(f"{title} — {tr('Transcript Reader')}" if title else tr("Transcript Reader"))
        self.status_label.setText(tr("{speakers} speakers · {turns} turns · {figures} figures").format(
            speakers=len(transcript.speakers), turns=len(transcript.turns), figures=len(transcript.figures)))
        if transcript.warnings:
            self.banners.show_banner("warnings", tr("Read with warnings: {text}").format(
                text="; ".join(transcript.warnings)))
        else:
            self.banners.remove_banner("warnings")
        self.banners.remove_banner("deleted")
        if restore is not None:
            self.view.scroll_to_offset(min(restore, len(transcript.text)))

    def _show_speakers(self) -> None:
        if self.transcript is not None and self.speaker_nav is not None and self.find_results is not None:
            self.speaker_nav.set_transcript(self.transcript)
            self.find_results.clear()

    def _show_questions_and_overview(self) -> None:
        if self.transcript is not None:
            if self.qa_outline is not None:
                self.qa_outline.set_transcript(self.transcript)
            self.overview.set_transcript(self.transcript)

    def _show_in_metrics_panel(self) -> None:
        """A step of a stepwise show: waits (the steps pause) while the loader's thread
        computes the panel's numbers; they come with the model except at start-up."""
        if self.transcript is None:
            return
        if (self._showing_stepwise and not self._panel_facts_ready()
                and self._facts_failed is not self.transcript):
            self._request_panel_facts()
            self._steps_wait_for_facts = True
            self._pending_steps.insert(0, self._show_in_metrics_panel)  # again once they are back
            return
        self._fill_metrics_panel()

    def _finish_showing(self) -> None:
        if self.path:
            # Here, not with the text: QSettings writes its file in the next event-loop
            # turn, which at start-up would come before the first paint.
            self.settings.add_recent_file(self.path)
            self._update_recent_menu()
        if self.search_bar.query.strip():
            self.search(self.search_bar.query)
        # The model lives as long as the document is shown and holds no reference cycles;
        # freezing it spares the cyclic collector from walking it again at every keystroke
        # (on a 2 MB transcript that walk was most of a search's time).
        gc.freeze()
        self.documentShown.emit(self.path or "")

    def _watch(self, path: str | None) -> None:
        watched = self.watcher.files()
        if watched:
            self.watcher.removePaths(watched)
        if path and os.path.isfile(path):
            self.watcher.addPath(path)

    @Slot(str)
    def _on_file_changed(self, path: str) -> None:
        if path != self.path:
            return
        if os.path.exists(path):
            if path not in self.watcher.files():  # editors replace the file: watch the new one
                self.watcher.addPath(path)
            self.banners.show_banner("changed", tr("The file changed on disk."),
                                     [(tr("Reload"), self.reload)])
        else:
            self.banners.show_banner("deleted", tr(
                "The file was deleted or moved. The document stays open as it was."))

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        for path in files:
            action = self.recent_menu.addAction(path.replace("&", "&&"))  # "&&" shows one "&"
            action.setData(path)
            action.triggered.connect(self._open_recent)
        self.recent_menu.setEnabled(bool(files))

    @Slot()
    def _open_recent(self) -> None:
        from PySide6.QtGui import QAction

        action = self.sender()
        if isinstance(action, QAction) and action.data():
            self.open_file(str(action.data()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_file(url.toLocalFile())
                event.acceptProposedAction()
                return

    @Slot(str)
    def open_link(self, url: str) -> None:
        """Links open in the system browser only after the reader saw the address."""
        if messages.confirm_open_link(self, url):
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(url))

    # -- going places --------------------------------------------------------------------
    @Slot(int)
    def go_to_offset(self, offset: int) -> None:
        self._pinned_turn = None
        self.view.scroll_to_offset(offset)
        self._update_current_turn(offset)

    @Slot(int)
    def go_to_turn_at(self, offset: int) -> None:
        """Scroll to a turn (or any offset) and mark the turn there as current."""
        if self.transcript is None:
            return
        turn = self.transcript.turn_at(offset)
        self.view.scroll_to_offset(offset)
        self._pinned_turn = None if turn is None else turn.index
        self._set_current_turn(None if turn is None else turn.index)

    def go_to_turn(self, index: int) -> None:
        if self.transcript is not None and 0 <= index < len(self.transcript.turns):
            self.go_to_turn_at(self.transcript.turns[index].start)

    @Slot(int)
    def go_to_figure(self, index: int) -> None:
        if self.transcript is None or not 0 <= index < len(self.transcript.figures):
            return
        figure = self.transcript.figures[index]
        self.go_to_offset(figure.start)
        self.view.flash(figure.start, figure.end)

    @Slot(str)
    def go_to_speaker(self, speaker_id: str) -> None:
        if self.transcript is None:
            return
        for turn in self.transcript.turns:
            if turn.speaker == speaker_id:
                self.go_to_turn(turn.index)
                return

    def _turn_starts(self, speaker_id: str | None = None) -> list[int]:
        if self.transcript is None:
            return []
        return [t.start for t in self.transcript.turns if speaker_id is None or t.speaker == speaker_id]

    def _step_turn(self, forward: bool, same_speaker: bool) -> None:
        if self.transcript is None or not self.transcript.turns:
            return
        current = self._current_turn
        speaker = None
        if same_speaker:
            if current is None:
                return
            speaker = self.transcript.turns[current].speaker
        starts = self._turn_starts(speaker)
        here = self.transcript.turns[current].start if current is not None else self.view.top_offset()
        cursor = WrapCursor(starts)
        if current is not None and here in starts:
            cursor.index = starts.index(here)
        index = cursor.next(from_offset=here) if forward else cursor.prev(from_offset=here)
        if index is not None:
            self.go_to_turn_at(starts[index])

    @Slot()
    def next_turn(self) -> None:
        self._step_turn(forward=True, same_speaker=False)

    @Slot()
    def previous_turn(self) -> None:
        self._step_turn(forward=False, same_speaker=False)

    @Slot()
    def next_turn_same_speaker(self) -> None:
        self._step_turn(forward=True, same_speaker=True)

    @Slot()
    def previous_turn_same_speaker(self) -> None:
        self._step_turn(forward=False, same_speaker=True)

    @property
    def current_turn(self) -> int | None:
        return self._current_turn

    def _set_current_turn(self, index: int | None) -> None:
        self._current_turn = index
        turn = None if index is None or self.transcript is None else self.transcript.turns[index]
        self.view.set_current_turn(None if turn is None else turn.start)
        if self.speaker_nav is not None:
            self.speaker_nav.select_turn(index)

    def _update_current_turn(self, offset: int) -> None:
        if self.transcript is None:
            return
        turn = self.transcript.turn_at(offset)
        self._set_current_turn(None if turn is None else turn.index)

    @Slot(int, int)
    def _on_visible_range(self, start: int, end: int) -> None:
        """The current turn follows the scroll position (a turn just jumped to stays current)."""
        if self.metrics_panel is not None:
            self.metrics_panel.set_visible_range(start, end)
        self.overview.set_visible_range(start, end)
        if self.transcript is None:
            return
        pinned = self._pinned_turn
        if pinned is not None:
            turn = self.transcript.turns[pinned]
            if turn.start <= end and turn.end > start:
                return
            self._pinned_turn = None
        self._update_current_turn(start)

    # -- search --------------------------------------------------------------------------
    @property
    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    @property
    def current_match(self) -> int | None:
        return self._match_cursor.index

    @Slot(str)
    def search(self, query: str) -> None:
        """Find every match, paint them, and make the first one at or after the reader current."""
        if self.transcript is None:
            return
        if not query.strip():
            self._show_matches([], None)
            return
        if self._search_index is None:
            from reader.search.index import SearchIndex

            self._search_index = SearchIndex(self.transcript.text)
        spans = [(m.start, m.end) for m in self._search_index.find_all(query)]
        anchor = self._matches[self._match_cursor.index][0] if self._match_cursor.index is not None \
            else self.view.top_offset()
        self._show_matches(spans, anchor)

    def _show_matches(self, spans: list[tuple[int, int]], anchor: int | None) -> None:
        self._matches = spans
        self._match_cursor = WrapCursor([s for s, _ in spans])
        self.view.set_search_matches(spans)
        self.overview.set_matches(self._match_cursor.positions)
        if self.metrics_panel is not None:
            self.metrics_panel.set_search_spans(spans)
        self._update_match_counts()
        if (self.nav_tabs is not None and self.find_results is not None
                and self.nav_tabs.currentIndex() == RESULTS_TAB and self.transcript is not None):
            self.find_results.show_matches(self.transcript, spans)
        if not spans:
            self.view.set_current_match(None)
            self.search_bar.set_status(None, 0 if anchor is not None else None)
            return
        self._match_cursor.first_at_or_after(anchor or 0)
        self._show_current_match()

    def _update_match_counts(self) -> None:
        """Matches per turn and per speaker: two bisects per turn, not a lookup per match."""
        per_speaker: dict[str, int] = {}
        per_turn: dict[int, int] = {}
        if self.transcript is not None and self._matches:
            starts = self._match_cursor.positions
            for turn in self.transcript.turns:
                count = bisect_left(starts, turn.end) - bisect_left(starts, turn.start)
                if count:
                    per_turn[turn.index] = count
                    per_speaker[turn.speaker] = per_speaker.get(turn.speaker, 0) + count
        if self.speaker_nav is not None:
            self.speaker_nav.set_match_counts(per_speaker, per_turn)

    def _show_current_match(self) -> None:
        index = self._match_cursor.index
        if index is None:
            return
        span = self._matches[index]
        self.view.set_current_match(span)
        if not self.view.is_on_screen(span[0]):  # as browsers do: no jump when it is in sight
            self.view.scroll_to_offset(span[0], anchor=MATCH_ANCHOR)
        self._pinned_turn = None
        self._update_current_turn(span[0])
        self.search_bar.set_status(index, len(self._matches))

    @Slot()
    def next_match(self) -> None:
        self.search_bar.flush()
        if self._match_cursor.next(self.view.top_offset()) is not None:
            self._show_current_match()

    @Slot()
    def previous_match(self) -> None:
        self.search_bar.flush()
        if self._match_cursor.prev(self.view.top_offset()) is not None:
            self._show_current_match()

    @Slot(int)
    def go_to_match(self, index: int) -> None:
        if 0 <= index < len(self._matches):
            self._match_cursor.index = index
            self._show_current_match()

    @Slot()
    def find_all(self) -> None:
        """List every match with its context in the Results tab."""
        self.search_bar.flush()
        if self.transcript is None:
            return
        if not self.search_bar.query.strip():
            self.search_bar.focus_field()
            return
        tabs = self.attach_navigation()
        assert self.find_results is not None
        self.find_results.show_matches(self.transcript, self._matches)
        tabs.setCurrentIndex(RESULTS_TAB)
