"""The palette's entries and what they add: a card, a stage, a lane of a kind, a stage set.

An entry dragged over the view shows an insertion marker (a slot in a cell for a card, a
gap between columns or rows for the rest) and adds its object there on drop; inserted from
the keyboard or a menu (`insert_entry`) it goes where the selection says. Either way the new
card's text or the new stage's or lane's name is then typed, in the same undo step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLineF, QMimeData, QPointF
from PySide6.QtWidgets import QGraphicsLineItem

from journeycanvas.canvas import overlays, structure_edits
from journeycanvas.canvas.kind_labels import card_kind_label
from journeycanvas.canvas.slots import DropSlot, drop_slot
from journeycanvas.document.commands import AddCardCommand
from journeycanvas.io.stage_sets import stage_set, stage_sets
from journeycanvas.layout import JourneyLayout
from journeycanvas.model.kinds import CardKind, LaneKind

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView

CARD_KIND_MIME = "application/x-journeycanvas-card-kind"
"""The payload of a card entry: a card kind's value (the palette is journeycanvas.ui.palette)."""
STRUCTURE_MIME = "application/x-journeycanvas-structure"
"""The payload of any other entry: `PaletteEntry.encode()`."""
_MARKER_MIN_MM = 60.0
"""A marker is at least this long, so that it shows on a map with no stages or lanes yet."""


class EntryKind(StrEnum):
    """What a palette entry adds."""

    CARD = "card"
    STAGE = "stage"
    LANE = "lane"
    STAGE_SET = "stage-set"


@dataclass(frozen=True, slots=True)
class PaletteEntry:
    """One entry of the palette: its kind and, for a card, lane or stage set, which one
    (a card kind, a lane kind, a stage set's name)."""

    kind: EntryKind
    value: str = ""

    def encode(self) -> str:
        """The entry as text: ``lane:pain_points``, ``stage:``."""
        return f"{self.kind.value}:{self.value}"

    @staticmethod
    def decode(text: str) -> PaletteEntry | None:
        """The entry `text` names (see `encode`), or None when it names none this version has."""
        kind_text, _, value = text.strip().partition(":")
        known: dict[str, set[str]] = {
            EntryKind.CARD: {kind.value for kind in CardKind},
            EntryKind.STAGE: {""},
            EntryKind.LANE: {kind.value for kind in LaneKind},
            EntryKind.STAGE_SET: {found.name for found in stage_sets()},
        }
        if value not in known.get(kind_text, set()):
            return None
        return PaletteEntry(EntryKind(kind_text), value)


def entry_mime_data(entry: PaletteEntry, label: str) -> QMimeData:
    """The payload of a palette drag, with the entry's `label` as text for other programs."""
    data = QMimeData()
    if entry.kind is EntryKind.CARD:
        data.setData(CARD_KIND_MIME, entry.value.encode("ascii"))
    else:
        data.setData(STRUCTURE_MIME, entry.encode().encode("ascii"))
    data.setText(label)
    return data


def card_kind_mime_data(kind: CardKind) -> QMimeData:
    """The payload of a palette drag of a card kind."""
    return entry_mime_data(PaletteEntry(EntryKind.CARD, kind.value), card_kind_label(kind))


def dropped_entry(mime: QMimeData | None) -> PaletteEntry | None:
    """The palette entry a drag carries, or None when it carries none."""
    if mime is None:
        return None
    try:
        if mime.hasFormat(CARD_KIND_MIME):
            kind = bytes(mime.data(CARD_KIND_MIME).data()).decode("ascii").strip()
            return PaletteEntry.decode(f"{EntryKind.CARD.value}:{kind}")
        if mime.hasFormat(STRUCTURE_MIME):
            return PaletteEntry.decode(bytes(mime.data(STRUCTURE_MIME).data()).decode("ascii"))
    except UnicodeDecodeError:
        return None
    return None


def _gap(spans: list[tuple[float, float]], at: float, empty: float) -> tuple[int, float]:
    """Among consecutive (start, end) spans, the index of the gap nearest `at` and where it
    lies (`empty` when there are no spans)."""
    index = sum(1 for start, end in spans if (start + end) / 2 < at)
    if index < len(spans):
        return index, spans[index][0]
    return index, spans[-1][1] if spans else empty


def column_gap(layout: JourneyLayout, x: float) -> tuple[int, QLineF]:
    """The column a stage inserted at `x` mm would take, and the marker line for it."""
    columns = [(stage.rect.x, stage.rect.right) for stage in layout.stages]
    index, line_x = _gap(columns, x, layout.style.lane_header_width_mm)
    return index, QLineF(line_x, 0, line_x, max(layout.height, _MARKER_MIN_MM))


def row_gap(layout: JourneyLayout, y: float) -> tuple[int, QLineF]:
    """The row a lane inserted at `y` mm would take, and the marker line for it."""
    rows = [(lane.rect.y, lane.rect.bottom) for lane in layout.lanes]
    index, line_y = _gap(rows, y, layout.header_height)
    return index, QLineF(0, line_y, max(layout.width, _MARKER_MIN_MM), line_y)


