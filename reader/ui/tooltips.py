"""Tooltips that show document text as text.

Qt renders a tooltip as rich text whenever it merely looks like markup (a tag before
the first line break), and rich text loads the images it names from disk. Transcript
text can hold a literal ``<img src="file:///…">`` (plain-text files keep it as written),
so every tooltip built from document text goes through here.
"""

from __future__ import annotations


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows it literally; ordinary text is returned unchanged."""
    if "<" not in text and "&lt;" not in text:  # Qt takes nothing else for markup; and the
        return text  # first screen's tooltips then never touch ``Qt`` (see reader.ui.startup)
    from PySide6.QtGui import Qt

    return Qt.convertFromPlainText(text) if Qt.mightBeRichText(text) else text
