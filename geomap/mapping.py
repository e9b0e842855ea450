"""Draw an events GeoDataFrame as an interactive HTML map (a ``folium.Map``).

Events go into the page as one compact, columnar JSON document that the
browser turns into markers (a layer per actor side, clustered when there are
many), so a map of 100,000 events stays about 25 MB and opens in a few
seconds instead of carrying one Python ``Marker`` object -- and one block of
HTML -- per event (see benchmarks/bench_map.py).

This module builds that document and the page around it; side colours come
from ``_map_sides``, event shapes, rivers, areas and the background context
from ``_map_layers``, and the browser code from ``geomap/static`` (``_map_js``).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from branca.element import CssLink, Element, JavascriptLink, MacroElement

from . import _map_js, assets
from ._map_layers import add_context, default_gazetteer, event_shapes, gazetteer_shapes
from ._map_sides import known_sides, side_styles
from .errors import InputError

__all__ = ["make_map"]

# Columns drawn when present; all are optional except geometry.
DICT_COLUMNS = (
    "actor", "action", "target", "place", "place_id", "place_text", "qualifier", "precision",
    "reported_by", "stance", "date", "doc", "title", "outlet", "url", "actor_side",
    "target_side", "backer",
)
RAW_COLUMNS = ("event_id", "sentence", "claims", "n_reports")
# Only popups and panels read these: the page parses them on first use, not at load.
LAZY_COLUMNS = ("sentence", "claims")

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
AUTO_CLUSTER = 200  # more located events than this: cluster by default
MAX_UNLOCATED_LISTED = 500


def _as_frame(events):
    gpd = __import__("geopandas")
    if isinstance(events, (str, Path)):
        try:
            events = gpd.read_file(events)
        except Exception as exc:  # pyogrio raises several types; name the file either way
            raise InputError(f"{events}: cannot read events ({exc}); pass a GeoDataFrame or a .geojson/.gpkg file") from exc
    if not isinstance(events, gpd.GeoDataFrame):
        raise InputError(
            f"make_map needs a GeoDataFrame of events (got {type(events).__name__}); "
            "use geomap.extract_events(...) or geopandas.read_file('events.geojson')"
        )
    if events.crs is not None and not events.crs.equals("EPSG:4326"):
        events = events.to_crs(4326)
    frame = events.reset_index(drop=True)
    geom = frame.geometry
    ok = ~(geom.isna() | geom.is_empty)
    if ok.any():
        minx, miny, maxx, maxy = geom[ok].total_bounds
        if minx < -180.5 or maxx > 180.5 or miny < -90.5 or maxy > 90.5:
            raise InputError(
                "events geometry: coordinates outside longitude/latitude range "
                f"({minx:.1f}, {miny:.1f}, {maxx:.1f}, {maxy:.1f}); set the frame's CRS so it can be reprojected"
            )
    return frame


def _text(value):
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _encode(series):
    """Dictionary-encode a column: unique texts ``v`` and one code per row ``i`` (-1: null)."""
    try:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    except TypeError:  # unhashable values (lists, dicts): turn them into text first
        codes, uniques = pd.factorize(pd.Series([_text(v) for v in series], dtype=object), use_na_sentinel=True)
    texts = [_text(u) for u in uniques]
    if len(set(texts)) < len(texts):  # e.g. two timestamps of one day: merge their codes
        first = {}
        remap = np.array([first.setdefault(t, len(first)) for t in texts] or [0], dtype=np.int64)
        codes = np.where(codes < 0, -1, remap[np.maximum(codes, 0)])
        texts = list(first)
    return {"v": texts, "i": codes.tolist()}


def _raw(series):
    values = series.astype(object).where(series.notna(), None).tolist()
    return [v if v is None or type(v) is str else _text(v) for v in values]


def _curve_order(lon, lat, located):
    """Located rows along a Z-order curve over a ~1 km grid.

    Leaflet.markercluster inserts markers one by one; fed in spatial order it
    mostly grows clusters it has just made instead of restructuring distant
    ones, which takes about a third less time for 100,000 events.
    """
    rows = np.flatnonzero(located)
    if len(rows) < 2:
        return rows.tolist()
    x = np.clip((lon[rows] + 180.0) * 100, 0, 65535).astype(np.uint64)
    y = np.clip((lat[rows] + 90.0) * 100, 0, 65535).astype(np.uint64)
    key = np.zeros(len(rows), dtype=np.uint64)
    for bit in range(16):
        key |= ((x >> np.uint64(bit)) & np.uint64(1)) << np.uint64(2 * bit + 1)
        key |= ((y >> np.uint64(bit)) & np.uint64(1)) << np.uint64(2 * bit)
    return rows[np.argsort(key, kind="stable")].tolist()


def _payload(frame, *, gaz, sides, cluster, context, title):
    """Everything the browser draws, as one JSON-ready dict (see ``geomap/static/geomap.js``)."""
    n = len(frame)
    cols = {c: _encode(frame[c]) for c in DICT_COLUMNS if c in frame.columns}
    for c in RAW_COLUMNS:
        if c in frame.columns:
            if c == "n_reports":
                cols[c] = {"r": [None if pd.isna(v) else int(v) for v in frame[c]]}
            else:
                cols[c] = {"r": _raw(frame[c])}

    def get(column, k):
        enc = cols.get(column)
        return None if enc is None or enc["i"][k] < 0 else enc["v"][enc["i"][k]]

    if "actor_side" in frame:
        sides_col = frame["actor_side"].astype(object)
        side_values = sides_col.where(sides_col.notna(), "unknown").astype(str).replace("", "unknown").tolist()
    else:
        side_values = ["unknown"] * n
    keys = list(dict.fromkeys(sorted(set(side_values), key=lambda s: (s == "unknown", s))))
    side_index = {k: i for i, k in enumerate(keys)}
    side_codes = [side_index[s] for s in side_values]

    geom = frame.geometry.values
    located = ~(pd.isna(geom) | shapely.is_empty(geom))
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    points = located & (shapely.get_type_id(geom) == 0)
    lon[points] = np.round(shapely.get_x(geom[points]), 5)
    lat[points] = np.round(shapely.get_y(geom[points]), 5)

    doc_of = (lambda k: _text(frame["doc"].iat[k]) or "") if "doc" in frame else (lambda k: "")
    shapes, rivers, shape_events = event_shapes(frame, geom, located, points, get=get, doc_of=doc_of,
                                                side_codes=side_codes, gaz=gaz, lon=lon, lat=lat)
    areas = {}
    gazetteer_shapes(cols.get("place_id"), located, gaz, rivers=rivers, areas=areas)

    days = [None] * n
    if "date" in cols:  # the slider works on days; other date texts only show in popups
        day_of = [d[:10] if _DAY.match(d) else None for d in cols["date"]["v"]] + [None]
        days = [day_of[i] for i in cols["date"]["i"]]
    for i, k in shape_events:  # a shape appears from its first dated event on
        if days[k] and (shapes[i]["d"] is None or days[k] < shapes[i]["d"]):
            shapes[i]["d"] = days[k]

    lat_list = np.where(np.isnan(lat), None, lat).tolist()
    lon_list = np.where(np.isnan(lon), None, lon).tolist()
    n_located = int(located.sum())
    side_counts = np.bincount(np.asarray(side_codes, dtype=int)[located], minlength=len(keys)).tolist() if n else []
    actions = sorted({a for a in cols.get("action", {"v": []})["v"] if a})
    day_list = sorted({d for d, ok in zip(days, located) if d and ok})
    day_index = {d: i for i, d in enumerate(day_list)}  # events carry an index into day_list
    known = known_sides(sides)
    if "target_side" in cols:  # show targets' sides by their labels too
        cols["target_side"]["v"] = [known.get(v, (v,))[0] for v in cols["target_side"]["v"]]
    payload = {
        "title": title, "n_events": n, "n_located": n_located,
        "sides": side_styles(keys, known), "side": side_codes, "sideCounts": side_counts,
        "cols": cols, "lat": lat_list, "lon": lon_list, "days": day_list, "order": _curve_order(lon, lat, located),
        "day": [day_index.get(d, -1) if ok else -1 for d, ok in zip(days, located)],
        "unlocated": np.flatnonzero(~located)[:MAX_UNLOCATED_LISTED].tolist(),
        "cluster": bool(cluster if cluster is not None else n_located > AUTO_CLUSTER),
        # Wider clusters on big maps: fewer levels where a marker stays alone.
        "clusterRadius": 80 if n_located > 10_000 else 50,
        "shapes": shapes, "rivers": list(rivers.values()), "areas": list(areas.values()),
        "actions": actions, "glyphs": _map_js.GLYPHS,
        "countries": [], "context_rivers": [], "background": None, "bounds": None,
    }
    if n_located:  # the browser fits the view to these before drawing
        minx, miny, maxx, maxy = frame.geometry[located].total_bounds
        payload["bounds"] = [[float(miny), float(minx)], [float(maxy), float(maxx)]]
    if context and gaz is not None:
        add_context(payload, gaz, frame.geometry[located])
    return payload


def _script_json(data):
    """JSON that can sit inside ``<script>``: no ``</``, ``<!--``, or line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


