"""Every bundled template ships in every interface language: the same map, in that language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journeycanvas import cli
from journeycanvas.i18n import SOURCE_LANGUAGE, available_languages, translator_for
from journeycanvas.io.jsonfile import dumps_map, load_map
from journeycanvas.io.templates import (
    list_templates,
    load_template,
    template_languages,
    template_names,
    template_path,
)
from journeycanvas.layout import Rect, TextBlock, layout_journey
from journeycanvas.model import JourneyMap, find_problems
from journeycanvas.model.kinds.registry import LANE_KINDS

LANGUAGES = [language.code for language in available_languages() if language.code != "en"]
NAMES = template_names()
HOURGLASS = {
    "sv": ["Känna till", "Gilla", "Lita på", "Prova", "Köpa", "Återkomma", "Rekommendera"],
    "pl": ["Poznać", "Polubić", "Zaufać", "Wypróbować", "Kupić", "Powtórzyć", "Polecić"],
    "zh_CN": ["认识", "喜欢", "信任", "试用", "购买", "复购", "推荐"],
    "id": ["Kenal", "Suka", "Percaya", "Coba", "Beli", "Ulangi", "Rekomendasikan"],
}
TRANSLATED = [(name, language) for name in NAMES for language in LANGUAGES]


def _english(name: str) -> JourneyMap:
    return load_map(template_path(name))


def _translated(name: str, language: str) -> JourneyMap:
    return load_map(template_path(name, language))


def _texts(journey: JourneyMap) -> Iterator[tuple[str, str]]:
    """Every text a reader sees, with where it is, in file order (metric units aside)."""
    yield "title", journey.title
    yield "scenario", journey.scenario
    yield "owner", journey.owner
    for persona in journey.personas:
        yield f"persona {persona.id} name", persona.name
        yield f"persona {persona.id} description", persona.description
    for stage in journey.stages:
        yield f"stage {stage.id} name", stage.name
        yield f"stage {stage.id} goal", stage.goal
    for lane in journey.lanes:
        yield f"lane {lane.id} title", lane.title
    for card in journey.cards:
        yield f"card {card.id} text", card.text
        yield f"card {card.id} notes", card.notes
        yield from ((f"card {card.id} tag", tag) for tag in card.tags)
        if card.metric is not None:
            yield f"card {card.id} metric name", card.metric.name
    for connector in journey.connectors:
        yield f"connector {connector.id} label", connector.label


def _skeleton(journey: JourneyMap) -> dict[str, Any]:
    """The map with every text and the locale blanked: what a translation must not change."""
    data = journey.model_dump(mode="json")
    for key in ("title", "scenario", "owner", "locale"):
        data[key] = ""
    for persona in data["personas"]:
        persona["name"] = persona["description"] = ""
    for stage in data["stages"]:
        stage["name"] = stage["goal"] = ""
    for lane in data["lanes"]:
        lane["title"] = ""
    for card in data["cards"]:
        card["text"] = card["notes"] = ""
        card["tags"] = [""] * len(card["tags"])
        if card["metric"] is not None:
            card["metric"]["name"] = card["metric"]["unit"] = ""
    for connector in data["connectors"]:
        connector["label"] = ""
    return data


@pytest.mark.parametrize("name", NAMES)
def test_every_template_is_bundled_in_every_shipped_language(name: str) -> None:
    assert template_languages(name) == [SOURCE_LANGUAGE, *sorted(LANGUAGES)]
    for language in LANGUAGES:
        path = template_path(name, language)
        assert path.parent.name == language and path != template_path(name)


@pytest.mark.parametrize(("name", "language"), TRANSLATED)
def test_a_translation_loads_cleanly_and_is_stored_as_we_write_it(name: str, language: str) -> None:
    path = template_path(name, language)
    journey = load_map(path)
    assert find_problems(journey) == []
    assert dumps_map(journey) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "language"), TRANSLATED)
def test_a_translation_is_the_english_map_with_only_its_texts_changed(
    name: str, language: str
) -> None:
    assert _skeleton(_translated(name, language)) == _skeleton(_english(name))


@pytest.mark.parametrize(("name", "language"), TRANSLATED)
def test_every_text_of_a_translation_is_translated(name: str, language: str) -> None:
    english = dict(_texts(_english(name)))
    translated = dict(_texts(_translated(name, language)))
    assert translated.keys() == english.keys()
    for where, text in english.items():
        assert bool(translated[where]) == bool(text), where
        if text:
            assert translated[where] != text, f"{where} is still English: {text!r}"


@pytest.mark.parametrize(("name", "language"), TRANSLATED)
def test_a_translation_says_its_language_and_is_listed_in_it(name: str, language: str) -> None:
    assert _translated(name, language).locale == language
    info = next(info for info in list_templates(language) if info.name == name)
    assert info.language == language and info.title == _translated(name, language).title


@pytest.mark.parametrize(("name", "language"), TRANSLATED)
def test_lanes_named_after_their_kind_use_the_catalogue_word(name: str, language: str) -> None:
    translator = translator_for(language)
    for english, translated in zip(
        _english(name).lanes, _translated(name, language).lanes, strict=True
    ):
        kind_name = LANE_KINDS[english.kind].name
        if english.title == kind_name:
            assert translated.title == translator.pgettext("Kinds", kind_name), english.title


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _unbroken(block: TextBlock, text: str) -> bool:
    """Whether `block` shows all of `text`, broken only between words."""
    return not block.truncated and " ".join(line.strip() for line in block.lines) == " ".join(
        text.split()
    )


@pytest.mark.parametrize(("name", "language"), TRANSLATED)
def test_a_translation_prints_whole_and_readable(name: str, language: str) -> None:
    journey = _translated(name, language)
    layout = layout_journey(journey)
    for stage, header in zip(journey.stages, layout.stages, strict=True):
        assert _unbroken(header.name, stage.name) and not header.goal.truncated, stage.name
    for lane, lane_header in zip(journey.lanes, layout.lanes, strict=True):
        assert _unbroken(lane_header.title, lane.title), lane.title
    for card in layout.cards.values():
        assert not card.face.text.truncated, card.id
        assert card.face.metric is None or not card.face.metric.text.truncated, card.id
    for connector in layout.connectors.values():
        if connector.label_rect is not None:
            for card in layout.cards.values():
                text = card.face.text.box.translated(card.rect.x, card.rect.y)
                assert not _overlaps(connector.label_rect, text), (connector.id, card.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_hourglass_uses_the_established_stage_names(language: str) -> None:
    journey = load_template("hourglass", language=language)
    assert [stage.name for stage in journey.stages] == HOURGLASS[language]


def test_new_from_the_command_line_in_polish_gives_the_polish_stages(tmp_path: Path) -> None:
    path = tmp_path / "m.journey"
    argv = ["new", "--template", "hourglass", "--language", "pl", "-o", str(path)]
    assert cli.main(argv) == 0
    journey = load_map(path)
    assert [stage.name for stage in journey.stages] == HOURGLASS["pl"]
    assert journey.locale == "pl" and journey.title.startswith("Klepsydra marketingowa")
