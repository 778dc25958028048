"""Marks a workshop puts on the canvas: a short glow around a card that just arrived from a
phone, and rank badges on the cards a voting round put first."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from journeycanvas.canvas.editor import MapEditorView

GLOW = QColor("#ff9800")
FLASH_MS = 2500
BADGE_MM = 7.0
_Z = 90.0


def flash_card(view: MapEditorView, card_id: str) -> QGraphicsRectItem | None:
    """Outline a card that just arrived, fading out over a few seconds; the outline is
    not part of the map and goes away by itself."""
    scene = view.map_scene
    scene.flush()
    item = scene.card_item(card_id)
    if item is None:
        return None
    glow = QGraphicsRectItem(item.sceneBoundingRect().adjusted(-1.2, -1.2, 1.2, 1.2))
    glow.setPen(QPen(GLOW, 1.2))
    fill = QColor(GLOW)
    fill.setAlpha(50)
    glow.setBrush(QBrush(fill))
    glow.setZValue(_Z)
    glow.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    scene.addItem(glow)
    fade = QVariantAnimation(view)
    fade.setStartValue(1.0)
    fade.setEndValue(0.0)
    fade.setDuration(FLASH_MS)
    fade.setEasingCurve(QEasingCurve.Type.InQuad)
    fade.valueChanged.connect(glow.setOpacity)

    def finished() -> None:
        if glow.scene() is not None:
            glow.scene().removeItem(glow)

    fade.finished.connect(finished)
    fade.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)
    return glow


class RankBadges:
    """Numbered badges (1, 2, 3 …) on the top cards of the last voting round."""

    def __init__(self, view: MapEditorView) -> None:
        self.view = view
        self.items: list[QGraphicsItem] = []

    def show(self, ranked: list[tuple[str, int]], top: int = 5) -> None:
        """Badge the first `top` cards of `ranked` (card id, votes) that got votes."""
        self.clear()
        scene = self.view.map_scene
        scene.flush()
        for rank, (card_id, votes) in enumerate(ranked[:top], start=1):
            item = scene.card_item(card_id)
            if item is None or votes <= 0:
                continue
            corner = item.sceneBoundingRect().topRight()
            badge = QGraphicsEllipseItem(
                QRectF(corner.x() - BADGE_MM * 0.7, corner.y() - BADGE_MM * 0.3, BADGE_MM, BADGE_MM)
            )
            badge.setBrush(QBrush(GLOW))
            badge.setPen(QPen(QColor("#ffffff"), 0.5))
            badge.setZValue(_Z)
            label = QGraphicsSimpleTextItem(f"{rank}", badge)
            font = QFont()
            font.setPointSizeF(4.0)
            font.setBold(True)
            label.setFont(font)
            label.setBrush(QBrush(QColor("#ffffff")))
            text = label.boundingRect()
            label.setPos(badge.rect().center() - text.center())
            badge.setToolTip(f"#{rank}: {votes}")
            scene.addItem(badge)
            self.items.append(badge)

    def clear(self) -> None:
        """Take the badges away."""
        for item in self.items:
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.items.clear()
