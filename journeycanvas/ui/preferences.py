"""The Preferences dialog: autosave interval, paper size, interface language, grid density."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.canvas.density import GRID_DENSITIES
from journeycanvas.i18n import available_languages
from journeycanvas.ui.settings import PAPER_SIZES, AppSettings


class PreferencesDialog(QDialog):
    """Edits the user's preferences; writes them to `settings` when accepted."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))

        self.autosave = QDoubleSpinBox(self)
        self.autosave.setRange(0.25, 60)
        self.autosave.setSingleStep(0.5)
        self.autosave.setDecimals(2)
        self.autosave.setSuffix(self.tr(" min"))
        self.autosave.setValue(settings.autosave_minutes)

        self.paper = QComboBox(self)
        for size in PAPER_SIZES:
            self.paper.addItem(size, size)
        self.paper.setCurrentIndex(self.paper.findData(settings.paper_size))

        self.language = QComboBox(self)
        self.language.addItem(self.tr("System default"), "")
        for language in available_languages():
            self.language.addItem(language.native_name, language.code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        self.density = QComboBox(self)
        density_names = {
            "compact": self.tr("Compact"),
            "normal": self.tr("Normal"),
            "roomy": self.tr("Roomy"),
        }
        for density in GRID_DENSITIES:
            self.density.addItem(density_names[density], density)
        self.density.setCurrentIndex(self.density.findData(settings.grid_density))
        self.density.setToolTip(
            self.tr(
                "How much room the canvas leaves around and inside cards: compact fits more "
                "cards on the screen, roomy gives them air. Exports keep the standard spacing."
            )
        )

        form = QFormLayout()
        form.addRow(self.tr("Autosave unsaved maps every"), self.autosave)
        form.addRow(self.tr("Default paper size"), self.paper)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Grid density"), self.density)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Write the choices to the settings and close."""
        self.settings.autosave_minutes = self.autosave.value()
        self.settings.paper_size = self.paper.currentData()
        self.settings.language = self.language.currentData()
        self.settings.grid_density = self.density.currentData()
        self.settings.sync()
        super().accept()
