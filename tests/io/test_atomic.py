"""The one atomic writer: whole files or none, errors naming the user's file, and stale
temporary files of killed writers cleaned up on the next write of the same file."""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from full_disk import fill_the_disk

from journeycanvas.io import save_map
from journeycanvas.io.atomic import STALE_AFTER_SECONDS, remove_stale_temporaries
from journeycanvas.io.export import export_map
from journeycanvas.io.pdf import ExportError, ExportOptions
from journeycanvas.io.templates import load_template

Write = Callable[[Path], object]
WRITES: dict[str, Write] = {
    "save": lambda path: save_map(load_template("hourglass"), path),
    "csv": lambda path: export_map(load_template("hourglass"), path, ExportOptions(format="csv")),
    "pdf": lambda path: export_map(load_template("hourglass"), path, ExportOptions(format="pdf")),
    "md": lambda path: export_map(load_template("hourglass"), path, ExportOptions(format="md")),
}
NAMES = {"save": "map.journey", "csv": "cards.csv", "pdf": "poster.pdf", "md": "report.md"}


def hidden_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def assert_names_only(message: str, target: Path) -> None:
    """The message names the user's file and never a hidden temporary file."""
    assert target.name in message, message
    assert ".tmp" not in message and f".{target.name}" not in message, message


@pytest.mark.parametrize("what", WRITES)
def test_a_full_disk_keeps_the_previous_file_and_names_the_users_file(
    what: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / NAMES[what]
    target.write_bytes(b"the previous file")
    fill_the_disk(monkeypatch)
    with pytest.raises(OSError) as raised:
        WRITES[what](target)
    assert raised.value.errno == errno.ENOSPC
    assert_names_only(f"{raised.value.filename}: {raised.value.strerror}", target)
    assert target.read_bytes() == b"the previous file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("what", WRITES)
@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS, errno.ENOSPC])
def test_a_folder_that_refuses_new_files_is_reported_with_the_users_file(
    what: str, code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated: the tests may run as root, for whom a read-only folder is writable.
    real_open = os.open

    def refusing(path: str | os.PathLike[str], flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), os.fspath(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    target = tmp_path / NAMES[what]
    monkeypatch.setattr(os, "open", refusing)
    with pytest.raises(OSError) as raised:
        WRITES[what](target)
    assert raised.value.errno == code
    message = f"{raised.value.filename}: {raised.value.strerror}"
    assert_names_only(message, target)
    if code == errno.EACCES:
        assert str(tmp_path) in message  # which folder refused
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("what", WRITES)
def test_an_output_that_is_a_folder_is_refused_by_its_name(what: str, tmp_path: Path) -> None:
    target = tmp_path / NAMES[what]
    (target / "inside").mkdir(parents=True)
    with pytest.raises(IsADirectoryError) as raised:
        WRITES[what](target)
    assert_names_only(f"{raised.value.filename}: {raised.value.strerror}", target)
    assert raised.value.strerror in ("Is a directory", "is a folder, not a file")
    assert hidden_files(tmp_path) == [] and (target / "inside").is_dir()


@pytest.mark.parametrize("what", WRITES)
def test_a_missing_folder_is_named(what: str, tmp_path: Path) -> None:
    target = tmp_path / "missing" / NAMES[what]
    with pytest.raises((OSError, ExportError)) as raised:
        WRITES[what](target)
    message = str(raised.value)
    assert_names_only(message, target)
    assert "missing" in message and "does not exist" in message
    assert list(tmp_path.iterdir()) == []


def make_stale(path: Path, age: float = STALE_AFTER_SECONDS + 30) -> Path:
    path.write_bytes(b"x" * 1000)
    then = time.time() - age
    os.utime(path, (then, then))
    return path


@pytest.mark.parametrize("what", WRITES)
def test_the_next_write_removes_stale_temporary_files_of_that_file_only(
    what: str, tmp_path: Path
) -> None:
    target = tmp_path / NAMES[what]
    stem, suffix = target.stem, target.suffix
    stale = [
        make_stale(tmp_path / f".{target.name}.0badf00d.tmp"),
        make_stale(tmp_path / f".{stem}.1234abcd.part{suffix}"),  # earlier exports' names
    ]
    kept = [
        make_stale(tmp_path / f".{target.name}.feedf00d.tmp", age=5),  # too young
        make_stale(tmp_path / f".other{suffix}.0badf00d.tmp"),  # another file's
        make_stale(tmp_path / f"{target.name}.0badf00d.tmp"),  # not hidden: not ours
        make_stale(tmp_path / f".{target.name}.notours.tmp"),
    ]
    WRITES[what](target)
    assert target.exists()
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in kept)


def test_a_temporary_file_locked_by_a_live_writer_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "map.journey"
    busy = make_stale(tmp_path / ".map.journey.00c0ffee.tmp")
    dead = make_stale(tmp_path / ".map.journey.0000dead.tmp")
    with busy.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        assert remove_stale_temporaries(target) == 1
    assert busy.exists() and not dead.exists()


def test_an_interrupted_write_leaves_nothing_and_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "poster.pdf"
    target.write_bytes(b"old")

    def interrupted(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_map(load_template("hourglass"), target, progress=interrupted)
    assert target.read_bytes() == b"old" and hidden_files(tmp_path) == []
