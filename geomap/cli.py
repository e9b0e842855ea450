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
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .errors import GeomapError, InputError, OutputError

__all__ = ["main", "build_parser", "ProgressBar"]

PROG = "geomap"
DEMO_OUTPUT = "geomap-demo.html"


class UsageError(GeomapError):
    """A command-line mistake: exit code 2."""


# ---------------------------------------------------------------- progress


class ProgressBar:
    """A one-line progress bar on stderr, drawn only on a terminal.

    Call it as ``bar(done, total)``, ``bar(done)`` or ``bar()`` (one more
    item done); extra arguments (such as the current document) are ignored,
    so it fits the ``progress=`` callback of :func:`geomap.extract_events`.
    """

    def __init__(self, total=None, *, label="extracting", stream=None, enabled=None):
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.total = total
        self.done = 0
        self.label = label
        self._last = 0.0
        self._drawn = False

    def __call__(self, *args, **kwargs):
        ints = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
        if ints:
            self.done = ints[0]
            if len(ints) > 1:
                self.total = ints[1]
        else:
            self.done += 1
        if "total" in kwargs and isinstance(kwargs["total"], int):
            self.total = kwargs["total"]
        self._draw()

    def _draw(self, force=False):
        if not self.enabled:
            return
        now = time.monotonic()
        finished = self.total is not None and self.done >= self.total
        if not (force or finished or now - self._last >= 0.1):
            return
        self._last = now
        if self.total:
            width = 30
            filled = min(width, int(width * self.done / self.total))
            bar = "#" * filled + "-" * (width - filled)
            line = f"\r{self.label} [{bar}] {self.done}/{self.total}"
        else:
            line = f"\r{self.label} {self.done}"
        self.stream.write(line)
        self.stream.flush()
        self._drawn = True

    def close(self):
        """Erase the bar so the summary starts on a clean line."""
        if self.enabled and self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()


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


# ---------------------------------------------------------------- helpers


def _err(message):
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _say(args, message):
    if not getattr(args, "quiet", False):
        print(message, file=sys.stderr)


def _check_inputs(paths):
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise UsageError(f"{p}: no such file or folder; check the path (use - to read standard input)")


def _check_output(path, *, kind):
    from .writers import output_format

    if kind == "events":
        if path == "-":
            return
        try:
            output_format(path)
        except OutputError as exc:
            raise UsageError(str(exc)) from None
    elif Path(path).suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"{path}: a map is an HTML page; name it with .html (e.g. map.html), "
                         "or use `geomap extract -o FILE.geojson` for data")


def _load_gazetteer(args):
    from .gazetteer import Gazetteer

    for extra in args.gazetteer:
        if not Path(extra).is_file():
            raise UsageError(f"{extra}: no such gazetteer CSV; check the --gazetteer path")
    kwargs = {}
    if getattr(args, "world", False):
        kwargs["world"] = True
    if getattr(args, "geocoder", None):
        kwargs["geocoder"] = args.geocoder
    try:
        gaz = Gazetteer.default(**kwargs)
    except TypeError as exc:
        # an older gazetteer without the world table or the online fallback
        flags = " ".join(f"--{k}" for k in kwargs)
        raise GeomapError(f"this gazetteer does not support {flags} ({exc}); update geomap or drop the option") from None
    for extra in args.gazetteer:
        gaz = Gazetteer.from_csv(extra, base=gaz)
    return gaz


def _read(args):
    from .io import read_documents

    paths = [a if a == "-" else Path(a) for a in args.paths]
    if "-" in paths and getattr(sys.stdin, "isatty", lambda: False)():
        _say(args, f"{PROG}: reading a report from standard input; end it with Ctrl-D")
    try:
        return read_documents(
            paths,
            text_column=args.text_column, id_column=args.id_column, title_column=args.title_column,
            date_column=args.date_column, url_column=args.url_column, outlet_column=args.outlet_column,
            recursive=args.recursive,
        )
    except InputError as exc:
        # a missing file or a CSV without its text column: the user must fix the call
        raise UsageError(str(exc)) from None


