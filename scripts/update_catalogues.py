"""Extract the translatable strings, update every shipped catalogue, check they compile.

    PYTHONPATH=$PWD .venv/bin/python scripts/update_catalogues.py

Idempotent: run it after adding or changing strings (or after merging a branch that did);
then translate the messages it lists as missing in each ``.po`` file. Finds ``tr()``,
``QCoreApplication.translate(context, text)``, ``QT_TRANSLATE_NOOP(context, text)``,
``_()``, ``pgettext(context, text)`` and ``ngettext(singular, plural, n)``. A Qt string with
``%n`` (``translate(ctx, "%n cards", None, n)``) becomes a plural message.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "journeycanvas" / "resources" / "locale"
TEMPLATE = LOCALE / "journeycanvas.pot"
KEYWORDS = {
    "tr": None,
    "_tr": None,  # a module's own shorthand for QCoreApplication.translate(its context, …)
    "translate": ((1, "c"), 2),
    "QT_TRANSLATE_NOOP": ((1, "c"), 2),
    "_": None,
    "gettext": None,
    "N_": None,
    "pgettext": ((1, "c"), 2),
    "ngettext": (1, 2),
    "npgettext": ((1, "c"), 2, 3),
}
METHOD_MAP = [("journeycanvas/**.py", "python")]


def extract() -> Catalog:
    """The template catalogue: every translatable string of the source, in file order."""
    template = Catalog(project="JourneyCanvas", domain="journeycanvas", fuzzy=False)
    found = extract_from_dir(
        str(ROOT), METHOD_MAP, keywords=KEYWORDS, comment_tags=("Translators:",)
    )
    for filename, lineno, message, comments, context in found:
        if isinstance(message, str) and "%n" in message:
            message = (message, message)  # Qt's count form: one text, plural forms
        template.add(
            message,
            None,
            [(filename, lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def _write(path: Path, catalog: Catalog) -> bool:
    """Write `catalog` unless only its dates would change; True when written."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, ignore_obsolete=True)
    new = buffer.getvalue()
    if path.exists() and _without_dates(path.read_bytes()) == _without_dates(new):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(new)
    return True


def _without_dates(data: bytes) -> list[bytes]:
    return [line for line in data.splitlines() if b"-Date:" not in line]


def missing(catalog: Catalog) -> list[str]:
    """The messages of `catalog` without a complete translation (context | text)."""
    gaps = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            source = message.id[0] if isinstance(message.id, tuple) else message.id
            gaps.append(f"{message.context or ''} | {source!r}")
    return gaps


def update(languages: list[str]) -> int:
    """Extract, update each language's catalogue, compile; the number of gaps found."""
    template = extract()
    _write(TEMPLATE, template)
    gaps = 0
    for language in languages:
        path = LOCALE / language / "LC_MESSAGES" / "journeycanvas.po"
        if path.exists():
            with path.open("rb") as stream:
                catalog = read_po(stream, locale=language)
        else:
            catalog = Catalog(locale=language, domain="journeycanvas", project="JourneyCanvas")
        catalog.update(template, no_fuzzy_matching=True)
        _write(path, catalog)
        write_mo(io.BytesIO(), catalog)  # raises on a catalogue that does not compile
        holes = missing(catalog)
        gaps += len(holes)
        print(f"{language}: {len(catalog)} messages, {len(holes)} untranslated")
        for hole in holes:
            print(f"  {hole}")
    return gaps


def shipped() -> list[str]:
    """The languages that have a catalogue folder."""
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir())


if __name__ == "__main__":
    languages = sys.argv[1:] or shipped()
    sys.exit(1 if update(languages) else 0)
