"""A lock file beside an open map, the way office suites do it: who has it open, since when.

``.~lock.NAME.journey#`` holds JSON: user, host, pid, since, refreshed and a token that
tells this editor's lock from another window's. It only *warns* a second editor (in this
process, another one, or on another laptop through a shared folder): what keeps work from
being lost is the check of the file's version before every save.

QLockFile was weighed and not used: it records no user and no start time, and on a shared
folder a lock from another computer never turns stale by itself (its stale time is for
short locks). Here a lock is stale, and taken over silently, when its process is gone
(same host, the pid no longer runs) or it was not refreshed for `STALE_AFTER`.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from journeycanvas.io.atomic import write_atomically

REFRESH_MS = 10 * 60 * 1000
"""How often an open editor rewrites its lock, to show it is still there."""

STALE_AFTER = timedelta(hours=1)
"""A lock not refreshed for this long belongs to an editor that is gone (or asleep)."""


def lock_path(map_path: str | os.PathLike[str]) -> Path:
    """The lock file of the map at `map_path`: ``.~lock.NAME.journey#`` beside it."""
    path = Path(map_path)
    return path.with_name(f".~lock.{path.name}#")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return ""


@dataclass(frozen=True, slots=True)
class LockInfo:
    """What a lock file says about the editor that holds the map."""

    user: str
    host: str
    pid: int
    since: str
    refreshed: str
    token: str

    @classmethod
    def mine(cls) -> LockInfo:
        """A lock for this editor, starting now."""
        now = _now()
        return cls(_user(), socket.gethostname(), os.getpid(), now, now, uuid.uuid4().hex)

    def since_local(self) -> datetime | None:
        """When the holder opened the map, in local time (None if unreadable)."""
        return _parse(self.since)

    def is_stale(self, now: datetime | None = None) -> bool:
        """Whether the holder is gone: its process ended (same host), or it did not
        refresh the lock for `STALE_AFTER`."""
        refreshed = _parse(self.refreshed) or _parse(self.since)
        moment = now or datetime.now(UTC)
        if refreshed is None or moment - refreshed > STALE_AFTER:
            return True
        return self.host == socket.gethostname() and not _process_runs(self.pid)


def _parse(stamp: str) -> datetime | None:
    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def _process_runs(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, but it runs
    return True


def read_lock(path: Path) -> LockInfo | None:
    """The lock at `path`, or None when there is none or it is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(
            user=str(data.get("user", "")),
            host=str(data.get("host", "")),
            pid=int(data.get("pid", 0)),
            since=str(data.get("since", "")),
            refreshed=str(data.get("refreshed", data.get("since", ""))),
            token=str(data.get("token", "")),
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return None


class MapLock:
    """This editor's lock on one map file."""

    def __init__(self, map_path: str | os.PathLike[str]) -> None:
        self.path = lock_path(map_path)
        self.info = LockInfo.mine()
        self.held = False

    def other_holder(self) -> LockInfo | None:
        """Who else has the map open, or None; a stale lock is removed on the way."""
        info = read_lock(self.path)
        if info is None or info.token == self.info.token:
            return None
        if info.is_stale():
            self.path.unlink(missing_ok=True)
            return None
        return info

    def acquire(self) -> bool:
        """Write our lock (over another's, after the user chose to open anyway); False
        when the folder cannot take it (read-only media: the map opens without a lock)."""
        try:
            write_atomically(self.path, self._text())
        except OSError:
            return False
        self.held = True
        return True

    def refresh(self) -> None:
        """Show that we are still there, unless another editor has taken the lock since."""
        current = read_lock(self.path)
        if self.held and current is not None and current.token == self.info.token:
            self.info = LockInfo(**{**asdict(self.info), "refreshed": _now()})
            with contextlib.suppress(OSError):  # a courtesy: the map itself is unaffected
                write_atomically(self.path, self._text())

    def release(self) -> None:
        """Remove our lock (not one another editor wrote over it)."""
        current = read_lock(self.path)
        if self.held and current is not None and current.token == self.info.token:
            self.path.unlink(missing_ok=True)
        self.held = False

    def _text(self) -> bytes:
        return (json.dumps(asdict(self.info), indent=2) + "\n").encode("utf-8")
