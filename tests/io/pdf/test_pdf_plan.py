"""`plan_pdf`: what a poster, tiled poster or blank canvas will print, before it is written.

The editor's preview draws and counts from this plan, so it must be what the export makes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import PT_PER_MM, all_maps, multilingual_map, page_sizes_pt

from journeycanvas.io.pdf import ExportOptions, export_pdf, plan_pdf

MAPS = all_maps()

KINDS = [
    ExportOptions(paper="A1"),
    ExportOptions(paper="A3", orientation="portrait"),
    ExportOptions(tile="a4"),
    ExportOptions(tile="letter", paper="A2", overlap_mm=5),
    ExportOptions(scale=1.0, paper="A3"),
    ExportOptions(blank=True),
    ExportOptions(blank=True, paper="A3", tile="a4"),
]


@pytest.mark.parametrize("options", KINDS, ids=lambda o: repr(o)[14:60])
@pytest.mark.parametrize("name", ["hourglass", "channel-breakpoints"])
def test_the_plan_is_what_the_export_prints(
    name: str, options: ExportOptions, tmp_path: Path
) -> None:
    journey = MAPS[name]
    plan = plan_pdf(journey, options)
    out = tmp_path / "map.pdf"
    result = export_pdf(journey, out, options)
    sizes = page_sizes_pt(out)
    assert result.pages == plan.pages == len(sizes)
    if plan.grid is None:
        page = plan.poster.page
        assert sizes[0] == pytest.approx((page.width * PT_PER_MM, page.height * PT_PER_MM), abs=0.5)
    else:
        sheet = plan.grid.sheet
        for size in sizes[1:]:
            assert size == pytest.approx(
                (sheet.width * PT_PER_MM, sheet.height * PT_PER_MM), abs=0.5
            )
        assert f"{plan.grid.count} sheets of {sheet.label}" in result.summary


def test_a_persona_plan_shows_only_that_personas_cards() -> None:
    journey = multilingual_map()
    plan = plan_pdf(journey, ExportOptions(persona="王小明"))
    assert plan.journey.cards
    assert all("p2" in card.personas for card in plan.journey.cards)
    assert set(plan.layout.cards) == {card.id for card in plan.journey.cards}
    assert ("Persona", "王小明") in plan.poster.info.facts


def test_handouts_are_not_planned_as_a_poster() -> None:
    with pytest.raises(ValueError, match="handouts"):
        plan_pdf(MAPS["hourglass"], ExportOptions(handouts="stage"))
