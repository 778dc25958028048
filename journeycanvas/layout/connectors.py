"""Connector paths: orthogonal routes from one card's edge to another's, with a label."""

from __future__ import annotations

import math

from journeycanvas.layout.boxes import ConnectorLayout, TextBlock
from journeycanvas.layout.geometry import MM_PER_PT, Point, Rect
from journeycanvas.layout.style import LayoutStyle
from journeycanvas.layout.text_blocks import block_height, text_block
from journeycanvas.model.entities import Connector
from journeycanvas.model.kinds import ConnectorKind
from journeycanvas.text import FontSet

_LABEL_SLACK_MM = 0.05
_LABEL_CACHE_LIMIT = 10_000


def route(source: Rect, target: Rect) -> tuple[Point, ...]:
    """An orthogonal path between two cards.

    Side by side: from the facing vertical edges at mid-height, with an elbow halfway.
    Above one another: from the facing horizontal edges at mid-width. Overlapping:
    straight from centre to centre.
    """
    if target.x >= source.right or target.right <= source.x:
        rightwards = target.x >= source.right
        start = Point(source.right if rightwards else source.x, source.center.y)
        end = Point(target.x if rightwards else target.right, target.center.y)
        if abs(start.y - end.y) < 1e-9:
            return (start, end)
        mid_x = (start.x + end.x) / 2
        return (start, Point(mid_x, start.y), Point(mid_x, end.y), end)
    if target.y >= source.bottom or target.bottom <= source.y:
        downwards = target.y >= source.bottom
        start = Point(source.center.x, source.bottom if downwards else source.y)
        end = Point(target.center.x, target.y if downwards else target.bottom)
        if abs(start.x - end.x) < 1e-9:
            return (start, end)
        mid_y = (start.y + end.y) / 2
        return (start, Point(start.x, mid_y), Point(end.x, mid_y), end)
    return (source.center, target.center)


def _middle(points: tuple[Point, ...]) -> tuple[Point, Point]:
    """The middle of the path's middle segment, and a unit vector along it."""
    index = (len(points) - 1) // 2
    a, b = points[index], points[index + 1]
    length = math.hypot(b.x - a.x, b.y - a.y)
    direction = (
        Point(1.0, 0.0) if length == 0 else Point((b.x - a.x) / length, (b.y - a.y) / length)
    )
    return Point((a.x + b.x) / 2, (a.y + b.y) / 2), direction


class ConnectorRouter:
    """Lays out connectors for one style and font set, caching label boxes by text."""

    def __init__(self, style: LayoutStyle, fonts: FontSet) -> None:
        self.style = style
        self.fonts = fonts
        self._labels: dict[str, tuple[TextBlock, float, float]] = {}

    def layout(self, connector: Connector, source: Rect, target: Rect) -> ConnectorLayout:
        """Lay out one connector between the rectangles of its two cards."""
        points = route(source, target)
        mid, direction = _middle(points)
        label_rect, label = None, None
        if connector.label.strip():
            label, width, height = self._label_box(connector.label)
            label_rect = Rect(mid.x - width / 2, mid.y - height / 2, width, height)
        break_mark = mid if connector.kind == ConnectorKind.BREAKPOINT else None
        return ConnectorLayout(
            connector.id,
            connector.kind,
            connector.source,
            connector.target,
            points,
            mid,
            direction,
            label_rect,
            label,
            break_mark,
        )

    def _label_box(self, text: str) -> tuple[TextBlock, float, float]:
        """A label's text block (relative to its box), and the box's width and height."""
        cached = self._labels.get(text)
        if cached is not None:
            return cached
        style, fonts = self.style, self.fonts
        pad = style.connector_label_padding_mm
        size = style.connector_label_pt
        max_w = style.connector_label_max_width_mm
        wrapped = fonts.wrap(text, max_w / MM_PER_PT, size, style.connector_label_max_lines)
        # Re-wrapping at the widest line's width gives the same lines, centred in a snug box.
        widest = max((fonts.width(line, size) for line in wrapped.lines), default=0.0)
        inner_w = min(widest * MM_PER_PT + _LABEL_SLACK_MM, max_w)
        block = text_block(
            fonts,
            text,
            Rect(pad, pad, inner_w, 0.0),
            size,
            style.line_spacing,
            style.connector_label_max_lines,
            centered=True,
        )
        cached = (block, inner_w + 2 * pad, block_height(block) + 2 * pad)
        if len(self._labels) >= _LABEL_CACHE_LIMIT:
            self._labels.clear()
        self._labels[text] = cached
        return cached
