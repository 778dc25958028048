"""Translations read from the shipped gettext catalogues (``resources/locale``).

The ``.po`` files are the only form the program ships: they are read with Babel when a
language is first asked for and kept in memory, so ``pip install`` and PyInstaller only
need to copy them, and no compiled ``.mo`` can go stale.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from journeycanvas.i18n.languages import PSEUDO_LANGUAGE, SOURCE_LANGUAGE, shipped_language
from journeycanvas.i18n.pseudo import pseudo

DOMAIN = "journeycanvas"
CONTEXT_SEPARATOR = "\x04"


def locale_folder() -> Traversable:
    """The folder that holds ``<lang>/LC_MESSAGES/journeycanvas.po``."""
    return files("journeycanvas").joinpath("resources", "locale")


def catalogue_file(language: str) -> Traversable:
    """The ``.po`` file of shipped `language`."""
    return locale_folder().joinpath(language, "LC_MESSAGES", f"{DOMAIN}.po")


def _english_plural(n: int) -> int:
    return 0 if n == 1 else 1


class Translations:
    """One language's messages: gettext's four lookups, and `lookup` that says when a
    message has no translation (the Qt adapter then asks Qt's own catalogue)."""

    def __init__(
        self,
        language: str,
        messages: dict[str, str | tuple[str, ...]] | None = None,
        plural: Callable[[int], int] = _english_plural,
    ) -> None:
        self.language = language
        self._messages = messages or {}
        self._plural = plural

    def lookup(self, context: str | None, message: str, n: int | None = None) -> str | None:
        """The translation of `message` in `context` (None: without a context), for count
        `n` when it is a plural message; None when the catalogue has none."""
        key = f"{context}{CONTEXT_SEPARATOR}{message}" if context else message
        found = self._messages.get(key)
        if not found:
            return None
        if isinstance(found, tuple):
            form = self._plural(1 if n is None else n)
            chosen = found[min(form, len(found) - 1)]
            return chosen or None
        return found

    def gettext(self, message: str) -> str:
        """`message` translated, or itself."""
        return self.lookup(None, message) or message

    def pgettext(self, context: str, message: str) -> str:
        """`message` translated in `context`, else without a context, else itself."""
        return self.lookup(context, message) or self.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form of `singular`/`plural` for count `n`, translated."""
        found = self.lookup(None, singular, n)
        return found or (singular if n == 1 else plural)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        """`ngettext` in `context`."""
        return self.lookup(context, singular, n) or self.ngettext(singular, plural, n)


class PseudoTranslations(Translations):
    """The pseudo-language: English made longer and put in markers (see `pseudo`)."""

    def __init__(self) -> None:
        super().__init__(PSEUDO_LANGUAGE)

    def lookup(self, context: str | None, message: str, n: int | None = None) -> str | None:
        """Every message is "translated": its pseudo form."""
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The pseudo form of the English singular or plural."""
        return pseudo(singular if n == 1 else plural)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        """The pseudo form of the English singular or plural."""
        return self.ngettext(singular, plural, n)


def read_catalogue(language: str) -> Catalog:
    """The Babel catalogue of shipped `language`."""
    with catalogue_file(language).open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def from_catalogue(language: str, catalog: Catalog) -> Translations:
    """Translations holding the translated, non-fuzzy messages of `catalog`."""
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        source = str(message.id[0] if isinstance(message.id, (tuple, list)) else message.id)
        key = f"{message.context}{CONTEXT_SEPARATOR}{source}" if message.context else source
        string = message.string
        if isinstance(string, (tuple, list)):
            if any(string):
                messages[key] = tuple(str(form) for form in string)
        elif string:
            messages[key] = str(string)
    # A message asked for in a context the catalogue does not know (PySide's tr() names
    # the object's class, a subclass's too) is found by its text alone.
    for key, value in list(messages.items()):
        messages.setdefault(key.partition(CONTEXT_SEPARATOR)[2] or key, value)
    plural = gettext.c2py(catalog.plural_expr) if catalog.plural_expr else _english_plural
    return Translations(language, messages, plural)


@cache
def translator_for(locale: str) -> Translations:
    """The translations for map or interface locale `locale` (``sv_SE`` is served by ``sv``);
    English (the source text) when no shipped language serves it."""
    language = shipped_language(locale) if locale else None
    if language == PSEUDO_LANGUAGE:
        return PseudoTranslations()
    if language is None or language == SOURCE_LANGUAGE:
        return Translations(SOURCE_LANGUAGE)
    return from_catalogue(language, read_catalogue(language))
