"""A small picture of a map for the template chooser: stage headers, lanes and card patches."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from journeycanvas.model import JourneyMap
from journeycanvas.model.kinds import CARD_KIND_COLORS

_MARGIN = 4.0
_HEADER = 0.14  # share of the height taken by the stage headers
_LANE_LABEL = 0.13  # share of the width taken by the lane headers
_MIN_TEXT_PX = 8  # below this, names are left out: they would be unreadable


def render_thumbnail(journey: JourneyMap, size: QSize) -> QImage:
    """Draw `journey` as a simplified grid, scaled to fit `size`, on a white page."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        _paint(painter, journey, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return image


def _paint(painter: QPainter, journey: JourneyMap, area: QRectF) -> None:
    inner = area.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
    if not journey.stages or not journey.lanes:
        painter.setPen(QPen(QColor("#c0c0c0"), 1, Qt.PenStyle.DashLine))
        painter.drawRect(inner)
        return
    total_mm = sum(stage.width_mm for stage in journey.stages)
    label_w = inner.width() * _LANE_LABEL
    header_h = inner.height() * _HEADER
    grid_w = inner.width() - label_w
    lane_h = (inner.height() - header_h) / len(journey.lanes)
    lefts: dict[str, float] = {}
    widths: dict[str, float] = {}
    font = QFont(painter.font())
    font.setPixelSize(max(1, min(13, round(header_h * 0.32))))
    painter.setFont(font)
    labelled = font.pixelSize() >= _MIN_TEXT_PX
    x = inner.left() + label_w
    for stage in journey.stages:
        width = grid_w * stage.width_mm / total_mm
        lefts[stage.id], widths[stage.id] = x, width
        header = QRectF(x + 0.5, inner.top(), width - 1, header_h - 1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(stage.color))
        painter.drawRect(header)
        if labelled:
            _label(painter, header, stage.name, _text_on(QColor(stage.color)))
        x += width
    tops: dict[str, float] = {}
    for row, lane in enumerate(journey.lanes):
        top = inner.top() + header_h + row * lane_h
        tops[lane.id] = top
        painter.setBrush(QColor("#f4f5f7") if row % 2 == 0 else QColor("#ffffff"))
        painter.drawRect(QRectF(inner.left() + label_w, top, grid_w, lane_h))
        painter.setBrush(QColor("#dfe3e8"))
        lane_header = QRectF(inner.left(), top + 0.5, label_w - 1, lane_h - 1)
        painter.drawRect(lane_header)
        if labelled:
            _label(painter, lane_header, lane.title, QColor("#37474f"))
        painter.setPen(Qt.PenStyle.NoPen)

    cells: dict[tuple[str, str], list] = defaultdict(list)
    for card in journey.cards:
        if card.stage in lefts and card.lane in tops:
            cells[(card.stage, card.lane)].append(card)
    stage_ids = [stage.id for stage in journey.stages]
    painter.setPen(QPen(QColor("#9aa0a6"), 0.5))
    for (stage_id, lane_id), cards in cells.items():
        cards.sort(key=lambda c: c.order)
        slot_h = min(lane_h * 0.45, (lane_h - 2) / len(cards))
        for index, card in enumerate(cards):
            first = stage_ids.index(stage_id)
            spanned = stage_ids[first : first + card.span]
            width = sum(widths[s] for s in spanned)
            rect = QRectF(
                lefts[stage_id] + 2, tops[lane_id] + 1 + index * slot_h, width - 4, slot_h
            )
            painter.setBrush(QColor(card.color or CARD_KIND_COLORS[card.kind]))
            painter.drawRoundedRect(rect.adjusted(0, 0.5, 0, -0.5), 1.5, 1.5)


def _text_on(fill: QColor) -> QColor:
    """Dark text on light fills, white text on dark ones."""
    return QColor("#1f2933") if fill.lightnessF() > 0.6 else QColor("#ffffff")


def _label(painter: QPainter, rect: QRectF, text: str, color: QColor) -> None:
    box = rect.adjusted(2, 1, -2, -1)
    painter.setPen(color)
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(box.width()))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, elided)
