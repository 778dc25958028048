"""What the Export dialog chose: a kind of export and its settings, and how they are
remembered in a map's ``export_settings``. No Qt: the choice is plain data."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from journeycanvas.io.export_formats import (
    PALETTE,
    PAPER,
    SCALE,
    TILE,
    ExportFormat,
    export_format,
    format_of,
)
from journeycanvas.io.pdf.options import DEFAULT_OVERLAP_MM, ExportError, ExportOptions
from journeycanvas.io.pdf.paper import PAPER_SIZES, TILE_PAPERS, parse_paper

ExportKind = str
"""The id of a kind of export in the export-format registry ("poster", "png" …)."""

DEFAULT_KIND: ExportKind = "poster"
DEFAULT_DPI = 150
DPI_RANGE = (36, 600)
DPI_SETTING = "png_dpi"
TILE_SETTING = "tile_paper"
PAPERS_SETTING = "papers"
"""Keys of ``export_settings`` beyond ExportOptions' own: the PNG resolution, the sheets a
tiled poster was last printed on, and the paper of each kind of printout (remembered while
another kind is chosen)."""

PRINTOUTS = ("poster", "tiles", "blank", "handouts")
"""The kinds of printout that remember their own paper: an A1 poster does not make A1
handouts."""

PRINTOUT_DEFAULT_PAPERS: dict[str, str | None] = {"handouts": "A4", "blank": None}
"""The paper of a printout never chosen before; the others start from the preferred paper
(`None` is Automatic: the smallest paper that holds a blank canvas)."""

Papers = tuple[tuple[str, str | None], ...]
"""The paper remembered for each kind of printout, as sorted (printout, paper) pairs."""


def printout_of(kind: ExportKind) -> str | None:
    """The kind of printout (`PRINTOUTS`) export `kind` makes; None for one without paper."""
    entry = export_format(kind)
    if PAPER not in entry.options:
        return None
    if entry.preset.get("handouts"):
        return "handouts"
    if entry.preset.get("blank"):
        return "blank"
    return "tiles" if TILE in entry.options else "poster"


def printout_paper(papers: Papers, printout: str, default_paper: str | None) -> str | None:
    """The paper remembered for `printout`, else its default (`default_paper` for posters)."""
    remembered = dict(papers)
    if printout in remembered:
        return remembered[printout]
    return PRINTOUT_DEFAULT_PAPERS.get(printout, paper_name(default_paper))


def _papers_setting(value: Any) -> Papers:
    """The papers remembered in settings: known printouts with a paper that parses."""
    if not isinstance(value, dict):
        return ()
    papers: dict[str, str | None] = {}
    for printout, paper in value.items():
        if printout not in PRINTOUTS or not (paper is None or isinstance(paper, str)):
            continue
        if paper is not None:
            try:
                parse_paper(paper)
            except ExportError:
                continue
        papers[printout] = paper_name(paper)
    return tuple(sorted(papers.items()))


def paper_name(text: str | None) -> str | None:
    """A paper as the exporter names it ("letter", "A3", "500x700mm"); None stays None."""
    if text is None:
        return None
    for name in PAPER_SIZES:
        if text.strip().lower() == name.lower():
            return name
    return text.strip()


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """One export as chosen in the dialog.

    `paper` None means "automatic" (A1 for a fitted poster, the map's own size at a fixed
    scale, the smallest paper that holds a blank canvas) and is the paper of this kind of
    export; `papers` the paper of every kind of printout chosen so far. `persona` is a
    persona id.
    """

    kind: ExportKind = DEFAULT_KIND
    paper: str | None = "A4"
    orientation: str | None = None
    scale: float | None = None
    tile: str = "a4"
    overlap_mm: float = DEFAULT_OVERLAP_MM
    persona: str | None = None
    dpi: int = DEFAULT_DPI
    csv_delimiter: str = ","
    palette: str = "default"
    papers: Papers = ()

    @property
    def format(self) -> ExportFormat:
        """This kind of export in the export-format registry."""
        return export_format(self.kind)

    @property
    def suffix(self) -> str:
        """The file extension of this kind of export, with its dot."""
        return self.format.suffix

    @property
    def is_pdf(self) -> bool:
        """Whether this export is a PDF."""
        return self.format.format == "pdf"

    def options(self, source_name: str = "") -> ExportOptions:
        """The exporter's options for this choice (`source_name` goes in PDF footers)."""
        entry = self.format
        options = ExportOptions(
            format=entry.format,
            paper=paper_name(self.paper),
            orientation=self.orientation,
            scale=self.scale if SCALE in entry.options else None,
            tile=self.tile if TILE in entry.options else None,
            overlap_mm=self.overlap_mm,
            persona=self.persona,
            source_name=source_name,
            csv_delimiter=self.csv_delimiter,
            dpi=float(self.dpi),
            palette=self.palette if PALETTE in entry.options else "default",
        )
        return replace(options, **entry.preset)

    def settings(self) -> dict[str, Any]:
        """The choice as JSON values, to remember in the map's ``export_settings``: the
        exporter's options (as the command line reads them), the tile paper and the PNG
        resolution."""
        settings = self.options().to_settings()
        settings[TILE_SETTING] = self.tile
        settings[DPI_SETTING] = self.dpi
        settings[PAPERS_SETTING] = dict(self.papers)
        return settings

    @classmethod
    def from_settings(cls, settings: dict[str, Any], default_paper: str) -> ExportChoice:
        """The choice remembered in `settings`, or the defaults with `default_paper`."""
        if not settings:
            return cls(paper=paper_name(default_paper))
        options = ExportOptions.from_settings(settings)
        choice = cls(
            kind=_kind_of(options),
            paper=options.paper,
            orientation=options.orientation,
            scale=options.scale,
            overlap_mm=options.overlap_mm,
            persona=options.persona,
            csv_delimiter=options.csv_delimiter,
            palette=options.palette,
            papers=_papers_setting(settings.get(PAPERS_SETTING)),
        )
        tile = options.tile or settings.get(TILE_SETTING)
        if isinstance(tile, str) and tile.lower() in TILE_PAPERS:
            choice = replace(choice, tile=tile.lower())
        dpi = settings.get(DPI_SETTING)
        low, high = DPI_RANGE
        if isinstance(dpi, int) and not isinstance(dpi, bool) and low <= dpi <= high:
            choice = replace(choice, dpi=dpi)
        return choice


def _kind_of(options: ExportOptions) -> ExportKind:
    try:
        return format_of("", replace(options, format=options.format or "pdf")).id
    except ExportError:
        return DEFAULT_KIND
