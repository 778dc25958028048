"""Fixtures for driving the real editor view (helpers: canvas_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from canvas_helpers import shown_editor
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.document import Document
from journeycanvas.io.templates import load_template


@pytest.fixture
def document() -> Document:
    """A document holding the hourglass template."""
    return Document(load_template("hourglass"))


@pytest.fixture
def view(qtbot: QtBot, document: Document) -> Iterator[MapEditorView]:
    """The editor on the hourglass map, shown at 50 % with the map's corner top-left."""
    editor = shown_editor(qtbot, document, (1500, 950), 0.5)
    yield editor
    editor.editor.finish(commit=False)
