"""The kind registry: one entry per card, lane and connector kind, read by every layer.

An entry holds what the rest of the program needs to know about a kind: its display name
(an English source string, translated where it is shown), its colours, its glyph (an id
of `journeycanvas.layout.glyph_shapes`) and, for cards, the kind-specific fields it uses.
Adding a kind is adding its enum member and its entry here (and its translations); a
member without an entry fails at import.

A kind this version does not know (from a newer file) gets a neutral entry named after
its raw id: grey, a neutral glyph, drawn and exported like any card, saved unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from journeycanvas.model.kinds.vocabulary import CardKind, ConnectorKind, LaneKind


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for Qt's translation tools (lupdate, which knows this name) without
    importing Qt; returns it."""
    return text


TRANSLATION_CONTEXT = "Kinds"
"""The translation context of every kind name (see `canvas.kind_labels`)."""


class KindField(StrEnum):
    """A card field that only some kinds use."""

    EMOTION = "emotion"
    METRIC = "metric"


@dataclass(frozen=True, slots=True)
class CardKindSpec:
    """What a card kind is: name, fill and accent colours, glyph, and the fields it uses."""

    id: str
    name: str
    fill: str
    """The card's default fill (pastel, readable with dark text)."""
    accent: str
    """A saturated companion of the fill: the card's stripe, its glyph, legend swatches."""
    glyph: str
    fields: frozenset[KindField]
    known: bool = True


@dataclass(frozen=True, slots=True)
class LaneKindSpec:
    """What a lane kind is: its (plural) name, the kind of its new cards, and its glyph.

    A lane's accent colour is that of its card kind."""

    id: str
    name: str
    card_kind: CardKind
    glyph: str
    known: bool = True


@dataclass(frozen=True, slots=True)
class ConnectorKindSpec:
    """What a connector kind is: its name, its colour, and whether it is drawn broken."""

    id: str
    name: str
    color: str
    broken: bool = False
    conditional: bool = False
    """A fork: drawn dashed on the canvas."""
    known: bool = True


_NONE: frozenset[KindField] = frozenset()
_EMOTION = frozenset({KindField.EMOTION})
_METRIC = frozenset({KindField.METRIC})


def _card(
    kind: CardKind,
    name: str,
    fill: str,
    accent: str,
    fields: frozenset[KindField] = _NONE,
    glyph: str | None = None,
) -> CardKindSpec:
    return CardKindSpec(kind.value, name, fill, accent, glyph or kind.value, fields)


CARD_KINDS: dict[str, CardKindSpec] = {
    spec.id: spec
    for spec in (
        _card(CardKind.ACTION, QT_TRANSLATE_NOOP("Kinds", "Action"), "#bbdefb", "#1e88e5"),
        _card(
            CardKind.TOUCHPOINT,
            QT_TRANSLATE_NOOP("Kinds", "Touchpoint"),
            "#c8e6c9",
            "#43a047",
            _METRIC,
        ),
        _card(CardKind.CHANNEL, QT_TRANSLATE_NOOP("Kinds", "Channel"), "#b2ebf2", "#00acc1"),
        _card(CardKind.THOUGHT, QT_TRANSLATE_NOOP("Kinds", "Thought"), "#e1bee7", "#8e24aa"),
        _card(
            CardKind.EMOTION,
            QT_TRANSLATE_NOOP("Kinds", "Emotion"),
            "#ffe0b2",
            "#fb8c00",
            _EMOTION,
            glyph="face",
        ),
        _card(CardKind.PAIN_POINT, QT_TRANSLATE_NOOP("Kinds", "Pain point"), "#ffcdd2", "#e53935"),
        _card(
            CardKind.OPPORTUNITY, QT_TRANSLATE_NOOP("Kinds", "Opportunity"), "#fff59d", "#f9a825"
        ),
        _card(
            CardKind.CONTENT_IDEA, QT_TRANSLATE_NOOP("Kinds", "Content idea"), "#dcedc8", "#7cb342"
        ),
        _card(CardKind.METRIC, QT_TRANSLATE_NOOP("Kinds", "Metric"), "#cfd8dc", "#546e7a", _METRIC),
        _card(CardKind.MILESTONE, QT_TRANSLATE_NOOP("Kinds", "Milestone"), "#ffccbc", "#f4511e"),
        _card(CardKind.NOTE, QT_TRANSLATE_NOOP("Kinds", "Note"), "#f5f5f5", "#757575"),
    )
}
"""Every known card kind by id, in the order menus and legends list them."""


def _lane(kind: LaneKind, name: str, card_kind: CardKind, glyph: str | None = None) -> LaneKindSpec:
    return LaneKindSpec(kind.value, name, card_kind, glyph or CARD_KINDS[card_kind].glyph)


