"""Reopen a transcript instantly: the parsed model, pickled, keyed by the file's SHA-256.

Parsing (HTML, figures) is most of the time to first paint; a file already read once
is the same bytes, so its model can be reused. The key also holds a fingerprint of the
core's source, so a new parser never serves a model made by an older one. The cache
lives in the user's cache directory (``TRANSCRIPT_READER_CACHE_DIR`` overrides it; the
value ``off`` disables it), is written atomically, and any problem with it falls back
to parsing: the cache can make opening faster, never make it fail.

Only files this process wrote are unpickled, from a directory private to the user.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import os
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from reader.errors import UnreadableFileError
from reader.model import Transcript

CACHE_DIR_ENV = "TRANSCRIPT_READER_CACHE_DIR"
CACHE_OFF = "off"
MAX_CACHED_BYTES = 20 * 1024 * 1024  # bigger files parse rarely enough; don't fill the disk
MAX_ENTRIES = 200  # the most recently written models kept; older ones are deleted
_CORE_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where cached models go, or None when caching is off."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return None if override == CACHE_OFF else Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "transcript-reader" / "models"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the core's source: a changed parser invalidates every cached model."""
    digest = hashlib.sha256()
    for path in sorted(_CORE_DIR.rglob("*.py")):
        if "ui" in path.relative_to(_CORE_DIR).parts:
            continue
        try:
            digest.update(path.read_bytes())
        except OSError:
            continue
    return digest.hexdigest()[:16]


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse(path: str, progress: Callable[..., None] | None) -> Transcript:
    from reader.parsing import load

    if progress is not None and "progress" in inspect.signature(load).parameters:
        return load(path, progress=progress)
    return load(path)


def _entry(directory: Path, digest: str) -> Path:
    return directory / f"{digest}-{code_fingerprint()}.pickle"


def _read_entry(entry: Path, path: str) -> Transcript | None:
    try:
        with entry.open("rb") as handle:
            transcript = pickle.load(handle)
    except Exception:  # a truncated or stale entry is just a miss
        return None
    if not isinstance(transcript, Transcript):
        return None
    return dataclasses.replace(transcript, source=dataclasses.replace(transcript.source, path=path))


def _write_entry(entry: Path, transcript: Transcript) -> None:
    import tempfile  # only on a miss: a hit (start-up) does not pay for importing it (~4 ms)

    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(transcript, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, entry)
        _prune(entry)
    except Exception:
        return


def _prune(kept: Path) -> None:
    """Drop models of older parsers for the same bytes, and all but the newest MAX_ENTRIES.

    Without it every parser change and every file ever opened leaves a pickle behind.
    """
    digest = kept.name.split("-", 1)[0]
    entries = [p for p in kept.parent.glob("*.pickle") if p != kept]
    stale = [p for p in entries if p.name.startswith(f"{digest}-")]
    others = sorted((p for p in entries if p not in stale), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in stale + others[MAX_ENTRIES - 1:]:
        try:
            path.unlink()
        except OSError:
            continue


def load_cached(path: str, progress: Callable[..., None] | None = None) -> Transcript:
    """``reader.parsing.load(path)``, served from the cache when the bytes were seen before."""
    directory = cache_dir()
    if directory is None or not os.path.isfile(path):
        return _parse(path, progress)
    try:
        size = os.path.getsize(path)
        if size > MAX_CACHED_BYTES:
            return _parse(path, progress)
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise UnreadableFileError(path, exc.strerror or str(exc)) from exc
    entry = _entry(directory, file_digest(data))
    cached = _read_entry(entry, path) if entry.is_file() else None
    if cached is not None:
        return cached
    transcript = _parse(path, progress)
    _write_entry(entry, transcript)
    return transcript
