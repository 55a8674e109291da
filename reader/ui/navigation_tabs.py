"""The left pane: Speakers, Q&A, Find All's Results and the Library, as tabs.

One pane for the window to make (start-up makes it just after the first paint), show a
transcript in, and listen to: it says where the reader wants to go (``offsetActivated``)
or which match (``matchActivated``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from reader.model import Transcript
from reader.ui.find_results import FindResults
from reader.ui.i18n import tr
from reader.ui.library_pane import LibraryPane
from reader.ui.speaker_nav import QaOutline, SpeakerNav

NAV_TAB, QA_TAB, RESULTS_TAB, LIBRARY_TAB = 0, 1, 2, 3


class NavigationTabs(QTabWidget):
    offsetActivated = Signal(int)  # a turn (or any offset) to go to
    matchActivated = Signal(int)  # index into the current match list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navTabs")
        self.speaker_nav = SpeakerNav(self)
        self.qa_outline = QaOutline(self)
        self.find_results = FindResults(self)
        self.addTab(self.speaker_nav, tr("Speakers"))
        self.addTab(self.qa_outline, tr("Q&&A"))  # && shows one &, not a shortcut
        self.addTab(self.find_results, tr("Results"))
        self.library_pane = LibraryPane(self)
        self.addTab(self.library_pane, tr("Library"))
        self.find_results.matchActivated.connect(self.matchActivated)
        self.speaker_nav.offsetActivated.connect(self.offsetActivated)
        self.qa_outline.offsetActivated.connect(self.offsetActivated)
        self.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        if index == LIBRARY_TAB:
            self.library_pane.activate()  # opens it (and re-checks its folders) the first time

    def show_speakers(self, transcript: Transcript) -> None:
        self.speaker_nav.set_transcript(transcript)
        self.find_results.clear()

    def show_questions(self, transcript: Transcript) -> None:
        self.qa_outline.set_transcript(transcript)

    def results_shown(self) -> bool:
        return self.currentIndex() == RESULTS_TAB

    def show_results(self, transcript: Transcript, matches: Sequence[tuple[int, int]]) -> None:
        """List every match in the Results tab and bring it to the front."""
        self.find_results.show_matches(transcript, matches)
        self.setCurrentIndex(RESULTS_TAB)

    def show_library(self) -> LibraryPane:
        """Bring the Library tab to the front (opening the library if it was not yet)."""
        self.setCurrentIndex(LIBRARY_TAB)
        self.library_pane.activate()
        return self.library_pane
