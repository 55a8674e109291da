"""The house's rules, checked: the core never imports Qt, the stages import only the stages
before them, the Qt layer only reads the core, one module folds text, and no module grows
past ~400 lines without saying why at its top."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import reader

PACKAGE = Path(reader.__file__).resolve().parent
CORE_MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(reader.__path__, "reader.")
    if not m.name.startswith(("reader.ui", "reader.app", "reader.__main__"))
)

#: The pipeline's stages in order (docs/ARCHITECTURE.md): each may import itself, the base
#: and the stages before it, never one after it. ``pipeline`` composes them; the command
#: line and the window come last.
BASE = ("reader.model", "reader.record_tables", "reader.errors", "reader.progress", "reader.resources",
        "reader.draining")
STAGES = (
    "reader.text", "reader.load", "reader.parse", "reader.speakers", "reader.turns", "reader.figures",
    "reader.search", "reader.metrics", "reader.export", "reader.pipeline", "reader.library",
    "reader.ui", "reader.app", "reader.cli_library", "reader.cli", "reader.__main__",
)
#: The only imports that point the other way, each with its reason.
ALLOWED_LATE_IMPORTS = {
    # The JSON figures export re-extracts figures for a transcript built without them.
    ("reader.export", "reader.figures"): "figures come before export",
}
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")
MAX_LINES = 400


def _module_files() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out.append((name, path))
    return out


def _imports(path: Path) -> set[str]:
    """Every ``reader...`` module a file imports, at any depth (function-level imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _stage(module: str) -> int | None:
    """The index of the stage ``module`` belongs to; -1 for the base; None for non-reader."""
    if not module.startswith("reader"):
        return None
    if module == "reader" or module.startswith(BASE):
        return -1
    for i, stage in enumerate(STAGES):
        if module == stage or module.startswith(stage + "."):
            return i
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES (and docs/ARCHITECTURE.md)")


def test_core_imports_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r})\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_no_core_source_names_qt() -> None:
    """Not even an import inside a function: the core runs where Qt is not installed."""
    for name, path in _module_files():
        if _stage(name) is not None and _stage(name) < STAGES.index("reader.ui"):
            qt = sorted(m for m in _imports(path) if m.split(".")[0] in QT_MODULES)
            assert not qt, f"{name} imports {qt}"


def test_each_stage_imports_only_the_stages_before_it() -> None:
    wrong = []
    for name, path in _module_files():
        own = _stage(name)
        assert own is not None
        for imported in _imports(path):
            other = _stage(imported)
            if other is None or other <= own:
                continue
            pair = (STAGES[own] if own >= 0 else name, STAGES[other])
            if pair not in ALLOWED_LATE_IMPORTS:
                wrong.append(f"{name} imports {imported} (a later stage)")
    assert not wrong, wrong


def test_the_window_only_reads_the_core() -> None:
    """The Qt layer may use the core's functions but never assigns into its modules or objects:
    ``ui -> model`` is the only direction (checked: no ``reader.`` module attribute is set)."""
    for name, path in _module_files():
        if not name.startswith("reader.ui"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Assign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    text = ast.unparse(target)
                    assert not text.startswith("reader."), f"{name} assigns {text}"


def test_one_module_folds_text() -> None:
    """Search, figures, speakers and the index compare text folded by reader.text.fold alone:
    no other module converts Chinese script or normalizes Unicode."""
    for name, path in _module_files():
        if name == "reader.text.fold":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert "opencc" not in _imports(path), f"{name} imports OpenCC"
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "normalize":
                assert ast.unparse(node.value) != "unicodedata", f"{name} normalizes Unicode itself"
            if isinstance(node, ast.Attribute) and node.attr == "maketrans":
                raise AssertionError(f"{name} builds its own translation table (fold in reader.text.fold)")


@pytest.mark.parametrize(("name", "path"), _module_files(), ids=[n for n, _ in _module_files()])
def test_modules_stay_small_or_say_why(name: str, path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    if lines <= MAX_LINES:
        return
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert "Why this module is long" in doc, f"{name} has {lines} lines and no reason at its top"


def test_core_modules_are_found() -> None:
    assert "reader.model" in CORE_MODULES
    assert {"reader.pipeline", "reader.speakers.resolve", "reader.text.fold"} <= set(CORE_MODULES)
