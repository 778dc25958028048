"""MapScene: the map's items, filled from the document and kept in step with its signals.

Data flows one way: the document's fine-grained signals mark what changed; when the
document says a push, undo or redo is complete (`changed`), or when someone needs the
current picture (`flush`), the layout engine updates incrementally and the items follow.
Items never change the model.

The layout is the truth; items are a view of it. A scene made for an editor view is
*virtual*: it keeps card and connector items only for the objects near the view (the
live area, see `live_area`), and none at all when so much of the map is in view that an
overview item paints the cards as boxes. So an edit on a big map touches a few hundred
items however many cards move. The selection is a set of ids (off-screen objects stay
selected); items take their selected state when they are made. A scene made without a
view (pictures, tests) keeps an item for every object.

What would make an edit wait is done in slices between frames (a scene with a view):
an edit lays out its cards at once and leaves the connectors to be routed a few
milliseconds per timer tick; opening a big map lays out the lanes in the first view,
paints, and lays out the rest the same way. Until the connectors are routed, those whose
cards moved are hidden (a path drawn to where a card was would mislead). `layout` and
`settle` finish all of that at once, for whatever needs the exact picture;
`card_layout` only what the cards need.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, KeysView
from contextlib import contextmanager

from PySide6.QtCore import QObject, QRectF, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from journeycanvas.canvas.card_item import BOX_ONLY_LOD, CardItem
from journeycanvas.canvas.connector_item import ConnectorItem, ConnectorLayer, connector_near
from journeycanvas.canvas.emotion_curve_item import EmotionCurveItem
from journeycanvas.canvas.grid_item import GridItem
from journeycanvas.canvas.header_items import LaneHeaderItem, StageHeaderItem
from journeycanvas.canvas.live_area import LiveArea
from journeycanvas.canvas.overview_item import OverviewItem
from journeycanvas.canvas.spatial_index import (
    Box,
    ConnectorBoxes,
    card_at,
    cards_in,
    count_estimate,
    meets,
)
from journeycanvas.canvas.text_painter import qt_fonts_for
from journeycanvas.document import Document
from journeycanvas.document.changes import Change, Entity
from journeycanvas.layout import (
    DEFAULT_STYLE,
    ConnectorLayout,
    JourneyLayout,
    LayoutDiff,
    LayoutEngine,
    LayoutStyle,
)
from journeycanvas.layout.collector import collector_paused, defer_full_collections
from journeycanvas.layout.geometry import Rect
from journeycanvas.text import FontSet

_Step = tuple[LayoutDiff | None, bool]
"""A step of layout work: the diff for the items to follow (or None), and whether it was
the last."""

SCENE_MARGIN_MM = 12.0
"""Room around the map, so that it can be scrolled a little past its edges."""
OVERVIEW_CARDS = 2500
"""A live area holding about more cards than this is painted by the overview item."""
PROGRESSIVE_CARDS = 2000
"""A map with more cards than this opens lane by lane (in a scene with a view)."""
RARE_COLLECTIONS_FROM_CARDS = 2000
"""Once a map with at least this many cards is laid out, full garbage collections are made
rare (`defer_full_collections`); below, one takes a few milliseconds."""
FIRST_VIEW_MM = 300.0
"""How far down the lanes laid out before the first frame reach, before the view is known."""
SLICE_MS = 8.0
"""The work done per timer tick while layout work is left (then the event loop runs)."""
FIRST_SLICE_DELAY_MS = 20
"""The pause before the first slice after an edit: time for the edit's frame to paint."""
ROUTED_PER_STEP = 16
"""How many connectors are routed between two looks at the clock."""
PROGRESS_AFTER_S = 0.4
"""Work left for longer than this shows its progress (`layout_progress`)."""


