"""GeoNames populated places: cities500 of Syria, Iraq and the war zones news covers densely; world cities."""

from __future__ import annotations

import math
import re

from _sources import clean_aliases, geonames, gnc_label
from geomap.world import DUPLICATES

# Kind by population (GeoNames population field; 0 means unknown and counts as a village).
CITY_MIN = 100_000
TOWN_MIN = 10_000

# Countries covered in full from cities500 with every usable alternate name.
FULL_COUNTRIES = ("SY", "IQ")
# Countries with active wars whose reports name villages (front lines, raids,
# displacement camps): every cities500 place, fewer aliases to fit the 8.5 MB
# budget.  Ukraine; Sudan and South Sudan; Israel, Palestine, Lebanon, Yemen;
# the Sahel (Mali, Burkina Faso, Niger); Somalia, DR Congo, Libya.
WAR_COUNTRIES = ("UA", "SD", "SS", "IL", "PS", "LB", "YE", "ML", "BF", "NE", "SO", "CD", "LY",
                 # the other wars data/actors.csv covers: Myanmar, Ethiopia, Nigeria and
                 # Cameroon, Mozambique, Haiti, Afghanistan and Pakistan, Colombia
                 "MM", "ET", "NG", "CM", "MZ", "HT", "AF", "PK", "CO")
# Countries whose first-level subdivisions are rows (tools/_areas.py for SY, IQ,
# UA and SD; tools/_regions.py for the rest): the war countries, and Russia,
# whose regions far from the front are struck by drones ("the Samara region").
THEATRES = FULL_COUNTRIES + WAR_COUNTRIES + ("RU",)
# Russian regions on the Ukrainian border that the war reaches (Kursk incursion,
# shelling of Belgorod and Bryansk): GeoNames admin1 codes, evidence their
# capitals Kursk (41), Belgorod (09), Bryansk (10); the build checks them.
WAR_ADMIN1 = {("RU", "41"): "Kursk", ("RU", "09"): "Belgorod", ("RU", "10"): "Bryansk"}
# Aliases kept per war-zone place: towns keep more spellings than villages,
# whose alternate names are mostly other languages' romanisations.
WAR_TOWN_ALIASES = 8
WAR_VILLAGE_ALIASES = 3
# cities15000 keeps every place of 15,000+ people: that is the smallest GeoNames
# extract holding the secondary cities reports name for context (Alexandria,
# Louisiana: 47,889; El Fasher: 252,609) while keeping the CSV a few MB.
WORLD_TABLE = "cities15000"
# World cities of WORLD_BIG+ people keep every usable alternate name (their
# exonyms are in print: Kiev, Kharkov, Moskva); smaller ones keep at most
# WORLD_ALIAS_LIMIT spellings, ranked by _sources.english_likeness.
WORLD_BIG = 1_000_000
WORLD_ALIAS_LIMIT = 6

# Spellings English-language news agencies use that GeoNames lacks, by
# geonameid.  Zaporizhia: the AP and Reuters spelling of Zaporizhzhia;
# Washington: "Washington, D.C." and "D.C." (AP style) and "DC".
ENGLISH_USAGE = {
    687700: ["Zaporizhia", "Zaporozhye", "Zaporizhzhia"],
    4140963: ["Washington, D.C.", "Washington D.C.", "Washington DC", "D.C.", "DC"],
    # Eilat under the name the Houthis' statements (and the reports quoting them) use
    295277: ["Umm al-Rashrash", "Umm Rashrash"],
    # Kyaukpyu (Rakhine State, Myanmar) in the spelling of most reports; the
    # Wikipedia article 'Kyaukpyu' gives it ("also spelt Kyaukphyu")
    1316752: ["Kyaukphyu"],
}
# A duplicate (geomap.world.DUPLICATES) is left out only when it lies this close
# to the record kept, in the same country and admin1; otherwise the build stops.
DUPLICATE_MAX_KM = 5.0


def kind_for(population: int) -> str:
    if population >= CITY_MIN:
        return "city"
    if population >= TOWN_MIN:
        return "town"
    return "village"


def us_state_codes():
    return {s["code"] for s in geonames("us_states")}


_CONS = "bcdfghklmnpqrstvwxz"


def ua_national(name: str) -> str:
    """Ukraine's national romanisation (KMU 2010) of a GeoNames BGN/PCGN-style name.

    GeoNames writes Ukrainian places in the older BGN/PCGN system (Vinnytsya,
    Kryvyy Rih, Mykolayiv, Kam'yanets'); Ukrainian authorities and most
    English-language news since 2022 use the national system (Vinnytsia, Kryvyi
    Rih, Mykolaiv, Kamianets).  The differences are regular: the soft sign
    (apostrophe) is dropped, "ya/yu/ye" after a consonant become "ia/iu/ie",
    a word-final "yy" becomes "yi", "yi" after a vowel becomes "i", and "y"
    (й) after a vowel and before a consonant or the word's end becomes "i".
    """
    s = re.sub(r"['’ʼ]", "", name)
    s = re.sub(rf"(?<=[{_CONS}])y([aeu])", r"i\1", s, flags=re.I)
    s = re.sub(r"yy\b", "yi", s)
    s = re.sub(r"(?<=[aeiou])yi", "i", s)
    s = re.sub(rf"(?<=[aeiou])y(?=[{_CONS}]|\b)", "i", s)
    return s


