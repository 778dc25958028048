"""Laying out a whole map, and keeping that layout up to date cheaply as the map changes.

Stacking rule: inside a lane, cards are placed in order of (slot, stage column, id);
each goes directly below everything already placed in every column it covers. So a card
spanning three stages occupies its slot in each covered cell's stack, and nothing ever
overlaps. Row heights grow to the tallest column (with the style's minimum and what the
lane's title needs); the header row is as high as the tallest stage header needs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from journeycanvas.layout.boxes import (
    CardFace,
    CardLayout,
    ConnectorLayout,
    EmotionCurve,
    LaneHeader,
    StageHeader,
)
from journeycanvas.layout.card_faces import CardFaces
from journeycanvas.layout.connectors import ConnectorRouter
from journeycanvas.layout.diff import DiffCollector, LayoutDiff, full_diff, same
from journeycanvas.layout.emotion import emotion_curve
from journeycanvas.layout.geometry import Rect
from journeycanvas.layout.headers import LaneTitle, StageColumn, grid, lane_titles, stage_columns
from journeycanvas.layout.journey_layout import JourneyLayout
from journeycanvas.layout.style import DEFAULT_STYLE, LayoutStyle
from journeycanvas.model.entities import Card, JourneyMap
from journeycanvas.model.kinds import LaneKind
from journeycanvas.text import FontSet, default_font_set

# A stacked card: the card, its x (absolute), its y below the lane's top, span, face.
_Placed = tuple[Card, float, float, int, CardFace]


@dataclass(slots=True)
class _Lane:
    """The engine's working state of one lane: its cards and their stacking."""

    title: LaneTitle
    members: dict[str, Card] = field(default_factory=dict)
    placed: list[_Placed] = field(default_factory=list)
    content_height: float = 0.0


