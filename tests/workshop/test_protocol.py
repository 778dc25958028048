"""The workshop protocol over real sockets on 127.0.0.1: what a phone may and may not do."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import aiohttp
import pytest
from workshop_helpers import Phone, join, running_server

from journeycanvas.workshop.journal import read_journal
from journeycanvas.workshop.limits import MAX_NOTE_CHARS, RATE_BURST
from journeycanvas.workshop.session import NoteAdded


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def test_wrong_or_missing_code_gets_403_and_nothing_else(tmp_path: Path) -> None:
    with running_server(tmp_path) as (server, _):
        base = f"http://127.0.0.1:{server.port}"

        async def probe() -> list[tuple[int, bytes]]:
            async with aiohttp.ClientSession() as http:
                answers = []
                for path in (
                    "/",
                    "/j/",
                    "/j/wrongcode/",
                    "/j/wrongcode/ws",
                    "/j/wrongcode/app.js",
                    f"/j/{server.code}x/",
                    f"/j/{server.code}/../../etc/passwd",
                    f"/j/{server.code}/index.html",
                    f"/j/{server.code}/%2e%2e/pyproject.toml",
                ):
                    async with http.get(base + path) as response:
                        answers.append((response.status, await response.read()))
                async with http.post(f"{base}/j/{server.code}/", data=b"x") as response:
                    answers.append((response.status, await response.read()))
                async with http.get(server.url) as response:
                    page = (response.status, await response.read())
                return [*answers, page]

        answers = run(probe())
        assert answers[:-1] == [(403, b"")] * (len(answers) - 1)
        status, page = answers[-1]
        assert status == 200 and b'<textarea id="note"' in page


def test_a_note_is_journaled_before_the_phone_hears_saved(tmp_path: Path) -> None:
    with running_server(tmp_path) as (server, collector):

        async def talk() -> dict:
            async with aiohttp.ClientSession() as http:
                phone = await join(http, server.url, "Åsa")
                await phone.send(type="note", id="note-0001", text="Kön var för lång")
                saved = await phone.until("saved")
                # The journal holds the note at the moment the phone hears "saved".
                journaled = [r for r in read_journal(server.journal.path) if r["type"] == "note"]
                assert [r["text"] for r in journaled] == ["Kön var för lång"]
                return saved

        saved = run(talk())
    assert saved == {"type": "saved", "id": "note-0001", "text": "Kön var för lång"}
    added = collector.of(NoteAdded)
    assert [(e.note.author, e.note.text, e.note.stage, e.note.lane) for e in added] == [
        ("Åsa", "Kön var för lång", "s1", "l1")
    ]


def test_oversized_notes_are_refused(tmp_path: Path) -> None:
    with running_server(tmp_path) as (server, collector):

        async def talk() -> tuple[dict, aiohttp.WSMessage]:
            async with aiohttp.ClientSession() as http:
                phone = await join(http, server.url, "Bo")
                await phone.send(type="note", id="note-long1", text="x" * (MAX_NOTE_CHARS + 1))
                error = await phone.until("error")
                # A message over the size cap closes the connection outright.
                await phone.send(type="note", id="note-huge1", text="y" * 10_000)
                closed = await phone.ws.receive()
                return error, closed

        error, closed = run(talk())
    assert error["id"] == "note-long1" and "too long" in error["reason"]
    assert closed.type in (
        aiohttp.WSMsgType.CLOSE,
        aiohttp.WSMsgType.CLOSED,
        aiohttp.WSMsgType.ERROR,
    )
    assert collector.of(NoteAdded) == []


def test_a_flood_from_one_participant_is_rate_limited(tmp_path: Path) -> None:
    with running_server(tmp_path) as (server, collector):

        async def talk() -> tuple[int, int, dict]:
            async with aiohttp.ClientSession() as http:
                flooder = await join(http, server.url, "Flood")
                other = await join(http, server.url, "Calm")
                for n in range(200):
                    await flooder.send(type="note", id=f"flood-{n:04d}", text=f"spam {n}")
                saved = refused = 0
                while saved + refused < 200:
                    msg = await flooder.ws.receive(timeout=5)
                    kind = aiohttp.WSMessage.json(msg)["type"]
                    saved += kind == "saved"
                    refused += kind == "error"
                # Someone else is not slowed down by the flood.
                await other.send(type="note", id="calm-0001", text="Still here")
                return saved, refused, await other.until("saved")

        saved, refused, calm = run(talk())
    assert RATE_BURST <= saved < RATE_BURST + 10
    assert refused == 200 - saved
    assert calm["id"] == "calm-0001"
    assert len(collector.of(NoteAdded)) == saved + 1


def test_a_script_note_reaches_another_phone_as_plain_text(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    with running_server(tmp_path) as (server, _):

        async def talk() -> dict:
            async with aiohttp.ClientSession() as http:
                writer = await join(http, server.url, "<b>Eve</b>")
                reader = await join(http, server.url, "Reader")
                await writer.send(type="note", id="hostile-01", text=hostile)
                return await reader.until("wall_changes")

        changes = run(talk())["changes"]
    # The server passes the text on unchanged, as data; the page shows it with textContent
    # (the browser test checks what a person sees).
    assert [(c["op"], c["author"], c["text"]) for c in changes] == [
        ("posted", "<b>Eve</b>", hostile)
    ]


def test_a_queued_note_sent_again_after_reconnecting_is_not_doubled(tmp_path: Path) -> None:
    with running_server(tmp_path) as (server, collector):

        async def talk() -> tuple[dict, dict]:
            async with aiohttp.ClientSession() as http:
                phone = await join(http, server.url, "Li")
                await phone.send(type="note", id="queued-001", text="排队太久")
                first = await phone.until("saved")
                await phone.ws.close()  # the Wi-Fi drops before the phone saw "saved"…
                token = next(
                    r["token"] for r in read_journal(server.journal.path) if r["type"] == "join"
                )
                again = Phone(await http.ws_connect(server.url + "ws"))
                await again.send(type="hello", token=token)
                welcome = await again.until("welcome")
                mine = await again.until("mine")
                await again.send(type="note", id="queued-001", text="排队太久")  # …so it resends
                second = await again.until("saved")
                assert welcome["name"] == "Li"
                assert mine["notes"] == [{"id": "queued-001", "text": "排队太久"}]
                return first, second

        first, second = run(talk())
    assert first == second
    assert len(collector.of(NoteAdded)) == 1
    notes = [r for r in read_journal(tmp_path / "map.workshop.jsonl") if r["type"] == "note"]
    assert len(notes) == 1


def test_nothing_listens_after_the_workshop_ends(tmp_path: Path) -> None:
    with running_server(tmp_path) as (server, _):
        port = server.port
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
