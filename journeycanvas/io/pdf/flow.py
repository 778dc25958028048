"""Pages of flowing text: blocks (section bands, headings, cards in full, notes, ruled
writing space) stacked down a sheet and paginated, for handouts and the appendix.

A `Sheet` is the paper and its margins; every block is made for the sheet's content width.
A card's text is never cut: a card taller than the room left on a page is split between its
lines and continues at the top of the next page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from journeycanvas.io.pdf.colors import FAINT, GRID, INK, MUTED, border_of, ink_on, mix
from journeycanvas.io.pdf.icons import card_icon_name
from journeycanvas.io.pdf.paper import Paper
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.layout import MM_PER_PT, metric_progress
from journeycanvas.layout.text_blocks import first_baseline
from journeycanvas.model.entities import Card
from journeycanvas.text import FontSet

FOOTER_MM = 8.0
CARD_PAD_MM = 2.6
STRIPE_MM = 1.6
ICON_MM = 4.0
TEXT_PT = 10.0
NOTES_PT = 8.5
META_PT = 7.5
LINE_SPACING = 1.3
CARD_GAP_MM = 2.5
BAR_MM = 2.2


@dataclass(frozen=True, slots=True)
class Sheet:
    """A page of flowing blocks: the paper and its margin (mm)."""

    paper: Paper
    margin: float = 16.0

    @classmethod
    def of(cls, paper: Paper) -> Sheet:
        """A sheet of `paper`, its margin in proportion to it (16 mm on A4, less on A5)."""
        return cls(paper, round(max(10.0, min(20.0, min(paper.width, paper.height) * 0.076)), 1))

    @property
    def width(self) -> float:
        """The content width between the margins."""
        return self.paper.width - 2 * self.margin

    @property
    def bottom(self) -> float:
        """The lowest y a block may reach (above the footer)."""
        return self.paper.height - self.margin - FOOTER_MM


def line_mm(size_pt: float) -> float:
    """The height of one line of `size_pt` text."""
    return size_pt * LINE_SPACING * MM_PER_PT


class Block:
    """Something that flows down a page: it knows its height and draws itself."""

    height: float
    keep_with_next: bool = False

    def draw(self, pen: Pen, x: float, y: float) -> None:
        """Draw with the top-left corner at (x, y)."""
        raise NotImplementedError

    def split(self, room: float) -> tuple[Block, Block] | None:
        """This block as a part that fits in `room` mm and the rest; None if it cannot
        split there (it moves to the next page whole)."""
        return None


@dataclass(frozen=True, slots=True)
class Lines:
    """Wrapped lines of one size, and how to draw them."""

    lines: tuple[str, ...]
    size: float
    bold: bool = False

    @property
    def height(self) -> float:
        """The lines' height."""
        return len(self.lines) * line_mm(self.size)

    def draw(self, pen: Pen, x: float, y: float) -> None:
        """Draw the lines from (x, y), their top."""
        first = y + first_baseline(pen.fonts, self.size, LINE_SPACING)
        step = line_mm(self.size)
        for index, line in enumerate(self.lines):
            pen.text(x, first + index * step, line, self.size, self.bold)


def wrap(
    fonts: FontSet, text: str, width: float, size: float, lines: int | None, bold: bool = False
) -> Lines:
    """`text` wrapped to `width` mm at `size` pt, ellipsised past `lines` (None: all)."""
    return Lines(fonts.wrap(text, width / MM_PER_PT, size, lines, bold).lines, size, bold)


class SectionHeader(Block):
    """The band at the top of a section: a coloured title bar with the goal or description."""

    def __init__(
        self, fonts: FontSet, width: float, kicker: str, title: str, detail: str, color: str
    ) -> None:
        self.width = width
        self.color = color
        self.kicker = wrap(fonts, kicker, width, 8.0, 1)
        self.title = wrap(fonts, title, width - 10, 18.0, 2, bold=True)
        self.detail = wrap(fonts, detail, width - 10, 10.0, 4) if detail.strip() else None
        band = 5 + self.title.height + (self.detail.height + 1.5 if self.detail else 0) + 4
        self.band = band
        self.height = self.kicker.height + 1.5 + band + 5

    def draw(self, pen: Pen, x: float, y: float) -> None:
        """The kicker line, then the coloured band with the title and detail."""
        pen.fill(MUTED)
        self.kicker.draw(pen, x, y)
        top = y + self.kicker.height + 1.5
        pen.fill(self.color)
        pen.round_rect(x, top, self.width, self.band, 2.0)
        ink = ink_on(self.color)
        pen.fill(ink)
        self.title.draw(pen, x + 5, top + 4.5)
        if self.detail is not None:
            pen.fill(mix(ink, self.color, 0.15))
            self.detail.draw(pen, x + 5, top + 4.5 + self.title.height + 1.5)


