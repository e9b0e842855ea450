"""The map's geometry layers: event shapes, rivers, areas and the context.

Point events become markers in the browser; this module handles everything
else. Lines and polygons of events become shapes (approach arrows, banks,
areas) with a marker point on them; the rivers and areas the events are on
come whole from the gazetteer; maps without tiles get country outlines and
nearby rivers as a background. Geometries leave here as rounded GeoJSON.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import shapely

from .errors import GeomapError

__all__ = ["add_context", "default_gazetteer", "event_shapes", "gazetteer_shapes"]


def _geojson(geom, tolerance=0.0):
    if tolerance:
        try:
            geom = geom.simplify(tolerance, preserve_topology=True)
        except shapely.errors.GEOSException:
            pass  # an invalid outline is still worth drawing as it is
    # Rounding vertex by vertex (1 m) never fails on invalid input, unlike a precision grid.
    return json.loads(shapely.to_geojson(shapely.transform(geom, lambda xy: np.round(xy, 5))))


def _stance_class(stance):
    if not stance or stance == "asserted":
        return "asserted"
    if stance in ("threatened", "planned"):
        return "threatened"
    return "denied" if stance == "denied" else "claimed"


def default_gazetteer(gazetteer):
    """``gazetteer``, else the bundled one, else None (events still draw from their own geometry)."""
    if gazetteer is not None:
        return gazetteer
    try:
        from .gazetteer import Gazetteer

        return Gazetteer.default()
    except (ImportError, GeomapError, OSError):
        return None


def _place(gaz, place_id):
    if gaz is None or not place_id:
        return None
    try:
        return gaz.get(place_id)
    except (KeyError, LookupError):
        return None


def _kind_of_shape(geom, qualifier, precision):
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return "area"
    if qualifier and qualifier.startswith("from_") and geom.geom_type == "LineString":
        return "approach"
    if qualifier and qualifier.endswith("_bank"):
        return "bank"
    return "river" if precision == "river" else "line"


def _marker_point(geom, kind, anchor=None):
    if kind == "approach":
        return shapely.Point(geom.coords[-1])  # the arrow head: where the movement ends
    if kind in ("bank", "line", "river"):
        # A river runs through many places; put the marker on the stretch
        # nearest the report's other events rather than at its middle.
        if anchor is not None:
            return geom.interpolate(geom.project(anchor))
        return geom.interpolate(0.5, normalized=True)
    return geom.representative_point()


def _doc_anchors(frame, geom, points):
    """Per document, the mean of its point events (where the report is about)."""
    if not points.any():
        return {}
    docs = frame["doc"].astype(object).where(frame["doc"].notna(), "") if "doc" in frame else pd.Series([""] * len(frame))
    xy = pd.DataFrame({"doc": docs[points].to_numpy(), "x": shapely.get_x(geom[points]), "y": shapely.get_y(geom[points])})
    means = xy.groupby("doc")[["x", "y"]].mean()
    return {d: shapely.Point(r.x, r.y) for d, r in means.iterrows()}


def _crossing(end, river):
    """An arrow from the far side of ``river`` onto the bank point ``end`` (for ``cross`` events)."""
    near = river.interpolate(river.project(end))
    dx, dy = end.x - near.x, end.y - near.y
    dist = (dx * dx + dy * dy) ** 0.5
    if dist == 0:
        return None
    reach = max(2 * dist, 0.2)
    start = (near.x - dx / dist * reach, near.y - dy / dist * reach)
    return shapely.LineString([start, (end.x, end.y)])


def event_shapes(frame, geom, located, points, *, get, doc_of, side_codes, gaz, lon, lat):
    """Shapes of the located events that are not points.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        The events (for the per-document anchors).
    geom, located, points : numpy.ndarray
        Geometries, and masks of the located rows and of the point rows.
    get : callable
        ``get(column, row)``: the text of an encoded column, or None.
    doc_of : callable
        ``doc_of(row)``: the document key of a row.
    side_codes : list of int
        Index of each row's side in the payload's ``sides``.
    gaz : geomap.Gazetteer or None
        Where the events' places are looked up (river crossings).
    lon, lat : numpy.ndarray
        Marker coordinates, filled in place for these rows.

    Returns
    -------
    tuple
        ``(shapes, rivers, shape_events)``: shape dicts for the browser, rivers
        that are themselves the event's place (by key), and ``(shape, row)`` pairs.
    """
    shapes, shape_keys, rivers, shape_events = [], {}, {}, []
    anchors = _doc_anchors(frame, geom, points)
    for k in np.flatnonzero(located & ~points):
        g = geom[k]
        kind = _kind_of_shape(g, get("qualifier", k), get("precision", k))
        p = _marker_point(g, kind, anchors.get(doc_of(k)))
        lon[k], lat[k] = round(p.x, 5), round(p.y, 5)
        place = _place(gaz, get("place_id", k))
        if kind == "river":  # the river itself is the place: draw it once, as a river
            name = get("place", k) or "river"
            if place is None or getattr(place, "kind", "") != "river":
                rivers.setdefault(f"event:{name}", {"g": _geojson(g, 0.002), "name": name})
            continue
        key = (kind, side_codes[k], _stance_class(get("stance", k)), g.wkb)
        if key not in shape_keys:
            where = " ".join(x for x in ((get("qualifier", k) or "").replace("_", " "), get("place", k) or "") if x)
            label = f"{where}: " if where else ""
            label += " ".join(x for x in (get("actor", k), get("action", k), get("target", k)) if x)
            shape_keys[key] = len(shapes)
            shapes.append({"g": _geojson(g), "s": side_codes[k], "st": key[2], "k": kind, "label": label, "d": None,
                           "p": get("precision", k)})
        shape_events.append((shape_keys[key], k))
        if get("action", k) == "cross" and kind == "bank" and place is not None and getattr(place, "kind", "") == "river":
            arrow = _crossing(p, place.geometry)
            if arrow is not None:
                shape_events.append((len(shapes), k))
                shapes.append({"g": _geojson(arrow), "s": side_codes[k], "st": key[2], "k": "cross",
                               "label": f"crossing to the {(get('qualifier', k) or '').replace('_', ' ')}", "d": None,
                               "p": None})
    return shapes, rivers, shape_events


def gazetteer_shapes(pid, located, gaz, *, rivers, areas):
    """Add the whole rivers and areas the located events are on, from the gazetteer.

    ``pid`` is the dictionary-encoded ``place_id`` column (or None); ``rivers``
    and ``areas`` are filled in place, keyed by place id.
    """
    used = np.unique(np.asarray(pid["i"])[located & (np.asarray(pid["i"]) >= 0)]) if pid and gaz is not None else []
    for code in used:
        place = _place(gaz, pid["v"][code])
        if place is None or place.geometry is None or place.geometry.geom_type == "Point":
            continue
        target = rivers if place.kind == "river" else areas if place.geometry.geom_type.endswith("Polygon") else None
        if target is not None and place.id not in target:
            target[place.id] = {"g": _geojson(place.geometry, 0.002), "name": place.name}


def add_context(payload, gaz, located):
    """Country outlines and nearby rivers from the gazetteer, for maps without tiles."""
    table = getattr(gaz, "frame", None)
    if table is None or not len(table):
        return
    if len(located):
        minx, miny, maxx, maxy = located.total_bounds
    else:
        minx, miny, maxx, maxy = -180, -60, 180, 75
    pad = max(maxx - minx, maxy - miny, 4.0)
    box = shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad)
    shown = {r["name"] for r in payload["rivers"]}
    geoms = table.geometry
    polygons = geoms.geom_type.isin(["Polygon", "MultiPolygon"])
    near = geoms.intersects(box)
    for _, row in table[(table["kind"] == "country") & polygons & near].iterrows():
        payload["countries"].append({"g": _geojson(row.geometry, 0.01), "name": row["name"]})
    lines = geoms.geom_type.isin(["LineString", "MultiLineString"])
    for _, row in table[(table["kind"] == "river") & lines & near].iterrows():
        if row["name"] not in shown:
            payload["context_rivers"].append({"g": _geojson(row.geometry, 0.005), "name": row["name"]})
    payload["background"] = "#dfe9f0" if payload["countries"] else "#f4f4f0"
