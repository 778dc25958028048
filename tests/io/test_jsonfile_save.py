"""Atomic saves: a save either fully happens or leaves the previous file exactly as it was."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from journeycanvas.io.jsonfile import backup_path, dumps_map, load_map, save_map
from journeycanvas.model import JourneyMap, Stage


def a_map(title: str) -> JourneyMap:
    return JourneyMap(id="m1", title=title, stages=[Stage(id="s1", name="Know")])


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_save_writes_the_map_and_keeps_no_backup_of_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bakery.journey"
    save_map(a_map("One"), path)
    assert path.read_text(encoding="utf-8") == dumps_map(a_map("One"))
    assert names(tmp_path) == ["bakery.journey"]


def test_saving_again_keeps_the_previous_file_as_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "bakery.journey"
    save_map(a_map("One"), path)
    first = path.read_bytes()
    save_map(a_map("Two"), path)
    assert backup_path(path) == tmp_path / "bakery.journey.bak"
    assert backup_path(path).read_bytes() == first
    assert load_map(path).title == "Two"
    assert names(tmp_path) == ["bakery.journey", "bakery.journey.bak"]


def test_backup_can_be_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "bakery.journey"
    save_map(a_map("One"), path)
    save_map(a_map("Two"), path, backup=False)
    assert names(tmp_path) == ["bakery.journey"]


def _failing_on_call(number: int, real: object) -> object:
    calls = {"count": 0}

    def fake(*args: object, **kwargs: object) -> object:
        calls["count"] += 1
        if calls["count"] == number:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)  # type: ignore[operator]

    return fake


@pytest.mark.parametrize(
    ("function", "call", "leftovers"),
    [
        ("replace", 1, ["bakery.journey"]),
        ("replace", 2, ["bakery.journey", "bakery.journey.bak"]),
        ("fsync", 1, ["bakery.journey"]),
        ("fsync", 3, ["bakery.journey", "bakery.journey.bak"]),
    ],
)
def test_a_save_interrupted_by_an_error_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, function: str, call: int, leftovers: list[str]
) -> None:
    path = tmp_path / "bakery.journey"
    path.write_bytes(b"the previous map, byte for byte")
    monkeypatch.setattr(os, function, _failing_on_call(call, getattr(os, function)))
    with pytest.raises(OSError, match="No space left"):
        save_map(a_map("New"), path)
    assert path.read_bytes() == b"the previous map, byte for byte"
    assert names(tmp_path) == leftovers


def test_a_save_interrupted_by_the_user_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bakery.journey"
    path.write_bytes(b"old")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_map(a_map("New"), path, backup=False)
    assert path.read_bytes() == b"old"
    assert names(tmp_path) == ["bakery.journey"]


def test_a_failing_write_of_the_new_bytes_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bakery.journey"
    path.write_bytes(b"old")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, stream: object) -> None:
            self.stream = stream

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self.stream.write(data[: len(data) // 2])  # type: ignore[attr-defined]
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    with pytest.raises(OSError, match="No space left"):
        save_map(a_map("New"), path, backup=False)
    assert path.read_bytes() == b"old"
    assert names(tmp_path) == ["bakery.journey"]


def test_saving_into_a_missing_folder_fails_without_creating_anything(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        save_map(a_map("One"), tmp_path / "missing" / "bakery.journey")
    assert names(tmp_path) == []


def test_save_keeps_the_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "bakery.journey"
    save_map(a_map("One"), path)
    os.chmod(path, 0o640)
    save_map(a_map("Two"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_save_through_a_symbolic_link_replaces_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.journey"
    save_map(a_map("One"), target)
    link = tmp_path / "link.journey"
    link.symlink_to(target)
    save_map(a_map("Two"), link)
    assert link.is_symlink()
    assert load_map(target).title == "Two"
    assert (tmp_path / "real.journey.bak").exists()
