"""MapEditorView: the canvas the main window shows (contract: notes/CANVAS_API.md).

The view owns the scene of the document's map, routes mouse gestures to interaction
objects (card_drag, header_drag, edge_resize, connect_drag, palette_drop), edits text in
place (inline_editor), and offers the edit actions the main window's menus trigger. Every
change is a command pushed on ``document.undo_stack``; the scene follows the document.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView, QWidget

from journeycanvas.canvas import structure_edits
from journeycanvas.canvas.accessible import announce
from journeycanvas.canvas.card_drag import CardDrag
from journeycanvas.canvas.card_item import CardItem
from journeycanvas.canvas.connect_drag import ConnectDrag
from journeycanvas.canvas.connector_item import ConnectorItem
from journeycanvas.canvas.context_menu import prepare_request
from journeycanvas.canvas.density import density_style
from journeycanvas.canvas.edge_resize import CardSpanResize, LaneResize, StageResize
from journeycanvas.canvas.gesture import Gesture
from journeycanvas.canvas.header_drag import HeaderDrag
from journeycanvas.canvas.header_items import LaneHeaderItem, StageHeaderItem
from journeycanvas.canvas.inline_editor import InlineEditor
from journeycanvas.canvas.keyboard_nav import (
    Direction,
    first_card,
    move_target,
    neighbour_card,
    walk_cells,
)
from journeycanvas.canvas.palette_drop import PaletteDrop, start_drop
from journeycanvas.canvas.persona_drop import dropped_persona, tag_with_persona
from journeycanvas.canvas.picture_drop import carries_picture, drop_picture, set_picture_from_mime
from journeycanvas.canvas.pinned_headers import PinnedHeaders
from journeycanvas.canvas.scene import MapScene
from journeycanvas.canvas.slots import drop_slot
from journeycanvas.canvas.spatial_index import cards_in
from journeycanvas.canvas.units import PIXELS_PER_MM
from journeycanvas.document import Document, multi_edit
from journeycanvas.document.clipboard import mime_data_for, payload_from_mime
from journeycanvas.document.commands import (
    DuplicateCardsCommand,
    MoveCardsCommand,
    PasteCardsCommand,
    RemoveCardsCommand,
)
from journeycanvas.layout.geometry import Rect

MIN_ZOOM = 0.05
MAX_ZOOM = 8.0
ZOOM_STEP = 1.25
OPEN_ZOOM_MIN = 0.7
"""A newly opened map is never shown smaller than this: card text still reads well."""
OPEN_ZOOM_MAX = 1.0
_FRAME_MM = 4.0
"""Background left around the map when it is framed."""
_BACKGROUND = QColor("#e8ecef")
_EDGE_PX = 24
"""Dragging within this many pixels of the viewport's edge scrolls the map."""
_CONNECTOR_REACH_PX = 4
"""How near a click in the overview must be to a connector's line to select it."""
_ARROWS = {
    Qt.Key.Key_Up: Direction.UP,
    Qt.Key.Key_Down: Direction.DOWN,
    Qt.Key.Key_Left: Direction.LEFT,
    Qt.Key.Key_Right: Direction.RIGHT,
}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
_CELL_PEN = QPen(QColor("#1565c0"), 0.5, Qt.PenStyle.DashLine)


def _inside(rect: Rect, area: QRectF) -> bool:
    """Whether a card's rectangle meets the rubber band's area."""
    return area.intersects(QRectF(rect.x, rect.y, rect.w, rect.h))


