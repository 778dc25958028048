"""Workshop tests never touch the real user's settings or data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from journeycanvas.document.document import Document
from journeycanvas.io.jsonfile import save_map
from journeycanvas.io.templates import load_template
from journeycanvas.ui.workshop_host import WorkshopHost


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs and QSettings write under the test's temporary folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "xdg-config")
    )


@pytest.fixture
def host(tmp_path: Path, qtbot: object) -> Iterator[WorkshopHost]:
    """A workshop host (not started) on a saved copy of the hourglass sample."""
    path = tmp_path / "bakery.journey"
    save_map(load_template("hourglass", title="Bageriet på hörnet"), path)
    document = Document()
    document.load(path)
    workshop = WorkshopHost(document)
    yield workshop
    if workshop.running:
        workshop.stop_without_saving()
