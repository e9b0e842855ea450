"""Gazetteer tables: read and check CSVs and frames, build the name index, cache both.

A table is a dict of columns (lists for text, numpy arrays for ``lat``,
``lon``, ``population``) plus ``{row: geometry}`` for rows that are not points.
:func:`check_table` turns a table of strings into that, raising
:class:`~geomap.errors.GazetteerError` with ``FILE:LINE: column COL: problem``;
:func:`build_index` maps normalized name keys (:mod:`geomap.normalize`) to
rows. Big tables and their index are pickled into
:func:`geomap._paths.cache_dir`, keyed by content and by this code, so a warm
start reads one file and needs neither pandas nor the normalizer.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import os
import pickle
import re
import time
from pathlib import Path

from .errors import GazetteerError
from .normalize import ARTICLE, normalize_name

__all__ = ["COLUMNS", "KINDS", "PRECISION", "read_table", "line_numbers", "check_table",
           "validate_csv", "split_aliases", "build_index", "cache_file", "load_cache",
           "save_cache", "to_wkb", "from_wkb"]

COLUMNS = ("id", "name", "aliases", "kind", "country", "parent", "lat", "lon",
           "wkt", "population", "source")
REQUIRED = ("id", "name", "kind", "lat", "lon", "source")
_TEXT_COLUMNS = ("id", "name", "aliases", "kind", "country", "parent", "source")
PRECISION = {
    "country": "country", "province": "province", "county": "province",
    "region": "region", "lake": "region", "river": "river",
    "city": "city", "town": "city", "village": "city",
    "base": "point", "dam": "point", "landmark": "point",
}
KINDS = frozenset(PRECISION)
_AREAS = {"country", "province", "county", "region", "lake"}

# names synthesized for areas and rivers: "<name> province", "river <name>"
_FORMS = {
    "province": ("{} province", "{} governorate", "{} region", "{} oblast",
                 "{} state", "{} muhafazat", "muhafazat {}"),
    "county": ("{} county", "{} district"),
    "region": ("{} region",),
    "river": ("{} river", "river {}"),
    "lake": ("lake {}",),
}
# the disk cache is for big tables (a user's small CSV loads fast anyway) and
# keeps the most recently used few
CACHE_MIN_ROWS = 2000
CACHE_ENTRIES = 8



def _err(path, line, column, problem):
    return GazetteerError(f"{path}:{line}: column {column}: {problem}")


def line_numbers(path):
    """Physical line of each data row (quoted fields may span lines)."""
    lines = []
    # outlines of countries and rivers are long WKT fields
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        start = reader.line_num + 1
        for _ in reader:
            lines.append(start)
            start = reader.line_num + 1
    return lines


def read_table(path):
    pd = __import__("pandas")
    path = Path(path)
    if not path.is_file():
        raise GazetteerError(f"{path}: no such gazetteer file; check the path")
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False,
                            encoding="utf-8")
    except pd.errors.ParserError as exc:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if found:
            want, line, saw = found.groups()
            raise _err(path, line, "*", f"{saw} fields where the header has {want}; "
                       "quote values that contain commas") from exc
        raise GazetteerError(f"{path}: not a readable CSV ({exc}); fix the file") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: not a readable UTF-8 CSV ({exc}); fix the file") from exc
    return table


def check_table(table, where, line_of, *, all_errors=False):
    """Validate and convert a table of strings into columns and geometries.

    ``line_of(i)`` gives the line to report for row ``i``. Raises the first
    error, or with ``all_errors`` a :class:`GazetteerError` listing every one.
    Returns ``(columns, shapes)``: lists for text columns, numpy arrays for
    ``lat``, ``lon``, ``population``, and ``{row: geometry}`` for the rows
    with WKT (the others are points, made when needed).
    """
    np = __import__("numpy")
    pd = __import__("pandas")
    shapely = __import__("shapely")
    errors = []

    def report(rows, column, problem):
        for i in list(rows)[: None if all_errors else 1]:
            errors.append((line_of(int(i)), column, problem(int(i))))

    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise _err(where, 1, missing[0], f"required column is missing (header needs {', '.join(REQUIRED)})")
    n = len(table)
    col = {c: (table[c].astype(str).str.strip() if c in table.columns
               else pd.Series([""] * n, dtype=str)) for c in COLUMNS}
    ids = col["id"]
    report(np.flatnonzero((ids == "").to_numpy()), "id", lambda i: "empty id; every row needs a unique id")
    dup = np.flatnonzero(ids.duplicated().to_numpy() & (ids != "").to_numpy())
    report(dup, "id", lambda i: f"duplicate id {ids.iat[i]!r}; ids must be unique")
    report(np.flatnonzero((col["name"] == "").to_numpy()), "name", lambda i: "empty name")
    kind = col["kind"]
    report(np.flatnonzero(~kind.isin(KINDS).to_numpy()), "kind",
           lambda i: f"unknown kind {kind.iat[i]!r}; use one of {', '.join(sorted(KINDS))}")
    report(np.flatnonzero((col["source"] == "").to_numpy()), "source",
           lambda i: "empty source; every row needs its provenance")
    country = col["country"]
    bad_cc = np.flatnonzero(((country != "") & ~country.str.fullmatch(r"[A-Z]{2}")).to_numpy())
    report(bad_cc, "country", lambda i: f"{country.iat[i]!r} is not an ISO 3166-1 alpha-2 code")
    out = {}
    for c, limit in (("lat", 90.0), ("lon", 180.0)):
        vals = pd.to_numeric(col[c], errors="coerce").to_numpy(dtype=float)
        report(np.flatnonzero(~(np.abs(vals) <= limit)), c,
               lambda i, c=c, lim=limit: f"{col[c].iat[i]!r} is not a number in [-{lim:g}, {lim:g}]")
        out[c] = vals
    pop = pd.to_numeric(col["population"].replace("", "0"), errors="coerce").to_numpy(dtype=float)
    bad_pop = np.flatnonzero(~(pop >= 0) | (pop != np.floor(pop)))
    report(bad_pop, "population", lambda i: f"{col['population'].iat[i]!r} is not a whole number >= 0")

    wkt = col["wkt"].to_numpy(dtype=object)
    has_wkt = np.flatnonzero(wkt != "")
    shapes = {}
    if len(has_wkt):
        parsed = shapely.from_wkt(wkt[has_wkt], on_invalid="ignore")
        ok = ~(shapely.is_missing(parsed) | shapely.is_empty(parsed))
        report(has_wkt[~ok], "wkt", lambda i: f"cannot parse WKT {wkt[i][:40]!r}; give valid WKT in lon lat order")
        bounds = shapely.bounds(parsed[ok])
        far = (np.abs(bounds[:, [0, 2]]) > 180).any(axis=1) | (np.abs(bounds[:, [1, 3]]) > 90).any(axis=1)
        report(has_wkt[ok][far], "wkt", lambda i: "coordinates out of range; WKT is lon lat (x y) in degrees")
        types = shapely.get_type_id(parsed)
        kinds = kind.to_numpy(dtype=object)[has_wkt]
        river_bad = ok & (kinds == "river") & ~np.isin(types, [1, 5])
        report(has_wkt[river_bad], "wkt", lambda i: "a river needs a LINESTRING or MULTILINESTRING")
        area_bad = ok & np.isin(kinds, list(_AREAS)) & ~np.isin(types, [3, 6])
        report(has_wkt[area_bad], "wkt", lambda i: f"a {kind.iat[i]} needs a POLYGON or MULTIPOLYGON")
        polygonal = ok & np.isin(types, [3, 6])
        invalid = np.flatnonzero(polygonal)[~shapely.is_valid(parsed[polygonal])]
        if len(invalid):
            # self-touching rings (common in simplified country outlines) make
            # overlay and containment raise; repair only the invalid ones
            parsed[invalid] = [_polygonal(g) for g in shapely.make_valid(parsed[invalid])]
        shapes = dict(zip(has_wkt[ok].tolist(), parsed[ok]))
    if errors:
        errors.sort(key=lambda e: (str(type(e[0])), e[0]))
        if all_errors and len(errors) > 1:
            lines = "\n".join(f"{where}:{ln}: column {c}: {p}" for ln, c, p in errors)
            raise GazetteerError(f"{len(errors)} problems:\n{lines}")
        ln, c, p = errors[0]
        raise _err(where, ln, c, p)
    columns = {c: col[c].tolist() for c in _TEXT_COLUMNS}
    for c in ("kind", "country", "parent"):
        # few distinct values: one shared string each (also in the pickled cache)
        shared = {}
        columns[c] = [shared.setdefault(v, v) for v in columns[c]]
    columns.update(lat=out["lat"], lon=out["lon"], population=pop.astype("int64"))
    return columns, shapes


def _polygonal(geom):
    """The polygons of a repaired geometry (make_valid may add stray lines or points)."""
    shapely = __import__("shapely")
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else geom


def validate_csv(path, *, all_errors=False):
    """Check a gazetteer CSV; raise :class:`GazetteerError` naming file, line and column.

    Parameters
    ----------
    path : str or Path
        The CSV (columns of ``data/gazetteer.csv``).
    all_errors : bool, default False
        By default the first problem (in file order) is raised; with True one
        error lists every problem, one ``FILE:LINE: column COL: problem`` a line.
    """
    table = read_table(path)
    lines = line_numbers(path)
    check_table(table, str(path), lambda i: lines[i] if i < len(lines) else i + 2,
                 all_errors=all_errors)


def split_aliases(aliases):
    """``"A|B"`` -> ``("A", "B")``."""
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


def _row_keys(name, aliases, kind):
    """Index keys of one row as (key, how) pairs; how: 0 name, 1 alias, 2 a
    synthesized form ("X province"), 3 the name without its article."""
    out = {}
    k = normalize_name(name)
    if k:
        out[k] = 0
    for a in aliases:
        k = normalize_name(a)
        if k and k not in out:
            out[k] = 1
    for k in list(out):
        words = k.split()
        # "Al Mayadin" is also written "Mayadin": index the article-less form
        if len(words) > 1 and words[0] == ARTICLE and len(words[1]) >= 4:
            out.setdefault(" ".join(words[1:]), 3)
    for form in _FORMS.get(kind, ()):
        for base in (name, *aliases[:8]):
            k = normalize_name(form.format(base))
            if k and k not in out:
                out[k] = 2
    return list(out.items())


def build_index(columns):
    """Name index of checked ``columns``: key -> tuple of codes ``row << 2 | how``."""
    index = {}
    rows = zip(columns["name"], columns["aliases"], columns["kind"])
    for row, (name, aliases, kind) in enumerate(rows):
        for key, how in _row_keys(name, split_aliases(aliases), kind):
            index.setdefault(key, []).append((row << 2) | how)
    return {k: tuple(v) for k, v in index.items()}


def cache_file(what):
    """Where a checked table and its name index are cached (pickle in
    :func:`geomap._paths.cache_dir`): keyed by the table and by this code, so
    that a change to either rebuilds them."""
    try:
        from . import normalize
        from ._paths import cache_dir

        from . import gazetteer

        # the index comes from normalize and this module, stacking from gazetteer
        code = b"".join(Path(m.__file__).read_bytes() for m in (normalize, gazetteer))
        code += Path(__file__).read_bytes()
        digest = hashlib.sha1(what.encode() + code).hexdigest()[:20]
        return cache_dir() / f"gazetteer-{digest}.pickle"
    except OSError:
        return None  # no writable cache: the index is rebuilt each time


def to_wkb(shapes):
    return {r: g.wkb for r, g in shapes.items()}


def from_wkb(wkb):
    shapely = __import__("shapely")
    return dict(zip(wkb, shapely.from_wkb(list(wkb.values())))) if wkb else {}


def load_cache(path):
    """(columns or None, WKB or None, index, rows) from the cache, or None."""
    if path is None or not path.is_file():
        return None
    # a million small objects (the name index) make the cyclic garbage
    # collector run dozens of times during the load; nothing here is cyclic
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            found = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()
    if not (isinstance(found, tuple) and len(found) == 4 and isinstance(found[2], dict)):
        return None
    try:
        # recently used: kept when old entries are pruned (touched at most
        # hourly; on some file systems touching a big file costs a copy)
        if time.time() - path.stat().st_mtime > 3600:
            os.utime(path)
    except OSError:
        pass
    return found


def save_cache(path, columns, wkb, index, rows):
    if path is None or rows < CACHE_MIN_ROWS:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            pickle.dump((columns, wkb, index, rows), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return
    # every edit of a table leaves a new entry: keep the most recently used few
    entries = sorted(path.parent.glob("gazetteer-*.pickle"), key=_mtime, reverse=True)
    for old in entries[CACHE_ENTRIES:]:
        old.unlink(missing_ok=True)


def _mtime(path):
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0

