"""Outlines and badges drawn over cards: merge conflicts, and what a comparison found.

One item paints every mark, above the cards, and takes no clicks; it follows the layout
(and comes back after the scene rebuilds itself for a new map).
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeycanvas.canvas.scene import MapScene

MARKS_Z = 50.0
"""Above cards (10), connectors and the emotion curve (15); below gesture overlays."""

_OUTSET_MM = 0.9
_PEN_MM = 0.8
_BADGE_TEXT_MM = 3
_BADGE_PAD_MM = 0.8


@dataclass(frozen=True, slots=True)
class Mark:
    """How one card is marked: an outline colour, dashed or not, and a badge text."""

    color: str
    badge: str = ""
    dashed: bool = False


class _MarksItem(QGraphicsItem):
    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.marks: dict[str, Mark] = {}
        self.setZValue(MARKS_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def boundingRect(self) -> QRectF:
        return self.map_scene.sceneRect()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        cards = self.map_scene.engine.layout.cards
        font = QFont(painter.font())
        font.setPixelSize(_BADGE_TEXT_MM)  # scene units are millimetres
        font.setBold(True)
        painter.setFont(font)
        for card_id, mark in self.marks.items():
            card = cards.get(card_id)
            if card is None:
                continue
            rect = QRectF(card.rect.x, card.rect.y, card.rect.w, card.rect.h)
            outline = rect.adjusted(-_OUTSET_MM, -_OUTSET_MM, _OUTSET_MM, _OUTSET_MM)
            color = QColor(mark.color)
            style = Qt.PenStyle.DashLine if mark.dashed else Qt.PenStyle.SolidLine
            pen = QPen(color, _PEN_MM, style)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(outline)
            if mark.badge:
                self._badge(painter, outline, mark.badge, color)

    @staticmethod
    def _badge(painter: QPainter, outline: QRectF, text: str, color: QColor) -> None:
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 2 * _BADGE_PAD_MM
        height = metrics.height() + _BADGE_PAD_MM
        box = QRectF(outline.right() - width, outline.top() - height * 0.7, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(box, height / 3, height / 3)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class CardMarks(QObject):
    """A set of marks on one scene's cards (conflicts, or a comparison)."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self.scene = scene
        self._item: _MarksItem | None = None
        self._marks: dict[str, Mark] = {}
        scene.layout_updated.connect(self._follow_layout)

    @property
    def marks(self) -> dict[str, Mark]:
        """The marks shown, by card id."""
        return dict(self._marks)

    def set_marks(self, marks: dict[str, Mark]) -> None:
        """Show exactly `marks` (an empty table clears them)."""
        self._marks = dict(marks)
        self._follow_layout()

    def _follow_layout(self) -> None:
        item = self._item
        if item is not None and not shiboken6.isValid(item):
            item = None  # the scene cleared itself for a new map
        if not self._marks:
            if item is not None:
                self.scene.removeItem(item)
            self._item = None
            return
        if item is None:
            item = _MarksItem(self.scene)
            self.scene.addItem(item)
            self._item = item
        item.marks = self._marks
        item.prepareGeometryChange()
        item.update()
