"""Load a transcript off the GUI thread: a thin QRunnable around ``reader.pipeline.load_cached``.

One job is current at a time: each request gets a generation number and results of
an older generation are dropped, so a slow first file can never replace a second one
opened meanwhile. Cancelling makes the progress callback raise ``Cancelled`` inside
the parser, which is how the parser offers to be interrupted; and once Cancel is pressed
the load's result is never delivered as loaded, wherever the job was (still parsing,
computing the panel's numbers, or done with its result waiting in the event queue).

Every job ends with exactly one signal, and the job that computes the shown document's
panel numbers (``prepare``) is not cancelled by a new load: the window's show waits for
it, and a silently dropped request left the show waiting forever when the new load then
failed. A job outliving its window (a load that ignores Cancel) reports into nothing:
its signals are gone with the loader, and emitting into them is caught.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from reader.errors import Cancelled, ReaderError
from reader.model import Transcript

LoadFunction = Callable[..., Transcript]
PrepareFunction = Callable[[Transcript], object]


def _default_load(path: str, progress: Callable[..., None],
                  preview: Callable[[Transcript], object] | None = None) -> Transcript:
    from reader.pipeline import load_cached

    return load_cached(path, progress=progress, preview=preview)


def progress_fraction(*args: object) -> float | None:
    """Accept ``progress(fraction)`` or ``progress(done, total)`` from the parser."""
    numbers = [a for a in args if isinstance(a, (int, float)) and not isinstance(a, bool)]
    if len(numbers) >= 2 and numbers[1]:
        return max(0.0, min(1.0, float(numbers[0]) / float(numbers[1])))
    if len(numbers) == 1:
        value = float(numbers[0])
        return max(0.0, min(1.0, value / 100.0 if value > 1.0 else value))
    return None


SHUTDOWN_WAIT_MS = 2000  # closing waits this long for the job; the parser checks Cancel every ~50 ms


def _emit(signal: object, *args: object) -> None:
    """``signal.emit(*args)``, unless the loader (and so its signals) was deleted meanwhile."""
    try:
        signal.emit(*args)  # type: ignore[attr-defined]
    except RuntimeError:  # "Signal source has been deleted": the window is gone
        pass


class _JobSignals(QObject):
    progressed = Signal(int, float)  # generation, 0..1
    finished = Signal(int, str, object)  # generation, path, Transcript
    previewed = Signal(int, str, object)  # generation, path, the model of the file's beginning
    failed = Signal(int, str, str)  # generation, path, reason
    cancelled = Signal(int, str)
    prepared = Signal(object, object)  # Transcript, what ``prepare`` made of it (or None)


class _LoadJob(QRunnable):
    def __init__(self, generation: int, path: str, load: LoadFunction, cancel: threading.Event,
                 signals: _JobSignals, prepare: PrepareFunction | None = None,
                 previews: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._generation = generation
        self._path = path
        self._load = load
        self._previews = previews
        self._cancel = cancel
        self._signals = signals
        self._prepare = prepare

    def _progress(self, *args: object, **_: object) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        fraction = progress_fraction(*args)
        if fraction is not None:
            _emit(self._signals.progressed, self._generation, fraction)

    def _preview(self, transcript: Transcript) -> None:
        if not self._cancel.is_set():
            _emit(self._signals.previewed, self._generation, self._path, transcript)

    def _prepared(self, transcript: Transcript) -> object:
        """The optional second step (the panel's numbers); its failure only costs speed."""
        return None if self._prepare is None else _run_prepare(self._prepare, transcript)

    def run(self) -> None:
        signals, generation, path = self._signals, self._generation, self._path
        try:
            if self._previews:
                transcript = self._load(path, progress=self._progress, preview=self._preview)
            else:
                transcript = self._load(path, progress=self._progress)
            if self._cancel.is_set():
                raise Cancelled()
            extra = self._prepared(transcript)
            if self._cancel.is_set():  # pressed while the panel's numbers were computed
                raise Cancelled()
        except Cancelled:
            _emit(signals.cancelled, generation, path)
        except ReaderError as exc:
            _emit(signals.failed, generation, path, exc.reason)
        except MemoryError:
            _emit(signals.failed, generation, path, "not enough memory to open this file")
        except Exception as exc:  # a parser bug must not take the window down
            traceback.print_exc()
            _emit(signals.failed, generation, path, f"unexpected error: {exc!r}")
        else:
            _emit(signals.finished, generation, path, (transcript, extra))


def _run_prepare(prepare: PrepareFunction, transcript: Transcript) -> object:
    """``prepare(transcript)``, or None if it fails: the window then computes it itself."""
    try:
        return prepare(transcript)
    except Exception:
        traceback.print_exc()
        return None


class _PrepareJob(QRunnable):
    """Run ``prepare(transcript)`` for a transcript already shown (start-up asks after its first paint).

    Only shutting down skips it: the shown document's show waits for its answer.
    """

    def __init__(self, transcript: Transcript, prepare: PrepareFunction, shutting_down: threading.Event,
                 signals: _JobSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._transcript = transcript
        self._prepare = prepare
        self._shutting_down = shutting_down
        self._signals = signals

    def run(self) -> None:
        if self._shutting_down.is_set():
            return
        _emit(self._signals.prepared, self._transcript, _run_prepare(self._prepare, self._transcript))


class DocumentLoader(QObject):
    """Starts loads, keeps only the newest, and reports in the GUI thread."""

    progressed = Signal(float)
    previewed = Signal(str, object)  # path, the model of a big file's beginning, while the rest loads
    loaded = Signal(str, object, object)  # path, Transcript, what ``prepare`` made of it (or None)
    failed = Signal(str, str)  # path, reason
    cancelled = Signal(str)
    prepared = Signal(object, object)  # Transcript, what ``prepare`` made of it (None if it failed)

    def __init__(self, load: LoadFunction | None = None, parent: QObject | None = None,
                 previews: bool | None = None) -> None:
        """``load(path, progress=…)``, also given ``preview=`` when ``previews`` (by default,
        only the default load, which is the pipeline's: a test's load may not take it)."""
        super().__init__(parent)
        self._load = load or _default_load
        self._previews = load is None if previews is None else previews
        self._generation = 0
        self._cancel = threading.Event()
        self._shutting_down = threading.Event()
        self._busy = False
        self._signals = _JobSignals(self)
        self._signals.progressed.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.previewed.connect(self._on_previewed)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._signals.prepared.connect(self.prepared)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def generation(self) -> int:
        return self._generation

    def start(self, path: str, prepare: PrepareFunction | None = None) -> int:
        """Load ``path``; any load still running is cancelled and its result ignored.

        ``prepare(transcript)``, if given, also runs on the worker thread, and its result
        comes with the transcript (the window builds its document there).
        """
        self._cancel.set()
        self._cancel = threading.Event()
        self._generation += 1
        self._busy = True
        self._pool.start(_LoadJob(self._generation, path, self._load, self._cancel, self._signals, prepare,
                                  self._previews))
        return self._generation

    def prepare(self, transcript: Transcript, prepare: PrepareFunction) -> None:
        """Run ``prepare(transcript)`` on the worker thread and report it with ``prepared``.

        For a transcript loaded without its ``prepare`` step: start-up delivers the model
        alone, since any Python on the worker before the first paint competes with the
        window for the GIL (PySide6 keeps it during Qt's own work, such as layout).
        """
        self._pool.start(_PrepareJob(transcript, prepare, self._shutting_down, self._signals))

    @Slot()
    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until running jobs end (tests and shutdown); signals still need the event loop."""
        return self._pool.waitForDone(msecs)

    def finish_within(self, msecs: int) -> bool:
        """Wait up to ``msecs`` for the running job; if it ends, report it now, not in a later turn.

        Start-up calls this just after showing the window (having waited for the job before
        showing it): reported here, a quick load is in the window's first paint instead of
        following a paint of the empty window. Waiting leaves the GIL to the worker.
        """
        if not self._pool.waitForDone(msecs):
            return False
        QCoreApplication.sendPostedEvents(self)  # the job's queued signals, delivered here
        return True

    def shutdown(self) -> bool:
        """Cancel and wait (briefly) for the job; True if no job is left running.

        A job that does not stop in time keeps running in a pool the application adopts:
        deleting the window would otherwise wait in the pool's destructor for the job.
        """
        self._shutting_down.set()
        self.cancel()
        if self._pool.waitForDone(SHUTDOWN_WAIT_MS):
            return True
        application = QCoreApplication.instance()
        if application is not None:
            self._pool.setParent(application)
        return False

    @Slot(int, float)
    def _on_progress(self, generation: int, fraction: float) -> None:
        if generation == self._generation:
            self.progressed.emit(fraction)

    @Slot(int, str, object)
    def _on_previewed(self, generation: int, path: str, transcript: object) -> None:
        if generation == self._generation and not self._cancel.is_set():
            self.previewed.emit(path, transcript)

    @Slot(int, str, object)
    def _on_finished(self, generation: int, path: str, result: object) -> None:
        if generation != self._generation:
            return
        self._busy = False
        if self._cancel.is_set():  # Cancel was pressed after the job ended, before this arrived
            self.cancelled.emit(path)
            return
        assert isinstance(result, tuple)
        transcript, extra = result
        self.loaded.emit(path, transcript, extra)

    @Slot(int, str, str)
    def _on_failed(self, generation: int, path: str, reason: str) -> None:
        if generation == self._generation:
            self._busy = False
            self.failed.emit(path, reason)

    @Slot(int, str)
    def _on_cancelled(self, generation: int, path: str) -> None:
        if generation == self._generation:
            self._busy = False
            self.cancelled.emit(path)
