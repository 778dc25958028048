"""Writing a file so that it is either whole or not there: the one atomic writer.

Saves, autosaves and every export write through `atomic_path` (or `write_atomically`): the
bytes go to a hidden temporary file in the target's folder, named
``.NAME.<8 hex digits>.tmp``, which is flushed, fsynced and then swapped in with
``os.replace``. On any error, a cancel or an interrupt included, the temporary file is
removed and the previous file is left exactly as it was. Errors name the user's file, never
the temporary one. A writer killed outright cannot clean up, so each write first removes
stale temporary files of its own target: older than a minute and not locked by a live writer.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from journeycanvas.i18n import _

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

STALE_AFTER_SECONDS = 60.0
"""A temporary file untouched for this long, and not locked, belongs to a writer that died."""

_BINARY = getattr(os, "O_BINARY", 0)


def temporary_pattern(target: Path) -> re.Pattern[str]:
    """The names of `target`'s temporary files: ours, and those of earlier exports."""
    name, stem, suffix = map(re.escape, (target.name, target.stem, target.suffix))
    return re.compile(rf"\.{name}\.[0-9a-f]{{8}}\.tmp|\.{stem}\.[0-9a-f]{{8}}\.part{suffix}")


@contextmanager
def atomic_path(target: str | os.PathLike[str], mode: int | None = None) -> Iterator[Path]:
    """A new, empty temporary path next to `target`, swapped in when the block succeeds.

    The block writes the temporary file by its path (any writer may reopen it). Then it is
    fsynced, given `mode` (file permissions) when one is given, and replaces `target`.
    Raises OSError naming `target` when the file cannot be written.
    """
    final = Path(target)
    _check_target(final)
    remove_stale_temporaries(final)
    temporary = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
    try:
        # O_EXCL: never write through someone else's file; 0o666 lets the umask decide.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    except OSError as exc:
        raise _naming(exc, final, temporary) from exc
    try:
        _lock(fd)  # tells another writer's cleanup that this file is alive
        yield temporary
        _sync_file(temporary)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, final)
    except OSError as exc:
        raise _naming(exc, final, temporary) from exc
    finally:
        os.close(fd)
        temporary.unlink(missing_ok=True)
    _sync_folder(final.parent)


def write_atomically(
    target: str | os.PathLike[str],
    content: bytes | Callable[[IO[bytes]], object],
    mode: int | None = None,
) -> None:
    """Write `content` (bytes, or a function writing to a binary stream) to `target` atomically."""
    with (
        atomic_path(target, mode) as temporary,
        os.fdopen(os.open(temporary, os.O_WRONLY | _BINARY), "wb") as stream,
    ):
        if isinstance(content, bytes):
            stream.write(content)
        else:
            content(stream)


def remove_stale_temporaries(target: str | os.PathLike[str]) -> int:
    """Remove `target`'s temporary files left by writers that died; how many were removed.

    Only files named as `target`'s temporary files, untouched for a minute and not locked by
    a running writer, are removed; anything that cannot be checked is left alone.
    """
    final = Path(target)
    pattern = temporary_pattern(final)
    removed = 0
    try:
        entries = list(os.scandir(final.parent))
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if now - info.st_mtime < STALE_AFTER_SECONDS or not entry.is_file(
                follow_symlinks=False
            ):
                continue
            if _unlink_unless_locked(Path(entry.path)):
                removed += 1
    return removed


def _check_target(final: Path) -> None:
    """Refuse, naming `final`, a target in a missing folder or one that is a folder."""
    if not final.parent.is_dir():
        raise FileNotFoundError(
            errno.ENOENT,
            _("the folder {folder} does not exist").format(folder=final.parent),
            str(final),
        )
    if final.is_dir():
        raise IsADirectoryError(errno.EISDIR, _("is a folder, not a file"), str(final))


def _naming(exc: OSError, final: Path, temporary: Path) -> OSError:
    """`exc` told about `final`: the user never hears of the temporary file."""
    hidden = str(temporary)
    if exc.errno is None:
        return OSError(str(exc).replace(hidden, str(final)))
    if exc.filename not in (None, hidden) and exc.filename2 is None:
        return exc  # about another file altogether
    strerror = exc.strerror or os.strerror(exc.errno)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        strerror = _("{reason} (cannot write in the folder {folder})").format(
            reason=strerror, folder=final.parent
        )
    return OSError(exc.errno, strerror, str(final))


def _lock(fd: int) -> None:
    if fcntl is not None:
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlink_unless_locked(path: Path) -> bool:
    fd = os.open(path, os.O_RDONLY | _BINARY)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # a live writer holds it
        path.unlink()
        return True
    finally:
        os.close(fd)


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | _BINARY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every system can open a folder for this.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
