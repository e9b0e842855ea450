"""Load time and memory of the world-scale gazetteer (issue 6 targets: < 1 s, < 400 MB).

Each measurement runs in a fresh interpreter (so imports and caches count, as
they do for a user) and is repeated; the median is reported::

    python benchmarks/bench_world.py            # 3 runs each
    python benchmarks/bench_world.py --runs 5

Measured, from a warm world cache (derived first if missing):

* ``world frame``: ``geomap.world.load_world_frame()`` -- reading the cache;
* ``first resolve``: ``Gazetteer.default(world=True).resolve(...)`` -- the
  cache, the curated CSV stacked on it, the name index, the matcher (the
  context is scanned), one ranked answer;
* ``matcher build``: ``Matcher(gaz)`` alone, over an index already loaded
  (rows = index keys).

Wall and CPU seconds are both reported: the machine may be shared, and CPU
time is what another user's load does not inflate.

Peak RSS (``ru_maxrss``) is the whole process with everything loaded.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

PROBES = {
    "world frame": (
        "from geomap.world import load_world_frame\n"
        "frame = load_world_frame()\n"
        "extra = {'rows': len(frame)}\n"
    ),
    "first resolve": (
        "from geomap import Gazetteer\n"
        "gaz = Gazetteer.default(world=True)\n"
        "place = gaz.resolve('Alexandria', context='Alexandria, Louisiana')\n"
        "extra = {'rows': len(gaz), 'answer': place.id if place else None}\n"
    ),
    # the part of the first resolve that scans the context: building the
    # matcher's prefix table over the loaded index (the index load excluded)
    "matcher build": (
        "from geomap import Gazetteer\n"
        "from geomap.matcher import Matcher\n"
        "gaz = Gazetteer.default(world=True)\n"
        "index = gaz.index\n"
        "t0, c0 = time.perf_counter(), time.process_time()\n"
        "matcher = Matcher(gaz)\n"
        "extra = {'rows': len(index)}\n"
    ),
}

TEMPLATE = """
import json, resource, time
t0, c0 = time.perf_counter(), time.process_time()
{probe}
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(dict(seconds=seconds, cpu=cpu, rss_mb=rss_mb, **extra)))
"""


def run_probe(code, *, timeout=600):
    out = subprocess.run([sys.executable, "-c", TEMPLATE.format(probe=code)],
                         capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None):
    ap = argparse.ArgumentParser(description="world gazetteer load time and memory")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)

    from geomap.world import world_cache_path

    path = world_cache_path()
    if not path.exists():
        t0 = time.perf_counter()
        run_probe(PROBES["world frame"], timeout=1800)
        print(f"derived the world cache once in {time.perf_counter() - t0:.1f} s")
    print(f"cache {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"{'measurement':<15} {'median s':>9} {'median CPU s':>13} {'median RSS MB':>14} {'rows':>9}"
          f"  (runs: {args.runs})")
    for name, code in PROBES.items():
        try:
            results = [run_probe(code) for _ in range(args.runs)]
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            print(f"{name:<15} failed: {exc}")
            continue
        sec = statistics.median(r["seconds"] for r in results)
        cpu = statistics.median(r["cpu"] for r in results)
        rss = statistics.median(r["rss_mb"] for r in results)
        print(f"{name:<15} {sec:>9.2f} {cpu:>13.2f} {rss:>14.0f} {results[0]['rows']:>9,}")
    print("targets: < 1 s to first resolve, < 400 MB RSS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
