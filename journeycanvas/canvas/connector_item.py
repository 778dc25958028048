"""Connectors between cards: a flow arrow, a branch with its condition, or a breakpoint.

A connector can run across the whole map, and a big map has thousands. So the connector
items only answer hit tests and carry the selection; one `ConnectorLayer` draws all of
them, batching their (orthogonal) segments into a few crisp ``drawLines`` calls per kind.

What drawing a connector takes (its lines, path, arrow head, label text) is worked out
from its layout the first time it is painted or hit-tested, and kept while the layout
object stays the same: following a new layout costs an item only its bounds, and a frame
makes no Qt object for a connector it drew before.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, KeysView
from itertools import pairwise
from typing import Protocol, cast

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeycanvas.canvas.spatial_index import Box, connector_box
from journeycanvas.canvas.text_painter import QtFonts, TextOp, draw_ops
from journeycanvas.canvas.units import qpoint, qrect
from journeycanvas.layout import ConnectorLayout
from journeycanvas.model.kinds import CONNECTOR_KINDS, ConnectorKind

ARROW_MM = 2.6
BREAK_GAP_MM = 2.4
LINE_MM = 0.45

_COLORS = {ConnectorKind(kind): QColor(spec.color) for kind, spec in CONNECTOR_KINDS.items()}
_LABEL_FILL = QColor("#ffffff")
_TEXT = QPen(QColor("#263238"))
_HALO_COLOR = QColor(21, 101, 192, 90)
_HALO = QPen(_HALO_COLOR, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
_THIN_HALO = QPen(_HALO_COLOR, 4.0)
_THIN_HALO.setCosmetic(True)
"""The halo from far away: a few pixels wide, however small the map is drawn."""
_MARGIN_MM = 3.0
_MARKER_FONT_PX = 22
_HIT_WIDTH_MM = 2.4
"""How wide the band along the line that answers clicks is (a few pixels at 100 %)."""
_LABEL_TEXT_LOD = 1.3
_DETAIL_LOD = 0.5
_GEOMETRY_CACHE = 8192
"""How many connectors' drawings a layer keeps (past that it starts afresh)."""
_DIRTY_RECTS = 400
"""How many rectangles changed connectors may repaint between two paints (then: all)."""
_PIECES_MAX = 12
"""Past this many changed segments, a connector repaints its old and new boxes."""


def _pen(kind: ConnectorKind) -> QPen:
    pen = QPen(_COLORS[kind], LINE_MM)
    pen.setCapStyle(Qt.PenCapStyle.SquareCap)
    if CONNECTOR_KINDS[kind].conditional:
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


