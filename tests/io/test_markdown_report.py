"""The Markdown report: header, stages, pain points ranked with their ideas, metrics."""

from __future__ import annotations

import html
import re

import pytest

from journeycanvas.io.markdown_report import escape_markdown, markdown_report
from journeycanvas.model import (
    Card,
    CardKind,
    Connector,
    JourneyMap,
    Lane,
    LaneKind,
    Metric,
    Stage,
)


def bakery_map() -> JourneyMap:
    """Two stages, pain points with votes, ideas linked in each way, touchpoints, emotions."""
    return JourneyMap(
        id="m1",
        title="Hourglass for a bakery",
        scenario="Anna wants fresh bread before work",
        owner="Eva Lind",
        created="2026-11-20T08:00:00Z",
        modified="2026-11-24T10:05:00Z",
        stages=[
            Stage(id="s1", name="Know", goal="Find a bakery nearby"),
            Stage(id="s2", name="Buy", goal="Pay quickly"),
            Stage(id="s3", name="Refer"),
        ],
        lanes=[
            Lane(id="l1", kind=LaneKind.PAIN_POINTS, title="Pain points"),
            Lane(id="l2", kind=LaneKind.CONTENT_IDEAS, title="Content ideas"),
            Lane(id="l3", kind=LaneKind.TOUCHPOINTS, title="Touchpoints"),
            Lane(id="l4", kind=LaneKind.EMOTIONS, title="Emotions"),
        ],
        cards=[
            Card(id="pk", stage="s1", lane="l1", kind=CardKind.PAIN_POINT, text="No sign", votes=2),
            Card(id="pq", stage="s2", lane="l1", kind=CardKind.PAIN_POINT, text="Queue", votes=7),
            Card(
                id="pr", stage="s3", lane="l1", kind=CardKind.PAIN_POINT, text="No reviews", votes=1
            ),
            Card(id="ik", stage="s1", lane="l2", kind=CardKind.CONTENT_IDEA, text="Street map"),
            Card(id="iq", stage="s2", lane="l2", kind=CardKind.CONTENT_IDEA, text="Queue cam"),
            Card(
                id="ic",
                stage="s2",
                lane="l1",
                order=1,
                kind=CardKind.CONTENT_IDEA,
                text="Pre-order app",
            ),
            Card(id="il", stage="s3", lane="l2", kind=CardKind.CONTENT_IDEA, text="Loyalty card"),
            Card(
                id="t1",
                stage="s1",
                lane="l3",
                kind=CardKind.TOUCHPOINT,
                text="Instagram reel",
                metric=Metric(name="reach", value=1200, target=5000, unit="views"),
            ),
            Card(
                id="t2",
                stage="s2",
                lane="l3",
                kind=CardKind.TOUCHPOINT,
                text="Till",
                metric=Metric(name="NPS", value=52.5, target=50),
            ),
            Card(id="t3", stage="s3", lane="l3", kind=CardKind.TOUCHPOINT, text="Review site"),
            Card(id="e1", stage="s1", lane="l4", kind=CardKind.EMOTION, text="Curious", emotion=1),
            Card(id="e2", stage="s2", lane="l4", kind=CardKind.EMOTION, text="Annoyed", emotion=-3),
            Card(
                id="e3", stage="s2", lane="l4", order=1, kind=CardKind.EMOTION, text="Ok", emotion=0
            ),
        ],
        # The loyalty card answers the missing sign although it sits in another stage;
        # the connector points from the pain point to the idea, the other way round too.
        connectors=[
            Connector(id="k1", source="pk", target="il"),
            Connector(id="k2", source="iq", target="pq"),
        ],
    )


def section(report: str, heading: str) -> str:
    """The body of one `## heading` section of the report."""
    match = re.search(rf"^## {re.escape(heading)}\n\n(.*?)(?=^## |\Z)", report, re.M | re.S)
    assert match, f"no section {heading!r} in:\n{report}"
    return match.group(1).strip()


def test_header_has_title_scenario_owner_and_date() -> None:
    report = markdown_report(bakery_map())

    assert report.startswith("# Hourglass for a bakery\n")
    assert "- **Scenario:** Anna wants fresh bread before work" in report
    assert "- **Owner:** Eva Lind" in report
    assert "- **Date:** Nov 24, 2026" in report


def test_stages_list_goals_and_mean_emotion() -> None:
    rows = section(markdown_report(bakery_map()), "Stages").splitlines()

    assert rows[2:] == [
        "| 1 | Know | Find a bakery nearby | +1.0 |",
        "| 2 | Buy | Pay quickly | -1.5 |",
        "| 3 | Refer |  | — |",
    ]


