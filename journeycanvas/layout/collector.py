"""Pausing Python's cyclic garbage collector around work that allocates in bulk."""

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
