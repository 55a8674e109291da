"""The menu bar: its titles at once, its actions (and their shortcuts) when asked.

Start-up fills the actions just after the first paint (about 3 ms, and QAction and
QKeySequence are among the classes PySide6 builds when first named); a slow first load
fills them after half a second anyway.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMainWindow, QMenu

from reader.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence

    from reader.ui.search_bar import SearchBar
    from reader.ui.transcript_view import TranscriptView

Slot = Callable[[], object]


class MenuTarget(Protocol):
    """What the menus' actions call: the main window's slots."""

    view: TranscriptView
    search_bar: SearchBar

    def choose_file(self) -> None: ...
    def add_library_folder(self) -> None: ...
    def reload(self) -> None: ...
    def export_figures(self) -> None: ...
    def close(self) -> bool: ...
    def next_match(self) -> None: ...
    def previous_match(self) -> None: ...
    def find_all(self) -> None: ...
    def next_turn(self) -> None: ...
    def previous_turn(self) -> None: ...
    def next_turn_same_speaker(self) -> None: ...
    def previous_turn_same_speaker(self) -> None: ...


class WindowMenus:
    """File, View and Go; ``recent`` is File > Open Recent."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        bar = window.menuBar()
        self.file = bar.addMenu(tr("&File"))
        self.file.setObjectName("fileMenu")
        self.view = bar.addMenu(tr("&View"))
        self.view.setObjectName("viewMenu")
        self.go = bar.addMenu(tr("&Go"))
        self.go.setObjectName("goMenu")
        self.recent = QMenu(tr("Open &Recent"), window)
        self.recent.setObjectName("recentMenu")
        self.filled = False

    def _action(self, text: str, slot: Slot, *shortcuts: QKeySequence | QKeySequence.StandardKey | str,
                name: str) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence  # made after the first paint at start-up

        action = QAction(self._window)  # no (text, parent): PySide6 would try QIcon first
        action.setText(text)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        # Qt.ShortcutContext.WindowShortcut is an action's default context (a test checks it)
        action.triggered.connect(slot)
        action.setObjectName(name)
        self._window.addAction(action)
        return action

    def fill(self, target: MenuTarget) -> None:
        """The actions and their shortcuts, once."""
        if self.filled:
            return
        self.filled = True
        from PySide6.QtGui import QKeySequence

        add = self._action
        self.file.addAction(add(tr("&Open…"), target.choose_file, QKeySequence.StandardKey.Open,
                                name="openAction"))
        self.file.addMenu(self.recent)
        self.file.addAction(add(tr("Add &Folder to Library…"), target.add_library_folder,
                                name="addLibraryFolderAction"))
        self.reload_action = add(tr("&Reload"), target.reload, "F5", name="reloadAction")
        self.file.addAction(self.reload_action)
        self.file.addSeparator()
        self.export_action = add(tr("&Export figures…"), target.export_figures, name="exportFiguresAction")
        self.file.addAction(self.export_action)
        self.file.addSeparator()
        self.file.addAction(add(tr("&Quit"), target.close, "Ctrl+Q", name="quitAction"))

        view, menu = target.view, self.view
        menu.addAction(add(tr("Zoom &In"), view.zoom_in_reading, "Ctrl+=", "Ctrl++", name="zoomInAction"))
        menu.addAction(add(tr("Zoom &Out"), view.zoom_out_reading, "Ctrl+-", name="zoomOutAction"))
        menu.addAction(add(tr("&Reset Zoom"), view.zoom_reset_reading, "Ctrl+0", name="zoomResetAction"))

        go = self.go
        go.addAction(add(tr("&Find"), target.search_bar.focus_field, QKeySequence.StandardKey.Find,
                         name="findAction"))
        go.addAction(add(tr("Find &Next"), target.next_match, "F3", name="findNextAction"))
        go.addAction(add(tr("Find &Previous"), target.previous_match, "Shift+F3", name="findPreviousAction"))
        go.addAction(add(tr("Find &All"), target.find_all, "Ctrl+Shift+F", name="findAllAction"))
        # Esc anywhere in the window while a search is active; disabled without one, so Esc
        # still closes what it closes elsewhere.
        self.clear_search_action = add(tr("&Clear Search"), target.search_bar.clear, "Esc",
                                       name="clearSearchAction")
        self.clear_search_action.setEnabled(bool(target.search_bar.query))
        target.search_bar.field.textChanged.connect(self._enable_clear_search)
        go.addAction(self.clear_search_action)
        go.addSeparator()
        go.addAction(add(tr("Next &Turn"), target.next_turn, "Alt+Down", name="nextTurnAction"))
        go.addAction(add(tr("Previous T&urn"), target.previous_turn, "Alt+Up", name="previousTurnAction"))
        go.addAction(add(tr("Same Speaker's Next Turn"), target.next_turn_same_speaker, "Alt+Right",
                         name="nextSpeakerTurnAction"))
        go.addAction(add(tr("Same Speaker's Previous Turn"), target.previous_turn_same_speaker, "Alt+Left",
                         name="previousSpeakerTurnAction"))

    def _enable_clear_search(self, text: str) -> None:
        self.clear_search_action.setEnabled(bool(text))

    def show_recent(self, files: list[str], open_recent: Slot, titles: dict[str, str] | None = None) -> None:
        """File > Open Recent lists ``files`` by their documents' titles (the file's name where
        there is none), the path in the tooltip; each action's data is its path."""
        self.recent.clear()
        self.recent.setToolTipsVisible(True)
        titles = titles or {}
        for path in files:
            shown = titles.get(path) or os.path.basename(path) or path
            action = self.recent.addAction(shown.replace("&", "&&"))  # "&&" shows one "&"
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(open_recent)
        self.recent.setEnabled(bool(files))
