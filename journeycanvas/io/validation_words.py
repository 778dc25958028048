"""Pydantic's validation errors worded in the interface language, for load errors.

Pydantic words its errors in English ("Input should be a valid integer"); a file that
fails to load quotes them to the user, so the common kinds are worded here from the
catalogues. A kind not in the table keeps Pydantic's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from journeycanvas.i18n import _, current_language, format_number, ngettext


def _number(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, current_language())
    return str(value)


def _choices(ctx: Mapping[str, Any]) -> str:
    """The allowed values of a literal or enum, listed ("'a', 'b', 'c'")."""
    return ", ".join(re.findall(r"'[^']*'", str(ctx.get("expected", "")))) or "?"


def _characters(word: str) -> Callable[[Mapping[str, Any]], str]:
    def worded(ctx: Mapping[str, Any]) -> str:
        count = int(ctx.get(f"{word}_length", 0))
        if word == "max":
            text = ngettext(
                "should have at most {count} character",
                "should have at most {count} characters",
                count,
            )
        else:
            text = ngettext(
                "should have at least {count} character",
                "should have at least {count} characters",
                count,
            )
        return text.format(count=_number(count))

    return worded


def _items(word: str) -> Callable[[Mapping[str, Any]], str]:
    def worded(ctx: Mapping[str, Any]) -> str:
        count = int(ctx.get(f"{word}_length", 0))
        if word == "max":
            text = ngettext(
                "should have at most {count} item", "should have at most {count} items", count
            )
        else:
            text = ngettext(
                "should have at least {count} item", "should have at least {count} items", count
            )
        return text.format(count=_number(count))

    return worded


_WORDINGS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "string_type": lambda ctx: _("should be text"),
    "int_type": lambda ctx: _("should be a whole number"),
    "int_parsing": lambda ctx: _("should be a whole number"),
    "int_from_float": lambda ctx: _("should be a whole number"),
    "float_type": lambda ctx: _("should be a number"),
    "float_parsing": lambda ctx: _("should be a number"),
    "bool_type": lambda ctx: _("should be true or false"),
    "bool_parsing": lambda ctx: _("should be true or false"),
    "list_type": lambda ctx: _("should be a list"),
    "dict_type": lambda ctx: _("should be an object"),
    "model_type": lambda ctx: _("should be an object"),
    "model_attributes_type": lambda ctx: _("should be an object"),
    "literal_error": lambda ctx: _("should be one of {choices}").format(choices=_choices(ctx)),
    "enum": lambda ctx: _("should be one of {choices}").format(choices=_choices(ctx)),
    "greater_than_equal": lambda ctx: _("should be at least {limit}").format(
        limit=_number(ctx.get("ge"))
    ),
    "less_than_equal": lambda ctx: _("should be at most {limit}").format(
        limit=_number(ctx.get("le"))
    ),
    "greater_than": lambda ctx: _("should be more than {limit}").format(
        limit=_number(ctx.get("gt"))
    ),
    "less_than": lambda ctx: _("should be less than {limit}").format(limit=_number(ctx.get("lt"))),
    "string_too_long": _characters("max"),
    "string_too_short": _characters("min"),
    "too_long": _items("max"),
    "too_short": _items("min"),
}


def validation_message(error: Mapping[str, Any]) -> str:
    """What one Pydantic error (an item of ``ValidationError.errors()``) says is wrong,
    without the value: in the interface language when its kind is in the table, else in
    Pydantic's words ("should …")."""
    worded = _WORDINGS.get(str(error.get("type")))
    if worded is not None:
        return worded(error.get("ctx") or {})
    return str(error.get("msg", "")).replace("Input should", "should", 1)
