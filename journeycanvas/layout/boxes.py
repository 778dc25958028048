"""The boxes a laid-out map is made of: frozen, in millimetres.

Top-level boxes (headers, cells, cards, connectors, curves) carry absolute map
coordinates, with the grid's top-left corner at (0, 0). Everything *inside* a box (its
text blocks, dots, badge) is relative to that box's top-left corner, so a card that only
moves keeps its `CardFace` and a drawing backend can translate once and draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeycanvas.layout.fast_init import fast_init
from journeycanvas.layout.geometry import Point, Rect
from journeycanvas.model.kinds import CardKind


@fast_init
@dataclass(frozen=True, slots=True)
class TextBlock:
    """Wrapped lines ready to draw: draw ``lines[i]`` with its baseline at
    (``xs[i]``, ``baselines[i]``) in `font_size_pt`, bold or not, through the font set's
    visual runs. `box` is the area the text was fitted to; every line fits its width.
    `rtl` when the text reads right to left (its lines are then right-aligned).
    """

    lines: tuple[str, ...]
    xs: tuple[float, ...]
    baselines: tuple[float, ...]
    font_size_pt: float
    bold: bool
    line_height_mm: float
    box: Rect
    truncated: bool
    rtl: bool


@fast_init
@dataclass(frozen=True, slots=True)
class StageHeader:
    """A stage's header at the top of its column; `column` runs down the whole grid."""

    id: str
    index: int
    rect: Rect
    column: Rect
    color: str
    name: TextBlock
    goal: TextBlock


@fast_init
@dataclass(frozen=True, slots=True)
class LaneHeader:
    """A lane's header at the left of its row; `row` runs across the whole grid."""

    id: str
    index: int
    rect: Rect
    row: Rect
    kind: str  # a LaneKind, or the id of a kind from a newer version, kept as it was
    icon: Rect
    title: TextBlock


@fast_init
@dataclass(frozen=True, slots=True)
class Cell:
    """One stage × lane cell; `shaded` alternates from lane to lane."""

    stage_id: str
    lane_id: str
    rect: Rect
    shaded: bool


@fast_init
@dataclass(frozen=True, slots=True)
class MetricBadge:
    """'1,200 / 5,000 views' and a bar filled to `progress` (0..1; None without a target)."""

    text: TextBlock
    bar: Rect
    progress: float | None


@fast_init
@dataclass(frozen=True, slots=True)
class PersonaDot:
    """A small disc in a persona's colour, inscribed in `rect`."""

    persona_id: str
    color: str
    rect: Rect


@fast_init
@dataclass(frozen=True, slots=True)
class CardPicture:
    """A picture shown on a card, fitted into `rect`: the asset's key and its base64 data
    (the map's own string, not a copy), so that every drawing backend can draw it."""

    asset_id: str
    data: str
    rect: Rect


@fast_init
@dataclass(frozen=True, slots=True)
class CardFace:
    """Everything drawn inside a card, relative to its top-left corner.

    It depends only on the card's content and width, so cards that move keep theirs.
    `glyph` is the id of the icon's glyph (`layout.glyph_shapes`).
    `vote_dots` holds up to the style's number of dots; with more votes, `votes_label`
    shows the count next to a single dot. `picture`, when the card has one, sits below
    the text.
    """

    width: float
    height: float
    kind: CardKind | str
    glyph: str
    fill: str
    icon: Rect
    text: TextBlock
    metric: MetricBadge | None
    vote_dots: tuple[Rect, ...]
    votes_label: TextBlock | None
    persona_dots: tuple[PersonaDot, ...]
    picture: CardPicture | None


@fast_init
@dataclass(frozen=True, slots=True)
class CardLayout:
    """A card placed on the map: its cell, slot, span, absolute `rect`, and its face."""

    id: str
    stage_id: str
    lane_id: str
    order: int
    span: int
    rect: Rect
    face: CardFace


@fast_init
@dataclass(frozen=True, slots=True)
class ConnectorLayout:
    """An orthogonal path from the source card's edge to the target card's edge, routed
    through the gutters between cells and between stacked cards (see `layout.routing`).

    The arrow head goes at ``points[-1]``. `mid` lies on segment `mid_segment` (from
    ``points[mid_segment]`` to the next point), on the connector's own part of the path
    (not the trunk it shares with the other connectors of a fork); a breakpoint draws its
    break mark there, across `mid_direction` (a unit vector along the path there).
    `label` (branch conditions, any label) is relative to `label_rect`, which lies along
    the path, clear of card text, break marks, arrow heads and other labels. When there
    is no such room, `marker` numbers the label instead: `label_rect` is then the small
    numbered disc drawn on the path, and the text goes into a legend. The connectors of
    a fork with the same label share one label on their trunk (the same `label_rect`).
    """

    id: str
    kind: str  # a ConnectorKind, or the id of a kind from a newer version, kept as it was
    source: str
    target: str
    points: tuple[Point, ...]
    mid: Point
    mid_direction: Point
    mid_segment: int
    label_rect: Rect | None
    label: TextBlock | None
    break_mark: Point | None
    marker: int | None


@fast_init
@dataclass(frozen=True, slots=True)
class EmotionPoint:
    """The average emotion score of one stage, at the stage's centre line."""

    stage_id: str
    score: float
    point: Point


@fast_init
@dataclass(frozen=True, slots=True)
class EmotionCurve:
    """The curve of an emotions lane, in a band of the lane below all its cards: +3 at
    `top_y`, 0 at `zero_y`, -3 at `bottom_y`."""

    lane_id: str
    points: tuple[EmotionPoint, ...]
    zero_y: float
    top_y: float
    bottom_y: float
