"""A thin strip beside the scrollbar: turn bands by speaker kind, ticks for matches and figures.

Positions are proportional to text offsets, which track the scrollbar closely for
prose; it is a map for the eye, clicked to jump, not a ruler.

Each layer (bands, figure ticks, match ticks) is an image one pixel wide and as tall as the
strip, made in plain Python from its pixel rows and drawn stretched across its columns: a
paint is four painter calls, not one per pixel row. A call per row cost up to 300 ms a paint
while a search ran beside it: PySide6 lets go of the GIL in each call, and the search's
thread then kept it for up to the interpreter's switch interval before handing it back.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from reader.model import Transcript
from reader.ui.kind_colors import CURRENT_MATCH_COLOR, FIGURE_UNDERLINE_COLOR, kind_color

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QMouseEvent, QPaintEvent

STRIP_WIDTH = 14
BACKGROUND = "#f4f4f4"
FIGURE_COLUMNS = 4  # the figure ticks' column at the right edge; match ticks take the rest
MATCH_TICK_ROWS = (-1, 0, 1)  # a match tick is three pixel rows tall, a figure tick one


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
        self._layers: tuple[QImage, QImage] | None = None  # bands, figure ticks: for ``_painted_for``
        self._match_image: QImage | None = None  # None: made again at the next paint
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
        self._match_image = None
        self.update()

    def add_matches(self, starts: Sequence[int]) -> None:
        """More matches (a search still running): only the new ones are put in pixel rows."""
        self._matches.extend(starts)
        if self._match_rows_for == self.height():
            scale = self.height() / self._length
            self._match_rows.update(int(offset * scale) for offset in starts)
        self._match_image = None
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
        from PySide6.QtCore import QRect  # PySide6 builds them when named: not before the first paint
        from PySide6.QtGui import QPainter

        height, width = self.height(), self.width()
        if self._layers is None or self._painted_for != height:
            self._painted_for = height
            figure_rows = self._pixel_rows(self._figures)
            self._layers = (_runs_image(self._merged_bands(height), height),
                            _rows_image(figure_rows, height, QColor(FIGURE_UNDERLINE_COLOR), (0,)))
            self._match_image = None
        if self._match_image is None:
            self._match_image = _rows_image(self._match_pixel_rows(), height, QColor(CURRENT_MATCH_COLOR),
                                            MATCH_TICK_ROWS)
        bands, figures = self._layers
        painter = QPainter(self)
        painter.drawImage(QRect(0, 0, width, height), bands)
        if bottom > top:
            painter.fillRect(QRectF(0, self._y(top), width, max(2.0, self._y(bottom) - self._y(top))),
                             QColor(0, 0, 0, 40))
        painter.drawImage(QRect(width - FIGURE_COLUMNS, 0, FIGURE_COLUMNS, height), figures)
        painter.drawImage(QRect(0, 0, width - FIGURE_COLUMNS, height), self._match_image)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        if event.button() == Qt.MouseButton.LeftButton:
            self.offsetActivated.emit(self.offset_at_y(event.position().y()))
            event.accept()
            return
        super().mousePressEvent(event)


def _image(pixels: bytearray, height: int) -> QImage:
    """A one-pixel-wide ARGB32 image of ``pixels`` (four bytes a row, in the machine's order)."""
    from PySide6.QtGui import QImage

    return QImage(bytes(pixels), 1, max(1, height), 4, QImage.Format.Format_ARGB32).copy()  # owns its bytes


def _pixel(color: QColor) -> bytes:
    return color.rgba().to_bytes(4, sys.byteorder)  # ARGB32 is one native 32-bit integer a pixel


def _rows_image(rows: Iterable[int], height: int, color: QColor, spread: Sequence[int]) -> QImage:
    """Transparent but for ``rows`` (and the rows ``spread`` away from each) in ``color``."""
    pixels = bytearray(4 * max(1, height))
    pixel = _pixel(color)
    for row in rows:
        for shift in spread:
            y = row + shift
            if 0 <= y < height:
                pixels[4 * y:4 * y + 4] = pixel
    return _image(pixels, height)


def _runs_image(runs: Iterable[tuple[int, int, QColor]], height: int) -> QImage:
    pixels = bytearray(4 * max(1, height))
    for top, rows, color in runs:
        start, stop = max(0, top), min(height, top + rows)
        if stop > start:
            pixels[4 * start:4 * stop] = _pixel(color) * (stop - start)
    return _image(pixels, height)
