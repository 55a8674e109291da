"""The right-hand metrics panel: summary, small charts and the figures table.

Interface the main window wires (keep it stable):
- ``set_transcript(transcript, facts=None)``: show a newly loaded document; ``facts``
  (``reader.metrics.facts``, computed off the GUI thread) spare the panel that pass.
- ``set_search_spans(spans)``: ``[(start, end), ...]`` of the current search matches.
- ``set_visible_range(start, end)``: the text offsets now on screen.
- ``show_figure_menu(figure_index, global_pos)``: the context menu for a figure
  right-clicked in the transcript.
- ``export_figures()``: File > Export figures.
- Signals ``offsetActivated(int)`` (scroll to a text offset), ``figureActivated(int)``
  (scroll to a figure by index and flash it), ``speakerActivated(str)`` (a speaker id).

Start-up: this module does not import pyqtgraph. The summary and the figures table are
filled at once; the charts (``reader.ui.charts``) are created just after the panel's first
paint, so the transcript appears without waiting for pyqtgraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.metrics.facts import PanelFacts, panel_facts
from reader.metrics.series import FAMILIES, Summary, family_series
from reader.model import Transcript
from reader.ui.chart_import import import_charts, when_imported
from reader.ui.figure_export import ask_and_export, export_figures_to
from reader.ui.figure_menu import FigureActions
from reader.ui.figures_table import FiguresPane

if TYPE_CHECKING:
    from reader.ui.charts import DensityChart, FamilyChart, SpeakingShareChart


class MetricsPanel(QWidget):
    offsetActivated = Signal(int)
    figureActivated = Signal(int)
    speakerActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filled_for: Transcript | None = None  # the transcript the charts last showed
        self.setObjectName("metricsPanel")
        self._transcript: Transcript | None = None
        self._facts: PanelFacts | None = None
        self._search_spans: list[tuple[int, int]] = []
        self._visible: tuple[int, int] = (0, 0)
        self._charts_pending = False
        self.speaking_chart: SpeakingShareChart | None = None
        self.density_chart: DensityChart | None = None
        self.family_chart: FamilyChart | None = None

        self.figure_actions = FigureActions(self)
        self.figure_actions.showRequested.connect(self.figureActivated)
        self.figure_actions.rowRequested.connect(self.show_figure_row)

        self._summary = QLabel(self)
        self._summary.setObjectName("metricsSummary")
        self._summary.setWordWrap(True)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)

        # One chart per tab: a side panel is too narrow and short to stack three charts and a
        # table legibly, at 1024x700 least of all.
        self.chart_tabs = QTabWidget(self)
        self.chart_tabs.setObjectName("metricsCharts")
        self.chart_tabs.setDocumentMode(True)
        self.chart_tabs.setUsesScrollButtons(True)
        self._captions: dict[str, QLabel] = {}  # per tab title: the caption above its chart
        self._share_slot = self._chart_page(
            self.tr("Speakers"),
            self.tr("Speaking share: Chinese characters per speaker, punctuation excluded."),
        )
        self._density_slot = self._chart_page(
            self.tr("Along the text"),
            self.tr("Figures along the transcript; shaded: on screen; ticks: search matches. Click to jump."),
        )
        self.family_chooser = QComboBox(self)
        self.family_chooser.setObjectName("familyChooser")
        self.family_chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.family_chooser.setMinimumContentsLength(8)
        self.family_chooser.currentIndexChanged.connect(self._on_family_chosen)
        self._family_slot = self._chart_page(
            self.tr("Compare"), self.tr("Figures of one kind on one scale; hover for who said them."),
            self.family_chooser,
        )

        overview = QWidget(self)
        overview_layout = QVBoxLayout(overview)
        overview_layout.setContentsMargins(6, 4, 6, 0)
        overview_layout.setSpacing(4)
        overview_layout.addWidget(self._summary)
        overview_layout.addWidget(self.chart_tabs, 1)

        self.figures = FiguresPane(self.figure_actions, self)
        self.figures.figureActivated.connect(self.figureActivated)

        self._splitter = QSplitter(Qt.Orientation.Vertical, self)
        self._splitter.setObjectName("metricsSplitter")
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(overview)
        self._splitter.addWidget(self.figures)
        self._splitter.setStretchFactor(0, 4)
        self._splitter.setStretchFactor(1, 5)
        self._splitter.setSizes([400, 500])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._splitter)

    # -- building -------------------------------------------------------------------------

    def _chart_page(self, tab: str, caption: str, above: QWidget | None = None) -> QWidget:
        """A scrollable tab with a caption and an empty slot the chart goes into later."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 4, 2, 2)
        layout.setSpacing(4)
        label = QLabel(caption, page)
        self._captions[tab] = label
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(label)
        if above is not None:
            layout.addWidget(above)
        slot = QWidget(page)
        slot_layout = QVBoxLayout(slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(slot)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        self.chart_tabs.addTab(scroll, tab)
        return slot

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._charts_pending:
            self._charts_pending = False
            # After this paint returns, not during it: the window's first frame comes first.
            QTimer.singleShot(0, self, self._build_when_imported)  # cancelled if the panel is deleted

    @Slot()
    def _build_when_imported(self) -> None:
        when_imported(self, self._build_next_chart)

    @Slot()
    def _build_next_chart(self) -> None:
        """Make one missing chart; the next in a later turn; fill them when all exist."""
        if self._build_chart():
            QTimer.singleShot(0, self, self._build_next_chart)  # cancelled if the panel is deleted
        else:
            self._fill_charts()

    def _build_chart(self) -> bool:
        """Make the first missing chart; False when none was missing."""
        import_charts()
        from reader.ui.charts import DensityChart, FamilyChart, SpeakingShareChart

        if self.speaking_chart is None:
            self.speaking_chart = SpeakingShareChart(self._share_slot)
            _put(self._share_slot, self.speaking_chart)
            self.speaking_chart.speakerClicked.connect(self.speakerActivated)
        elif self.density_chart is None:
            self.density_chart = DensityChart(self._density_slot)
            _put(self._density_slot, self.density_chart)
            self.density_chart.offsetClicked.connect(self.offsetActivated)
        elif self.family_chart is None:
            self.family_chart = FamilyChart(self._family_slot)
            _put(self._family_slot, self.family_chart)
            self.family_chart.figureClicked.connect(self.figureActivated)
        else:
            return False
        return True

    def charts_ready(self) -> bool:
        return self.family_chart is not None

    @Slot()
    def ensure_charts(self) -> None:
        """Create the charts now (normally done just after the first paint)."""
        self._charts_pending = False
        self._build_and_fill_charts()

    def _build_and_fill_charts(self) -> None:
        while self._build_chart():
            pass
        self._fill_charts()

    @Slot()
    def _fill_charts_next_turn(self) -> None:
        QTimer.singleShot(0, self, self._fill_charts)  # cancelled if the panel is deleted

    @Slot()
    def _fill_charts(self) -> None:
        t, facts = self._transcript, self._facts
        if t is None or facts is None or self.speaking_chart is None:
            return
        if self.density_chart is None or self.family_chart is None:  # still being made, turn by turn
            return
        words = facts.summary.measure == "words"
        self.speaking_chart.set_shares(facts.shares, words=words)
        self._captions[self.tr("Speakers")].setText(
            self.tr("Speaking share: words per speaker.") if words
            else self.tr("Speaking share: Chinese characters per speaker, punctuation excluded."))
        self._share_slot.setVisible(bool(facts.shares))
        self.density_chart.set_density(facts.density, len(t.text))
        self.density_chart.set_visible_range(*self._visible)
        self.density_chart.set_matches(self._search_spans)
        self._on_family_chosen(self.family_chooser.currentIndex())
        self._filled_for = t

    def charts_filled(self) -> bool:
        """Do the charts show the current transcript (made, and given its numbers)?"""
        return self._transcript is not None and self._filled_for is self._transcript

    # -- the interface the main window uses ------------------------------------------------

    @property
    def transcript(self) -> Transcript | None:
        """The transcript shown, if any."""
        return self._transcript

    def set_transcript(self, transcript: Transcript, facts: PanelFacts | None = None) -> None:
        """Show ``transcript``; ``facts`` are its whole-document numbers if already computed.

        The window computes them on the loader's thread (``reader.metrics.facts``); without
        them they are computed here, which costs about 0.1 s per megabyte.
        """
        if facts is None or facts.transcript is not transcript:
            facts = panel_facts(transcript)
        self._transcript = transcript
        self._facts = facts
        self._search_spans = []
        self._visible = (0, 0)
        self.figure_actions.set_transcript(transcript)
        self._summary.setText(self._summary_text(facts.summary))
        self.figures.set_transcript(transcript, facts)
        self._fill_family_chooser(facts.family_counts)
        if self.speaking_chart is not None:
            # Two turns of the event loop later: the table and summary paint first, and the
            # table fits its columns in the turn between (each step alone stays short).
            QTimer.singleShot(0, self, self._fill_charts_next_turn)
        else:
            self._charts_pending = True
            self.update()

    def _summary_text(self, s: Summary) -> str:
        figures = self.tr("figures: %1").replace("%1", str(s.figures))
        if s.distinct_figures != s.figures:
            figures += " " + self.tr("(%1 distinct)").replace("%1", str(s.distinct_figures))
        parts = (
            self.tr("speakers: %1").replace("%1", str(s.speakers)),
            self.tr("turns: %1").replace("%1", str(s.turns)),
            self.tr("questions: %1").replace("%1", str(s.questions)),
            self.tr("words: %1").replace("%1", f"{s.words:,}") if s.measure == "words"
            else self.tr("Chinese characters: %1").replace("%1", f"{s.characters:,}"),
            self.tr("reading time: about %1 min").replace("%1", str(s.reading_minutes)),
            figures,
        )
        return " · ".join(parts)

    def _family_label(self, family: str) -> str:
        labels = {
            "money": self.tr("Money"), "people": self.tr("People"), "cases": self.tr("Cases"),
            "count": self.tr("Counts"), "percent": self.tr("Percent"),
            "points": self.tr("Percentage points"), "multiple": self.tr("Multiples"),
            "duration": self.tr("Durations"),
        }
        return labels.get(family, family)

    def _fill_family_chooser(self, counts: dict[str, int]) -> None:
        previous = self.family_chooser.currentData()
        self.family_chooser.blockSignals(True)
        self.family_chooser.clear()
        for family, n in counts.items():
            self.family_chooser.addItem(f"{self._family_label(family)} ({n})", family)
        preferred = previous if previous in counts else next((f for f in FAMILIES if f in counts), None)
        if preferred is not None:
            self.family_chooser.setCurrentIndex(self.family_chooser.findData(preferred))
        self.family_chooser.blockSignals(False)
        self.family_chooser.setEnabled(bool(counts))

    @Slot(int)
    def _on_family_chosen(self, _row: int) -> None:
        family = self.family_chooser.currentData()
        if self.family_chart is None or self._transcript is None:
            return
        self.family_chart.setVisible(family is not None)
        if family is not None:
            self.family_chart.set_series(family_series(self._transcript, family))

    def set_search_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        self._search_spans = [(int(s), int(e)) for s, e in spans]
        if self.density_chart is not None:
            self.density_chart.set_matches(self._search_spans)

    def set_visible_range(self, start: int, end: int) -> None:
        self._visible = (start, end)
        if self.density_chart is not None:
            self.density_chart.set_visible_range(start, end)

    @Slot(int)
    def show_figure_row(self, figure_index: int) -> None:
        """Select the figure's row in the table (clearing a filter that hides it), scrolled to."""
        proxy_index = self.figures.proxy.mapFromSource(self.figures.model.index(figure_index, 0))
        if not proxy_index.isValid():
            self.figures.filter.clear()
        self.figures.select_figure(figure_index)
        self.figures.view.setFocus()

    def show_figure_menu(self, figure_index: int, global_pos: QPoint) -> QMenu | None:
        """For a figure right-clicked in the transcript: Copy figure / Copy value / Copy with
        source / Show in figures table."""
        if self._transcript is None or not 0 <= figure_index < len(self._transcript.figures):
            return None
        menu = self.figure_actions.build_menu(figure_index, self, in_transcript=True)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(global_pos)
        return menu

    def export_figures(self, folder: str) -> tuple[str, int] | None:
        """Ask where (starting in ``folder``) and write every figure; see ``reader.ui.figure_export``."""
        return None if self._transcript is None else ask_and_export(self, self._transcript, folder)

    def export_figures_to(self, path: str) -> str | None:
        """Write the export to ``path``; the reason it failed, or None."""
        if self._transcript is None:
            return self.tr("No document is open.")
        return export_figures_to(self._transcript, path)


def _put(slot: QWidget, chart: QWidget) -> None:
    """Put ``chart`` in the slot :meth:`MetricsPanel._chart_page` made for it."""
    layout = slot.layout()
    assert layout is not None
    layout.addWidget(chart)
