"""One colour per speaker kind, shared by the headings, the navigation and the overview strip."""

from __future__ import annotations

from PySide6.QtGui import QColor

KIND_COLORS: dict[str, str] = {
    "host": "#7b3fa0",
    "official": "#1d5fa8",
    "reporter": "#b5541c",
    "other": "#5a5a5a",
}
MATCH_COLOR = "#ffe45c"
CURRENT_MATCH_COLOR = "#ff9a1f"
CURRENT_TURN_COLOR = "#eef3fb"
FIGURE_UNDERLINE_COLOR = "#2c7a4b"
FLASH_COLOR = "#9fe3b8"


def kind_color(kind: str) -> QColor:
    """The colour for a speaker kind; unknown kinds read as "other"."""
    return QColor(KIND_COLORS.get(kind, KIND_COLORS["other"]))
