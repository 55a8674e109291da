"""A figure's history: every value cited for one indicator across the library, in date order.

The indicator is what a speaker said before the number (``社会消费品零售总额``, its growth
``社会消费品零售总额 同比增长``, ``破获电信网络诈骗案件``); the field offers the library's
indicators as one types. A small line chart (pyqtgraph, imported in steps on the GUI thread the first
time a page or the metrics panel needs it; a placeholder stands in until then) and a table;
values that another briefing contradicts for the same period are marked. Copy puts the table
on the clipboard as TSV with each value's source and date (``reader.library.render``, as the
command line prints it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.export.figure_rows import format_value
from reader.library.library import Library
from reader.library.records import CitedFigure, FigureHistory
from reader.library.render import figure_history_tsv
from reader.ui.chart_import import when_imported
from reader.ui.figure_menu import set_clipboard_text
from reader.ui.i18n import tr
from reader.ui.text_table import TextTableModel, fit_columns, text_table_view

CONFLICT_COLOR = "#c0392b"
LINE_COLOR = "#1d5fa8"
COMPLETE_DEBOUNCE_MS = 150
#: LibraryPane.ask: (question to the library, what to do with its answer here, the asker).
Ask = Callable[[Callable[[Library], Any], Callable[[Any], None], QObject], None]


def _day(date: str | None) -> float | None:
    """A date as seconds since the epoch (pyqtgraph's date axis), None when undated."""
    if not date:
        return None
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()


def chart_points(values: tuple[CitedFigure, ...]) -> tuple[str, list[tuple[float, float, bool]]]:
    """The unit most values share and the (time, value, contradicted) points of that unit."""
    units: dict[str, int] = {}
    for v in values:
        units[v.unit] = units.get(v.unit, 0) + 1
    unit = max(units, key=lambda u: units[u]) if units else ""
    points = []
    for v in values:
        x = _day(v.date)
        if x is not None and v.unit == unit:
            points.append((x, v.value, v.conflict))
    return unit, points


class FigureHistoryWindow(QDialog):
    openRequested = Signal(str, int, str)  # path, offset, the figure's text

    historyShown = Signal()  # the table (and the chart, once made) show the library's answer
    chartShown = Signal()  # the chart took its placeholder's place (pyqtgraph imported)

    def __init__(self, ask: Ask, indicator: str = "", parent: QWidget | None = None) -> None:
        """``ask(question, then, receiver)``: put a question to the library off this thread
        (``LibraryPane.ask``); ``then`` gets the answer here."""
        super().__init__(parent)
        self.setObjectName("figureHistory")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(960, 640)
        self._ask = ask
        self._asked = 0  # the latest question: an older answer is not shown
        self.history: FigureHistory | None = None
        self.field = QLineEdit(self)
        self.field.setObjectName("indicatorField")
        self.field.setPlaceholderText(tr("Indicator: 社会消费品零售总额, 同比增长…"))
        self._suggestions = QStringListModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(completer)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyHistory")
        self.copy_button.setText(tr("Copy as TSV"))
        self.summary = QLabel("", self)
        self.summary.setObjectName("historySummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self._plot: Any = None  # the chart, once pyqtgraph is imported (reader.ui.chart_import)
        self.chart: QWidget = QLabel(tr("Loading the chart…"), self)
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart.setMinimumHeight(180)
        self.table_model = TextTableModel([tr("Date"), tr("Period"), tr("Figure"), tr("Value"), tr("Unit"),
                                           tr("Speaker"), tr("Briefing")], self)
        self.table = text_table_view(self.table_model, "historyTable", self)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.copy_button)
        layout = self._layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.table, 3)
        self._complete = QTimer(self, singleShot=True, interval=COMPLETE_DEBOUNCE_MS)
        self._complete.timeout.connect(self._update_suggestions)
        self.field.textEdited.connect(self._complete.start)
        self.field.returnPressed.connect(self._show_field)
        completer.activated.connect(self.show_indicator)
        self.copy_button.clicked.connect(self.copy_tsv)
        self.table.doubleClicked.connect(self._open)
        self.show_indicator(indicator)
        when_imported(self, self._make_chart)

    def _make_chart(self) -> None:
        """Put the chart in the placeholder's place, and draw what is already shown."""
        import pyqtgraph as pg  # imported by now (reader.ui.chart_import), in steps the first time

        from reader.ui.charts import PlainNumberAxis, configure_pyqtgraph

        configure_pyqtgraph()
        plot = pg.PlotWidget(self, background="w",
                             axisItems={"bottom": pg.DateAxisItem(orientation="bottom"),
                                        "left": PlainNumberAxis("left")})
        plot.setObjectName("historyChart")
        plot.setMenuEnabled(False)
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setMinimumHeight(180)
        self._line = plot.plot([], [], pen=pg.mkPen(LINE_COLOR, width=2), symbol="o", symbolSize=6,
                               symbolBrush=LINE_COLOR, symbolPen=None)
        self._conflicts = pg.ScatterPlotItem([], [], size=11, brush=pg.mkBrush(CONFLICT_COLOR), pen=None)
        plot.addItem(self._conflicts)
        self._plot = plot
        placeholder, self.chart = self.chart, plot
        self._layout.replaceWidget(placeholder, plot)
        placeholder.deleteLater()
        self._draw_chart()
        self.chartShown.emit()

    @Slot()
    def _update_suggestions(self) -> None:
        text = self.field.text().strip()
        if not text:
            self._suggestions.setStringList([])
            return
        self._ask(lambda library: library.indicators(text),
                  lambda found: self._suggestions.setStringList([name for name, _ in found]), self)

    @Slot()
    def _show_field(self) -> None:
        self.show_indicator(self.field.text())

    @Slot(str)
    def show_indicator(self, indicator: str) -> None:
        """Ask for ``indicator``'s history (and, if it has none, the indicators holding it)."""
        indicator = indicator.strip()
        if self.field.text() != indicator:
            self.field.setText(indicator)
        self.setWindowTitle(tr("Figure history: {indicator}").format(indicator=indicator) if indicator
                            else tr("Figure history"))
        self._asked += 1
        asked = self._asked
        if not indicator:
            self._show(asked, indicator, None, [])
            return

        def question(library: Library) -> tuple[FigureHistory, list[str]]:
            history = library.figure_history(indicator)
            closest = [] if history.values else [name for name, _ in library.indicators(indicator, 5)]
            return history, closest

        self._ask(question, lambda answer: self._show(asked, indicator, *answer), self)

    def _show(self, asked: int, indicator: str, history: FigureHistory | None, closest: list[str]) -> None:
        if asked != self._asked:
            return
        self.history = history
        values = history.values if history else ()
        if not indicator:
            self.summary.setText(tr("Type an indicator: the words a speaker says before a figure."))
        elif not values:
            hint = tr("Indicators holding it: {names}").format(names="; ".join(closest)) if closest else ""
            self.summary.setText(tr("No figure cited for this indicator.") + (" " + hint if hint else ""))
        else:
            first, last = values[0].date or "?", values[-1].date or "?"
            conflicts = history.conflicts if history else 0
            total = history.total if history else 0
            if total > len(values):
                text = tr("The newest {n} of {total} values, from {first} to {last} · {conflicts} differ "
                          "from another citation for the same period").format(
                    n=len(values), total=total, first=first, last=last, conflicts=conflicts)
            else:
                text = tr("{n} values from {first} to {last} · {conflicts} differ from another "
                          "citation for the same period").format(
                    n=len(values), first=first, last=last, conflicts=conflicts)
            self.summary.setText(text)
        self._draw_chart()
        self._fill_table(values)
        self.historyShown.emit()

    def _draw_chart(self) -> None:
        if self._plot is None:
            return  # drawn when the chart is made
        unit, points = chart_points(self.history.values if self.history else ())
        self._line.setData([p[0] for p in points], [p[1] for p in points])
        self._conflicts.setData([p[0] for p in points if p[2]], [p[1] for p in points if p[2]])
        self._plot.setLabel("left", unit)

    def _fill_table(self, values: tuple[CitedFigure, ...]) -> None:
        conflict_note = tr("Another briefing cites a different value for {period}.")
        self.table_model.set_rows(
            [(v.date or "", v.period or "", v.text, format_value(v.value), v.unit, v.speaker or "", v.title)
             for v in values],
            tooltips=[conflict_note.format(period=v.period) + "\n" + v.sentence if v.conflict else v.sentence
                      for v in values],
            flagged=[v.conflict for v in values], flag_color=CONFLICT_COLOR)
        fit_columns(self.table)

    @Slot()
    def copy_tsv(self) -> None:
        if self.history is not None and self.history.values:
            set_clipboard_text(figure_history_tsv(self.history))

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        if self.history is not None:
            v = self.history.values[index.row()]
            self.openRequested.emit(v.path, v.start, v.text)
