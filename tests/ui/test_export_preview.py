"""The Export dialog's preview widget: the page as the exporter plans it, drawn in Qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from journeycanvas.io.export import export_map
from journeycanvas.io.pdf import ExportOptions, plan_pdf
from journeycanvas.io.templates import load_template
from journeycanvas.model import Card, JourneyMap, Lane, LaneKind, Stage
from journeycanvas.ui.export_choice import ExportChoice
from journeycanvas.ui.export_dialog import ExportDialog
from journeycanvas.ui.export_preview import PreviewWidget, plan_preview

MAP_RED = QColor("#e53935")
PT_PER_MM = 72 / 25.4


@pytest.mark.parametrize(
    "choice",
    [
        ExportChoice(kind="poster", paper="A1", orientation="portrait"),
        ExportChoice(kind="tiled", paper="A1", tile="a4"),
    ],
    ids=["poster", "tiled"],
)
def test_the_map_picture_is_drawn_in_its_own_colours(qtbot: QtBot, choice: ExportChoice) -> None:
    plan = plan_preview(load_template("hourglass"), choice)
    assert not plan.error
    picture = QImage(400, 200, QImage.Format.Format_RGB32)
    picture.fill(MAP_RED)
    widget = PreviewWidget()
    qtbot.addWidget(widget)
    widget.resize(600, 600)
    widget.show_plan(plan, picture)
    shot = widget.grab().toImage()
    reds = sum(
        1
        for y in range(0, shot.height(), 4)
        for x in range(0, shot.width(), 4)
        if shot.pixelColor(x, y) == MAP_RED
    )
    assert reds > 100  # not washed out by a translucent layer over the page


def narrow_and_tall() -> JourneyMap:
    """One stage, twelve lanes of three cards: at true size on A0 some tiles stay blank."""
    lanes = [Lane(id=f"l{k}", kind=LaneKind.TOUCHPOINTS, title=f"Lane {k}") for k in range(12)]
    cards = [
        Card(id=f"c{k}-{j}", stage="s0", lane=f"l{k}", order=j, text="Reads the reviews")
        for k in range(12)
        for j in range(3)
    ]
    stages = [Stage(id="s0", name="Only stage")]
    return JourneyMap(id="narrow", title="Tall and narrow", stages=stages, lanes=lanes, cards=cards)


@pytest.mark.parametrize(
    ("journey", "choice"),
    [
        (load_template("hourglass"), ExportChoice(kind="poster", paper="A1")),
        (load_template("hourglass"), ExportChoice(kind="tiled", paper="A1", tile="a4")),
        (load_template("hourglass"), ExportChoice(kind="blank", paper=None)),
        (load_template("hourglass"), ExportChoice(kind="blank", paper="A0")),
        (load_template("hourglass"), ExportChoice(kind="handouts_stage", paper="A5")),
        (
            load_template("hourglass"),
            ExportChoice(kind="handouts_persona", paper="letter", palette="greyscale"),
        ),
        (narrow_and_tall(), ExportChoice(kind="tiled", paper="A0", tile="a4", scale=1.0)),
    ],
    ids=["poster", "tiled", "blank", "blank-a0", "handouts-a5", "handouts-letter", "tiled-gaps"],
)
def test_the_preview_matches_the_file_it_writes(
    journey: JourneyMap, choice: ExportChoice, tmp_path: Path
) -> None:
    plan = plan_preview(journey, choice)
    assert not plan.error
    out = tmp_path / "out.pdf"
    export_map(journey, out, choice.options())
    pages = PdfReader(out).pages
    assert plan.pages == len(pages)
    sizes = {
        (round(float(p.mediabox.width) / PT_PER_MM), round(float(p.mediabox.height) / PT_PER_MM))
        for p in pages
    }
    if plan.grid is not None:  # the sheets, and the assembly page (either way round)
        sheet = plan.grid.sheet
        assert (round(sheet.width), round(sheet.height)) in sizes
        assert plan.pages == plan.grid.count - len(plan.grid.skipped) + 1
    else:
        assert sizes == {(round(plan.page[0]), round(plan.page[1]))}


def test_a_blank_canvas_preview_shows_its_own_grid(qtbot: QtBot, tmp_path: Path) -> None:
    journey = load_template("hourglass")
    dialog = ExportDialog(journey, "A4", tmp_path / "map.pdf")
    qtbot.addWidget(dialog)
    plan = plan_preview(journey, ExportChoice(kind="blank", paper=None))
    picture = dialog._picture(plan)
    assert picture is not None
    width, height = plan.map_size
    assert picture.width() / picture.height() == pytest.approx(width / height, rel=0.02)
    layout = plan_pdf(journey, ExportOptions(blank=True)).layout
    assert (layout.width, layout.height) == plan.map_size
    # The first stage's header band, in its colour, where the PDF prints it.
    stage = layout.stages[0]
    scale = picture.width() / width
    x, y = (stage.rect.x + stage.rect.w / 2) * scale, (stage.rect.y + 1) * scale
    assert picture.pixelColor(round(x), round(y)) == QColor(stage.color)
