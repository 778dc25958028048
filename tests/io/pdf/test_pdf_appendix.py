"""A cell with more cards than the poster can show legibly: its first cards, a note
"+N more (see page K)", and every other card in full on appendix pages (read with pypdf)."""

from __future__ import annotations

import re
from pathlib import Path

from pdf_helpers import page_sizes_pt, page_texts, squash
from test_pdf_legibility import crowded_map, wide_map

from journeycanvas.io.pdf import ExportOptions, export_pdf, plan_pdf
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


def test_a_wide_map_is_not_cut_for_nothing() -> None:
    journey = wide_map(80)
    first = journey.cards[0]
    extra = [first.model_copy(update={"id": f"x{i}", "order": i + 1}) for i in range(9)]
    journey = journey.model_copy(update={"cards": [*journey.cards, *extra]})
    plan = plan_pdf(journey, ExportOptions(paper="A1"))
    assert plan.appendix is None and len(plan.layout.cards) == len(journey.cards)
