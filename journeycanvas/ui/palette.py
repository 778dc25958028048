"""The palette dock: the card kinds, dragged from here onto a cell of the canvas."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QListWidget, QListWidgetItem, QWidget

from journeycanvas.canvas.kind_labels import card_kind_label
from journeycanvas.canvas.palette_drop import card_kind_mime_data
from journeycanvas.model import CardKind
from journeycanvas.ui.icons import card_kind_icon

_KIND_ROLE = Qt.ItemDataRole.UserRole


class CardKindList(QListWidget):
    """A list of every card kind with its colour; dragging an entry carries its kind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(20, 20))
        self.setSpacing(1)
        for kind in CardKind:
            item = QListWidgetItem(card_kind_icon(kind), card_kind_label(kind))
            item.setData(_KIND_ROLE, kind.value)
            item.setToolTip(self.tr("Drag onto a cell of the map to add a card of this kind"))
            self.addItem(item)

    def kind_at(self, row: int) -> CardKind:
        """The card kind shown in `row`."""
        return CardKind(self.item(row).data(_KIND_ROLE))

    def startDrag(self, supported_actions: Qt.DropAction) -> None:
        """Start a drag that carries the current entry's card kind."""
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(card_kind_mime_data(CardKind(item.data(_KIND_ROLE))))
        drag.setPixmap(item.icon().pixmap(self.iconSize()))
        drag.exec(Qt.DropAction.CopyAction)


class PaletteDock(QDockWidget):
    """The dock holding the card-kind palette."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Card kinds"), parent)
        self.setObjectName("PaletteDock")
        self.kinds = CardKindList(self)
        self.setWidget(self.kinds)