def _check_war_admin1():
    for (cc, a1), capital in WAR_ADMIN1.items():
        if not any(r["countrycode"] == cc and r.get("admin1code") == a1 and r["name"] == capital
                   for r in geonames("cities500")):
            raise SystemExit(f"tools/_places.py WAR_ADMIN1[{(cc, a1)!r}]: no cities500 place {capital!r} "
                             f"with admin1 {a1}; fix the table")


def _coverage(rec):
    """'full', 'war' or None (world table only) for a cities500 record."""
    cc = rec["countrycode"]
    if cc in FULL_COUNTRIES:
        return "full"
    if cc in WAR_COUNTRIES or (cc, rec.get("admin1code") or "") in WAR_ADMIN1:
        return "war"
    return None


def _km(a, b):
    p1, p2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b["longitude"] - a["longitude"]) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(h))


def duplicate_notes():
    """``{kept geonameid: source note}`` for the pairs of DUPLICATES, each checked.

    The build stops when a pair is not two cities500 records of one country and
    admin1 within DUPLICATE_MAX_KM, or when the kept record is itself dropped.
    """
    recs = {r["geonameid"]: r for r in geonames("cities500")}
    notes = {}
    for gone, (kept, _names, why) in sorted(DUPLICATES.items()):
        a, b = recs.get(gone), recs.get(kept)
        if a is None or b is None or kept in DUPLICATES:
            raise SystemExit(f"geomap/world.py DUPLICATES[{gone}]: {gone} and {kept} must both be cities500 "
                             "records, and the kept one no duplicate; fix the table")
        d = _km(a, b)
        if (a["countrycode"], a.get("admin1code")) != (b["countrycode"], b.get("admin1code")) or d > DUPLICATE_MAX_KM:
            raise SystemExit(f"geomap/world.py DUPLICATES[{gone}]: {a['name']!r} is {d:.1f} km from {b['name']!r} "
                             f"or in another admin1; not a duplicate by the rule; fix the table")
        notes[kept] = (f"; GeoNames {gone} ({a['name']!r}, {d:.1f} km away) is a duplicate record of this place "
                       f"and is left out (geomap/world.py DUPLICATES: {why})")
    return notes


def _aliases(rec, coverage, pop):
    name, alts = rec["name"], rec["alternatenames"]
    keep = list(ENGLISH_USAGE.get(rec["geonameid"], []))
    keep += [n for kept, names, _ in DUPLICATES.values() if kept == rec["geonameid"] for n in names]
    if rec["countrycode"] == "UA":
        keep.append(ua_national(name))
    if coverage == "full":
        return clean_aliases(name, alts, keep=keep)
    if coverage == "war":
        limit = WAR_TOWN_ALIASES if pop >= TOWN_MIN else WAR_VILLAGE_ALIASES
    else:
        limit = None if pop >= WORLD_BIG else WORLD_ALIAS_LIMIT
    if limit is not None:
        limit += len(keep)
    return clean_aliases(name, alts, limit=limit, keep=keep)


def place_rows(*, province_of):
    """Rows for GeoNames places.

    ``province_of(record)`` returns the parent id (an ISO 3166-2 province) of a
    record of a country with derived provinces, or None.
    """
    _check_war_admin1()
    dup_notes = duplicate_notes()
    states = us_state_codes()
    rows = []
    seen = set(DUPLICATES)
    for table in ("cities500", WORLD_TABLE):
        for rec in geonames(table):
            coverage = _coverage(rec)
            if (table == "cities500") != (coverage is not None):
                continue
            gid = rec["geonameid"]
            if gid in seen:
                continue
            seen.add(gid)
            cc = rec["countrycode"]
            pop = int(rec.get("population") or 0)
            a1 = rec.get("admin1code") or ""
            if cc == "US" and a1 in states:
                parent = f"US-{a1}"
            else:
                parent = province_of(rec) or f"country:{cc}"
            rows.append(dict(
                id=f"geonames:{gid}", name=rec["name"], aliases=_aliases(rec, coverage, pop),
                kind=kind_for(pop), country=cc, parent=parent, lat=rec["latitude"], lon=rec["longitude"],
                wkt=None, population=pop,
                # the geonameid is in the id; the package version is in data/README.md
                source=f"GeoNames {table}" + dup_notes.get(gid, ""),
            ))
    return rows
