"""One map as stable lines of text: what ``git diff`` compares through a textconv.

Each object starts a line of its own that names it (stages and lanes by position, cards by
cell and place), followed by one indented ``field: value`` line per field that is set. The
order follows the map (stages left to right, cards by cell and place), so moving a card
changes the lines of that card only and a line diff reads like a list of changes. The
headlines are worded in the interface language (the terminal's, for ``git diff``); field
names and values are written as in the file.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from journeycanvas.io.errors import printable
from journeycanvas.merge.describe import cell_name, quote
from journeycanvas.merge.tables import cell_of, tables_of
from journeycanvas.merge.wording import Wording
from journeycanvas.model.entities import JourneyMap

SKIPPED_MAP_FIELDS = ("format", "version", "id", "title", "modified")
"""Map fields left out of the body: the envelope, the headline, and the time every save
changes."""

HEADLINE_FIELDS = {
    "personas": ("id", "name"),
    "stages": ("id", "name"),
    "lanes": ("id", "title", "kind"),
    "cards": ("id", "stage", "lane", "order", "kind", "text"),
    "connectors": ("id", "source", "target", "kind"),
}
"""Fields each object's first line already shows."""


def render_text(journey: JourneyMap, words: Wording | None = None) -> str:
    """`journey` as text: a headline per object, then its set fields, one per line."""
    words = words or Wording.interface()
    t = words.t
    tables = tables_of(journey)
    items = tables.items
    lines = [f"{words.object('map', _quoted(journey.title))} [{printable(journey.id)}]"]
    lines += _field_lines(tables.fields, SKIPPED_MAP_FIELDS)
    for index, (key, persona) in enumerate(items["personas"].items(), start=1):
        headline = t.gettext("persona {number} {name}").format(
            number=words.number(index), name=_quoted(persona["name"])
        )
        lines.append(f"{headline} [{printable(key)}]")
        lines += _field_lines(persona, HEADLINE_FIELDS["personas"])
    for index, (key, stage) in enumerate(items["stages"].items(), start=1):
        headline = t.gettext("stage {number} {name}").format(
            number=words.number(index), name=_quoted(stage["name"])
        )
        lines.append(f"{headline} [{printable(key)}]")
        lines += _field_lines(stage, HEADLINE_FIELDS["stages"])
    for index, (key, lane) in enumerate(items["lanes"].items(), start=1):
        headline = t.gettext("lane {number} {name}").format(
            number=words.number(index), name=_quoted(lane["title"])
        )
        lines.append(f"{headline} [{printable(key)}] {printable(lane['kind'])}")
        lines += _field_lines(lane, HEADLINE_FIELDS["lanes"])
    stage_rank = {key: index for index, key in enumerate(items["stages"])}
    lane_rank = {key: index for index, key in enumerate(items["lanes"])}
    cards = sorted(
        items["cards"].values(),
        key=lambda card: (stage_rank[card["stage"]], lane_rank[card["lane"]], card["order"]),
    )
    for card in cards:
        # Translators: a card's headline in git diff: "card in Try / Touchpoints, place 1".
        headline = t.gettext("card in {cell}, place {number}").format(
            cell=cell_name(cell_of(card), items["stages"], items["lanes"], words),
            number=words.number(card["order"] + 1),
        )
        kind = words.kind(card["kind"])
        lines.append(f"{headline} [{printable(card['id'])}]: {kind} {_quoted(card['text'])}")
        lines += _field_lines(card, HEADLINE_FIELDS["cards"])
    for key, connector in sorted(items["connectors"].items()):
        ends = words.connector_name(
            _card_text(items["cards"], connector["source"], words),
            _card_text(items["cards"], connector["target"], words),
        )
        headline = words.object("connectors", ends)
        lines.append(f"{headline} [{printable(key)}] {printable(connector['kind'])}")
        lines += _field_lines(connector, HEADLINE_FIELDS["connectors"])
    for key, asset in sorted(items["assets"].items()):
        digest = hashlib.sha256(asset["data"].encode("ascii", "replace")).hexdigest()[:12]
        size = len(asset["data"]) * 3 // 4
        headline = t.ngettext(
            "picture {id}: {type}, {count} byte", "picture {id}: {type}, {count} bytes", size
        ).format(
            id=f"[{printable(key)}]", type=printable(asset["media_type"]), count=words.number(size)
        )
        lines.append(f"{headline}, sha256 {digest}…")
        lines += _field_lines(asset, ("media_type", "data"))
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return f"'{_one_line(text)}'"


def _card_text(cards: dict[str, dict[str, Any]], key: str, words: Wording) -> str:
    card = cards.get(key)
    return quote(card["text"], words) if card else f"[{printable(key)}]"


def _field_lines(item: dict[str, Any], skipped: tuple[str, ...]) -> list[str]:
    return [
        f"  {printable(key)}: {_one_line(value)}"
        for key, value in item.items()
        if key not in skipped and value not in ("", None, [], {})
    ]


def _one_line(value: Any) -> str:
    # Line breaks inside a text are shown as \n, so that every field stays on its line.
    if isinstance(value, str):
        return printable(value)
    return printable(json.dumps(value, ensure_ascii=False, default=str))
