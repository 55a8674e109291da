"""The search bar: the query field, ``n / N``, previous / next and Find All.

It only reports what the reader asks for; searching and painting happen elsewhere.
Typing is debounced with a single-shot timer so a fast typist triggers one search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.i18n import tr
from reader.ui.startup import ALIGN_CENTER, set_qt_property

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

TYPING_DEBOUNCE_MS = 40


class QueryField(QLineEdit):
    """The query field: Enter / Shift+Enter ask for the next / previous match, Esc to clear.

    Its own ``keyPressEvent`` rather than an event filter: a filter written in Python
    sees every event of the field (show, resize, paint, focus...), each wrapped for
    Python, and at start-up that made PySide6 build a dozen event classes before the
    window's first paint.
    """

    stepRequested = Signal(bool)  # backwards (Shift held)
    clearRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not at import: see reader.ui.startup

        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.stepRequested.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        elif key == Qt.Key.Key_Escape:
            self.clearRequested.emit()
        else:
            super().keyPressEvent(event)


class SearchBar(QWidget):
    queryChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    findAllRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QueryField(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(tr("Search (Ctrl+F): 诈骗, 詐騙, APP…"))
        # The clear button shows only over text, so it is made with the first text: its
        # icon (and Qt's image plugins) cost the window's first paint about 1 ms.
        self.field.textChanged.connect(self._enable_clear_button)
        self.field.setMinimumWidth(220)
        self.status = QLabel("", self)
        self.status.setObjectName("searchStatus")
        self.status.setMinimumWidth(70)
        set_qt_property(self.status, "alignment", ALIGN_CENTER)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip(tr("Next match (Enter, F3)"))
        self.find_all_button = QToolButton(self)
        self.find_all_button.setObjectName("findAllButton")
        self.find_all_button.setText(tr("Find All"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.field, self.status, self.previous_button, self.next_button,
                       self.find_all_button):
            layout.addWidget(widget)
        self._debounce = QTimer(self, singleShot=True, interval=TYPING_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit_query)
        self.field.textChanged.connect(self._debounce.start)
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        self.find_all_button.clicked.connect(self.findAllRequested)
        self.field.stepRequested.connect(self._step)
        self.field.clearRequested.connect(self.clear)

    @Slot(str)
    def _enable_clear_button(self, text: str) -> None:
        if text:
            self.field.textChanged.disconnect(self._enable_clear_button)
            self.field.setClearButtonEnabled(True)

    @property
    def query(self) -> str:
        return self.field.text()

    def set_status(self, current: int | None, total: int | None, counting: bool = False) -> None:
        """``n / N``; ``0 / 0`` for a query with no match; empty with no query. ``counting``:
        a search still running, ``n / N…`` with the count so far."""
        if total is None:
            self.status.setText("")
        else:
            more = "…" if counting else ""
            self.status.setText(f"{0 if current is None else current + 1} / {total}{more}")

    @Slot()
    def clear(self) -> None:
        self.field.clear()
        self._debounce.stop()
        self._emit_query()

    @Slot()
    def focus_field(self) -> None:
        from PySide6.QtCore import Qt  # not at import: see reader.ui.startup

        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    @Slot()
    def _emit_query(self) -> None:
        self.queryChanged.emit(self.field.text())

    def flush(self) -> None:
        """Search now if typing is pending (before stepping to a match)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._emit_query()

    @Slot(bool)
    def _step(self, backwards: bool) -> None:
        self.flush()
        if backwards:
            self.previousRequested.emit()
        else:
            self.nextRequested.emit()