# Thinner than a pixel (zoomed out), Qt draws these as crisp one-pixel lines, faster
# than cosmetic pens.
_PENS = {kind: _pen(kind) for kind in ConnectorKind}
_DASHED = frozenset(kind for kind in ConnectorKind if CONNECTOR_KINDS[kind].conditional)
_MARK_PENS = {
    kind: QPen(color, 0.55, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    for kind, color in _COLORS.items()
}
_LABEL_PENS = {kind: QPen(color, 0.3) for kind, color in _COLORS.items()}

_Coords = list[tuple[float, float]]


class ConnectorSource(Protocol):
    """A scene that gives the connectors around a rectangle from its layout."""

    def connectors_near(self, box: Box) -> Iterable[ConnectorLayout]:
        """The connectors around (left, top, right, bottom)."""

    def selection_set(self) -> KeysView[str]:
        """The selected ids."""


def _kind(connector: ConnectorLayout) -> ConnectorKind:
    """The connector's kind; one this version does not know (from a newer file) is drawn
    as a plain flow."""
    return ConnectorKind(connector.kind if connector.kind in _COLORS else "flow")


def _pieces(connector: ConnectorLayout) -> list[_Coords]:
    """The drawn path as coordinates: one piece, or two around a breakpoint's gap."""
    points = [(p.x, p.y) for p in connector.points]
    if not connector.break_mark:
        return [points]
    mx, my = connector.mid.x, connector.mid.y
    dx, dy = connector.mid_direction.x * BREAK_GAP_MM, connector.mid_direction.y * BREAK_GAP_MM
    index = connector.mid_segment
    return [[*points[: index + 1], (mx - dx, my - dy)], [(mx + dx, my + dy), *points[index + 1 :]]]


def _arrow_box(connector: ConnectorLayout) -> Box:
    tip = connector.points[-1]
    return tip.x - ARROW_MM, tip.y - ARROW_MM, tip.x + ARROW_MM, tip.y + ARROW_MM


def _box(connector: ConnectorLayout) -> Box:
    """The rectangle around the path and label, with a margin for the arrow, the break
    mark and the selection halo."""
    left, top, right, bottom = connector_box(connector)
    m = _MARGIN_MM
    return left - m, top - m, right + m, bottom + m


class _Geometry:
    """What drawing one layout of a connector takes: its segments as lines, its path,
    arrow head, label rectangle and label text (the last ones made when first needed)."""

    __slots__ = (
        "_arrow",
        "_label_text",
        "_path",
        "arrow_box",
        "label_rect",
        "layout",
        "lines",
    )

    def __init__(self, connector: ConnectorLayout, was: _Geometry | None = None) -> None:
        self.layout = connector
        self._path: QPainterPath | None = None
        self._arrow: QPolygonF | None = None
        self.lines: list[QLineF]
        # The lines of the drawing this one replaces are set to the new ends rather
        # than made anew: `was` is being dropped (nothing else draws it), and setting a
        # line costs a third of making one and freeing another.
        if connector.break_mark:
            ends = [
                (x1, y1, x2, y2)
                for piece in _pieces(connector)
                for (x1, y1), (x2, y2) in pairwise(piece)
            ]
        else:  # the common case, without making coordinate pairs first
            ends = [(a.x, a.y, b.x, b.y) for a, b in pairwise(connector.points)]
        lines: list[QLineF] = was.lines if was is not None else []
        for line, end in zip(lines, ends, strict=False):
            line.setLine(*end)
        del lines[len(ends) :]
        lines += [QLineF(*end) for end in ends[len(lines) :]]
        self.lines = lines
        self.arrow_box = _arrow_box(connector)
        rect = connector.label_rect
        self.label_rect = qrect(rect) if rect is not None else None
        self._label_text: tuple[list[TextOp], float] | None = None

    @property
    def path(self) -> QPainterPath:
        """The drawn line as one path (a dashed line keeps its dash pattern in phase)."""
        if self._path is None:
            path = QPainterPath()
            for piece in _pieces(self.layout):
                path.moveTo(*piece[0])
                for x, y in piece[1:]:
                    path.lineTo(x, y)
            self._path = path
        return self._path

    @property
    def arrow(self) -> QPolygonF:
        """The arrow head."""
        if self._arrow is None:
            self._arrow = _arrow_head([qpoint(p) for p in self.layout.points[-2:]])
        return self._arrow

    def label_text(self, fonts: QtFonts) -> tuple[list[TextOp], float]:
        """The label's text, ready to draw, and the scale to draw it at."""
        if self._label_text is None:
            label, rect = self.layout.label, self.layout.label_rect
            if label is None or rect is None:
                self._label_text = ([], 1.0)
            else:
                self._label_text = (fonts.ops(label, rect.x, rect.y), fonts.block_scale(label))
        return self._label_text


class ConnectorItem(QGraphicsItem):
    """One connector: its geometry for hit tests and selection (the layer draws it)."""

    def __init__(self, connector: ConnectorLayout, fonts: QtFonts) -> None:
        super().__init__()
        self.connector_id = connector.id
        self.fonts = fonts
        self._tip = ""
        self._geometry: _Geometry | None = None
        self._shape: QPainterPath | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.layout = connector
        self.kind = _kind(connector)
        self.box = _box(connector)
        self._bounds = _qbox(self.box)
        self._follow_tip()

    def set_layout(self, connector: ConnectorLayout) -> None:
        """Follow a new layout of the connector: only its bounds are worked out now; the
        layer repaints the pieces of the old and the new line that differ."""
        if connector is self.layout:
            return
        self.prepareGeometryChange()
        old = self.layout
        self.layout = connector
        self.kind = _kind(connector)
        self.box = _box(connector)
        self._bounds = _qbox(self.box)
        self._geometry = None
        self._shape = None
        self._follow_tip()
        layer = self.parentItem()
        if isinstance(layer, ConnectorLayer):
            layer.repaint_change(old, connector)

    def _follow_tip(self) -> None:
        # A label with no room shows as a numbered marker: its text on hover.
        connector = self.layout
        tip = ""
        if connector.marker is not None and connector.label is not None:
            tip = " ".join(connector.label.lines)
        if tip != self._tip:
            self._tip = tip
            self.setToolTip(tip)

    @property
    def geometry(self) -> _Geometry:
        """What drawing the current layout takes (shared with the layer's cache)."""
        if self._geometry is None:
            layer = self.parentItem()
            if isinstance(layer, ConnectorLayer):
                self._geometry = layer.geometry(self.layout)
            else:
                self._geometry = _Geometry(self.layout)
        return self._geometry

    @property
    def pieces(self) -> list[list[QPointF]]:
        """The drawn path: one piece, or two around a breakpoint's gap."""
        return [[QPointF(x, y) for x, y in piece] for piece in _pieces(self.layout)]

    @property
    def label_rect(self) -> QRectF | None:
        """The label's rectangle (or the numbered marker's disc), if any."""
        return self.geometry.label_rect

    @property
    def arrow(self) -> QPolygonF:
        """The arrow head."""
        return self.geometry.arrow

    def _repaint(self) -> None:
        layer = self.parentItem()
        if layer is not None:
            layer.update(self._bounds)

    def boundingRect(self) -> QRectF:
        """The path, arrow head, break mark and label, with a margin."""
        return self._bounds

    def shape(self) -> QPainterPath:
        """A band a few pixels wide along the drawn line, the arrow head and the label;
        never the area the path goes round (the cards there stay clickable)."""
        if self._shape is None:
            geometry = self.geometry
            stroker = QPainterPathStroker()
            stroker.setWidth(_HIT_WIDTH_MM)
            # Each part is filled on its own (winding), so none makes a hole in another.
            shape = stroker.createStroke(geometry.path).simplified()
            parts = QPainterPath()
            parts.addPolygon(geometry.arrow)
            parts.closeSubpath()
            if geometry.label_rect is not None:
                parts.addRect(geometry.label_rect)
            shape = shape.united(parts)
            shape.setFillRule(Qt.FillRule.WindingFill)
            self._shape = shape
        return self._shape

    def contains(self, point: QPointF | QPoint) -> bool:  # type: ignore[override]
        """Whether `point` lies on the shape. Qt would test the clip (the bounding rect,
        clipped by the layer) instead, which covers every card the path goes round."""
        return self.shape().contains(point)

    def collidesWithPath(
        self,
        path: QPainterPath,
        mode: Qt.ItemSelectionMode = Qt.ItemSelectionMode.IntersectsItemShape,
    ) -> bool:
        """Whether `path` (a click's pixel, a rubber band) meets the shape (see `contains`)."""
        if mode in (
            Qt.ItemSelectionMode.ContainsItemShape,
            Qt.ItemSelectionMode.ContainsItemBoundingRect,
        ):
            return path.contains(self.shape())
        return path.intersects(self.shape())

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        """Repaint (through the layer) when the selection changes."""
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._repaint()
        return super().itemChange(change, value)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Nothing: the connector layer draws every connector."""


class ConnectorLayer(QGraphicsItem):
    """The parent of every connector: clips them to the map and draws them all.

    Children of an item that clips its children stay out of the scene's BSP index, where
    a connector crossing the map would sit in thousands of leaves and every change of
    its shape would cost milliseconds. In the overview (no connector items: the map is
    seen from far away) it draws the connectors' lines straight from the layout.
    """

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.items: dict[str, ConnectorItem] = {}
        self._geometries: dict[str, _Geometry] = {}
        self._overview = False
        self._dirty_budget = _DIRTY_RECTS
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(20)

    def set_area(self, rect: QRectF) -> None:
        """Clip connectors to `rect` (the scene rect)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def set_overview(self, overview: bool) -> None:
        """Draw the lines of the connectors near the exposed area from the scene's layout
        (True), or draw the connector items (False)."""
        self._overview = overview
        self.update()

    def add(self, item: ConnectorItem) -> None:
        """Take a connector in."""
        self.items[item.connector_id] = item
        item.setParentItem(self)
        self.update(item.boundingRect())

    def discard(self, connector_id: str) -> ConnectorItem | None:
        """Let a connector go (the caller removes it from the scene)."""
        item = self.items.pop(connector_id, None)
        if item is not None:
            self.update(item.boundingRect())
        return item

    def geometry(self, connector: ConnectorLayout) -> _Geometry:
        """What drawing `connector` takes, kept while its layout object stays the same
        (so an item made again when the view comes back finds it ready)."""
        known = self._geometries.get(connector.id)
        if known is None or known.layout is not connector:
            if len(self._geometries) >= _GEOMETRY_CACHE:
                self._geometries.clear()
            known = self._geometries[connector.id] = _Geometry(connector, known)
        return known

    def repaint_change(self, old: ConnectorLayout, new: ConnectorLayout) -> None:
        """Repaint what changed between two layouts of a connector: the pieces of either
        line that the other has not, their arrow heads, marks and labels. A rerouted
        connector crossing the view repaints a few strips, not the whole view; past a
        budget of strips until the next paint (a big change), the whole layer repaints."""
        scene = self.scene()
        if scene is None or self._dirty_budget <= 0:
            return
        rects = _changed_rects(old, new)
        self._dirty_budget -= len(rects)
        if self._dirty_budget <= 0:
            self.update()
            return
        for left, top, right, bottom in rects:
            scene.update(QRectF(left, top, right - left, bottom - top))

    def boundingRect(self) -> QRectF:
        """The area connectors are drawn in."""
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw every connector crossing the exposed area (Qt clips their lines)."""
        self._dirty_budget = _DIRTY_RECTS
        area = option.exposedRect
        left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        # Connectors are orthogonal: crisp, unsmoothed lines look best and draw fastest.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if self._overview:
            self._paint_overview(painter, (left, top, right, bottom), lod)
            return
        shown: list[tuple[ConnectorItem, _Geometry]] = []
        for item in self.items.values():
            x1, y1, x2, y2 = item.box
            if x1 <= right and x2 >= left and y1 <= bottom and y2 >= top:
                shown.append((item, item.geometry))
        if not shown:
            return
        _paint_lines(painter, [(item.kind, item.isSelected(), g) for item, g in shown], lod)
        if lod < _DETAIL_LOD:
            return  # arrow heads, marks and labels would be a pixel or two: lines only
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_details(painter, shown, (left, top, right, bottom), lod)

    def _paint_overview(self, painter: QPainter, box: Box, lod: float) -> None:
        """The lines of the connectors near `box`, from the layout (no arrows, no labels)."""
        source = cast(ConnectorSource, self.scene())
        selected = source.selection_set()
        geometry = self.geometry
        shown = [
            (_kind(connector), connector.id in selected, geometry(connector))
            for connector in source.connectors_near(box)
        ]
        _paint_lines(painter, shown, lod, far=True)

    def _paint_details(
        self,
        painter: QPainter,
        shown: list[tuple[ConnectorItem, _Geometry]],
        box: Box,
        lod: float,
    ) -> None:
        """Arrow heads, break marks and labels of the connectors in `box`."""
        left, top, right, bottom = box
        painter.setPen(Qt.PenStyle.NoPen)
        for item, geometry in shown:
            x1, y1, x2, y2 = geometry.arrow_box
            if x1 <= right and x2 >= left and y1 <= bottom and y2 >= top:
                painter.setBrush(_COLORS[item.kind])
                painter.drawPolygon(geometry.arrow)
        for item, _ in shown:
            mark = item.layout.break_mark
            if mark is not None and left <= mark.x <= right and top <= mark.y <= bottom:
                _paint_break(painter, item, qpoint(mark))
        drawn: set[tuple[float, float]] = set()
        for item, geometry in shown:
            rect = item.layout.label_rect
            if rect is None or rect.x > right or rect.x + rect.w < left:
                continue
            if rect.y > bottom or rect.y + rect.h < top or (rect.x, rect.y) in drawn:
                continue
            # A fork's connectors share one label: draw it once.
            drawn.add((rect.x, rect.y))
            label_rect = cast(QRectF, geometry.label_rect)
            painter.setPen(_LABEL_PENS[item.kind])
            painter.setBrush(_LABEL_FILL)
            marker = item.layout.marker
            if marker is not None:
                painter.drawEllipse(label_rect)
                if lod >= _LABEL_TEXT_LOD:
                    _paint_number(painter, label_rect, marker)
                continue
            painter.drawRoundedRect(label_rect, 1.0, 1.0)
            if lod >= _LABEL_TEXT_LOD:
                painter.setPen(_TEXT)
                draw_ops(painter, *geometry.label_text(item.fonts))


def _paint_lines(
    painter: QPainter,
    shown: list[tuple[ConnectorKind, bool, _Geometry]],
    lod: float,
    far: bool = False,
) -> None:
    """The halos of the selected connectors, then the lines: solid ones in one call per
    kind, dashed ones a path each (so the dash pattern runs on round the corners), or
    in one call too from `far` away. Qt clips them: picking the segments in view one by
    one here would cost more than Qt's stroking of the others."""
    halos = [line for _, selected, geometry in shown if selected for line in geometry.lines]
    if halos:
        painter.setPen(_HALO if lod * _HALO.widthF() >= _THIN_HALO.widthF() else _THIN_HALO)
        painter.drawLines(halos)
    solid: dict[ConnectorKind, list[QLineF]] = {}
    dashed: dict[ConnectorKind, list[_Geometry]] = {}
    for kind, _, geometry in shown:
        if kind in _DASHED and not far:
            dashed.setdefault(kind, []).append(geometry)
        else:
            solid.setdefault(kind, []).extend(geometry.lines)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for kind in ConnectorKind:  # the same kind over another in every frame
        painter.setPen(_PENS[kind])
        if kind in solid:
            painter.drawLines(solid[kind])
        for geometry in dashed.get(kind, ()):
            painter.drawPath(geometry.path)


def _changed_rects(old: ConnectorLayout, new: ConnectorLayout) -> list[Box]:
    """The rectangles to repaint when `old` becomes `new`: each segment one has and the
    other has not (a dashed line's pattern shifts along: all of them), the arrow heads,
    break marks and labels that moved."""
    old_segments = _segment_set(old)
    new_segments = _segment_set(new)
    if _kind(old) in _DASHED or _kind(new) in _DASHED or old.kind != new.kind:
        changed = old_segments | new_segments
    else:
        changed = old_segments ^ new_segments
    if len(changed) > _PIECES_MAX:
        return [_box(old), _box(new)]
    m = _MARGIN_MM
    rects = [
        (min(x1, x2) - m, min(y1, y2) - m, max(x1, x2) + m, max(y1, y2) + m)
        for x1, y1, x2, y2 in changed
    ]
    if changed or old.points[-2:] != new.points[-2:]:
        rects += [_arrow_box(old), _arrow_box(new)]
    if (old.break_mark, old.mid) != (new.break_mark, new.mid):
        rects += [(p.x - m, p.y - m, p.x + m, p.y + m) for p in (old.mid, new.mid)]
    if (old.label_rect, old.label, old.marker) != (new.label_rect, new.label, new.marker):
        rects += [
            (r.x - m, r.y - m, r.x + r.w + m, r.y + r.h + m)
            for r in (old.label_rect, new.label_rect)
            if r is not None
        ]
    return rects


def _segment_set(connector: ConnectorLayout) -> set[Box]:
    return {
        (x1, y1, x2, y2) for piece in _pieces(connector) for (x1, y1), (x2, y2) in pairwise(piece)
    }


def _qbox(box: Box) -> QRectF:
    return QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1])


