"""The library in the real window, on a generated library of 30 small briefings: File > Add
Folder shows files done / total and then results; a Chinese query typed through the input
method shows its matches grouped by briefing (newest first) and speaker with the exact count;
a click opens the briefing at that turn with the term highlighted; editing and deleting a
file update the hits while the window runs; a damaged index gets a message and is rebuilt;
FTS syntax is searched as text; speaker pages and figure histories show what the library
holds, and a history copies as TSV with each value's source and date."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from library_corpus import write_library, write_special
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from reader.library.library import Library, query_terms
from reader.library.render import figure_history_tsv
from reader.pipeline import load
from reader.text.fold import fold
from reader.ui import library_jobs
from reader.ui.kind_colors import CURRENT_MATCH_COLOR
from reader.ui.library_jobs import IndexJob
from reader.ui.library_pane import LibraryPane
from reader.ui.library_results import PATH_ROLE, ROW_ROLE
from reader.ui.loader import DocumentLoader
from reader.ui.main_window import MainWindow
from reader.ui.settings import AppSettings

DOCUMENTS = 30
@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("ui-library") / "docs"
    write_library(docs, DOCUMENTS, seed=3, target_bytes=12_000)
    write_special(docs)
    return docs


@pytest.fixture()
def docs(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the generated folder, and an index of the test's own (read in this process)."""
    monkeypatch.setenv("TRANSCRIPT_READER_LIBRARY", str(tmp_path / "index" / "library.sqlite3"))
    monkeypatch.setenv("TRANSCRIPT_READER_LIBRARY_WORKERS", "0")
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "docs"
    shutil.copytree(generated, copy)
    return copy


@pytest.fixture()
def window(qtbot, tmp_path: Path, docs: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"), loader=DocumentLoader(),
                   show_dialogs=False)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.attach_navigation()
    yield w
    w.close()
    w.loader.shutdown()


def _add(qtbot, window: MainWindow, folder: Path) -> tuple[LibraryPane, list[tuple[int, int]]]:  # type: ignore[no-untyped-def]
    pane = window.attach_navigation().show_library()
    seen: list[tuple[int, int]] = []
    pane._index_signals.progressed.connect(lambda done, total: seen.append((pane.progress.value(),
                                                                            pane.progress.maximum())))
    with qtbot.waitSignal(pane.indexingFinished, timeout=60_000):
        pane.add_folder(str(folder))
        assert pane.progress.isVisible() and pane.cancel_button.isVisible()
    return pane, seen


def _type_chinese(widget: QWidget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _search(qtbot, pane: LibraryPane, text: str, chinese: bool = True) -> int:  # type: ignore[no-untyped-def]
    pane.query.clear()
    with qtbot.waitSignal(pane.resultsShown, timeout=10_000) as shown:
        if chinese:
            _type_chinese(pane.query, text)
        else:
            qtbot.keyClicks(pane.query, text)
    return int(shown.args[0])


def _brute_count(folder: Path, query: str) -> int:
    """Matching turns by a scan of every document's folded turns (and lead)."""
    terms = query_terms(query)
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".md", ".html", ".htm", ".txt"):
            continue
        transcript = load(path)
        text, turns = transcript.text, transcript.turns
        parts = [text[:turns[0].start if turns else len(text)]] + [text[t.start:t.end] for t in turns]
        count += sum(1 for i, part in enumerate(parts) if (i or part) and all(t in fold(part) for t in terms))
    return count


def _tree_rows(pane: LibraryPane) -> list[tuple[str, list[tuple[str, int]]]]:
    model = pane.results.results
    out = []
    for r in range(model.rowCount()):
        briefing = model.item(r)
        out.append((briefing.text(), [(briefing.child(i).text(), briefing.child(i).rowCount())
                                      for i in range(briefing.rowCount())]))
    return out


