"""The editor's side of a workshop: notes from phones become undoable cards of the map."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any

import aiohttp
import pytest
from workshop_helpers import join

from journeycanvas.io.jsonfile import load_map
from journeycanvas.ui.workshop_host import WorkshopHost
from journeycanvas.workshop.journal import journal_path, read_journal


def in_thread(coro_fn: Callable[[], Coroutine[Any, Any, Any]]) -> threading.Thread:
    """Run phones in a thread of their own, as real phones would, while Qt runs here."""
    thread = threading.Thread(target=lambda: asyncio.run(coro_fn()), daemon=True)
    thread.start()
    return thread


def test_notes_become_cards_with_their_author_one_undo_step_each(host: WorkshopHost, qtbot) -> None:  # type: ignore[no-untyped-def]
    journey = host.document.journey
    stage, lane = journey.stages[4], journey.lanes[0]
    host.start("127.0.0.1")
    host.open_input(stage.id, lane.id, "What made buying hard?", "pain_point")

    before = host.document.undo_stack.count()
    for n, text in enumerate(["Kassan var stängd", "付款太慢"]):

        async def phone(n: int = n, text: str = text) -> None:
            async with aiohttp.ClientSession() as http:
                person = await join(http, host.url, "Åsa")
                await person.send(type="note", id=f"phone-note-{n}", text=text)
                await person.until("saved")

        in_thread(phone)
        qtbot.waitUntil(lambda n=n: len(host.arrival_times) == n + 1, timeout=5000)
    added = [host.document.card(card_id) for card_id in host.arrival_times]
    assert [(c.text, c.author, c.stage, c.lane, c.kind) for c in added] == [
        ("Kassan var stängd", "Åsa", stage.id, lane.id, "pain_point"),
        ("付款太慢", "Åsa", stage.id, lane.id, "pain_point"),
    ]
    assert host.document.undo_stack.count() == before + 2
    host.document.undo_stack.undo()
    assert len([c for c in host.document.journey.cards if c.author]) == 1


def test_ending_saves_the_map_and_removes_the_journal(host: WorkshopHost, qtbot) -> None:  # type: ignore[no-untyped-def]
    journey = host.document.journey
    host.start("127.0.0.1")
    host.open_input(journey.stages[0].id, journey.lanes[0].id)
    port = host.server.port if host.server else 0

    async def phones() -> None:
        async with aiohttp.ClientSession() as http:
            phone = await join(http, host.url, "Bo")
            await phone.send(type="note", id="phone-note-x", text="Hej")
            await phone.until("saved")

    in_thread(phones).join(5)
    qtbot.waitUntil(lambda: len(host.arrival_times) == 1, timeout=5000)
    path = host.document.path
    assert path is not None and journal_path(path).exists()
    host.end()
    assert not journal_path(path).exists()
    assert [c.author for c in load_map(path).cards if c.text == "Hej"] == ["Bo"]
    with pytest.raises(OSError):
        import socket

        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_a_voting_round_ranks_and_writes_votes_in_one_undo_step(host: WorkshopHost, qtbot) -> None:  # type: ignore[no-untyped-def]
    cards = host.document.journey.cards[:3]
    host.start("127.0.0.1")
    host.start_round("Worst pain", [c.id for c in cards], 2, anonymous=False)
    votes_before = [c.votes for c in cards]

    async def phones() -> None:
        async with aiohttp.ClientSession() as http:
            a = await join(http, host.url, "A")
            b = await join(http, host.url, "B")
            for phone, card in ((a, cards[1]), (a, cards[1]), (b, cards[2]), (b, cards[1])):
                await phone.send(type="vote", card=card.id)
                await phone.until("state")
            await a.send(type="vote", card=cards[0].id)
            assert (await a.until("error"))["reason"] == "no votes left"

    in_thread(phones).join(10)
    qtbot.waitUntil(lambda: sum(host.room.counts.values()) == 4, timeout=5000)
    steps = host.document.undo_stack.count()
    result = host.close_round()
    assert result is not None
    assert [(r.card, r.votes) for r in result.results] == [
        (cards[1].id, 3),
        (cards[2].id, 1),
        (cards[0].id, 0),
    ]
    assert sorted(result.results[0].voters) == ["A", "A", "B"]
    assert host.document.undo_stack.count() == steps + 1
    assert [c.votes for c in cards] == [votes_before[0], votes_before[1] + 3, votes_before[2] + 1]
    assert host.document.journey.workshop_rounds[-1].id == result.id
    host.document.undo_stack.undo()
    assert [c.votes for c in cards] == votes_before
    assert host.document.journey.workshop_rounds == []
    records = read_journal(journal_path(host.document.path))  # type: ignore[arg-type]
    assert [r["round"]["id"] for r in records if r["type"] == "round"] == [result.id]


def _phones_vote(url: str, card_ids: list[str]) -> None:
    """One participant puts a dot on each of `card_ids`, waiting for each to count."""

    async def phone() -> None:
        async with aiohttp.ClientSession() as http:
            person = await join(http, url, "Cilla")
            for card_id in card_ids:
                await person.send(type="vote", card=card_id)
                await person.until("state")

    in_thread(phone).join(10)


def test_a_new_round_closes_the_open_one_and_keeps_its_votes(host: WorkshopHost, qtbot) -> None:  # type: ignore[no-untyped-def]
    cards = host.document.journey.cards[:3]
    host.start("127.0.0.1")
    host.start_round("First", [c.id for c in cards], 2, anonymous=True)
    _phones_vote(host.url, [cards[0].id, cards[0].id])
    qtbot.waitUntil(lambda: sum(host.room.counts.values()) == 2, timeout=5000)
    votes_before = cards[0].votes

    closed = host.start_round("Second", [c.id for c in cards[1:]], 1, anonymous=True)

    assert closed is not None and closed.title == "First"
    assert (closed.results[0].card, closed.results[0].votes) == (cards[0].id, 2)
    assert [r.title for r in host.document.journey.workshop_rounds] == ["First"]
    assert cards[0].votes == votes_before + 2
    assert host.session is not None and host.session.round is not None
    assert host.session.round.title == "Second"
    records = read_journal(journal_path(host.document.path))  # type: ignore[arg-type]
    kinds = [
        (r["type"], r["round"]["title"]) for r in records if r["type"] in ("round", "round_open")
    ]
    assert kinds == [("round_open", "First"), ("round", "First"), ("round_open", "Second")]


def test_ending_the_workshop_keeps_the_open_rounds_votes(host: WorkshopHost, qtbot) -> None:  # type: ignore[no-untyped-def]
    cards = host.document.journey.cards[:2]
    host.start("127.0.0.1")
    host.start_round("Last call", [c.id for c in cards], 1, anonymous=False)
    _phones_vote(host.url, [cards[1].id])
    qtbot.waitUntil(lambda: sum(host.room.counts.values()) == 1, timeout=5000)
    path = host.document.path
    host.end()
    saved = load_map(path)  # type: ignore[arg-type]
    assert [(r.title, r.results[0].card, r.results[0].voters) for r in saved.workshop_rounds] == [
        ("Last call", cards[1].id, ["Cilla"])
    ]
