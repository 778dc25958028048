"""Autosave: unsaved maps written now and then to the user's data folder, for crash recovery.

Each running editor owns one *slot* in the autosave folder: ``SLOT.journey`` (the map),
``SLOT.json`` (a sidecar naming the original file and the time) and ``SLOT.lock`` (a
QLockFile held while the editor runs). A slot whose lock can be taken belongs to an editor
that is gone without cleaning up — that is, one that crashed — and is offered back at start.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from journeycanvas.io import atomic
from journeycanvas.model import JourneyMap
from journeycanvas.ui.settings import APPLICATION, ORGANIZATION


def default_autosave_folder() -> Path:
    """``user_data_dir/autosave`` for JourneyCanvas, as platformdirs places it on this system."""
    return Path(user_data_dir(APPLICATION, ORGANIZATION)) / "autosave"


def write_atomically(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` through the one atomic writer of ``io.atomic``."""
    atomic.write_atomically(path, text.encode("utf-8"))


@dataclass(frozen=True)
class AutosaveEntry:
    """An autosaved map left behind by an editor that did not close cleanly."""

    slot: str
    map_path: Path
    original_path: str | None
    saved_at: str
    title: str
    lock: QLockFile

    def load(self) -> JourneyMap:
        """The autosaved map; JourneyFileError when the file cannot be read."""
        from journeycanvas.io.jsonfile import load_map

        return load_map(self.map_path)

    def discard(self) -> None:
        """Delete the autosaved files and let go of the slot."""
        _remove_slot_files(self.map_path.parent, self.slot)
        self.lock.unlock()


def _remove_slot_files(folder: Path, slot: str) -> None:
    for suffix in (".journey", ".json"):
        (folder / f"{slot}{suffix}").unlink(missing_ok=True)


class AutosaveSession:
    """The autosave slot of one running editor; holds the slot's lock while it lives."""

    def __init__(self, folder: Path, slot: str, lock: QLockFile) -> None:
        self.folder = folder
        self.slot = slot
        self._lock = lock

    @property
    def map_path(self) -> Path:
        """Where the autosaved map is written."""
        return self.folder / f"{self.slot}.journey"

    @property
    def sidecar_path(self) -> Path:
        """Where the sidecar (original path, time, title) is written."""
        return self.folder / f"{self.slot}.json"

    def write(self, text: str, original_path: str | None, title: str) -> Path:
        """Write the serialised map `text` and its sidecar; returns the map's path."""
        write_atomically(self.map_path, text)
        sidecar = {
            "original_path": original_path,
            "saved_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "title": title,
        }
        write_atomically(self.sidecar_path, json.dumps(sidecar, indent=2, ensure_ascii=False))
        return self.map_path

    def has_data(self) -> bool:
        """True while an autosaved map sits in the slot."""
        return self.map_path.exists()

    def clear(self) -> None:
        """Remove the autosaved map (it was saved for real, or closed without changes)."""
        _remove_slot_files(self.folder, self.slot)

    def close(self) -> None:
        """Remove the autosaved map and give the slot up: the editor is closing normally."""
        self.clear()
        self._lock.unlock()


class AutosaveStore:
    """The autosave folder: hands out slots and finds the ones crashed editors left."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_autosave_folder()

    def open_session(self) -> AutosaveSession:
        """A fresh, locked slot for this editor."""
        self.folder.mkdir(parents=True, exist_ok=True)
        while True:
            slot = f"session-{secrets.token_hex(4)}"
            lock = QLockFile(str(self.folder / f"{slot}.lock"))
            if not (self.folder / f"{slot}.journey").exists() and lock.tryLock(0):
                return AutosaveSession(self.folder, slot, lock)

    def leftovers(self) -> list[AutosaveEntry]:
        """Autosaved maps whose editor is gone, newest first; each one's slot is now locked."""
        if not self.folder.is_dir():
            return []
        entries: list[AutosaveEntry] = []
        for map_path in self.folder.glob("*.journey"):
            slot = map_path.stem
            lock = QLockFile(str(self.folder / f"{slot}.lock"))
            if not lock.tryLock(0):
                continue  # another editor is running and owns it
            sidecar = _read_sidecar(self.folder / f"{slot}.json")
            original = sidecar.get("original_path")
            entries.append(
                AutosaveEntry(
                    slot=slot,
                    map_path=map_path,
                    original_path=original if isinstance(original, str) and original else None,
                    saved_at=str(sidecar.get("saved_at", "")),
                    title=str(sidecar.get("title", "")),
                    lock=lock,
                )
            )
        entries.sort(key=lambda entry: entry.saved_at, reverse=True)
        self._drop_stale_locks()
        return entries

    def _drop_stale_locks(self) -> None:
        # Editors that crashed with nothing unsaved leave only their lock file behind.
        for lock_path in self.folder.glob("*.lock"):
            if (self.folder / f"{lock_path.stem}.journey").exists():
                continue
            lock = QLockFile(str(lock_path))
            if lock.tryLock(0):
                lock.unlock()


def _read_sidecar(path: Path) -> dict[str, object]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


class Autosaver(QObject):
    """Every interval, writes the open map to its autosave slot if it has unsaved changes.

    `prepare` runs first at every tick (it pushes text still being typed into the map, which
    then counts as a change). `snapshot` returns what to write: ``(serialised map, original
    path, title)``, or None when the map has no unsaved changes (then the slot is emptied).
    """

    written = Signal(Path)
    failed = Signal(str)

    def __init__(
        self,
        session: AutosaveSession,
        snapshot: Callable[[], tuple[str, str | None, str] | None],
        interval_ms: int,
        parent: QObject | None = None,
        *,
        prepare: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._snapshot = snapshot
        self._prepare = prepare
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timeout)
        self.set_interval(interval_ms)

    def set_interval(self, interval_ms: int) -> None:
        """Change how often the map is autosaved, in milliseconds."""
        self._timer.start(max(100, interval_ms))

    def stop(self) -> None:
        """Stop autosaving (the editor is closing)."""
        self._timer.stop()

    def interval(self) -> int:
        """The autosave interval in milliseconds."""
        return self._timer.interval()

    def mark_changed(self) -> None:
        """Note that the map changed since the last autosave."""
        self._dirty = True

    def save_now(self) -> Path | None:
        """Write the map now if it has unsaved changes; returns the autosave file or None."""
        self._dirty = False
        try:
            state = self._snapshot()
            if state is None:
                self.session.clear()
                return None
            text, original_path, title = state
            path = self.session.write(text, original_path, title)
        except (OSError, ValueError) as exc:
            self._dirty = True
            self.failed.emit(str(exc))
            return None
        self.written.emit(path)
        return path

    def _on_timeout(self) -> None:
        self._prepare()
        if self._dirty:
            self.save_now()
