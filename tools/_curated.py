"""Curated places (data/curated_places.csv) and informal regions derived in the build.

Curated rows are points GeoNames' populated places lack (bases, dams, buildings
used as metonyms, lakes), each with a citation for its coordinates.  Regions
("northwest Syria", "eastern Ghouta", "Donbas", "Darfur", "northern Gaza") are
not typed in: their polygons are computed here from derived province polygons,
country outlines and GeoNames places, and each ``source`` says how.
"""

from __future__ import annotations


import shapely
from shapely.geometry import MultiPoint, Point, box

from _areas import voronoi_admin1
from _sources import basemap_label, basemap_lines, cited_records, clean_aliases, geonames, gnc_label

LAKE_RES = "i"
# The conventional Middle East (Wikipedia, "Middle East": "the countries of the
# Middle East"): Bahrain, Cyprus, Egypt, Iran, Iraq, Israel, Jordan, Kuwait,
# Lebanon, Oman, Palestine, Qatar, Saudi Arabia, Syria, Turkey, UAE, Yemen.
MIDDLE_EAST = ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR",
               "AE", "YE")
# population is optional: when the cited article gives one, it ranks the place among its namesakes
CURATED_COLUMNS = ["id", "name", "aliases", "kind", "country", "lat", "lon", "population", "citation"]
# Lakes whose point lies in a GSHHG lake polygon that is not the lake named: they
# stay points, and the source says why (the build stops if such a row is missing).
NO_LAKE_POLYGON = {
    "lake:kakhovka-reservoir": "the GSHHG lake holding the point (res i, h and f alike) is the whole lower "
                               "Dnipro drawn as one shoreline from Kherson up to Kaniv (31.4-35.3E 46.6-49.8N, "
                               "with the Kremenchuk and Kamianske reservoirs), not the reservoir; a point only",
}


def _enclosing(rows, pt, country):
    """Smallest province polygon of ``country`` containing ``pt`` (its id), else the country id."""
    best = None
    for r in rows:
        g = r.get("wkt")
        if r["kind"] == "province" and r["country"] == country and g is not None and g.contains(pt):
            if best is None or g.area < best[0]:
                best = (g.area, r["id"])
    return best[1] if best else f"country:{country}"


def _lake_polygon(pt):
    for level, pts in basemap_lines("gshhs", LAKE_RES):
        if level == 2 and len(pts) >= 4:
            xs, ys = pts[:, 0], pts[:, 1]
            if xs.min() <= pt.x <= xs.max() and ys.min() <= pt.y <= ys.max():
                poly = shapely.Polygon(pts)
                if poly.is_valid and poly.contains(pt):
                    return poly
    return None


def curated_rows(path, rows):
    """Rows from data/curated_places.csv; a missing column or citation stops the build."""
    out = []
    for line, rec in cited_records(path, CURATED_COLUMNS):
        lat, lon = float(rec["lat"]), float(rec["lon"])
        pt = Point(lon, lat)
        aliases = clean_aliases(rec["name"], [], keep=rec["aliases"].split("|"))
        row = dict(id=rec["id"], name=rec["name"], aliases=aliases,
                   kind=rec["kind"], country=rec["country"],
                   # a lake several countries share (Lake Chad, Lake Kivu) has none
                   parent=_enclosing(rows, pt, rec["country"]) if rec["country"] else "",
                   lat=lat, lon=lon, wkt=None, population=int(rec["population"] or 0),
                   source=f"curated (data/curated_places.csv line {line}): {rec['citation']}")
        if rec["id"] in NO_LAKE_POLYGON:
            row["source"] += f"; no polygon: {NO_LAKE_POLYGON[rec['id']]} (tools/_curated.py NO_LAKE_POLYGON)"
        elif rec["kind"] == "lake":
            poly = _lake_polygon(pt)
            if poly is None:
                row["source"] += f"; no GSHHG lake polygon holds the point ({basemap_label(LAKE_RES)})"
            else:
                # ~0.1% of the lake's size: 200 m for Lake Assad, 1-2 km for Victoria or the Caspian
                w, s_, e, n = poly.bounds
                row["wkt"] = poly.simplify(max(0.002, 0.002 * max(e - w, n - s_)))
                row["source"] += (f"; polygon: GSHHG lake (level 2) containing the point "
                                  f"({basemap_label(LAKE_RES)})")
        out.append(row)
    missing = set(NO_LAKE_POLYGON) - {r["id"] for r in out}
    if missing:
        raise SystemExit(f"tools/_curated.py NO_LAKE_POLYGON: {sorted(missing)} not in {path}; fix the table")
    return out


