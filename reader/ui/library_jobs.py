"""The library's work off the GUI thread: opening the index, indexing a folder, a search with
its contexts, and the other questions the tab asks (a speaker page, a figure history).

Each job is a QRunnable that runs plain Python (``reader.library``) on a pool thread and
reports through a signals object made in the GUI thread: no Qt object is created on a
worker. Indexing starts its own worker processes (``reader.library.indexer``), so the
window's thread only ever waits for signals; Cancel sets an event the indexer checks
between files.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.library.library import Library
from reader.library.paths import watch_paths
from reader.library.records import AddReport, Filters
from reader.ui.library_watch import MAX_WATCHED_FILES


@dataclass(frozen=True)
class IndexOutcome:
    """What the tab shows after an indexing, read by the index job on its own thread: on a
    library of 10,000 briefings the filter lists and the watcher's walk are tens of ms each."""

    report: AddReport | None  # None after re-reading one edited file
    documents: int
    folders: list[str]
    filter_values: dict[str, list[str]]
    watch_dirs: list[str]
    watch_files: list[str]


@dataclass(frozen=True)
class OpenedLibrary:
    """The library as the opening job found it: opening can upgrade the schema in place
    (index creation over a million figures takes seconds), wait for another process's lock
    or set a damaged file aside, so none of it may happen on the window's thread."""

    library: Library
    documents: int
    folders: list[str]


class OpenSignals(QObject):
    opened = Signal(object)  # OpenedLibrary
    failed = Signal(str)


class OpenJob(QRunnable):
    """Open (or make) the library in ``data_dir``; a job that finishes after ``closed`` is set
    closes what it opened instead of reporting it (the window went away meanwhile)."""

    def __init__(self, data_dir: str, signals: OpenSignals, closed: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._data_dir, self._signals, self._closed = data_dir, signals, closed

    def run(self) -> None:
        try:
            library = Library(data_dir=self._data_dir)
            try:
                opened = OpenedLibrary(library, library.document_count(), library.folders())
            except BaseException:
                library.close()
                raise
        except OSError as exc:  # a data folder that cannot be made or written: the user's to fix
            where = f" ({exc.filename})" if exc.filename else ""
            self._signals.failed.emit(f"{exc.strerror or exc}{where}")
            return
        except Exception as exc:  # the window stays up whatever the index does
            traceback.print_exc()
            self._signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        if self._closed.is_set():
            library.close()
        else:
            self._signals.opened.emit(opened)


class IndexSignals(QObject):
    progressed = Signal(int, int)  # files done, files to read
    finished = Signal(object)  # IndexOutcome
    failed = Signal(str)


class IndexJob(QRunnable):
    """Add ``folder`` to the library at ``path`` (or, with no folder, refresh all of it)."""

    def __init__(self, path: str, folder: str | None, signals: IndexSignals, cancel: threading.Event,
                 only_file: str | None = None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._path, self._folder, self._signals, self._cancel = path, folder, signals, cancel
        self._only_file = only_file

    def _progress(self, done: int, total: int, _path: str) -> bool:
        self._signals.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            library = Library(self._path)
            try:
                if self._only_file is not None:
                    library.reindex_file(self._only_file)
                    report = library.refresh([self._folder]) if self._folder else None
                elif self._folder is not None:
                    report = library.add(self._folder, self._progress, self._cancel)
                else:
                    report = library.refresh(None, self._progress, self._cancel)
                folders = library.folders()
                dirs, files = watch_paths(folders, MAX_WATCHED_FILES)
                outcome = IndexOutcome(report, library.document_count(), folders, library.filter_values(),
                                       dirs, files)
            finally:
                library.close()
        except Exception as exc:  # the window stays up whatever the index does
            traceback.print_exc()
            self._signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self._signals.finished.emit(outcome)


class SearchSignals(QObject):
    found = Signal(int, object)  # generation, SearchResult
    contexts = Signal(int, object)  # generation, {row: Context}
    failed = Signal(int, str)


class SearchJob(QRunnable):
    """One search and then its contexts, on the library's reading connection (one pool thread)."""

    def __init__(self, library: Callable[[], Library], generation: int, query: str, filters: Filters,
                 page: int, signals: SearchSignals, current: Callable[[], int]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._library, self._generation, self._query = library, generation, query
        self._filters, self._page, self._signals, self._current = filters, page, signals, current

    def run(self) -> None:
        try:
            library = self._library()
            result = library.search(self._query, self._filters, self._page)
            self._signals.found.emit(self._generation, result)
            if result.hits and self._current() == self._generation:
                cancel = _Superseded(self._current, self._generation)
                self._signals.contexts.emit(self._generation, library.contexts(result.hits, result.terms,
                                                                               cancel=cancel))
        except Exception as exc:
            traceback.print_exc()
            self._signals.failed.emit(self._generation, f"{type(exc).__name__}: {exc}")


class QuerySignals(QObject):
    answered = Signal(int, object)  # token, the answer
    failed = Signal(int, str)


class QueryJob(QRunnable):
    """One question to the library (a speaker page, a figure history, suggestions) asked on
    the search thread's connection, so the window's thread never waits for SQLite."""

    def __init__(self, library: Callable[[], Library], token: int, question: Callable[[Library], object],
                 signals: QuerySignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._library, self._token, self._question, self._signals = library, token, question, signals

    def run(self) -> None:
        try:
            answer = self._question(self._library())
        except Exception as exc:
            traceback.print_exc()
            self._signals.failed.emit(self._token, f"{type(exc).__name__}: {exc}")
        else:
            self._signals.answered.emit(self._token, answer)


class _Superseded(threading.Event):
    """Set once a newer search started: contexts for an old page are not worth reading."""

    def __init__(self, current: Callable[[], int], generation: int) -> None:
        super().__init__()
        self._current, self._generation = current, generation

    def is_set(self) -> bool:
        return self._current() != self._generation
