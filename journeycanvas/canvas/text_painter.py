"""Drawing the layout's wrapped text with Qt, in the very fonts the layout measured.

The font files of the layout's `FontSet` are loaded into Qt once; each line is drawn run
by run (one run per fallback font and direction, in visual order) at the x the layout's
own measurements give, so the canvas never re-wraps and matches the PDF. Qt shapes each
run itself; a right-to-left run is drawn under a right-to-left override so that Qt lays it
out exactly as the layout ordered it. Fonts are made at a fixed reference pixel size
and scaled by the painter, which keeps fractional sizes exact at every zoom.

On the screen (and in PNGs) a block is drawn from glyph runs shaped once, one run per
font for the whole block, which skips Qt's shaping on every frame; other paint devices
(SVG, pictures, printers) get the text itself, so that it stays text there.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGlyphRun,
    QPaintEngine,
    QPainter,
    QRawFont,
    QTextLayout,
    QTextOption,
)

from journeycanvas.layout import MM_PER_PT, TextBlock
from journeycanvas.text import FontFile, FontSet

_RASTER = QPaintEngine.Type.Raster

REFERENCE_PX = 100
"""The pixel size Qt fonts are made at; the painter scales them to the layout's size."""

# One drawing step of a text block: font, position in reference units, text.
TextOp = tuple[QFont, QPointF, str]

_LEFT_TO_RIGHT = QTextOption()
_LEFT_TO_RIGHT.setTextDirection(Qt.LayoutDirection.LeftToRight)
_LEFT_TO_RIGHT.setWrapMode(QTextOption.WrapMode.NoWrap)


class TextOps(list[TextOp]):
    """The drawing steps of a block, with their glyph runs once they were needed."""

    __slots__ = ("_runs",)

    def __init__(self, ops: list[TextOp]) -> None:
        super().__init__(ops)
        self._runs: list[QGlyphRun] | None = None

    def glyph_runs(self) -> list[QGlyphRun]:
        """The steps shaped as Qt would draw them, merged into one run per font."""
        if self._runs is None:
            self._runs = _glyph_runs(self)
        return self._runs


def _glyph_runs(ops: Sequence[TextOp]) -> list[QGlyphRun]:
    merged: list[tuple[QRawFont, list[int], list[QPointF]]] = []
    for font, point, text in ops:
        layout = QTextLayout(text, font)
        layout.setTextOption(_LEFT_TO_RIGHT)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        # Glyph positions are relative to the line's top; the op's point is the baseline.
        dx, dy = point.x(), point.y() - line.ascent()
        for run in layout.glyphRuns():
            raw = run.rawFont()
            group = next((group for group in merged if group[0] == raw), None)
            if group is None:
                group = (raw, [], [])
                merged.append(group)
            group[1].extend(run.glyphIndexes())
            group[2].extend(QPointF(p.x() + dx, p.y() + dy) for p in run.positions())
    runs = []
    for raw, indexes, positions in merged:
        run = QGlyphRun()
        run.setRawFont(raw)
        run.setGlyphIndexes(indexes)
        run.setPositions(positions)
        runs.append(run)
    return runs


class KeptOps:
    """A text block shown as drawing steps, made again only when the block changes: a
    layout that only moves the text (every edit that shifts lanes moves the headers) keeps
    them, and the glyph runs Qt shaped for them."""

    __slots__ = ("_block", "_fonts", "ops")

    def __init__(self, fonts: QtFonts) -> None:
        self._fonts = fonts
        self._block: TextBlock | None = None
        self.ops = TextOps([])
        """The drawing steps of the block last shown."""

    def show(self, block: TextBlock) -> None:
        """Draw `block` from now on."""
        if block != self._block:
            self._block, self.ops = block, self._fonts.ops(block)


class QtFonts:
    """The layout's font files as Qt fonts, looked up by the layout's font names."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self._by_name: dict[str, QFont] = {}
        for font_file in fonts.all_font_files():
            self._add(font_file)
        self._fallback = self._by_name[fonts.font_files(False)[0].name]
        self._emboldened: dict[str, QFont] = {}

    def font(self, name: str, bold: bool = False) -> QFont:
        """The Qt font (at `REFERENCE_PX`) for a layout font name; for `bold` text in a
        font without a bold face, that font emboldened by Qt."""
        font = self._by_name.get(name)
        if font is None:
            font = self._load(name)
        if bold and self.fonts.is_synthetic_bold(name):
            emboldened = self._emboldened.get(name)
            if emboldened is None:
                emboldened = self._emboldened[name] = QFont(font)
                emboldened.setBold(True)
            return emboldened
        return font

    def _load(self, name: str) -> QFont:
        """A font the layout found after start-up (a system font for a new script)."""
        for font_file in self.fonts.all_font_files():
            if font_file.name == name:
                return self._add(font_file)
        return self._fallback

    def _add(self, font_file: FontFile) -> QFont:
        font_id = QFontDatabase.addApplicationFont(str(font_file.path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = families[min(font_file.subfont_index, len(families) - 1)] if families else ""
        qfont = QFont(family) if family else QFont()
        qfont.setPixelSize(REFERENCE_PX)
        qfont.setBold(font_file.bold)
        qfont.setKerning(False)
        qfont.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        self._by_name[font_file.name] = qfont
        return qfont

    def ops(self, block: TextBlock, dx: float = 0.0, dy: float = 0.0) -> TextOps:
        """The drawing steps of `block` offset by (dx, dy) mm, for `draw_ops`."""
        fonts = self.fonts
        size, bold, rtl = block.font_size_pt, block.bold, block.rtl
        factor = REFERENCE_PX / (size * MM_PER_PT)
        pt = MM_PER_PT * factor
        result: list[TextOp] = []
        for line, x, baseline in zip(block.lines, block.xs, block.baselines, strict=True):
            y = (baseline + dy) * factor
            left = (x + dx) * factor
            for run in fonts.visual_runs(line, size, bold, rtl):
                text = f"\u202e{run.text}\u202c" if run.rtl else run.text
                result.append((self.font(run.font, bold), QPointF(left + run.x * pt, y), text))
        return TextOps(result)

    def block_scale(self, block: TextBlock) -> float:
        """The painter scale that turns reference units of `block` into millimetres."""
        return block.font_size_pt * MM_PER_PT / REFERENCE_PX


def draw_ops(painter: QPainter, ops: Sequence[TextOp], scale: float) -> None:
    """Draw text steps made by `QtFonts.ops` with the painter's pen."""
    if not ops:
        return
    painter.save()
    painter.scale(scale, scale)
    if isinstance(ops, TextOps) and painter.paintEngine().type() == _RASTER:
        origin = QPointF()
        for run in ops.glyph_runs():
            painter.drawGlyphRun(origin, run)
        painter.restore()
        return
    current = None
    for font, point, text in ops:
        if font is not current:
            painter.setFont(font)
            current = font
        painter.drawText(point, text)
    painter.restore()


@cache
def qt_fonts_for(fonts: FontSet) -> QtFonts:
    """The Qt side of a font set, loaded once per process (needs a QGuiApplication)."""
    return QtFonts(fonts)