class _Raw(Element):
    """Text placed in the page as it is.

    Branca compiles every rendered macro as a Jinja template again, which would
    evaluate ``{{ ... }}`` found in article text and take seconds on big maps.
    """

    def __init__(self, text):
        super().__init__()
        self.text = text

    def render(self, **kwargs):
        return self.text


class _EventLayer(MacroElement):
    """The events, legend, slider and panels: one JSON block plus one script."""

    def __init__(self, payload, *, offline):
        super().__init__()
        self._name = "GeomapEvents"
        self.payload = payload
        # Offline pages carry the plugin inline (see make_map); online ones link the CDN.
        self.links = [] if offline else [(n, JavascriptLink(u)) for n, u in assets.CDN_JS] + [
            (n, CssLink(u)) for n, u in assets.CDN_CSS]

    def render(self, **kwargs):
        figure = self.get_root()
        name, map_name = self.get_name(), self._parent.get_name()
        for link_name, link in self.links:
            figure.header.add_child(link, name=link_name)
        figure.header.add_child(_Raw(f"<style>{assets.script_safe(_map_js.css())}</style>"), name=f"{name}_css")
        data = dict(self.payload, cols=dict(self.payload["cols"]), lazy=f"{name}_lazy")
        lazy = {c: data["cols"].pop(c) for c in LAZY_COLUMNS if c in data["cols"]}
        figure.html.add_child(_Raw(
            f'<script type="application/json" id="{name}_data">{_script_json(data)}</script>\n'
            f'<script type="application/json" id="{name}_lazy">{_script_json(lazy)}</script>\n'
            f"<script>{assets.script_safe(_map_js.js())}</script>"
        ), name=name)
        figure.script.add_child(_Raw(
            'if (window.performance && performance.mark) performance.mark("geomap:start");\n'
            f"geomapRender({map_name}, JSON.parse(document.getElementById(\"{name}_data\").textContent));"
        ), name=name)


