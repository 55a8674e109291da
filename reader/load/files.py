"""Reading a user's file: never for writing, never blocking on a pipe, never past a size bound."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from reader.errors import UnreadableFileError

# CPython's own SHA-256 (``_sha2`` from 3.12, ``_sha256`` before): ``hashlib`` loads
# OpenSSL first, about 3 ms of every start-up, for no gain at the sizes read here.
if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        from _sha2 import sha256
    except ImportError:
        try:
            from _sha256 import sha256
        except ImportError:
            from hashlib import sha256

# Opening a named pipe nobody writes to would wait forever: open without blocking, then
# refuse anything that is not a regular file before reading it.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)

# Parsing needs several times a file's size in memory: a file past this (a sparse or runaway
# file, not a transcript) is refused before it is read, not after it has filled the memory.
MAX_FILE_BYTES = 512 * 1024 * 1024


#: Past this size OpenSSL's SHA-256 (``hashlib``, loaded on demand) is worth its import.
LARGE_DIGEST_BYTES = 4 * 1024 * 1024


def file_digest(data: bytes) -> str:
    """The bytes' SHA-256, as hex: ``Source.sha256`` and the model cache's key."""
    if len(data) >= LARGE_DIGEST_BYTES:
        import hashlib

        return hashlib.sha256(data).hexdigest()
    return str(sha256(data).hexdigest())


def read_bytes(path: str) -> bytes:
    """The whole file, opened read-only; ``UnreadableFileError`` saying why it cannot be."""
    try:
        with open(os.open(path, _OPEN_FLAGS), "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableFileError(path, "is not a regular file (a pipe, socket or device)")
            if info.st_size > MAX_FILE_BYTES:
                raise UnreadableFileError(path, f"is too large to open ({info.st_size / 2**20:,.0f} MB; "
                                                f"the limit is {MAX_FILE_BYTES // 2**20} MB)")
            return handle.read()
    except FileNotFoundError as exc:
        raise UnreadableFileError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise UnreadableFileError(path, "is a directory, not a file") from exc
    except PermissionError as exc:
        raise UnreadableFileError(path, "permission denied") from exc
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be read ({exc.strerror or exc})") from exc
