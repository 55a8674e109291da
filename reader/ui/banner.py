"""Notices above the transcript (warnings, a file changed on disk, a missing font).

A banner does not interrupt reading as a dialog would; each has a key so a newer
notice of the same kind replaces the older one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from reader.ui.i18n import tr
from reader.ui.startup import PLAIN_TEXT, set_qt_property


class Banner(QFrame):
    def __init__(self, key: str, text: str, actions: Sequence[tuple[str, Callable[[], None]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"banner_{key}")
        self.setStyleSheet("QFrame { background: #fff6d5; border-bottom: 1px solid #e5d38a; }"
                           "QLabel { border: none; }")
        self.label = QLabel(text, self)
        set_qt_property(self.label, "textFormat", PLAIN_TEXT)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            button.clicked.connect(self.dismiss)
            layout.addWidget(button)
            self.buttons.append(button)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(tr("Dismiss"))
        close.clicked.connect(self.dismiss)
        layout.addWidget(close)

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()


class BannerArea(QWidget):
    """A column of banners; empty and zero-height when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bannerArea")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)

    def show_banner(self, key: str, text: str,
                    actions: Sequence[tuple[str, Callable[[], None]]] = ()) -> Banner:
        self.remove_banner(key)
        banner = Banner(key, text, actions, self)
        self._layout.addWidget(banner)
        banner.show()  # a child added to a visible widget stays hidden until shown
        return banner

    def remove_banner(self, key: str) -> None:
        for banner in self.banners():
            if banner.key == key:
                banner.dismiss()

    def banners(self) -> list[Banner]:
        return [b for b in self.findChildren(Banner) if b.parentWidget() is self and not b.isHidden()]

    def texts(self) -> list[str]:
        return [b.label.text() for b in self.banners()]
