"""Short random ids."""

from journeycanvas.model import JourneyMap, Stage, new_id
from journeycanvas.model.ids import all_ids


def test_new_id_has_the_prefix_and_avoids_taken_ids() -> None:
    taken = {new_id("c") for _ in range(200)}
    fresh = new_id("c", taken)
    assert fresh.startswith("c") and len(fresh) == 7 and fresh not in taken


def test_all_ids_covers_every_kind_of_object() -> None:
    journey = JourneyMap(id="m", stages=[Stage(id="s1")])
    assert all_ids(journey) == {"m", "s1"}
