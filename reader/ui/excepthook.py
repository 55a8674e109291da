"""The last resort: an unexpected exception becomes a dialog and a log line, not a dead app."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication

from reader.ui import messages


class ExceptHook:
    """Installed as ``sys.excepthook`` while the window runs; re-entrant calls only log."""

    def __init__(self) -> None:
        self._showing = False
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], value: BaseException,
                 tb: TracebackType | None) -> None:
        detail = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(detail)
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            messages.show_unexpected_error(QApplication.activeWindow(), f"{kind.__name__}: {value}", detail)
        finally:
            self._showing = False
