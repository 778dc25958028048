"""Loading, saving and validating a large map, against Pydantic's own JSON round trip.

Run: ``python tests/bench/bench_jsonfile.py``. Prints ``figure value unit`` lines; each
time is the best of several runs. The floors are Pydantic alone: ``model_dump_json`` for
writing and ``model_validate_json`` for reading the same map.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generate import generate_map

from journeycanvas.io.jsonfile import dumps_map, load_map, loads_map, save_map
from journeycanvas.model import JourneyMap

CARDS = 5_000
REPEATS = 5


def best(work: Callable[[], object]) -> float:
    """The fastest of REPEATS runs, in milliseconds."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    journey = generate_map(CARDS, seed=1)
    text = dumps_map(journey)
    raw = text.encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.journey"
        save_map(journey, path)
        figures = {
            "dumps_map": best(lambda: dumps_map(journey)),
            "model_dump_json_floor": best(lambda: journey.model_dump_json(indent=2)),
            "save_map_with_fsync_and_backup": best(lambda: save_map(journey, path)),
            "loads_map": best(lambda: loads_map(raw)),
            "model_validate_json_floor": best(lambda: JourneyMap.model_validate_json(raw)),
            "json_loads_with_duplicate_key_check": best(
                lambda: json.loads(text, object_pairs_hook=dict)
            ),
            "json_loads_plain": best(lambda: json.loads(text)),
            "load_map": best(lambda: load_map(path)),
        }
    print(f"cards {CARDS} count")
    print(f"file_size {len(raw) / 1024:.0f} KiB")
    for name, value in figures.items():
        print(f"{name} {value:.1f} ms")
    print(f"dump_ratio {figures['dumps_map'] / figures['model_dump_json_floor']:.2f} x")
    print(f"load_ratio {figures['loads_map'] / figures['model_validate_json_floor']:.2f} x")
    print(
        "duplicate_key_check_ratio "
        f"{figures['json_loads_with_duplicate_key_check'] / figures['json_loads_plain']:.2f} x"
    )


if __name__ == "__main__":
    main()
