"""The legibility guard: the smallest card text a poster prints, and the warning that
fires (on the CLI too, exit 0) when a crowded cell shrinks the whole map."""

from __future__ import annotations

from pathlib import Path

from journeycanvas.io.export import export_map
from journeycanvas.io.pdf import ExportOptions, plan_pdf
from journeycanvas.io.pdf.legibility import POSTER_MIN_PT, smallest_card_text_pt
from journeycanvas.model import JourneyMap, Lane, LaneKind, Stage
from journeycanvas.model.entities import Card


def crowded_map(count: int = 300) -> JourneyMap:
    """Two stages and a lane; `count` cards in one cell."""
    cards = [
        Card(id=f"c{i}", stage="s1", lane="l1", text=f"Card number {i}", order=i)
        for i in range(count)
    ]
    return JourneyMap(
        id="crowded",
        title="Crowded",
        stages=[Stage(id="s1", name="One"), Stage(id="s2", name="Two")],
        lanes=[Lane(id="l1", kind=LaneKind.NOTES, title="Notes")],
        cards=cards,
    )


def wide_map(stages: int) -> JourneyMap:
    """`stages` stages of one card each: no cell is full, the map is just wide."""
    cards = [
        Card(id=f"c{i}", stage=f"s{i}", lane="l1", text=f"Card number {i}") for i in range(stages)
    ]
    return JourneyMap(
        id="wide",
        title="Wide",
        stages=[Stage(id=f"s{i}", name=f"Stage {i}") for i in range(stages)],
        lanes=[Lane(id="l1", kind=LaneKind.NOTES, title="Notes")],
        cards=cards,
    )


def test_the_smallest_printed_card_text_is_reported() -> None:
    few = plan_pdf(wide_map(3), ExportOptions(paper="A1"))
    many = plan_pdf(wide_map(80), ExportOptions(paper="A1"))
    small, large = smallest_card_text_pt(many), smallest_card_text_pt(few)
    assert small is not None and large is not None
    assert small < POSTER_MIN_PT <= large


def test_a_wide_map_warns_and_suggests_a_way_out(tmp_path: Path) -> None:
    result = export_map(wide_map(80), tmp_path / "wide.pdf", ExportOptions(paper="A1"))
    (warning,) = [w for w in result.warnings if "smallest card text" in w]
    assert "14 pt" in warning and ("Tile it" in warning or "Print it on A0" in warning)
    calm = export_map(wide_map(3), tmp_path / "calm.pdf", ExportOptions(paper="A1"))
    assert calm.warnings == ()


def test_300_cards_in_a_cell_warn_and_print_legibly(tmp_path: Path) -> None:
    result = export_map(crowded_map(), tmp_path / "crowded.pdf", ExportOptions(paper="A1"))
    (warning,) = result.warnings
    assert warning.startswith("1 cell had more cards than the map can show legibly")
    assert f"print in full on pages 2–{result.pages}" in warning
    printed = plan_pdf(crowded_map(), ExportOptions(paper="A1"))
    assert (smallest_card_text_pt(printed) or 0) >= POSTER_MIN_PT
