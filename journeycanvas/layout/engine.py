"""Laying out a whole map, and keeping that layout up to date cheaply as the map changes.

Stacking rule: inside a lane, cards are placed in order of (slot, stage column, id);
each goes directly below everything already placed in every column it covers. So a card
spanning three stages occupies its slot in each covered cell's stack, and nothing ever
overlaps. Row heights grow to the tallest column (with the style's minimum and what the
lane's title needs); the header row is as high as the tallest stage header needs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from operator import attrgetter
from typing import TypeVar

from journeycanvas.layout.boxes import (
    CardFace,
    CardLayout,
    ConnectorLayout,
    EmotionCurve,
    LaneHeader,
    StageHeader,
)
from journeycanvas.layout.card_faces import CardFaces
from journeycanvas.layout.collector import collector_paused
from journeycanvas.layout.connectors import ConnectorPaths, ConnectorRouter, LaneChanges
from journeycanvas.layout.diff import DiffCollector, LayoutDiff, full_diff, same
from journeycanvas.layout.emotion import EmotionScores
from journeycanvas.layout.geometry import Rect, up_to_grid
from journeycanvas.layout.headers import LaneTitle, StageColumn, grid, lane_titles, stage_columns
from journeycanvas.layout.journey_layout import JourneyLayout
from journeycanvas.layout.label_places import CardObstacles
from journeycanvas.layout.lane_cards import CardMap, LaneCards, Place
from journeycanvas.layout.stacking import LaneStack, Slot
from journeycanvas.layout.steps import run_steps
from journeycanvas.layout.style import DEFAULT_STYLE, LayoutStyle
from journeycanvas.model.entities import Card, JourneyMap
from journeycanvas.model.kinds import LaneKind
from journeycanvas.text import FontSet, default_font_set


@dataclass(slots=True)
class _Lane:
    """The engine's working state of one lane: its title, its stacked cards, and for an
    emotions lane the scores of its cards."""

    title: LaneTitle
    stack: LaneStack
    scores: EmotionScores | None
    set_height: float = 0.0
    """The height the user gave the lane by dragging its edge (0: none); rows still grow."""


class LayoutEngine:
    """Lays out a map and keeps the layout up to date incrementally.

    Call `update` after every change of the map. With `structure_changed` (stages,
    lanes or personas changed) everything is laid out again, reusing cached wrapping and
    card faces. Otherwise the changed cards are taken out of their lanes and put in again,
    only the cards they push or pull are re-placed (see `LaneStack`), and the lanes below
    a lane whose height changed are shifted.

    Work can be left for later, to be done in slices between an editor's frames: an
    `update` with ``route_connectors=False`` keeps the previous connectors (stale, see
    `connectors_pending`) and `route_steps` routes them; a first or structural layout
    with ``lay_out_until`` lays out only the lanes starting above that line and
    `lane_steps` the others (see `lanes_pending`). Any `update` abandons running steps;
    the next steps start from everything changed since the connectors were last routed.
    """

    def __init__(self, style: LayoutStyle = DEFAULT_STYLE, fonts: FontSet | None = None) -> None:
        self.style = style
        self.fonts = fonts or default_font_set()
        self._layout: JourneyLayout | None = None
        self._face_maker = CardFaces(style, self.fonts)
        self._connectors = ConnectorPaths(ConnectorRouter(style, self.fonts))
        # Faces of the cards changed since the last update, kept until they are re-made.
        self._previous_faces: dict[str, CardFace] = {}
        self._persona_colors: dict[str, str] = {}
        self._columns: list[StageColumn] = []
        self._column_index: dict[str, int] = {}
        self._header_height = 0.0
        self._lanes: dict[str, _Lane] = {}
        # The last layout's cards per lane, and in which lane each card was last placed.
        self._lane_cards: dict[str, LaneCards] = {}
        self._hint: dict[str, str] = {}
        # Where each card was in the map's card list when last looked for.
        self._positions: dict[str, int] = {}
        # Each emotions lane's curve, the band it was drawn in and the tally it was drawn from.
        self._curves: dict[str, tuple[Rect, tuple[tuple[str, int, int], ...], EmotionCurve]] = {}
        self._stray_scores: EmotionScores | None = None
        # How many lanes (from the top) are stacked, and the cards of those still to stack
        # (with the sizes of an empty lane's stack).
        self._built = 0
        # Whether the first lane not laid out has begun stacking: it is in the layout as
        # far as it was stacked then (its cards placed so far are final).
        self._begun = False
        self._stack_sizes: tuple[list[float], list[float], float, float] = ([], [], 0.0, 0.0)
        self._members: dict[str, list[Card]] = {}
        self._journey: JourneyMap | None = None
        # Routing left for later: all of it, or the changes since it was last done.
        self._route_all = False
        # Each makes its update's LaneChanges: worked out when routed, not before a frame.
        self._route_changes: list[Callable[[], LaneChanges]] = []
        # The lanes' tops and the cards when the connectors were last routed.
        self._routed_tops: list[float] = []
        self._routed_cards: Mapping[str, CardLayout] = {}
        # Bumped by every update: steps of an older generation are abandoned.
        self._generation = 0

    @property
    def locale(self) -> str:
        """The map language the card figures were last written in."""
        return self._face_maker.locale

    @property
    def layout(self) -> JourneyLayout:
        """The current layout; `update` must have run once."""
        if self._layout is None:
            raise RuntimeError("no layout yet: call update() first")
        return self._layout

    @property
    def lanes_pending(self) -> bool:
        """Whether some lanes are not laid out yet (`lane_steps` lays them out)."""
        return self._built < len(self._lanes)

    @property
    def connectors_pending(self) -> bool:
        """Whether the layout's connectors are stale: those of the last routing, before
        the latest updates (`route_steps` routes them)."""
        return self._route_all or bool(self._route_changes)

    def update(
        self,
        journey: JourneyMap,
        changed_cards: Iterable[str] = (),
        structure_changed: bool = False,
        *,
        route_connectors: bool = True,
        lay_out_until: float | None = None,
    ) -> LayoutDiff:
        """Bring the layout up to date with `journey`; returns what changed.

        `changed_cards` must name every card added, removed, edited or moved since the
        last update (cell mates renumbered by a move or removal need not be named).
        Changes of stages, lanes or personas need `structure_changed`. Connectors are
        compared every time, so adding, editing or removing one needs nothing.

        Without `route_connectors` the connectors are left as they were (stale) and the
        diff names none; `route_steps` routes them. With `lay_out_until` (mm from the
        top) a first or structural layout lays out the lanes starting above that line
        only, and leaves the others and the connectors to `lane_steps` and `route_steps`.
        An update while lanes are pending lays out the whole map again.
        """
        self._generation += 1
        with collector_paused():
            return self._update(
                journey, set(changed_cards), structure_changed, route_connectors, lay_out_until
            )

    def _update(
        self,
        journey: JourneyMap,
        changed: set[str],
        structure_changed: bool,
        route: bool,
        until: float | None,
    ) -> LayoutDiff:
        self._face_maker.assets = journey.assets  # the pictures cards show
        self._face_maker.set_locale(journey.locale)
        self._journey = journey
        old = self._layout
        if old is None or structure_changed or self.lanes_pending:
            self._read_structure(journey)
            self._build_lanes(until)
            self._route_all, self._route_changes = True, []
            layout, _ = self._assemble({}, None, changed, None)
            # Until routed, the connectors stay as they were (stale).
            self._layout = layout if old is None else replace(layout, connectors=old.connectors)
            if route and not self.lanes_pending:
                self._route_now()
            return full_diff(old, self._layout)
        restacked = self._apply_card_changes(journey, changed)
        collector = DiffCollector()
        self._layout, changes = self._assemble(restacked, old, changed, collector)
        if changes is not None and not self._route_all:
            self._route_changes.append(changes)
        if route:
            collector.connectors, collector.removed_connectors = self._route_now()
        return collector.result(old, self._layout)

    # ------------------------------------------------------------ work left for later

    def lane_steps(self, cards_per_step: int = 64) -> Generator[LayoutDiff | None, None, None]:
        """Lay out the pending lanes, top to bottom, pausing every `cards_per_step` cards
        (yields None) and after each lane (yields the diff of the layout, now one lane
        longer). Abandoned by any `update` or newer steps (resuming it then raises
        RuntimeError)."""
        self._generation += 1
        generation = self._generation
        order = list(self._lanes)
        while self.lanes_pending:
            lane_id = order[self._built]
            lane = self._lanes[lane_id]
            members = self._members[lane_id]
            if not self._begun:
                lane.stack.begin(members, self._column_index, self._face)
                self._begun = True
            # Abandoned steps stop at a pause, between two cards: these go on from there.
            for _ in lane.stack.build_steps(cards_per_step):
                yield None
                self._check(generation)
            del self._members[lane_id]
            self._count_scores(lane, members)
            self._built += 1
            self._begun = False
            self._lane_cards.pop(lane_id, None)  # laid out in part before: placed again
            old = self.layout
            new, _ = self._assemble({}, old, set(), None)
            self._layout = new
            yield LayoutDiff(
                cards=frozenset(self._lane_cards[lane_id].places),
                grid=True,
                emotion=old.emotion_curves != new.emotion_curves,
            )
            self._check(generation)

    def route_steps(self, connectors_per_step: int = 16) -> Generator[None, None, LayoutDiff]:
        """Route the pending connectors in steps (each yield a pause), install them in
        the layout, and return what that changed (the connectors' part of a diff).

        Lanes must all be laid out. Abandoned by any `update` or newer steps (resuming it
        then raises RuntimeError); the next sequence routes everything changed since the
        connectors were last routed."""
        if self.lanes_pending:
            raise RuntimeError("lanes pending: run lane_steps() first")
        if not self.connectors_pending:
            return LayoutDiff()
        self._generation += 1
        generation = self._generation
        work = self._routing(connectors_per_step)
        while True:
            try:
                next(work)
            except StopIteration as done:
                connectors = done.value
                break
            yield None
            self._check(generation)
        changed, removed = self._install(connectors)
        return LayoutDiff(connectors=frozenset(changed), removed_connectors=frozenset(removed))

    def finish(self) -> LayoutDiff:
        """Do all the work left for later now; the diff of lanes laid out and connectors
        routed (cards of lanes laid out now count as new)."""
        cards: set[str] = set()
        grid = emotion = False
        for diff in self.lane_steps(0):
            if diff is not None:
                cards |= diff.cards
                grid, emotion = True, emotion or diff.emotion
        routed = run_steps(self.route_steps(0))
        return replace(routed, cards=frozenset(cards), grid=grid, emotion=emotion)

    def _check(self, generation: int) -> None:
        if generation != self._generation:
            raise RuntimeError("the layout was updated since these steps began")

    def _current_journey(self) -> JourneyMap:
        if self._journey is None:
            raise RuntimeError("no layout yet: call update() first")
        return self._journey

    def _route_now(self) -> tuple[set[str], set[str]]:
        """Route the pending connectors at once; the ids changed and those gone."""
        return self._install(run_steps(self._routing(0)))

    def _routing(self, per_step: int) -> Generator[None, None, dict[str, ConnectorLayout]]:
        """The pending routing, in steps."""
        journey, layout = self._current_journey(), self.layout
        obstacles = self._obstacles(self._lane_rects())
        cards = layout.cards
        if per_step:
            yield
        if self._route_all:
            return (
                yield from self._connectors.lay_out_steps(
                    journey.connectors, cards, obstacles, per_step
                )
            )
        tops = [lane.rect.y for lane in layout.lanes]
        shifts = [top - was for top, was in zip(tops, self._routed_tops, strict=True)]
        made = [make() for make in self._route_changes]
        changes = _merged(made, len(self._columns), shifts)
        result, _, _ = yield from self._connectors.update_steps(
            journey.connectors,
            cards,
            self._routed_cards,
            layout.connectors,
            set(changes.replaced),
            obstacles,
            changes,
            per_step,
        )
        return result

    def _install(self, connectors: dict[str, ConnectorLayout]) -> tuple[set[str], set[str]]:
        """Put freshly routed connectors in the layout (keeping the objects of those
        unchanged); the ids changed and those gone."""
        previous: Mapping[str, ConnectorLayout] = self.layout.connectors
        changed = set()
        for connector_id, path in connectors.items():
            was = previous.get(connector_id)
            if was is not None and same(was, path):
                connectors[connector_id] = was
            else:
                changed.add(connector_id)
        removed = set(previous.keys() - connectors.keys())
        self._layout = replace(self.layout, connectors=connectors)
        self._route_all, self._route_changes = False, []
        self._routed_tops = [lane.rect.y for lane in self._layout.lanes]
        self._routed_cards = self._layout.cards
        return changed, removed

    # ------------------------------------------------------------ reading the map

    def _read_structure(self, journey: JourneyMap) -> None:
        style = self.style
        self._persona_colors = {p.id: p.color for p in journey.personas}
        self._columns = stage_columns(journey.stages, style, self.fonts)
        self._column_index = {column.id: i for i, column in enumerate(self._columns)}
        self._header_height = up_to_grid(
            max([style.stage_header_min_height_mm] + [c.height_needed for c in self._columns])
        )
        pad, gap = up_to_grid(style.cell_padding_mm), up_to_grid(style.card_gap_mm)
        lefts = [column.x + pad for column in self._columns]
        rights = [column.x + column.width - pad for column in self._columns]
        set_heights = {lane.id: lane.height_mm or 0.0 for lane in journey.lanes}
        self._stack_sizes = (lefts, rights, pad, gap)
        self._lanes = {
            t.id: _Lane(t, LaneStack(lefts, rights, pad, gap), None, set_heights[t.id])
            for t in lane_titles(journey.lanes, style, self.fonts)
        }
        members: dict[str, list[Card]] = {lane_id: [] for lane_id in self._lanes}
        for card in journey.cards:
            cell_cards = members.get(card.lane)
            if cell_cards is not None and card.stage in self._column_index:
                cell_cards.append(card)
        self._members = members
        self._built = 0
        self._begun = False
        self._lane_cards = {}
        # `_positions` stays: a structure change does not reorder the cards, and every
        # guess it gives is checked.
        self._previous_faces.clear()
        self._curves.clear()
        for lane in self._lanes.values():
            if lane.title.kind == LaneKind.EMOTIONS:
                lane.scores = EmotionScores()
        # A scored card outside every emotions lane still counts, for the first one's curve.
        self._stray_scores = next(
            (lane.scores for lane in self._lanes.values() if lane.scores is not None), None
        )

    def _build_lanes(self, until: float | None) -> None:
        """Stack the lanes from the top: all of them, or (`until`) those starting above
        that line (at least one), the last of them only down to the line: the cards
        placed first are final, so a first frame needs no more."""
        top = self._header_height
        for lane_id, lane in self._lanes.items():
            if until is not None and top >= until and self._built:
                return
            members = self._members[lane_id]
            lane.stack.begin(members, self._column_index, self._face)
            line = None if until is None or top >= until else until - top
            for _ in lane.stack.build_steps(0, line):
                pass
            if lane.stack.building:
                self._begun = True
                return
            del self._members[lane_id]
            self._count_scores(lane, members)
            self._built += 1
            top += self._lane_height(lane)

    def _count_scores(self, lane: _Lane, members: list[Card]) -> None:
        scores = self._scores_of(lane)
        for card in members:
            scores.add(card)

    def _apply_card_changes(
        self, journey: JourneyMap, changed: set[str]
    ) -> dict[str, tuple[list[Slot], set[int]]]:
        """Take the changed cards out of their lanes and put them in again; returns, per
        lane re-stacked, the slots that may have changed and the columns whose cells did."""
        if not changed:
            return {}
        lanes = self._lanes
        columns = self._column_index
        touched: set[str] = set()
        found = self._find_cards(journey.cards, changed)
        kept: set[str] = set()
        # Cell mates that a move or removal only renumbered keep their slots: `restack`
        # gives them their new slot numbers.
        for card in found:
            lane = lanes.get(card.lane)
            column = columns.get(card.stage)
            if (
                lane is not None
                and column is not None
                and lane.stack.keep(card, column, self._face)
            ):
                scores = self._scores_of(lane)
                scores.remove(card.id)
                scores.add(card)
                kept.add(card.id)
                touched.add(card.lane)
        for card_id in changed - kept:
            lane_id = self._lane_of(card_id)
            if lane_id is not None:
                lane = lanes[lane_id]
                slot = lane.stack.remove(card_id)
                if slot is not None:
                    self._previous_faces[card_id] = slot.face
                self._scores_of(lane).remove(card_id)
                touched.add(lane_id)
        for card in found:
            if card.id in kept:
                continue
            new_lane = lanes.get(card.lane)
            column = columns.get(card.stage)
            if new_lane is not None and column is not None:
                new_lane.stack.add(card, column, self._face)
                self._scores_of(new_lane).add(card)
                touched.add(card.lane)
        self._previous_faces.clear()
        return {lane_id: lanes[lane_id].stack.restack() for lane_id in touched}

    def _scores_of(self, lane: _Lane) -> EmotionScores:
        """Where the scores of a lane's cards count: its own curve, or for a lane without
        one the first emotions lane's (a throwaway tally when the map has none)."""
        if lane.scores is not None:
            return lane.scores
        return self._stray_scores if self._stray_scores is not None else EmotionScores()

    def _find_cards(self, cards: list[Card], ids: set[str]) -> list[Card]:
        """The cards of the map with these ids; without looking through the whole list
        when they are where they were (edits and moves do not reorder the list)."""
        positions = self._positions
        found = []
        count = len(cards)
        for card_id in ids:
            # Where it was, or a few places off (cards inserted or removed before it); a
            # card not seen yet was most likely added at the end.
            guess = positions.get(card_id, count - 1)
            if 0 <= guess < count and cards[guess].id == card_id:
                found.append(cards[guess])
                continue
            for index in _near(guess, count):
                if cards[index].id == card_id:
                    positions[card_id] = index
                    found.append(cards[index])
                    break
            else:
                break
        else:
            return found
        listed = list(map(_card_id, cards))
        positions = self._positions = dict(zip(listed, range(count), strict=True))
        return [cards[positions[card_id]] for card_id in ids if card_id in positions]

    def _holds(self, card_id: str, hint: Mapping[str, str]) -> bool:
        """Whether a lane holds the card (it has a layout); `hint`: where it was last."""
        lane = self._lanes.get(hint.get(card_id, ""))
        if lane is not None and card_id in lane.stack.slots:
            return True
        return any(card_id in lane.stack.slots for lane in self._lanes.values())

    def _face(self, card: Card, width: float) -> CardFace:
        """The card's face at `width`.

        An edit can leave the face as it was ("Kort " → "Kort"); the previous face object
        is kept then, so that "same face" stays "the same object" for diffs and the canvas.
        """
        face = self._face_maker.face(card, width, self._persona_colors)
        previous = self._previous_faces.get(card.id)
        if previous is not None and previous is not face and previous == face:
            return previous
        return face

    # ------------------------------------------------------------ assembling

    def _lane_height(self, lane: _Lane) -> float:
        style = self.style
        content = lane.stack.content_height
        if lane.scores is not None:
            content += style.emotion_band_mm
        return up_to_grid(
            max(style.row_min_height_mm, content, lane.title.height_needed, lane.set_height)
        )

    def _built_lanes(self) -> Iterator[tuple[str, _Lane]]:
        """(id, lane) of the lanes laid out (and the one begun), top to bottom."""
        return itertools.islice(self._lanes.items(), self._built + self._begun)

    def _lane_rects(self) -> list[Rect]:
        """The header column rectangles of the lanes laid out."""
        rects = []
        y = self._header_height
        width = self.style.lane_header_width_mm
        for _, lane in self._built_lanes():
            height = self._lane_height(lane)
            rects.append(Rect(0.0, y, width, height))
            y += height
        return rects

    def _assemble(
        self,
        restacked: dict[str, tuple[list[Slot], set[int]]],
        old: JourneyLayout | None,
        changed: set[str],
        collector: DiffCollector | None,
    ) -> tuple[JourneyLayout, Callable[[], LaneChanges] | None]:
        """Build the layout of the stacked lanes (its connectors: `old`'s, stale, or none);
        with `old` and a `collector`, reuse what is unchanged and say how the lanes
        changed (a maker of it, called when routed: until then a structural update drops
        it, so the lanes and columns it reads stay); with `old` and none, `old` is the
        layout of fewer lanes, kept as laid out.
        """
        style = self.style
        lane_rects = self._lane_rects()
        if (
            old is not None
            and len(old.lanes) == len(lane_rects)
            and all(h.rect == r for h, r in zip(old.lanes, lane_rects, strict=True))
        ):
            stages, lanes, cells = old.stages, old.lanes, old.cells
        else:
            titles = [lane.title for _, lane in self._built_lanes()]
            stages, lanes, cells = grid(
                self._columns, titles, self._header_height, lane_rects, style
            )
        lane_cards: dict[str, LaneCards] = {}
        lane_changes = None
        if old is None or collector is None:
            kept = self._lane_cards if old is not None else {}
            if old is None:
                self._hint = {}
            hint = self._hint
            cell_cards: dict[tuple[str, str], tuple[str, ...]] = (
                {} if old is None else dict(old.cell_cards)
            )
            for (lane_id, lane), rect in zip(self._built_lanes(), lane_rects, strict=True):
                was = kept.get(lane_id)
                lane_cards[lane_id] = (
                    was
                    if was is not None
                    else _place_all(lane_id, lane.stack, rect.y, hint, cell_cards)
                )
        else:
            hint = self._hint
            cell_cards = dict(old.cell_cards)
            gone = self._taken_out(changed)
            for (lane_id, lane), rect in zip(self._lanes.items(), lane_rects, strict=True):
                was = self._lane_cards[lane_id]
                work = restacked.get(lane_id)
                if work is not None:
                    slots, columns = work
                    places, laid = was.edited(rect.y)
                    for card_id in gone.get(lane_id, ()):
                        del places[card_id]
                        laid.pop(card_id, None)
                    _place(lane_id, slots, places, laid, hint, collector)
                    lane_cards[lane_id] = LaneCards(lane_id, rect.y, places, laid)
                    self._list_cells(lane_id, lane.stack, columns, cell_cards)
                elif rect.y != was.top:
                    lane_cards[lane_id] = was.moved_to(rect.y)
                else:
                    lane_cards[lane_id] = was
                if rect.y != was.top:
                    collector.shifted_lanes[lane_id] = rect.y - was.top
            for card_id in changed:
                if not self._holds(card_id, hint) and hint.pop(card_id, None) is not None:
                    collector.removed_cards.add(card_id)
            old_cards = CardMap(self._lane_cards, hint)
            lane_changes = partial(
                self._lane_changes, lane_rects, restacked, changed, old, old_cards
            )
        self._lane_cards = lane_cards
        cards = CardMap(lane_cards, hint)
        connectors: Mapping[str, ConnectorLayout] = {} if old is None else old.connectors
        layout = JourneyLayout(
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
        return layout, lane_changes

    def _taken_out(self, changed: set[str]) -> dict[str, list[str]]:
        """Per lane, the changed cards it held in `old` and no longer holds."""
        gone: dict[str, list[str]] = {}
        old = CardMap(self._lane_cards, self._hint)
        for card_id in changed:
            lane = old.lane_of(card_id)
            if lane is not None and card_id not in self._lanes[lane.lane_id].stack.slots:
                gone.setdefault(lane.lane_id, []).append(card_id)
        return gone

    def _lane_of(self, card_id: str) -> str | None:
        """The id of the lane that held the card in the last layout, or None."""
        lane = CardMap(self._lane_cards, self._hint).lane_of(card_id)
        return None if lane is None else lane.lane_id

    def _lane_changes(
        self,
        lane_rects: list[Rect],
        restacked: dict[str, tuple[list[Slot], set[int]]],
        changed: set[str],
        old: JourneyLayout,
        old_cards: CardMap,
    ) -> LaneChanges:
        """How far each lane moved down, the columns whose cards changed in each, and the
        cards placed again."""
        rows = {lane_id: i for i, lane_id in enumerate(self._lanes)}
        shifts = [
            rect.y - old.lanes[old.lane_index[lane_id]].rect.y
            for lane_id, rect in zip(self._lanes, lane_rects, strict=True)
        ]
        cells: dict[int, set[int]] = {}
        replaced: set[str] = set()
        for lane_id, (slots, columns) in restacked.items():
            changed_columns = cells.setdefault(rows[lane_id], set())
            changed_columns.update(columns)
            # Many slots, few distinct column ranges.
            for column, last in {(slot.column, slot.last) for slot in slots}:
                changed_columns.update(range(column, last + 1))
            replaced.update([slot.card.id for slot in slots])
        count = len(self._columns)
        where: set[tuple[str, str, int]] = set()
        for card_id in changed:
            lane = old_cards.lane_of(card_id)
            if lane is not None:
                stage_id, _, span, _, _, _ = lane.places[card_id]
                where.add((lane.lane_id, stage_id, span))
        for lane_id, stage_id, span in where:
            first = self._column_index.get(stage_id)
            if lane_id in rows and first is not None:
                last = first if span <= 1 else min(first + span, count) - 1
                cells.setdefault(rows[lane_id], set()).update(range(first, last + 1))
        replaced.update(changed)
        return LaneChanges(shifts, cells, replaced)

    def _obstacles(self, lane_rects: list[Rect]) -> CardObstacles:
        """The stacked cards, for connector labels to keep clear of."""
        columns = self._columns
        left = self.style.lane_header_width_mm
        right = columns[-1].x + columns[-1].width if columns else left
        top = self._header_height
        bottom = lane_rects[-1].bottom if lane_rects else top
        return CardObstacles(
            [rect.y for rect in lane_rects],
            [rect.bottom for rect in lane_rects],
            [lane.stack for lane in self._lanes.values()],
            [column.x for column in columns],
            [column.x + column.width for column in columns],
            Rect(left, top, right - left, bottom - top),
        )

    def _list_cells(
        self,
        lane_id: str,
        stack: LaneStack,
        columns: set[int],
        cell_cards: dict[tuple[str, str], tuple[str, ...]],
    ) -> None:
        """The slot lists of the lane's cells in `columns` (those whose cards changed)."""
        for column in columns:
            key = (self._columns[column].id, lane_id)
            cell = stack.cells[column]
            if cell:
                cell_cards[key] = tuple(slot.card.id for slot in cell)
            else:
                cell_cards.pop(key, None)

    def _emotion_curves(
        self,
        lanes: tuple[LaneHeader, ...],
        stages: tuple[StageHeader, ...],
    ) -> tuple[EmotionCurve, ...]:
        """The curves of the emotions lanes; a lane's is kept while its scores and row are."""
        curves = []
        for header in lanes:
            scores = self._lanes[header.id].scores
            if scores is None:
                continue
            row = header.row
            cards_height = self._lanes[header.id].stack.content_height
            band = Rect(row.x, row.y + cards_height, row.w, row.h - cards_height)
            tally = scores.tally()
            kept = self._curves.get(header.id)
            if kept is not None and kept[0] == band and kept[1] == tally:
                curve = kept[2]
            else:
                curve = scores.curve(header.id, band, stages, self.style.emotion_padding_mm)
                self._curves[header.id] = (band, tally, curve)
            curves.append(curve)
        return tuple(curves)


def _place_all(
    lane_id: str,
    stack: LaneStack,
    top: float,
    hint: dict[str, str],
    cell_cards: dict[tuple[str, str], tuple[str, ...]],
) -> LaneCards:
    """The places and cell lists of a whole lane, from nothing."""
    places: dict[str, Place] = {}
    for cell in stack.cells:
        if not cell:
            continue
        ids = []
        for slot in cell:
            card, face = slot.card, slot.face
            card_id = card.id
            span = slot.last - slot.column + 1
            places[card_id] = (card.stage, slot.order, span, slot.x, slot.y, face)
            hint[card_id] = lane_id
            ids.append(card_id)
        cell_cards[(cell[0].card.stage, lane_id)] = tuple(ids)
    return LaneCards(lane_id, top, places)


def _place(
    lane_id: str,
    slots: Iterable[Slot],
    places: dict[str, Place],
    laid: dict[str, CardLayout],
    hint: dict[str, str],
    collector: DiffCollector,
) -> None:
    """New places of the `slots` whose place changed, reported to `collector`."""
    placed = []
    for slot in slots:
        card = slot.card
        card_id = card.id
        y, face, order = slot.y, slot.face, slot.order
        span = slot.last - slot.column + 1
        was = places.get(card_id)
        # Most cards an edit re-places only moved down or up: y tells them first.
        if (
            was is not None
            and was[4] == y
            and was[5] is face
            and was[1] == order
            and was[2] == span
            and was[3] == slot.x
            and was[0] == card.stage
        ):
            continue
        places[card_id] = (card.stage, order, span, slot.x, y, face)
        placed.append(card_id)
    if laid:
        for card_id in placed:
            laid.pop(card_id, None)
    hint.update(dict.fromkeys(placed, lane_id))
    collector.cards.update(placed)


_card_id = attrgetter("id")

_T = TypeVar("_T")


def _merged(changes: list[LaneChanges], columns: int, shifts: list[float]) -> LaneChanges:
    """The changes of several updates in a row as one: how far each lane moved in all
    (`shifts`), the cells and cards changed in any.

    Kept label spots were checked against the changes of updates whose routing began
    and was abandoned, so a lane whose neighbour below moved otherwise in any of the
    updates counts as changed in every column: a net move of zero hides that."""
    if len(changes) == 1:
        return changes[0]
    count = len(shifts)
    cells: dict[int, set[int]] = {}
    replaced: set[str] = set()
    every = set(range(columns))
    for one in changes:
        for row, changed in one.cells.items():
            cells.setdefault(row, set()).update(changed)
        replaced |= one.replaced
    for one in changes:
        for row in range(count - 1):
            if one.shifts[row] != one.shifts[row + 1]:
                cells.setdefault(row, set()).update(every)
    return LaneChanges(shifts, cells, replaced)


# How far from where a card was it is looked for before the whole list is read.
_NEARBY = 64


def _near(guess: int, count: int) -> Iterator[int]:
    """Indexes of a list of `count` items, from `guess` outwards, at most _NEARBY away."""
    for distance in range(_NEARBY):
        for index in (guess - distance, guess + distance):
            if 0 <= index < count:
                yield index


def layout_journey(
    journey: JourneyMap, style: LayoutStyle = DEFAULT_STYLE, fonts: FontSet | None = None
) -> JourneyLayout:
    """Lay out a whole map once (exporters); the editor keeps a `LayoutEngine` instead."""
    engine = LayoutEngine(style, fonts)
    engine.update(journey)
    return engine.layout
