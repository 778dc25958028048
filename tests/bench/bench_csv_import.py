"""CSV import and export of 100k cards, against the raw csv module and Pydantic floors.

Run: ``python tests/bench/bench_csv_import.py [ROWS]`` (default 100,000, the import's row
cap). Prints ``figure value unit`` lines; each time is the best of several runs. The
import floor is what any import must pay: parsing the file with ``csv.reader`` plus
validating the same cards as a ``JourneyMap``; ``csv_reader_stream`` alone (streaming the
file through ``csv.reader``) is the baseline of the ratio. Peak memory is the VmHWM of a
fresh process that imports the file once, next to that of one that only loads the module.
"""

from __future__ import annotations

import csv
import io
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from journeycanvas.io.csv_cards import COLUMNS, export_cards_csv, import_cards_csv
from journeycanvas.model import JourneyMap, new_id

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
REPEATS = 3
PEAK_CODE = """
import sys
from journeycanvas.io.csv_cards import import_cards_csv
if sys.argv[1]:
    import_cards_csv(sys.argv[1])
with open("/proc/self/status") as status:
    print(next(line for line in status if line.startswith("VmHWM")).split()[1])
"""
STAGES = ["Know", "Like", "Trust", "Try", "Buy", "Repeat", "Refer"]
LANES = [
    ("Touchpoints", "touchpoints"),
    ("Actions", "actions"),
    ("Thoughts", "thoughts"),
    ("Emotions", "emotions"),
    ("Pain points", "pain_points"),
    ("Content ideas", "content_ideas"),
    ("Notes", "notes"),
]
WORDS = [
    "kund",
    "köper",
    "bröd",
    "zażółć",
    "gęślą",
    "jaźń",
    "顾客",
    "排队",
    "pelanggan",
    "menunggu",
    "price,",
    "queue;",
    "ad",
]
PERSONAS = ["Anna", "Bartek", "小王", "Sari"]


def generate_csv(path: Path) -> None:
    """A semicolon file with a BOM and decimal commas, as Swedish Excel writes it."""
    rng = random.Random(20)
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(COLUMNS)
        for row in range(ROWS):
            lane, lane_kind = LANES[row % len(LANES)]
            text = " ".join(rng.choices(WORDS, k=rng.randint(3, 12)))
            measured = lane_kind == "touchpoints"
            writer.writerow(
                [
                    STAGES[(row // len(LANES)) % len(STAGES)],
                    lane,
                    lane_kind,
                    "",
                    text if row % 10 else text + "\nsecond line",
                    "note" if row % 3 == 0 else "",
                    "tag;other" if row % 4 == 0 else "",
                    ";".join(rng.sample(PERSONAS, rng.randint(0, 2))),
                    str(rng.randint(0, 9)),
                    str(rng.randint(-3, 3)) if lane_kind == "emotions" else "",
                    "reach" if measured else "",
                    f"{rng.randint(0, 9)} {rng.randint(100, 999)},5" if measured else "",
                    "10 000" if measured else "",
                    "views" if measured else "",
                ]
            )


def best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def raw_parse(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def stream_parse(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return sum(1 for _ in csv.reader(stream, delimiter=";"))


def peak_mb(path: str) -> float:
    """Peak resident memory of a fresh process importing `path` (or only the module)."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK_CODE, path], capture_output=True, text=True, check=True
    )
    return int(result.stdout) / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "cards.csv"
        generate_csv(source)
        journey = import_cards_csv(source)
        assert len(journey.cards) == ROWS
        as_dict = journey.model_dump()

        import_time = best(lambda: import_cards_csv(source))
        parse_time = best(lambda: raw_parse(source))
        stream_time = best(lambda: stream_parse(source))
        peak = peak_mb(str(source))
        module_peak = peak_mb("")
        pydantic_time = best(lambda: JourneyMap.model_validate(as_dict))
        floor = parse_time + pydantic_time
        # Part of the import but not of the floor: one model.new_id per card.
        id_time = best(lambda: [new_id("c") for _ in range(ROWS)])

        target = Path(folder) / "out.csv"
        rows = raw_parse(source)

        def raw_write() -> None:
            with target.open("w", encoding="utf-8-sig", newline="") as stream:
                csv.writer(stream).writerows(rows)

        export_time = best(lambda: export_cards_csv(journey, target))
        write_time = best(raw_write)

    print(f"csv_import_{ROWS}_rows {import_time:.3f} s")
    print(f"csv_import_rate {ROWS / import_time:.0f} rows/s")
    print(f"csv_reader_stream_{ROWS}_rows {stream_time:.3f} s")
    print(f"csv_import_ratio_to_csv_reader {import_time / stream_time:.1f} x")
    print(f"csv_import_peak_memory {peak:.0f} MB")
    print(f"csv_import_peak_memory_above_module {peak - module_peak:.0f} MB")
    print(f"csv_reader_parse_{ROWS}_rows {parse_time:.3f} s")
    print(f"pydantic_validate_{ROWS}_cards {pydantic_time:.3f} s")
    print(f"csv_import_floor {floor:.3f} s")
    print(f"csv_import_ratio_to_floor {import_time / floor:.2f} x")
    print(f"model_new_id_{ROWS}_ids {id_time:.3f} s")
    print(f"csv_export_{ROWS}_cards {export_time:.3f} s")
    print(f"csv_writer_raw_{ROWS}_rows {write_time:.3f} s")
    print(f"csv_export_ratio_to_raw {export_time / write_time:.2f} x")


if __name__ == "__main__":
    main()
