"""Hypothesis strategies for journey maps, shared by the tests of every layer.

    from strategies import journey_maps

    @given(journey_maps())
    def test_something(journey): ...

Every generated map is sound: ids are unique, references resolve, spans stay inside the
stage list, emotion scores sit only on emotion cards and the cards of each cell are
ordered 0, 1, 2 … (in a shuffled file order). Texts mix Swedish, Polish, Chinese,
Indonesian, emoji and arbitrary Unicode.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from datetime import datetime
from typing import Any

from hypothesis import strategies as st

from journeycanvas.layout.geometry import Point
from journeycanvas.model import (
    Asset,
    Card,
    CardKind,
    Connector,
    ConnectorKind,
    JourneyMap,
    Lane,
    LaneKind,
    Metric,
    Persona,
    Stage,
)

SAMPLE_TEXTS = [
    "Kunden hittar inte öppettiderna på webbplatsen",
    "Åsa köper surdegsbröd varje fredag",
    "Zażółć gęślą jaźń: formularz zamówienia jest za długi",
    "Klient szuka opinii, zanim przyjdzie po chleb żytni",
    "顾客在网上配置汽车，但经销商看不到配置",
    "面包店的会员卡",
    "Pelanggan membandingkan harga roti di aplikasi",
    "Uji coba gratis berakhir terlalu cepat",
    "🥐🍞 Fresh at 7 am ✨",
    "👩🏽‍🍳 baker's tip 🇸🇪🇵🇱🇮🇩🇨🇳",
    'Quotes "inside", back\\slash, tab\tand\nnew line',
    "",
]

_LETTERS = "".join(sorted(set("".join(SAMPLE_TEXTS))))

texts = st.one_of(
    st.sampled_from(SAMPLE_TEXTS),
    st.text(alphabet=_LETTERS, max_size=40),
    st.text(max_size=20),
)
"""Short texts in the languages our users write, plus arbitrary Unicode."""

colors = st.from_regex(r"\A#[0-9a-f]{6}\Z")
"""Colours as the model stores them: ``#rrggbb``, lower case."""

ids = st.text(alphabet="abcdefghijkmnpqrstuvwxyz23456789-_", min_size=1, max_size=10)
"""Ids as people's scripts might write them."""

timestamps = st.one_of(
    st.just(""),
    st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1)).map(
        lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    ),
)

finite_floats = st.floats(allow_nan=False, allow_infinity=False)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | finite_floats | texts,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=8,
)
"""Any JSON value (no NaN or infinity, which JSON cannot hold)."""

unknown_fields = st.dictionaries(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8).map(
        lambda name: f"x_{name}"
    ),
    json_values,
    max_size=2,
)
"""Fields a newer JourneyCanvas might write; their names never clash with known ones."""

_SIGNATURES = {
    # Headers of a 16×16 picture: the loader reads the size there and refuses huge ones.
    "image/png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x10\x00\x00\x00\x10",
    "image/jpeg": b"\xff\xd8\xff\xc0\x00\x0b\x08\x00\x10\x00\x10\x01\x01\x11\x00",
}


@st.composite
def assets(draw: st.DrawFn) -> Asset:
    """A small embedded picture whose bytes start like the media type says, 16×16 pixels."""
    media_type = draw(st.sampled_from(sorted(_SIGNATURES)))
    payload = _SIGNATURES[media_type] + draw(st.binary(max_size=40))
    return Asset(media_type=media_type, data=base64.b64encode(payload).decode("ascii"))


@st.composite
def metrics(draw: st.DrawFn) -> Metric:
    """A metric with any finite value and target, or none."""
    number = st.none() | finite_floats | st.integers(-(10**9), 10**9).map(float)
    return Metric(name=draw(texts), value=draw(number), target=draw(number), unit=draw(texts))


