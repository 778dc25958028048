"""The palette's icons for structure: a stage, a lane of each kind, a stage set."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from journeycanvas.canvas.glyphs import lane_accent_color
from journeycanvas.io.stage_sets import StageSet
from journeycanvas.layout.glyph_shapes import lane_glyph_id
from journeycanvas.model.kinds import stage_color
from journeycanvas.ui.icons import glyph_icon

_LANE_FILL = "#ffffff"
_SIZES = (16, 20, 32)


def stage_icon() -> QIcon:
    """A stage: the first stage colour with the milestone flag."""
    return glyph_icon(stage_color(0), "milestone", QColor("#ffffff"))


def lane_kind_icon(kind: str) -> QIcon:
    """A lane of `kind`: its glyph in the lane's accent colour on white."""
    return glyph_icon(_LANE_FILL, lane_glyph_id(kind), lane_accent_color(kind))


def stage_set_icon(stage_set: StageSet) -> QIcon:
    """A stage set: its stages' colours side by side, like the header row it makes."""
    colors = [QColor(stage.color) for stage in stage_set.stages]
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(Qt.PenStyle.NoPen)
        width = (size - 2) / max(1, len(colors))
        for index, color in enumerate(colors):
            painter.setBrush(color)
            painter.drawRect(QRectF(1 + index * width, size * 0.2, width, size * 0.6))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
