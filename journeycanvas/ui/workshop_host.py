"""The adapter between a running workshop (journeycanvas.workshop, no Qt) and the open map.

The server's thread hands each event to `WorkshopHost.arrived`, a signal of this object,
which lives in the GUI thread: Qt queues the call, so the map changes on the GUI thread
only, through the Document's undoable commands (one per arriving note). The facilitator's
controls call the methods below, which reach the server's loop through `WorkshopServer.call`.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from journeycanvas.canvas.kind_labels import card_kind_label
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import AddCardCommand, EditCommand, RemoveCardsCommand
from journeycanvas.document.document import Document
from journeycanvas.model.entities import Card, RoundResult, WorkshopRound, utc_now
from journeycanvas.model.ids import new_id
from journeycanvas.model.kinds import default_card_kind
from journeycanvas.workshop.journal import (
    Journal,
    PendingNote,
    journal_path,
    read_journal,
    recovery,
)
from journeycanvas.workshop.limits import MAX_PROMPT_CHARS
from journeycanvas.workshop.server import WorkshopServer
from journeycanvas.workshop.session import (
    Event,
    InputCell,
    NoteAdded,
    NoteDeleted,
    NoteEdited,
    RoomChanged,
    VotingRound,
    WorkshopSession,
)

_SLICE_SECONDS = 0.008
"""How long one turn of the GUI thread applies arriving notes before it paints again."""


class WorkshopError(Exception):
    """The workshop cannot start or end; the message says why, for the facilitator."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Workshop", text)


@dataclass(frozen=True, slots=True)
class Recovered:
    """What starting a workshop took back from the journal of an earlier run."""

    notes: int
    rounds: int


