"""Transient items shown during gestures: insertion markers, guides, previews, rubber lines."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

OVERLAY_Z = 100.0
ACCENT = QColor("#1565c0")


def insertion_marker(scene: QGraphicsScene) -> QGraphicsLineItem:
    """A thick accent line where a card, stage or lane would land."""
    pen = QPen(ACCENT, 1.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    item = QGraphicsLineItem()
    item.setPen(pen)
    item.setZValue(OVERLAY_Z)
    item.hide()
    scene.addItem(item)
    return item


def show_line(item: QGraphicsLineItem | None, line: QLineF | None) -> None:
    """Move a marker to `line`, or hide it for None (no marker: nothing to do)."""
    if item is None:
        return
    if line is None:
        item.hide()
        return
    item.setLine(line)
    item.show()


def dashed_guide(scene: QGraphicsScene) -> QGraphicsLineItem:
    """A dashed accent line (edge being dragged, connector being drawn)."""
    pen = QPen(ACCENT, 0.5, Qt.PenStyle.DashLine)
    item = QGraphicsLineItem()
    item.setPen(pen)
    item.setZValue(OVERLAY_Z)
    scene.addItem(item)
    return item


def preview_rect(
    scene: QGraphicsScene, rect: QRectF, translucent: bool = False
) -> QGraphicsRectItem:
    """An outlined rectangle: the span a card would get, or a header being dragged."""
    item = QGraphicsRectItem(rect)
    item.setPen(QPen(ACCENT, 0.5, Qt.PenStyle.DashLine))
    fill = QColor(ACCENT)
    fill.setAlpha(40 if translucent else 18)
    item.setBrush(QBrush(fill))
    item.setZValue(OVERLAY_Z)
    scene.addItem(item)
    return item


def note(scene: QGraphicsScene, text: str, at: QPointF) -> QGraphicsSimpleTextItem:
    """A small label next to the pointer (a width while resizing)."""
    item = QGraphicsSimpleTextItem(text)
    font = item.font()
    font.setPixelSize(4)
    item.setFont(font)
    item.setBrush(ACCENT)
    item.setPos(at)
    item.setZValue(OVERLAY_Z)
    scene.addItem(item)
    return item


def remove(*items: object) -> None:
    """Take overlay items out of their scene (those already gone are skipped)."""
    for item in items:
        if item is not None:
            scene = item.scene()  # type: ignore[attr-defined]
            if scene is not None:
                scene.removeItem(item)
