"""Layout of generated maps (1k, 5k, 20k cards): full, warm and incremental, against the
raw cost of ReportLab breaking the same card texts into lines.

Run: ``python tests/bench/bench_layout.py``. Prints ``figure value unit`` lines. Times
are the best of a few runs (median for the single-card moves); the garbage collector
stays on, as in the application.

- ``layout_cold``: a new engine and font set (fonts already parsed, nothing cached).
- ``layout_warm``: laying out everything again with warm caches (a structure change).
- ``move_card``: `update` after moving one card to another cell; ``move_card_still``
  for the moves that leave every lane's height alone, ``move_card_shift`` for those that
  push the lanes below down or pull them up (every card there gets a new rectangle);
  ``move_card_changed_cards``: how many cards such an update reports (its real work).
- ``routing``: the part of those spent routing connectors (in the steps of
  `ConnectorPaths.lay_out_steps` for the cold layout, of `ConnectorPaths.update_steps`
  for the moves, which the engine runs; the same runs, not new ones);
  ``routing_adds``: how much routing adds to the cold layout without it.
- floor ``simplesplit``: ReportLab's ``simpleSplit`` of every card text at its card's
  text width (spaces only, one font, no fallback, no ellipsis), the cheapest correct-ish
  wrapping ReportLab offers; the ratio is layout_cold / floor.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Generator
from pathlib import Path

from reportlab.lib.utils import simpleSplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_map

from journeycanvas.layout import MM_PER_PT, LayoutEngine
from journeycanvas.layout.connectors import ConnectorPaths
from journeycanvas.model.edits import move_cards
from journeycanvas.text import FontSet, default_font_set

SIZES = (1_000, 5_000, 20_000)
RUNS = 3
MOVES = 30


def best(run: Callable[[], object], runs: int = RUNS) -> float:
    """The shortest wall time of `runs` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


class RoutingClock:
    """The time spent in the steps of `ConnectorPaths.lay_out_steps` and `update_steps`
    (which the engine runs) since the last `take`."""

    def __init__(self) -> None:
        self._seconds = 0.0
        for name in ("lay_out_steps", "update_steps"):
            setattr(ConnectorPaths, name, self._timed(getattr(ConnectorPaths, name)))

    def _timed(
        self, method: Callable[..., Generator[None, None, object]]
    ) -> Callable[..., Generator[None, None, object]]:
        def timed(*args: object) -> Generator[None, None, object]:
            steps = method(*args)
            while True:
                start = time.perf_counter()
                try:
                    next(steps)
                except StopIteration as done:
                    return done.value
                finally:
                    self._seconds += time.perf_counter() - start
                yield

        return timed

    def take(self) -> float:
        """The seconds counted since the last call."""
        seconds, self._seconds = self._seconds, 0.0
        return seconds


def figure(name: str, value: float, unit: str) -> None:
    """Print one figure line."""
    print(f"{name} {value:.4g} {unit}", flush=True)


def main() -> None:
    """Measure and print every figure."""
    start = time.perf_counter()
    fonts = default_font_set()
    fonts.width("Aż中", 9)
    figure("font_load", time.perf_counter() - start, "s")
    routing = RoutingClock()

    for n in SIZES:
        label = f"{n // 1000}k"
        journey = generate_map(n, seed=n)

        def cold(journey=journey) -> LayoutEngine:
            engine = LayoutEngine(fonts=FontSet())
            engine.update(journey)
            return engine

        cold_runs = []
        for _ in range(RUNS):
            routing.take()
            begin = time.perf_counter()
            cold()
            cold_runs.append((time.perf_counter() - begin, routing.take()))
        cold_s, routing_cold = min(cold_runs)
        engine = cold()
        warm_s = best(
            lambda engine=engine, journey=journey: engine.update(journey, structure_changed=True)
        )
        style = engine.style
        text_widths = [
            (card.id, (c.face.text.box.w) / MM_PER_PT)
            for card in journey.cards
            if (c := engine.layout.cards.get(card.id)) is not None
        ]
        texts = {card.id: card.text for card in journey.cards}

        def floor(text_widths=text_widths, texts=texts, size=style.card_text_pt) -> None:
            for card_id, width_pt in text_widths:
                simpleSplit(texts[card_id], "JourneyCanvas-Sans", size, width_pt)

        floor_s = best(floor)

        rnd = random.Random(n)
        still_times, shift_times, changed_cards = [], [], []
        still_routing, shift_routing = [], []
        for _ in range(MOVES):
            card = rnd.choice(journey.cards)
            stage = rnd.choice(journey.stages).id
            lane = rnd.choice(journey.lanes).id
            move_cards(journey, [card.id], stage, lane, rnd.randint(0, 5))
            routing.take()
            begin = time.perf_counter()
            diff = engine.update(journey, changed_cards=[card.id])
            elapsed = time.perf_counter() - begin
            (shift_times if diff.grid else still_times).append(elapsed)
            (shift_routing if diff.grid else still_routing).append(routing.take())
            changed_cards.append(len(diff.cards))
        move_s = statistics.median(still_times + shift_times)

        figure(f"layout_cold_{label}", cold_s, "s")
        figure(f"layout_cold_routing_{label}", routing_cold, "s")
        # Issue 12's measure: what routing adds to the layout without it.
        adds = 100 * routing_cold / (cold_s - routing_cold)
        figure(f"layout_cold_routing_adds_{label}", adds, "%")
        figure(f"layout_warm_{label}", warm_s, "s")
        figure(f"move_card_{label}", move_s * 1000, "ms")
        for kind, times, routed in (
            ("still", still_times, still_routing),
            ("shift", shift_times, shift_routing),
        ):
            if times:
                figure(f"move_card_{kind}_{label}", statistics.median(times) * 1000, "ms")
                figure(f"move_card_{kind}_routing_{label}", statistics.median(routed) * 1000, "ms")
        figure(f"move_card_changed_cards_{label}", statistics.median(changed_cards), "cards")
        figure(f"floor_simplesplit_{label}", floor_s, "s")
        figure(f"layout_cold_vs_simplesplit_{label}", cold_s / floor_s, "x")
        figure(f"layout_warm_vs_simplesplit_{label}", warm_s / floor_s, "x")
        figure(f"move_card_vs_simplesplit_{label}", move_s / floor_s, "x")


if __name__ == "__main__":
    main()
