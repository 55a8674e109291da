"""Nothing a document names is fetched or read: no socket, no local file, no script.

Documents full of trackers, remote and ``file:`` images, frames, ``javascript:`` links
and CSS ``url(...)`` are parsed, exported and shown while any socket connection fails
loudly (``hostile.audited``) and the kernel reports every open of the local file the
document names (``hostile.InotifyWatch``, which also sees Qt's C++ file access).
The guards are themselves tested, so a silent guard cannot make these tests pass.
"""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hostile import (
    FIXTURES_BY_NAME,
    SECRET_NAME,
    InotifyWatch,
    NetworkAttempt,
    audited,
    check_export,
)

ACTIVE = ("active-content-html", "active-content-markdown")


@pytest.fixture
def inotify() -> Iterator[InotifyWatch]:
    try:
        watch = InotifyWatch()
    except OSError as exc:  # not Linux: the Python-level audit still runs
        pytest.skip(f"inotify unavailable: {exc}")
    yield watch
    watch.close()


def _make(name: str, directory: Path, inotify: InotifyWatch) -> tuple[Path, Path]:
    path = FIXTURES_BY_NAME[name].make(directory)
    secret = directory / SECRET_NAME
    inotify.watch(secret)
    return path, secret


def _assert_untouched(log_opened: list[str], secret: Path, inotify: InotifyWatch) -> None:
    assert str(secret) not in log_opened, "the file named by the document was opened"
    assert inotify.events() == [], "the file named by the document was opened (seen by the kernel)"


def test_guards_catch_what_they_guard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      inotify: InotifyWatch) -> None:
    """The guards must fire; otherwise every test below would pass vacuously."""
    secret = tmp_path / SECRET_NAME
    secret.write_bytes(b"x")
    inotify.watch(secret)
    with audited(monkeypatch) as log:
        with pytest.raises(NetworkAttempt):
            socket.create_connection(("192.0.2.1", 80), timeout=0.1)
        with socket.socket() as s, pytest.raises(NetworkAttempt):
            s.connect(("192.0.2.1", 80))
        secret.read_bytes()
    assert len(log.network) >= 2
    assert str(secret) in log.opened
    assert inotify.events(), "inotify saw no open"


@pytest.mark.parametrize("name", ACTIVE)
def test_loading_and_exporting_reach_nothing(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             inotify: InotifyWatch) -> None:
    from reader.cli import main

    path, secret = _make(name, tmp_path, inotify)
    out = io.StringIO()
    with audited(monkeypatch) as log, redirect_stdout(out):
        assert main(["export", str(path)]) == 0
    assert log.network == [], log.network
    _assert_untouched(log.opened, secret, inotify)
    export = json.loads(out.getvalue())
    check_export(export)
    opened_here = {p for p in log.opened if p.startswith(str(tmp_path))}
    assert opened_here <= {str(path)}, f"files beside the document were opened: {opened_here}"


@pytest.mark.parametrize("name", ACTIVE)
def test_figures_command_reaches_nothing(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         inotify: InotifyWatch) -> None:
    from reader.cli import main

    path, secret = _make(name, tmp_path, inotify)
    with audited(monkeypatch) as log, redirect_stdout(io.StringIO()):
        assert main(["figures", str(path), "--format", "md"]) == 0
    assert log.network == [], log.network
    _assert_untouched(log.opened, secret, inotify)
