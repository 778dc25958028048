"""One open map: the model, its undo stack and its file path, and the only place it changes.

Everyone else reads ``document.journey`` and pushes commands (journeycanvas.document.commands);
only commands call the mutating methods below. Every mutation emits `edited` with a `Change`
naming the objects, after the model is consistent again, so a scene can update
incrementally; then the undo stack's index change emits `changed` once per push, undo or redo.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from journeycanvas.document.changes import Action, Change, Entity
from journeycanvas.document.disk_version import DiskVersion, read_version
from journeycanvas.io.jsonfile import save_map
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
from journeycanvas.model.ids import new_id
from journeycanvas.model.integrity import normalise_orders
from journeycanvas.model.kinds import default_card_kind, kind_uses_emotion
from journeycanvas.model.map_index import MapIndex

# The fields each kind of object may change through an edit; placement, ids and card ends
# change only through their own commands.
CARD_FIELDS = frozenset(
    {
        "text",
        "notes",
        "kind",
        "color",
        "tags",
        "personas",
        "votes",
        "emotion",
        "metric",
        "image",
        "conflict",
    }
)
STAGE_FIELDS = frozenset({"name", "goal", "color", "width_mm"})
LANE_FIELDS = frozenset({"kind", "title", "height_mm"})
CONNECTOR_FIELDS = frozenset({"kind", "label"})
PERSONA_FIELDS = frozenset({"name", "description", "color", "avatar"})
MAP_FIELDS = frozenset(
    {"title", "scenario", "owner", "locale", "export_settings", "workshop_rounds"}
)


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

    Signals: edited(Change) for every mutation, once the model is consistent again (which
    objects, what happened to them: see `journeycanvas.document.changes`); reset() when a
    whole new map is loaded; changed() once after every push, undo or redo (after the
    edited signals); modified_changed(bool);
    path_changed(Path | None); selection_requested(ids) on redo/undo of a command that
    carries a selection.
    """

    edited = Signal(object)
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
        self._index = MapIndex(self._journey)
        self._path = path
        self._settings_unsaved = False
        self.disk: DiskVersion | None = None
        """The version of the file at `path` last loaded or saved (None: none seen)."""
        self._undo_stack = QUndoStack(self)
        self._undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._undo_stack.indexChanged.connect(self._on_index_changed)
        self._finders: dict[Entity, Callable[[str], Any]] = {
            Entity.CARD: self.card,
            Entity.STAGE: self.stage,
            Entity.LANE: self.lane,
            Entity.CONNECTOR: self.connector,
            Entity.PERSONA: self.persona,
        }

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

    @property
    def settings_unsaved(self) -> bool:
        """Whether remembered export settings wait for the next save (they do not make the
        map "modified": see `remember_export_settings`)."""
        return self._settings_unsaved

    def remember_export_settings(self, settings: dict[str, Any]) -> None:
        """Keep the choices of the last export in the map for the next save to write.

        Not an edit: no undo step, and the map does not count as modified for it (exporting
        is not changing the map); closing without saving forgets them.
        """
        if settings != self._journey.export_settings:
            self._journey.export_settings = dict(settings)
            self._settings_unsaved = True

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
        self._settings_unsaved = False
        self._undo_stack.setClean()

    def set_map(
        self, journey: JourneyMap, path: Path | None = None, disk: DiskVersion | None = None
    ) -> None:
        """Replace the whole map (open, revert, new): forgets undo history, emits `reset`.

        `disk` is the version of the file at `path` that `journey` was read from.
        """
        self._undo_stack.clear()
        self._settings_unsaved = False
        self.disk = disk
        self.replace_map(journey)
        self.set_path(path)
        self.changed.emit()

    def replace_map(self, journey: JourneyMap) -> JourneyMap:
        """Put `journey` in place of the map, keeping the undo history (a merge, a reload
        as one undo step: commands only); emits `reset`; returns the map replaced."""
        old = self._journey
        normalise_orders(journey)
        self._journey = journey
        self._index = MapIndex(journey)
        self.reset.emit()
        return old

    def load(self, path: Path) -> None:
        """Open the ``.journey`` file at `path` in place of the current map.

        Raises JourneyFileError (journeycanvas.io) with a message for the user; the current
        map then stays open and untouched.
        """
        journey, disk = read_version(path)
        self.set_map(journey, Path(path), disk)

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
            written = save_map(self._journey, target)
        except BaseException:
            self._journey.created, self._journey.modified = stamps["created"], stamps["modified"]
            raise
        self.disk = DiskVersion.of(written)
        self._emit(Entity.MAP, Action.CHANGED, self._journey.id)
        self.mark_saved(Path(target))

    def request_selection(self, ids: list[str]) -> None:
        """Ask the views to select these objects (called by commands on undo/redo)."""
        self.selection_requested.emit(list(ids))

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    def _on_index_changed(self, _index: int) -> None:
        self.changed.emit()

    def check_changes(self, obj: Any, changes: dict[str, Any]) -> dict[str, Any]:
        """`changes` to `obj` (a card, stage, lane, connector, persona or the map) checked
        and converted by the model's rules, without touching `obj`.

        Raises ValueError for a field that is not editable, a value the model refuses, or a
        reference (persona, picture asset) that the map does not hold.
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
        for field in ("avatar", "image"):
            picture = values.get(field)
            if picture is not None and picture not in self._journey.assets:
                raise ValueError(f"no asset with id {picture!r}")
        if isinstance(obj, Card):
            kind = values.get("kind", obj.kind)
            if values.get("emotion", obj.emotion) is not None and not kind_uses_emotion(kind):
                raise ValueError(f"only emotion cards have an emotion score, not {kind}")
        return values

    def find(self, entity: Entity, object_id: str) -> Any:
        """The card, stage, lane, connector or persona `object_id`, or the map for MAP;
        KeyError when there is none."""
        if entity is Entity.MAP:
            return self._journey
        return self._finders[entity](object_id)

    def edit(self, entity: Entity, object_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Set fields of one object (see the *_FIELDS sets); returns their previous values.

        Commands only. The changes are checked by the model's rules first (`check_changes`).
        """
        target = self.find(entity, object_id)
        old = edits.set_fields(target, self.check_changes(target, changes))
        self._emit(entity, Action.CHANGED, target.id)
        return old

    # ------------------------------------------------------------ lookups

    def card(self, card_id: str) -> Card:
        """The card with `card_id`; KeyError when there is none."""
        return self._index.cards[card_id]

    def stage(self, stage_id: str) -> Stage:
        """The stage with `stage_id`; KeyError when there is none."""
        return self._journey.stages[edits.stage_position(self._journey, stage_id)]

    def lane(self, lane_id: str) -> Lane:
        """The lane with `lane_id`; KeyError when there is none."""
        return self._journey.lanes[edits.lane_position(self._journey, lane_id)]

    def connector(self, connector_id: str) -> Connector:
        """The connector with `connector_id`; KeyError when there is none."""
        return self._index.connectors[connector_id]

    def persona(self, persona_id: str) -> Persona:
        """The persona with `persona_id`; KeyError when there is none."""
        for persona in self._journey.personas:
            if persona.id == persona_id:
                return persona
        raise KeyError(persona_id)

    def has_card(self, card_id: str) -> bool:
        """Whether the map holds a card with `card_id`."""
        return card_id in self._index.cards

    def has_connector(self, connector_id: str) -> bool:
        """Whether the map holds a connector with `connector_id`."""
        return connector_id in self._index.connectors

    def cell_cards(self, stage_id: str, lane_id: str) -> list[Card]:
        """The cards in one cell, in their order."""
        return self._index.cell(stage_id, lane_id)

    def cards_in_stage(self, stage_id: str) -> list[str]:
        """Ids of the cards that sit in a stage (and go when it is deleted)."""
        return [card.id for card in self._journey.cards if card.stage == stage_id]

    def cards_in_lane(self, lane_id: str) -> list[str]:
        """Ids of the cards that sit in a lane (and go when it is deleted)."""
        return [card.id for card in self._journey.cards if card.lane == lane_id]

    def taken_ids(self) -> Container[str]:
        """Every id the map uses (cards, connectors, stages, lanes, personas, pictures, the
        map's own), for making new ones; it follows the map's changes."""
        return _TakenIds(self._journey, self._index)

    def new_card(
        self,
        stage_id: str,
        lane_id: str,
        order: int,
        kind: str | None = None,
        text: str = "",
    ) -> Card:
        """A card not yet in the map, with a fresh id, of `kind` (a CardKind, or a newer
        version's kind id) or the lane's default kind."""
        card_kind = kind if kind is not None else default_card_kind(self.lane(lane_id).kind)
        return Card(
            id=new_id("c", self.taken_ids()),
            stage=stage_id,
            lane=lane_id,
            order=order,
            kind=card_kind,
            text=text,
        )

    # ------------------------------------------------------------ cards (commands only)

    def add_card(self, card: Card, index: int | None = None) -> None:
        """Insert a card at slot ``card.order`` of its cell; later cards in the cell move down."""
        mates = self._index.cell(card.stage, card.lane)
        edits.add_card(self._journey, card, index, self._index)
        self._emit(Entity.CARD, Action.ADDED, card.id)
        self._emit_placed(mate.id for mate in mates[card.order :])

    def remove_cards(self, card_ids: Iterable[str]) -> CardsRemoval:
        """Take cards out with their connectors; returns what `restore_cards` needs."""
        removal = edits.remove_cards(self._journey, card_ids, self._index)
        self._cards_removed(removal)
        return removal

    def restore_cards(self, removal: CardsRemoval) -> None:
        """Put removed cards and connectors back exactly where they were."""
        edits.restore_cards(self._journey, removal, self._index)
        self._cards_restored(removal)

    def move_cards(
        self, card_ids: list[str], stage_id: str, lane_id: str, order: int
    ) -> dict[str, Placement]:
        """Move cards into a cell at slot `order`; returns old placements of every card moved."""
        before = edits.move_cards(self._journey, card_ids, stage_id, lane_id, order, self._index)
        self._emit_placed(before)
        return before

    def apply_placements(self, placements: dict[str, Placement]) -> None:
        """Put cards where `placements` says (undo of a move)."""
        edits.apply_placements(self._journey, placements, self._index)
        self._emit_placed(placements)

    def set_card_span(self, card_id: str, span: int) -> int:
        """Make a card span `span` stages (clamped to the map); returns the old span."""
        old = edits.set_card_span(self._journey, card_id, span, self._index)
        self._emit_placed([card_id])
        return old

    # ------------------------------------------------------------ connectors (commands only)

    def add_connector(self, connector: Connector, index: int | None = None) -> None:
        """Insert a connector between two cards of the map."""
        if not (self.has_card(connector.source) and self.has_card(connector.target)):
            raise ValueError("a connector must join two cards of the map")
        edits.add_connector(self._journey, connector, index, self._index)
        self._emit(Entity.CONNECTOR, Action.ADDED, connector.id)

    def remove_connector(self, connector_id: str) -> tuple[int, Connector]:
        """Take a connector out; returns its index and itself, for `add_connector`."""
        removed = edits.remove_connector(self._journey, connector_id, self._index)
        self._emit(Entity.CONNECTOR, Action.REMOVED, connector_id)
        return removed

    # ------------------------------------------------------------ stages (commands only)

    def add_stage(self, stage: Stage, index: int | None = None) -> None:
        """Insert a stage at column `index` (default: last)."""
        edits.add_stage(self._journey, stage, index)
        self._emit(Entity.STAGE, Action.ADDED, stage.id)

    def remove_stage(self, stage_id: str) -> StageRemoval:
        """Remove a stage with its cards; spans reaching into it get shorter."""
        removal = edits.remove_stage(self._journey, stage_id, self._index)
        self._cards_removed(removal.cards)
        self._emit_placed(removal.spans)
        self._emit(Entity.STAGE, Action.REMOVED, stage_id)
        return removal

    def restore_stage(self, removal: StageRemoval) -> None:
        """Undo `remove_stage` exactly."""
        edits.restore_stage(self._journey, removal, self._index)
        self._emit(Entity.STAGE, Action.ADDED, removal.stage.id)
        self._emit_placed(removal.spans)
        self._cards_restored(removal.cards)

    def move_stage(self, stage_id: str, new_index: int) -> dict[str, int]:
        """Move a stage to column `new_index`; returns spans shortened to fit, for undo."""
        spans = edits.move_stage(self._journey, stage_id, new_index)
        self._emit(Entity.STAGE, Action.MOVED, stage_id)
        self._emit_placed(spans)
        return spans

    def restore_spans(self, spans: dict[str, int]) -> None:
        """Give cards back spans recorded by `move_stage` or `remove_stage`."""
        edits.restore_spans(self._journey, spans, self._index)
        self._emit_placed(spans)

    # ------------------------------------------------------------ lanes (commands only)

    def add_lane(self, lane: Lane, index: int | None = None) -> None:
        """Insert a lane at row `index` (default: last)."""
        edits.add_lane(self._journey, lane, index)
        self._emit(Entity.LANE, Action.ADDED, lane.id)

    def remove_lane(self, lane_id: str) -> LaneRemoval:
        """Remove a lane with its cards."""
        removal = edits.remove_lane(self._journey, lane_id, self._index)
        self._cards_removed(removal.cards)
        self._emit(Entity.LANE, Action.REMOVED, lane_id)
        return removal

    def restore_lane(self, removal: LaneRemoval) -> None:
        """Undo `remove_lane` exactly."""
        edits.restore_lane(self._journey, removal, self._index)
        self._emit(Entity.LANE, Action.ADDED, removal.lane.id)
        self._cards_restored(removal.cards)

    def move_lane(self, lane_id: str, new_index: int) -> None:
        """Move a lane to row `new_index`; its cards go with it."""
        edits.move_lane(self._journey, lane_id, new_index)
        self._emit(Entity.LANE, Action.MOVED, lane_id)

    # ------------------------------------------------------------ personas (commands only)

    def add_persona(self, persona: Persona, index: int | None = None) -> None:
        """Insert a persona (default: last)."""
        edits.add_persona(self._journey, persona, index)
        self._emit(Entity.PERSONA, Action.ADDED, persona.id)

    def remove_persona(self, persona_id: str) -> PersonaRemoval:
        """Remove a persona and untag it from every card."""
        removal = edits.remove_persona(self._journey, persona_id)
        self._emit(Entity.CARD, Action.CHANGED, *removal.card_personas)
        self._emit(Entity.PERSONA, Action.REMOVED, persona_id)
        return removal

    def restore_persona(self, removal: PersonaRemoval) -> None:
        """Undo `remove_persona` exactly."""
        edits.restore_persona(self._journey, removal)
        self._emit(Entity.PERSONA, Action.ADDED, removal.persona.id)
        self._emit(Entity.CARD, Action.CHANGED, *removal.card_personas)

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
        """Whether any persona or card shows the picture `asset_id`."""
        journey = self._journey
        return any(persona.avatar == asset_id for persona in journey.personas) or any(
            card.image == asset_id for card in journey.cards
        )

    def asset_with_content(self, asset: Asset) -> str | None:
        """The id of an embedded picture with the same bytes as `asset`, or None.

        Compared by content (Python keeps a string's hash), so that the same picture set on
        many cards is stored once.
        """
        digest = hash(asset.data)
        for asset_id, known in self._journey.assets.items():
            same = hash(known.data) == digest and known.data == asset.data
            if same and known.media_type == asset.media_type:
                return asset_id
        return None

    # ------------------------------------------------------------ index and signal helpers

    def _emit(self, entity: Entity, action: Action, *ids: str) -> None:
        if ids:
            self.edited.emit(Change(entity, action, ids))

    def _emit_placed(self, card_ids: Iterable[str]) -> None:
        self._emit(Entity.CARD, Action.PLACED, *card_ids)

    def _cards_removed(self, removal: CardsRemoval) -> None:
        self._emit(Entity.CONNECTOR, Action.REMOVED, *(c.id for _, c in removal.connectors))
        self._emit(Entity.CARD, Action.REMOVED, *(card.id for _, card in removal.cards))
        self._emit_placed(removal.placements)

    def _cards_restored(self, removal: CardsRemoval) -> None:
        self._emit(Entity.CARD, Action.ADDED, *(card.id for _, card in removal.cards))
        self._emit(Entity.CONNECTOR, Action.ADDED, *(c.id for _, c in removal.connectors))
        self._emit_placed(removal.placements)


class _TakenIds(Container[str]):
    """The ids a map uses, looked up in its index (cards, connectors) or its short lists."""

    def __init__(self, journey: JourneyMap, index: MapIndex) -> None:
        self._journey = journey
        self._index = index

    def __contains__(self, item_id: object) -> bool:
        journey = self._journey
        return (
            item_id in self._index.cards
            or item_id in self._index.connectors
            or item_id in journey.assets
            or item_id == journey.id
            or any(item.id == item_id for item in journey.stages)
            or any(item.id == item_id for item in journey.lanes)
            or any(item.id == item_id for item in journey.personas)
        )
