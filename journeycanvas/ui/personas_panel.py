"""The personas dock: add, edit, recolour and delete personas, and show one persona's journey."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.canvas.persona_drop import persona_mime
from journeycanvas.document import Document
from journeycanvas.document.commands import (
    AddPersonaCommand,
    EditPersonaCommand,
    RemovePersonaCommand,
)
from journeycanvas.io.errors import printable
from journeycanvas.model import Asset, Persona
from journeycanvas.model.ids import all_ids, new_id
from journeycanvas.model.kinds import persona_color
from journeycanvas.ui.avatars import AvatarError, avatar_from_file, avatar_pixmap
from journeycanvas.ui.fields import ColorButton, TextField
from journeycanvas.ui.icons import swatch_icon

_ID_ROLE = Qt.ItemDataRole.UserRole


def persona_icon(document: Document, persona: Persona, size: int = 32) -> QIcon:
    """The persona's picture, or a round patch of its colour when it has none."""
    if persona.avatar is not None and persona.avatar in document.journey.assets:
        pixmap = avatar_pixmap(document.journey.assets[persona.avatar], size)
        if not pixmap.isNull():
            return QIcon(pixmap)
    return swatch_icon(persona.color, round_=True)


@dataclass
class PersonaValues:
    """What the persona dialog returns. `avatar` is "keep", a new Asset, or None to remove."""

    name: str
    description: str
    color: str
    avatar: Asset | str | None = "keep"


