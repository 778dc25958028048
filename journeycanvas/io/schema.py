"""The JSON Schema of the ``.journey`` format, generated from the Pydantic models.

A copy ships in ``journeycanvas/resources/journeycanvas.schema.json`` for other tools;
a test fails when it no longer matches the models. Regenerate it with
``python -m journeycanvas schema > journeycanvas/resources/journeycanvas.schema.json``.
"""

from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from journeycanvas.model.entities import FORMAT_TAG, FORMAT_VERSION, JourneyMap

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def map_schema() -> dict[str, Any]:
    """The JSON Schema of a map file, as a dict."""
    generated = JourneyMap.model_json_schema()
    properties = generated["properties"]
    properties["format"] = {**properties["format"], "const": FORMAT_TAG}
    properties["version"] = {**properties["version"], "pattern": r"^[0-9]+\.[0-9]+$"}
    return {
        "$schema": SCHEMA_DIALECT,
        **generated,
        "title": f"JourneyCanvas map, file format {FORMAT_VERSION}",
    }


def schema_text() -> str:
    """The schema as the text of ``journeycanvas.schema.json``."""
    return json.dumps(map_schema(), ensure_ascii=False, indent=2) + "\n"


def schema_resource() -> Traversable:
    """The schema file bundled with the package."""
    return files("journeycanvas").joinpath("resources", "journeycanvas.schema.json")
