"""The comparison of two maps as a printable A4 report (ReportLab, no Qt): a title, the two
emotion curves on one chart, and every change in words, grouped by stage.

Not an export format of the registry: those write one map; this reads two.
"""

from __future__ import annotations

import os
from pathlib import Path

from journeycanvas.i18n import gettext
from journeycanvas.io.atomic import atomic_path
from journeycanvas.io.pdf.document import new_canvas, save_canvas
from journeycanvas.io.pdf.paper import PAPER_SIZES, Paper
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.layout import MM_PER_PT, Point
from journeycanvas.merge.compare import Comparison, EmotionPoint, compare_maps
from journeycanvas.merge.diff import ChangeKind
from journeycanvas.merge.wording import Wording
from journeycanvas.text import FontSet, default_font_set

A4 = Paper("A4", *PAPER_SIZES["A4"])
MARGIN_MM = 16.0
WIDTH_MM = A4.width - 2 * MARGIN_MM
CHART_MM = 55.0
LINE_PT = 9.5
LINE_MM = LINE_PT * 1.35 * MM_PER_PT
INK, MUTED, GRID = "#212121", "#616161", "#cfd8dc"
BEFORE_COLOR, AFTER_COLOR = "#90a4ae", "#1565c0"
KIND_COLORS = {
    ChangeKind.ADDED: "#2e7d32",
    ChangeKind.REMOVED: "#c62828",
    ChangeKind.MOVED: "#1565c0",
    ChangeKind.CHANGED: "#ef6c00",
    ChangeKind.REORDERED: "#757575",
}


def write_comparison_pdf(
    comparison: Comparison,
    path: str | os.PathLike[str],
    before_name: str,
    after_name: str,
    fonts: FontSet | None = None,
) -> int:
    """Write the report to `path` atomically, in the newer map's language; returns its page
    count."""
    fonts = fonts or default_font_set()
    words = Wording.of_map(comparison.after)
    # The changes are worded again on paper: the screen may speak another language.
    comparison = compare_maps(comparison.before, comparison.after, words)
    with atomic_path(path) as temporary:
        canvas = new_canvas(temporary, comparison.after, A4, fonts)
        report = _Report(Pen(canvas, fonts), fonts, words)
        report.page()
        report.heading(comparison, before_name, after_name)
        report.chart(comparison.emotions, before_name, after_name)
        groups = comparison.groups()
        if not groups:
            report.paragraph(words.t.gettext("No changes: the two maps are the same."), MUTED)
        for group, lines in groups:
            report.group(group, len(lines))
            for line in lines:
                report.change(line.text, KIND_COLORS.get(line.kind, INK))
        report.finish()
        save_canvas(canvas)
        return report.number


