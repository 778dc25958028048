"""The projector's view of a workshop: full screen, stage by stage, the current stage large
and its neighbours dimmed, the join code and the timer in a corner.

Page Down, Right, Down and Space go to the next stage (presenter clickers send Page Down
and Page Up), Page Up, Left and Up to the previous one, Home and End to the first and
last, Q toggles the join code, Esc leaves.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGraphicsView, QLabel, QVBoxLayout, QWidget

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.ui.workshop_dialogs import qr_pixmap
from journeycanvas.ui.workshop_host import WorkshopHost
from journeycanvas.ui.workshop_panel import format_countdown

_DIM = QColor(255, 255, 255, 185)
_NEIGHBOUR_SHARE = 0.35
_NEXT = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space}
_PREVIOUS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Workshop", text)


class _StageView(QGraphicsView):
    """The map's scene, fitted to one stage's column, everything else dimmed."""

    def __init__(self, editor: MapEditorView, parent: QWidget) -> None:
        super().__init__(editor.map_scene, parent)
        self.editor = editor
        self.focus_rect = QRectF()
        self.setInteractive(False)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_stage(self, index: int) -> None:
        """Fit the view to stage `index`, with a little of each neighbour."""
        layout = self.editor.map_scene.card_layout
        if not layout.stages:
            self.focus_rect = QRectF()
            return
        column = layout.stages[index].column
        self.focus_rect = QRectF(column.x, 0.0, column.w, layout.height)
        margin = column.w * _NEIGHBOUR_SHARE
        self.fitInView(
            self.focus_rect.adjusted(-margin, 0, margin, 0), Qt.AspectRatioMode.KeepAspectRatio
        )
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Dim everything outside the current stage."""
        if self.focus_rect.isNull():
            return
        rect = QRectF(rect)
        focus = self.focus_rect
        painter.fillRect(
            QRectF(rect.left(), rect.top(), focus.left() - rect.left(), rect.height()), _DIM
        )
        painter.fillRect(
            QRectF(focus.right(), rect.top(), rect.right() - focus.right(), rect.height()), _DIM
        )


class Presentation(QWidget):
    """A full-screen window presenting the map stage by stage."""

    def __init__(self, editor: MapEditorView, host: WorkshopHost) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_tr("Presentation"))
        self.setStyleSheet("background: white;")
        self.host = host
        self.editor = editor
        self.index = 0
        self.view = _StageView(editor, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.corner = QWidget(self)
        corner_layout = QVBoxLayout(self.corner)
        self.timer_label = QLabel(self.corner)
        font = QFont(self.timer_label.font())
        font.setPointSize(36)
        font.setBold(True)
        self.timer_label.setFont(font)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.code_label = QLabel(self.corner)
        self.url_label = QLabel(self.corner)
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        for widget in (self.timer_label, self.code_label, self.url_label):
            corner_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignRight)
        self.corner.setStyleSheet("background: rgba(255, 255, 255, 230); border-radius: 8px;")
        self.show_code = True
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        editor.map_scene.layout_updated.connect(lambda: self.view.show_stage(self._clamped()))
        self._update_code()
        self._tick()

    def _clamped(self) -> int:
        count = len(self.editor.document.journey.stages)
        self.index = max(0, min(self.index, count - 1))
        return self.index

    def go_to(self, index: int) -> None:
        """Show stage `index` (clamped to the map's stages)."""
        self.index = index
        self.view.show_stage(self._clamped())

    def _update_code(self) -> None:
        url = self.host.url
        visible = bool(url) and self.show_code
        if visible:
            self.code_label.setPixmap(qr_pixmap(url, 5))
            self.url_label.setText(url)
        self.code_label.setVisible(visible)
        self.url_label.setVisible(visible)
        self._place_corner()

    def _tick(self) -> None:
        session = self.host.session
        end = session.timer_end if session is not None else None
        self.timer_label.setVisible(end is not None)
        if end is not None:
            self.timer_label.setText(format_countdown(end - time.time()))
        self._place_corner()

    def _place_corner(self) -> None:
        self.corner.adjustSize()
        self.corner.move(self.width() - self.corner.width() - 16, 16)
        self.corner.raise_()
        self.corner.setVisible(not (self.timer_label.isHidden() and self.code_label.isHidden()))

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the current stage once the window has its size."""
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self.go_to(self.index))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the stage fitted and the corner in its corner."""
        super().resizeEvent(event)
        self.view.show_stage(self._clamped())
        self._place_corner()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Stage by stage with the keys a presenter clicker sends; Esc leaves."""
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in _NEXT:
            self.go_to(self.index + 1)
        elif key in _PREVIOUS:
            self.go_to(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go_to(0)
        elif key == Qt.Key.Key_End:
            self.go_to(len(self.editor.document.journey.stages) - 1)
        elif key == Qt.Key.Key_Q:
            self.show_code = not self.show_code
            self._update_code()
        else:
            super().keyPressEvent(event)
