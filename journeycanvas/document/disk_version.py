"""Which version of its file the open map was loaded from or last saved as.

The editor must never silently replace a version of the file it has not seen (another
laptop's save through a shared folder, a ``git pull``). So it keeps the exact bytes it
last read or wrote: their digest tells whether the file changed underneath, and they are
the *base* of a three-way merge when it did. The bytes are kept rather than a parsed copy
of the map: hashing them costs milliseconds on a 20,000-card map, a deep copy of the
model almost half a second on every save; they are parsed only when a merge needs them.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from journeycanvas.io import JourneyFileError, load_map, loads_map
from journeycanvas.model import limits
from journeycanvas.model.entities import JourneyMap


def digest_of(data: bytes) -> str:
    """The digest that identifies a version of a file."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class DiskVersion:
    """One version of a map's file: its bytes and their digest."""

    data: bytes
    digest: str

    @classmethod
    def of(cls, data: bytes) -> DiskVersion:
        """The version made of `data`."""
        return cls(data, digest_of(data))

    def journey(self, source: str = "<base>") -> JourneyMap:
        """The map in this version (a new model each call); JourneyFileError if it does
        not load (`source` names it in the message)."""
        return loads_map(self.data, source)


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """The digest of the file at `path` now; None when it is missing or unreadable."""
    try:
        with open(path, "rb") as stream:
            return digest_of(stream.read())
    except OSError:
        return None


def read_version(path: str | os.PathLike[str]) -> tuple[JourneyMap, DiskVersion]:
    """The map in the file at `path` and the version it was read from, in one read.

    Raises JourneyFileError with a one-line reason, as `load_map` does.
    """
    source = os.fspath(path)
    try:
        with open(source, "rb") as stream:
            data = stream.read(limits.MAX_FILE_BYTES + 1)
    except OSError:
        load_map(source)  # raises the error that names why (missing, a folder, no access)
        raise
    problem = limits.file_size_problem(len(data))
    if problem is not None:
        raise JourneyFileError(source, "", problem)
    return loads_map(data, source), DiskVersion.of(data)
