"""Card pictures print: an image XObject inside the card, the card's words still there."""

from __future__ import annotations

import base64
import subprocess
from io import BytesIO
from pathlib import Path

from pdf_helpers import missing_card_lines, page_texts
from PIL import Image, ImageDraw
from pypdf import PdfReader

from journeycanvas.io.pdf import ExportOptions, export_pdf, plan_pdf
from journeycanvas.io.templates import load_template
from journeycanvas.model import Asset, JourneyMap


def ad_png(width: int = 400, height: int = 240) -> bytes:
    """A red banner with a white block: easy to find on a rendered page."""
    image = Image.new("RGB", (width, height), "#e53935")
    ImageDraw.Draw(image).rectangle((40, 48, 240, 128), fill="#ffffff")
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def map_with_pictures() -> JourneyMap:
    """The hourglass with one picture shown on three cards (one asset)."""
    journey = load_template("hourglass")
    journey.assets["a_ad"] = Asset(media_type="image/png", data=base64.b64encode(ad_png()).decode())
    for card in journey.cards[:3]:
        card.image = "a_ad"
    return journey


def image_xobjects(path: Path) -> list[tuple[int, int]]:
    """The (width, height) of every image XObject the pages use, forms included."""
    found = []

    def walk(resources: object) -> None:
        xobjects = resources.get("/XObject", {}) if resources else {}  # type: ignore[attr-defined]
        for ref in xobjects.values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                found.append((int(xobject["/Width"]), int(xobject["/Height"])))
            elif xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in PdfReader(path).pages:
        walk(page.get("/Resources"))
    return found


def test_the_poster_embeds_a_shared_card_picture_once_and_keeps_the_card_text(
    tmp_path: Path,
) -> None:
    journey = map_with_pictures()
    out = tmp_path / "poster.pdf"
    export_pdf(journey, out)
    assert image_xobjects(out) == [(400, 240)]
    (text,) = page_texts(out)
    assert missing_card_lines(plan_pdf(journey, ExportOptions()).layout, text) == []

    # The picture is drawn: the banner's red covers the page where it did not before.
    bare = tmp_path / "bare.pdf"
    export_pdf(load_template("hourglass"), bare)
    assert red_pixels(out, tmp_path) > red_pixels(bare, tmp_path) + 300


def red_pixels(path: Path, out_dir: Path) -> int:
    """How many pixels of the page, rendered in colour at 30 dpi, are the banner's red."""
    prefix = out_dir / f"{path.stem}-colour"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(path), str(prefix)], check=True, timeout=120
    )
    (rendered,) = sorted(out_dir.glob(f"{prefix.name}*.png"))
    image = Image.open(rendered).convert("RGB")
    data = image.tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 200 and 40 < g < 80 and 40 < b < 80)


def test_tiles_print_the_picture_too(tmp_path: Path) -> None:
    out = tmp_path / "tiles.pdf"
    export_pdf(map_with_pictures(), out, ExportOptions(tile="a4"))
    assert (400, 240) in image_xobjects(out)
