"""Maps to edit and a signal mirror, shared by the document tests."""

from __future__ import annotations

import base64
from typing import Any

from journeycanvas.document import Document
from journeycanvas.document.changes import Action, Change, Entity
from journeycanvas.model import (
    Asset,
    Card,
    CardKind,
    Connector,
    ConnectorKind,
    JourneyMap,
    Lane,
    LaneKind,
    Metric,
    Persona,
    Stage,
)

PIXEL_PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f6b1e40000000049454e44ae426082"
    )
).decode("ascii")


def sample_map() -> JourneyMap:
    """A small hourglass map with spans, connectors, personas and an avatar."""
    return JourneyMap(
        id="m1",
        title="Hourglass for a bakery",
        locale="en",
        personas=[
            Persona(id="p1", name="Anna", color="#7e57c2", avatar="a1"),
            Persona(id="p2", name="Ben", color="#26a69a"),
        ],
        stages=[
            Stage(id="s1", name="Know"),
            Stage(id="s2", name="Like"),
            Stage(id="s3", name="Trust"),
            Stage(id="s4", name="Buy"),
        ],
        lanes=[
            Lane(id="l1", kind=LaneKind.TOUCHPOINTS, title="Touchpoints"),
            Lane(id="l2", kind=LaneKind.EMOTIONS, title="Emotions"),
            Lane(id="l3", kind=LaneKind.PAIN_POINTS, title="Pain points"),
        ],
        cards=[
            Card(
                id="c1",
                stage="s1",
                lane="l1",
                order=0,
                kind=CardKind.TOUCHPOINT,
                text="Instagram reel",
                personas=["p1"],
                metric=Metric(name="reach", value=1200, target=5000, unit="views"),
            ),
            Card(id="c2", stage="s1", lane="l1", order=1, kind=CardKind.TOUCHPOINT, text="Flyer"),
            Card(id="c3", stage="s2", lane="l1", order=0, span=2, kind=CardKind.TOUCHPOINT),
            Card(id="c4", stage="s2", lane="l2", order=0, kind=CardKind.EMOTION, emotion=2),
            Card(
                id="c5",
                stage="s3",
                lane="l3",
                order=0,
                kind=CardKind.PAIN_POINT,
                text="Price unclear",
                personas=["p1", "p2"],
                votes=3,
            ),
            Card(id="c6", stage="s4", lane="l1", order=0, kind=CardKind.TOUCHPOINT, text="Shop"),
        ],
        connectors=[
            Connector(id="k1", source="c1", target="c3"),
            Connector(
                id="k2", source="c3", target="c5", kind=ConnectorKind.BRANCH, label="if price"
            ),
        ],
        assets={"a1": Asset(media_type="image/png", data=PIXEL_PNG)},
    )


def dump(journey: JourneyMap) -> dict[str, Any]:
    """Everything in a map, for exact comparison (asset order included)."""
    content = journey.model_dump()
    content["asset_order"] = list(journey.assets)
    return content


class SignalMirror:
    """Follows a document only through its signals, the way the scene does.

    `problems()` lists every way the mirror differs from the model: a change that no
    signal announced.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.rebuild()
        document.reset.connect(self.rebuild)
        document.edited.connect(self._edited)

    def rebuild(self) -> None:
        """Read everything again, as after `reset`."""
        self.tables = self._tables()
        self.header = self._header()

    def _tables(self) -> dict[str, dict[str, dict[str, Any]]]:
        journey = self.document.journey
        return {
            name: {item.id: item.model_dump() for item in getattr(journey, name + "s")}
            for name in ("card", "stage", "lane", "connector", "persona")
        }

    def _header(self) -> dict[str, Any]:
        return self.document.journey.model_dump(
            include={"title", "scenario", "owner", "locale", "export_settings"}
        )

    def _lookup(self, name: str, item_id: str) -> dict[str, Any]:
        return getattr(self.document, name)(item_id).model_dump()

    def _edited(self, change: Change) -> None:
        assert change.ids
        if change.entity is Entity.MAP:
            self.header = self._header()
            return
        table = self.tables[change.entity.value]
        for item_id in change.ids:
            if change.action is Action.REMOVED:
                del table[item_id]
                continue
            if change.action is Action.ADDED:
                assert item_id not in table
            else:
                assert item_id in table
            table[item_id] = self._lookup(change.entity.value, item_id)

    def problems(self) -> list[str]:
        """What the mirror got wrong, by kind of object and id."""
        found = []
        for name, table in self._tables().items():
            for item_id in table.keys() | self.tables[name].keys():
                if table.get(item_id) != self.tables[name].get(item_id):
                    found.append(f"{name} {item_id}")
        if self._header() != self.header:
            found.append("map header")
        return found


SIGNAL_NAMES = [
    "reset",
    "changed",
    "modified_changed",
    "path_changed",
    "selection_requested",
]


class SignalLog:
    """Every signal a document emits, in order, as (name, *arguments); an `edited`
    Change as (its name, *its ids)."""

    def __init__(self, document: Document) -> None:
        self.events: list[tuple[Any, ...]] = []
        for name in SIGNAL_NAMES:
            getattr(document, name).connect(
                lambda *args, name=name: self.events.append((name, *args))
            )
        # An edit is logged as ("card_added", id, …), ("stage_moved", id) …
        document.edited.connect(lambda change: self.events.append((change.name, *change.ids)))

    def named(self, *names: str) -> list[tuple[Any, ...]]:
        """The events with one of `names`, in order."""
        return [event for event in self.events if event[0] in names]
