"""PySide6's per-import scan, answered from the file's bytes: same answers, no source parsing."""

from __future__ import annotations

import importlib
import sys
import types

import pytest

import reader.ui  # noqa: F401  (installs the scan when PySide6 is loaded, as the app does)
from reader.ui.startup import MARKER, _fast, install_fast_import_scan

pytest.importorskip("PySide6.QtCore")


def pyside_feature_module() -> types.ModuleType:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 has no per-import scan")
    return feature


def test_the_scan_is_installed_once_pyside6_is_loaded() -> None:
    feature = pyside_feature_module()
    assert install_fast_import_scan() is True
    installed = feature._mod_uses_pyside
    assert getattr(installed, MARKER, False)
    assert install_fast_import_scan() is True
    assert feature._mod_uses_pyside is installed  # not wrapped twice


@pytest.mark.parametrize("name", [
    "reader.ui.transcript_view",  # uses PySide6
    "reader.ui",  # names it only in prose: PySide6's own scan says yes too
    "reader.model",  # plain Python
    "json",
    "sys",  # built in: no source file
    "_csv",  # an extension module
])
def test_same_answers_as_pyside6s_own_scan(name: str) -> None:
    calls: list[str] = []

    def pyside_scan(module: types.ModuleType) -> bool:
        calls.append(module.__name__)
        import inspect

        try:
            return "PySide6" in inspect.getsource(module)
        except (TypeError, OSError):
            return False

    module = importlib.import_module(name)
    assert _fast(pyside_scan)(module) == pyside_scan(module)


def test_a_module_without_a_source_file_goes_to_pyside6s_function() -> None:
    seen: list[str] = []
    fast = _fast(lambda module: seen.append(module.__name__) or False)
    assert fast(types.ModuleType("made_in_memory")) is False
    gone = types.ModuleType("deleted_since")
    gone.__file__ = "/nonexistent/deleted_since.py"
    assert fast(gone) is False
    assert seen == ["made_in_memory", "deleted_since"]


def test_nothing_changes_without_pysides_internal_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", types.ModuleType("no_scan_here"))
    assert install_fast_import_scan() is False
