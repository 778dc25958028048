"""A card on the canvas: drawn from its `CardLayout`, text painted from the layout's lines.

On the screen the inside of a card (every pixel that its opaque fill covers whole: text,
glyph, picture, footer) is kept as an image at the current zoom and pixel phase, and
blitted while neither changes: a frame after an edit or a scroll copies the cards it did
not touch. The image is made the second time a card is painted at the same zoom and
phase, so that a zoom frame costs no more than drawing. The edge, shadow and marks are
drawn each time; a dimmed card (drawn see-through) and other paint devices (SVG,
printing, PNG export) are drawn directly.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeycanvas.canvas.glyphs import accent, draw_glyph_cached
from journeycanvas.canvas.pictures import embedded_image
from journeycanvas.canvas.text_painter import QtFonts, TextOp, draw_ops
from journeycanvas.canvas.units import qrect
from journeycanvas.layout import MM_PER_PT, CardFace, CardLayout
from journeycanvas.layout.style import CARD_STRIPE_MM
from journeycanvas.model.kinds import progress_color

SHADOW_MM = 0.45
HANDLE_RADIUS_MM = 1.7
EDGE_GRIP_MM = 1.6
"""How far in from a card's right edge a press grabs the edge (to widen the card)."""

# Zoom levels (screen pixels per mm) below which less is drawn.
TEXT_MIN_LOD = 1.3
BOX_ONLY_LOD = 0.55
STRIPE_MIN_LOD = 0.3

_TEXT_PEN = QPen(QColor("#263238"))
_MUTED_PEN = QPen(QColor("#546e7a"))
_SHADOW = QColor(0, 0, 0, 34)
_GREEK = QColor(38, 50, 56, 70)
_DOT_BRUSH = QBrush(QColor("#37474f"))
_BAR_BACK = QBrush(QColor(0, 0, 0, 30))
_SELECTED_PEN = QPen(QColor("#1565c0"), 0.6)
_HIGHLIGHT_PEN = QPen(QColor("#ff9100"), 0.9)
_HANDLE_PEN = QPen(QColor("#1565c0"), 0.4)
_WHITE = QBrush(QColor("#ffffff"))
_PERSONA_PEN = QPen(QColor("#ffffff"), 0.3)
_DIMMED_OPACITY = 0.2
# Enum members looked up once: each lookup costs a call per card and frame.
_SMOOTH = QPainter.RenderHint.Antialiasing
_SMOOTH_PIXMAPS = QPainter.RenderHint.SmoothPixmapTransform
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_RASTER = QPaintEngine.Type.Raster
_SCALED = QTransform.TransformationType.TxScale.value
_MAX_INSIDE_PIXELS = 1024 * 1024
"""Cards bigger than this on the device (in pixels) are drawn directly, not kept."""
_IDENTITY = QTransform()
_PHASE_STEPS = 64
"""Sub-pixel phases closer than 1/64 pixel share an image."""


_PROGRESS_COLORS: dict[str, QColor] = {}


def progress_qcolor(progress: float | None) -> QColor:
    """The metric bar's colour as a QColor (shared with the print via model.kinds)."""
    name = progress_color(progress)
    color = _PROGRESS_COLORS.get(name)
    if color is None:
        color = _PROGRESS_COLORS[name] = QColor(name)
    return color


