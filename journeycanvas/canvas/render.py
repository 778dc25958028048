"""PNG and SVG pictures of a map (or of some of its objects), drawn by the canvas's own items.

Used by the editor's export and by the command line, which runs them offscreen:
``render_png(journey, "map.png", dpi=150)``. The map itself is not changed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from journeycanvas.canvas.scene import MapScene
from journeycanvas.document import Document
from journeycanvas.model.entities import JourneyMap

MM_PER_INCH = 25.4
PADDING_MM = 4.0
MAX_PIXELS = 400_000_000
"""A picture larger than this many pixels is refused (it would not fit in memory)."""


def ensure_application() -> QApplication:
    """The running QApplication, or a new offscreen one for headless use."""
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
    return app  # type: ignore[return-value]


def _scene_and_area(
    journey: JourneyMap, selection: Iterable[str] | None
) -> tuple[Document, MapScene, QRectF]:
    """A scene of a copy of `journey` and the area (mm) to draw: the map or the selection."""
    ensure_application()
    document = Document(journey.model_copy(deep=True))
    scene = MapScene(document)
    layout = scene.layout
    if selection is None:
        area = QRectF(0, 0, layout.width, layout.height)
    else:
        area = QRectF()
        for object_id in selection:
            item = scene.item_for(object_id)
            if item is not None:
                area = area.united(item.sceneBoundingRect())
        if area.isEmpty():
            raise ValueError("nothing to draw: none of the selected ids is in the map")
        area = area.adjusted(-PADDING_MM, -PADDING_MM, PADDING_MM, PADDING_MM)
    return document, scene, area


def render_image(
    journey: JourneyMap, dpi: float = 150.0, selection: Iterable[str] | None = None
) -> QImage:
    """The map (or the objects named in `selection`) as an image at `dpi`."""
    document, scene, area = _scene_and_area(journey, selection)
    scale = dpi / MM_PER_INCH
    width, height = round(area.width() * scale), round(area.height() * scale)
    if width * height > MAX_PIXELS:
        raise ValueError(f"a {width} × {height} picture is too large; choose a lower resolution")
    image = QImage(max(1, width), max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_meter = round(dpi / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), area,
                 Qt.AspectRatioMode.IgnoreAspectRatio)  # fmt: skip
    painter.end()
    del scene, document
    return image


def render_png(
    journey: JourneyMap,
    path: str | Path,
    dpi: float = 150.0,
    selection: Iterable[str] | None = None,
) -> None:
    """Write the map (or the objects named in `selection`) as a PNG at `dpi`.

    Raises OSError when the file cannot be written, ValueError for an empty selection
    or a picture too large to make.
    """
    image = render_image(journey, dpi, selection)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")


def render_svg(
    journey: JourneyMap,
    path: str | Path,
    selection: Iterable[str] | None = None,
    title: str | None = None,
) -> None:
    """Write the map (or the objects named in `selection`) as an SVG measured in millimetres."""
    document, scene, area = _scene_and_area(journey, selection)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    dpi = 96
    scale = dpi / MM_PER_INCH
    generator.setResolution(dpi)
    generator.setSize(QSize(round(area.width() * scale), round(area.height() * scale)))
    generator.setViewBox(QRectF(0, 0, area.width() * scale, area.height() * scale))
    generator.setTitle(title if title is not None else journey.title)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {path}")
    scene.render(painter, QRectF(0, 0, area.width() * scale, area.height() * scale), area,
                 Qt.AspectRatioMode.IgnoreAspectRatio)  # fmt: skip
    painter.end()
    del scene, document
