"""Copying from the transcript must not crash the process when it exits.

Qt's clipboard used to keep a QMimeData created in Python and delete it from a C++ exit
handler after the interpreter had shut down: SIGSEGV, exit code 139, on every exit after
a copy. Runs in a subprocess because the crash happens after Python is gone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication
    from PySide6.QtGui import QTextCursor
    from reader.app import create_main_window

    app = QApplication([])
    window = create_main_window(None)
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_position(window.transcript.turns[1].paragraphs[0].start))
    cursor.setPosition(view.offsets.to_position(window.transcript.turns[1].paragraphs[0].end),
                       QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.copy()
    assert QGuiApplication.clipboard().text().startswith("女士们"), QGuiApplication.clipboard().text()
    print("copied")
    """
)


def test_process_exits_cleanly_after_copying(tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_READER_CACHE_DIR="off",
               TRANSCRIPT_READER_SETTINGS=str(tmp_path / "settings.ini"))
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=120, env=env)
    assert "copied" in result.stdout, result.stderr
    assert result.returncode == 0, f"exit code {result.returncode}: {result.stderr[-2000:]}"
