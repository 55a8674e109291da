"""A speaker's page: one person across the library's briefings.

Every briefing they spoke in (newest first, with the role they spoke in: 华春莹 as 外交部发言人,
later as 部长助理), their turns and share of the speaking, and the figures they cited.
Double-click a briefing to open it at their first turn, a figure to open it there; a
figure's indicator opens its history. The numbers come from ``reader.library``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from reader.export.figure_rows import format_value
from reader.library.records import SpeakerPage
from reader.ui.i18n import tr
from reader.ui.text_table import TextTableModel, fit_columns, text_table_view


class SpeakerPageWindow(QDialog):
    openRequested = Signal(str, int, str)  # path, offset, term to highlight
    historyRequested = Signal(str)  # an indicator

    def __init__(self, page: SpeakerPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerPage")
        self.setWindowTitle(tr("Speaker: {name}").format(name=page.name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 600)
        self.page = page
        others = [n for n in page.names if n != page.name]
        heading = page.name + (f"（{'、'.join(others)}）" if others else "")
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("speakerName")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(tr("{briefings} briefings · {turns} turns · {share} of the speaking in them · "
                                 "{figures} figures cited").format(
            briefings=len(page.appearances), turns=page.turns, share=f"{page.share:.1%}",
            figures=len(page.figures)), self)
        self.summary.setObjectName("speakerSummary")
        self.roles = QLabel(tr("Roles: {roles}").format(roles="; ".join(page.roles) or "—"), self)
        self.roles.setTextFormat(Qt.TextFormat.PlainText)
        self.roles.setWordWrap(True)
        self.briefings_model = TextTableModel(
            [tr("Date"), tr("Role"), tr("Turns"), tr("Share"), tr("Briefing")], self)
        self.briefings_model.set_rows([(a.date or "", a.role or "", str(a.turns), f"{a.share:.1%}", a.title)
                                       for a in page.appearances])
        self.briefings = text_table_view(self.briefings_model, "speakerBriefings", self)
        self.figures_model = TextTableModel(
            [tr("Date"), tr("Indicator"), tr("Figure"), tr("Value"), tr("Unit"), tr("Sentence")], self)
        self.figures_model.set_rows([(f.date or "", f.indicator, f.text, format_value(f.value), f.unit,
                                      f.sentence) for f in page.figures])
        self.figures = text_table_view(self.figures_model, "speakerFigures", self)
        for table in (self.briefings, self.figures):
            fit_columns(table)
        tabs = QTabWidget(self)
        tabs.addTab(self.briefings, tr("Briefings"))
        tabs.addTab(self.figures, tr("Figures cited"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.roles)
        layout.addWidget(tabs, 1)
        self.tabs = tabs
        self.briefings.doubleClicked.connect(self._open_briefing)
        self.figures.doubleClicked.connect(self._open_figure)

    @Slot(QModelIndex)
    def _open_briefing(self, index: QModelIndex) -> None:
        appearance = self.page.appearances[index.row()]
        self.openRequested.emit(appearance.path, appearance.first_turn_start, self.page.name)

    @Slot(QModelIndex)
    def _open_figure(self, index: QModelIndex) -> None:
        figure = self.page.figures[index.row()]
        if index.column() == 1:
            self.historyRequested.emit(figure.indicator)
        else:
            self.openRequested.emit(figure.path, figure.start, figure.text)
