"""The browser side of the map: CSS and the JavaScript that draws the events.

The code itself lives in ``geomap/static/geomap.js`` and ``geomap.css`` (real
files, so they can be linted and read); this module loads them once per
process and holds the action glyphs that travel in the map's JSON payload.

Events travel as one compact, columnar JSON document (see
``mapping._payload``); the script makes one ``L.Marker`` per located event
straight from its columns (no GeoJSON objects in between), adds them all in
one call, in space-filling-curve order, to a single ``L.markerClusterGroup``
(or a plain feature group) with a layer-control entry per side, and builds
popups, tooltips, legend, time slider and the unlocated-events panel lazily
with DOM calls and ``textContent`` -- article text never goes through
``innerHTML``. Sentences and claims sit in a second JSON block parsed on the
first popup. Popups are panned clear of the map's controls; unclustered
markers fan out at most ``MAXD`` pixels, with a leader line to their place.
Nothing is string-formatted into the script: the page passes it data as JSON.
"""

from __future__ import annotations

from functools import lru_cache

from .errors import GeomapError

__all__ = ["GLYPHS", "css", "js"]


@lru_cache(maxsize=None)
def _static(name):
    from importlib.resources import files

    resource = files("geomap") / "static" / name
    try:
        return resource.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise GeomapError(
            f"geomap/static/{name}: the map's browser code is missing from this installation; "
            "reinstall geomap (pip install --force-reinstall geomap)"
        ) from exc


def css():
    """Return the map's stylesheet (``geomap/static/geomap.css``), read once."""
    return _static("geomap.css")


def js():
    """Return the map's script (``geomap/static/geomap.js``), read once.

    It defines ``geomapRender(map, data)``, called with the Leaflet map and the
    JSON payload of :func:`geomap.mapping._payload`.
    """
    return _static("geomap.js")


# One glyph per action category, drawn for a 24x24 box (stroke only, our own shapes).
GLYPHS = {
    "attack": '<circle cx="12" cy="12" r="6.5"/><path d="M12 2v5M12 17v5M2 12h5M17 12h5"/>',
    "clash": '<path d="M4 4l16 16M20 4L4 20M3 15l6 6M21 15l-6 6"/>',
    "advance": '<path d="M12 21V4M5 11l7-7 7 7"/>',
    "capture": '<path d="M6 22V3M6 4h12l-3 4.5L18 13H6"/>',
    "withdraw": '<path d="M20 12H4M10 6l-6 6 6 6"/>',
    "deploy": '<path d="M12 3v12M7 10l5 5 5-5M4 20h16"/>',
    "cross": '<path d="M2 16c2.5-2.5 4.5 2.5 7 0s4.5 2.5 7 0 4.5 2.5 6 0M12 13V3M8 7l4-4 4 4"/>',
    "surround": '<circle cx="12" cy="12" r="9" stroke-dasharray="3 2.6"/><circle cx="12" cy="12" r="2.5"/>',
    "rescue": '<path d="M12 4v16M4 12h16"/>',
    "threaten": '<path d="M12 4v10M12 19.5v.5"/>',
    "accuse": '<path d="M4 4h16v11H11l-5 4v-4H4z"/>',
    "deny": '<circle cx="12" cy="12" r="8.5"/><path d="M6 6l12 12"/>',
    "meet": '<circle cx="8.5" cy="12" r="5.5"/><circle cx="15.5" cy="12" r="5.5"/>',
    "support": '<path d="M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z"/>',
    "control": '<path d="M4 21V9h3.5v3h3V9h3v3h3V9H20v12z"/>',
    "other": '<circle cx="12" cy="12" r="2.2" stroke-width="5"/>',
}
