"""Large documents on the GUI thread: what keeps each step short, checked by what it does.

The end-to-end check (a 3 MB transcript shown without a GUI-thread step over 100 ms) is
``test_hostile_window.py::test_showing_a_large_transcript_does_not_freeze``; these pin
the parts, without timing anything.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit
from ui_transcripts import briefing

from reader.metrics.facts import panel_facts
from reader.model import Transcript
from reader.ui.figures_table import FiguresModel
from reader.ui.kind_colors import kind_color
from reader.ui.layout_pacer import LayoutPacer, laid_out_frontier
from reader.ui.metrics_panel import MetricsPanel
from reader.ui.overview_strip import OverviewStrip

PARAGRAPH = "国务院新闻办公室今天举行新闻发布会，介绍有关情况并答记者问。" * 6


def long_document(paragraphs: int) -> QTextDocument:
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(QFont("Noto Sans CJK SC", 12))
    cursor = QTextCursor(doc)
    cursor.insertText("\n".join(f"{i} {PARAGRAPH}" for i in range(paragraphs)))
    return doc


def test_laid_out_frontier_is_the_last_laid_out_block(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = QTextEdit()
    qtbot.addWidget(view)
    doc = long_document(3000)
    view.setDocument(doc)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    frontier = laid_out_frontier(doc)
    assert frontier is not None, "Qt lays out a long document lazily: it cannot be done yet"
    assert frontier.layout().lineCount() > 0
    assert frontier.next().layout().lineCount() == 0
    qtbot.waitUntil(lambda: laid_out_frontier(doc) is None and doc.lastBlock().layout().lineCount() > 0,
                    timeout=30_000)


def test_the_pacer_keeps_each_background_layout_step_short(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Qt alone doubles its step up to 200,000 characters; paced, no step lays out more than
    a few tens of thousands, and the whole document is still laid out."""
    view = QTextEdit()
    qtbot.addWidget(view)
    doc = long_document(8000)  # about 1 M characters
    view.setDocument(doc)
    pacer = LayoutPacer(view)
    pacer.pace(doc)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)

    steps: list[int] = []
    last = [0]

    def frontier_position() -> int:
        block = laid_out_frontier(doc)
        return doc.characterCount() if block is None else block.position() + block.length()

    class StepWatcher(QObject):
        """Samples the frontier at each of the layout's timer events, so each sample is one
        step: polling from the test merged two or three steps when the machine was busy."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Timer:
                position = frontier_position()
                steps.append(position - last[0])
                last[0] = position
            return False

    watcher = StepWatcher()
    doc.documentLayout().installEventFilter(watcher)
    qtbot.waitUntil(lambda: doc.lastBlock().layout().lineCount() > 0, timeout=60_000)
    doc.documentLayout().removeEventFilter(watcher)
    steps.append(frontier_position() - last[0])
    assert pacer.restarts > 5
    assert pacer.full_restarts == 0, "Qt stopped early after a restart: the restart range is too short"
    block = doc.firstBlock()
    while block.isValid():  # every block laid out: none skipped over, so all of the text shows
        assert block.layout().lineCount() > 0, f"block {block.blockNumber()} was never laid out"
        block = block.next()
    assert max(steps[1:]) < 60_000, f"a layout step covered {max(steps[1:])} characters"


def test_a_pacer_moved_to_another_document_leaves_the_first_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = QTextEdit()
    qtbot.addWidget(view)
    pacer = LayoutPacer(view)
    first, second = long_document(10), long_document(10)
    pacer.pace(first)
    pacer.pace(second)
    first.deleteLater()
    qtbot.wait(10)
    pacer.pace(long_document(10))  # the first is gone: moving on must not touch it


def many_turns(count: int) -> Transcript:
    """The briefing, its turns repeated ``count`` times over the same text (enough for a strip)."""
    t = briefing()
    turns = []
    length = len(t.text)
    kinds = ("host", "official", "reporter")
    for i in range(count):
        start = i * length // count
        template = t.turns[i % len(t.turns)]
        turns.append(replace(template, index=i, start=start, end=(i + 1) * length // count,
                             kind=kinds[i % 3]))
    return replace(t, turns=turns)


def test_overview_strip_paints_one_run_per_pixel_row_at_most(qtbot) -> None:  # type: ignore[no-untyped-def]
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(14, 300)
    transcript = many_turns(10_000)
    strip.set_transcript(transcript)
    strip.show()
    qtbot.waitExposed(strip)
    assert strip.band_count == 10_000
    runs = strip._merged_bands(strip.height())
    assert 0 < len(runs) <= strip.height()
    rows = sum(height for _, height, _ in runs)
    assert rows == strip.height(), "every pixel row belongs to some turn"


def shown_strip(qtbot, transcript: Transcript, matches: tuple[int, ...] = ()) -> OverviewStrip:  # type: ignore[no-untyped-def]
    """An overview strip 200 px tall showing ``transcript`` (and ``matches``), painted."""
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(14, 200)
    strip.set_transcript(transcript)
    if matches:
        strip.set_matches(matches)
    strip.show()
    qtbot.waitExposed(strip)
    return strip


def test_overview_strip_bands_take_their_turns_colour(qtbot) -> None:  # type: ignore[no-untyped-def]
    t = briefing()
    length = len(t.text)
    halves = [replace(t.turns[0], index=0, start=0, end=length // 2, kind="host"),
              replace(t.turns[1], index=1, start=length // 2, end=length, kind="reporter")]
    strip = shown_strip(qtbot, replace(t, turns=halves, figures=[]))
    image = strip.grab().toImage()
    top, bottom = QColor(image.pixel(2, 20)), QColor(image.pixel(2, 180))
    assert top != bottom
    for shown, kind in ((top, "host"), (bottom, "reporter")):
        expected = kind_color(kind)
        assert abs(shown.hueF() - expected.hueF()) < 0.05, (shown.name(), kind)


def test_overview_strip_ticks_show_where_matches_and_figures_are(qtbot) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.kind_colors import CURRENT_MATCH_COLOR, FIGURE_UNDERLINE_COLOR

    t = briefing()
    length = len(t.text)
    strip = shown_strip(qtbot, t, matches=(length // 4,))
    image = strip.grab().toImage()
    match_row = int(length // 4 / length * 200)
    assert QColor(image.pixel(4, match_row)) == QColor(CURRENT_MATCH_COLOR)
    assert QColor(image.pixel(4, match_row + 6)) != QColor(CURRENT_MATCH_COLOR)  # a tick, not a band
    figure_row = int(t.figures.starts[0] / length * 200)
    assert QColor(image.pixel(12, figure_row)) == QColor(FIGURE_UNDERLINE_COLOR)
    assert QColor(image.pixel(4, figure_row)) != QColor(FIGURE_UNDERLINE_COLOR)  # its own column
    strip.add_matches([length * 3 // 4])  # a running search's next batch
    strip.repaint()
    image = strip.grab().toImage()
    assert QColor(image.pixel(4, int(length * 3 // 4 / length * 200))) == QColor(CURRENT_MATCH_COLOR)


def test_an_overview_paint_costs_a_few_painter_calls_however_many_ticks(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """One Qt call per pixel row made each paint wait on the GIL hundreds of times while a
    search thread ran: up to 300 ms a paint on a 50 MB document."""
    from PySide6.QtGui import QPainter

    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(14, 400)
    transcript = many_turns(10_000)
    strip.set_transcript(transcript)
    length = len(transcript.text)
    strip.set_matches(range(0, length, max(1, length // 5_000)))
    strip.show()
    qtbot.waitExposed(strip)
    calls = []
    for name in ("fillRect", "drawImage", "drawRect", "drawLine"):
        real = getattr(QPainter, name)
        monkeypatch.setattr(QPainter, name, lambda self, *a, _real=real, _name=name: (calls.append(_name),
                                                                                     _real(self, *a))[1])
    strip.set_visible_range(0, length // 10)
    strip.grab()  # one paint
    assert 0 < len(calls) <= 6, calls[:10]


def test_figures_model_formats_rows_on_demand_like_before(qtbot) -> None:  # type: ignore[no-untyped-def]
    t = briefing()
    model = FiguresModel()
    model.set_transcript(t, panel_facts(t))
    assert model.rowCount() == len(t.figures)
    assert model._notes == {}, "nothing is formatted before a row is asked for"
    for row, figure in enumerate(t.figures):
        assert model.index(row, FiguresModel.FIGURE).data() == figure.text
        assert model.index(row, FiguresModel.UNIT).data() == figure.unit
    assert len(model._notes) == 0  # only the notes column makes notes
    model.index(0, FiguresModel.NOTES).data()
    assert len(model._notes) == 1


def test_panel_ignores_facts_made_for_another_transcript(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    t = briefing()
    other = replace(t, figures=t.figures[:1])
    panel.set_transcript(t, panel_facts(other))
    assert f"figures: {len(t.figures)}" in panel._summary.text()
    assert panel.figures.model.rowCount() == len(t.figures)



def test_figure_columns_are_fitted_after_the_rows_show(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 700)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.figures.view
    header = view.horizontalHeader()
    header.setDefaultSectionSize(300)  # what an unfitted column would keep
    panel.set_transcript(briefing())
    ideograph = panel.fontMetrics().horizontalAdvance("汉")
    qtbot.waitUntil(lambda: header.sectionSize(FiguresModel.UNIT) < 300, timeout=2000)  # the last one fitted
    assert 0 < header.sectionSize(FiguresModel.FIGURE) <= 8 * ideograph + 8
    value = FiguresModel.VALUE
    assert view.sizeHintForColumn(value) <= header.sectionSize(value) < 300


def test_chinese_characters_are_counted_alike_in_slices() -> None:
    """``count_chinese_chars`` counts a long text slice by slice (bounded memory): same count."""
    from reader.metrics.series import COUNT_SLICE, NOT_CHINESE_CHAR, count_chinese_chars

    text = ("他说：2021年增长了28.5%，达到3291亿元。" * (3 * COUNT_SLICE // 20))[: 3 * COUNT_SLICE + 7]
    assert len(text) > 3 * COUNT_SLICE
    assert count_chinese_chars(text) == len(NOT_CHINESE_CHAR.sub("", text)) > 0


def many_questions(pairs: int) -> Transcript:
    from ui_transcripts import make_transcript

    turns = []
    for i in range(pairs):
        turns.append(("s1", "记者", "reporter", [f"第{i}个问题？"]))
        turns.append(("s2", "发言人", "official", [f"第{i}个回答。"]))
    return make_transcript(turns=turns, speakers=[("s1", "记者", None, "reporter"),
                                                  ("s2", "发言人", None, "official")],
                           qa=[(2 * i, [2 * i + 1]) for i in range(pairs)])


def test_thousands_of_questions_are_listed_as_the_list_is_scrolled(qtbot) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.nav_models import FETCH_BATCH
    from reader.ui.speaker_nav import OFFSET_ROLE, QaOutline

    pairs = 2 * FETCH_BATCH + 10
    transcript = many_questions(pairs)
    outline = QaOutline()
    qtbot.addWidget(outline)
    outline.resize(400, 300)
    outline.show()
    outline.set_transcript(transcript)
    model = outline.model()
    assert model.rowCount() == FETCH_BATCH, "the first rows at once, the rest as the list is scrolled"
    for _ in range(3):
        outline.scrollToBottom()
        qtbot.wait(20)
    qtbot.waitUntil(lambda: model.rowCount() == pairs, timeout=5000)
    last = model.index(pairs - 1, 0)
    assert last.data(OFFSET_ROLE) == transcript.turns[2 * (pairs - 1)].start
    assert f"第{pairs - 1}个问题" in last.data()

    outline.set_transcript(briefing())  # a new document stops the old one's rows
    shown = outline.model().rowCount()
    qtbot.wait(100)
    assert outline.model().rowCount() == shown == len(briefing().qa)


def test_speaker_rows_measure_as_qt_measures_them_once_per_shape(qtbot) -> None:  # type: ignore[no-untyped-def]
    """With many speakers, Qt measures every row above the one it selects; the trees remember
    a size per shape of row (lines, weight, count text) instead of asking the model eight roles
    per cell each time. The rows must come out exactly as the stock delegate makes them."""
    from PySide6.QtWidgets import QStyledItemDelegate
    from ui_transcripts import make_transcript

    from reader.ui.nav_delegate import RowShapeDelegate
    from reader.ui.speaker_nav import SpeakerNav

    kinds = ("official", "reporter", "host")
    speakers = [(f"s{i}", f"张{i:03d}", "司长" if i % 3 else None, kinds[i % 3]) for i in range(300)]
    turns = [(f"s{i % 300}", f"张{i % 300:03d}", kinds[i % 300 % 3], ["第一段话。" * (1 + i % 4)])
             for i in range(900)]
    transcript = make_transcript(turns=turns, speakers=speakers)
    trees = []
    for stock in (True, False):
        tree = SpeakerNav()
        qtbot.addWidget(tree)
        if stock:
            tree.setItemDelegate(QStyledItemDelegate(tree))
        tree.resize(320, 600)
        tree.show()
        tree.set_transcript(transcript)
        tree.set_match_counts({f"s{i}": i for i in range(0, 300, 7)}, {})
        tree.expandAll()
        trees.append(tree)
    stock_tree, tree = trees
    assert isinstance(tree.itemDelegate(), RowShapeDelegate)

    def rows(view: SpeakerNav) -> tuple[list[int], int, int]:
        heights, index = [], view.model().index(0, 0)
        while index.isValid():
            heights.append(view.visualRect(index).height())
            index = view.indexBelow(index)
        return heights, view.sizeHintForColumn(1), view.sizeHintForColumn(2)

    tree.select_turn(899)  # far down: every row above is measured
    stock_tree.select_turn(899)
    measured, stock = rows(tree), rows(stock_tree)
    assert len(measured[0]) > 1000 and len(set(measured[0])) >= 2  # one- and two-line rows
    assert measured == stock
    assert 0 < len(tree.itemDelegate()._sizes) < 60  # shapes, not rows