class Heading(Block):
    """A lane (or stage) heading inside a section, with an icon or colour chip and a count."""

    keep_with_next = True

    def __init__(
        self, fonts: FontSet, width: float, title: str, count: str, accent: str, icon: str | None
    ) -> None:
        """`accent` is a colour, or with an `icon` the lane kind whose accent it takes."""
        self.width = width
        self.title = wrap(fonts, title, width - 40, 11.0, 1, bold=True)
        self.count = count
        self.accent = accent
        self.icon = icon
        self.height = self.title.height + 4.0

    def draw(self, pen: Pen, x: float, y: float) -> None:
        """The chip or icon, the title, the count at the right and a rule under them."""
        top = y + 1.5
        size = 4.2
        accent = self.accent if self.icon is None else pen.palette.lane_accent(self.accent)
        pen.fill(accent)
        pen.stroke(accent)
        if self.icon is not None:
            pen.form(self.icon, x, top + (self.title.height - size) / 2, size, size)
        else:
            pen.round_rect(x, top + (self.title.height - size) / 2, size, size, 1.0)
        pen.fill(INK)
        self.title.draw(pen, x + size + 2.2, top)
        width = pen.fonts.width(self.count, 8.0) * MM_PER_PT
        pen.fill(FAINT)
        pen.text(x + self.width - width, top + self.title.height * 0.72, self.count, 8.0)
        pen.stroke(GRID, 0.2)
        pen.line(x, y + self.height - 0.8, x + self.width, y + self.height - 0.8)


class Note(Block):
    """A muted line of text, e.g. "No cards yet"."""

    def __init__(self, fonts: FontSet, width: float, text: str) -> None:
        self.lines = wrap(fonts, text, width, 8.5, 2)
        self.height = self.lines.height + 3.0

    def draw(self, pen: Pen, x: float, y: float) -> None:
        """The muted lines."""
        pen.fill(FAINT)
        self.lines.draw(pen, x + 2, y + 0.5)


@dataclass(frozen=True, slots=True)
class _CardPart:
    """What one piece of a card prints: some of its text and notes lines, and whether the
    card's kind icon (first piece) and its small print and bar (last piece) go with it."""

    text: Lines
    notes: Lines | None
    meta: Lines | None
    progress: float | None
    first: bool = True
    last: bool = True


class CardBlock(Block):
    """A card in full, however long: kind icon, text, notes, then the small print (votes,
    metric, personas, span, tags) and the metric bar."""

    def __init__(
        self,
        fonts: FontSet,
        width: float,
        card: Card,
        meta: list[str],
        fill: str,
        part: _CardPart | None = None,
    ) -> None:
        self.fonts = fonts
        self.width = width
        self.card = card
        self.fill = fill
        inner = width - 2 * CARD_PAD_MM - STRIPE_MM
        self.part = part or _CardPart(
            wrap(fonts, card.text or "(no text)", inner - ICON_MM - 2, TEXT_PT, None),
            wrap(fonts, card.notes, inner, NOTES_PT, None) if card.notes.strip() else None,
            wrap(fonts, "  ·  ".join(meta), inner, META_PT, None) if meta else None,
            metric_progress(card.metric) if card.metric else None,
        )
        self.height = self._height(self.part)

    @staticmethod
    def _height(part: _CardPart) -> float:
        height = CARD_PAD_MM * 2 + part.text.height
        if part.notes:
            height += 1.2 + part.notes.height
        if part.last and part.meta:
            height += 1.6 + part.meta.height
        if part.last and part.progress is not None:
            height += BAR_MM
        return height + CARD_GAP_MM

    def split(self, room: float) -> tuple[Block, Block] | None:
        """The text and notes lines that fit in `room`, and the rest of the card."""
        part = self.part
        lines = [(line, False) for line in part.text.lines]
        lines += [(line, True) for line in (part.notes.lines if part.notes else ())]
        used = CARD_PAD_MM * 2 + CARD_GAP_MM
        count = 0
        for _line, is_note in lines[:-1]:
            step = line_mm(NOTES_PT) + (1.2 if count == len(part.text.lines) else 0.0)
            if not is_note:
                step = line_mm(TEXT_PT)
            if used + step > room:
                break
            used += step
            count += 1
        if count == 0:
            return None
        head = self._part(lines[:count], first=part.first, last=False)
        tail = self._part(lines[count:], first=False, last=part.last)
        return self._with(head), self._with(tail)

    def _part(self, lines: list[tuple[str, bool]], first: bool, last: bool) -> _CardPart:
        text = tuple(line for line, is_note in lines if not is_note)
        notes = tuple(line for line, is_note in lines if is_note)
        return replace(
            self.part,
            text=Lines(text, TEXT_PT),
            notes=Lines(notes, NOTES_PT) if notes else None,
            first=first,
            last=last,
        )

    def _with(self, part: _CardPart) -> CardBlock:
        return CardBlock(self.fonts, self.width, self.card, [], self.fill, part)

    def draw(self, pen: Pen, x: float, y: float) -> None:
        """The card's box, stripe and icon, its lines, small print and bar."""
        part = self.part
        h = self.height - CARD_GAP_MM
        accent = pen.palette.kind_accent(self.card.kind)
        pen.fill(self.fill)
        pen.stroke(border_of(self.fill), 0.2)
        pen.round_rect(x, y, self.width, h, 1.8, "B")
        pen.fill(accent)
        pen.left_tab(x, y, STRIPE_MM, h, 1.8)
        pen.stroke(accent)
        if part.first:
            pen.form(
                card_icon_name(self.card.kind, self.card.emotion),
                x + self.width - CARD_PAD_MM - ICON_MM,
                y + CARD_PAD_MM,
                ICON_MM,
                ICON_MM,
            )
        left = x + STRIPE_MM + CARD_PAD_MM
        top = y + CARD_PAD_MM
        pen.fill(INK)
        part.text.draw(pen, left, top)
        top += part.text.height
        if part.notes:
            top += 1.2
            pen.fill(MUTED)
            part.notes.draw(pen, left, top)
            top += part.notes.height
        if part.last and part.meta:
            top += 1.6
            pen.fill(mix(MUTED, INK, 0.3))
            part.meta.draw(pen, left, top)
            top += part.meta.height
        if part.last and part.progress is not None:
            width = self.width - 2 * CARD_PAD_MM - STRIPE_MM
            pen.fill(mix(self.fill, INK, 0.14))
            pen.rect(left, top + 0.7, width, 1.1)
            pen.fill(pen.palette.progress(part.progress))
            pen.rect(left, top + 0.7, width * part.progress, 1.1)


