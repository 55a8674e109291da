"""``transcript-reader export``: JSON out, and one readable stderr line (exit 2) for a file
that cannot be read. Run in-process through ``reader.cli.main``; one subprocess run checks
``python -m reader`` end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_to_a_file(tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.json"
    code, stdout, stderr = run(capsys, "export", str(sample_path), "--out", str(out))
    assert (code, stdout, stderr) == (0, "", "")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["turns"]) == 23


def test_export_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.txt"
    path.write_text("问：好吗？\n答：好。\n", encoding="gb18030")
    code, stdout, _ = run(capsys, "export", str(path))
    assert code == 0
    data = json.loads(stdout)
    assert data["source"]["encoding"] == "gb18030"
    assert [t["label"] for t in data["turns"]] == ["问", "答"]


def _assert_one_line_error(code: int, stdout: str, stderr: str, path: Path, reason: str) -> None:
    assert code == 2
    assert stdout == ""
    lines = stderr.strip().split("\n")
    assert len(lines) == 1, stderr
    assert str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in stderr


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nope.md"
    _assert_one_line_error(*run(capsys, "export", str(path)), path, "no such file")


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _assert_one_line_error(*run(capsys, "export", str(tmp_path)), tmp_path, "is a directory")


def test_binary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "picture.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    _assert_one_line_error(*run(capsys, "export", str(path)), path, "not a text document (looks like PNG")


def test_undecodable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(b"\x80\x81" + bytes(range(1, 32)) * 50)
    _assert_one_line_error(*run(capsys, "export", str(path)), path, "not a text document")


def test_unreadable_output(tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing-dir" / "x.json"
    _assert_one_line_error(*run(capsys, "export", str(sample_path), "--out", str(out)), out, "cannot write")


def test_no_markers_is_exit_0_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "article.html"
    path.write_text("<p>这是一篇普通的新闻报道，没有发言人。</p>", encoding="utf-8")
    code, stdout, stderr = run(capsys, "export", str(path))
    assert (code, stderr) == (0, "")
    data = json.loads(stdout)
    assert data["turns"] == [] and data["warnings"]


def test_python_dash_m_reader(sample_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(sample_path)],
        capture_output=True, text=True, timeout=120, encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["meta"]["editor"] == "李昂"