def test_adding_a_folder_shows_progress_then_searching_shows_grouped_results(qtbot, window: MainWindow,
                                                                            docs: Path) -> None:
    pane, seen = _add(qtbot, window, docs)
    total = DOCUMENTS + 1
    assert seen and seen[-1] == (total, total) and all(m == total for _, m in seen)
    assert not pane.progress.isVisible()
    assert pane.status.text() == f"{total} briefings in 1 folders"
    assert window.nav_tabs is not None and window.nav_tabs.currentWidget() is pane

    count = _search(qtbot, pane, "诈骗")
    assert count == _brute_count(docs, "诈骗") > 0
    assert pane.status.text().startswith(f"{count:,} matching turns")
    rows = _tree_rows(pane)
    hits = pane.hits()
    assert len(rows) == len({h.doc_id for h in hits})
    dates = [text.split()[0] for text, _ in rows]
    assert dates == sorted(dates, reverse=True)  # newest briefing first
    shown = 0
    for text, speakers in rows:
        turns = sum(n for _, n in speakers)
        assert text.endswith(f"({turns})")
        assert all(name.endswith(f"({n})") for name, n in speakers)
        shown += turns
    assert shown == len(hits)
    if not hits or len({h.doc_id for h in hits}) < 20:
        assert shown == count  # one page holds every briefing
    # The contexts follow, read from the briefings, the term in them.
    first_turn = pane.results.results.item(0).child(0).child(0)
    qtbot.waitUntil(lambda: "【诈骗】" in first_turn.text(), timeout=10_000)


def test_filters_narrow_the_results(qtbot, window: MainWindow, docs: Path) -> None:
    pane, _ = _add(qtbot, window, docs)
    everything = _search(qtbot, pane, "发布会")
    with qtbot.waitSignal(pane.resultsShown, timeout=10_000) as shown:
        pane.kind.setCurrentIndex(pane.kind.findData("reporter"))
    reporters = int(shown.args[0])
    assert 0 < reporters < everything
    assert all(h.kind == "reporter" for h in pane.hits())
    pane.kind.setCurrentIndex(0)
    year = sorted({h.date or "" for h in pane.hits()})[-1][:4]
    with qtbot.waitSignal(pane.resultsShown, timeout=10_000):
        pane.date_from.setText(year)
        pane.date_to.setText(year)
    assert pane.hits() and all((h.date or "").startswith(year) for h in pane.hits())