class WritingSpace(Block):
    """Ruled space to the foot of the page, for the group's own notes."""

    MIN_HEIGHT = 30.0
    RULE_MM = 8.0

    def __init__(self, fonts: FontSet, width: float, height: float, title: str) -> None:
        self.width = width
        self.title = wrap(fonts, title, width, 9.0, 1, bold=True)
        self.height = height

    def draw(self, pen: Pen, x: float, y: float) -> None:
        """The title and the rules."""
        top = y + 3.0
        pen.fill(MUTED)
        self.title.draw(pen, x, top)
        pen.stroke(mix(GRID, "#ffffff", 0.3), 0.2)
        rule = top + self.title.height + self.RULE_MM
        while rule <= y + self.height - 2:
            pen.line(x, rule, x + self.width, rule)
            rule += self.RULE_MM


Placed = list[tuple[Block, float]]
"""The blocks of one page and the y of each."""

MIN_SPLIT_MM = 20.0
"""A card splits at a page's foot only when at least this much room is left."""


def paginate(
    blocks: list[Block],
    sheet: Sheet,
    continued: Callable[[], Block] | None = None,
    writing_space: Callable[[float], Block] | None = None,
) -> list[Placed]:
    """`blocks` placed on pages of `sheet`: a new page starts with `continued()`, a card
    too tall for the room left splits between its lines, and `writing_space(height)` fills
    the last page's foot when there is room for it."""
    bottom = sheet.bottom
    pages: list[Placed] = [[]]
    y = sheet.margin
    queue = list(blocks)
    index = 0
    while index < len(queue):
        block = queue[index]
        needed = block.height
        if block.keep_with_next and index + 1 < len(queue):
            needed += min(queue[index + 1].height, 3 * line_mm(TEXT_PT) + 2 * CARD_PAD_MM)
        if y + needed > bottom:
            room = bottom - y
            parts = block.split(room) if room >= MIN_SPLIT_MM else None
            if parts is None and pages[-1]:
                pages.append([])
                y = sheet.margin
                if continued is not None:
                    head = continued()
                    pages[-1].append((head, y))
                    y += head.height + 2
                parts = block.split(bottom - y) if y + block.height > bottom else None
            if parts is not None:
                queue[index : index + 1] = list(parts)
                block = queue[index]
        pages[-1].append((block, y))
        y += block.height
        index += 1
    if writing_space is not None and bottom - y >= WritingSpace.MIN_HEIGHT:
        pages[-1].append((writing_space(bottom - y), y))
    return pages


def draw_page(pen: Pen, sheet: Sheet, placed: Placed, left: str, right: str) -> None:
    """One page of `sheet`: its blocks, then a footer with `left` and `right` (begin/end
    the page around it)."""
    pen.begin(sheet.paper.height)
    for block, y in placed:
        block.draw(pen, sheet.margin, y)
    y = sheet.paper.height - sheet.margin
    pen.stroke(GRID, 0.2)
    pen.line(sheet.margin, y - 3.2, sheet.margin + sheet.width, y - 3.2)
    right_w = pen.fonts.width(right, 7.0) * MM_PER_PT
    room = sheet.width - right_w - 6
    left_line = pen.fonts.wrap(left, room / MM_PER_PT, 7.0, 1).lines
    pen.fill(MUTED)
    if left_line:
        pen.text(sheet.margin, y, left_line[0], 7.0)
    pen.text(sheet.margin + sheet.width - right_w, y, right, 7.0)
    pen.end()
