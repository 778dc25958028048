"""Poster PDFs of generated maps (1k, 5k, 20k cards) against raw ReportLab drawing.

Run: ``python tests/bench/bench_pdf_poster.py``. Prints ``figure value unit`` lines; each
time is the best of a few runs, every run on a freshly generated map (another seed), so
no cache carries over from one run to the next.

- ``pdf_poster``: ``export_pdf`` of an A0 poster, everything included: layout, drawing,
  fonts subset and embedded, the file compressed and written.
- floor ``raw_reportlab``: the cheapest drawing of the same boxes and wrapped text with
  ReportLab's own canvas, on the same page, font and compression: for each card of the
  same layout (computed before the clock starts) ``rect`` plus ``simpleSplit`` of its
  text at its text width plus ``drawString`` per line. It has no fallback fonts, no
  icons, dots, badges, headers or connectors. Both write compressed, non-ASCII85 streams.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_map

from journeycanvas.io.pdf import ExportOptions, export_pdf, parse_paper
from journeycanvas.layout import MM_PER_PT, JourneyLayout, layout_journey
from journeycanvas.model import JourneyMap
from journeycanvas.text import default_font_set

SIZES = (1_000, 5_000, 20_000)
RUNS = 3
PT_PER_MM = 1 / MM_PER_PT


def best(run: Callable[[int], float], runs: int = RUNS) -> float:
    """The fastest of `runs` timings; `run(seed)` returns its own time."""
    return min(run(seed) for seed in range(1, runs + 1))


def poster_time(cards: int, folder: Path) -> Callable[[int], float]:
    def run(seed: int) -> float:
        journey = generate_map(cards, seed=seed)
        start = time.perf_counter()
        export_pdf(journey, folder / f"poster-{cards}.pdf", ExportOptions(paper="A0"))
        return time.perf_counter() - start

    return run


def raw_reportlab(journey: JourneyMap, layout: JourneyLayout, path: Path) -> float:
    """Boxes and simply wrapped text of the same cards, drawn with ReportLab's canvas."""
    page_w, page_h = parse_paper("A0").oriented("portrait").size_pt
    texts = {card.id: card.text for card in journey.cards}
    font = default_font_set().font_files()[0].name
    style = layout.style
    size = style.card_text_pt
    line_h = size * style.line_spacing
    scale = min(page_w / (layout.width * PT_PER_MM), page_h / (layout.height * PT_PER_MM))
    start = time.perf_counter()
    canvas = Canvas(str(path), pagesize=(page_w, page_h), pageCompression=1, initialFontName=font)
    canvas.translate(0, page_h)
    canvas.scale(scale, scale)
    for card in layout.cards.values():
        r = card.rect
        x, top = r.x * PT_PER_MM, -r.y * PT_PER_MM
        canvas.setFillColorRGB(0.78, 0.9, 0.79)
        canvas.rect(x, top - r.h * PT_PER_MM, r.w * PT_PER_MM, r.h * PT_PER_MM, fill=1)
        canvas.setFillColorRGB(0.12, 0.16, 0.19)
        canvas.setFont(font, size)
        text_w = card.face.text.box.w * PT_PER_MM
        lines = simpleSplit(texts[card.id], font, size, text_w)[: style.card_max_lines]
        for index, line in enumerate(lines):
            canvas.drawString(x + 2 * PT_PER_MM, top - 5 * PT_PER_MM - index * line_h, line)
    canvas.showPage()
    canvas.save()
    return time.perf_counter() - start


def floor_time(cards: int, folder: Path) -> Callable[[int], float]:
    def run(seed: int) -> float:
        journey = generate_map(cards, seed=seed)
        layout = layout_journey(journey)
        previous = rl_config.useA85
        rl_config.useA85 = 0
        try:
            return raw_reportlab(journey, layout, folder / f"floor-{cards}.pdf")
        finally:
            rl_config.useA85 = previous

    return run


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        start = time.perf_counter()
        export_pdf(generate_map(200, seed=99), folder / "warm-up.pdf")
        print(f"font_load_and_warm_up {time.perf_counter() - start:.4g} s")
        for cards in SIZES:
            label = f"{cards // 1000}k"
            ours = best(poster_time(cards, folder))
            floor = best(floor_time(cards, folder))
            size = (folder / f"poster-{cards}.pdf").stat().st_size
            print(f"pdf_poster_{label} {ours:.4g} s")
            print(f"floor_raw_reportlab_{label} {floor:.4g} s")
            print(f"pdf_poster_vs_raw_reportlab_{label} {ours / floor:.3g} x")
            print(f"pdf_poster_size_{label} {size / 1e6:.3g} MB")


if __name__ == "__main__":
    main()
