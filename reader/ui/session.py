"""The open document and its load: what is shown, what is loading, and the file on disk.

The window asks this session to open a file; the session runs the load on the loader's
thread (one job current at a time), says how far it got, and hands over the model (and
the metrics panel's whole-document numbers, computed next to the parser) when it is ready.
It keeps the document the window shows, the last error, and watches the file so the
window can offer to reload it. No widget here: the window decides how each event looks.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal, Slot

from reader.model import Transcript
from reader.ui.loader import DocumentLoader

if TYPE_CHECKING:
    from reader.metrics.facts import PanelFacts


def prepare_off_thread(transcript: Transcript) -> PanelFacts:
    """What the loader's worker makes besides the model: the metrics panel's whole-document
    numbers (a pass over the text that would otherwise hold the GUI thread).

    Plain Python only. The document is not built here: a Qt call on a worker holds the GIL
    while it waits for Qt's object locks, and the GUI thread destroying a Python-made
    QObject holds such a lock while it waits for the GIL, a deadlock seen in CI (the
    worker in ``QObject.moveToThread``). The GUI thread builds the document in steps.
    """
    from reader.metrics.facts import panel_facts  # the loader's thread pays for the import too

    return panel_facts(transcript)


class DocumentSession(QObject):
    """One window's document: opening, reloading, cancelling, and the panel's numbers."""

    loadStarted = Signal(str)  # path
    progressed = Signal(float)  # 0..1
    previewed = Signal(str, object)  # path, the model of a big file's beginning (the rest still loading)
    loaded = Signal(str, object, object)  # path, Transcript, PanelFacts or None
    failed = Signal(str, str)  # path, reason
    cancelled = Signal(str)  # path
    factsReady = Signal(object)  # the shown Transcript: its facts are ready, or failed (then None)
    fileChanged = Signal(str)  # the shown file changed on disk
    fileDeleted = Signal(str)  # the shown file was deleted or moved

    def __init__(self, loader: DocumentLoader | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loader = loader or DocumentLoader()
        self.loader.setParent(self)
        self.transcript: Transcript | None = None
        self.path: str | None = None
        self.loading_path: str | None = None
        self.last_error: tuple[str, str] | None = None  # (path, reason) of the last failed open
        self._facts: PanelFacts | None = None  # the shown transcript's, if made off-thread
        self._facts_requested: Transcript | None = None  # asked of the loader's thread, not yet back
        self._facts_failed: Transcript | None = None  # the loader's thread could not make them
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.loader.cancelled.connect(self._on_cancelled)
        self.loader.prepared.connect(self._on_prepared)
        self.loader.progressed.connect(self.progressed)
        self.loader.previewed.connect(self.previewed)

    # -- loading -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.loader.busy

    def open(self, path: str) -> int:
        """Start loading ``path``; the shown document stays until the new one is ready."""
        generation = self.loader.start(path, prepare=prepare_off_thread)
        self.track(path)
        return generation

    def track(self, path: str) -> None:
        """A load the loader is running (started here, or before the window existed)."""
        self.loading_path = path
        self.loadStarted.emit(path)

    @Slot()
    def cancel(self) -> None:
        self.loader.cancel()

    def shutdown(self) -> None:
        self.loader.shutdown()

    @Slot(str, object, object)
    def _on_loaded(self, path: str, transcript: object, facts: object) -> None:
        assert isinstance(transcript, Transcript)
        self.loading_path = None
        if facts is not None:
            from reader.metrics.facts import PanelFacts  # plain Python, already loaded by the worker

            facts = facts if isinstance(facts, PanelFacts) else None
        self.loaded.emit(path, transcript, facts)

    @Slot(str, str)
    def _on_failed(self, path: str, reason: str) -> None:
        self.loading_path = None
        self.last_error = (path, reason)
        self.failed.emit(path, reason)

    @Slot(str)
    def _on_cancelled(self, path: str) -> None:
        self.loading_path = None
        self.cancelled.emit(path)

    # -- the shown document ------------------------------------------------------------
    def show(self, transcript: Transcript, path: str | None, facts: PanelFacts | None = None) -> None:
        """``transcript`` (read from ``path``) is now the document on screen."""
        self.transcript = transcript
        self.path = path
        self._facts = facts
        self._watch(path)

    def facts(self) -> PanelFacts | None:
        """The panel's numbers for the shown transcript, if the loader's thread made them."""
        ready = self._facts is not None and self._facts.transcript is self.transcript
        return self._facts if ready else None

    def facts_failed(self) -> bool:
        return self.transcript is not None and self._facts_failed is self.transcript

    def request_facts(self) -> None:
        """Have the loader's thread compute the panel's numbers for the shown transcript, once.

        Start-up loads the model alone (the first paint must not share the GIL with this
        pass) and asks for them after the first paint; on a large file this pass takes
        tenths of a second, which must not hold the window.
        """
        shown = self.transcript
        if shown is None or self.facts() is not None or shown is self._facts_requested or self.facts_failed():
            return
        self._facts_requested = shown
        self.loader.prepare(shown, prepare_off_thread)

    @Slot(object, object)
    def _on_prepared(self, transcript: object, facts: object) -> None:
        if transcript is not self.transcript:
            return  # another document was opened meanwhile
        self._facts_requested = None
        from reader.metrics.facts import PanelFacts  # plain Python, already loaded by the worker

        if isinstance(facts, PanelFacts):
            self._facts = facts
        else:  # it failed (and said why on stderr): the panel computes them itself, once
            self._facts_failed = self.transcript
        self.factsReady.emit(transcript)

    # -- the file on disk --------------------------------------------------------------
    def _watch(self, path: str | None) -> None:
        watched = self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        if path and os.path.isfile(path):
            self._watcher.addPath(path)

    @Slot(str)
    def _on_file_changed(self, path: str) -> None:
        if path != self.path:
            return
        if os.path.exists(path):
            if path not in self._watcher.files():  # editors replace the file: watch the new one
                self._watcher.addPath(path)
            self.fileChanged.emit(path)
        else:
            self.fileDeleted.emit(path)
