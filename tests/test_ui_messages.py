"""Message boxes: plain text always (file names and transcripts may look like markup)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.ui import messages


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    boxes: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        boxes.append(box)
        return int(QMessageBox.StandardButton.Open.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return boxes


def test_open_error_names_the_file_in_plain_text(qapp, shown: list[QMessageBox]) -> None:
    messages.show_open_error(None, "<b>evil</b>.md", "is a directory")
    (box,) = shown
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "<b>evil</b>.md" in box.text() and box.informativeText() == "is a directory"


def test_link_confirmation_shows_the_address(qapp, shown: list[QMessageBox]) -> None:
    assert messages.confirm_open_link(None, "https://example.org/a?b=<c>")
    (box,) = shown
    assert box.informativeText() == "https://example.org/a?b=<c>"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)


def test_unexpected_error_carries_the_traceback(qapp, shown: list[QMessageBox]) -> None:
    messages.show_unexpected_error(None, "KeyError: 'x'", "Traceback ...")
    (box,) = shown
    assert "KeyError" in box.text() and box.detailedText() == "Traceback ..."
    assert box.icon() == QMessageBox.Icon.Critical
