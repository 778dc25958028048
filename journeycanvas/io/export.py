"""One entry for every export of a map, whatever its format: `export_map`.

The kind of export comes from the export-format registry (``io.export_formats``), by the
options and the file's extension; its writer draws into a temporary file that the one atomic
writer swaps in only when the whole export succeeded. Every text of the map is cleaned for
the file first (``io.clean_text``). This module also holds the CSV and Markdown writers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from journeycanvas.io.clean_text import clean_map
from journeycanvas.io.csv_cards import export_cards_csv
from journeycanvas.io.export_formats import TEXT, file_format_of, format_of
from journeycanvas.io.export_summaries import cards_csv_summary, markdown_summary
from journeycanvas.io.markdown_report import markdown_report
from journeycanvas.io.pdf.exporter import write_pdf
from journeycanvas.io.pdf.filtering import find_persona, only_persona
from journeycanvas.io.pdf.legibility import legibility_warnings
from journeycanvas.io.pdf.options import (
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportResult,
)
from journeycanvas.io.pdf.planning import plan_pdf
from journeycanvas.io.pdf.progress import Cancel, Progress, Steps, atomic_output
from journeycanvas.model.entities import JourneyMap
from journeycanvas.text import default_font_set
from journeycanvas.text.missing_glyphs import missing_glyph_warnings


def format_for(out_path: str | os.PathLike[str], options: ExportOptions) -> str:
    """The file format to write: `options.format`, or the one the file's extension names."""
    return file_format_of(out_path, options)


def export_map(
    journey: JourneyMap,
    out_path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Export `journey` to `out_path` as `options` (or the file's name) say.

    PDF: a poster, tiles, a blank canvas or handouts (see `ExportOptions`); CSV: every
    card, one row each; md: the Markdown report; PNG/SVG: drawn by the canvas (Qt); and
    any format registered since. With `options.persona`, only that persona's cards are
    exported (formats that print the persona's name get the whole map). Raises
    `ExportError` for options that cannot work, `ExportCancelled` when `cancel` says so
    and OSError (naming `out_path`) when the file cannot be written; in every case no
    file, not even part of one, is left at `out_path`.
    """
    options = (options or ExportOptions()).checked().named(out_path)
    entry = format_of(out_path, options)
    writer = entry.writer()
    journey = clean_map(journey if entry.whole_map else shown_map(journey, options))
    plan = None
    if entry.format == "pdf" and options.pdf_kind in ("poster", "tiled"):
        # Planned once: the writer draws this plan, and its warnings come from it.
        plan = plan_pdf(journey, options, cancel=cancel)
        writer = partial(write_pdf, plan=plan)
    with atomic_output(out_path) as temporary:
        pages, summary = writer(journey, temporary, options, progress, cancel)
    warnings = glyph_warnings(journey) if entry.preview != TEXT else ()
    if plan is not None:
        warnings += legibility_warnings(plan, options.paper)
    return ExportResult(str(out_path), pages, summary, warnings)


def glyph_warnings(journey: JourneyMap) -> tuple[str, ...]:
    """Warnings naming the characters of the map that no font on this computer has."""
    fonts = default_font_set()
    missing = "".join(fonts.missing(text) for text in _texts(journey.model_dump(mode="json")))
    return missing_glyph_warnings("".join(dict.fromkeys(missing)))


def _texts(data: Any) -> Iterator[str]:
    """Every string (not plain ASCII) inside dumped model data."""
    if isinstance(data, str):
        if not data.isascii():
            yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)


def shown_map(journey: JourneyMap, options: ExportOptions) -> JourneyMap:
    """`journey` as exported: only the cards of `options.persona` when one is chosen."""
    if not options.persona:
        return journey
    return only_persona(journey, find_persona(journey, options.persona))


def write_csv(
    journey: JourneyMap,
    path: Path,
    options: ExportOptions,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[int, str]:
    """The CSV of the cards (one row each, UTF-8 with a BOM for spreadsheets)."""
    steps = Steps(1, progress, cancel)
    steps.check()
    export_cards_csv(journey, path, bom=True, delimiter=options.csv_delimiter)
    steps.finish()
    return 0, cards_csv_summary(len(journey.cards))


def write_markdown(
    journey: JourneyMap,
    path: Path,
    options: ExportOptions,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[int, str]:
    """The Markdown report: pain points by votes, content ideas, metrics per touchpoint."""
    steps = Steps(1, progress, cancel)
    steps.check()
    text = markdown_report(journey)
    steps.check()
    path.write_text(text, encoding="utf-8", newline="\n")
    steps.finish()
    return 0, markdown_summary()


__all__ = [
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "export_map",
    "format_for",
    "shown_map",
    "write_csv",
    "write_markdown",
]
