"""The shipped catalogues: complete, compiling, in step with the source, placeholders kept."""

from __future__ import annotations

import gettext
import importlib.util
import io
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.mofile import write_mo

from journeycanvas.i18n import available_languages, translator_for
from journeycanvas.i18n.translations import read_catalogue

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [language.code for language in available_languages() if language.code != "en"]
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")


def _update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_catalogues", ROOT / "scripts" / "update_catalogues.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _key(message_id: str | tuple[str, ...], context: str | None) -> tuple[str, str]:
    source = message_id[0] if isinstance(message_id, tuple) else message_id
    return (context or "", source)


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_is_complete_and_compiles(language: str) -> None:
    catalog = read_catalogue(language)
    missing = _update_script().missing(catalog)
    assert not missing, f"{language}: untranslated (context | text):\n" + "\n".join(missing)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    standard = gettext.GNUTranslations(compiled)
    ours = translator_for(language)
    assert standard.pgettext("Kinds", "Pain points") == ours.pgettext("Kinds", "Pain points")


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_source_string_is_in_the_catalogue(language: str) -> None:
    template = _update_script().extract()
    catalog = read_catalogue(language)
    have = {_key(message.id, message.context) for message in catalog if message.id}
    needed = {_key(message.id, message.context) for message in template if message.id}
    absent = sorted(needed - have)
    assert not absent, (
        f"{language}: not in the catalogue; run scripts/update_catalogues.sh and translate:\n"
        + "\n".join(f"{context} | {text!r}" for context, text in absent)
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders(language: str) -> None:
    wrong = []
    for message in read_catalogue(language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(set(_PLACEHOLDER.findall(sources[-1])))
        for index, string in enumerate(strings):
            found = sorted(set(_PLACEHOLDER.findall(string)))
            # The singular of a language with several forms may say "one" instead of %n.
            singular = index == 0 and len(strings) > 1
            if (found if not singular else [p for p in expected if p != "%n"]) != (
                expected if not singular else [p for p in found if p != "%n"]
            ):
                wrong.append(f"{sources[0]!r} → {string!r}")
    assert not wrong, f"{language}: placeholders differ:\n" + "\n".join(wrong)


def test_polish_has_three_plural_forms() -> None:
    polish = translator_for("pl")
    cards = [
        polish.npgettext("Markdown report", "{count} vote", "{count} votes", n) for n in (1, 3, 5)
    ]
    assert cards == ["{count} głos", "{count} głosy", "{count} głosów"]
    assert translator_for("sv").lookup(None, "%n stages", 2) == "%n faser"


def test_card_kinds_use_the_words_of_the_literature() -> None:
    words = {"sv": "Kontaktpunkter", "pl": "Punkty styku", "zh_CN": "触点", "id": "Titik sentuh"}
    for language, word in words.items():
        assert translator_for(language).pgettext("Kinds", "Touchpoints") == word


@pytest.mark.parametrize("language", ["en", *TRANSLATED])
@pytest.mark.parametrize("name", ["hourglass", "awareness-advocacy"])
def test_template_descriptions_name_the_stages_as_the_template_does(
    language: str, name: str
) -> None:
    from journeycanvas.io.jsonfile import load_map
    from journeycanvas.io.templates import list_templates

    (info,) = [info for info in list_templates(language) if info.name == name]
    stages = [stage.name for stage in load_map(info.path).stages]
    missing = [stage for stage in stages if stage not in info.description]
    assert not missing, f"{language} {name}: {info.description!r} lacks {missing}"
