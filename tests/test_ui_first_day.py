"""What a new user's first day showed in the window (issue 17, "The window"), on the sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QStyleOptionViewItem, QTableView

from reader.export.figure_rows import display_value
from reader.ui.figures_table import FiguresModel
from reader.ui.find_results import elide_around_match
from reader.ui.main_window import MainWindow


def figures_table(window: MainWindow) -> QTableView:
    view = window.findChild(QTableView, "figuresTable")
    assert view is not None
    return view


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_value_and_unit_are_visible_without_scrolling_and_no_value_is_clipped(
        qtbot, open_sample_window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    window = open_sample_window(*size)
    qtbot.waitUntil(window.metrics_panel.charts_ready, timeout=5000)
    view = figures_table(window)
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(FiguresModel.NOTES) > 0, timeout=3000)
    qtbot.wait(50)  # the columns are fitted one per event-loop turn
    viewport = view.viewport().width()
    for col in (FiguresModel.VALUE, FiguresModel.UNIT):
        assert header.sectionViewportPosition(col) >= 0
        assert header.sectionViewportPosition(col) + header.sectionSize(col) <= viewport, col
    assert window.transcript is not None
    widest = max(view.fontMetrics().horizontalAdvance(display_value(f)) for f in window.transcript.figures)
    assert header.sectionSize(FiguresModel.VALUE) >= widest


def test_a_match_row_too_narrow_for_its_context_still_shows_the_match() -> None:
    text = "……一年来，全国共破获电信网络诈骗案件【39.4万起】，抓获犯罪嫌疑人…"
    def fits(s: str) -> bool:
        return len(s) <= 14

    shown = elide_around_match(text, fits)
    assert "【39.4万起】" in shown and shown.startswith("…") and fits(shown[:14])
    assert shown.endswith(text[text.index("【"):])  # Qt elides the right end itself
    assert elide_around_match("短【词】", fits) == "短【词】"


def test_find_all_in_a_narrow_pane_paints_each_match_and_wraps_the_summary(
        qtbot, open_sample_window) -> None:  # type: ignore[no-untyped-def]
    window = open_sample_window(1280, 800)
    window.search_bar.field.setText("的")
    window.find_all()
    results = window.find_results
    assert results is not None
    tree = results.tree
    qtbot.waitUntil(lambda: tree.model().rowCount() > 0, timeout=2000)
    group = tree.model().index(0, 0)
    tree.setExpanded(group, True)
    match = tree.model().index(0, 0, group)
    option = QStyleOptionViewItem()
    tree.itemDelegate().initStyleOption(option, match)
    option.rect = tree.visualRect(match)
    tree.itemDelegate().initStyleOption(option, match)
    assert "【的】" in option.text
    shown_width = option.fontMetrics.horizontalAdvance(option.text)
    assert shown_width <= tree.visualRect(match).width()
    summary = results.summary
    assert summary.wordWrap() and summary.isVisible()
    assert summary.heightForWidth(summary.width()) <= summary.height()  # all of it shown, wrapped


def test_the_transcripts_plain_context_menu_offers_no_disabled_link_entry(qtbot, open_sample_window) -> None:  # type: ignore[no-untyped-def]
    window = open_sample_window(1280, 800)
    view = window.view
    assert window.transcript is not None
    para = window.transcript.preamble[0]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_position(para.start + 2))
    view.scroll_to_offset(para.start)
    pos = view.cursorRect(cursor).center()
    assert view.figure_at(view.offset_at(pos)) is None
    before = set(QApplication.topLevelWidgets())
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    view.contextMenuEvent(event)
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w not in before]
    assert menus, "no context menu shown"
    names = [a.objectName() for a in menus[-1].actions()]
    assert "edit-copy" in names and "link-copy" not in names
    menus[-1].close()


def test_esc_clears_the_search_from_anywhere_in_the_window(qtbot, open_sample_window) -> None:  # type: ignore[no-untyped-def]
    window = open_sample_window(1280, 800)
    qtbot.waitUntil(lambda: window.menus.filled, timeout=3000)
    window.search_bar.field.setText("诈骗")
    window.search_bar.flush()
    assert window.matches
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.search_bar.query == "" and not window.matches
    assert not window.menus.clear_search_action.isEnabled()  # Esc is free again for everything else


def test_export_starts_in_the_documents_folder_then_the_last_one_and_says_what_it_wrote(
        qtbot, open_sample_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QStandardPaths

    import reader.ui.figure_export as figure_export

    window = open_sample_window(1280, 800)
    qtbot.waitUntil(window.metrics_panel.charts_ready, timeout=5000)
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(documents))
    asked: list[str] = []
    chosen = tmp_path / "out" / "figs.csv"
    chosen.parent.mkdir()

    def save_dialog(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(chosen), filters.split(";;")[0]

    monkeypatch.setattr(figure_export.QFileDialog, "getSaveFileName", save_dialog)
    window.export_figures()
    assert window.transcript is not None
    sample_dir = str(Path(window.transcript.source.path or "").parent)
    assert asked[0].startswith(str(documents)) and not asked[0].startswith(sample_dir)
    assert chosen.exists()
    status = window.status_label.text()
    assert str(chosen) in status and str(len(window.transcript.figures)) in status
    window.export_figures()
    assert asked[1].startswith(str(chosen.parent))  # the folder used last


def test_a_screenshot_reads_the_users_settings_and_writes_none(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    settings = tmp_path / "s.ini"
    settings.write_text("[view]\nzoom=2\n", encoding="utf-8")
    before = settings.read_bytes()
    env = {"QT_QPA_PLATFORM": "offscreen", "TRANSCRIPT_READER_SETTINGS": str(settings),
           "TRANSCRIPT_READER_CACHE_DIR": "off", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "reader", "--screenshot", str(tmp_path / "a.png"),
                             "--size", "800x600"], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert settings.read_bytes() == before  # no geometry, splitter, zoom or recent file saved


def test_read_only_settings_change_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.settings import AppSettings

    path = tmp_path / "s.ini"
    AppSettings.from_file(path).zoom = 3
    frozen = AppSettings.from_file(path, writable=False)
    frozen.zoom = 5
    frozen.add_recent_file(str(tmp_path / "a.md"), "标题")
    frozen.export_dir = str(tmp_path)
    frozen.sync()
    again = AppSettings.from_file(path)
    assert (again.zoom, again.recent_files, again.export_dir) == (3, [], None)


def test_a_saved_window_too_big_or_too_small_for_the_screen_is_made_to_fit(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect

    from reader.ui.main_window import MainWindow
    from reader.ui.settings import AppSettings

    area = QApplication.primaryScreen().availableGeometry()
    for saved in (QRect(area.left() + 3000, area.top() + 2000, area.width() * 3, area.height() * 3),
                  QRect(area.left(), area.top(), 428, 314)):
        settings = AppSettings.from_file(tmp_path / f"{saved.width()}.ini")
        donor = MainWindow(settings, show_dialogs=False)
        qtbot.addWidget(donor)
        donor.setGeometry(saved)
        settings.geometry = donor.saveGeometry()
        donor.close()
        window = MainWindow(settings, show_dialogs=False)
        qtbot.addWidget(window)
        window.show()
        assert area.contains(window.frameGeometry().topLeft())
        assert window.width() <= area.width() and window.height() <= area.height()
        assert window.width() >= min(640, area.width()) and window.height() >= min(420, area.height())
        window.close()


def test_the_screenshot_is_taken_once_the_charts_show_the_document(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    import reader.app as app

    monkeypatch.setenv("TRANSCRIPT_READER_SETTINGS", str(tmp_path / "s.ini"))
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", str(tmp_path / "cache"))
    seen: list[bool] = []
    real_grab = QWidget.grab

    def grab(widget, *args):  # type: ignore[no-untyped-def]
        panel = getattr(widget, "metrics_panel", None)
        seen.append(panel is not None and panel.charts_filled())
        return real_grab(widget, *args)

    monkeypatch.setattr(QWidget, "grab", grab)
    import time

    from reader.ui.metrics_panel import MetricsPanel

    real_build = MetricsPanel._build_chart

    def slow_build(panel):  # type: ignore[no-untyped-def]
        time.sleep(0.25)  # a slow machine: the charts are made a turn apart, over a second
        return real_build(panel)

    monkeypatch.setattr(MetricsPanel, "_build_chart", slow_build)
    assert app._screenshot(None, str(tmp_path / "shot.png"), "1280x800") == 0
    assert seen == [True]
