"""First-level subdivisions of the conflict theatres beyond Syria, Iraq, Ukraine and Sudan.

Reports from the Sahel, Myanmar or Russia name regions as often as towns ("the
Kayes region", "Rakhine State", "the Samara region").  The GeoNames admin1
code of each cities500 place is joined to its ISO 3166-2 subdivision by
:func:`geomap.world.admin1_iso_map` (the same evidence as the world table:
equal codes, a namesake place, or a capital from ``geomap.world.CAPITALS``),
so a subdivision without evidence is left out rather than guessed.  Names:
:func:`geomap.world.english_name`.  Polygons are derived as for the curated
provinces (:func:`_areas.voronoi_admin1`): Voronoi cells of the country's
places merged by admin1 and clipped to the country's outline.
"""

from __future__ import annotations

import collections
import re

from _areas import ADMIN1, voronoi_admin1
from _countries import country_point
from _places import THEATRES
from _sources import clean_aliases, geonames, gnc_label
from geomap.world import _DIRECTIONS

# The words news puts after a subdivision's name, by its English type word.
SUFFIXES = {"Region": ("region", "province"), "State": ("state",), "Oblast": ("oblast", "region"),
            "Krai": ("krai", "region"), "Republic": ("republic",), "Governorate": ("governorate", "province"),
            "Department": ("department", "province"), "District": ("district",)}
_TYPE_WORDS = ("Region", "State", "Oblast", "Krai", "Republic", "Union Territory", "Autonomous Okrug",
               "Governorate", "Department", "District")
# Stems made only of these words ("South", "Far North") take no suffix forms.
DIRECTIONS = _DIRECTIONS | {"centre"}
# A bare subdivision name that is also an English word ("Chin", "Mon", "Centre")
# is no alias: wordfreq's Zipf threshold of the matcher's stop list.
COMMON_ZIPF = 3.0
# wordfreq scores a phrase by its words, so proper two-word names score as common
# ("Upper Nile" 3.61, "North Gaza" 3.9); a phrase is no alias only when it is an
# everyday phrase ("Far North" 5.11, "Cross River" 4.71: "the far north of the country").
COMMON_PHRASE_ZIPF = 4.0


def theatre_countries():
    """Theatres whose subdivisions this module derives (not those of ``_areas.ADMIN1``)."""
    return tuple(cc for cc in THEATRES if cc not in ADMIN1)


_JOIN = {}


def theatre_join():
    """``(country, admin1) -> (iso, iso_name, evidence, place)`` for the theatre countries."""
    if not _JOIN:
        from geomap.world import admin1_iso_map

        ccs = set(theatre_countries())
        _JOIN.update(admin1_iso_map([r for r in geonames("cities500") if r["countrycode"] in ccs]))
    return _JOIN


def theatre_province_of(rec):
    hit = theatre_join().get((rec["countrycode"], rec.get("admin1code") or ""))
    return hit[0] if hit else None


def _zipf():
    try:
        import wordfreq
    except ImportError:  # no frequencies: no bare names at all, the safe side
        return lambda w: 99.0
    return lambda w: wordfreq.zipf_frequency(w, "en", wordlist="small")


def _fold(s):
    from geomap.normalize import normalize_name

    return normalize_name(s)


