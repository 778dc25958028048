"""The state of one workshop, without I/O: participants, notes, what is open for input, the
timer and the voting round. The server calls it from its own thread only.

Every change a phone asks for is checked here and, when accepted, comes back as a journal
record (what `journal.Journal` appends before the phone hears "saved") and an event for the
host (what the editor does to the map).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from journeycanvas.workshop.limits import (
    MAX_NOTES_PER_PARTICIPANT,
    MAX_PARTICIPANTS,
    RATE_BURST,
    RATE_PER_SECOND,
)
from journeycanvas.workshop.protocol import ProtocolError, card_id_for


@dataclass(slots=True)
class RateLimiter:
    """A token bucket: `burst` messages at once, refilled at `per_second`."""

    burst: float = RATE_BURST
    per_second: float = RATE_PER_SECOND
    tokens: float = RATE_BURST
    last: float = field(default_factory=time.monotonic)

    def allow(self) -> bool:
        """Take one message's allowance; False when there is none left."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.per_second)
        self.last = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


@dataclass(slots=True)
class Participant:
    """Someone who joined: a public id, a secret token to come back with, a display name."""

    id: str
    token: str
    name: str
    removed: bool = False
    limiter: RateLimiter = field(default_factory=RateLimiter)


@dataclass(slots=True)
class Note:
    """A note from a phone, and the card it became."""

    id: str
    owner: str
    author: str
    text: str
    stage: str
    lane: str
    deleted: bool = False

    @property
    def card(self) -> str:
        """The id of the card the note became."""
        return card_id_for(self.id)


@dataclass(frozen=True, slots=True)
class InputCell:
    """The stage and lane open for notes, with the prompt shown on the phones."""

    stage: str
    lane: str
    stage_name: str
    lane_title: str
    prompt: str = ""
    kind: str | None = None
    kind_label: str = ""


@dataclass(slots=True)
class VotingRound:
    """An open dot-voting round over some cards."""

    id: str
    title: str
    candidates: list[tuple[str, str]]
    """(card id, text) of every card that can be voted on, in the order shown."""
    votes_per_participant: int
    anonymous: bool
    votes: dict[str, list[str]] = field(default_factory=dict)
    """Participant id → the card ids they voted for (a card may get several of one's dots)."""

    def votes_left(self, participant: str) -> int:
        """How many dots `participant` still has."""
        return self.votes_per_participant - len(self.votes.get(participant, []))

    def open_record(self) -> dict[str, Any]:
        """The journal record of the round as it opens, so that an editor restarted after a
        crash opens it again and takes back the votes cast in it."""
        return {
            "type": "round_open",
            "round": {
                "id": self.id,
                "title": self.title,
                "candidates": [list(candidate) for candidate in self.candidates],
                "votes_per_participant": self.votes_per_participant,
                "anonymous": self.anonymous,
            },
        }

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> VotingRound:
        """The round an `open_record` describes (its votes come after it, one a record);
        KeyError, TypeError or ValueError when `data` is not one."""
        return cls(
            str(data["id"]),
            str(data["title"]),
            [(str(card), str(text)) for card, text in data["candidates"]],
            int(data["votes_per_participant"]),
            bool(data["anonymous"]),
        )

    def counts(self) -> dict[str, int]:
        """Votes per candidate card (every candidate, zero included)."""
        totals = {card: 0 for card, _ in self.candidates}
        for cards in self.votes.values():
            for card in cards:
                totals[card] = totals.get(card, 0) + 1
        return totals


class RoundStillOpen(RuntimeError):
    """A voting round was to be opened while another one is open (the facilitator's side
    closes the open one first; its votes are never dropped)."""


@dataclass(frozen=True, slots=True)
class NoteAdded:
    """Event: a new note for the map."""

    note: Note
    kind: str | None


@dataclass(frozen=True, slots=True)
class NoteEdited:
    """Event: a participant changed the text of their note."""

    card: str
    text: str


@dataclass(frozen=True, slots=True)
class NoteDeleted:
    """Event: a participant took back their note."""

    card: str


@dataclass(frozen=True, slots=True)
class RoomChanged:
    """Event: who is in the room, or the votes of the open round, changed."""

    participants: list[tuple[str, str]]
    """(id, display name) of everyone not removed."""
    counts: dict[str, int]
    """Votes per card of the open round (empty when none is open)."""


Event = NoteAdded | NoteEdited | NoteDeleted | RoomChanged


