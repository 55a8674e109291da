"""The metrics panel's pyqtgraph charts: views over the series in ``reader.metrics.series``.

Each chart creates its plot items once and updates them with ``setOpts``/``setData`` when
a document is loaded. This module imports pyqtgraph, so the panel imports it only after
the window's first paint: pyqtgraph costs more start-up time than the rest of the window.
"""

from __future__ import annotations

import os

# pyqtgraph prefers PyQt6 when no binding is loaded; the reader ships PySide6 only, and the
# variable must be set before pyqtgraph's first import (reader.ui.chart_import sets it too,
# before its steps run pyqtgraph's __init__; this is for a plain import of this module).
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from reader.metrics.series import DensitySeries, FamilySeries, SpeakerShare
from reader.ui.kind_colors import KIND_COLORS
from reader.ui.tooltips import plain_tooltip

ROW_HEIGHT_PX = 20  # one horizontal bar with its label, readable at the default font
LABEL_CHARS = 7  # longer names (outlets) are elided in the axis and shown whole on hover
BAR_COLOR = "#2c7a4b"
VISIBLE_RANGE_BRUSH = (29, 95, 168, 50)
MATCH_COLOR = "#e0a800"
DENSITY_HEIGHT_PX = 150
FAMILY_BARS = 12  # the largest figures of a family; the table lists them all
SHARE_BARS = 40  # the speakers who said most; a transcript with hundreds would be a wall

_configured = False


def configure_pyqtgraph() -> None:
    """Once per process, before the first plot: antialiased lines, no OpenGL."""
    global _configured
    if not _configured:
        pg.setConfigOptions(antialias=True, useOpenGL=False, leftButtonPan=False)
        _configured = True


