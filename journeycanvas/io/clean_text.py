"""Text made safe to write into any export file: XML, CSV, Markdown and PDF.

A map built in memory (or pasted into) may hold control characters, which XML forbids, and
lone surrogates, which cannot be encoded as UTF-8 at all. Exports clean every text of the
map first: C0 controls other than tab, line feed and carriage return go, as do U+FFFE and
U+FFFF; a lone surrogate becomes the replacement character U+FFFD.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from journeycanvas.model.entities import JourneyMap

REPLACEMENT = "\ufffd"
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` with what no export file can hold removed (surrogates replaced by U+FFFD)."""
    if not _UNWRITABLE.search(text):
        return text
    return _UNWRITABLE.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return REPLACEMENT if "\ud800" <= match.group() <= "\udfff" else ""


def clean_map(journey: JourneyMap) -> JourneyMap:
    """`journey` with every text of its fields cleaned; the same object when all are clean."""
    cleaned = _clean_model(journey)
    assert isinstance(cleaned, JourneyMap)
    return cleaned


def _clean_model(model: BaseModel) -> BaseModel:
    changes: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        new = _clean_value(value)
        if new is not value:
            changes[name] = new
    return model.model_copy(update=changes) if changes else model


def _clean_value(value: Any) -> Any:
    """`value` cleaned, or `value` itself (the same object) when nothing needed cleaning."""
    if isinstance(value, str):
        new = clean_text(value)
        return value if new == value else new
    if isinstance(value, BaseModel):
        return _clean_model(value)
    if isinstance(value, list):
        items = [_clean_value(item) for item in value]
        same = all(new is old for new, old in zip(items, value, strict=True))
        return value if same else items
    if isinstance(value, dict):
        entries = {key: _clean_value(item) for key, item in value.items()}
        same = all(entries[key] is item for key, item in value.items())
        return value if same else entries
    return value
