"""Typed access to the few things the window remembers between runs.

A thin wrapper over QSettings so the keys and their types live in one place and tests
can point it at a temporary INI file instead of the user's configuration.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT_FILES = 10
SETTINGS_FILE_ENV = "TRANSCRIPT_READER_SETTINGS"  # an INI path; used by tests and for portable use


class AppSettings:
    """Window geometry, splitter state, zoom, recent files (and their titles), the export folder."""

    def __init__(self, settings: QSettings, *, writable: bool = True) -> None:
        self._settings = settings
        self.writable = writable

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], *, writable: bool = True) -> AppSettings:
        return cls(QSettings(os.fspath(path), QSettings.Format.IniFormat), writable=writable)

    @classmethod
    def default(cls, *, writable: bool = True) -> AppSettings:
        """The user's settings, or the INI file named by ``TRANSCRIPT_READER_SETTINGS``.

        ``writable=False`` for a run nobody watches (``--screenshot``): it reads what the user
        set and changes nothing, so an offscreen 800x600 render never becomes their window.
        """
        override = os.environ.get(SETTINGS_FILE_ENV)
        if override:
            return cls.from_file(override, writable=writable)
        return cls(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             "transcript-reader", "transcript-reader"), writable=writable)

    def _set(self, key: str, value: object) -> None:
        if self.writable:
            self._settings.setValue(key, value)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._set("window/splitter", value)

    @property
    def zoom(self) -> int:
        value = self._settings.value("view/zoom", 0)
        try:
            return int(value) if isinstance(value, (int, str)) else 0
        except ValueError:
            return 0

    @zoom.setter
    def zoom(self, steps: int) -> None:
        self._set("view/zoom", int(steps))

    @property
    def recent_files(self) -> list[str]:
        value = self._settings.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list in INI
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(v) for v in value if v][:MAX_RECENT_FILES]

    def add_recent_file(self, path: str, title: str | None = None) -> list[str]:
        """Put ``path`` first (once), remembering its document's title, and return the new list."""
        path = os.path.abspath(path)
        titles = self.recent_titles
        if title:
            titles[path] = title
        files = [path] + [p for p in self.recent_files if p != path]
        files = files[:MAX_RECENT_FILES]
        self._set("files/recent", files)
        # A parallel list, not a map: QSettings' INI format keeps lists of strings as they are.
        self._set("files/recent_titles", [titles.get(p, "") for p in files])
        return files

    @property
    def recent_titles(self) -> dict[str, str]:
        """The title of each recent file's document, where it had one."""
        value = self._settings.value("files/recent_titles", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return {}
        return {path: str(title) for path, title in zip(self.recent_files, value, strict=False) if title}

    @property
    def export_dir(self) -> str | None:
        """The folder figures were last exported to."""
        value = self._settings.value("files/export_dir")
        return value if isinstance(value, str) and value else None

    @export_dir.setter
    def export_dir(self, folder: str) -> None:
        self._set("files/export_dir", folder)

    def sync(self) -> None:
        if self.writable:
            self._settings.sync()
