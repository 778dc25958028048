"""Random edit sequences on a copy of a map, as two people make them on two branches.

    branch = edit_branch(draw, base, "A")   # a changed deep copy of base

Edits go through the model's own edit functions (the ones the editor's commands call), so
every branch is a map the editor could have saved. New ids start with the branch's capital
letter, which generated ids never contain, so two branches never invent the same id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from hypothesis import strategies as st
from strategies import texts

from journeycanvas.model import (
    Card,
    CardKind,
    Connector,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Stage,
    edits,
)

T = TypeVar("T")

FEW_TEXTS = st.sampled_from(["Slow checkout", "No parking", "Fresh at 7", "Kö vid kassan", ""])
"""Few texts, so that two branches sometimes make the very same change."""

EDITS = (
    "card_text", "card_votes", "card_notes", "card_tag", "move_card", "add_card",
    "remove_card", "add_stage", "remove_stage", "move_stage", "rename_stage", "add_lane",
    "remove_lane", "move_lane", "rename_lane", "add_connector", "remove_connector",
    "label_connector", "add_persona", "remove_persona", "rename_persona", "title",
    "card_kind", "card_emotion",
)  # fmt: skip


def edit_branch(draw: st.DrawFn, base: JourneyMap, letter: str, max_edits: int = 8) -> JourneyMap:
    """A deep copy of `base` with up to `max_edits` random edits."""
    journey = base.model_copy(deep=True)
    counter = iter(range(1000))

    def fresh() -> str:
        return f"{letter}{next(counter)}"

    for name in draw(st.lists(st.sampled_from(EDITS), max_size=max_edits)):
        _apply(draw, journey, name, fresh)
    return journey


def _pick(draw: st.DrawFn, items: list[T]) -> T:
    # Often one of the first two, so that both branches touch the same objects.
    return draw(st.sampled_from(items[:2]) | st.sampled_from(items))


def _apply(draw: st.DrawFn, journey: JourneyMap, name: str, new: Callable[[], str]) -> None:
    cards, stages, lanes = journey.cards, journey.stages, journey.lanes
    text = st.one_of(FEW_TEXTS, texts)
    if name.startswith("card_") and cards:
        card = _pick(draw, cards)
        if name == "card_text":
            card.text = draw(text)
        elif name == "card_votes":
            card.votes = draw(st.integers(0, 9))
        elif name == "card_notes":
            card.notes = draw(text)
        elif name == "card_tag" and journey.personas:
            persona = _pick(draw, journey.personas).id
            if persona not in card.personas:
                card.personas = [*card.personas, persona]
        elif name == "card_kind":
            card.kind = draw(st.sampled_from(CardKind))
            if card.kind != CardKind.EMOTION:
                card.emotion = None
        elif name == "card_emotion" and card.kind == CardKind.EMOTION:
            card.emotion = draw(st.integers(-3, 3))
    elif name == "move_card" and cards:
        card = _pick(draw, cards)
        stage, lane = _pick(draw, stages), _pick(draw, lanes)
        edits.move_cards(journey, [card.id], stage.id, lane.id, draw(st.integers(0, 5)))
    elif name == "add_card" and stages and lanes:
        stage, lane = _pick(draw, stages), _pick(draw, lanes)
        card = Card(id=new(), stage=stage.id, lane=lane.id, order=draw(st.integers(0, 5)))
        card.text = draw(text)
        edits.add_card(journey, card)
    elif name == "remove_card" and cards:
        edits.remove_cards(journey, [_pick(draw, cards).id])
    elif name == "add_stage":
        stage = Stage(id=new(), name=draw(FEW_TEXTS))
        edits.add_stage(journey, stage, draw(st.integers(0, len(stages))))
    elif name == "remove_stage" and stages:
        edits.remove_stage(journey, _pick(draw, stages).id)
    elif name == "move_stage" and stages:
        stage = _pick(draw, stages)
        edits.move_stage(journey, stage.id, draw(st.integers(0, len(stages) - 1)))
    elif name == "rename_stage" and stages:
        _pick(draw, stages).name = draw(text)
    elif name == "add_lane":
        lane = Lane(id=new(), kind=draw(st.sampled_from(LaneKind)), title=draw(FEW_TEXTS))
        edits.add_lane(journey, lane, draw(st.integers(0, len(lanes))))
    elif name == "remove_lane" and lanes:
        edits.remove_lane(journey, _pick(draw, lanes).id)
    elif name == "move_lane" and lanes:
        lane = _pick(draw, lanes)
        edits.move_lane(journey, lane.id, draw(st.integers(0, len(lanes) - 1)))
    elif name == "rename_lane" and lanes:
        _pick(draw, lanes).title = draw(text)
    elif name == "add_connector" and cards:
        source, target = _pick(draw, cards), _pick(draw, cards)
        edits.add_connector(journey, Connector(id=new(), source=source.id, target=target.id))
    elif name == "remove_connector" and journey.connectors:
        edits.remove_connector(journey, _pick(draw, journey.connectors).id)
    elif name == "label_connector" and journey.connectors:
        _pick(draw, journey.connectors).label = draw(text)
    elif name == "add_persona":
        edits.add_persona(journey, Persona(id=new(), name=draw(FEW_TEXTS)))
    elif name == "remove_persona" and journey.personas:
        edits.remove_persona(journey, _pick(draw, journey.personas).id)
    elif name == "rename_persona" and journey.personas:
        _pick(draw, journey.personas).name = draw(text)
    elif name == "title":
        journey.title = draw(text)
