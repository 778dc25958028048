"""The limits a map must keep to be opened, saved, autosaved and exported: one home for all.

The loader checks them (refusing with the JSON path), and saving, autosaving and the CSV
import check the same numbers, so that whatever JourneyCanvas writes it can open again
and whatever it opens it can write. Text is cleaned rather than refused where cleaning
loses nothing a person wrote: control characters (other than tab, line feed and carriage
return) are removed, and a lone surrogate (half of an emoji, left by a broken copy and
paste) becomes U+FFFD, the replacement character. In object keys, which no export
shows, only lone surrogates are replaced (a file cannot be written with them), and two
keys that would become one are refused.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from typing import Any

from journeycanvas.i18n import _, current_language, format_decimal, format_number
from journeycanvas.model.integrity import Problem

MB = 1024 * 1024

MAX_FILE_BYTES = 200 * MB
"""The largest ``.journey`` file opened, and so the largest one written."""

MAX_ASSET_BYTES = 5 * MB
"""The largest embedded picture, decoded."""

MAX_PICTURE_PIXELS = 4096 * 4096
"""The most pixels an embedded picture may have (16.8 million, e.g. 4096×4096)."""

MAX_PICTURE_SIDE = 16384
"""The longest side of an embedded picture, in pixels."""

MAX_TEXT_CHARS = 1_000_000
"""The longest text (a card's text, a title, a free-form string), in characters."""

MAX_FREE_FORM_DEPTH = 32
"""How deeply lists and objects may nest in a free-form value (unknown fields, export
settings); a free-form list of lists is 2 deep."""

MAX_FREE_FORM_ITEMS = 10_000
"""The most entries in one list or object of a free-form value."""

MAX_CSV_BYTES = 50 * MB
"""The largest CSV file imported: its map stays well under :data:`MAX_FILE_BYTES`."""

MAX_CSV_ROWS = 100_000
"""The most rows (cards) one CSV import reads."""

CSV_FIELD_CHARS = MAX_TEXT_CHARS + 1024
"""The longest CSV field read: a card text of :data:`MAX_TEXT_CHARS` plus room for quoting."""

# Positions of the file's objects that have a fixed schema: depth counts from each of them.
_LISTS_OF_OBJECTS = frozenset({"personas", "stages", "lanes", "cards", "connectors"})
_UNCLEAN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]|[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_PROBLEMS_KEPT = 100


def json_path(loc: Iterable[str | int]) -> str:
    """Format a location such as ``("cards", 3, "stage")`` as ``cards[3].stage``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _IDENTIFIER.match(part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=True)}]"
    return text


def file_size_problem(size: int) -> str | None:
    """Why a map file of `size` bytes cannot be opened, or None when its size is fine."""
    if size <= MAX_FILE_BYTES:
        return None
    language = current_language()
    return _("the file is {size} MB; JourneyCanvas opens maps of up to {limit} MB").format(
        size=format_decimal(size / MB, language),
        limit=format_number(MAX_FILE_BYTES // MB, language),
    )


def picture_size_problem(width: int, height: int) -> str | None:
    """Why a picture of `width` × `height` pixels is refused, or None when it is fine."""
    if width * height <= MAX_PICTURE_PIXELS and max(width, height) <= MAX_PICTURE_SIDE:
        return None
    language = current_language()
    return _(
        "the picture is {width}×{height} pixels; pictures may have at most {millions} million "
        "pixels (such as 4096×4096) and sides of at most {side} pixels"
    ).format(
        width=width,
        height=height,
        millions=format_decimal(MAX_PICTURE_PIXELS / 1e6, language),
        side=format_number(MAX_PICTURE_SIDE, language),
    )


def clean_text(text: str) -> str:
    """`text` without control characters (tab and line breaks stay), lone surrogates as U+FFFD."""
    if not _UNCLEAN.search(text):
        return text
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def check_data(data: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Clean the texts of a parsed map file and find what breaks the limits.

    Returns the data with texts cleaned (see the module's documentation) and the problems:
    numbers too large to be finite, texts too long, keys that clash once
    cleaned, free-form values nested too deeply or too large.
    """
    walker = _Walker()
    cleaned = walker.walk(data, [], 0, fixed=True)
    return cleaned, walker.problems


def _fixed_schema(path: list[str | int]) -> bool:
    """Whether `path` holds one of the file's objects with a schema (depth starts again)."""
    if len(path) == 2:
        return (path[0] in _LISTS_OF_OBJECTS and isinstance(path[1], int)) or path[0] == "assets"
    return len(path) == 3 and path[0] == "cards" and path[2] == "metric"


def _is_picture_data(path: list[str | int]) -> bool:
    return len(path) == 3 and path[0] == "assets" and path[2] == "data"


class _Walker:
    """One pass over parsed JSON, cleaning texts and collecting problems (at most a few)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: list[str | int], message: str) -> None:
        if len(self.problems) < _PROBLEMS_KEPT:
            self.problems.append(Problem(json_path(path), message))

    def walk(self, value: Any, path: list[str | int], depth: int, *, fixed: bool = False) -> Any:
        if isinstance(value, str):
            return self.text(value, path)
        if isinstance(value, bool | int) or value is None:
            return value  # whole numbers have at most 4300 digits, which JSON writes back
        if isinstance(value, float):
            if not math.isfinite(value):
                self.add(path, _("the number is too large to store (beyond about 1.8e308)"))
            return value
        if fixed:
            depth = 0
        else:
            depth += 1
            if depth > MAX_FREE_FORM_DEPTH:
                self.add(
                    path,
                    _(
                        "nested too deeply: lists and objects in a free-form value may nest "
                        "{levels} levels at most"
                    ).format(levels=MAX_FREE_FORM_DEPTH),
                )
                return value
            if len(value) > MAX_FREE_FORM_ITEMS and not _fixed_schema([*path, 0]):
                self.add(
                    path,
                    _(
                        "too large: {count} entries; apart from the map's own lists of "
                        "cards, stages, lanes, personas, connectors and pictures, a list or "
                        "object may hold {limit} at most"
                    ).format(
                        count=format_number(len(value), current_language()),
                        limit=format_number(MAX_FREE_FORM_ITEMS, current_language()),
                    ),
                )
                return value
        if isinstance(value, list):
            return [
                self.walk(item, [*path, index], depth, fixed=_fixed_schema([*path, index]))
                for index, item in enumerate(value)
            ]
        cleaned: dict[str, Any] = {}
        for key, item in value.items():
            clean_key = _SURROGATE.sub("\ufffd", key)
            if clean_key in cleaned:
                self.add([*path, key], _("two keys here differ only in broken characters"))
            cleaned[clean_key] = self.walk(
                item, [*path, key], depth, fixed=_fixed_schema([*path, key])
            )
        return cleaned

    def text(self, value: str, path: list[str | int]) -> str:
        if len(value) > MAX_TEXT_CHARS and not _is_picture_data(path):
            self.add(
                path,
                _("the text is {count} characters long; texts may have {limit} at most").format(
                    count=format_number(len(value), current_language()),
                    limit=format_number(MAX_TEXT_CHARS, current_language()),
                ),
            )
            return value
        return clean_text(value)
