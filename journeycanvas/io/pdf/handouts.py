"""Handouts for breakout groups: A4 pages per stage (its goal, then its cards lane by lane)
or per persona (that persona's cards, stage by stage), with notes, votes and metrics.

Pages are planned first (blocks flowed down the page, a card never split), then drawn,
so that every footer can say "page 3 of 9".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from journeycanvas.io.pdf.chrome import map_date
from journeycanvas.io.pdf.colors import (
    FAINT,
    GRID,
    INK,
    MUTED,
    border_of,
    ink_on,
    mix,
)
from journeycanvas.io.pdf.document import new_canvas, save_canvas
from journeycanvas.io.pdf.filtering import find_persona
from journeycanvas.io.pdf.icons import card_icon_name, lane_icon_name
from journeycanvas.io.pdf.options import ExportError, ExportOptions
from journeycanvas.io.pdf.paper import PAPER_SIZES, Paper
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.io.pdf.print_palette import PrintPalette
from journeycanvas.io.pdf.progress import Cancel, Progress, Steps
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import MM_PER_PT, metric_progress
from journeycanvas.layout.text_blocks import first_baseline
from journeycanvas.model.entities import Card, JourneyMap, Lane, Metric, Persona
from journeycanvas.model.kinds import card_kind_spec
from journeycanvas.text import FontSet

A4 = Paper("A4", *PAPER_SIZES["A4"])
MARGIN_MM = 16.0
CONTENT_W = A4.width - 2 * MARGIN_MM
FOOTER_MM = 8.0
CARD_PAD_MM = 2.6
STRIPE_MM = 1.6
ICON_MM = 4.0
TEXT_PT = 10.0
NOTES_PT = 8.5
META_PT = 7.5
LINE_SPACING = 1.3
MAX_TEXT_LINES = 16
MAX_NOTE_LINES = 12


def _line_mm(size_pt: float) -> float:
    return size_pt * LINE_SPACING * MM_PER_PT


class _Block:
    """Something that flows down a handout page: it knows its height and draws itself."""

    height: float
    keep_with_next: bool = False

    def draw(self, pen: Pen, x: float, y: float) -> None:
        """Draw with the top-left corner at (x, y)."""
        raise NotImplementedError


@dataclass
class _Lines:
    """Wrapped lines of one size, and how to draw them."""

    lines: tuple[str, ...]
    size: float
    bold: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * _line_mm(self.size)

    def draw(self, pen: Pen, x: float, y: float) -> None:
        first = y + first_baseline(pen.fonts, self.size, LINE_SPACING)
        line_h = _line_mm(self.size)
        for index, line in enumerate(self.lines):
            pen.text(x, first + index * line_h, line, self.size, self.bold)


def _wrap(
    fonts: FontSet, text: str, width: float, size: float, lines: int, bold: bool = False
) -> _Lines:
    return _Lines(fonts.wrap(text, width / MM_PER_PT, size, lines, bold).lines, size, bold)


class _SectionHeader(_Block):
    """The band at the top of a section: a coloured title bar with the goal or description."""

    def __init__(self, fonts: FontSet, kicker: str, title: str, detail: str, color: str) -> None:
        self.color = color
        self.kicker = _wrap(fonts, kicker, CONTENT_W, 8.0, 1)
        self.title = _wrap(fonts, title, CONTENT_W - 10, 18.0, 2, bold=True)
        self.detail = _wrap(fonts, detail, CONTENT_W - 10, 10.0, 4) if detail.strip() else None
        band = 5 + self.title.height + (self.detail.height + 1.5 if self.detail else 0) + 4
        self.band = band
        self.height = self.kicker.height + 1.5 + band + 5

    def draw(self, pen: Pen, x: float, y: float) -> None:
        pen.fill(MUTED)
        self.kicker.draw(pen, x, y)
        top = y + self.kicker.height + 1.5
        pen.fill(self.color)
        pen.round_rect(x, top, CONTENT_W, self.band, 2.0)
        ink = ink_on(self.color)
        pen.fill(ink)
        self.title.draw(pen, x + 5, top + 4.5)
        if self.detail is not None:
            pen.fill(mix(ink, self.color, 0.15))
            self.detail.draw(pen, x + 5, top + 4.5 + self.title.height + 1.5)


class _Heading(_Block):
    """A lane (or stage) heading inside a section, with an icon or colour chip and a count."""

    keep_with_next = True

    def __init__(
        self, fonts: FontSet, title: str, count: str, accent: str, icon: str | None
    ) -> None:
        """`accent` is a colour, or with an `icon` the lane kind whose accent it takes."""
        self.title = _wrap(fonts, title, CONTENT_W - 40, 11.0, 1, bold=True)
        self.count = count
        self.accent = accent
        self.icon = icon
        self.height = self.title.height + 4.0

    def draw(self, pen: Pen, x: float, y: float) -> None:
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
        pen.text(x + CONTENT_W - width, top + self.title.height * 0.72, self.count, 8.0)
        pen.stroke(GRID, 0.2)
        pen.line(x, y + self.height - 0.8, x + CONTENT_W, y + self.height - 0.8)


class _Note(_Block):
    """A muted line of text, e.g. "No cards yet"."""

    def __init__(self, fonts: FontSet, text: str) -> None:
        self.lines = _wrap(fonts, text, CONTENT_W, 8.5, 2)
        self.height = self.lines.height + 3.0

    def draw(self, pen: Pen, x: float, y: float) -> None:
        pen.fill(FAINT)
        self.lines.draw(pen, x + 2, y + 0.5)


class _CardBlock(_Block):
    """A card in full: kind, text, notes, then votes, metric, personas, span and tags."""

    def __init__(self, fonts: FontSet, card: Card, meta: list[str], fill: str) -> None:
        self.card = card
        self.fill = fill
        inner = CONTENT_W - 2 * CARD_PAD_MM - STRIPE_MM
        self.text = _wrap(
            fonts, card.text or "(no text)", inner - ICON_MM - 2, TEXT_PT, MAX_TEXT_LINES
        )
        self.notes = (
            _wrap(fonts, card.notes, inner, NOTES_PT, MAX_NOTE_LINES)
            if card.notes.strip()
            else None
        )
        self.meta = _wrap(fonts, "  ·  ".join(meta), inner, META_PT, 3) if meta else None
        self.progress = metric_progress(card.metric) if card.metric else None
        height = CARD_PAD_MM * 2 + self.text.height
        if self.notes:
            height += 1.2 + self.notes.height
        if self.meta:
            height += 1.6 + self.meta.height
        if self.progress is not None:
            height += 2.2
        self.height = height + 2.5

    def draw(self, pen: Pen, x: float, y: float) -> None:
        h = self.height - 2.5
        accent = pen.palette.kind_accent(self.card.kind)
        pen.fill(self.fill)
        pen.stroke(border_of(self.fill), 0.2)
        pen.round_rect(x, y, CONTENT_W, h, 1.8, "B")
        pen.fill(accent)
        pen.left_tab(x, y, STRIPE_MM, h, 1.8)
        pen.stroke(accent)
        pen.form(
            card_icon_name(self.card.kind, self.card.emotion),
            x + CONTENT_W - CARD_PAD_MM - ICON_MM,
            y + CARD_PAD_MM,
            ICON_MM,
            ICON_MM,
        )
        left = x + STRIPE_MM + CARD_PAD_MM
        top = y + CARD_PAD_MM
        pen.fill(INK)
        self.text.draw(pen, left, top)
        top += self.text.height
        if self.notes:
            top += 1.2
            pen.fill(MUTED)
            self.notes.draw(pen, left, top)
            top += self.notes.height
        if self.meta:
            top += 1.6
            pen.fill(mix(MUTED, INK, 0.3))
            self.meta.draw(pen, left, top)
            top += self.meta.height
        if self.progress is not None:
            width = CONTENT_W - 2 * CARD_PAD_MM - STRIPE_MM
            pen.fill(mix(self.fill, INK, 0.14))
            pen.rect(left, top + 0.7, width, 1.1)
            pen.fill(pen.palette.progress(self.progress))
            pen.rect(left, top + 0.7, width * self.progress, 1.1)


class _WritingSpace(_Block):
    """Ruled space to the foot of the page, for the group's own notes."""

    MIN_HEIGHT = 30.0
    RULE_MM = 8.0

    def __init__(self, fonts: FontSet, height: float, title: str) -> None:
        self.title = _wrap(fonts, title, CONTENT_W, 9.0, 1, bold=True)
        self.height = height

    def draw(self, pen: Pen, x: float, y: float) -> None:
        top = y + 3.0
        pen.fill(MUTED)
        self.title.draw(pen, x, top)
        pen.stroke(mix(GRID, "#ffffff", 0.3), 0.2)
        rule = top + self.title.height + self.RULE_MM
        while rule <= y + self.height - 2:
            pen.line(x, rule, x + CONTENT_W, rule)
            rule += self.RULE_MM


