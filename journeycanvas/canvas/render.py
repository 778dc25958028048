"""PNG and SVG pictures of a map (or of some of its objects), drawn by the canvas's own items.

Used by the editor's export and by the command line, which runs them offscreen:
``render_png(journey, "map.png", dpi=150)``. The map itself is not changed. `write_png` and
`write_svg` are the writers the export-format registry names for PNG and SVG. Pictures are
made in memory and checked (an SVG is parsed back) before anything is written, and then
written by the one atomic writer: a failure never leaves a truncated file.
"""

from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from journeycanvas.canvas.scene import MapScene
from journeycanvas.document import Document
from journeycanvas.io.atomic import write_atomically
from journeycanvas.io.clean_text import clean_map, clean_text
from journeycanvas.io.export_summaries import picture_summary
from journeycanvas.io.pdf.options import ExportError, ExportOptions
from journeycanvas.io.pdf.progress import Cancel, Progress, Steps
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


def png_bytes(
    journey: JourneyMap, dpi: float = 150.0, selection: Iterable[str] | None = None
) -> bytes:
    """The map (or the objects named in `selection`) as the bytes of a PNG at `dpi`.

    Raises OSError when Qt cannot encode it, ValueError for an empty selection or a
    picture too large to make.
    """
    image = render_image(journey, dpi, selection)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs want bytes; PySide6 wants str
    buffer.close()
    if not saved or data.isEmpty():
        raise OSError("Qt could not encode the picture as PNG")
    return bytes(data.data())


def svg_bytes(
    journey: JourneyMap, selection: Iterable[str] | None = None, title: str | None = None
) -> bytes:
    """The map (or the objects named in `selection`) as an SVG measured in millimetres.

    Its texts are cleaned for XML first, and the drawing is parsed back before it is
    returned: OSError when Qt did not make a well-formed SVG.
    """
    journey = clean_map(journey)
    document, scene, area = _scene_and_area(journey, selection)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    dpi = 96
    scale = dpi / MM_PER_INCH
    generator.setResolution(dpi)
    generator.setSize(QSize(round(area.width() * scale), round(area.height() * scale)))
    generator.setViewBox(QRectF(0, 0, area.width() * scale, area.height() * scale))
    generator.setTitle(clean_text(title) if title is not None else journey.title)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError("Qt could not start the SVG drawing")
    scene.render(painter, QRectF(0, 0, area.width() * scale, area.height() * scale), area,
                 Qt.AspectRatioMode.IgnoreAspectRatio)  # fmt: skip
    ended = painter.end()
    buffer.close()
    del scene, document
    svg = bytes(data.data())
    if not ended or not svg:
        raise OSError("Qt could not finish the SVG drawing")
    try:
        ElementTree.fromstring(svg)
    except ElementTree.ParseError as exc:
        raise OSError(f"Qt made an SVG that is not well-formed XML ({exc})") from exc
    return svg


def render_png(
    journey: JourneyMap,
    path: str | Path,
    dpi: float = 150.0,
    selection: Iterable[str] | None = None,
) -> None:
    """Write the map (or the objects named in `selection`) as a PNG at `dpi`, atomically.

    Raises OSError when the file cannot be written, ValueError for an empty selection
    or a picture too large to make.
    """
    write_atomically(path, png_bytes(journey, dpi, selection))


def render_svg(
    journey: JourneyMap,
    path: str | Path,
    selection: Iterable[str] | None = None,
    title: str | None = None,
) -> None:
    """Write the map (or the objects named in `selection`) as an SVG, atomically."""
    write_atomically(path, svg_bytes(journey, selection, title))


def write_png(
    journey: JourneyMap,
    path: Path,
    options: ExportOptions,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[int, str]:
    """The export-format registry's PNG writer: the map (only the persona's cards, when
    one is chosen) at `options.dpi` into `path`."""
    Steps(1, progress, cancel).check()
    try:
        data = png_bytes(journey, options.dpi)
    except ValueError as exc:  # too large a picture: a choice the user can change
        raise ExportError(str(exc)) from exc
    path.write_bytes(data)
    return 0, picture_summary("PNG", len(journey.cards))


def write_svg(
    journey: JourneyMap,
    path: Path,
    options: ExportOptions,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[int, str]:
    """The export-format registry's SVG writer: the map, in millimetres, into `path`."""
    Steps(1, progress, cancel).check()
    path.write_bytes(svg_bytes(journey))
    return 0, picture_summary("SVG", len(journey.cards))
