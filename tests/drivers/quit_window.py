"""Run the window as ``transcript-reader`` does and quit it (as Ctrl+Q does) at a chosen moment.

``python quit_window.py DELAY_MS``: quit that long after the application object exists.
``python quit_window.py import``: quit while the charts' helper thread imports pyqtgraph (the
moment a quit once crashed the process on its way out): the import waits a little at its
start, so the quit lands inside it every time.
"""

from __future__ import annotations

import sys
import threading
import time

import reader.app as app
import reader.ui.chart_import as chart_import

moment = sys.argv[1]
real_application = app._application
real_import = chart_import.import_charts
import_started = threading.Event()


def slow_start_import() -> None:
    import_started.set()
    time.sleep(0.05)  # the GIL is free: the GUI thread sees the flag and quits
    real_import()


def application():  # type: ignore[no-untyped-def]
    qapp = real_application()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    if moment == "import":
        poll = QTimer(qapp)
        poll.setInterval(1)
        poll.timeout.connect(lambda: import_started.is_set() and QApplication.closeAllWindows())
        poll.start()
    else:
        QTimer.singleShot(int(moment), QApplication.closeAllWindows)
    return qapp


app._application = application
chart_import.import_charts = slow_start_import
sys.exit(app.run_window(None))
