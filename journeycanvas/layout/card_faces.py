"""What a card shows and where, relative to its corner: text, icon, metric badge, dots."""

from __future__ import annotations

import base64
import binascii
import functools
from collections.abc import Mapping

from journeycanvas.i18n import number_symbols
from journeycanvas.layout.boxes import CardFace, CardPicture, MetricBadge, PersonaDot, TextBlock
from journeycanvas.layout.geometry import MM_PER_PT, Rect, up_to_grid
from journeycanvas.layout.glyph_shapes import card_glyph_id
from journeycanvas.layout.style import LayoutStyle
from journeycanvas.layout.text_blocks import block_height, text_block
from journeycanvas.model.entities import Asset, Card, Metric
from journeycanvas.model.kinds import card_kind_spec
from journeycanvas.model.pictures import picture_size
from journeycanvas.text import FontSet

_TEXT_ICON_GAP_MM = 1.0
_BAR_GAP_MM = 0.4
# Room beyond a label's measured width, so rounding never pushes it onto two lines.
_LABEL_SLACK_MM = 0.05
_CACHE_LIMIT = 100_000
PICTURE_MAX_HEIGHT_MM = 40.0
"""The tallest a card's picture is drawn: a tall screenshot is fitted, not stretched."""


ENGLISH_SYMBOLS = (",", ".")
"""Thousands separator and decimal sign of figures written the English way."""


def format_number(value: float, symbols: tuple[str, str] = ENGLISH_SYMBOLS) -> str:
    """A figure as a badge shows it: thousands separated, at most two decimals, with the
    map language's separator and decimal sign (`symbols`, from `i18n.number_symbols`)."""
    whole = value == int(value)
    text = f"{int(value):,}" if whole else f"{value:,.2f}".rstrip("0").rstrip(".")
    if symbols == ENGLISH_SYMBOLS:
        return text
    group, decimal = symbols
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def format_metric(metric: Metric, symbols: tuple[str, str] = ENGLISH_SYMBOLS) -> str:
    """The badge text of a metric: '1,200 / 5,000 views', '1,200 views', '– / 5,000 views'
    ('1 200 / 5 000 views' in Swedish).

    A metric with neither value nor target shows its name; '' when there is nothing.
    """
    if metric.value is None and metric.target is None:
        return metric.name
    text = "–" if metric.value is None else format_number(metric.value, symbols)
    if metric.target is not None:
        text += " / " + format_number(metric.target, symbols)
    return f"{text} {metric.unit}" if metric.unit else text


def metric_progress(metric: Metric) -> float | None:
    """How far the value has come towards the target, 0..1; None without both."""
    if metric.value is None or metric.target is None or metric.target <= 0:
        return None
    return max(0.0, min(1.0, metric.value / metric.target))


@functools.lru_cache(maxsize=1024)
def picture_pixels(data: str) -> tuple[int, int] | None:
    """(width, height) in pixels of a base64 PNG or JPEG, from its header; None when the
    data says nothing (the card then shows no picture). Read once per picture."""
    try:
        return picture_size(base64.b64decode(data, validate=True))
    except (binascii.Error, ValueError):
        return None


def _picture_key(card: Card, assets: Mapping[str, Asset]) -> tuple[str, str] | None:
    """The card's picture as (asset id, data), or None when it shows none."""
    asset = None if card.image is None else assets.get(card.image)
    if asset is None or card.image is None:
        return None
    return card.image, asset.data


def _face_key(
    card: Card,
    width: float,
    personas: tuple[tuple[str, str], ...],
    picture: tuple[str, str] | None,
) -> tuple[object, ...]:
    """Everything a card's face depends on, to cache faces by."""
    metric = card.metric
    metric_key = None if metric is None else (metric.name, metric.value, metric.target, metric.unit)
    glyph = card_glyph_id(card.kind, card.emotion)
    return (
        card.text, card.kind, glyph, card.color, card.votes, metric_key, personas, width, picture
    )  # fmt: skip


class CardFaces:
    """Makes card faces for one style and font set, caching them and their parts.

    `assets` is the map's table of pictures, which cards' `image` fields name.
    """

    def __init__(self, style: LayoutStyle, fonts: FontSet) -> None:
        self.style = style
        self.fonts = fonts
        self.assets: Mapping[str, Asset] = {}
        self.locale = "en"
        self._symbols = ENGLISH_SYMBOLS
        self._faces: dict[tuple[object, ...], CardFace] = {}
        self._icons: dict[float, Rect] = {}
        self._footers: dict[tuple[object, ...], _Footer] = {}

    def set_locale(self, locale: str) -> None:
        """Write figures the way the map's language does; faces made for another are dropped."""
        self.locale = locale
        symbols = number_symbols(locale)
        if symbols != self._symbols:
            self._symbols = symbols
            self._faces.clear()
            self._footers.clear()

    def face(self, card: Card, width: float, persona_colors: Mapping[str, str]) -> CardFace:
        """The face of `card` at `width` mm (from the cache when its content was seen)."""
        personas = tuple((p, persona_colors[p]) for p in card.personas if p in persona_colors)
        picture = _picture_key(card, self.assets)
        key = _face_key(card, width, personas, picture)
        face = self._faces.get(key)
        if face is None:
            if len(self._faces) >= _CACHE_LIMIT:
                self._faces.clear()
            face = self._faces[key] = self._make(card, width, personas, picture)
        return face

    def _make(
        self,
        card: Card,
        width: float,
        personas: tuple[tuple[str, str], ...],
        picture_key: tuple[str, str] | None,
    ) -> CardFace:
        style = self.style
        pad = style.card_padding_mm
        icon = self._icons.get(width)
        if icon is None:
            size = style.card_icon_mm
            icon = self._icons[width] = Rect(width - pad - size, pad, size, size)
        text_w = max(0.0, width - 2 * pad - style.card_icon_mm - _TEXT_ICON_GAP_MM)
        text = text_block(
            self.fonts,
            card.text,
            Rect(pad, pad, text_w, 0.0),
            style.card_text_pt,
            style.line_spacing,
            style.card_max_lines,
        )
        top = pad + max(block_height(text), style.card_icon_mm)
        picture = None if picture_key is None else _picture(picture_key, width, top, style)
        if picture is not None:
            top = picture.rect.bottom
        metric = card.metric
        footer_key = (
            None if metric is None else format_metric(metric, self._symbols),
            None if metric is None else metric_progress(metric),
            card.votes,
            personas,
            width,
            top,
        )
        footer = self._footers.get(footer_key)
        if footer is None:
            if len(self._footers) >= _CACHE_LIMIT:
                self._footers.clear()
            footer = self._footers[footer_key] = _footer(*footer_key, style, self.fonts)
        badge, vote_dots, votes_label, persona_dots, bottom = footer
        height = up_to_grid(max(style.card_min_height_mm, bottom + pad))
        fill = card.color or card_kind_spec(card.kind).fill
        glyph = card_glyph_id(card.kind, card.emotion)
        return CardFace(
            width, height, card.kind, glyph, fill, icon, text, badge, vote_dots, votes_label,
            persona_dots, picture,
        )  # fmt: skip


