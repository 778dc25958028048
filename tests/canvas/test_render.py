"""Rendering: every template draws, and stage headers sit where the layout says."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.render import MM_PER_INCH, render_image, render_png, render_svg
from journeycanvas.io.templates import load_template, template_names
from journeycanvas.layout import layout_journey

DPI = 60.0


def _close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.mark.parametrize("name", template_names())
def test_each_template_renders_with_headers_where_the_layout_says(qtbot: QtBot, name: str) -> None:
    journey = load_template(name)
    image = render_image(journey, dpi=DPI)
    layout = layout_journey(journey)
    scale = DPI / MM_PER_INCH
    assert image.width() == round(layout.width * scale)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}  # fmt: skip
    assert len(colours) > 20, "the picture is not blank"
    for stage in layout.stages:
        # Just inside the header's top-left corner: the stage colour, clear of the text.
        x = round((stage.rect.x + 1.0) * scale)
        y = round((stage.rect.y + 1.0) * scale)
        assert _close(QColor(image.pixel(x, y)), QColor(stage.color)), stage.id
        # Just left of the header: the previous header or the corner, never this colour.
        left = round((stage.rect.x - 1.0) * scale)
        if stage.index > 0 and layout.stages[stage.index - 1].color != stage.color:
            assert not _close(QColor(image.pixel(left, y)), QColor(stage.color), 4)


def test_png_of_a_selection_is_cropped_to_it(qtbot: QtBot, tmp_path: Path) -> None:
    journey = load_template("hourglass")
    whole = tmp_path / "whole.png"
    part = tmp_path / "part.png"
    render_png(journey, whole, dpi=DPI)
    render_png(journey, part, dpi=DPI, selection=["c1", "c2"])
    assert QImage(str(part)).width() < QImage(str(whole)).width() / 3
    with pytest.raises(ValueError):
        render_png(journey, part, selection=["no-such-id"])


def test_svg_holds_the_stage_names(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "map.svg"
    render_svg(load_template("hourglass"), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert "Know" in text and "Refer" in text
