"""One entry for every export of a map: the PDFs, CSV of the cards and the Markdown report.

PNG and SVG are drawn by the editor's canvas, which needs Qt; this module imports no Qt,
so those two formats work only with a `renderer` handed in (the command line and the
editor pass one built on ``journeycanvas.canvas.render``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from journeycanvas.io.csv_cards import export_cards_csv
from journeycanvas.io.markdown_report import markdown_report
from journeycanvas.io.pdf import export_pdf
from journeycanvas.io.pdf.filtering import find_persona, only_persona
from journeycanvas.io.pdf.options import (
    FORMATS,
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportResult,
)
from journeycanvas.io.pdf.progress import Cancel, Progress, Steps, atomic_output
from journeycanvas.model.entities import JourneyMap

Renderer = Callable[[JourneyMap, Path, ExportOptions], None]
"""Draws a map into a PNG or SVG file (the format is ``options.format``)."""

EXTENSIONS: dict[str, str] = {
    ".pdf": "pdf",
    ".png": "png",
    ".svg": "svg",
    ".csv": "csv",
    ".md": "md",
    ".markdown": "md",
}
"""File extensions and the format each one means."""

IMAGE_FORMATS = ("png", "svg")


def format_for(out_path: str | os.PathLike[str], options: ExportOptions) -> str:
    """The format to write: `options.format`, or the one the file's extension names."""
    if options.format:
        return options.format.lower().lstrip(".")
    suffix = Path(out_path).suffix.lower()
    if suffix not in EXTENSIONS:
        known = ", ".join(EXTENSIONS)
        raise ExportError(
            f"cannot tell the format from {Path(out_path).name!r}: name the file with one of "
            f"{known}, or choose the format ({', '.join(FORMATS)})"
        )
    return EXTENSIONS[suffix]


def export_map(
    journey: JourneyMap,
    out_path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    renderer: Renderer | None = None,
) -> ExportResult:
    """Export `journey` to `out_path` in the format of `options` (or of the file's name).

    PDF: a poster, tiles, a blank canvas or handouts (see `ExportOptions`); CSV: every
    card, one row each; md: the Markdown report; PNG/SVG: through `renderer`. With
    `options.persona`, only that persona's cards are exported. Raises `ExportError` for
    options that cannot work and `ExportCancelled` when `cancel` says so; either way no
    file, not even part of one, is left at `out_path`.
    """
    options = (options or ExportOptions()).checked()
    kind = format_for(out_path, options)
    if kind == "pdf":
        return export_pdf(journey, out_path, options, progress, cancel)
    if options.tile or options.blank or options.handouts:
        raise ExportError(
            f"tiles, blank canvases and handouts are PDFs; {kind.upper()} cannot be made that way"
        )
    shown = journey
    if options.persona:
        shown = only_persona(journey, find_persona(journey, options.persona))
    steps = Steps(1, progress, cancel)
    steps.check()
    with atomic_output(out_path) as temporary:
        if kind in IMAGE_FORMATS:
            if renderer is None:
                raise ExportError(
                    f"{kind.upper()} export draws the map with the editor's canvas (Qt): use the "
                    "editor or the journeycanvas command, or pass a renderer "
                    "(journeycanvas.canvas.render.render_png / render_svg)"
                )
            renderer(shown, temporary, options)
            summary = f"{kind.upper()} picture of {len(shown.cards)} cards"
        elif kind == "csv":
            export_cards_csv(shown, temporary, bom=True, delimiter=options.csv_delimiter)
            summary = f"{len(shown.cards)} cards, one row each"
        else:
            temporary.write_text(markdown_report(shown), encoding="utf-8", newline="\n")
            summary = "Markdown report"
        steps.check()
    steps.finish()
    return ExportResult(str(out_path), 0, summary)


__all__ = [
    "EXTENSIONS",
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "Renderer",
    "export_map",
    "format_for",
]
