"""Stage sets: the header rows of the bundled templates, to insert into any map at once.

A stage set is read from its template file (`io.templates`), so the stages, goals and
colours are defined once, in the template; this module only names which templates have a
stage set worth reusing. The set is called by the template's title up to its colon
("Marketing hourglass: a neighbourhood bakery" gives "Marketing hourglass").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from journeycanvas.io.templates import load_template
from journeycanvas.model.entities import Stage
from journeycanvas.model.ids import new_id

STAGE_SET_TEMPLATES = ("hourglass", "decision-journey", "awareness-advocacy", "content-ideation")
"""The templates whose stages are offered as a stage set, in the order they are listed
(the blank template's stages are placeholders; the car dealer's are its own story)."""


@dataclass(frozen=True)
class StageSet:
    """The stages of one template: `name` is the template's, `title` what the user sees."""

    name: str
    title: str
    stages: tuple[Stage, ...]

    def new_stages(self, taken: Collection[str]) -> list[Stage]:
        """Fresh copies of the set's stages with ids not in `taken` (nor each other's)."""
        ids = set(taken)
        copies = []
        for stage in self.stages:
            copy = stage.model_copy(deep=True, update={"id": new_id("s", ids)})
            ids.add(copy.id)
            copies.append(copy)
        return copies


@cache
def stage_sets() -> tuple[StageSet, ...]:
    """Every stage set, in the order the palette and the Insert menu list them."""
    sets = []
    for name in STAGE_SET_TEMPLATES:
        journey = load_template(name)
        title = journey.title.split(":", 1)[0].strip() or name
        sets.append(StageSet(name, title, tuple(journey.stages)))
    return tuple(sets)


def stage_set(name: str) -> StageSet:
    """The stage set taken from template `name`; KeyError when there is none."""
    for found in stage_sets():
        if found.name == name:
            return found
    raise KeyError(name)
