"""The legibility guard: the smallest card text a planned printout prints, and a warning
when it is below what its kind of sheet needs (a poster is read from about 2 m)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeycanvas.io.pdf.exporter import PdfPlan

POSTER_MIN_PT = 14.0
"""Card text on a poster, read from about two metres."""
TRUE_SIZE_MIN_PT = 8.0
"""Card text on tiles and handouts, read at arm's length."""
A_SERIES = ("A4", "A3", "A2", "A1", "A0")
STEP = math.sqrt(2)
"""How much larger each A size is than the next smaller, along each side."""


def smallest_card_text_pt(plan: PdfPlan) -> float | None:
    """The smallest size (pt, on paper) of any card's text in the plan; None without cards."""
    sizes = [card.face.text.font_size_pt for card in plan.layout.cards.values()]
    return min(sizes) * plan.poster.scale if sizes else None


def needed_pt(plan: PdfPlan) -> float:
    """The smallest card text the plan's kind of sheet can be read with."""
    return TRUE_SIZE_MIN_PT if plan.grid is not None else POSTER_MIN_PT


def is_legible(plan: PdfPlan) -> bool:
    """Whether the plan's card text is at least what its kind of sheet needs."""
    smallest = smallest_card_text_pt(plan)
    return smallest is None or smallest >= needed_pt(plan) - 1e-6


@dataclass(frozen=True, slots=True)
class SmallText:
    """Card text printed below what its sheet needs, and the way out: a larger A paper
    (`paper`), else tiling at `ratio` times the size."""

    smallest_pt: float
    needed_pt: float
    ratio: float
    paper: str | None

    def __str__(self) -> str:
        if self.paper is not None:
            advice = f"print it on {self.paper}"
        else:
            advice = (
                f"tile it on office sheets at {self.ratio:.1f} times the size, or print fewer cards"
            )
        return (
            f"the smallest card text prints at {self.smallest_pt:.1f} pt, below the "
            f"{self.needed_pt:g} pt that can be read there; {advice}"
        )


@dataclass(frozen=True, slots=True)
class MovedCards:
    """Full cells whose other `cards` print in full on pages `first`..`last`."""

    cells: int
    cards: int
    first: int
    last: int

    def __str__(self) -> str:
        pages = (
            f"page {self.first}" if self.first == self.last else f"pages {self.first}–{self.last}"
        )
        return (
            f"{self.cells} cell{'s' if self.cells != 1 else ''} had more cards than the map "
            f"can show legibly: {self.cards} card{'s' if self.cards != 1 else ''} print in "
            f'full on {pages}, each cell ending in a "+N more" note'
        )


Finding = SmallText | MovedCards
"""What the legibility guard tells the user (in English by `str`; the editor words it)."""


def legibility_findings(plan: PdfPlan, paper: str | None) -> tuple[Finding, ...]:
    """What the plan could not print as it is: cells too full for the map (their cards
    moved to the appendix), and card text smaller than its kind of sheet needs, with the
    paper (or tiling) that would reach the size."""
    findings: list[Finding] = []
    appendix = plan.appendix
    if appendix is not None and appendix.cells:
        hidden = sum(len(cell.hidden) for cell in appendix.cells)
        findings.append(MovedCards(len(appendix.cells), hidden, plan.map_pages + 1, plan.pages))
    smallest = smallest_card_text_pt(plan)
    if smallest is not None and not is_legible(plan):
        needed = needed_pt(plan)
        ratio = needed / smallest
        findings.append(SmallText(smallest, needed, ratio, _larger_paper(ratio, paper)))
    return tuple(findings)


def legibility_warnings(plan: PdfPlan, paper: str | None) -> tuple[str, ...]:
    """`legibility_findings` as English sentences (the command line's warnings)."""
    return tuple(str(finding) for finding in legibility_findings(plan, paper))


def _larger_paper(ratio: float, paper: str | None) -> str | None:
    """The A paper that makes text `ratio` times larger than on `paper`; None past A0."""
    current = (paper or "A1").upper()
    if current in A_SERIES:
        steps = math.ceil(math.log(ratio) / math.log(STEP) - 1e-9)
        index = A_SERIES.index(current) + steps
        if index < len(A_SERIES):
            return A_SERIES[index]
    return None
