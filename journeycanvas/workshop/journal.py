"""The workshop journal: every accepted contribution, one JSON object a line, beside the map
as ``NAME.workshop.jsonl``, flushed and fsynced before the phone is told "saved".

If the editor dies, the next start reads the journal and merges what the map lacks (by note
id); ending the workshop normally saves the map and removes the journal. A line cut short
by a crash is skipped.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeycanvas.workshop.protocol import card_id_for

SUFFIX = ".workshop.jsonl"


def journal_path(map_path: Path) -> Path:
    """The journal of the map at `map_path`: ``bakery.journey`` → ``bakery.workshop.jsonl``."""
    return map_path.with_name(map_path.stem + SUFFIX)


class Journal:
    """An append-only journal file; every `append` is on the disk when it returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = open(path, "a", encoding="utf-8")  # noqa: SIM115 (kept open to append)

    def append(self, records: list[dict[str, Any]]) -> None:
        """Write `records`, one a line, then flush and fsync (raises OSError when it cannot)."""
        if not records:
            return
        text = "".join(
            json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records
        )
        self._file.write(text)
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        """Close the file (it stays on the disk)."""
        self._file.close()

    def remove(self) -> None:
        """Close and delete the journal: its contents are in the saved map."""
        self.close()
        self.path.unlink(missing_ok=True)


def read_journal(path: Path) -> list[dict[str, Any]]:
    """The records of the journal at `path` (none when it does not exist); lines that are
    not whole JSON objects (cut short by a crash) are skipped."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    records = []
    for line in raw.splitlines():
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


@dataclass(slots=True)
class PendingNote:
    """A note of the journal as it stands after its edits: what the map should hold."""

    note: str
    author: str
    text: str
    stage: str
    lane: str
    kind: str | None
    edited: bool = False

    @property
    def card(self) -> str:
        """The id of the card the note becomes."""
        return card_id_for(self.note)


@dataclass(slots=True)
class Recovery:
    """What a journal holds that a map may lack (or holds out of date)."""

    notes: list[PendingNote] = field(default_factory=list)
    """Notes the map lacks."""
    edits: list[PendingNote] = field(default_factory=list)
    """Notes the map holds, edited on a phone: their text as it ended."""
    deleted: list[str] = field(default_factory=list)
    """Cards of notes the map holds that their authors took back."""
    rounds: list[dict[str, Any]] = field(default_factory=list)
    start: dict[str, Any] | None = None
    """The ``start`` record of the last run: its join code, address and port."""


def recovery(records: list[dict[str, Any]], card_ids: set[str], round_ids: set[str]) -> Recovery:
    """The notes and closed rounds of `records` that a map holding `card_ids` and
    `round_ids` lacks. A note the map held when it was last saved during the workshop (a
    ``checkpoint`` record) and lacks now was deleted on purpose and is not brought back."""
    notes: dict[str, PendingNote] = {}
    applied: set[str] = set()
    result = Recovery()
    for record in records:
        kind = record.get("type")
        note_id = str(record.get("note"))
        try:
            if kind == "note":
                notes[note_id] = PendingNote(
                    note_id,
                    str(record["author"]),
                    str(record["text"]),
                    str(record["stage"]),
                    str(record["lane"]),
                    record.get("kind"),
                )
            elif kind == "edit" and note_id in notes:
                notes[note_id].text = str(record["text"])
                notes[note_id].edited = True
            elif kind == "delete" and note_id in notes:
                gone = notes.pop(note_id)
                if gone.card in card_ids:
                    result.deleted.append(gone.card)
            elif kind == "checkpoint":
                applied.update(record.get("applied", []))
            elif kind == "round" and isinstance(record.get("round"), dict):
                result.rounds.append(record["round"])
            elif kind == "start":
                result.start = record
        except (KeyError, TypeError):
            continue
    result.notes = [n for n in notes.values() if n.card not in card_ids and n.note not in applied]
    result.edits = [n for n in notes.values() if n.card in card_ids and n.edited]
    result.rounds = [r for r in result.rounds if r.get("id") not in round_ids]
    return result