def theatre_province_rows(rows, *, outlines=None, simplify=0.01):
    """Rows (kind ``province``) for the joined subdivisions of :func:`theatre_countries`.

    ``rows`` are the rows built so far: a bare name ("Rakhine") becomes an
    alias only when none of them has that name already ("Kayes" stays the city).
    """
    import pycountry
    from geomap.world import english_name

    outlines = outlines or {}
    taken = set()
    for r in rows:
        taken.add(_fold(r["name"]))
        taken.update(_fold(a) for a in r.get("aliases") or [])
    zipf = _zipf()
    join = theatre_join()
    out = []
    for cc in theatre_countries():
        recs = [r for r in geonames("cities500") if r["countrycode"] == cc]
        keyed = {a1: v for (c, a1), v in join.items() if c == cc}
        groups = collections.defaultdict(list)
        for r in recs:
            groups[r.get("admin1code") or ""].append(r)
        cells = {}
        if cc in outlines:
            # places of unjoined admin1 codes vote too, so that their land is not
            # given to a neighbouring subdivision
            pts = [(r["longitude"], r["latitude"], keyed[r.get("admin1code")][0] if r.get("admin1code") in keyed
                    else f"?{r.get('admin1code')}") for r in recs]
            cells = voronoi_admin1(pts, outlines[cc][0])
        per_iso = collections.defaultdict(list)
        for a1, v in keyed.items():
            per_iso[v[0]].append((a1, v))
        for iso in sorted(per_iso):
            a1s = sorted(a1 for a1, _ in per_iso[iso])
            _, iso_name, evidence, place = per_iso[iso][0][1]
            sub = pycountry.subdivisions.get(code=iso)
            name, other = english_name(iso, sub.name, sub.type, place)
            tword = next((w for w in ("Region", "State", "Department") if sub.type == w), None)
            if tword and not name.endswith(tword):
                # "Kayes" -> "Kayes Region", "Shan" -> "Shan State", "Cauca" -> "Cauca Department"
                name = f"{name} {tword}"
            word = next((w for w in _TYPE_WORDS if name.endswith(" " + w)), None)
            base = name[: -len(word) - 1] if word else name
            forms = list(other)
            stems = [base, re.sub(r"\s*\[[^]]*\]", "", sub.name).strip()]
            stems += [o.rsplit(" ", 1)[0] for o in other if o.rsplit(" ", 1)[-1] in _TYPE_WORDS]
            for stem in dict.fromkeys(stems):
                if all(w in DIRECTIONS for w in stem.lower().replace("-", " ").split()):
                    continue  # "South province", "East province": any country's, no alias of one
                for suf in SUFFIXES.get(word, ()):
                    forms += [f"{stem} {suf}", f"{stem} {suf.capitalize()}"]
            for bare in dict.fromkeys([base, stems[1]]):
                if bare != name and _fold(bare) not in taken and zipf(bare.lower()) < (
                        COMMON_PHRASE_ZIPF if " " in bare else COMMON_ZIPF):
                    forms.append(bare)
            members = [r for a1 in a1s for r in groups[a1]]
            row = dict(id=iso, name=name, aliases=clean_aliases(name, forms), kind="province", country=cc,
                       parent=f"country:{cc}", wkt=None,
                       population=sum(int(r["population"] or 0) for r in members))
            names = (f"names: pycountry {iso} ({sub.name}), English name and forms by geomap.world.english_name; "
                     f"GeoNames admin1 {cc}.{'+'.join(a1s)} ({evidence})")
            if iso in cells:
                # coarser for large areas (as country outlines): the Voronoi edge is
                # tens of km off there anyway
                area = cells[iso].area
                poly = cells[iso].simplify(simplify * (8 if area > 100 else 4 if area > 10 else 2 if area > 1 else 1))
                pt, how = country_point(poly)
                row.update(lat=pt.y, lon=pt.x, wkt=poly)
                # the outline's own provenance is in the source of row country:{cc}
                row["source"] = (f"{names}; polygon derived: Voronoi cells of {len(members)} GeoNames places "
                                 f"({gnc_label('cities500')}) merged by admin1, clipped to the outline of "
                                 f"country:{cc} (derived; see that row's source) and simplified to 0.01-0.08 deg "
                                 f"by size; {how}")
            else:
                from geomap.world import _weighted_centroid

                la, lo = _weighted_centroid([r["latitude"] for r in members], [r["longitude"] for r in members],
                                            [1] * len(members))
                row.update(lat=la, lon=lo)
                row["source"] = f"{names}; point: centroid of its {len(members)} cities500 places; no polygon"
            taken.add(_fold(name))
            taken.update(_fold(a) for a in row["aliases"])
            out.append(row)
    return out
