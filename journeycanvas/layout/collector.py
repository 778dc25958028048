"""Python's cyclic garbage collector around a big map: paused while work allocates in
bulk, and asked for full collections far less often while the map is edited."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FULL_COLLECTION_EVERY = 1000
"""Collections of the middle generation between two full ones (Python's default: 10)."""


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a layout or the scene's items are made.

    A layout of a big map creates hundreds of thousands of small acyclic objects, and the
    scene thousands of items; left on, the collector would rescan the whole heap (the map,
    its layout, the items) many times meanwhile. Nested pauses resume only at the outer one.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def defer_full_collections() -> None:
    """Make full collections about a hundred times rarer than Python's default.

    A big map's model, layout and items are hundreds of thousands of objects that live
    while the map is open. With the default thresholds, the objects a few edits leave
    behind set off a full collection, which rescans them all: about 0.3 s at 20,000
    cards, every few edits. Nearly all garbage here is acyclic and freed at once by
    reference counting, so collecting cycles rarely costs little memory. (`gc.freeze`
    would spare the rescans too, but it changes when Qt wrappers caught in cycles are
    freed, and PySide crashed when a frozen document was collected later.)
    """
    young, middle, old = gc.get_threshold()
    if old < FULL_COLLECTION_EVERY:
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
