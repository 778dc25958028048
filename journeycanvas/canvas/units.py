"""How layout millimetres map to the scene and the screen.

Scene coordinates ARE the layout's millimetres (one scene unit = 1 mm), so every item
draws the layout's numbers unchanged. The view shows `PIXELS_PER_MM` screen pixels per
millimetre at a zoom of 100 %.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from journeycanvas.layout import Point, Rect

PIXELS_PER_MM = 4.0
"""Screen pixels per millimetre of the map at 100 % zoom."""


def qrect(rect: Rect) -> QRectF:
    """A layout rectangle (mm) as a scene rectangle."""
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def qpoint(point: Point) -> QPointF:
    """A layout point (mm) as a scene point."""
    return QPointF(point.x, point.y)