class MapEditorView(QGraphicsView):
    """The journey-map editor: shows the document's map and edits it with mouse and keys.

    Signals: `selection_changed(ids)` with the selected cards, connectors, stages and
    lanes; `zoom_changed(factor)`, 1.0 being 100 %; `context_menu_requested(request)`, a
    ContextRequest, once what is under the pointer is selected (the main window shows the
    menu). The view binds no shortcut of its own: the main window's action table calls its
    operations (delete_selection, duplicate_selection, zoom_in …).
    """

    selection_changed = Signal(list)
    zoom_changed = Signal(float)
    context_menu_requested = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.map_scene = MapScene(document, self, virtual=True)
        self.setScene(self.map_scene)
        self.editor = InlineEditor(self)
        self.pinned_headers = PinnedHeaders(self)
        self._gesture: Gesture | None = None
        self._drop: PaletteDrop | None = None
        self._pan_from: QPoint | None = None
        self._space_held = False
        self._zoom = 1.0
        self._batch = 0
        self._selection_dirty = False
        self._last_selection: list[str] = []
        self._last_cell: tuple[str, str] | None = None
        self._holding_view = 0
        self._band_base: list[str] = []
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setBackgroundBrush(_BACKGROUND)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setTransform(QTransform.fromScale(PIXELS_PER_MM, PIXELS_PER_MM))
        self.setAccessibleName(self.tr("Journey map"))
        self.map_scene.selection_changed.connect(self._scene_selection_changed)
        self.map_scene.layout_updated.connect(self.editor.reposition)
        self.map_scene.layout_updated.connect(self.pinned_headers.reposition)
        self.rubberBandChanged.connect(self._band_changed)
        document.selection_requested.connect(self.select_ids)
        document.reset.connect(self._document_reset)
        self._follow_view()

    def _document_reset(self) -> None:
        self._cancel_gesture()
        self.editor.abandon()
        self._last_cell = None

    # ------------------------------------------------------------ selection

    @contextmanager
    def selection_batch(self) -> Iterator[None]:
        """Change the selection item by item inside; `selection_changed` is emitted once."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if self._batch == 0 and self._selection_dirty:
                self._emit_selection()

    def _scene_selection_changed(self) -> None:
        if self._batch:
            self._selection_dirty = True
        else:
            self._emit_selection()

    def _emit_selection(self) -> None:
        self._selection_dirty = False
        ids = self.map_scene.selected_ids()
        if set(ids) != set(self._last_selection):
            self._last_selection = ids
            announce(self, self.document, ids)
            self.selection_changed.emit(list(ids))

    def selected_ids(self) -> list[str]:
        """Ids of the selected cards, connectors, stages and lanes."""
        return self.map_scene.selected_ids()

    def select_ids(self, ids: list[str]) -> None:
        """Select exactly the objects `ids` (unknown ids are skipped), on screen or off."""
        self.map_scene.set_selection(ids)

    def select_all(self) -> None:
        """Select every card, on screen or off."""
        self.map_scene.set_selection(self.map_scene.card_layout.cards)

    def selected_card_ids(self) -> list[str]:
        """Selected card ids in reading order (stage, lane, slot)."""
        layout = self.map_scene.card_layout
        cards = [layout.cards[i] for i in self.selected_ids() if i in layout.cards]
        cards.sort(key=lambda c: (layout.stage_index[c.stage_id], layout.lane_index[c.lane_id],
                                  c.order))  # fmt: skip
        return [card.id for card in cards]

    # ------------------------------------------------------------ navigation

    def zoom(self) -> float:
        """The zoom factor, 1.0 = 100 %."""
        return self._zoom

    def pixels_per_mm(self) -> float:
        """Screen pixels per millimetre of the map at the current zoom."""
        return self._zoom * PIXELS_PER_MM

    def set_zoom(self, zoom: float) -> None:
        """Zoom to `zoom` (clamped), around the pointer when it is over the view.

        The smallest zoom is 5 %, or less on a map that only fits in view below that."""
        zoom = max(min(MIN_ZOOM, self._fit_zoom()), min(MAX_ZOOM, zoom))
        if abs(zoom - self._zoom) < 1e-9:
            return
        self._zoom = zoom
        scale = zoom * PIXELS_PER_MM
        with self._view_held():
            self.setTransform(QTransform.fromScale(scale, scale))
        self._follow_view()
        self.editor.reposition()
        self.pinned_headers.reposition()
        self.zoom_changed.emit(zoom)

    def _zoom_centered(self, zoom: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.set_zoom(zoom)
        self.setTransformationAnchor(anchor)

    def zoom_in(self) -> None:
        """Zoom in one step."""
        self._zoom_centered(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step."""
        self._zoom_centered(self._zoom / ZOOM_STEP)

    def zoom_reset(self) -> None:
        """Back to 100 %."""
        self._zoom_centered(1.0)

    def frame_map(self) -> None:
        """Show a newly opened map from its top-left corner, at a zoom where card text reads
        well: its whole height when that fits between 70 % and 100 %, else 100 % (a short
        map) or 70 % (a tall one, scrolled from the top)."""
        layout = self.map_scene.card_layout
        height_px = (layout.height + 2 * _FRAME_MM) * PIXELS_PER_MM
        fit = math.floor(20 * self.viewport().height() / height_px) / 20  # whole 5 % steps
        self._zoom_centered(min(OPEN_ZOOM_MAX, max(OPEN_ZOOM_MIN, fit)))
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.centerOn(visible.width() / 2 - _FRAME_MM, visible.height() / 2 - _FRAME_MM)

    def _map_area(self) -> QRectF:
        """The map with the background framed around it, in millimetres."""
        layout = self.map_scene.card_layout
        return QRectF(0, 0, layout.width, layout.height).adjusted(
            -_FRAME_MM, -_FRAME_MM, _FRAME_MM, _FRAME_MM
        )

    def _fit_zoom(self) -> float:
        """The zoom at which the whole map fits in the viewport."""
        area = self._map_area()
        viewport = self.viewport().size()
        fit = min(viewport.width() / area.width(), viewport.height() / area.height())
        return fit / PIXELS_PER_MM if fit > 0 else MIN_ZOOM

    def zoom_to_fit(self) -> None:
        """Show the whole map, however big (below 5 % if it takes that)."""
        self._zoom_centered(self._fit_zoom())
        self.centerOn(self._map_area().center())

    def center_on(self, item_id: str) -> None:
        """Scroll so that the card, connector, stage or lane `item_id` is in the middle."""
        self.map_scene.flush()
        item = self.map_scene.item_for(item_id)
        if item is not None:
            self.centerOn(item.sceneBoundingRect().center())

    def scroll_to_card(self, card_id: str) -> None:
        """Scroll the least that shows the card `card_id` (its item is then made)."""
        card = self.map_scene.card_layout.cards.get(card_id)
        if card is not None:
            rect = card.rect
            self.ensureVisible(QRectF(rect.x, rect.y, rect.w, rect.h), 40, 40)

    def _follow_view(self) -> None:
        """Tell the scene which part of it is in view (it keeps items near there)."""
        if not self._holding_view:
            visible = self.mapToScene(self.viewport().rect()).boundingRect()
            self.map_scene.set_view(visible, self.transform().m11())

    @contextmanager
    def _view_held(self) -> Iterator[None]:
        """Tell the scene nothing while the view goes through in-between positions."""
        self._holding_view += 1
        try:
            yield
        finally:
            self._holding_view -= 1

    # ------------------------------------------------------------ display

    def set_grid_density(self, density: str) -> None:
        """Lay the map out with the spacing of `density` ("compact", "normal" or "roomy"):
        less or more room around and inside the cards. The selection stays, and so does
        the part of the map in view. ValueError for another name."""
        style = density_style(density)
        scene = self.map_scene
        if style == scene.layout_style:
            return
        self.finish_editing()
        self._cancel_gesture()
        selected = self.selected_ids()
        old = scene.card_layout
        corner = self.mapToScene(0, 0)
        fraction = QPointF(corner.x() / old.width, corner.y() / old.height)
        scene.set_style(style)
        self.select_ids(selected)
        new = scene.card_layout
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.centerOn(
            fraction.x() * new.width + visible.width() / 2,
            fraction.y() * new.height + visible.height() / 2,
        )

    def set_persona_filter(self, persona_id: str | None) -> None:
        """Dim the cards that do not concern `persona_id` (None: no filter)."""
        self.map_scene.set_persona_filter(persona_id)

    def set_highlighted(self, card_ids: list[str]) -> None:
        """Mark the cards found by a search."""
        self.map_scene.set_highlighted(card_ids)

    # ------------------------------------------------------------ edit actions

    def delete_selection(self) -> None:
        """Delete the selected cards and connectors; or the selected stages and lanes, with
        their cards, after asking."""
        self.editor.finish(commit=True)
        scene = self.map_scene
        ids = self.selected_ids()
        stages = [i for i in ids if i in scene.stages]
        lanes = [i for i in ids if i in scene.lanes]
        if stages or lanes:
            if structure_edits.confirm_delete(self, stages, lanes):
                structure_edits.delete_stages_and_lanes(self, stages, lanes)
            return
        cards = [i for i in ids if self.document.has_card(i)]
        connectors = [i for i in ids if self.document.has_connector(i)]
        if cards or connectors:
            self.document.push(RemoveCardsCommand(self.document, cards, connectors))

    def copy(self) -> None:
        """Put the selected cards on the clipboard (JSON for JourneyCanvas, text for others)."""
        cards = self.selected_card_ids()
        if cards:
            QApplication.clipboard().setMimeData(mime_data_for(self.document.journey, cards))

    def cut(self) -> None:
        """Copy the selected cards, then delete them (one undo step)."""
        cards = self.selected_card_ids()
        if not cards:
            return
        self.copy()
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Cut"))
        self.document.push(RemoveCardsCommand(self.document, cards))
        stack.endMacro()

    def can_paste(self) -> bool:
        """Whether the clipboard holds cards or text to paste."""
        mime = QApplication.clipboard().mimeData()
        if self._picture_paste(mime):
            return True
        return mime is not None and (payload_from_mime(mime) is not None or mime.hasText())

    def _picture_paste(self, mime: QMimeData | None) -> bool:
        """Whether pasting `mime` sets the picture of the one selected card."""
        return (
            len(self.selected_card_ids()) == 1
            and carries_picture(mime)
            and payload_from_mime(mime) is None
        )

    def remember_cell(self, stage_id: str, lane_id: str) -> None:
        """Remember the cell last clicked (or walked to with Tab): paste and N go there when
        no card is selected."""
        self._last_cell = (stage_id, lane_id)
        self.viewport().update()

    def has_last_cell(self) -> bool:
        """Whether there is a current cell: a selected card's, or one clicked or walked to."""
        return self.current_cell() is not None

    def current_cell(self) -> tuple[str, str] | None:
        """The cell the keyboard works in: the selected card's, else the one last clicked
        or walked to with Tab (if it still exists)."""
        layout = self.map_scene.card_layout
        cards = self.selected_card_ids()
        if cards:
            card = layout.cards[cards[-1]]
            return card.stage_id, card.lane_id
        cell = self._last_cell
        if cell is not None and cell[0] in layout.stage_index and cell[1] in layout.lane_index:
            return cell
        return None

    def add_card_in_last_cell(self) -> None:
        """Start a new card in the current cell (after the selected card, else at the end)
        and type its text."""
        cell = self.current_cell()
        if cell is None:
            return
        layout = self.map_scene.card_layout
        cards = self.selected_card_ids()
        order = layout.cards[cards[-1]].order + 1 if cards else len(layout.cell_cards.get(cell, ()))
        self.select_ids([])
        self.remember_cell(*cell)
        self.editor.new_card(*cell, order)

    def select_neighbour(self, direction: Direction) -> None:
        """Select the card an arrow key leads to (from the selected card; with none
        selected, the first card of the current cell or of the map)."""
        layout = self.map_scene.card_layout
        cards = self.selected_card_ids()
        if cards:
            target = neighbour_card(layout, cards[-1], direction)
        else:
            cell = self.current_cell()
            in_cell = layout.cell_cards.get(cell, ()) if cell is not None else ()
            target = in_cell[0] if in_cell else first_card(layout)
        if target is not None:
            self.select_ids([target])
            self.scroll_to_card(target)

    def move_selected_cards(self, direction: Direction) -> None:
        """Move the selected cards one slot up or down, or one cell over (one undo step)."""
        layout = self.map_scene.card_layout
        cards = self.selected_card_ids()
        groups: dict[tuple[str, str], list[str]] = {}
        for card_id in cards:
            card = layout.cards[card_id]
            groups.setdefault((card.stage_id, card.lane_id), []).append(card_id)
        commands = []
        for moving in groups.values():
            target = move_target(layout, moving, direction)
            if target is not None:
                commands.append(
                    MoveCardsCommand(
                        self.document, moving, *target, selection_before=cards,
                        selection_after=cards,
                    )
                )  # fmt: skip
        if not commands:
            return
        text = (
            commands[0].text() if len(commands) == 1 else self.tr("Move %n cards", None, len(cards))
        )
        multi_edit.push_as_one_step(self.document, text, commands)
        self.scroll_to_card(cards[0])

    def walk_cells(self, backwards: bool = False) -> None:
        """Tab: go to the next cell (Shift+Tab: the previous one) and select its first card."""
        cell = walk_cells(self.map_scene.card_layout, self.current_cell(), backwards)
        if cell is None:
            return
        self.remember_cell(*cell)
        cards = self.map_scene.card_layout.cell_cards.get(cell, ())
        self.select_ids(list(cards[:1]))
        rect = self.map_scene.card_layout.cell(*cell).rect
        self.ensureVisible(QRectF(rect.x, rect.y, rect.w, rect.h), 40, 40)

    def _paste_target(self) -> tuple[str, str, int] | None:
        layout = self.map_scene.card_layout
        cards = self.selected_card_ids()
        if cards:
            card = layout.cards[cards[-1]]
            return card.stage_id, card.lane_id, card.order + 1
        cell = self._last_cell
        if cell is None or cell[0] not in layout.stage_index or cell[1] not in layout.lane_index:
            if not layout.stages or not layout.lanes:
                return None
            cell = (layout.stages[0].id, layout.lanes[0].id)
        return cell[0], cell[1], len(layout.cell_cards.get(cell, ()))

    def paste(self) -> None:
        """Paste cards from the clipboard after the selected card, or into the last clicked
        cell; plain text from other programs becomes one card per line. A picture on the
        clipboard goes on the one selected card."""
        mime = QApplication.clipboard().mimeData()
        if mime is not None and self._picture_paste(mime):
            set_picture_from_mime(self, self.selected_card_ids()[0], mime)
            return
        target = self._paste_target()
        if target is None or mime is None:
            return
        stage_id, lane_id, order = target
        payload = payload_from_mime(mime)
        assets = {} if payload is None else payload.assets
        if payload is not None:
            cards, connectors = payload.cards, payload.connectors
        elif mime.hasText():
            lines = [line.strip() for line in mime.text().splitlines() if line.strip()]
            cards = [self.document.new_card(stage_id, lane_id, 0, text=line) for line in lines]
            connectors = []
        else:
            return
        if cards:
            self.document.push(
                PasteCardsCommand(
                    self.document, cards, connectors, stage_id, lane_id, order, assets=assets,
                    selection_before=self.selected_ids(),
                )
            )  # fmt: skip

    def duplicate_selection(self) -> None:
        """Put a copy of each selected card right after it."""
        cards = self.selected_card_ids()
        if cards:
            self.document.push(DuplicateCardsCommand(self.document, cards))

    def edit_selected_text(self) -> None:
        """Edit the text of the selected card (or rename the selected stage or lane)."""
        scene = self.map_scene
        cards = self.selected_card_ids()
        if cards:
            self.editor.edit_card(cards[0])
            return
        for object_id in self.selected_ids():
            if object_id in scene.stages:
                self.editor.edit_stage(object_id)
                return
            if object_id in scene.lanes:
                self.editor.edit_lane(object_id)
                return
            if self.document.has_connector(object_id):
                self.editor.edit_connector(object_id)
                return

    def commit_pending_text(self) -> None:
        """Put the text being typed in place into the map, leaving the text box open (the
        main window's autosave calls this); the typing that follows stays in the same undo
        step."""
        self.editor.commit_pending()

    def finish_editing(self) -> None:
        """Close the text box being typed in, keeping its text (before saving, closing or
        replacing the map)."""
        self.editor.finish(commit=True)

    def _first_selected(self, objects: list[str]) -> int | None:
        selected = set(self.selected_ids())
        return next((i for i, object_id in enumerate(objects) if object_id in selected), None)

    def selected_stage_id(self) -> str | None:
        """The first selected stage, if any."""
        stages = [s.id for s in self.document.journey.stages]
        index = self._first_selected(stages)
        return None if index is None else stages[index]

    def selected_lane_id(self) -> str | None:
        """The first selected lane, if any."""
        lanes = [lane.id for lane in self.document.journey.lanes]
        index = self._first_selected(lanes)
        return None if index is None else lanes[index]

    def add_stage(self, before: bool = False) -> None:
        """Add a stage after the selected one (or at the end; `before`: before the first
        selected one) and rename it in place."""
        index = self._first_selected([s.id for s in self.document.journey.stages])
        structure_edits.add_stage(self, index if before else None)

    def add_lane(self, above: bool = False) -> None:
        """Add a lane below the selected one (or at the bottom; `above`: above the first
        selected one) and rename it in place."""
        index = self._first_selected([lane.id for lane in self.document.journey.lanes])
        structure_edits.add_lane(self, index if above else None)

    def recolour_selected_stage(self) -> None:
        """Let the user pick the colour of the selected stage (one undo step)."""
        stage_id = self.selected_stage_id()
        if stage_id is not None:
            structure_edits.recolour_stage(self, stage_id)

    # ------------------------------------------------------------ hit tests

    def _item_at(self, pos: QPoint) -> QGraphicsItem | None:
        """The topmost card, connector or header drawn under a viewport point (in the
        overview, where cards have no items, the card's item is made). A connector still
        being routed is not drawn, so it is not hit: the click never waits for routing."""
        for item in self.items(pos):
            if isinstance(item, CardItem | ConnectorItem | StageHeaderItem | LaneHeaderItem):
                return item
        if self.map_scene.overview:
            at = self.mapToScene(pos)
            reach = _CONNECTOR_REACH_PX / self.transform().m11()
            card = self.map_scene.card_at(at.x(), at.y())
            return card or self.map_scene.connector_at(at.x(), at.y(), reach)
        return None

    def card_at_scene(self, scene_pos: QPointF) -> CardItem | None:
        """The card under a scene point (for gestures)."""
        for item in self.map_scene.items(scene_pos):
            if isinstance(item, CardItem):
                return item
        if self.map_scene.overview:
            return self.map_scene.card_at(scene_pos.x(), scene_pos.y())
        return None

    def far_enough(self, start: QPointF, now: QPointF) -> bool:
        """Whether the pointer moved far enough from `start` on screen to begin a drag."""
        moved = self.mapFromScene(now) - self.mapFromScene(start)
        return moved.manhattanLength() >= QApplication.startDragDistance()

    # ------------------------------------------------------------ mouse

    def _gesture_for(
        self, item: QGraphicsItem | None, scene_pos: QPointF, toggle: bool, extend: bool
    ) -> Gesture | None:
        if isinstance(item, CardItem):
            local = item.mapFromScene(scene_pos)
            if item.on_handle(local):
                return ConnectDrag(self, scene_pos, item)
            if item.on_right_edge(local) and not (toggle or extend):
                self.select_ids([item.card_id])
                return CardSpanResize(self, scene_pos, item)
            return CardDrag(self, scene_pos, item, toggle, extend)
        if isinstance(item, StageHeaderItem):
            if item.on_resize_edge(item.mapFromScene(scene_pos)):
                return StageResize(self, scene_pos, item)
            return HeaderDrag(self, scene_pos, item)
        if isinstance(item, LaneHeaderItem):
            if item.on_resize_edge(item.mapFromScene(scene_pos)):
                return LaneResize(self, scene_pos, item)
            return HeaderDrag(self, scene_pos, item)
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start panning, a gesture on a card or header, or a rubber band."""
        self.editor.finish(commit=True)
        pos = event.position().toPoint()
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_held
        ):
            self._pan_from = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton and self._gesture is None:
            scene_pos = self.mapToScene(pos)
            modifiers = event.modifiers()
            toggle = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            extend = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            item = self._item_at(pos)
            cell = self.map_scene.shown_layout.cell_at(scene_pos.x(), scene_pos.y())
            if cell is not None:
                self.remember_cell(*cell)
            gesture = self._gesture_for(item, scene_pos, toggle, extend)
            if gesture is not None:
                self._gesture = gesture
                event.accept()
                return
            if isinstance(item, ConnectorItem) and self.map_scene.overview:
                # From far away a line is thinner than Qt's hit test: select it here.
                if not (toggle or extend):
                    self.map_scene.clearSelection()
                item.setSelected(not item.isSelected() if toggle else True)
                event.accept()
                return
            # Qt clears the selection of the items it has; off-screen objects go too.
            self._band_base = self.selected_ids() if toggle else []
            if not toggle:
                self.map_scene.clearSelection()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Pan, or feed the gesture in progress."""
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._gesture is not None:
            self._scroll_near_edge(pos)
            self._gesture.move(self.mapToScene(pos))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def _scroll_near_edge(self, pos: QPoint) -> None:
        """While dragging near the viewport's edge, scroll the map that way."""
        rect = self.viewport().rect()
        dx = dy = 0
        if pos.x() < _EDGE_PX:
            dx = -(_EDGE_PX - pos.x())
        elif pos.x() > rect.right() - _EDGE_PX:
            dx = pos.x() - (rect.right() - _EDGE_PX)
        if pos.y() < _EDGE_PX:
            dy = -(_EDGE_PX - pos.y())
        elif pos.y() > rect.bottom() - _EDGE_PX:
            dy = pos.y() - (rect.bottom() - _EDGE_PX)
        if dx:
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        if dy:
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """End panning or finish the gesture (which pushes its one command)."""
        if self._pan_from is not None and event.button() in (
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.LeftButton,
        ):
            self._pan_from = None
            if self._space_held:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        if self._gesture is not None and event.button() == Qt.MouseButton.LeftButton:
            gesture, self._gesture = self._gesture, None
            gesture.release(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Edit what was double-clicked in place; on an empty spot of a cell, add a card."""
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        self._cancel_gesture()
        pos = event.position().toPoint()
        item = self._item_at(pos)
        if isinstance(item, CardItem):
            self.select_ids([item.card_id])
            self.editor.edit_card(item.card_id)
        elif isinstance(item, StageHeaderItem):
            self.editor.edit_stage(item.stage_id)
        elif isinstance(item, LaneHeaderItem):
            self.editor.edit_lane(item.lane_id)
        elif isinstance(item, ConnectorItem):
            self.editor.edit_connector(item.connector_id)
        else:
            scene_pos = self.mapToScene(pos)
            slot = drop_slot(self.map_scene.card_layout, scene_pos.x(), scene_pos.y())
            if slot is not None:
                self.select_ids([])
                self.editor.new_card(slot.stage_id, slot.lane_id, slot.order)
        event.accept()

    def _cancel_gesture(self) -> None:
        if self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.cancel()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms around the pointer; the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self._zoom * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The menu for the card, connector, header or cell under the pointer."""
        self._cancel_gesture()
        self.editor.finish(commit=True)
        item = self._item_at(event.pos())
        request = prepare_request(self, item, self.mapToScene(event.pos()), event.globalPos())
        self.context_menu_requested.emit(request)

    def _band_changed(self, band: QRect, start: QPointF, end: QPointF) -> None:
        """In the overview cards have no items for Qt's rubber band to select: select the
        cards inside the band from the layout."""
        if band.isNull() or not self.map_scene.overview:
            return
        area = QRectF(start, end).normalized()
        box = (area.left(), area.top(), area.right(), area.bottom())
        inside = [
            card_id
            for card_id in cards_in(self.map_scene.card_layout, box)
            if _inside(self.map_scene.card_layout.cards[card_id].rect, area)
        ]
        self.map_scene.set_selection([*self._band_base, *inside])

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Scroll, keeping the text box over the object it edits and the pinned headers
        in place; the scene makes the items that come into view."""
        super().scrollContentsBy(dx, dy)
        self._follow_view()
        self.editor.reposition()
        self.pinned_headers.reposition()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the pinned headers fitted to the viewport."""
        super().resizeEvent(event)
        self._follow_view()
        self.pinned_headers.reposition()

    def showEvent(self, event: QShowEvent) -> None:
        """Let the scene make the items of the first view, and go on with layout work
        left for later."""
        super().showEvent(event)
        self._follow_view()
        self.map_scene.resume_work()

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop layout work in slices while unseen (what is needed is done when asked)."""
        super().hideEvent(event)
        self.map_scene.stop_work()

    # ------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The canvas's own keys (canvas/keys.py lists them): Esc cancels a drag or clears
        the selection, Space held pans, Enter edits the selected text, the arrow keys go to
        the neighbouring card. Commands such as Delete, Ctrl+D or Alt+arrows are the main
        window's actions, not handled here."""
        key = event.key()
        direction = _ARROWS.get(Qt.Key(key))
        if direction is not None and event.modifiers() in _PLAIN:
            self.select_neighbour(direction)
            return
        if key == Qt.Key.Key_Escape:
            if self._gesture is not None:
                self._cancel_gesture()
            else:
                self.map_scene.clearSelection()
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_selected_text()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab walk the cells of the map instead of leaving the canvas."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            and self.map_scene.shown_layout.cells
        ):
            self.walk_cells(backwards=event.key() == Qt.Key.Key_Backtab)
            return True
        return super().event(event)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Outline the current cell when no card is selected (where N or Insert adds)."""
        cell = self._last_cell
        layout = self.map_scene.shown_layout
        if (
            cell is None
            or self.selected_ids()
            or cell[0] not in layout.stage_index
            or cell[1] not in layout.lane_index
        ):
            return
        box = layout.cell(*cell).rect
        painter.setPen(_CELL_PEN)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(box.x, box.y, box.w, box.h).adjusted(0.4, 0.4, -0.4, -0.4))

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        """Releasing Space ends pan mode."""
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            if self._pan_from is None:
                self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Forget a held Space when the view loses focus."""
        self._space_held = False
        super().focusOutEvent(event)

    # ------------------------------------------------------------ palette drops

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept an entry of the palette (or a persona) and show where it would go."""
        if dropped_persona(event.mimeData()) is not None or carries_picture(event.mimeData()):
            event.acceptProposedAction()
            return
        drop = start_drop(self, event.mimeData())
        if drop is None:
            event.ignore()
            return
        self.editor.finish(commit=True)
        self._drop = drop
        self._drop.move(self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Move the insertion marker with the drag."""
        if dropped_persona(event.mimeData()) is not None or carries_picture(event.mimeData()):
            over = self.card_at_scene(self.mapToScene(event.position().toPoint()))
            event.setAccepted(over is not None)
            return
        if self._drop is None:
            event.ignore()
            return
        if self._drop.move(self.mapToScene(event.position().toPoint())):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        """Hide the marker."""
        if self._drop is not None:
            self._drop.leave()
            self._drop = None
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        """Add what was dropped at the marker, then type its text or name (one gesture:
        a card left empty goes again). A persona dropped on a card tags it; a picture
        dropped on a card shows on it."""
        persona = dropped_persona(event.mimeData())
        if persona is not None:
            at = self.mapToScene(event.position().toPoint())
            event.setAccepted(tag_with_persona(self, persona, at))
            return
        if carries_picture(event.mimeData()):
            at = self.mapToScene(event.position().toPoint())
            event.setAccepted(drop_picture(self, event.mimeData(), at))
            return
        drop, self._drop = self._drop, None
        if drop is None:
            event.ignore()
            return
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if drop.drop(self.mapToScene(event.position().toPoint())):
            event.acceptProposedAction()
        else:
            event.ignore()
