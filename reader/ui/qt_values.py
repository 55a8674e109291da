"""Qt-namespace settings the first screen needs, made without touching ``Qt``.

PySide6 builds the Python type of the ``Qt`` namespace, with all of its 98 enums, the
first time Python touches ``Qt`` (about 15 ms, as long as building the whole window;
a bare PySide6 window never pays it). The few such settings made before the first paint
are written through Qt's property system as the integers Qt's headers define; code that
runs later imports ``Qt`` where it needs it. A test compares each value with ``Qt``'s.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor, QPalette

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
ALIGN_CENTER = 0x0004 | 0x0080  # Qt.AlignmentFlag.AlignHCenter | AlignVCenter
# Qt.TextInteractionFlag: TextSelectableByMouse | TextSelectableByKeyboard
# | LinksAccessibleByMouse | LinksAccessibleByKeyboard
SELECTABLE_TEXT_AND_LINKS = 1 | 2 | 4 | 8


def set_qt_property(target: QObject, name: str, value: int) -> None:
    """Set an enum or flags property of ``target`` from Qt's integer value."""
    if not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__} has no writable property {name!r}")


def solid_brush(color: QColor) -> QBrush:
    """A solid brush of ``color``, for a text format's foreground.

    ``QBrush(color)``, ``QBrush.setColor(color)`` and a QColor passed where a brush is
    expected all choose among overloads that try ``Qt.GlobalColor`` first, which touches
    ``Qt``; a palette's ``setColor`` has no such overload. Palettes are implicitly shared,
    so this may run on the loader's thread too.
    """
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, color)
    return palette.brush(QPalette.ColorRole.Text)