class _FaceDrawing:
    """What painting a face needs beyond the face, made once per face: Qt text steps,
    greeked lines, and the footer's shapes."""

    __slots__ = (
        "badge", "badge_scale", "bar", "bar_filled", "greek", "icon", "persona_dots",
        "picture", "text", "text_scale", "vote_dots", "votes", "votes_scale",
    )  # fmt: skip

    def __init__(self, face: CardFace, fonts: QtFonts) -> None:
        self.icon = qrect(face.icon)
        self.picture = None if face.picture is None else qrect(face.picture.rect)
        self.text: list[TextOp] = fonts.ops(face.text)
        self.text_scale = fonts.block_scale(face.text)
        self.badge: list[TextOp] = []
        self.badge_scale = 1.0
        self.bar: QRectF | None = None
        self.bar_filled: QRectF | None = None
        if face.metric is not None:
            self.badge = fonts.ops(face.metric.text)
            self.badge_scale = fonts.block_scale(face.metric.text)
            self.bar = qrect(face.metric.bar)
            progress = face.metric.progress
            filled = QRectF(self.bar)
            filled.setWidth(self.bar.width() * (1.0 if progress is None else progress))
            self.bar_filled = filled if filled.width() > 0 else None
        self.votes: list[TextOp] = []
        self.votes_scale = 1.0
        if face.votes_label is not None:
            self.votes = fonts.ops(face.votes_label)
            self.votes_scale = fonts.block_scale(face.votes_label)
        # One path for all vote dots: one fill instead of one per dot.
        self.vote_dots: QPainterPath | None = None
        if face.vote_dots:
            self.vote_dots = QPainterPath()
            for dot in face.vote_dots:
                self.vote_dots.addEllipse(qrect(dot))
        self.persona_dots = [(qrect(dot.rect), QColor(dot.color)) for dot in face.persona_dots]
        block = face.text
        height = block.font_size_pt * MM_PER_PT * 0.55
        self.greek = [
            QRectF(x, baseline - height, fonts.fonts.width(line, block.font_size_pt) * MM_PER_PT,
                   height)
            for line, x, baseline in zip(block.lines, block.xs, block.baselines, strict=True)
        ]  # fmt: skip


_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_Geometry = tuple[QRectF, QRectF, QPointF, tuple[QRectF, QRectF, QRectF]]
_GEOMETRY: dict[tuple[float, float], _Geometry] = {}
_COLOURS: dict[tuple[str, str], tuple[QColor, QPen, QColor]] = {}


def _geometry(width: float, height: float) -> _Geometry:
    """A card's rectangle, bounding rectangle (room for outline and handle), handle, and
    the rectangles of its shadow (right, bottom) and kind stripe."""
    margin = 1.0
    bounds = QRectF(-margin, -margin, width + margin + HANDLE_RADIUS_MM + 0.3, height + 2 * margin)
    chrome = (
        QRectF(width, SHADOW_MM, SHADOW_MM, height),
        QRectF(SHADOW_MM, height, width, SHADOW_MM),
        QRectF(0, 0, CARD_STRIPE_MM, height),
    )
    return QRectF(0, 0, width, height), bounds, QPointF(width, height / 2), chrome


def _colours(face: CardFace) -> tuple[QColor, QPen, QColor]:
    """A card's fill, border pen and kind accent."""
    fill = QColor(face.fill)
    return fill, QPen(fill.darker(125), 0.25), accent(face.kind)


