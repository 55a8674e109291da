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
private to the user, and nothing is decoded before it is known to be this cache's own
writing: an entry is a fixed header (magic, format, the source's SHA-256, the payload's
length, a keyed BLAKE2b of the rest) and the payload; the key is 32 random bytes in the
directory, readable by the user alone. A planted or copied entry (forged text for a real
file), a damaged one, or a crafted one that would make ``marshal`` allocate gigabytes from
22 bytes fails the check and is parsed again; so does a directory others can write to.
Temporary files a killed write left behind are deleted after an hour.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import marshal
import os
import struct
import time
from functools import lru_cache
from pathlib import Path

from reader.load.codec import decode_transcript, encode
from reader.model import Transcript

CACHE_DIR_ENV = "TRANSCRIPT_READER_CACHE_DIR"
CACHE_OFF = "off"
MAX_CACHED_BYTES = 20 * 1024 * 1024  # bigger files parse rarely enough; don't fill the disk
MAX_ENTRIES = 200  # the most recently used models kept; older ones are deleted
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024  # and no more than this on disk in all
ENTRY_SUFFIX = ".model"
ENTRY_FORMAT = 3  # in every entry's header; bump when the codec's layout changes
MAGIC = b"TRmodel\0"
HEADER = struct.Struct("<8sI64sQ32s")  # magic, format, source SHA-256 (hex), payload length, MAC
MAX_ENTRY_BYTES = 40 * MAX_CACHED_BYTES  # a model is a few times its source: more is not ours
KEY_FILE = "key"
STALE_TEMP_SECONDS = 3600  # a temporary file this old is a write that was killed
_CORE_DIR = Path(__file__).resolve().parent.parent  # reader/


def cache_dir() -> Path | None:
    """Where cached models go, or None when caching is off."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return None if override == CACHE_OFF else Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "transcript-reader" / "models"


def _core_sources(directory: Path) -> list[str]:
    """The relative path of each source file of the core (not ``ui``), sorted."""
    found = []
    pending = [directory]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in ("ui", "__pycache__"):
                        pending.append(Path(entry.path))
                elif entry.name.endswith(".py"):
                    found.append(os.path.relpath(entry.path, directory))
    return sorted(found)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the core's source (names and text): a changed parser invalidates every
    model, and makes the library read every briefing again.

    The text, not the files' times: a reinstall, a checkout or a copy touches every file
    without changing the parser, and a library of 10,000 briefings takes minutes to read
    again. Hashing the half megabyte of source takes ~4 ms, once per process, on the
    loading thread.
    """
    digest = hashlib.blake2b(digest_size=8)
    try:
        for name in _core_sources(_CORE_DIR):
            with open(_CORE_DIR / name, "rb") as source:
                text = source.read()
            digest.update(f"{name}\0{len(text)}\0".encode())
            digest.update(text)
    except OSError:
        digest.update(b"\0unreadable")  # a core that cannot be read: a name no readable one has
    return digest.hexdigest()


def _entry(directory: Path, digest: str) -> Path:
    return directory / f"{digest}-{code_fingerprint()}{ENTRY_SUFFIX}"


def _mac(key: bytes, digest: bytes, payload: bytes) -> bytes:
    mac = hashlib.blake2b(key=key, digest_size=32)
    mac.update(struct.pack("<I", ENTRY_FORMAT))
    mac.update(digest)
    mac.update(payload)
    return mac.digest()


def _private(directory: Path) -> bool:
    """Whether only this user can write to ``directory`` (always true where there are no uids)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    info = directory.stat()
    return info.st_uid == getuid() and not info.st_mode & 0o022


def _key(directory: Path, create: bool) -> bytes | None:
    """The directory's secret, made on the first write; None when there is none to use."""
    path = directory / KEY_FILE
    try:
        with path.open("rb") as handle:
            key = handle.read(65)
        if len(key) == 32:
            return key
        if not create:
            return None
        path.unlink()
    except FileNotFoundError:
        if not create:
            return None
    key = os.urandom(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


def _read_entry(entry: Path, digest: str, path: str | None) -> Transcript | None:
    try:
        if not _private(entry.parent):
            return None
        key = _key(entry.parent, create=False)
        if key is None or entry.stat().st_size > MAX_ENTRY_BYTES + HEADER.size:
            return None
        with entry.open("rb") as handle:
            header = handle.read(HEADER.size)
            magic, version, source, length, mac = HEADER.unpack(header)
            if (magic, version, source) != (MAGIC, ENTRY_FORMAT, digest.encode()) or length > MAX_ENTRY_BYTES:
                return None
            payload = handle.read(length + 1)
        if len(payload) != length or not hmac.compare_digest(mac, _mac(key, source, payload)):
            return None
        transcript = decode_transcript(marshal.loads(payload))
    except Exception:  # a truncated, stale or foreign entry is just a miss
        return None
    if transcript.source.sha256 != digest:
        return None
    try:
        os.utime(entry)  # used: the least recently used entries are the ones pruned
    except OSError:
        pass
    return dataclasses.replace(transcript, source=dataclasses.replace(transcript.source, path=path))


def _write_entry(entry: Path, digest: str, transcript: Transcript) -> None:
    import tempfile  # only on a miss: a hit (start-up) does not pay for importing it (~4 ms)

    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(entry.parent):
            return
        key = _key(entry.parent, create=True)
        if key is None:
            return
        payload = marshal.dumps(encode(transcript))
        if len(payload) > MAX_ENTRY_BYTES:
            return
        source = digest.encode()
        header = HEADER.pack(MAGIC, ENTRY_FORMAT, source, len(payload), _mac(key, source, payload))
        fd, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(header)
            handle.write(payload)
        os.replace(temp, entry)
        _prune(entry)
    except Exception:
        return


def _prune(kept: Path) -> None:
    """Drop models of older parsers for the same bytes, and the least recently used beyond
    MAX_ENTRIES or MAX_TOTAL_BYTES (a hit touches its entry, so "used" is read or written).

    Without it every parser change and every file ever opened leaves an entry behind.
    Pickles written by earlier versions of the cache go too.
    """
    digest = kept.name.split("-", 1)[0]
    entries = [p for p in kept.parent.glob(f"*{ENTRY_SUFFIX}") if p != kept]
    stale = [p for p in entries if p.name.startswith(f"{digest}-")] + list(kept.parent.glob("*.pickle"))
    now = time.time()
    for temp in kept.parent.glob("*.tmp"):
        try:
            if now - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                stale.append(temp)
        except OSError:
            continue
    others = []  # (last used, size, path), most recent first
    for path in entries:
        if path in stale:
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        others.append((info.st_mtime, info.st_size, path))
    others.sort(reverse=True)
    kept_bytes = kept.stat().st_size
    evicted = []
    for count, (_time, size, path) in enumerate(others, start=1):
        kept_bytes += size
        if count >= MAX_ENTRIES or kept_bytes > MAX_TOTAL_BYTES:
            evicted.append(path)
    for path in stale + evicted:
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
        return _read_entry(entry, digest, path) if entry.is_file() else None

    def put(self, digest: str, transcript: Transcript) -> None:
        """Store ``transcript`` for ``digest``; a failure to write is silently no cache."""
        _write_entry(_entry(self.directory, digest), digest, transcript)
