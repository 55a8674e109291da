"""Quitting at any moment of start-up exits 0 (issue 17): once, a quit while the charts'
helper thread imported pyqtgraph crashed the process on its way out (SIGSEGV) or hung it.
pyqtgraph is now imported on the GUI thread in steps (numpy alone on a helper thread): a
quit lands inside either.

Each run is a real process (the crash came after Python's last line, in the interpreter's
shutdown), quit as Ctrl+Q does, by ``tests/drivers/quit_window.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).parent / "drivers" / "quit_window.py"
DURING_IMPORT_RUNS = 6
DELAYS_MS = ("0", "50", "150", "300", "600")


def quit_at(moment: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "TRANSCRIPT_READER_SETTINGS": str(tmp_path / "s.ini"),
           "TRANSCRIPT_READER_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-X", "faulthandler", str(DRIVER), moment],
                          capture_output=True, text=True, timeout=30, env=env)


@pytest.mark.parametrize("moment", ["import", "statements"] * (DURING_IMPORT_RUNS // 2) + list(DELAYS_MS))
def test_quitting_at_any_moment_of_start_up_exits_0(moment: str, tmp_path: Path) -> None:
    result = quit_at(moment, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Fatal Python error" not in result.stderr and "Traceback" not in result.stderr


def test_the_charts_import_thread_is_waited_for_at_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mechanism of the fix, without a process: Python's shutdown joins the thread (it is
    no daemon) before it tears the interpreter down under it."""
    import reader.ui.chart_import as chart_import

    monkeypatch.setattr(chart_import, "_state", chart_import._State())
    monkeypatch.setattr(chart_import, "HELPER_MODULES", ())
    steps = chart_import._import_steps()
    next(steps)  # starts the helper thread
    thread = chart_import._state.helper
    assert thread is not None and not thread.daemon and thread.name == chart_import.HELPER_THREAD_NAME
    thread.join(5)
    assert not thread.is_alive()
    steps.close()
