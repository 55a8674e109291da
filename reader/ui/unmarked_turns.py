"""Who speaks a turn the page wrote without a marker, painted above its first line.

An interview of bold questions and plain answers, or an answer a news site printed without
its speaker's marker, has turns whose text starts straight with the speech. The document
shows the model's text as it is (offsets map one to one), so the speaker's name cannot be
inserted there; instead its block gets a wider top margin
(``reader.ui.transcript_formats.UNMARKED_TOP_MARGIN``) and the
view paints the name, small and in the kind's colour, into that margin. Nothing is added to
the text: search, copy and offsets are unchanged.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.model import Transcript, Turn
from reader.ui.kind_colors import kind_color

if TYPE_CHECKING:  # PySide6 builds a class when first named: only documents with such turns pay
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QPainter, QTextDocument

NAME_SCALE = 0.85  # of the document's font


@dataclass(frozen=True, slots=True)
class UnmarkedTurn:
    start: int  # model offset of the turn's first character
    name: str
    color: QColor


def unmarked_indices(turns: Sequence[Turn]) -> list[int]:
    """Indices of the turns without a marker, read from the label columns when the model has
    them (a big document's turns are made one by one on access)."""
    starts, ends = getattr(turns, "label_starts", None), getattr(turns, "label_ends", None)
    if starts is not None and ends is not None:
        return [i for i, (start, end) in enumerate(zip(starts, ends, strict=True)) if start == end]
    return [i for i, turn in enumerate(turns) if turn.label_span.start == turn.label_span.end]


def unmarked_turns(transcript: Transcript, indices: Sequence[int]) -> list[UnmarkedTurn]:
    """The turns at ``indices`` (without a marker), with the name and colour to paint."""
    found = []
    speakers = {s.id: s for s in transcript.speakers}
    for i in indices:
        turn = transcript.turns[i]
        speaker = speakers.get(turn.speaker)
        name = speaker.name if speaker is not None else ""
        if speaker is not None and speaker.role:
            name = f"{name} · {speaker.role}"
        found.append(UnmarkedTurn(turn.start, name, kind_color(turn.kind)))
    return found


class UnmarkedTurnPainter:
    """Paints the names of the unmarked turns between two document positions."""

    def __init__(self) -> None:
        self._turns: list[UnmarkedTurn] = []
        self._starts: list[int] = []

    def set_turns(self, turns: list[UnmarkedTurn]) -> None:
        self._turns = turns
        self._starts = [t.start for t in turns]

    def __bool__(self) -> bool:
        return bool(self._turns)

    def paint(self, painter: QPainter, doc: QTextDocument, to_position: object, first_offset: int,
              last_offset: int, scroll: QPointF) -> int:
        """Paint the names of the turns starting in the offset range; returns how many."""
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QFont, QFontMetricsF

        font = QFont(doc.defaultFont())
        font.setPointSizeF(max(6.0, font.pointSizeF() * NAME_SCALE))
        font.setBold(True)
        painter.setFont(font)
        height = QFontMetricsF(font).height()
        painted = 0
        low = bisect.bisect_left(self._starts, first_offset)
        high = bisect.bisect_right(self._starts, last_offset)
        for turn in self._turns[max(0, low - 1):high + 1]:
            block = doc.findBlock(to_position(turn.start))  # type: ignore[operator]
            layout = block.layout() if block.isValid() else None
            if layout is None or layout.lineCount() == 0:
                continue
            top_left = layout.position() - scroll
            rect = QRectF(top_left.x(), top_left.y() - height - 2, max(200.0, layout.boundingRect().width()),
                          height)
            painter.setPen(turn.color)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), turn.name)
            painted += 1
        return painted
