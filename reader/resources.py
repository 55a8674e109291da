"""One place that resolves files bundled under ``resources/``.

In a source checkout they live at the top level; in an installed wheel hatchling
maps them to ``reader/resources`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE / "resources", _PACKAGE.parent / "resources")

SAMPLE_NAME = "anti-fraud-press-conference-2022-04-14.md"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, whichever layout we were installed in."""
    for root in _CANDIDATES:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return _CANDIDATES[-1].joinpath(*parts)


def sample_path() -> Path:
    """The transcript that opens when no file is given."""
    return resource_path("samples", SAMPLE_NAME)
