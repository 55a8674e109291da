"""The right-hand metrics panel: summary, small charts and the figures table.

Interface the main window wires (keep it stable):
- ``set_transcript(transcript)``: show a newly loaded document.
- ``set_search_spans(spans)``: ``[(start, end), ...]`` of the current search matches.
- ``set_visible_range(start, end)``: the text offsets now on screen.
- ``show_figure_menu(figure_index, global_pos)``: the context menu for a figure
  right-clicked in the transcript.
- ``export_figures()``: File > Export figures.
- Signals ``offsetActivated(int)`` (scroll the transcript to a text offset),
  ``figureActivated(int)`` (scroll to a figure by index and flash it),
  ``speakerActivated(str)`` (a speaker id).

Placeholder until the metrics issue lands: it shows the summary counts only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.model import Transcript


class MetricsPanel(QWidget):
    offsetActivated = Signal(int)
    figureActivated = Signal(int)
    speakerActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metricsPanel")
        self._transcript: Transcript | None = None
        self._summary = QLabel(self)
        self._summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addStretch(1)

    def set_transcript(self, transcript: Transcript) -> None:
        self._transcript = transcript
        self._summary.setText(
            f"{len(transcript.speakers)} speakers · {len(transcript.turns)} turns · "
            f"{len(transcript.figures)} figures"
        )

    def set_search_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        pass

    def set_visible_range(self, start: int, end: int) -> None:
        pass

    def show_figure_menu(self, figure_index: int, global_pos: QPoint) -> None:
        pass

    @Slot()
    def export_figures(self) -> None:
        pass
