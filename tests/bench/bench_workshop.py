"""A 50-person workshop on loopback: each participant adds 20 notes, then votes 3 times.

Run: ``QT_QPA_PLATFORM=offscreen python tests/bench/bench_workshop.py [--burst]``. Prints ``figure
value unit`` lines: latency from a phone sending a note to its card existing in the editor's
Document (p50, p95), notes lost (must be 0), the vote round trip, the editor's frame time
meanwhile (the gaps between ticks of a 16 ms timer on the GUI thread: what a user would
see as the canvas stuttering), and the floor: an aiohttp WebSocket echo round trip with the
same 50 clients and 1,000 messages, for the ratio. Goal: p95 < 300 ms, 0 lost, frames < 16 ms
(a gap of 16 ms is a timer on time).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "workshop"))

import aiohttp
from aiohttp import web
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from workshop_helpers import Phone, join

from journeycanvas.io.jsonfile import save_map
from journeycanvas.io.templates import load_template
from journeycanvas.ui.app import application
from journeycanvas.ui.autosave import AutosaveStore
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.settings import AppSettings
from journeycanvas.workshop.candidates import Scope
from journeycanvas.workshop.protocol import card_id_for

PARTICIPANTS = 50
NOTES_EACH = 20
VOTES_EACH = 3
BURST = "--burst" in sys.argv
"""All notes at once (1,000 in about a second) instead of one every 0.5–1.5 s a person
(50 a second for the room: still ten times faster than people write)."""


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, value: float, unit: str) -> None:
    """One ``figure value unit`` line."""
    print(f"{name} {value:.2f} {unit}", flush=True)


def run_gui_until(done: Any, frames: list[float]) -> None:
    """Process the GUI's events until `done`, timing a 16 ms timer's ticks meanwhile."""
    loop = QEventLoop()
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        frames.append((now - last[0]) / 1e6)
        last[0] = now
        if done.is_set():
            loop.quit()

    timer = QTimer()
    timer.setInterval(16)
    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    timer.stop()


async def phones_at_work(
    url: str,
    sent: dict[str, float],
    round_trips: list[float],
    notes_done: Any,
    round_open: Any,
) -> None:
    """Everyone joins and sends 20 notes as fast as the phone lets them; once the round
    opens, everyone votes 3 times, each vote's reply timed."""
    async with aiohttp.ClientSession() as http:
        phones = [await join(http, url, f"Person {n}") for n in range(PARTICIPANTS)]

        async def write(n: int, phone: Phone) -> None:
            pace = random.Random(n)
            for k in range(NOTES_EACH):
                note_id = f"bench-{n:03d}-{k:03d}"
                sent[card_id_for(note_id)] = time.perf_counter()
                await phone.send(
                    type="note", id=note_id, text=f"Person {n}, note {k}: kön var lång"
                )
                if not BURST:
                    await asyncio.sleep(pace.uniform(0.5, 1.5))
            for _ in range(NOTES_EACH):
                await phone.until("saved", timeout=60)

        await asyncio.gather(*(write(n, phone) for n, phone in enumerate(phones)))
        notes_done.set()
        await asyncio.to_thread(round_open.wait)

        async def vote(phone: Phone) -> None:
            state = await phone.until("state", timeout=30)
            while state.get("round") is None:
                state = await phone.until("state", timeout=30)
            cards = [c["card"] for c in state["round"]["candidates"]]
            for k in range(VOTES_EACH):
                start = time.perf_counter()
                await phone.send(type="vote", card=cards[k % len(cards)])
                await phone.until("state", timeout=30)
                round_trips.append((time.perf_counter() - start) * 1000)

        await asyncio.gather(*(vote(phone) for phone in phones))


def phones_process(url: str, results: Any, notes_done: Any, round_open: Any, done: Any) -> None:
    """The phones, in a process of their own: on the laptop only the server and the editor
    run, as in a room, and the phones' Python does not compete with them for one lock."""
    sent: dict[str, float] = {}
    round_trips: list[float] = []
    try:
        asyncio.run(phones_at_work(url, sent, round_trips, notes_done, round_open))
    finally:
        results.put((sent, round_trips))
        done.set()


