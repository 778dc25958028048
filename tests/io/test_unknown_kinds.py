"""A newer minor file with kinds this version does not know opens, exports and saves unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeycanvas.io.csv_cards import export_cards_csv
from journeycanvas.io.errors import JourneyFileError
from journeycanvas.io.jsonfile import dumps_map, load_map, loads_map, save_map
from journeycanvas.io.markdown_report import markdown_report
from journeycanvas.io.pdf import ExportOptions, export_pdf

NEW_KINDS = Path(__file__).parent / "fixtures" / "v1.1" / "new-kinds.journey"


def test_unknown_kinds_load_as_their_raw_names() -> None:
    journey = load_map(NEW_KINDS)
    assert journey.lanes[0].kind == "quotes"
    assert journey.cards[0].kind == "quote"
    assert journey.cards[0].emotion == 2  # an unknown kind may carry any kind's field
    assert journey.connectors[0].kind == "echo"


def test_saving_keeps_the_file_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "saved.journey"
    save_map(load_map(NEW_KINDS), out, backup=False)
    assert out.read_bytes() == NEW_KINDS.read_bytes()
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["cards"][0]["kind"] == "quote"
    assert saved["lanes"][0]["kind"] == "quotes"
    assert saved["connectors"][0]["kind"] == "echo"


def test_a_file_of_this_version_with_an_unknown_kind_is_refused() -> None:
    data = json.loads(NEW_KINDS.read_text(encoding="utf-8"))
    data["version"] = "1.0"
    with pytest.raises(JourneyFileError) as caught:
        loads_map(json.dumps(data))
    message = str(caught.value)
    assert "cards[0].kind" in message and '"quote"' in message


@pytest.mark.parametrize("kind", ["Quote", "quote!", "", "9lives", "q" * 41])
def test_a_kind_that_is_no_identifier_is_refused_even_from_a_newer_file(kind: str) -> None:
    data = json.loads(NEW_KINDS.read_text(encoding="utf-8"))
    data["cards"][0]["kind"] = kind
    with pytest.raises(JourneyFileError) as caught:
        loads_map(json.dumps(data))
    assert "cards[0].kind" in str(caught.value)


def test_the_poster_draws_them_and_names_the_kind_in_its_legend(tmp_path: Path) -> None:
    out = tmp_path / "poster.pdf"
    export_pdf(load_map(NEW_KINDS), out, ExportOptions(paper="A3"))
    text = PdfReader(out).pages[0].extract_text() or ""
    assert "sourdough" in text and "heard again" in text
    assert "quote" in text  # the legend's entry for the unknown kind, by its raw name
    assert "Emotion" in text


def test_handouts_name_the_unknown_kind(tmp_path: Path) -> None:
    out = tmp_path / "handouts.pdf"
    export_pdf(load_map(NEW_KINDS), out, ExportOptions(handouts="stage"))
    text = " ".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert "sourdough" in text and "quote" in text


def test_csv_and_markdown_keep_the_raw_kind_names(tmp_path: Path) -> None:
    journey = load_map(NEW_KINDS)
    out = tmp_path / "cards.csv"
    export_cards_csv(journey, out, bom=False)
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("Know,What they say,quotes,quote,")
    report = markdown_report(journey)  # lists pain points, ideas, metrics, emotions only
    assert "| Buy |  | -2.0 |" in report


def test_dumps_of_a_loaded_map_is_stable() -> None:
    text = dumps_map(load_map(NEW_KINDS))
    assert dumps_map(loads_map(text)) == text
