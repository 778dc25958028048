"""Handouts print every card's whole text and notes, however long, continuing across
pages; and they print on the paper the options name (A4 unless told)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import multilingual_map, page_sizes_pt, page_texts, squash

from journeycanvas.io.pdf import ExportOptions, export_pdf
from journeycanvas.model import Card, JourneyMap

PT_PER_MM = 72 / 25.4
SENTENCE = "Kunden ringer butiken {n} gånger innan hen hittar öppettiderna på webbplatsen. "


def long_text(chars: int) -> str:
    """Numbered sentences, so that a dropped or repeated line shows, `chars` long."""
    text = ""
    n = 0
    while len(text) < chars:
        text += SENTENCE.format(n=n)
        n += 1
    return text[:chars]


def body(texts: list[str]) -> str:
    """The pages' text without their footers and "(continued)" headings, squashed."""
    lines = [line for text in texts for line in text.splitlines()]
    return squash(
        "".join(line for line in lines if "  ·  " not in line and "(continued)" not in line)
    )


def with_card(text: str, notes: str = "") -> JourneyMap:
    journey = multilingual_map()
    card = Card(id="long", stage="s1", lane="l1", order=99, text=text, notes=notes)
    return journey.model_copy(update={"cards": [*journey.cards, card]})


def test_a_2000_character_card_prints_in_full(tmp_path: Path) -> None:
    text = long_text(2000)
    out = tmp_path / "handouts.pdf"
    export_pdf(with_card(text), out, ExportOptions(handouts="stage"))
    assert squash(text) in body(page_texts(out))


def test_a_card_longer_than_a_page_continues_on_the_next(tmp_path: Path) -> None:
    text, notes = long_text(12_000), long_text(3_000).upper()
    out = tmp_path / "handouts.pdf"
    result = export_pdf(with_card(text, notes), out, ExportOptions(handouts="stage"))
    texts = page_texts(out)
    together = body(texts)
    assert squash(text) in together and squash(notes) in together
    holding = [i for i, page in enumerate(texts) if "gånger innan" in page]
    assert len(holding) >= 3 and holding == list(range(holding[0], holding[-1] + 1))
    assert result.pages == len(texts)


@pytest.mark.parametrize(
    ("paper", "size_mm"),
    [(None, (210, 297)), ("A5", (148, 210)), ("letter", (215.9, 279.4)), ("A3", (297, 420))],
)
def test_handouts_print_on_the_chosen_paper(
    paper: str | None, size_mm: tuple[float, float], tmp_path: Path
) -> None:
    text = long_text(2000)
    out = tmp_path / "handouts.pdf"
    result = export_pdf(with_card(text), out, ExportOptions(handouts="stage", paper=paper))
    for width, height in page_sizes_pt(out):
        assert width == pytest.approx(size_mm[0] * PT_PER_MM, abs=0.5)
        assert height == pytest.approx(size_mm[1] * PT_PER_MM, abs=0.5)
    assert squash(text) in body(page_texts(out))
    assert (paper or "A4") in result.summary


def test_a_smaller_paper_takes_more_pages(tmp_path: Path) -> None:
    journey = with_card(long_text(2000))
    a4 = export_pdf(journey, tmp_path / "a4.pdf", ExportOptions(handouts="persona"))
    a5 = export_pdf(journey, tmp_path / "a5.pdf", ExportOptions(handouts="persona", paper="A5"))
    assert a5.pages > a4.pages
