"""The core never imports Qt: it must run (and be tested) without a display."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader

CORE_MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(reader.__path__, "reader.")
    if not m.name.startswith(("reader.ui", "reader.app", "reader.__main__"))
)


def test_core_imports_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_core_modules_are_found() -> None:
    assert "reader.model" in CORE_MODULES
