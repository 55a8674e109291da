"""A big file's beginning is on screen while the rest of it is read (issue 12's progressive open)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from reader.load.cache import ModelCache
from reader.model import Transcript
from reader.pipeline import PREVIEW_MIN_BYTES, load, parse_bytes, preview_bytes
from reader.ui.loader import DocumentLoader
from reader.ui.main_window import MainWindow
from reader.ui.settings import AppSettings

SPEAKERS = ("主持人", "国家统计局新闻发言人付凌晖", "新华社记者", "付凌晖", "中央广播电视总台记者")


def big_markdown(min_bytes: int) -> str:
    """A briefing of many turns, every turn's words numbered so each is found by its text."""
    lines = ["# 一年的发布会（汇编）", ""]
    size, i = 0, 0
    while size < min_bytes:
        turn = (f"**{SPEAKERS[i % len(SPEAKERS)]}：**第{i}段发言，全年完成投资{i % 97 + 1}.5万亿元，"
                f"同比增长{i % 13}.2%。" + "我们将继续加强监测分析，推动高质量发展。" * 6)
        lines += [turn, ""]
        size += len(turn.encode("utf-8")) + 2
        i += 1
    return "\n".join(lines)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("preview") / "big.md"
    path.write_text(big_markdown(int(PREVIEW_MIN_BYTES * 1.3)), encoding="utf-8")
    return path


def test_a_big_file_is_previewed_from_its_beginning_with_the_same_text_at_the_same_offsets(
        big_file: Path) -> None:
    previews: list[Transcript] = []
    whole = load(big_file, preview=previews.append)
    (beginning,) = previews
    assert 50 < len(beginning.turns) < len(whole.turns) / 4
    last = beginning.turns[-1].start  # the last turn may be cut off; all before it is whole
    assert beginning.text[:last] == whole.text[:last]
    assert [(t.start, t.end) for t in beginning.turns[:-1]] == [(t.start, t.end) for t in whole.turns[:len(
        beginning.turns) - 1]]
    assert beginning.figures and beginning.figures[0].text == whole.figures[0].text


def test_small_files_and_cached_models_are_not_previewed(big_file: Path, sample_path: Path,
                                                         tmp_path: Path) -> None:
    previews: list[Transcript] = []
    load(sample_path, preview=previews.append)
    assert previews == []
    cache = ModelCache(tmp_path / "cache")
    load(big_file, preview=previews.append, cache=cache)
    assert len(previews) == 1  # parsed: previewed
    load(big_file, preview=previews.append, cache=cache)
    assert len(previews) == 1  # served from the cache, at once: nothing to preview


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5"])
def test_the_preview_cut_never_splits_a_character(encoding: str) -> None:
    line = "發言人：這是很長的一行，沒有換行" * 500 + "\n"
    data = (line * 300).encode(encoding)
    beginning = preview_bytes(data)
    assert beginning is not None and len(beginning) < len(data)
    assert (line * 40).startswith(beginning.decode(encoding))  # strict: no character cut in two
    one_line = ("<p>發言人：這是很長的一段</p>" * 60000).encode(encoding)
    beginning = preview_bytes(one_line)
    assert beginning is not None and beginning.endswith(b">")
    beginning.decode(encoding)
    assert preview_bytes(data[:1000]) is None
    assert preview_bytes(("發言人" * 400000).encode(encoding)) is None  # no safe place to cut


class GatedLoad:
    """A load that previews the file's beginning, then waits for the test to let it finish."""

    def __init__(self, path: Path) -> None:
        self.data = path.read_bytes()
        self.go = threading.Event()

    def __call__(self, path: str, progress, preview=None) -> Transcript:  # type: ignore[no-untyped-def]
        assert preview is not None
        beginning = preview_bytes(self.data)
        assert beginning is not None
        preview(parse_bytes(beginning, path))
        self.go.wait(30)
        progress(0.9)
        return parse_bytes(self.data, path)


def open_window(qtbot, tmp_path: Path, load: GatedLoad) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"), show_dialogs=False,
                        loader=DocumentLoader(load=load, previews=True))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def preview_of(window: MainWindow) -> QWidget | None:
    found = window.findChild(QWidget, "previewView")
    return found if found is not None and found.isVisible() else None


def test_the_window_paints_the_beginning_then_opens_the_whole_file_where_the_reader_scrolled(
        qtbot, tmp_path: Path, big_file: Path) -> None:
    gate = GatedLoad(big_file)
    window = open_window(qtbot, tmp_path, gate)
    window.open_file(str(big_file))
    qtbot.waitUntil(lambda: preview_of(window) is not None, timeout=10000)
    shown = window.preview.widget
    assert shown is not None and not window.view.isVisible()
    assert "第0段发言" in shown.toPlainText() and "第40段发言" in shown.toPlainText()
    assert "big.md" in window.status_label.text()
    qtbot.waitUntil(window.progress.isVisible)  # the load goes on, and can be cancelled
    assert window.transcript is None  # no pane acts on the preview's model
    # The reader reads on: the turn at the top of the preview is where the whole file opens.
    turn = shown.transcript.turns[30]
    shown.scroll_to_offset(turn.start)
    qtbot.wait(50)
    with qtbot.waitSignal(window.documentShown, timeout=20000):
        gate.go.set()
    assert preview_of(window) is None and window.preview.widget is None
    assert window.view.isVisible() and window.transcript is not None
    assert len(window.transcript.turns) > 4 * len(shown.transcript.turns)
    assert window.view.is_on_screen(turn.start + 2)
    assert not window.view.is_on_screen(window.transcript.turns[0].start)
    assert window.nav_tabs is not None and window.speaker_nav is not None
    assert window.speaker_nav.model().rowCount() > 0


def test_cancelling_while_the_beginning_is_shown_gives_back_the_document_shown_before(
        qtbot, tmp_path: Path, big_file: Path, sample_path: Path) -> None:
    gate = GatedLoad(big_file)
    window = open_window(qtbot, tmp_path, gate)
    window.show_transcript(load(sample_path), str(sample_path))
    before = window.transcript
    window.open_file(str(big_file))
    qtbot.waitUntil(lambda: preview_of(window) is not None, timeout=10000)
    qtbot.waitUntil(window.cancel_button.isVisible)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    gate.go.set()
    qtbot.waitUntil(lambda: "cancelled" in window.status_label.text(), timeout=10000)
    assert preview_of(window) is None and window.view.isVisible()
    assert window.transcript is before
    first = before.turns[0].paragraphs[0]
    assert before.text[first.start:first.start + 12] in window.view.toPlainText()
    window.loader.wait(10000)


def test_a_reload_keeps_the_reader_in_the_document_shown_and_previews_nothing(
        qtbot, tmp_path: Path, big_file: Path) -> None:
    gate = GatedLoad(big_file)
    window = open_window(qtbot, tmp_path, gate)
    window.show_transcript(load(big_file), str(big_file))
    seen: list[str] = []
    window.session.previewed.connect(lambda path, _t: seen.append(path))
    window.reload()
    qtbot.waitUntil(lambda: seen == [str(big_file)], timeout=10000)
    qtbot.wait(50)
    assert preview_of(window) is None and window.view.isVisible()
    with qtbot.waitSignal(window.documentShown, timeout=20000):
        gate.go.set()
