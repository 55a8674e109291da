"""Test set-up: offscreen Qt before any Qt import, and gui tests marked automatically."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# pyqtgraph picks PyQt6 when no binding is loaded yet; this project ships PySide6 only.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# Tests never touch the user's own settings or model cache; tests about either point
# these at their own tmp_path.
_SCRATCH = tempfile.mkdtemp(prefix="transcript-reader-tests-")
os.environ.setdefault("TRANSCRIPT_READER_CACHE_DIR", os.path.join(_SCRATCH, "cache"))
os.environ.setdefault("TRANSCRIPT_READER_SETTINGS", os.path.join(_SCRATCH, "settings.ini"))
os.environ.setdefault("TRANSCRIPT_READER_LIBRARY", os.path.join(_SCRATCH, "library.sqlite3"))

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "anti-fraud-press-conference-2022-04-14.md"
DATA = Path(__file__).resolve().parent / "data"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def open_sample_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_path: Path):  # type: ignore[no-untyped-def]
    """Open the bundled sample in the real window (real parser, own cache and settings) at a size."""
    from reader.app import create_main_window
    from reader.ui.settings import AppSettings

    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", str(tmp_path / "cache"))
    windows = []

    def open_window(width: int, height: int):  # type: ignore[no-untyped-def]
        w = create_main_window(str(sample_path), settings=AppSettings.from_file(tmp_path / "settings.ini"),
                               show_dialogs=False)
        qtbot.addWidget(w)
        w.resize(width, height)
        w.show()
        qtbot.waitExposed(w)
        windows.append(w)
        return w

    yield open_window
    for w in windows:
        w.loader.shutdown()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item):  # type: ignore[no-untyped-def]
    """Delete the windows a test closed before the next test starts.

    pytest-qt closes each widget and calls ``deleteLater``, but ``processEvents`` does not run
    deferred deletes: a closed window stayed alive into the next test, its deferred steps (the
    charts made after the first paint) still running there, until the cyclic collector freed
    its wrapper in the middle of one of them. While every show froze the collector's objects,
    such windows were never freed at all. After all fixtures are torn down (this wrapper runs
    outermost), closed windows are deleted here, with nothing of theirs running.

    Then the cyclic collector runs once, here too: left to run when it likes, it freed a
    wrapper cycle a window test had left (a slot's closure holding its widget) while the next
    test's window was loading, and CI on Python 3.10 aborted in "Garbage-collecting".

    And the collector is off while the fixtures are torn down: pytest-qt's closing runs the
    window's deferred steps, and a collection that an allocation there set off freed the
    window (its wrapper in a cycle, the test's last reference gone) in the middle of making
    a chart for it ("Internal C++ object (FamilyChart) already deleted", twice on 3.13).
    """
    gui = item.get_closest_marker("gui") is not None
    collecting = gc.isenabled()
    if gui:
        gc.disable()
    try:
        result = yield
    finally:
        qt_core = sys.modules.get("PySide6.QtCore")  # a pure test never imports Qt
        if qt_core is not None and qt_core.QCoreApplication.instance() is not None:
            qt_core.QCoreApplication.sendPostedEvents(None, qt_core.QEvent.Type.DeferredDelete)
            if gui:
                gc.collect()
                qt_core.QCoreApplication.sendPostedEvents(None, qt_core.QEvent.Type.DeferredDelete)
        if gui and collecting:
            gc.enable()
    return result