def connector_near(
    connectors: Iterable[ConnectorLayout], x: float, y: float, reach: float
) -> str | None:
    """The connector whose line passes nearest to (x, y), within `reach` (for clicks in
    the overview, where connectors have no items)."""
    best: str | None = None
    nearest = reach
    for connector in connectors:
        for piece in _pieces(connector):
            for (x1, y1), (x2, y2) in pairwise(piece):
                distance = _distance_to_segment(x, y, x1, y1, x2, y2)
                if distance <= nearest:
                    best, nearest = connector.id, distance
    return best


def _distance_to_segment(x: float, y: float, x1: float, y1: float, x2: float, y2: float) -> float:
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def _paint_number(painter: QPainter, rect: QRectF, number: int) -> None:
    """A marker's number, centred in its disc (fonts take whole pixels: drawn 10× big)."""
    painter.save()
    painter.setPen(_TEXT)
    font = QFont(painter.font())
    font.setPixelSize(_MARKER_FONT_PX)
    font.setBold(True)
    painter.setFont(font)
    painter.translate(rect.topLeft())
    painter.scale(0.1, 0.1)
    box = QRectF(0, 0, rect.width() * 10, rect.height() * 10)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(number))
    painter.restore()


def _paint_break(painter: QPainter, item: ConnectorItem, mark: QPointF) -> None:
    """Two slanted strokes across the gap in the line at `mark`: the journey breaks here."""
    d = item.layout.mid_direction
    along = QPointF(d.x, d.y)
    across = QPointF(-d.y, d.x)
    painter.setPen(_MARK_PENS[item.kind])
    for side in (-1, 1):
        center = mark + along * (side * BREAK_GAP_MM / 2)
        tilt = along * 0.9
        painter.drawLine(center - across * 2.0 - tilt, center + across * 2.0 + tilt)


def _arrow_head(points: list[QPointF]) -> QPolygonF:
    """A filled triangle at the last point, pointing along the last segment."""
    tip = points[-1]
    base = points[-2] if len(points) > 1 else tip
    dx, dy = tip.x() - base.x(), tip.y() - base.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    back = QPointF(tip.x() - ux * ARROW_MM, tip.y() - uy * ARROW_MM)
    side = QPointF(-uy * ARROW_MM * 0.45, ux * ARROW_MM * 0.45)
    return QPolygonF([tip, back + side, back - side])