def _metric_text(metric: Metric, words: Words) -> str:
    """A metric as the handout prints it: "Views: 1 200 / 5 000 (24 % of target)"."""
    name = metric.name.strip()
    if metric.value is None and metric.target is None:
        return name
    figure = "–" if metric.value is None else words.number(metric.value)
    if metric.target is not None:
        figure += " / " + words.number(metric.target)
    if metric.unit:
        figure += f" {metric.unit}"
    text = f"{name}: {figure}" if name else figure
    progress = metric_progress(metric)
    if progress is not None:
        share = words.gettext("{percent} of target").format(percent=words.percent(progress))
        text += f" ({share})"
    return text


def _card_meta(
    card: Card,
    journey: JourneyMap,
    stage_names: Sequence[str],
    stage_index: dict[str, int],
    lane_title: str | None,
    words: Words,
) -> list[str]:
    """The small print under a card: kind, lane, votes, metric, personas, span, tags."""
    meta = [words.kind(card.kind)]
    if lane_title:
        meta.append(lane_title)
    if card.votes:
        votes = words.ngettext("{count} vote", "{count} votes", card.votes)
        meta.append("● " + votes.format(count=words.number(card.votes)))
    if card.metric is not None:
        text = _metric_text(card.metric, words)
        if text:
            meta.append(text)
    if card.emotion is not None:
        sign = "+" if card.emotion > 0 else ""
        emotion = words.gettext("emotion {value}")
        meta.append(emotion.format(value=sign + words.number(card.emotion)))
    names = {p.id: p.name for p in journey.personas}
    personas = [names[p] for p in card.personas if p in names and names[p].strip()]
    if personas:
        meta.append(", ".join(personas))
    if card.span > 1:
        first = stage_index.get(card.stage, 0)
        last = min(first + card.span, len(stage_names)) - 1
        spans = words.gettext("spans {first} → {last}")
        meta.append(spans.format(first=stage_names[first], last=stage_names[last]))
    if card.tags:
        meta.append(" ".join(f"#{tag}" for tag in card.tags))
    return meta