class LayoutEngine:
    """Lays out a map and keeps the layout up to date incrementally.

    Call `update` after every change of the map. With `structure_changed` (stages,
    lanes or personas changed) everything is laid out again, reusing cached wrapping and
    card faces. Otherwise only the lanes that held or hold the `changed_cards` are
    re-stacked, and the lanes below them shifted if their height changed.
    """

    def __init__(self, style: LayoutStyle = DEFAULT_STYLE, fonts: FontSet | None = None) -> None:
        self.style = style
        self.fonts = fonts or default_font_set()
        self._layout: JourneyLayout | None = None
        self._face_maker = CardFaces(style, self.fonts)
        self._router = ConnectorRouter(style, self.fonts)
        self._card_faces: dict[str, CardFace] = {}
        # Faces of the cards changed since the last update, kept until they are re-made.
        self._previous_faces: dict[str, CardFace] = {}
        self._persona_colors: dict[str, str] = {}
        self._columns: list[StageColumn] = []
        self._column_index: dict[str, int] = {}
        self._header_height = 0.0
        self._lanes: dict[str, _Lane] = {}
        self._connector_keys: dict[str, tuple[str, str, str, str]] = {}

    @property
    def layout(self) -> JourneyLayout:
        """The current layout; `update` must have run once."""
        if self._layout is None:
            raise RuntimeError("no layout yet: call update() first")
        return self._layout

    def update(
        self,
        journey: JourneyMap,
        changed_cards: Iterable[str] = (),
        structure_changed: bool = False,
    ) -> LayoutDiff:
        """Bring the layout up to date with `journey`; returns what changed.

        `changed_cards` must name every card added, removed, edited or moved since the
        last update (cell mates renumbered by a move or removal need not be named).
        Changes of stages, lanes or personas need `structure_changed`. Connectors are
        compared every time, so adding, editing or removing one needs nothing.
        """
        with _collector_paused():
            return self._update(journey, set(changed_cards), structure_changed)

    def _update(
        self, journey: JourneyMap, changed: set[str], structure_changed: bool
    ) -> LayoutDiff:
        old = self._layout
        if old is None or structure_changed:
            self._read_structure(journey)
            for lane in self._lanes.values():
                self._stack(lane)
            self._layout = self._assemble(journey, set(self._lanes), None, changed, None)
            return full_diff(old, self._layout)
        affected = self._apply_card_changes(journey, changed, old)
        for lane_id in affected:
            self._stack(self._lanes[lane_id])
        self._previous_faces.clear()
        collector = DiffCollector()
        self._layout = self._assemble(journey, affected, old, changed, collector)
        return collector.result(old, self._layout)

    # ------------------------------------------------------------ reading the map

    def _read_structure(self, journey: JourneyMap) -> None:
        style = self.style
        self._persona_colors = {p.id: p.color for p in journey.personas}
        self._card_faces.clear()
        self._columns = stage_columns(journey.stages, style, self.fonts)
        self._column_index = {column.id: i for i, column in enumerate(self._columns)}
        self._header_height = max(
            [style.stage_header_min_height_mm] + [c.height_needed for c in self._columns]
        )
        self._lanes = {t.id: _Lane(t) for t in lane_titles(journey.lanes, style, self.fonts)}
        for card in journey.cards:
            lane = self._lanes.get(card.lane)
            if lane is not None and card.stage in self._column_index:
                lane.members[card.id] = card

    def _apply_card_changes(
        self, journey: JourneyMap, changed: set[str], old: JourneyLayout
    ) -> set[str]:
        """Move changed cards between the lanes' member lists; returns the lanes touched."""
        if not changed:
            return set()
        current = {card.id: card for card in journey.cards if card.id in changed}
        affected: set[str] = set()
        for card_id in changed:
            face = self._card_faces.pop(card_id, None)
            if face is not None:
                self._previous_faces[card_id] = face
            before = old.cards.get(card_id)
            if before is not None:
                self._lanes[before.lane_id].members.pop(card_id, None)
                affected.add(before.lane_id)
            card = current.get(card_id)
            if card is not None and card.lane in self._lanes and card.stage in self._column_index:
                self._lanes[card.lane].members[card_id] = card
                affected.add(card.lane)
        return affected

    # ------------------------------------------------------------ stacking

    def _face(self, card: Card, width: float) -> CardFace:
        """The card's face at `width`, remembered as its current one.

        An edit can leave the face as it was ("Kort " → "Kort"); the previous face object
        is kept then, so that "same face" stays "the same object" for diffs and the canvas.
        """
        face = self._face_maker.face(card, width, self._persona_colors)
        previous = self._previous_faces.pop(card.id, None)
        if previous is not None and previous == face:
            face = previous
        self._card_faces[card.id] = face
        return face

    def _stack(self, lane: _Lane) -> None:
        """Place the lane's cards (see the module's stacking rule), relative to its top."""
        pad, gap = self.style.cell_padding_mm, self.style.card_gap_mm
        count = len(self._columns)
        lefts = [column.x + pad for column in self._columns]
        rights = [column.x + column.width - pad for column in self._columns]
        index = self._column_index
        card_faces = self._card_faces
        # Ids are unique, so the tuples never compare the cards themselves.
        entries = sorted(
            (card.order, index[card.stage], card.id, card) for card in lane.members.values()
        )
        bottoms = [pad] * count
        placed: list[_Placed] = []
        append = placed.append
        lowest = 0.0
        for _, column, card_id, card in entries:
            span = card.span
            last = column if span <= 1 else min(column + span, count) - 1
            x = lefts[column]
            width = rights[last] - x
            face = card_faces.get(card_id)
            if face is None or face.width != width:
                face = self._face(card, width)
            if last == column:
                y = bottoms[column]
                bottom = y + face.height
                bottoms[column] = bottom + gap
            else:
                y = max(bottoms[column : last + 1])
                bottom = y + face.height
                bottoms[column : last + 1] = [bottom + gap] * (last + 1 - column)
            if bottom > lowest:
                lowest = bottom
            append((card, x, y, last - column + 1, face))
        lane.placed = placed
        lane.content_height = lowest + pad if placed else 0.0

    # ------------------------------------------------------------ assembling

    def _lane_rects(self) -> list[Rect]:
        style = self.style
        rects = []
        y = self._header_height
        for lane in self._lanes.values():
            height = max(style.row_min_height_mm, lane.content_height, lane.title.height_needed)
            rects.append(Rect(0.0, y, style.lane_header_width_mm, height))
            y += height
        return rects

    def _assemble(
        self,
        journey: JourneyMap,
        affected: set[str],
        old: JourneyLayout | None,
        changed: set[str],
        collector: DiffCollector | None,
    ) -> JourneyLayout:
        """Build the layout from the stacked lanes; with `old`, reuse what is unchanged."""
        style = self.style
        lane_rects = self._lane_rects()
        if old is not None and all(h.rect == r for h, r in zip(old.lanes, lane_rects, strict=True)):
            stages, lanes, cells = old.stages, old.lanes, old.cells
        else:
            titles = [lane.title for lane in self._lanes.values()]
            stages, lanes, cells = grid(
                self._columns, titles, self._header_height, lane_rects, style
            )
        cards: dict[str, CardLayout] = {}
        cell_cards: dict[tuple[str, str], tuple[str, ...]] = {}
        if old is not None:
            cards.update(old.cards)
            cell_cards.update(old.cell_cards)
            for card_id in changed:
                cards.pop(card_id, None)
        for (lane_id, lane), rect in zip(self._lanes.items(), lane_rects, strict=True):
            if lane_id in affected:
                self._place_lane(lane_id, lane, rect.y, cards, cell_cards, old, collector)
            elif old is not None and rect.y != old.lanes[old.lane_index[lane_id]].rect.y:
                _shift_lane(lane, rect.y, cards, collector)
                if collector is not None:
                    collector.shifted_lanes.add(lane_id)
        connectors = self._connectors(journey, cards, old, collector)
        return JourneyLayout(
            style=style,
            width=stages[-1].rect.right if stages else style.lane_header_width_mm,
            height=lane_rects[-1].bottom if lane_rects else self._header_height,
            header_height=self._header_height,
            stages=stages,
            lanes=lanes,
            cells=cells,
            cards=cards,
            connectors=connectors,
            emotion_curves=self._emotion_curves(lanes, stages),
            cell_cards=cell_cards,
            stage_index={s.id: s.index for s in stages},
            lane_index={lane.id: lane.index for lane in lanes},
        )

    def _place_lane(
        self,
        lane_id: str,
        lane: _Lane,
        top: float,
        cards: dict[str, CardLayout],
        cell_cards: dict[tuple[str, str], tuple[str, ...]],
        old: JourneyLayout | None,
        collector: DiffCollector | None,
    ) -> None:
        """Card layouts of a re-stacked lane, and its cells' slot lists."""
        for key in [key for key in cell_cards if key[1] == lane_id]:
            del cell_cards[key]
        cells: dict[tuple[str, str], list[str]] = {}
        old_cards = old.cards if old is not None else {}
        for card, x, y, span, face in lane.placed:
            was = old_cards.get(card.id)
            top_y = top + y
            if (
                was is not None
                and was.face is face
                and was.rect.y == top_y
                and was.rect.x == x
                and was.order == card.order
                and was.stage_id == card.stage
                and was.lane_id == lane_id
                and was.span == span
            ):
                cards[card.id] = was
            else:
                rect = Rect(x, top_y, face.width, face.height)
                cards[card.id] = CardLayout(
                    card.id, card.stage, lane_id, card.order, span, rect, face
                )
                if collector is not None:
                    collector.cards.add(card.id)
            cells.setdefault((card.stage, lane_id), []).append(card.id)
        for key, ids in cells.items():
            cell_cards[key] = tuple(ids)

    def _connectors(
        self,
        journey: JourneyMap,
        cards: dict[str, CardLayout],
        old: JourneyLayout | None,
        collector: DiffCollector | None,
    ) -> dict[str, ConnectorLayout]:
        """Connector paths; one is reused when it and both its cards' layouts are unchanged."""
        previous = old.connectors if old is not None else {}
        keys: dict[str, tuple[str, str, str, str]] = {}
        result: dict[str, ConnectorLayout] = {}
        for connector in journey.connectors:
            source, target = cards.get(connector.source), cards.get(connector.target)
            if source is None or target is None:
                continue
            key = (connector.source, connector.target, connector.kind, connector.label)
            keys[connector.id] = key
            was = previous.get(connector.id)
            if (
                was is not None
                and collector is not None
                and self._connector_keys.get(connector.id) == key
                and connector.source not in collector.cards
                and connector.target not in collector.cards
            ):
                result[connector.id] = was
                continue
            result[connector.id] = self._router.layout(connector, source.rect, target.rect)
            if collector is not None and not same(was, result[connector.id]):
                collector.connectors.add(connector.id)
        self._connector_keys = keys
        return result

    def _emotion_curves(
        self, lanes: tuple[LaneHeader, ...], stages: tuple[StageHeader, ...]
    ) -> tuple[EmotionCurve, ...]:
        return tuple(
            emotion_curve(
                header.id,
                header.row,
                self._lanes[header.id].members.values(),
                stages,
                self.style.emotion_padding_mm,
            )
            for header in lanes
            if header.kind == LaneKind.EMOTIONS
        )


def _shift_lane(
    lane: _Lane, top: float, cards: dict[str, CardLayout], collector: DiffCollector | None
) -> None:
    """Move an unchanged lane's cards to its new `top` (the same arithmetic as placing)."""
    moved = []
    for card, x, y, _, face in lane.placed:
        was = cards[card.id]
        new_y = top + y
        if was.rect.y != new_y:
            rect = Rect(x, new_y, face.width, face.height)
            cards[card.id] = CardLayout(
                was.id, was.stage_id, was.lane_id, was.order, was.span, rect, face
            )
            moved.append(card.id)
    if collector is not None:
        collector.cards.update(moved)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a layout allocates its boxes.

    A layout creates hundreds of thousands of small acyclic objects; left on, the
    collector would rescan the whole heap several times during one layout of a big map.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def layout_journey(
    journey: JourneyMap, style: LayoutStyle = DEFAULT_STYLE, fonts: FontSet | None = None
) -> JourneyLayout:
    """Lay out a whole map once (exporters); the editor keeps a `LayoutEngine` instead."""
    engine = LayoutEngine(style, fonts)
    engine.update(journey)
    return engine.layout
