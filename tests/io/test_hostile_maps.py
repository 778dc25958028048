"""Hostile maps: whatever loads can be saved, loaded again and exported; the rest is refused.

Maps are written as JSON files with hostile free-form fields (deep nesting, numbers
beyond float, long strings) and hostile texts (control characters, lone surrogates, bidi
overrides, emoji, right-to-left scripts). Each file either opens, or is refused with a
one-line JourneyFileError; an opened map saves, opens again unchanged, and every export
either writes a valid file or is refused with a one-line ExportError. Nothing else.
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from journeycanvas.io.errors import JourneyFileError
from journeycanvas.io.export import export_map
from journeycanvas.io.jsonfile import load_map, save_map
from journeycanvas.io.pdf.options import ExportError, ExportOptions
from journeycanvas.model import limits

BIG = "__beyond_float__"
"""A marker replaced by the literal 1e400 in the file (json cannot write it)."""

hostile_texts = st.one_of(
    st.text(max_size=12),
    st.text(st.characters(codec=None, categories=("Cc", "Cf", "Cs", "Zl", "Zp")), max_size=6),
    st.sampled_from(
        [
            "a\ud800b",
            "\udfff",
            "\u202egpj.exe\u202c",
            "\u2066isolated\u2069",
            "\x1b[31mred\x1b[0m",
            "bell\x07\x00nul",
            "🥐👩‍👩‍👧 🇸🇪",
            "שלום עולם",
            "مرحبا بالعالم ١٢٣",
            "Zażółć gęślą jaźń 顾客",
            '=HYPERLINK("http://evil")',
            "x" * 3000,
        ]
    ),
)


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = {"k": value} if depth % 2 else [value]
    return value


# About half the maps open: values beyond the limits are drawn now and then, not always.
free_form_values = st.one_of(
    st.integers(0, 36).map(nested),
    st.sampled_from([BIG, 1e308, -(10**300), 10**40, 0.1, "y" * (limits.MAX_TEXT_CHARS + 1)]),
    hostile_texts,
    st.lists(st.integers(), max_size=5),
)
extras = st.dictionaries(st.sampled_from(["x_a", "x_b", "x\u202e"]), free_form_values, max_size=2)


@st.composite
def hostile_files(draw: st.DrawFn) -> str:
    """The text of a .journey file with hostile content here and there."""
    n_stages = draw(st.integers(1, 3))
    stages = [
        {"id": f"s{i}", "name": draw(hostile_texts), "goal": draw(hostile_texts), **draw(extras)}
        for i in range(n_stages)
    ]
    lanes = [{"id": "l1", "title": draw(hostile_texts), "kind": "pain_points"}]
    cards = [
        {
            "id": f"c{i}",
            "stage": f"s{i % n_stages}",
            "lane": "l1",
            "order": i,
            "text": draw(hostile_texts),
            "notes": draw(hostile_texts),
            "tags": draw(st.lists(hostile_texts, max_size=2)),
            "personas": ["p1"],
            "metric": {
                "name": draw(hostile_texts),
                "value": draw(st.sampled_from([1.5, -2, 0, 1e300, BIG])),
                **draw(extras),
            },
            **draw(extras),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    data = {
        "format": "journeycanvas",
        "version": "1.0",
        "id": "m1",
        "title": draw(hostile_texts),
        "personas": [{"id": "p1", "name": draw(hostile_texts)}],
        "stages": stages,
        "lanes": lanes,
        "cards": cards,
        "connectors": (
            [{"id": "k1", "source": "c0", "target": "c1", "label": draw(hostile_texts)}]
            if len(cards) > 1
            else []
        ),
        "export_settings": draw(
            st.dictionaries(st.sampled_from(["pdf", "x"]), free_form_values, max_size=2)
        ),
        **draw(extras),
    }
    return json.dumps(data).replace(f'"{BIG}"', "1e400")


EXPORTS = {
    "poster.pdf": ExportOptions(),
    "tiles.pdf": ExportOptions(tile="a4"),
    "blank.pdf": ExportOptions(blank=True),
    "handouts.pdf": ExportOptions(handouts="stage"),
    "cards.csv": ExportOptions(),
    "report.md": ExportOptions(),
    "map.svg": ExportOptions(),
    "map.png": ExportOptions(dpi=20),
}


def check_written(path: Path) -> None:
    if path.suffix == ".svg":
        ElementTree.parse(path)  # well-formed XML
    elif path.suffix == ".png":
        assert path.read_bytes().startswith(b"\x89PNG")
    elif path.suffix == ".pdf":
        assert len(PdfReader(path).pages) >= 1
    elif path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as stream:
            assert next(csv.reader(stream))[0] == "stage"
    else:
        path.read_text(encoding="utf-8")


def assert_one_line(error: Exception) -> None:
    assert "\n" not in str(error) and str(error).strip(), repr(error)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_files())
def test_a_hostile_map_opens_saves_and_exports_or_is_refused_in_one_line(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "hostile.journey"
        source.write_text(text, encoding="utf-8")
        try:
            journey = load_map(source)
        except JourneyFileError as error:
            assert_one_line(error)
            return
        copy = Path(folder) / "copy.journey"
        save_map(journey, copy)
        assert load_map(copy) == journey
        for name, options in EXPORTS.items():
            out = Path(folder) / name
            try:
                export_map(journey, out, options)
            except ExportError as error:
                assert_one_line(error)
                assert not out.exists()
            else:
                check_written(out)


@pytest.mark.parametrize(
    "fields",
    [
        {"x_deep": nested(300)},
        {"export_settings": {"a": BIG}},
        {"title": "y" * (limits.MAX_TEXT_CHARS + 1)},
    ],
)
def test_the_failures_of_the_review_are_refused_on_load(
    fields: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "map.journey"
    data = {"format": "journeycanvas", "version": "1.0", "id": "m1", **fields}
    path.write_text(json.dumps(data).replace(f'"{BIG}"', "1e400"), encoding="utf-8")
    with pytest.raises(JourneyFileError) as caught:
        load_map(path)
    assert_one_line(caught.value)
