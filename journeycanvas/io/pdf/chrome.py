"""The frame around a printed map: title block, legend, persona strip and footer.

Sizes grow with the paper (`chrome_factor`), so an A0 poster's title reads from across
the room and an A4 print's does not crowd the map.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from journeycanvas.io.pdf.colors import FAINT, GRID, INK, MUTED, PAPER, connector_color, ink_on, mix
from journeycanvas.io.pdf.drawing import centered_text
from journeycanvas.io.pdf.icons import card_icon_name
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.io.pdf.print_palette import persona_initials
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import MM_PER_PT, JourneyLayout, Rect, TextBlock
from journeycanvas.layout.text_blocks import text_block
from journeycanvas.model.entities import JourneyMap
from journeycanvas.model.kinds import CARD_KINDS, card_kind_spec
from journeycanvas.text import FontSet

A4_SHORT_SIDE_MM = 210.0
LINE_SPACING = 1.25


def chrome_factor(width: float, height: float) -> float:
    """How much larger than on A4 the frame's type and margins are on a `width` × `height`
    page: grows less than the page, so big posters do not shout."""
    return max(0.85, min(4.0, (min(width, height) / A4_SHORT_SIDE_MM) ** 0.75))


def map_date(journey: JourneyMap, words: Words) -> str:
    """The date to print for a map, the way its language writes dates: last modified,
    else created, else today."""
    for stamp in (journey.modified, journey.created):
        try:
            return words.date(date.fromisoformat(stamp[:10])) if stamp else ""
        except ValueError:
            continue
    return words.date(datetime.now(UTC).date())


@dataclass(frozen=True, slots=True)
class TitleInfo:
    """What the title block says: title, scenario, and label/value lines on the right."""

    title: str
    scenario: str
    facts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, journey: JourneyMap, words: Words, *extra: tuple[str, str]) -> TitleInfo:
        """The title block of a map: owner and date, then `extra` facts, labelled in the
        map's language."""
        facts = [
            (words.gettext("Owner"), journey.owner.strip()),
            (words.gettext("Date"), map_date(journey, words)),
            *extra,
        ]
        return cls(
            journey.title.strip() or words.gettext("Untitled journey map"),
            journey.scenario.strip(),
            tuple((label, value) for label, value in facts if value),
        )


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One legend item: a card kind's swatch, a persona's dot, or a numbered marker."""

    label: str
    color: str
    kind: str | None = None
    number: str = ""
    """A connector label's marker number: drawn in a disc, the label's text beside it."""
    initials: str = ""
    """A persona's initials, printed in its dot as on the cards."""


def kind_legend(kinds: set[str], words: Words) -> list[LegendEntry]:
    """Legend entries for the card kinds used, in the registry's order, named in the map's
    language; kinds this version does not know follow, by their raw names."""
    ordered = [kind for kind in CARD_KINDS if kind in kinds]
    ordered += sorted(str(kind) for kind in kinds if kind not in CARD_KINDS)
    specs = [card_kind_spec(kind) for kind in ordered]
    return [LegendEntry(words.kind(spec.id), spec.fill, spec.id) for spec in specs]


def marker_legend(journey: JourneyMap, layout: JourneyLayout) -> list[LegendEntry]:
    """Legend entries for the connector labels that had no room on the map: each
    marker's number with the label's full text, once per number."""
    texts = {connector.id: connector.label for connector in journey.connectors}
    entries: dict[int, LegendEntry] = {}
    for connector in layout.connectors.values():
        number = connector.marker
        if number is not None and number not in entries:
            label = " ".join(texts.get(connector.id, "").split())
            entries[number] = LegendEntry(label, connector_color(connector.kind), None, str(number))
    return [entries[number] for number in sorted(entries)]


def persona_legend(journey: JourneyMap, words: Words) -> list[LegendEntry]:
    """Legend entries for the map's personas."""
    unnamed = words.gettext("Persona")
    initials = persona_initials(journey.personas)
    return [
        LegendEntry(p.name.strip() or unnamed, p.color, initials=initials[p.id])
        for p in journey.personas
    ]


