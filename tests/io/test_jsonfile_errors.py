"""Files that cannot be opened: each error names the file, the JSON path and what is wrong,
and a failed load never changes the file."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeycanvas.io import jsonfile
from journeycanvas.io.jsonfile import JourneyFileError, load_map

FIXTURES = Path(__file__).parent / "fixtures"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGOoCz8EAALuAZioMXn8AAAAAElFTkSuQmCC"
)


def example() -> dict[str, Any]:
    """The v1.0 golden example as a dict, to break in one place per test."""
    return json.loads((FIXTURES / "v1.0" / "example.journey").read_text(encoding="utf-8"))


def as_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def changed(change: Callable[[dict[str, Any]], None]) -> bytes:
    data = example()
    change(data)
    return as_bytes(data)


def set_asset(media_type: str, payload: bytes | str) -> Callable[[dict[str, Any]], None]:
    data = payload if isinstance(payload, str) else base64.b64encode(payload).decode("ascii")

    def change(journey: dict[str, Any]) -> None:
        journey["assets"]["a1"] = {"media_type": media_type, "data": data}

    return change


GOLDEN = (FIXTURES / "v1.0" / "example.journey").read_bytes()

# (case, file content, JSON path the error names, words the message must contain)
CASES: list[tuple[str, bytes, str, str]] = [
    ("empty", b"  \n", "", "empty"),
    ("not json", b'{"format": "journeycanvas",, }', "", "not valid JSON"),
    ("not json line", b'{\n  "id": "m1"\n  "title": ""\n}', "", "line 3, column 3"),
    ("truncated", GOLDEN[: len(GOLDEN) // 2], "", "truncated"),
    ("truncated in a string", b'{"format": "journeycan', "", "truncated"),
    ("not utf-8", b'{"title": "caf\xe9"}', "", "byte 0xe9 at offset 14"),
    ("utf-16", '{"id": "m"}'.encode("utf-16"), "", "UTF-16"),
    ("a list", b"[1, 2]", "", "not a map"),
    ("nan", b'{"format": "journeycanvas", "votes": NaN}', "", "NaN"),
    ("duplicate key", b'{"id": "a", "id": "b"}', "", "'id' appears twice"),
    ("nested too deeply", b"[" * 100_000 + b"]" * 100_000, "", "nested too deeply"),
    ("huge number", b'{"votes": ' + b"9" * 5000 + b"}", "", "a number is too long"),
    ("no format", as_bytes({"version": "1.0", "id": "m"}), "format", "missing"),
    (
        "wrong format",
        as_bytes({"format": "excalidraw", "version": 2, "elements": []}),
        "format",
        '"excalidraw", not "journeycanvas"',
    ),
    ("no version", as_bytes({"format": "journeycanvas", "id": "m"}), "version", "missing"),
    (
        "bad version",
        as_bytes({"format": "journeycanvas", "version": "one", "id": "m"}),
        "version",
        "such as",
    ),
    (
        "newer major",
        (FIXTURES / "v2.0" / "newer-major.journey").read_bytes(),
        "version",
        "made by a newer JourneyCanvas, file format version 2.0; this one reads up to 1.x",
    ),
    (
        "unknown old version",
        changed(lambda d: d.update(version="0.5")),
        "version",
        "version 0.5 is not one this JourneyCanvas can upgrade",
    ),
    (
        "emotion out of range",
        changed(lambda d: d["cards"][2].update(emotion=5)),
        "cards[2].emotion",
        "should be at most 3, not 5",
    ),
    (
        "missing id",
        changed(lambda d: d["stages"][1].pop("id")),
        "stages[1].id",
        "missing",
    ),
    ("wrong type", changed(lambda d: d.update(stages={})), "stages", "should be a list"),
    (
        "unknown kind",
        changed(lambda d: d["lanes"][1].update(kind="feelings")),
        "lanes[1].kind",
        '"feelings"',
    ),
    (
        "bad colour",
        changed(lambda d: d["cards"][1].update(color="red")),
        "cards[1].color",
        "#rrggbb",
    ),
    (
        "negative votes",
        changed(lambda d: d["cards"][1].update(votes=-2)),
        "cards[1].votes",
        "should be at least 0, not -2",
    ),
    (
        "dangling stage",
        changed(lambda d: d["cards"][1].update(stage="s9")),
        "cards[1].stage",
        "no stage with id 's9'",
    ),
    (
        "dangling connector",
        changed(lambda d: d["connectors"][0].update(target="c9")),
        "connectors[0].target",
        "no card with id 'c9'",
    ),
    (
        "dangling persona",
        changed(lambda d: d["cards"][0].update(personas=["p1", "p7"])),
        "cards[0].personas[1]",
        "no persona with id 'p7'",
    ),
    (
        "dangling avatar",
        changed(lambda d: d["personas"][0].update(avatar="a9")),
        "personas[0].avatar",
        "no asset with id 'a9'",
    ),
    (
        "dangling card picture",
        changed(lambda d: d["cards"][1].update(image="a9")),
        "cards[1].image",
        "no asset with id 'a9'",
    ),
    (
        "duplicate id",
        changed(lambda d: d["lanes"][1].update(id="s1")),
        "lanes[1].id",
        "duplicate id 's1', also used at stages[0].id",
    ),
    (
        "span past the end",
        changed(lambda d: d["cards"][1].update(span=2)),
        "cards[1].span",
        "runs past the last stage",
    ),
    (
        "emotion on a touchpoint",
        changed(lambda d: d["cards"][0].update(emotion=1)),
        "cards[0].emotion",
        "only emotion cards",
    ),
    (
        "asset media type",
        changed(set_asset("image/gif", b"GIF89a")),
        "assets.a1.media_type",
        "must be image/png or image/jpeg",
    ),
    (
        "asset not base64",
        changed(set_asset("image/png", "not base64!")),
        "assets.a1.data",
        "not valid base64",
    ),
    (
        "asset content",
        changed(set_asset("image/png", b"\xff\xd8\xff\xe0 a jpeg")),
        "assets.a1.data",
        "not a PNG picture",
    ),
    (
        "asset too big",
        changed(set_asset("image/jpeg", b"\xff\xd8\xff" + bytes(5 * 1024 * 1024))),
        "assets.a1.data",
        "larger than the 5 MB allowed",
    ),
    (
        "asset far too big",
        changed(set_asset("image/png", PNG + bytes(9 * 1024 * 1024))),
        "assets.a1.data",
        "it is 9.0 MB",
    ),
]


@pytest.mark.parametrize(
    ("content", "path", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_bad_file_names_the_file_the_path_and_the_problem_and_stays_untouched(
    tmp_path: Path, content: bytes, path: str, words: str
) -> None:
    file = tmp_path / "bad.journey"
    file.write_bytes(content)
    os.utime(file, ns=(1_000_000_000, 1_000_000_000))
    with pytest.raises(JourneyFileError) as caught:
        load_map(file)
    error = caught.value
    assert error.source == str(file) and error.path == path
    assert words in str(error)
    assert str(error).startswith(f"{file}: {path + ': ' if path else ''}")
    assert "\n" not in str(error)
    assert file.read_bytes() == content
    assert file.stat().st_mtime_ns == 1_000_000_000
    assert [p.name for p in tmp_path.iterdir()] == ["bad.journey"]


def test_several_problems_show_the_first_few_and_count_the_rest() -> None:
    data = example()
    for card in data["cards"]:
        card["lane"] = "gone"
    data["connectors"][0]["source"] = "gone"
    with pytest.raises(JourneyFileError) as caught:
        jsonfile.loads_map(as_bytes(data), "many.journey")
    message = str(caught.value)
    assert message.startswith("many.journey: cards[0].lane: no lane with id 'gone'; ")
    assert "cards[1].lane" in message and "cards[2].lane" in message
    assert message.endswith("and 1 more problem")


def test_a_problem_found_after_an_upgrade_says_so() -> None:
    data = json.loads((FIXTURES / "v0.9" / "example.journey").read_text(encoding="utf-8"))
    data["cards"][0]["column"] = "s9"
    with pytest.raises(JourneyFileError, match=r"cards\[0\]\.stage: .*from version 0\.9"):
        jsonfile.loads_map(as_bytes(data), "old.journey")


def test_a_file_over_the_size_cap_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.journey"
    with open(big, "wb") as stream:
        stream.truncate(jsonfile.MAX_FILE_BYTES + 1)
    with pytest.raises(JourneyFileError, match="up to 200 MB") as caught:
        load_map(big)
    assert caught.value.source == str(big)


def test_a_missing_file_or_a_folder_is_a_journey_file_error(tmp_path: Path) -> None:
    with pytest.raises(JourneyFileError, match="no such file"):
        load_map(tmp_path / "nope.journey")
    with pytest.raises(JourneyFileError, match="is a folder"):
        load_map(tmp_path)


def test_a_newer_minor_file_may_embed_picture_types_this_version_does_not_know() -> None:
    journey = load_map(FIXTURES / "v1.1" / "newer-minor.journey")
    assert journey.assets["a2"].media_type == "image/webp"
