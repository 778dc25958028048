"""Three-way merge and diff of two 20,000-card branches with 500 random edits each.

Run: ``python tests/bench/bench_merge.py``. Prints ``figure value unit`` lines; each time
is the best of five runs (``best`` of bench_jsonfile). The floors are the same work done by
the libraries alone: splitting the three maps into id tables through Pydantic
(``model_dump``) and building the result (``model_validate``), and, below that,
``json.loads`` of the three files plus id dicts. Goal: merge_maps under 1 s.
"""

from __future__ import annotations

import json
import random

from bench_jsonfile import best
from generate import generate_map

from journeycanvas.io.jsonfile import dumps_map
from journeycanvas.merge import diff_maps, merge_maps
from journeycanvas.model import Card, JourneyMap, edits

CARDS = 20_000
EDITS = 500


def branch(base: JourneyMap, seed: int, letter: str) -> JourneyMap:
    """`base` with EDITS random edits: texts, votes, moves, additions and removals of cards."""
    rnd = random.Random(seed)
    journey = base.model_copy(deep=True)
    for number in range(EDITS):
        card = rnd.choice(journey.cards)
        roll = rnd.random()
        if roll < 0.4:
            card.text = f"{card.text} ({letter} edit {number})"
        elif roll < 0.6:
            card.votes += 1
        elif roll < 0.8:
            stage, lane = rnd.choice(journey.stages), rnd.choice(journey.lanes)
            edits.move_cards(journey, [card.id], stage.id, lane.id, rnd.randrange(5))
        elif roll < 0.9:
            new = Card(id=f"{letter}{number}", stage=card.stage, lane=card.lane, text="New idea")
            edits.add_card(journey, new)
        else:
            edits.remove_cards(journey, [card.id])
    return journey


def main() -> None:
    base = generate_map(CARDS, seed=1)
    ours, theirs = branch(base, 2, "O"), branch(base, 3, "T")
    texts = [dumps_map(journey) for journey in (base, ours, theirs)]
    result = merge_maps(base, ours, theirs)

    def pydantic_floor() -> None:
        tables = [journey.model_dump() for journey in (base, ours, theirs)]
        JourneyMap.model_validate(tables[1])

    def json_floor() -> None:
        for text in texts:
            data = json.loads(text)
            {card["id"]: card for card in data["cards"]}

    figures = {
        "merge_maps": best(lambda: merge_maps(base, ours, theirs)),
        "diff_maps": best(lambda: diff_maps(base, ours)),
        "pydantic_dump3_validate1_floor": best(pydantic_floor),
        "json_loads3_id_dicts_floor": best(json_floor),
    }
    print(f"cards {CARDS} count")
    print(f"edits_per_branch {EDITS} count")
    print(f"conflicts {len(result.conflicts)} count")
    print(f"changes_ours {len(diff_maps(base, ours))} count")
    for name, value in figures.items():
        print(f"{name} {value:.1f} ms")
    ratio = figures["merge_maps"] / figures["pydantic_dump3_validate1_floor"]
    print(f"merge_vs_pydantic_floor {ratio:.2f} x")


if __name__ == "__main__":
    main()