def test_the_filter_lists_and_the_watched_files_are_read_off_the_gui_thread(
        qtbot, window: MainWindow, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """On 10,000 briefings each is tens of ms: the index job reads them, the tab only shows them."""
    threads: dict[str, list[bool]] = {"filter_values": [], "watch_paths": []}
    real_values, real_walk = Library.filter_values, library_jobs.watch_paths

    def filter_values(self: Library) -> dict[str, list[str]]:
        threads["filter_values"].append(threading.current_thread() is threading.main_thread())
        return real_values(self)

    def watch_paths(folders: list[str], max_files: int) -> tuple[list[str], list[str]]:
        threads["watch_paths"].append(threading.current_thread() is threading.main_thread())
        return real_walk(folders, max_files)

    monkeypatch.setattr(Library, "filter_values", filter_values)
    monkeypatch.setattr(library_jobs, "watch_paths", watch_paths)
    pane, _ = _add(qtbot, window, docs)
    assert threads == {"filter_values": [False], "watch_paths": [False]}
    assert pane.source.count() > 1  # the sources the job read are listed
    speakers = pane.speaker.completer().model()
    assert speakers.rowCount() > 0
    watched = set(pane.watch.watched())
    assert str(docs.resolve()) in watched
    assert any(p.endswith(".md") for p in watched)


def test_the_library_opens_off_the_gui_thread_and_then_runs_what_was_asked(
        qtbot, window: MainWindow, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Opening can upgrade the schema in place (seconds on a big index), wait out another
    process's lock or set a damaged file aside: the window keeps running meanwhile, and a
    search typed and a folder added before it opened are carried out once it has."""
    pane, _ = _add(qtbot, window, docs)
    expected = _search(qtbot, pane, "诈骗")
    window.close()
    window.loader.shutdown()

    release, opened_on = threading.Event(), []
    real_open = Library.__init__

    def slow_open(self: Library, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        opened_on.append(threading.current_thread() is threading.main_thread())
        release.wait(20)  # as long as a migration of a big index
        real_open(self, *args, **kwargs)

    monkeypatch.setattr(Library, "__init__", slow_open)
    second = MainWindow(AppSettings.from_file(docs.parent / "settings-2.ini"), loader=DocumentLoader(),
                        show_dialogs=False)
    qtbot.addWidget(second)
    second.show()
    pane = second.attach_navigation().show_library()
    qtbot.waitUntil(lambda: bool(opened_on), timeout=5_000)
    assert opened_on == [False] and pane.library is None
    assert pane.status.text() == "Opening the library…"
    _type_chinese(pane.query, "诈骗")
    pane._search_now()  # as the debounce would
    qtbot.wait(50)  # the window is not waiting for the opening: events are handled
    assert pane.library is None and pane.hits() == ()
    with qtbot.waitSignal(pane.resultsShown, timeout=20_000) as shown:
        release.set()
    assert shown.args[0] == expected and pane.library is not None
    second.close()
    second.loader.shutdown()


def test_a_library_that_cannot_be_opened_is_a_message_in_the_tab(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the index's folder should be")
    monkeypatch.setenv("TRANSCRIPT_READER_LIBRARY", str(blocker / "library.sqlite3"))
    pane = window.attach_navigation().show_library()
    qtbot.waitUntil(lambda: pane.status.text().startswith("The library could not be opened:"), timeout=10_000)
    assert pane.library is None and not pane.progress.isVisible()
    assert str(blocker) in pane.status.text() and "Traceback" not in capfd.readouterr().err


def _turn_index(pane: LibraryPane, row: int) -> QModelIndex:
    model = pane.results.results
    for b in range(model.rowCount()):
        briefing = model.item(b)
        for s in range(briefing.rowCount()):
            speaker = briefing.child(s)
            for t in range(speaker.rowCount()):
                if speaker.child(t).data(ROW_ROLE) == row:
                    return speaker.child(t).index()
    raise AssertionError(f"row {row} is not in the tree")


def test_clicking_a_result_opens_the_briefing_at_that_turn_with_the_term_highlighted(
        qtbot, window: MainWindow, docs: Path) -> None:
    pane, _ = _add(qtbot, window, docs)
    _search(qtbot, pane, "诈骗")
    hits = pane.hits()
    hit = next(h for h in reversed(hits) if h.turn > 3)  # well into a briefing: the view must scroll
    index = _turn_index(pane, hit.row)
    pane.results.scrollTo(index)
    rect = pane.results.visualRect(index)
    with qtbot.waitSignal(window.documentShown, timeout=20_000):
        qtbot.mouseClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.path is not None and Path(window.path).resolve() == Path(index.data(PATH_ROLE)).resolve()
    assert window.search_bar.query == "诈骗"
    current = window.current_match
    assert current is not None
    start, end = window.matches[current]
    assert fold(window.transcript.text[start:end]) == "诈骗"  # type: ignore[union-attr]
    assert hit.start <= start < hit.end  # the match in the turn clicked, not the document's first
    assert window.current_turn == hit.turn
    view = window.view
    first, last = view.offsets.to_position(start), view.offsets.to_position(end)
    assert fold(view.toPlainText()[first:last]) == "诈骗"  # what the view shows there
    assert view.is_on_screen(start)
    view.viewport().repaint()  # and it is painted as the current match, where it is on screen
    image = view.viewport().grab().toImage()
    cursor = QTextCursor(view.document())
    cursor.setPosition(first)
    rect = view.cursorRect(cursor)
    pixels = {image.pixelColor(x, y).name() for x in range(rect.left() + 1, rect.left() + 12)
              for y in range(rect.top() + 1, rect.bottom())}
    assert QColor(CURRENT_MATCH_COLOR).name() in pixels
    assert window.search_bar.status.text() == f"{current + 1} / {len(window.matches)}"


def test_editing_and_deleting_a_file_update_its_hits_while_the_window_runs(qtbot, window: MainWindow,
                                                                          docs: Path) -> None:
    pane, _ = _add(qtbot, window, docs)
    assert _search(qtbot, pane, "鲸鱼座") == 0
    edited = sorted(docs.rglob("*briefing*.md"))[0]
    text = edited.read_text(encoding="utf-8")
    added = "<p>　　<strong>新华社记者：</strong></p>\n<p>　　鲸鱼座的问题。</p>\n</div>"
    edited.write_text(text.replace("</div>", added), encoding="utf-8")
    with qtbot.waitSignal(pane.resultsShown, timeout=20_000) as shown:
        pass  # the watcher re-reads the file; the pane searches again when it has
    assert int(shown.args[0]) == 1 and pane.hits()[0].path == str(edited.resolve())
    edited.unlink()
    qtbot.waitUntil(lambda: pane.hits() == () and pane._result is not None and pane._result.count == 0,
                    timeout=20_000)
    assert pane.library is not None and pane.library.document_count() == DOCUMENTS


def test_cancel_stops_indexing_and_keeps_what_was_read(qtbot, window: MainWindow, docs: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The indexing job holds after its third file until Cancel is pressed (a small library is
    otherwise read before a click arrives); then it stops, and what it read is searchable."""
    original = IndexJob._progress

    def held(self: IndexJob, done: int, total: int, path: str) -> bool:
        going_on = original(self, done, total, path)
        if done >= 3:
            self._cancel.wait(10)
        return going_on and not self._cancel.is_set()

    monkeypatch.setattr(IndexJob, "_progress", held)
    pane = window.attach_navigation().show_library()
    with qtbot.waitSignal(pane.indexingFinished, timeout=30_000) as finished:
        pane.add_folder(str(docs))
        qtbot.waitUntil(lambda: pane.progress.value() >= 3, timeout=10_000)
        assert pane.cancel_button.isVisible()
        qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report.cancelled
    assert not pane.progress.isVisible() and not pane.cancel_button.isVisible()
    assert "indexing cancelled" in pane.status.text()
    assert pane.library is not None and 3 <= pane.library.document_count() < DOCUMENTS


def test_closing_the_window_closes_the_index_connections(qtbot, window: MainWindow, docs: Path) -> None:
    """Left to the garbage collector, a connection keeps the index's -wal and -shm files (and
    Python 3.13 warns about it)."""
    pane, _ = _add(qtbot, window, docs)
    _search(qtbot, pane, "诈骗")  # opens the reading connection too
    assert pane.library is not None and pane._reader is not None
    connections = [pane.library.store.db, pane._reader.store.db]
    window.close()
    for db in connections:
        with pytest.raises(sqlite3.ProgrammingError):
            db.execute("SELECT 1")
    pane.search("台湾")  # a late search after closing neither reopens nor fails
    assert pane.library is None


def test_a_damaged_index_gets_a_message_and_is_rebuilt(qtbot, tmp_path: Path, docs: Path) -> None:
    first = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"), show_dialogs=False)
    qtbot.addWidget(first)
    first.show()
    pane, _ = _add(qtbot, first, docs)
    assert pane.library is not None
    index = Path(pane.library.path)
    first.close()
    first.loader.shutdown()
    index.write_bytes(b"this is not a database" * 100)
    for extra in (index.with_name(index.name + "-wal"), index.with_name(index.name + "-shm")):
        extra.unlink(missing_ok=True)

    second = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"), show_dialogs=False)
    qtbot.addWidget(second)
    second.show()
    pane = second.attach_navigation().library_pane
    with qtbot.waitSignal(pane.indexingFinished, timeout=60_000):
        second.nav_tabs.show_library()  # type: ignore[union-attr]

        def boxes() -> list[QMessageBox]:
            return [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "libraryRebuiltMessage"]

        qtbot.waitUntil(lambda: bool(boxes()), timeout=10_000)  # the library opens off the GUI thread
        box = boxes()[0]
        assert "rebuilt" in box.text() and box.isVisible()
        box.close()
    assert pane.library is not None and pane.library.document_count() == DOCUMENTS + 1
    assert _search(qtbot, pane, "诈骗") == _brute_count(docs, "诈骗")
    second.close()
    second.loader.shutdown()


@pytest.mark.parametrize("query", ['") OR ("', "NEAR", "*", "a-b", "key:value"])
def test_fts_syntax_is_searched_as_text(qtbot, window: MainWindow, docs: Path, query: str) -> None:
    pane, _ = _add(qtbot, window, docs)
    count = _search(qtbot, pane, query, chinese=False)
    assert count == _brute_count(docs, query) >= 1
    assert pane.status.text().startswith(f"{count} matching turns")


def test_a_speaker_page_from_the_speakers_list(qtbot, window: MainWindow, docs: Path) -> None:
    from reader.ui.speaker_page import SpeakerPageWindow

    pane, _ = _add(qtbot, window, docs)
    briefing = sorted(docs.rglob("*briefing*.md"))[-1]
    with qtbot.waitSignal(window.documentShown, timeout=20_000):
        window.open_file(str(briefing))
    nav = window.speaker_nav
    assert nav is not None
    official = next(s for s in window.transcript.speakers if s.kind == "official")  # type: ignore[union-attr]
    index = nav.speaker_index(official.id)
    nav._speaker_menu(nav.visualRect(index).center())
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    action = next(a for a in menu.actions() if a.text() == "Across the library…")
    with qtbot.waitSignal(pane.pageShown, timeout=10_000) as shown:
        action.trigger()  # the library answers on the search thread
    page = shown.args[0]
    assert isinstance(page, SpeakerPageWindow) and page.isVisible()
    assert pane.library is not None
    expected = pane.library.speaker(official.name)
    assert expected is not None and page.page.name == expected.name
    briefings = page.briefings.model()
    assert briefings.rowCount() == len(expected.appearances) >= 1
    titles = {briefings.index(r, 4).data() for r in range(briefings.rowCount())}
    assert window.transcript.meta.title in titles  # type: ignore[union-attr]
    assert page.summary.text().startswith(f"{len(expected.appearances)} briefings · {expected.turns} turns")
    assert page.figures.model().rowCount() == len(expected.figures)
    page.close()


def test_a_speaker_page_does_not_wait_for_the_search_results_contexts(
        qtbot, window: MainWindow, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Right after indexing no briefing is in the model cache, so a page of results reads its
    briefings for their contexts for seconds; a speaker page asked meanwhile comes at once."""
    pane, _ = _add(qtbot, window, docs)
    reading, release = threading.Event(), threading.Event()
    contexts = Library.contexts

    def slow_contexts(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        reading.set()
        release.wait(20)
        return contexts(self, *args, **kwargs)

    monkeypatch.setattr(Library, "contexts", slow_contexts)
    _search(qtbot, pane, "诈骗")
    qtbot.waitUntil(reading.is_set, timeout=10_000)
    try:
        with qtbot.waitSignal(pane.pageShown, timeout=10_000) as shown:
            pane.show_speaker("华春莹")
        assert not release.is_set() and shown.args[0].page.name == "华春莹"
    finally:
        release.set()
    shown.args[0].close()


def test_a_figure_history_charts_flags_and_copies_as_tsv(qtbot, window: MainWindow, docs: Path) -> None:
    pane, _ = _add(qtbot, window, docs)
    with qtbot.waitSignal(pane.pageShown, timeout=10_000) as shown:
        history_window = pane.show_figure_history("社会消费品零售总额 同比增长")
    assert shown.args[0] is history_window
    qtbot.waitUntil(lambda: history_window.history is not None, timeout=10_000)
    history = history_window.history
    assert history is not None and len(history.values) >= 20
    table = history_window.table.model()
    assert table.rowCount() == len(history.values)
    dates = [table.index(r, 0).data() for r in range(table.rowCount())]
    assert dates == sorted(dates)
    xs, ys = history_window._line.getData()
    assert len(xs) == len(history.values) and list(ys) == [v.value for v in history.values]
    flagged = [r for r in range(len(history.values)) if history.values[r].conflict]
    assert flagged and history.conflicts == len(flagged)
    assert all(table.index(r, 0).data(Qt.ItemDataRole.ForegroundRole).name() == "#c0392b" for r in flagged)
    assert all("different value" in table.index(r, 3).data(Qt.ItemDataRole.ToolTipRole) for r in flagged)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(history_window.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == figure_history_tsv(history)
    lines = copied.splitlines()
    assert len(lines) == len(history.values) + 1
    first = history.values[0]
    assert first.date is not None and first.date in lines[1] and first.path in lines[1]
    history_window.close()
