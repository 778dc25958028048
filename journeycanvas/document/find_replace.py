"""Find and replace across the cards' texts, notes and tags, as one undo step."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from journeycanvas.document import multi_edit
from journeycanvas.document.changes import Entity
from journeycanvas.document.document import Document

REPLACED_FIELDS = ("text", "notes")
"""The card fields replace rewrites, besides each of its tags."""


@dataclass(frozen=True, slots=True)
class Query:
    """What to look for: the words typed, whether case must match, whether whole words."""

    text: str
    match_case: bool = False
    whole_words: bool = False

    def pattern(self) -> re.Pattern[str] | None:
        """The query as a regular expression (None for a blank query)."""
        needle = self.text.strip()
        if not needle:
            return None
        body = re.escape(needle)
        if self.whole_words:
            # A word edge that also holds for words starting or ending in punctuation.
            body = rf"(?<!\w){body}(?!\w)"
        return re.compile(body, 0 if self.match_case else re.IGNORECASE)


def replaced_fields(card: Any, pattern: re.Pattern[str], replacement: str) -> dict[str, Any]:
    """The fields of `card` that replacing `pattern` by `replacement` changes, with their
    new values (tags left empty are dropped, repeats merged)."""
    changes: dict[str, Any] = {}
    for name in REPLACED_FIELDS:
        value = getattr(card, name)
        new = pattern.sub(lambda _match: replacement, value)
        if new != value:
            changes[name] = new
    tags = [pattern.sub(lambda _match: replacement, tag).strip() for tag in card.tags]
    tags = [tag for tag in dict.fromkeys(tags) if tag]
    if tags != card.tags:
        changes["tags"] = tags
    return changes


def replace_all(document: Document, query: Query, replacement: str) -> int:
    """Replace every match of `query` in the cards' texts, notes and tags by `replacement`,
    as one undo step; returns how many cards changed."""
    pattern = query.pattern()
    if pattern is None:
        return 0
    hits = [
        card.id for card in document.journey.cards if replaced_fields(card, pattern, replacement)
    ]
    if not hits:
        return 0
    text = QCoreApplication.translate("Command", "Replace in %n cards", None, len(hits))
    multi_edit.edit_each(
        document,
        Entity.CARD,
        hits,
        lambda card: replaced_fields(card, pattern, replacement),
        text,
    )
    return len(hits)
