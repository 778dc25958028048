"""Qt's side of the one translation mechanism: `tr()`, `QCoreApplication.translate()` and
`QT_TRANSLATE_NOOP` strings answered from the gettext catalogues (`journeycanvas.i18n`), and
Qt's own dialog texts from the ``qtbase_XX.qm`` PySide6 ships."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from journeycanvas import i18n


class CatalogueTranslator(QTranslator):
    """Answers Qt's translation requests from the interface language's catalogue: the
    message in Qt's context first, then by its text alone (PySide's `tr()` names the
    object's class as the context, a subclass's too)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        """The translation of `source_text`, or None (Qt's null string: ask the next
        translator, or show the source) when there is none."""
        translations = i18n.current_translations()
        count = n if n >= 0 else None
        return translations.lookup(context, source_text, count) or translations.lookup(
            None, source_text, count
        )

    def isEmpty(self) -> bool:
        """Never empty: the catalogue decides per message."""
        return False

    def language(self) -> str:
        """The interface language's code."""
        return i18n.current_language()


class InterfaceLanguage:
    """The installed translators of one application; `apply` switches the language."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.ours = CatalogueTranslator(app)
        self.qt = QTranslator(app)
        self._qt_installed = False

    def apply(self, code: str) -> str:
        """Show the interface in `code` ("" = the system's language); returns the language
        now used. Qt sends every widget a LanguageChange event."""
        language = i18n.set_language(code or system_language())
        self.app.removeTranslator(self.ours)
        if self._qt_installed:
            self.app.removeTranslator(self.qt)
        self.app.installTranslator(self.ours)
        # Installed last, so asked first: Qt's own contexts come from Qt's catalogue, and
        # where it has none (Indonesian) from ours.
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        self._qt_installed = language != i18n.SOURCE_LANGUAGE and self.qt.load(
            QLocale(language), "qtbase", "_", folder
        )
        if self._qt_installed:
            self.app.installTranslator(self.qt)
        QLocale.setDefault(QLocale(language if language != i18n.PSEUDO_LANGUAGE else "en"))
        return language


def system_language() -> str:
    """The system locale's name (``sv_SE``), which the first start follows."""
    return QLocale.system().name()
