"""Printouts follow the map's language: legend, title block, footers, handout labels,
tiling notes and numbers come from the catalogue and the locale, not from English."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import multilingual_map, page_texts

from journeycanvas.i18n import format_number, format_percent, translator_for
from journeycanvas.io.pdf import ExportOptions, export_pdf
from journeycanvas.model.entities import JourneyMap

LANGUAGES = ("sv", "pl", "zh_CN", "id")


def _spaced(text: str) -> str:
    """`text` with no-break spaces as plain ones (pypdf extracts them so)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _localised(locale: str) -> JourneyMap:
    return multilingual_map().model_copy(update={"locale": locale})


@pytest.mark.parametrize("locale", LANGUAGES)
def test_poster_legend_and_footer_are_in_the_maps_language(tmp_path: Path, locale: str) -> None:
    t = translator_for(locale)
    out = tmp_path / "poster.pdf"
    export_pdf(_localised(locale), out, ExportOptions(paper="A2"))
    (text,) = page_texts(out)
    for heading in ("Card kinds", "Personas", "Owner", "Date"):
        assert t.gettext(heading) != heading
        assert t.gettext(heading) in text, heading
        assert heading not in text
    for kind in ("Pain point", "Opportunity"):
        assert t.pgettext("Kinds", kind) in text
    page = t.gettext("Page {number} of {count}").format(number="1", count="1")
    assert page in text and "Page 1 of 1" not in text
    assert "Map at" not in text


@pytest.mark.parametrize("locale", LANGUAGES)
def test_handouts_labels_and_numbers_follow_the_locale(tmp_path: Path, locale: str) -> None:
    t = translator_for(locale)
    out = tmp_path / "handouts.pdf"
    export_pdf(_localised(locale), out, ExportOptions(handouts="stage"))
    everything = _spaced("".join(page_texts(out)))
    assert t.gettext("Our notes") in everything and "Our notes" not in everything
    assert "page 1 of" not in everything
    figures = f"{format_number(1200, locale)} / {format_number(5000, locale)}"
    assert _spaced(figures) in everything
    share = t.gettext("{percent} of target").format(percent=format_percent(0.24, locale))
    assert _spaced(share) in everything


def test_swedish_numbers_are_grouped_with_a_space(tmp_path: Path) -> None:
    out = tmp_path / "handouts.pdf"
    export_pdf(_localised("sv"), out, ExportOptions(handouts="stage"))
    everything = _spaced("".join(page_texts(out)))
    assert "1 200 / 5 000" in everything
    assert "1,200" not in everything


def test_tiled_assembly_page_and_sheets_are_in_the_maps_language(tmp_path: Path) -> None:
    t = translator_for("pl")
    out = tmp_path / "tiles.pdf"
    export_pdf(_localised("pl"), out, ExportOptions(paper="A2", tile="a4"))
    texts = page_texts(out)
    assert t.gettext("How the sheets fit together") in texts[0]
    assert "How the sheets fit together" not in texts[0]
    assert all("Sheet " not in text and "glue " not in text for text in texts[1:])


def test_blank_canvas_texts_are_in_the_maps_language(tmp_path: Path) -> None:
    t = translator_for("id")
    out = tmp_path / "blank.pdf"
    export_pdf(_localised("id"), out, ExportOptions(blank=True, paper="A0"))
    (text,) = page_texts(out)
    assert t.gettext("Cells") in text and "sticky notes" not in text
