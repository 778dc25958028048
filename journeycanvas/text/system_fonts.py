"""The system's TrueType fonts and the characters each covers, for fallback in any script.

On Linux fontconfig lists every font with its character set in one call (``fc-list``);
elsewhere the usual font folders are read with HarfBuzz. Nothing is read until a
character is missing from the fonts already in use. Among the fonts that have a
character, a plain sans-serif face of the wanted weight wins (Noto Sans Devanagari before
Noto Serif Devanagari, Noto Sans Thai before Noto Sans Thai UI or Noto Looped Thai).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import uharfbuzz as hb  # type: ignore[import-untyped]

# Families that suit a card's body text less well than a plain sans-serif face.
_LESS_PLAIN = (
    "serif",
    "mono",
    "condensed",
    "narrow",
    "looped",
    "kufi",
    "naskh",
    "rashi",
    "nastaliq",
    "display",
    "math",
    "music",
    "italic",
    "oblique",
    "slanted",
    "ui-",
)


@dataclass(frozen=True, slots=True)
class SystemFont:
    """One face of an installed font file: where it is and which characters it has."""

    path: Path
    index: int
    bold: bool
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def covers(self, code: int) -> bool:
        """Whether the face has a glyph for code point `code`."""
        slot = bisect_right(self.starts, code) - 1
        return slot >= 0 and code <= self.ends[slot]

    def rank(self, bold: bool) -> tuple[int, int, int]:
        """Lower is better: the wanted weight, then a plain sans face, then a short name."""
        name = self.path.name.lower()
        plain = sum(word in name for word in _LESS_PLAIN)
        return (self.bold != bold, plain + ("sans" not in name), len(name))


def _ranges(charset: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """fontconfig's charset ("20-7e a0 ...", hexadecimal) as sorted range starts and ends."""
    starts, ends = [], []
    for item in charset.split():
        low, _, high = item.partition("-")
        starts.append(int(low, 16))
        ends.append(int(high or low, 16))
    return tuple(starts), tuple(ends)


def fc_list(*arguments: str) -> str | None:
    """What fontconfig's ``fc-list`` prints with `arguments`; None without fontconfig."""
    if shutil.which("fc-list") is None:
        return None
    try:
        return subprocess.run(
            ["fc-list", *arguments], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _from_fontconfig() -> list[SystemFont] | None:
    out = fc_list("--format", "%{file}|%{index}|%{fontformat}|%{weight}|%{charset}\n")
    if out is None:
        return None
    fonts = []
    for line in sorted(out.splitlines()):
        parts = line.split("|")
        if len(parts) != 5 or parts[2] != "TrueType":
            continue
        path, index, _, weight, charset = parts
        if not path.lower().endswith((".ttf", ".ttc")):
            continue
        starts, ends = _ranges(charset)
        bold = _number(weight) >= 180  # fontconfig: 80 regular, 200 bold
        fonts.append(SystemFont(Path(path), int(_number(index)), bold, starts, ends))
    return fonts


def _number(text: str) -> float:
    try:
        return float(text.split()[0].strip("[]"))
    except (ValueError, IndexError):
        return 0.0


def _font_folders() -> list[Path]:
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [windows, local]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/Library/Fonts"),
            Path.home() / "Library/Fonts",
        ]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]


def _from_folders() -> list[SystemFont]:
    """Every TrueType face in the usual font folders, read with HarfBuzz."""
    fonts = []
    for folder in _font_folders():
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in (".ttf", ".ttc"):
                continue
            blob = hb.Blob.from_file_path(str(path))
            for index in range(hb.Face(blob).count):
                face = hb.Face(blob, index)
                if "glyf" not in face.table_tags:
                    continue
                codes = sorted(face.unicodes)
                bold = "bold" in path.name.lower()
                fonts.append(SystemFont(path, index, bold, tuple(codes), tuple(codes)))
    return fonts


@cache
def system_fonts() -> tuple[SystemFont, ...]:
    """The installed TrueType faces (read once per process)."""
    fonts = _from_fontconfig()
    return tuple(fonts if fonts is not None else _from_folders())


def faces_for(code: int, bold: bool) -> list[SystemFont]:
    """The installed faces that have code point `code`, best first."""
    found = [font for font in system_fonts() if font.covers(code)]
    return sorted(found, key=lambda font: font.rank(bold))
