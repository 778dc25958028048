"""The words a printout prints, in the map's own language (`JourneyMap.locale`).

Every label the PDF draws (legend, title block, footers, handouts, tiling notes) comes
from the shared catalogues through `Words`, and its numbers, percentages and dates are
written the locale's way ("1 200" and "4,4" in Swedish).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journeycanvas.i18n import (
    Translations,
    format_date,
    format_decimal,
    format_number,
    format_percent,
    translator_for,
)
from journeycanvas.model.entities import JourneyMap
from journeycanvas.model.kinds import TRANSLATION_CONTEXT, card_kind_spec


@dataclass(frozen=True, slots=True)
class Words:
    """Translations and formats of one locale, for printing."""

    locale: str
    t: Translations

    @classmethod
    def of(cls, journey: JourneyMap) -> Words:
        """The words of `journey`'s language (English when it names none)."""
        return cls.for_locale(journey.locale)

    @classmethod
    def for_locale(cls, locale: str) -> Words:
        """The words of `locale`."""
        return cls(locale, translator_for(locale))

    def gettext(self, message: str) -> str:
        """`message` in the printout's language."""
        return self.t.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form of `singular`/`plural` for count `n`, in the printout's language."""
        return self.t.ngettext(singular, plural, n)

    def kind(self, kind: str) -> str:
        """A card kind's name as the printout's language says it."""
        return self.t.pgettext(TRANSLATION_CONTEXT, card_kind_spec(kind).name)

    def number(self, value: float) -> str:
        """A figure the locale's way ("1 200")."""
        return format_number(value, self.locale)

    def decimal(self, value: float, decimals: int = 1) -> str:
        """A figure with fixed decimals ("4,4")."""
        return format_decimal(value, self.locale, decimals)

    def percent(self, fraction: float) -> str:
        """A fraction as a percentage ("84 %")."""
        return format_percent(fraction, self.locale)

    def date(self, day: dt.date) -> str:
        """A date in the locale's medium format."""
        return format_date(day, self.locale)


ENGLISH = Words.for_locale("")
"""Words for callers that print without a map (tests, the tiling of a bare drawing)."""
