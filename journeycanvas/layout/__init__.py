"""Pure geometry of a journey map, in millimetres: used by the canvas and every exporter,
so that what prints is what you see. No Qt.

One-off (exporters)::

    layout = layout_journey(journey)             # or layout_journey(journey, STICKY_NOTE_STYLE)
    for card in layout.cards.values(): ...

In the editor, keep a `LayoutEngine` and call ``engine.update(journey, changed_cards=...)``
after each change (``structure_changed=True`` for stages, lanes, personas); it returns a
`LayoutDiff` naming what changed, and ``engine.layout`` is the new `JourneyLayout`.

Drawing from it: y grows downwards from the grid's top-left corner (0, 0); a PDF flips
it (``y_pdf = page_top - y``). Boxes inside a card, header or label are relative to that
box's corner. Draw a `TextBlock` line by line: for line i, at (``xs[i]``, ``baselines[i]``),
draw each run of ``fonts.visual_runs(line, size, bold, block.rtl)`` at
``x + run.x * MM_PER_PT`` in `font_size_pt` (shaped runs by their glyphs). The fonts are
``fonts.all_font_files()``.
"""

from journeycanvas.layout.boxes import (
    CardFace,
    CardLayout,
    CardPicture,
    Cell,
    ConnectorLayout,
    EmotionCurve,
    EmotionPoint,
    LaneHeader,
    MetricBadge,
    PersonaDot,
    StageHeader,
    TextBlock,
)
from journeycanvas.layout.card_faces import format_metric, format_number, metric_progress
from journeycanvas.layout.diff import LayoutDiff
from journeycanvas.layout.engine import LayoutEngine, layout_journey
from journeycanvas.layout.geometry import MM_PER_PT, Point, Rect
from journeycanvas.layout.journey_layout import JourneyLayout
from journeycanvas.layout.style import (
    DEFAULT_STYLE,
    STICKY_NOTE_MM,
    STICKY_NOTE_STYLE,
    LayoutStyle,
    sticky_note_style,
)

__all__ = [
    "DEFAULT_STYLE",
    "MM_PER_PT",
    "STICKY_NOTE_MM",
    "STICKY_NOTE_STYLE",
    "CardFace",
    "CardLayout",
    "CardPicture",
    "Cell",
    "ConnectorLayout",
    "EmotionCurve",
    "EmotionPoint",
    "JourneyLayout",
    "LaneHeader",
    "LayoutDiff",
    "LayoutEngine",
    "LayoutStyle",
    "MetricBadge",
    "PersonaDot",
    "Point",
    "Rect",
    "StageHeader",
    "TextBlock",
    "format_metric",
    "format_number",
    "layout_journey",
    "metric_progress",
    "sticky_note_style",
]
