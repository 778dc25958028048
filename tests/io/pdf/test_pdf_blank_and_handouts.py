"""The blank workshop canvas (true size, 76 mm cells) and the A4 handouts."""

from __future__ import annotations

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

from journeycanvas.io.pdf import ExportError, ExportHint, ExportOptions, export_pdf, plan_pdf
from journeycanvas.io.pdf.blank import blank_style, plan_blank
from journeycanvas.layout import STICKY_NOTE_MM
from journeycanvas.model import JourneyMap, Lane, LaneKind, Stage
from journeycanvas.text import default_font_set

MAPS = all_maps()
A4_PT = (210 * PT_PER_MM, 297 * PT_PER_MM)


# ---------------------------------------------------------------- blank canvas


@pytest.mark.parametrize("name", sorted(MAPS))
def test_blank_canvas_has_headers_and_no_cards(name: str, tmp_path: Path) -> None:
    journey = MAPS[name]
    out = tmp_path / f"{name}.pdf"
    result = export_pdf(journey, out, ExportOptions(blank=True))
    assert result.pages == 1 and "true size" in result.summary
    (text,) = page_texts(out)
    for stage in journey.stages:
        assert squash(stage.name) in squash(text)
    for card in journey.cards:
        assert squash(card.text) not in squash(text)
    assert unembedded_fonts(out) == []
    (page,) = render_pages(out, tmp_path)
    assert 0.02 < inked_fraction(page) < 0.6, "a grid to write on, mostly white"


def test_cells_hold_a_sticky_note_at_true_size() -> None:
    layout, plan = plan_blank(MAPS["hourglass"], ExportOptions(blank=True), default_font_set())
    assert plan.scale == 1.0 and plan.fits
    for cell in layout.cells:
        assert cell.rect.w >= STICKY_NOTE_MM and cell.rect.h >= STICKY_NOTE_MM
    assert blank_style().fixed_stage_width_mm is not None


def test_the_paper_is_chosen_from_the_grid(tmp_path: Path) -> None:
    out = tmp_path / "chosen.pdf"
    result = export_pdf(MAPS["hourglass"], out, ExportOptions(blank=True))
    (size,) = page_sizes_pt(out)
    _, plan = plan_blank(MAPS["hourglass"], ExportOptions(blank=True), default_font_set())
    assert plan.page.name in ("A0", "A1", "A2", "A3", "A4")
    assert size == pytest.approx(plan.page.size_pt, abs=0.5)
    assert plan.page.label in result.summary
    smaller = {"A1": "A2", "A2": "A3", "A0": "A1"}.get(plan.page.name)
    if smaller:
        with pytest.raises(ExportError, match="does not fit"):
            export_pdf(
                MAPS["hourglass"], tmp_path / "x.pdf", ExportOptions(blank=True, paper=smaller)
            )


def test_a_canvas_too_large_for_its_paper_says_why_in_words_any_caller_can_show(
    tmp_path: Path,
) -> None:
    out = tmp_path / "never.pdf"
    with pytest.raises(ExportError) as caught:
        export_pdf(MAPS["hourglass"], out, ExportOptions(blank=True, paper="A4"))
    message = str(caught.value)
    assert message.startswith("the blank canvas does not fit A4 at true size")
    assert "it needs A1 landscape" in message  # one sentence, no command-line option in it
    assert "--" not in message and ". " not in message
    assert caught.value.hints == (ExportHint.TILE,)
    assert not out.exists()


@pytest.mark.parametrize("paper", ["A0", None])
def test_a_canvas_larger_than_a0_is_refused_with_advice(paper: str | None) -> None:
    stages = [Stage(id=f"s{i}", name=f"Stage {i}") for i in range(20)]
    journey = JourneyMap(
        id="wide", title="Wide", stages=stages, lanes=[Lane(id="l", kind=LaneKind.NOTES)]
    )
    with pytest.raises(ExportError) as caught:
        plan_blank(journey, ExportOptions(blank=True, paper=paper), default_font_set())
    assert "larger than A0" in str(caught.value) and "--" not in str(caught.value)
    assert "fewer stages or lanes" in str(caught.value)
    assert caught.value.hints == (ExportHint.TILE,)
    tiled = plan_pdf(journey, ExportOptions(blank=True, paper=paper, tile="a4"))
    assert tiled.grid is not None and tiled.grid.count > 1


