"""Every hostile input through ``python -m reader export``, as a user would run it.

A real child process, so a traceback, a hang or a crash of the interpreter is seen
exactly as the user would see it: exit 0 with a sound export (warnings where the
reader had to guess), or exit 2 with one stderr line naming the file and the reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile import (
    BRIEFING,
    EITHER,
    FIXTURES,
    FIXTURES_BY_NAME,
    OPENS,
    REFUSES,
    assert_refusal,
    check_export,
    hexo_markdown,
    plain_text,
    run_cli,
    run_export,
)

CASES = [pytest.param(f.name, id=f.name, marks=[pytest.mark.slow] if f.slow else []) for f in FIXTURES]


def _assert_no_crash(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr[-3000:]
    assert "Fatal Python error" not in stderr, stderr[-3000:]


@pytest.mark.parametrize("name", CASES)
def test_export_opens_or_explains(name: str, tmp_path: Path) -> None:
    hostile = FIXTURES_BY_NAME[name]
    path = hostile.make(tmp_path)
    result = run_export(hostile, path, cwd=tmp_path)
    _assert_no_crash(result.stderr)
    if hostile.outcome == REFUSES or (hostile.outcome == EITHER and result.returncode != 0):
        assert_refusal(result, path)
        return
    assert hostile.outcome in (OPENS, EITHER)
    assert result.returncode == 0, f"{hostile.why}: exit {result.returncode}: {result.stderr[-2000:]}"
    export = json.loads(result.stdout)
    check_export(export)
    if hostile.check is not None:
        hostile.check(export)


def test_line_endings_give_the_same_transcript(tmp_path: Path) -> None:
    """CR, CRLF and LF copies of one document must read identically."""
    texts = {}
    for name, newline in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
        path = tmp_path / f"{name}.md"
        path.write_bytes(hexo_markdown(BRIEFING).replace("\n", newline).encode("utf-8"))
        result = run_cli(["export", str(path)])
        _assert_no_crash(result.stderr)
        assert result.returncode == 0, result.stderr
        export = json.loads(result.stdout)
        texts[name] = (export["text"], [(t["label"], t["start"], t["end"]) for t in export["turns"]])
    assert texts["crlf"] == texts["lf"]
    assert texts["cr"] == texts["lf"]


def test_refusal_names_the_file_in_figures_command_too(tmp_path: Path) -> None:
    path = FIXTURES_BY_NAME["png-renamed"].make(tmp_path)
    result = run_cli(["figures", str(path)])
    _assert_no_crash(result.stderr)
    assert_refusal(result, path)


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    """``--out`` into a directory that does not exist: a clear line, not a traceback."""
    source = tmp_path / "ok.txt"
    source.write_text(plain_text(BRIEFING), encoding="utf-8")
    out = tmp_path / "no-such-dir" / "out.json"
    result = run_cli(["export", str(source), "--out", str(out)])
    _assert_no_crash(result.stderr)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "out.json" in result.stderr


@pytest.mark.parametrize("fault", ["RuntimeError('a parser bug')", "MemoryError()", "RecursionError()"])
def test_an_unforeseen_failure_is_still_one_line(fault: str, tmp_path: Path) -> None:
    """A bug in the parser (planted here) must not reach the user as a traceback."""
    source = tmp_path / "ok.txt"
    source.write_text(plain_text(BRIEFING), encoding="utf-8")
    plant = ("import reader.turns.build\n"
             "def _broken(*args, **kwargs):\n"
             f"    raise {fault}\n"
             "reader.turns.build.build_taking = _broken\n")
    result = run_cli(["export", str(source)], before=plant)
    _assert_no_crash(result.stderr)
    assert_refusal(result, source)
