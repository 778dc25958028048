"""A cell with more cards than the poster can show legibly: its first cards, a note
"+N more (see page K)", and every other card in full on appendix pages (read with pypdf)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pdf_helpers import grid_map, page_sizes_pt, page_texts, squash
from test_pdf_legibility import crowded_map, wide_map

from journeycanvas.io.pdf import ExportCancelled, ExportOptions, export_pdf, plan_pdf
from journeycanvas.io.pdf import planning as pdf_planning
from journeycanvas.io.pdf.legibility import is_legible
from journeycanvas.model import Connector, JourneyMap

PT_PER_MM = 72 / 25.4
LONG = "The customer explains at length why the shop sign behind the bus shelter is hard to see. "


def chatty_map(count: int = 300, locale: str = "") -> JourneyMap:
    """The crowded cell, every card's text its own, every fifth one long enough to wrap."""
    journey = crowded_map(count)
    cards = [
        card.model_copy(update={"text": f"Card {i} says {LONG * (3 if i % 5 == 0 else 0)}"})
        for i, card in enumerate(journey.cards)
    ]
    return journey.model_copy(update={"cards": cards, "locale": locale})


def six_full_cells() -> JourneyMap:
    """Three stages by two lanes of 60 cards each, every card's text its own ("Card 1/0/7":
    stage 1, lane 0, the eighth): on A1 even 24 cards a cell print too small, 12 do not."""
    journey = grid_map("Six full cells", 3, 2, 60)
    cards = [
        card.model_copy(
            update={"text": f"Card {card.id[1:].replace('-', '/')} " + "word " * (n % 7)}
        )
        for n, card in enumerate(journey.cards)
    ]
    return journey.model_copy(update={"cards": cards})


def test_every_card_of_a_full_cell_is_printed_in_full(tmp_path: Path) -> None:
    journey = chatty_map()
    out = tmp_path / "crowded.pdf"
    result = export_pdf(journey, out, ExportOptions(paper="A1"))
    texts = page_texts(out)
    assert result.pages == len(texts) > 2
    poster, appendix = squash(texts[0]), squash("".join(texts[1:]))
    shown = [card for card in journey.cards if squash(card.text)[:40] in poster]
    hidden = [card for card in journey.cards if card not in shown]
    assert 0 < len(shown) < 48 and hidden
    missing = [card.id for card in hidden if squash(card.text) not in appendix]
    assert missing == []
    (note,) = re.findall(r"\+(\d+) more \(see page (\d+)\)", texts[0])
    assert int(note[0]) == len(hidden) and note[1] == "2"
    assert "Cardsthatdidnotfitonthemap" in squash(texts[1])
    # The appendix is on office paper, after the A1 poster.
    width, height = page_sizes_pt(out)[1]
    assert abs(width - 210 * PT_PER_MM) < 0.5 and abs(height - 297 * PT_PER_MM) < 0.5


def test_tiled_posters_point_past_their_sheets(tmp_path: Path) -> None:
    out = tmp_path / "tiles.pdf"
    options = ExportOptions(paper="A1", tile="letter")
    plan = plan_pdf(chatty_map(), options)
    export_pdf(chatty_map(), out, options)
    assert plan.grid is not None and plan.appendix is not None
    first = plan.grid.count + 2  # the sheets, the assembly page, then the appendix
    texts = page_texts(out)
    assert f"(see page {first})" in "".join(texts[: first - 1])
    assert "Cardsthatdidnotfitonthemap" in squash(texts[first - 1])
    assert abs(page_sizes_pt(out)[-1][0] - 215.9 * PT_PER_MM) < 0.5  # on the tiles' letter


def test_connectors_to_hidden_cards_end_at_the_note() -> None:
    journey = chatty_map()
    arrows = [
        Connector(id="k1", source="c0", target="c250", label="asks"),
        Connector(id="k2", source="c0", target="c251", label="calls"),
        Connector(id="k3", source="c0", target="c1", label="visits"),
    ]
    plan = plan_pdf(journey.model_copy(update={"connectors": arrows}), ExportOptions(paper="A1"))
    to_note, kept = plan.journey.connectors
    assert to_note.source == "c0" and to_note.target.startswith("more-")
    assert to_note.target in plan.layout.cards and to_note.label == ""
    assert kept == arrows[2]


def test_the_note_speaks_the_maps_language(tmp_path: Path) -> None:
    out = tmp_path / "sv.pdf"
    export_pdf(chatty_map(locale="sv"), out, ExportOptions(paper="A1"))
    texts = page_texts(out)
    assert "more (see page" not in texts[0]
    assert re.search(r"\+\d+", texts[0])
    assert "Cards that did not fit" not in texts[1]


def test_a_cell_that_fits_is_printed_whole() -> None:
    plan = plan_pdf(chatty_map(12), ExportOptions(paper="A1"))
    assert plan.appendix is None and plan.pages == 1
    assert len(plan.layout.cards) == 12


