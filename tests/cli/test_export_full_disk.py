"""Every kind of export and save on a full disk, through the command: exit 1, one line
naming the user's file, the previous file untouched and no temporary file left."""

from __future__ import annotations

from pathlib import Path

import pytest
from full_disk import fill_the_disk

from journeycanvas.cli import main

KINDS = {
    "poster": ["poster.pdf"],
    "tiled": ["tiles.pdf", "--tile", "a4"],
    "blank": ["blank.pdf", "--blank"],
    "handouts": ["handouts.pdf", "--handouts", "stage"],
    "png": ["map.png", "--dpi", "40"],
    "svg": ["map.svg"],
    "csv": ["cards.csv"],
    "md": ["report.md"],
}


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "m.journey"
    assert main(["new", "--template", "hourglass", "-o", str(path)]) == 0
    return path


def one_line_naming(err: str, target: Path) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert str(target) in err and "No space left" in err, err
    assert ".tmp" not in err and f".{target.name}" not in err, err


@pytest.mark.parametrize("kind", KINDS)
def test_a_full_disk_fails_the_export_cleanly(
    kind: str,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name, *options = KINDS[kind]
    target = tmp_path / name
    target.write_bytes(b"a good previous export")
    before = sorted(tmp_path.iterdir())
    capsys.readouterr()
    fill_the_disk(monkeypatch)
    assert main(["export", str(sample), "-o", str(target), *options]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    one_line_naming(captured.err, target)
    assert target.read_bytes() == b"a good previous export"
    assert sorted(tmp_path.iterdir()) == before


def test_a_full_disk_fails_a_save_cleanly(
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    previous = sample.read_bytes()
    capsys.readouterr()
    fill_the_disk(monkeypatch)
    assert main(["new", "--template", "blank", "--force", "-o", str(sample)]) == 1
    one_line_naming(capsys.readouterr().err, sample.with_suffix(".journey.bak"))
    assert sample.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.journey"]
