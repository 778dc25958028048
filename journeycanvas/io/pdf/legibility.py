"""The legibility guard: the smallest card text a planned printout prints, and a warning
when it is below what its kind of sheet needs (a poster is read from about 2 m)."""

from __future__ import annotations

import math

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


def legibility_warnings(plan: PdfPlan, paper: str | None) -> tuple[str, ...]:
    """A warning when the plan's card text is smaller than its sheet kind needs, with the
    paper (or tiling) that would reach the size."""
    smallest = smallest_card_text_pt(plan)
    if smallest is None:
        return ()
    needed = TRUE_SIZE_MIN_PT if plan.grid is not None else POSTER_MIN_PT
    if smallest >= needed - 1e-6:
        return ()
    ratio = needed / smallest
    return (
        f"the smallest card text prints at {smallest:.1f} pt, below the {needed:g} pt "
        f"that can be read there; {_advice(ratio, paper)}",
    )


def _advice(ratio: float, paper: str | None) -> str:
    """What would make text `ratio` times larger: a larger A paper, else tiling at scale."""
    current = (paper or "A1").upper()
    if current in A_SERIES:
        steps = math.ceil(math.log(ratio) / math.log(STEP) - 1e-9)
        index = A_SERIES.index(current) + steps
        if index < len(A_SERIES):
            return f"print it on {A_SERIES[index]}"
    return f"tile it on office sheets at {ratio:.1f} times the size, or print fewer cards"
