"""The map's colour palettes: stages, personas, metric progress. One home for each."""

from __future__ import annotations

STAGE_COLORS = (
    "#4f81bd", "#5b9bd5", "#70ad47", "#a5c85a", "#ffc000", "#ed7d31", "#c0504d", "#8064a2",
)  # fmt: skip
"""Colours given to new stages in turn (the editor's new stage, the blank canvas)."""

PERSONA_COLORS = ("#7e57c2", "#26a69a", "#ef6c00", "#1e88e5", "#d81b60", "#6d4c41", "#43a047")
"""Colours given to new personas in turn, so that their dots tell them apart."""


def stage_color(index: int) -> str:
    """The colour for the `index`-th stage of a map (0-based), cycling through the palette."""
    return STAGE_COLORS[index % len(STAGE_COLORS)]


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
