"""Every string of the shell and the canvas is marked for translation, under a named context."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import journeycanvas.canvas
import journeycanvas.model.kinds
import journeycanvas.ui

# The kinds' names are marked for translation in the kind registry, where they live.
FOLDERS = tuple(
    Path(package.__file__).parent
    for package in (journeycanvas.ui, journeycanvas.canvas, journeycanvas.model.kinds)
)
LUPDATE = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate is not installed")
def test_lupdate_finds_the_shell_strings_in_named_contexts(tmp_path: Path) -> None:
    catalogue = tmp_path / "journeycanvas.ts"
    sources = sorted(str(path) for folder in FOLDERS for path in folder.glob("*.py"))
    subprocess.run([LUPDATE, *sources, "-ts", str(catalogue)], check=True, capture_output=True)
    root = ElementTree.parse(catalogue).getroot()
    contexts = {
        context.findtext("name"): [m.findtext("source") for m in context.iter("message")]
        for context in root.iter("context")
    }
    assert "" not in contexts, contexts.get("")
    sources_found = {text for texts in contexts.values() for text in texts}
    shell = ("&Save", "Add &Card Here", "Unsaved changes", "Pain point", "Restore")
    shell += ("Show journey for",)
    canvas = ("Enter while typing", "New stage", "Delete {what}? It holds no cards.")
    for expected in (*shell, *canvas):
        assert expected in sources_found
