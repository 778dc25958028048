"""Drawing a laid-out map with a `Pen`: the same boxes and lines the canvas shows.

Everything comes from the `JourneyLayout` (mm, the grid's top-left at the origin): stage
and lane headers, cells, cards with their wrapped lines, metric badges, dots, connectors
and emotion curves. Nothing is laid out again here, so what prints is what is on screen.
Shapes are drawn in one pass and text in the next, so the PDF switches in and out of
text mode a few times per map, not per card.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable
from io import BytesIO

from reportlab.lib.utils import ImageReader

from journeycanvas.io.pdf.colors import (
    FAINT,
    GRID,
    HEADER_BG,
    INK,
    MUTED,
    PAPER,
    border_of,
    ink_on,
    mix,
)
from journeycanvas.io.pdf.icons import DOT, icon_name, lane_icon_name
from journeycanvas.io.pdf.pen import Pen, left_tab_path, round_rect_path
from journeycanvas.layout import (
    MM_PER_PT,
    CardFace,
    CardLayout,
    ConnectorLayout,
    EmotionCurve,
    JourneyLayout,
    PersonaDot,
    Point,
    Rect,
)
from journeycanvas.layout.style import CARD_STRIPE_MM
from journeycanvas.model.kinds import ConnectorKind

CARD_RADIUS_MM = 1.4
CARD_BORDER_MM = 0.18
GRID_LINE_MM = 0.2
CONNECTOR_MM = 0.35
ARROW_MM = 2.4
BREAK_GAP_MM = 2.2
BREAK_MARK_MM = 3.6
EMOTION_LINE_MM = 0.7
EMOTION_DOT_MM = 1.3
MARKER_PT = 6.0
SCALE_PT = 5.0
HATCH_MM = 0.9
_CHUNK = 256

Tick = Callable[[int], None]
"""Told how many more cards have been drawn (progress and cancelling)."""


def draw_map(pen: Pen, layout: JourneyLayout, tick: Tick | None = None) -> None:
    """The whole map: grid and headers, card shapes, emotion curves (over the cards'
    fills, under their words), card text, connectors."""
    draw_grid(pen, layout)
    cards = list(layout.cards.values())
    draw_card_shapes(pen, cards, tick)
    draw_emotion_curves(pen, layout)
    draw_card_text(pen, cards, tick)
    draw_connectors(pen, layout)


def draw_grid(pen: Pen, layout: JourneyLayout, blank: bool = False) -> None:
    """Tinted cells, thin grid lines, coloured stage header bands and lane headers.

    A `blank` grid keeps its cells white, for writing and sticking notes on.
    """
    stage_colors = [stage.color for stage in layout.stages]
    count = len(layout.stages)
    for index, cell in enumerate(layout.cells):
        color = stage_colors[index % count]
        if blank:
            tint = PAPER if not cell.shaded else mix(color, PAPER, 0.975)
        else:
            tint = mix(color, PAPER, 0.9 if cell.shaded else 0.95)
        pen.fill(tint)
        r = cell.rect
        pen.rect(r.x, r.y, r.w, r.h)
    for lane in layout.lanes:
        r = lane.rect
        pen.fill(HEADER_BG if lane.index % 2 == 0 else mix(HEADER_BG, INK, 0.04))
        pen.rect(r.x, r.y, r.w, r.h)
        pen.fill(pen.palette.lane_accent(lane.kind))
        pen.rect(r.x, r.y, 1.0, r.h)
    for stage in layout.stages:
        r = stage.rect
        pen.fill(stage.color)
        pen.rect(r.x, r.y, r.w, r.h)
    _grid_lines(pen, layout, blank)
    for lane in layout.lanes:
        accent = pen.palette.lane_accent(lane.kind)
        pen.fill(accent)
        pen.stroke(accent)
        icon = lane.icon.translated(lane.rect.x, lane.rect.y)
        pen.form(lane_icon_name(lane.kind), icon.x, icon.y, icon.w, icon.h)
    pen.fill(INK)
    for lane in layout.lanes:
        pen.block(lane.title, lane.rect.x, lane.rect.y)
    for stage in layout.stages:
        ink = ink_on(stage.color)
        pen.fill(ink)
        pen.block(stage.name, stage.rect.x, stage.rect.y)
        pen.fill(mix(ink, stage.color, 0.22))
        pen.block(stage.goal, stage.rect.x, stage.rect.y)


def _grid_lines(pen: Pen, layout: JourneyLayout, blank: bool) -> None:
    top = layout.header_height
    bottom = layout.height
    left = layout.lanes[0].rect.right if layout.lanes else layout.style.lane_header_width_mm
    pen.stroke(mix(GRID, PAPER, 0.3) if blank else GRID, GRID_LINE_MM)
    for stage in layout.stages[1:]:
        pen.line(stage.rect.x, top, stage.rect.x, bottom)
    for lane in layout.lanes[1:]:
        pen.line(0.0, lane.rect.y, layout.width, lane.rect.y)
    pen.stroke(mix(GRID, INK, 0.25), GRID_LINE_MM)
    pen.line(left, top, layout.width, top)
    pen.line(left, top, left, bottom)
    pen.stroke(PAPER, GRID_LINE_MM * 2)
    for stage in layout.stages[1:]:
        pen.line(stage.rect.x, 0.0, stage.rect.x, top)


def draw_card_shapes(pen: Pen, cards: list[CardLayout], tick: Tick | None = None) -> None:
    """The cards' boxes, stripes, icons, bars and dots; `tick` gets half a unit per card."""
    shapes = _CardShapes(pen)
    pictures: dict[str, ImageReader | None] = {}
    for start in range(0, len(cards), _CHUNK):
        chunk = cards[start : start + _CHUNK]
        for card in chunk:
            shapes.draw(card)
            if card.face.picture is not None:
                _draw_picture(pen, card, pictures)
        pen.flush()
        if tick is not None:
            tick(len(chunk) // 2)


def _draw_picture(pen: Pen, card: CardLayout, readers: dict[str, ImageReader | None]) -> None:
    """The card's picture in its box, upright (the pen draws with y down); each picture is
    read once per drawing and embedded once per PDF (ReportLab keys images by content)."""
    picture = card.face.picture
    if picture is None:
        return
    if picture.data not in readers:
        try:
            raw = BytesIO(base64.b64decode(picture.data))
            readers[picture.data] = ImageReader(raw)
        except (OSError, ValueError, SyntaxError):  # what Pillow raises for broken data
            readers[picture.data] = None
    reader = readers[picture.data]
    if reader is None:
        return
    r = picture.rect
    pen.raw(f"q 1 0 0 -1 {card.rect.x + r.x:.3f} {card.rect.y + r.bottom:.3f} cm")
    pen.flush()
    pen.canvas.drawImage(reader, 0, 0, r.w, r.h, mask="auto")
    pen.canvas.addLiteral("Q")


def draw_card_text(pen: Pen, cards: list[CardLayout], tick: Tick | None = None) -> None:
    """The cards' words: text, vote counts, metric labels."""
    for start in range(0, len(cards), _CHUNK):
        chunk = cards[start : start + _CHUNK]
        for card in chunk:
            _card_text(pen, card)
        pen.flush()
        if tick is not None:
            tick(len(chunk) - len(chunk) // 2)


class _CardShapes:
    """Writes each card's shapes in the card's own coordinates (``q … cm … Q``).

    Most of a card's look repeats from card to card (the box at a size and colour, the
    stripe, the icon, the dots), so those operators are made once per look and reused.
    """

    def __init__(self, pen: Pen) -> None:
        self.pen = pen
        self._bodies: dict[tuple[object, ...], str] = {}
        self._dots: dict[tuple[object, ...], str] = {}
        self._dot = pen.form_op(DOT)

    def draw(self, card: CardLayout) -> None:
        face = card.face
        icon = face.icon
        key = (face.width, face.height, face.fill, face.kind, face.glyph, icon.x, icon.y, icon.w)
        body = self._bodies.get(key)
        if body is None:
            body = self._bodies[key] = self._body(face, icon)
        parts = [f"q 1 0 0 1 {card.rect.x:.2f} {card.rect.y:.2f} cm", body]
        if face.metric is not None:
            parts.append(self._bar(face.fill, face.metric.bar, face.metric.progress))
        if face.vote_dots or face.persona_dots:
            dot_key = (face.vote_dots, face.persona_dots)
            dots = self._dots.get(dot_key)
            if dots is None:
                dots = self._dots[dot_key] = self._dot_ops(face.vote_dots, face.persona_dots)
            parts.append(dots)
        parts.append("Q")
        self.pen.raw("\n".join(parts))

    def _bar(self, fill: str, bar: Rect, progress: float | None) -> str:
        """A metric bar: the done part in the progress colour, the rest hatched, so that
        it reads in grey as well (the value is printed above it)."""
        op = self.pen.op
        parts = [f"{op(mix(fill, INK, 0.14))} {bar.x:.2f} {bar.y:.2f} {bar.w:.2f} {bar.h:.2f} re f"]
        filled = bar.w * (progress or 0.0)
        if filled > 0:
            done = self.pen.palette.progress(progress)
            parts.append(f"{op(done)} {bar.x:.2f} {bar.y:.2f} {filled:.2f} {bar.h:.2f} re f")
        rest = bar.w - filled
        if progress is not None and rest > HATCH_MM / 2:
            parts.append(_hatch(op(mix(fill, INK, 0.5), stroke=True), bar, filled))
        return " ".join(parts)

    def _body(self, face: CardFace, icon: Rect) -> str:
        width, height, fill = face.width, face.height, face.fill
        accent = self.pen.palette.kind_accent(face.kind)
        op = self.pen.op
        return "\n".join(
            [
                f"{op(fill)} {op(border_of(fill), stroke=True)} {CARD_BORDER_MM:.2f} w",
                round_rect_path(0, 0, width, height, CARD_RADIUS_MM) + " B",
                op(accent),
                left_tab_path(0, 0, CARD_STRIPE_MM, height, CARD_RADIUS_MM) + " f",
                f"{op(accent, stroke=True)} q {icon.w:.3f} 0 0 {icon.h:.3f} {icon.x:.3f} "
                f"{icon.y:.3f} cm {self.pen.form_op(icon_name(face.glyph))} Q",
            ]
        )

    def _dot_ops(self, votes: tuple[Rect, ...], personas: tuple[PersonaDot, ...]) -> str:
        parts = [self.pen.op(self.pen.palette.vote_dot)] if votes else []
        dots = [(None, rect) for rect in votes] + [(p.color, p.rect) for p in personas]
        for color, r in dots:
            if color is not None:
                parts.append(self.pen.op(color))
            parts.append(f"q {r.w:.2f} 0 0 {r.h:.2f} {r.x:.2f} {r.y:.2f} cm {self._dot} Q")
        return " ".join(parts)


def _card_text(pen: Pen, card: CardLayout) -> None:
    x, y = card.rect.x, card.rect.y
    face = card.face
    pen.fill(INK)
    pen.block(face.text, x, y)
    if face.votes_label is not None:
        pen.fill(pen.palette.vote_dot)
        pen.block(face.votes_label, x, y)
    if face.metric is not None:
        pen.fill(MUTED)
        pen.block(face.metric.text, x, y)
    for dot in face.persona_dots:
        initials = pen.palette.initials.get(dot.persona_id)
        if initials:
            pen.fill(ink_on(dot.color))
            r = dot.rect
            centered_text(pen, initials, x + r.x + r.w / 2, y + r.y + r.h / 2, r.w)


def centered_text(pen: Pen, text: str, cx: float, cy: float, width: float) -> None:
    """Bold `text` centred on (cx, cy), as large as fits `width` mm (initials in a dot)."""
    size = min(width * 0.62, width * 0.8 / max(1, len(text)) * 1.6) / MM_PER_PT
    measured = pen.fonts.width(text, size, True) * MM_PER_PT
    if measured > width * 0.86:
        size *= width * 0.86 / measured
        measured = width * 0.86
    pen.text(cx - measured / 2, cy + size * MM_PER_PT * 0.36, text, size, True)


def draw_connectors(pen: Pen, layout: JourneyLayout) -> None:
    """Connector paths with arrow heads, broken breakpoints, and their labels."""
    connectors = list(layout.connectors.values())
    if not connectors:
        return
    pen.save()
    pen.round_caps()
    for connector in connectors:
        _connector_path(pen, connector)
    # A fork's connectors share one label: draw it once.
    labelled = list({c.label_rect: c for c in connectors if c.label_rect is not None}.values())
    for connector in labelled:
        r = connector.label_rect
        if r is None:
            continue
        pen.fill(PAPER)
        pen.stroke(pen.palette.connector(connector.kind), GRID_LINE_MM)
        if connector.marker is None:
            pen.round_rect(r.x, r.y, r.w, r.h, min(1.2, r.h / 2), "B")
        else:
            pen.circle(r.x + r.w / 2, r.y + r.h / 2, r.w / 2, "B")
    for connector in labelled:
        r = connector.label_rect
        if r is None:
            continue
        pen.fill(INK)
        if connector.marker is None:
            if connector.label is not None:
                pen.block(connector.label, r.x, r.y)
        else:
            number = str(connector.marker)
            width = pen.fonts.width(number, MARKER_PT, True) * MM_PER_PT
            baseline = r.y + r.h / 2 + MARKER_PT * MM_PER_PT * 0.35
            pen.text(r.x + (r.w - width) / 2, baseline, number, MARKER_PT, True)
    pen.restore()


def _connector_path(pen: Pen, connector: ConnectorLayout) -> None:
    color = pen.palette.connector(connector.kind)
    points = list(connector.points)
    if len(points) < 2:
        return
    tip = points[-1]
    before = points[-2]
    length = math.hypot(tip.x - before.x, tip.y - before.y)
    if length == 0:
        return
    ux, uy = (tip.x - before.x) / length, (tip.y - before.y) / length
    arrow = min(ARROW_MM, length * 0.6)
    points[-1] = Point(tip.x - ux * arrow * 0.8, tip.y - uy * arrow * 0.8)
    pen.stroke(color, CONNECTOR_MM)
    if connector.kind == ConnectorKind.BREAKPOINT:
        _broken_path(pen, points, connector)
    else:
        pen.polyline(points)
    pen.fill(color)
    half = arrow * 0.42
    pen.polyline(
        [
            tip,
            Point(tip.x - ux * arrow - uy * half, tip.y - uy * arrow + ux * half),
            Point(tip.x - ux * arrow + uy * half, tip.y - uy * arrow - ux * half),
        ],
        "f",
        close=True,
    )


def _broken_path(pen: Pen, points: list[Point], connector: ConnectorLayout) -> None:
    """The path with a gap at its middle and two slanted bars across the gap."""
    mid, d = connector.mid, connector.mid_direction
    index = connector.mid_segment
    gap = BREAK_GAP_MM / 2
    before = Point(mid.x - d.x * gap, mid.y - d.y * gap)
    after = Point(mid.x + d.x * gap, mid.y + d.y * gap)
    pen.dash((1.4, 0.9))
    pen.polyline([*points[: index + 1], before])
    pen.polyline([after, *points[index + 1 :]])
    pen.dash()
    # Bars at 60° to the path, one on each side of the gap.
    cos, sin = math.cos(math.pi / 3), math.sin(math.pi / 3)
    bx, by = d.x * cos - d.y * sin, d.x * sin + d.y * cos
    half = BREAK_MARK_MM / 2
    pen.line_width(CONNECTOR_MM * 1.6)
    for end in (before, after):
        pen.line(end.x - bx * half, end.y - by * half, end.x + bx * half, end.y + by * half)
    pen.line_width(CONNECTOR_MM)


def draw_emotion_curves(pen: Pen, layout: JourneyLayout) -> None:
    """Each emotions lane's curve: a dashed neutral line, the smoothed curve, its points."""
    for curve in layout.emotion_curves:
        lane = layout.lanes[layout.lane_index[curve.lane_id]]
        left, right = lane.rect.right, layout.width
        pen.save()
        pen.stroke(FAINT, GRID_LINE_MM)
        pen.dash((1.0, 1.0))
        pen.line(left + 2, curve.zero_y, right - 2, curve.zero_y)
        pen.dash()
        points = [point.point for point in curve.points]
        pen.round_caps()
        pen.stroke(pen.palette.emotion_curve, EMOTION_LINE_MM)
        pen.smooth_curve(points)
        pen.fill(pen.palette.emotion_curve)
        pen.stroke(PAPER, EMOTION_LINE_MM * 0.6)
        for point in points:
            pen.circle(point.x, point.y, EMOTION_DOT_MM, "B")
        pen.restore()
        _emotion_scale(pen, curve, left)


def _emotion_scale(pen: Pen, curve: EmotionCurve, left: float) -> None:
    """The curve's scale at the lane's left edge: +3 … −3 with ticks (only +3, 0 and −3
    when the band is too low for all seven)."""
    step = (curve.zero_y - curve.top_y) / 3
    size = min(SCALE_PT, abs(step) / MM_PER_PT * 0.9) if step else SCALE_PT
    scores = range(3, -4, -1) if abs(step) >= SCALE_PT * MM_PER_PT else (3, 0, -3)
    pen.stroke(FAINT, GRID_LINE_MM)
    for score in scores:
        y = curve.zero_y - score * step
        pen.line(left, y, left + 1.2, y)
    pen.fill(MUTED)
    for score in scores:
        label = f"{score:+d}".replace("-", "\u2212") if score else "0"
        pen.text(left + 1.6, curve.zero_y - score * step + size * MM_PER_PT * 0.35, label, size)


def _hatch(stroke_op: str, bar: Rect, start: float) -> str:
    """Thin diagonal lines over the part of `bar` right of `start` (clipped to it)."""
    x0, x1 = bar.x + start, bar.right
    lines = []
    x = x0 - bar.h
    while x < x1:
        lines.append(f"{x:.2f} {bar.bottom:.2f} m {x + bar.h:.2f} {bar.y:.2f} l")
        x += HATCH_MM
    clip = f"{x0:.2f} {bar.y:.2f} {x1 - x0:.2f} {bar.h:.2f} re W n"
    return f"q {clip} {stroke_op} 0.12 w {' '.join(lines)} S Q"
