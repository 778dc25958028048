"""A new PDF: the ReportLab canvas with the map's metadata, fonts and kind glyphs."""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from journeycanvas.io.pdf.icons import define_icons
from journeycanvas.io.pdf.paper import Paper
from journeycanvas.model.entities import JourneyMap
from journeycanvas.text import FontSet

CREATOR = "JourneyCanvas"


def new_canvas(path: Path, journey: JourneyMap, first_page: Paper, fonts: FontSet) -> Canvas:
    """A canvas writing to `path`, its first page `first_page`, with title, author (the
    owner) and subject (the scenario) set and the kind glyphs defined."""
    canvas = Canvas(
        str(path),
        pagesize=first_page.size_pt,
        pageCompression=1,
        # The default initial font is Helvetica, which would be listed and not embedded.
        initialFontName=fonts.font_files()[0].name,  # type: ignore[arg-type]  # stubs say float; ReportLab takes the font's name
    )
    canvas.setTitle(journey.title.strip() or "Untitled journey map")
    canvas.setAuthor(journey.owner.strip())
    canvas.setSubject(journey.scenario.strip())
    canvas.setCreator(CREATOR)
    canvas.setProducer(CREATOR)
    define_icons(canvas)
    return canvas


def save_canvas(canvas: Canvas) -> None:
    """Write the PDF, with its streams compressed but not ASCII85-encoded.

    ReportLab encodes streams as ASCII85 by default, in pure Python unless its optional C
    accelerator is installed: a fifth larger file, and the larger part of the time a big
    poster takes. The setting is ReportLab's global one, so it is set only while saving.
    """
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        canvas.save()
    finally:
        rl_config.useA85 = previous
