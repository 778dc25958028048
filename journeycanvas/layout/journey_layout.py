"""A laid-out map, and the hit tests the canvas asks of it."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from journeycanvas.layout.boxes import (
    CardLayout,
    Cell,
    ConnectorLayout,
    EmotionCurve,
    LaneHeader,
    StageHeader,
)
from journeycanvas.layout.style import LayoutStyle


@dataclass(frozen=True, slots=True)
class JourneyLayout:
    """Where everything of a map sits, in millimetres, the grid's top-left corner at (0, 0).

    The stage header row runs along the top (from ``x = style.lane_header_width_mm``), the
    lane header column down the left (from ``y = header_height``). `cells` is lane-major:
    the cell of lane i and stage j is ``cells[i * len(stages) + j]``. `cell_cards` lists the
    cards that sit in each cell (not those spanning into it from the left), in slot order.
    Treat the mappings as read-only.
    """

    style: LayoutStyle
    width: float
    height: float
    header_height: float
    stages: tuple[StageHeader, ...]
    lanes: tuple[LaneHeader, ...]
    cells: tuple[Cell, ...]
    cards: Mapping[str, CardLayout]
    connectors: Mapping[str, ConnectorLayout]
    emotion_curves: tuple[EmotionCurve, ...]
    cell_cards: Mapping[tuple[str, str], tuple[str, ...]]
    stage_index: Mapping[str, int]
    lane_index: Mapping[str, int]

    def cell(self, stage_id: str, lane_id: str) -> Cell:
        """The cell of a stage and a lane; KeyError for an unknown id."""
        return self.cells[self.lane_index[lane_id] * len(self.stages) + self.stage_index[stage_id]]

    def cards_in(self, stage_id: str, lane_id: str) -> tuple[CardLayout, ...]:
        """The cards that sit in a cell, in slot order."""
        return tuple(self.cards[i] for i in self.cell_cards.get((stage_id, lane_id), ()))

    def stage_at_x(self, x: float) -> str | None:
        """The stage whose column contains `x`; None left of the grid or right of it."""
        if not self.stages or x < self.stages[0].rect.x or x > self.stages[-1].rect.right:
            return None
        index = bisect_right([s.rect.x for s in self.stages], x) - 1
        return self.stages[index].id

    def lane_at_y(self, y: float) -> str | None:
        """The lane whose row contains `y`; None above the grid or below it."""
        if not self.lanes or y < self.lanes[0].rect.y or y > self.lanes[-1].rect.bottom:
            return None
        index = bisect_right([lane.rect.y for lane in self.lanes], y) - 1
        return self.lanes[index].id

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        """(stage id, lane id) of the cell under the point, or None outside the cells."""
        stage_id = self.stage_at_x(x)
        lane_id = self.lane_at_y(y)
        if stage_id is None or lane_id is None:
            return None
        return stage_id, lane_id
