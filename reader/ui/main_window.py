"""The main window: the composition root that creates the panes and wires them together.

Panes never talk to each other directly; each emits what the reader asked for (an offset,
a speaker, a figure) and this window decides what happens, one ``connect`` per line in
:meth:`MainWindow._connect`. The state lives in three small objects the window owns:
``session`` (the open document and its load, ``reader.ui.session``), ``search_session``
(the matches, ``reader.ui.search_session``) and ``reading`` (the current turn,
``reader.ui.reading``). Start-up's tricks are in ``reader.ui.startup``; the panes that
start-up defers are made by :meth:`attach_navigation` and :meth:`attach_metrics_panel`.

Why this module is long: it is the composition root (house rule 3), so every pane is made
and every connection is made here, and every action the menus and panes ask for has its
slot here: a few lines each that route it to the state object and the panes it concerns.
The state and the work live in the modules named above; what remains is routing, which
split over several files would hide the one picture of the window this file gives.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSplitter, QToolBar, QVBoxLayout, QWidget

from reader.model import Transcript
from reader.ui import messages
from reader.ui.banner import BannerArea
from reader.ui.i18n import tr
from reader.ui.load_progress import LoadProgress
from reader.ui.loader import DocumentLoader
from reader.ui.menus import WindowMenus
from reader.ui.overview_strip import OverviewStrip
from reader.ui.platform_check import CJK_FONT_PACKAGE, has_cjk_font
from reader.ui.preview import BeginningPreview
from reader.ui.reading import ReadingPosition
from reader.ui.search_bar import SearchBar
from reader.ui.search_session import SearchSession, Span
from reader.ui.session import DocumentSession
from reader.ui.settings import AppSettings
from reader.ui.startup import PLAIN_TEXT, set_qt_property
from reader.ui.steps import FIRST_PAINT_WAIT_MS, StepQueue
from reader.ui.transcript_view import TranscriptView

if TYPE_CHECKING:  # PySide6 builds a class (and its enums) when first named: not at start-up
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent

    from reader.metrics.facts import PanelFacts
    from reader.ui.find_results import FindResults
    from reader.ui.metrics_panel import MetricsPanel
    from reader.ui.navigation_tabs import NavigationTabs
    from reader.ui.speaker_nav import QaOutline, SpeakerNav

MIN_USABLE_WIDTH, MIN_USABLE_HEIGHT = 640, 420  # a saved window smaller than this is not restored
OPEN_FILTER = "Transcripts (*.md *.markdown *.html *.htm *.txt);;All files (*)"
RESULTS_TAB = 2  # reader.ui.navigation_tabs.RESULTS_TAB (not imported before the first paint)
MATCH_ANCHOR = 0.3  # a match scrolled to sits this far down the view
FINISH_STEP_CHARS = 60_000  # characters of a long document appended per event-loop turn


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
        self.session = DocumentSession(loader, self)
        self.loader = self.session.loader
        self.search_session = SearchSession(self)
        self.reading = ReadingPosition(self)
        self.steps = StepQueue(self)
        # What a big document's search shows once it has every match (the metrics panel's
        # marks, the speakers' counts, the Results tab): one per event-loop turn, dropped
        # when a new search or document comes.
        self.search_steps = StepQueue(self)
        self._restore_offset: int | None = None
        self._library_target: tuple[str, int, str] | None = None  # path, offset, term to show there
        self._stepwise = False
        self._defer_metrics_panel = defer_metrics_panel
        self._defer_navigation = defer_navigation
        self._menus_timer = QTimer(self, singleShot=True, interval=FIRST_PAINT_WAIT_MS)
        self._menus_timer.timeout.connect(self._fill_menus)
        self._build_widgets()
        self.menus = WindowMenus(self)
        self.file_menu, self.view_menu, self.go_menu = self.menus.file, self.menus.view, self.menus.go
        self.recent_menu = self.menus.recent
        if not defer_menus:
            self._fill_menus()
        self._connect()
        self._fitted_on_show = False
        self._restore_settings()
        if not has_cjk_font():
            self.banners.show_banner("font", tr(
                "No Chinese font is installed, so Chinese text may show as boxes. "
                "Install one, e.g.: sudo apt install {package}").format(package=CJK_FONT_PACKAGE))

    # -- what tests and tools read (the parts' state, under the names it always had) ----------
    @property
    def transcript(self) -> Transcript | None:
        return self.session.transcript

    @property
    def path(self) -> str | None:
        return self.session.path

    @property
    def last_error(self) -> tuple[str, str] | None:
        return self.session.last_error

    @property
    def matches(self) -> list[Span]:
        return self.search_session.matches

    @property
    def current_match(self) -> int | None:
        return self.search_session.current

    @property
    def current_turn(self) -> int | None:
        return self.reading.current_turn

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
        self.preview = BeginningPreview(self.view, reading)
        centre_layout.addLayout(reading, 1)

        self.splitter = QSplitter()  # horizontal; QSplitter(self) tries (Qt.Orientation, parent) first
        self.splitter.setObjectName("mainSplitter")
        self.nav_tabs: NavigationTabs | None = None
        self.speaker_nav: SpeakerNav | None = None
        self.qa_outline: QaOutline | None = None
        self.find_results: FindResults | None = None
        self._matches_pending_for_finish = False  # a background search: the counts, Find All when done
        self._match_target: int | None = None  # go to the match at this offset when the search ends
        self.splitter.addWidget(self._placeholder("navPlaceholder") if self._defer_navigation
                                else self._make_navigation())
        self.splitter.addWidget(centre)
        self.metrics_panel: MetricsPanel | None = None
        if self._defer_metrics_panel:
            self.splitter.addWidget(self._placeholder("metricsPlaceholder", min_width=200))
        else:
            self.attach_metrics_panel()
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([290, 760, 350])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel("", self)
        set_qt_property(self.status_label, "textFormat", PLAIN_TEXT)  # file names may look like markup
        self.load_progress = LoadProgress(self)
        self.progress, self.cancel_button = self.load_progress.bar, self.load_progress.cancel_button
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.load_progress)

    def _placeholder(self, name: str, min_width: int = 0) -> QWidget:
        placeholder = QWidget(self)
        placeholder.setObjectName(name)
        if min_width:
            placeholder.setMinimumWidth(min_width)
        return placeholder

    def _replace_placeholder(self, name: str, widget: QWidget, index: int) -> None:
        placeholder = self.findChild(QWidget, name)
        if placeholder is not None:
            sizes = self.splitter.sizes()
            self.splitter.replaceWidget(self.splitter.indexOf(placeholder), widget)
            self.splitter.setSizes(sizes)
            placeholder.deleteLater()
        else:
            self.splitter.insertWidget(index, widget)
        self.splitter.setStretchFactor(index, 0)

    def _make_navigation(self) -> NavigationTabs:
        from reader.ui.navigation_tabs import NavigationTabs  # not needed for the first paint

        self.nav_tabs = NavigationTabs(self)
        self.speaker_nav, self.qa_outline = self.nav_tabs.speaker_nav, self.nav_tabs.qa_outline
        self.find_results = self.nav_tabs.find_results
        self.nav_tabs.matchActivated.connect(self.go_to_match)
        self.nav_tabs.offsetActivated.connect(self.go_to_turn_at)
        self.nav_tabs.library_pane.openRequested.connect(self.open_at)
        self.speaker_nav.libraryRequested.connect(self.show_speaker_across_library)
        return self.nav_tabs

    def attach_navigation(self) -> NavigationTabs:
        """Create the navigation tabs in their placeholder's place (same size) if start-up
        deferred them, and show the current document and search in them."""
        if self.nav_tabs is not None:
            return self.nav_tabs
        tabs = self._make_navigation()
        self._replace_placeholder("navPlaceholder", tabs, 0)
        if self.transcript is not None:
            self._show_speakers()
            self._show_questions_and_overview()
            self._show_match_counts()
            self.reading.refresh()
        return tabs

    def attach_metrics_panel(self) -> MetricsPanel:
        """Create the metrics panel, put it in its place, wire it and show the document in it."""
        if self.metrics_panel is not None:
            return self.metrics_panel
        from reader.ui.metrics_panel import MetricsPanel  # its charts are not needed for first paint

        panel = MetricsPanel(self)
        panel.setObjectName("metricsPanel")
        self._replace_placeholder("metricsPlaceholder", panel, 2)
        self.metrics_panel = panel
        panel.offsetActivated.connect(self.go_to_offset)
        panel.figureActivated.connect(self.go_to_figure)
        panel.speakerActivated.connect(self.go_to_speaker)
        if self.transcript is not None:
            if self.session.facts() is not None or not self._defer_metrics_panel:
                self._fill_metrics_panel()
            else:
                self.session.request_facts()  # the panel fills when they come back
        return panel

    @Slot()
    def _fill_menus(self) -> None:
        """The menus' actions and shortcuts (at start-up just after the first paint: about 3 ms)."""
        if not self.menus.filled:
            self.menus.fill(self)
            self._update_recent_menu()

    def _connect(self) -> None:
        self.search_bar.queryChanged.connect(self.search)
        self.search_bar.nextRequested.connect(self.next_match)
        self.search_bar.previousRequested.connect(self.previous_match)
        self.search_bar.findAllRequested.connect(self.find_all)
        self.search_session.matchesChanged.connect(self._on_matches)
        self.search_session.matchesAdded.connect(self._on_matches_added)
        self.search_session.finished.connect(self._on_search_finished)
        self.search_session.currentChanged.connect(self._on_current_match)
        self.reading.currentTurnChanged.connect(self._on_current_turn)
        self.overview.offsetActivated.connect(self.go_to_offset)
        self.view.visibleRangeChanged.connect(self._on_visible_range)
        self.view.figureMenuRequested.connect(self.show_figure_menu)
        self.view.transcriptPainted.connect(self._on_transcript_painted)
        self.view.linkRequested.connect(self.open_link)
        self.session.loadStarted.connect(self._on_load_started)
        self.session.progressed.connect(self.load_progress.set_fraction)
        self.session.previewed.connect(self._on_previewed)
        self.session.loaded.connect(self._on_loaded)
        self.session.failed.connect(self._on_load_failed)
        self.session.cancelled.connect(self._on_load_cancelled)
        self.session.factsReady.connect(self._on_facts_ready)
        self.session.fileChanged.connect(self._on_file_changed)
        self.session.fileDeleted.connect(self._on_file_deleted)
        self.documentShown.connect(self._show_library_target)
        self.openFailed.connect(self._forget_library_target)
        self.load_progress.cancelRequested.connect(self.session.cancel)
        self.menus.recent.aboutToShow.connect(self._update_recent_menu)

    # -- settings ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry) or not self._usable_size():
            self.resize(1400, 900)
        self._fit_to_screen()
        self._restored_size = self.size()
        splitter = self.settings.splitter_state
        self._splitter_restored = splitter is not None and self.splitter.restoreState(splitter)
        self.view.set_zoom_steps(self.settings.zoom)

    def _usable_size(self) -> bool:
        """A saved size a reader can work in (an offscreen render once saved 428x314)."""
        return self.width() >= MIN_USABLE_WIDTH and self.height() >= MIN_USABLE_HEIGHT

    def _fit_to_screen(self) -> None:
        """Keep the window on the screen it opens on: a geometry saved on a bigger or another
        screen is shrunk and moved into this one's available area."""
        area = self.screen().availableGeometry()
        if area.isEmpty():
            return
        frame = self.frameGeometry()  # the window manager's frame, once shown
        extra_width, extra_height = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), area.width() - extra_width)
        height = min(self.height(), area.height() - extra_height)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
        y = min(max(frame.top(), area.top()), area.bottom() - frame.height() + 1)
        if (x, y) != (frame.left(), frame.top()):
            self.move(max(x, area.left()), max(y, area.top()))

    def showEvent(self, event: QShowEvent) -> None:
        """On a first run, share the width by proportion: a small screen keeps a readable centre."""
        super().showEvent(event)
        if not self._fitted_on_show:
            self._fitted_on_show = True
            if self.size() == self._restored_size:  # not resized on purpose since (--size, tests)
                self._fit_to_screen()  # again, now that the frame's size is known
        if not self.menus.filled:  # a slow first load: the menus need not wait for its paint
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
        self.search_session.cancel()
        self.session.shutdown()
        if self.nav_tabs is not None:
            self.nav_tabs.library_pane.shutdown()
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
        return self.session.open(path)

    def track_load(self, path: str) -> None:
        """Show a load the loader is running (started before the window existed)."""
        self.session.track(path)

    # -- the library -----------------------------------------------------------------------
    @Slot()
    def add_library_folder(self) -> None:
        """File > Add Folder to Library…: index a folder of transcripts (off the GUI thread)."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, tr("Add a folder of transcripts to the library"),
                                                  os.path.expanduser("~"))
        if folder:
            self.attach_navigation().show_library().add_folder(folder)

    @Slot(str)
    def show_speaker_across_library(self, name: str) -> None:
        """A speaker's page across the library (from the speakers list)."""
        self.attach_navigation().show_library().show_speaker(name)

    @Slot(str, int, str)
    def open_at(self, path: str, offset: int, term: str) -> None:
        """Show ``path`` scrolled to ``offset`` with ``term`` searched and the match there
        current (a library result): at once if it is open, else when it has loaded."""
        self._library_target = (path, offset, term)
        if self.transcript is not None and self.path and _same_file(self.path, path):
            self._show_library_target(path)
        else:
            self.open_file(path)

    @Slot(str)
    def _show_library_target(self, path: str) -> None:
        target = self._library_target
        if target is None or not _same_file(target[0], path):
            return
        self._library_target = None
        _, offset, term = target
        self.go_to_turn_at(offset)
        self.search_bar.field.setText(term)
        self.search_bar.flush()  # searches now, not after the typing pause
        if self.search_session.running:
            self._match_target = offset  # when the background search is complete
        else:
            self._go_to_match_at(offset)

    def _go_to_match_at(self, offset: int) -> None:
        import bisect

        starts = self.search_session.match_starts
        index = bisect.bisect_left(starts, offset)
        if index < len(starts):
            self.go_to_match(index)

    @Slot(str, str)
    def _forget_library_target(self, path: str, _reason: str) -> None:
        if self._library_target is not None and _same_file(self._library_target[0], path):
            self._library_target = None

    @Slot()
    def reload(self) -> None:
        if self.path:
            self.banners.remove_banner("changed")
            self.open_file(self.path, keep_position=True)

    @Slot(str)
    def _on_load_started(self, path: str) -> None:
        self.status_label.setText(tr("Opening {name}…").format(name=os.path.basename(path)))
        self.load_progress.start()

    @Slot(str, object)
    def _on_previewed(self, path: str, beginning: Transcript) -> None:
        """A big file's beginning, to read while the rest is parsed (not for a reload, which
        keeps the reader's place in the document already shown)."""
        if self._restore_offset is not None:
            return
        self.preview.show(path, beginning)
        self.status_label.setText(tr("Showing the beginning of {name} while the rest is read…").format(
            name=os.path.basename(path)))

    def _end_preview(self) -> None:
        """The window's own view back in place; a preview scrolled by the reader is where the
        whole document opens (its beginning has the same text at the same offsets)."""
        offset = self.preview.end()
        if offset is not None and self._restore_offset is None:
            self._restore_offset = offset

    @Slot(str, object, object)
    def _on_loaded(self, path: str, transcript: Transcript, facts: PanelFacts | None) -> None:
        self.load_progress.end()
        self._end_preview()
        self.show_transcript(transcript, path, stepwise=True, facts=facts)

    def _after_failed_start(self) -> None:
        """What start-up deferred for a first paint that will not come."""
        self.preview.end()
        self.load_progress.end()
        self.attach_navigation()
        self._fill_menus()
        self._restore_offset = None

    @Slot(str, str)
    def _on_load_failed(self, path: str, reason: str) -> None:
        self._after_failed_start()
        self.status_label.setText(tr("Could not open {name}").format(name=os.path.basename(path)))
        self.openFailed.emit(path, reason)
        if self.show_dialogs:
            messages.show_open_error(self, path, reason)

    @Slot(str)
    def _on_load_cancelled(self, path: str) -> None:
        self._after_failed_start()
        self.status_label.setText(tr("Opening {name} was cancelled").format(name=os.path.basename(path)))

    @Slot(str)
    def _on_file_changed(self, _path: str) -> None:
        self.banners.show_banner("changed", tr("The file changed on disk."), [(tr("Reload"), self.reload)])

    @Slot(str)
    def _on_file_deleted(self, _path: str) -> None:
        self.banners.show_banner("deleted", tr(
            "The file was deleted or moved. The document stays open as it was."))

    # -- showing a document ----------------------------------------------------------------
    def show_transcript(self, transcript: Transcript, path: str | None = None,
                        stepwise: bool = False, facts: PanelFacts | None = None) -> None:
        """Put a loaded transcript on screen (every view), replacing the previous one.

        ``stepwise``: the text first, then the navigation, the metrics panel and the search
        each in a later turn of the event loop, so no single step holds the window long
        (a large file loaded in the background). ``documentShown`` ends either way.
        ``facts``: the metrics panel's numbers, computed off the GUI thread by the loader.
        """
        # Stepwise, only the first screen is built before the first paint, the rest in later
        # turns (a restored position needs it all at once).
        first_screen = stepwise and self._restore_offset is None and self.view.isVisible()
        self.search_steps.start([], after_paint=False)
        self._show_text(transcript, path, facts, first_screen_only=first_screen)
        steps = [self._show_speakers, self._show_questions_and_overview, self._show_in_metrics_panel,
                 self._finish_showing]
        self._stepwise = stepwise
        if stepwise:
            self.steps.start([self._finish_document_step, *steps] if first_screen else steps,
                             after_paint=first_screen)
        else:
            self.steps.run_now(steps)

    def _show_text(self, transcript: Transcript, path: str | None, facts: PanelFacts | None,
                   first_screen_only: bool = False) -> None:
        restore = self._restore_offset
        self._restore_offset = None
        self.session.show(transcript, path, facts)
        self.search_session.set_transcript(transcript)
        self.reading.set_transcript(transcript)
        self.view.set_transcript(transcript, first_screen_only=first_screen_only)
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

    def _finish_document_step(self) -> None:
        """Append the next part of a document shown first screen first; again next turn if more remains."""
        if self.view.finish_document(FINISH_STEP_CHARS):
            self.steps.again_first(self._finish_document_step)

    def _show_speakers(self) -> None:
        if self.transcript is not None and self.nav_tabs is not None:
            self.nav_tabs.show_speakers(self.transcript)

    def _show_questions_and_overview(self) -> None:
        if self.transcript is not None:
            if self.nav_tabs is not None:
                self.nav_tabs.show_questions(self.transcript)
            self.overview.set_transcript(self.transcript)

    def _show_in_metrics_panel(self) -> None:
        """A step that waits (the queue holds) while the loader's thread computes the panel's
        numbers; they come with the model except at start-up."""
        if self.transcript is None:
            return
        if self._stepwise and self.session.facts() is None and not self.session.facts_failed():
            self.session.request_facts()
            self.steps.hold(self._show_in_metrics_panel)  # again once they are back
            return
        self._fill_metrics_panel()

    def _fill_metrics_panel(self) -> None:
        """Show the current transcript in the panel (its numbers are computed here if not ready)."""
        panel = self.metrics_panel
        if panel is None or self.transcript is None:
            return
        if panel.transcript is not self.transcript:
            panel.set_transcript(self.transcript, self.session.facts())
        panel.set_search_spans(self.search_session.matches)
        panel.set_visible_range(*self.view.visible_range())

    @Slot(object)
    def _on_facts_ready(self, _transcript: Transcript) -> None:
        if self.steps.held:
            self.steps.release()  # the panel's step, now ready
        elif self.metrics_panel is not None:
            self._fill_metrics_panel()

    def _finish_showing(self) -> None:
        if self.path:
            # Here, not with the text: QSettings writes its file in the next event-loop
            # turn, which at start-up would come before the first paint.
            title = self.transcript.meta.title if self.transcript is not None else None
            self.settings.add_recent_file(self.path, title)
            self._update_recent_menu()
        if self.search_bar.query.strip():
            self.search(self.search_bar.query)
        self.documentShown.emit(self.path or "")

    @Slot()
    def _on_transcript_painted(self) -> None:
        if self.nav_tabs is None:
            QTimer.singleShot(0, self, self.attach_navigation)  # after this paint, not inside it
        self.steps.painted()
        if not self.menus.filled:
            QTimer.singleShot(0, self, self._fill_menus)  # after this paint, not inside it
        self.session.request_facts()  # computed on the loader's thread while the rest is shown
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
        """Export every figure; the dialog starts where the user last exported (else their
        documents folder, never beside the bundled sample), and the status bar says what went where."""
        from PySide6.QtCore import QStandardPaths

        folder = self.settings.export_dir
        if not folder or not os.path.isdir(folder):
            folder = (QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                      or os.path.expanduser("~"))
        written = self._metrics_panel_now().export_figures(folder)
        if written is not None:
            path, count = written
            self.settings.export_dir = os.path.dirname(path)
            self.status_label.setText(tr("Exported {n} figures to {path}").format(n=count, path=path))

    @Slot(int, QPoint)
    def show_figure_menu(self, figure_index: int, global_pos: QPoint) -> None:
        self._metrics_panel_now().show_figure_menu(figure_index, global_pos)

    def _update_recent_menu(self) -> None:
        self.menus.show_recent(self.settings.recent_files, self._open_recent, self.settings.recent_titles)

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
        self.view.scroll_to_offset(offset)
        self.reading.follow(offset)

    @Slot(int)
    def go_to_turn_at(self, offset: int) -> None:
        """Scroll to a turn (or any offset) and mark the turn there as current."""
        if self.transcript is None:
            return
        self.view.scroll_to_offset(offset)
        self.reading.jump_to(offset)

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
        turns = self.transcript.turns
        first = next((i for i in range(len(turns)) if turns.speaker_of(i) == speaker_id), None)
        if first is not None:
            self.go_to_turn(first)

    def _step_turn(self, forward: bool, same_speaker: bool) -> None:
        target = self.reading.step_target(forward, same_speaker, self.view.top_offset())
        if target is not None:
            self.go_to_turn_at(target)

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

    @Slot(object)
    def _on_current_turn(self, index: int | None) -> None:
        transcript = self.transcript
        turn = None if index is None or transcript is None else transcript.turns[index]
        self.view.set_current_turn(None if turn is None else turn.start)
        if self.speaker_nav is not None:
            self.speaker_nav.select_turn(index)

    @Slot(int, int)
    def _on_visible_range(self, start: int, end: int) -> None:
        """The current turn follows the scroll position (a turn just jumped to stays current)."""
        if self.metrics_panel is not None:
            self.metrics_panel.set_visible_range(start, end)
        self.overview.set_visible_range(start, end)
        self.reading.follow_visible(start, end)

    # -- search --------------------------------------------------------------------------
    @Slot(str)
    def search(self, query: str) -> None:
        """Find every match, paint them, and make the first one at or after the reader current."""
        self.search_session.search(query, self.view.top_offset())

    @Slot(object)
    def _on_matches(self, spans: list[Span]) -> None:
        self.search_steps.start([], after_paint=False)  # the last search's are stale now
        self.view.set_search_matches(spans)
        self.overview.set_matches(self.search_session.match_starts)
        if self.search_session.running:
            self._matches_pending_for_finish = True
            if self.metrics_panel is not None:
                self.metrics_panel.set_search_spans([])  # not the last query's until these are all found
            if self.speaker_nav is not None:
                self.speaker_nav.hide_match_counts()  # nor its counts beside the speakers
            if self.find_results is not None and self.nav_tabs is not None and self.nav_tabs.results_shown():
                self.find_results.clear()  # nor its list in the Results tab
            self._show_search_status()
            return  # the rest when the matches are complete (``_on_search_finished``)
        self._after_all_matches(spans)

    @Slot(object)
    def _on_matches_added(self, spans: list[Span]) -> None:
        """More matches of a background search: paint them, the count grows."""
        self.view.add_search_matches(spans)
        self.overview.add_matches([s for s, _ in spans])
        self._show_search_status()

    @Slot()
    def _on_search_finished(self) -> None:
        self._show_search_status()
        if self._matches_pending_for_finish:
            self._matches_pending_for_finish = False
            # In later turns: this one already painted the last matches and jumped to the
            # current one (a re-cut of the view's window); all of it at once held a big
            # document's window 50-170 ms after a keystroke.
            self.search_steps.start(self._after_all_matches_steps(self.search_session.matches),
                                    after_paint=False)
        target, self._match_target = self._match_target, None
        if target is not None:
            self._go_to_match_at(target)

    def _after_all_matches(self, spans: list[Span]) -> None:
        for step in self._after_all_matches_steps(spans):
            step()

    def _after_all_matches_steps(self, spans: list[Span]) -> list[Callable[[], None]]:
        return [partial(self._show_search_in_panel, spans), self._show_match_counts,
                partial(self._list_matches, spans)]

    def _show_search_in_panel(self, spans: list[Span]) -> None:
        if self.metrics_panel is not None:
            self.metrics_panel.set_search_spans(spans)

    def _list_matches(self, spans: list[Span]) -> None:
        if self.nav_tabs is not None and self.nav_tabs.results_shown() and self.transcript is not None:
            self.nav_tabs.find_results.show_matches(self.transcript, spans)

    def _show_match_counts(self) -> None:
        if self.speaker_nav is not None and self.transcript is not None:
            counts = self.search_session.counts
            if counts is None:
                from reader.search.index import match_counts  # with the folding tables: not at start-up

                counts = match_counts(self.transcript.turns, self.search_session.match_starts)
            self.speaker_nav.set_match_counts(*counts)

    def _show_search_status(self) -> None:
        """``n / N`` in the search bar; ``n / N…`` while a background search still counts."""
        session = self.search_session
        total = session.match_count if session.query else None
        self.search_bar.set_status(session.current, total, counting=session.running)

    @Slot(object)
    def _on_current_match(self, span: Span | None) -> None:
        index = self.search_session.current
        if span is None or index is None:
            self.view.set_current_match(None)
            self._show_search_status()
            return
        self.view.set_current_match(span)
        if not self.view.is_on_screen(span[0]):  # as browsers do: no jump when it is in sight
            self.view.scroll_to_offset(span[0], anchor=MATCH_ANCHOR)
        # Pinned: the match's turn stays current while it is on screen, even when the match sits
        # low in the view and the scroll position's turn is the one before.
        self.reading.jump_to(span[0])
        self._show_search_status()

    @Slot()
    def next_match(self) -> None:
        self.search_bar.flush()
        self.search_session.next(self.view.top_offset())

    @Slot()
    def previous_match(self) -> None:
        self.search_bar.flush()
        self.search_session.previous(self.view.top_offset())

    @Slot(int)
    def go_to_match(self, index: int) -> None:
        self.search_session.go_to(index)

    @Slot()
    def find_all(self) -> None:
        """List every match with its context in the Results tab."""
        self.search_bar.flush()
        if self.transcript is None:
            return
        if not self.search_bar.query.strip():
            self.search_bar.focus_field()
            return
        # Those found so far; a background search lists them all when it is done
        # (``_after_all_matches``: the Results tab is in front).
        self.attach_navigation().show_results(self.transcript, self.search_session.matches)


def _same_file(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)
