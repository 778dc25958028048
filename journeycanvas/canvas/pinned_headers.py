"""Stage and lane headers pinned to the view's edges once the real ones scroll away.

On a big map the stage names are a long way up and the lane titles far left; a strip of
each stays in sight, like frozen panes in a spreadsheet. The strips are small widgets
over the viewport that draw the header items themselves: scrolling the map then repaints
only the strip of map uncovered, never the whole view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView

_CORNER = QColor("#37474f")
_SHADOW = QColor(0, 0, 0, 40)
_SHADOW_PX = 3


def _strip_top(visible: QRectF, strip_h: float) -> float:
    """The scene y below the stage strip (the view's top when the strip is not shown)."""
    top = visible.top()
    return top + strip_h if top > 0 else top


def _lane_left(visible: QRectF) -> float:
    """The scene x the lane strip sits at: the view's left edge, or the lane headers'
    own place while they are in sight."""
    return max(visible.left(), 0.0)


class _Strip(QWidget):
    """One pinned strip: paints its headers in scene coordinates through the view."""

    def __init__(self, pinned: PinnedHeaders, stages: bool) -> None:
        super().__init__(pinned.view.viewport())
        self._pinned = pinned
        self._stages = stages
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the stage (or lane) headers that fall in this strip."""
        painter = QPainter(self)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        origin = QTransform.fromTranslate(-self.x(), -self.y())
        painter.setTransform(self._pinned.view.viewportTransform() * origin)
        self._pinned.paint_strip(painter, self._stages)
        painter.resetTransform()
        shadow = (
            QRect(0, self.height() - _SHADOW_PX, self.width(), _SHADOW_PX)
            if self._stages
            else QRect(self.width() - _SHADOW_PX, 0, _SHADOW_PX, self.height())
        )
        painter.fillRect(shadow, _SHADOW)
        painter.end()


class PinnedHeaders:
    """The pinned stage strip (top) and lane strip (left) of a view."""

    def __init__(self, view: MapEditorView) -> None:
        self.view = view
        self._option = QStyleOptionGraphicsItem()
        self.stage_strip = _Strip(self, stages=True)
        self.lane_strip = _Strip(self, stages=False)

    def _sizes(self) -> tuple[float, float] | None:
        """The stage strip's height and the lane strip's width (mm), or None."""
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

    def _visible(self) -> QRectF:
        view = self.view
        return view.mapToScene(view.viewport().rect()).boundingRect()

    def reposition(self) -> None:
        """Show the strips whose headers scrolled out of sight, sized to the zoom."""
        sizes = self._sizes()
        visible = self._visible()
        viewport = self.view.viewport()
        scale = self.view.transform().m11()
        strip_h, strip_w = sizes if sizes is not None else (0.0, 0.0)
        show_stages = sizes is not None and visible.top() > 0
        # Also while the lane headers are in sight but the title of a lane taller than the
        # view scrolled away above: the strip, over the headers, slides it down.
        show_lanes = sizes is not None and (
            visible.left() > 0 or self._title_above(_strip_top(visible, strip_h))
        )
        if show_stages:
            height = round(strip_h * scale) + _SHADOW_PX
            self.stage_strip.setGeometry(0, 0, viewport.width(), height)
            self.stage_strip.update()
        if show_lanes:
            width = round(strip_w * scale) + _SHADOW_PX
            x = max(0, self.view.mapFromScene(QPointF(_lane_left(visible), 0.0)).x())
            self.lane_strip.setGeometry(x, 0, width, viewport.height())
            self.lane_strip.update()
        self.stage_strip.setVisible(show_stages)
        self.lane_strip.setVisible(show_lanes)
        if show_stages and show_lanes:
            self.stage_strip.raise_()

    def paint_strip(self, painter: QPainter, stages: bool) -> None:
        """Draw the pinned headers of one strip, in scene coordinates."""
        sizes = self._sizes()
        if sizes is None:
            return
        strip_h, strip_w = sizes
        visible = self._visible()
        top, left = visible.top(), visible.left()
        scene = self.view.map_scene
        if stages:
            for item in scene.stages.values():
                rect = item.header.rect
                if rect.right >= left and rect.x <= visible.right():
                    self._paint_item(painter, item, rect.x, top, QRectF(0, 0, rect.w, strip_h))
            if left > 0:
                painter.fillRect(QRectF(left, top, strip_w, strip_h), _CORNER)
            return
        below = _strip_top(visible, strip_h)
        for lane_item in scene.lanes.values():
            rect = lane_item.header.rect
            if rect.bottom < below or rect.y > visible.bottom():
                continue
            # A tall lane's title slides down to stay at the top of what is visible.
            y = max(rect.y, below)
            clip = QRectF(0, 0, strip_w, rect.bottom - y)
            self._paint_item(painter, lane_item, _lane_left(visible), y, clip)

    def _title_above(self, below: float) -> bool:
        """Whether a lane runs on across `below` (the top of what the strips leave in
        sight): its title, at its top, is out of sight."""
        return any(
            item.header.rect.y < below < item.header.rect.bottom
            for item in self.view.map_scene.lanes.values()
        )

    def _paint_item(
        self, painter: QPainter, item: QGraphicsItem, x: float, y: float, clip: QRectF
    ) -> None:
        painter.save()
        painter.translate(x, y)
        painter.setClipRect(clip)
        item.paint(painter, self._option, None)
        painter.restore()
