"""Where the keyboard goes on the map: the neighbouring card for an arrow key, the next
cell for Tab, and where Alt+arrow moves the selected cards. Pure functions of the layout."""

from __future__ import annotations

from enum import Enum

from journeycanvas.layout import JourneyLayout

Cell = tuple[str, str]
"""(stage id, lane id)."""


class Direction(Enum):
    """An arrow key's direction: (columns, rows) it steps."""

    UP = (0, -1)
    DOWN = (0, 1)
    LEFT = (-1, 0)
    RIGHT = (1, 0)


def _cell_ids(layout: JourneyLayout, cell: Cell) -> tuple[str, ...]:
    return layout.cell_cards.get(cell, ())


def _cell_beside(layout: JourneyLayout, cell: Cell, direction: Direction) -> Cell | None:
    """The cell one step away in `direction`, or None at the map's edge."""
    dx, dy = direction.value
    column = layout.stage_index[cell[0]] + dx
    row = layout.lane_index[cell[1]] + dy
    if not (0 <= column < len(layout.stages) and 0 <= row < len(layout.lanes)):
        return None
    return layout.stages[column].id, layout.lanes[row].id


def neighbour_card(layout: JourneyLayout, card_id: str, direction: Direction) -> str | None:
    """The card an arrow key goes to from `card_id`: the one above or below in the same
    cell, else the nearest card in the next cells that way (empty cells are skipped)."""
    card = layout.cards[card_id]
    cell: Cell = (card.stage_id, card.lane_id)
    mates = _cell_ids(layout, cell)
    index = mates.index(card_id)
    if direction is Direction.UP and index > 0:
        return mates[index - 1]
    if direction is Direction.DOWN and index + 1 < len(mates):
        return mates[index + 1]
    beside = _cell_beside(layout, cell, direction)
    while beside is not None:
        cards = _cell_ids(layout, beside)
        if cards:
            if direction is Direction.UP:
                return cards[-1]
            if direction is Direction.DOWN:
                return cards[0]
            return cards[min(index, len(cards) - 1)]
        beside = _cell_beside(layout, beside, direction)
    return None


def walk_cells(layout: JourneyLayout, cell: Cell | None, backwards: bool = False) -> Cell | None:
    """The cell Tab (Shift+Tab: `backwards`) goes to: along the lane, stage by stage, then on
    to the next lane; from nowhere, the first (or last) cell. None on an empty grid."""
    cells = [(stage.id, lane.id) for lane in layout.lanes for stage in layout.stages]
    if not cells:
        return None
    if cell not in cells:
        return cells[-1] if backwards else cells[0]
    step = -1 if backwards else 1
    return cells[(cells.index(cell) + step) % len(cells)]


def move_target(
    layout: JourneyLayout, card_ids: list[str], direction: Direction
) -> tuple[str, str, int] | None:
    """Where Alt+arrow moves cards that sit together in one cell: (stage, lane, slot among
    the cards not moving); one slot up or down inside the cell, past its edge into the
    cell above (at its end) or below (at its start), or into the stage beside at the same
    slot. None when there is nowhere to go."""
    first = layout.cards[card_ids[0]]
    cell: Cell = (first.stage_id, first.lane_id)
    moving = set(card_ids)
    staying = [i for i in _cell_ids(layout, cell) if i not in moving]
    slot = sum(1 for i in _cell_ids(layout, cell)[: first.order] if i not in moving)
    if direction is Direction.UP and slot > 0:
        return (*cell, slot - 1)
    if direction is Direction.DOWN and slot < len(staying):
        return (*cell, slot + 1)
    beside = _cell_beside(layout, cell, direction)
    if beside is None:
        return None
    others = [i for i in _cell_ids(layout, beside) if i not in moving]
    if direction is Direction.UP:
        return (*beside, len(others))
    if direction is Direction.DOWN:
        return (*beside, 0)
    return (*beside, min(slot, len(others)))


def first_card(layout: JourneyLayout) -> str | None:
    """The first card in the order Tab walks the cells, or None on a map without cards."""
    for lane in layout.lanes:
        for stage in layout.stages:
            cards = _cell_ids(layout, (stage.id, lane.id))
            if cards:
                return cards[0]
    return None