class _Report:
    """Flows lines down A4 pages."""

    def __init__(self, pen: Pen, fonts: FontSet, words: Wording) -> None:
        self.pen = pen
        self.fonts = fonts
        self.words = words
        self.y = MARGIN_MM
        self.number = 0

    def page(self) -> None:
        if self.number:
            self._footer()
            self.pen.end()
            self.pen.canvas.showPage()
        self.number += 1
        self.pen.begin(A4.height)
        self.y = MARGIN_MM

    def before(self, name: str) -> str:
        """The older map's label, by its file name."""
        return self.words.t.gettext("before: {name}").format(name=name)

    def after(self, name: str) -> str:
        """The newer map's label, by its file name."""
        return self.words.t.gettext("after: {name}").format(name=name)

    def finish(self) -> None:
        self._footer()
        self.pen.end()
        self.pen.canvas.showPage()

    def _room(self, height: float) -> None:
        if self.y + height > A4.height - MARGIN_MM - 8:
            self.page()

    def _footer(self) -> None:
        self.pen.fill(MUTED)
        text = self.words.t.gettext("page {number}").format(number=self.words.number(self.number))
        width = self.fonts.width(text, 7.5) * MM_PER_PT
        self.pen.text(MARGIN_MM + WIDTH_MM - width, A4.height - MARGIN_MM + 4, text, 7.5)

    def _wrapped(
        self, text: str, size: float, indent: float = 0.0, bold: bool = False
    ) -> list[str]:
        room = (WIDTH_MM - indent) / MM_PER_PT
        return list(self.fonts.wrap(text, room, size, 40, bold).lines)

    def heading(self, comparison: Comparison, before: str, after: str) -> None:
        t = self.words.t
        untitled = t.gettext("untitled map")
        title = t.gettext("What changed: {before} → {after}").format(
            before=comparison.before.title or untitled, after=comparison.after.title or untitled
        )
        self.pen.fill(INK)
        for line in self._wrapped(title, 16, bold=True):
            self.y += 16 * 1.3 * MM_PER_PT
            self.pen.text(MARGIN_MM, self.y, line, 16, bold=True)
        self.pen.fill(MUTED)
        for text in (
            self.before(before),
            self.after(after),
            t.ngettext("{count} change", "{count} changes", len(comparison.lines)).format(
                count=self.words.number(len(comparison.lines))
            ),
        ):
            for line in self._wrapped(text, 9):
                self.y += LINE_MM
                self.pen.text(MARGIN_MM, self.y, line, 9)
        self.y += 5

    def chart(self, points: list[EmotionPoint], before: str, after: str) -> None:
        """Both curves on one chart: one column per stage, +3 at the top, −3 at the bottom."""
        pen = self.pen
        top = self.y + 6
        pen.fill(INK)
        curves = self.words.t.gettext("Emotion curve per stage (−3 … +3)")
        pen.text(MARGIN_MM, self.y + 3, curves, 10, bold=True)
        plot_top, plot_h = top + 4, CHART_MM - 18
        pen.stroke(GRID, 0.2)
        for score in (3, 0, -3):
            y = plot_top + (3 - score) / 6 * plot_h
            pen.line(MARGIN_MM + 8, y, MARGIN_MM + WIDTH_MM, y)
            pen.fill(MUTED)
            pen.text(MARGIN_MM, y + 1, f"{score:+d}" if score else "0", 7)
        if points:
            step = (WIDTH_MM - 8) / len(points)
            for index, point in enumerate(points):
                x = MARGIN_MM + 8 + step * (index + 0.5)
                name = self.fonts.wrap(point.stage, step / MM_PER_PT, 7, 1).lines
                label = name[0] if name else ""
                width = self.fonts.width(label, 7) * MM_PER_PT
                pen.fill(MUTED)
                pen.text(x - width / 2, plot_top + plot_h + 5, label, 7)
            for color, pick in ((BEFORE_COLOR, "before"), (AFTER_COLOR, "after")):
                self._curve(points, pick, color, plot_top, plot_h, step)
        legend_y = plot_top + plot_h + 11
        for offset, color, text in (
            (0.0, BEFORE_COLOR, self.before(before)),
            (WIDTH_MM / 2, AFTER_COLOR, self.after(after)),
        ):
            pen.fill(color)
            pen.rect(MARGIN_MM + offset, legend_y - 2.2, 5, 2.2)
            pen.fill(INK)
            line = self.fonts.wrap(text, (WIDTH_MM / 2 - 8) / MM_PER_PT, 7.5, 1).lines
            pen.text(MARGIN_MM + offset + 7, legend_y, line[0] if line else "", 7.5)
        self.y = top + CHART_MM

    def _curve(
        self,
        points: list[EmotionPoint],
        pick: str,
        color: str,
        plot_top: float,
        plot_h: float,
        step: float,
    ) -> None:
        pen = self.pen
        placed: list[Point] = []
        for index, point in enumerate(points):
            score = getattr(point, pick)
            if score is not None:
                x = MARGIN_MM + 8 + step * (index + 0.5)
                placed.append(Point(x, plot_top + (3 - score) / 6 * plot_h))
        pen.stroke(color, 0.7)
        if len(placed) > 1:
            pen.polyline(placed)
        pen.fill(color)
        for dot in placed:
            pen.circle(dot.x, dot.y, 1.0)

    def group(self, name: str, count: int) -> None:
        self._room(LINE_MM * 3)
        self.y += 4
        self.pen.fill(INK)
        # Translators: a group's heading in the comparison report: a stage and its changes.
        heading = self.words.t.gettext("{name} ({count})").format(
            name=name, count=self.words.number(count)
        )
        for line in self._wrapped(heading, 11, bold=True):
            self.y += 11 * 1.3 * MM_PER_PT
            self.pen.text(MARGIN_MM, self.y, line, 11, bold=True)
        self.pen.stroke(GRID, 0.2)
        self.pen.line(MARGIN_MM, self.y + 1.5, MARGIN_MM + WIDTH_MM, self.y + 1.5)
        self.y += 2

    def change(self, text: str, color: str) -> None:
        lines = self._wrapped(text, LINE_PT, indent=5)
        self._room(LINE_MM * len(lines))
        self.pen.fill(color)
        self.pen.circle(MARGIN_MM + 1.5, self.y + LINE_MM - 1.2, 0.9)
        self.pen.fill(INK)
        for line in lines:
            self.y += LINE_MM
            self.pen.text(MARGIN_MM + 5, self.y, line, LINE_PT)

    def paragraph(self, text: str, color: str) -> None:
        self.pen.fill(color)
        for line in self._wrapped(text, LINE_PT):
            self.y += LINE_MM
            self.pen.text(MARGIN_MM, self.y, line, LINE_PT)


def report_path_for(after: Path) -> Path:
    """Where a comparison report of the map at `after` goes by default (named in the
    interface language)."""
    # Translators: the file name of a comparison report; {name} is the map's file name.
    return after.with_name(gettext("{name} comparison").format(name=after.stem) + ".pdf")
