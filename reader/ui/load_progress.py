"""The load's progress in the status bar: a bar and Cancel, shown only for a slow load."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from reader.ui.i18n import tr

PROGRESS_DELAY_MS = 250  # a load quicker than this shows no progress bar at all


class LoadProgress(QWidget):
    """Hidden until a load has run for ``PROGRESS_DELAY_MS``; Cancel asks to stop it."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("loadProgress")
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton(self)  # (text, parent) would make PySide6 try QIcon first: ~1 ms
        self.cancel_button.setText(tr("Cancel"))
        self.cancel_button.setObjectName("cancelLoad")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._delay = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._delay.timeout.connect(self._appear)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self._running = False
        self._set_visible(False)

    def start(self) -> None:
        self._running = True
        self.bar.setValue(0)
        self._delay.start()

    @Slot(float)
    def set_fraction(self, fraction: float) -> None:
        self.bar.setValue(int(fraction * 100))

    def end(self) -> None:
        self._running = False
        self._delay.stop()
        self._set_visible(False)

    @Slot()
    def _appear(self) -> None:
        if self._running:
            self._set_visible(True)

    def _set_visible(self, visible: bool) -> None:
        self.bar.setVisible(visible)
        self.cancel_button.setVisible(visible)
