"""The editor is killed mid-workshop (SIGKILL) and started again: every note a phone was
told was saved is in the map, and the notes the phones still held arrive once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
from round_editor import VOTES_EACH, round_cards
from workshop_helpers import Phone, join

from journeycanvas.document.document import Document
from journeycanvas.io.jsonfile import load_map, save_map
from journeycanvas.io.templates import load_template
from journeycanvas.ui.workshop_host import WorkshopHost
from journeycanvas.workshop.journal import journal_path, read_journal
from journeycanvas.workshop.session import RoomChanged

ROOT = Path(__file__).resolve().parents[2]
PHONES = 3
NOTES_EACH = 12
KILL_AFTER = 15


def _editor(path: Path, home: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    """`journeycanvas workshop` in a subprocess, offscreen; returns it and its join URL."""
    command = [sys.executable, "-m", "journeycanvas", "workshop", str(path), "--bind", "127.0.0.1"]
    return _launch([*command, *extra], home)


def _launch(command: list[str], home: Path) -> tuple[subprocess.Popen[str], str]:
    """`command` in a subprocess, offscreen; returns it and the join URL it printed."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("Join: http://127.0.0.1:"):
        process.kill()
        raise AssertionError(f"{line!r}: {process.communicate()[1]}")
    return process, line.removeprefix("Join: ").strip()


class Room:
    """What the phones know: the notes they were told were saved, and those still queued."""

    def __init__(self) -> None:
        self.saved: dict[str, str] = {}
        self.queued: dict[str, tuple[int, str]] = {}


async def _write_until_killed(url: str, process: subprocess.Popen[str], room: Room) -> None:
    async with aiohttp.ClientSession() as http:
        phones = [await join(http, url, f"Person {n}") for n in range(PHONES)]
        for n, phone in enumerate(phones):
            for k in range(NOTES_EACH):
                note_id = f"p{n}-note-{k:03d}"
                room.queued[note_id] = (n, f"Person {n}: anteckning {k} – 笔记 {k}")
                await phone.send(type="note", id=note_id, text=room.queued[note_id][1])

        async def listen(phone: Phone) -> None:
            while True:
                msg = await phone.ws.receive()
                if msg.type != aiohttp.WSMsgType.TEXT:
                    return
                message = msg.json()
                if message["type"] == "saved":
                    room.saved[message["id"]] = message["text"]
                    room.queued.pop(message["id"], None)
                    if len(room.saved) == KILL_AFTER:
                        process.send_signal(signal.SIGKILL)  # mid-stream, others in flight

        await asyncio.gather(*(listen(phone) for phone in phones))


async def _come_back(url: str, tokens: list[str], room: Room) -> None:
    """Each phone reconnects with its token and sends what it still holds, twice over."""
    async with aiohttp.ClientSession() as http:
        for n, token in enumerate(tokens):
            phone = Phone(await http.ws_connect(url + "ws"))
            await phone.send(type="hello", token=token)
            await phone.until("welcome")
            pending = [(i, t) for i, (owner, t) in room.queued.items() if owner == n]
            for note_id, text in pending * 2:
                await phone.send(type="note", id=note_id, text=text)
            for note_id, _text in pending:
                saved = await phone.until("saved", id=note_id)
                room.saved[note_id] = saved["text"]
            await phone.ws.close()


def test_every_note_told_saved_survives_a_killed_editor(tmp_path: Path) -> None:
    path = tmp_path / "bakery.journey"
    save_map(load_template("hourglass", title="Bakery"), path)
    process, url = _editor(path, tmp_path, "--open", "Buy:Pain points")
    room = Room()
    try:
        asyncio.run(asyncio.wait_for(_write_until_killed(url, process, room), 30))
    finally:
        process.kill()
        process.wait(10)
    assert process.returncode == -signal.SIGKILL
    assert len(room.saved) >= KILL_AFTER
    assert journal_path(path).exists()
    told_saved = dict(room.saved)
    assert not any(c.text in told_saved.values() for c in load_map(path).cards)

    tokens = [r["token"] for r in read_journal(journal_path(path)) if r["type"] == "join"]
    again, url_again = _editor(path, tmp_path)
    try:
        assert url_again == url  # the same code and port: the phones come back by themselves
        asyncio.run(asyncio.wait_for(_come_back(url_again, tokens, room), 30))
    finally:
        again.send_signal(signal.SIGINT)  # Ctrl+C ends the workshop: the map is saved
        returncode = again.wait(20)
    assert returncode == 0, again.stderr.read() if again.stderr else ""

    journey = load_map(path)
    cards = {c.id: c for c in journey.cards}
    buy = next(s.id for s in journey.stages if s.name == "Buy")
    for note_id, text in told_saved.items():
        assert cards[f"n{note_id}"].text == text
        assert cards[f"n{note_id}"].stage == buy
    from_phones = [c for c in journey.cards if c.author]
    assert len(from_phones) == PHONES * NOTES_EACH  # every note once: none lost, none doubled
    assert not journal_path(path).exists()


