"""Run the window as ``transcript-reader`` does and quit it (as Ctrl+Q does) at a chosen moment.

``python quit_window.py DELAY_MS``: quit that long after the application object exists.
``python quit_window.py import``: quit while the charts' helper thread imports numpy (the
moment a quit once crashed the process on its way out): the helper waits a little at its
start, so the quit lands inside it every time.
``python quit_window.py statements``: quit once the GUI thread has run part of pyqtgraph's
``__init__``, so the interpreter shuts down with a half-imported pyqtgraph.
"""

from __future__ import annotations

import sys
import threading
import time

import reader.app as app
import reader.ui.chart_import as chart_import

moment = sys.argv[1]
real_application = app._application
real_helper = chart_import._import_helper_modules
helper_started = threading.Event()


def slow_start_helper() -> None:
    helper_started.set()
    time.sleep(0.05)  # the GIL is free: the GUI thread sees the flag and quits
    real_helper()


def half_imported() -> bool:
    return "pyqtgraph.graphicsItems" in sys.modules and chart_import.chart_import_running()


def application():  # type: ignore[no-untyped-def]
    qapp = real_application()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    if moment in ("import", "statements"):
        ready = helper_started.is_set if moment == "import" else half_imported
        poll = QTimer(qapp)
        poll.setInterval(1)
        poll.timeout.connect(lambda: ready() and QApplication.closeAllWindows())
        poll.start()
    else:
        QTimer.singleShot(int(moment), QApplication.closeAllWindows)
    return qapp


app._application = application
chart_import._import_helper_modules = slow_start_helper
sys.exit(app.run_window(None))