def add_typed_card(view: MapEditorView, stage_id: str, lane_id: str, order: int, kind: str) -> None:
    """Add a card of `kind` at a slot of a cell and type its text (one undo step; a card
    left empty goes again)."""
    view.editor.finish(commit=True)
    document = view.document
    card = document.new_card(stage_id, lane_id, order, kind)
    command = AddCardCommand(document, card, typing=True, selection_before=view.selected_ids())
    document.push(command)
    view.editor.edit_added_card(command)


def add_at(view: MapEditorView, entry: PaletteEntry, index: int | None) -> None:
    """Add the stage, lane or stage set of `entry` at column or row `index` (None: where
    the selection says)."""
    if entry.kind is EntryKind.STAGE:
        structure_edits.add_stage(view, index)
    elif entry.kind is EntryKind.LANE:
        structure_edits.add_lane(view, index, entry.value)
    elif entry.kind is EntryKind.STAGE_SET:
        structure_edits.add_stage_set(view, stage_set(entry.value), index)


def insert_entry(view: MapEditorView, entry: PaletteEntry) -> bool:
    """Insert `entry` where the selection says (the keyboard's and menus' way to do what a
    drop does): a card after the selected card, else at the end of the cell clicked last
    (else the first cell); a stage or set after the selected stage, a lane below the
    selected lane (see structure_edits), else at the end. False when there is no place."""
    if entry.kind is not EntryKind.CARD:
        add_at(view, entry, None)
        return True
    document = view.document
    cards = view.selected_card_ids()
    if cards:
        card = document.card(cards[-1])
        add_typed_card(view, card.stage, card.lane, card.order + 1, entry.value)
        return True
    cell = view.current_cell()
    journey = document.journey
    if cell is None and journey.stages and journey.lanes:
        cell = (journey.stages[0].id, journey.lanes[0].id)
    if cell is None:
        return False
    order = len(view.map_scene.card_layout.cell_cards.get(cell, ()))
    add_typed_card(view, cell[0], cell[1], order, entry.value)
    return True


class PaletteDrop(Protocol):
    """A palette drag over the view: `move` shows where it would land (the `marker`),
    `drop` adds it there, `leave` takes the marker away."""

    marker: QGraphicsLineItem | None

    def move(self, scene_pos: QPointF) -> bool:
        """Show where a drop here would land; whether it would add anything."""
        ...

    def drop(self, scene_pos: QPointF) -> bool:
        """Add the entry's object where the pointer is; whether it added one."""
        ...

    def leave(self) -> None:
        """Remove the marker."""
        ...


class CardDrop:
    """A card kind dragged over the view: the marker shows the slot of a cell."""

    def __init__(self, view: MapEditorView, kind: str) -> None:
        self.view = view
        self.kind = kind
        self.slot: DropSlot | None = None
        self.marker: QGraphicsLineItem | None = overlays.insertion_marker(view.map_scene)

    def move(self, scene_pos: QPointF) -> bool:
        """Show the slot under the pointer; whether a drop here would add a card."""
        self.slot = drop_slot(self.view.map_scene.card_layout, scene_pos.x(), scene_pos.y())
        overlays.show_line(self.marker, None if self.slot is None else self.slot.marker)
        return self.slot is not None

    def drop(self, scene_pos: QPointF) -> bool:
        """Add a card of the kind at the slot and start typing its text."""
        accepted = self.move(scene_pos)
        slot = self.slot
        self.leave()
        if not accepted or slot is None:
            return False
        add_typed_card(self.view, slot.stage_id, slot.lane_id, slot.order, self.kind)
        return True

    def leave(self) -> None:
        """Remove the marker."""
        overlays.remove(self.marker)
        self.marker = None


class StructureDrop:
    """A stage, lane or stage set dragged over the view: the marker shows the gap between
    columns (or rows), or either end, where it would go."""

    def __init__(self, view: MapEditorView, entry: PaletteEntry) -> None:
        self.view = view
        self.entry = entry
        self.index = 0
        self.marker: QGraphicsLineItem | None = overlays.insertion_marker(view.map_scene)

    def move(self, scene_pos: QPointF) -> bool:
        """Show the gap nearest the pointer; anywhere over the view is a place to drop."""
        layout = self.view.map_scene.card_layout
        if self.entry.kind is EntryKind.LANE:
            self.index, line = row_gap(layout, scene_pos.y())
        else:
            self.index, line = column_gap(layout, scene_pos.x())
        overlays.show_line(self.marker, line)
        return True

    def drop(self, scene_pos: QPointF) -> bool:
        """Add the stage, lane or stages at the gap; a single one's name is then typed."""
        self.move(scene_pos)
        self.leave()
        add_at(self.view, self.entry, self.index)
        return True

    def leave(self) -> None:
        """Remove the marker."""
        overlays.remove(self.marker)
        self.marker = None


def start_drop(view: MapEditorView, mime: QMimeData | None) -> PaletteDrop | None:
    """The drop for a drag entering the view, or None when it carries no palette entry."""
    entry = dropped_entry(mime)
    if entry is None:
        return None
    if entry.kind is EntryKind.CARD:
        return CardDrop(view, entry.value)
    return StructureDrop(view, entry)
