"""The palette dock: stages, lanes, stage sets and card kinds, dragged onto the canvas.

Sections list the entries (Structure: a stage and a lane of each kind; Stage sets: the
header rows of the templates; Cards: one entry per card kind); a search field filters them.
Dragging an entry onto the map adds its object at the marker (canvas/palette_drop.py);
Enter (or a double-click) on an entry inserts it where the selection says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDrag, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.canvas.kind_labels import card_kind_label, lane_kind_label
from journeycanvas.canvas.palette_drop import (
    EntryKind,
    PaletteEntry,
    entry_mime_data,
    insert_entry,
)
from journeycanvas.io.stage_sets import stage_sets
from journeycanvas.model.kinds import CardKind, LaneKind
from journeycanvas.ui.icons import card_kind_icon
from journeycanvas.ui.palette_icons import lane_kind_icon, stage_icon, stage_set_icon

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView

_ENTRY_ROLE = Qt.ItemDataRole.UserRole
_SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PaletteTree(QTreeWidget):
    """The palette's entries under their section headings; dragging an entry carries it,
    Enter or a double-click emits `entry_activated(PaletteEntry)`."""

    entry_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(8)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(20, 20))
        self._fill()
        self.expandAll()
        self.itemDoubleClicked.connect(self._double_clicked)

    def _fill(self) -> None:
        structure = self._section(self.tr("Structure"))
        self._add(
            structure, PaletteEntry(EntryKind.STAGE), self.tr("Stage"), stage_icon(),
            self.tr("Drag between two stages, or to either end, to add a stage there"),
        )  # fmt: skip
        for lane_kind in LaneKind:
            name = lane_kind_label(lane_kind)
            self._add(
                structure, PaletteEntry(EntryKind.LANE, lane_kind.value),
                self.tr("Lane: {kind}").format(kind=name), lane_kind_icon(lane_kind),
                self.tr("Drag between two lanes, or to either end, to add a lane of {kind} "
                        "there").format(kind=name.lower()),
            )  # fmt: skip
        sets = self._section(self.tr("Stage sets"))
        for found in stage_sets():
            names = " → ".join(stage.name for stage in found.stages)
            tip = self.tr(
                "{names}\nDrag onto the map to add these %n stage(s), with their goals, "
                "where the marker shows",
                None,
                len(found.stages),
            ).format(names=names)
            entry = PaletteEntry(EntryKind.STAGE_SET, found.name)
            item = self._add(sets, entry, found.title, stage_set_icon(found), tip)
            item.setData(0, _SEARCH_ROLE, f"{found.title} {names}".casefold())
        cards = self._section(self.tr("Cards"))
        for card_kind in CardKind:
            self._add(
                cards, PaletteEntry(EntryKind.CARD, card_kind.value), card_kind_label(card_kind),
                card_kind_icon(card_kind),
                self.tr("Drag onto a cell of the map to add a card of this kind"),
            )  # fmt: skip

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _add(
        self, section: QTreeWidgetItem, entry: PaletteEntry, text: str, icon: QIcon, tip: str
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(section, [text])
        item.setIcon(0, icon)
        item.setToolTip(0, tip + "\n" + self.tr("Enter inserts it at the selection"))
        item.setData(0, _ENTRY_ROLE, entry.encode())
        item.setData(0, _SEARCH_ROLE, text.casefold())
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        return item

    # ------------------------------------------------------------ entries

    def entry_items(self) -> list[QTreeWidgetItem]:
        """Every entry's item (not the section headings), top to bottom."""
        items = []
        iterator = QTreeWidgetItemIterator(self)
        while iterator.value() is not None:
            item = iterator.value()
            if item.data(0, _ENTRY_ROLE) is not None:
                items.append(item)
            iterator += 1
        return items

    @staticmethod
    def entry_of(item: QTreeWidgetItem | None) -> PaletteEntry | None:
        """The entry an item stands for; None for a section heading."""
        if item is None or item.data(0, _ENTRY_ROLE) is None:
            return None
        return PaletteEntry.decode(str(item.data(0, _ENTRY_ROLE)))

    def item_for(self, entry: PaletteEntry) -> QTreeWidgetItem:
        """The item of `entry`; KeyError when the palette has none."""
        for item in self.entry_items():
            if self.entry_of(item) == entry:
                return item
        raise KeyError(entry)

    def visible_entries(self) -> list[PaletteEntry]:
        """The entries the search leaves shown, top to bottom."""
        shown = [self.entry_of(item) for item in self.entry_items() if not item.isHidden()]
        return [entry for entry in shown if entry is not None]

    def filter(self, text: str) -> None:
        """Show only the entries whose name (or, for a set, a stage's name) holds `text`;
        a section with none shown is hidden too. The current entry moves to the first one
        shown when it is filtered out."""
        needle = text.strip().casefold()
        for index in range(self.topLevelItemCount()):
            section = self.topLevelItem(index)
            if section is None:
                continue
            shown = 0
            for row in range(section.childCount()):
                item = section.child(row)
                if item is None:
                    continue
                hidden = bool(needle) and needle not in str(item.data(0, _SEARCH_ROLE))
                item.setHidden(hidden)
                shown += not hidden
            section.setHidden(shown == 0)
        current = self.currentItem()
        if current is None or current.isHidden() or self.entry_of(current) is None:
            first = next((i for i in self.entry_items() if not i.isHidden()), None)
            if first is not None:
                self.setCurrentItem(first)

    # ------------------------------------------------------------ drag and keys

    def startDrag(self, supported_actions: Qt.DropAction) -> None:
        """Start a drag that carries the current entry."""
        item = self.currentItem()
        entry = self.entry_of(item)
        if item is None or entry is None:
            return
        drag = QDrag(self)
        drag.setMimeData(entry_mime_data(entry, item.text(0)))
        drag.setPixmap(item.icon(0).pixmap(self.iconSize()))
        drag.exec(Qt.DropAction.CopyAction)

    def activate_current(self) -> bool:
        """Emit `entry_activated` for the current entry; False on a heading or nothing."""
        entry = self.entry_of(self.currentItem())
        if entry is None:
            return False
        self.entry_activated.emit(entry)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter inserts the current entry; the arrow keys move as in any list."""
        if event.key() in _ENTER_KEYS and self.activate_current():
            event.accept()
            return
        super().keyPressEvent(event)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        entry = self.entry_of(item)
        if entry is not None:
            self.entry_activated.emit(entry)


class _SearchField(QLineEdit):
    """The palette's search field: Down moves into the entries, Enter inserts the first
    entry shown."""

    def __init__(self, tree: PaletteTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tree = tree
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search stages, lanes, cards…"))
        self.textChanged.connect(tree.filter)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down and Enter hand over to the entries."""
        if event.key() == Qt.Key.Key_Down:
            self._tree.setFocus(Qt.FocusReason.TabFocusReason)
            return
        if event.key() in _ENTER_KEYS:
            self._tree.activate_current()
            return
        super().keyPressEvent(event)


class PaletteDock(QDockWidget):
    """The dock holding the palette: a search field above the entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Palette"), parent)
        self.setObjectName("PaletteDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.entries = PaletteTree(body)
        self.search = _SearchField(self.entries, body)
        layout.addWidget(self.search)
        layout.addWidget(self.entries, 1)
        self.setWidget(body)

    def attach(self, view: MapEditorView) -> None:
        """Insert the entries activated by keyboard or double-click into `view`'s map, at
        its selection."""
        self.entries.entry_activated.connect(lambda entry: insert_entry(view, entry))