def test_the_grid_is_chosen_from_the_paper_for_a_map_without_stages(tmp_path: Path) -> None:
    journey = JourneyMap(id="empty", title="Workshop")
    layout, plan = plan_blank(journey, ExportOptions(blank=True, paper="A2"), default_font_set())
    assert plan.fits and plan.page.name == "A2"
    assert len(layout.stages) >= 3 and len(layout.lanes) >= 2
    out = tmp_path / "filled.pdf"
    export_pdf(journey, out, ExportOptions(blank=True, paper="A2"))
    (size,) = page_sizes_pt(out)
    assert sorted(size) == pytest.approx(sorted([420 * PT_PER_MM, 594 * PT_PER_MM]), abs=0.5)


def test_a_blank_canvas_can_be_tiled_on_office_paper(tmp_path: Path) -> None:
    out = tmp_path / "tiles.pdf"
    result = export_pdf(MAPS["blank"], out, ExportOptions(blank=True, tile="a4"))
    assert result.pages > 2
    for size in page_sizes_pt(out):
        assert sorted(size) == pytest.approx(sorted(A4_PT), abs=0.5)


# ---------------------------------------------------------------- handouts


@pytest.mark.parametrize("name", sorted(set(MAPS) - {"blank"}))
def test_stage_handouts_list_every_card_of_the_stage(name: str, tmp_path: Path) -> None:
    journey = MAPS[name]
    out = tmp_path / f"{name}.pdf"
    result = export_pdf(journey, out, ExportOptions(handouts="stage"))
    texts = page_texts(out)
    assert result.pages == len(texts) >= len(journey.stages)
    for size in page_sizes_pt(out):
        assert size == pytest.approx(A4_PT, abs=0.5)
    stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
    pages_of = {
        i: squash("".join(t for t in texts if f"{name_of(journey, i)}  ·  page" in t))
        for i in range(len(journey.stages))
    }
    for card in journey.cards:
        first = stage_index[card.stage]
        for index in range(first, min(first + card.span, len(journey.stages))):
            start = squash(card.text)[:30]
            assert start in pages_of[index], (card.text, journey.stages[index].name)
    for stage in journey.stages:
        if stage.goal.strip():
            assert squash(stage.goal) in squash("".join(texts))
    assert unembedded_fonts(out) == []


def name_of(journey: JourneyMap, index: int) -> str:
    return journey.stages[index].name.strip() or f"Stage {index + 1}"


def test_handouts_carry_notes_votes_metrics_and_personas(tmp_path: Path) -> None:
    journey = multilingual_map()
    out = tmp_path / "multi.pdf"
    export_pdf(journey, out, ExportOptions(handouts="stage"))
    everything = "".join(page_texts(out))
    assert "Zgłoszone przez 12 klientów" in everything
    assert "9 votes" in everything
    assert "reach: 1,200 / 5,000 views (24% of target)" in everything
    assert "Åsa Ström" in everything and "王小明" in everything
    assert "#mobile #checkout" in everything
    assert "spans Покупка → Επιστροφή" in everything
    pages = render_pages(out, tmp_path)
    assert all(inked_fraction(page) > 0.01 for page in pages)


def test_persona_handouts_show_each_personas_cards(tmp_path: Path) -> None:
    journey = multilingual_map()
    out = tmp_path / "personas.pdf"
    result = export_pdf(journey, out, ExportOptions(handouts="persona"))
    texts = page_texts(out)
    assert "2 personas" in result.summary
    for persona in journey.personas:
        pages = squash("".join(t for t in texts if f"{persona.name}  ·  page" in t))
        theirs = [card for card in journey.cards if persona.id in card.personas]
        assert theirs
        for card in theirs:
            assert squash(card.text)[:25] in pages


def test_one_persona_gets_only_their_handout(tmp_path: Path) -> None:
    journey = multilingual_map()
    out = tmp_path / "one.pdf"
    export_pdf(journey, out, ExportOptions(handouts="persona", persona="王小明"))
    everything = "".join(page_texts(out))
    assert "王小明" in everything and "Persona 1 of 1" in everything
    assert "Åsa Ström  ·  page" not in everything


def test_persona_handouts_need_personas(tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    with pytest.raises(ExportError, match="no personas"):
        export_pdf(MAPS["blank"], out, ExportOptions(handouts="persona"))
    assert not out.exists()


def test_a_long_stage_flows_onto_more_pages(tmp_path: Path) -> None:
    journey = multilingual_map()
    many = [
        card.model_copy(update={"id": f"{card.id}-{i}", "stage": "s1", "order": i})
        for i, card in enumerate(journey.cards * 6)
    ]
    journey = journey.model_copy(update={"cards": many, "connectors": []})
    out = tmp_path / "long.pdf"
    result = export_pdf(journey, out, ExportOptions(handouts="stage"))
    texts = page_texts(out)
    assert result.pages > len(journey.stages)
    assert any("Świadomość (continued)" in text for text in texts)
    assert "page 1 of " in texts[0] and f"page {result.pages} of {result.pages}" in texts[-1]
