"""Test set-up: offscreen Qt before any Qt import, and gui tests marked automatically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# pyqtgraph picks PyQt6 when no binding is loaded yet; this project ships PySide6 only.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# Tests never touch the user's own settings or model cache; tests about either point
# these at their own tmp_path.
_SCRATCH = tempfile.mkdtemp(prefix="transcript-reader-tests-")
os.environ.setdefault("TRANSCRIPT_READER_CACHE_DIR", os.path.join(_SCRATCH, "cache"))
os.environ.setdefault("TRANSCRIPT_READER_SETTINGS", os.path.join(_SCRATCH, "settings.ini"))

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "anti-fraud-press-conference-2022-04-14.md"
DATA = Path(__file__).resolve().parent / "data"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE
