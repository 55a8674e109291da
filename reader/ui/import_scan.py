"""A cheaper answer to the question PySide6 asks after every import (about 7 ms of start-up).

PySide6 replaces ``__import__`` and, after each import, asks whether the new module uses
PySide6, for its opt-in ``__feature__`` switches (``snake_case``, ``true_property``). It
answers with ``inspect.getsource(module)`` and a substring search: about 0.15 ms for each
of the fifty-odd modules (ours and the standard library's) imported before the first
paint, which a bare PySide6 window never pays. The same question is answered here
from the file's bytes; anything unusual (no source file, a read error) still goes to
PySide6's own function. Upstream: PYSIDE-2029; measured elsewhere in
https://github.com/napari/napari/issues/8584.

``shibokensupport.feature`` is PySide6's internal module: if it or the function is
absent (another PySide6 version), nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

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
        feature._mod_uses_pyside = _fast(original)  # type: ignore[attr-defined]
    return True
