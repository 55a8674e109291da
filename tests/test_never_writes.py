"""Files the user opens are never modified: same bytes, same mtime, nothing created beside them.

Checked through the export and figures commands (a child process, as the user runs
them), in-process with an audit of every write-mode ``open``, and in the window.
"""

from __future__ import annotations

import io
import os
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hostile import BRIEFING, FIXTURES_BY_NAME, audited, plain_text, run_cli

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / (
    "anti-fraud-press-conference-2022-04-14.md"
)
# Inputs that tempt a reader to "fix" the file: a BOM, broken front matter, CRLF, NULs.
TEMPTING = ("broken-yaml", "crlf-markdown", "nul-bytes", "gb18030-markdown", "active-content-html")


def _snapshot(path: Path) -> tuple[bytes, int, int, list[str]]:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_mode, sorted(os.listdir(path.parent))


def _copy_sample(directory: Path) -> Path:
    target = directory / SAMPLE.name
    target.write_bytes(SAMPLE.read_bytes())
    # An mtime in the past, so a rewrite of identical bytes still shows.
    os.utime(target, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return target


def _inputs(directory: Path) -> list[Path]:
    paths = [_copy_sample(directory)]
    for name in TEMPTING:
        sub = directory / name
        sub.mkdir()
        paths.append(FIXTURES_BY_NAME[name].make(sub))
    bom = directory / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + plain_text(BRIEFING).encode("utf-8"))
    paths.append(bom)
    for p in paths:
        os.utime(p, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return paths


@pytest.mark.parametrize("command", [["export"], ["figures", "--format", "csv"]], ids=["export", "figures"])
def test_commands_leave_files_untouched(command: list[str], tmp_path: Path) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    out_dir.mkdir()
    for path in _inputs(in_dir):
        before = _snapshot(path)
        args = [command[0], str(path), *command[1:], "--out", str(out_dir / f"{path.name}.out")]
        result = run_cli(args)
        assert result.returncode == 0, result.stderr
        assert _snapshot(path) == before, f"{path.name} changed"


def test_parsing_opens_nothing_for_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli import main

    for path in _inputs(tmp_path):
        before = _snapshot(path)
        with audited(monkeypatch) as log, redirect_stdout(io.StringIO()):
            assert main(["export", str(path)]) == 0
        assert log.written == [], f"opened for writing while reading {path.name}: {log.written}"
        assert _snapshot(path) == before


def test_window_leaves_files_untouched(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Open, read, search, reload and close each file in the window: not one byte changes."""
    from reader.app import create_main_window
    from reader.ui.settings import AppSettings

    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", str(tmp_path / "cache"))
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    paths = _inputs(in_dir)
    snapshots = {p: _snapshot(p) for p in paths}
    with audited(monkeypatch) as log:
        window = create_main_window(str(paths[0]), settings=AppSettings.from_file(tmp_path / "settings.ini"),
                                    show_dialogs=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        for path in paths:
            with qtbot.waitSignal(window.documentShown, timeout=30_000):
                window.open_file(str(path))
            window.search("王明")
            window.grab()
            with qtbot.waitSignal(window.documentShown, timeout=30_000):
                window.reload()
        window.close()
        window.loader.shutdown()
    touched = [p for p in log.written if p.startswith(str(in_dir))]
    assert touched == [], f"opened for writing: {touched}"
    for path in paths:
        assert _snapshot(path) == snapshots[path], f"{path.name} changed"
