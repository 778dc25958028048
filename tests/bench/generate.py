"""Generated journey maps for benchmarks: realistic sizes, kinds and multilingual texts.

from generate import generate_map
journey = generate_map(20_000, seed=1)
"""

from __future__ import annotations

import random

from journeycanvas.model import (
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
    default_card_kind,
)

STAGE_NAMES = [
    "Know", "Like", "Trust", "Try", "Buy", "Repeat", "Refer", "Need recognition",
    "Search for solutions", "Evaluation of alternatives", "Decision", "Use and evaluation",
]  # fmt: skip

PHRASES = [
    "Sees an Instagram reel about our sourdough and saves it for later",
    "Compares prices with the supermarket bakery on the way home",
    "Asks friends in the neighbourhood group whether the café is any good",
    "Online configurator data never reaches the dealer, customer retypes everything",
    "Kunden hittar inte öppettiderna på webbplatsen och ringer istället",
    "Klient szuka opinii na Google Maps, zanim przyjdzie po chleb żytni",
    "Zażółć gęślą jaźń: formularz zamówienia jest zbyt długi na telefonie",
    "Pelanggan membandingkan harga roti di aplikasi sebelum memesan",
    "Покупатель читает отзывы и сравнивает цены в нескольких магазинах",
    "Ο πελάτης ψάχνει κριτικές πριν από την πρώτη επίσκεψη",
    "顾客在社交媒体上看到面包店的视频，然后访问网站查看营业时间",
    "在线配置器的数据从未到达经销商，客户需要重新输入所有信息",
    "Newsletter with seasonal recipes → 12 % open rate, target 25 %",
    "Loyalty card stamps: the 10th coffee is free (ask at the counter)",
]

METRIC_UNITS = ["views", "clicks", "visits", "sign-ups", "SEK", "zł", "%"]


def generate_map(n_cards: int, seed: int = 0) -> JourneyMap:
    """A map with 7–12 stages, 6–10 lanes (one of them emotions), `n_cards` cards spread
    over the cells, some spanning, with metrics, votes, personas and ~n/10 connectors."""
    rnd = random.Random(seed)
    stages = [
        Stage(id=f"s{i}", name=STAGE_NAMES[i], goal=rnd.choice(["", rnd.choice(PHRASES)]),
              width_mm=rnd.choice([70, 80, 90, 100, 120]))
        for i in range(rnd.randint(7, 12))
    ]  # fmt: skip
    kinds = [k for k in LaneKind if k != LaneKind.EMOTIONS]
    lane_kinds = [LaneKind.EMOTIONS, *rnd.sample(kinds, rnd.randint(5, 9))]
    rnd.shuffle(lane_kinds)
    lanes = [
        Lane(id=f"l{i}", kind=kind, title=kind.value.replace("_", " ").capitalize())
        for i, kind in enumerate(lane_kinds)
    ]
    personas = [
        Persona(id=f"p{i}", name=name, color=color)
        for i, (name, color) in enumerate(
            [("Anna", "#7e57c2"), ("Bartek", "#26a69a"), ("Li Wei", "#ef6c00")]
        )
    ]
    orders: dict[tuple[str, str], int] = {}
    cards = []
    for i in range(n_cards):
        stage_index = rnd.randrange(len(stages))
        lane = rnd.choice(lanes)
        kind = default_card_kind(lane.kind)
        if rnd.random() < 0.1:
            kind = rnd.choice(list(CardKind))
        cell = (stages[stage_index].id, lane.id)
        order = orders.get(cell, 0)
        orders[cell] = order + 1
        room = len(stages) - stage_index
        span = 1 if rnd.random() < 0.95 else rnd.randint(1, min(3, room))
        text = rnd.choice(PHRASES)
        if rnd.random() < 0.5:
            text = text[: rnd.randint(8, len(text))]
        metric = None
        if kind in (CardKind.TOUCHPOINT, CardKind.METRIC):
            target = rnd.choice([1000, 5000, 20000])
            metric = Metric(name="reach", value=rnd.randint(0, target), target=target,
                            unit=rnd.choice(METRIC_UNITS))  # fmt: skip
        cards.append(
            Card(
                id=f"c{i}",
                stage=cell[0],
                lane=lane.id,
                order=order,
                span=span,
                kind=kind,
                text=f"{text} #{i}",
                votes=rnd.choice([0, 0, 0, 1, 2, 3, 7]),
                emotion=rnd.randint(-3, 3) if kind == CardKind.EMOTION else None,
                personas=rnd.sample([p.id for p in personas], rnd.randint(0, 2)),
                metric=metric,
            )
        )
    connectors = [
        Connector(
            id=f"k{i}",
            source=rnd.choice(cards).id,
            target=rnd.choice(cards).id,
            kind=rnd.choice(list(ConnectorKind)),
            label=rnd.choice(["", "", "if price too high", "如果价格太高", "jeśli za drogo"]),
        )
        for i in range(n_cards // 10)
    ]
    return JourneyMap(
        id=f"bench{seed}",
        title=f"Generated map with {n_cards} cards",
        personas=personas,
        stages=stages,
        lanes=lanes,
        cards=cards,
        connectors=connectors,
    )
