"""A big file's beginning on screen while the rest of it is read.

The loader hands over the model of the file's first ~128 KB (``reader.pipeline.load``'s
``preview``) long before the whole model is ready. This shows it in a second transcript
view, in the place of the window's own, with the same look; it is connected to nothing,
so no pane, search or menu ever acts on the preview's model instead of the shown
document's. When the whole model arrives the window's view takes its place again, at the
reader's position in the preview.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout

from reader.model import Transcript
from reader.ui.transcript_view import TranscriptView


class BeginningPreview:
    """The preview view beside ``view`` in ``layout``; at most one at a time."""

    def __init__(self, view: TranscriptView, layout: QBoxLayout) -> None:
        self._view = view
        self._layout = layout
        self.widget: TranscriptView | None = None
        self.path: str | None = None

    @property
    def showing(self) -> bool:
        return self.widget is not None

    def show(self, path: str, transcript: Transcript) -> None:
        """Show ``transcript`` (a file's beginning) where the window's view is."""
        if self.widget is None:
            self.widget = TranscriptView(self._view.parentWidget())
            self.widget.setObjectName("previewView")
            self.widget.setAcceptDrops(False)
            self._layout.insertWidget(self._layout.indexOf(self._view), self.widget, 1)
        self.widget.set_zoom_steps(self._view.zoom_steps)
        self.widget.set_transcript(transcript)
        self.path = path
        self._view.hide()  # first, for the same reason as in ``end``
        self.widget.show()

    def end(self) -> int | None:
        """Give the place back to the window's view; the preview's top offset if it was scrolled."""
        widget, self.widget, self.path = self.widget, None, None
        if widget is None:
            return None
        offset = widget.top_offset()
        # Hidden first: showing the view activates the layout at once, and with the preview
        # still there it would get half the width, then reflow (moving the reader's line)
        # when the layout next runs.
        widget.hide()
        self._view.show()
        self._layout.removeWidget(widget)
        widget.deleteLater()
        return offset or None