@pytest.mark.parametrize("big", [False, True])
def test_a_wide_map_is_not_cut_for_nothing(monkeypatch: pytest.MonkeyPatch, big: bool) -> None:
    if big:  # judged laid out without routing, as a map too big to reflow is
        monkeypatch.setattr(pdf_planning, "REFLOW_MAX_CARDS", 50)
    journey = wide_map(80)
    first = journey.cards[0]
    extra = [first.model_copy(update={"id": f"x{i}", "order": i + 1}) for i in range(9)]
    arrows = [Connector(id=f"k{i}", source=f"c{i}", target=f"c{i + 1}") for i in range(5)]
    journey = journey.model_copy(update={"cards": [*journey.cards, *extra], "connectors": arrows})
    plan = plan_pdf(journey, ExportOptions(paper="A1"))
    assert plan.appendix is None and len(plan.layout.cards) == len(journey.cards)
    assert len(plan.layout.connectors) == len(arrows)  # printed routed


@pytest.mark.parametrize(("paper", "tile"), [("A1", None), ("A2", "A4")])
def test_each_note_names_the_page_its_cards_start_on(
    tmp_path: Path, paper: str, tile: str | None
) -> None:
    journey = six_full_cells()
    options = ExportOptions(paper=paper, tile=tile)
    plan = plan_pdf(journey, options)
    out = tmp_path / "six.pdf"
    export_pdf(journey, out, options)
    texts = page_texts(out)
    assert plan.pages == len(texts) and is_legible(plan)
    notes = {card.id: card for card in plan.journey.cards if card.id.startswith("more-")}
    assert len(notes) == 6
    # Cut at 12 cards a cell, after 48 and 24 were tried: 11 cards and the note print.
    assert len(plan.journey.cards) == 6 * 12
    on_map = squash("".join(texts[: plan.map_pages]))
    pages = []
    for note in notes.values():
        assert squash(note.text) in on_map
        ((count, page),) = re.findall(r"\+(\d+) more \(see page (\d+)\)", note.text)
        first_hidden = 60 - int(count)
        stage, lane = note.stage[1:], note.lane[1:]
        assert re.search(rf"Card {stage}/{lane}/{first_hidden}\b", texts[int(page) - 1])
        pages.append(int(page))
    assert pages == sorted(pages) and pages[0] == plan.map_pages + 1


def test_a_big_crowded_map_is_cut_as_a_small_one_with_its_labels_in_the_legend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A map too big to reflow is judged laid out without its connectors; the poster
    # printed has them routed, the labels that found no room listed in the legend.
    journey = six_full_cells()
    shown = [card.id for card in journey.cards if int(card.id.rsplit("-", 1)[1]) < 11]
    arrows = [
        Connector(
            id=f"k{i}",
            source=shown[7 * i % len(shown)],
            target=shown[(13 * i + 5) % len(shown)],
            label=f"if price too high {i}",
        )
        for i in range(40)
    ]
    journey = journey.model_copy(update={"connectors": arrows})
    small = plan_pdf(journey, ExportOptions(paper="A1"))
    monkeypatch.setattr(pdf_planning, "REFLOW_MAX_CARDS", 100)
    big = plan_pdf(journey, ExportOptions(paper="A1"))
    assert len(big.journey.cards) == 6 * 12
    markers = {c.marker for c in big.layout.connectors.values() if c.marker is not None}
    assert len(big.layout.connectors) == 40 and markers
    assert len(dict(big.poster.legend)["Labels"]) == len(markers)
    assert big.journey == small.journey and big.layout == small.layout
    assert (big.poster.page, big.poster.scale) == (small.poster.page, small.poster.scale)
    assert big.poster.legend == small.poster.legend and big.pages == small.pages


def test_cancel_is_asked_before_every_layout_of_a_crowded_map(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_planning, "REFLOW_MAX_CARDS", 100)
    journey = six_full_cells()
    layouts: list[int] = []
    engine_update = pdf_planning.LayoutEngine.update

    def update(self: pdf_planning.LayoutEngine, *args: object, **kwargs: object) -> object:
        layouts.append(1)
        return engine_update(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_planning.LayoutEngine, "update", update)
    asked: list[int] = []  # how many layouts were done when cancel was asked

    def cancel_after(checks: int | None) -> Callable[[], bool]:
        def cancel() -> bool:
            asked.append(len(layouts))
            return checks is not None and len(asked) > checks

        return cancel

    plan_pdf(journey, ExportOptions(paper="A1"), cancel=cancel_after(None))
    checks = len(asked)
    assert checks >= len(layouts) > 2
    for before in range(checks):
        asked.clear()
        layouts.clear()
        with pytest.raises(ExportCancelled):
            plan_pdf(journey, ExportOptions(paper="A1"), cancel=cancel_after(before))
        assert len(layouts) == asked[-1]  # nothing more laid out once cancelled
