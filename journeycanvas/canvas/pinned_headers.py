"""Stage and lane headers pinned to the view's edges once the real ones scroll away.

On a big map the stage names are a long way up and the lane titles far left; a strip of
each stays in sight (drawn over the map, like frozen panes in a spreadsheet).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView

_CORNER = QColor("#37474f")
_SHADOW = QColor(0, 0, 0, 40)
_SHADOW_MM = 0.6


class PinnedHeaders:
    """Draws the pinned header strips of a view and says where they are."""

    def __init__(self, view: MapEditorView) -> None:
        self.view = view
        self._option = QStyleOptionGraphicsItem()

    def _visible(self) -> QRectF:
        view = self.view
        return view.mapToScene(view.viewport().rect()).boundingRect()

    def _heights(self) -> tuple[float, float] | None:
        """The pinned stage strip's height and lane strip's width (mm), or None."""
        try:
            layout = self.view.map_scene.engine.layout
        except RuntimeError:
            return None
        if not layout.stages or not layout.lanes:
            return None
        style = layout.style
        name = layout.stages[0].name
        strip = name.box.y + name.box.h + style.header_padding_mm
        return min(strip, layout.header_height), style.lane_header_width_mm

    def bands(self) -> list[QRectF]:
        """The scene rectangles the pinned strips cover now (none when headers show)."""
        sizes = self._heights()
        if sizes is None:
            return []
        strip_h, strip_w = sizes
        visible = self._visible()
        bands = []
        if visible.top() > 0:
            bands.append(QRectF(visible.left(), visible.top(), visible.width(), strip_h))
        if visible.left() > 0:
            bands.append(QRectF(visible.left(), visible.top(), strip_w, visible.height()))
        return bands

    def paint(self, painter: QPainter) -> None:
        """Draw the strips of the headers that scrolled out of sight."""
        sizes = self._heights()
        if sizes is None:
            return
        strip_h, strip_w = sizes
        visible = self._visible()
        scene = self.view.map_scene
        top, left = visible.top(), visible.left()
        if top > 0:
            for item in scene.stages.values():
                rect = item.header.rect
                if rect.right < left or rect.x > visible.right():
                    continue
                self._paint_item(painter, item, rect.x, top, QRectF(0, 0, rect.w, strip_h))
            painter.fillRect(QRectF(left, top + strip_h, visible.width(), _SHADOW_MM), _SHADOW)
        if left > 0:
            below = top + strip_h if top > 0 else top
            for item in scene.lanes.values():
                rect = item.header.rect
                if rect.bottom < below or rect.y > visible.bottom():
                    continue
                # A tall lane's title slides down to stay at the top of what is visible.
                y = max(rect.y, below)
                self._paint_item(painter, item, left, y, QRectF(0, 0, strip_w, rect.bottom - y))
            painter.fillRect(QRectF(left + strip_w, top, _SHADOW_MM, visible.height()), _SHADOW)
        if top > 0 and left > 0:
            painter.fillRect(QRectF(left, top, strip_w, strip_h), _CORNER)

    def _paint_item(
        self, painter: QPainter, item: object, x: float, y: float, clip: QRectF
    ) -> None:
        painter.save()
        painter.translate(x, y)
        painter.setClipRect(clip)
        item.paint(painter, self._option, None)  # type: ignore[attr-defined]
        painter.restore()
