"""Cells with more cards than a poster can print, and the appendix that prints them.

When a crowded cell would shrink the whole map below legible text, every cell holding more
than a limit (`CELL_LIMITS`, the largest that makes the text legible) prints its first
cards and, in place of the rest, a note "+N more (see page K)"; those cards follow in full
on appendix pages (office sheets after the poster or its tiles), so printing never loses a
word.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from journeycanvas.io.pdf.chrome import map_date
from journeycanvas.io.pdf.flow import (
    Block,
    CardBlock,
    Heading,
    Placed,
    SectionHeader,
    Sheet,
    draw_page,
    paginate,
)
from journeycanvas.io.pdf.handouts import card_count, card_fill, card_meta, stage_names
from journeycanvas.io.pdf.icons import lane_icon_name
from journeycanvas.io.pdf.options import ExportOptions
from journeycanvas.io.pdf.paper import PAPER_SIZES, Paper
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.io.pdf.words import Words
from journeycanvas.model.entities import Card, Connector, JourneyMap
from journeycanvas.model.kinds import CardKind
from journeycanvas.text import FontSet

CELL_LIMITS = (48, 24, 12, 6)
"""The most cards (the "+N more" note included) a cell may print, tried in turn until
the map's text is legible; when none makes it legible, the last one stands only if it at
least doubles the text size (else the map is wide, not crowded, and prints whole)."""

_US_PAPERS = ("letter", "tabloid")


@dataclass(frozen=True, slots=True)
class FullCell:
    """A cell with more cards than print: the cards it prints and those it leaves out."""

    stage: int
    lane: int
    shown: tuple[Card, ...]
    hidden: tuple[Card, ...]

    def marker_id(self, journey: JourneyMap) -> str:
        """The id of the "+N more" note standing in for the hidden cards."""
        return f"more-{journey.stages[self.stage].id}-{journey.lanes[self.lane].id}"


def most_cards_in_a_cell(journey: JourneyMap) -> int:
    """The card count of the fullest cell (by the stage each card starts in)."""
    counts: dict[tuple[str, str], int] = {}
    for card in journey.cards:
        key = (card.stage, card.lane)
        counts[key] = counts.get(key, 0) + 1
    return max(counts.values(), default=0)


def full_cells(journey: JourneyMap, limit: int) -> tuple[FullCell, ...]:
    """The cells of `journey` (by the stage each card starts in) holding more than `limit`
    cards, in reading order (lane by lane, stage by stage); their cards in (order, id)."""
    stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
    lane_index = {lane.id: i for i, lane in enumerate(journey.lanes)}
    cells: dict[tuple[int, int], list[Card]] = {}
    for card in journey.cards:
        stage, lane = stage_index.get(card.stage), lane_index.get(card.lane)
        if stage is not None and lane is not None:
            cells.setdefault((lane, stage), []).append(card)
    full = []
    for (lane, stage), cards in sorted(cells.items()):
        if len(cards) > limit:
            cards.sort(key=lambda card: (card.order, card.id))
            full.append(FullCell(stage, lane, tuple(cards[: limit - 1]), tuple(cards[limit - 1 :])))
    return tuple(full)


def with_markers(
    journey: JourneyMap, cells: Sequence[FullCell], pages: Sequence[int] | None, words: Words
) -> JourneyMap:
    """`journey` without the full cells' hidden cards, each cell ending in a note "+N more
    (see page K)" (K from `pages`, one per cell); connectors to hidden cards end at the
    note, one unlabelled arrow per note, other end and kind.

    Without `pages` the notes name no page number ("see page "): a sketch of the cut map
    whose notes are nowhere wider, so never taller, than the printed ones.
    """
    if not cells:
        return journey
    hidden: dict[str, str] = {}
    markers = []
    numbers = [words.number(page) for page in pages] if pages is not None else [""] * len(cells)
    for cell, page in zip(cells, numbers, strict=True):
        marker = cell.marker_id(journey)
        hidden.update((card.id, marker) for card in cell.hidden)
        count = len(cell.hidden)
        text = words.ngettext(
            "+{count} more (see page {page})", "+{count} more (see page {page})", count
        ).format(count=words.number(count), page=page)
        last = max(card.order for card in cell.shown) if cell.shown else 0
        markers.append(
            Card(
                id=marker,
                stage=journey.stages[cell.stage].id,
                lane=journey.lanes[cell.lane].id,
                order=last + 1,
                kind=CardKind.NOTE,
                text=text,
            )
        )
    cards = [card for card in journey.cards if card.id not in hidden] + markers
    connectors: list[Connector] = []
    merged: set[tuple[str, str, str]] = set()
    for connector in journey.connectors:
        if connector.source not in hidden and connector.target not in hidden:
            connectors.append(connector)
            continue
        # One arrow per note and kind, unlabelled: its label spoke of a card not shown.
        source = hidden.get(connector.source, connector.source)
        target = hidden.get(connector.target, connector.target)
        key = (source, target, str(connector.kind))
        if source != target and key not in merged:
            merged.add(key)
            change = {"source": source, "target": target, "label": ""}
            connectors.append(connector.model_copy(update=change))
    return journey.model_copy(update={"cards": cards, "connectors": connectors})


def appendix_paper(options: ExportOptions) -> Paper:
    """The office sheet the appendix prints on: the tiles' paper, else US Letter for a
    poster on US paper, else A4."""
    us = options.tile == "letter" or (options.tile is None and options.paper in _US_PAPERS)
    name = "letter" if us else "A4"
    return Paper(name, *PAPER_SIZES[name])


@dataclass(frozen=True, slots=True)
class Appendix:
    """The appendix pages, planned: the blocks of each page and, per full cell, the
    appendix page (0-based) its cards start on."""

    sheet: Sheet
    pages: tuple[Placed, ...]
    starts: tuple[int, ...]
    cells: tuple[FullCell, ...]

    def start_pages(self, before: int) -> tuple[int, ...]:
        """Each full cell's page number in the PDF when `before` pages precede the appendix."""
        return tuple(before + 1 + start for start in self.starts)

    def draw(
        self,
        canvas: Canvas,
        pen: Pen,
        journey: JourneyMap,
        source: str,
        before: int,
        tick: Callable[[], None] | None = None,
    ) -> None:
        """Every appendix page, numbered after the `before` pages that precede it;
        `tick` is called after each page."""
        words = Words.of(journey)
        left = f"{source}  ·  {map_date(journey, words)}"
        total = before + len(self.pages)
        label = words.gettext("Appendix")
        of_pages = words.gettext("page {number} of {count}")
        for index, placed in enumerate(self.pages, start=before + 1):
            canvas.setPageSize(self.sheet.paper.size_pt)
            where = of_pages.format(number=words.number(index), count=words.number(total))
            draw_page(pen, self.sheet, placed, left, f"{label}  ·  {where}")
            canvas.showPage()
            if tick is not None:
                tick()


