"""The results of a workshop's voting rounds as a printable handout: one A4 page a round
(more when it is long), the cards ranked with their votes, a bar each, and who voted when
the round was named."""

from __future__ import annotations

from pathlib import Path

from journeycanvas.io.pdf.colors import GRID, INK, MUTED
from journeycanvas.io.pdf.document import new_canvas, save_canvas
from journeycanvas.io.pdf.paper import PAPER_SIZES, Paper
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.layout import MM_PER_PT
from journeycanvas.model.entities import JourneyMap, WorkshopRound
from journeycanvas.text import FontSet, default_font_set

A4 = Paper("A4", *PAPER_SIZES["A4"])
MARGIN_MM = 18.0
WIDTH_MM = A4.width - 2 * MARGIN_MM
TEXT_PT = 11.0
VOTER_PT = 8.0
BAR_COLOR = "#ff9800"
_LINE = 1.3 * MM_PER_PT


def write_round_results(journey: JourneyMap, path: Path, fonts: FontSet | None = None) -> int:
    """Write a handout of every voting round of `journey` to `path`; returns the pages.
    ValueError when the map has no rounds."""
    if not journey.workshop_rounds:
        raise ValueError("the map has no voting rounds")
    fonts = fonts or default_font_set()
    canvas = new_canvas(path, journey, A4, fonts)
    pen = Pen(canvas, fonts)
    pages = 0
    for round_ in journey.workshop_rounds:
        pages += _draw_round(pen, canvas, journey, round_)
    save_canvas(canvas)
    return pages


def _draw_round(pen: Pen, canvas: object, journey: JourneyMap, round_: WorkshopRound) -> int:
    pages = 1
    pen.begin(A4.height)
    y = _heading(pen, journey, round_)
    top = max((r.votes for r in round_.results), default=0) or 1
    for rank, result in enumerate(round_.results, start=1):
        text = " ".join(result.text.split()) or result.card
        lines = pen.fonts.wrap(text, (WIDTH_MM - 40) / MM_PER_PT, TEXT_PT, 3).lines
        voters = ", ".join(result.voters)
        voter_lines = (
            pen.fonts.wrap(voters, (WIDTH_MM - 40) / MM_PER_PT, VOTER_PT, 2).lines if voters else []
        )
        height = len(lines) * TEXT_PT * _LINE + len(voter_lines) * VOTER_PT * _LINE + 6
        if y + height > A4.height - MARGIN_MM:
            pen.end()
            canvas.showPage()  # type: ignore[attr-defined]
            pen.begin(A4.height)
            pages += 1
            y = MARGIN_MM
        pen.fill(INK)
        pen.text(MARGIN_MM, y + TEXT_PT * _LINE, f"{rank}.", TEXT_PT, bold=True)
        for n, line in enumerate(lines, start=1):
            pen.text(MARGIN_MM + 9, y + n * TEXT_PT * _LINE, line, TEXT_PT, bold=rank <= 3)
        bar = 24.0 * result.votes / top
        pen.fill(BAR_COLOR)
        pen.rect(MARGIN_MM + WIDTH_MM - 28, y + 1.2, max(bar, 0.4), TEXT_PT * _LINE - 1.0)
        pen.fill(INK)
        pen.text(MARGIN_MM + WIDTH_MM - 2.5, y + TEXT_PT * _LINE, str(result.votes), TEXT_PT, True)
        text_bottom = y + len(lines) * TEXT_PT * _LINE
        pen.fill(MUTED)
        for n, line in enumerate(voter_lines, start=1):
            pen.text(MARGIN_MM + 9, text_bottom + n * VOTER_PT * _LINE, line, VOTER_PT)
        y += height
        pen.stroke(GRID, 0.2)
        pen.line(MARGIN_MM, y - 2.5, MARGIN_MM + WIDTH_MM, y - 2.5)
    pen.end()
    canvas.showPage()  # type: ignore[attr-defined]
    return pages


def _heading(pen: Pen, journey: JourneyMap, round_: WorkshopRound) -> float:
    y = MARGIN_MM + 8
    pen.fill(INK)
    title = round_.title or "Voting round"
    pen.text(MARGIN_MM, y, pen.fonts.wrap(title, WIDTH_MM / MM_PER_PT, 18, 1).lines[0], 18, True)
    y += 7
    facts = [
        journey.title or "Untitled journey",
        round_.date[:16].replace("T", " "),
        f"{round_.participants} participants",
        f"{round_.votes_per_participant} votes each",
        "anonymous" if round_.anonymous else "named",
    ]
    pen.fill(MUTED)
    pen.text(MARGIN_MM, y, "  ·  ".join(f for f in facts if f), 9)
    return y + 6
