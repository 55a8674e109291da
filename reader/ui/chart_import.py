"""pyqtgraph's import, once per process, on the GUI thread in steps short enough not to freeze it.

pyqtgraph is a Qt module (its import defines PySide6 subclasses, and Qt types belong to the
GUI thread), but its import takes 0.25-0.5 s: done at once on the GUI thread, that is a
freeze right after the window first appears. So it is done in slices, each followed by a
turn of the event loop:

1. numpy (about a third of the time, plain Python with no Qt in it) on a helper thread;
2. every name of QtCore, QtGui and QtWidgets looked up, a batch at a time: pyqtgraph.Qt copies
   them all, and the first look-up of each makes its Python type (PySide6 makes them lazily);
3. pyqtgraph's ``__init__`` run one top-level statement at a time in its module, as the
   import system would run it whole. Most statements import one submodule; the longest is
   about 40 ms on a quiet machine.

When the source of ``__init__`` cannot be read (an install without sources), step 3 is one
plain import. The charts wait for all of it (``when_imported``) and are made on the GUI thread.
The numpy thread is not a daemon: quitting while it imports waits for it (at most its import),
because a daemon thread still importing while the interpreter shut down crashed the process
(SIGSEGV, in 2 of 40 quits just after launch).
"""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
import importlib.util
import linecache
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

from reader.ui.steps import NEXT_TURN_MS

CHARTS_MODULE = "reader.ui.charts"  # imports pyqtgraph
PACKAGE = "pyqtgraph"
HELPER_MODULES = ("numpy",)  # imported on the helper thread: no Qt in them
HELPER_THREAD_NAME = "import-numpy"
NAMES_PER_STEP = 40  # PySide6 names looked up in one step (about 0.2 ms each the first time)
STEP_BUDGET_S = 0.008  # steps run in one turn of the event loop until this much time has gone
IMPORT_POLL_MS = 30  # how often a waiting chart looks whether the import is done
HELPER_POLL_MS = 10  # how often the steps look whether the helper thread is done
_WAIT = object()  # yielded by a step that waits for the helper thread


class _State:
    helper: threading.Thread | None = None
    steps: Iterator[object] | None = None  # the GUI thread's steps, while they are not done
    failed = False  # a step raised: not begun again (the waiting chart's own import raises)
    package_complete = False  # pyqtgraph's ``__init__`` ran to its end
    longest_step_s = 0.0  # the longest turn the steps took (tests and benchmarks read it)


_state = _State()


def import_charts() -> None:
    """Import the charts (and pyqtgraph) now, if the steps have not done it yet: the steps
    begun are finished in one go, as is the whole import if none were begun.

    For code that needs a chart at once; the window waits for the steps with
    ``when_imported`` instead."""
    if CHARTS_MODULE in sys.modules:
        return
    steps, _state.steps = _state.steps, None
    try:
        for step in steps or ():
            if step is _WAIT and _state.helper is not None:
                _state.helper.join()
    except Exception:  # the plain import below raises it again
        pass
    if CHARTS_MODULE not in sys.modules:
        _forget_partial_package()
        importlib.import_module(CHARTS_MODULE)
        linecache.clearcache()


def start_chart_import() -> None:
    """Begin the import in steps (on the GUI thread, which must be the caller), once."""
    if CHARTS_MODULE in sys.modules or _state.steps is not None or _state.failed:
        return
    _state.steps = _import_steps()
    QTimer.singleShot(0, _run_steps)


def chart_import_running() -> bool:
    """True while the steps (or the helper thread) are still importing."""
    return _state.steps is not None or (_state.helper is not None and _state.helper.is_alive())


def longest_import_step_ms() -> float:
    return _state.longest_step_s * 1000


def when_imported(receiver: QObject, then: Callable[[], None]) -> None:
    """Call ``then`` on the GUI thread once the charts are imported (at once if they are),
    starting the import if nobody has; nothing is called if ``receiver`` is deleted first.

    A failed import ends the steps; ``then``'s own import then raises the error."""
    if CHARTS_MODULE not in sys.modules:
        start_chart_import()
    if chart_import_running():
        QTimer.singleShot(IMPORT_POLL_MS, receiver, lambda: when_imported(receiver, then))
        return
    then()


def _run_steps() -> None:
    """Run steps for at most about STEP_BUDGET_S (plus the last step's own time), then let
    the event loop turn before the next ones."""
    steps = _state.steps
    if steps is None:
        return
    start = time.perf_counter()
    try:
        while time.perf_counter() - start < STEP_BUDGET_S:
            if next(steps) is _WAIT:
                QTimer.singleShot(HELPER_POLL_MS, _run_steps)
                return
    except StopIteration:
        _state.steps = None
    except Exception:  # the waiting chart's own import raises it again
        _forget_partial_package()
        _state.steps = None
        _state.failed = True
    finally:
        _state.longest_step_s = max(_state.longest_step_s, time.perf_counter() - start)
    if _state.steps is not None:
        QTimer.singleShot(NEXT_TURN_MS, _run_steps)  # not 0 ms: see reader.ui.steps


def _import_steps() -> Iterator[object]:
    # pyqtgraph picks PyQt6 when both are there: the reader ships PySide6 only. Said before
    # pyqtgraph.Qt runs (the charts module says it too, for a plain import).
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    helper = threading.Thread(target=_import_helper_modules, name=HELPER_THREAD_NAME)
    _state.helper = helper
    helper.start()
    yield from _look_up_qt_names()
    while helper.is_alive():  # pyqtgraph imports numpy: the GUI thread would block on its lock
        yield _WAIT
    yield from _package_statements()
    importlib.import_module(CHARTS_MODULE)
    linecache.clearcache()  # PySide6 reads the source of every module that imports it and
    yield None              # linecache keeps it: about 10 MB for pyqtgraph, kept for nothing


def _import_helper_modules() -> None:
    for name in HELPER_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            return  # the GUI thread's import of pyqtgraph then raises it


def _look_up_qt_names() -> Iterator[object]:
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        names = dir(module)
        for first in range(0, len(names), NAMES_PER_STEP):
            for name in names[first:first + NAMES_PER_STEP]:
                getattr(module, name, None)
            yield None


def _package_statements() -> Iterator[object]:
    """Run pyqtgraph's ``__init__`` one top-level statement at a time, in the module the
    import system would make for it, registered as it would register it."""
    if PACKAGE in sys.modules:
        return
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.loader is None or spec.origin is None:
        raise ImportError(f"No module named {PACKAGE!r}")
    source = _source(spec)
    if source is None:
        importlib.import_module(PACKAGE)
        yield None
        return
    statements = ast.parse(source, spec.origin).body
    yield None
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    for statement in statements:
        # dont_inherit: not this module's ``from __future__ import annotations``
        code = compile(ast.Module(body=[statement], type_ignores=[]), spec.origin, "exec", dont_inherit=True)
        exec(code, module.__dict__)  # the installed package's own source
        yield None
    _state.package_complete = True


def _source(spec: importlib.machinery.ModuleSpec) -> str | None:
    get_source = getattr(spec.loader, "get_source", None)
    try:
        return get_source(spec.name) if get_source is not None else None
    except (ImportError, OSError):
        return None


def _forget_partial_package() -> None:
    """Take a half-run pyqtgraph out of ``sys.modules``, as a failed import would, so that
    the next import runs it again whole."""
    if CHARTS_MODULE in sys.modules or _state.package_complete:
        return  # a whole pyqtgraph stays: only the charts module failed
    for name in [name for name in sys.modules if name == PACKAGE or name.startswith(PACKAGE + ".")]:
        del sys.modules[name]
