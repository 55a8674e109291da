"""Acceptance checks of issue 4 on the bundled sample, through the real parser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextCursor
from test_ui_transcript_view import painted_match_count

from reader.ui.main_window import MainWindow
from reader.ui.speaker_nav import SPEAKER_ROLE


@pytest.fixture
def window(qtbot, open_sample_window) -> MainWindow:  # type: ignore[no-untyped-def]
    w = open_sample_window(1200, 700)
    return w


def speaker_id(window: MainWindow, name: str) -> str:
    assert window.transcript is not None
    return next(s.id for s in window.transcript.speakers if s.name == name)


def type_query(qtbot, window: MainWindow, text: str) -> None:
    field = window.search_bar.field
    field.setFocus()
    with qtbot.waitSignal(window.search_bar.queryChanged, timeout=2000):
        if text.isascii():
            qtbot.keyClicks(field, text)
        else:
            field.insert(text)


def test_the_sample_is_shown_from_the_model(window: MainWindow) -> None:
    assert window.transcript is not None and len(window.transcript.turns) == 23
    assert window.view.toPlainText().endswith(window.transcript.text)
    assert window.speaker_nav.model().rowCount() >= 3  # hosts, officials, reporters


def test_clicking_wen_xinxiang_scrolls_to_his_first_turn(qtbot, window: MainWindow) -> None:
    transcript = window.transcript
    assert transcript is not None
    sid = speaker_id(window, "温信祥")
    first = next(t for t in transcript.turns if t.speaker == sid)
    nav = window.speaker_nav
    index = nav.speaker_index(sid)
    assert index.data(SPEAKER_ROLE) == sid
    nav.scrollTo(index)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualRect(index).center())
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.offsets.to_position(first.start))
    assert 0 <= window.view.cursorRect(cursor).top() < 100
    assert window.current_turn == first.index


def test_typing_3291_shows_one_of_three_and_three_highlights(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "3291")
    assert window.search_bar.status.text() == "1 / 3"
    assert len(window.matches) == 3
    assert painted_match_count(window.view, window.matches) == 3


def test_traditional_finds_the_same_as_simplified(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "诈骗")
    simplified = window.matches
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Escape)
    type_query(qtbot, window, "詐騙")
    assert window.matches == simplified and len(simplified) > 10


def test_escape_clears(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "3291")
    found = window.matches
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Escape)
    assert window.search_bar.status.text() == "" and painted_match_count(window.view, found) == 0


def test_recent_files_menu_lists_what_was_opened(window: MainWindow, sample_path: Path) -> None:
    window.recent_menu.aboutToShow.emit()
    assert window.transcript is not None and window.transcript.meta.title
    listed = [(a.text(), a.toolTip()) for a in window.recent_menu.actions()]
    assert listed == [(window.transcript.meta.title, str(sample_path))]


def test_every_figure_is_underlined(window: MainWindow) -> None:
    from PySide6.QtGui import QTextCharFormat

    transcript = window.transcript
    assert transcript is not None and transcript.figures
    for figure in transcript.figures:
        cursor = QTextCursor(window.view.document())
        cursor.setPosition(window.view.offsets.to_position(figure.start) + 1)
        assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine, figure.text


def test_screenshot_command_writes_a_png(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "TRANSCRIPT_READER_SETTINGS": str(tmp_path / "s.ini"),
           "TRANSCRIPT_READER_CACHE_DIR": "off", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    command = [sys.executable, "-m", "reader", "--screenshot", str(target), "--size", "1000x700"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1000, 700)


def test_screenshot_of_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", "TRANSCRIPT_READER_SETTINGS": str(tmp_path / "s.ini"),
           "TRANSCRIPT_READER_CACHE_DIR": "off", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "reader", str(tmp_path / "missing.md"),
                             "--screenshot", str(tmp_path / "x.png")],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 2
    assert "missing.md" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()
