"""Palettes for print: Okabe–Ito's colour-blind-safe colours and greyscale, with persona
initials, hatched metric bars and the emotion scale, read back from the written PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_helpers import multilingual_map, page_texts, squash
from pypdf import PdfReader

from journeycanvas.io.pdf import ExportError, ExportOptions, export_pdf
from journeycanvas.io.pdf.print_palette import PrintPalette, persona_initials
from journeycanvas.model import Persona
from journeycanvas.model.kinds import card_accent
from journeycanvas.model.kinds.palette import OKABE_ITO

_COLOR_OP = re.compile(rb"([\d.]+) ([\d.]+) ([\d.]+) (rg|RG)\b")


def colours_of(path: Path) -> set[str]:
    """Every fill and stroke colour the PDF's pages (and their forms) set, as "#rrggbb"."""
    reader = PdfReader(path)
    found: set[str] = set()
    streams = [page.get_contents().get_data() for page in reader.pages]  # type: ignore[union-attr]
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})  # type: ignore[index]
        streams += [xobject.get_object().get_data() for xobject in xobjects.values()]
    for data in streams:
        for red, green, blue, _op in _COLOR_OP.findall(data):
            found.add("#" + "".join(f"{round(float(c) * 255):02x}" for c in (red, green, blue)))
    return found


def _export(tmp_path: Path, palette: str, **options: object) -> Path:
    path = tmp_path / f"{palette}.pdf"
    settings: dict[str, object] = {"paper": "A2", **options}
    export_pdf(multilingual_map(), path, ExportOptions(palette=palette, **settings))  # type: ignore[arg-type]
    return path


def test_greyscale_prints_only_greys_and_tells_personas_apart(tmp_path: Path) -> None:
    journey = multilingual_map()
    path = _export(tmp_path, "greyscale")
    colours = colours_of(path)
    assert colours, "no colour operators found"
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours), sorted(colours)
    palette = PrintPalette.of("greyscale", journey)
    greys = [palette.persona(i, p.color) for i, p in enumerate(journey.personas)]
    assert len(set(greys)) == len(greys) >= 2
    assert set(greys) <= colours
    text = squash(page_texts(path)[0])
    for initials in persona_initials(journey.personas).values():
        assert initials in text


def test_initials_stay_distinct_when_names_share_letters() -> None:
    personas = [Persona(id="a", name="Anna Berg"), Persona(id="b", name="Anders Berg")]
    personas.append(Persona(id="c", name="Anna Bergström"))
    initials = persona_initials(personas)
    assert len(set(initials.values())) == 3
    assert initials["a"] == "AB"


def test_okabe_ito_colours_every_card_kind_from_its_eight(tmp_path: Path) -> None:
    journey = multilingual_map()
    colours = colours_of(_export(tmp_path, "okabe-ito"))
    palette = PrintPalette.of("okabe-ito", journey)
    kinds = {card.kind for card in journey.cards}
    accents = {palette.kind_accent(kind) for kind in kinds}
    assert accents <= set(OKABE_ITO)
    assert accents <= colours
    defaults = {card_accent(kind) for kind in kinds} - set(OKABE_ITO)
    assert not defaults & colours, "a kind kept its own accent"


def test_default_palette_keeps_the_maps_colours(tmp_path: Path) -> None:
    journey = multilingual_map()
    colours = colours_of(_export(tmp_path, "default"))
    assert {stage.color for stage in journey.stages} <= colours


def test_metric_values_and_emotion_scale_are_printed(tmp_path: Path) -> None:
    text = page_texts(_export(tmp_path, "greyscale"))[0]
    assert "+3" in text and "\u22123" in text
    metric = next(card.metric for card in multilingual_map().cards if card.metric)
    assert metric is not None and metric.value is not None
    assert f"{metric.value:,.0f}".replace(",", "") in squash(text).replace(",", "")


def test_unknown_palette_is_refused() -> None:
    with pytest.raises(ExportError, match="unknown palette 'sepia'"):
        ExportOptions(palette="sepia").checked()


def test_handouts_take_the_palette(tmp_path: Path) -> None:
    path = _export(tmp_path, "greyscale", handouts="stage", paper=None)
    colours = colours_of(path)
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours), sorted(colours)
