"""Fixtures for driving the real editor view (helpers: canvas_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
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
    editor = MapEditorView(document)
    qtbot.addWidget(editor)
    editor.resize(1500, 950)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_zoom(0.5)
    editor.horizontalScrollBar().setValue(editor.horizontalScrollBar().minimum())
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().minimum())
    yield editor
    editor.editor.finish(commit=False)
