"""A fast writer of PDF drawing operators, in millimetres with y growing downwards.

ReportLab's `Canvas` methods cost a Python call or three per operator; a map of 20,000
cards needs a million operators, so `Pen` formats them itself and hands them to the canvas
in large pieces (`Canvas.addLiteral`). Text goes through the font set's per-character runs
and each TrueType font's subsets, the route ReportLab documents for dynamic fonts in
``reportlab.pdfbase.ttfonts``, so fonts are embedded and subset and text stays text.
Right-to-left and complex-script runs are drawn as the font set's shaped glyphs, in visual
order, each subset code extracting as the characters it was shaped from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Literal

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from journeycanvas.io.pdf.colors import rgb
from journeycanvas.io.pdf.paper import PT_PER_MM
from journeycanvas.io.pdf.print_palette import PLAIN, PrintPalette
from journeycanvas.layout import MM_PER_PT, Point, TextBlock
from journeycanvas.text import FontSet, GlyphFont
from journeycanvas.text.shaping import Glyph

KAPPA = 0.5522847498
"""Bezier control distance of a quarter circle, as a fraction of the radius."""

SYNTHETIC_BOLD_STROKE = 0.035
"""Outline width of emboldened text (a font with no bold face), as a fraction of its size."""

Paint = Literal["f", "S", "B"]
"""How a path is painted: fill, stroke, or both."""

_State = tuple[str | None, str | None, str | None]

# PDF string escapes for the bytes of a subset-encoded run (latin-1 decoded).
_ESCAPES = {code: f"\\{code:03o}" for code in (*range(32), *range(127, 256))}
_ESCAPES.update({ord("\\"): "\\\\", ord("("): "\\(", ord(")"): "\\)"})


@cache
def color_op(color: str, stroke: bool = False) -> str:
    """The operator setting a fill (or stroke) colour."""
    red, green, blue = rgb(color)
    return f"{red:.3f} {green:.3f} {blue:.3f} {'RG' if stroke else 'rg'}"


class Pen:
    """Draws into one page or form of a ReportLab canvas, in mm with the origin top-left.

    Call `begin` with the height of the page (or form) in mm, draw, then `end`. Colours,
    line width and font are only written when they change; `save` and `restore` nest
    like PDF's ``q``/``Q``.
    """

    def __init__(self, canvas: Canvas, fonts: FontSet, palette: PrintPalette = PLAIN) -> None:
        self.canvas = canvas
        self.fonts = fonts
        self.palette = palette
        # The document is where TrueType subsets live (see the module's docstring).
        self._doc = canvas._doc  # type: ignore[attr-defined]  # private in ReportLab, absent from its stubs
        self._ops: list[str] = []
        self._fill: str | None = None
        self._stroke: str | None = None
        self._width: str | None = None
        self._stack: list[_State] = []
        self._in_text = False
        self._framed = False
        self._text_font: tuple[str, int, float] | None = None
        self._forms: dict[str, str] = {}
        self._ttfonts: dict[str, GlyphFont] = {}
        self._subset_names: dict[tuple[str, int], str] = {}

    # ------------------------------------------------------------------ frame and state

    def begin(self, height_mm: float | None) -> None:
        """Start drawing on a page `height_mm` tall, in mm with y down.

        None starts a form that is itself drawn in mm with y down (its box being
        ``(0, 0, width_mm, height_mm)``), to be placed with `form` on such a page.
        """
        self._fill = self._stroke = self._width = None
        self._stack.clear()
        self._forms.clear()
        self._framed = height_mm is not None
        if height_mm is not None:
            self._ops.append(
                f"q {PT_PER_MM:.6f} 0 0 {-PT_PER_MM:.6f} 0 {height_mm * PT_PER_MM:.4f} cm"
            )

    def end(self) -> None:
        """Finish the page or form begun with `begin`."""
        self._end_text()
        if self._framed:
            self._ops.append("Q")
        self.flush()

    def save(self) -> None:
        """Save the graphics state (PDF ``q``)."""
        self._end_text()
        self._stack.append((self._fill, self._stroke, self._width))
        self._ops.append("q")

    def restore(self) -> None:
        """Restore the state of the matching `save` (PDF ``Q``)."""
        self._end_text()
        self._fill, self._stroke, self._width = self._stack.pop()
        self._ops.append("Q")

    def transform(self, scale: float, dx: float, dy: float) -> None:
        """Draw what follows moved by (dx, dy) mm and scaled by `scale` (inside `save`)."""
        self._end_text()
        self._ops.append(f"{scale:.6f} 0 0 {scale:.6f} {dx:.4f} {dy:.4f} cm")

    def clip(self, x: float, y: float, w: float, h: float) -> None:
        """Clip what follows to a rectangle (inside `save`)."""
        self._end_text()
        self._ops.append(f"{x:.3f} {y:.3f} {w:.3f} {h:.3f} re W n")

    def fill(self, color: str) -> None:
        """Set the fill colour (also the colour of text)."""
        if color != self._fill:
            self._fill = color
            self._ops.append(self.op(color))

    def stroke(self, color: str, width_mm: float | None = None) -> None:
        """Set the stroke colour, and the line width if given."""
        if color != self._stroke:
            self._stroke = color
            self._ops.append(self.op(color, stroke=True))
        if width_mm is not None:
            self.line_width(width_mm)

    def op(self, color: str, stroke: bool = False) -> str:
        """The operator setting the fill (or stroke) colour to `color` in the palette's
        tone, for `raw`."""
        return color_op(self.palette.tone(color), stroke)

    def line_width(self, width_mm: float) -> None:
        """Set the line width in mm."""
        width = f"{width_mm:.3f}"
        if width != self._width:
            self._width = width
            self._ops.append(f"{width} w")

    def dash(self, pattern: Sequence[float] = ()) -> None:
        """Dash lines as on/off lengths in mm; no pattern draws them solid."""
        self._ops.append(f"[{' '.join(f'{p:.2f}' for p in pattern)}] 0 d")

    def round_caps(self) -> None:
        """Round line caps and joins (for curves and marks)."""
        self._ops.append("1 J 1 j")

    def alpha(self, fill: float | None = None, stroke: float | None = None) -> None:
        """Make what follows translucent (inside `save`)."""
        self.flush()
        if fill is not None:
            self.canvas.setFillAlpha(fill)
        if stroke is not None:
            self.canvas.setStrokeAlpha(stroke)

    # ------------------------------------------------------------------ shapes

    def rect(self, x: float, y: float, w: float, h: float, paint: Paint = "f") -> None:
        """A rectangle."""
        if self._in_text:
            self._end_text()
        self._ops.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re {paint}")

    def round_rect(
        self, x: float, y: float, w: float, h: float, radius: float, paint: Paint = "f"
    ) -> None:
        """A rectangle with rounded corners."""
        if self._in_text:
            self._end_text()
        self._ops.append(round_rect_path(x, y, w, h, radius) + " " + paint)

    def left_tab(self, x: float, y: float, w: float, h: float, radius: float) -> None:
        """Fill the left `w` mm of a rounded rectangle: a card's kind stripe."""
        if self._in_text:
            self._end_text()
        self._ops.append(left_tab_path(x, y, w, h, radius) + " f")

    def circle(self, cx: float, cy: float, r: float, paint: Paint = "f") -> None:
        """A circle."""
        if self._in_text:
            self._end_text()
        k = r * KAPPA
        x0, x1, y0, y1 = cx - r, cx + r, cy - r, cy + r
        self._ops.append(
            f"{x1:.2f} {cy:.2f} m {x1:.2f} {cy + k:.2f} {cx + k:.2f} {y1:.2f} {cx:.2f} {y1:.2f} c "
            f"{cx - k:.2f} {y1:.2f} {x0:.2f} {cy + k:.2f} {x0:.2f} {cy:.2f} c "
            f"{x0:.2f} {cy - k:.2f} {cx - k:.2f} {y0:.2f} {cx:.2f} {y0:.2f} c "
            f"{cx + k:.2f} {y0:.2f} {x1:.2f} {cy - k:.2f} {x1:.2f} {cy:.2f} c {paint}"
        )

    def polyline(self, points: Iterable[Point], paint: Paint = "S", close: bool = False) -> None:
        """Straight segments through `points` (closed into a polygon with `close`)."""
        if self._in_text:
            self._end_text()
        parts = []
        for index, point in enumerate(points):
            parts.append(f"{point.x:.2f} {point.y:.2f} {'l' if index else 'm'}")
        if close:
            parts.append("h")
        parts.append(paint)
        self._ops.append(" ".join(parts))

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A straight stroked line."""
        if self._in_text:
            self._end_text()
        self._ops.append(f"{x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l S")

    def smooth_curve(self, points: Sequence[Point]) -> None:
        """A stroked curve through `points` (Catmull-Rom turned into Bezier segments)."""
        if len(points) < 2:
            return
        self._end_text()
        parts = [f"{points[0].x:.2f} {points[0].y:.2f} m"]
        for i in range(len(points) - 1):
            p0 = points[max(i - 1, 0)]
            p1, p2 = points[i], points[i + 1]
            p3 = points[min(i + 2, len(points) - 1)]
            c1 = (p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6)
            c2 = (p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6)
            parts.append(f"{c1[0]:.2f} {c1[1]:.2f} {c2[0]:.2f} {c2[1]:.2f} {p2.x:.2f} {p2.y:.2f} c")
        parts.append("S")
        self._ops.append(" ".join(parts))

    def form(self, name: str, x: float, y: float, w: float, h: float) -> None:
        """Draw form XObject `name` (defined on a unit square) into the given box."""
        self._end_text()
        self._ops.append(f"q {w:.6f} 0 0 {h:.6f} {x:.4f} {y:.4f} cm {self.form_op(name)} Q")

    def form_op(self, name: str) -> str:
        """The operator drawing form `name`, for `raw`; the form is made known to the page.

        ReportLab lists a page's forms as ``doForm`` is called, so the first use on each
        page (or form) goes through ``doForm``, clipped away; then the bare operator works.
        """
        op = self._forms.get(name)
        if op is None:
            self.flush()
            self.canvas.addLiteral("q 0 0 0 0 re W n")
            self.canvas.doForm(name)
            self.canvas.addLiteral("Q")
            op = self._forms[name] = f"/{self._doc.getXObjectName(name)} Do"
        return op

    def raw(self, ops: str) -> None:
        """Append ready-made operators that leave the graphics state as they found it
        (wrapped in ``q``/``Q``)."""
        if self._in_text:
            self._end_text()
        self._ops.append(ops)

    # ------------------------------------------------------------------ text

    def text(
        self,
        x: float,
        baseline: float,
        line: str,
        size_pt: float,
        bold: bool = False,
        rtl: bool | None = None,
    ) -> None:
        """One line of text from (x, baseline) in the fill colour, each character in the
        first font of the chain that has it; right-to-left runs in visual order and complex
        scripts shaped (`rtl`: the paragraph's direction, None for the line's own)."""
        if not line:
            return
        ops = self._ops
        if not self._in_text:
            ops.append("BT")
            self._in_text = True
            self._text_font = None
        ops.append(f"1 0 0 -1 {x:.2f} {baseline:.2f} Tm")
        size = size_pt * MM_PER_PT
        if line.isascii() and not rtl:
            self._show(self.fonts.runs(line, bold)[0][0], line, size, bold)
            return
        flowing = True  # the text position is where the next run starts
        for run in self.fonts.visual_runs(line, size_pt, bold, rtl):
            run_x = x + run.x * MM_PER_PT
            if not flowing:
                ops.append(f"1 0 0 -1 {run_x:.2f} {baseline:.2f} Tm")
            if run.glyphs is None:
                self._show(run.font, run.text, size, bold)
                flowing = True
            else:
                self._show_glyphs(run.font, run.glyphs, run_x, baseline, size, bold)
                flowing = False

    def _show_glyphs(
        self,
        font_name: str,
        glyphs: Sequence[Glyph],
        x: float,
        baseline: float,
        size: float,
        bold: bool,
    ) -> None:
        """Shaped glyphs from (x, baseline); a glyph with an offset (a mark) is placed on
        its own, the others flow by their advances."""
        font = self._font(font_name)
        scale = size / 1000
        pending: list[str] = []
        flowing = True
        for glyph in glyphs:
            code = font.glyph_text(glyph.gid, glyph.text, glyph.advance)
            if glyph.x_offset or glyph.y_offset or not flowing:
                self._show(font_name, "".join(pending), size, bold)
                pending.clear()
                gx = x + glyph.x_offset * scale
                gy = baseline - glyph.y_offset * scale
                self._ops.append(f"1 0 0 -1 {gx:.3f} {gy:.3f} Tm")
                flowing = not (glyph.x_offset or glyph.y_offset)
            pending.append(code)
            x += glyph.advance * scale
        self._show(font_name, "".join(pending), size, bold)

    def _show(self, font_name: str, text: str, size: float, bold: bool) -> None:
        """`text` in font `name` at the text position, through the font's subsets;
        emboldened (filled and outlined) when bold text has no bold face."""
        if not text:
            return
        ops = self._ops
        font = self._font(font_name)
        synthetic = bold and self.fonts.is_synthetic_bold(font_name)
        if synthetic:
            color = self._fill or "#000000"
            self._stroke = color
            self._width = f"{size * SYNTHETIC_BOLD_STROKE:.3f}"
            ops.append(f"{self.op(color, stroke=True)} {self._width} w 2 Tr")
        for subset, chunk in font.splitString(text, self._doc):
            key = (font_name, subset, size)
            if key != self._text_font:
                self._text_font = key
                ops.append(f"{self._subset_name(font_name, font, subset)} {size:.3f} Tf")
            ops.append(f"({chunk.decode('latin-1').translate(_ESCAPES)}) Tj")
        if synthetic:
            ops.append("0 Tr")

    def _font(self, font_name: str) -> GlyphFont:
        font = self._ttfonts.get(font_name)
        if font is None:
            registered = pdfmetrics.getFont(font_name)
            if not isinstance(registered, GlyphFont):
                raise TypeError(f"font {font_name!r} is not a JourneyCanvas TrueType font")
            font = self._ttfonts[font_name] = registered
        return font

    def block(self, block: TextBlock, dx: float = 0.0, dy: float = 0.0) -> None:
        """Every line of a laid-out text block, offset by (dx, dy), in its direction."""
        size, bold, rtl = block.font_size_pt, block.bold, block.rtl
        for line, x, baseline in zip(block.lines, block.xs, block.baselines, strict=True):
            self.text(x + dx, baseline + dy, line, size, bold, rtl)

    def _subset_name(self, font_name: str, font: GlyphFont, subset: int) -> str:
        key = (font_name, subset)
        name = self._subset_names.get(key)
        if name is None:
            name = self._subset_names[key] = font.getSubsetInternalName(subset, self._doc)
        return name

    def _end_text(self) -> None:
        if self._in_text:
            self._ops.append("ET")
            self._in_text = False

    # ------------------------------------------------------------------ output

    def flush(self) -> None:
        """Hand the operators written so far to the canvas."""
        self._end_text()
        if self._ops:
            self.canvas.addLiteral("\n".join(self._ops))
            self._ops.clear()


def round_rect_path(x: float, y: float, w: float, h: float, radius: float) -> str:
    """The PDF path of a rectangle with rounded corners, closed, not painted."""
    r = max(0.0, min(radius, w / 2, h / 2))
    k = r * (1 - KAPPA)
    x2, y2 = x + w, y + h
    return (
        f"{x + r:.2f} {y:.2f} m {x2 - r:.2f} {y:.2f} l "
        f"{x2 - k:.2f} {y:.2f} {x2:.2f} {y + k:.2f} {x2:.2f} {y + r:.2f} c "
        f"{x2:.2f} {y2 - r:.2f} l "
        f"{x2:.2f} {y2 - k:.2f} {x2 - k:.2f} {y2:.2f} {x2 - r:.2f} {y2:.2f} c "
        f"{x + r:.2f} {y2:.2f} l {x + k:.2f} {y2:.2f} {x:.2f} {y2 - k:.2f} {x:.2f} {y2 - r:.2f} c "
        f"{x:.2f} {y + r:.2f} l {x:.2f} {y + k:.2f} {x + k:.2f} {y:.2f} {x + r:.2f} {y:.2f} c h"
    )


def left_tab_path(x: float, y: float, w: float, h: float, radius: float) -> str:
    """The path of the left `w` mm of a rectangle with rounded corners, closed."""
    r = max(0.0, min(radius, w, h / 2))
    k = r * (1 - KAPPA)
    x2, y2 = x + w, y + h
    return (
        f"{x2:.2f} {y:.2f} m {x + r:.2f} {y:.2f} l "
        f"{x + k:.2f} {y:.2f} {x:.2f} {y + k:.2f} {x:.2f} {y + r:.2f} c "
        f"{x:.2f} {y2 - r:.2f} l {x:.2f} {y2 - k:.2f} {x + k:.2f} {y2:.2f} {x + r:.2f} {y2:.2f} c "
        f"{x2:.2f} {y2:.2f} l h"
    )
