"""Nothing a document names is fetched or read: no socket, no local file, no script.

Documents full of trackers, remote and ``file:`` images, frames, ``javascript:`` links
and CSS ``url(...)`` are parsed, exported and shown while any socket connection fails
loudly (``hostile.audited``) and the kernel reports every open of the local file the
document names (``hostile.InotifyWatch``, which also sees Qt's C++ file access).
The guards are themselves tested, so a silent guard cannot make these tests pass.
"""

from __future__ import annotations

import io
import json
import socket
import sys
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hostile import (
    BRIEFING,
    FIXTURES_BY_NAME,
    FRONT_MATTER,
    SECRET_NAME,
    InotifyWatch,
    NetworkAttempt,
    audited,
    check_export,
    html_body,
    plain_text,
)

ACTIVE = ("active-content-html", "active-content-markdown")


@pytest.fixture
def inotify() -> Iterator[InotifyWatch]:
    try:
        watch = InotifyWatch()
    except OSError as exc:  # not Linux: the Python-level audit still runs
        pytest.skip(f"inotify unavailable: {exc}")
    yield watch
    watch.close()


def _make(name: str, directory: Path, inotify: InotifyWatch) -> tuple[Path, Path]:
    path = FIXTURES_BY_NAME[name].make(directory)
    secret = directory / SECRET_NAME
    inotify.watch(secret)
    return path, secret


def _assert_untouched(log_opened: list[str], secret: Path, inotify: InotifyWatch) -> None:
    assert str(secret) not in log_opened, "the file named by the document was opened"
    assert inotify.events() == [], "the file named by the document was opened (seen by the kernel)"


def test_guards_catch_what_they_guard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      inotify: InotifyWatch) -> None:
    """The guards must fire; otherwise every test below would pass vacuously."""
    secret = tmp_path / SECRET_NAME
    secret.write_bytes(b"x")
    inotify.watch(secret)
    with audited(monkeypatch) as log:
        with pytest.raises(NetworkAttempt):
            socket.create_connection(("192.0.2.1", 80), timeout=0.1)
        with socket.socket() as s, pytest.raises(NetworkAttempt):
            s.connect(("192.0.2.1", 80))
        secret.read_bytes()
    assert len(log.network) >= 2
    assert str(secret) in log.opened
    assert inotify.events(), "inotify saw no open"


@pytest.mark.parametrize("name", ACTIVE)
def test_loading_and_exporting_reach_nothing(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             inotify: InotifyWatch) -> None:
    from reader.cli import main

    path, secret = _make(name, tmp_path, inotify)
    out = io.StringIO()
    with audited(monkeypatch) as log, redirect_stdout(out):
        assert main(["export", str(path)]) == 0
    assert log.network == [], log.network
    _assert_untouched(log.opened, secret, inotify)
    export = json.loads(out.getvalue())
    check_export(export)
    opened_here = {p for p in log.opened if p.startswith(str(tmp_path))}
    assert opened_here <= {str(path)}, f"files beside the document were opened: {opened_here}"


@pytest.mark.parametrize("name", ACTIVE)
def test_figures_command_reaches_nothing(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         inotify: InotifyWatch) -> None:
    from reader.cli import main

    path, secret = _make(name, tmp_path, inotify)
    with audited(monkeypatch) as log, redirect_stdout(io.StringIO()):
        assert main(["figures", str(path), "--format", "md"]) == 0
    assert log.network == [], log.network
    _assert_untouched(log.opened, secret, inotify)


# --------------------------------------------------------------------------- in the window

SOURCE_URL = "http://example.invalid/briefing.html"


