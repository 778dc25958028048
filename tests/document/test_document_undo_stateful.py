"""Random sequences of edits on random maps: undo all gives back the original map exactly,
redo all the edited one; at every step the map is sound and the signals told the whole story.
"""

from __future__ import annotations

from typing import Any

import pytest
from document_helpers import PIXEL_PNG, SignalMirror, dump
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtGui import QUndoCommand
from strategies import colors, journey_maps, texts

from journeycanvas.document import Document
from journeycanvas.document.changes import Entity
from journeycanvas.document.clipboard import copied_cards, payload_from_json, payload_to_json
from journeycanvas.document.commands import (
    AddCardCommand,
    AddConnectorCommand,
    AddLaneCommand,
    AddPersonaCommand,
    AddStageCommand,
    DuplicateCardsCommand,
    EditCommand,
    EditPersonaCommand,
    MoveCardsCommand,
    MoveLaneCommand,
    MoveStageCommand,
    PasteCardsCommand,
    RemoveCardsCommand,
    RemoveLaneCommand,
    RemovePersonaCommand,
    RemoveStageCommand,
    SetCardSpanCommand,
)
from journeycanvas.model import (
    Asset,
    CardKind,
    Connector,
    ConnectorKind,
    Lane,
    LaneKind,
    Metric,
    Persona,
    Stage,
    edits,
    find_problems,
)
from journeycanvas.model.ids import all_ids, new_id

slots = st.integers(0, 6)


