"""Errors the core raises; only the UI and the command line decide how to show them."""

from __future__ import annotations


class ReaderError(Exception):
    """A document could not be read. Carries the file and a reason a reader understands."""

    def __init__(self, path: str | None, reason: str) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.path = path
        self.reason = reason


class UnreadableFileError(ReaderError):
    """Missing, a directory, no permission, or vanished while reading."""


class UndecodableError(ReaderError):
    """Binary data, or text in no encoding we can detect."""


class Cancelled(Exception):
    """The user cancelled a long load; not an error, so not a ReaderError."""
