"""Cards keep out of their lane's padding bands, exactly, and every lane is higher than
both bands: `Gutters.v_free` relies on it to ask nothing about a lane that a vertical run
only reaches into the padding of (and still about every lane it crosses whole)."""

import sys
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import journey_maps

from journeycanvas.layout import connectors, layout_journey
from journeycanvas.layout.geometry import up_to_grid
from journeycanvas.layout.gutters import Gutters
from journeycanvas.layout.style import DEFAULT_STYLE
from journeycanvas.model import JourneyMap

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map


def _on_grid(value: float) -> bool:
    return value * 1024 == int(value * 1024)


def _check(gutters: Gutters, cell_padding_mm: float) -> int:
    """Check the gutters of a layout; how many spans it checked."""
    checked = 0
    pad = gutters.pad
    # The pad routing is given is the one cards were stacked with.
    assert pad == up_to_grid(cell_padding_mm)
    assert _on_grid(pad)
    for row, lane in enumerate(gutters._blockers):
        lane_top, lane_bottom = gutters.tops[row], gutters.bottoms[row]
        assert _on_grid(lane_top) and _on_grid(lane_bottom)
        # A run crossing a whole lane reaches past both its padding bands, so it is still
        # asked about (whether any card crosses there) even when the lane is empty.
        assert lane_top + pad < lane_bottom - pad
        for spans, _, _ in lane.values():
            for top, bottom, _, _ in spans:
                assert _on_grid(top) and _on_grid(bottom)
                assert pad <= top and bottom <= lane_bottom - lane_top - pad
                # As `v_free` and `_overlapped` sum them.
                assert lane_top + pad <= top + lane_top
                assert bottom + lane_top <= lane_bottom - pad
                checked += 1
    return checked


def _laid_out_gutters(journey: JourneyMap, cell_padding_mm: float) -> list[Gutters]:
    made: list[Gutters] = []

    def recording(*args: object) -> Gutters:
        gutters = Gutters(*args)  # type: ignore[arg-type]
        made.append(gutters)
        return gutters

    with mock.patch.object(connectors, "Gutters", recording):
        layout_journey(journey, replace(DEFAULT_STYLE, cell_padding_mm=cell_padding_mm))
    return made


@pytest.mark.parametrize("cell_padding_mm", [1.5, 3.0, 5.5, 2.3456])
def test_generated_map_cards_keep_out_of_lane_padding(cell_padding_mm: float) -> None:
    made = _laid_out_gutters(generate_map(1500, seed=5), cell_padding_mm)
    assert made
    assert sum(_check(gutters, cell_padding_mm) for gutters in made) > 50


@settings(max_examples=80, deadline=None)
@given(
    journey=journey_maps(max_cards=40, unknown=False, max_connectors=4),
    cell_padding_mm=st.sampled_from([1.5, 3.0, 5.5, 0.7, 2.3456]),
)
def test_cards_keep_out_of_lane_padding(journey: JourneyMap, cell_padding_mm: float) -> None:
    for gutters in _laid_out_gutters(journey, cell_padding_mm):
        _check(gutters, cell_padding_mm)