class MapScene(QGraphicsScene):
    """The items of one document's map, with an item-for-id table per kind of object.

    `cards` and `connectors` hold the items that exist (in a virtual scene: those near
    the view); `card_item`, `connector_item` and `item_for` make one on demand. Stages and
    lanes always have their items. `layout_updated` is emitted after the items followed a
    layout update; `selection_changed` when the set of selected ids changed; `settled`
    when the work left for later (see the module) is done; `layout_progress(share)` while
    it has taken long (share done, 0–1; 1.0 once done).
    """

    layout_updated = Signal()
    selection_changed = Signal()
    settled = Signal()
    layout_progress = Signal(float)

    def __init__(
        self,
        document: Document,
        parent: QObject | None = None,
        style: LayoutStyle = DEFAULT_STYLE,
        fonts: FontSet | None = None,
        virtual: bool = False,
    ) -> None:
        super().__init__(parent)
        self._style = style
        self._fonts = fonts
        self._virtual = virtual
        if virtual:
            # A few hundred items near the view: a linear hit test is cheap, and an edit
            # that moves them all costs no index updates.
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._live = LiveArea()
        self._scale = 0.0
        self._overview = False
        self._quiet = 0
        self._selected: dict[str, None] = {}
        self._pinned: set[str] = set()
        self._connector_boxes = ConnectorBoxes()
        self._dimmed: frozenset[str] = frozenset()
        self.engine = LayoutEngine(style, fonts)
        self.qt_fonts = qt_fonts_for(self.engine.fonts)
        self.cards: dict[str, CardItem] = {}
        self.connectors: dict[str, ConnectorItem] = {}
        self.stages: dict[str, StageHeaderItem] = {}
        self.lanes: dict[str, LaneHeaderItem] = {}
        self.curves: dict[str, EmotionCurveItem] = {}
        self.grid: GridItem | None = None
        self._connector_layer = ConnectorLayer()
        self._overview_item = OverviewItem()
        self._add_layers()
        self.selectionChanged.connect(self._qt_selection_changed)
        self._pending_cards: set[str] = set()
        self._pending_structure = False
        self._pending_connectors = False
        self._pending_reset = True
        self._persona_filter: str | None = None
        self._highlighted: frozenset[str] = frozenset()
        # Work left for later: its steps, the timer that runs them, when it began, and
        # the connectors hidden until it is done (their cards moved since routed).
        self._work: Iterator[_Step] | None = None
        self._work_timer = QTimer(self)
        self._work_timer.setSingleShot(True)
        self._work_timer.timeout.connect(self._work_tick)
        self._work_began = 0.0
        self._work_share = 0.0
        self._progress_shown = False
        self._last_share = -1.0
        self._hidden: set[str] = set()
        self._pending_connector_ids: set[str] = set()
        # Per card, the connectors from or to it; per lane, those touching its cards
        # (as last routed).
        self._ends: dict[str, list[str]] = {}
        self._lane_ends: dict[str, set[str]] = {}
        self.document = document
        for signal, slot in self._wiring(document):
            signal.connect(slot)
        self.flush()

    # ------------------------------------------------------------ document

    def _wiring(self, document: Document) -> list[tuple[SignalInstance, Callable[..., None]]]:
        """Each document signal the scene follows, with the slot that takes it."""
        return [
            (document.edited, self._edited),
            (document.reset, self._reset_touched),
            (document.changed, self.flush),
        ]

    @property
    def layout_style(self) -> LayoutStyle:
        """The sizes the map is laid out with."""
        return self._style

    def set_style(self, style: LayoutStyle) -> None:
        """Lay the map out again with other sizes (every item is built anew)."""
        if style != self._style:
            self._style = style
            self._reset_touched()
            self.flush()

    def _edited(self, change: Change) -> None:
        """Note what a document change touched; `flush` lays it out once the edit is done."""
        entity = change.entity
        if entity is Entity.CARD:
            self._pending_cards.update(change.ids)
        elif entity is Entity.CONNECTOR:
            self._pending_connectors = True
            self._pending_connector_ids.update(change.ids)
        elif entity is Entity.MAP:
            self._map_touched()
        else:
            self._pending_structure = True

    def _map_touched(self) -> None:
        journey = self.document.journey
        if self.grid is not None:
            self.grid.set_title(journey.title)
        if journey.locale != self.engine.locale:
            # Figures on the cards are written the map language's way: lay them out anew.
            self._pending_structure = True

    def _reset_touched(self) -> None:
        self._pending_reset = True

    # ------------------------------------------------------------ layout

    @property
    def layout(self) -> JourneyLayout:
        """The current layout, exact: brought up to date first, and the work left for
        later done (see `settle`)."""
        self.settle()
        return self.engine.layout

    @property
    def card_layout(self) -> JourneyLayout:
        """The current layout with every card, stage and lane exact; its connectors may
        be those of before the last edits (use `layout` for exact ones)."""
        self.flush()
        if self.engine.lanes_pending:
            self._finish_work(connectors=False)
        return self.engine.layout

    @property
    def shown_layout(self) -> JourneyLayout:
        """The layout the items show now (lanes may still be coming; for painting)."""
        return self.engine.layout

    @property
    def settled_now(self) -> bool:
        """Whether no work is left for later: the layout is exact."""
        return (
            not self._has_pending()
            and self._work is None
            and not (self.engine.lanes_pending or self.engine.connectors_pending)
        )

    def _has_pending(self) -> bool:
        return bool(
            self._pending_reset
            or self._pending_cards
            or self._pending_structure
            or self._pending_connectors
        )

    def settle(self) -> None:
        """Bring the layout up to date and finish the work left for later now."""
        self.flush()
        if self._work is not None or self.engine.lanes_pending or self.engine.connectors_pending:
            self._finish_work(connectors=True)

    def resume_work(self) -> None:
        """Go on with the work left for later in slices (the view is shown again)."""
        if self._work is None and not self._has_pending():
            self._start_work()

    def stop_work(self) -> None:
        """Stop doing work in slices (the view closes); what is left is done at once
        when the layout is asked for."""
        self._work_timer.stop()
        self._work = None

    def flush(self) -> None:
        """Apply the changes the document reported since the last flush to the items
        (connectors and far lanes may be left for later, see the module)."""
        if not self._has_pending():
            return
        with collector_paused():
            if self._pending_reset:
                self._rebuild()
            else:
                self._update()
        self.layout_updated.emit()

    def _add_layers(self) -> None:
        """Add the connector layer and the overview item (hidden until the view is far)."""
        self.addItem(self._connector_layer)
        self._overview_item.setVisible(self._overview)
        self.addItem(self._overview_item)

    def _update(self) -> None:
        """Lay out again what changed and make the items follow."""
        changed = self._pending_cards
        structure = self._pending_structure
        connector_ids = self._pending_connector_ids
        self._pending_cards, self._pending_structure = set(), False
        self._pending_connectors, self._pending_connector_ids = False, set()
        engine = self.engine
        deferred = self._virtual
        # A new stage, lane or width lays every lane out again: on a big map, those in
        # view first, the others in slices (as when the map opens).
        until = self._lay_out_until() if structure or engine.lanes_pending else None
        diff = engine.update(
            self.document.journey,
            changed,
            structure,
            route_connectors=not deferred,
            lay_out_until=until,
        )
        if deferred:
            self._hide_stale(diff, connector_ids, structure)
        self._apply(diff, engine.layout)
        self._refresh_display(changed if not structure else None)
        if deferred:
            self._start_work()

    def _rebuild(self) -> None:
        """Throw every item away and build them again from a fresh layout."""
        self._pending_reset = self._pending_connectors = False
        self._pending_cards, self._pending_structure = set(), False
        with self._quietly():
            self.clear()
        had_selection = bool(self._selected)
        self._selected.clear()
        self._pinned.clear()
        self.cards.clear()
        self.connectors.clear()
        self.stages.clear()
        self.lanes.clear()
        self.curves.clear()
        self.grid = None
        self._connector_layer = ConnectorLayer()
        self._overview_item = OverviewItem()
        self._add_layers()
        self._connector_boxes.clear()
        self.stop_work()
        self._hidden.clear()
        self._pending_connector_ids.clear()
        self.engine = LayoutEngine(self._style, self._fonts)
        journey = self.document.journey
        until = self._lay_out_until()
        progressive = until is not None
        if progressive:
            diff = self.engine.update(journey, route_connectors=False, lay_out_until=until)
        else:
            diff = self.engine.update(journey)
        self._index_ends(self.engine.layout)
        self._apply(diff, self.engine.layout)
        self._refresh_display(None)
        if had_selection:
            self.selection_changed.emit()
        if progressive:
            self._start_work()
        else:
            self._at_rest()

    def _lay_out_until(self) -> float | None:
        """For a map laid out lane by lane (a big one, in a scene with a view), how far
        down the lanes laid out before the next frame must reach; None: all at once."""
        if not self._virtual or len(self.document.journey.cards) <= PROGRESSIVE_CARDS:
            return None
        live = self._live.box
        return FIRST_VIEW_MM if live is None else max(live[3], 0.0)

    # ------------------------------------------------------------ work left for later

    def _start_work(self) -> None:
        """Begin (again) the work left for later, after a pause for the frame to paint."""
        self._work = None
        engine = self.engine
        if not (engine.lanes_pending or engine.connectors_pending):
            return
        self._work = self._steps()
        if not self._work_timer.isActive() or self._work_began == 0.0:
            self._work_began = time.perf_counter()
        self._work_timer.start(FIRST_SLICE_DELAY_MS)

    def _steps(self) -> Iterator[_Step]:
        """The lanes left, then the connectors: per step, a diff for the items to follow
        (or None), and whether it is the last (the connectors routed). The items follow
        outside the generator: what that sets off may ask for the work to be finished."""
        engine = self.engine
        total = max(1, len(self.document.journey.cards))
        laid = len(engine.layout.cards)
        self._work_share = 0.8 * laid / total
        for diff in engine.lane_steps():
            if diff is not None:
                laid = len(engine.layout.cards)  # a lane laid out in part counts once
                self._work_share = 0.8 * laid / total
            yield diff, False
        self._work_share = 0.8
        connectors = max(1, len(self.document.journey.connectors))
        routing = engine.route_steps(ROUTED_PER_STEP)
        routed = 0
        while True:
            try:
                next(routing)
            except StopIteration as done:
                yield done.value, True
                return
            routed += ROUTED_PER_STEP
            self._work_share = min(0.99, 0.8 + 0.2 * routed / connectors)
            yield None, False

    def _take(self, step: _Step) -> None:
        """Make the items follow a step of the work."""
        diff, last = step
        if last and diff is not None:
            self._settled(diff)
        elif diff is not None:
            self._apply(diff, self.engine.layout)
            self.layout_updated.emit()

    def _run(self, work: Iterator[_Step], until: Callable[[], bool]) -> bool:
        """Do steps of `work` until `until()` says enough; whether it is all done (or
        other work took its place meanwhile)."""
        with collector_paused():
            for step in work:
                self._take(step)
                if self._work is not work:
                    return True
                if until():
                    return False
        self._work = None
        return True

    def _work_tick(self) -> None:
        """Do a slice of the work left (about SLICE_MS), then let the event loop run."""
        if self._has_pending():
            self.flush()  # an edit came first: it starts the work again
            return
        work = self._work
        if work is None:
            return
        deadline = time.perf_counter() + SLICE_MS / 1000
        if not self._run(work, lambda: time.perf_counter() >= deadline):
            self._show_progress()
            self._work_timer.start(0)

    def _finish_work(self, connectors: bool) -> None:
        """Do the work left at once: the lanes, and with `connectors` the routing too."""
        self._work_timer.stop()
        engine = self.engine
        work = self._work if self._work is not None else self._steps()
        self._work = work
        if not self._run(work, lambda: not connectors and not engine.lanes_pending):
            self._work_timer.start(0)

    def _settled(self, diff: LayoutDiff) -> None:
        """The connectors are routed: show them all again."""
        self._work = None
        self._work_began = 0.0
        layout = self.engine.layout
        self._hidden.clear()
        self._index_ends(layout)
        self._apply(diff, layout)
        self._connector_layer.update()
        if self._progress_shown:
            self._progress_shown = False
            self.layout_progress.emit(1.0)
        self.layout_updated.emit()
        self._at_rest()
        self.settled.emit()

    def _at_rest(self) -> None:
        """The layout is complete: tidy the heap now, between edits."""
        # Routing leaves tens of thousands of young objects behind (it ran with the
        # collector paused): look at them now, at the end of that work, rather than in
        # the frame of the next edit, whose first allocations would set the collector off.
        gc.collect(1)
        if len(self.document.journey.cards) >= RARE_COLLECTIONS_FROM_CARDS:
            defer_full_collections()

    def _show_progress(self) -> None:
        if time.perf_counter() - self._work_began >= PROGRESS_AFTER_S:
            share = round(self._work_share, 2)
            if share != self._last_share or not self._progress_shown:
                self._progress_shown = True
                self._last_share = share
                self.layout_progress.emit(share)

    def _index_ends(self, layout: JourneyLayout) -> None:
        """Note which connectors each card and lane has (as routed now)."""
        ends: dict[str, list[str]] = {}
        lanes: dict[str, set[str]] = {}
        cards = layout.cards
        for connector in layout.connectors.values():
            for card_id in (connector.source, connector.target):
                ends.setdefault(card_id, []).append(connector.id)
                card = cards.get(card_id)
                if card is not None:
                    lanes.setdefault(card.lane_id, set()).add(connector.id)
        self._ends, self._lane_ends = ends, lanes

    def _hide_stale(self, diff: LayoutDiff, connector_ids: set[str], structure: bool) -> None:
        """Hide the connectors the update made stale (until routed): those edited, those
        of cards that moved, and those touching lanes that moved."""
        hidden = self._hidden
        if structure:
            hidden.update(self.engine.layout.connectors)
        hidden |= connector_ids
        ends = self._ends
        for card_id in (*diff.cards, *diff.removed_cards):
            hidden.update(ends.get(card_id, ()))
        for lane_id in diff.shifted_lanes:
            hidden |= self._lane_ends.get(lane_id, set())

    def _apply(self, diff: LayoutDiff, layout: JourneyLayout) -> None:
        """Make the items follow the layout."""
        if diff.grid or self.grid is None:
            self._apply_grid(layout)
        self._follow(layout)
        if diff.emotion or diff.grid:
            self._apply_curves(layout)
        if self._overview:
            self._overview_item.update()
            self._connector_layer.update()
        self._forget_removed(diff)

    # ------------------------------------------------------------ live area

    def set_view(self, visible: QRectF, scale: float) -> None:
        """Follow the view: `visible` is the part of the scene it shows, `scale` its
        pixels per millimetre. Items are made and dropped as the live area moves."""
        if not self._virtual:
            return
        box = (visible.left(), visible.top(), visible.right(), visible.bottom())
        moved = self._live.follow(box)
        if not moved and scale == self._scale:
            return
        self._scale = scale
        layout = self.engine.layout
        live = self._live.box
        overview = scale < BOX_ONLY_LOD or (
            live is not None and count_estimate(layout, live) > OVERVIEW_CARDS
        )
        if overview != self._overview:
            self._overview = overview
            self._overview_item.setVisible(overview)
            self._connector_layer.set_overview(overview)
        elif not moved:
            return
        self._follow(layout)

    @property
    def overview(self) -> bool:
        """Whether the cards are painted as boxes by one item (no card items near the view)."""
        return self._overview

    def live_box(self) -> Box | None:
        """The live area (None: the whole map, in a scene without a view)."""
        return self._live.box if self._virtual else None

    def _wanted(self, layout: JourneyLayout) -> tuple[Iterable[str], Iterable[str]]:
        """The cards and connectors that should have items."""
        if not self._virtual:
            return layout.cards.keys(), layout.connectors.keys()
        box = self._live.box
        if box is None or self._overview:
            return (), ()
        connectors = self._connector_boxes.query(layout.connectors, box)
        hidden = self._hidden
        if hidden:
            connectors = [i for i in connectors if i not in hidden]
        return cards_in(layout, box), connectors

    def _keeps(self, object_id: str, box: Box) -> bool:
        """Whether an object whose rectangle is `box` keeps its item."""
        if object_id in self._hidden:
            return False
        if not self._virtual or object_id in self._pinned:
            return True
        live = self._live.box
        return live is not None and not self._overview and meets(box, live)

    def _follow(self, layout: JourneyLayout) -> None:
        """Drop the items of objects gone or out of the live area, move the others to their
        layout, and make items for the objects in the live area that have none. Looks at
        the items that exist and at the live area only, never at every card of the map."""
        cards, connectors = layout.cards, layout.connectors
        with self._quietly():
            for card_id, card_item in list(self.cards.items()):
                card = cards.get(card_id)
                if card is None or not self._keeps(card_id, _box(card.rect)):
                    self._drop_card(card_id)
                elif card is not card_item.layout:
                    card_item.set_layout(card)
            for connector_id, connector_item in list(self.connectors.items()):
                connector = connectors.get(connector_id)
                if connector is None or not self._keeps(
                    connector_id, self._connector_boxes.box_of(connector)
                ):
                    self._drop_connector(connector_id)
                elif connector is not connector_item.layout:
                    connector_item.set_layout(connector)
            wanted_cards, wanted_connectors = self._wanted(layout)
            for card_id in wanted_cards:
                if card_id not in self.cards:
                    self._make_card(card_id)
            for connector_id in wanted_connectors:
                if connector_id not in self.connectors:
                    self._make_connector(connectors[connector_id])

    def _make_card(self, card_id: str) -> CardItem:
        card_item = CardItem(self.engine.layout.cards[card_id], self.qt_fonts)
        card_item.set_display(card_id in self._dimmed, card_id in self._highlighted)
        if card_id in self._selected:
            card_item.setSelected(True)
        self.cards[card_id] = card_item
        with self._quietly():
            self.addItem(card_item)
        return card_item

    def _make_connector(self, connector: ConnectorLayout) -> ConnectorItem:
        connector_item = ConnectorItem(connector, self.qt_fonts)
        if connector.id in self._selected:
            connector_item.setSelected(True)
        self.connectors[connector.id] = connector_item
        with self._quietly():
            self._connector_layer.add(connector_item)
        return connector_item

    def _drop_card(self, card_id: str) -> None:
        self.removeItem(self.cards.pop(card_id))

    def _drop_connector(self, connector_id: str) -> None:
        self._connector_layer.discard(connector_id)
        self.removeItem(self.connectors.pop(connector_id))

    def connectors_near(self, box: Box) -> Iterator[ConnectorLayout]:
        """The connectors around `box`, from the layout (for the overview's drawing)."""
        connectors = self.engine.layout.connectors
        hidden = self._hidden
        for connector_id in self._connector_boxes.query(connectors, box):
            if connector_id not in hidden:
                yield connectors[connector_id]

    def card_item(self, card_id: str) -> CardItem | None:
        """The item of card `card_id`, made now if it is away from the view (it goes again
        when the view moves, unless pinned); None for an unknown card."""
        item = self.cards.get(card_id)
        if item is None and card_id in self.card_layout.cards:
            item = self._make_card(card_id)
        return item

    def connector_item(self, connector_id: str) -> ConnectorItem | None:
        """The item of connector `connector_id`, made now if need be (see `card_item`)."""
        item = self.connectors.get(connector_id)
        if item is None:
            connector = self.layout.connectors.get(connector_id)
            if connector is not None:
                item = self._make_connector(connector)
        return item

    def card_at(self, x: float, y: float) -> CardItem | None:
        """The item of the card under a scene point, made if need be (in the overview)."""
        card_id = card_at(self.shown_layout, x, y)
        return None if card_id is None else self.card_item(card_id)

    def connector_at(self, x: float, y: float, reach: float) -> ConnectorItem | None:
        """The item of the connector whose line passes within `reach` of a scene point,
        made if need be (in the overview, where connectors have no items)."""
        box = (x - reach, y - reach, x + reach, y + reach)
        connector_id = connector_near(self.connectors_near(box), x, y, reach)
        if connector_id is None:
            return None
        # One drawn now, as drawn: a click does not wait for the routing still to do.
        item = self.connectors.get(connector_id)
        return item or self._make_connector(self.engine.layout.connectors[connector_id])

    def pin(self, ids: Iterable[str]) -> None:
        """Keep the items of `ids` (those that exist) until `unpin`, wherever the view goes
        (the cards a drag lifted)."""
        self._pinned.update(ids)

    def unpin(self, ids: Iterable[str]) -> None:
        """Let the items of `ids` go with the live area again."""
        self._pinned.difference_update(ids)

    def _apply_grid(self, layout: JourneyLayout) -> None:
        if self.grid is None:
            self.grid = GridItem(layout, self.qt_fonts)
            self.grid.set_title(self.document.journey.title)
            self.addItem(self.grid)
        else:
            self.grid.set_layout(layout)
        _sync(self, self.stages, {s.id: s for s in layout.stages}, StageHeaderItem, self.qt_fonts)
        _sync(self, self.lanes, {lane.id: lane for lane in layout.lanes}, LaneHeaderItem,
              self.qt_fonts)  # fmt: skip
        margin = SCENE_MARGIN_MM
        area = QRectF(-margin, -margin, layout.width + 2 * margin, layout.height + 2 * margin)
        self.setSceneRect(area)
        self._connector_layer.set_area(area)
        self._overview_item.set_area(area)

    def _apply_curves(self, layout: JourneyLayout) -> None:
        left = layout.style.lane_header_width_mm
        wanted = {curve.lane_id: curve for curve in layout.emotion_curves}
        for lane_id in list(self.curves):
            if lane_id not in wanted:
                self.removeItem(self.curves.pop(lane_id))
        for lane_id, curve in wanted.items():
            item = self.curves.get(lane_id)
            if item is None:
                item = self.curves[lane_id] = EmotionCurveItem(curve, left, layout.width)
                self.addItem(item)
            else:
                item.set_curve(curve, left, layout.width)

    # ------------------------------------------------------------ display state

    def set_persona_filter(self, persona_id: str | None) -> None:
        """Dim the cards that do not concern `persona_id` (None: show every card fully)."""
        self._persona_filter = persona_id
        self._refresh_display(None)

    def set_highlighted(self, card_ids: Iterable[str]) -> None:
        """Mark find matches."""
        self._highlighted = frozenset(card_ids)
        self._refresh_display(None)

    def _refresh_display(self, card_ids: Iterable[str] | None) -> None:
        """Recompute which cards are dimmed (of some cards; None: all of them) and show
        dimming and highlighting on the items that exist."""
        persona = self._persona_filter
        if persona is None:
            self._dimmed = frozenset()
        elif card_ids is None:
            self._dimmed = frozenset(
                card.id for card in self.document.journey.cards if persona not in card.personas
            )
        else:
            dimmed = set(self._dimmed)
            for card_id in card_ids:
                dimmed.discard(card_id)
                try:
                    if persona not in self.document.card(card_id).personas:
                        dimmed.add(card_id)
                except KeyError:  # removed
                    pass
            self._dimmed = frozenset(dimmed)
        for card_id, item in self.cards.items():
            item.set_display(card_id in self._dimmed, card_id in self._highlighted)
        if self._overview:
            self._overview_item.update()

    def highlighted_ids(self) -> frozenset[str]:
        """The cards marked as find matches."""
        return self._highlighted

    def dimmed_ids(self) -> frozenset[str]:
        """The cards dimmed by the persona filter."""
        return self._dimmed

    # ------------------------------------------------------------ selection

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Make, drop and (de)select items without taking Qt's selection signals as the
        user's: the selected ids stay what they are."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _qt_selection_changed(self) -> None:
        """The user (a click, the rubber band) changed the selection of some items."""
        if self._quiet:
            return
        selected = self._selected
        changed = False
        for table in (self.cards, self.connectors, self.stages, self.lanes):
            for object_id, item in table.items():
                if item.isSelected():
                    if object_id not in selected:
                        selected[object_id] = None
                        changed = True
                elif object_id in selected:
                    del selected[object_id]
                    changed = True
        if changed:
            self._selection_touched()

    def _selection_touched(self) -> None:
        if self._overview:
            self._overview_item.update()
        self.selection_changed.emit()

    def selected_ids(self) -> list[str]:
        """Ids of the selected cards, connectors, stages and lanes (with or without items)."""
        return list(self._selected)

    def selection_set(self) -> KeysView[str]:
        """The selected ids, for fast membership tests (read-only)."""
        return self._selected.keys()

    def set_selection(self, ids: Iterable[str]) -> None:
        """Select exactly the objects `ids` (unknown ids are skipped)."""
        ids = list(ids)
        layout = self.card_layout
        if self.engine.connectors_pending and any(
            i not in layout.cards and i not in self.stages and i not in self.lanes for i in ids
        ):
            layout = self.layout  # a connector, maybe added since the last routing
        known = dict.fromkeys(
            i
            for i in ids
            if i in layout.cards or i in layout.connectors or i in self.stages or i in self.lanes
        )
        if known.keys() == self._selected.keys():
            return
        self._selected = known
        with self._quietly():
            for table in (self.cards, self.connectors, self.stages, self.lanes):
                for object_id, item in table.items():
                    wanted = object_id in known
                    if item.isSelected() != wanted:
                        item.setSelected(wanted)
        self._selection_touched()

    def clearSelection(self) -> None:
        """Select nothing, on screen or off it."""
        self.set_selection(())

    def _forget_removed(self, diff: LayoutDiff) -> None:
        """Take objects that are gone out of the selection."""
        selected = self._selected
        if not selected:
            return
        # The map says what is gone: lanes still to be laid out hold cards the layout
        # has not placed yet.
        candidates = selected if diff.grid else (*diff.removed_cards, *diff.removed_connectors)
        gone = [i for i in candidates if i in selected and not self._in_map(i)]
        for object_id in gone:
            selected.pop(object_id, None)
        if gone:
            self._selection_touched()

    def _in_map(self, object_id: str) -> bool:
        """Whether the map holds the card, connector, stage or lane `object_id`."""
        document = self.document
        if document.has_card(object_id) or document.has_connector(object_id):
            return True
        journey = document.journey
        return any(s.id == object_id for s in journey.stages) or any(
            lane.id == object_id for lane in journey.lanes
        )

    # ------------------------------------------------------------ lookups

    def item_for(self, object_id: str) -> QGraphicsItem | None:
        """The item showing the card, connector, stage or lane `object_id` (made now for a
        card or connector away from the view)."""
        for table in (self.stages, self.lanes):
            item = table.get(object_id)
            if item is not None:
                return item
        return self.card_item(object_id) or self.connector_item(object_id)


def _box(rect: Rect) -> Box:
    return rect.x, rect.y, rect.x + rect.w, rect.y + rect.h


def item_id(item: QGraphicsItem) -> str | None:
    """The model id an item shows, or None for items that show no model object."""
    if isinstance(item, CardItem):
        return item.card_id
    if isinstance(item, ConnectorItem):
        return item.connector_id
    if isinstance(item, StageHeaderItem):
        return item.stage_id
    if isinstance(item, LaneHeaderItem):
        return item.lane_id
    return None


def _sync(scene: QGraphicsScene, items: dict, headers: dict, kind: type, fonts: object) -> None:
    """Make `items` hold one header item per entry of `headers`, each following its layout."""
    for object_id in list(items):
        if object_id not in headers:
            scene.removeItem(items.pop(object_id))
    for object_id, header in headers.items():
        item = items.get(object_id)
        if item is None:
            item = items[object_id] = kind(header, fonts)
            scene.addItem(item)
        elif item.header != header:
            item.set_header(header)
