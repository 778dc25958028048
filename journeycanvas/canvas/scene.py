"""MapScene: the map's items, filled from the document and kept in step with its signals.

Data flows one way: the document's fine-grained signals mark what changed; when the
document says a push, undo or redo is complete (`changed`), or when someone needs the
current picture (`flush`), the layout engine updates incrementally and only the items
whose boxes changed are touched. Items never change the model.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QRectF, Signal, SignalInstance
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from journeycanvas.canvas.card_item import CardItem
from journeycanvas.canvas.connector_item import ConnectorItem, ConnectorLayer
from journeycanvas.canvas.emotion_curve_item import EmotionCurveItem
from journeycanvas.canvas.grid_item import GridItem
from journeycanvas.canvas.header_items import LaneHeaderItem, StageHeaderItem
from journeycanvas.canvas.text_painter import qt_fonts_for
from journeycanvas.document import Document
from journeycanvas.document.changes import Change, Entity
from journeycanvas.layout import DEFAULT_STYLE, JourneyLayout, LayoutDiff, LayoutEngine, LayoutStyle
from journeycanvas.text import FontSet

SCENE_MARGIN_MM = 12.0
"""Room around the map, so that it can be scrolled a little past its edges."""


class MapScene(QGraphicsScene):
    """The items of one document's map, with an item-for-id table per kind of object.

    `layout_updated` is emitted after the items followed a layout update.
    """

    layout_updated = Signal()

    def __init__(
        self,
        document: Document,
        parent: QObject | None = None,
        style: LayoutStyle = DEFAULT_STYLE,
        fonts: FontSet | None = None,
    ) -> None:
        super().__init__(parent)
        self._style = style
        self._fonts = fonts
        self.engine = LayoutEngine(style, fonts)
        self.qt_fonts = qt_fonts_for(self.engine.fonts)
        self.cards: dict[str, CardItem] = {}
        self.connectors: dict[str, ConnectorItem] = {}
        self.stages: dict[str, StageHeaderItem] = {}
        self.lanes: dict[str, LaneHeaderItem] = {}
        self.curves: dict[str, EmotionCurveItem] = {}
        self.grid: GridItem | None = None
        self._connector_layer = ConnectorLayer()
        self.addItem(self._connector_layer)
        self._pending_cards: set[str] = set()
        self._pending_structure = False
        self._pending_connectors = False
        self._pending_reset = True
        self._persona_filter: str | None = None
        self._highlighted: frozenset[str] = frozenset()
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
        """The current layout (brought up to date first)."""
        self.flush()
        return self.engine.layout

    def flush(self) -> None:
        """Apply the changes the document reported since the last flush to the items."""
        pending = self._pending_cards or self._pending_structure or self._pending_connectors
        if not (self._pending_reset or pending):
            return
        with _collector_paused():
            if self._pending_reset:
                self._rebuild()
            else:
                self._update()
        self.layout_updated.emit()

    def _update(self) -> None:
        """Lay out again what changed and touch the items whose boxes changed."""
        changed = self._pending_cards
        structure = self._pending_structure
        self._pending_cards, self._pending_structure = set(), False
        self._pending_connectors = False
        diff = self.engine.update(self.document.journey, changed, structure)
        self._apply(diff, self.engine.layout)
        self._refresh_display(changed if not structure else None)

    def _rebuild(self) -> None:
        """Throw every item away and build them again from a fresh layout."""
        self._pending_reset = self._pending_connectors = False
        self._pending_cards, self._pending_structure = set(), False
        self.clear()
        self.cards.clear()
        self.connectors.clear()
        self.stages.clear()
        self.lanes.clear()
        self.curves.clear()
        self.grid = None
        self._connector_layer = ConnectorLayer()
        self.addItem(self._connector_layer)
        self.engine = LayoutEngine(self._style, self._fonts)
        diff = self.engine.update(self.document.journey)
        self._apply(diff, self.engine.layout)
        self._refresh_display(None)

    def _apply(self, diff: LayoutDiff, layout: JourneyLayout) -> None:
        """Touch exactly the items the diff names."""
        for card_id in diff.removed_cards:
            card_item = self.cards.pop(card_id, None)
            if card_item is not None:
                self.removeItem(card_item)
        for connector_id in diff.removed_connectors:
            connector_item = self.connectors.pop(connector_id, None)
            if connector_item is not None:
                self._connector_layer.discard(connector_id)
                self.removeItem(connector_item)
        fonts = self.qt_fonts
        cards = self.cards
        add = self.addItem
        for card_id in diff.cards:
            card = layout.cards[card_id]
            card_item = cards.get(card_id)
            if card_item is None:
                card_item = cards[card_id] = CardItem(card, fonts)
                add(card_item)
            else:
                card_item.set_layout(card)
        # Cards of a lane that moved as a whole are not named one by one in the diff.
        shifted = diff.shifted_lanes
        if shifted:
            for card_id, card_item in cards.items():
                if card_item.layout.lane_id in shifted and card_id not in diff.cards:
                    card_item.set_layout(layout.cards[card_id])
        for connector_id in diff.connectors:
            connector = layout.connectors[connector_id]
            connector_item = self.connectors.get(connector_id)
            if connector_item is None:
                connector_item = self.connectors[connector_id] = ConnectorItem(connector, fonts)
                self._connector_layer.add(connector_item)
            else:
                connector_item.set_layout(connector)
        if diff.grid or self.grid is None:
            self._apply_grid(layout)
        if diff.emotion or diff.grid:
            self._apply_curves(layout)

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
        """Recompute dimming and highlighting of some cards (None: all of them)."""
        persona = self._persona_filter
        highlighted = self._highlighted
        if persona is None and not highlighted and card_ids is None:
            for item in self.cards.values():
                if item.dimmed or item.highlighted:
                    item.set_display(False, False)
            return
        wanted = None if card_ids is None else set(card_ids)
        for card in self.document.journey.cards:
            if wanted is not None and card.id not in wanted:
                continue
            card_item = self.cards.get(card.id)
            if card_item is not None:
                dimmed = persona is not None and persona not in card.personas
                card_item.set_display(dimmed, card.id in highlighted)

    # ------------------------------------------------------------ lookups

    def selected_ids(self) -> list[str]:
        """Ids of the selected cards, connectors, stages and lanes."""
        ids = []
        for item in self.selectedItems():
            object_id = item_id(item)
            if object_id is not None:
                ids.append(object_id)
        return ids

    def item_for(self, object_id: str) -> QGraphicsItem | None:
        """The item showing the card, connector, stage or lane `object_id`."""
        for table in (self.cards, self.connectors, self.stages, self.lanes):
            item = table.get(object_id)
            if item is not None:
                return item
        return None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while thousands of items are made.

    Each item is a small Python object; left on, the collector would rescan the whole
    heap (the map, its layout, the items) many times while a big map opens.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