async def echo_floor() -> list[float]:
    """Round trips of a bare aiohttp WebSocket echo: 50 clients, 20 messages each."""

    async def echo(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for msg in ws:
            await ws.send_str(msg.data)
        return ws

    app = web.Application()
    app.router.add_get("/ws", echo)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    times: list[float] = []
    async with aiohttp.ClientSession() as http:
        sockets = [
            await http.ws_connect(f"http://127.0.0.1:{port}/ws") for _ in range(PARTICIPANTS)
        ]

        async def client(ws: aiohttp.ClientWebSocketResponse) -> None:
            for k in range(NOTES_EACH):
                start = time.perf_counter()
                await ws.send_str(json.dumps({"type": "note", "id": f"x{k}", "text": "echo"}))
                await ws.receive()
                times.append((time.perf_counter() - start) * 1000)

        await asyncio.gather(*(client(ws) for ws in sockets))
        for ws in sockets:
            await ws.close()
    await runner.cleanup()
    return times


def main() -> None:
    """Run the workshop and print the figures."""
    application()
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.journey"
    save_map(load_template("hourglass", title="Bench"), path)
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    window = MainWindow(AppSettings(), AutosaveStore(folder / "autosave"))
    window.show()
    window.open_path(path)
    host = window.workshop.host
    host.start("127.0.0.1")
    journey = window.document.journey
    buy = next(s.id for s in journey.stages if s.name == "Buy")
    lane = next(la.id for la in journey.lanes if la.kind == "pain_points")
    host.open_input(buy, lane, "What made buying hard?", "pain_point")

    frames: list[float] = []
    context = multiprocessing.get_context("spawn")
    notes_done, round_open, all_done = context.Event(), context.Event(), context.Event()
    results = context.Queue()
    phones = context.Process(
        target=phones_process, args=(host.url, results, notes_done, round_open, all_done)
    )
    phones.start()
    run_gui_until(notes_done, frames)
    deadline = time.monotonic() + 10
    while len(host.arrival_times) < PARTICIPANTS * NOTES_EACH and time.monotonic() < deadline:
        application().processEvents()
    in_document = {card.id for card in window.document.journey.cards}
    window.workshop.start_round(
        "Worst", Scope.LANE, stage=None, lane=lane, kind=None, votes=VOTES_EACH, anonymous=True
    )
    round_open.set()
    run_gui_until(all_done, frames)
    sent, round_trips = results.get(timeout=60)
    phones.join(10)
    application().processEvents()
    result = host.close_round()
    latencies = [
        (host.arrival_times[c] - t) * 1000 for c, t in sent.items() if c in host.arrival_times
    ]
    lost = sum(card not in in_document for card in sent)

    report("burst", int(BURST), "bool")
    report("participants", PARTICIPANTS, "people")
    report("notes_sent", len(sent), "notes")
    report("note_to_document_p50", statistics.median(latencies), "ms")
    report("note_to_document_p95", percentile(latencies, 0.95), "ms")
    report("note_to_document_max", max(latencies), "ms")
    report("notes_lost", lost, "notes")
    report("vote_round_trip_p50", statistics.median(round_trips), "ms")
    report("vote_round_trip_p95", percentile(round_trips, 0.95), "ms")
    report("votes_counted", sum(r.votes for r in result.results) if result else 0, "votes")
    report("frame_interval_p50", statistics.median(frames), "ms")
    report("frame_interval_p95", percentile(frames, 0.95), "ms")
    report("frame_interval_max", max(frames), "ms")
    host.end()

    floor = asyncio.run(echo_floor())
    report("floor_echo_round_trip_p50", statistics.median(floor), "ms")
    report("floor_echo_round_trip_p95", percentile(floor, 0.95), "ms")
    report("ratio_note_p95_to_echo_p95", percentile(latencies, 0.95) / percentile(floor, 0.95), "x")
    window.close()


if __name__ == "__main__":
    main()
