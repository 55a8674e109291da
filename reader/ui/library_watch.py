"""Live updates: the library's folders watched while the window runs.

``QFileSystemWatcher`` on every folder (a file added, removed or renamed changes its folder)
and on the transcripts themselves up to a limit (an edit changes only the file); a change
is reported once the file has been quiet for a moment, since editors save in steps. The
library then re-reads only that file, or re-checks the folder by size and mtime.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

MAX_WATCHED_FILES = 4000  # inotify watches are a shared, limited resource; folders always fit
SETTLE_MS = 400


class LibraryWatch(QObject):
    fileChanged = Signal(str)  # a transcript's content changed, or it was deleted
    folderChanged = Signal(str)  # files were added, removed or renamed in a folder

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher: QFileSystemWatcher | None = None
        self._pending_files: set[str] = set()
        self._pending_folders: set[str] = set()
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._report)

    def watch(self, dirs: list[str], files: list[str]) -> None:
        """Watch ``dirs`` and ``files`` (``reader.library.paths.watch_paths``, walked off this
        thread), replacing what was watched."""
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._on_file)
            self._watcher.directoryChanged.connect(self._on_folder)
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        if dirs:
            self._watcher.addPaths(dirs)
        if files:
            self._watcher.addPaths(files[:MAX_WATCHED_FILES])

    def watched(self) -> list[str]:
        return [] if self._watcher is None else self._watcher.files() + self._watcher.directories()

    @Slot(str)
    def _on_file(self, path: str) -> None:
        self._pending_files.add(path)
        self._settle.start()

    @Slot(str)
    def _on_folder(self, path: str) -> None:
        self._pending_folders.add(path)
        self._settle.start()

    @Slot()
    def _report(self) -> None:
        files, self._pending_files = self._pending_files, set()
        folders, self._pending_folders = self._pending_folders, set()
        for path in sorted(files):
            if self._watcher is not None and os.path.exists(path) and path not in self._watcher.files():
                self._watcher.addPath(path)  # an editor that saves by renaming replaced the file
            self.fileChanged.emit(path)
        for folder in sorted(folders):
            self.folderChanged.emit(folder)
