"""The JSON Schema shipped in resources/ matches the models."""

from __future__ import annotations

import json
from pathlib import Path

from journeycanvas.io.schema import map_schema, schema_resource, schema_text

FIXTURES = Path(__file__).parent / "fixtures"
REGENERATE = "python -m journeycanvas schema > journeycanvas/resources/journeycanvas.schema.json"


def test_the_bundled_schema_file_is_up_to_date() -> None:
    assert schema_resource().read_text(encoding="utf-8") == schema_text(), (
        f"journeycanvas.schema.json is stale; regenerate it with: {REGENERATE}"
    )


def test_the_schema_describes_the_envelope_and_every_part() -> None:
    schema = map_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["format"]["const"] == "journeycanvas"
    assert set(schema["$defs"]) >= {"Card", "Stage", "Lane", "Persona", "Connector", "Asset"}
    card = schema["$defs"]["Card"]["properties"]
    emotion_range = next(option for option in card["emotion"]["anyOf"] if "minimum" in option)
    assert (emotion_range["minimum"], emotion_range["maximum"]) == (-3, 3)
    assert schema["required"] == ["id"]


def test_the_golden_example_has_every_field_the_schema_names() -> None:
    example = json.loads((FIXTURES / "v1.0" / "example.journey").read_text(encoding="utf-8"))
    assert set(map_schema()["properties"]) == set(example)
