"""A disk that fills up half-way through writing our hidden temporary files (ENOSPC)."""

from __future__ import annotations

import builtins
import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest


class _HalfWriter:
    """A file whose first write stores half its data and then fails: the disk is full."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: Any) -> int:
        self._stream.write(data[: len(data) // 2])
        self._stream.close()  # what was written stays; writers that never close leak nothing
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, every write to a hidden file (and every os.fdopen write) hits ENOSPC."""
    real_open, real_fdopen = builtins.open, os.fdopen

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = real_open(file, mode, *args, **kwargs)
        hidden = isinstance(file, str | os.PathLike) and Path(file).name.startswith(".")
        return _HalfWriter(stream) if hidden and set(mode) & set("wax") else stream

    def fake_fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = real_fdopen(fd, mode, *args, **kwargs)
        return _HalfWriter(stream) if set(mode) & set("wax") else stream

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "fdopen", fake_fdopen)