def _load_lexicon(args):
    folder = getattr(args, "lexicon", None)
    if not folder:
        return None
    folder = Path(folder)
    for name in ("actors.csv", "actions.csv", "sides.csv"):
        if not (folder / name).is_file():
            raise UsageError(f"{folder / name}: not found; --lexicon needs a folder with actors.csv, "
                             "actions.csv and sides.csv (copy them from geomap's data/ and edit)")
    from .extract.lexicon import Lexicon

    return Lexicon.from_files(folder / "actors.csv", folder / "actions.csv", folder / "sides.csv")


def _extract(documents, args, gazetteer):
    from .extract.events import extract_events

    lexicon = _load_lexicon(args)
    bar = ProgressBar(len(documents), enabled=None if not args.quiet else False)
    try:
        return extract_events(documents, gazetteer=gazetteer, lexicon=lexicon, progress=bar)
    except GeomapError:
        raise
    except Exception:  # noqa: BLE001 - a bug on one report must not cost the others
        return _extract_isolated(documents, gazetteer, lexicon)
    finally:
        bar.close()


def _extract_isolated(documents, gazetteer, lexicon):
    """Extract document by document, skipping (with the reason) any that fails."""
    from .extract.events import events_to_frame, extract_document

    rows, skipped = [], []
    for doc in documents:
        try:
            rows.extend(extract_document(doc, gazetteer=gazetteer, lexicon=lexicon))
        except Exception as exc:  # noqa: BLE001
            skipped.append((doc.path or doc.id, f"extraction failed ({type(exc).__name__}: {exc}); "
                                                 "please report it with this document"))
    frame = events_to_frame(rows)
    if len(frame):
        from .extract.merge import merge_events

        frame = merge_events(frame)
    frame.attrs["documents"] = len(documents) - len(skipped)
    frame.attrs["skipped"] = skipped
    return frame


def _located(events):
    geom = events.geometry
    return int((geom.notna() & ~geom.is_empty).sum())


def _summary(args, read, events):
    """Print the closing summary; return every skip so nothing is lost."""
    skipped = list(read.skipped)
    for item in events.attrs.get("skipped", []) or []:
        item = tuple(item)
        if item not in skipped:
            skipped.append(item)
    quiet = getattr(args, "quiet", False)
    for where, message in read.warnings:
        print(f"{PROG}: warning: {where}: {message}", file=sys.stderr)
    for where, reason in skipped:
        print(f"{PROG}: skipped {where}: {reason}", file=sys.stderr)
    if not quiet:
        n = len(events)
        located = _located(events)
        n_docs = events.attrs.get("documents", len(read.documents))
        print(f"{PROG}: {n_docs} documents read, {len(skipped)} skipped; "
              f"{n} events found, {located} located, {n - located} unlocated", file=sys.stderr)
        if n == 0:
            print(f"{PROG}: no event found: no known actor and action in the text; to add actors or verbs see "
                  "README, 'Adding places, actors and actions'", file=sys.stderr)
    return skipped


def _write_events(events, path, args):
    from .writers import write_events

    if path == "-":
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "events.geojson"
            write_events(events, out)
            with open(out, encoding="utf-8") as fh:
                shutil.copyfileobj(fh, sys.stdout)
        sys.stdout.flush()
        return
    write_events(events, path)
    _say(args, f"{PROG}: wrote {path} ({len(events)} events)")


def _write_map(events, path, args, *, offline, gazetteer):
    from .mapping import make_map
    from .writers import save_map

    title = getattr(args, "title", None)
    extra = {}
    if getattr(args, "lexicon", None):
        extra["sides"] = Path(args.lexicon) / "sides.csv"  # the user's side colours
    m = make_map(events, title=title, offline=offline, gazetteer=gazetteer, **extra)
    save_map(m, path)


