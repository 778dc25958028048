"""Handouts for breakout groups: pages (A4 unless the options name a paper) per stage (its
goal, then its cards lane by lane) or per persona (that persona's cards, stage by stage),
with every card's full text, notes, votes and metrics.

Pages are planned first (blocks flowed down the page, a long card continuing on the next
page, see `flow`), then drawn, so that every footer can say "page 3 of 9".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from journeycanvas.i18n import _
from journeycanvas.io.export_summaries import handouts_summary
from journeycanvas.io.pdf.chrome import map_date
from journeycanvas.io.pdf.document import new_canvas, save_canvas
from journeycanvas.io.pdf.filtering import find_persona
from journeycanvas.io.pdf.flow import (
    Block,
    CardBlock,
    Heading,
    Note,
    Placed,
    SectionHeader,
    Sheet,
    WritingSpace,
    draw_page,
    paginate,
)
from journeycanvas.io.pdf.icons import lane_icon_name
from journeycanvas.io.pdf.options import ExportError, ExportOptions
from journeycanvas.io.pdf.paper import PAPER_SIZES, Paper, parse_paper
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.io.pdf.print_palette import PrintPalette
from journeycanvas.io.pdf.progress import Cancel, Progress, Steps
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import metric_progress
from journeycanvas.model.entities import Card, JourneyMap, Lane, Metric, Persona
from journeycanvas.model.kinds import card_kind_spec
from journeycanvas.text import FontSet

A4 = Paper("A4", *PAPER_SIZES["A4"])
"""The handouts' paper unless the options name one."""


def handout_paper(options: ExportOptions) -> Paper:
    """The paper handouts print on: the options' (portrait unless they say otherwise), A4
    when they name none."""
    paper = parse_paper(options.paper) if options.paper else A4
    return paper.oriented(options.orientation or "portrait")  # type: ignore[arg-type]


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


