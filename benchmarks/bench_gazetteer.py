"""Gazetteer load time, memory, resolves/s and scans/s.

Usage::

    .venv/bin/python benchmarks/bench_gazetteer.py [--csv data/gazetteer.csv] [--runs 5] [--world]
    .venv/bin/python benchmarks/bench_gazetteer.py --scan-only   # matcher CPU time only

Load is measured in fresh subprocesses (median of ``--runs``), from ``python``
start-up to the first resolved name, twice: with an empty index cache (the
first run after the CSV changed) and with the cache that run leaves behind.
Peak RSS is the subprocess's ``ru_maxrss``. Throughput is measured in-process,
in CPU time.

The matcher is timed in CPU time (``time.process_time``, so other processes on
a shared machine do not count) on two workloads: the wire paragraph below,
and distinct generated ~600-word reports (``bench_extract.corpus``: sentence
templates filled with real town names), cased and lowercased, each text
scanned once per round so caches keyed by whole texts cannot help.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# our own text (not from any article): a paragraph of wire-style copy
TEXT = (
    "DEIR EZ-ZOR, Syria (Wire) - Government troops pushed east of Deir Ezzor on Monday "
    "while U.S.-backed fighters held the east bank of the Euphrates near al-Mayadin, a "
    "monitor said. Police in Mobile said nothing. Officials in Washington and Moscow "
    "traded warnings, and the Pentagon said talks in Doha would resume. In Raqqa province, "
    "residents of Raqqa reported shelling; aid groups in Gaza, Khartoum and El Fasher "
    "appealed for access. Ukraine said strikes hit Kharkiv and Kyiv overnight, and Baghdad "
    "denied that its forces had crossed into Syria near Abu Kamal. "
) * 3

NAMES = ["Deir ez-Zour", "Deir al-Zor", "deir ezzor", "Raqqa", "Raqqa province", "Euphrates",
         "Washington", "Moscow", "Baghdad", "Doha", "Kyiv", "Kharkiv", "Khartoum",
         "El Fasher", "Gaza", "Alexandria", "Springfield", "Georgia", "U.S.", "Atlantis"]

CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from geomap.gazetteer import Gazetteer
gaz = Gazetteer.from_csv(sys.argv[1])
t1 = time.perf_counter()
gaz.resolve("Baghdad")
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "first": t2 - t0,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


WORLD_CHILD = """
import json, resource, time
t0 = time.perf_counter()
from geomap.gazetteer import Gazetteer
gaz = Gazetteer.default(world=True)
gaz.resolve("Alexandria", context="Flooding hit Alexandria, Louisiana.")
print(json.dumps({"first": time.perf_counter() - t0, "rows": len(gaz),
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def world_runs(runs):
    """Warm starts of ``Gazetteer.default(world=True)`` (the first run fills the caches)."""
    out = []
    for _ in range(runs + 1):
        done = subprocess.run([sys.executable, "-c", WORLD_CHILD], check=True,
                              capture_output=True, text=True)
        out.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {k: statistics.median(r[k] for r in out[1:]) for k in out[0]}


def cold_runs(csv_path, runs, *, warm):
    out = []
    with tempfile.TemporaryDirectory() as cache:
        for _ in range(runs):
            env_cache = cache if warm else tempfile.mkdtemp()
            env = {"GEOMAP_CACHE": env_cache, "PATH": "/usr/bin:/bin"}
            if warm and not out:
                subprocess.run([sys.executable, "-c", CHILD, str(csv_path)], env=env,
                               check=True, capture_output=True)
            done = subprocess.run([sys.executable, "-c", CHILD, str(csv_path)], env=env,
                                  check=True, capture_output=True, text=True)
            out.append(json.loads(done.stdout))
    return {k: statistics.median(r[k] for r in out) for k in out[0]}


def rate(fn, items, *, seconds=2.0):
    """Calls per second of CPU time (other processes on a shared machine do not count)."""
    n, t0 = 0, time.process_time()
    while time.process_time() - t0 < seconds:
        for item in items:
            fn(item)
        n += len(items)
    return n / (time.process_time() - t0)


def cpu_per_call(fn, items, *, rounds=5):
    """Median CPU seconds per call of ``fn`` over ``items`` (one round = each item once)."""
    fn(items[0])  # build lazily loaded tables outside the timing
    per = []
    for _ in range(rounds):
        t0 = time.process_time()
        for item in items:
            fn(item)
        per.append((time.process_time() - t0) / len(items))
    return statistics.median(per)


def scan_rows(gaz, *, n_reports=200):
    """Rows of the matcher's CPU timings (ms per scan and scans/s)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_extract import corpus

    reports = [t for _, t in corpus(gaz, n_reports, words=600, seed=7)]
    chars = sum(map(len, reports)) / len(reports)
    rows = []
    for label, items, note in (
        ("scan, wire paragraph", [TEXT], f"{len(TEXT):,} chars, same text each call"),
        ("scan, 600-word reports", reports, f"{len(reports)} distinct reports, {chars:,.0f} chars"),
        ("scan, 600-word reports lowercased", [r.lower() for r in reports], "no case to go by"),
    ):
        sec = cpu_per_call(gaz.matcher.scan, items)
        rows.append((f"{label} (CPU)", f"{1000 * sec:.2f} ms", f"{1 / sec:,.0f} scans/s; {note}"))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", default=str(ROOT / "data" / "gazetteer.csv"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--world", action="store_true",
                        help="also time Gazetteer.default(world=True) (derives the world table once)")
    parser.add_argument("--scan-only", action="store_true", help="only the matcher's CPU timings")
    args = parser.parse_args(argv)

    from geomap.gazetteer import Gazetteer

    if args.scan_only:
        gaz = Gazetteer.from_csv(args.csv)
        gaz.matcher  # build outside the timings
        rows = scan_rows(gaz)
        width = max(len(r[0]) for r in rows)
        print(f"matcher benchmark: {args.csv}")
        for label, value, note in rows:
            print(f"  {label:<{width}}  {value:>10}  {note}")
        return

    cold = cold_runs(args.csv, args.runs, warm=False)
    warm = cold_runs(args.csv, args.runs, warm=True)
    gaz = Gazetteer.from_csv(args.csv)
    gaz.matcher  # build outside the timings
    rows = [
        ("rows", f"{len(gaz):,}", ""),
        ("name keys", f"{len(gaz.index):,}", ""),
        ("load, empty index cache (median)", f"{cold['load']:.2f} s", "process start -> table read"),
        ("first resolve, empty index cache", f"{cold['first']:.2f} s", "includes building the index"),
        ("peak RSS, empty index cache", f"{cold['rss']:.0f} MB", ""),
        ("first resolve, warm index cache", f"{warm['first']:.2f} s", "target < 1 s"),
        ("peak RSS, warm index cache", f"{warm['rss']:.0f} MB", "target < 400 MB"),
        ("resolves/s, bare names", f"{rate(gaz.resolve, NAMES):,.0f}", "target 10,000+"),
        ("resolves/s, with context text", f"{rate(lambda n: gaz.resolve(n, context=TEXT), NAMES):,.0f}", "context scanned once, cached"),
        *scan_rows(gaz),
    ]
    if args.world:
        world = world_runs(args.runs)
        rows += [
            ("world rows", f"{world['rows']:,.0f}", "Gazetteer.default(world=True)"),
            ("world first resolve, warm (median)", f"{world['first']:.2f} s", "target < 1 s"),
            ("world peak RSS, warm", f"{world['rss']:.0f} MB", "target < 400 MB"),
        ]
    width = max(len(r[0]) for r in rows)
    print(f"gazetteer benchmark: {args.csv} (runs={args.runs})")
    for label, value, note in rows:
        print(f"  {label:<{width}}  {value:>12}  {note}")


if __name__ == "__main__":
    main()