def _named(cc, names):
    recs = []
    for n in names:
        found = [r for r in geonames("cities500") if r["countrycode"] == cc and r["name"] == n]
        if not found:
            raise SystemExit(f"tools/_curated.py: {n!r} ({cc}) is not a GeoNames cities500 name")
        recs.append(max(found, key=lambda r: r["population"]))
    return recs


def _admin1_union(cc, capitals, outline):
    """Union of the Voronoi admin1 areas (of ``cc``) whose codes the named capitals carry."""
    caps = _named(cc, capitals)
    codes = sorted({r["admin1code"] for r in caps})
    recs = [r for r in geonames("cities500") if r["countrycode"] == cc and r.get("admin1code")]
    cells = voronoi_admin1([(r["longitude"], r["latitude"], r["admin1code"]) for r in recs], outline)
    n = sum(1 for r in recs if r["admin1code"] in codes)
    return shapely.union_all([cells[c] for c in codes if c in cells]), codes, n


def region_rows(rows, outlines):
    by_id = {r["id"]: r for r in rows}
    out = []

    def add(rid, name, aliases, cc, geom, src, point=None):
        geom = geom.simplify(0.005)
        pt = point if point is not None and geom.contains(point) else geom.representative_point()
        out.append(dict(id=rid, name=name, aliases=clean_aliases(name, [], keep=aliases), kind="region",
                        country=cc,
                        parent=_enclosing(rows, pt, cc), lat=pt.y, lon=pt.x, wkt=geom, population=0,
                        source=src))

    # northwest Syria: the northwest quadrant (through the outline's centroid) of
    # the provinces reports mean by it.
    sy = outlines["SY"][0]
    c = sy.centroid
    nw_ids = ["SY-ID", "SY-HL", "SY-LA", "SY-HM"]
    quad = box(c.x - 10, c.y, c.x, c.y + 10)
    geom = shapely.union_all([by_id[i]["wkt"] for i in nw_ids]).intersection(quad)
    add("region:northwest-syria", "Northwest Syria",
        ["northwest Syria", "north-west Syria", "northwestern Syria", "north-western Syria"], "SY", geom,
        f"derived: union of the derived polygons of {', '.join(nw_ids)} cut to the quadrant northwest of the "
        f"centroid ({c.y:.2f}N, {c.x:.2f}E) of Syria's outline; point: Idlib city",
        Point(by_id["SY-ID"]["lon"], by_id["SY-ID"]["lat"]))

    # eastern Ghouta: hull of its GeoNames towns, 1.5 km margin.
    towns = ["Dūmā", "Ḩarastā", "‘Irbīn", "Kafr Baţnā", "Al Mulayḩah", "Dayr al ‘Aşāfīr",
             "An Nashābīyah"]
    recs = _named("SY", towns)
    hull = MultiPoint([(r["longitude"], r["latitude"]) for r in recs]).convex_hull.buffer(0.015)
    add("region:eastern-ghouta", "Eastern Ghouta", ["East Ghouta", "eastern Ghouta"], "SY", hull,
        f"derived: convex hull of the GeoNames places {', '.join(towns)} ({gnc_label('cities500')}), "
        "buffered 0.015 deg (~1.5 km)")

    # Gaza Strip: the part of the Palestine outline that holds Gaza city; northern
    # Gaza: hull of Gaza City, Jabalia, Beit Lahia, Beit Hanoun (2 km margin) in it.
    gaza_rec = _named("PS", ["Gaza"])[0]
    gpt = Point(gaza_rec["longitude"], gaza_rec["latitude"])
    ps = outlines["PS"][0]
    strip = next((g for g in getattr(ps, "geoms", [ps]) if g.buffer(0.02).contains(gpt)), None)
    if strip is not None:
        add("region:gaza-strip", "Gaza Strip", ["the Gaza Strip"], "PS", strip,
            f"derived: the part of the derived Palestine outline ({outlines['PS'][1]}) that holds GeoNames "
            f"{gaza_rec['geonameid']} (Gaza)", gpt)
        north = _named("PS", ["Gaza", "Jabālyā", "Bayt Lāhyā", "Bayt Ḩānūn"])
        hull = MultiPoint([(r["longitude"], r["latitude"]) for r in north]).convex_hull.buffer(0.02)
        add("region:northern-gaza", "Northern Gaza", ["northern Gaza", "north Gaza", "North Gaza",
                                                      "northern Gaza Strip"], "PS", hull.intersection(strip),
            "derived: convex hull of the GeoNames places Gaza, Jabālyā, Bayt Lāhyā, Bayt Ḩānūn "
            f"({gnc_label('cities500')}) buffered 0.02 deg (~2 km), clipped to the derived Gaza Strip")

    # Donbas: Donetsk and Luhansk oblasts as Voronoi admin1 areas of Ukraine.
    geom, codes, n = _admin1_union("UA", ["Donetsk", "Luhansk"], outlines["UA"][0])
    add("region:donbas", "Donbas", ["Donbass", "the Donbas", "Donets Basin"], "UA", geom,
        f"derived: Voronoi cells of {n} GeoNames places ({gnc_label('cities500')}) with UA admin1 "
        f"{'+'.join(codes)} (the oblasts of Donetsk and Luhansk), merged and clipped to the "
        f"{outlines['UA'][1]} outline of UA")

    # West Bank: the rest of the derived Palestine outline (its parts away from Gaza).
    if strip is not None:
        wb = [g for g in getattr(ps, "geoms", [ps]) if not g.buffer(0.02).contains(gpt)]
        ramallah = _named("PS", ["Ramallah"])[0]
        add("region:west-bank", "West Bank", ["the West Bank", "occupied West Bank", "Judea and Samaria"],
            "PS", shapely.union_all(wb),
            f"derived: the parts of the derived Palestine outline ({outlines['PS'][1]}) that do not hold "
            f"GeoNames {gaza_rec['geonameid']} (Gaza); point: Ramallah, GeoNames {ramallah['geonameid']}",
            Point(ramallah["longitude"], ramallah["latitude"]))

    # Abkhazia and Dagestan are GeoNames admin1 areas (GE 02, RU 17): Voronoi as for provinces.
    for rid, name, aliases, cc, capital in (
            ("region:abkhazia", "Abkhazia", ["Abkhaziya", "Republic of Abkhazia", "breakaway Abkhazia"], "GE",
             "Sokhumi"),
            ("region:dagestan", "Dagestan", ["Daghestan", "Republic of Dagestan", "Dagestan Republic"], "RU",
             "Makhachkala")):
        geom, codes, n = _admin1_union(cc, [capital], outlines[cc][0])
        cap = _named(cc, [capital])[0]
        add(rid, name, aliases, cc, geom,
            f"derived: Voronoi cells of {n} GeoNames places ({gnc_label('cities500')}) with {cc} admin1 "
            f"{'+'.join(codes)} (the admin1 of its capital {capital}, GeoNames {cap['geonameid']}), merged and "
            f"clipped to the {outlines[cc][1]} outline of {cc}; point: {capital}",
            Point(cap["longitude"], cap["latitude"]))

    # South Ossetia is no GeoNames admin1 (its land lies in three Georgian
    # regions), so no polygon can be derived honestly: a point at Tskhinvali.
    tsk = _named("GE", ["Ts’khinvali"])[0]
    out.append(dict(id="region:south-ossetia", name="South Ossetia",
                    aliases=clean_aliases("South Ossetia", [], keep=["Tskhinvali Region", "breakaway South Ossetia",
                                                                    "Samachablo"]),
                    kind="region", country="GE", parent="country:GE", lat=tsk["latitude"], lon=tsk["longitude"],
                    wkt=None, population=0,
                    source=f"point: its capital Ts’khinvali, GeoNames {tsk['geonameid']} "
                           f"({gnc_label('cities500')}); no polygon (not a GeoNames admin1 area)"))

    # Middle East: union of the derived outlines of the countries Wikipedia's
    # "Middle East" article lists as its conventional definition.
    me = [c for c in MIDDLE_EAST if c in outlines]
    geom = shapely.union_all([outlines[c][0] for c in me]).simplify(0.05)
    geom = shapely.MultiPolygon([g for g in getattr(geom, "geoms", [geom]) if g.area >= 0.05])
    pt = geom.representative_point()
    out.append(dict(id="region:middle-east", name="Middle East",
                    aliases=clean_aliases("Middle East", [], keep=["the Middle East", "Mideast", "Mid-East"]),
                    kind="region", country="", parent="", lat=pt.y, lon=pt.x, wkt=geom, population=0,
                    source="derived: union of the derived country outlines of " + ", ".join(me)
                           + " (the countries listed as the Middle East in the Wikipedia article 'Middle East'), "
                           "simplified to 0.05 deg, islands under 0.05 sq deg dropped; point: representative "
                           "point"))

    # Darfur: the five Darfur states, found by their capitals' admin1 codes.
    caps = ["El Fasher", "Nyala", "Al-Junaynah", "Zalinjay", "El Daein"]
    geom, codes, n = _admin1_union("SD", caps, outlines["SD"][0])
    add("region:darfur", "Darfur", ["Darfur region", "greater Darfur"], "SD", geom,
        f"derived: Voronoi cells of {n} GeoNames places ({gnc_label('cities500')}) with SD admin1 "
        f"{'+'.join(codes)} (the states whose capitals are {', '.join(caps)}), merged and clipped to the "
        f"{outlines['SD'][1]} outline of SD")
    return out
