"""Points and rectangles in millimetres, y growing downwards (as on screen)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from journeycanvas.layout.fast_init import fast_init

MM_PER_PT = 25.4 / 72
"""Millimetres in one typographic point."""

_GRID = 1024.0


def up_to_grid(value: float) -> float:
    """`value` (mm) rounded up to a multiple of 1/1024 mm.

    The heights and gaps that stack cards and lanes are kept on this grid, so that every
    sum of them is exact: a lane that moves down moves everything in it by exactly as
    much, and what was worked out relative to it can be moved instead of redone, with
    the same result to the last bit.
    """
    return math.ceil(value * _GRID) / _GRID


def on_grid(value: float) -> float:
    """`value` (mm) rounded to the nearest multiple of 1/1024 mm (see `up_to_grid`)."""
    return round(value * _GRID) / _GRID


@fast_init
@dataclass(frozen=True, slots=True)
class Point:
    """A point in millimetres."""

    x: float
    y: float


@fast_init
@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle in millimetres: top-left corner, width and height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        """The x of the right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """The y of the bottom edge."""
        return self.y + self.h

    @property
    def center(self) -> Point:
        """The centre point."""
        return Point(self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        """Whether (x, y) lies inside or on the edge."""
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h

    def contains_rect(self, other: Rect, tolerance: float = 1e-6) -> bool:
        """Whether `other` lies wholly inside this rectangle."""
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )

    def translated(self, dx: float, dy: float) -> Rect:
        """The same rectangle moved by (dx, dy)."""
        return Rect(self.x + dx, self.y + dy, self.w, self.h)
