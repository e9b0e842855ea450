"""The ``geomap`` command line: demo, extract, map, gazetteer lookup/validate.

Exit codes: 0 success, 1 failure (nothing readable, a geomap error while
running), 2 usage error (bad arguments, a missing input file, an unknown
output extension, a CSV without its text column). Messages are one line on
stderr naming the file and the fix; results go to files, and a closing
summary (documents read, skipped with reasons, events located/unlocated)
goes to stderr unless ``--quiet``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ._cli_report import PROG, ProgressBar, err, say, summary
from ._cli_run import (
    UsageError, assets_available, check_output, load_gazetteer, pipeline, samples, write_events, write_map,
)
from .errors import GeomapError

__all__ = ["main", "build_parser", "ProgressBar"]

DEMO_OUTPUT = "geomap-demo.html"


# ---------------------------------------------------------------- parser


def _add_input_options(p):
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt .md .html .jsonl .csv), folders (read recursively) or - for stdin")
    g = p.add_argument_group("input columns (JSON Lines and CSV)")
    for name, default in (("text", "text"), ("id", "id"), ("title", "title"), ("date", "date"),
                          ("url", "url"), ("outlet", "outlet")):
        g.add_argument(f"--{name}-column", default=default, metavar="COLUMN",
                       help=f"field holding the {name} (default: {default})")
    g.add_argument("--no-recursive", dest="recursive", action="store_false",
                   help="read only the top level of folders")


def _add_run_options(p, *, title=True):
    p.add_argument("--gazetteer", action="append", default=[], metavar="CSV",
                   help="your own places CSV stacked on the bundled gazetteer (repeatable)")
    p.add_argument("--lexicon", metavar="FOLDER",
                   help="folder with your own actors.csv, actions.csv and sides.csv (edited copies of data/'s)")
    p.add_argument("--world", action="store_true", help="also use the world-scale gazetteer")
    p.add_argument("--geocoder", metavar="NAME",
                   help="opt-in online fallback for unknown names (e.g. nominatim); off by default")
    p.add_argument("--offline", action="store_true",
                   help="self-contained map: inline Leaflet from GEOMAP_ASSETS or node_modules/")
    if title:
        p.add_argument("--title", help="map title")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")


def build_parser():
    """Return the ``argparse`` parser of the ``geomap`` command."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn news reports into a map of who did what, where.",
        epilog="Run `geomap COMMAND --help` for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", help="map the bundled sample reports (writes geomap-demo.html)",
                       description="Run the whole pipeline on the bundled sample reports and write an HTML map. "
                                   "The map is self-contained (offline) when the Leaflet assets are installed "
                                   "(npm install), otherwise it loads them from a CDN.")
    p.add_argument("-o", "--output", default=DEMO_OUTPUT, metavar="HTML",
                   help=f"where to write the map (default: ./{DEMO_OUTPUT})")
    p.add_argument("--events", metavar="OUT", help="also write the events (.geojson .gpkg .csv .parquet)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--offline", dest="offline", action="store_true", default=None,
                      help="require a self-contained map (fails when the assets are missing)")
    mode.add_argument("--online", dest="offline", action="store_false",
                      help="link Leaflet from a CDN and show web map tiles")
    p.add_argument("--title", default="geomap demo: sample reports", help="map title")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")

    p = sub.add_parser("extract", help="extract events to .geojson/.gpkg/.csv/.parquet",
                       description="Read reports and write one row per reported action.")
    _add_input_options(p)
    p.add_argument("-o", "--output", default="-", metavar="OUT",
                   help="events file by extension: .geojson .gpkg .csv .parquet (default: GeoJSON to stdout)")
    p.add_argument("--map", metavar="HTML", help="also write an HTML map")
    _add_run_options(p)

    p = sub.add_parser("map", help="extract events and write an interactive HTML map",
                       description="Read reports, extract events and write an HTML map.")
    _add_input_options(p)
    p.add_argument("-o", "--output", required=True, metavar="HTML", help="map file (.html)")
    p.add_argument("--events", metavar="OUT", help="also write the events (.geojson .gpkg .csv .parquet)")
    _add_run_options(p)

    p = sub.add_parser("gazetteer", help="look up or validate places",
                       description="Query the gazetteer or check a places CSV.")
    gsub = p.add_subparsers(dest="gazetteer_command", metavar="ACTION")
    q = gsub.add_parser("lookup", help="ranked candidates for a place name")
    q.add_argument("name", help="place name as written in a report")
    q.add_argument("--context", metavar="TEXT", help="article text that helps pick the right place")
    q.add_argument("--country", metavar="CC", help="ISO 3166-1 alpha-2 code to restrict to")
    q.add_argument("--kind", action="append", metavar="KIND", help="restrict to a kind (repeatable)")
    q.add_argument("-n", "--limit", type=int, default=10, help="how many candidates to show (default 10)")
    q.add_argument("--gazetteer", action="append", default=[], metavar="CSV",
                   help="your own places CSV stacked on the bundled gazetteer")
    q.add_argument("--world", action="store_true", help="also use the world-scale gazetteer")
    q.add_argument("--json", action="store_true", help="print JSON instead of a table")
    v = gsub.add_parser("validate", help="check a places CSV (default: the bundled one)")
    v.add_argument("file", nargs="?", metavar="FILE", help="CSV to check (default: data/gazetteer.csv)")
    return parser