class CardItem(QGraphicsItem):
    """One card. It never changes the model: interactions read `card_id` and push commands."""

    def __init__(self, card: CardLayout, fonts: QtFonts) -> None:
        super().__init__()
        self.card_id = card.id
        self._fonts = fonts
        self.layout = card
        self.dimmed = False
        self.highlighted = False
        self._hovered = False
        self._set_face(card.face)
        self.setFlag(_SELECTABLE)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.setPos(card.rect.x, card.rect.y)

    def _set_face(self, face: CardFace) -> None:
        # Cards share sizes and colours: the Qt objects for them are made once and shared.
        geometry = _GEOMETRY.get((face.width, face.height))
        if geometry is None:
            geometry = _GEOMETRY[(face.width, face.height)] = _geometry(face.width, face.height)
        self._rect, self._bounds, self._handle, self._chrome = geometry
        colours = _COLOURS.get((face.fill, face.kind))
        if colours is None:
            colours = _COLOURS[(face.fill, face.kind)] = _colours(face)
        self._fill, self._border, self._accent = colours
        self._shape: QPainterPath | None = None
        self._drawing: _FaceDrawing | None = None
        self._inside: QImage | None = None
        self._inside_key: tuple[object, ...] | None = None
        self._seen_key: tuple[object, ...] | None = None

    def set_layout(self, card: CardLayout) -> None:
        """Follow a new layout of the card: position, and face when it changed."""
        if card.face is not self.layout.face:
            self.prepareGeometryChange()
            self._set_face(card.face)
            self.update()
        self.layout = card
        self.setPos(card.rect.x, card.rect.y)

    def set_display(self, dimmed: bool, highlighted: bool) -> None:
        """Dim the card (persona view) or mark it as a find match."""
        if dimmed != self.dimmed or highlighted != self.highlighted:
            self.dimmed, self.highlighted = dimmed, highlighted
            self.update()

    def card_rect(self) -> QRectF:
        """The card's rectangle in item coordinates (the bounding rect has margins)."""
        return QRectF(self._rect)

    def handle_center(self) -> QPointF:
        """Where the connector handle sits, in item coordinates."""
        return QPointF(self._handle)

    def on_handle(self, point: QPointF) -> bool:
        """Whether an item-coordinate point is on the connector handle."""
        delta = point - self.handle_center()
        return delta.x() ** 2 + delta.y() ** 2 <= (HANDLE_RADIUS_MM + 0.4) ** 2

    def on_right_edge(self, point: QPointF) -> bool:
        """Whether an item-coordinate point grabs the card's right edge (not the handle)."""
        w = self._rect.width()
        return w - EDGE_GRIP_MM <= point.x() <= w + 0.3 and not self.on_handle(point)

    def boundingRect(self) -> QRectF:
        """The card with room for the selection outline and the connector handle."""
        return self._bounds

    def shape(self) -> QPainterPath:
        """The card and its handle, for hit tests."""
        if self._shape is None:
            path = QPainterPath()
            path.addRect(self._rect)
            path.addEllipse(self.handle_center(), HANDLE_RADIUS_MM, HANDLE_RADIUS_MM)
            self._shape = path
        return self._shape

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Show the connector handle."""
        self._hovered = True
        self.update()

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """A resize cursor over the right edge."""
        if self.on_right_edge(event.pos()):
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        elif self.on_handle(event.pos()):
            self.setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.unsetCursor()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Hide the connector handle."""
        self._hovered = False
        self.unsetCursor()
        self.update()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        """Draw the card: full detail when big enough on screen, boxes when far away."""
        world = painter.worldTransform()
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(world)
        rect = self._rect
        selected = self.isSelected()
        if self.dimmed:
            painter.setOpacity(_DIMMED_OPACITY)
        if lod < BOX_ONLY_LOD:
            painter.fillRect(rect, self._fill)
            if lod >= STRIPE_MIN_LOD:
                painter.fillRect(self._chrome[2], self._accent)
            if selected or self.highlighted:
                painter.setPen(_HIGHLIGHT_PEN if self.highlighted else _SELECTED_PEN)
                painter.setBrush(_NO_BRUSH)
                painter.drawRect(rect)
            return
        self._paint_box(painter)
        if self.dimmed or widget is None or not self._blit_inside(painter, lod, world):
            self._paint_inside(painter, lod)
        painter.setRenderHint(_SMOOTH, True)
        if selected or self.highlighted:
            painter.setPen(_HIGHLIGHT_PEN if self.highlighted else _SELECTED_PEN)
            painter.setBrush(_NO_BRUSH)
            painter.drawRect(rect.adjusted(-0.45, -0.45, 0.45, 0.45))
        if selected or self._hovered:
            painter.setPen(_HANDLE_PEN)
            painter.setBrush(_WHITE)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS_MM, HANDLE_RADIUS_MM)
            painter.setBrush(_HANDLE_PEN.color())
            painter.drawEllipse(self.handle_center(), 0.6, 0.6)

    def _paint_box(self, painter: QPainter) -> None:
        # A sticky note: square, opaque fills drawn without smoothing (the cheap path),
        # a soft shadow only where it shows.
        painter.setRenderHint(_SMOOTH, False)
        shadow_right, shadow_bottom, stripe = self._chrome
        painter.fillRect(shadow_right, _SHADOW)
        painter.fillRect(shadow_bottom, _SHADOW)
        painter.fillRect(self._rect, self._fill)
        painter.fillRect(stripe, self._accent)
        painter.setPen(self._border)
        painter.setBrush(_NO_BRUSH)
        painter.drawRect(self._rect)

    def _paint_inside(self, painter: QPainter, lod: float) -> None:
        """The smoothed glyph, text, picture and footer, over the box."""
        face = self.layout.face
        painter.setRenderHint(_SMOOTH, True)
        if self._drawing is None:
            self._drawing = _FaceDrawing(face, self._fonts)
        drawing = self._drawing
        if lod < TEXT_MIN_LOD:
            painter.setPen(_NO_PEN)
            painter.setBrush(_GREEK)
            for line in drawing.greek:
                painter.drawRect(line)
        else:
            icon = drawing.icon
            draw_glyph_cached(painter, face.glyph, icon, self._accent, icon.width() * lod)
            painter.setPen(_TEXT_PEN)
            draw_ops(painter, drawing.text, drawing.text_scale)
        if face.picture is not None and drawing.picture is not None:
            # Decoded once per picture (cached by content), scaled by the painter.
            painter.setRenderHint(_SMOOTH_PIXMAPS, True)
            painter.drawImage(drawing.picture, embedded_image(face.picture.data))
        self._paint_footer(painter, face, drawing, lod >= TEXT_MIN_LOD)

    def _blit_inside(self, painter: QPainter, lod: float, world: QTransform) -> bool:
        """Copy the inside from the kept image (made if this zoom and phase was painted
        before); False when it must be drawn."""
        if painter.paintEngine().type() != _RASTER:
            return False
        device = painter.deviceTransform()
        if device.type().value > _SCALED or world.m11() == 0:
            return False
        sx, sy, ox, oy = device.m11(), device.m22(), device.dx(), device.dy()
        # The device pixels wholly inside the card's rectangle, less one all round: its
        # fill covers them, and its border (drawn unsmoothed, rounded to whichever pixel)
        # never falls on them, so the kept image shows exactly what drawing would.
        left, top = math.ceil(ox) + 1, math.ceil(oy) + 1
        width = math.floor(ox + self._rect.width() * sx) - 1 - left
        height = math.floor(oy + self._rect.height() * sy) - 1 - top
        if width <= 0 or height <= 0 or width * height > _MAX_INSIDE_PIXELS:
            return False
        phase_x, phase_y = ox - left, oy - top
        # The device is the painter's coordinates scaled by the screen's pixel ratio and
        # moved (to the widget in its window).
        ratio = sx / world.m11()
        key = (sx, sy, round(phase_x * _PHASE_STEPS), round(phase_y * _PHASE_STEPS),
               width, height, painter.renderHints())  # fmt: skip
        image = self._inside
        if image is None or key != self._inside_key:
            self._inside = None
            if key != self._seen_key:
                self._seen_key = key
                return False
            image = self._inside = self._draw_inside(painter, lod, device, phase_x, phase_y,
                                                     width, height, ratio)  # fmt: skip
            self._inside_key = key
        painter.setWorldTransform(_IDENTITY)
        painter.drawImage(
            QPointF((left - ox) / ratio + world.dx(), (top - oy) / ratio + world.dy()), image
        )
        painter.setWorldTransform(world)
        return True

    def _draw_inside(
        self,
        painter: QPainter,
        lod: float,
        device: QTransform,
        phase_x: float,
        phase_y: float,
        width: int,
        height: int,
        ratio: float,
    ) -> QImage:
        """The card drawn as on the device, on an opaque image of its inside pixels."""
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        inside = QPainter(image)
        inside.setRenderHints(painter.renderHints())
        inside.setTransform(
            QTransform(device.m11(), 0, 0, device.m22(), phase_x, phase_y)
            * QTransform.fromScale(1 / ratio, 1 / ratio)
        )
        self._paint_box(inside)
        self._paint_inside(inside, lod)
        inside.end()
        return image

    def _paint_footer(
        self, painter: QPainter, face: CardFace, drawing: _FaceDrawing, with_text: bool
    ) -> None:
        bar = drawing.bar
        if face.metric is not None and bar is not None:
            painter.setPen(_NO_PEN)
            painter.setBrush(_BAR_BACK)
            radius = bar.height() / 2
            painter.drawRoundedRect(bar, radius, radius)
            if drawing.bar_filled is not None:
                painter.setBrush(progress_qcolor(face.metric.progress))
                painter.drawRoundedRect(drawing.bar_filled, radius, radius)
            if with_text:
                painter.setPen(_MUTED_PEN)
                draw_ops(painter, drawing.badge, drawing.badge_scale)
        if drawing.vote_dots is not None:
            painter.setPen(_NO_PEN)
            painter.setBrush(_DOT_BRUSH)
            painter.drawPath(drawing.vote_dots)
            if with_text and drawing.votes:
                painter.setPen(_TEXT_PEN)
                draw_ops(painter, drawing.votes, drawing.votes_scale)
        if drawing.persona_dots:
            painter.setPen(_PERSONA_PEN)
            for rect, color in drawing.persona_dots:
                painter.setBrush(color)
                painter.drawEllipse(rect)
