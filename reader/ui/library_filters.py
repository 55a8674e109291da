"""The Library tab's filters: speaker, kind, organization, source and a date range.

The dates are typed as a year, a month or a day (``2021``, ``2021-03``, ``2021-03-05``): the
range covers from the first day of the one to the last day of the other; a date that is not
one yet (half typed) does not filter. Speakers, organizations and sources are offered from
what the library holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QLineEdit, QWidget

from reader.library.library import KINDS, date_bound
from reader.library.records import Filters
from reader.ui.i18n import tr
from reader.ui.nav_models import kind_title


class LibraryFilters(QWidget):
    changed = Signal()  # any filter changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speaker = self._field("librarySpeaker", tr("Speaker"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("libraryKind")
        self.kind.addItem(tr("Any kind"), "")
        for kind in KINDS:
            self.kind.addItem(kind_title(kind), kind)
        self.organization = self._field("libraryOrganization", tr("Organization"))
        self.date_from = self._field("libraryFrom", tr("From (2021-03)"))
        self.date_to = self._field("libraryTo", tr("To (2024)"))
        self.source = QComboBox(self)
        self.source.setObjectName("librarySource")
        self.source.addItem(tr("Any source"), "")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.speaker, 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(self.organization, 1, 0)
        grid.addWidget(self.source, 1, 1)
        grid.addWidget(self.date_from, 2, 0)
        grid.addWidget(self.date_to, 2, 1)
        for field in (self.speaker, self.organization, self.date_from, self.date_to):
            field.textChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self.changed)
        self.source.currentIndexChanged.connect(self.changed)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setClearButtonEnabled(True)
        return field

    def offer(self, values: Mapping[str, Sequence[str]]) -> None:
        """Complete speakers and organizations, list the sources (keeping the one chosen)."""
        self.speaker.setCompleter(QCompleter(list(values["speakers"]), self))
        self.organization.setCompleter(QCompleter(list(values["organizations"]), self))
        current = self.source.currentData()
        self.source.blockSignals(True)
        while self.source.count() > 1:
            self.source.removeItem(1)
        for source in values["sources"]:
            self.source.addItem(source, source)
        self.source.setCurrentIndex(max(0, self.source.findData(current)))
        self.source.blockSignals(False)

    def filters(self) -> Filters:
        def bound(field: QLineEdit, end: bool) -> str | None:
            try:
                return date_bound(field.text(), end)
            except ValueError:
                return None

        return Filters(speaker=self.speaker.text().strip() or None, kind=self.kind.currentData() or None,
                       organization=self.organization.text().strip() or None,
                       date_from=bound(self.date_from, False), date_to=bound(self.date_to, True),
                       source=self.source.currentData() or None)
