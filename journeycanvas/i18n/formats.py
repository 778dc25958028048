"""Numbers, percentages and dates written the way a locale writes them (with Babel):
"1 200" and "4,4" in Swedish, "1,200" and "4.4" in English."""

from __future__ import annotations

import datetime as dt
import decimal
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal
from babel.numbers import format_percent as _babel_percent
from babel.numbers import get_decimal_symbol, get_group_symbol

from journeycanvas.i18n.languages import SOURCE_LANGUAGE, normalise


@cache
def babel_locale(locale: str) -> Locale:
    """Babel's locale for `locale` (``zh-CN``, ``sv_SE``, ``pl``); English when Babel does not
    know it (or for the pseudo-language)."""
    try:
        return Locale.parse(normalise(locale) or SOURCE_LANGUAGE)
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(SOURCE_LANGUAGE)


@cache
def number_symbols(locale: str) -> tuple[str, str]:
    """The locale's thousands separator and decimal sign: (" ", ",") in Swedish (the space
    is a no-break space), (",", ".") in English; for code that formats many figures fast."""
    found = babel_locale(locale)
    return get_group_symbol(found), get_decimal_symbol(found)


@lru_cache(maxsize=8192)
def format_number(value: float, locale: str) -> str:
    """`value` with the locale's grouping and decimal sign, up to three decimals.

    Kept for the figures last written: a printout writes the same few (votes, page
    numbers, targets) thousands of times, and Babel takes tens of microseconds each."""
    try:
        return _babel_decimal(value, locale=babel_locale(locale))
    except decimal.InvalidOperation:
        return _beyond_babel(value, locale)


def format_decimal(value: float, locale: str, decimals: int = 1) -> str:
    """`value` with exactly `decimals` decimals (``4,4`` in Swedish)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    try:
        return _babel_decimal(value, format=pattern, locale=babel_locale(locale))
    except decimal.InvalidOperation:
        return _beyond_babel(value, locale)


def format_percent(fraction: float, locale: str) -> str:
    """`fraction` (0.44) as a percentage the locale's way ("44 %" in Swedish)."""
    try:
        return _babel_percent(fraction, locale=babel_locale(locale))
    except decimal.InvalidOperation:
        return _beyond_babel(fraction * 100, locale) + " %"


def _beyond_babel(value: float, locale: str) -> str:
    """A figure too large for Babel's decimal rounding (1e300 in a hostile file), written
    in the locale's signs all the same: exponent notation, never an exception."""
    decimal_sign = number_symbols(locale)[1]
    return f"{value:.6g}".replace(".", decimal_sign)


def format_date(value: dt.date | dt.datetime, locale: str, length: str = "medium") -> str:
    """`value`'s date in the locale's `length` ("short", "medium", "long") format."""
    day = value.date() if isinstance(value, dt.datetime) else value
    return _babel_date(day, format=length, locale=babel_locale(locale))