# ---------------------------------------------------------------- commands


def cmd_extract(args):
    check_output(args.output, kind="events")
    if args.map:
        check_output(args.map, kind="map")
    read, gaz, events = pipeline(args)
    summary(args, read, events)
    write_events(events, args.output, args)
    if args.map:
        write_map(events, args.map, args, offline=args.offline, gazetteer=gaz)
        say(args, f"{PROG}: wrote map {args.map}")
    return 0


def cmd_map(args):
    check_output(args.output, kind="map")
    if args.events:
        check_output(args.events, kind="events")
    read, gaz, events = pipeline(args)
    if args.title is None:
        args.title = f"geomap: {len(events)} events from {len(read.documents)} reports"
    summary(args, read, events)
    write_map(events, args.output, args, offline=args.offline, gazetteer=gaz)
    say(args, f"{PROG}: wrote map {args.output}")
    if args.events:
        write_events(events, args.events, args)
    return 0


def cmd_demo(args):
    check_output(args.output, kind="map")
    if args.events:
        check_output(args.events, kind="events")
    sample = samples()
    run = argparse.Namespace(
        paths=[str(sample)], text_column="text", id_column="id", title_column="title",
        date_column="date", url_column="url", outlet_column="outlet", recursive=True,
        gazetteer=[], lexicon=None, world=False, geocoder=None, quiet=args.quiet, title=args.title,
    )
    read, gaz, events = pipeline(run)
    summary(run, read, events)
    # Self-contained when we can (it opens anywhere, even with no network);
    # --online / --offline override the choice.
    offline = args.offline if args.offline is not None else assets_available()
    write_map(events, args.output, run, offline=offline, gazetteer=gaz)
    if args.events:
        write_events(events, args.events, run)
    mode = "self-contained, works offline" if offline else "loads Leaflet and map tiles from the web"
    print(f"wrote {Path(args.output).resolve()} ({len(events)} events from {len(read.documents)} "
          f"sample reports; {mode}); open it in a web browser")
    return 0


def cmd_gazetteer_lookup(args):
    import json

    gaz = load_gazetteer(args)
    kinds = set(args.kind) if args.kind else None
    if kinds and len(kinds) == 1:
        kinds = next(iter(kinds))
    places = gaz.candidates(args.name, context=args.context, country=args.country, kind=kinds)
    places = list(places)[: max(args.limit, 1)]
    if not places:
        err(f"no place called {args.name!r} in the gazetteer; add it to your own CSV and pass --gazetteer CSV "
            "(see README, 'Adding places, actors and actions')")
        return 1
    rows = [
        {"rank": i, "id": p.id, "name": p.name, "kind": p.kind, "country": p.country or "",
         "lat": round(float(p.lat), 5), "lon": round(float(p.lon), 5), "score": round(float(p.score), 3),
         "why": "; ".join(p.why)}
        for i, p in enumerate(places, start=1)
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    cols = ["rank", "id", "name", "kind", "country", "lat", "lon", "score", "why"]
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in cols[:-1]}
    print("  ".join(c.ljust(widths[c]) for c in cols[:-1]) + "  why")
    for r in rows:
        print("  ".join(str(r[c]).ljust(widths[c]) for c in cols[:-1]) + "  " + r["why"])
    return 0


def cmd_gazetteer_validate(args):
    import csv

    from .gazetteer import validate_csv

    if args.file:
        path = Path(args.file)
        if not path.is_file():
            raise UsageError(f"{path}: no such file; give the path of a gazetteer CSV")
    else:
        from ._paths import data_dir

        path = data_dir() / "gazetteer.csv"
    validate_csv(path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = sum(1 for _ in csv.DictReader(fh))
    print(f"OK {path}: {rows} rows")
    return 0


# ---------------------------------------------------------------- main


def main(argv=None):
    """Run the ``geomap`` command line and return its exit code.

    Parameters
    ----------
    argv : list of str, optional
        Arguments without the program name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 success, 1 failure, 2 usage error.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "gazetteer":
        handler = {"lookup": cmd_gazetteer_lookup, "validate": cmd_gazetteer_validate}.get(args.gazetteer_command)
        if handler is None:
            err("say what to do: `geomap gazetteer lookup NAME` or `geomap gazetteer validate [FILE]`")
            return 2
    else:
        handler = {"demo": cmd_demo, "extract": cmd_extract, "map": cmd_map}[args.command]
    try:
        return handler(args)
    except UsageError as exc:
        err(str(exc))
        return 2
    except GeomapError as exc:
        err(str(exc))
        return 1
    except KeyboardInterrupt:
        err("interrupted; no output was left half-written")
        return 130
    except BrokenPipeError:
        # the reader of our stdout went away (`| head`): not an error
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("geomap"):
            err(f"this geomap checkout lacks {exc.name}; update it (the pipeline is still being built)")
            return 1
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