@dataclass
class _Section:
    """One handout: its label for the footer and its blocks, in order."""

    label: str
    blocks: list[_Block]
    continued: Callable[[], _Block]
    fonts: FontSet
    notes_title: str


def _stage_names(journey: JourneyMap, words: Words) -> list[str]:
    """Every stage's name, an unnamed one numbered ("Stage 2")."""
    unnamed = words.gettext("Stage {number}")
    return [
        stage.name.strip() or unnamed.format(number=words.number(i + 1))
        for i, stage in enumerate(journey.stages)
    ]


def _stage_sections(journey: JourneyMap, fonts: FontSet, words: Words) -> list[_Section]:
    if not journey.stages:
        raise ExportError("this map has no stages to make handouts for")
    stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
    names = _stage_names(journey, words)
    by_lane: dict[tuple[str, int], list[Card]] = {}
    for card in journey.cards:
        first = stage_index.get(card.stage)
        if first is None:
            continue
        for index in range(first, min(first + card.span, len(journey.stages))):
            by_lane.setdefault((card.lane, index), []).append(card)
    sections = []
    title = journey.title.strip() or words.gettext("Untitled journey map")
    of_stages = words.gettext("Stage {number} of {count}")
    for index, stage in enumerate(journey.stages):
        place = of_stages.format(
            number=words.number(index + 1), count=words.number(len(journey.stages))
        )
        kicker = f"{place}  ·  {title}"
        goal_text = stage.goal.strip()
        goal = words.gettext("Goal: {goal}").format(goal=goal_text) if goal_text else ""
        blocks: list[_Block] = [_SectionHeader(fonts, kicker, names[index], goal, stage.color)]
        for lane in journey.lanes:
            cards = sorted(by_lane.get((lane.id, index), []), key=lambda c: (c.order, c.id))
            blocks.append(_lane_heading(fonts, lane, len(cards), words))
            if not cards:
                blocks.append(_Note(fonts, words.gettext("No cards yet.")))
            for card in cards:
                meta = _card_meta(card, journey, names, stage_index, None, words)
                blocks.append(_CardBlock(fonts, card, meta, _fill(card)))
        continued = _continued(fonts, _continued_title(names[index], words), stage.color)
        notes = words.gettext("Our notes")
        sections.append(_Section(names[index], blocks, continued, fonts, notes))
    return sections


