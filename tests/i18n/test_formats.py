"""Numbers, percentages and dates per locale, and the pseudo-language."""

from __future__ import annotations

import datetime as dt

from journeycanvas.i18n import format_date, format_decimal, format_number, format_percent
from journeycanvas.i18n.pseudo import pseudo

NBSP = "\u00a0"


def test_swedish_groups_with_a_space_and_uses_a_decimal_comma() -> None:
    assert format_number(1200, "sv") == f"1{NBSP}200"
    assert format_decimal(4.4, "sv_SE") == "4,4"
    assert format_percent(0.44, "sv") == f"44{NBSP}%"
    assert format_number(1200, "en") == "1,200"
    assert format_decimal(4.4, "en") == "4.4"


def test_dates_follow_the_locale_and_unknown_locales_fall_back_to_english() -> None:
    day = dt.date(2026, 11, 24)
    assert format_date(day, "pl") == "24 lis 2026"
    assert format_date(day, "zh-CN") == "2026年11月24日"
    assert format_date(day, "not a locale") == format_date(day, "en")


def test_pseudo_lengthens_marks_and_keeps_what_code_reads() -> None:
    text = pseudo("Delete “{name}”? It is taken off {count} cards.")
    assert text.startswith("⟦") and text.endswith("⟧")
    assert "{name}" in text and "{count}" in text
    assert len(pseudo("Unsaved changes")) >= 1.4 * len("Unsaved changes")
    assert pseudo("&Save").count("&") == 1
    filters = pseudo("Journey maps (*.journey);;All files (*)").split(";;")
    assert filters[0].endswith("⟧ (*.journey)") and filters[1].endswith("⟧ (*)")


def test_figures_too_large_for_babel_are_written_all_the_same() -> None:
    # A hostile file may hold 1e300 as a metric value: printing it must not fail.
    assert format_number(1e300, "sv") == "1e+300"
    assert format_number(1.5e300, "pl") == "1,5e+300"
