"""The sizes the layout uses, shared by the canvas and every exporter."""

from __future__ import annotations

from dataclasses import dataclass, replace

STICKY_NOTE_MM = 76.0
"""The side of a standard square sticky note (3 × 3 inches)."""

CARD_STRIPE_MM = 1.2
"""The width of the kind stripe down a card's left edge, on screen and on paper."""


@dataclass(frozen=True, slots=True)
class LayoutStyle:
    """Sizes in millimetres (font sizes in points) for laying out a map.

    The canvas and the PDF exporter lay out with the same style, so that what prints is
    what is on screen; derive variants with `dataclasses.replace`.
    """

    # Stage header row (top) and lane header column (left).
    stage_header_min_height_mm: float = 16.0
    stage_name_pt: float = 11.0
    stage_name_max_lines: int = 2
    stage_goal_pt: float = 7.5
    stage_goal_max_lines: int = 3
    header_padding_mm: float = 2.5
    header_gap_mm: float = 1.0
    lane_header_width_mm: float = 44.0
    lane_title_pt: float = 10.0
    lane_title_min_pt: float = 8.0
    """A lane title with a word too wide for the header shrinks in 1 pt steps down to
    this size before the word is broken."""
    lane_title_max_lines: int = 4
    lane_icon_mm: float = 5.0

    # Cells.
    row_min_height_mm: float = 26.0
    cell_padding_mm: float = 3.0
    fixed_stage_width_mm: float | None = None
    """When set, every stage is this wide whatever its own width (blank workshop canvas)."""

    # Cards.
    card_gap_mm: float = 2.5
    card_padding_mm: float = 2.0
    card_text_pt: float = 9.0
    card_max_lines: int = 6
    card_min_height_mm: float = 14.0
    card_icon_mm: float = 3.5
    line_spacing: float = 1.25
    """Line height as a multiple of the font size."""

    # Card footer: metric badge, vote dots, persona dots.
    footer_gap_mm: float = 1.2
    metric_text_pt: float = 7.0
    metric_bar_mm: float = 1.2
    dot_mm: float = 2.2
    dot_gap_mm: float = 0.8
    max_vote_dots: int = 5
    votes_pt: float = 7.0

    # Connectors and the emotion curve.
    connector_label_pt: float = 7.0
    connector_label_max_width_mm: float = 36.0
    connector_label_max_lines: int = 2
    connector_label_padding_mm: float = 0.8
    emotion_padding_mm: float = 3.0
    emotion_band_mm: float = 20.0
    """The height of an emotions lane's curve band, below its cards (padding included)."""


DEFAULT_STYLE = LayoutStyle()
"""The style of the editor and of posters."""


def sticky_note_style(
    note_mm: float = STICKY_NOTE_MM, base: LayoutStyle = DEFAULT_STYLE
) -> LayoutStyle:
    """A style whose empty cells hold one `note_mm` sticky note each (blank canvas)."""
    cell = note_mm + 2 * base.cell_padding_mm
    return replace(base, fixed_stage_width_mm=cell, row_min_height_mm=cell)


STICKY_NOTE_STYLE = sticky_note_style()
"""Cells sized for 76 mm sticky notes, for the blank workshop canvas."""
