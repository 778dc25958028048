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


OKABE_ITO = (
    "#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
)  # fmt: skip
"""Okabe and Ito's eight colours, told apart with every common kind of colour blindness."""

OKABE_ITO_KINDS = {
    "action": "#0072b2",
    "touchpoint": "#56b4e9",
    "channel": "#009e73",
    "thought": "#cc79a7",
    "emotion": "#e69f00",
    "pain_point": "#d55e00",
    "opportunity": "#f0e442",
    "content_idea": "#009e73",
    "metric": "#000000",
    "milestone": "#e69f00",
    "note": "#000000",
}
"""Each card kind's accent in the Okabe–Ito palette (kinds sharing one differ by glyph)."""

OKABE_ITO_STAGES = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442")
"""Stage colours in the Okabe–Ito palette, in turn."""

OKABE_ITO_PERSONAS = ("#d55e00", "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#000000")
"""Persona colours in the Okabe–Ito palette, in turn."""

GREY_ACCENTS = ("#000000", "#404040", "#6b6b6b", "#8f8f8f")
"""Card kinds' accents in greyscale, in the registry's order, in turn (the glyph tells
kinds with one grey apart)."""

GREY_FILLS = ("#ffffff", "#ececec", "#dadada")
"""Card fills in greyscale, in turn, light enough for black text."""

GREY_STAGES = ("#3a3a3a", "#5c5c5c")
"""Stage header bands in greyscale, alternating."""

GREY_PERSONAS = ("#000000", "#9a9a9a", "#4d4d4d", "#d9d9d9", "#262626", "#737373", "#bfbfbf")
"""Persona dots in greyscale: luminance-distinct greys; initials tell them apart too."""
