"""Hand clipboard contents we made in Python back to Qt before the interpreter exits.

``createMimeDataFromSelection`` returns a QMimeData created from Python; Qt's clipboard
keeps it after the copy and deletes it from a C++ exit handler, after Python has shut
down, which crashes the process (SIGSEGV in ``Shiboken::Object::destroy``) on exit.
Re-setting the same text through ``QClipboard.setText`` makes Qt own a plain C++ copy,
so the text survives for the user and nothing Python-made is left to delete late.
"""

from __future__ import annotations

import atexit
from collections import deque

import shiboken6
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

# The last few objects we handed to Qt; one per clipboard mode is all Qt can still hold.
_handed_out: deque[QMimeData] = deque(maxlen=4)
_registered = False


def track_mime_data(mime: QMimeData) -> QMimeData:
    """Remember ``mime`` (about to be given to Qt) so it can be released at exit."""
    global _registered
    _handed_out.append(mime)
    if not _registered:
        atexit.register(release_clipboard)
        _registered = True
    return mime


def release_clipboard() -> None:
    """Replace our Python-made clipboard and selection data with Qt-owned copies."""
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        held = clipboard.mimeData(mode)
        if held is not None and any(held is m for m in _handed_out if shiboken6.isValid(m)):
            clipboard.setText(held.text(), mode)
    _handed_out.clear()
