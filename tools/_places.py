"""GeoNames populated places: every cities500 place of Syria and Iraq, world cities, US states."""

from __future__ import annotations

from _sources import clean_aliases, geonames, gnc_label

# Kind by population (GeoNames population field; 0 means unknown and counts as a village).
CITY_MIN = 100_000
TOWN_MIN = 10_000

# Countries covered in full from cities500; the rest of the world from WORLD_TABLE.
FULL_COUNTRIES = ("SY", "IQ")
# cities15000 keeps every place of 15,000+ people: that is the smallest GeoNames
# extract holding the secondary cities reports name for context (Alexandria,
# Louisiana: 47,889; El Fasher: 252,609) while keeping the CSV a few MB.
WORLD_TABLE = "cities15000"
# World cities of WORLD_BIG+ people keep every usable alternate name (their
# exonyms are in print: Kiev, Kharkov, Moskva); smaller ones keep at most
# WORLD_ALIAS_LIMIT spellings, those closest to the name first.
WORLD_BIG = 1_000_000
WORLD_ALIAS_LIMIT = 6


def kind_for(population: int) -> str:
    if population >= CITY_MIN:
        return "city"
    if population >= TOWN_MIN:
        return "town"
    return "village"


def us_state_codes():
    return {s["code"] for s in geonames("us_states")}


def place_rows(*, province_of):
    """Rows for GeoNames places.

    ``province_of(record)`` returns the parent id for a Syrian/Iraqi record
    (its ISO 3166-2 province) or None.
    """
    states = us_state_codes()
    rows = []
    seen = set()
    for table, countries in (("cities500", FULL_COUNTRIES), (WORLD_TABLE, None)):
        for rec in geonames(table):
            cc = rec["countrycode"]
            if countries is not None and cc not in countries:
                continue
            if countries is None and cc in FULL_COUNTRIES:
                continue
            gid = rec["geonameid"]
            if gid in seen:
                continue
            seen.add(gid)
            pop = int(rec.get("population") or 0)
            if cc in FULL_COUNTRIES:
                parent = province_of(rec) or f"country:{cc}"
                aliases = clean_aliases(rec["name"], rec["alternatenames"])
            else:
                a1 = rec.get("admin1code") or ""
                parent = f"US-{a1}" if cc == "US" and a1 in states else f"country:{cc}"
                limit = None if pop >= WORLD_BIG else WORLD_ALIAS_LIMIT
                aliases = clean_aliases(rec["name"], rec["alternatenames"], limit=limit)
            rows.append(dict(
                id=f"geonames:{gid}", name=rec["name"], aliases=aliases, kind=kind_for(pop),
                country=cc, parent=parent, lat=rec["latitude"], lon=rec["longitude"], wkt=None,
                population=pop,
                source=f"GeoNames {gid} ({gnc_label(table)})",
            ))
    return rows