def test_pain_points_are_ranked_by_votes_with_stage_and_lane() -> None:
    body = section(markdown_report(bakery_map()), "Pain points by votes")
    ranked = [line for line in body.splitlines() if re.match(r"\d+\. ", line)]

    assert ranked == [
        "1. **Queue** — 7 votes · Buy · Pain points",
        "2. **No sign** — 2 votes · Know · Pain points",
        "3. **No reviews** — 1 vote · Refer · Pain points",
    ]


def test_ideas_are_linked_by_connector_either_way_then_cell_then_stage() -> None:
    body = section(markdown_report(bakery_map()), "Pain points by votes")
    queue, sign, reviews = re.split(r"\n(?=\d+\. )", body)

    assert queue.splitlines()[1:] == [
        "   - Content ideas:",
        "     - Queue cam — Buy · Content ideas (connector)",
        "     - Pre-order app — Buy · Pain points (same cell)",
    ]
    assert sign.splitlines()[1:] == [
        "   - Content ideas:",
        "     - Loyalty card — Refer · Content ideas (connector)",
        "     - Street map — Know · Content ideas (same stage)",
    ]
    assert reviews.splitlines()[1:] == [
        "   - Content ideas:",
        "     - Loyalty card — Refer · Content ideas (same stage)",
    ]


def test_spanning_cards_link_over_every_stage_they_cover() -> None:
    journey = bakery_map()
    for card in journey.cards:
        if card.id == "ik":
            card.span = 2
    body = section(markdown_report(journey), "Pain points by votes")

    assert "     - Street map — Know → Buy · Content ideas (same stage)" in body.split("\n2. ")[0]


def test_ideas_linked_to_no_pain_point_are_listed_apart() -> None:
    journey = bakery_map()
    journey.stages.append(Stage(id="s4", name="Repeat"))
    journey.cards.append(
        Card(id="ix", stage="s4", lane="l2", kind=CardKind.CONTENT_IDEA, text="Bread club")
    )

    body = section(markdown_report(journey), "Content ideas not linked to a pain point")

    assert body == "- Bread club — Repeat · Content ideas"


def test_metrics_are_shown_per_touchpoint_against_target() -> None:
    rows = section(markdown_report(bakery_map()), "Metrics per touchpoint").splitlines()

    assert rows[0] == "| Where | Touchpoint | Metric | Value / target | Of target | Met |"
    assert rows[2:] == [
        "| Know · Touchpoints | Instagram reel | reach | 1,200 / 5,000 views | 24% |  |",
        "| Buy · Touchpoints | Till | NPS | 52.5 / 50 | 105% | ✓ |",
        "| Refer · Touchpoints | Review site | no metric | — | — |  |",
    ]


def test_empty_map_still_gives_a_readable_report() -> None:
    report = markdown_report(JourneyMap(id="m1"))

    assert report == (
        "# Untitled journey\n\n"
        "## Stages\n\nNo stages yet.\n\n"
        "## Pain points by votes\n\nNo pain points yet.\n\n"
        "## Metrics per touchpoint\n\nNo touchpoints yet.\n"
    )


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("*bold* and _it_", r"\*bold\* and \_it\_"),
        ("[link](http://x.se)", r"\[link\](http://x.se)"),
        ("<b>hi</b> & |pipe|", r"\<b\>hi\</b\> \& \|pipe\|"),
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("12. not numbered", r"12\. not numbered"),
        ("two\nlines", "two lines"),
        (r"back\slash `code` ~~gone~~", r"back\\slash \`code\` \~\~gone\~\~"),
    ],
)
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


NASTY = [
    "*Queue* is _too_ long | [see](http://x.se) <script>x</script> # ~~no~~ `tick` &amp;",
    "- starts like a list",
    "1. starts like a numbered list",
    "> quote? Zażółć 顾客 \\ back",
]


def test_user_text_renders_as_written() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    journey = JourneyMap(
        id="m1",
        title=NASTY[0],
        stages=[Stage(id="s1", name=NASTY[1], goal=NASTY[2])],
        lanes=[Lane(id="l1", kind=LaneKind.PAIN_POINTS, title=NASTY[3])],
        cards=[
            Card(id="c1", stage="s1", lane="l1", kind=CardKind.PAIN_POINT, text=text, votes=i)
            for i, text in enumerate(NASTY)
        ]
        + [Card(id="t1", stage="s1", lane="l1", kind=CardKind.TOUCHPOINT, text=NASTY[0])],
    )
    rendered = (
        markdown_it.MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .render(markdown_report(journey))
    )
    visible = html.unescape(re.sub(r"<[^>]+>", "", rendered))

    for text in NASTY:
        assert text in visible
    for tag in ("<em>", "<a ", "<script>", "<s>", "<code>", "<blockquote>"):
        assert tag not in rendered
    assert rendered.count("<h1>") == 1
    assert rendered.count("<table>") == 2
    assert rendered.count("<tr>") == 2 + 1 + 1  # head and one row in each table
