"""Python's cyclic garbage collector around a big map: paused while work allocates in
bulk, and kept off the objects that live as long as the map is open."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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


def freeze_survivors() -> None:
    """Put every object alive now out of the collector's reach (`gc.freeze`).

    A big map's model, layout and items are hundreds of thousands of objects that live
    while the map is open. Every few edits, the objects those edits left behind make the
    collector run a full collection, which rescans them all: about 0.3 s at 20,000 cards,
    a visible pause. Frozen objects are never rescanned; those freed by reference counting
    (nearly all of them) still go at once. Collect the young generations first, so that
    young cyclic garbage is not frozen; a frozen cycle that becomes garbage later stays
    until `release_frozen`.
    """
    gc.freeze()


def release_frozen() -> None:
    """Give the frozen objects back to the collector (the map they belonged to is gone)."""
    gc.unfreeze()
