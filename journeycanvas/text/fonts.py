"""Font files: the bundled DejaVu Sans, a CJK TrueType font found on the system, the
system's fonts for every other script (see ``system_fonts``), and their registration with
ReportLab.

ReportLab embeds only TrueType outlines, so CFF fonts (Noto Sans CJK) are skipped. The Qt
canvas loads the very same files (``FontFile.path``) with
``QFontDatabase.addApplicationFont`` so that the screen and the PDF measure alike.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from journeycanvas.text.glyph_font import GlyphFont
from journeycanvas.text.system_fonts import faces_for, fc_list

FONTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"

# Known homes of TrueType CJK fonts, best first (Debian/Ubuntu, Fedora, Arch, macOS).
CJK_FONT_CANDIDATES: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
    Path("/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf"),
    Path("/usr/share/fonts/droid/DroidSansFallbackFull.ttf"),
    Path("/usr/share/fonts/TTF/DroidSansFallbackFull.ttf"),
    Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"),
    Path("C:/Windows/Fonts/simsun.ttc"),
)

# An environment variable naming extra fallback font files, separated by os.pathsep.
EXTRA_FONTS_ENV = "JOURNEYCANVAS_FALLBACK_FONTS"


@dataclass(frozen=True, slots=True)
class FontFile:
    """One TrueType font file and the name it is registered under with ReportLab; `bold`
    when the face itself is bold (a regular face in bold text is emboldened when drawn)."""

    name: str
    path: Path
    subfont_index: int = 0
    bold: bool = False

    def load(self) -> GlyphFont:
        """The ReportLab font, parsed and registered once per process."""
        return _registered(self.name, str(self.path), self.subfont_index)


@cache
def _registered(name: str, path: str, subfont_index: int) -> GlyphFont:
    font = GlyphFont(name, path, subfontIndex=subfont_index)
    pdfmetrics.registerFont(font)
    return font


def bundled_regular() -> FontFile:
    """DejaVu Sans, shipped with the package: Latin, Greek and Cyrillic always work."""
    return FontFile("JourneyCanvas-Sans", FONTS_DIR / "DejaVuSans.ttf")


def bundled_bold() -> FontFile:
    """DejaVu Sans Bold, shipped with the package."""
    return FontFile("JourneyCanvas-Sans-Bold", FONTS_DIR / "DejaVuSans-Bold.ttf", bold=True)


def _fontconfig_cjk_paths() -> list[Path]:
    """TrueType fonts fontconfig says cover Chinese, in fontconfig's order."""
    paths = []
    for line in sorted((fc_list(":lang=zh", "file", "fontformat") or "").splitlines()):
        file, _, rest = line.partition(":")
        if "TrueType" in rest and file.lower().endswith((".ttf", ".ttc")):
            paths.append(Path(file.strip()))
    return paths


def _usable(font: FontFile) -> bool:
    """Whether ReportLab can parse (and so embed) the font: TrueType outlines only."""
    try:
        font.load()
    except (TTFError, OSError, ValueError):
        return False
    return True


@cache
def find_fallback_fonts(bold: bool = False) -> tuple[FontFile, ...]:
    """The fallback fonts after DejaVu: files from the environment, then one CJK font
    (for `bold`, a bold CJK face first when the system has a TrueType one).

    The search goes through the known paths first (their fonts are known to work), then
    whatever fontconfig lists for Chinese; fonts ReportLab cannot embed are skipped.
    """
    extra = [Path(p) for p in os.environ.get(EXTRA_FONTS_ENV, "").split(os.pathsep) if p]
    chosen: list[FontFile] = []
    for path in extra:
        font = FontFile(f"JourneyCanvas-Fallback-{len(chosen)}", path)
        if path.is_file() and _usable(font):
            chosen.append(font)
    if bold:
        bold_cjk = system_fallback(ord("中"), bold=True)
        if bold_cjk is not None and bold_cjk.bold:
            chosen.append(bold_cjk)
    for path in (*CJK_FONT_CANDIDATES, *_fontconfig_cjk_paths()):
        font = FontFile("JourneyCanvas-CJK", path)
        if path.is_file() and _usable(font):
            chosen.append(font)
            break
    return tuple(chosen)


@cache
def system_fallback(code: int, bold: bool = False) -> FontFile | None:
    """The best installed TrueType face that has code point `code` and that ReportLab can
    embed (a bold face preferred for `bold`), or None when no font on the system has it."""
    for face in faces_for(code, bold):
        font = FontFile(
            f"JourneyCanvas-{face.path.stem}-{face.index}", face.path, face.index, face.bold
        )
        if _usable(font):
            return font
    return None
