"""Read many files at once: worker processes parse, the caller's thread writes.

Parsing is pure Python and holds the interpreter lock, so the workers are processes
(started fresh, "spawn": never a fork of a process that runs Qt's threads), as many as
there are cores. At most a few files per worker are in flight, so memory stays bounded
however large the folder. Cancel stops handing out files and drops what is pending; the
files already written stay written (the next add skips them as unchanged).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from reader.errors import ReaderError
from reader.library.records import DocumentRecord

WORKERS_ENV = "TRANSCRIPT_READER_LIBRARY_WORKERS"
IN_FLIGHT_PER_WORKER = 3
#: Fewer files than this are read in this process: starting workers costs more than it saves.
MIN_FILES_FOR_WORKERS = 16

Outcome = tuple[str, "DocumentRecord | None", "str | None"]  # path, record, or the reason it failed


def read_one(path: str) -> Outcome:
    """Parse one file into its record, or say why not (run in a worker: never raises)."""
    from reader.library.extract import read_document

    try:
        return path, read_document(path), None
    except ReaderError as exc:
        return path, None, exc.reason
    except OSError as exc:
        return path, None, exc.strerror or str(exc)
    except MemoryError:
        return path, None, "not enough memory to read it"
    except Exception as exc:  # a parser bug skips the file, never the folder
        return path, None, f"unexpected error ({type(exc).__name__}: {exc})"


def worker_count() -> int:
    configured = os.environ.get(WORKERS_ENV)
    if configured is not None and configured.strip().isdigit():
        return int(configured)
    return max(1, os.cpu_count() or 1)


def read_all(paths: Sequence[str], cancel: threading.Event | None = None,
             workers: int | None = None) -> Iterator[Outcome]:
    """Every file's outcome, in the order they finish, until ``cancel`` is set."""
    cancel = cancel or threading.Event()
    workers = worker_count() if workers is None else workers
    if workers <= 0 or len(paths) < MIN_FILES_FOR_WORKERS:
        for path in paths:
            if cancel.is_set():
                return
            yield read_one(path)
        return
    yield from _read_in_processes(paths, cancel, workers)


def _read_in_processes(paths: Sequence[str], cancel: threading.Event, workers: int) -> Iterator[Outcome]:
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    pending: set[Future[Outcome]] = set()
    named: dict[Future[Outcome], str] = {}
    todo = iter(paths)
    try:
        while True:
            while not cancel.is_set() and len(pending) < workers * IN_FLIGHT_PER_WORKER:
                path = next(todo, None)
                if path is None:
                    break
                future = pool.submit(read_one, path)
                named[future] = path
                pending.add(future)
            if not pending or cancel.is_set():
                return
            done, pending = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            for future in done:
                path = named.pop(future)
                try:
                    yield future.result()
                except Exception as exc:  # the worker died (killed, out of memory): this file only
                    yield path, None, f"the worker reading it stopped ({type(exc).__name__})"
    finally:
        pool.shutdown(wait=not cancel.is_set(), cancel_futures=True)


ProgressCallback = Callable[[int, int, str], object]
