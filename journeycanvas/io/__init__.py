"""Files in and out: the ``.journey`` format, its migrations, schema and templates. No Qt."""

from journeycanvas.io.errors import JourneyFileError
from journeycanvas.io.jsonfile import dumps_map, load_map, loads_map, save_map

__all__ = ["JourneyFileError", "dumps_map", "load_map", "loads_map", "save_map"]
