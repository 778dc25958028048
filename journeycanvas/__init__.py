"""JourneyCanvas: a desktop editor for customer-journey maps.

The public API for scripts::

    from journeycanvas import load_map, save_map
    journey = load_map("bakery.journey")
    journey.title = "Hourglass for a bakery"
    save_map(journey, "bakery.journey")
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("journeycanvas")
except PackageNotFoundError:
    __version__ = "0.0.0"


def __getattr__(name: str) -> object:
    # Imported lazily so that `import journeycanvas` stays cheap for the CLI.
    if name in {"load_map", "save_map", "JourneyFileError"}:
        from journeycanvas.io import jsonfile

        return getattr(jsonfile, name)
    raise AttributeError(name)


__all__ = ["JourneyFileError", "__version__", "load_map", "save_map"]
