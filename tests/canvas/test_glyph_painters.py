"""The screen and the paper draw the same glyphs: one description, two painters that agree."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from reportlab.pdfgen.canvas import Canvas

from journeycanvas.canvas.glyphs import draw_glyph
from journeycanvas.canvas.render import ensure_application
from journeycanvas.io.pdf.icons import define_icons, icon_name
from journeycanvas.layout.glyph_shapes import GLYPH_IDS

SIZE_PX = 120
"""Both pictures of a glyph are this many pixels square."""


def _qt_picture(glyph_id: str) -> Image.Image:
    ensure_application()
    image = QImage(SIZE_PX, SIZE_PX, QImage.Format.Format_Grayscale8)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_glyph(painter, glyph_id, QRectF(0, 0, SIZE_PX, SIZE_PX), QColor("#000000"))
    painter.end()
    rows = (bytes(image.constScanLine(y))[:SIZE_PX] for y in range(SIZE_PX))
    data = b"".join(rows)
    return Image.frombytes("L", (SIZE_PX, SIZE_PX), data)


@pytest.fixture(scope="module")
def pdf_pictures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Image.Image]:
    """Each glyph's PDF form on a page of its own, rendered by poppler at SIZE_PX pixels."""
    folder = tmp_path_factory.mktemp("glyphs")
    path = folder / "glyphs.pdf"
    side_pt = 72.0  # one inch: rendered at SIZE_PX dpi, SIZE_PX pixels
    canvas = Canvas(str(path), pagesize=(side_pt, side_pt))
    define_icons(canvas)
    for glyph_id in GLYPH_IDS:
        # The forms are drawn y down, as the map's pen does: flip the page once.
        canvas.addLiteral(f"q {side_pt} 0 0 {-side_pt} 0 {side_pt} cm 0 g 0 G")
        canvas.doForm(icon_name(glyph_id))
        canvas.addLiteral("Q")
        canvas.showPage()
    canvas.save()
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(SIZE_PX), str(path), str(folder / "g")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    pages = sorted(folder.glob("g-*.pgm"))
    assert len(pages) == len(GLYPH_IDS)
    return {
        glyph_id: Image.open(page).convert("L")
        for glyph_id, page in zip(GLYPH_IDS, pages, strict=True)
    }


def _ink(picture: Image.Image) -> Image.Image:
    """Where the picture is inked (darker than mid grey), as a black and white mask."""
    return picture.point(lambda value: 255 if value < 128 else 0)


@pytest.mark.parametrize("glyph_id", GLYPH_IDS)
def test_the_canvas_and_the_pdf_draw_the_same_glyph(
    glyph_id: str, pdf_pictures: dict[str, Image.Image]
) -> None:
    screen, paper = _ink(_qt_picture(glyph_id)), _ink(pdf_pictures[glyph_id])
    screen_box, paper_box = screen.getbbox(), paper.getbbox()
    assert screen_box is not None and paper_box is not None, "a painter drew nothing"
    for a, b in zip(screen_box, paper_box, strict=True):
        assert abs(a - b) <= 3, (glyph_id, screen_box, paper_box)
    # Same ink in the same places: the pixels only one of them inked are a thin edge.
    inked = screen.histogram()[255] + paper.histogram()[255]
    differ = ImageChops.difference(screen, paper).histogram()[255]
    assert differ <= 0.12 * inked, (glyph_id, differ, inked)


def test_the_emotion_face_follows_its_score() -> None:
    frown, smile = _ink(_qt_picture("face-3")), _ink(_qt_picture("face+3"))
    assert ImageChops.difference(frown, smile).getbbox() is not None

    def lowest_mouth_row(mask: Image.Image) -> int:
        """The lowest ink of the mouth's middle (between the eyes and the face's rim)."""
        middle = mask.crop((SIZE_PX * 2 // 5, SIZE_PX // 2, SIZE_PX * 3 // 5, SIZE_PX * 5 // 6))
        box = middle.getbbox()
        assert box is not None
        return box[3]

    assert lowest_mouth_row(smile) > lowest_mouth_row(frown)