@st.composite
def journey_maps(
    draw: st.DrawFn,
    *,
    max_stages: int = 6,
    max_lanes: int = 5,
    max_cards: int = 20,
    max_personas: int = 3,
    max_connectors: int = 6,
    max_assets: int = 2,
    unknown: bool = True,
) -> JourneyMap:
    """A sound journey map; with `unknown`, some objects carry fields from the future."""
    n_stages = draw(st.integers(0, max_stages))
    n_lanes = draw(st.integers(0, max_lanes))
    n_personas = draw(st.integers(0, max_personas))
    n_assets = draw(st.integers(0, max_assets))
    n_cards = draw(st.integers(0, max_cards)) if n_stages and n_lanes else 0
    n_connectors = draw(st.integers(0, max_connectors)) if n_cards else 0
    total = 1 + n_stages + n_lanes + n_personas + n_assets + n_cards + n_connectors
    pool = iter(draw(st.lists(ids, min_size=total, max_size=total, unique=True)))
    extra = unknown_fields if unknown else st.just({})

    asset_table = {next(pool): draw(assets()) for _ in range(n_assets)}
    personas = [
        Persona(
            id=next(pool),
            name=draw(texts),
            description=draw(texts),
            color=draw(colors),
            avatar=draw(st.none() | st.sampled_from(sorted(asset_table))) if asset_table else None,
            **draw(extra),
        )
        for _ in range(n_personas)
    ]
    stages = [
        Stage(
            id=next(pool),
            name=draw(texts),
            goal=draw(texts),
            color=draw(colors),
            width_mm=draw(st.floats(20, 2000)),
        )
        for _ in range(n_stages)
    ]
    lanes = [
        Lane(id=next(pool), kind=draw(st.sampled_from(LaneKind)), title=draw(texts))
        for _ in range(n_lanes)
    ]
    cards = [_card(draw, next(pool), stages, lanes, personas, extra) for _ in range(n_cards)]
    _shuffle_orders(draw, cards)
    card_ids = [card.id for card in cards]
    connectors = [
        Connector(
            id=next(pool),
            source=draw(st.sampled_from(card_ids)),
            target=draw(st.sampled_from(card_ids)),
            kind=draw(st.sampled_from(ConnectorKind)),
            label=draw(texts),
        )
        for _ in range(n_connectors)
    ]
    return JourneyMap(
        id=next(pool),
        title=draw(texts),
        scenario=draw(texts),
        owner=draw(texts),
        locale=draw(st.sampled_from(["", "en", "sv", "pl", "zh", "id"])),
        created=draw(timestamps),
        modified=draw(timestamps),
        personas=personas,
        stages=stages,
        lanes=lanes,
        cards=cards,
        connectors=connectors,
        assets=asset_table,
        export_settings=draw(st.dictionaries(texts, json_values, max_size=2)),
        **draw(extra),
    )


def _card(
    draw: st.DrawFn,
    card_id: str,
    stages: list[Stage],
    lanes: list[Lane],
    personas: list[Persona],
    extra: st.SearchStrategy[dict[str, Any]],
) -> Card:
    column = draw(st.integers(0, len(stages) - 1))
    kind = draw(st.sampled_from(CardKind))
    persona_ids = [persona.id for persona in personas]
    return Card(
        id=card_id,
        stage=stages[column].id,
        lane=draw(st.sampled_from(lanes)).id,
        span=draw(st.integers(1, len(stages) - column)),
        kind=kind,
        text=draw(texts),
        notes=draw(texts),
        color=draw(st.none() | colors),
        tags=draw(st.lists(texts, max_size=3)),
        personas=draw(st.lists(st.sampled_from(persona_ids), max_size=2, unique=True))
        if persona_ids
        else [],
        votes=draw(st.integers(0, 50)),
        emotion=draw(st.none() | st.integers(-3, 3)) if kind == CardKind.EMOTION else None,
        metric=draw(st.none() | metrics()),
        **draw(extra),
    )


def _shuffle_orders(draw: st.DrawFn, cards: list[Card]) -> None:
    cells: dict[tuple[str, str], list[Card]] = defaultdict(list)
    for card in cards:
        cells[(card.stage, card.lane)].append(card)
    for members in cells.values():
        for card, order in zip(members, draw(st.permutations(range(len(members)))), strict=True):
            card.order = order


# Lengths on the 1/1024 mm grid or off it (as stage widths are), some of them zero.
path_lengths = st.one_of(
    st.integers(0, 40 * 1024).map(lambda n: n / 1024),
    st.floats(0.0, 40.0, allow_nan=False),
)


@st.composite
def orthogonal_paths(draw: st.DrawFn, max_steps: int) -> tuple[Point, ...]:
    """A connector-like path: up to `max_steps` horizontal or vertical steps (mostly
    turning, some zero long) from a point whose y is on the 1/1024 mm grid."""
    x = draw(st.floats(0.0, 300.0, allow_nan=False))
    y = draw(st.integers(0, 300 * 1024)) / 1024
    points = [Point(x, y)]
    for step in range(draw(st.integers(0, max_steps))):
        d = draw(path_lengths) * draw(st.sampled_from([-1.0, 1.0]))
        x, y = (x + d, y) if step % 2 == draw(st.integers(0, 1)) else (x, y + d)
        points.append(Point(x, y))
    return tuple(points)
