"""The Markdown report in the map's language, with that language's number formats."""

from __future__ import annotations

from journeycanvas.io.markdown_report import markdown_report
from journeycanvas.io.templates import load_template

NBSP = "\u00a0"


def test_swedish_map_reports_in_swedish_with_swedish_numbers() -> None:
    journey = load_template("hourglass")
    journey.locale = "sv"
    report = markdown_report(journey)
    assert "## Faser" in report
    assert "## Smärtpunkter efter röster" in report
    assert "| Var | Kontaktpunkt | Nyckeltal | Värde / mål | Av målet | Uppnått |" in report
    assert f"1{NBSP}200 / 5{NBSP}000" in report
    assert "röster" in report


def test_the_report_can_be_asked_for_in_another_language() -> None:
    journey = load_template("hourglass")
    report = markdown_report(journey, locale="pl")
    assert "## Etapy" in report and "## Wskaźniki dla punktów styku" in report