class WorkshopHost(QObject):
    """One running workshop on the map of `document`, or none.

    Signals: arrived(event) from the server's thread (connected here, queued to the GUI
    thread); card_arrived(card id) once a phone's note is a card of the map; room_changed
    (RoomChanged) when people join, leave or vote; running_changed(bool); state_changed()
    when the open input, lock, timer or round changes.
    """

    arrived = Signal(object)
    card_arrived = Signal(str)
    room_changed = Signal(object)
    running_changed = Signal(bool)
    state_changed = Signal()

    def __init__(
        self,
        document: Document,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.server: WorkshopServer | None = None
        self.journal: Journal | None = None
        self.session: WorkshopSession | None = None
        self.room = RoomChanged([], {})
        self.applied: set[str] = set()
        """Note ids that became cards in this run (written at each save as a checkpoint)."""
        self.arrival_times: dict[str, float] = {}
        """Card id → time.perf_counter() when it joined the map (for the benchmark)."""
        self._queue: deque[Event] = deque()
        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)
        self.arrived.connect(self._on_arrived)
        document.modified_changed.connect(self._on_modified_changed)

    # ------------------------------------------------------------ start and end

    @property
    def running(self) -> bool:
        """Whether a workshop is running."""
        return self.server is not None and self.server.running

    @property
    def url(self) -> str:
        """The join URL ("" when no workshop runs)."""
        return self.server.url if self.server is not None else ""

    def start(self, bind: str, port: int = 0) -> Recovered:
        """Start the workshop on `bind`:`port` (0: the last run's port, else any free one).

        A journal left by an editor that died is merged into the map first (what the map
        lacks, by note id), and its join code is kept so that the phones can come back.
        Raises WorkshopError when the map has no file yet or the address cannot be used.
        """
        if self.running:
            raise WorkshopError(_tr("A workshop is already running."))
        path = self.document.path
        if path is None:
            raise WorkshopError(
                _tr("Save the map first: the workshop keeps its journal beside it.")
            )
        records = read_journal(journal_path(path))
        recovered = self._recover(records)
        previous = recovery(records, set(), set()).start or {}
        session = WorkshopSession(self.document.journey.title)
        session.replay(records)
        try:
            journal = Journal(journal_path(path))
        except OSError as exc:
            raise WorkshopError(str(exc)) from exc
        ports = [port] if port else [p for p in (previous.get("port"), 0) if isinstance(p, int)]
        server = None
        failure: OSError | None = None
        for candidate in ports:
            server = WorkshopServer(
                session,
                journal,
                self.arrived.emit,
                bind=bind,
                port=candidate,
                code=previous.get("code") if isinstance(previous.get("code"), str) else None,
            )
            try:
                server.start()
                break
            except OSError as exc:
                failure, server = exc, None
        if server is None:
            journal.close()
            raise WorkshopError(
                _tr("Cannot listen on {address}: {reason}").format(
                    address=bind, reason=failure.strerror if failure else ""
                )
            )
        self.server, self.journal, self.session = server, journal, session
        self.applied = {n for n in session.notes if session.notes[n].card in self._card_ids()}
        server.record([{"type": "start", "code": server.code, "bind": bind, "port": server.port}])
        self.room = session.room()
        self.running_changed.emit(True)
        # Who came back and the votes of a round still open show at once, not at the next vote.
        self.room_changed.emit(self.room)
        return recovered

    def end(self) -> None:
        """Stop the server, save the map with everything that arrived, remove the journal.

        Raises WorkshopError when the map cannot be saved: the journal then stays, so that
        nothing is lost (the next start merges it again).
        """
        server, journal = self.server, self.journal
        if server is None or journal is None:
            return
        self.close_round()  # the votes of a round still open count, as when it is closed
        server.stop()
        # What the phones were told is saved and has not reached the map yet goes in now.
        QCoreApplication.sendPostedEvents(self)
        self._drain(budget=float("inf"))
        self.server = self.session = self.journal = None
        self.room = RoomChanged([], {})
        self.running_changed.emit(False)
        try:
            self.document.save()
        except (OSError, ValueError) as exc:
            journal.close()
            raise WorkshopError(
                _tr("The map could not be saved ({reason}); the workshop journal is kept.").format(
                    reason=exc
                )
            ) from exc
        journal.remove()

    def stop_without_saving(self) -> None:
        """Stop the server and keep the journal (the editor is closing without saving)."""
        if self.server is not None:
            self.server.stop()
        if self.journal is not None:
            self.journal.close()
        self.server = self.session = self.journal = None
        self.running_changed.emit(False)

    # ------------------------------------------------------------ the facilitator

    def open_input(
        self, stage_id: str, lane_id: str, prompt: str = "", kind: str | None = None
    ) -> None:
        """Let the phones add notes to the cell `stage_id` × `lane_id`, with `prompt`."""
        stage, lane = self.document.stage(stage_id), self.document.lane(lane_id)
        cell = InputCell(
            stage_id,
            lane_id,
            stage.name,
            lane.title,
            prompt.strip()[:MAX_PROMPT_CHARS],
            kind,
            card_kind_label(kind) if kind else "",
        )

        def apply(session: WorkshopSession) -> None:
            session.input, session.locked = cell, False

        self._call(apply)

    def close_input(self) -> None:
        """No cell is open for notes."""

        def apply(session: WorkshopSession) -> None:
            session.input = None

        self._call(apply)

    def set_locked(self, locked: bool) -> None:
        """Lock (or unlock) input: no new notes, no edits or deletions of sent ones."""

        def apply(session: WorkshopSession) -> None:
            session.locked = locked

        self._call(apply)

    def set_timer(self, seconds: int | None) -> None:
        """Start a countdown of `seconds` on the projector and the phones (None: stop it)."""
        end = None if seconds is None else time.time() + seconds

        def apply(session: WorkshopSession) -> None:
            session.timer_end = end

        self._call(apply)

    def start_round(
        self, title: str, card_ids: list[str], votes_per_participant: int, anonymous: bool
    ) -> WorkshopRound | None:
        """Open a dot-voting round over `card_ids` (closing input meanwhile).

        A round still open is closed first, its results kept as `close_round` keeps them;
        returns them (None when no round was open).
        """
        closed = self.close_round()
        candidates = [(cid, self.document.card(cid).text) for cid in card_ids]
        round_ = VotingRound(
            new_id("r"), title.strip(), candidates, max(1, votes_per_participant), anonymous
        )

        # Journaled before any phone sees the round, so that the votes cast in it can be
        # taken back by an editor restarted after a crash.
        self._running_server().record([round_.open_record()])
        self._call(lambda session: session.open_round(round_))
        return closed

    def close_round(self) -> WorkshopRound | None:
        """End the open round: its results, ranked, go into the cards' votes and the map's
        rounds in one undo step, and into the journal. Returns them (None: no round)."""
        if self.server is None:
            return None
        closed = self._call(lambda session: session.close_round())
        if not isinstance(closed, VotingRound):
            return None
        result = self._round_result(closed)
        self.apply_round(result)
        self.server.record([{"type": "round", "round": result.model_dump(mode="json")}])
        return result

    def remove_participant(self, participant_id: str) -> None:
        """Send a participant away (their notes stay on the map)."""
        if self.server is not None:
            self.server.remove_participant(participant_id)

    def state(self) -> WorkshopSession | None:
        """The session (read its fields only, from the GUI thread, for display)."""
        return self.session

    def _running_server(self) -> WorkshopServer:
        if self.server is None:
            raise WorkshopError(_tr("No workshop is running."))
        return self.server

    def _call(self, action: Callable[[WorkshopSession], object]) -> object:
        server = self._running_server()
        result = server.call(action)
        if self.session is not None:
            server.record([self.session.input_record()])
        self.state_changed.emit()
        return result

    def _round_result(self, closed: VotingRound) -> WorkshopRound:
        counts = closed.counts()
        names = {}
        if self.session is not None:
            names = {pid: p.name for pid, p in self.session.participants.items()}
        order = {card: i for i, (card, _) in enumerate(closed.candidates)}
        ranked = sorted(closed.candidates, key=lambda c: (-counts.get(c[0], 0), order[c[0]]))
        results = []
        for card, text in ranked:
            voters = []
            if not closed.anonymous:
                voters = [
                    names.get(pid, pid)
                    for pid, cards in closed.votes.items()
                    for c in cards
                    if c == card
                ]
            results.append(
                RoundResult(card=card, text=text, votes=counts.get(card, 0), voters=voters)
            )
        return WorkshopRound(
            id=closed.id,
            date=utc_now(),
            title=closed.title,
            anonymous=closed.anonymous,
            votes_per_participant=closed.votes_per_participant,
            participants=len(self.room.participants),
            results=results,
        )

    def apply_round(self, result: WorkshopRound) -> None:
        """Add a round's votes to its cards and keep the round in the map: one undo step."""
        document = self.document
        stack = document.undo_stack
        stack.beginMacro(_tr("Voting results"))
        try:
            for entry in result.results:
                if entry.votes and entry.card in self._card_ids():
                    card = document.card(entry.card)
                    document.push(
                        EditCommand(
                            document, Entity.CARD, card.id, {"votes": card.votes + entry.votes}
                        )
                    )
            rounds = [*document.journey.workshop_rounds, result]
            document.push(
                EditCommand(document, Entity.MAP, document.journey.id, {"workshop_rounds": rounds})
            )
        finally:
            stack.endMacro()

    # ------------------------------------------------------------ what arrives

    def _on_arrived(self, event: Event) -> None:
        # Queued and applied in slices of a few milliseconds, so that a burst of notes
        # from a full room never holds the canvas still for longer than a frame.
        self._queue.append(event)
        if not self._drain_timer.isActive():
            self._drain_timer.start()

    def _drain(self, budget: float = _SLICE_SECONDS) -> None:
        started = time.perf_counter()
        notes = sum(isinstance(e, NoteAdded) for e in self._queue)
        # A burst (a room pressing Add at once) is one undo step per slice, so that the map
        # is laid out once, not once per note; a note that comes alone is a step of its own.
        stack = self.document.undo_stack
        if notes > 1:
            stack.beginMacro(_tr("Add notes from phones"))
        try:
            while self._queue and time.perf_counter() - started < budget:
                self._on_event(self._queue.popleft())
        finally:
            if notes > 1:
                stack.endMacro()
        if not self._queue:
            self._drain_timer.stop()

    def _on_event(self, event: Event) -> None:
        if isinstance(event, NoteAdded):
            note = event.note
            self._add_note(
                PendingNote(note.id, note.author, note.text, note.stage, note.lane, event.kind)
            )
        elif isinstance(event, NoteEdited):
            if event.card in self._card_ids() and self.document.card(event.card).text != event.text:
                self._push(
                    EditCommand(self.document, Entity.CARD, event.card, {"text": event.text})
                )
        elif isinstance(event, NoteDeleted):
            if event.card in self._card_ids():
                self._push(RemoveCardsCommand(self.document, [event.card]))
        elif isinstance(event, RoomChanged):
            self.room = event
            self.room_changed.emit(event)

    def _add_note(self, note: PendingNote) -> bool:
        """Put a note on the map as a card of its own (one undo step); False when the map
        has it already."""
        document = self.document
        if note.card in self._card_ids():
            return False
        stage_ids = {stage.id for stage in document.journey.stages}
        lane_ids = {lane.id for lane in document.journey.lanes}
        if not stage_ids or not lane_ids:
            return False
        # The cell may have gone since the phone sent the note: the first one stands in.
        stage = note.stage if note.stage in stage_ids else document.journey.stages[0].id
        lane = note.lane if note.lane in lane_ids else document.journey.lanes[0].id
        kind = note.kind or default_card_kind(document.lane(lane).kind)
        order = sum(1 for c in document.journey.cards if c.stage == stage and c.lane == lane)
        card = Card(
            id=note.card,
            stage=stage,
            lane=lane,
            order=order,
            kind=kind,
            text=note.text,
            author=note.author,
        )
        self._push(AddCardCommand(document, card))
        self.applied.add(note.note)
        self.arrival_times[note.card] = time.perf_counter()
        self.card_arrived.emit(note.card)
        return True

    def _push(self, command: AddCardCommand | EditCommand | RemoveCardsCommand) -> None:
        # The facilitator's selection stays as it is while notes arrive (and on undo).
        command.selection_before = command.selection_after = None
        self.document.push(command)

    def _card_ids(self) -> set[str]:
        return {card.id for card in self.document.journey.cards}

    # ------------------------------------------------------------ journal

    def _recover(self, records: list[dict[str, object]]) -> Recovered:
        """Merge into the map what a journal holds and the map lacks."""
        if not records:
            return Recovered(0, 0)
        round_ids = {r.id for r in self.document.journey.workshop_rounds}
        found = recovery(records, self._card_ids(), round_ids)
        added = 0
        for note in found.notes:
            added += self._add_note(note)
        for note in found.edits:
            if self.document.card(note.card).text != note.text:
                self._push(EditCommand(self.document, Entity.CARD, note.card, {"text": note.text}))
        gone = [card for card in found.deleted if card in self._card_ids()]
        if gone:
            self._push(RemoveCardsCommand(self.document, gone))
        rounds = 0
        for data in found.rounds:
            try:
                self.apply_round(WorkshopRound.model_validate(data))
                rounds += 1
            except ValueError:
                continue
        return Recovered(added, rounds)

    def _on_modified_changed(self, modified: bool) -> None:
        # Saved: the notes the map holds now are in the file; one deleted later on purpose
        # must not come back from the journal after a crash.
        if not modified and self.server is not None and self.server.running:
            self.server.record([{"type": "checkpoint", "applied": sorted(self.applied)}])


def existing_journal(path: Path | None) -> Path | None:
    """The journal a workshop on the map at `path` left behind, if any."""
    if path is None:
        return None
    candidate = journal_path(path)
    return candidate if candidate.exists() else None
