"""The bundled map templates: real ``.journey`` files in ``journeycanvas/resources/templates``.

The editor's "New from template" and ``journeycanvas new --template NAME [--language sv]``
start from these. A template is named by its file name without the extension. The English
ones sit in the folder itself, their translations in a folder per language
(``templates/sv/hourglass.journey``); a template not translated into a language is offered
in English.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from journeycanvas.i18n import SOURCE_LANGUAGE, _, shipped_language, translator_for
from journeycanvas.io.jsonfile import loads_map
from journeycanvas.model.entities import JourneyMap, utc_now
from journeycanvas.model.ids import all_ids, new_id

TEMPLATE_SUFFIX = ".journey"

# The order the editor lists them in; template files not named here follow, by name.
_ORDER = (
    "hourglass",
    "decision-journey",
    "awareness-advocacy",
    "content-ideation",
    "channel-breakpoints",
    "blank",
)


def N_(text: str) -> str:
    """Mark `text` for translation (the catalogue update finds it); returns it unchanged."""
    return text


_DESCRIPTIONS = {
    "hourglass": N_(
        "The marketing hourglass: Know, Like, Trust, Try, Buy, Repeat, Refer. "
        "The funnel widens again after the sale, because happy customers bring others."
    ),
    "decision-journey": N_(
        "The five-stage decision journey, from the moment a need appears "
        "to how the customer judges the purchase afterwards."
    ),
    "awareness-advocacy": N_(
        "Awareness, Consideration, Purchase, Retention, Advocacy: "
        "a compact journey for subscriptions and software."
    ),
    "content-ideation": N_(
        "A grid for planning content: the customer's pain points at each "
        "stage, each one linked to the content that answers it."
    ),
    "channel-breakpoints": N_(
        "A journey across channels (online configurator, dealership, "
        "test drive) that shows where data is lost and where customers branch off."
    ),
    "blank": N_("An empty map with the usual lanes; add your own stages."),
}


class UnknownTemplateError(LookupError):
    """Raised for a template name that is not bundled."""


@dataclass(frozen=True)
class TemplateInfo:
    """A bundled template in one language: its name (``hourglass``), title, one-paragraph
    description, file and the language it is written in (``en``, ``sv`` …)."""

    name: str
    title: str
    description: str
    path: Path
    language: str = SOURCE_LANGUAGE


def templates_folder() -> Traversable:
    """The folder that holds the bundled templates."""
    return files("journeycanvas").joinpath("resources", "templates")


def _language_folder(language: str | None) -> Traversable | None:
    """The folder of `language`'s translated templates; None for English or no folder."""
    code = shipped_language(language) if language else None
    if code is None or code == SOURCE_LANGUAGE:
        return None
    folder = templates_folder().joinpath(code)
    return folder if folder.is_dir() else None


def _files_in(folder: Traversable) -> dict[str, Traversable]:
    return {
        entry.name.removesuffix(TEMPLATE_SUFFIX): entry
        for entry in folder.iterdir()
        if entry.name.endswith(TEMPLATE_SUFFIX) and entry.is_file()
    }


def _template_files(language: str | None = None) -> dict[str, Traversable]:
    """Every template's file, in `language` where it is translated, else in English."""
    found = _files_in(templates_folder())
    translated = _language_folder(language)
    if translated is not None:
        found.update(
            {name: entry for name, entry in _files_in(translated).items() if name in found}
        )
    rank = {name: index for index, name in enumerate(_ORDER)}
    return dict(sorted(found.items(), key=lambda item: (rank.get(item[0], len(_ORDER)), item[0])))


def template_languages(name: str) -> list[str]:
    """The languages template `name` is bundled in, English first."""
    languages = [SOURCE_LANGUAGE]
    for folder in sorted(templates_folder().iterdir(), key=lambda entry: entry.name):
        if folder.is_dir() and folder.joinpath(name + TEMPLATE_SUFFIX).is_file():
            languages.append(folder.name)
    return languages


def template_names() -> list[str]:
    """The names of the bundled templates, in the order the editor lists them."""
    return list(_template_files())


def _template_file(name: str, language: str | None = None) -> Traversable:
    entries = _template_files(language)
    if name not in entries:
        raise UnknownTemplateError(
            _("no template called {name}; choose from: {names}").format(
                name=repr(name), names=", ".join(entries)
            )
        )
    return entries[name]


def template_path(name: str, language: str | None = None) -> Path:
    """The file of template `name` (in `language` where translated); UnknownTemplateError
    when there is none."""
    return Path(str(_template_file(name, language)))


def list_templates(language: str | None = None) -> list[TemplateInfo]:
    """Every bundled template with its title and description, in display order, each in
    `language` where it is translated (English otherwise)."""
    infos = []
    for name, entry in _template_files(language).items():
        data = json.loads(entry.read_text(encoding="utf-8"))
        title = str(data.get("title", name))
        written_in = shipped_language(str(data.get("locale", ""))) or SOURCE_LANGUAGE
        description = _DESCRIPTIONS.get(name)
        description = (
            translator_for(written_in).gettext(description)
            if description
            else str(data.get("scenario", ""))
        )
        infos.append(TemplateInfo(name, title, description, Path(str(entry)), written_in))
    return infos


def load_template(
    name: str, *, title: str | None = None, language: str | None = None
) -> JourneyMap:
    """A new map made from template `name` (in `language` where it is translated): its own
    map id, dated now, titled `title`.

    The ids of stages, lanes and cards stay as in the template; they only need to be
    unique within one map.
    """
    entry = _template_file(name, language)
    journey = loads_map(entry.read_bytes(), source=f"template {name}")
    journey.id = new_id("m", all_ids(journey))
    journey.created = journey.modified = utc_now()
    if title is not None:
        journey.title = title
    return journey
