"""The integers start-up sets instead of touching ``Qt`` are Qt's own values, and they hold."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QLabel

from reader.ui.banner import BannerArea
from reader.ui.search_bar import SearchBar
from reader.ui.startup import (
    ALIGN_CENTER,
    PLAIN_TEXT,
    SELECTABLE_TEXT_AND_LINKS,
    set_qt_property,
    solid_brush,
)
from reader.ui.transcript_view import TranscriptView

ROOT = Path(__file__).resolve().parent.parent


def test_the_values_are_qts() -> None:
    assert PLAIN_TEXT == Qt.TextFormat.PlainText.value
    assert ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value
    assert SELECTABLE_TEXT_AND_LINKS == (Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard
                                         | Qt.TextInteractionFlag.LinksAccessibleByMouse
                                         | Qt.TextInteractionFlag.LinksAccessibleByKeyboard).value


def test_widgets_get_them(qtbot) -> None:
    view = TranscriptView()
    qtbot.addWidget(view)
    assert view.textInteractionFlags() == (Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    bar = SearchBar()
    qtbot.addWidget(bar)
    assert bar.status.alignment() == Qt.AlignmentFlag.AlignCenter
    banners = BannerArea()
    qtbot.addWidget(banners)
    banners.show_banner("x", "<b>not bold</b>")
    label = banners.findChild(QLabel)
    assert label is not None and label.textFormat() == Qt.TextFormat.PlainText


def test_an_unknown_property_is_an_error(qtbot) -> None:
    import pytest

    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError):
        set_qt_property(label, "noSuchProperty", 1)


def test_solid_brush_colours_a_format(qapp) -> None:
    fmt = QTextCharFormat()
    fmt.setForeground(solid_brush(QColor("#1d5fa8")))
    assert fmt.foreground().color() == QColor("#1d5fa8")
    assert fmt.foreground().style() == Qt.BrushStyle.SolidPattern


def test_start_up_paints_without_building_the_qt_namespace(tmp_path: Path) -> None:
    """PySide6 builds ``Qt``'s 98 enums the first time it is touched (~15 ms): not before the
    first paint; nor are the parser, pickle, the panel's numbers or pyqtgraph imported
    (the model comes from the cache), and the cyclic collector, off while starting, is on again."""
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        import PySide6.QtCore as core
        from PySide6.QtWidgets import QApplication
        import reader.ui.transcript_view as transcript_view
        original_paint = transcript_view.TranscriptView.paintEvent
        def paint(self, event):
            # Taken as the paint starts: the paint itself asks the loader's thread for the
            # panel's numbers, which may import reader.metrics.facts before it returns.
            late = {{"pickle", "reader.turns.build", "reader.figures.extract", "reader.metrics.facts",
                     "pyqtgraph"}}
            loaded = sorted(late & set(sys.modules))
            # Classes PySide6 builds (with their enums) when first named; none is needed
            # for the first paint.
            unneeded = {{"QtCore": ["QUrl", "QMimeData", "QMetaMethod"],
                        "QtGui": ["QPainter", "QKeySequence", "QKeyEvent"],
                        "QtWidgets": ["QTabWidget", "QFileDialog", "QSizePolicy"]}}
            built = [name for module, names in unneeded.items() for name in names
                     if name in sys.modules["PySide6." + module].__dict__]
            original_paint(self, event)
            if self.transcript is not None:
                print("Qt built" if "Qt" in core.__dict__ else "Qt not built", flush=True)
                import gc
                print("collector", "on" if gc.isenabled() else "off", flush=True)
                print("late imports:", *loaded, flush=True)
                print("classes built:", *built, flush=True)
                QApplication.instance().exit(0)
        transcript_view.TranscriptView.paintEvent = paint
        from reader.app import run_window
        sys.exit(run_window(None, size="1400x900"))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               TRANSCRIPT_READER_SETTINGS=str(tmp_path / "settings.ini"),
               TRANSCRIPT_READER_CACHE_DIR=str(tmp_path / "cache"))
    # The first run compiles the bytecode and fills the model cache: on a fresh checkout it
    # is slow enough that the window paints before the load ends, a different path. The
    # second run is the start-up users see every day after the first.
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:4] == [
        "Qt not built",
        "collector on",  # off during start-up, back on at the first paint
        "late imports:",  # nothing the first paint of a cached model does not need
        "classes built:",
    ]


def test_quitting_at_the_first_paint_waits_for_the_loaders_thread(tmp_path: Path) -> None:
    """QApplication.exit skips closeEvent; a job still in Python on the worker while the
    interpreter shuts down crashed the process (SIGSEGV, 2 cold starts in 15 that quit at
    the first paint). run_window returns only once the loader's jobs have ended."""
    code = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtWidgets import QApplication
        import reader.ui.session as session
        import reader.ui.transcript_view as transcript_view
        original_prepare = session.prepare_off_thread
        def slow_prepare(transcript):
            end = time.perf_counter() + 0.5
            while time.perf_counter() < end:  # Python still running when the application quits
                sum(range(1000))
            return original_prepare(transcript)
        session.prepare_off_thread = slow_prepare
        original_paint = transcript_view.TranscriptView.paintEvent
        def paint(self, event):
            original_paint(self, event)
            if self.transcript is not None:
                QApplication.instance().exit(0)
        transcript_view.TranscriptView.paintEvent = paint
        import reader.ui.loader as loader_module
        loaders = []
        original_init = loader_module.DocumentLoader.__init__
        def init(self, *args, **kwargs):
            original_init(self, *args, **kwargs)
            loaders.append(self)
        loader_module.DocumentLoader.__init__ = init
        from reader.app import run_window
        code = run_window(None, size="900x600")
        print("jobs running", sum(loader._pool.activeThreadCount() for loader in loaders), flush=True)
        print("exit", code, flush=True)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               TRANSCRIPT_READER_SETTINGS=str(tmp_path / "settings.ini"),
               TRANSCRIPT_READER_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert result.stdout.splitlines()[-2:] == ["jobs running 0", "exit 0"]