def elide(text: str, chars: int = LABEL_CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def plain_number(value: float, spacing: float) -> str:
    """A tick label as a reader writes it: ``1,500,000``, ``12.5``; never ``1.5e+06``.

    As many decimals as the spacing between ticks has (up to 6).
    """
    step = f"{abs(spacing):.6f}".rstrip("0").rstrip(".")
    return f"{value:,.{len(step.partition('.')[2])}f}"


class PlainNumberAxis(pg.AxisItem):
    """A value axis with plain numbers: pyqtgraph writes 1e+06 from a million on (a long
    transcript's speaking share) and can add an SI prefix to the label."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [plain_number(v * scale, spacing * scale) for v in values]


class _PanelPlot(pg.PlotWidget):
    """A small, static plot: no pan, zoom or context menu, colours from the widget palette."""

    def __init__(self, parent: QWidget | None = None) -> None:
        configure_pyqtgraph()
        super().__init__(parent, axisItems={"bottom": PlainNumberAxis("bottom")})
        palette = self.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        fg = palette.color(QPalette.ColorRole.Text)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.getViewBox().setDefaultPadding(0.02)
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(fg))
            axis.setTextPen(pg.mkPen(fg))
            axis.setStyle(tickFont=font)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)

    def view_point(self, scene_pos: QPointF) -> QPointF | None:
        """The data coordinates under a scene position, or None outside the plot area."""
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point: QPointF = vb.mapSceneToView(scene_pos)
        return point

    def widget_pos_of(self, x: float, y: float) -> QPointF:
        """Where data point (x, y) is in the widget: for tests that click a bar."""
        vb = self.getPlotItem().getViewBox()
        return QPointF(self.mapFromScene(vb.mapViewToScene(QPointF(x, y))))


class HorizontalBarChart(_PanelPlot):
    """Labelled horizontal bars, largest on top; hover names a bar, click picks it."""

    rowClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brushes=[])
        self.addItem(self._bars)
        item = self.getPlotItem()
        item.invertY(True)
        item.getAxis("left").setWidth(7 * self.fontMetrics().horizontalAdvance("汉") + 4)
        item.showGrid(x=True, y=False, alpha=0.15)
        self._widths: list[float] = []
        self._tips: list[str] = []
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self._on_move)

    def set_bars(self, widths: Sequence[float], labels: Sequence[str], colors: Sequence[str],
                 tips: Sequence[str]) -> None:
        n = len(widths)
        self._widths = list(widths)
        self._tips = list(tips)
        self._bars.setOpts(
            x0=[0.0] * n, y=list(range(n)), height=0.7, width=list(widths),
            # One shared pen: pyqtgraph 0.14 fails on an empty ``pens`` list (no speakers).
            brushes=[pg.mkBrush(c) for c in colors], pen=pg.mkPen(None), pens=None,
        )
        item = self.getPlotItem()
        item.getAxis("left").setTicks([[(i, label) for i, label in enumerate(labels)]])
        top = max(widths, default=1.0) or 1.0
        item.setXRange(0, top * 1.05, padding=0)
        item.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
        self.setFixedHeight(self.preferred_height(n))

    def preferred_height(self, rows: int) -> int:
        axis = self.getPlotItem().getAxis("bottom")
        return max(rows, 1) * ROW_HEIGHT_PX + int(axis.height()) + 16

    def row_at(self, scene_pos: QPointF) -> int | None:
        p = self.view_point(scene_pos)
        if p is None:
            return None
        row = round(p.y())
        return row if 0 <= row < len(self._widths) and abs(p.y() - row) <= 0.45 else None

    def _on_click(self, event: Any) -> None:  # pyqtgraph's MouseClickEvent (untyped)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        row = self.row_at(event.scenePos())
        if row is not None:
            self.rowClicked.emit(row)

    def _on_move(self, scene_pos: QPointF) -> None:
        row = self.row_at(scene_pos)
        if row is None or not self._tips:
            QToolTip.hideText()
            self.unsetCursor()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(QCursor.pos(), plain_tooltip(self._tips[row]), self)

    def tip(self, row: int) -> str:
        return self._tips[row]


class SpeakingShareChart(HorizontalBarChart):
    """Chinese characters (or words) per speaker, coloured by kind; a click asks to jump to the speaker."""

    speakerClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakingShareChart")
        self._ids: list[str] = []
        self.rowClicked.connect(self._emit_speaker)

    def set_shares(self, shares: Sequence[SpeakerShare], limit: int = SHARE_BARS, *,
                   words: bool = False) -> None:
        """``words``: the shares count words (a text in Latin script), not Chinese characters."""
        shares = shares[:limit]
        self._ids = [s.speaker for s in shares]
        labels = [f"{elide(s.name)} {s.share:.0%}" for s in shares]
        amount = (self.tr("%1 words, %2 of the speech") if words
                  else self.tr("%1 Chinese characters, %2 of the speech"))
        tips = [
            f"{s.name}{'（' + s.role + '）' if s.role else ''}\n"
            + amount
            .replace("%1", f"{s.chars:,}").replace("%2", f"{s.share:.1%}")
            for s in shares
        ]
        colors = [KIND_COLORS.get(s.kind, KIND_COLORS["other"]) for s in shares]
        self.set_bars([float(s.chars) for s in shares], labels, colors, tips)
        self.getPlotItem().getAxis("left").setWidth(
            (LABEL_CHARS + 4) * self.fontMetrics().horizontalAdvance("汉") // 1 + 6
        )

    def speaker_ids(self) -> list[str]:
        return list(self._ids)

    def _emit_speaker(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            self.speakerClicked.emit(self._ids[row])


class FamilyChart(HorizontalBarChart):
    """Figures of one family on one scale; hover shows figure and speakers, click picks it."""

    figureClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("familyChart")
        self._figures: list[int] = []
        self.rowClicked.connect(self._emit_figure)

    def set_series(self, series: FamilySeries, limit: int = FAMILY_BARS) -> None:
        points = series.points[:limit]
        self._figures = [p.figure for p in points]
        labels = [elide(p.text, 9) + (f" ×{p.citations}" if p.citations > 1 else "") for p in points]
        tips = [
            f"{p.text}\n{'、'.join(p.speakers)}"
            + ("\n" + self.tr("cited %n times", "", p.citations) if p.citations > 1 else "")
            for p in points
        ]
        self.set_bars([p.scaled for p in points], labels, [BAR_COLOR] * len(points), tips)
        self.getPlotItem().getAxis("left").setWidth(10 * self.fontMetrics().horizontalAdvance("汉") + 6)
        self.getPlotItem().setLabel("bottom", series.axis_unit or None)

    def figure_indices(self) -> list[int]:
        return list(self._figures)

    def _emit_figure(self, row: int) -> None:
        if 0 <= row < len(self._figures):
            self.figureClicked.emit(self._figures[row])


class DensityChart(_PanelPlot):
    """Figures per stretch of the transcript, the part on screen shaded, search matches ticked."""

    offsetClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("densityChart")
        self._length = 0
        self._bars = pg.BarGraphItem(x0=[], x1=[], height=[], y0=0, brush=pg.mkBrush(BAR_COLOR),
                                     pen=pg.mkPen(None))
        self._visible = pg.LinearRegionItem(values=(0, 0), movable=False,
                                            brush=pg.mkBrush(*VISIBLE_RANGE_BRUSH),
                                            pen=pg.mkPen(QColor(29, 95, 168), width=1))
        self._visible.setZValue(-10)
        self._matches = pg.ScatterPlotItem(x=[], y=[], symbol="|", size=9,
                                           pen=pg.mkPen(MATCH_COLOR, width=2), brush=None)
        for it in (self._visible, self._bars, self._matches):
            self.addItem(it)
        item = self.getPlotItem()
        item.getAxis("bottom").setTicks([[(0, "0%"), (25, "25%"), (50, "50%"), (75, "75%"), (100, "100%")]])
        item.getAxis("left").setWidth(3 * self.fontMetrics().horizontalAdvance("0") + 10)
        item.setXRange(0, 100, padding=0.01)
        self.setFixedHeight(DENSITY_HEIGHT_PX)
        self._top = 1.0
        self.scene().sigMouseClicked.connect(self._on_click)

    def _percent(self, offset: float) -> float:
        return 100.0 * offset / self._length if self._length else 0.0

    def set_density(self, series: DensitySeries, text_length: int) -> None:
        self._length = text_length
        edges = [self._percent(e) for e in series.edges]
        self._bars.setOpts(x0=edges[:-1], x1=edges[1:], height=list(series.counts), y0=0)
        top = max(series.counts, default=0)
        self._top = float(top or 1)
        # Whole figures only: 0 and the busiest stretch, not 0.5 steps.
        self.getPlotItem().getAxis("left").setTicks([[(0, "0"), (self._top, str(top))]])
        self.getPlotItem().setYRange(-0.12 * self._top, self._top * 1.05, padding=0)

    def set_visible_range(self, start: int, end: int) -> None:
        self._visible.setRegion((self._percent(start), self._percent(max(end, start))))

    def set_matches(self, spans: Sequence[tuple[int, int]]) -> None:
        xs = [self._percent(s) for s, _e in spans]
        self._matches.setData(x=xs, y=[-0.06 * self._top] * len(xs))

    def visible_region(self) -> tuple[float, float]:
        low, high = self._visible.getRegion()
        return float(low), float(high)

    def match_count(self) -> int:
        return len(self._matches.data)

    def offset_at_percent(self, percent: float) -> int:
        return max(0, min(self._length - 1, int(percent / 100.0 * self._length))) if self._length else 0

    def _on_click(self, event: Any) -> None:  # pyqtgraph's MouseClickEvent (untyped)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        p = self.view_point(event.scenePos())
        if p is not None and self._length:
            self.offsetClicked.emit(self.offset_at_percent(p.x()))
