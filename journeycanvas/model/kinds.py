"""The closed vocabularies of a journey map: lane, card and connector kinds."""

from __future__ import annotations

from enum import StrEnum


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


LANE_DEFAULT_CARD_KIND: dict[LaneKind, CardKind] = {
    LaneKind.ACTIONS: CardKind.ACTION,
    LaneKind.TOUCHPOINTS: CardKind.TOUCHPOINT,
    LaneKind.CHANNELS: CardKind.CHANNEL,
    LaneKind.THOUGHTS: CardKind.THOUGHT,
    LaneKind.EMOTIONS: CardKind.EMOTION,
    LaneKind.PAIN_POINTS: CardKind.PAIN_POINT,
    LaneKind.OPPORTUNITIES: CardKind.OPPORTUNITY,
    LaneKind.CONTENT_IDEAS: CardKind.CONTENT_IDEA,
    LaneKind.METRICS: CardKind.METRIC,
    LaneKind.BACKSTAGE: CardKind.NOTE,
    LaneKind.NOTES: CardKind.NOTE,
}

# Default fill colour of each card kind, as "#rrggbb" (pastel, readable with dark text).
CARD_KIND_COLORS: dict[CardKind, str] = {
    CardKind.ACTION: "#bbdefb",
    CardKind.TOUCHPOINT: "#c8e6c9",
    CardKind.CHANNEL: "#b2ebf2",
    CardKind.THOUGHT: "#e1bee7",
    CardKind.EMOTION: "#ffe0b2",
    CardKind.PAIN_POINT: "#ffcdd2",
    CardKind.OPPORTUNITY: "#fff59d",
    CardKind.CONTENT_IDEA: "#dcedc8",
    CardKind.METRIC: "#cfd8dc",
    CardKind.MILESTONE: "#ffccbc",
    CardKind.NOTE: "#f5f5f5",
}

# A saturated companion of each kind's fill: the card's stripe, its glyph, legend swatches.
# One table for the canvas and the print, so that what prints is what you see.
CARD_KIND_ACCENTS: dict[CardKind, str] = {
    CardKind.ACTION: "#1e88e5",
    CardKind.TOUCHPOINT: "#43a047",
    CardKind.CHANNEL: "#00acc1",
    CardKind.THOUGHT: "#8e24aa",
    CardKind.EMOTION: "#fb8c00",
    CardKind.PAIN_POINT: "#e53935",
    CardKind.OPPORTUNITY: "#f9a825",
    CardKind.CONTENT_IDEA: "#7cb342",
    CardKind.METRIC: "#546e7a",
    CardKind.MILESTONE: "#f4511e",
    CardKind.NOTE: "#757575",
}

# Colours given to new personas in turn, so that their dots tell them apart.
PERSONA_COLORS = ("#7e57c2", "#26a69a", "#ef6c00", "#1e88e5", "#d81b60", "#6d4c41", "#43a047")


def persona_color(index: int) -> str:
    """The colour for the `index`-th persona of a map (0-based), cycling through the palette."""
    return PERSONA_COLORS[index % len(PERSONA_COLORS)]


def progress_color(progress: float | None) -> str:
    """A metric bar's colour: red far from target, amber half way, green near or past it.

    `progress` is value / target in 0..1, or None when either is unknown (grey).
    """
    if progress is None:
        return "#90a4ae"
    if progress < 0.34:
        return "#e53935"
    if progress < 0.67:
        return "#fb8c00"
    return "#43a047"


def default_card_kind(lane_kind: LaneKind) -> CardKind:
    """The kind of card a new card in a lane of `lane_kind` starts as."""
    return LANE_DEFAULT_CARD_KIND[lane_kind]
