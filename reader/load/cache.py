"""Reopen a transcript instantly: the parsed model, stored, keyed by the file's SHA-256.

Parsing (HTML, figures) is most of the time to first paint; a file already read once
is the same bytes, so its model can be reused. The key also holds a fingerprint of the
core's source, so a new parser never serves a model made by an older one. The cache is a
store (get and put by digest): ``reader.pipeline`` reads the file once, hashes it once and
asks here. It lives in the user's cache directory (``TRANSCRIPT_READER_CACHE_DIR``
overrides it; the value ``off`` disables it), is written atomically, and any problem with
it falls back to parsing: the cache can make opening faster, never make it fail.

Entries are ``marshal`` data decoded by :mod:`reader.load.codec` (not pickle: it costs
start-up about 4 ms to import, and unpickling can run code). They live in a directory
private to the user.
"""

from __future__ import annotations

import dataclasses
import marshal
import os
from functools import lru_cache
from pathlib import Path

from reader.load.codec import decode_transcript, encode
from reader.load.files import file_digest
from reader.model import Transcript

CACHE_DIR_ENV = "TRANSCRIPT_READER_CACHE_DIR"
CACHE_OFF = "off"
MAX_CACHED_BYTES = 20 * 1024 * 1024  # bigger files parse rarely enough; don't fill the disk
MAX_ENTRIES = 200  # the most recently written models kept; older ones are deleted
ENTRY_SUFFIX = ".model"
ENTRY_FORMAT = 2  # the first value of every entry; bump when the codec's layout changes
_CORE_DIR = Path(__file__).resolve().parent.parent  # reader/


def cache_dir() -> Path | None:
    """Where cached models go, or None when caching is off."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return None if override == CACHE_OFF else Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "transcript-reader" / "models"


def _core_sources(directory: Path) -> list[tuple[str, int, int]]:
    """(relative path, size, modification time) of each source file of the core (not ``ui``)."""
    found = []
    pending = [directory]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in ("ui", "__pycache__"):
                        pending.append(Path(entry.path))
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    found.append((os.path.relpath(entry.path, directory), info.st_size, info.st_mtime_ns))
    return sorted(found)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Names, sizes and times of the core's source: a changed parser invalidates every model.

    Read at every start-up, so it stats the files instead of hashing their text (any
    edit, checkout or reinstall changes a file's time).
    """
    try:
        sources = _core_sources(_CORE_DIR)
    except OSError:
        sources = []
    return file_digest(repr(sources).encode())[:16]


def _entry(directory: Path, digest: str) -> Path:
    return directory / f"{digest}-{code_fingerprint()}{ENTRY_SUFFIX}"


def _read_entry(entry: Path, path: str | None) -> Transcript | None:
    try:
        with entry.open("rb") as handle:
            stored = marshal.load(handle)
        if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != ENTRY_FORMAT:
            return None
        transcript = decode_transcript(stored[1])
    except Exception:  # a truncated, stale or foreign entry is just a miss
        return None
    return dataclasses.replace(transcript, source=dataclasses.replace(transcript.source, path=path))


def _write_entry(entry: Path, transcript: Transcript) -> None:
    import tempfile  # only on a miss: a hit (start-up) does not pay for importing it (~4 ms)

    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            marshal.dump((ENTRY_FORMAT, encode(transcript)), handle)
        os.replace(temp, entry)
        _prune(entry)
    except Exception:
        return


def _prune(kept: Path) -> None:
    """Drop models of older parsers for the same bytes, and all but the newest MAX_ENTRIES.

    Without it every parser change and every file ever opened leaves an entry behind.
    Pickles written by earlier versions of the cache go too.
    """
    digest = kept.name.split("-", 1)[0]
    entries = [p for p in kept.parent.glob(f"*{ENTRY_SUFFIX}") if p != kept]
    stale = [p for p in entries if p.name.startswith(f"{digest}-")] + list(kept.parent.glob("*.pickle"))
    others = sorted((p for p in entries if p not in stale), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in stale + others[MAX_ENTRIES - 1:]:
        try:
            path.unlink()
        except OSError:
            continue


class ModelCache:
    """Models stored by the SHA-256 of the bytes they were parsed from."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def default(cls) -> ModelCache | None:
        """The user's cache, or None when caching is off."""
        directory = cache_dir()
        return None if directory is None else cls(directory)

    def get(self, digest: str, path: str | None) -> Transcript | None:
        """The model stored for ``digest``, its source path set to ``path``; None on any miss."""
        entry = _entry(self.directory, digest)
        return _read_entry(entry, path) if entry.is_file() else None

    def put(self, digest: str, transcript: Transcript) -> None:
        """Store ``transcript`` for ``digest``; a failure to write is silently no cache."""
        _write_entry(_entry(self.directory, digest), transcript)
