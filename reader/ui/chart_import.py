"""pyqtgraph's import, once per process, on a helper thread: it takes 0.15-0.5 s, a freeze if the
GUI thread did it. The metrics panel and a figure history both wait for it here.

Importing defines classes and creates no Qt object; the charts are made back on the GUI
thread once the import is done (``when_imported``). The thread is not a daemon: quitting
while it imports waits for it (at most the import's time), because a daemon thread still
creating PySide6 types while the interpreter shut down crashed the process (SIGSEGV, in 2 of
40 quits just after launch). Why the GUI thread cannot import it in pieces instead is in
docs/robustness.md.
"""

from __future__ import annotations

import importlib
import linecache
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

CHARTS_MODULE = "reader.ui.charts"  # imports pyqtgraph
IMPORT_POLL_MS = 30
_import_thread: threading.Thread | None = None


def import_charts() -> None:
    """Import the charts (and pyqtgraph) once, then drop the source lines it left cached.

    PySide6 reads the source of every module that imports it (to look for ``__feature__``
    imports), and ``linecache`` keeps them: pyqtgraph's come to about 10 MB, held for
    nothing (tracebacks read them again if ever needed).
    """
    if CHARTS_MODULE not in sys.modules:
        importlib.import_module(CHARTS_MODULE)
        linecache.clearcache()


def start_chart_import() -> None:
    global _import_thread
    if _import_thread is None:
        _import_thread = threading.Thread(target=import_charts, name="import-charts")
        _import_thread.start()


def chart_import_running() -> bool:
    return _import_thread is not None and _import_thread.is_alive()


def when_imported(receiver: QObject, then: Callable[[], None]) -> None:
    """Call ``then`` on the GUI thread once the charts are imported (at once if they are),
    starting the import if nobody has; nothing is called if ``receiver`` is deleted first.

    The GUI thread looks every IMPORT_POLL_MS: the helper touches no Qt object, so no signal
    has to cross threads."""
    if CHARTS_MODULE not in sys.modules:
        start_chart_import()  # once: a failed import is then raised by ``then``'s own import
    if chart_import_running():
        QTimer.singleShot(IMPORT_POLL_MS, receiver, lambda: when_imported(receiver, then))
        return
    then()
