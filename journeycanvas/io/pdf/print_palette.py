"""Palettes for print: the map's own colours, Okabe–Ito's colour-blind-safe eight, or
greyscale.

A `PrintPalette` gives every role its colour (card kinds' accents and fills, stages,
personas, metric bars, connectors, the emotion curve) and, in greyscale, turns any other
colour into the grey of the same luminance (`tone`, applied by the `Pen`). Personas carry
their initials in every palette, so their dots stay distinct without colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

from journeycanvas.io.pdf.colors import (
    EMOTION_CURVE,
    PAPER,
    VOTE_DOT,
    connector_color,
    luminance,
    mix,
)
from journeycanvas.io.pdf.options import PALETTES
from journeycanvas.model.entities import JourneyMap, Persona
from journeycanvas.model.kinds import (
    CARD_KINDS,
    card_accent,
    card_kind_spec,
    lane_accent,
    lane_kind_spec,
    progress_color,
)
from journeycanvas.model.kinds.palette import (
    GREY_ACCENTS,
    GREY_FILLS,
    GREY_PERSONAS,
    GREY_STAGES,
    OKABE_ITO_KINDS,
    OKABE_ITO_PERSONAS,
    OKABE_ITO_STAGES,
)

DEFAULT, OKABE_ITO, GREYSCALE = PALETTES

_OKABE_CONNECTORS = {"flow": "#000000", "branch": "#0072b2", "breakpoint": "#d55e00"}
_OKABE_PROGRESS = ("#d55e00", "#e69f00", "#009e73")
_GREY_DONE = "#404040"
_KIND_ORDER = {str(kind): index for index, kind in enumerate(CARD_KINDS)}


@cache
def grey_of(color: str) -> str:
    """The grey with the same relative luminance as `color` (a grey stays itself)."""
    y = luminance(color)
    encoded = 12.92 * y if y <= 0.0031308 else 1.055 * y ** (1 / 2.4) - 0.055
    level = round(max(0.0, min(1.0, encoded)) * 255)
    return f"#{level:02x}{level:02x}{level:02x}"


def persona_initials(personas: Sequence[Persona]) -> dict[str, str]:
    """Each persona's initials by id: the first letters of its first two words ("AB"),
    its first two letters when that would repeat another's, numbered when still alike."""
    initials: dict[str, str] = {}
    for index, persona in enumerate(personas):
        words = persona.name.split()
        short = "".join(word[0] for word in words[:2]).upper() or str(index + 1)
        if short in initials.values():
            short = persona.name.strip()[:2].title() or short
        if short in initials.values():
            short = f"{short[:1]}{index + 1}"
        initials[persona.id] = short
    return initials


@dataclass(frozen=True, slots=True)
class PrintPalette:
    """The colours of one printout (`name` one of PALETTES) and its personas' initials."""

    name: str = DEFAULT
    initials: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, name: str, journey: JourneyMap) -> PrintPalette:
        """Palette `name` for printing `journey` (its personas' initials known)."""
        return cls(name, MappingProxyType(persona_initials(journey.personas)))

    @property
    def grey(self) -> bool:
        """Whether this palette prints in greys only."""
        return self.name == GREYSCALE

    def tone(self, color: str) -> str:
        """`color` as this palette prints it: itself, or its grey."""
        return grey_of(color) if self.grey else color

    def kind_accent(self, kind: str) -> str:
        """A card kind's accent: its stripe, glyph and legend glyph."""
        if self.name == OKABE_ITO:
            return OKABE_ITO_KINDS.get(str(kind), "#000000")
        if self.grey:
            index = _KIND_ORDER.get(str(kind))
            return "#6b6b6b" if index is None else GREY_ACCENTS[index % len(GREY_ACCENTS)]
        return card_accent(kind)

    def kind_fill(self, kind: str) -> str:
        """A card kind's fill."""
        if self.name == OKABE_ITO:
            return mix(self.kind_accent(kind), PAPER, 0.8)
        if self.grey:
            index = _KIND_ORDER.get(str(kind), 0)
            return GREY_FILLS[index % len(GREY_FILLS)]
        return card_kind_spec(kind).fill

    def lane_accent(self, kind: str) -> str:
        """A lane kind's accent: that of the cards it makes."""
        spec = lane_kind_spec(kind)
        if self.name == DEFAULT or not spec.known:
            return self.tone(lane_accent(kind))
        return self.kind_accent(spec.card_kind)

    def stage(self, index: int, color: str) -> str:
        """The colour of the `index`-th stage, whose own colour is `color`."""
        if self.name == OKABE_ITO:
            return OKABE_ITO_STAGES[index % len(OKABE_ITO_STAGES)]
        if self.grey:
            return GREY_STAGES[index % len(GREY_STAGES)]
        return color

    def persona(self, index: int, color: str) -> str:
        """The colour of the `index`-th persona, whose own colour is `color`."""
        if self.name == OKABE_ITO:
            return OKABE_ITO_PERSONAS[index % len(OKABE_ITO_PERSONAS)]
        if self.grey:
            return GREY_PERSONAS[index % len(GREY_PERSONAS)]
        return color

    def progress(self, progress: float | None) -> str:
        """A metric bar's done part (`progress` value / target in 0..1, None unknown)."""
        if self.grey:
            return _GREY_DONE
        if self.name == OKABE_ITO and progress is not None:
            return _OKABE_PROGRESS[0 if progress < 0.34 else 1 if progress < 0.67 else 2]
        return progress_color(progress)

    def connector(self, kind: str) -> str:
        """A connector kind's colour."""
        if self.name == OKABE_ITO:
            return _OKABE_CONNECTORS.get(str(kind), "#000000")
        return connector_color(kind)

    @property
    def emotion_curve(self) -> str:
        """The emotion curve's colour."""
        return "#d55e00" if self.name == OKABE_ITO else EMOTION_CURVE

    @property
    def vote_dot(self) -> str:
        """The colour of vote dots and counts."""
        return "#0072b2" if self.name == OKABE_ITO else VOTE_DOT

    def recolored(self, journey: JourneyMap) -> JourneyMap:
        """`journey` with its stages, personas and cards in this palette's colours (a
        card's own colour gives way to its kind's, which the palette knows)."""
        if self.name == DEFAULT:
            return journey
        stages = [
            stage.model_copy(update={"color": self.stage(i, stage.color)})
            for i, stage in enumerate(journey.stages)
        ]
        personas = [
            persona.model_copy(update={"color": self.persona(i, persona.color)})
            for i, persona in enumerate(journey.personas)
        ]
        fills: dict[str, str] = {}
        cards = []
        for card in journey.cards:
            fill = fills.get(card.kind)
            if fill is None:
                fill = fills[card.kind] = self.kind_fill(card.kind)
            cards.append(card.model_copy(update={"color": fill}))
        return journey.model_copy(update={"stages": stages, "personas": personas, "cards": cards})


PLAIN = PrintPalette()
"""The map's own colours, without initials (a drawing without a map)."""