def _picture(
    picture_key: tuple[str, str], width: float, top: float, style: LayoutStyle
) -> CardPicture | None:
    """The picture below the text from `top`: as wide as the card's inside, or narrower
    and centred when that would make it taller than PICTURE_MAX_HEIGHT_MM."""
    asset_id, data = picture_key
    pixels = picture_pixels(data)
    if pixels is None or min(pixels) <= 0:
        return None
    pad = style.card_padding_mm
    inner = max(0.0, width - 2 * pad)
    ratio = pixels[1] / pixels[0]
    w, h = inner, inner * ratio
    if h > PICTURE_MAX_HEIGHT_MM:
        w, h = PICTURE_MAX_HEIGHT_MM / ratio, PICTURE_MAX_HEIGHT_MM
    rect = Rect(pad + (inner - w) / 2, top + style.footer_gap_mm, w, h)
    return CardPicture(asset_id, data, rect)


# The parts below a card's text: badge, vote dots, votes label, persona dots, bottom y.
_Footer = tuple[
    MetricBadge | None, tuple[Rect, ...], TextBlock | None, tuple[PersonaDot, ...], float
]


def _footer(
    badge_text: str | None,
    progress: float | None,
    votes: int,
    personas: tuple[tuple[str, str], ...],
    width: float,
    top: float,
    style: LayoutStyle,
    fonts: FontSet,
) -> _Footer:
    """The metric badge, vote and persona dots below the text from `top`; and their bottom."""
    pad = style.card_padding_mm
    inner = width - 2 * pad
    y = top
    badge = None
    if badge_text:
        y += style.footer_gap_mm
        label = text_block(
            fonts, badge_text, Rect(pad, y, inner, 0.0), style.metric_text_pt, style.line_spacing, 1
        )
        y += block_height(label) + _BAR_GAP_MM
        badge = MetricBadge(label, Rect(pad, y, inner, style.metric_bar_mm), progress)
        y += style.metric_bar_mm
    vote_dots: tuple[Rect, ...] = ()
    votes_label = None
    persona_dots: tuple[PersonaDot, ...] = ()
    if votes or personas:
        y += style.footer_gap_mm
        row_h = max(style.dot_mm, style.votes_pt * style.line_spacing * MM_PER_PT)
        vote_dots, votes_label, votes_x = _vote_dots(votes, y, row_h, width, style, fonts)
        persona_dots = _persona_dots(personas, y, row_h, votes_x, style)
        y += row_h
    return badge, vote_dots, votes_label, persona_dots, y


def _vote_dots(
    votes: int, y: float, row_h: float, width: float, style: LayoutStyle, fonts: FontSet
) -> tuple[tuple[Rect, ...], TextBlock | None, float]:
    """Vote dots right-aligned in the footer row; returns them, a count label, and their left x."""
    dot, gap, pad = style.dot_mm, style.dot_gap_mm, style.card_padding_mm
    dot_y = y + (row_h - dot) / 2
    right = width - pad
    if votes == 0:
        return (), None, right
    count = votes if votes <= style.max_vote_dots else 1
    dots = tuple(Rect(right - (i + 1) * dot - i * gap, dot_y, dot, dot) for i in range(count))
    left = dots[-1].x
    label = None
    if count < votes:
        digits = str(votes)
        label_w = fonts.width(digits, style.votes_pt) * MM_PER_PT + _LABEL_SLACK_MM
        left -= gap + label_w
        box = Rect(left, y, label_w, row_h)
        label = text_block(fonts, digits, box, style.votes_pt, style.line_spacing, 1)
    return dots, label, left


def _persona_dots(
    personas: tuple[tuple[str, str], ...],
    y: float,
    row_h: float,
    limit_x: float,
    style: LayoutStyle,
) -> tuple[PersonaDot, ...]:
    """Persona dots from the left of the footer row, as many as fit before `limit_x`."""
    dot, gap = style.dot_mm, style.dot_gap_mm
    dot_y = y + (row_h - dot) / 2
    dots = []
    x = style.card_padding_mm
    for persona_id, color in personas:
        if x + dot > limit_x - gap:
            break
        dots.append(PersonaDot(persona_id, color, Rect(x, dot_y, dot, dot)))
        x += dot + gap
    return tuple(dots)
