"""No card text is drawn outside its card: checked in the layout with ReportLab's string
widths, and in the written PDF by following every text operator to where it lands."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pdf_helpers import multilingual_map
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject
from reportlab.pdfbase.pdfmetrics import stringWidth

from journeycanvas.io.pdf import ExportOptions, export_pdf, plan_pdf
from journeycanvas.layout import MM_PER_PT, JourneyLayout, Rect, TextBlock, layout_journey
from journeycanvas.model import JourneyMap
from journeycanvas.text import default_font_set

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from generate import generate_map

TOLERANCE_MM = 0.05


def maps() -> dict[str, JourneyMap]:
    return {"multilingual": multilingual_map(), "generated": generate_map(600, seed=3)}


def string_width_mm(text: str, size_pt: float, bold: bool) -> float:
    """Width through ReportLab's stringWidth, each run in the font that draws it."""
    runs = default_font_set().runs(text, bold)
    return sum(stringWidth(run, font, size_pt) for font, run in runs) * MM_PER_PT


def block_inside(block: TextBlock, dx: float, dy: float, area: Rect) -> list[str]:
    """Lines of a block (offset by dx, dy) that leave `area`."""
    fonts = default_font_set()
    size_mm = block.font_size_pt * MM_PER_PT
    outside = []
    for line, x, baseline in zip(block.lines, block.xs, block.baselines, strict=True):
        left = x + dx
        right = left + string_width_mm(line, block.font_size_pt, block.bold)
        top = baseline + dy - fonts.ascent * size_mm
        bottom = baseline + dy + fonts.descent * size_mm
        if (
            left < area.x - TOLERANCE_MM
            or right > area.right + TOLERANCE_MM
            or top < area.y - TOLERANCE_MM
            or bottom > area.bottom + TOLERANCE_MM
        ):
            outside.append(line)
    return outside


@pytest.mark.parametrize("name", sorted(maps()))
def test_every_laid_out_line_fits_inside_its_card(name: str) -> None:
    layout = layout_journey(maps()[name])
    outside = []
    for card in layout.cards.values():
        face, rect = card.face, card.rect
        blocks = [face.text]
        if face.metric is not None:
            blocks.append(face.metric.text)
        if face.votes_label is not None:
            blocks.append(face.votes_label)
        for block in blocks:
            outside += block_inside(block, rect.x, rect.y, rect)
    assert outside == []


@dataclass
class _Drawn:
    """One text-showing operator of the PDF, in map millimetres."""

    x: float
    right: float
    baseline: float
    ascent: float
    descent: float


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """The PDF matrix product a × b (a applied first)."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def map_text_in_pdf(path: Path) -> list[_Drawn]:
    """Every text operator drawn inside the map's transform, positioned in map mm.

    The page is drawn in mm with y flipped (the first such ``cm``); the map under its own
    ``cm`` (scale and offset) inside that, with text placed by ``Tm`` in map mm.
    """
    reader = PdfReader(path)
    page = reader.pages[0]
    fonts = page["/Resources"]["/Font"]
    content = ContentStream(page.get_contents(), reader)
    stack: list[list[float]] = []
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    page_frame: list[float] | None = None
    font: DictionaryObject | None = None
    size = 0.0
    x = baseline = 0.0
    drawn = []
    for operands, operator in content.operations:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop()
        elif operator == b"cm":
            ctm = _multiply([float(v) for v in operands], ctm)
            if page_frame is None and ctm[3] < 0:
                page_frame = ctm  # the page's own mm frame, y flipped
        elif operator == b"Tf":
            font = fonts[operands[0]].get_object()
            size = float(operands[1])
        elif operator == b"Tm":
            x, baseline = float(operands[4]), float(operands[5])
        elif operator == b"Tj" and font is not None:
            data = operands[0]
            raw = data.original_bytes if hasattr(data, "original_bytes") else bytes(data)
            first = int(font["/FirstChar"])
            widths = font["/Widths"]
            width = sum(float(widths[code - first]) for code in raw) / 1000 * size
            if ctm != page_frame:
                descriptor = font["/FontDescriptor"]
                drawn.append(
                    _Drawn(
                        x,
                        x + width,
                        baseline,
                        float(descriptor["/Ascent"]) / 1000 * size,
                        -float(descriptor["/Descent"]) / 1000 * size,
                    )
                )
            x += width
    return drawn


def text_areas(layout: JourneyLayout) -> list[Rect]:
    """Where text may be drawn on the map: cards, headers, connector labels, emotion scales."""
    areas = [card.rect for card in layout.cards.values()]
    areas += [stage.rect for stage in layout.stages]
    areas += [lane.rect for lane in layout.lanes]
    areas += [c.label_rect for c in layout.connectors.values() if c.label_rect is not None]
    for curve in layout.emotion_curves:  # the scale, +3 … −3, at the band's left
        left = layout.lanes[layout.lane_index[curve.lane_id]].rect.right
        areas.append(Rect(left, curve.top_y - 2, 10.0, curve.bottom_y - curve.top_y + 4))
    return areas


@pytest.mark.parametrize("name", sorted(maps()))
def test_no_text_in_the_pdf_leaves_its_card(name: str, tmp_path: Path) -> None:
    journey = maps()[name]
    out = tmp_path / f"{name}.pdf"
    export_pdf(journey, out, ExportOptions(paper="A1"))
    layout = plan_pdf(journey, ExportOptions(paper="A1")).layout  # as printed
    areas = text_areas(layout)
    drawn = map_text_in_pdf(out)
    assert len(drawn) >= sum(len(card.face.text.lines) for card in layout.cards.values())
    stray = []
    for text in drawn:
        homes = [a for a in areas if a.contains(text.x + 0.01, text.baseline)]
        if not any(
            text.right <= home.right + TOLERANCE_MM and text.x >= home.x - TOLERANCE_MM
            for home in homes
        ):
            stray.append(text)
    assert stray == []
