"""The export-format registry: a new format is one function and its registration, and the
command line and `export_map` pick it up; texts no file can hold are cleaned for every
export."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeycanvas.cli import main
from journeycanvas.io.export import export_map, format_for
from journeycanvas.io.export_formats import (
    PERSONA,
    ExportFormat,
    export_formats,
    extension_formats,
    file_formats,
    register,
    unregister,
)
from journeycanvas.io.jsonfile import save_map
from journeycanvas.io.pdf import ExportError, ExportOptions
from journeycanvas.io.templates import load_template
from journeycanvas.model import JourneyMap


def plain_text_list(journey, path, options, progress=None, cancel=None):  # type: ignore[no-untyped-def]
    path.write_text("\n".join(card.text for card in journey.cards), encoding="utf-8")
    return 0, f"{len(journey.cards)} lines"


@pytest.fixture
def cardlist() -> Iterator[ExportFormat]:
    entry = register(
        ExportFormat(
            "cardlist", "Plain-text list of cards", "txt", (".txt", ".text"), plain_text_list,
            frozenset({PERSONA}),
        )
    )  # fmt: skip
    yield entry
    unregister("cardlist")
    assert "txt" not in file_formats() and ".txt" not in extension_formats()


def test_a_registered_format_is_in_the_table_the_cli_and_export_map(
    cardlist: ExportFormat, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cardlist in export_formats() and "txt" in file_formats()
    assert format_for("cards.TEXT", ExportOptions()) == "txt"
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = capsys.readouterr().out
    assert "txt" in help_text and "Plain-text list of cards" in help_text

    journey = load_template("hourglass")
    result = export_map(journey, tmp_path / "a.txt", ExportOptions(persona="Commuter Clara"))
    lines = (tmp_path / "a.txt").read_text(encoding="utf-8").splitlines()
    assert result.summary == f"{len(lines)} lines" and 0 < len(lines) < len(journey.cards)

    source = tmp_path / "m.journey"
    save_map(journey, source)
    out = tmp_path / "b.bin"
    assert main(["export", str(source), "-o", str(out), "--format", "txt"]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == len(journey.cards) - 1


def test_the_same_id_cannot_be_registered_twice(cardlist: ExportFormat) -> None:
    with pytest.raises(ValueError, match="registered already"):
        register(cardlist)


def test_a_format_without_pdf_layouts_refuses_tiles(cardlist: ExportFormat, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="PDFs"):
        export_map(load_template("hourglass"), tmp_path / "x.txt", ExportOptions(blank=True))
    assert list(tmp_path.iterdir()) == []


HOSTILE = "\x00\x01bell\x07\x0bvt\x1b[31mred\ufffe\ud800\udfff end"


def hostile_map() -> JourneyMap:
    """The hourglass with control characters and lone surrogates in every kind of text."""
    journey = load_template("hourglass")
    stages = [journey.stages[0].model_copy(update={"name": "Know" + HOSTILE}), *journey.stages[1:]]
    lanes = [journey.lanes[0].model_copy(update={"title": "Lane" + HOSTILE}), *journey.lanes[1:]]
    cards = [
        journey.cards[0].model_copy(update={"text": "Card" + HOSTILE, "tags": ["t" + HOSTILE]}),
        *journey.cards[1:],
    ]
    personas = [
        journey.personas[0].model_copy(update={"name": "Clara" + HOSTILE}),
        *journey.personas[1:],
    ]
    return journey.model_copy(
        update={
            "title": "Title" + HOSTILE,
            "stages": stages,
            "lanes": lanes,
            "cards": cards,
            "personas": personas,
        }
    )


@pytest.mark.parametrize(
    "name", ["poster.pdf", "tiles.pdf", "blank.pdf", "handouts.pdf", "cards.csv", "report.md"]
)
def test_exports_clean_control_characters_and_lone_surrogates(name: str, tmp_path: Path) -> None:
    options = {
        "tiles.pdf": ExportOptions(tile="a4"),
        "blank.pdf": ExportOptions(blank=True, paper=None),
        "handouts.pdf": ExportOptions(handouts="persona"),
    }.get(name, ExportOptions())
    out = tmp_path / name
    export_map(hostile_map(), out, options)
    if out.suffix == ".pdf":
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        assert "\x07" not in text and "\x1b" not in text
        return
    text = out.read_text(encoding="utf-8-sig")
    assert "Cardbellvt" in text and "red\ufffd\ufffd end" in text  # Markdown escapes the [
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in text)
    if out.suffix == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        assert any(row["text"] == "Cardbellvt[31mred\ufffd\ufffd end" for row in rows)


def test_the_svg_of_a_hostile_map_is_well_formed(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    out = tmp_path / "map.svg"
    export_map(hostile_map(), out)
    root = ElementTree.parse(out).getroot()
    texts = "".join(root.itertext())
    assert "Titlebellvt[31mred" in texts
