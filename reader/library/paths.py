"""Where the index lives and which files are transcripts.

The index is one file under the user's data directory: the window passes Qt's
``QStandardPaths.AppDataLocation``; the command line computes the XDG equivalent here in
plain Python (``$XDG_DATA_HOME/transcript-reader/library.sqlite3``, by default under
``~/.local/share``). ``TRANSCRIPT_READER_LIBRARY=path`` overrides both (tests, a second
library).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

LIBRARY_ENV = "TRANSCRIPT_READER_LIBRARY"
INDEX_NAME = "library.sqlite3"
APP_DIR = "transcript-reader"
#: What a library folder's transcripts are called (the formats reader.parse reads).
SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


def default_index_path(data_dir: str | None = None) -> str:
    """The index file: the override, else ``data_dir`` (the window's), else the XDG data dir."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return os.path.abspath(os.path.expanduser(override))
    if data_dir:
        return os.path.join(data_dir, INDEX_NAME)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, APP_DIR, INDEX_NAME)


def is_transcript(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(SUFFIXES)


def transcripts_under(folder: str) -> Iterator[tuple[str, int, int]]:
    """(path, mtime_ns, size) of every transcript under ``folder``, recursively, in name order;
    hidden folders and files are skipped, and so are links that lead out of sight (a loop)."""
    pending = [folder]
    seen: set[tuple[int, int]] = set()
    while pending:
        current = pending.pop()
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    subfolders.append(entry.path)
                elif entry.is_file() and is_transcript(entry.name):
                    stat = entry.stat()
                    yield entry.path, stat.st_mtime_ns, stat.st_size
            except OSError:
                continue
        pending.extend(reversed(subfolders))


def watch_paths(folders: list[str], max_files: int) -> tuple[list[str], list[str]]:
    """The folders (all of them, recursively, hidden ones skipped) and the first ``max_files``
    transcripts in them that a live watcher should follow. A walk of a 10,000-file library, so
    it runs where the indexing does, not on the window's thread."""
    dirs: list[str] = []
    files: list[str] = []
    for folder in folders:
        for root, subdirs, names in os.walk(folder):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            dirs.append(root)
            if len(files) < max_files:
                files += [os.path.join(root, n) for n in sorted(names) if is_transcript(n)]
    return dirs, files[:max_files]


def normalized_folder(path: str) -> str:
    return str(Path(path).expanduser().resolve())
