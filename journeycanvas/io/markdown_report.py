"""The map as a Markdown report, to paste into a wiki, an e-mail or a workshop summary.

Sections: the map header; stages with their goals and mean emotion score; pain points
ranked by votes, each with the content ideas linked to it; the workshop's voting rounds,
each ranked (when there are any); content ideas linked to no
pain point; the metric of every touchpoint against its target.

A content idea is linked to a pain point by a connector in either direction (the
strongest link), by sitting in the same cell, or by sharing a stage (spans count). A
metric is met when its value reaches its target; the format has no "lower is better".
All user text is escaped, so that it shows as written and never turns into Markdown.
The report is written in the map's language (its `locale`): headings and labels from the
catalogues, numbers, percentages and dates the way that locale writes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from journeycanvas.i18n import (
    Translations,
    format_date,
    format_decimal,
    format_number,
    format_percent,
    translator_for,
)
from journeycanvas.model import Card, CardKind, JourneyMap, Metric

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")
_LIST_MARKER_START = re.compile(r"^([-+])")
_ORDERED_MARKER_START = re.compile(r"^(\d+)([.)])")
_LINK_REASONS = ("connector", "same cell", "same stage")
_CONTEXT = "Markdown report"


def _reason_text(reason: str, t: Translations) -> str:
    texts = {
        "connector": t.pgettext(_CONTEXT, "connector"),
        "same cell": t.pgettext(_CONTEXT, "same cell"),
        "same stage": t.pgettext(_CONTEXT, "same stage"),
    }
    return texts[reason]


def escape_markdown(text: str) -> str:
    """`text` on one line, with every character Markdown would act on escaped."""
    flat = " ".join(text.split())
    escaped = _INLINE_SPECIAL.sub(r"\\\1", flat)
    escaped = _LIST_MARKER_START.sub(r"\\\1", escaped)
    return _ORDERED_MARKER_START.sub(r"\1\\\2", escaped)


def markdown_report(journey: JourneyMap, locale: str | None = None) -> str:
    """The whole report for `journey`, as Markdown text ending in a newline, in `locale`
    (by default the map's own)."""
    report = _Report(journey, journey.locale if locale is None else locale)
    sections = [
        report.header(),
        report.stages(),
        report.pain_points(),
        report.workshop_rounds(),
        report.unlinked_ideas(),
        report.metrics(),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


def _table(head: Iterable[str], rows: list[list[str]], align: Iterable[str]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


class _Report:
    """Lookups over one map shared by the sections of its report."""

    def __init__(self, journey: JourneyMap, locale: str) -> None:
        self.journey = journey
        self.locale = locale
        self.t = translator_for(locale)
        self.stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
        self.lane_index = {lane.id: i for i, lane in enumerate(journey.lanes)}
        self.lane_titles = {lane.id: lane.title for lane in journey.lanes}
        positions = {card.id: i for i, card in enumerate(journey.cards)}
        self.cards = sorted(
            journey.cards,
            key=lambda c: (
                self.stage_index.get(c.stage, len(self.stage_index)),
                self.lane_index.get(c.lane, len(self.lane_index)),
                c.order,
                positions[c.id],
            ),
        )
        self.rank = {card.id: i for i, card in enumerate(self.cards)}
        self.pain_cards = [c for c in self.cards if c.kind == CardKind.PAIN_POINT]
        self.idea_cards = [c for c in self.cards if c.kind == CardKind.CONTENT_IDEA]
        self.links = self._link_ideas()

    # ------------------------------------------------------------ pieces

    def text(self, card: Card) -> str:
        """The card's text, escaped, never empty."""
        return escape_markdown(card.text) or self.tr("(no text)")

    def stage_range(self, card: Card) -> range:
        """The columns a card covers; empty when its stage is unknown."""
        first = self.stage_index.get(card.stage, -1)
        return range(first, first + card.span) if first >= 0 else range(0)

    def where(self, card: Card) -> str:
        """'Know → Trust · Pain points': the stages a card covers and its lane."""
        stages = self.journey.stages
        covered = self.stage_range(card)
        if covered:
            names = [stages[covered[0]].name]
            if len(covered) > 1:
                names.append(stages[min(covered[-1], len(stages) - 1)].name)
            stage = " → ".join(escape_markdown(name) for name in names)
        else:
            stage = self.tr("(no stage)")
        lane = escape_markdown(self.lane_titles.get(card.lane, "")) or self.tr("(no lane)")
        return f"{stage} · {lane}"

    def tr(self, text: str) -> str:
        """`text` in the report's language."""
        return self.t.pgettext(_CONTEXT, text)

    def date(self, stamp: str) -> str:
        """An ISO timestamp's date the locale's way (the stamp itself if it is no date)."""
        try:
            return format_date(dt.date.fromisoformat(stamp[:10]), self.locale)
        except ValueError:
            return stamp[:10]

    def _link_ideas(self) -> dict[str, list[tuple[Card, str]]]:
        """For each pain point, its linked ideas with the reason, strongest first."""
        connected: dict[str, set[str]] = defaultdict(set)
        for connector in self.journey.connectors:
            connected[connector.source].add(connector.target)
            connected[connector.target].add(connector.source)
        idea_by_id = {idea.id: idea for idea in self.idea_cards}
        ideas_in_stage: dict[int, list[Card]] = defaultdict(list)
        for idea in self.idea_cards:
            for column in self.stage_range(idea):
                ideas_in_stage[column].append(idea)
        links: dict[str, list[tuple[Card, str]]] = {}
        for pain in self.pain_cards:
            reasons: dict[str, tuple[Card, str]] = {}
            for column in self.stage_range(pain):
                for idea in ideas_in_stage[column]:
                    same_cell = (pain.stage, pain.lane) == (idea.stage, idea.lane)
                    reasons[idea.id] = (idea, "same cell" if same_cell else "same stage")
            for other in connected[pain.id]:
                if other in idea_by_id:
                    reasons[other] = (idea_by_id[other], "connector")
            links[pain.id] = sorted(
                reasons.values(),
                key=lambda link: (_LINK_REASONS.index(link[1]), self.rank[link[0].id]),
            )
        return links

    # ------------------------------------------------------------ sections

    def header(self) -> str:
        """The title and the map's scenario, owner and date."""
        journey = self.journey
        untitled = self.tr("Untitled journey")
        lines = [f"# {escape_markdown(journey.title) or untitled}"]
        stamp = journey.modified or journey.created
        facts = [
            (self.tr("Scenario"), escape_markdown(journey.scenario)),
            (self.tr("Owner"), escape_markdown(journey.owner)),
            (self.tr("Date"), self.date(stamp) if stamp else ""),
        ]
        present = [f"- **{label}:** {value}" for label, value in facts if value]
        if present:
            lines += ["", *present]
        return "\n".join(lines)

    def stages(self) -> str:
        """Every stage with its goal and the mean score of its emotion cards."""
        heading = "## " + self.tr("Stages")
        if not self.journey.stages:
            return f"{heading}\n\n" + self.tr("No stages yet.")
        scores: dict[str, list[int]] = {stage.id: [] for stage in self.journey.stages}
        for card in self.cards:
            if card.kind == CardKind.EMOTION and card.emotion is not None and card.stage in scores:
                scores[card.stage].append(card.emotion)
        rows = []
        for number, stage in enumerate(self.journey.stages, start=1):
            values = scores[stage.id]
            emotion = self.signed(sum(values) / len(values)) if values else "—"
            rows.append(
                [str(number), escape_markdown(stage.name), escape_markdown(stage.goal), emotion]
            )
        head = ("#", self.tr("Stage"), self.tr("Goal"), self.tr("Emotion"))
        table = _table(head, rows, ("--:", "---", "---", "--:"))
        return f"{heading}\n\n{table}"

    def signed(self, value: float) -> str:
        """A mean score with its sign and one decimal ("+0.5", "-1,3" in Swedish)."""
        sign = "+" if value >= 0 else "-"
        return sign + format_decimal(abs(value), self.locale, 1)

    def pain_points(self) -> str:
        """Pain points, most votes first, each with its linked content ideas."""
        heading = "## " + self.tr("Pain points by votes")
        if not self.pain_cards:
            return f"{heading}\n\n" + self.tr("No pain points yet.")
        ranked = sorted(self.pain_cards, key=lambda card: -card.votes)
        items = []
        for rank, pain in enumerate(ranked, start=1):
            marker = f"{rank}. "
            indent = " " * len(marker)
            votes = self.t.npgettext(_CONTEXT, "{count} vote", "{count} votes", pain.votes).format(
                count=self.number(pain.votes)
            )
            lines = [f"{marker}**{self.text(pain)}** — {votes} · {self.where(pain)}"]
            links = self.links[pain.id]
            if links:
                lines.append(f"{indent}- " + self.tr("Content ideas:"))
                lines += [
                    f"{indent}  - {self.text(idea)} — {self.where(idea)} "
                    f"({_reason_text(reason, self.t)})"
                    for idea, reason in links
                ]
            else:
                lines.append(f"{indent}- " + self.tr("No content ideas linked yet."))
            items.append("\n".join(lines))
        return f"{heading}\n\n" + "\n".join(items)

    def workshop_rounds(self) -> str:
        """Each workshop voting round, oldest first, its cards ranked (empty when none)."""
        sections = []
        for round_ in self.journey.workshop_rounds:
            how = self.tr("anonymous") if round_.anonymous else self.tr("named")
            heading = escape_markdown(round_.title) or self.tr("Voting round")
            people = self.t.npgettext(
                _CONTEXT, "{count} participant", "{count} participants", round_.participants
            ).format(count=self.number(round_.participants))
            each = self.t.npgettext(
                _CONTEXT, "{count} vote each", "{count} votes each", round_.votes_per_participant
            ).format(count=self.number(round_.votes_per_participant))
            lines = [f"### {heading} — {round_.date[:10]}", "", f"{people}, {each}, {how}.", ""]
            for rank, result in enumerate(round_.results, start=1):
                text = escape_markdown(result.text) or escape_markdown(result.card)
                votes = self.t.npgettext(
                    _CONTEXT, "{count} vote", "{count} votes", result.votes
                ).format(count=self.number(result.votes))
                line = f"{rank}. **{text}** — {votes}"
                if result.voters:
                    line += f" ({', '.join(escape_markdown(v) for v in result.voters)})"
                lines.append(line)
            sections.append("\n".join(lines))
        if not sections:
            return ""
        return "## " + self.tr("Workshop voting rounds") + "\n\n" + "\n\n".join(sections)

    def unlinked_ideas(self) -> str:
        """Content ideas no pain point links to (empty when there are none)."""
        linked = {idea.id for links in self.links.values() for idea, _ in links}
        alone = [idea for idea in self.idea_cards if idea.id not in linked]
        if not alone:
            return ""
        items = [f"- {self.text(idea)} — {self.where(idea)}" for idea in alone]
        heading = "## " + self.tr("Content ideas not linked to a pain point")
        return f"{heading}\n\n" + "\n".join(items)

    def metrics(self) -> str:
        """Every touchpoint (and measured metric card) against its target."""
        measured = [
            card
            for card in self.cards
            if card.kind == CardKind.TOUCHPOINT
            or (card.kind == CardKind.METRIC and card.metric is not None)
        ]
        heading = "## " + self.tr("Metrics per touchpoint")
        if not measured:
            return f"{heading}\n\n" + self.tr("No touchpoints yet.")
        rows = [
            [self.where(card), self.text(card), *self.metric_cells(card.metric)]
            for card in measured
        ]
        head = (
            self.tr("Where"),
            self.tr("Touchpoint"),
            self.tr("Metric"),
            self.tr("Value / target"),
            self.tr("Of target"),
            self.tr("Met"),
        )
        table = _table(head, rows, ("---", "---", "---", "--:", "--:", ":-:"))
        return f"{heading}\n\n{table}"

    def metric_cells(self, metric: Metric | None) -> list[str]:
        """Name, 'value / target unit', percentage of target and ✓ when met; blanks as —."""
        if metric is None:
            return [self.tr("no metric"), "—", "—", ""]
        number = self.number
        value = "—" if metric.value is None else number(metric.value)
        amount = value if metric.target is None else f"{value} / {number(metric.target)}"
        if metric.unit:
            amount = f"{amount} {escape_markdown(metric.unit)}"
        share, met = "—", ""
        if metric.value is not None and metric.target is not None:
            if metric.target:
                share = format_percent(round(metric.value / metric.target, 2), self.locale)
            met = "✓" if metric.value >= metric.target else ""
        return [escape_markdown(metric.name) or "—", amount, share, met]

    def number(self, value: float) -> str:
        """`value` the locale's way (grouped, its decimal sign; nothing Markdown acts on)."""
        return format_number(value, self.locale)

    def count(self, singular: str, plural: str, n: int) -> str:
        """ "{count} votes" and the like: the plural form for `n`, with `n` written the
        locale's way."""
        form = self.t.npgettext(_CONTEXT, singular, plural, n)
        return form.format(count=self.number(n))
