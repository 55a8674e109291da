"""Acceptance checks of issue 5 on the bundled sample, in the real window (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QTableView

from reader.ui.figures_table import FigureIndexRole, FiguresModel
from reader.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, open_sample_window) -> MainWindow:  # type: ignore[no-untyped-def]
    w = open_sample_window(1400, 900)
    qtbot.waitUntil(w.metrics_panel.charts_ready, timeout=5000)
    return w


def table(window: MainWindow) -> QTableView:
    view = window.findChild(QTableView, "figuresTable")
    assert view is not None
    return view


def rows_with_text(view: QTableView, text: str) -> list[int]:
    model = view.model()
    return [r for r in range(model.rowCount()) if model.index(r, FiguresModel.FIGURE).data() == text]


def select_rows(view: QTableView, rows: list[int]) -> None:
    sel = view.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(view.model().index(r, 0),
                   QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def figure_on_screen(window: MainWindow, figure: int) -> bool:
    assert window.transcript is not None
    start, end = window.view.visible_range()
    return start <= window.transcript.figures[figure].start <= max(start, end)


def test_ctrl_c_on_the_39_4_wan_row_copies_it_exactly(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = table(window)
    row = rows_with_text(view, "39.4万起")[0]
    view.setFocus()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(row, 0)).center())
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "39.4万起"


def test_two_rows_copy_a_header_and_two_tab_separated_lines(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = table(window)
    rows = [rows_with_text(view, "39.4万起")[0], rows_with_text(view, "63.4万名")[0]]
    select_rows(view, rows)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "text\tvalue\tunit\tqualifier\tspeaker\trole\tsentence"
    assert lines[1].split("\t")[:6] == ["39.4万起", "394000", "起", "", "杜航伟", "公安部副部长"]
    assert lines[2].split("\t")[:6] == ["63.4万名", "634000", "名", "", "杜航伟", "公安部副部长"]
    assert len(lines) == 3


def test_copy_with_source_names_the_sentence_the_speaker_and_the_role(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    transcript = window.transcript
    assert transcript is not None
    index = next(i for i, f in enumerate(transcript.figures) if f.text == "39.4万起")
    menu = window.metrics_panel.show_figure_menu(index, QPoint(200, 200))
    assert menu is not None
    action = next(a for a in menu.actions() if a.objectName() == "copyWithSource")
    action.trigger()
    quote = QGuiApplication.clipboard().text()
    assert "一年来，全国共破获电信网络诈骗案件39.4万起" in quote
    assert "杜航伟" in quote and "公安部副部长" in quote and "2022-04-14" in quote
    value = next(a for a in menu.actions() if a.objectName() == "copyValue")
    value.trigger()
    assert QGuiApplication.clipboard().text() == "394000"
    menu.close()


def test_clicking_a_speaking_share_bar_moves_the_view(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    transcript = window.transcript
    assert transcript is not None
    panel = window.metrics_panel
    chart = panel.speaking_chart
    assert chart is not None
    panel.chart_tabs.setCurrentIndex(0)
    qtbot.wait(20)
    ids = chart.speaker_ids()
    row = next(i for i, sid in enumerate(ids) if transcript.speaker(sid).name == "温信祥")  # type: ignore[union-attr]
    before = window.view.verticalScrollBar().value()
    with qtbot.waitSignal(panel.speakerActivated, timeout=1000) as blocker:
        bar = chart.widget_pos_of(10, row).toPoint()
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=bar)
    assert blocker.args == [ids[row]]
    first = next(t for t in transcript.turns if t.speaker == ids[row])
    assert window.view.verticalScrollBar().value() != before
    assert window.current_turn == first.index


def test_filter_more_than_1000_yi_leaves_only_the_3291_yi_citations(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    box = window.findChild(QLineEdit, "figuresFilter")
    assert box is not None
    qtbot.keyClicks(box, ">1000")
    box.insert("亿")
    view = table(window)
    shown = [view.model().index(r, FiguresModel.FIGURE).data() for r in range(view.model().rowCount())]
    assert shown == ["3291亿元"] * 3
    notes = {view.model().index(r, FiguresModel.NOTES).data() for r in range(3)}
    assert notes == {"cited 3 times"}


@pytest.mark.parametrize("query", ["394000", "39.4万", "三十九万四千"])
def test_a_number_written_any_way_finds_39_4_wan(qtbot, window: MainWindow, query: str) -> None:  # type: ignore[no-untyped-def]
    box = window.findChild(QLineEdit, "figuresFilter")
    assert box is not None
    box.setText(query)
    view = table(window)
    assert [view.model().index(r, 0).data() for r in range(view.model().rowCount())] == ["39.4万起"]


def test_change_link_is_shown_on_39_4_wan(window: MainWindow) -> None:
    view = table(window)
    row = rows_with_text(view, "39.4万起")[0]
    assert "28.5% ↑" in view.model().index(row, FiguresModel.NOTES).data()


def test_clicking_a_row_scrolls_the_transcript_to_the_figure(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = table(window)
    row = rows_with_text(view, "120亿元")[0]
    figure = view.model().index(row, 0).data(FigureIndexRole)
    assert not figure_on_screen(window, figure)
    view.scrollTo(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(row, 0)).center())
    assert figure_on_screen(window, figure)