async def _vote_until_killed(
    url: str, process: subprocess.Popen[str], plan: list[tuple[int, str]]
) -> None:
    """Two phones vote as `plan` says (phone, card), each vote told counted, then the
    editor is killed."""
    async with aiohttp.ClientSession() as http:
        phones = [await join(http, url, name) for name in ("Åsa", "李")]
        for phone in phones:
            assert (await phone.until("state"))["round"]["votes_left"] == VOTES_EACH
        for n, card in plan:
            await phones[n].send(type="vote", card=card)
            state = await phones[n].until("state")
            assert card in state["round"]["mine"]  # the phone was told the vote counts
        process.send_signal(signal.SIGKILL)
        process.wait(10)


async def _vote_again(url: str, tokens: list[str], last_vote: str) -> list[dict[str, Any]]:
    """The phones come back; the second casts its last vote. Returns the rounds they saw."""
    seen = []
    async with aiohttp.ClientSession() as http:
        for token in tokens:
            phone = Phone(await http.ws_connect(url + "ws"))
            await phone.send(type="hello", token=token)
            seen.append((await phone.until("state"))["round"])
            if token == tokens[-1]:
                await phone.send(type="vote", card=last_vote)
                assert (await phone.until("state"))["round"]["votes_left"] == 0
            await phone.ws.close()
    return seen


def test_votes_of_an_open_round_survive_a_killed_editor(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bakery.journey"
    save_map(load_template("hourglass", title="Bakery"), path)
    document = Document()
    document.load(path)
    first, second, third = round_cards(document)
    votes_before = {c.id: c.votes for c in document.journey.cards}
    script = str(Path(__file__).with_name("round_editor.py"))
    process, url = _launch([sys.executable, script, str(path)], tmp_path)
    try:
        plan = [(0, second), (0, second), (1, third)]
        asyncio.run(asyncio.wait_for(_vote_until_killed(url, process, plan), 30))
    finally:
        process.kill()
        process.wait(10)
    assert process.returncode == -signal.SIGKILL
    records = read_journal(journal_path(path))
    round_id = next(r["round"]["id"] for r in records if r["type"] == "round_open")

    host = WorkshopHost(document)
    shown: list[RoomChanged] = []
    host.room_changed.connect(shown.append)
    try:
        host.start("127.0.0.1")
        assert shown[0].counts == {first: 0, second: 2, third: 1}  # on the panel at once
        assert [name for _id, name in shown[0].participants] == ["Åsa", "李"]
        assert host.url == url
        restored = host.session.round if host.session else None
        assert restored is not None and restored.id == round_id
        assert (restored.title, restored.anonymous, restored.votes_per_participant) == (
            "Worst pain",
            False,
            VOTES_EACH,
        )
        assert restored.counts() == {first: 0, second: 2, third: 1}

        tokens = [r["token"] for r in records if r["type"] == "join"]
        seen = asyncio.run(asyncio.wait_for(_vote_again(url, tokens, first), 30))
        assert [(r["id"], r["votes_left"], r["mine"]) for r in seen] == [
            (round_id, 0, {second: 2}),
            (round_id, 1, {third: 1}),
        ]
        qtbot.waitUntil(lambda: sum(host.room.counts.values()) == 4, timeout=5000)
        result = host.close_round()
        assert result is not None and result.id == round_id
        assert [(r.card, r.votes, sorted(r.voters)) for r in result.results] == [
            (second, 2, ["Åsa", "Åsa"]),
            (first, 1, ["李"]),
            (third, 1, ["李"]),
        ]
        host.end()
    finally:
        if host.running:
            host.stop_without_saving()

    journey = load_map(path)
    votes = {c.id: c.votes - votes_before[c.id] for c in journey.cards}
    assert (votes[first], votes[second], votes[third]) == (1, 2, 1)
    assert sum(votes.values()) == 4
    assert [r.id for r in journey.workshop_rounds] == [round_id]
    assert not journal_path(path).exists()