@pytest.fixture
def open_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Open ``path`` in the real window, shown and painted (charts included)."""
    from reader.app import create_main_window
    from reader.ui.settings import AppSettings

    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", str(tmp_path / "cache"))
    windows = []

    def open_(path: Path):  # type: ignore[no-untyped-def]
        window = create_main_window(str(path), settings=AppSettings.from_file(tmp_path / "settings.ini"),
                                    show_dialogs=False)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.metrics_panel.ensure_charts()
        window.grab()  # lay out and paint everything, the transcript document included
        qtbot.wait(100)
        return window

    yield open_
    for window in windows:
        window.loader.shutdown()


def _document_links_and_images(window) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    doc = window.view.document()
    links, images = [], 0
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                images += 1
            if fmt.isAnchor():
                links.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return links, images


@pytest.mark.parametrize("name", ACTIVE)
def test_window_shows_active_content_without_reaching_out(name: str, tmp_path: Path, open_window,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          inotify: InotifyWatch) -> None:
    path, secret = _make(name, tmp_path, inotify)
    with audited(monkeypatch) as log:
        window = open_window(path)
    assert window.path == str(path), "the hostile document did not open"
    assert log.network == [], log.network
    _assert_untouched(log.opened, secret, inotify)
    links, images = _document_links_and_images(window)
    assert images == 0, "the transcript view holds images named by the document"
    assert not [u for u in links if not u.startswith(("http://", "https://"))], links
    if "PySide6.QtNetwork" in sys.modules:  # nothing in the app imports it; if a test did, check anyway
        from PySide6.QtNetwork import QNetworkAccessManager

        assert not window.findChildren(QNetworkAccessManager)
    assert "PySide6.QtWebEngineCore" not in sys.modules, "a web engine could run the page's scripts"


def test_links_open_only_after_the_reader_saw_the_address(tmp_path: Path, open_window, qtbot,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QDesktopServices, QTextCursor
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "with-source.md"
    path.write_text(FRONT_MATTER.replace("author:", f"url: {SOURCE_URL}\nauthor:") + html_body(BRIEFING),
                    encoding="utf-8")
    window = open_window(path)
    opened: list[str] = []
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.informativeText())
        return int(answer[0].value)

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)

    links, _ = _document_links_and_images(window)
    assert links == [SOURCE_URL]
    view = window.view
    doc = view.document()
    block = doc.begin()
    position = None
    while block.isValid() and position is None:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                position = fragment.position() + 1
                break
            it += 1
        block = block.next()
    assert position is not None
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    point = view.cursorRect(cursor).center()
    with audited(monkeypatch) as log:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.wait(50)
        assert asked == [SOURCE_URL], "the address must be shown before anything opens"
        assert opened == [], "declined: nothing opens"
        answer[0] = QMessageBox.StandardButton.Open
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point + QPoint(1, 0))
        qtbot.wait(50)
    assert opened == [SOURCE_URL]
    assert log.network == [], "the reader itself never fetches the page"
    assert view.source().isEmpty(), "the view must not navigate to the link itself"


def _tooltips(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Every tooltip the window would show on hover, read from its views' models and formats."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractItemView

    tips: list[str] = []

    def walk(model, parent=None) -> None:  # type: ignore[no-untyped-def]
        parent = parent if parent is not None else QModelIndex()
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if tip:
                    tips.append(str(tip))
            walk(model, model.index(row, 0, parent))

    for view in window.findChildren(QAbstractItemView):
        if view.model() is not None:
            walk(view.model())
    block = window.view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            tip = fragments.fragment().charFormat().toolTip()
            if tip:
                tips.append(tip)
            fragments += 1
        block = block.next()
    panel = window.metrics_panel
    for chart in (panel.speaking_chart, panel.family_chart):
        row = 0
        while chart is not None:
            try:
                tips.append(chart.tip(row))
            except IndexError:
                break
            row += 1
    return tips


def test_document_text_in_tooltips_is_never_markup(tmp_path: Path, open_window, qtbot,  # type: ignore[no-untyped-def]
                                                   inotify: InotifyWatch) -> None:
    """Text that looks like a tag stays text: a tooltip rendered as rich text loads ``<img>`` files.

    Plain text keeps ``<img src="file:///…">`` literally, and a figure's sentence, a match's
    context or a speaker's name then reach tooltips; Qt renders a tooltip as rich text when it
    merely looks like markup, and rich text reads the image from disk.
    """
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLineEdit, QToolTip

    secret = tmp_path / SECRET_NAME
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    tag = f'<img src="{secret.as_uri()}">'
    path = tmp_path / "tags-as-text.txt"
    path.write_text(f"主持人：{tag}女士们，先生们。\n\n王明：{tag}全年投资5亿元，同比增长3%。\n\n"
                    f"新华社记者：请问{tag}全年投资怎么看？\n", encoding="utf-8")
    inotify.watch(secret)
    window = open_window(path)
    window.findChild(QLineEdit, "searchField").setText("全年投资")
    window.find_all()
    assert window.find_results.model().rowCount() > 0, "find-all listed nothing"
    tips = _tooltips(window)
    assert any("&lt;img" in t for t in tips), "the test must reach tooltips holding the tag-like text"
    for tip in tips:
        QToolTip.showText(window.mapToGlobal(QPoint(50, 50)), tip, window)
        qtbot.wait(5)
    QToolTip.hideText()
    assert inotify.events() == [], "a tooltip rendered document text as markup and read the file it names"


def test_a_file_name_that_looks_like_markup_stays_text(tmp_path: Path, open_window, qtbot,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       inotify: InotifyWatch) -> None:
    """File names reach the status bar, title and menus; ``<img src=…>`` in one must not load."""
    secret = tmp_path / SECRET_NAME
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.chdir(tmp_path)  # where a relative image would be looked for
    inotify.watch(secret)
    path = tmp_path / f'<img src="{SECRET_NAME}">.txt'
    path.write_text(plain_text(BRIEFING), encoding="utf-8")
    window = open_window(path)
    assert window.path == str(path)
    bad = tmp_path / f'<img src="{SECRET_NAME}" alt="x">.md'
    bad.write_bytes(b"\x89PNG\r\n\x1a\n")
    window.show_dialogs = False
    with qtbot.waitSignal(window.openFailed, timeout=10_000):
        window.open_file(str(bad))
    window.grab()
    qtbot.wait(50)
    assert inotify.events() == [], "a file name was rendered as markup and loaded the image it names"