def card_meta(
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
    blocks: list[Block]
    continued: Callable[[], Block]
    fonts: FontSet
    notes_title: str


def stage_names(journey: JourneyMap, words: Words) -> list[str]:
    """Every stage's name, an unnamed one numbered ("Stage 2")."""
    unnamed = words.gettext("Stage {number}")
    return [
        stage.name.strip() or unnamed.format(number=words.number(i + 1))
        for i, stage in enumerate(journey.stages)
    ]


def _stage_sections(
    journey: JourneyMap, fonts: FontSet, words: Words, width: float
) -> list[_Section]:
    if not journey.stages:
        raise ExportError(_("this map has no stages to make handouts for"))
    stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
    names = stage_names(journey, words)
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
        blocks: list[Block] = [SectionHeader(fonts, width, kicker, names[index], goal, stage.color)]
        for lane in journey.lanes:
            cards = sorted(by_lane.get((lane.id, index), []), key=lambda c: (c.order, c.id))
            blocks.append(_lane_heading(fonts, width, lane, len(cards), words))
            if not cards:
                blocks.append(Note(fonts, width, words.gettext("No cards yet.")))
            for card in cards:
                meta = card_meta(card, journey, names, stage_index, None, words)
                blocks.append(CardBlock(fonts, width, card, meta, card_fill(card)))
        continued = _continued(fonts, width, _continued_title(names[index], words), stage.color)
        notes = words.gettext("Our notes")
        sections.append(_Section(names[index], blocks, continued, fonts, notes))
    return sections


def _continued_title(name: str, words: Words) -> str:
    return words.gettext("{name} (continued)").format(name=name)


def _persona_sections(
    journey: JourneyMap, fonts: FontSet, only: Persona | None, words: Words, width: float
) -> list[_Section]:
    personas = [only] if only is not None else list(journey.personas)
    if not personas:
        raise ExportError(_("this map has no personas to make handouts for"))
    stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
    lane_index = {lane.id: i for i, lane in enumerate(journey.lanes)}
    lane_titles = {lane.id: lane.title.strip() for lane in journey.lanes}
    names = stage_names(journey, words)
    title = journey.title.strip() or words.gettext("Untitled journey map")
    of_personas = words.gettext("Persona {number} of {count}")
    sections = []
    for number, persona in enumerate(personas, start=1):
        name = persona.name.strip() or words.gettext("Persona")
        place = of_personas.format(number=words.number(number), count=words.number(len(personas)))
        kicker = f"{place}  ·  {title}"
        detail = persona.description.strip()
        blocks: list[Block] = [SectionHeader(fonts, width, kicker, name, detail, persona.color)]
        cards = [c for c in journey.cards if persona.id in c.personas and c.stage in stage_index]
        if not cards:
            untagged = words.gettext("No cards are tagged with {name} yet.")
            blocks.append(Note(fonts, width, untagged.format(name=name)))
        for index, stage in enumerate(journey.stages):
            here = sorted(
                (c for c in cards if stage_index[c.stage] == index),
                key=lambda c: (lane_index.get(c.lane, 0), c.order, c.id),
            )
            if not here:
                continue
            count = card_count(len(here), words)
            blocks.append(Heading(fonts, width, names[index], count, stage.color, None))
            for card in here:
                lane_title = lane_titles.get(card.lane)
                meta = card_meta(card, journey, names, stage_index, lane_title, words)
                blocks.append(CardBlock(fonts, width, card, meta, card_fill(card)))
        continued = _continued(fonts, width, _continued_title(name, words), persona.color)
        notes = words.gettext("Our notes")
        sections.append(_Section(name, blocks, continued, fonts, notes))
    return sections


def card_count(count: int, words: Words) -> str:
    """ "3 cards", in the printout's language."""
    label = words.ngettext("{count} card", "{count} cards", count)
    return label.format(count=words.number(count))


def _lane_heading(fonts: FontSet, width: float, lane: Lane, count: int, words: Words) -> Heading:
    label = card_count(count, words)
    title = lane.title.strip() or words.gettext("Lane")
    return Heading(fonts, width, title, label, lane.kind, lane_icon_name(lane.kind))


def _continued(fonts: FontSet, width: float, title: str, color: str) -> Callable[[], Block]:
    return lambda: Heading(fonts, width, title, "", color, None)


def card_fill(card: Card) -> str:
    """A card's fill: its own colour, else its kind's."""
    return card.color or card_kind_spec(card.kind).fill


def _paginate(section: _Section, sheet: Sheet) -> list[Placed]:
    """The section's blocks on pages of `sheet`, with ruled space for notes at the end."""
    fonts, title = section.fonts, section.notes_title
    return paginate(
        section.blocks,
        sheet,
        section.continued,
        lambda height: WritingSpace(fonts, sheet.width, height, title),
    )


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
    sheet = Sheet.of(handout_paper(options))
    if options.handouts == "persona":
        only = find_persona(journey, options.persona) if options.persona else None
        sections = _persona_sections(journey, fonts, only, words, sheet.width)
    else:
        sections = _stage_sections(shown, fonts, words, sheet.width)
    pages = [(section, page) for section in sections for page in _paginate(section, sheet)]
    steps = Steps(len(pages), progress, cancel, every=1)
    canvas = new_canvas(path, journey, sheet.paper, fonts)
    pen = Pen(canvas, fonts, palette)
    footer_left = f"{source}  ·  {map_date(journey, words)}"
    of_pages = words.gettext("page {number} of {count}")
    for number, (section, page) in enumerate(pages, start=1):
        where = of_pages.format(number=words.number(number), count=words.number(len(pages)))
        draw_page(pen, sheet, page, footer_left, f"{section.label}  ·  {where}")
        canvas.showPage()
        steps.advance()
    save_canvas(canvas)
    steps.finish()
    paper = sheet.paper.name or sheet.paper.label
    summary = handouts_summary(len(pages), paper, len(sections), options.handouts == "persona")
    return len(pages), summary