def _pipeline(args):
    _check_inputs(args.paths)
    read = _read(args)
    if not read.documents:
        for where, reason in read.skipped:
            print(f"{PROG}: skipped {where}: {reason}", file=sys.stderr)
        raise GeomapError(f"no readable report in {', '.join(args.paths)}; see the reasons above")
    gaz = _load_gazetteer(args)
    events = _extract(read.documents, args, gaz)
    return read, gaz, events


# ---------------------------------------------------------------- commands


def cmd_extract(args):
    _check_output(args.output, kind="events")
    if args.map:
        _check_output(args.map, kind="map")
    read, gaz, events = _pipeline(args)
    _summary(args, read, events)
    _write_events(events, args.output, args)
    if args.map:
        _write_map(events, args.map, args, offline=args.offline, gazetteer=gaz)
        _say(args, f"{PROG}: wrote map {args.map}")
    return 0


def cmd_map(args):
    _check_output(args.output, kind="map")
    if args.events:
        _check_output(args.events, kind="events")
    read, gaz, events = _pipeline(args)
    if args.title is None:
        args.title = f"geomap: {len(events)} events from {len(read.documents)} reports"
    _summary(args, read, events)
    _write_map(events, args.output, args, offline=args.offline, gazetteer=gaz)
    _say(args, f"{PROG}: wrote map {args.output}")
    if args.events:
        _write_events(events, args.events, args)
    return 0


def _samples():
    from ._paths import data_dir

    try:
        folder = data_dir() / "samples"
    except GeomapError:
        folder = Path(__file__).resolve().parents[1] / "data" / "samples"
    path = folder / "reports.jsonl"
    if not path.is_file():
        raise GeomapError(f"{path}: the bundled sample reports are missing; reinstall geomap from a source checkout")
    return path


def _assets_available():
    from .assets import asset_dir

    try:
        asset_dir()
    except GeomapError:
        return False
    return True


def cmd_demo(args):
    _check_output(args.output, kind="map")
    if args.events:
        _check_output(args.events, kind="events")
    sample = _samples()
    run = argparse.Namespace(
        paths=[str(sample)], text_column="text", id_column="id", title_column="title",
        date_column="date", url_column="url", outlet_column="outlet", recursive=True,
        gazetteer=[], lexicon=None, world=False, geocoder=None, quiet=args.quiet, title=args.title,
    )
    read, gaz, events = _pipeline(run)
    _summary(run, read, events)
    # Self-contained when we can (it opens anywhere, even with no network);
    # --online / --offline override the choice.
    offline = args.offline if args.offline is not None else _assets_available()
    _write_map(events, args.output, run, offline=offline, gazetteer=gaz)
    if args.events:
        _write_events(events, args.events, run)
    mode = "self-contained, works offline" if offline else "loads Leaflet and map tiles from the web"
    print(f"wrote {Path(args.output).resolve()} ({len(events)} events from {len(read.documents)} "
          f"sample reports; {mode}); open it in a web browser")
    return 0


def cmd_gazetteer_lookup(args):
    import json

    gaz = _load_gazetteer(args)
    kinds = set(args.kind) if args.kind else None
    if kinds and len(kinds) == 1:
        kinds = next(iter(kinds))
    places = gaz.candidates(args.name, context=args.context, country=args.country, kind=kinds)
    places = list(places)[: max(args.limit, 1)]
    if not places:
        _err(f"no place called {args.name!r} in the gazetteer; add it to your own CSV and pass --gazetteer CSV "
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
            _err("say what to do: `geomap gazetteer lookup NAME` or `geomap gazetteer validate [FILE]`")
            return 2
    else:
        handler = {"demo": cmd_demo, "extract": cmd_extract, "map": cmd_map}[args.command]
    try:
        return handler(args)
    except UsageError as exc:
        _err(str(exc))
        return 2
    except GeomapError as exc:
        _err(str(exc))
        return 1
    except KeyboardInterrupt:
        _err("interrupted; no output was left half-written")
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
            _err(f"this geomap checkout lacks {exc.name}; update it (the pipeline is still being built)")
            return 1
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