@dataclass(slots=True)
class Accepted:
    """What an accepted request leads to: journal records, an event for the host, and what
    to tell the phone."""

    records: list[dict[str, Any]]
    event: Event | None
    reply: dict[str, Any]


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class WorkshopSession:
    """Participants, notes, the open input, the timer and the voting round of one workshop."""

    def __init__(self, title: str = "") -> None:
        self.title = title
        self.participants: dict[str, Participant] = {}
        self._by_token: dict[str, Participant] = {}
        self.notes: dict[str, Note] = {}
        self.input: InputCell | None = None
        self.locked = False
        self.timer_end: float | None = None
        """When the countdown ends, as time.time(); None when no timer runs."""
        self.round: VotingRound | None = None

    # ------------------------------------------------------------ participants

    def join(self, name: str) -> Accepted:
        """Admit a new participant called `name`."""
        if sum(not p.removed for p in self.participants.values()) >= MAX_PARTICIPANTS:
            raise ProtocolError("the workshop is full")
        participant = Participant(
            id=_fresh(self.participants, "p"), token=secrets.token_urlsafe(24), name=name
        )
        self._add_participant(participant)
        record = {"type": "join", "participant": participant.id, "name": name}
        record["token"] = participant.token
        reply = {"type": "welcome", "token": participant.token, "name": name}
        return Accepted([record], self.room(), reply)

    def resume(self, token: str) -> Participant:
        """The participant holding `token`; ProtocolError when there is none (or removed)."""
        participant = self._by_token.get(token)
        if participant is None or participant.removed:
            raise ProtocolError("unknown participant")
        return participant

    def remove(self, participant_id: str) -> Accepted:
        """Send a participant away: their token no longer works; their notes stay."""
        participant = self.participants[participant_id]
        participant.removed = True
        if self.round is not None:
            self.round.votes.pop(participant_id, None)
        return Accepted(
            [{"type": "removed", "participant": participant_id}], self.room(), {"type": "removed"}
        )

    def room(self) -> RoomChanged:
        """The event telling the host who is here and how the votes stand."""
        present = [(p.id, p.name) for p in self.participants.values() if not p.removed]
        counts = self.round.counts() if self.round is not None else {}
        return RoomChanged(present, counts)

    def _add_participant(self, participant: Participant) -> None:
        self.participants[participant.id] = participant
        self._by_token[participant.token] = participant

    # ------------------------------------------------------------ notes

    def add_note(self, participant: Participant, note_id: str, text: str) -> Accepted | None:
        """A new note into the open cell; None when the note is already saved (a resend
        from a phone's offline queue)."""
        existing = self.notes.get(note_id)
        if existing is not None:
            if existing.owner != participant.id:
                raise ProtocolError("note id taken")
            return None
        cell = self.input
        if cell is None or self.locked:
            raise ProtocolError("input is closed")
        if sum(n.owner == participant.id for n in self.notes.values()) >= (
            MAX_NOTES_PER_PARTICIPANT
        ):
            raise ProtocolError("too many notes")
        note = Note(note_id, participant.id, participant.name, text, cell.stage, cell.lane)
        self.notes[note_id] = note
        record = {
            "type": "note",
            "note": note_id,
            "participant": participant.id,
            "author": participant.name,
            "text": text,
            "stage": cell.stage,
            "lane": cell.lane,
            "kind": cell.kind,
            "at": _now(),
        }
        return Accepted([record], NoteAdded(note, cell.kind), self.saved_reply(note))

    def forget_note(self, note_id: str) -> None:
        """Drop a note whose journal record could not be written (the phone keeps it)."""
        self.notes.pop(note_id, None)

    def edit_note(self, participant: Participant, note_id: str, text: str) -> Accepted:
        """New text for one of the participant's notes, while input is not locked."""
        note = self._own_note(participant, note_id)
        note.text = text
        record = {"type": "edit", "note": note_id, "text": text, "at": _now()}
        return Accepted([record], NoteEdited(note.card, text), self.saved_reply(note))

    def delete_note(self, participant: Participant, note_id: str) -> Accepted:
        """Take back one of the participant's notes, while input is not locked."""
        note = self._own_note(participant, note_id)
        note.deleted = True
        record = {"type": "delete", "note": note_id, "at": _now()}
        return Accepted([record], NoteDeleted(note.card), {"type": "deleted", "id": note_id})

    def _own_note(self, participant: Participant, note_id: str) -> Note:
        note = self.notes.get(note_id)
        if note is None or note.owner != participant.id or note.deleted:
            raise ProtocolError("no such note")
        if self.locked:
            raise ProtocolError("notes are locked")
        return note

    @staticmethod
    def saved_reply(note: Note) -> dict[str, Any]:
        """What the phone hears once its note is in the journal."""
        return {"type": "saved", "id": note.id, "text": note.text}

    def own_notes(self, participant: Participant) -> list[dict[str, str]]:
        """The participant's notes still standing, oldest first, for their page."""
        return [
            {"id": n.id, "text": n.text}
            for n in self.notes.values()
            if n.owner == participant.id and not n.deleted
        ]

    def wall(self) -> list[dict[str, str]]:
        """Everyone's notes in the open cell, for every page: author and text."""
        cell = self.input
        if cell is None:
            return []
        return [
            {"card": n.card, "author": n.author, "text": n.text}
            for n in self.notes.values()
            if not n.deleted and n.stage == cell.stage and n.lane == cell.lane
        ]

    # ------------------------------------------------------------ voting

    def vote(self, participant: Participant, card: str) -> Accepted:
        """One dot on a candidate of the open round."""
        round_ = self.round
        if round_ is None:
            raise ProtocolError("no voting round is open")
        if card not in {candidate for candidate, _ in round_.candidates}:
            raise ProtocolError("not a candidate")
        if round_.votes_left(participant.id) <= 0:
            raise ProtocolError("no votes left")
        round_.votes.setdefault(participant.id, []).append(card)
        record = {
            "type": "vote",
            "round": round_.id,
            "participant": participant.id,
            "card": card,
            "at": _now(),
        }
        return Accepted([record], self.room(), self.state_for(participant))

    def open_round(self, round_: VotingRound) -> None:
        """Open `round_` for the phones; RoundStillOpen when a round is open already (its
        votes were cast by the room: close it first, so that its results are kept)."""
        if self.round is not None:
            raise RoundStillOpen(self.round.id)
        self.round = round_

    def close_round(self) -> VotingRound | None:
        """End the open round; returns it with its votes (None when none was open)."""
        closed, self.round = self.round, None
        return closed

    # ------------------------------------------------------------ what the phones see

    def state_for(self, participant: Participant | None) -> dict[str, Any]:
        """Everything a participant's page shows, apart from the notes."""
        cell = self.input
        remaining = None
        if self.timer_end is not None:
            remaining = max(0, round(self.timer_end - time.time()))
        state: dict[str, Any] = {
            "type": "state",
            "title": self.title,
            "input": None
            if cell is None
            else {
                "stage": cell.stage_name,
                "lane": cell.lane_title,
                "prompt": cell.prompt,
                "kind": cell.kind_label,
            },
            "locked": self.locked,
            "timer": remaining,
            "round": None,
        }
        round_ = self.round
        if round_ is not None:
            mine = round_.votes.get(participant.id, []) if participant is not None else []
            state["round"] = {
                "id": round_.id,
                "title": round_.title,
                "candidates": [{"card": c, "text": t} for c, t in round_.candidates],
                "votes_left": round_.votes_left(participant.id) if participant else 0,
                "mine": {card: mine.count(card) for card in set(mine)},
            }
        return state

    def input_record(self) -> dict[str, Any]:
        """The journal record of what is open for notes, so that a restarted editor opens it
        again and the phones' waiting notes land where they were meant to."""
        cell = self.input
        return {
            "type": "input",
            "cell": None if cell is None else asdict(cell),
            "locked": self.locked,
        }

    # ------------------------------------------------------------ journal replay

    def replay(self, records: list[dict[str, Any]]) -> None:
        """Take back the participants, notes and open voting round of an earlier run of this
        workshop (the editor died), so that phones can come back, resent notes are not
        doubled and the votes cast so far still count."""
        for record in records:
            kind = record.get("type")
            if kind == "join":
                self._add_participant(
                    Participant(record["participant"], record["token"], record["name"])
                )
            elif kind == "removed" and record.get("participant") in self.participants:
                self.participants[record["participant"]].removed = True
                if self.round is not None:
                    self.round.votes.pop(record["participant"], None)
            elif kind in ("round_open", "vote", "round"):
                self._replay_round(record)
            elif kind == "note":
                self.notes[record["note"]] = Note(
                    record["note"],
                    record["participant"],
                    record["author"],
                    record["text"],
                    record["stage"],
                    record["lane"],
                )
            elif kind == "input":
                cell = record.get("cell")
                self.input = InputCell(**cell) if isinstance(cell, dict) else None
                self.locked = bool(record.get("locked"))
            elif kind in ("edit", "delete") and record.get("note") in self.notes:
                note = self.notes[record["note"]]
                if kind == "edit":
                    note.text = record["text"]
                else:
                    note.deleted = True

    def _replay_round(self, record: dict[str, Any]) -> None:
        """A round opens (``round_open``), gets a vote (``vote``) or closes with its results
        (``round``); a record that is not whole is passed over."""
        kind, data, round_ = record.get("type"), record.get("round"), self.round
        try:
            if kind == "round_open" and isinstance(data, dict):
                self.round = VotingRound.from_record(data)
            elif kind == "vote" and round_ is not None and data == round_.id:
                round_.votes.setdefault(str(record["participant"]), []).append(str(record["card"]))
            elif (
                kind == "round"
                and round_ is not None
                and isinstance(data, dict)
                and data.get("id") == round_.id
            ):
                self.round = None
        except (KeyError, TypeError, ValueError):
            return


def _fresh(taken: dict[str, Any], prefix: str) -> str:
    while True:
        candidate = prefix + secrets.token_hex(3)
        if candidate not in taken:
            return candidate
