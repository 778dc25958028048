"""A workshop server on 127.0.0.1 for tests, and a small WebSocket phone to talk to it."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import aiohttp

from journeycanvas.workshop.journal import Journal
from journeycanvas.workshop.server import WorkshopServer
from journeycanvas.workshop.session import Event, InputCell, WorkshopSession

CELL = InputCell(
    "s1", "l1", "Buy", "Pain points", "What got in the way?", "pain_point", "Pain point"
)


class Collector:
    """The host's side in tests: every event the server delivers, thread-safely."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._lock = threading.Lock()

    def __call__(self, event: Event) -> None:
        with self._lock:
            self.events.append(event)

    def of(self, kind: type) -> list[Any]:
        """The events of one kind, in order."""
        with self._lock:
            return [e for e in self.events if isinstance(e, kind)]


@contextmanager
def running_server(
    tmp_path: Path, *, open_cell: bool = True
) -> Iterator[tuple[WorkshopServer, Collector]]:
    """A started server with input open in `CELL`, stopped afterwards."""
    session = WorkshopSession("Bakery")
    if open_cell:
        session.input = CELL
    collector = Collector()
    journal = Journal(tmp_path / "map.workshop.jsonl")
    server = WorkshopServer(session, journal, collector, bind="127.0.0.1", port=0)
    server.start()
    try:
        yield server, collector
    finally:
        server.stop()
        journal.close()


class Phone:
    """One participant's WebSocket, with the messages it received."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.received: list[dict[str, Any]] = []

    async def send(self, **message: Any) -> None:
        """Send one message."""
        await self.ws.send_str(json.dumps(message))

    async def until(self, kind: str, timeout: float = 5.0, **fields: Any) -> dict[str, Any]:
        """The first message of type `kind` (with `fields`) received from now or before."""
        for message in self.received:
            if message["type"] == kind and all(message.get(k) == v for k, v in fields.items()):
                self.received.remove(message)
                return message
        async with asyncio.timeout(timeout):
            while True:
                msg = await self.ws.receive()
                if msg.type != aiohttp.WSMsgType.TEXT:
                    raise ConnectionError(f"closed: {msg.type} {msg.data}")
                message = json.loads(msg.data)
                if message["type"] == kind and all(message.get(k) == v for k, v in fields.items()):
                    return message
                self.received.append(message)


async def join(session: aiohttp.ClientSession, url: str, name: str) -> Phone:
    """Connect to the join URL's WebSocket and join as `name`."""
    phone = Phone(await session.ws_connect(url + "ws"))
    await phone.send(type="join", name=name)
    await phone.until("welcome")
    return phone
