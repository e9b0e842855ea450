"""The steps the ``geomap`` commands share: check, read, extract, write.

Each step turns a mistake the user must fix in the call (a missing file, an
unknown extension, a CSV without its text column) into :class:`UsageError`
(exit code 2); other geomap errors stay as they are (exit code 1).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from ._cli_report import PROG, ProgressBar, say
from .errors import GeomapError, InputError, OutputError

__all__ = ["UsageError", "assets_available", "check_inputs", "check_output", "load_gazetteer",
           "pipeline", "samples", "write_events", "write_map"]


class UsageError(GeomapError):
    """A command-line mistake: exit code 2."""


def check_inputs(paths):
    """Raise :class:`UsageError` for the first path (other than ``-``) that does not exist."""
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise UsageError(f"{p}: no such file or folder; check the path (use - to read standard input)")


def check_output(path, *, kind):
    """Raise :class:`UsageError` when ``path`` cannot hold ``kind`` (``"events"`` or ``"map"``)."""
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


def load_gazetteer(args):
    """The bundled gazetteer with ``--world``/``--geocoder``, and each ``--gazetteer`` CSV stacked on it."""
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
        say(args, f"{PROG}: reading a report from standard input; end it with Ctrl-D")
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

    return Lexicon.from_files(folder / "actors.csv", folder / "actions.csv", folder / "sides.csv",
                              demonyms=folder / "demonyms.csv")


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


def pipeline(args):
    """Read ``args.paths``, load the gazetteer and extract: ``(read, gazetteer, events)``."""
    check_inputs(args.paths)
    read = _read(args)
    if not read.documents:
        for where, reason in read.skipped:
            print(f"{PROG}: skipped {where}: {reason}", file=sys.stderr)
        raise GeomapError(f"no readable report in {', '.join(args.paths)}; see the reasons above")
    gaz = load_gazetteer(args)
    events = _extract(read.documents, args, gaz)
    return read, gaz, events


def write_events(events, path, args):
    """Write ``events`` to ``path`` (atomically), or as GeoJSON to stdout for ``-``."""
    from .writers import write_events as write

    if path == "-":
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "events.geojson"
            write(events, out)
            with open(out, encoding="utf-8") as fh:
                shutil.copyfileobj(fh, sys.stdout)
        sys.stdout.flush()
        return
    write(events, path)
    say(args, f"{PROG}: wrote {path} ({len(events)} events)")


def write_map(events, path, args, *, offline, gazetteer):
    """Draw ``events`` with the command's title and side colours and save the map to ``path``."""
    from .mapping import make_map
    from .writers import save_map

    title = getattr(args, "title", None)
    extra = {}
    if getattr(args, "lexicon", None):
        extra["sides"] = Path(args.lexicon) / "sides.csv"  # the user's side colours
    m = make_map(events, title=title, offline=offline, gazetteer=gazetteer, **extra)
    save_map(m, path)


def samples():
    """Path of the bundled sample reports (``data/samples/reports.jsonl``)."""
    from ._paths import data_dir

    try:
        folder = data_dir() / "samples"
    except GeomapError:
        folder = Path(__file__).resolve().parents[1] / "data" / "samples"
    path = folder / "reports.jsonl"
    if not path.is_file():
        raise GeomapError(f"{path}: the bundled sample reports are missing; reinstall geomap from a source checkout")
    return path


def assets_available():
    """Whether the offline Leaflet assets are installed (``GEOMAP_ASSETS`` or ``node_modules/``)."""
    from .assets import asset_dir

    try:
        asset_dir()
    except GeomapError:
        return False
    return True
