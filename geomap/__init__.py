"""geomap: turn news reports into a map of who did what, where.

The public API is imported lazily: ``import geomap`` does no work and loads no
data; the gazetteer is read the first time it is needed and cached.
"""

import importlib

from .errors import (
    GazetteerError,
    GeocoderError,
    GeomapError,
    InputError,
    LexiconError,
    MissingDependencyError,
    OutputError,
)

__version__ = "0.1.0"

# public name -> module that defines it (imported on first attribute access)
_LAZY = {
    "Gazetteer": "geomap.gazetteer",
    "Place": "geomap.gazetteer",
    "normalize_name": "geomap.normalize",
    "find_places": "geomap.extract.places",
    "PlaceMention": "geomap.extract.places",
    "extract_events": "geomap.extract.events",
    "merge_events": "geomap.extract.merge",
    "read_documents": "geomap.io",
    "Document": "geomap.io",
    "write_events": "geomap.io",
    "save_map": "geomap.io",
    "ReadResult": "geomap.io",
    "make_map": "geomap.mapping",
}

__all__ = sorted(
    list(_LAZY)
    + [
        "GeomapError",
        "GazetteerError",
        "LexiconError",
        "InputError",
        "OutputError",
        "GeocoderError",
        "MissingDependencyError",
        "__version__",
    ]
)


def __getattr__(name):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geomap' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
