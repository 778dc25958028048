"""What the Export dialog chose: a kind of export and its settings, and how they are
remembered in a map's ``export_settings``. No Qt: the choice is plain data."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from journeycanvas.io.pdf.options import DEFAULT_OVERLAP_MM, ExportOptions
from journeycanvas.io.pdf.paper import PAPER_SIZES, TILE_PAPERS

ExportKind = Literal[
    "poster", "tiled", "blank", "handouts_stage", "handouts_persona", "png", "svg", "csv", "md"
]

KINDS: tuple[ExportKind, ...] = (
    "poster", "tiled", "blank", "handouts_stage", "handouts_persona", "png", "svg", "csv", "md"
)  # fmt: skip
PDF_KINDS = frozenset({"poster", "tiled", "blank", "handouts_stage", "handouts_persona"})
SUFFIXES: dict[ExportKind, str] = {
    "poster": ".pdf",
    "tiled": ".pdf",
    "blank": ".pdf",
    "handouts_stage": ".pdf",
    "handouts_persona": ".pdf",
    "png": ".png",
    "svg": ".svg",
    "csv": ".csv",
    "md": ".md",
}
FILE_TAGS: dict[ExportKind, str] = {
    "tiled": " (tiles)",
    "blank": " (blank canvas)",
    "handouts_stage": " (handouts)",
    "handouts_persona": " (handouts)",
}
"""Added to the suggested file name, so that a map's exports do not overwrite each other."""

DEFAULT_DPI = 150
DPI_RANGE = (36, 600)
DPI_SETTING = "png_dpi"
TILE_SETTING = "tile_paper"
"""Keys of ``export_settings`` beyond ExportOptions' own: the PNG resolution, and the
sheets a tiled poster was last printed on (remembered while another kind is chosen)."""


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
    scale, the smallest paper that holds a blank canvas). `persona` is a persona id.
    """

    kind: ExportKind = "poster"
    paper: str | None = "A4"
    orientation: str | None = None
    scale: float | None = None
    tile: str = "a4"
    overlap_mm: float = DEFAULT_OVERLAP_MM
    persona: str | None = None
    dpi: int = DEFAULT_DPI
    csv_delimiter: str = ","

    @property
    def suffix(self) -> str:
        """The file extension of this kind of export, with its dot."""
        return SUFFIXES[self.kind]

    @property
    def is_pdf(self) -> bool:
        """Whether this export is a PDF."""
        return self.kind in PDF_KINDS

    def options(self, source_name: str = "") -> ExportOptions:
        """The exporter's options for this choice (`source_name` goes in PDF footers)."""
        handouts = {"handouts_stage": "stage", "handouts_persona": "persona"}.get(self.kind)
        return ExportOptions(
            format="pdf" if self.is_pdf else self.kind,
            paper=paper_name(self.paper),
            orientation=self.orientation,
            scale=None if self.kind == "blank" else self.scale,
            tile=self.tile if self.kind == "tiled" else None,
            overlap_mm=self.overlap_mm,
            persona=self.persona,
            blank=self.kind == "blank",
            handouts=handouts,
            source_name=source_name,
            csv_delimiter=self.csv_delimiter,
        )

    def settings(self) -> dict[str, Any]:
        """The choice as JSON values, to remember in the map's ``export_settings``: the
        exporter's options (as the command line reads them), the tile paper and the PNG
        resolution."""
        settings = self.options().to_settings()
        settings[TILE_SETTING] = self.tile
        settings[DPI_SETTING] = self.dpi
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
    if options.format in ("png", "svg", "csv", "md"):
        return options.format  # type: ignore[return-value]
    if options.handouts == "persona":
        return "handouts_persona"
    if options.handouts:
        return "handouts_stage"
    if options.blank:
        return "blank"
    return "tiled" if options.tile else "poster"
