"""One translation mechanism for the whole program (Qt-free, usable from io and layout).

The interface language is process-wide (`set_language`, `_`, `pgettext`, `ngettext`);
printouts and reports ask `translator_for(map.locale)` for the map's own language. The Qt
side (`ui/qt_translator.py`) answers Qt's `tr()` from the same catalogues.
"""

from __future__ import annotations

from journeycanvas.i18n.formats import (
    format_date,
    format_decimal,
    format_number,
    format_percent,
    number_symbols,
)
from journeycanvas.i18n.languages import (
    PSEUDO_LANGUAGE,
    SOURCE_LANGUAGE,
    Language,
    available_languages,
    normalise,
    shipped_language,
)
from journeycanvas.i18n.translations import Translations, translator_for

__all__ = [
    "PSEUDO_LANGUAGE",
    "SOURCE_LANGUAGE",
    "Language",
    "Translations",
    "_",
    "available_languages",
    "current_language",
    "current_translations",
    "format_date",
    "format_decimal",
    "format_number",
    "format_percent",
    "gettext",
    "ngettext",
    "normalise",
    "npgettext",
    "number_symbols",
    "pgettext",
    "set_language",
    "shipped_language",
    "translator_for",
]

_current: Translations = translator_for(SOURCE_LANGUAGE)


def set_language(code: str) -> str:
    """Make `code` (a locale name; "" = English) the interface language; returns the shipped
    language that now serves it (``sv_SE`` → ``sv``, unknown → ``en``)."""
    global _current
    _current = translator_for(shipped_language(code) or SOURCE_LANGUAGE)
    return _current.language


def current_language() -> str:
    """The interface language's code (``en``, ``sv`` …)."""
    return _current.language


def current_translations() -> Translations:
    """The interface language's translations."""
    return _current


def gettext(message: str) -> str:
    """`message` in the interface language."""
    return _current.gettext(message)


_ = gettext


def pgettext(context: str, message: str) -> str:
    """`message` of `context` in the interface language."""
    return _current.pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for count `n` in the interface language."""
    return _current.ngettext(singular, plural, n)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """The form for count `n` of `context` in the interface language."""
    return _current.npgettext(context, singular, plural, n)
