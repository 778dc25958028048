"""Small hand-made maps for the layout tests."""

from journeycanvas.model import Card, CardKind, JourneyMap, Lane, LaneKind, Metric, Persona, Stage


def bakery_map() -> JourneyMap:
    """Three stages, three lanes (touchpoints, emotions, pain points), a few cards."""
    return JourneyMap(
        id="m1",
        title="Bakery",
        personas=[Persona(id="p1", name="Anna", color="#7e57c2")],
        stages=[
            Stage(id="s1", name="Know", goal="Hears about us", width_mm=90),
            Stage(id="s2", name="Try", width_mm=80),
            Stage(id="s3", name="Buy", width_mm=100),
        ],
        lanes=[
            Lane(id="l1", kind=LaneKind.TOUCHPOINTS, title="Touchpoints"),
            Lane(id="l2", kind=LaneKind.EMOTIONS, title="Emotions"),
            Lane(id="l3", kind=LaneKind.PAIN_POINTS, title="Pain points"),
        ],
        cards=[
            Card(id="a", stage="s1", lane="l1", order=0, kind=CardKind.TOUCHPOINT,
                 text="Instagram reel", personas=["p1"], votes=2,
                 metric=Metric(name="reach", value=1200, target=5000, unit="views")),
            Card(id="b", stage="s1", lane="l1", order=1, text="Flyer in the letterbox"),
            Card(id="c", stage="s2", lane="l1", order=0, text="Free tasting", span=2),
            Card(id="d", stage="s3", lane="l1", order=0, text="Pays by card"),
            Card(id="e1", stage="s1", lane="l2", kind=CardKind.EMOTION, emotion=2, order=0),
            Card(id="e2", stage="s1", lane="l2", kind=CardKind.EMOTION, emotion=-1, order=1),
            Card(id="e3", stage="s3", lane="l2", kind=CardKind.EMOTION, emotion=-3, order=0),
            Card(id="f", stage="s2", lane="l3", kind=CardKind.PAIN_POINT, order=0,
                 text="顾客在社交媒体上看到面包店的视频然后访问网站查看营业时间"),
        ],
    )  # fmt: skip
