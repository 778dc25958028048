"""Tiled posters: an assembly page, then sheets of office paper that overlap and cover it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_helpers import (
    PT_PER_MM,
    all_maps,
    inked_fraction,
    multilingual_map,
    page_sizes_pt,
    page_texts,
    render_pages,
    squash,
    unembedded_fonts,
)
from pypdf import PdfReader
from test_pdf_tiling import grid_map

from journeycanvas.io.pdf import ExportOptions, export_pdf, parse_paper, plan_pdf, tile_grid
from journeycanvas.io.pdf.tiled import SHEET_MARGIN_MM
from journeycanvas.io.templates import load_template

MAPS = all_maps()
SIZE = re.compile(r"a (\d+) × (\d+) mm poster")


def poster_size(summary: str) -> tuple[float, float]:
    match = SIZE.search(summary)
    assert match, summary
    return float(match.group(1)), float(match.group(2))


@pytest.mark.parametrize("name", sorted(MAPS))
@pytest.mark.parametrize("sheet", ["a4", "letter"])
def test_sheets_cover_the_poster_with_the_overlap(name: str, sheet: str, tmp_path: Path) -> None:
    out = tmp_path / f"{name}.pdf"
    options = ExportOptions(tile=sheet, overlap_mm=12)
    result = export_pdf(MAPS[name], out, options)
    poster = plan_pdf(MAPS[name], options).poster.page
    width, height = poster.width, poster.height
    assert poster_size(result.summary) == (round(width), round(height))
    sizes = page_sizes_pt(out)
    assert result.pages == len(sizes)
    paper = parse_paper(sheet)
    for size in sizes:
        assert sorted(size) == pytest.approx(
            sorted([paper.width * PT_PER_MM, paper.height * PT_PER_MM]), abs=0.5
        )
    sheet_w, sheet_h = sizes[1][0] / PT_PER_MM, sizes[1][1] / PT_PER_MM
    grid = tile_grid(width, height, paper, 12, SHEET_MARGIN_MM)
    assert (grid.sheet.width, grid.sheet.height) == pytest.approx((sheet_w, sheet_h), abs=0.2)
    assert result.pages == grid.count + 1
    usable_w, usable_h = sheet_w - 2 * SHEET_MARGIN_MM, sheet_h - 2 * SHEET_MARGIN_MM
    assert grid.cols * (usable_w - 12) + 12 >= width - 1
    assert grid.rows * (usable_h - 12) + 12 >= height - 1
    assert unembedded_fonts(out) == []


def test_each_sheet_is_labelled_and_the_first_page_shows_the_layout(tmp_path: Path) -> None:
    out = tmp_path / "hourglass.pdf"
    export_pdf(MAPS["hourglass"], out, ExportOptions(tile="a4"))
    texts = page_texts(out)
    grid = plan_pdf(MAPS["hourglass"], ExportOptions(tile="a4")).grid
    assert grid is not None
    assert "How the sheets fit together" in texts[0]
    labels = [grid.label(row, col) for row in range(grid.rows) for col in range(grid.cols)]
    for label in labels:
        assert label in texts[0]
    for number, (label, text) in enumerate(zip(labels, texts[1:], strict=True), start=1):
        assert f"{label} Sheet {number} of {grid.count}" in text
        assert "✂" in text
    assert "glue" in texts[1]


def test_every_card_is_on_some_sheet(tmp_path: Path) -> None:
    journey = multilingual_map()
    out = tmp_path / "multi.pdf"
    export_pdf(journey, out, ExportOptions(tile="a4", paper="A2"))
    everything = squash("".join(page_texts(out)[1:]))
    for card in journey.cards:
        words = [word for word in card.text.split()[:2] if len(word) > 3]
        for word in words:
            assert squash(word) in everything, word


def test_the_poster_is_drawn_once_as_a_form(tmp_path: Path) -> None:
    out = tmp_path / "form.pdf"
    export_pdf(MAPS["hourglass"], out, ExportOptions(tile="a4"))
    reader = PdfReader(out)
    forms = set()
    for page in reader.pages[1:]:
        xobjects = page["/Resources"]["/XObject"]
        forms |= {ref.idnum for name, ref in xobjects.items() if "poster" in name}
        assert len(page.get_contents().get_data()) < 20_000
    assert len(forms) == 1


def test_sheets_are_not_blank(tmp_path: Path) -> None:
    out = tmp_path / "ink.pdf"
    export_pdf(MAPS["decision-journey"], out, ExportOptions(tile="letter"))
    pages = render_pages(out, tmp_path)
    assert len(pages) == len(page_sizes_pt(out))
    assert all(inked_fraction(page) > 0.01 for page in pages)


def test_a_larger_scale_needs_more_sheets(tmp_path: Path) -> None:
    small = export_pdf(MAPS["hourglass"], tmp_path / "s.pdf", ExportOptions(tile="a4", scale=0.5))
    large = export_pdf(MAPS["hourglass"], tmp_path / "l.pdf", ExportOptions(tile="a4", scale=1.5))
    assert small.pages < large.pages
    assert "map at 150%" in large.summary


def test_blank_tiles_are_not_printed_and_the_assembly_page_says_so(tmp_path: Path) -> None:
    journey = grid_map("Tall and narrow", 1, 12, 3)
    options = ExportOptions(paper="A0", tile="a4", scale=1.0)
    plan = plan_pdf(journey, options)
    assert plan.grid is not None and plan.grid.skipped
    out = tmp_path / "gaps.pdf"
    result = export_pdf(journey, out, options)
    texts = page_texts(out)
    printed = plan.grid.count - len(plan.grid.skipped)
    assert result.pages == len(texts) == printed + 1
    assert "blank, not printed" in texts[0]
    assert f"{printed} sheets" in texts[0] and "blank one skipped" in result.summary
    skipped = [plan.grid.label(row, col) for row, col in plan.grid.skipped]
    sheet_labels = [text.split()[0] for text in texts[1:]]
    assert not set(skipped) & set(sheet_labels)
    assert all(f"of {printed}" in text for text in texts[1:])
    for text in texts[1:]:  # no sheet is to be glued onto one that is not printed
        assert not any(label in text for label in skipped), text


def test_every_tile_of_a_full_poster_is_printed() -> None:
    plan = plan_pdf(load_template("hourglass"), ExportOptions(paper="A1", tile="a4"))
    assert plan.grid is not None and not plan.grid.skipped
    assert plan.pages == plan.grid.count + 1
