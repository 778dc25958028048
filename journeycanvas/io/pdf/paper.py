"""Paper sizes, orientation, scaling and how many sheets a drawing needs.

All sizes are in millimetres. Standard papers are stored portrait (width ≤ height);
`Paper.oriented` turns them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Literal

from journeycanvas.i18n import _
from journeycanvas.io.export_summaries import number, oriented_paper, paper_size
from journeycanvas.io.pdf.options import ExportError

Orientation = Literal["landscape", "portrait"]

PT_PER_MM = 72 / 25.4
"""PDF points in one millimetre."""

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "A0": (841.0, 1189.0),
    "A1": (594.0, 841.0),
    "A2": (420.0, 594.0),
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "letter": (215.9, 279.4),
    "tabloid": (279.4, 431.8),
}
"""Standard papers, portrait, in mm."""

TILE_PAPERS = ("a4", "letter")
"""The office papers a poster can be tiled onto."""

_CUSTOM = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(?:mm)?\s*$", re.I)
_CUSTOM_LIMIT_MM = (20.0, 5080.0)  # PDF pages may be at most 200 inches a side


@dataclass(frozen=True, slots=True)
class Paper:
    """A sheet of paper: a name ("A1", "letter", "" for custom) and its size in mm."""

    name: str
    width: float
    height: float

    @property
    def orientation(self) -> Orientation:
        """Landscape when wider than tall."""
        return "landscape" if self.width > self.height else "portrait"

    def oriented(self, orientation: Orientation | None) -> Paper:
        """The same paper turned to `orientation` (unchanged for None)."""
        if orientation is None or orientation == self.orientation:
            return self
        return replace(self, width=self.height, height=self.width)

    @property
    def label(self) -> str:
        """How to name it to a user, in the interface language: "A1 landscape",
        "500 × 700 mm"."""
        if not self.name:
            return paper_size(self.width, self.height)
        return oriented_paper(self.name, self.orientation == "landscape")

    @property
    def size_pt(self) -> tuple[float, float]:
        """Width and height in PDF points."""
        return self.width * PT_PER_MM, self.height * PT_PER_MM


def parse_paper(text: str) -> Paper:
    """A paper from its name (A0–A4, letter, tabloid; any case) or "WxHmm" (e.g. 500x700mm)."""
    key = text.strip()
    for name, (width, height) in PAPER_SIZES.items():
        if key.lower() == name.lower():
            return Paper(name, width, height)
    match = _CUSTOM.match(key)
    if match is None:
        names = ", ".join(PAPER_SIZES)
        raise ExportError(
            _("unknown paper {paper}: use one of {names} or a size like 500x700mm").format(
                paper=repr(text), names=names
            )
        )
    width, height = (float(group.replace(",", ".")) for group in match.groups())
    low, high = _CUSTOM_LIMIT_MM
    if not (low <= width <= high and low <= height <= high):
        raise ExportError(
            _("paper {paper} is out of range: each side must be {low}–{high} mm").format(
                paper=repr(text), low=number(low), high=number(high)
            )
        )
    return Paper("", width, height)


def fit_scale(content_w: float, content_h: float, box_w: float, box_h: float) -> float:
    """The largest scale at which content of that size fits the box."""
    if content_w <= 0 or content_h <= 0:
        return 1.0
    return max(0.0, min(box_w / content_w, box_h / content_h))


def sheets_along(length: float, usable: float, overlap: float) -> int:
    """How many sheets, each showing `usable` mm and sharing `overlap` mm with the next,
    cover `length` mm: the least n with ``n × (usable − overlap) + overlap ≥ length``."""
    if length <= usable + 1e-6:
        return 1
    step = usable - overlap
    if step <= 0:
        raise ExportError(_("the overlap must be smaller than the printable part of a sheet"))
    return math.ceil((length - overlap) / step - 1e-9)


@dataclass(frozen=True, slots=True)
class TileGrid:
    """How a poster of `poster_w` × `poster_h` mm is split over sheets of `sheet` paper.

    Each sheet prints a `cell_w` × `cell_h` part of the poster, `margin` mm in from its
    edges (room for crop marks and the sheet label); neighbouring sheets share `overlap`
    mm of the poster, so sheet (row, col) starts at ``col × step_x``, ``row × step_y``.
    """

    sheet: Paper
    margin: float
    overlap: float
    poster_w: float
    poster_h: float
    cols: int
    rows: int
    skipped: frozenset[tuple[int, int]] = frozenset()
    """The (row, col) of sheets with nothing of the poster on them: not printed."""

    @property
    def cell_w(self) -> float:
        """Width of the part of the poster each sheet prints."""
        return self.sheet.width - 2 * self.margin

    @property
    def cell_h(self) -> float:
        """Height of the part of the poster each sheet prints."""
        return self.sheet.height - 2 * self.margin

    @property
    def step_x(self) -> float:
        """Poster distance from one column of sheets to the next."""
        return self.cell_w - self.overlap

    @property
    def step_y(self) -> float:
        """Poster distance from one row of sheets to the next."""
        return self.cell_h - self.overlap

    @property
    def count(self) -> int:
        """The number of sheets in the grid, printed or skipped."""
        return self.cols * self.rows

    @property
    def printed(self) -> int:
        """The number of sheets printed (the grid's, less the blank ones skipped)."""
        return self.count - len(self.skipped)

    def prints(self, row: int, col: int) -> bool:
        """Whether sheet (row, col) is in the grid and printed."""
        return 0 <= row < self.rows and 0 <= col < self.cols and (row, col) not in self.skipped

    def cell_box(self, row: int, col: int) -> tuple[float, float, float, float]:
        """The part of the poster sheet (row, col) prints: x, y, width, height (mm)."""
        x, y = self.origin(row, col)
        return x, y, min(self.cell_w, self.poster_w - x), min(self.cell_h, self.poster_h - y)

    def skipping(self, inked: list[tuple[float, float, float, float]]) -> TileGrid:
        """This grid without the sheets that meet none of the `inked` boxes (x, y, w, h)."""
        blank = frozenset(
            (row, col)
            for row in range(self.rows)
            for col in range(self.cols)
            if not any(_overlap(self.cell_box(row, col), box) for box in inked)
        )
        return replace(self, skipped=blank)

    def origin(self, row: int, col: int) -> tuple[float, float]:
        """The poster point (mm) printed at the top-left corner of a sheet's cell."""
        return col * self.step_x, row * self.step_y

    @staticmethod
    def label(row: int, col: int) -> str:
        """A sheet's name, row and column, that no one takes for a paper size: "R2·C3"."""
        return f"R{row + 1}·C{col + 1}"


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two boxes (x, y, w, h) share some area."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def tile_grid(
    poster_w: float,
    poster_h: float,
    sheet: Paper,
    overlap: float,
    margin: float,
    orientation: Orientation | None = None,
) -> TileGrid:
    """The grid of sheets for a poster; without `orientation`, the one needing fewer sheets
    (portrait on a tie)."""
    choices: list[Orientation] = [orientation] if orientation else ["portrait", "landscape"]
    best: TileGrid | None = None
    for choice in choices:
        turned = sheet.oriented(choice)
        usable_w, usable_h = turned.width - 2 * margin, turned.height - 2 * margin
        if overlap >= min(usable_w, usable_h):
            raise ExportError(
                _("an overlap of {overlap} mm is too large for {paper} sheets").format(
                    overlap=number(overlap), paper=turned.label
                )
            )
        grid = TileGrid(
            turned,
            margin,
            overlap,
            poster_w,
            poster_h,
            sheets_along(poster_w, usable_w, overlap),
            sheets_along(poster_h, usable_h, overlap),
        )
        if best is None or grid.count < best.count:
            best = grid
    assert best is not None
    return best
