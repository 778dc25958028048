"""The poster PDF: one vector page with every card's words, embedded fonts, exact sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import (
    PT_PER_MM,
    all_maps,
    fonts_of,
    inked_fraction,
    missing_card_lines,
    multilingual_map,
    page_sizes_pt,
    page_texts,
    render_pages,
    squash,
    unembedded_fonts,
)
from PIL import Image
from pypdf import PdfReader

from journeycanvas.io.pdf import ExportError, ExportOptions, export_pdf, plan_pdf
from journeycanvas.io.pdf.pen import color_op
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import layout_journey
from journeycanvas.model import JourneyMap
from journeycanvas.model.kinds import CARD_KINDS, progress_color

MAPS = all_maps()


def assert_size(actual: tuple[float, float], width_mm: float, height_mm: float) -> None:
    assert actual[0] == pytest.approx(width_mm * PT_PER_MM, abs=0.5)
    assert actual[1] == pytest.approx(height_mm * PT_PER_MM, abs=0.5)


@pytest.mark.parametrize("name", sorted(MAPS))
def test_every_map_prints_on_one_a1_page_with_all_its_words(name: str, tmp_path: Path) -> None:
    journey = MAPS[name]
    out = tmp_path / f"{name}.pdf"
    result = export_pdf(journey, out, ExportOptions(source_name=f"{name}.journey"))
    assert result.pages == 1 and out.is_file()
    (size,) = page_sizes_pt(out)
    assert sorted(size) == pytest.approx(sorted([841 * PT_PER_MM, 594 * PT_PER_MM]), abs=0.5)
    (text,) = page_texts(out)
    assert missing_card_lines(plan_pdf(journey, ExportOptions()).layout, text) == []
    for stage in journey.stages:
        assert squash(stage.name) in squash(text)
    assert squash(journey.title) in squash(text)
    # The footer is in the map's language (whatever the interface speaks).
    words = Words.of(journey)
    page = words.gettext("Page {number} of {count}").format(number="1", count="1")
    assert f"{name}.journey" in text and page in text
    assert unembedded_fonts(out) == []
    (page,) = render_pages(out, tmp_path)
    assert inked_fraction(page) > 0.03


def test_every_script_is_printed_and_extractable(tmp_path: Path) -> None:
    journey = multilingual_map()
    out = tmp_path / "multi.pdf"
    export_pdf(journey, out)
    (text,) = page_texts(out)
    layout = plan_pdf(journey, ExportOptions()).layout  # as printed: fitted to A1
    for card in layout.cards.values():
        first_line = card.face.text.lines[0]
        assert squash(first_line) in squash(text), first_line
    truncated = [card for card in layout.cards.values() if card.face.text.truncated]
    assert truncated, "the long card should have been cut"
    assert all(card.face.text.lines[-1].endswith("…") for card in truncated)
    assert "Zoë Łukasiewicz" in text and "Nov 25, 2026" in text
    for label in ("如果价格太高", "odpowiedź", "Разрыв"):
        assert label in text
    fonts = {str(font.get("/BaseFont")).split("+")[-1] for font in fonts_of(out)}
    assert any("DejaVu" in font for font in fonts)
    assert any("WenQuanYi" in font or "Droid" in font for font in fonts)


def test_pdf_metadata_names_title_owner_and_scenario(tmp_path: Path) -> None:
    journey = multilingual_map()
    out = tmp_path / "meta.pdf"
    export_pdf(journey, out)
    meta = PdfReader(out).metadata
    assert meta.title == journey.title
    assert meta.author == journey.owner
    assert meta.subject == journey.scenario


def test_legend_lists_the_kinds_used_and_the_personas(tmp_path: Path) -> None:
    journey = multilingual_map()
    out = tmp_path / "legend.pdf"
    export_pdf(journey, out)
    (text,) = page_texts(out)
    used = {card.kind for card in journey.cards}
    for kind, spec in CARD_KINDS.items():
        assert (spec.name in text) == (kind in used), spec.name
    assert "Åsa Ström" in text and "王小明" in text


@pytest.mark.parametrize(
    ("paper", "orientation", "size_mm"),
    [
        ("A0", "portrait", (841, 1189)),
        ("A1", "landscape", (841, 594)),
        ("A2", "landscape", (594, 420)),
        ("A3", "portrait", (297, 420)),
        ("A4", "landscape", (297, 210)),
        ("letter", "landscape", (279.4, 215.9)),
        ("tabloid", "portrait", (279.4, 431.8)),
        ("700x500mm", None, (700, 500)),
        ("500x700mm", "landscape", (700, 500)),
    ],
)
def test_page_sizes_are_exact(
    paper: str, orientation: str | None, size_mm: tuple[float, float], tmp_path: Path
) -> None:
    out = tmp_path / "sized.pdf"
    export_pdf(MAPS["hourglass"], out, ExportOptions(paper=paper, orientation=orientation))
    (size,) = page_sizes_pt(out)
    assert_size(size, *size_mm)


def test_without_an_orientation_the_map_gets_the_larger_fit(tmp_path: Path) -> None:
    out = tmp_path / "auto.pdf"
    result = export_pdf(MAPS["hourglass"], out, ExportOptions(paper="A3"))
    (size,) = page_sizes_pt(out)
    assert size[0] > size[1], "a wide map goes landscape"
    assert "A3 landscape" in result.summary


def test_a_fixed_scale_without_paper_makes_a_page_of_the_maps_size(tmp_path: Path) -> None:
    journey = MAPS["hourglass"]
    layout = layout_journey(journey)
    out = tmp_path / "scaled.pdf"
    result = export_pdf(journey, out, ExportOptions(scale=0.5))
    (size,) = page_sizes_pt(out)
    assert result.pages == 1 and "map at 50%" in result.summary
    assert size[0] >= layout.width * 0.5 * PT_PER_MM
    assert size[1] > layout.height * 0.5 * PT_PER_MM


def test_a_fixed_scale_that_fits_the_paper_stays_one_page(tmp_path: Path) -> None:
    out = tmp_path / "fits.pdf"
    result = export_pdf(MAPS["hourglass"], out, ExportOptions(paper="A0", scale=1.0))
    assert result.pages == 1
    (size,) = page_sizes_pt(out)
    assert_size(size, 1189, 841)


def test_a_fixed_scale_too_large_for_the_paper_is_tiled_onto_it(tmp_path: Path) -> None:
    out = tmp_path / "too-big.pdf"
    result = export_pdf(MAPS["hourglass"], out, ExportOptions(paper="A3", scale=1.0))
    assert result.pages > 2
    assert "too large for one sheet" in result.summary
    sizes = page_sizes_pt(out)
    for size in sizes:
        assert sorted(size) == pytest.approx(sorted([297 * PT_PER_MM, 420 * PT_PER_MM]), abs=0.5)


def test_one_personas_poster_shows_only_their_cards(tmp_path: Path) -> None:
    journey: JourneyMap = MAPS["hourglass"]
    persona = journey.personas[0]
    out = tmp_path / "persona.pdf"
    export_pdf(journey, out, ExportOptions(persona=persona.name.upper()))
    (text,) = page_texts(out)
    squashed = squash(text)
    theirs = [card for card in journey.cards if persona.id in card.personas]
    others = [card for card in journey.cards if persona.id not in card.personas]
    assert theirs and others
    assert all(squash(card.text[:20]) in squashed for card in theirs)
    assert not any(squash(card.text) in squashed for card in others)
    assert persona.name in text


def test_an_unknown_persona_is_refused_naming_the_real_ones(tmp_path: Path) -> None:
    out = tmp_path / "nobody.pdf"
    with pytest.raises(ExportError, match="Commuter Clara"):
        export_pdf(MAPS["hourglass"], out, ExportOptions(persona="Nobody"))
    assert not out.exists()


def test_an_empty_map_still_prints(tmp_path: Path) -> None:
    journey = JourneyMap(id="empty")
    out = tmp_path / "empty.pdf"
    assert export_pdf(journey, out).pages == 1
    assert "Untitled journey map" in page_texts(out)[0]


def inked_rows(page: Image.Image) -> list[int]:
    """The pixel rows of a rendered page that have ink on them."""
    grey = page.convert("L")
    width = grey.width
    data = grey.tobytes()
    return [row for row in range(grey.height) if min(data[row * width : (row + 1) * width]) < 200]


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_wide_map_fills_the_page_under_its_title(orientation: str, tmp_path: Path) -> None:
    out = tmp_path / f"{orientation}.pdf"
    options = ExportOptions(paper="A1", orientation=orientation)
    export_pdf(MAPS["hourglass"], out, options)
    (page,) = render_pages(out, tmp_path, dpi=20)
    rows = inked_rows(page)
    assert rows[0] < page.height * 0.05  # no empty band above the title block
    plan = plan_pdf(MAPS["hourglass"], options).poster
    layout = plan_pdf(MAPS["hourglass"], options).layout
    assert plan.top == pytest.approx(plan.chrome.margin)
    assert plan.map_y == pytest.approx(plan.top + plan.header_height + plan.chrome.gap)
    room_w = plan.page.width - 2 * plan.chrome.margin
    room_h = plan.page.height - plan.map_y - plan.legend_height - plan.chrome.margin
    filled = max(layout.width * plan.scale / room_w, layout.height * plan.scale / room_h)
    assert filled > 0.97  # as large as the page allows, one way or the other


def test_a_map_that_fills_the_page_starts_under_the_top_margin() -> None:
    plan = plan_pdf(MAPS["hourglass"], ExportOptions(scale=1.0)).poster  # a page of its size
    assert plan.top == pytest.approx(plan.chrome.margin)


def test_metric_bars_print_in_the_canvas_progress_colours(tmp_path: Path) -> None:
    journey = JourneyMap.model_validate(
        {
            "id": "m",
            "stages": [{"id": "s1", "name": "Know"}],
            "lanes": [{"id": "l1", "kind": "touchpoints", "title": "Touchpoints"}],
            "cards": [
                {
                    "id": "far",
                    "stage": "s1",
                    "lane": "l1",
                    "order": 0,
                    "kind": "touchpoint",
                    "text": "Reel",
                    "metric": {"name": "reach", "value": 10, "target": 100},
                },
                {
                    "id": "met",
                    "stage": "s1",
                    "lane": "l1",
                    "order": 1,
                    "kind": "touchpoint",
                    "text": "Flyer",
                    "metric": {"name": "reach", "value": 100, "target": 100},
                },
            ],
        }
    )
    out = tmp_path / "metrics.pdf"
    export_pdf(journey, out, ExportOptions(paper="A4"))
    content = "".join(
        page.get_contents().get_data().decode("latin-1") for page in PdfReader(out).pages
    )
    for progress in (0.1, 1.0):
        assert color_op(progress_color(progress)) in content
