"""The languages JourneyCanvas ships, their native names, and how a locale name maps to one."""

from __future__ import annotations

from dataclasses import dataclass

SOURCE_LANGUAGE = "en"
PSEUDO_LANGUAGE = "x-pseudo"
"""A test-only language: every string longer and in markers, to catch untranslated and
clipped text."""


@dataclass(frozen=True, slots=True)
class Language:
    """A shipped language: its locale name (``zh_CN``) and its name in itself."""

    code: str
    native_name: str


SHIPPED = (
    Language("en", "English"),
    Language("sv", "Svenska"),
    Language("pl", "Polski"),
    Language("zh_CN", "简体中文"),
    Language("id", "Bahasa Indonesia"),
)

# Old or alternative names of a shipped language.
_ALIASES = {"in": "id", "zh": "zh_CN", "zh_hans": "zh_CN", "zh_sg": "zh_CN", "nb": "", "c": "en"}


def available_languages() -> tuple[Language, ...]:
    """The shipped languages, English first."""
    return SHIPPED


def normalise(code: str) -> str:
    """`code` written as a locale name: ``zh-cn`` → ``zh_CN``, ``sv_se.UTF-8`` → ``sv_SE``."""
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_")
    language, _, region = base.partition("_")
    return f"{language.lower()}_{region.upper()}" if region else language.lower()


def shipped_language(code: str) -> str | None:
    """The shipped language that serves locale `code` (``sv_SE`` → ``sv``), or None.

    The test-only pseudo-language is served too, under its own name.
    """
    if code.strip().lower() == PSEUDO_LANGUAGE:
        return PSEUDO_LANGUAGE
    name = normalise(code)
    codes = {language.code for language in SHIPPED}
    for candidate in (name, _ALIASES.get(name.lower(), ""), name.split("_")[0]):
        candidate = _ALIASES.get(candidate.lower(), candidate)
        if candidate in codes:
            return candidate
    return None
