"""The user's preferences and window state, kept in QSettings.

The settings live in an INI file under the organisation and application names below, so
that a test can point Qt at a temporary folder (``QSettings.setPath``) or hand the window
an ``AppSettings`` built on a file of its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from journeycanvas.canvas.density import DEFAULT_DENSITY, GRID_DENSITIES

ORGANIZATION = "JourneyCanvas"
APPLICATION = "JourneyCanvas"

PAPER_SIZES = ("A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid")
RECENT_LIMIT = 10
DEFAULT_AUTOSAVE_MINUTES = 1


def open_user_settings() -> QSettings:
    """The settings of the user running the program (INI format, user scope)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


class AppSettings:
    """Typed access to the few values JourneyCanvas remembers between runs."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else open_user_settings()

    # ---------------------------------------------------------------- preferences

    @property
    def autosave_minutes(self) -> float:
        """How often an unsaved map is written to the autosave folder, in minutes."""
        return self._number("autosave/minutes", DEFAULT_AUTOSAVE_MINUTES)

    @autosave_minutes.setter
    def autosave_minutes(self, minutes: float) -> None:
        self.store.setValue("autosave/minutes", float(minutes))

    @property
    def paper_size(self) -> str:
        """The paper size exports start with."""
        value = str(self.store.value("print/paper_size", "A4"))
        return value if value in PAPER_SIZES else "A4"

    @paper_size.setter
    def paper_size(self, size: str) -> None:
        self.store.setValue("print/paper_size", size)

    @property
    def language(self) -> str:
        """The interface language as a locale name (``sv``, ``pl``), or "" for the system's."""
        return str(self.store.value("ui/language", ""))

    @language.setter
    def language(self, name: str) -> None:
        self.store.setValue("ui/language", name)

    @property
    def grid_density(self) -> str:
        """How much room the canvas grid leaves around cards: compact, normal or roomy."""
        value = str(self.store.value("canvas/grid_density", DEFAULT_DENSITY))
        return value if value in GRID_DENSITIES else DEFAULT_DENSITY

    @grid_density.setter
    def grid_density(self, density: str) -> None:
        self.store.setValue("canvas/grid_density", density)

    # ---------------------------------------------------------------- files

    @property
    def recent_files(self) -> list[str]:
        """Recently opened or saved maps, newest first."""
        value = self.store.value("files/recent", [])
        if isinstance(value, str):
            return [value] if value else []
        return [str(item) for item in value] if isinstance(value, list) else []

    def add_recent_file(self, path: str | Path) -> None:
        """Put `path` at the top of the recent list and remember it as the last map."""
        name = str(Path(path).resolve())
        recent = [name] + [item for item in self.recent_files if item != name]
        self.store.setValue("files/recent", recent[:RECENT_LIMIT])
        self.last_map = name

    def clear_recent_files(self) -> None:
        """Forget the recent list."""
        self.store.setValue("files/recent", [])

    def existing_recent_files(self) -> list[str]:
        """The recent list without maps whose files are gone, which it forgets."""
        recent = self.recent_files
        existing = [name for name in recent if Path(name).is_file()]
        if existing != recent:
            self.store.setValue("files/recent", existing)
        return existing

    @property
    def last_map(self) -> str:
        """The map that was open when the program last closed, or ""."""
        return str(self.store.value("files/last_map", ""))

    @last_map.setter
    def last_map(self, path: str) -> None:
        self.store.setValue("files/last_map", path)

    @property
    def first_run(self) -> bool:
        """True until the program has run once with these settings."""
        return not self.store.contains("app/has_run")

    def mark_run(self) -> None:
        """Record that the program has run, so the next start is not a first run."""
        self.store.setValue("app/has_run", True)

    # ---------------------------------------------------------------- window

    def window_geometry(self) -> QByteArray | None:
        """The main window's saved geometry, if any."""
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        """The main window's saved toolbar and dock layout, if any."""
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and dock layout."""
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.store.sync()

    # ---------------------------------------------------------------- helpers

    def _number(self, key: str, default: float) -> float:
        try:
            value = float(str(self.store.value(key, default)))
        except (TypeError, ValueError):
            return default
        return value if value > 0 else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
