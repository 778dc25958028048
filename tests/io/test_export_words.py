"""What an export says, and why it refuses, in the interface language: Swedish where the
English was, with Swedish plurals and numbers; the printout itself keeps the map's."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeycanvas.i18n import set_language
from journeycanvas.io.export import export_map
from journeycanvas.io.jsonfile import JourneyFileError, dumps_map, loads_map
from journeycanvas.io.pdf import ExportError, ExportOptions
from journeycanvas.io.templates import load_template
from journeycanvas.model.integrity import find_problems

NBSP = "\u00a0"


@pytest.fixture
def swedish() -> Iterator[None]:
    """The interface in Swedish for one test; English again after it."""
    set_language("sv")
    yield
    set_language("")


@pytest.mark.parametrize(
    ("file", "options", "english", "swedish_words"),
    [
        (
            "map.pdf",
            ExportOptions(),
            "1 page, A1 landscape, map at",
            "1 sida, A1 liggande, kartan i",
        ),
        (
            "map.pdf",
            ExportOptions(blank=True),
            "blank canvas at true size",
            "tom canvas i verklig storlek",
        ),
        ("tiles.pdf", ExportOptions(tile="a4"), "sheets of A4", "ark A4"),
        (
            "handouts.pdf",
            ExportOptions(handouts="stage"),
            "A4 pages of handouts for 7 stages",
            "A4-sidor med arbetsblad för 7 faser",
        ),
        ("cards.csv", ExportOptions(), "cards, one row each", "kort, en rad per kort"),
        ("report.md", ExportOptions(), "Markdown report", "Markdown-rapport"),
    ],
)
def test_summaries_are_in_the_interface_language(
    tmp_path: Path, file: str, options: ExportOptions, english: str, swedish_words: str
) -> None:
    journey = load_template("hourglass")
    assert english in export_map(journey, tmp_path / file, options).summary
    set_language("sv")
    try:
        summary = export_map(journey, tmp_path / f"sv-{file}", options).summary
    finally:
        set_language("")
    assert swedish_words in summary and english not in summary


def test_a_tiled_summary_uses_swedish_plurals_and_numbers(tmp_path: Path, swedish: None) -> None:
    journey = load_template("hourglass")
    summary = export_map(journey, tmp_path / "big.pdf", ExportOptions(scale=1.5, tile="a4")).summary
    assert summary.startswith("en affisch på 1" + NBSP)  # "1 043 × 407 mm", grouped the Swedish way
    assert "A4 stående" in summary and "och en sida som visar hur arken sätts ihop" in summary
    assert "%" in summary and "sheets" not in summary


def test_the_printout_keeps_the_maps_language(tmp_path: Path, swedish: None) -> None:
    out = tmp_path / "poster.pdf"
    summary = export_map(load_template("hourglass"), out, ExportOptions()).summary
    assert summary.startswith("1 sida")
    (page,) = PdfReader(out).pages
    assert "Page 1 of 1" in page.extract_text()  # the map is English; the user is not


def test_export_errors_are_in_swedish(tmp_path: Path, swedish: None) -> None:
    journey = load_template("hourglass")
    with pytest.raises(ExportError, match="okänt papper 'B7'"):
        export_map(journey, tmp_path / "x.pdf", ExportOptions(paper="B7"))
    with pytest.raises(ExportError, match="ingen persona 'Nobody' i kartan"):
        export_map(journey, tmp_path / "x.pdf", ExportOptions(persona="Nobody"))
    with pytest.raises(ExportError, match="kan inte avgöra formatet"):
        export_map(journey, tmp_path / "x.docx", ExportOptions())
    assert not list(tmp_path.iterdir())


def test_load_errors_are_in_swedish(swedish: None) -> None:
    newer = '{"format": "journeycanvas", "version": "99.0"}'
    with pytest.raises(JourneyFileError, match="skapad av en nyare JourneyCanvas"):
        loads_map(newer, "future.journey")
    with pytest.raises(JourneyFileError, match="inte en karta: filen innehåller en lista"):
        loads_map("[]", "list.journey")


def test_integrity_problems_are_in_swedish(swedish: None) -> None:
    journey = load_template("hourglass")
    journey.cards[0].stage = "s404"
    (problem,) = find_problems(journey)
    assert problem.path == "cards[0].stage"
    assert problem.message == "ingen fas med id 's404'"


def test_type_and_range_errors_are_in_swedish(swedish: None) -> None:
    text = dumps_map(load_template("hourglass"))
    data = json.loads(text)
    data["cards"][0]["emotion"] = 9
    data["cards"][1]["votes"] = "many"
    with pytest.raises(JourneyFileError) as raised:
        loads_map(json.dumps(data), "bad.journey")
    message = str(raised.value)
    assert "får vara högst 3, inte 9" in message
    assert 'ska vara ett heltal, inte "many"' in message
