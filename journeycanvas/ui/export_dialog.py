"""File → Export…: choose the kind of export, the paper and the scale with a live preview of
the first page and the page count, then the file to write."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.canvas.render import MM_PER_INCH, render_image
from journeycanvas.io.export_formats import (
    CSV_DELIMITER,
    DPI,
    HANDOUTS,
    ORIENTATION,
    PALETTE,
    PAPER,
    PERSONA,
    PICTURE,
    SCALE,
    TEXT,
    TILE,
    TRANSLATION_CONTEXT,
    export_format,
    export_formats,
)
from journeycanvas.io.pdf import ExportError, Paper, parse_paper
from journeycanvas.io.pdf.filtering import find_persona, only_persona
from journeycanvas.io.pdf.legibility import finding_text
from journeycanvas.io.pdf.options import MAX_SCALE
from journeycanvas.io.pdf.print_palette import GREYSCALE, PrintPalette
from journeycanvas.model.entities import JourneyMap
from journeycanvas.ui.export_choice import (
    DPI_RANGE,
    ExportChoice,
    Papers,
    printout_of,
    printout_paper,
)
from journeycanvas.ui.export_preview import PlanWorker, PreviewPlan, PreviewWidget, grid_picture

PAPERS = ("A0", "A1", "A2", "A3", "A4", "A5", "letter", "tabloid")
CUSTOM = "custom"
PREVIEW_PIXELS = 900
"""The long side of the map picture drawn in the preview."""
DEBOUNCE_MS = 150


class ExportDialog(QDialog):
    """Export settings for one map, with a live preview; `path` is the file chosen.

    The dialog starts from the map's remembered `export_settings` (or `default_paper`);
    `choice()` is what to export. Each kind of printout (poster, tiles, blank canvas,
    handouts) keeps its own paper: switching the kind shows that printout's paper.
    Pressing Export asks for the file (with the suffix of the chosen format); the dialog
    stays open if that is cancelled.
    """

    plan_shown = Signal(object)
    """A PreviewPlan for the current settings was shown."""

    def __init__(
        self,
        journey: JourneyMap,
        default_paper: str,
        suggested_file: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export map"))
        self.journey = journey
        self.suggested_file = suggested_file
        self.default_paper = default_paper
        self._papers: dict[str, str | None] = {}
        self._printout: str | None = None
        self.path: Path | None = None
        self.plan: PreviewPlan | None = None
        self._pictures: dict[tuple[object, ...], QImage] = {}

        self.kind = QComboBox(self)
        for entry in export_formats():
            self.kind.addItem(_translated(entry.label), entry.id)

        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("Automatic"), None)
        for name, label in zip(PAPERS, self._paper_labels(), strict=True):
            self.paper.addItem(label, name)
        self.paper.addItem(self.tr("Custom size"), CUSTOM)
        self.paper.setToolTip(
            self.tr(
                "Automatic: A1 for a poster fitted to the page, the map's own size at a fixed "
                "scale, the smallest paper that holds a blank canvas"
            )
        )
        self.custom_width = self._millimetres(594.0)
        self.custom_height = self._millimetres(841.0)
        custom = QWidget(self)
        custom_row = QHBoxLayout(custom)
        custom_row.setContentsMargins(0, 0, 0, 0)
        custom_row.addWidget(self.custom_width)
        custom_row.addWidget(QLabel("×", custom))
        custom_row.addWidget(self.custom_height)
        self.custom = custom
        self.orientation = QComboBox(self)
        self.orientation.addItem(self.tr("Automatic"), None)
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")

        self.fit = QRadioButton(self.tr("Fit to page"), self)
        self.at_scale = QRadioButton(self.tr("Scale"), self)
        size_group = QButtonGroup(self)
        size_group.addButton(self.fit)
        size_group.addButton(self.at_scale)
        self.scale = QSpinBox(self)
        self.scale.setRange(1, round(MAX_SCALE * 100))
        self.scale.setSuffix(self.tr(" %"))
        self.scale.setValue(100)
        self.scale.setToolTip(self.tr("100 %: cards as large as on screen at 100 %"))

        self.tile = QComboBox(self)
        self.tile.addItem(self.tr("A4"), "a4")
        self.tile.addItem(self.tr("US Letter"), "letter")
        self.overlap = QDoubleSpinBox(self)
        self.overlap.setRange(0.0, 50.0)
        self.overlap.setDecimals(0)
        self.overlap.setSuffix(self.tr(" mm"))

        self.persona = QComboBox(self)
        self.persona.addItem(self.tr("Everyone"), None)
        for persona in journey.personas:
            self.persona.addItem(persona.name or self.tr("Unnamed persona"), persona.id)
        self.dpi = QSpinBox(self)
        self.dpi.setRange(*DPI_RANGE)
        self.dpi.setSuffix(self.tr(" dpi"))
        self.colours = QComboBox(self)
        self.colours.addItem(self.tr("The map's colours"), "default")
        self.colours.addItem(self.tr("Colour-blind safe (Okabe–Ito)"), "okabe-ito")
        self.colours.addItem(self.tr("Greyscale"), "greyscale")
        self.colours.setToolTip(
            self.tr("Greyscale prints personas with their initials and metric bars hatched")
        )
        self.delimiter = QComboBox(self)
        self.delimiter.addItem(self.tr("Comma"), ",")
        self.delimiter.addItem(self.tr("Semicolon (Swedish, Polish spreadsheets)"), ";")

        self.preview = PreviewWidget(self)
        self.preview.show_message(self.tr("Preparing the preview…"))
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a23b00;")
        self.warning.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()

        self._worker = PlanWorker(journey.model_copy(deep=True), self)
        self._worker.planned.connect(self._planned)
        # A dialog dropped without an answer must not delete its planning thread running.
        self.destroyed.connect(self._worker.stop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._request_plan)
        self.set_choice(ExportChoice.from_settings(journey.export_settings, default_paper))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (
            self.kind,
            self.paper,
            self.orientation,
            self.tile,
            self.persona,
            self.delimiter,
            self.colours,
        ):  # fmt: skip
            combo.currentIndexChanged.connect(self._changed)
        for spin in (self.custom_width, self.custom_height, self.scale, self.overlap, self.dpi):
            spin.valueChanged.connect(self._changed)
        self.fit.toggled.connect(self._changed)
        self.caption.setText(self.tr("Counting pages…"))
        self._request_plan()

    # ---------------------------------------------------------------- building

    def _paper_labels(self) -> list[str]:
        return [
            self.tr("A0"),
            self.tr("A1"),
            self.tr("A2"),
            self.tr("A3"),
            self.tr("A4"),
            self.tr("A5"),
            self.tr("US Letter"),
            self.tr("Tabloid"),
        ]

    def _millimetres(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(20.0, 5080.0)
        spin.setDecimals(0)
        spin.setSuffix(self.tr(" mm"))
        spin.setValue(value)
        return spin

    def _build_layout(self) -> None:
        what = QFormLayout()
        what.addRow(self.tr("&Format:"), self.kind)
        what.addRow(self.tr("&Persona:"), self.persona)

        paper_box = QGroupBox(self.tr("Paper"), self)
        paper = QFormLayout(paper_box)
        paper.addRow(self.tr("P&aper:"), self.paper)
        paper.addRow(self.tr("Si&ze:"), self.custom)
        paper.addRow(self.tr("&Orientation:"), self.orientation)
        paper.addRow(self.tr("Colo&urs:"), self.colours)
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.fit)
        scale_row.addWidget(self.at_scale)
        scale_row.addWidget(self.scale)
        scale_row.addStretch(1)
        paper.addRow(self.tr("Map:"), scale_row)
        self.paper_box = paper_box

        tiles_box = QGroupBox(self.tr("Tiles"), self)
        tiles = QFormLayout(tiles_box)
        tiles.addRow(self.tr("&Sheets:"), self.tile)
        tiles.addRow(self.tr("O&verlap:"), self.overlap)
        self.tiles_box = tiles_box

        files_box = QGroupBox(self.tr("Picture and table"), self)
        files = QFormLayout(files_box)
        files.addRow(self.tr("&Resolution:"), self.dpi)
        files.addRow(self.tr("&Separator:"), self.delimiter)
        self.files_box = files_box

        form = QVBoxLayout()
        form.addLayout(what)
        form.addWidget(paper_box)
        form.addWidget(tiles_box)
        form.addWidget(files_box)
        form.addStretch(1)

        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.caption)
        right.addWidget(self.warning)

        body = QHBoxLayout()
        body.addLayout(form)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(self.buttons)
        self.resize(900, 560)

    # ---------------------------------------------------------------- the choice

    def _shown_paper(self) -> str | None:
        """The paper the paper fields show ("A3", "500x700mm", None for Automatic)."""
        paper = self.paper.currentData()
        if paper == CUSTOM:
            paper = f"{self.custom_width.value():g}x{self.custom_height.value():g}mm"
        return paper

    def _remembered_papers(self) -> Papers:
        """The paper of each printout, the shown one's as shown."""
        papers = dict(self._papers)
        if self._printout is not None:
            papers[self._printout] = self._shown_paper()
        return tuple(sorted(papers.items()))

    def _kind_changed(self) -> None:
        """Keep the paper of the printout left, show the paper of the one chosen."""
        self._papers = dict(self._remembered_papers())
        self._printout = printout_of(self.kind.currentData())
        if self._printout is not None:
            self._show_paper(printout_paper(self.papers, self._printout, self.default_paper))

    @property
    def papers(self) -> Papers:
        """The paper remembered for each kind of printout."""
        return tuple(sorted(self._papers.items()))

    def choice(self) -> ExportChoice:
        """The export the dialog's settings describe."""
        return ExportChoice(
            kind=self.kind.currentData(),
            paper=self._shown_paper(),
            orientation=self.orientation.currentData(),
            scale=None if self.fit.isChecked() else self.scale.value() / 100,
            tile=self.tile.currentData(),
            overlap_mm=self.overlap.value(),
            persona=self.persona.currentData(),
            dpi=self.dpi.value(),
            csv_delimiter=self.delimiter.currentData(),
            palette=self.colours.currentData(),
            papers=self._remembered_papers(),
        )

    def set_choice(self, choice: ExportChoice) -> None:
        """Show `choice` in the dialog's fields."""
        self._papers = dict(choice.papers)
        _select(self.kind, choice.kind)
        self._printout = printout_of(choice.kind)
        self._show_paper(choice.paper)
        _select(self.orientation, choice.orientation)
        self.fit.setChecked(choice.scale is None)
        self.at_scale.setChecked(choice.scale is not None)
        if choice.scale is not None:
            self.scale.setValue(round(choice.scale * 100))
        _select(self.tile, choice.tile)
        self.overlap.setValue(choice.overlap_mm)
        _select(self.persona, choice.persona)
        self.dpi.setValue(choice.dpi)
        _select(self.delimiter, choice.csv_delimiter)
        _select(self.colours, choice.palette)
        self._enable()

    def _show_paper(self, paper: str | None) -> None:
        """Show `paper` in the paper fields (a paper that does not parse is not shown)."""
        if paper is None or paper in PAPERS:
            _select(self.paper, paper)
            return
        try:
            custom = parse_paper(paper)
        except ExportError:
            return
        if custom.name:
            _select(self.paper, custom.name)
            return
        _select(self.paper, CUSTOM)
        self.custom_width.setValue(custom.width)
        self.custom_height.setValue(custom.height)

    def _enable(self) -> None:
        """Enable the fields of the options the chosen format takes (from the registry)."""
        takes = export_format(self.kind.currentData()).options
        self.paper_box.setEnabled(PAPER in takes)
        self.custom.setEnabled(self.paper.currentData() == CUSTOM)
        self.orientation.setEnabled(ORIENTATION in takes)
        self.colours.setEnabled(PALETTE in takes)
        for widget in (self.fit, self.at_scale):
            widget.setEnabled(SCALE in takes)
        self.scale.setEnabled(SCALE in takes and self.at_scale.isChecked())
        self.tiles_box.setEnabled(TILE in takes)
        self.files_box.setEnabled(bool({DPI, CSV_DELIMITER} & takes))
        self.dpi.setEnabled(DPI in takes)
        self.delimiter.setEnabled(CSV_DELIMITER in takes)
        self.persona.setEnabled(PERSONA in takes and bool(self.journey.personas))

    # ---------------------------------------------------------------- preview

    def _changed(self) -> None:
        self._enable()
        self.caption.setText(self.tr("Counting pages…"))
        self._timer.start()

    def _request_plan(self) -> None:
        self._worker.request(self.choice())

    def _planned(self, plan: PreviewPlan) -> None:
        if plan.choice != self.choice():
            return  # the settings changed again; a newer plan is on its way
        self.plan = plan
        self.export_button.setEnabled(not plan.error)
        self.caption.setText(self._caption(plan))
        warnings = [finding_text(finding) for finding in plan.findings]
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        text_only = plan.choice.format.preview == TEXT
        picture = None if plan.error or text_only else self._picture(plan)
        self.preview.show_plan(plan, picture)
        self.plan_shown.emit(plan)

    def _picture(self, plan: PreviewPlan) -> QImage | None:
        """The map as the canvas draws it, small, for the preview: the map as the poster
        prints it (its palette, its persona, full cells cut), greyed for greyscale."""
        palette = plan.choice.options().palette
        blank = bool(plan.choice.format.preset.get("blank"))
        printed = plan.printed
        cards = len(printed.cards) if printed is not None else -1
        key = (plan.choice.persona, blank, palette, cards, plan.map_size)
        if key not in self._pictures:
            journey = printed
            if journey is None:
                journey = PrintPalette.of(palette, self.journey).recolored(self.journey)
                if plan.choice.persona:
                    journey = only_persona(journey, find_persona(journey, plan.choice.persona))
            if blank:
                journey = journey.model_copy(update={"cards": [], "connectors": []})
            longest = max(plan.map_size)
            if longest <= 0:
                return None
            dpi = min(150.0, PREVIEW_PIXELS * MM_PER_INCH / longest)
            if plan.grid_layout is not None:
                image = grid_picture(plan.grid_layout, dpi)
            else:
                image = render_image(journey, dpi)
            if palette == GREYSCALE:
                image = image.convertToFormat(QImage.Format.Format_Grayscale8)
            self._pictures[key] = image
        return self._pictures[key]

    def _caption(self, plan: PreviewPlan) -> str:
        entry = plan.choice.format
        blank = bool(entry.preset.get("blank"))
        if plan.error and blank:
            return self.tr(
                "A blank canvas prints at true size: choose a larger paper, or Automatic for "
                "the smallest paper that holds it."
            )
        if plan.error:
            return self.tr("These settings cannot be exported.")
        width, height = plan.map_size
        if entry.preview == PICTURE and DPI in entry.options:
            dpi = plan.choice.dpi
            return self.tr("{width} × {height} pixels at {dpi} dpi").format(
                width=round(width * dpi / MM_PER_INCH),
                height=round(height * dpi / MM_PER_INCH),
                dpi=dpi,
            )
        if entry.preview == PICTURE:
            return self.tr("A drawing of {width} × {height} mm").format(
                width=round(width), height=round(height)
            )
        cards = self._count(plan.cards, self.tr("1 card"), self.tr("{count} cards"))
        if CSV_DELIMITER in entry.options:
            return self.tr("{cards}, one row each").format(cards=cards)
        if entry.preview == TEXT:
            return self.tr("A report of {cards}").format(cards=cards)
        pages = self._count(plan.pages, self.tr("1 page"), self.tr("{count} pages"))
        if entry.preview == HANDOUTS:
            return self.tr("{pages} of handouts on {paper}").format(
                pages=pages, paper=self._page_label(plan.paper)
            )
        scale = round((plan.scale or 1.0) * 100)
        if plan.grid is not None:
            return self.tr(
                "{pages}: {sheets} sheets of {paper} and a page showing how they fit "
                "together · map at {scale} %"
            ).format(
                pages=pages,
                sheets=plan.grid.printed,
                paper=self._page_label(plan.grid.sheet),
                scale=scale,
            )
        paper = self._page_label(plan.paper)
        if blank:
            return self.tr("{pages} · {paper} · cells for 76 mm sticky notes").format(
                pages=pages, paper=paper
            )
        return self.tr("{pages} · {paper} · map at {scale} %").format(
            pages=pages, paper=paper, scale=scale
        )

    @staticmethod
    def _count(count: int, one: str, many: str) -> str:
        return one if count == 1 else many.format(count=count)

    def _page_label(self, page: Paper | None) -> str:
        if page is None:
            return ""
        if not page.name:
            return self.tr("{width} × {height} mm").format(
                width=f"{page.width:.0f}", height=f"{page.height:.0f}"
            )
        return self._paper_label(page.name, page.orientation)

    def _paper_label(self, name: str, orientation: str) -> str:
        labels = dict(zip(PAPERS, self._paper_labels(), strict=True))
        label = labels.get(name, name)
        if orientation == "landscape":
            return self.tr("{paper} landscape").format(paper=label)
        if orientation == "portrait":
            return self.tr("{paper} portrait").format(paper=label)
        return label

    # ---------------------------------------------------------------- finishing

    def accept(self) -> None:
        """Ask for the file to write; close the dialog only when one was chosen."""
        choice = self.choice()
        entry = choice.format
        suffix = entry.suffix
        stem = self.suggested_file.name + entry.file_tag
        patterns = " ".join(f"*{extension}" for extension in entry.extensions)
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export map as"),
            str(self.suggested_file.with_name(stem + suffix)),
            f"{_translated(entry.file_kind or entry.label)} ({patterns})",
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in entry.extensions:
            path = path.with_name(path.name + suffix)
        self.path = path.absolute()
        super().accept()

    def done(self, result: int) -> None:
        """Stop the preview's planning before closing."""
        self._stop_planning()
        super().done(result)

    def _stop_planning(self) -> None:
        self._timer.stop()
        self._worker.stop()


def _translated(text: str) -> str:
    """A display name from the export-format registry in the user's language."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
