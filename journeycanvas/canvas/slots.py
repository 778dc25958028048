"""Where a dragged or dropped card lands: the cell and slot under a point, and its marker."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from PySide6.QtCore import QLineF

from journeycanvas.layout import JourneyLayout


@dataclass(frozen=True, slots=True)
class DropSlot:
    """A cell and a slot in it (counting the cell's cards that are not being moved)."""

    stage_id: str
    lane_id: str
    order: int
    marker: QLineF


def drop_slot(
    layout: JourneyLayout, x: float, y: float, moving: Container[str] = ()
) -> DropSlot | None:
    """The slot under (x, y) mm, ignoring the cards in `moving`; None outside the cells."""
    cell = layout.cell_at(x, y)
    if cell is None:
        return None
    stage_id, lane_id = cell
    staying = [layout.cards[i] for i in layout.cell_cards.get(cell, ()) if i not in moving]
    order = 0
    for card in staying:
        if card.rect.center.y >= y:
            break
        order += 1
    rect = layout.cell(stage_id, lane_id).rect
    style = layout.style
    pad, half_gap = style.cell_padding_mm, style.card_gap_mm / 2
    if order < len(staying):
        line_y = staying[order].rect.y - min(half_gap, pad / 2)
    elif staying:
        line_y = staying[-1].rect.bottom + half_gap
    else:
        line_y = rect.y + pad / 2
    marker = QLineF(rect.x + pad, line_y, rect.right - pad, line_y)
    return DropSlot(stage_id, lane_id, order, marker)
