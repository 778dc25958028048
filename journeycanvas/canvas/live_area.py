"""The part of the map the scene keeps items for: what is in view, and a margin around it.

Items exist only for objects near the view, so that an edit on a big map touches a few
hundred items however many cards move. The margin (half a view on each side) lets small
scrolls and zoom steps happen without making or dropping items; the area is recomputed
only when the view leaves it, or when it has become much larger than the view (after
zooming in a lot).
"""

from __future__ import annotations

from dataclasses import dataclass

from journeycanvas.canvas.spatial_index import Box

MARGIN = 0.5
"""The margin on each side, as a share of the view's width or height."""
MAX_AREA_RATIO = 16.0
"""A live area more than this many times larger than the view is shrunk around it."""


@dataclass(slots=True)
class LiveArea:
    """The live rectangle, following the visible one with hysteresis."""

    box: Box | None = None

    def follow(self, visible: Box) -> bool:
        """Take the visible rectangle into account; True when the live one changed."""
        left, top, right, bottom = visible
        current = self.box
        if current is not None:
            inside = (
                current[0] <= left
                and current[1] <= top
                and current[2] >= right
                and current[3] >= bottom
            )
            area = (current[2] - current[0]) * (current[3] - current[1])
            seen = max(1e-9, (right - left) * (bottom - top))
            if inside and area <= MAX_AREA_RATIO * seen:
                return False
        dx, dy = (right - left) * MARGIN, (bottom - top) * MARGIN
        self.box = (left - dx, top - dy, right + dx, bottom + dy)
        return True
