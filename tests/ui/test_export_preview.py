"""The Export dialog's preview widget: the page as the exporter plans it, drawn in Qt."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from journeycanvas.io.templates import load_template
from journeycanvas.ui.export_choice import ExportChoice
from journeycanvas.ui.export_preview import PreviewWidget, plan_preview

MAP_RED = QColor("#e53935")


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
