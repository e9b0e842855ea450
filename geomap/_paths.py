"""Where geomap finds its data files (``data/`` of the project)."""

import os
from pathlib import Path

from .errors import GeomapError


def data_dir():
    """Return the folder holding ``gazetteer.csv``, ``actors.csv``, ``actions.csv``.

    ``GEOMAP_DATA`` overrides; otherwise the ``data/`` folder beside the package
    (a source checkout or an editable install).
    """
    env = os.environ.get("GEOMAP_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent / "data"
    if (here / "gazetteer.csv").exists():
        return here
    raise GeomapError(
        "cannot find geomap's data folder (data/gazetteer.csv); install geomap from a "
        "source checkout with `pip install -e .` or set GEOMAP_DATA to the data folder"
    )


def cache_dir():
    """Folder for derived caches (world gazetteer index, geocoder answers)."""
    env = os.environ.get("GEOMAP_CACHE")
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "geomap"
    base.mkdir(parents=True, exist_ok=True)
    return base
