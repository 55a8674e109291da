"""A thin strip beside the scrollbar: turn bands by speaker kind, ticks for matches and figures.

Positions are proportional to text offsets, which track the scrollbar closely for
prose; it is a map for the eye, clicked to jump, not a ruler.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from reader.model import Transcript
from reader.ui.kind_colors import CURRENT_MATCH_COLOR, FIGURE_UNDERLINE_COLOR, kind_color

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent, QPaintEvent

STRIP_WIDTH = 14
BACKGROUND = "#f4f4f4"


class OverviewStrip(QWidget):
    offsetActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewStrip")
        self.setFixedWidth(STRIP_WIDTH)  # fixed across; as tall as the view beside it
        palette = self.palette()  # Qt fills the background: an empty strip needs no painter
        palette.setColor(palette.ColorRole.Window, QColor(BACKGROUND))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self._length = 1
        self._bands: list[tuple[int, int, str]] = []  # turn start, end, speaker kind
        # What a paint draws, per strip height: one run per pixel row at most, so painting
        # costs no more than the strip is tall, however many turns and figures there are.
        self._painted_for = -1
        self._band_runs: list[tuple[int, int, QColor]] = []  # top row, rows, colour
        self._figure_rows: list[int] = []
        self._figures: list[int] = []
        self._matches: list[int] = []
        self._match_rows: set[int] = set()
        self._match_rows_for = -1  # the strip height ``_match_rows`` are for
        self._visible = (0, 0)

    def sizeHint(self) -> QSize:
        return QSize(STRIP_WIDTH, 200)

    @property
    def match_ticks(self) -> int:
        return len(self._matches)

    @property
    def band_count(self) -> int:
        return len(self._bands)

    def set_transcript(self, transcript: Transcript) -> None:
        from PySide6.QtCore import Qt  # not at import: see reader.ui.startup

        self.setCursor(Qt.CursorShape.PointingHandCursor)  # a place to click now
        self._length = max(1, len(transcript.text))
        turns = transcript.turns
        self._bands = [(turns.starts[i], turns.ends[i], turns.kind_of(i)) for i in range(len(turns))]
        self._figures = list(transcript.figures.starts)
        self._matches = []
        self._match_rows_for = -1
        self._painted_for = -1
        self.update()

    def set_matches(self, starts: Sequence[int]) -> None:
        self._matches = list(starts)
        self._match_rows_for = -1
        self.update()

    def add_matches(self, starts: Sequence[int]) -> None:
        """More matches (a search still running): only the new ones are put in pixel rows."""
        self._matches.extend(starts)
        if self._match_rows_for == self.height():
            scale = self.height() / self._length
            self._match_rows.update(int(offset * scale) for offset in starts)
        self.update()

    def _match_pixel_rows(self) -> list[int]:
        """The matches' pixel rows, kept per strip height: a paint costs the strip's height,
        not the matches (a common word has hundreds of thousands on a big document)."""
        if self._match_rows_for != self.height():
            self._match_rows_for = self.height()
            scale = self.height() / self._length
            self._match_rows = {int(offset * scale) for offset in self._matches}
        return sorted(self._match_rows)

    def set_visible_range(self, start: int, end: int) -> None:
        self._visible = (start, end)
        self.update()

    def offset_at_y(self, y: float) -> int:
        return int(max(0.0, min(1.0, y / max(1, self.height()))) * self._length)

    def _y(self, offset: int) -> float:
        return offset / self._length * self.height()

    def _pixel_rows(self, offsets: Sequence[int]) -> list[int]:
        """One tick per pixel row: thousands of matches cost no more than the strip is tall."""
        scale = self.height() / self._length
        return sorted({int(offset * scale) for offset in offsets})

    def _merged_bands(self, height: int) -> list[tuple[int, int, QColor]]:
        """Each pixel row takes the kind of the last turn touching it; equal rows merge."""
        rows: list[str | None] = [None] * max(1, height)
        scale = height / self._length
        last = len(rows) - 1
        for start, end, band_kind in self._bands:
            top = min(last, int(start * scale))
            for y in range(top, min(last, max(top, int(end * scale))) + 1):
                rows[y] = band_kind
        colors: dict[str, QColor] = {}
        runs: list[tuple[int, int, QColor]] = []
        y = 0
        while y < len(rows):
            kind, top = rows[y], y
            while y < len(rows) and rows[y] == kind:
                y += 1
            if kind is not None:
                if kind not in colors:
                    colors[kind] = kind_color(kind)
                    colors[kind].setAlpha(90)
                runs.append((top, y - top, colors[kind]))
        return runs

    def paintEvent(self, event: QPaintEvent) -> None:
        top, bottom = self._visible
        if not (self._bands or self._figures or self._matches or bottom > top):
            return  # nothing on the background yet (the window's first paint comes before)
        from PySide6.QtGui import QPainter  # PySide6 builds it when named: not before the first paint

        if self._painted_for != self.height():
            self._painted_for = self.height()
            self._band_runs = self._merged_bands(self.height())
            self._figure_rows = self._pixel_rows(self._figures)
        painter = QPainter(self)
        width = self.width()
        for row, rows, color in self._band_runs:
            painter.fillRect(0, row, width, rows, color)
        if bottom > top:
            painter.fillRect(QRectF(0, self._y(top), width, max(2.0, self._y(bottom) - self._y(top))),
                             QColor(0, 0, 0, 40))
        figure_color = QColor(FIGURE_UNDERLINE_COLOR)
        for y in self._figure_rows:
            painter.fillRect(QRectF(width - 4, y, 4, 1.5), figure_color)
        match_color = QColor(CURRENT_MATCH_COLOR)
        for y in self._match_pixel_rows():
            painter.fillRect(QRectF(0, y - 1, width - 4, 2.5), match_color)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        if event.button() == Qt.MouseButton.LeftButton:
            self.offsetActivated.emit(self.offset_at_y(event.position().y()))
            event.accept()
            return
        super().mousePressEvent(event)
