"""The metrics panel on a hand-built transcript: table, copying, filter, charts (offscreen)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from metrics_doc import TITLE, build_transcript
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from reader.ui.figures_table import FigureIndexRole, FiguresModel
from reader.ui.metrics_panel import MetricsPanel


@pytest.fixture
def panel(qtbot):  # type: ignore[no-untyped-def]
    widget = MetricsPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    widget.set_transcript(build_transcript())
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.charts_ready, timeout=5000)
    return widget


def table(panel: MetricsPanel) -> QTableView:
    view = panel.findChild(QTableView, "figuresTable")
    assert view is not None
    return view


def row_of(view: QTableView, figure: int) -> int:
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(FigureIndexRole) == figure:
            return row
    raise AssertionError(f"figure {figure} not shown")


def select(view: QTableView, *figures: int) -> None:
    sel = view.selectionModel()
    sel.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for f in figures:
        sel.select(view.model().index(row_of(view, f), 0), flags)


def show_tab(panel: MetricsPanel, qtbot, chart) -> None:  # type: ignore[no-untyped-def]
    """Bring the chart's tab to the front and let pyqtgraph lay it out, as a user's click would."""
    tabs = panel.chart_tabs
    for i in range(tabs.count()):
        if tabs.widget(i).isAncestorOf(chart):
            tabs.setCurrentIndex(i)
    qtbot.waitUntil(chart.isVisible, timeout=1000)
    qtbot.wait(20)


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def test_the_panel_module_does_not_import_pyqtgraph() -> None:
    code = "import sys, reader.ui.metrics_panel; assert 'pyqtgraph' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr


def test_charts_wait_for_the_first_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = MetricsPanel()
    qtbot.addWidget(widget)
    widget.set_transcript(build_transcript())
    assert not widget.charts_ready()  # nothing drawn yet: pyqtgraph not needed yet
    widget.show()
    qtbot.waitUntil(widget.charts_ready, timeout=5000)


def test_summary_counts(panel: MetricsPanel) -> None:
    text = panel._summary.text()
    for part in ("speakers: 4", "turns: 4", "questions: 1", "figures: 10", "(9 distinct)"):
        assert part in text


def test_table_lists_every_figure_as_written(panel: MetricsPanel, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view = table(panel)
    t = build_transcript()
    assert view.model().rowCount() == len(t.figures)
    shown = [view.model().index(r, FiguresModel.FIGURE).data() for r in range(view.model().rowCount())]
    assert shown == [f.text for f in t.figures]
    qtmodeltester.check(panel.figures.model)


def test_change_links_and_citations_in_notes(panel: MetricsPanel) -> None:
    view = table(panel)
    model = view.model()
    notes = {model.index(r, FiguresModel.FIGURE).data(): model.index(r, FiguresModel.NOTES).data()
             for r in range(model.rowCount())}
    assert notes["39.4万起"] == "28.5% ↑"
    assert notes["28.5%"] == "↑ 39.4万起"
    assert notes["3291亿元"] == "cited 2 times"
    assert view.model().index(row_of(view, 0), FiguresModel.VALUE).data() == "394,000"


def test_ctrl_c_on_one_row_copies_the_figure_as_written(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = table(panel)
    QGuiApplication.clipboard().setText("before")
    select(view, 0)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard() == "39.4万起"


def test_ctrl_c_on_two_rows_copies_a_header_and_two_tsv_lines(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = table(panel)
    select(view, 0, 4)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = clipboard().splitlines()
    assert lines[0] == "text\tvalue\tunit\tqualifier\tspeaker\trole\tsentence"
    assert len(lines) == 3
    assert lines[1].split("\t")[:6] == ["39.4万起", "394000", "起", "", "张立", "公安部副部长"]
    assert lines[2].startswith("3291亿元\t329100000000\t元\t")


def test_a_copied_row_carries_the_qualifier_as_the_figures_command_does(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = table(panel)
    figure = next(i for i in range(view.model().rowCount())
                  if view.model().index(row_of(view, i), 0).data() == "近9个百分点")
    select(view, 0, figure)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    header, *rows = clipboard().splitlines()
    copied = [dict(zip(header.split("\t"), row.split("\t"), strict=True)) for row in rows]
    assert [(r["text"], r["qualifier"], r["unit"]) for r in copied][-1] == ("近9个百分点", "近", "个百分点")


def test_clicking_a_row_activates_its_figure(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = table(panel)
    rect = view.visualRect(view.model().index(row_of(view, 6), 0))
    with qtbot.waitSignal(panel.figureActivated, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [6]


def test_filter_box_narrows_to_the_large_money(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = panel.findChild(QLineEdit, "figuresFilter")
    assert box is not None
    qtbot.keyClicks(box, ">1000")
    box.insert("亿")  # what an input method commits; QTest can only type ASCII keys
    view = table(panel)
    shown = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert shown == ["3291亿元", "3291亿元"]
    box.clear()
    assert view.model().rowCount() == 10


def test_figure_menu_copies_value_and_source_and_shows(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    menu = panel.show_figure_menu(0, QPoint(10, 10))
    assert menu is not None
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    # The transcript's menu: the figure is on screen there, so its last entry goes to the table.
    assert set(actions) == {"copyFigure", "copyValue", "copyWithSource", "showInTable"}
    assert actions["showInTable"].text() == "Show in figures table"
    actions["copyFigure"].trigger()
    assert clipboard() == "39.4万起"
    actions["copyValue"].trigger()
    assert clipboard() == "394000"
    actions["copyWithSource"].trigger()
    quote = clipboard()
    assert build_transcript().figures[0].sentence in quote
    assert "张立" in quote and "公安部副部长" in quote and TITLE in quote and "2022-04-14" in quote
    view = table(panel)
    view.clearSelection()
    panel.figures.filter.setText("3291")  # a filter that hides the figure is cleared
    actions["showInTable"].trigger()
    assert panel.figures.selected_figures() == [0]
    assert view.hasFocus() or not view.isVisible()
    menu.close()
    row_menu = panel.figure_actions.build_menu(0, panel)  # the table's own menu
    show = next(a for a in row_menu.actions() if a.objectName() == "showInTranscript")
    with qtbot.waitSignal(panel.figureActivated, timeout=1000) as blocker:
        show.trigger()
    assert blocker.args == [0]
    row_menu.close()


def test_clicking_a_speaking_share_bar_asks_for_that_speaker(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = panel.speaking_chart
    assert chart is not None
    show_tab(panel, qtbot, chart)
    ids = chart.speaker_ids()
    assert ids[0] == "s2"  # the official who spoke most is on top
    pos = chart.widget_pos_of(5, 1).toPoint()  # the second bar, near its start
    with qtbot.waitSignal(panel.speakerActivated, timeout=1000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [ids[1]]


def test_density_chart_follows_view_and_search_and_jumps(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = panel.density_chart
    assert chart is not None
    show_tab(panel, qtbot, chart)
    length = len(build_transcript().text)
    panel.set_visible_range(length // 4, length // 2)
    low, high = chart.visible_region()
    assert low == pytest.approx(25, abs=0.5) and high == pytest.approx(50, abs=0.5)
    panel.set_search_spans([(10, 12), (100, 104), (200, 201)])
    assert chart.match_count() == 3
    pos = chart.widget_pos_of(75, 0.5).toPoint()
    with qtbot.waitSignal(panel.offsetActivated, timeout=1000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args[0] == pytest.approx(0.75 * length, abs=0.03 * length)


def test_family_chart_compares_money_and_jumps_to_a_figure(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = panel.family_chooser
    assert chooser.currentData() == "money"
    chart = panel.family_chart
    assert chart is not None
    show_tab(panel, qtbot, chart)
    assert chart.figure_indices() == [4, 6, 7]
    assert "张立" in chart.tip(0) and "李平" in chart.tip(0) and "3291亿元" in chart.tip(0)
    with qtbot.waitSignal(panel.figureActivated, timeout=1000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.widget_pos_of(2, 2).toPoint())
    assert blocker.args == [7]
    chooser.setCurrentIndex(chooser.findData("points"))
    assert chart.figure_indices() == [8]


def test_export_writes_csv_with_bom_and_json(panel: MetricsPanel, tmp_path: Path) -> None:
    assert panel.export_figures_to(str(tmp_path / "f.csv")) is None
    data = (tmp_path / "f.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "39.4万起".encode() in data
    assert panel.export_figures_to(str(tmp_path / "f.json")) is None
    assert '"text": "39.4万起"' in (tmp_path / "f.json").read_text(encoding="utf-8")


def test_export_never_overwrites_the_open_transcript(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    source = tmp_path / "briefing.md"
    source.write_text("原文", encoding="utf-8")
    t = build_transcript()
    widget = MetricsPanel()
    qtbot.addWidget(widget)
    widget.set_transcript(replace(t, source=replace(t.source, path=str(source))))
    assert widget.export_figures_to(str(source)) is not None
    assert source.read_text(encoding="utf-8") == "原文"


def test_export_dialog_choice_is_written(panel: MetricsPanel, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "chosen"
    monkeypatch.setattr("reader.ui.figure_export.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "JSON (*.json)"))
    written = panel.export_figures(str(tmp_path))
    assert written == (str(tmp_path / "chosen.json"), len(panel.transcript.figures))
    assert (tmp_path / "chosen.json").exists()
    QApplication.processEvents()


def test_hovering_a_family_bar_shows_the_figure_and_who_said_it(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QToolTip

    chart = panel.family_chart
    assert chart is not None
    show_tab(panel, qtbot, chart)
    qtbot.mouseMove(chart.viewport(), chart.widget_pos_of(1, 0).toPoint())
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "3291亿元" in QToolTip.text() and "张立、李平" in QToolTip.text()
    QToolTip.hideText()


def test_ctrl_c_in_the_table_wins_over_a_window_wide_copy_action(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    widget = MetricsPanel()
    window.setCentralWidget(widget)
    other = QAction("Copy", window)
    other.setShortcut(QKeySequence.StandardKey.Copy)
    window.addAction(other)
    widget.set_transcript(build_transcript())
    window.show()
    qtbot.waitExposed(window)
    view = table(widget)
    view.setFocus()
    select(view, 1)
    with qtbot.assertNotEmitted(other.triggered):
        qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard() == "63.4万名"


def test_clicking_the_value_header_sorts_by_value_not_by_its_text(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = table(panel)
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(FiguresModel.VALUE) + header.sectionSize(FiguresModel.VALUE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    model = view.model()
    texts = [model.index(r, FiguresModel.FIGURE).data() for r in range(model.rowCount())]
    assert texts[:3] == ["近9个百分点", "28.5%", "不到50%"]
    assert texts[-2:] == ["3291亿元", "3291亿元"]


def test_a_document_without_turns_or_figures_shows_an_empty_panel(panel: MetricsPanel) -> None:
    from dataclasses import replace

    empty = replace(build_transcript(), turns=(), figures=(), qa=(), speakers=())
    panel.set_transcript(empty)
    panel.ensure_charts()
    assert table(panel).model().rowCount() == 0
    assert not panel.family_chooser.isEnabled()
    assert panel.speaking_chart is not None and panel.speaking_chart.speaker_ids() == []
    assert "figures: 0" in panel._summary.text()
    box = panel.findChild(QLineEdit, "figuresFilter")
    assert box is not None
    box.setText(">1亿")
    assert table(panel).model().rowCount() == 0


def test_a_new_document_replaces_the_old_one_everywhere(panel: MetricsPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    t = build_transcript()
    fewer = replace(t, figures=t.figures[:2])
    panel.set_transcript(fewer)
    chart = panel.family_chart
    assert chart is not None
    # money is gone, so the chooser falls back to the first family present, in FAMILIES order
    qtbot.waitUntil(lambda: chart.figure_indices() == [1], timeout=2000)
    assert panel.family_chooser.currentData() == "people"
    chooser = panel.family_chooser
    assert [chooser.itemData(i) for i in range(chooser.count())] == ["people", "cases"]
    assert table(panel).model().rowCount() == 2
    assert "figures: 2" in panel._summary.text()


def test_a_long_transcripts_speaking_share_axis_reads_as_plain_numbers(qtbot) -> None:  # type: ignore[no-untyped-def]
    """pyqtgraph writes 1e+06 from a million on; a reader expects 1,000,000."""
    from reader.metrics.series import SpeakerShare
    from reader.ui.charts import SpeakingShareChart, plain_number

    chart = SpeakingShareChart()
    qtbot.addWidget(chart)
    chart.resize(320, 200)
    shares = [SpeakerShare(f"s{i}", f"人{i}", None, "official", chars, chars / 3_000_000, 0)
              for i, chars in enumerate((1_800_000, 900_000, 300_000))]
    chart.set_shares(shares)
    chart.show()
    qtbot.waitExposed(chart)
    axis = chart.getPlotItem().getAxis("bottom")
    low, high = chart.getPlotItem().viewRange()[0]
    labels = [label for spacing, values in axis.tickValues(low, high, 300)
              for label in axis.tickStrings(values, 1.0, spacing)]
    assert labels and not any("e+" in label or "e-" in label for label in labels)
    assert any("," in label for label in labels)  # 500,000 or 1,000,000
    assert plain_number(1_500_000, 500_000) == "1,500,000"
    assert plain_number(0.25, 0.05) == "0.25"
    assert plain_number(12.5, 2.5) == "12.5" and plain_number(40_000, 20_000) == "40,000"


def test_an_english_briefings_panel_counts_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    from reader.pipeline import parse_bytes

    widget = MetricsPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    widget.set_transcript(parse_bytes(b"Mao Ning: I have no announcement to make today.\n\n"
                                      b"AFP: What is China's response?\n\n"
                                      b"Mao Ning: China has made its position clear.\n", "briefing.txt"))
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.charts_ready, timeout=5000)
    qtbot.waitUntil(widget.charts_filled, timeout=5000)
    assert "words: 22" in widget._summary.text() and "Chinese characters" not in widget._summary.text()
    chart = widget.speaking_chart
    assert chart is not None
    show_tab(widget, qtbot, chart)
    assert chart.speaker_ids() == ["s1", "s2"]  # Mao Ning said more than AFP: a share, not 0% each
    assert "words per speaker" in widget._captions[widget.tr("Speakers")].text()
    assert "13 words" in chart.tip(0)
