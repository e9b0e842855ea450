"""Geometry of qualified place mentions: river banks, parts of areas, offsets.

Kept apart from :mod:`.places` (which finds mentions and their roles) so each
module has one job; :func:`qualified_geometry` is called once per mention.
"""

from __future__ import annotations

import re

from . import qualifiers as Q

__all__ = ["qualified_geometry", "focus_points"]

_LOCATING = ("site", "origin", "destination")


def focus_points(mentions, focus=None):
    """(lon, lat) of the article's focus places (not countries or rivers)."""
    pts = []
    if focus is not None and focus.kind not in ("country", "river"):
        pts.append((focus.lon, focus.lat))
    for pm in mentions:
        p = pm.place
        if pm.role in _LOCATING and p is not None and p.kind not in ("country", "river") and not pm.coref:
            if focus is None or (abs(p.lat - focus.lat) < 0.8 and abs(p.lon - focus.lon) < 0.8):
                pts.append((p.lon, p.lat))
    return pts[:8]


def qualified_geometry(pm, mentions, focus, gazetteer):
    """Set ``pm.geometry`` and ``pm.precision`` from its place and qualifier."""

    place = pm.place
    geom = place.geometry
    pm.precision = place.precision
    q = pm.qualifier
    if q is None:
        if place.kind == "river" and geom is not None and geom.geom_type.endswith("LineString"):
            # "fighting along the Euphrates" in a report about Deir ez-Zor: that stretch of it
            pm.geometry = _stretch(place, geom, tuple(focus_points(mentions, focus)))
        else:
            pm.geometry = geom
        return
    direction = q.split("_")[0]
    if q.endswith("_bank"):
        if (place.kind == "river" and geom is not None and geom.geom_type.endswith("LineString")
                and (direction in Q._DIRS or direction in ("left", "right"))):
            pm.geometry = _bank(place, geom, direction, tuple(focus_points(mentions, focus)), None)
        else:
            pm.geometry = geom
        pm.precision = "river"
    elif q.endswith("_of") and direction in Q._DIRS and place.kind == "river" and geom is not None \
            and geom.geom_type.endswith("LineString") and direction in ("east", "west", "north", "south"):
        pm.geometry = _bank(place, geom, direction, tuple(focus_points(mentions, focus)),
                            pm.km or 10.0)
        pm.precision = "river"
    elif q.endswith("_of") and direction in Q._DIRS:
        km = pm.km
        if km is None:
            km = 20.0
            if geom is not None and geom.geom_type.endswith("Polygon"):
                minx, miny, maxx, maxy = geom.bounds
                km += 0.5 * max(maxx - minx, maxy - miny) * Q.KM_PER_DEG
        pm.geometry = Q.offset_point(place.lon, place.lat, direction, km)
        pm.precision = "point" if pm.km else place.precision
    elif direction in Q._DIRS and place.kind == "region" and geom is not None:
        pm.geometry = geom  # the curated region is the part already
        pm.precision = "region"
    elif direction in Q._DIRS and pm.km and place.kind not in ("country", "province", "region"):
        # "the eastern outskirts of a town": a few km from its centre, still the town's precision
        pm.geometry = Q.offset_point(place.lon, place.lat, direction, pm.km)
    elif direction in Q._DIRS:
        pm.geometry = _area_part(place, direction, gazetteer)
        pm.precision = "region"
    else:
        pm.geometry = geom


_BANKS = {}


def _bank(place, geom, direction, near, km):
    """River banks are costly to offset; an article names the same bank several times."""
    key = (place.id, id(geom), direction, tuple((round(x, 2), round(y, 2)) for x, y in near), km)
    if key not in _BANKS:
        if len(_BANKS) > 256:
            _BANKS.clear()
        _BANKS[key] = Q.river_bank(geom, direction, near=list(near), **({"offset_km": km} if km else {}))
    return _BANKS[key]


def _stretch(place, geom, near):
    key = (place.id, id(geom), "stretch", tuple((round(x, 2), round(y, 2)) for x, y in near), None)
    if key not in _BANKS:
        if len(_BANKS) > 256:
            _BANKS.clear()
        _BANKS[key] = Q.river_stretch(geom, near=list(near))
    return _BANKS[key]


def _area_part(place, direction, gazetteer):
    """The ``direction`` part of an area: a curated region when the gazetteer has one."""
    slug = re.sub(r"[^a-z0-9]+", "-", place.name.lower()).strip("-")
    for pid in (f"region:{direction}-{slug}", f"region:{direction}ern-{slug}"):
        if pid in gazetteer:
            region = gazetteer.get(pid)
            if region.geometry is not None:
                return region.geometry
    geom = place.geometry
    if geom is not None and geom.geom_type.endswith("Polygon"):
        return Q.area_part(geom, direction)
    # no outline: move the point out towards that part, never leave it at the centre
    km = {"country": 250.0, "province": 60.0, "region": 60.0}.get(place.kind, 15.0)
    return Q.offset_point(place.lon, place.lat, direction, km)
