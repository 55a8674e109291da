"""pyqtgraph's import in steps (``reader.ui.chart_import``), on a small package of its own.

The package's ``__init__`` is run one top-level statement at a time; the result must be the
module a plain import gives, and a failure must leave nothing half-run in ``sys.modules``
(the next import then runs it whole and raises the error where a user of it can report it).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtTest import QTest

import reader.ui.chart_import as chart_import

INIT = """\
from .part import VALUE
DOUBLE = VALUE * 2
def triple():
    return VALUE * 3
"""


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "stepped_pkg"
    root.mkdir()
    (root / "__init__.py").write_text(INIT, encoding="utf-8")
    (root / "part.py").write_text("VALUE = 21\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(chart_import, "PACKAGE", "stepped_pkg")
    monkeypatch.setattr(chart_import, "CHARTS_MODULE", "stepped_pkg_charts_never_imported")
    monkeypatch.setattr(chart_import, "_state", chart_import._State())  # this test's import alone
    yield root
    for name in [name for name in sys.modules if name.startswith("stepped_pkg")]:
        del sys.modules[name]


def test_the_package_is_run_a_statement_per_step_into_the_module_a_plain_import_gives(package: Path) -> None:
    steps = chart_import._package_statements()
    next(steps)  # the source parsed: nothing run yet
    assert "stepped_pkg" not in sys.modules
    next(steps)  # the first statement: the submodule imported, the rest not yet run
    module = sys.modules["stepped_pkg"]
    assert module.VALUE == 21 and not hasattr(module, "DOUBLE")
    assert "stepped_pkg.part" in sys.modules
    assert list(steps) == [None, None]  # one step for each of the two statements left
    import stepped_pkg  # found in sys.modules: the stepped module is the package

    assert stepped_pkg is module and stepped_pkg.DOUBLE == 42 and stepped_pkg.triple() == 63
    assert stepped_pkg.__file__ == str(package / "__init__.py") and stepped_pkg.__path__ == [str(package)]
    assert stepped_pkg.part.VALUE == 21


def test_a_failing_statement_leaves_nothing_half_run(package: Path) -> None:
    (package / "__init__.py").write_text(INIT + "raise ImportError('broken install')\n", encoding="utf-8")
    steps = chart_import._package_statements()
    with pytest.raises(ImportError, match="broken install"):
        list(steps)
    assert "stepped_pkg" in sys.modules  # half-run, until the steps' driver forgets it
    chart_import._forget_partial_package()
    assert not [name for name in sys.modules if name.startswith("stepped_pkg")]


def test_a_failure_in_the_event_loop_ends_the_steps_and_forgets_it(  # type: ignore[no-untyped-def]
        qtbot, package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (package / "__init__.py").write_text(INIT + "raise ImportError('broken install')\n", encoding="utf-8")
    monkeypatch.setattr(chart_import, "_state", chart_import._State())

    def steps() -> Iterator[object]:
        yield from chart_import._package_statements()

    monkeypatch.setattr(chart_import, "_import_steps", steps)
    chart_import.start_chart_import()
    assert chart_import.chart_import_running()
    qtbot.waitUntil(lambda: not chart_import.chart_import_running(), timeout=5000)
    assert not [name for name in sys.modules if name.startswith("stepped_pkg")]


def test_without_a_readable_source_it_is_one_plain_import(
        package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart_import, "_source", lambda spec: None)
    assert list(chart_import._package_statements()) == [None]
    assert sys.modules["stepped_pkg"].DOUBLE == 42


def test_a_failed_import_is_not_begun_again_and_the_waiting_chart_hears_of_it(  # type: ignore[no-untyped-def]
        qtbot, package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (package / "__init__.py").write_text(INIT + "raise ImportError('broken install')\n", encoding="utf-8")
    monkeypatch.setattr(chart_import, "_state", chart_import._State())
    monkeypatch.setattr(chart_import, "HELPER_MODULES", ())
    started = []
    real_steps = chart_import._import_steps

    def counted() -> Iterator[object]:
        started.append(True)
        yield from real_steps()

    monkeypatch.setattr(chart_import, "_import_steps", counted)
    monkeypatch.setattr(chart_import, "_look_up_qt_names", lambda: iter(()))
    called = []
    receiver = QObject()
    chart_import.when_imported(receiver, lambda: called.append(True))
    qtbot.waitUntil(lambda: bool(called), timeout=5000)  # ``then`` runs: its own import raises
    QTest.qWait(2 * chart_import.IMPORT_POLL_MS)
    assert started == [True]  # begun once, not again at every poll


def test_the_statements_are_compiled_without_this_modules_future_imports(package: Path) -> None:
    (package / "__init__.py").write_text("def f(x: int) -> int:\n    return x\n", encoding="utf-8")
    list(chart_import._package_statements())
    assert sys.modules["stepped_pkg"].f.__annotations__ == {"x": int, "return": int}  # not strings
