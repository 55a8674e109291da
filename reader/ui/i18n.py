"""The UI's language: English source strings, Chinese from a bundled catalogue.

Qt's translation mechanism (``QCoreApplication.translate``) is used so every widget,
including Qt's own, asks one place; the catalogue is a Python dict rather than a
compiled ``.qm`` file so it needs no build step and is reviewed like code.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

from reader.ui.catalogue_zh import CATALOGUE_ZH

CONTEXT = "reader"
QT_TRANSLATOR_NAME = "qtbaseTranslator"
# What install_translator installed, so a second call replaces it. Listing the application's
# children instead makes PySide6 build Python types for them (QStyle's many enums): ~6 ms
# at start-up, before the first paint.
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """Translate a UI string through whatever translator is installed."""
    return QCoreApplication.translate(CONTEXT, text)


class CatalogueTranslator(QTranslator):
    """A QTranslator fed from a dict ``{english: translation}``; unknown strings pass through.

    The context is not consulted: one catalogue serves ``tr`` here and every widget's
    ``self.tr`` (whose context is its class name).
    """

    def __init__(self, catalogue: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None reaches Qt as a null string: "not mine, ask the next translator or keep the
        # source text". An empty string would be taken as the translation and blank the UI.
        return self._catalogue.get(source_text)

    def isEmpty(self) -> bool:
        return not self._catalogue


def wants_chinese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Chinese


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Install the Chinese catalogue when ``locale`` (default: the system's) is Chinese.

    Returns the installed translator (keep it alive), or None for English.
    """
    locale = QLocale.system() if locale is None else locale
    for old in _installed:
        if shiboken6.isValid(old):
            QCoreApplication.removeTranslator(old)
            old.deleteLater()
    _installed.clear()
    if not wants_chinese(locale):
        return None
    from PySide6.QtCore import QLibraryInfo  # only for a Chinese UI: not named at every start-up

    qt_own = QTranslator(app)  # Qt's own strings: standard buttons, file dialogs, context menus
    qt_own.setObjectName(QT_TRANSLATOR_NAME)
    if qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        qt_own.deleteLater()
    translator = CatalogueTranslator(CATALOGUE_ZH, app)
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return translator
