"""What a phone may send, checked: every message is one small JSON object with a ``type``.

Phone → server: ``join`` (name), ``hello`` (token, to come back), ``note`` (id, text),
``edit`` (id, text), ``delete`` (id), ``vote`` (card). Anything else, or a field of the wrong
type or size, is a `ProtocolError` whose message is shown on the phone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from journeycanvas.workshop.limits import MAX_NAME_CHARS, MAX_NOTE_CHARS

NOTE_ID = re.compile(r"^[A-Za-z0-9_-]{8,40}$")
"""A note id made on the phone: random, URL-safe, 8 to 40 characters."""

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_CARD_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class ProtocolError(ValueError):
    """A message a phone should not have sent; its text says what was wrong."""


@dataclass(frozen=True, slots=True)
class Join:
    """A new participant gives a display name."""

    name: str


@dataclass(frozen=True, slots=True)
class Hello:
    """A participant comes back (reload, reconnect) with the token given at join."""

    token: str


@dataclass(frozen=True, slots=True)
class AddNote:
    """A new note, with an id made on the phone (a resend of a saved note is a no-op)."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class EditNote:
    """New text for one of the participant's own notes."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class DeleteNote:
    """Take back one of the participant's own notes."""

    id: str


@dataclass(frozen=True, slots=True)
class Vote:
    """One dot on a candidate card of the open voting round."""

    card: str


Message = Join | Hello | AddNote | EditNote | DeleteNote | Vote


def clean_text(text: str, limit: int) -> str:
    """`text` without control characters and surrounding blanks; ProtocolError when it is
    empty or longer than `limit` characters."""
    cleaned = _CONTROL.sub("", text).strip()
    if not cleaned:
        raise ProtocolError("empty text")
    if len(cleaned) > limit:
        raise ProtocolError(f"too long: at most {limit} characters")
    return cleaned


def _field(data: dict[str, Any], name: str, pattern: re.Pattern[str] | None = None) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise ProtocolError(f"{name} missing")
    if pattern is not None and not pattern.match(value):
        raise ProtocolError(f"bad {name}")
    return value


def parse_message(raw: str) -> Message:
    """The message a phone sent as `raw` JSON text; ProtocolError when it is not one."""
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise ProtocolError("not JSON") from exc
    if not isinstance(data, dict):
        raise ProtocolError("not an object")
    kind = data.get("type")
    if kind == "join":
        return Join(clean_text(_field(data, "name"), MAX_NAME_CHARS))
    if kind == "hello":
        return Hello(_field(data, "token", _TOKEN))
    if kind == "note":
        return AddNote(
            _field(data, "id", NOTE_ID), clean_text(_field(data, "text"), MAX_NOTE_CHARS)
        )
    if kind == "edit":
        return EditNote(
            _field(data, "id", NOTE_ID), clean_text(_field(data, "text"), MAX_NOTE_CHARS)
        )
    if kind == "delete":
        return DeleteNote(_field(data, "id", NOTE_ID))
    if kind == "vote":
        return Vote(_field(data, "card", _CARD_ID))
    raise ProtocolError("unknown message")


def card_id_for(note_id: str) -> str:
    """The id of the card a note becomes: the same on every restart, so that a journal can
    be merged into the map by id."""
    return f"n{note_id}"
