"""Small icons drawn in code: card kinds (their colour and glyph), personas, colour buttons."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from journeycanvas.canvas.glyphs import accent, draw_glyph
from journeycanvas.layout.glyph_shapes import card_glyph_id
from journeycanvas.model.kinds import card_kind_spec


def swatch_pixmap(color: str, size: int = 20, *, round_: bool = False) -> QPixmap:
    """A square (or round) patch of `color` with a thin darker outline."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(color)
    painter.setPen(QPen(fill.darker(160), 1))
    painter.setBrush(fill)
    rect = QRectF(1.5, 1.5, size - 3, size - 3)
    if round_:
        painter.drawEllipse(rect)
    else:
        painter.drawRoundedRect(rect, 3, 3)
    painter.end()
    return pixmap


def swatch_icon(color: str, *, round_: bool = False) -> QIcon:
    """An icon showing a patch of `color`."""
    icon = QIcon()
    for size in (16, 20, 32):
        icon.addPixmap(swatch_pixmap(color, size, round_=round_))
    return icon


def glyph_icon(fill: str, glyph_id: str, color: QColor) -> QIcon:
    """An icon: a patch of `fill` with a shared glyph drawn on it in `color`."""
    icon = QIcon()
    for size in (16, 20, 32):
        pixmap = swatch_pixmap(fill, size)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = size * 0.2
        draw_glyph(
            painter, glyph_id, QRectF(inset, inset, size - 2 * inset, size - 2 * inset), color
        )
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def card_kind_icon(kind: str) -> QIcon:
    """The icon of a card kind: a patch of the kind's default card colour with its glyph."""
    return glyph_icon(card_kind_spec(kind).fill, card_glyph_id(kind), accent(kind))
