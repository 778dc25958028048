"""The legibility guard: the smallest card text a planned printout prints, and a warning
when it is below what its kind of sheet needs (a poster is read from about 2 m)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeycanvas.i18n import _, current_language, format_decimal, format_number, ngettext

if TYPE_CHECKING:
    from journeycanvas.io.pdf.planning import PdfPlan

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


@dataclass(frozen=True, slots=True)
class MovedCards:
    """Full cells whose other `cards` print in full on pages `first`..`last`."""

    cells: int
    cards: int
    first: int
    last: int


Finding = SmallText | MovedCards
"""What the legibility guard tells the user (worded by `finding_text`)."""


def finding_text(finding: Finding) -> str:
    """A finding in the user's language: the command line's warning and the export
    dialog's, worded once."""
    language = current_language()
    if isinstance(finding, MovedCards):
        cells = ngettext("{count} cell", "{count} cells", finding.cells)
        cards = ngettext("{count} card", "{count} cards", finding.cards)
        return _(
            "{cells} had more cards than the map can show legibly: {cards} print in full "
            "on pages {first}–{last}, each cell ending in a “+N more” note."
        ).format(
            cells=cells.format(count=format_number(finding.cells, language)),
            cards=cards.format(count=format_number(finding.cards, language)),
            first=format_number(finding.first, language),
            last=format_number(finding.last, language),
        )
    small = _(
        "The smallest card text prints at {size} pt, below the {needed} pt that can be read there."
    ).format(
        size=format_decimal(finding.smallest_pt, language),
        needed=format_number(finding.needed_pt, language),
    )
    if finding.paper is not None:
        advice = _("Print it on {paper}.").format(paper=finding.paper)
    else:
        advice = _(
            "Tile it on office sheets at {ratio} times the size, or print fewer cards."
        ).format(ratio=format_decimal(finding.ratio, language))
    return f"{small} {advice}"


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
    """`legibility_findings` as sentences in the user's language (the command line's
    warnings)."""
    return tuple(finding_text(finding) for finding in legibility_findings(plan, paper))


def _larger_paper(ratio: float, paper: str | None) -> str | None:
    """The A paper that makes text `ratio` times larger than on `paper`; None past A0."""
    current = (paper or "A1").upper()
    if current in A_SERIES:
        steps = math.ceil(math.log(ratio) / math.log(STEP) - 1e-9)
        index = A_SERIES.index(current) + steps
        if index < len(A_SERIES):
            return A_SERIES[index]
    return None
