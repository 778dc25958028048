"""Tracks: parallel connectors in one gutter run side by side, never on one line.

Each gutter (a channel) holds runs of nets: a net is a fork's trunk (every connector
leaving one side of one card) or one connector's own run. Runs of a net in a channel
merge into one; runs whose extents overlap get different tracks, spread evenly across
the gutter's free band around its middle.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from journeycanvas.layout.geometry import on_grid

TRACK_MM = 1.4
"""The distance between neighbouring tracks when the gutter has room."""
_EDGE_MM = 0.5
"""How close the outermost track may come to a card."""
_CLEAR_MM = 0.8
"""How far apart two runs on one track stay, end to start."""

_Item = TypeVar("_Item", bound=tuple[Any, ...])


def in_order(items: Iterable[_Item], key: Callable[[_Item], Any]) -> list[_Item]:
    """`items` sorted by `key`, ties broken by the repr of their first member: what
    sorting by both gives, without a repr for every item (ties are few)."""
    ordered = sorted(items, key=key)
    keys = [key(item) for item in ordered]
    start, count = 0, len(ordered)
    while start < count:
        end = start + 1
        while end < count and keys[end] == keys[start]:
            end += 1
        if end - start > 1:
            ordered[start:end] = sorted(ordered[start:end], key=_repr_of_first)
        start = end
    return ordered


def _repr_of_first(item: tuple[Any, ...]) -> str:
    return repr(item[0])


# ("v", column edge) or ("h", lane edge).
Channel = tuple[str, int]
Net = tuple[Hashable, ...]


def _extent_of(item: tuple[Net, list[float]]) -> tuple[float, float]:
    return item[1][0], item[1][1]


class TrackPlanner:
    """Collects the runs of every channel, then gives each net its coordinate."""

    def __init__(self) -> None:
        self._runs: dict[Channel, dict[Net, list[float]]] = {}

    def add(self, channel: Channel, net: Net, low: float, high: float) -> None:
        """A run of `net` in `channel` from `low` to `high` (along the channel)."""
        nets = self._runs.setdefault(channel, {})
        extent = nets.get(net)
        if extent is None:
            nets[net] = [low, high]
        else:
            extent[0] = min(extent[0], low)
            extent[1] = max(extent[1], high)

    def assign(
        self, bands: dict[str, list[tuple[float, float]]]
    ) -> dict[Channel, dict[Net, float]]:
        """Each net's coordinate across each channel; `bands` holds each channel kind's
        free bands (``bands["v"][edge]``)."""
        result: dict[Channel, dict[Net, float]] = {}
        for channel, nets in self._runs.items():
            order = in_order(nets.items(), _extent_of)
            ends: list[float] = []
            tracks: dict[Net, int] = {}
            for net, (low, high) in order:
                for index, end in enumerate(ends):
                    if end + _CLEAR_MM <= low:
                        ends[index] = high
                        tracks[net] = index
                        break
                else:
                    tracks[net] = len(ends)
                    ends.append(high)
            first, last = bands[channel[0]][channel[1]]
            count = len(ends)
            middle = (first + last) / 2
            room = max(last - first - 2 * _EDGE_MM, 0.0)
            step = min(TRACK_MM, room / (count - 1)) if count > 1 else 0.0
            # Offsets on the grid: a track moves exactly with the gutter's middle.
            result[channel] = {
                net: middle + on_grid((index - (count - 1) / 2) * step)
                for net, index in tracks.items()
            }
        return result
