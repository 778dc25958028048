"""The New dialog: the bundled templates with a thumbnail and description each, and a title."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.canvas.render import render_image
from journeycanvas.i18n import current_language
from journeycanvas.io import JourneyFileError
from journeycanvas.io.templates import TemplateInfo, list_templates, load_template
from journeycanvas.layout import layout_journey
from journeycanvas.model import JourneyMap

_NAME_ROLE = Qt.ItemDataRole.UserRole
THUMBNAIL_SIZE = QSize(240, 150)  # the preview's proportions, scaled down
PREVIEW_SIZE = QSize(420, 262)
_MM_PER_INCH = 25.4


def template_picture(journey: JourneyMap, size: QSize) -> QImage:
    """The map drawn by the canvas, scaled to fit `size` and centred on a white page."""
    page = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    page.fill(QColor("#ffffff"))
    layout = layout_journey(journey)
    if layout.width <= 0 or layout.height <= 0:
        return page
    dpi = min(size.width() / layout.width, size.height() / layout.height) * _MM_PER_INCH
    picture = render_image(journey, dpi)
    painter = QPainter(page)
    corner = QPoint((size.width() - picture.width()) // 2, (size.height() - picture.height()) // 2)
    painter.drawImage(corner, picture)
    painter.end()
    return page


class TemplateChooser(QDialog):
    """Lists the templates as thumbnails; `chosen_map()` is the new map after Create."""

    def __init__(self, parent: QWidget | None = None, initial: str = "hourglass") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New map"))
        self.resize(980, 600)
        self.templates: dict[str, TemplateInfo] = {}
        self._maps: dict[str, JourneyMap] = {}
        self._previews: dict[str, QPixmap] = {}
        self.list = QListWidget(self)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMBNAIL_SIZE)
        self.list.setGridSize(THUMBNAIL_SIZE + QSize(24, 48))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(THUMBNAIL_SIZE.width() * 2 + 80)
        self.list.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.preview = QLabel(self)
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.outline = QLabel(self)
        self.outline.setWordWrap(True)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("The template's title"))
        details = QVBoxLayout()
        details.addWidget(self.preview)
        details.addWidget(self.heading)
        details.addWidget(self.description)
        details.addWidget(self.outline)
        details.addStretch(1)
        title_row = QFormLayout()
        title_row.addRow(self.tr("Title of the new map"), self.title)
        details.addLayout(title_row)
        body = QHBoxLayout()
        body.addWidget(self.list, 3)
        body.addLayout(details, 2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._fill(initial)

    def _fill(self, initial: str) -> None:
        for info in list_templates(current_language()):
            try:
                journey = load_template(info.name, language=info.language)
            except JourneyFileError:
                continue  # a broken bundled file must not block the other templates
            self.templates[info.name] = info
            self._maps[info.name] = journey
            preview = QPixmap.fromImage(template_picture(journey, PREVIEW_SIZE))
            self._previews[info.name] = preview
            icon = QIcon(
                preview.scaled(
                    THUMBNAIL_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            item = QListWidgetItem(icon, info.title)
            item.setData(_NAME_ROLE, info.name)
            item.setToolTip(info.description)
            self.list.addItem(item)
            if info.name == initial:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def select(self, name: str) -> None:
        """Make the template `name` the chosen one."""
        for row in range(self.list.count()):
            if self.list.item(row).data(_NAME_ROLE) == name:
                self.list.setCurrentRow(row)

    def chosen_name(self) -> str | None:
        """The name of the chosen template, if any."""
        item = self.list.currentItem()
        return item.data(_NAME_ROLE) if item is not None else None

    def chosen_map(self) -> JourneyMap | None:
        """A fresh map from the chosen template, with the typed title if one was typed."""
        name = self.chosen_name()
        if name is None:
            return None
        title = self.title.text().strip()
        return load_template(name, title=title or None, language=self.templates[name].language)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        name = item.data(_NAME_ROLE)
        info, journey = self.templates[name], self._maps[name]
        self.preview.setPixmap(self._previews[name])
        self.heading.setText(info.title)
        self.description.setText(info.description)
        stages = " → ".join(stage.name for stage in journey.stages)
        self.outline.setText(
            self.tr("Stages: {stages}\n{lanes} lanes, {cards} sample cards").format(
                stages=stages or self.tr("none yet"),
                lanes=len(journey.lanes),
                cards=len(journey.cards),
            )
        )
