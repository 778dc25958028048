"""The workshop's web server: aiohttp in a thread of its own, with its own asyncio loop.

Only four routes exist, all under the join code: ``/j/CODE/`` (the page), ``/j/CODE/app.js``,
``/j/CODE/style.css`` and ``/j/CODE/ws`` (the WebSocket). Any other request, a wrong code or
none gets 403 and an empty body. Accepted contributions go to the journal (flushed and
fsynced, several at once when many arrive together) before the phone hears "saved", then to
the host through `deliver`, which is called on the server's thread and must be thread-safe
(the editor's adapter emits a Qt signal). The editor's own calls (`call`) run on the
server's loop through ``asyncio.run_coroutine_threadsafe``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import secrets
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from journeycanvas.workshop.journal import Journal
from journeycanvas.workshop.limits import MAX_MESSAGE_BYTES, MAX_REQUEST_BYTES
from journeycanvas.workshop.page import PageFile, page_files
from journeycanvas.workshop.protocol import (
    AddNote,
    DeleteNote,
    EditNote,
    Hello,
    Join,
    Message,
    ProtocolError,
    Vote,
    parse_message,
)
from journeycanvas.workshop.session import (
    Accepted,
    Event,
    NoteAdded,
    NoteDeleted,
    NoteEdited,
    Participant,
    RateLimiter,
    WorkshopSession,
)

T = TypeVar("T")

_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "connect-src 'self' ws: wss:; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_WALL_DELAY = 0.2
"""Seconds the notes for the phones' "so far" list are gathered before they are sent."""
_JOINS_BURST = 60
_JOINS_PER_SECOND = 2.0


def new_join_code() -> str:
    """A random, unguessable join code (128 bits, URL-safe)."""
    return secrets.token_urlsafe(16)


def url_host(address: str) -> str:
    """`address` as the host part of a URL (an IPv6 address in brackets)."""
    try:
        return f"[{address}]" if ipaddress.ip_address(address).version == 6 else address
    except ValueError:
        return address


