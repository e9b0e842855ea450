"""Country rows: names from GeoNames and pycountry, curated short forms, a point and an outline."""

from __future__ import annotations

import collections
import functools

from shapely.geometry import Point

from _sources import clean_aliases, fold, geonames, gnc_label

# GeoNames' English name is the canonical one except where news usage differs.
NAME_OVERRIDES = {"NL": "Netherlands", "PS": "Palestine", "BQ": "Bonaire, Sint Eustatius and Saba"}

# Short forms and other names English-language news uses for countries.  General
# usage, not tied to any one report: abbreviations, former names still in print,
# and the "Congo-Kinshasa" style.
EXTRA_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States",
           "the U.S.", "the US", "United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russia", "Russian Federation"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "IR": ["Iran", "Islamic Republic of Iran", "Persia"],
    "IQ": ["Iraq", "Republic of Iraq"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "TR": ["Turkey", "Türkiye", "Turkiye"],
    "PS": ["Palestine", "Palestinian territories", "Palestinian Territory",
           "occupied Palestinian territories", "State of Palestine"],
    "KR": ["South Korea", "Republic of Korea", "ROK"],
    "KP": ["North Korea", "DPRK", "D.P.R.K."],
    "AE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "SA": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "CZ": ["Czech Republic", "Czechia"],
    "MK": ["North Macedonia", "Macedonia"],
    "MM": ["Myanmar", "Burma"],
    "SZ": ["Eswatini", "Swaziland"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "LA": ["Laos"],
    "VN": ["Vietnam", "Viet Nam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
    "TW": ["Taiwan", "Republic of China"],
    "CN": ["China", "People's Republic of China", "PRC", "mainland China"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas", "The Bahamas"],
    "FK": ["Falklands", "Falkland Islands", "Malvinas"],
    "XK": ["Kosovo"],
    "UA": ["Ukraine"],
    "SS": ["South Sudan"],
    "SD": ["Sudan"],
    "LY": ["Libya"],
    "NL": ["Netherlands", "the Netherlands", "Holland"],
    "DE": ["Germany"],
    "FR": ["France"],
    "IL": ["Israel"],
    "JO": ["Jordan", "Hashemite Kingdom of Jordan"],
    "LB": ["Lebanon"],
    "QA": ["Qatar"],
}

# Dissolved entries GeoNames still lists; not places a current report can mean.
SKIP = {"CS", "AN"}


@functools.lru_cache(maxsize=None)
def _by_country():
    out = collections.defaultdict(list)
    for rec in geonames("cities500"):
        out[rec["countrycode"]].append(rec)
    return out


def _capital(code: str, capital: str):
    """The GeoNames record of a country's capital (largest place of that name), or None."""
    cap = fold(capital or "")
    best = None
    for rec in _by_country()[code]:
        if not cap:
            break
        if fold(rec["name"]) == cap or cap in {fold(a) for a in rec["alternatenames"]}:
            if best is None or rec["population"] > best["population"]:
                best = rec
    return best


def _largest(code: str):
    recs = _by_country()[code]
    return max(recs, key=lambda r: r["population"]) if recs else None


def country_rows(*, outlines=None, log=print):
    """One row per country and territory.

    ``outlines`` maps ISO alpha-2 to ``(geometry, source text)``; countries
    without one get their capital's point (or the largest GeoNames place).
    """
    import pycountry  # build input; imported here so the module loads without it

    outlines = outlines or {}
    rows, skipped = [], []
    for code, rec in sorted((c["iso"], c) for c in geonames("countries")):
        if code in SKIP:
            continue
        pc = pycountry.countries.get(alpha_2=code)
        name = NAME_OVERRIDES.get(code, rec["name"].strip())
        forms = [getattr(pc, a, None) for a in ("name", "common_name", "official_name")] if pc else []
        aliases = clean_aliases(name, [f for f in forms if f], keep=EXTRA_ALIASES.get(code, []))
        row = dict(id=f"country:{code}", name=name, aliases=aliases, kind="country", country=code,
                   parent="", population=int(rec.get("population") or 0), wkt=None)
        geom_src = outlines.get(code)
        cap = _capital(code, rec.get("capital", "").strip())
        where = "capital"
        if cap is None:
            cap, where = _largest(code), "largest GeoNames place"
        if geom_src is not None:
            geom, src = geom_src
            pt, ptsrc = country_point(geom)
            row.update(lat=pt.y, lon=pt.x, wkt=geom)
            row["source"] = (f"GeoNames country {rec['geonameid']} ({gnc_label('countries')}); "
                             f"outline: {src}; {ptsrc}")
        elif cap is not None:
            row.update(lat=cap["latitude"], lon=cap["longitude"])
            row["source"] = (f"GeoNames country {rec['geonameid']} ({gnc_label('countries')}); "
                             f"point: {where} {cap['name']}, GeoNames {cap['geonameid']} "
                             f"({gnc_label('cities500')}); no outline")
        else:
            skipped.append(code)
            continue
        rows.append(row)
    log(f"  countries left out (no outline and no GeoNames place): {', '.join(skipped) or 'none'}; "
        f"dissolved: {', '.join(sorted(SKIP))}")
    return rows


# how far inside its polygon's edge a country point falls back to
INSET = 0.05
# parts of an outline this close to its largest polygon belong to the main
# landmass: land cut apart by a river, a lake or a narrow strait (the Amazon,
# Tonle Sap, the Panama Canal, the Strait of Messina), not overseas islands
LANDMASS_GAP = 0.25


def main_landmass(geom):
    """``(largest polygon, main landmass)``: the landmass is the largest polygon
    with the parts of ``geom`` within :data:`LANDMASS_GAP` degrees of it."""
    from shapely.ops import unary_union

    parts = list(getattr(geom, "geoms", [geom]))
    main = max(parts, key=lambda g: (g.area, g.bounds))
    near = [g for g in parts if g is not main and g.distance(main) <= LANDMASS_GAP]
    return main, (unary_union([main, *near]) if near else main)


def area_centroid(geom):
    """The centroid by true area: computed in a cylindrical equal-area projection
    (x = lon, y = sin(lat)), not in degrees, where a square degree near the
    pole counts as much as one at the equator and pulls the point poleward
    (Russia's degree centroid lies 2 degrees north of its area centroid)."""
    import numpy as np
    import shapely

    ea = shapely.transform(geom, lambda xy: np.column_stack([xy[:, 0], np.sin(np.radians(xy[:, 1]))]))
    c = shapely.get_coordinates(ea.centroid)[0]
    return shapely.Point(c[0], float(np.degrees(np.arcsin(c[1]))))


def country_point(geom):
    """``(point, source text)``: where a country sits when a report names only the country.

    GeoNames (and the corpora annotated with it, such as LGL) put a country at
    roughly the middle of its main landmass, not at its capital, so a reader
    scoring "Russia" expects a point near 60N 100E. The main landmass is the
    outline's largest polygon with the parts a river, lake or narrow strait
    cuts off from it (:func:`main_landmass`); the point is its centroid (by
    true area) when that centroid lies on it, and otherwise the point
    of the largest polygon nearest that centroid, set :data:`INSET` degrees
    inside the edge (a crescent such as Canada round Hudson Bay has its
    centroid outside); a polygon too thin for the inset gets its pole of
    inaccessibility (shapely ``polylabel``). Centroids are by true area
    (:func:`area_centroid`). Capitals stay as their own city rows.
    """
    from shapely.ops import nearest_points, polylabel

    main, land = main_landmass(geom)
    share = f"{land.area / geom.area:.0%} of the outline's area" if geom.area else "the outline"
    centroid = area_centroid(land)
    if land.contains(centroid):
        return centroid, f"point: centroid (by true area) of the outline's main landmass ({share})"
    # a crescent or an L (Canada round Hudson Bay, Vietnam, Somalia) has its centroid
    # outside: take the largest polygon's point nearest it, INSET degrees inside
    # the edge so that rounding cannot put it on the shore
    inner = main.buffer(-INSET)
    if not inner.is_empty:
        return (nearest_points(inner, centroid)[0],
                f"point: the point of the outline's largest polygon nearest the centroid (by true area) of its main "
                f"landmass ({share}), {INSET} deg inside the edge (the centroid lies outside)")
    return (polylabel(main, tolerance=0.001),
            f"point: pole of inaccessibility of the outline's largest polygon ({share}; too small "
            f"for a {INSET} deg inset, and its centroid lies outside)")


def _pt(rec):
    return Point(rec["longitude"], rec["latitude"])
