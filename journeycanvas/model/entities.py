"""Pydantic models of a journey map and its parts (file format 1.0).

Every persisted model keeps fields it does not know (``extra="allow"``), so that a map
written by a newer JourneyCanvas survives being opened and saved by this one.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from journeycanvas.i18n import _
from journeycanvas.model.kinds import (
    CardKind,
    CardKindId,
    ConnectorKind,
    ConnectorKindId,
    LaneKind,
    LaneKindId,
)

FORMAT_TAG = "journeycanvas"
FORMAT_VERSION = "1.0"

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_color(value: str) -> str:
    if not _COLOR.match(value):
        raise ValueError(_("colour must look like #rrggbb, not {value}").format(value=repr(value)))
    return value.lower()


def _check_timestamp(value: str) -> str:
    if value:
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise ValueError(
                _("not an ISO 8601 date and time: {value}").format(value=repr(value))
            ) from exc
    return value


def _compact_number(value: float) -> float | int:
    # Whole numbers are written as 90, not 90.0: what people type in their files.
    number = float(value)
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


Color = Annotated[
    str, AfterValidator(_check_color), Field(json_schema_extra={"pattern": _COLOR.pattern})
]
Timestamp = Annotated[str, AfterValidator(_check_timestamp)]
Id = Annotated[str, Field(min_length=1, max_length=64)]
Number = Annotated[float, PlainSerializer(_compact_number, when_used="json")]


def utc_now() -> str:
    """The current time as the file format writes it: ``2026-11-24T10:00:00Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Persisted(BaseModel):
    """Base of every model stored in a file: keeps the fields it does not know."""

    # JSON has no NaN or infinity: known fields refuse them, and a script that puts one in
    # a free-form field gets an error on save instead of a silent null.
    model_config = ConfigDict(
        extra="allow", use_enum_values=False, allow_inf_nan=False, ser_json_inf_nan="constants"
    )


class Persona(Persisted):
    """A customer segment that cards can be tagged with."""

    id: Id
    name: str = ""
    description: str = ""
    color: Color = "#7e57c2"
    avatar: Id | None = None


class Stage(Persisted):
    """A column of the map: one step of the customer's journey."""

    id: Id
    name: str = ""
    goal: str = ""
    color: Color = "#4f81bd"
    width_mm: Number = Field(default=90.0, ge=20, le=2000)


class Lane(Persisted):
    """A row of the map; its kind sets the default kind of the cards dropped into it."""

    id: Id
    kind: LaneKindId = LaneKind.NOTES
    title: str = ""
    # Optional since 1.0 files existed without it: a row height the user set by dragging the
    # lane's edge. The row still grows when its cards need more room. Left out when unset.
    height_mm: Number | None = Field(default=None, ge=10, le=2000)

    @model_serializer(mode="wrap")
    def _leave_out_unset_height(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        if data.get("height_mm", 0) is None:
            del data["height_mm"]
        return data


class Metric(Persisted):
    """A measurable figure on a touchpoint or metric card."""

    name: str = ""
    value: Number | None = None
    target: Number | None = None
    unit: str = ""


class Card(Persisted):
    """A card in one cell (stage × lane), spanning ``span`` consecutive stages."""

    id: Id
    stage: Id
    lane: Id
    order: int = Field(default=0, ge=0)
    span: int = Field(default=1, ge=1)
    kind: CardKindId = CardKind.NOTE
    text: str = ""
    notes: str = ""
    color: Color | None = None
    tags: list[str] = Field(default_factory=list)
    personas: list[Id] = Field(default_factory=list)
    votes: int = Field(default=0, ge=0)
    emotion: int | None = Field(default=None, ge=-3, le=3)
    metric: Metric | None = None
    # Set by a three-way merge that could not combine two edits of this card (journeycanvas.
    # merge): the other side's value is in the notes. Left out of the file when False.
    conflict: bool = Field(default=False, exclude_if=lambda flagged: not flagged)
    # A picture shown on the card (a screenshot of an ad, a photo of a touchpoint): the key
    # of an asset. Left out of the file when the card has none.
    image: Id | None = Field(default=None, exclude_if=lambda image: image is None)
    # The display name of the workshop participant who wrote the card from a phone
    # (journeycanvas.workshop). Optional since 1.0; left out of the file when unset.
    author: str | None = Field(default=None, max_length=200, exclude_if=lambda name: name is None)


class Connector(Persisted):
    """An arrow between two cards: flow, a branch with a condition, or a breakpoint."""

    id: Id
    source: Id
    target: Id
    kind: ConnectorKindId = ConnectorKind.FLOW
    label: str = ""


class RoundResult(Persisted):
    """One card's result in a workshop voting round."""

    card: Id
    text: str = ""
    """The card's text when the round closed, so that a later edit or deletion of the card
    does not change what the round decided."""
    votes: int = Field(default=0, ge=0)
    voters: list[str] = Field(default_factory=list)
    """Display names of who voted for it (one entry per vote); empty for an anonymous round."""


class WorkshopRound(Persisted):
    """A dot-voting round of a workshop, with its results ranked by votes."""

    id: Id
    date: Timestamp = ""
    title: str = ""
    anonymous: bool = True
    votes_per_participant: int = Field(default=3, ge=1)
    participants: int = Field(default=0, ge=0)
    results: list[RoundResult] = Field(default_factory=list)


class Asset(Persisted):
    """An embedded picture (a persona's avatar, a card's picture), base64 encoded."""

    media_type: str
    data: str


class AsIsLink(Persisted):
    """Where a to-be map came from: its as-is map's file (relative to this one when they
    share a folder), id and title at the time."""

    path: str = ""
    id: str = ""
    title: str = ""


class JourneyMap(Persisted):
    """A whole customer-journey map: the content of one ``.journey`` file."""

    format: str = FORMAT_TAG
    version: str = FORMAT_VERSION
    id: Id
    title: str = ""
    scenario: str = ""
    owner: str = ""
    locale: str = ""
    created: Timestamp = ""
    modified: Timestamp = ""
    personas: list[Persona] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    lanes: list[Lane] = Field(default_factory=list)
    cards: list[Card] = Field(default_factory=list)
    connectors: list[Connector] = Field(default_factory=list)
    assets: dict[Id, Asset] = Field(default_factory=dict)
    export_settings: dict[str, Any] = Field(default_factory=dict)
    # Results of the workshop's voting rounds, oldest first (journeycanvas.workshop). Optional
    # since 1.0; left out of the file when empty.
    workshop_rounds: list[WorkshopRound] = Field(
        default_factory=list, exclude_if=lambda rounds: not rounds
    )
    # A to-be map's link to its as-is ("Save as To-Be"); left out of the file when unset.
    as_is: AsIsLink | None = Field(default=None, exclude_if=lambda link: link is None)