class MapEditing(RuleBasedStateMachine):
    """A user editing one map with every command, undoing and redoing along the way."""

    document: Document

    @initialize(journey=journey_maps(max_stages=4, max_lanes=3, max_cards=12, max_connectors=4))
    def open_map(self, journey: Any) -> None:
        self.document = Document(journey)
        self.mirror = SignalMirror(self.document)
        self.snapshots = [dump(self.document.journey)]
        self.seen: set[str] = set()

    # ------------------------------------------------------------ helpers

    @property
    def journey(self) -> Any:
        return self.document.journey

    def fresh_id(self, prefix: str) -> str:
        return new_id(prefix, all_ids(self.journey))

    def push(self, command: QUndoCommand, typing: bool = False) -> None:
        stack = self.document.undo_stack
        old_index = stack.index()
        self.document.push(command)
        index = stack.index()
        current = dump(self.journey)
        if index < old_index or (index == old_index and not typing):
            # Dropped as a no-op, or merged back to where it started.
            assert current == self.snapshots[index]
        self.snapshots = [*self.snapshots[:index], current]

    def pick(self, data: st.DataObject, name: str) -> Any:
        return data.draw(st.sampled_from(getattr(self.journey, name)))

    def pick_some(self, data: st.DataObject, name: str) -> list[str]:
        ids = [item.id for item in getattr(self.journey, name)]
        return data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4, unique=True))

    def has(self, *names: str) -> bool:
        return all(getattr(self.journey, name) for name in names)

    # ------------------------------------------------------------ cards

    @precondition(lambda self: self.has("stages", "lanes"))
    @rule(data=st.data(), order=slots, text=texts)
    def add_card(self, data: st.DataObject, order: int, text: str) -> None:
        stage, lane = self.pick(data, "stages"), self.pick(data, "lanes")
        kind = data.draw(st.none() | st.sampled_from(CardKind))
        card = self.document.new_card(stage.id, lane.id, order, kind, text)
        self.push(AddCardCommand(self.document, card))

    @precondition(lambda self: self.has("cards"))
    @rule(data=st.data())
    def remove_cards(self, data: st.DataObject) -> None:
        connectors = self.pick_some(data, "connectors") if self.has("connectors") else []
        cards = data.draw(st.just([]) | st.just(self.pick_some(data, "cards")))
        if cards or connectors:
            self.push(RemoveCardsCommand(self.document, cards, connectors))

    @precondition(lambda self: self.has("cards"))
    @rule(data=st.data(), order=slots)
    def move_cards(self, data: st.DataObject, order: int) -> None:
        cards = self.pick_some(data, "cards")
        stage, lane = self.pick(data, "stages"), self.pick(data, "lanes")
        self.push(MoveCardsCommand(self.document, cards, stage.id, lane.id, order))

    @precondition(lambda self: self.has("cards"))
    @rule(data=st.data(), span=st.integers(1, 5))
    def set_card_span(self, data: st.DataObject, span: int) -> None:
        self.push(SetCardSpanCommand(self.document, self.pick(data, "cards").id, span))

    @precondition(lambda self: self.has("cards"))
    @rule(data=st.data())
    def edit_card(self, data: st.DataObject) -> None:
        card = self.pick(data, "cards")
        persona_ids = [persona.id for persona in self.journey.personas]
        fields = {
            "text": texts,
            "notes": texts,
            "kind": st.sampled_from(CardKind),
            "color": st.none() | colors,
            "tags": st.lists(texts, max_size=2),
            "personas": st.lists(st.sampled_from(persona_ids), unique=True)
            if persona_ids
            else st.just([]),
            "votes": st.integers(0, 9),
            "metric": st.none() | st.builds(Metric, name=texts, value=st.integers(0, 99)),
        }
        changes = data.draw(st.fixed_dictionaries({}, optional=fields))
        if changes.get("kind", card.kind) == CardKind.EMOTION:
            changes.update(
                data.draw(
                    st.fixed_dictionaries({}, optional={"emotion": st.none() | st.integers(-3, 3)})
                )
            )
        if changes:
            self.push(EditCommand(self.document, Entity.CARD, card.id, changes))

    @precondition(lambda self: self.has("cards"))
    @rule(data=st.data(), typed=st.lists(texts, min_size=1, max_size=4), back=st.booleans())
    def type_in_card(self, data: st.DataObject, typed: list[str], back: bool) -> None:
        card = self.pick(data, "cards")
        if back:
            typed = [*typed, card.text]
        for text in typed:
            self.push(
                EditCommand(self.document, Entity.CARD, card.id, {"text": text}, typing=True), True
            )

    @precondition(lambda self: self.has("cards"))
    @rule(data=st.data(), order=slots)
    def paste_cards(self, data: st.DataObject, order: int) -> None:
        copied = copied_cards(self.journey, self.pick_some(data, "cards"))
        payload = payload_from_json(payload_to_json(copied))
        assert payload is not None
        stage, lane = self.pick(data, "stages"), self.pick(data, "lanes")
        self.push(
            PasteCardsCommand(
                self.document, payload.cards, payload.connectors, stage.id, lane.id, order
            )
        )

    @precondition(lambda self: self.has("cards"))
    @rule(data=st.data())
    def duplicate_cards(self, data: st.DataObject) -> None:
        self.push(DuplicateCardsCommand(self.document, self.pick_some(data, "cards")))

    # ------------------------------------------------------------ stages and lanes

    @rule(index=st.none() | st.integers(0, 5), name=texts)
    def add_stage(self, index: int | None, name: str) -> None:
        stage = Stage(id=self.fresh_id("s"), name=name)
        self.push(AddStageCommand(self.document, stage, index))

    @precondition(lambda self: self.has("stages"))
    @rule(data=st.data())
    def remove_stage(self, data: st.DataObject) -> None:
        self.push(RemoveStageCommand(self.document, self.pick(data, "stages").id))

    @precondition(lambda self: self.has("stages"))
    @rule(data=st.data(), index=st.integers(0, 5))
    def move_stage(self, data: st.DataObject, index: int) -> None:
        self.push(MoveStageCommand(self.document, self.pick(data, "stages").id, index))

    @precondition(lambda self: self.has("stages"))
    @rule(data=st.data(), name=texts, width=st.integers(20, 300), typing=st.booleans())
    def edit_stage(self, data: st.DataObject, name: str, width: int, typing: bool) -> None:
        changes = data.draw(st.sampled_from([{"name": name}, {"width_mm": width, "goal": name}]))
        stage = self.pick(data, "stages")
        self.push(
            EditCommand(self.document, Entity.STAGE, stage.id, changes, typing=typing), typing
        )

    @rule(index=st.none() | st.integers(0, 4), kind=st.sampled_from(LaneKind), title=texts)
    def add_lane(self, index: int | None, kind: LaneKind, title: str) -> None:
        lane = Lane(id=self.fresh_id("l"), kind=kind, title=title)
        self.push(AddLaneCommand(self.document, lane, index))

    @precondition(lambda self: self.has("lanes"))
    @rule(data=st.data())
    def remove_lane(self, data: st.DataObject) -> None:
        self.push(RemoveLaneCommand(self.document, self.pick(data, "lanes").id))

    @precondition(lambda self: self.has("lanes"))
    @rule(data=st.data(), index=st.integers(0, 4))
    def move_lane(self, data: st.DataObject, index: int) -> None:
        self.push(MoveLaneCommand(self.document, self.pick(data, "lanes").id, index))

    @precondition(lambda self: self.has("lanes"))
    @rule(data=st.data(), kind=st.sampled_from(LaneKind), title=texts)
    def edit_lane(self, data: st.DataObject, kind: LaneKind, title: str) -> None:
        lane = self.pick(data, "lanes")
        self.push(EditCommand(self.document, Entity.LANE, lane.id, {"kind": kind, "title": title}))

    # ------------------------------------------------------------ connectors

    @precondition(lambda self: len(self.journey.cards) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(ConnectorKind), label=texts)
    def add_connector(self, data: st.DataObject, kind: ConnectorKind, label: str) -> None:
        ids = [card.id for card in self.journey.cards]
        source, target = data.draw(
            st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True)
        )
        connector = Connector(
            id=self.fresh_id("k"), source=source, target=target, kind=kind, label=label
        )
        self.push(AddConnectorCommand(self.document, connector))

    @precondition(lambda self: self.has("connectors"))
    @rule(data=st.data())
    def remove_connector(self, data: st.DataObject) -> None:
        connector_id = self.pick(data, "connectors").id
        self.push(RemoveCardsCommand(self.document, [], [connector_id]))

    @precondition(lambda self: self.has("connectors"))
    @rule(data=st.data(), kind=st.sampled_from(ConnectorKind), label=texts)
    def edit_connector(self, data: st.DataObject, kind: ConnectorKind, label: str) -> None:
        connector = self.pick(data, "connectors")
        changes = {"kind": kind, "label": label}
        self.push(EditCommand(self.document, Entity.CONNECTOR, connector.id, changes))

    # ------------------------------------------------------------ personas and map

    @rule(name=texts, with_picture=st.booleans())
    def add_persona(self, name: str, with_picture: bool) -> None:
        picture = Asset(media_type="image/png", data=PIXEL_PNG) if with_picture else None
        persona = Persona(id=self.fresh_id("p"), name=name)
        self.push(AddPersonaCommand(self.document, persona, picture))

    @precondition(lambda self: self.has("personas"))
    @rule(data=st.data())
    def remove_persona(self, data: st.DataObject) -> None:
        self.push(RemovePersonaCommand(self.document, self.pick(data, "personas").id))

    @precondition(lambda self: self.has("personas"))
    @rule(
        data=st.data(), name=texts, color=colors, picture=st.sampled_from(["keep", "new", "none"])
    )
    def edit_persona(self, data: st.DataObject, name: str, color: str, picture: str) -> None:
        changes: dict[str, Any] = {"name": name, "color": color}
        if picture == "new":
            changes["avatar"] = Asset(media_type="image/png", data=PIXEL_PNG)
        elif picture == "none":
            changes["avatar"] = None
        persona = self.pick(data, "personas")
        self.push(EditPersonaCommand(self.document, persona.id, changes))

    @rule(title=texts, owner=texts, paper=st.sampled_from(["A4", "A1"]))
    def edit_map(self, title: str, owner: str, paper: str) -> None:
        changes = {"title": title, "owner": owner, "export_settings": {"paper": paper}}
        self.push(EditCommand(self.document, Entity.MAP, self.document.journey.id, changes))

    # ------------------------------------------------------------ undo and redo

    @precondition(lambda self: self.document.undo_stack.canUndo())
    @rule()
    def undo(self) -> None:
        self.document.undo_stack.undo()

    @precondition(lambda self: self.document.undo_stack.canRedo())
    @rule()
    def redo(self) -> None:
        self.document.undo_stack.redo()

    # ------------------------------------------------------------ checks

    @invariant()
    def map_is_the_one_at_this_point_of_the_history(self) -> None:
        stack = self.document.undo_stack
        assert len(self.snapshots) == stack.count() + 1
        assert dump(self.journey) == self.snapshots[stack.index()]

    @invariant()
    def lookups_find_exactly_what_is_in_the_map(self) -> None:
        cards = {card.id: card for card in self.journey.cards}
        connectors = {connector.id: connector for connector in self.journey.connectors}
        self.seen |= cards.keys() | connectors.keys()
        for item_id in self.seen:
            for things, lookup in (
                (cards, self.document.card),
                (connectors, self.document.connector),
            ):
                if item_id in things:
                    assert lookup(item_id) is things[item_id]
                else:
                    with pytest.raises(KeyError):
                        lookup(item_id)
            assert (item_id in self.document.taken_ids()) == (
                item_id in cards or item_id in connectors
            )
        cells = {(card.stage, card.lane) for card in self.journey.cards}
        for stage_id, lane_id in cells:
            in_map = edits.cell_cards(self.journey, stage_id, lane_id)
            assert self.document.cell_cards(stage_id, lane_id) == in_map

    @invariant()
    def map_is_sound(self) -> None:
        assert find_problems(self.journey) == []

    @invariant()
    def signals_told_everything(self) -> None:
        assert self.mirror.problems() == []

    def teardown(self) -> None:
        stack = self.document.undo_stack
        while stack.canUndo():
            stack.undo()
        assert dump(self.journey) == self.snapshots[0]
        assert not self.document.modified
        while stack.canRedo():
            stack.redo()
        assert dump(self.journey) == self.snapshots[-1]
        assert self.mirror.problems() == []


def test_undo_all_and_redo_all_give_back_the_exact_maps(qapp: object) -> None:
    run_state_machine_as_test(
        MapEditing,
        settings=settings(
            max_examples=100,
            stateful_step_count=40,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        ),
    )
