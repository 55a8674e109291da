"""The transcript view: built from the model, exact offsets, clean copy, nothing loaded."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit
from ui_transcripts import briefing, make_transcript

from reader.ui.kind_colors import CURRENT_MATCH_COLOR, KIND_COLORS, MATCH_COLOR
from reader.ui.transcript_document import OffsetMap, build_document, display_breaks
from reader.ui.transcript_view import TranscriptView


def painted_match_count(view: TranscriptView, spans: list[tuple[int, int]]) -> int:
    """How many of ``spans`` the reader sees highlighted: each scrolled into view, its pixels read."""
    colors = (QColor(MATCH_COLOR), QColor(CURRENT_MATCH_COLOR))
    seen = 0
    for start, _end in spans:
        view.scroll_to_offset(start)
        view.viewport().repaint()
        image = view.viewport().grab().toImage()
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_position(start))
        rect = view.cursorRect(cursor)
        pixels = (image.pixelColor(x, y) for x in range(rect.left() + 1, rect.left() + 12)
                  for y in range(rect.top() + 1, rect.bottom()))
        if any(pixel in colors for pixel in pixels):
            seen += 1
    return seen


def make_view(qtbot, transcript=None) -> TranscriptView:
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.set_transcript(transcript or briefing(filler=4))
    view.show()
    qtbot.waitExposed(view)
    return view


def test_offset_map_round_trips_outside_the_bmp() -> None:
    text = "a𠀀b𠀁𠀂c"
    offsets = OffsetMap.for_text(text, base=10)
    positions = [offsets.to_position(i) for i in range(len(text) + 1)]
    assert positions == [10, 11, 13, 14, 16, 18, 19]
    assert [offsets.to_offset(p) for p in positions] == list(range(len(text) + 1))
    assert offsets.to_offset(12) == 1  # inside a surrogate pair: the character it belongs to
    assert offsets.to_offset(3) == 0  # in the header


def test_document_shows_exactly_the_model_text_after_the_header(qapp) -> None:
    transcript = make_transcript(
        speakers=[("s1", "张三", None, "official")],
        turns=[("s1", "发言人张三", "official", ["第一段𠀀文字。", "第二段 <b>不是标签</b>。"])],
    )
    doc, offsets = build_document(transcript)
    plain = doc.toPlainText()
    assert plain[-len(transcript.text):] == transcript.text
    cursor = QTextCursor(doc)
    start = transcript.text.index("第二段")
    cursor.setPosition(offsets.to_position(start))
    cursor.setPosition(offsets.to_position(start + 3), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "第二段"
    assert "<b>" in plain  # markup in the text is shown as text, never interpreted


def test_speaker_headings_are_bold_and_coloured_by_kind(qapp) -> None:
    transcript = briefing()
    doc, offsets = build_document(transcript)
    for turn in transcript.turns:
        cursor = QTextCursor(doc)
        cursor.setPosition(offsets.to_position(turn.label_span.start) + 1)
        fmt = cursor.charFormat()
        assert fmt.fontWeight() >= 700
        assert fmt.foreground().color() == QColor(KIND_COLORS[turn.kind])


def test_highlights_are_set_apart_by_colour_and_indent_not_slanted(qapp) -> None:
    """Chinese type has no italic: Qt would slant the glyphs (and load another face)."""
    body = make_transcript(preamble=["要点一：立案数同比下降"], speakers=[("s1", "主持人", None, "host")],
                           turns=[("s1", "主持人", "host", ["各位好。"])])
    first = body.preamble[0]
    transcript = dataclasses.replace(body, highlights=("要点一",), highlight_spans=(first,))
    doc, offsets = build_document(transcript)
    cursor = QTextCursor(doc)
    cursor.setPosition(offsets.to_position(first.start) + 1)
    assert not cursor.charFormat().fontItalic()
    assert cursor.charFormat().foreground().color() == QColor("#3b4a5c")
    assert cursor.blockFormat().leftMargin() > 0
    cursor.setPosition(offsets.to_position(transcript.turns[0].paragraphs[0].start) + 1)
    assert cursor.blockFormat().leftMargin() == 0  # the body is not indented


def test_figures_get_a_dotted_underline(qapp) -> None:
    transcript = briefing()
    doc, offsets = build_document(transcript)
    figure = transcript.figures[0]
    cursor = QTextCursor(doc)
    cursor.setPosition(offsets.to_position(figure.start) + 1)
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    cursor.setPosition(offsets.to_position(figure.start) - 1)
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_search_spans_are_painted_and_cleared(qtbot) -> None:
    view = make_view(qtbot)
    text = view.transcript.text
    spans = [(i, i + 4) for i in range(len(text)) if text.startswith("3291", i)]
    view.set_search_matches(spans)
    assert painted_match_count(view, spans) == 3
    view.set_search_matches(spans[:1])
    assert painted_match_count(view, spans) == 1
    assert view.match_count == 1
    view.set_search_matches([])
    assert painted_match_count(view, spans) == 0 and view.match_count == 0


def test_copy_gives_clean_plain_text(qtbot) -> None:
    view = make_view(qtbot)
    transcript = view.transcript
    assert transcript is not None
    turn = transcript.turns[1]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_position(turn.start))
    cursor.setPosition(view.offsets.to_position(turn.paragraphs[1].end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    expected = transcript.text[turn.start : turn.paragraphs[1].end]
    assert copied == expected
    assert "\u2029" not in copied and "\r" not in copied
    assert copied.split("\n")[0] == "公安部副部长杜航伟："


def test_nothing_is_loaded_and_links_are_only_reported(qtbot) -> None:
    view = make_view(qtbot, briefing())
    assert view.loadResource(2, QUrl("file:///etc/passwd")) is None
    assert view.loadResource(2, QUrl("http://tracker.example/p.gif")) is None
    with qtbot.waitSignal(view.linkRequested) as blocker:
        view.anchorClicked.emit(QUrl("https://example.org/briefing"))
    assert blocker.args == ["https://example.org/briefing"]
    assert view.source() == QUrl()  # the browser did not navigate


def test_unsafe_source_url_is_not_made_a_link(qapp) -> None:
    transcript = dataclasses.replace(briefing(), meta=dataclasses.replace(briefing().meta,
                                                                          url="javascript:alert(1)"))
    doc, _ = build_document(transcript)
    block = doc.begin()
    hrefs = []
    while block.isValid():
        for rng in block.layout().formats() if block.layout() else []:
            hrefs.append(rng.format.anchorHref())
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().isAnchor():
                hrefs.append(it.fragment().charFormat().anchorHref())
            it += 1
        block = block.next()
    assert not any("javascript" in h for h in hrefs)


def test_zoom_changes_the_reading_font(qtbot) -> None:
    view = make_view(qtbot)
    size = view.reading_point_size()
    view.zoom_in_reading()
    assert view.reading_point_size() == size + 1
    view.zoom_out_reading()
    view.zoom_out_reading()
    assert view.reading_point_size() == size - 1
    view.zoom_reset_reading()
    assert view.reading_point_size() == size


def test_scroll_to_offset_brings_it_to_the_top(qtbot) -> None:
    view = make_view(qtbot, briefing(filler=8))
    transcript = view.transcript
    assert transcript is not None
    target = transcript.turns[3].start
    view.scroll_to_offset(target)
    assert view.verticalScrollBar().value() > 0
    rect = view.cursorRect(_cursor_at(view, target))
    assert 0 <= rect.top() < 120


def _cursor_at(view: TranscriptView, offset: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_position(offset))
    return cursor


def test_right_click_on_a_figure_asks_for_its_menu(qtbot) -> None:
    view = make_view(qtbot, briefing())
    transcript = view.transcript
    assert transcript is not None
    figure = transcript.figures[2]
    rect = view.cursorRect(_cursor_at(view, figure.start + 2))
    assert view.figure_at(figure.start + 2) == 2
    assert view.figure_at(figure.end) is None
    with qtbot.waitSignal(view.figureMenuRequested) as blocker:
        view.contextMenuEvent(_context_event(rect.center()))
    assert blocker.args[0] == 2


def _context_event(pos: QPoint):
    from PySide6.QtGui import QContextMenuEvent

    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, pos)


def test_many_extra_selections_do_not_crash(qtbot) -> None:
    """Guards the PySide6 pin: 6.12.0 aborts after a few thousand ``.cursor`` assignments."""
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("诈骗" * 1000)
    selections = []
    for i in range(50_000):
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(edit.document())
        cursor.setPosition(i % 1999)
        cursor.setPosition(i % 1999 + 1, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selections.append(selection)
    edit.setExtraSelections(selections[:100])
    assert len(edit.extraSelections()) == 100
    assert selections[-1].cursor.selectedText() == ("诈骗" * 1000)[49_999 % 1999]


def test_display_breaks_cut_long_paragraphs_after_sentence_ends() -> None:
    sentence = "这是一个没有换行的很长的句子，用来测试显示分块。"
    text = "开头\n" + sentence * 400 + "\n结尾"
    breaks = display_breaks(text, limit=500)
    assert breaks and all(text[b - 1] == "。" for b in breaks)
    pieces = [b - a for a, b in zip([3, *breaks], [*breaks, len(text) - 3], strict=True)]
    assert max(pieces) <= 500
    assert display_breaks("短段落。\n另一段。", limit=500) == []
    no_punctuation = "字" * 1200
    assert display_breaks(no_punctuation, limit=500) == [500, 1000]


def test_offset_map_counts_display_breaks() -> None:
    offsets = OffsetMap.for_text("abcdefgh", base=0, breaks=[3, 6])
    assert [offsets.to_position(i) for i in range(9)] == [0, 1, 2, 4, 5, 6, 8, 9, 10]
    assert offsets.to_offset(3) == 3  # the separator ends the first piece
    assert [offsets.to_offset(p) for p in (4, 7, 8, 10)] == [3, 6, 6, 8]


def test_an_over_long_paragraph_is_shown_in_pieces_but_copied_whole(qtbot) -> None:
    paragraph = "全国共破获电信网络诈骗案件39.4万起。" * 300  # 6,000 characters, one paragraph
    transcript = make_transcript(speakers=[("s1", "张三", None, "official")],
                                 turns=[("s1", "张三", "official", [paragraph])])
    view = make_view(qtbot, transcript)
    breaks = display_breaks(transcript.text)
    assert len(breaks) == 2
    assert view.document().blockCount() == 2 + 1 + 3  # title and meta, the marker, three pieces
    start = transcript.turns[0].paragraphs[0].start
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_position(start))
    cursor.setPosition(view.offsets.to_position(len(transcript.text)), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_plain_text() == paragraph
    text = transcript.text
    spans = [(i, i + 2) for i in range(len(text)) if text.startswith("诈骗", i)]
    view.set_search_matches(spans)
    assert painted_match_count(view, [spans[0], spans[len(spans) // 2], spans[-1]]) == 3


def test_a_turn_written_without_a_marker_shows_its_speaker_above_plain_speech(qtbot) -> None:
    from reader.pipeline import parse_bytes
    from reader.ui.transcript_formats import UNMARKED_TOP_MARGIN

    body = ("本期嘉宾是张建国。\n\n**1. 你是什么时候开始学习编程的？**\n\n初二的时候开始学。\n\n"
            "**2. 你最近在读什么书？**\n\n读了12本书。\n\n**3. 对新人有什么建议？**\n\n多写代码。\n")
    transcript = parse_bytes(body.encode(), "interview.md")
    view = make_view(qtbot, transcript)
    answer = transcript.turns[1]
    assert answer.label == "" and transcript.speaker(answer.speaker).name == "张建国"
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_position(answer.start))
    assert cursor.blockFormat().topMargin() == UNMARKED_TOP_MARGIN
    assert cursor.charFormat().fontWeight() != 700  # the speech keeps its style: no heading made of it
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    line = view.cursorRect(cursor)
    official = QColor(KIND_COLORS["official"])
    margin = [image.pixelColor(x, y) for x in range(line.left(), line.left() + 60)
              for y in range(max(0, line.top() - UNMARKED_TOP_MARGIN), line.top())]
    assert official in margin, "the speaker's name is painted in the margin above the answer"
    higher = range(max(0, line.top() - UNMARKED_TOP_MARGIN - 40), line.top() - UNMARKED_TOP_MARGIN)
    above_question = [image.pixelColor(x, y) for x in range(line.left(), line.left() + 60) for y in higher]
    assert official not in above_question