def _continued_title(name: str, words: Words) -> str:
    return words.gettext("{name} (continued)").format(name=name)


def _persona_sections(
    journey: JourneyMap, fonts: FontSet, only: Persona | None, words: Words
) -> list[_Section]:
    personas = [only] if only is not None else list(journey.personas)
    if not personas:
        raise ExportError("this map has no personas to make handouts for")
    stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
    lane_index = {lane.id: i for i, lane in enumerate(journey.lanes)}
    lane_titles = {lane.id: lane.title.strip() for lane in journey.lanes}
    names = _stage_names(journey, words)
    title = journey.title.strip() or words.gettext("Untitled journey map")
    of_personas = words.gettext("Persona {number} of {count}")
    sections = []
    for number, persona in enumerate(personas, start=1):
        name = persona.name.strip() or words.gettext("Persona")
        place = of_personas.format(number=words.number(number), count=words.number(len(personas)))
        kicker = f"{place}  ·  {title}"
        blocks: list[_Block] = [
            _SectionHeader(fonts, kicker, name, persona.description.strip(), persona.color)
        ]
        cards = [c for c in journey.cards if persona.id in c.personas and c.stage in stage_index]
        if not cards:
            untagged = words.gettext("No cards are tagged with {name} yet.")
            blocks.append(_Note(fonts, untagged.format(name=name)))
        for index, stage in enumerate(journey.stages):
            here = sorted(
                (c for c in cards if stage_index[c.stage] == index),
                key=lambda c: (lane_index.get(c.lane, 0), c.order, c.id),
            )
            if not here:
                continue
            count = _card_count(len(here), words)
            blocks.append(_Heading(fonts, names[index], count, stage.color, None))
            for card in here:
                lane_title = lane_titles.get(card.lane)
                meta = _card_meta(card, journey, names, stage_index, lane_title, words)
                blocks.append(_CardBlock(fonts, card, meta, _fill(card)))
        continued = _continued(fonts, _continued_title(name, words), persona.color)
        notes = words.gettext("Our notes")
        sections.append(_Section(name, blocks, continued, fonts, notes))
    return sections


def _card_count(count: int, words: Words) -> str:
    """ "3 cards", in the printout's language."""
    label = words.ngettext("{count} card", "{count} cards", count)
    return label.format(count=words.number(count))


