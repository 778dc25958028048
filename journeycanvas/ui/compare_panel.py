"""Compare the open map with another version: the changes in words beside the canvas, the
changed cards marked on it, and both emotion curves on one chart.

On the canvas: added cards get a green outline, changed ones amber, moved ones blue with a
badge naming where they came from; removed cards are listed in the panel (their stage is
centred when clicked).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.canvas.card_marks import CardMarks, Mark
from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.io.errors import printable
from journeycanvas.merge.compare import CardMark, Comparison, EmotionPoint
from journeycanvas.merge.diff import ChangeKind

MARK_COLORS = {CardMark.ADDED: "#2e7d32", CardMark.CHANGED: "#f9a825", CardMark.MOVED: "#1565c0"}
LINE_COLORS = {
    ChangeKind.ADDED: "#2e7d32",
    ChangeKind.REMOVED: "#c62828",
    ChangeKind.MOVED: "#1565c0",
    ChangeKind.CHANGED: "#ef6c00",
    ChangeKind.REORDERED: "#757575",
}
BEFORE_COLOR, AFTER_COLOR = QColor("#90a4ae"), QColor("#1565c0")
_CARD_ROLE = Qt.ItemDataRole.UserRole


class EmotionChart(QWidget):
    """The emotion curves of both maps on one chart, a column per stage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[EmotionPoint] = []
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:
        """Wide and short."""
        return QSize(300, 140)

    def set_points(self, points: list[EmotionPoint]) -> None:
        """Show these stages' averages."""
        self.points = points
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Zero line, one curve per map, the stage names below."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -22)
        painter.setPen(QPen(QColor("#cfd8dc"), 1, Qt.PenStyle.DashLine))
        zero = area.center().y()
        painter.drawLine(QPointF(area.left(), zero), QPointF(area.right(), zero))
        if not self.points:
            return
        step = area.width() / len(self.points)
        painter.setPen(QColor("#616161"))
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for index, point in enumerate(self.points):
            box = QRectF(area.left() + index * step, area.bottom() + 4, step, 16)
            metrics = painter.fontMetrics()
            name = metrics.elidedText(point.stage, Qt.TextElideMode.ElideRight, int(step))
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)
        for color, pick in ((BEFORE_COLOR, "before"), (AFTER_COLOR, "after")):
            path = QPainterPath()
            dots = []
            for index, point in enumerate(self.points):
                score = getattr(point, pick)
                if score is None:
                    continue
                x = area.left() + step * (index + 0.5)
                at = QPointF(x, area.top() + (3 - score) / 6 * area.height())
                if path.elementCount():
                    path.lineTo(at)
                else:
                    path.moveTo(at)
                dots.append(at)
            painter.setPen(QPen(color, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(color)
            for dot in dots:
                painter.drawEllipse(dot, 3, 3)


class ComparePanel(QWidget):
    """The changes from the other version to the open map, each clickable."""

    export_requested = Signal()
    closed = Signal()

    def __init__(self, view: MapEditorView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.comparison: Comparison | None = None
        self.other_name = ""
        self.marks = CardMarks(view.map_scene)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.changes = QListWidget(self)
        self.changes.setWordWrap(True)
        self.changes.itemClicked.connect(self._show_change)
        self.chart = EmotionChart(self)
        legend = QLabel(
            self.tr(
                "<span style='color:#90a4ae'>■</span> before  "
                "<span style='color:#1565c0'>■</span> now"
            ),
            self,
        )
        export = QPushButton(self.tr("Export Comparison…"), self)
        export.clicked.connect(self.export_requested)
        close = QPushButton(self.tr("End Comparison"), self)
        close.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(export)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.changes, 1)
        layout.addWidget(QLabel(self.tr("Emotion per stage"), self))
        layout.addWidget(self.chart)
        layout.addWidget(legend)
        layout.addLayout(buttons)

    def show_comparison(self, comparison: Comparison, other: Path) -> None:
        """List `comparison`'s changes and mark its cards on the canvas."""
        self.comparison = comparison
        self.other_name = other.name
        self.heading.setText(
            self.tr("{count} changes since “{name}”").format(
                count=len(comparison.lines), name=printable(other.name)
            )
        )
        self.changes.clear()
        for group, lines in comparison.groups():
            header = QListWidgetItem(group)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            self.changes.addItem(header)
            for line in lines:
                item = QListWidgetItem(line.text)
                item.setForeground(QColor(LINE_COLORS.get(line.kind, "#212121")))
                item.setData(_CARD_ROLE, line.card_id)
                self.changes.addItem(item)
        self.chart.set_points(comparison.emotions)
        moved_from = comparison.moved_from
        self.marks.set_marks(
            {
                card_id: Mark(
                    MARK_COLORS[mark], f"← {moved_from[card_id]}" if card_id in moved_from else ""
                )
                for card_id, mark in comparison.marks.items()
            }
        )

    def lines(self) -> list[str]:
        """The change lines shown (for tests and the report)."""
        return [
            self.changes.item(row).text()
            for row in range(self.changes.count())
            if self.changes.item(row).flags() != Qt.ItemFlag.NoItemFlags
        ]

    def _show_change(self, item: QListWidgetItem) -> None:
        card_id = item.data(_CARD_ROLE)
        if card_id and card_id in self.view.map_scene.card_layout.cards:
            self.view.select_ids([card_id])
            self.view.center_on(card_id)

    def clear(self) -> None:
        """End the comparison: no marks, no list."""
        self.comparison = None
        self.changes.clear()
        self.chart.set_points([])
        self.marks.set_marks({})
        self.closed.emit()


class CompareDock(QDockWidget):
    """The compare panel as a dock of the main window."""

    def __init__(self, view: MapEditorView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CompareDock")
        self.setWindowTitle(self.tr("Compare"))
        self.panel = ComparePanel(view, self)
        self.setWidget(self.panel)
        self.panel.closed.connect(self.hide)