class PersonaDialog(QDialog):
    """Edits a persona's name, description, colour and picture."""

    def __init__(
        self,
        values: PersonaValues,
        picture: QIcon | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Persona"))
        self.values = values
        self.name = QLineEdit(values.name, self)
        self.name.setPlaceholderText(self.tr("e.g. Anna, first-time buyer"))
        self.description = TextField(self, lines=3)
        self.description.setPlainText(values.description)
        self.color = ColorButton(self)
        self.color.set_value(values.color)
        self.color.committed.connect(self._recolour)
        self.picture = QLabel(self)
        self.picture.setFixedSize(QSize(64, 64))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._show_picture(picture)
        choose = QPushButton(self.tr("Choose picture…"), self)
        choose.clicked.connect(self.choose_picture)
        remove = QPushButton(self.tr("Remove picture"), self)
        remove.clicked.connect(self.remove_picture)
        picture_row = QHBoxLayout()
        picture_row.addWidget(self.picture)
        picture_row.addWidget(choose)
        picture_row.addWidget(remove)
        picture_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Colour"), self.color)
        form.addRow(self.tr("Picture"), picture_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _recolour(self, color: str) -> None:
        self.values.color = color
        self.color.set_value(color)

    def _show_picture(self, icon: QIcon | None) -> None:
        if icon is None:
            self.picture.setPixmap(swatch_icon(self.values.color, round_=True).pixmap(48, 48))
        else:
            self.picture.setPixmap(icon.pixmap(64, 64))

    def choose_picture(self) -> None:
        """Pick a PNG or JPEG; it is checked and scaled down at once."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a picture"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if not path:
            return
        try:
            asset = avatar_from_file(path)
        except AvatarError as exc:
            QMessageBox.warning(self, self.tr("Picture not usable"), str(exc))
            return
        self.values.avatar = asset
        self._show_picture(QIcon(avatar_pixmap(asset, 64)))

    def remove_picture(self) -> None:
        """Show the persona without a picture."""
        self.values.avatar = None
        self._show_picture(None)

    def accept(self) -> None:
        """Keep the typed values and close."""
        self.values.name = self.name.text().strip()
        self.values.description = self.description.toPlainText().strip()
        super().accept()


class _PersonaList(QListWidget):
    """The personas, each draggable onto cards of the canvas to tag them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        """A dragged persona carries its id (see canvas.persona_drop)."""
        return persona_mime(items[0].data(_ID_ROLE) if items else "")


class PersonasPanel(QWidget):
    """The list of personas with its buttons and the "Show journey for" selector.

    `filter_changed(persona id or None)` is emitted when the user picks whose journey to show.
    """

    filter_changed = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.list = _PersonaList(self)
        self.list.setIconSize(QSize(32, 32))
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_persona())
        self.list.currentRowChanged.connect(lambda _row: self._enable_buttons())
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.add_button.clicked.connect(self.add_persona)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_persona)
        self.colour_button = QPushButton(self.tr("Colour…"), self)
        self.colour_button.clicked.connect(self.recolour_persona)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_persona)
        self.filter = QComboBox(self)
        self.filter.activated.connect(lambda _index: self.filter_changed.emit(self.filter_id()))
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.edit_button, 0, 1)
        buttons.addWidget(self.colour_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Show journey for"), self))
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the map's personas (after any change, undo or redo)."""
        current = self.current_id()
        shown_filter = self.filter_id()
        self.list.clear()
        self.filter.clear()
        self.filter.addItem(self.tr("Everyone"), None)
        for persona in self.document.journey.personas:
            icon = persona_icon(self.document, persona)
            item = QListWidgetItem(icon, persona.name or self.tr("(unnamed)"))
            item.setData(_ID_ROLE, persona.id)
            item.setToolTip(persona.description)
            self.list.addItem(item)
            self.filter.addItem(icon, persona.name or self.tr("(unnamed)"), persona.id)
            if persona.id == current:
                self.list.setCurrentItem(item)
        index = self.filter.findData(shown_filter)
        self.filter.setCurrentIndex(max(0, index))
        if shown_filter is not None and index < 0:
            self.filter_changed.emit(None)  # the persona shown was deleted
        self._enable_buttons()

    def current_id(self) -> str | None:
        """The id of the persona selected in the list, if any."""
        item = self.list.currentItem()
        return item.data(_ID_ROLE) if item is not None else None

    def filter_id(self) -> str | None:
        """The persona whose journey is shown, or None for everyone."""
        return self.filter.currentData() if self.filter.count() else None

    def select_persona(self, persona_id: str) -> None:
        """Make `persona_id` the current entry of the list."""
        for row in range(self.list.count()):
            if self.list.item(row).data(_ID_ROLE) == persona_id:
                self.list.setCurrentRow(row)

    def _enable_buttons(self) -> None:
        chosen = self.current_id() is not None
        for button in (self.edit_button, self.colour_button, self.delete_button):
            button.setEnabled(chosen)

    def add_persona(self) -> None:
        """Ask for a new persona's details and add it (one undo step)."""
        color = persona_color(len(self.document.journey.personas))
        values = PersonaValues(name="", description="", color=color, avatar=None)
        dialog = PersonaDialog(values, None, self.window())
        dialog.setWindowTitle(self.tr("New persona"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        persona = Persona(
            id=new_id("p", all_ids(self.document.journey)),
            name=values.name,
            description=values.description,
            color=values.color,
        )
        avatar = values.avatar if isinstance(values.avatar, Asset) else None
        self.document.push(AddPersonaCommand(self.document, persona, avatar))
        self.select_persona(persona.id)

    def edit_persona(self) -> None:
        """Edit the selected persona's details (one undo step)."""
        persona_id = self.current_id()
        if persona_id is None:
            return
        persona = self.document.persona(persona_id)
        values = PersonaValues(persona.name, persona.description, persona.color)
        picture = persona_icon(self.document, persona) if persona.avatar else None
        if PersonaDialog(values, picture, self.window()).exec() != QDialog.DialogCode.Accepted:
            return
        changes: dict[str, object] = {
            name: value
            for name, value in (
                ("name", values.name),
                ("description", values.description),
                ("color", values.color),
            )
            if getattr(persona, name) != value
        }
        if values.avatar != "keep" and not (values.avatar is None and persona.avatar is None):
            changes["avatar"] = values.avatar
        if changes:
            self.document.push(EditPersonaCommand(self.document, persona_id, changes))

    def recolour_persona(self) -> None:
        """Pick a new colour for the selected persona."""
        persona_id = self.current_id()
        if persona_id is None:
            return
        persona = self.document.persona(persona_id)
        chosen = QColorDialog.getColor(
            QColor(persona.color),
            self.window(),
            self.tr("Colour of {name}").format(name=printable(persona.name)),
        )
        if chosen.isValid() and chosen.name() != persona.color:
            self.document.push(
                EditPersonaCommand(self.document, persona_id, {"color": chosen.name()})
            )

    def delete_persona(self) -> None:
        """Delete the selected persona after asking; its cards lose the tag (one undo step)."""
        persona_id = self.current_id()
        if persona_id is None:
            return
        persona = self.document.persona(persona_id)
        tagged = sum(persona_id in card.personas for card in self.document.journey.cards)
        answer = QMessageBox.question(
            self.window(),
            self.tr("Delete persona"),
            self.tr("Delete “{name}”? It is taken off {count} cards. You can undo this.").format(
                name=printable(persona.name), count=tagged
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.document.push(RemovePersonaCommand(self.document, persona_id))


class PersonasDock(QDockWidget):
    """The dock holding the personas panel."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Personas"), parent)
        self.setObjectName("PersonasDock")
        self.panel = PersonasPanel(document)
        self.setWidget(self.panel)
