"""Checks that go beyond types: unique ids, resolving references, spans, cell order.

Each problem names the JSON path of the offending value, e.g. ``cards[3].stage``, so that
a message can tell the user exactly where a file is wrong; the message is worded in the
interface language (``journeycanvas.i18n``), as the editor and the CLI quote it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from journeycanvas.i18n import _
from journeycanvas.model.entities import JourneyMap
from journeycanvas.model.kinds import CARD_KINDS, CONNECTOR_KINDS, LANE_KINDS, kind_uses_emotion


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a map: where (a JSON path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def find_problems(journey: JourneyMap, *, allow_unknown_kinds: bool = True) -> list[Problem]:
    """Every integrity problem in `journey`, in file order; empty when the map is sound.

    Kinds this version does not know are kept (a newer minor version may add kinds); with
    `allow_unknown_kinds` False (a file of this version or older) each is a problem.
    """
    problems: list[Problem] = [] if allow_unknown_kinds else _unknown_kinds(journey)
    seen: dict[str, str] = {}

    def claim(item_id: str, path: str) -> None:
        if item_id in seen:
            problems.append(
                Problem(
                    path,
                    _("duplicate id {id}, also used at {path}").format(
                        id=repr(item_id), path=seen[item_id]
                    ),
                )
            )
        else:
            seen[item_id] = path

    for name in ("personas", "stages", "lanes", "cards", "connectors"):
        for index, item in enumerate(getattr(journey, name)):
            claim(item.id, f"{name}[{index}].id")
    for asset_id in journey.assets:
        claim(asset_id, f"assets.{asset_id}")

    stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
    lane_ids = {lane.id for lane in journey.lanes}
    persona_ids = {persona.id for persona in journey.personas}
    card_ids = {card.id for card in journey.cards}

    for index, persona in enumerate(journey.personas):
        if persona.avatar is not None and persona.avatar not in journey.assets:
            problems.append(Problem(f"personas[{index}].avatar", _no("asset", persona.avatar)))
    for index, card in enumerate(journey.cards):
        path = f"cards[{index}]"
        if card.stage not in stage_index:
            problems.append(Problem(f"{path}.stage", _no("stage", card.stage)))
        elif stage_index[card.stage] + card.span > len(journey.stages):
            problems.append(
                Problem(
                    f"{path}.span",
                    _("span {span} runs past the last stage").format(span=card.span),
                )
            )
        if card.lane not in lane_ids:
            problems.append(Problem(f"{path}.lane", _no("lane", card.lane)))
        for p_index, persona_id in enumerate(card.personas):
            if persona_id not in persona_ids:
                problems.append(Problem(f"{path}.personas[{p_index}]", _no("persona", persona_id)))
        if card.image is not None and card.image not in journey.assets:
            problems.append(Problem(f"{path}.image", _no("asset", card.image)))
        if card.emotion is not None and not kind_uses_emotion(card.kind):
            problems.append(
                Problem(
                    f"{path}.emotion",
                    _("only emotion cards have a score, not {kind}").format(kind=card.kind),
                )
            )
    for index, connector in enumerate(journey.connectors):
        for end in ("source", "target"):
            ref = getattr(connector, end)
            if ref not in card_ids:
                problems.append(Problem(f"connectors[{index}].{end}", _no("card", ref)))
    return problems


def _unknown_kinds(journey: JourneyMap) -> list[Problem]:
    """A problem for each lane, card or connector kind not in the kind registry."""
    problems = []
    for name, unknown, known in (
        ("lanes", _('unknown lane kind "{kind}"; use {choices}'), LANE_KINDS),
        ("cards", _('unknown card kind "{kind}"; use {choices}'), CARD_KINDS),
        ("connectors", _('unknown connector kind "{kind}"; use {choices}'), CONNECTOR_KINDS),
    ):
        for index, item in enumerate(getattr(journey, name)):
            if item.kind not in known:
                message = unknown.format(kind=item.kind, choices=", ".join(known))
                problems.append(Problem(f"{name}[{index}].kind", message))
    return problems


def _no(what: str, wanted: str | None) -> str:
    """The problem of a reference to a missing `what` ("stage", "lane" …)."""
    texts = {
        "asset": _("no asset with id {id}"),
        "card": _("no card with id {id}"),
        "lane": _("no lane with id {id}"),
        "persona": _("no persona with id {id}"),
        "stage": _("no stage with id {id}"),
    }
    return texts[what].format(id=repr(wanted))


def normalise_orders(journey: JourneyMap) -> None:
    """Renumber cards 0, 1, 2 … inside each cell, keeping their order (ties by file order)."""
    cells: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for index, card in enumerate(journey.cards):
        cells[(card.stage, card.lane)].append((card.order, index))
    for members in cells.values():
        for new_order, (_order, index) in enumerate(sorted(members)):
            card = journey.cards[index]
            if card.order != new_order:
                card.order = new_order
