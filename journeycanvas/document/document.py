"""One open map: the model, its undo stack and its file path, and the only place it changes.

Everyone else reads ``document.journey`` and pushes commands (journeycanvas.document.commands);
only commands call the mutating methods below. Every mutation emits fine-grained signals that
carry ids, after the model is consistent again, so a scene can update incrementally; then the
undo stack's index change emits `changed` once per push, undo or redo.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from journeycanvas.io.jsonfile import load_map, save_map
from journeycanvas.model import edits
from journeycanvas.model.edits import (
    CardsRemoval,
    LaneRemoval,
    PersonaRemoval,
    Placement,
    StageRemoval,
)
from journeycanvas.model.entities import (
    Asset,
    Card,
    Connector,
    JourneyMap,
    Lane,
    Persona,
    Stage,
    utc_now,
)
from journeycanvas.model.ids import all_ids, new_id
from journeycanvas.model.integrity import normalise_orders
from journeycanvas.model.kinds import CardKind, default_card_kind, kind_uses_emotion

# The fields each kind of object may change through an edit; placement, ids and card ends
# change only through their own commands.
CARD_FIELDS = frozenset(
    {"text", "notes", "kind", "color", "tags", "personas", "votes", "emotion", "metric"}
)
STAGE_FIELDS = frozenset({"name", "goal", "color", "width_mm"})
LANE_FIELDS = frozenset({"kind", "title", "height_mm"})
CONNECTOR_FIELDS = frozenset({"kind", "label"})
PERSONA_FIELDS = frozenset({"name", "description", "color", "avatar"})
MAP_FIELDS = frozenset({"title", "scenario", "owner", "locale", "export_settings"})


_EDITABLE: dict[type, frozenset[str]] = {
    Card: CARD_FIELDS,
    Stage: STAGE_FIELDS,
    Lane: LANE_FIELDS,
    Connector: CONNECTOR_FIELDS,
    Persona: PERSONA_FIELDS,
    JourneyMap: MAP_FIELDS,
}


class Document(QObject):
    """One open journey map with its undo stack; emits a signal for every change.

    Signals (ids are str; lists are list[str]):
    card_added, card_changed, card_removed(id); cards_placed(ids) when cards' stage, lane,
    order or span changed; stage_added/changed/removed/moved(id); lane_added/changed/
    removed/moved(id); connector_added/changed/removed(id); persona_added/changed/removed(id);
    map_changed() for header fields; reset() when a whole new map is loaded; changed() once
    after every push, undo or redo (after the fine-grained signals); modified_changed(bool);
    path_changed(Path | None); selection_requested(ids) on redo/undo of a command that
    carries a selection.
    """

    card_added = Signal(str)
    card_changed = Signal(str)
    card_removed = Signal(str)
    cards_placed = Signal(list)
    stage_added = Signal(str)
    stage_changed = Signal(str)
    stage_removed = Signal(str)
    stage_moved = Signal(str)
    lane_added = Signal(str)
    lane_changed = Signal(str)
    lane_removed = Signal(str)
    lane_moved = Signal(str)
    connector_added = Signal(str)
    connector_changed = Signal(str)
    connector_removed = Signal(str)
    persona_added = Signal(str)
    persona_changed = Signal(str)
    persona_removed = Signal(str)
    map_changed = Signal()
    reset = Signal()
    changed = Signal()
    modified_changed = Signal(bool)
    path_changed = Signal(object)
    selection_requested = Signal(list)

    def __init__(
        self,
        journey: JourneyMap | None = None,
        path: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._journey = journey if journey is not None else JourneyMap(id=new_id("m"))
        normalise_orders(self._journey)
        self._cards: dict[str, Card] = {}
        self._connectors: dict[str, Connector] = {}
        self._index()
        self._path = path
        self._undo_stack = QUndoStack(self)
        self._undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._undo_stack.indexChanged.connect(self._on_index_changed)

    # ------------------------------------------------------------ state

    @property
    def journey(self) -> JourneyMap:
        """The map. Read it freely; change it only by pushing commands."""
        return self._journey

    @property
    def undo_stack(self) -> QUndoStack:
        """The document's undo stack (for Undo/Redo actions and an undo view)."""
        return self._undo_stack

    @property
    def path(self) -> Path | None:
        """The file the map was loaded from or saved to; None for a new, unsaved map."""
        return self._path

    @property
    def modified(self) -> bool:
        """Whether the map differs from its last saved (or loaded) state."""
        return not self._undo_stack.isClean()

    def push(self, command: QUndoCommand) -> None:
        """Do `command` and put it on the undo stack."""
        self._undo_stack.push(command)

    def last_command(self) -> QUndoCommand | None:
        """The command undo would take back next (after merges, the one that absorbed the
        commands pushed after it), or None."""
        index = self._undo_stack.index()
        return self._undo_stack.command(index - 1) if index > 0 else None

    def withdraw(self, command: QUndoCommand) -> bool:
        """Take back `command`, the last one done, leaving neither an undo nor a redo step:
        a gesture given up before it was finished. False (and nothing changes) when
        `command` is not the last one done."""
        stack = self._undo_stack
        if stack.index() != stack.count() or self.last_command() is not command:
            return False
        command.undo()
        # QUndoStack drops an obsolete command when asked to undo it, without undoing it.
        command.setObsolete(True)
        stack.undo()
        return True

    def set_path(self, path: Path | None) -> None:
        """Remember where the map lives (Save As)."""
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)

    def mark_saved(self, path: Path | None = None) -> None:
        """Record that the map was just written (to `path`, when given): no longer modified."""
        if path is not None:
            self.set_path(path)
        self._undo_stack.setClean()

    def set_map(self, journey: JourneyMap, path: Path | None = None) -> None:
        """Replace the whole map (open, revert, new): forgets undo history, emits `reset`."""
        self._undo_stack.clear()
        normalise_orders(journey)
        self._journey = journey
        self._index()
        self.reset.emit()
        self.set_path(path)
        self.changed.emit()

    def load(self, path: Path) -> None:
        """Open the ``.journey`` file at `path` in place of the current map.

        Raises JourneyFileError (journeycanvas.io) with a message for the user; the current
        map then stays open and untouched.
        """
        self.set_map(load_map(path), Path(path))

    def save(self, path: Path | None = None) -> None:
        """Write the map atomically to `path` (default: its own path) and mark it saved.

        Stamps the map's ``modified`` time (and ``created`` for a first save). Raises
        OSError or ValueError when writing fails; the map then stays modified and unstamped.
        """
        target = path if path is not None else self._path
        if target is None:
            raise ValueError("the map has no file yet: save it under a path")
        stamps = {"created": self._journey.created, "modified": self._journey.modified}
        now = utc_now()
        self._journey.created = self._journey.created or now
        self._journey.modified = now
        try:
            save_map(self._journey, target)
        except BaseException:
            self._journey.created, self._journey.modified = stamps["created"], stamps["modified"]
            raise
        self.map_changed.emit()
        self.mark_saved(Path(target))

    def request_selection(self, ids: list[str]) -> None:
        """Ask the views to select these objects (called by commands on undo/redo)."""
        self.selection_requested.emit(list(ids))

    def _index(self) -> None:
        # Cards and connectors by id, so that lookups stay cheap on a 20,000-card map.
        self._cards = {card.id: card for card in self._journey.cards}
        self._connectors = {connector.id: connector for connector in self._journey.connectors}

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    def _on_index_changed(self, _index: int) -> None:
        self.changed.emit()

    def check_changes(self, obj: Any, changes: dict[str, Any]) -> dict[str, Any]:
        """`changes` to `obj` (a card, stage, lane, connector, persona or the map) checked
        and converted by the model's rules, without touching `obj`.

        Raises ValueError for a field that is not editable, a value the model refuses, or a
        reference (persona, avatar asset) that the map does not hold.
        """
        allowed = _EDITABLE[type(obj)]
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))} of {type(obj).__name__}")
        trial = obj.model_copy()
        for name, value in changes.items():
            trial.__pydantic_validator__.validate_assignment(trial, name, value)
        values = {name: getattr(trial, name) for name in changes}
        missing = set(values.get("personas", ())) - {p.id for p in self._journey.personas}
        if missing:
            raise ValueError(f"no persona with id {', '.join(sorted(missing))}")
        avatar = values.get("avatar")
        if avatar is not None and avatar not in self._journey.assets:
            raise ValueError(f"no asset with id {avatar!r}")
        if isinstance(obj, Card):
            kind = values.get("kind", obj.kind)
            if values.get("emotion", obj.emotion) is not None and not kind_uses_emotion(kind):
                raise ValueError(f"only emotion cards have an emotion score, not {kind}")
        return values

    # ------------------------------------------------------------ lookups

    def card(self, card_id: str) -> Card:
        """The card with `card_id`; KeyError when there is none."""
        return self._cards[card_id]

    def stage(self, stage_id: str) -> Stage:
        """The stage with `stage_id`; KeyError when there is none."""
        return self._journey.stages[edits.stage_position(self._journey, stage_id)]

    def lane(self, lane_id: str) -> Lane:
        """The lane with `lane_id`; KeyError when there is none."""
        return self._journey.lanes[edits.lane_position(self._journey, lane_id)]

    def connector(self, connector_id: str) -> Connector:
        """The connector with `connector_id`; KeyError when there is none."""
        return self._connectors[connector_id]

    def persona(self, persona_id: str) -> Persona:
        """The persona with `persona_id`; KeyError when there is none."""
        for persona in self._journey.personas:
            if persona.id == persona_id:
                return persona
        raise KeyError(persona_id)

    def cards_in_stage(self, stage_id: str) -> list[str]:
        """Ids of the cards that sit in a stage (and go when it is deleted)."""
        return [card.id for card in self._journey.cards if card.stage == stage_id]

    def cards_in_lane(self, lane_id: str) -> list[str]:
        """Ids of the cards that sit in a lane (and go when it is deleted)."""
        return [card.id for card in self._journey.cards if card.lane == lane_id]

    def new_card(
        self,
        stage_id: str,
        lane_id: str,
        order: int,
        kind: CardKind | None = None,
        text: str = "",
    ) -> Card:
        """A card not yet in the map, with a fresh id, of `kind` or the lane's default kind."""
        card_kind = kind if kind is not None else default_card_kind(self.lane(lane_id).kind)
        return Card(
            id=new_id("c", all_ids(self._journey)),
            stage=stage_id,
            lane=lane_id,
            order=order,
            kind=card_kind,
            text=text,
        )

    # ------------------------------------------------------------ cards (commands only)

    def add_card(self, card: Card, index: int | None = None) -> None:
        """Insert a card at slot ``card.order`` of its cell; later cards in the cell move down."""
        mates = edits.cell_cards(self._journey, card.stage, card.lane)
        edits.add_card(self._journey, card, index)
        self._cards[card.id] = card
        self.card_added.emit(card.id)
        self._emit_placed(mate.id for mate in mates[card.order :])

    def remove_cards(self, card_ids: Iterable[str]) -> CardsRemoval:
        """Take cards out with their connectors; returns what `restore_cards` needs."""
        removal = edits.remove_cards(self._journey, card_ids)
        self._cards_removed(removal)
        return removal

    def restore_cards(self, removal: CardsRemoval) -> None:
        """Put removed cards and connectors back exactly where they were."""
        edits.restore_cards(self._journey, removal)
        self._cards_restored(removal)

    def move_cards(
        self, card_ids: list[str], stage_id: str, lane_id: str, order: int
    ) -> dict[str, Placement]:
        """Move cards into a cell at slot `order`; returns old placements of every card moved."""
        before = edits.move_cards(self._journey, card_ids, stage_id, lane_id, order)
        self._emit_placed(before)
        return before

    def apply_placements(self, placements: dict[str, Placement]) -> None:
        """Put cards where `placements` says (undo of a move)."""
        edits.apply_placements(self._journey, placements, self._cards)
        self._emit_placed(placements)

    def set_card_span(self, card_id: str, span: int) -> int:
        """Make a card span `span` stages (clamped to the map); returns the old span."""
        old = edits.set_card_span(self._journey, card_id, span)
        self._emit_placed([card_id])
        return old

    def edit_card(self, card_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Set fields of a card (see CARD_FIELDS); returns their previous values."""
        card = self.card(card_id)
        old = edits.set_fields(card, self.check_changes(card, changes))
        self.card_changed.emit(card_id)
        return old

    # ------------------------------------------------------------ connectors (commands only)

    def add_connector(self, connector: Connector, index: int | None = None) -> None:
        """Insert a connector between two cards of the map."""
        if connector.source not in self._cards or connector.target not in self._cards:
            raise ValueError("a connector must join two cards of the map")
        edits.add_connector(self._journey, connector, index)
        self._connectors[connector.id] = connector
        self.connector_added.emit(connector.id)

    def remove_connector(self, connector_id: str) -> tuple[int, Connector]:
        """Take a connector out; returns its index and itself, for `add_connector`."""
        removed = edits.remove_connector(self._journey, connector_id)
        del self._connectors[connector_id]
        self.connector_removed.emit(connector_id)
        return removed

    def edit_connector(self, connector_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Set fields of a connector (see CONNECTOR_FIELDS); returns their previous values."""
        connector = self.connector(connector_id)
        old = edits.set_fields(connector, self.check_changes(connector, changes))
        self.connector_changed.emit(connector_id)
        return old

    # ------------------------------------------------------------ stages (commands only)

    def add_stage(self, stage: Stage, index: int | None = None) -> None:
        """Insert a stage at column `index` (default: last)."""
        edits.add_stage(self._journey, stage, index)
        self.stage_added.emit(stage.id)

    def remove_stage(self, stage_id: str) -> StageRemoval:
        """Remove a stage with its cards; spans reaching into it get shorter."""
        removal = edits.remove_stage(self._journey, stage_id)
        self._cards_removed(removal.cards)
        self._emit_placed(removal.spans)
        self.stage_removed.emit(stage_id)
        return removal

    def restore_stage(self, removal: StageRemoval) -> None:
        """Undo `remove_stage` exactly."""
        edits.restore_stage(self._journey, removal)
        self.stage_added.emit(removal.stage.id)
        self._emit_placed(removal.spans)
        self._cards_restored(removal.cards)

    def move_stage(self, stage_id: str, new_index: int) -> dict[str, int]:
        """Move a stage to column `new_index`; returns spans shortened to fit, for undo."""
        spans = edits.move_stage(self._journey, stage_id, new_index)
        self.stage_moved.emit(stage_id)
        self._emit_placed(spans)
        return spans

    def restore_spans(self, spans: dict[str, int]) -> None:
        """Give cards back spans recorded by `move_stage` or `remove_stage`."""
        edits.restore_spans(self._journey, spans)
        self._emit_placed(spans)

    def edit_stage(self, stage_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Set fields of a stage (see STAGE_FIELDS); returns their previous values."""
        stage = self.stage(stage_id)
        old = edits.set_fields(stage, self.check_changes(stage, changes))
        self.stage_changed.emit(stage_id)
        return old

    # ------------------------------------------------------------ lanes (commands only)

    def add_lane(self, lane: Lane, index: int | None = None) -> None:
        """Insert a lane at row `index` (default: last)."""
        edits.add_lane(self._journey, lane, index)
        self.lane_added.emit(lane.id)

    def remove_lane(self, lane_id: str) -> LaneRemoval:
        """Remove a lane with its cards."""
        removal = edits.remove_lane(self._journey, lane_id)
        self._cards_removed(removal.cards)
        self.lane_removed.emit(lane_id)
        return removal

    def restore_lane(self, removal: LaneRemoval) -> None:
        """Undo `remove_lane` exactly."""
        edits.restore_lane(self._journey, removal)
        self.lane_added.emit(removal.lane.id)
        self._cards_restored(removal.cards)

    def move_lane(self, lane_id: str, new_index: int) -> None:
        """Move a lane to row `new_index`; its cards go with it."""
        edits.move_lane(self._journey, lane_id, new_index)
        self.lane_moved.emit(lane_id)

    def edit_lane(self, lane_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Set fields of a lane (see LANE_FIELDS); returns their previous values."""
        lane = self.lane(lane_id)
        old = edits.set_fields(lane, self.check_changes(lane, changes))
        self.lane_changed.emit(lane_id)
        return old

    # ------------------------------------------------------------ personas (commands only)

    def add_persona(self, persona: Persona, index: int | None = None) -> None:
        """Insert a persona (default: last)."""
        edits.add_persona(self._journey, persona, index)
        self.persona_added.emit(persona.id)

    def remove_persona(self, persona_id: str) -> PersonaRemoval:
        """Remove a persona and untag it from every card."""
        removal = edits.remove_persona(self._journey, persona_id)
        for card_id in removal.card_personas:
            self.card_changed.emit(card_id)
        self.persona_removed.emit(persona_id)
        return removal

    def restore_persona(self, removal: PersonaRemoval) -> None:
        """Undo `remove_persona` exactly."""
        edits.restore_persona(self._journey, removal)
        self.persona_added.emit(removal.persona.id)
        for card_id in removal.card_personas:
            self.card_changed.emit(card_id)

    def edit_persona(self, persona_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Set fields of a persona (see PERSONA_FIELDS; avatar is an asset id)."""
        persona = self.persona(persona_id)
        old = edits.set_fields(persona, self.check_changes(persona, changes))
        self.persona_changed.emit(persona_id)
        return old

    def add_asset(self, asset_id: str, asset: Asset, index: int | None = None) -> None:
        """Embed a picture under `asset_id`, at position `index` of the table (default: last)."""
        items = list(self._journey.assets.items())
        items.insert(len(items) if index is None else index, (asset_id, asset))
        self._journey.assets.clear()
        self._journey.assets.update(items)

    def remove_asset(self, asset_id: str) -> tuple[int, Asset]:
        """Drop an embedded picture; returns its position and itself, for `add_asset`."""
        index = list(self._journey.assets).index(asset_id)
        return index, self._journey.assets.pop(asset_id)

    def asset_in_use(self, asset_id: str) -> bool:
        """Whether any persona shows the picture `asset_id`."""
        return any(persona.avatar == asset_id for persona in self._journey.personas)

    # ------------------------------------------------------------ map header (commands only)

    def edit_map(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Set header fields of the map (see MAP_FIELDS); returns their previous values."""
        old = edits.set_fields(self._journey, self.check_changes(self._journey, changes))
        self.map_changed.emit()
        return old

    # ------------------------------------------------------------ index and signal helpers

    def _emit_placed(self, card_ids: Iterable[str]) -> None:
        ids = list(card_ids)
        if ids:
            self.cards_placed.emit(ids)

    def _cards_removed(self, removal: CardsRemoval) -> None:
        for _, connector in removal.connectors:
            del self._connectors[connector.id]
        for _, card in removal.cards:
            del self._cards[card.id]
        for _, connector in removal.connectors:
            self.connector_removed.emit(connector.id)
        for _, card in removal.cards:
            self.card_removed.emit(card.id)
        self._emit_placed(removal.placements)

    def _cards_restored(self, removal: CardsRemoval) -> None:
        self._cards.update((card.id, card) for _, card in removal.cards)
        self._connectors.update((connector.id, connector) for _, connector in removal.connectors)
        for _, card in removal.cards:
            self.card_added.emit(card.id)
        for _, connector in removal.connectors:
            self.connector_added.emit(connector.id)
        self._emit_placed(removal.placements)
