"""The bundled templates are real maps that load, validate and teach."""

from __future__ import annotations

import pytest

from journeycanvas.io.jsonfile import dumps_map, load_map
from journeycanvas.io.templates import (
    UnknownTemplateError,
    list_templates,
    load_template,
    template_path,
)
from journeycanvas.model import CardKind, ConnectorKind, LaneKind, find_problems

STAGES = {
    "hourglass": ["Know", "Like", "Trust", "Try", "Buy", "Repeat", "Refer"],
    "decision-journey": [
        "Need recognition",
        "Search for solutions",
        "Evaluation of alternatives",
        "Decision",
        "Use and evaluation",
    ],
    "awareness-advocacy": ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"],
}


def test_the_templates_are_listed_in_display_order_with_titles() -> None:
    infos = list_templates()
    assert [info.name for info in infos] == [
        "hourglass",
        "decision-journey",
        "awareness-advocacy",
        "content-ideation",
        "channel-breakpoints",
        "blank",
    ]
    for info in infos:
        assert info.title and info.description and info.path.is_file()
        assert info.path == template_path(info.name)


@pytest.mark.parametrize("name", [info.name for info in list_templates()])
def test_each_template_loads_cleanly_and_is_stored_as_we_write_it(name: str) -> None:
    path = template_path(name)
    journey = load_map(path)
    assert find_problems(journey) == []
    assert journey.stages and journey.lanes
    assert dumps_map(journey) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "stages"), STAGES.items())
def test_templates_have_the_stages_of_their_model(name: str, stages: list[str]) -> None:
    assert [stage.name for stage in load_map(template_path(name)).stages] == stages


@pytest.mark.parametrize("name", [n for n in [i.name for i in list_templates()] if n != "blank"])
def test_sample_templates_teach_with_metrics_votes_personas_and_goals(name: str) -> None:
    journey = load_map(template_path(name))
    assert journey.personas and journey.scenario
    assert all(stage.goal for stage in journey.stages)
    touchpoints = [card for card in journey.cards if card.kind == CardKind.TOUCHPOINT]
    assert all(card.metric is not None for card in touchpoints)
    assert any(card.votes for card in journey.cards if card.kind == CardKind.PAIN_POINT)
    assert any(card.personas for card in journey.cards)
    assert any(card.notes for card in journey.cards)
    for stage in journey.stages:
        assert sum(card.stage == stage.id for card in journey.cards) >= 3, stage.name


def test_hourglass_has_its_lanes_and_an_emotion_curve() -> None:
    journey = load_map(template_path("hourglass"))
    assert [lane.title for lane in journey.lanes] == [
        "Touchpoints",
        "Customer experience",
        "Emotions",
        "Pain points",
        "Content ideas",
        "Referral opportunities",
    ]
    emotions_lane = next(lane for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS)
    scores = {card.stage: card.emotion for card in journey.cards if card.lane == emotions_lane.id}
    assert len(scores) == len(journey.stages)
    assert all(score is not None for score in scores.values())
    assert min(s for s in scores.values() if s is not None) < 0


def test_content_ideation_links_pain_points_to_content_ideas() -> None:
    journey = load_map(template_path("content-ideation"))
    kinds = {card.id: card.kind for card in journey.cards}
    links = [(kinds[k.source], kinds[k.target]) for k in journey.connectors]
    assert links and all(link == (CardKind.PAIN_POINT, CardKind.CONTENT_IDEA) for link in links)
    pain_points = {card.id for card in journey.cards if card.kind == CardKind.PAIN_POINT}
    assert pain_points == {k.source for k in journey.connectors}


def test_channel_breakpoints_has_breakpoints_and_labelled_branches() -> None:
    journey = load_map(template_path("channel-breakpoints"))
    breakpoints = [k for k in journey.connectors if k.kind == ConnectorKind.BREAKPOINT]
    branches = [k for k in journey.connectors if k.kind == ConnectorKind.BRANCH]
    assert len(breakpoints) >= 2 and len(branches) >= 2
    assert all(k.label for k in breakpoints + branches)
    assert {stage.name for stage in journey.stages} >= {"Configure", "Test drive"}


def test_load_template_makes_a_new_map_with_a_new_id_date_and_title() -> None:
    template = load_map(template_path("hourglass"))
    journey = load_template("hourglass", title="Our café")
    assert journey.title == "Our café"
    assert journey.id != template.id
    assert journey.created == journey.modified and journey.created > template.created
    assert journey.cards == template.cards
    assert load_template("hourglass").title == template.title


def test_an_unknown_template_says_which_exist() -> None:
    with pytest.raises(UnknownTemplateError, match="choose from: hourglass, decision-journey"):
        load_template("../../etc/passwd")