class Chrome:
    """Measures and draws the frame of a page `width` mm wide at size factor `factor`."""

    def __init__(self, fonts: FontSet, width: float, factor: float) -> None:
        self.fonts = fonts
        self.width = width
        self.factor = factor
        self.margin = 10.0 * factor
        self.gap = 4.0 * factor
        self.title_pt = 20.0 * factor
        self.scenario_pt = 9.5 * factor
        self.fact_pt = 8.0 * factor
        self.legend_pt = 7.5 * factor
        self.footer_pt = 6.5 * factor

    @property
    def inner_width(self) -> float:
        """The width between the margins."""
        return self.width - 2 * self.margin

    # ------------------------------------------------------------------ title block

    def _facts_width(self, info: TitleInfo) -> float:
        if not info.facts:
            return 0.0
        widest = max(
            self.fonts.width(f"{label}  {value}", self.fact_pt, bold=True)
            for label, value in info.facts
        )
        return min(widest * MM_PER_PT + 1.0, self.inner_width * 0.35)

    def _title_blocks(self, info: TitleInfo) -> tuple[TextBlock, TextBlock]:
        text_w = self.inner_width - self._facts_width(info) - self.gap
        title = text_block(
            self.fonts, info.title, Rect(0, 0, text_w, 0), self.title_pt, 1.15, 2, bold=True
        )
        scenario = text_block(
            self.fonts,
            info.scenario,
            Rect(0, title.box.bottom + 1.2 * self.factor, text_w, 0),
            self.scenario_pt,
            LINE_SPACING,
            2,
        )
        return title, scenario

    def shortened(self, info: TitleInfo) -> frozenset[str]:
        """The parts of the title block cut short with an ellipsis at this width: "title",
        "scenario", "facts"."""
        title, scenario = self._title_blocks(info)
        facts_w = self._facts_width(info)
        cut = [
            title.truncated and "title",
            scenario.truncated and "scenario",
            any(
                self.fonts.wrap(value, facts_w / MM_PER_PT, self.fact_pt, 1, True).truncated
                for _, value in info.facts
            )
            and "facts",
        ]
        return frozenset(part for part in cut if part)

    def header_height(self, info: TitleInfo) -> float:
        """The height of the title block, rule included."""
        title, scenario = self._title_blocks(info)
        text_h = scenario.box.bottom if info.scenario else title.box.bottom
        facts_h = len(info.facts) * self.fact_pt * LINE_SPACING * MM_PER_PT
        return max(text_h, facts_h) + self.gap

    def draw_header(self, pen: Pen, info: TitleInfo, x: float, y: float, accent: str) -> None:
        """The title block with its top-left corner at (x, y), and a rule under it."""
        title, scenario = self._title_blocks(info)
        pen.fill(INK)
        pen.block(title, x, y)
        if info.scenario:
            pen.fill(MUTED)
            pen.block(scenario, x, y)
        facts_w = self._facts_width(info)
        right = x + self.inner_width
        line_h = self.fact_pt * LINE_SPACING * MM_PER_PT
        for index, (label, value) in enumerate(info.facts):
            box = Rect(right - facts_w, y + index * line_h, facts_w, 0)
            value_block = text_block(
                self.fonts, value, box, self.fact_pt, LINE_SPACING, 1, bold=True
            )
            value_w = self.fonts.width(value_block.lines[0], self.fact_pt, True) * MM_PER_PT
            pen.fill(INK)
            pen.text(
                right - value_w, value_block.baselines[0], value_block.lines[0], self.fact_pt, True
            )
            label_w = self.fonts.width(label, self.fact_pt) * MM_PER_PT
            pen.fill(FAINT)
            pen.text(
                right - value_w - label_w - 1.5 * self.factor,
                value_block.baselines[0],
                label,
                self.fact_pt,
            )
        rule_y = y + self.header_height(info) - self.gap / 2
        pen.stroke(accent, 0.5 * self.factor)
        pen.line(x, rule_y, x + self.inner_width, rule_y)

    # ------------------------------------------------------------------ legend

    def _legend_rows(
        self, groups: list[tuple[str, list[LegendEntry]]]
    ) -> list[list[tuple[float, str, LegendEntry | None]]]:
        """Legend items flowed into rows: (x offset, label, entry or None for a heading)."""
        swatch = self.legend_pt * 1.1 * MM_PER_PT
        item_gap = 3.0 * self.factor
        rows: list[list[tuple[float, str, LegendEntry | None]]] = [[]]
        x = 0.0
        for heading, entries in groups:
            if not entries:
                continue
            if rows[-1]:
                x += item_gap * 2
            items: list[tuple[str, LegendEntry | None, float]] = [
                (heading, None, self.fonts.width(heading, self.legend_pt, True) * MM_PER_PT)
            ]
            for legend_entry in entries:
                label_w = self.fonts.width(legend_entry.label, self.legend_pt) * MM_PER_PT
                items.append(
                    (legend_entry.label, legend_entry, swatch + 1.2 * self.factor + label_w)
                )
            for label, entry, width in items:
                if rows[-1] and x + width > self.inner_width:
                    rows.append([])
                    x = 0.0
                rows[-1].append((x, label, entry))
                x += width + item_gap
        return [row for row in rows if row]

    def legend_height(self, groups: list[tuple[str, list[LegendEntry]]]) -> float:
        """The height of the legend strip (0 when there is nothing to explain)."""
        rows = self._legend_rows(groups)
        if not rows:
            return 0.0
        return len(rows) * self.legend_pt * 1.6 * MM_PER_PT + self.gap

    def draw_legend(
        self, pen: Pen, groups: list[tuple[str, list[LegendEntry]]], x: float, y: float
    ) -> None:
        """The legend strip from (x, y): headings, kind swatches and persona dots."""
        row_h = self.legend_pt * 1.6 * MM_PER_PT
        swatch = self.legend_pt * 1.1 * MM_PER_PT
        baseline_shift = row_h / 2 + self.legend_pt * 0.35 * MM_PER_PT
        top = y + self.gap / 2
        for index, row in enumerate(self._legend_rows(groups)):
            row_y = top + index * row_h
            for offset, label, entry in row:
                left = x + offset
                if entry is None:
                    pen.fill(MUTED)
                    pen.text(left, row_y + baseline_shift, label, self.legend_pt, True)
                    continue
                sy = row_y + (row_h - swatch) / 2
                if entry.kind is not None:
                    fill = pen.palette.kind_fill(entry.kind)
                    pen.fill(fill)
                    pen.stroke(mix(fill, INK, 0.22), 0.15 * self.factor)
                    pen.round_rect(left, sy, swatch * 1.6, swatch, swatch * 0.2, "B")
                    accent = pen.palette.kind_accent(entry.kind)
                    pen.fill(accent)
                    pen.stroke(accent)
                    inset = swatch * 0.18
                    pen.form(
                        card_icon_name(entry.kind),
                        left + swatch * 0.8 - (swatch - 2 * inset) / 2,
                        sy + inset,
                        swatch - 2 * inset,
                        swatch - 2 * inset,
                    )
                    text_x = left + swatch * 1.6 + 1.2 * self.factor
                elif entry.number:
                    self._draw_marker(pen, entry, left, sy, swatch)
                    text_x = left + swatch + 1.2 * self.factor
                else:
                    pen.fill(entry.color)
                    pen.circle(left + swatch / 2, sy + swatch / 2, swatch / 2)
                    if entry.initials:
                        pen.fill(ink_on(entry.color))
                        centered_text(
                            pen, entry.initials, left + swatch / 2, sy + swatch / 2, swatch
                        )
                    text_x = left + swatch + 1.2 * self.factor
                pen.fill(INK)
                pen.text(text_x, row_y + baseline_shift, label, self.legend_pt)

    def _draw_marker(self, pen: Pen, entry: LegendEntry, x: float, y: float, size: float) -> None:
        """A marker's numbered disc, as on the map."""
        pen.fill(PAPER)
        pen.stroke(entry.color, 0.2 * self.factor)
        pen.circle(x + size / 2, y + size / 2, size / 2, "B")
        number_pt = self.legend_pt * 0.8
        width = self.fonts.width(entry.number, number_pt, True) * MM_PER_PT
        pen.fill(INK)
        baseline = y + size / 2 + number_pt * 0.35 * MM_PER_PT
        pen.text(x + (size - width) / 2, baseline, entry.number, number_pt, True)

    # ------------------------------------------------------------------ footer

    @property
    def footer_height(self) -> float:
        """The height of the footer line."""
        return self.footer_pt * LINE_SPACING * MM_PER_PT

    def draw_footer(self, pen: Pen, left: str, right: str, x: float, y: float) -> None:
        """A thin rule and one line of small type: `left` and `right` aligned to the edges."""
        pen.stroke(GRID, 0.15 * self.factor)
        pen.line(x, y - 0.8 * self.factor, x + self.inner_width, y - 0.8 * self.factor)
        baseline = y + self.footer_pt * 1.0 * MM_PER_PT
        right_w = self.fonts.width(right, self.footer_pt) * MM_PER_PT
        box = Rect(0, 0, max(0.0, self.inner_width - right_w - self.gap), 0)
        left_line = text_block(self.fonts, left, box, self.footer_pt, LINE_SPACING, 1).lines
        pen.fill(MUTED)
        if left_line:
            pen.text(x, baseline, left_line[0], self.footer_pt)
        pen.text(x + self.inner_width - right_w, baseline, right, self.footer_pt)
