"""Every message box the app shows, built in one place and always in plain text.

Transcripts and file names may contain markup; Qt would render it as rich text if
asked to guess, so each box is forced to plain text.

QMessageBox is imported when a box is first shown: PySide6 builds the Python side of
its many enums on first use (about 25 ms), which start-up should not pay for a dialog
it may never show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.i18n import tr
from reader.ui.startup import PLAIN_TEXT, set_qt_property

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def _box(parent: QWidget | None, icon_name: str, title: str, text: str,
         detail: str | None = None) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(getattr(QMessageBox.Icon, icon_name), title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    set_qt_property(box, "textFormat", PLAIN_TEXT)
    if detail:
        box.setInformativeText(detail)
    return box


def show_open_error(parent: QWidget | None, path: str, reason: str) -> None:
    """A file could not be opened; the previous document stays."""
    from PySide6.QtWidgets import QMessageBox

    box = _box(parent, "Warning", tr("Cannot open file"), tr("Cannot open {path}").format(path=path), reason)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def confirm_open_link(parent: QWidget | None, url: str) -> bool:
    """Ask before handing an address to the system browser; True to open it."""
    from PySide6.QtWidgets import QMessageBox

    box = _box(parent, "Question", tr("Open link"), tr("Open this address in your web browser?"), url)
    box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Open


def show_unexpected_error(parent: QWidget | None, summary: str, detail: str) -> None:
    """The last-resort report of a bug: the app keeps running."""
    from PySide6.QtWidgets import QMessageBox

    box = _box(parent, "Critical", tr("Unexpected error"),
               tr("Something went wrong. The document stays open; you may keep working.")
               + "\n\n" + summary)
    box.setDetailedText(detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_library_rebuilt(parent: QWidget | None, path: str, reason: str, set_aside: str) -> None:
    """The library's index could not be used: it was set aside and is being rebuilt."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = _box(parent, "Warning", tr("Library index rebuilt"),
               tr("The library index could not be used ({reason}). It is being rebuilt from your folders."
                  ).format(reason=reason),
               tr("The old file was kept as {path}").format(path=set_aside or path))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("libraryRebuiltMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): the window keeps running while the index is rebuilt
