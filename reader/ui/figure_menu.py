"""The context menu for one figure: copy it three ways, or show it in the transcript.

The same menu serves a row of the figures table and a figure right-clicked in the
transcript, so both places copy exactly the same strings (built by ``reader.export.figure_rows``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from reader.export.figure_rows import figures_tsv, format_value, with_source
from reader.model import Transcript


def set_clipboard_text(text: str) -> None:
    """Plain text only: a rich-text flavour would carry fonts into the user's document."""
    QGuiApplication.clipboard().setText(text)


class FigureActions(QObject):
    """Copies figures of the current transcript and asks to show one; owns no widget."""

    showRequested = Signal(int)  # show the figure in the transcript
    rowRequested = Signal(int)  # select the figure's row in the figures table

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._transcript: Transcript | None = None

    def set_transcript(self, transcript: Transcript | None) -> None:
        self._transcript = transcript

    def _valid(self, index: int) -> bool:
        return self._transcript is not None and 0 <= index < len(self._transcript.figures)

    def copy_figure(self, index: int) -> None:
        if self._valid(index):
            assert self._transcript is not None
            set_clipboard_text(self._transcript.figures[index].text)

    def copy_value(self, index: int) -> None:
        if self._valid(index):
            assert self._transcript is not None
            set_clipboard_text(format_value(self._transcript.figures[index].value))

    def copy_with_source(self, index: int) -> None:
        if self._valid(index):
            assert self._transcript is not None
            set_clipboard_text(with_source(self._transcript, index))

    def copy_rows(self, indices: Sequence[int]) -> None:
        valid = [i for i in indices if self._valid(i)]
        if valid and self._transcript is not None:
            set_clipboard_text(figures_tsv(self._transcript, valid))

    def build_menu(self, index: int, parent: QWidget, selected: Sequence[int] = (), *,
                   in_transcript: bool = False) -> QMenu:
        """A menu for figure ``index``; with several rows selected it can also copy them all.

        ``in_transcript``: the menu is for a figure right-clicked in the transcript, so its
        last entry goes to the figure's row in the table (the figure is on screen already).
        """
        menu = QMenu(parent)
        menu.setObjectName("figureMenu")
        if not self._valid(index):
            return menu
        assert self._transcript is not None
        figure = self._transcript.figures[index]
        entries = (
            ("copyFigure", self.tr("Copy figure  %1").replace("%1", figure.text), self.copy_figure),
            ("copyValue", self.tr("Copy value  %1").replace("%1", format_value(figure.value)),
             self.copy_value),
            ("copyWithSource", self.tr("Copy with source"), self.copy_with_source),
        )
        for name, label, slot in entries:
            action = QAction(label, menu)
            action.setObjectName(name)
            action.setData(index)
            action.triggered.connect(_bound(slot, index))
            menu.addAction(action)
        if len(selected) > 1:
            rows = QAction(self.tr("Copy %n selected rows (TSV)", "", len(selected)), menu)
            rows.setObjectName("copyRows")
            rows.triggered.connect(_bound_rows(self.copy_rows, tuple(selected)))
            menu.addAction(rows)
        menu.addSeparator()
        if in_transcript:
            show = QAction(self.tr("Show in figures table"), menu)
            show.setObjectName("showInTable")
            show.triggered.connect(_bound(self._request_row, index))
        else:
            show = QAction(self.tr("Show in transcript"), menu)
            show.setObjectName("showInTranscript")
            show.triggered.connect(_bound(self._request_show, index))
        menu.addAction(show)
        return menu

    @Slot(int)
    def _request_show(self, index: int) -> None:
        self.showRequested.emit(index)

    @Slot(int)
    def _request_row(self, index: int) -> None:
        self.rowRequested.emit(index)


class _IndexSlot:
    """A callable bound to one figure index, so connections capture no ``self`` lambda."""

    __slots__ = ("_arg", "_func")

    def __init__(self, func: Callable[[Any], None], arg: object) -> None:
        self._func = func
        self._arg = arg

    def __call__(self, *_checked: object) -> None:
        self._func(self._arg)


def _bound(func: Callable[[int], None], index: int) -> _IndexSlot:
    return _IndexSlot(func, index)


def _bound_rows(func: Callable[[Sequence[int]], None], indices: tuple[int, ...]) -> _IndexSlot:
    return _IndexSlot(func, indices)
