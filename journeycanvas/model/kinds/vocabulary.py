"""The kinds of a journey map's lanes, cards and connectors, and how a file may spell them.

The enums list the kinds this version knows. A file of a newer minor version may name a
kind that is not among them: any identifier of the shape `KIND_ID_PATTERN` is accepted and
kept as a plain string, so that it is saved back unchanged (see `registry` for how such a
kind is shown).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints


class LaneKind(StrEnum):
    """What a lane (row) holds; it sets the default kind of card dropped into it."""

    ACTIONS = "actions"
    TOUCHPOINTS = "touchpoints"
    CHANNELS = "channels"
    THOUGHTS = "thoughts"
    EMOTIONS = "emotions"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    CONTENT_IDEAS = "content_ideas"
    METRICS = "metrics"
    BACKSTAGE = "backstage"
    NOTES = "notes"


class CardKind(StrEnum):
    """What a card says about the journey."""

    ACTION = "action"
    TOUCHPOINT = "touchpoint"
    CHANNEL = "channel"
    THOUGHT = "thought"
    EMOTION = "emotion"
    PAIN_POINT = "pain_point"
    OPPORTUNITY = "opportunity"
    CONTENT_IDEA = "content_idea"
    METRIC = "metric"
    MILESTONE = "milestone"
    NOTE = "note"


class ConnectorKind(StrEnum):
    """How two cards are joined: plain flow, a conditional fork, or a broken channel."""

    FLOW = "flow"
    BRANCH = "branch"
    BREAKPOINT = "breakpoint"


KIND_ID_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"
"""The shape of any kind's id: what a newer file may use for a kind this version lacks."""

_KindId = Annotated[str, StringConstraints(pattern=KIND_ID_PATTERN)]

_NEWER = (
    "One of the {} kinds listed; a newer minor version of the format may add kinds, "
    "which an older JourneyCanvas keeps unchanged and shows as neutral."
)

# A known kind validates to its enum member; any other identifier stays the string it was.
# Left to right, so that "note" becomes CardKind.NOTE rather than the plain string.
LaneKindId = Annotated[
    LaneKind | _KindId, Field(union_mode="left_to_right", description=_NEWER.format("lane"))
]
"""A lane's kind as a field: a `LaneKind`, or the id of a kind from a newer version."""
CardKindId = Annotated[
    CardKind | _KindId, Field(union_mode="left_to_right", description=_NEWER.format("card"))
]
"""A card's kind as a field: a `CardKind`, or the id of a kind from a newer version."""
ConnectorKindId = Annotated[
    ConnectorKind | _KindId,
    Field(union_mode="left_to_right", description=_NEWER.format("connector")),
]
"""A connector's kind as a field: a `ConnectorKind`, or the id of a newer version's kind."""
