"""File > Export figures: every figure of the transcript as CSV (UTF-8 with BOM) or JSON.

The rows are ``reader.export.figure_rows``'s, as the command line writes them; this module
only asks where and writes there, never over the transcript itself (nothing the user opens
is ever written to).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.export.figure_rows import figures_csv, figures_json
from reader.model import Transcript
from reader.ui.i18n import tr


def ask_and_export(parent: QWidget, transcript: Transcript, folder: str) -> tuple[str, int] | None:
    """Ask where (starting in ``folder``), then write; the path written and how many figures,
    or None (cancelled, or failed: the user was told why)."""
    stem = Path(transcript.source.path).stem if transcript.source.path else "transcript"
    csv_filter, json_filter = tr("CSV, UTF-8 (*.csv)"), tr("JSON (*.json)")
    path, chosen = QFileDialog.getSaveFileName(
        parent, tr("Export figures"), os.path.join(folder, f"{stem}-figures.csv"),
        f"{csv_filter};;{json_filter}",
    )
    if not path:
        return None
    if chosen == json_filter and not path.lower().endswith(".json"):
        path += ".json"
    error = export_figures_to(transcript, path)
    if error:
        QMessageBox.warning(parent, tr("Export figures"), error)
        return None
    return path, len(transcript.figures)


def export_figures_to(transcript: Transcript, path: str) -> str | None:
    """Write the export; the reason it failed, or None. JSON for ``.json``, CSV otherwise."""
    target = Path(path)
    if transcript.source.path and _same_file(target, Path(transcript.source.path)):
        return tr("%1 is the transcript itself; choose another file.").replace("%1", str(target))
    as_json = target.suffix.lower() == ".json"
    data = figures_json(transcript).encode("utf-8") if as_json else figures_csv(transcript)
    try:
        target.write_bytes(data)
    except OSError as exc:
        return f"{target}: {exc.strerror or exc}"
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:  # resolve() for links, samefile() for hard links
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