def make_map(events, *, title=None, offline=False, tiles="OpenStreetMap", gazetteer=None,
             cluster=None, sides=None, width="100%", height="100%", max_zoom=None, **map_kwargs):
    """Draw reported events on an interactive Leaflet map.

    Parameters
    ----------
    events : geopandas.GeoDataFrame or path
        Events as returned by :func:`geomap.extract_events` (or a file holding
        them). Rows with an empty geometry are listed in a panel, not dropped.
    title : str, optional
        Shown at the top of the map and as the page title.
    offline : bool, default False
        Inline Leaflet and its plugins from ``GEOMAP_ASSETS`` or the checkout's
        ``node_modules`` so the page needs no network; the default tiles are
        replaced by country outlines and rivers from the gazetteer.
    tiles : str or None, default "OpenStreetMap"
        Background tiles, as for :class:`folium.Map`; ``None`` draws the vector
        context instead. With ``offline=True`` the default becomes ``None``.
    gazetteer : geomap.Gazetteer, optional
        Where river and area geometries are looked up (``Gazetteer.default()``).
    cluster : bool, optional
        Cluster markers; by default when more than 200 events are located.
    sides : dict or path, optional
        Side -> colour (or ``(label, colour)``), or a CSV like ``data/sides.csv``.
    max_zoom : int, optional
        Deepest zoom: 18 with tiles, 13 without (nothing finer to see).
    width, height, **map_kwargs
        Passed to :class:`folium.Map`.

    Returns
    -------
    folium.Map
        Call ``.save("map.html")``; Jupyter displays it inline.

    Raises
    ------
    InputError
        When ``events`` is not a GeoDataFrame of longitude/latitude geometries.
    MissingDependencyError
        With ``offline=True`` when the Leaflet files are not installed.
    """
    import folium

    frame = _as_frame(events)
    head = assets.offline_head() if offline else None
    if offline and tiles == "OpenStreetMap":
        tiles = None
    if max_zoom is None:
        # Vector context has no street detail, and every zoom level costs the
        # marker clusterer a pass over all events.
        max_zoom = 18 if tiles is not None else 13
    gaz = default_gazetteer(gazetteer)
    payload = _payload(frame, gaz=gaz, sides=sides, cluster=cluster, context=tiles is None, title=title)

    located = frame.geometry[~(frame.geometry.isna() | frame.geometry.is_empty)]
    map_kwargs.setdefault("location", [25.0, 20.0])
    map_kwargs.setdefault("zoom_start", 2)
    m = folium.Map(tiles=tiles, width=width, height=height, max_zoom=max_zoom, control_scale=True, **map_kwargs)
    m.options["max_zoom"] = max_zoom  # folium gives it only to tiles; clustering needs it on the map
    if offline:
        # Folium links Leaflet, jQuery, Bootstrap and fonts from CDNs; none is needed here.
        m.default_js, m.default_css = [], []
        m.get_root().header.add_child(_Raw(head), name="geomap_assets")
    if title:
        m.get_root().title = html.escape(title)
    m.add_child(_EventLayer(payload, offline=offline))

    return m
