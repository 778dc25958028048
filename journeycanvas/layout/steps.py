"""Work done in steps: a generator that yields (None) wherever it may pause and returns
its result, so that an editor can spread it over several frames."""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")

Steps = Generator[None, None, T]
"""Work that pauses at each yield and returns a T."""


def run_steps(steps: Generator[object, None, T]) -> T:
    """What a step generator returns, all its steps done at once."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def pause_every(count: int, index: int) -> bool:
    """Whether work pausing every `count` items (0: never) pauses before item `index`."""
    return count > 0 and index > 0 and not index % count
