"""One exception tree for geomap.

Every error geomap raises on purpose is a :class:`GeomapError`; each subclass
also inherits the built-in exception a caller would naturally catch (as geopy
does), so ``except ValueError`` keeps working for bad data.
"""

__all__ = [
    "GeomapError",
    "GazetteerError",
    "LexiconError",
    "InputError",
    "OutputError",
    "GeocoderError",
    "MissingDependencyError",
]


class GeomapError(Exception):
    """Base class of every error geomap raises."""


class GazetteerError(GeomapError, ValueError):
    """Bad gazetteer data; the message names the file, line and column."""


class LexiconError(GeomapError, ValueError):
    """Bad actor or action lexicon data (``data/actors.csv``, ``data/actions.csv``)."""


class InputError(GeomapError, ValueError):
    """An input document or file cannot be read; the message names it and the fix."""


class OutputError(GeomapError, OSError):
    """An output cannot be written (unknown extension, unwritable folder)."""


class GeocoderError(GeomapError, RuntimeError):
    """The optional online geocoder failed (network, quota, bad answer)."""


class MissingDependencyError(GeomapError, ImportError):
    """An optional package is needed; the message says how to install it."""