LANE_KINDS: dict[str, LaneKindSpec] = {
    spec.id: spec
    for spec in (
        _lane(LaneKind.ACTIONS, QT_TRANSLATE_NOOP("Kinds", "Actions"), CardKind.ACTION),
        _lane(LaneKind.TOUCHPOINTS, QT_TRANSLATE_NOOP("Kinds", "Touchpoints"), CardKind.TOUCHPOINT),
        _lane(LaneKind.CHANNELS, QT_TRANSLATE_NOOP("Kinds", "Channels"), CardKind.CHANNEL),
        _lane(LaneKind.THOUGHTS, QT_TRANSLATE_NOOP("Kinds", "Thoughts"), CardKind.THOUGHT),
        _lane(LaneKind.EMOTIONS, QT_TRANSLATE_NOOP("Kinds", "Emotions"), CardKind.EMOTION),
        _lane(LaneKind.PAIN_POINTS, QT_TRANSLATE_NOOP("Kinds", "Pain points"), CardKind.PAIN_POINT),
        _lane(
            LaneKind.OPPORTUNITIES,
            QT_TRANSLATE_NOOP("Kinds", "Opportunities"),
            CardKind.OPPORTUNITY,
        ),
        _lane(
            LaneKind.CONTENT_IDEAS,
            QT_TRANSLATE_NOOP("Kinds", "Content ideas"),
            CardKind.CONTENT_IDEA,
        ),
        _lane(LaneKind.METRICS, QT_TRANSLATE_NOOP("Kinds", "Metrics"), CardKind.METRIC),
        _lane(
            LaneKind.BACKSTAGE,
            QT_TRANSLATE_NOOP("Kinds", "Backstage / owners"),
            CardKind.NOTE,
            glyph="people",
        ),
        _lane(LaneKind.NOTES, QT_TRANSLATE_NOOP("Kinds", "Notes"), CardKind.NOTE),
    )
}
"""Every known lane kind by id, in the order menus list them."""

CONNECTOR_KINDS: dict[str, ConnectorKindSpec] = {
    spec.id: spec
    for spec in (
        ConnectorKindSpec(ConnectorKind.FLOW.value, QT_TRANSLATE_NOOP("Kinds", "Flow"), "#455a64"),
        ConnectorKindSpec(
            ConnectorKind.BRANCH.value,
            QT_TRANSLATE_NOOP("Kinds", "Branch (if / then)"),
            "#6a1b9a",
            conditional=True,
        ),
        ConnectorKindSpec(
            ConnectorKind.BREAKPOINT.value,
            QT_TRANSLATE_NOOP("Kinds", "Breakpoint"),
            "#d32f2f",
            broken=True,
        ),
    )
}
"""Every known connector kind by id, in the order menus list them."""

# A forgotten entry fails here, when the program starts, not when a card of it is drawn.
for _enum, _table in (
    (CardKind, CARD_KINDS),
    (LaneKind, LANE_KINDS),
    (ConnectorKind, CONNECTOR_KINDS),
):
    assert [member.value for member in _enum] == list(_table), f"{_enum.__name__} ≠ registry"

UNKNOWN_FILL = "#eeeeee"
"""The fill of a card whose kind this version does not know."""
UNKNOWN_ACCENT = "#9e9e9e"
"""The accent (stripe, glyph) of a card or lane whose kind this version does not know."""
UNKNOWN_GLYPH = "unknown"
"""The neutral glyph of a kind this version does not know."""


def card_kind_spec(kind: str) -> CardKindSpec:
    """The registry entry of a card kind; a neutral one, named `kind`, for an unknown kind.

    An unknown kind may carry any kind-specific field: this version cannot know its rules,
    and must not refuse or drop what a newer version wrote.
    """
    spec = CARD_KINDS.get(kind)
    if spec is None:
        spec = CardKindSpec(
            str(kind),
            str(kind),
            UNKNOWN_FILL,
            UNKNOWN_ACCENT,
            UNKNOWN_GLYPH,
            frozenset(KindField),
            known=False,
        )
    return spec


def lane_kind_spec(kind: str) -> LaneKindSpec:
    """The registry entry of a lane kind; for an unknown kind, a neutral one named `kind`
    whose new cards are notes."""
    spec = LANE_KINDS.get(kind)
    if spec is None:
        spec = LaneKindSpec(str(kind), str(kind), CardKind.NOTE, UNKNOWN_GLYPH, known=False)
    return spec


def connector_kind_spec(kind: str) -> ConnectorKindSpec:
    """The registry entry of a connector kind; an unknown kind is drawn as a plain flow."""
    spec = CONNECTOR_KINDS.get(kind)
    if spec is None:
        flow = CONNECTOR_KINDS[ConnectorKind.FLOW]
        spec = ConnectorKindSpec(str(kind), str(kind), flow.color, known=False)
    return spec


def kind_uses(kind: str, field: KindField) -> bool:
    """Whether cards of `kind` may have `field` (an unknown kind may have any)."""
    return field in card_kind_spec(kind).fields


def kind_uses_emotion(kind: str) -> bool:
    """Whether cards of `kind` have an emotion score: the rule "emotion only on emotion
    cards", asked in one place by the model, the document, the CSV and the inspector."""
    return KindField.EMOTION in card_kind_spec(kind).fields


def card_accent(kind: str) -> str:
    """The accent colour of a card kind (stripe, glyph, legend swatch)."""
    return card_kind_spec(kind).accent


def lane_accent(kind: str) -> str:
    """The accent colour of a lane kind: that of the cards it makes by default (grey when
    the kind is unknown)."""
    spec = lane_kind_spec(kind)
    return CARD_KINDS[spec.card_kind].accent if spec.known else UNKNOWN_ACCENT


def default_card_kind(lane_kind: str) -> CardKind:
    """The kind of card a new card in a lane of `lane_kind` starts as."""
    return lane_kind_spec(lane_kind).card_kind