def _lane_heading(fonts: FontSet, lane: Lane, count: int, words: Words) -> _Heading:
    label = _card_count(count, words)
    title = lane.title.strip() or words.gettext("Lane")
    return _Heading(fonts, title, label, lane.kind, lane_icon_name(lane.kind))


def _continued(fonts: FontSet, title: str, color: str) -> Callable[[], _Block]:
    return lambda: _Heading(fonts, title, "", color, None)


def _fill(card: Card) -> str:
    return card.color or card_kind_spec(card.kind).fill


def _paginate(section: _Section) -> list[list[tuple[_Block, float]]]:
    """The section's blocks placed on pages: (block, y); a block never splits."""
    bottom = A4.height - MARGIN_MM - FOOTER_MM
    pages: list[list[tuple[_Block, float]]] = [[]]
    y = MARGIN_MM
    blocks = section.blocks
    for index, block in enumerate(blocks):
        needed = block.height
        if block.keep_with_next and index + 1 < len(blocks):
            needed += blocks[index + 1].height
        if pages[-1] and y + needed > bottom:
            pages.append([])
            y = MARGIN_MM
            head = section.continued()
            pages[-1].append((head, y))
            y += head.height + 2
        pages[-1].append((block, y))
        y += block.height
    if bottom - y >= _WritingSpace.MIN_HEIGHT:
        pages[-1].append((_WritingSpace(section.fonts, bottom - y, section.notes_title), y))
    return pages


def write_handouts(
    path: Path,
    journey: JourneyMap,
    shown: JourneyMap,
    options: ExportOptions,
    fonts: FontSet,
    source: str,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[int, str]:
    """Write the handouts of `shown` (the map, or one persona's part of it) to `path`.

    Per persona, `options.persona` keeps that persona's pages only. Returns the page count
    and a summary.
    """
    words = Words.of(journey)
    palette = PrintPalette.of(options.palette, journey)
    journey, shown = palette.recolored(journey), palette.recolored(shown)
    if options.handouts == "persona":
        only = find_persona(journey, options.persona) if options.persona else None
        sections = _persona_sections(journey, fonts, only, words)
    else:
        sections = _stage_sections(shown, fonts, words)
    pages = [(section, page) for section in sections for page in _paginate(section)]
    steps = Steps(len(pages), progress, cancel, every=1)
    canvas = new_canvas(path, journey, A4, fonts)
    pen = Pen(canvas, fonts, palette)
    footer_left = f"{source}  ·  {map_date(journey, words)}"
    of_pages = words.gettext("page {number} of {count}")
    for number, (section, page) in enumerate(pages, start=1):
        pen.begin(A4.height)
        for block, y in page:
            block.draw(pen, MARGIN_MM, y)
        where = of_pages.format(number=words.number(number), count=words.number(len(pages)))
        _footer(pen, footer_left, f"{section.label}  ·  {where}")
        pen.end()
        canvas.showPage()
        steps.advance()
    save_canvas(canvas)
    steps.finish()
    noun = "stage" if options.handouts != "persona" else "persona"
    return len(pages), (
        f"{len(pages)} A4 page{'s' if len(pages) != 1 else ''} of handouts for "
        f"{len(sections)} {noun}{'s' if len(sections) != 1 else ''}"
    )


def _footer(pen: Pen, left: str, right: str) -> None:
    y = A4.height - MARGIN_MM
    pen.stroke(GRID, 0.2)
    pen.line(MARGIN_MM, y - 3.2, MARGIN_MM + CONTENT_W, y - 3.2)
    right_w = pen.fonts.width(right, 7.0) * MM_PER_PT
    room = CONTENT_W - right_w - 6
    left_line = pen.fonts.wrap(left, room / MM_PER_PT, 7.0, 1).lines
    pen.fill(MUTED)
    if left_line:
        pen.text(MARGIN_MM, y, left_line[0], 7.0)
    pen.text(MARGIN_MM + CONTENT_W - right_w, y, right, 7.0)