class WorkshopServer:
    """Serves one workshop's page and WebSocket on `bind`:`port` (0: any free port)."""

    def __init__(
        self,
        session: WorkshopSession,
        journal: Journal,
        deliver: Callable[[Event], None],
        *,
        bind: str = "127.0.0.1",
        port: int = 0,
        code: str | None = None,
    ) -> None:
        self.session = session
        self.journal = journal
        self.bind = bind
        self.port = port
        self.code = code or new_join_code()
        self._deliver = deliver
        self._files: dict[str, PageFile] = page_files()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._sockets: dict[str, set[web.WebSocketResponse]] = {}
        self._anonymous: set[web.WebSocketResponse] = set()
        self._join_limits: dict[str, RateLimiter] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")
        self._pending: list[tuple[list[dict[str, Any]], asyncio.Future[None]]] = []
        self._writing = False
        self._writer: asyncio.Task[None] | None = None
        self._wall_changes: list[dict[str, Any]] = []
        self._sending: set[asyncio.Future[None]] = set()

    # ------------------------------------------------------------ life

    @property
    def url(self) -> str:
        """The join URL: what the QR code says."""
        return f"http://{url_host(self.bind)}:{self.port}/j/{self.code}/"

    @property
    def running(self) -> bool:
        """Whether the server is listening."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start listening (returns once it does); OSError when the address cannot be used."""
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(
            target=self._run, args=(ready, failure), name="workshop-server", daemon=True
        )
        self._thread.start()
        ready.wait()
        if failure:
            self._thread.join()
            self._thread = None
            raise failure[0]

    def stop(self) -> None:
        """Say goodbye to every phone and stop listening; nothing listens afterwards."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        asyncio.run_coroutine_threadsafe(self._close(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        self._thread = None
        self._executor.shutdown(wait=True)

    def _run(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._open())
        except BaseException as exc:
            failure.append(exc)
            loop.close()
            ready.set()
            return
        self._loop = loop
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    async def _open(self) -> None:
        app = web.Application(client_max_size=MAX_REQUEST_BYTES)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.bind, self.port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        server = site._server  # aiohttp keeps the asyncio server here; we need its port
        if self.port == 0 and isinstance(server, asyncio.base_events.Server):
            self.port = server.sockets[0].getsockname()[1]

    async def _close(self) -> None:
        for ws in [*self._anonymous, *(ws for group in self._sockets.values() for ws in group)]:
            with contextlib.suppress(Exception):
                await ws.close(code=1001, message=b"workshop ended")
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------ calls from the editor

    def call(self, action: Callable[[WorkshopSession], T], *, broadcast: bool = True) -> T:
        """Run `action(session)` on the server's thread and return its result; then send
        every phone its new state (the facilitator opened input, started a round …)."""
        loop = self._loop
        if loop is None or not self.running:
            raise RuntimeError("the workshop server is not running")

        async def run() -> T:
            result = action(self.session)
            if broadcast:
                await self._send_states()
            return result

        return asyncio.run_coroutine_threadsafe(run(), loop).result(timeout=10)

    def record(self, records: list[dict[str, Any]]) -> None:
        """Append `records` to the journal in turn with the phones' (from the editor)."""
        loop = self._loop
        if loop is None or not self.running:
            raise RuntimeError("the workshop server is not running")
        asyncio.run_coroutine_threadsafe(self._write(records), loop).result(timeout=10)

    def remove_participant(self, participant_id: str) -> None:
        """Send a participant away: journaled, their phone told and disconnected."""
        loop = self._loop
        if loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._remove(participant_id), loop).result(timeout=10)

    async def _remove(self, participant_id: str) -> None:
        accepted = self.session.remove(participant_id)
        await self._write(accepted.records)
        if accepted.event is not None:
            self._deliver(accepted.event)
        for ws in self._sockets.pop(participant_id, set()):
            with contextlib.suppress(Exception):
                await ws.send_json(accepted.reply)
                await ws.close(code=1008, message=b"removed")

    # ------------------------------------------------------------ HTTP

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        parts = request.path.split("/")
        # /j/CODE/NAME: ["", "j", CODE, NAME]; everything else is refused alike.
        if (
            request.method != "GET"
            or len(parts) != 4
            or parts[1] != "j"
            or not secrets.compare_digest(parts[2].encode(), self.code.encode())
        ):
            return web.Response(status=403)
        name = parts[3]
        if name == "ws":
            return await self._websocket(request)
        page_file = self._files.get(name)
        if page_file is None:
            return web.Response(status=403)
        return web.Response(
            body=page_file.body,
            content_type=page_file.content_type,
            charset="utf-8",
            headers=_HEADERS,
        )

    # ------------------------------------------------------------ WebSocket

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, heartbeat=20.0)
        await ws.prepare(request)
        self._anonymous.add(ws)
        participant: Participant | None = None
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    break
                if participant is not None and participant.removed:
                    break
                try:
                    message = parse_message(msg.data)
                    if participant is None:
                        participant = await self._admit(ws, message, request.remote or "")
                    else:
                        await self._serve(ws, participant, message)
                except ProtocolError as exc:
                    await ws.send_json(
                        {"type": "error", "reason": str(exc), "id": _message_id(msg.data)}
                    )
        finally:
            self._anonymous.discard(ws)
            if participant is not None:
                self._sockets.get(participant.id, set()).discard(ws)
        return ws

    async def _admit(self, ws: web.WebSocketResponse, message: Message, remote: str) -> Participant:
        if isinstance(message, Join):
            limiter = self._join_limits.setdefault(
                remote, RateLimiter(_JOINS_BURST, _JOINS_PER_SECOND, _JOINS_BURST)
            )
            if not limiter.allow():
                raise ProtocolError("slow down")
            accepted = self.session.join(message.name)
            participant = self.session.resume(accepted.reply["token"])
            await self._accept(accepted)
            await ws.send_json(accepted.reply)
        elif isinstance(message, Hello):
            participant = self.session.resume(message.token)
            await ws.send_json(
                {"type": "welcome", "token": message.token, "name": participant.name}
            )
        else:
            raise ProtocolError("join first")
        self._anonymous.discard(ws)
        self._sockets.setdefault(participant.id, set()).add(ws)
        await ws.send_json({"type": "mine", "notes": self.session.own_notes(participant)})
        await ws.send_json({"type": "wall", "notes": self.session.wall()})
        await ws.send_json(self.session.state_for(participant))
        return participant

    async def _serve(
        self, ws: web.WebSocketResponse, participant: Participant, message: Message
    ) -> None:
        if not participant.limiter.allow():
            raise ProtocolError("slow down")
        session = self.session
        if isinstance(message, AddNote):
            accepted = session.add_note(participant, message.id, message.text)
            if accepted is None:  # a resend of a saved note: say so again, add nothing
                await ws.send_json(session.saved_reply(session.notes[message.id]))
                return
            try:
                await self._accept(accepted)
            except OSError:
                session.forget_note(message.id)
                raise ProtocolError("not saved: the editor cannot write its journal") from None
        elif isinstance(message, EditNote):
            accepted = session.edit_note(participant, message.id, message.text)
            await self._accept(accepted)
        elif isinstance(message, DeleteNote):
            accepted = session.delete_note(participant, message.id)
            await self._accept(accepted)
        elif isinstance(message, Vote):
            accepted = session.vote(participant, message.card)
            await self._accept(accepted)
        else:
            raise ProtocolError("already joined")
        await self._send(participant.id, accepted.reply)
        await self._announce(accepted.event)

    async def _accept(self, accepted: Accepted) -> None:
        """Journal what was accepted (on the disk when this returns), then tell the host."""
        await self._write(accepted.records)
        if accepted.event is not None:
            self._deliver(accepted.event)

    async def _announce(self, event: Event | None) -> None:
        """Tell every phone about a note added, changed or taken back: gathered for a
        moment and sent as one message, so that a room typing at once is not 50 × 50
        messages a note."""
        if isinstance(event, NoteAdded):
            note = event.note
            change = {"op": "posted", "card": note.card, "author": note.author, "text": note.text}
        elif isinstance(event, NoteEdited):
            change = {"op": "changed", "card": event.card, "text": event.text}
        elif isinstance(event, NoteDeleted):
            change = {"op": "unposted", "card": event.card}
        else:
            return
        self._wall_changes.append(change)
        if len(self._wall_changes) == 1:
            asyncio.get_running_loop().call_later(_WALL_DELAY, self._flush_wall)

    def _flush_wall(self) -> None:
        changes, self._wall_changes = self._wall_changes, []
        text = json.dumps({"type": "wall_changes", "changes": changes}, ensure_ascii=False)
        for group in list(self._sockets.values()):
            for ws in list(group):
                if not ws.closed:
                    self._sending.add(asyncio.ensure_future(ws.send_str(text)))
        self._sending = {task for task in self._sending if not task.done()}

    # ------------------------------------------------------------ journal (group commit)

    async def _write(self, records: list[dict[str, Any]]) -> None:
        """Append `records` to the journal; returns once they are fsynced. Records that
        arrive while a write runs go together in the next one."""
        if not records:
            return
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self._pending.append((records, done))
        if not self._writing:
            self._writing = True
            self._writer = loop.create_task(self._write_pending())
        await done

    async def _write_pending(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self._pending:
                batch, self._pending = self._pending, []
                lines = [record for records, _ in batch for record in records]
                try:
                    await loop.run_in_executor(self._executor, self.journal.append, lines)
                except OSError as exc:
                    for _, done in batch:
                        done.set_exception(exc)
                else:
                    for _, done in batch:
                        done.set_result(None)
        finally:
            self._writing = False

    # ------------------------------------------------------------ sending

    async def _send(self, participant_id: str, data: dict[str, Any]) -> None:
        for ws in list(self._sockets.get(participant_id, ())):
            with contextlib.suppress(ConnectionError, RuntimeError):
                await ws.send_json(data)

    async def _send_states(self) -> None:
        session = self.session
        wall = {"type": "wall", "notes": session.wall()}
        for participant_id in list(self._sockets):
            participant = session.participants[participant_id]
            await self._send(participant_id, wall)
            await self._send(participant_id, session.state_for(participant))


def _message_id(raw: str) -> str | None:
    """The note id a refused message named (a short string), so that the phone knows which
    of its notes was refused."""
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) and len(value) <= 40 else None
