"""Start the window: platform checks, the application object, the main window.

``create_main_window`` is the factory tests and tools use; ``run_window`` is what the
``transcript-reader`` command runs (and with ``--screenshot`` renders offscreen, saves
a PNG and exits).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when the window runs, not for the command line's other verbs
    from PySide6.QtWidgets import QApplication

    from reader.ui.loader import DocumentLoader
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import AppSettings
    from reader.ui.startup import CollectorPause

PNG_SIZE_DEFAULT = (1400, 900)
SETTLE_MS = 400  # let deferred work (charts) paint before a screenshot is taken
CHARTS_WAIT_MS = 15000  # the most a screenshot waits for the charts to show the document
POLL_MS = 20
SHOW_WAIT_MS = 150  # how long the built window may wait for its document before it is shown


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from reader.ui.startup import install_fast_import_scan

    install_fast_import_scan()  # before the window's modules are imported
    from reader.ui.i18n import install_translator

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("transcript-reader")
    app.setApplicationDisplayName("Transcript Reader")
    app.setOrganizationName("transcript-reader")
    install_translator(app)
    return app


def _wait_for_load(window: MainWindow, generation: int) -> None:
    """Spin an event loop until the load started as ``generation`` is shown, fails or is cancelled."""
    from PySide6.QtCore import QEventLoop

    if window.loader.generation != generation or not window.loader.busy:
        return
    loop = QEventLoop()
    window.documentShown.connect(loop.quit)
    window.openFailed.connect(loop.quit)
    window.loader.cancelled.connect(loop.quit)
    if window.loader.busy:
        loop.exec()
    window.documentShown.disconnect(loop.quit)
    window.openFailed.disconnect(loop.quit)
    window.loader.cancelled.disconnect(loop.quit)


def create_main_window(path: str | os.PathLike[str] | None = None, *, settings: AppSettings | None = None,
                       show_dialogs: bool = True) -> MainWindow:
    """The main window with ``path`` (or the bundled sample) loaded and on screen-ready.

    Loading still runs on the worker thread; this waits for it so callers get a
    window that already shows the document (or kept nothing, if it could not be read).
    """
    from reader.resources import sample_path
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import AppSettings

    _application()
    window = MainWindow(settings or AppSettings.default(), show_dialogs=show_dialogs)
    generation = window.open_file(str(path) if path is not None else str(sample_path()))
    _wait_for_load(window, generation)
    return window


def _wait_until(done: Callable[[], bool], timeout_ms: int) -> None:
    """Run the event loop until ``done()`` or ``timeout_ms`` have passed."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    clock = QElapsedTimer()
    clock.start()
    while not done() and clock.elapsed() < timeout_ms:
        loop = QEventLoop()
        QTimer.singleShot(POLL_MS, loop.quit)
        loop.exec()


def start_up_window(target: str, loader: DocumentLoader, collector: CollectorPause,
                    settings: AppSettings | None = None) -> MainWindow:
    """The window start-up shows while ``loader`` already reads ``target``: the panes that can
    wait are made after the first paint, and the collector's pause ends with whatever the first
    load comes to. Painted, shown (a window never painted, minimized or hidden, still shows its
    document after ``steps.FIRST_PAINT_WAIT_MS``), failed or cancelled: the cyclic collector is
    on again; a pause left on for the whole session once held every cycle ever made.
    """
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import AppSettings

    window = MainWindow(settings or AppSettings.default(), loader=loader, defer_metrics_panel=True,
                        defer_navigation=True, defer_menus=True)
    window.track_load(target)
    window.view.transcriptPainted.connect(collector.end)
    window.documentShown.connect(collector.end)
    window.openFailed.connect(collector.end)
    window.session.cancelled.connect(collector.end)
    return window


def _parse_size(size: str | None) -> tuple[int, int]:
    if not size:
        return PNG_SIZE_DEFAULT
    try:
        width, height = (int(x) for x in size.lower().split("x", 1))
    except ValueError:
        from reader.errors import ReaderError

        raise ReaderError(None, f"--size must look like 1400x900, not {size!r}") from None
    return max(320, width), max(240, height)


def _screenshot(path: str | None, target: str, size: str | None) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from reader.errors import ReaderError
    from reader.ui.settings import AppSettings

    width, height = _parse_size(size)
    app = _application()
    # Read-only settings: a render nobody watches must not become the user's window.
    window = create_main_window(path, settings=AppSettings.default(writable=False), show_dialogs=False)
    if window.transcript is None:
        window.close()
        failed_path, reason = window.last_error or (path, "could not be opened")
        raise ReaderError(failed_path, reason)
    window.resize(width, height)
    window.show()
    _wait_until(lambda: window.metrics_panel is not None and window.metrics_panel.charts_filled(),
                CHARTS_WAIT_MS)
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)  # then the charts' first paint
    loop.exec()
    app.processEvents()
    image = window.grab()
    window.close()
    if not image.save(target, "PNG"):
        raise ReaderError(target, "cannot write the screenshot")
    return 0


def run_window(path: str | None, screenshot: str | None = None, size: str | None = None) -> int:
    """Run the reading window until it is closed; returns the exit code."""
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _screenshot(path, screenshot, size)
    from reader.ui.platform_check import platform_problem

    problem = platform_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from reader.ui.startup import CollectorPause

    collector = CollectorPause()  # back on at the first paint, or when the first load fails
    collector.start()
    app = _application()
    from reader.resources import sample_path
    from reader.ui.excepthook import ExceptHook
    from reader.ui.loader import DocumentLoader

    hook = ExceptHook()
    hook.install()
    try:
        target = str(path) if path is not None else str(sample_path())
        loader = DocumentLoader()
        loader.start(target)  # reads and parses while the window is being built
        window = start_up_window(target, loader, collector)
        if size:
            window.resize(*_parse_size(size))
        # A window shown with its document paints it at once; an empty one would be painted
        # first, then the text a turn later. So a quick load (a cached model, a small file
        # parsed) is awaited before showing, and delivered just after (the view lays out only
        # its first screen, so it needs its size); a slow one shows the empty window as before.
        loader.wait(SHOW_WAIT_MS)
        window.show()
        loader.finish_within(0)
        code = int(app.exec())
        # Quitting without closing the window (QApplication.exit, the session ending) skips
        # closeEvent; a job still running Python on the worker while the interpreter shuts
        # down crashes the process (seen when quitting just after the first paint). A job
        # that will not stop (none should: the parser checks Cancel every ~50 ms) must not
        # keep the process alive or crash it on the way out.
        if not loader.shutdown():
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        return code
    finally:
        collector.end()
        hook.uninstall()