def plan_appendix(
    journey: JourneyMap, cells: Sequence[FullCell], paper: Paper, fonts: FontSet, words: Words
) -> Appendix:
    """The appendix of `cells`: a heading per cell ("Stage · Lane") and its hidden cards
    in full."""
    sheet = Sheet.of(paper)
    width = sheet.width
    names = stage_names(journey, words)
    stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
    title = journey.title.strip() or words.gettext("Untitled journey map")
    intro = words.gettext(
        "These cells hold more cards than the map can show; their other cards follow in full."
    )
    header = words.gettext("Cards that did not fit on the map")
    blocks: list[Block] = [SectionHeader(fonts, width, title, header, intro, "#455a64")]
    headings: list[Block] = []
    for cell in cells:
        lane = journey.lanes[cell.lane]
        place = f"{names[cell.stage]}  ·  {lane.title.strip() or words.gettext('Lane')}"
        count = card_count(len(cell.hidden), words)
        heading = Heading(fonts, width, place, count, lane.kind, lane_icon_name(lane.kind))
        headings.append(heading)
        blocks.append(heading)
        for card in cell.hidden:
            meta = card_meta(card, journey, names, stage_index, None, words)
            blocks.append(CardBlock(fonts, width, card, meta, card_fill(card)))
    continued = words.gettext("{name} (continued)").format(name=header)
    pages = paginate(blocks, sheet, lambda: Heading(fonts, width, continued, "", "#455a64", None))
    page_of = {id(block): index for index, page in enumerate(pages) for block, _y in page}
    return Appendix(sheet, tuple(pages), tuple(page_of[id(h)] for h in headings), tuple(cells))
