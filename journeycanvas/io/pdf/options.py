"""What to export and how: the options the editor's dialog, the CLI and `export_map` share."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from journeycanvas.i18n import _
from journeycanvas.io.export_formats import file_formats, unknown_format
from journeycanvas.io.export_summaries import number

ORIENTATIONS = ("landscape", "portrait")
HANDOUT_MODES = ("stage", "persona")
DEFAULT_PAPER = "A1"
DEFAULT_OVERLAP_MM = 10.0
MAX_SCALE = 20.0
DEFAULT_DPI = 150.0
MAX_DPI = 2400.0

PALETTES = ("default", "okabe-ito", "greyscale")
"""The palettes a PDF can print in (`ExportOptions.palette`)."""

PdfKind = Literal["poster", "tiled", "blank", "handouts"]


class ExportHint(StrEnum):
    """A way out of an ExportError, for the caller to word in its own terms (a
    command-line option, a choice in a dialog)."""

    TILE = "tile"
    """Tiling onto office sheets would print it."""


class ExportError(Exception):
    """A user error in an export: options that do not go together, a map that does not fit.

    Its message is one sentence, ready to show in a dialog or on the command line, and
    names no command-line option or dialog field; `hints` are the other ways out, which
    the caller may add in its own words.
    """

    def __init__(self, message: str, hints: tuple[ExportHint, ...] = ()) -> None:
        super().__init__(message)
        self.hints = hints


class ExportCancelled(Exception):
    """The export was cancelled; no file was written."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """How to export a map. The defaults make an A1 poster fitted to the page.

    - `format`: a file format of the export-format registry (pdf, png, svg, csv, md …);
      None takes it from the output file's extension.
    - `paper`: "A0".."A4", "letter", "tabloid" or "WxHmm". None: A1 for posters; for a
      fixed `scale`, a page as large as the map needs; for a blank canvas, the smallest
      A-series paper that holds the grid; for handouts, A4 portrait.
    - `orientation`: None picks whichever fits the map better.
    - `scale`: None fits the map to the paper; a number prints 1 mm of the map as that many
      mm of paper (at scale 1 the cards are as large as on screen at 100 %).
    - `tile`: "a4" or "letter" splits the poster over office sheets, `overlap_mm` shared.
    - `persona`: a persona's name or id: only that persona's cards are printed.
    - `blank`: the empty grid with 76 mm cells for sticky notes.
    - `handouts`: "stage" or "persona": one page (or more) per stage or per persona.
    - `source_name`: the map's file name, printed in the footer.
    - `csv_delimiter`: "," or ";" for CSV.
    - `dpi`: the resolution of a PNG picture.
    - `palette`: a PDF's colours: "default" (the map's), "okabe-ito" (colour-blind
      safe) or "greyscale" (greys, persona initials, hatched metric bars).
    """

    format: str | None = None
    paper: str | None = None
    orientation: str | None = None
    scale: float | None = None
    tile: str | None = None
    overlap_mm: float = DEFAULT_OVERLAP_MM
    persona: str | None = None
    blank: bool = False
    handouts: str | None = None
    source_name: str = ""
    csv_delimiter: str = ","
    dpi: float = DEFAULT_DPI
    palette: str = "default"

    @property
    def pdf_kind(self) -> PdfKind:
        """Which PDF these options make: handouts, a blank canvas, tiles or a poster."""
        if self.handouts:
            return "handouts"
        if self.blank:
            return "blank"
        return "tiled" if self.tile else "poster"

    def checked(self) -> ExportOptions:
        """These options, normalised (lower-case names); ExportError when they clash."""
        options = replace(
            self,
            format=self.format.lower().lstrip(".") if self.format else None,
            orientation=self.orientation.lower() if self.orientation else None,
            tile=self.tile.lower() if self.tile else None,
            handouts=self.handouts.lower() if self.handouts else None,
            persona=self.persona.strip() if self.persona and self.persona.strip() else None,
            palette=self.palette.lower(),
        )
        formats = file_formats()
        if options.format is not None and options.format not in formats:
            raise ExportError(unknown_format(self.format, formats))
        if options.orientation is not None and options.orientation not in ORIENTATIONS:
            raise ExportError(
                _("orientation must be landscape or portrait, not {orientation}").format(
                    orientation=repr(self.orientation)
                )
            )
        if options.scale is not None and not (0 < options.scale <= MAX_SCALE):
            raise ExportError(
                _("scale must be above 0 and at most {most}").format(most=number(MAX_SCALE))
            )
        if options.tile is not None and options.tile not in ("a4", "letter"):
            raise ExportError(
                _("tiles can be a4 or letter, not {tile}").format(tile=repr(self.tile))
            )
        if not (0 <= options.overlap_mm <= 50):
            raise ExportError(_("the overlap must be between 0 and 50 mm"))
        if options.handouts is not None and options.handouts not in HANDOUT_MODES:
            raise ExportError(
                _("handouts are per stage or per persona, not {handouts}").format(
                    handouts=repr(self.handouts)
                )
            )
        if options.handouts and (options.blank or options.tile):
            raise ExportError(_("handouts are pages of text: they cannot be blank or tiled"))
        if options.csv_delimiter not in (",", ";", "\t"):
            raise ExportError(_("the CSV delimiter must be a comma, a semicolon or a tab"))
        if options.palette not in PALETTES:
            raise ExportError(
                _("unknown palette {palette}: use one of {palettes}").format(
                    palette=repr(self.palette), palettes=", ".join(PALETTES)
                )
            )
        if not (0 < options.dpi <= MAX_DPI):
            raise ExportError(
                _("the resolution must be above 0 and at most {most} dpi").format(
                    most=number(MAX_DPI)
                )
            )
        return options

    def named(self, out_path: str | os.PathLike[str]) -> ExportOptions:
        """These options with `source_name` set to `out_path`'s name when none is given."""
        return self if self.source_name else replace(self, source_name=Path(out_path).name)

    def to_settings(self) -> dict[str, Any]:
        """The options as plain JSON values, to remember in a map's ``export_settings``
        (the PNG resolution is remembered by the editor, under its own key)."""
        settings = asdict(self)
        del settings["source_name"], settings["dpi"]
        return settings

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> ExportOptions:
        """Options from remembered settings; entries of the wrong type are ignored, and
        settings that do not go together give the defaults."""
        values: dict[str, Any] = {}
        for name, kind in _SETTING_TYPES.items():
            value = settings.get(name)
            if value is None or isinstance(value, bool) != (kind is bool):
                continue
            if isinstance(value, kind):
                values[name] = float(value) if kind is _NUMBER else value
        try:
            return cls(**values).checked()
        except ExportError:
            return cls()


_NUMBER = (int, float)
_SETTING_TYPES: dict[str, Any] = {
    "format": str,
    "paper": str,
    "orientation": str,
    "scale": _NUMBER,
    "tile": str,
    "overlap_mm": _NUMBER,
    "persona": str,
    "blank": bool,
    "handouts": str,
    "csv_delimiter": str,
    "palette": str,
}


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote: the file, its page count (0 for CSV and Markdown), a
    one-line summary for the user, e.g. "1 page, A1 landscape, map at 84 %", and warnings
    about what it could not draw (characters no font has)."""

    path: str
    pages: int
    summary: str
    warnings: tuple[str, ...] = ()
