"""The bundled map templates: real ``.journey`` files in ``journeycanvas/resources/templates``.

The editor's "New from template" and ``journeycanvas new --template NAME`` start from
these. A template is named by its file name without the extension.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

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

_DESCRIPTIONS = {
    "hourglass": "The marketing hourglass: Know, Like, Trust, Try, Buy, Repeat, Refer. "
    "The funnel widens again after the sale, because happy customers bring others.",
    "decision-journey": "The five-stage decision journey, from the moment a need appears "
    "to how the customer judges the purchase afterwards.",
    "awareness-advocacy": "Awareness, Consideration, Purchase, Retention, Advocacy: "
    "a compact journey for subscriptions and software.",
    "content-ideation": "A grid for planning content: the customer's pain points at each "
    "stage, each one linked to the content that answers it.",
    "channel-breakpoints": "A journey across channels (online configurator, dealership, "
    "test drive) that shows where data is lost and where customers branch off.",
    "blank": "An empty map with the usual lanes; add your own stages.",
}


class UnknownTemplateError(LookupError):
    """Raised for a template name that is not bundled."""


@dataclass(frozen=True)
class TemplateInfo:
    """A bundled template: its name (``hourglass``), title, one-paragraph description, file."""

    name: str
    title: str
    description: str
    path: Path


def templates_folder() -> Traversable:
    """The folder that holds the bundled templates."""
    return files("journeycanvas").joinpath("resources", "templates")


def _template_files() -> dict[str, Traversable]:
    found = {
        entry.name.removesuffix(TEMPLATE_SUFFIX): entry
        for entry in templates_folder().iterdir()
        if entry.name.endswith(TEMPLATE_SUFFIX) and entry.is_file()
    }
    rank = {name: index for index, name in enumerate(_ORDER)}
    return dict(sorted(found.items(), key=lambda item: (rank.get(item[0], len(_ORDER)), item[0])))


def template_names() -> list[str]:
    """The names of the bundled templates, in the order the editor lists them."""
    return list(_template_files())


def _template_file(name: str) -> Traversable:
    entries = _template_files()
    if name not in entries:
        raise UnknownTemplateError(
            f"no template called {name!r}; choose from: {', '.join(entries)}"
        )
    return entries[name]


def template_path(name: str) -> Path:
    """The file of template `name`; UnknownTemplateError when there is none."""
    return Path(str(_template_file(name)))


def list_templates() -> list[TemplateInfo]:
    """Every bundled template with its title and description, in display order."""
    infos = []
    for name, entry in _template_files().items():
        data = json.loads(entry.read_text(encoding="utf-8"))
        title = str(data.get("title", name))
        description = _DESCRIPTIONS.get(name) or str(data.get("scenario", ""))
        infos.append(TemplateInfo(name, title, description, Path(str(entry))))
    return infos


def load_template(name: str, *, title: str | None = None) -> JourneyMap:
    """A new map made from template `name`: its own map id, dated now, titled `title`.

    The ids of stages, lanes and cards stay as in the template; they only need to be
    unique within one map.
    """
    entry = _template_file(name)
    journey = loads_map(entry.read_bytes(), source=f"template {name}")
    journey.id = new_id("m", all_ids(journey))
    journey.created = journey.modified = utc_now()
    if title is not None:
        journey.title = title
    return journey
