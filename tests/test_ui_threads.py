"""No Qt object is made, and no Qt module imported, off the GUI thread while a file opens, the
charts' import included.

Qt objects belong to the thread that made them; one made on a worker (the loader's pool, the
thread that imports numpy for the charts after the first paint) would receive its events there, or
never. The check runs in a fresh interpreter, so that pyqtgraph really is imported (in steps on
the GUI thread) rather than found in ``sys.modules`` from an earlier test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.resources import sample_path
from reader.ui.chart_import import HELPER_THREAD_NAME

pytestmark = pytest.mark.gui

# Every Python ``__init__`` of a QObject subclass run on a thread other than the GUI thread is
# recorded (a profile hook on each worker), and after the load every live QObject is asked
# which thread it belongs to. PySide6's own classes constructed directly run no Python code,
# so the second check is what catches them (when they are kept, as a module-level object is).
HARNESS = r"""
import gc, json, sys, threading, time
import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
gui = threading.get_ident()
made_off_gui = []
profiled = set()  # the threads the hook saw: the check is not vacuous

def hook(frame, event, arg):
    if event == "call" and threading.get_ident() != gui:
        profiled.add(threading.current_thread().name)
    if event == "call" and frame.f_code.co_name == "__init__" and threading.get_ident() != gui:
        obj = frame.f_locals.get("self")
        if isinstance(obj, QObject):
            made_off_gui.append(type(obj).__qualname__ + " on " + threading.current_thread().name)

threading.setprofile(hook)  # the chart import's helper thread, started after this

class ImportWatch:  # records which thread imports each Qt module (it finds nothing itself)
    def __init__(self):
        self.off_gui = []
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pyqtgraph", "PySide6", "shiboken6") and threading.get_ident() != gui:
            self.off_gui.append(name + " on " + threading.current_thread().name)
        return None

watch = ImportWatch()
sys.meta_path.insert(0, watch)

import reader.ui.loader as loader

if "--plant" in sys.argv:  # the test of this test: a QObject made on a worker must be seen
    class Planted(QObject):
        def __init__(self):
            super().__init__()
    real = loader._LoadJob.run
    def planting(self, _run=real):
        global planted
        planted = (QTimer(), Planted())
        _run(self)
    loader._LoadJob.run = planting

for job in (loader._LoadJob, loader._PrepareJob):  # the loader's pool threads
    def wrapped(self, _run=job.run):
        sys.setprofile(hook)
        try:
            _run(self)
        finally:
            sys.setprofile(None)
    job.run = wrapped

from reader.ui.main_window import MainWindow
from reader.ui.chart_import import chart_import_running
from reader.ui.settings import AppSettings

window = MainWindow(AppSettings.from_file(sys.argv[2]), show_dialogs=False)
window.resize(1280, 800)
window.show()
window.open_file(sys.argv[1])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    app.processEvents()
    panel = window.metrics_panel
    charts = panel is not None and panel.charts_ready() and not chart_import_running()
    if window.transcript is not None and charts:
        break
    time.sleep(0.01)
app.processEvents()
strays = sorted({type(o).__qualname__ for o in gc.get_objects()
                 if isinstance(o, QObject) and shiboken6.isValid(o) and o.thread() != app.thread()})
print(json.dumps({"shown": window.transcript is not None, "charts": "pyqtgraph" in sys.modules,
                  "made_off_gui": made_off_gui, "strays": strays, "profiled": sorted(profiled),
                  "qt_modules_off_gui": watch.off_gui,
                  "pyqtgraph_modules": sum(name.startswith("pyqtgraph") for name in sys.modules)}))
window.close()
window.loader.shutdown()
"""


def _open_in_fresh_interpreter(tmp_path: Path, *extra: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_READER_CACHE_DIR="off")
    out = subprocess.run([sys.executable, "-c", HARNESS, str(sample_path()), str(tmp_path / "s.ini"), *extra],
                         capture_output=True, text=True, timeout=120, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_opening_a_file_makes_no_qt_object_off_the_gui_thread(tmp_path: Path) -> None:
    seen = _open_in_fresh_interpreter(tmp_path)
    assert seen["shown"] and seen["charts"]  # the file is open and pyqtgraph was imported
    profiled = seen["profiled"]
    assert isinstance(profiled, list) and HELPER_THREAD_NAME in profiled  # numpy's thread was watched
    assert any(name.startswith("Dummy") for name in profiled)  # and the loader's (a pool thread)
    assert seen["made_off_gui"] == [] and seen["strays"] == []
    # pyqtgraph's import itself (about 100 modules) ran on the GUI thread, not beside it.
    assert isinstance(seen["pyqtgraph_modules"], int) and seen["pyqtgraph_modules"] > 50
    assert seen["qt_modules_off_gui"] == []


def test_a_qt_object_made_on_the_loader_thread_would_be_seen(tmp_path: Path) -> None:
    seen = _open_in_fresh_interpreter(tmp_path, "--plant")
    assert seen["strays"] == ["Planted", "QTimer"]
    assert [made.split(" on ")[0] for made in seen["made_off_gui"]] == ["Planted"]
