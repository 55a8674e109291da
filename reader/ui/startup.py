"""Every trick the window's start-up plays, in one place, with what each buys.

The transcript's first paint is what a reader waits for, so the window's start-up is
measured against a bare PySide6 window that shows one label (``bench/bench_startup.py``).
Each trick below was measured on its own (docs/notes-window.md has the numbers and what was
tried and dropped); each is safe to remove, at the cost given.

1. **PySide6's per-import scan** (about 7 ms). PySide6 asks, after every import, whether
   the new module uses PySide6 (for its opt-in ``__feature__`` switches) and answers with
   ``inspect.getsource`` and a substring search: about 0.15 ms for each of the fifty-odd
   modules imported before the first paint. :func:`install_fast_import_scan` answers the
   same question from the file's bytes. Upstream: PYSIDE-2029; napari#8584 measured the
   same. ``shibokensupport.feature`` is PySide6's internal module: if it or the function is
   absent (another PySide6 version), nothing is changed; a test compares the answers.
2. **The cyclic collector paused** (several ms): start-up allocates many objects and frees
   few, and the collector would walk PySide6's types and the model over and over for
   nothing. :class:`CollectorPause` turns it off at start and back on (freezing what start-up
   made) at the first paint, or when the first document is shown (a window never painted
   shows it anyway), or when the first load fails or is cancelled: whatever happens, it is
   on again (``reader.app.start_up_window`` wires it; tests/test_ui_memory.py holds it).
3. **Qt's namespace untouched before the first paint** (about 15 ms). PySide6 builds the
   Python type of ``Qt``, with all of its 98 enums, the first time Python touches it. The
   few such settings made before the first paint are written through Qt's property system
   as the integers Qt's headers define (:func:`set_qt_property` and the constants below);
   code that runs later imports ``Qt`` where it needs it. A test compares each value with
   ``Qt``'s, and a start-up test checks ``Qt`` is not built at the first paint.

Elsewhere, and named there: the panes, menus' actions and charts are made after the first
paint (``MainWindow(defer_…)``); the model comes from the cache (``reader.load.cache``)
without importing the parser; the document is built first screen first
(``TranscriptView.set_transcript(first_screen_only=True)``).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from types import ModuleType

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor, QPalette

# -- 1. PySide6's per-import scan ------------------------------------------------------

MARKER = "_transcript_reader_fast_scan"


def _fast(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as handle:
                return b"PySide6" in handle.read()
        except OSError:
            return original(module)

    setattr(mod_uses_pyside, MARKER, True)
    return mod_uses_pyside


def install_fast_import_scan() -> bool:
    """Replace PySide6's per-import source scan, once PySide6 is loaded; True if it was."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if not getattr(original, MARKER, False):
        setattr(feature, "_mod_uses_pyside", _fast(original))  # noqa: B010 - another module's name
    return True


# -- 2. The cyclic collector -----------------------------------------------------------


class CollectorPause:
    """The cyclic collector off from :meth:`start` until :meth:`end`, which is idempotent.

    :meth:`end` freezes what start-up allocated (PySide6's types, the modules, the first
    model): a frozen object is never walked again. It runs once, and nothing else freezes:
    a frozen object that later becomes part of garbage cycles is never collected, so
    freezing at every show (as the window once did) kept the cycles of every replaced
    document for the rest of the session. The first document's own cycles are all that a
    start-up freeze can keep.
    """

    def __init__(self) -> None:
        self._paused = False

    @property
    def paused(self) -> bool:
        return self._paused

    def start(self) -> None:
        if gc.isenabled():
            gc.disable()
            self._paused = True

    def end(self, *_: object) -> None:
        """Back on (a slot: connected to the first paint, a failed or cancelled load)."""
        if self._paused:
            self._paused = False
            gc.freeze()
            gc.enable()


# -- 3. Qt's namespace untouched -------------------------------------------------------

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
ALIGN_CENTER = 0x0004 | 0x0080  # Qt.AlignmentFlag.AlignHCenter | AlignVCenter
# Qt.TextInteractionFlag: TextSelectableByMouse | TextSelectableByKeyboard
# | LinksAccessibleByMouse | LinksAccessibleByKeyboard
SELECTABLE_TEXT_AND_LINKS = 1 | 2 | 4 | 8


def set_qt_property(target: QObject, name: str, value: int) -> None:
    """Set an enum or flags property of ``target`` from Qt's integer value."""
    if not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__} has no writable property {name!r}")


def solid_brush(color: QColor) -> QBrush:
    """A solid brush of ``color``, for a text format's foreground.

    ``QBrush(color)``, ``QBrush.setColor(color)`` and a QColor passed where a brush is
    expected all choose among overloads that try ``Qt.GlobalColor`` first, which touches
    ``Qt``; a palette's ``setColor`` has no such overload. Palettes are implicitly shared,
    so this may run on the loader's thread too.
    """
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, color)
    return palette.brush(QPalette.ColorRole.Text)
