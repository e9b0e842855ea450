"""The gazetteer: places with geometry, a name index, and ranked resolution.

A :class:`Gazetteer` holds one row per place in a GeoDataFrame (EPSG:4326) and
an index from normalized name keys (:mod:`geomap.normalize`) to rows. Rows
come from ``data/gazetteer.csv`` (:meth:`Gazetteer.default`), a user's CSV
(:meth:`Gazetteer.from_csv`) or any frame with the same columns
(:meth:`Gazetteer.from_frame`, used by the world-scale table); a user's rows
stack on a base gazetteer, overriding by id or adding.

Ranking (:meth:`Gazetteer.candidates`) adds up evidence, each part recorded in
``Place.why``: how the name matched, a prior for the kind of place, log-scaled
population of settlements, and the context -- places named elsewhere in the
same text (their country, their province, their distance).
"""

from __future__ import annotations

import collections
import copy
import csv
import dataclasses
import hashlib
import math
import os
import pickle
import re
import threading
from pathlib import Path

from .errors import GazetteerError, GeomapError
from .normalize import ARTICLE, normalize_name, split_name

__all__ = ["Place", "Gazetteer", "validate_csv", "KINDS", "COLUMNS"]

COLUMNS = ("id", "name", "aliases", "kind", "country", "parent", "lat", "lon",
           "wkt", "population", "source")
REQUIRED = ("id", "name", "kind", "lat", "lon", "source")
_TEXT_COLUMNS = ("id", "name", "aliases", "kind", "country", "parent", "source")
_PRECISION = {
    "country": "country", "province": "province", "county": "province",
    "region": "region", "lake": "region", "river": "river",
    "city": "city", "town": "city", "village": "city",
    "base": "point", "dam": "point", "landmark": "point",
}
KINDS = frozenset(_PRECISION)
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
# how a key matched a row -> (code, score, words for Place.why)
_HOW = {0: (2.0, "name"), 1: (1.5, "alias"), 2: (2.0, "explicit form"),
        3: (0.8, "name without article")}
# kind priors. Settlements add log10(population) to theirs; areas and curated
# features have no population, so their prior stands for their prominence: a
# country ranks like a city of ~30 million, a first-level subdivision like one
# of ~300,000 (Virginia the state before Virginia, Free State, a town of
# 20,000; Washington, D.C. (690,000) before the state). A bare "Raqqa" is the
# city because a city named like the province it lies in gets _NAMESAKE.
_KIND_PRIOR = {
    "country": 9.0, "province": 7.0, "county": 4.5, "region": 6.5, "lake": 6.0,
    "river": 6.0, "city": 1.5, "town": 1.0, "village": 0.5,
    "base": 5.0, "dam": 5.0, "landmark": 5.0,
}
_NAMESAKE = 2.0
_SETTLEMENTS = {"city", "town", "village"}
# one point per tenfold population: Moscow (10 M) keeps its lead over Moscow,
# Idaho (25,000) against a mere "same country" hint
_POP_WEIGHT = 1.0
_CONTEXT = {"country": 1.5, "province": 2.5, "contains": 2.0, "near": 2.0, "adjacent": 4.0}
_PROVINCES = ("province", "county")
# a name's best candidate counts as context when it leads by this much on priors
_DOMINANT = 1.0
# ...and only areas, curated features and settlements this prominent on their
# own (a town of ~10,000): tiny villages named like surnames are noise
_CONTEXT_MIN_PRIOR = 7.0
_COMMA = re.compile(r"\s*,\s*")
# demonyms name their country when nothing else has the name: "Israelis" ->
# "israel", "Kenyan" -> "kenya", "Palestinian" -> "palestine", "Chinese" -> "china"
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ns", "n", "ese", "is", "i", "s")
_DEMONYM_ENDINGS = ("", "a", "e", "y", "ia", "on")
# the disk cache is for big tables (a user's small CSV loads fast anyway) and
# keeps the most recently used few
_CACHE_MIN_ROWS = 2000
_CACHE_ENTRIES = 8


@dataclasses.dataclass(frozen=True)
class Place:
    """One place of the gazetteer, as returned by :meth:`Gazetteer.resolve`."""

    id: str
    name: str
    kind: str
    country: str | None
    parent: str | None
    lat: float
    lon: float
    geometry: object
    population: int = 0
    source: str = ""
    aliases: tuple = ()
    score: float = 0.0
    why: tuple = ()

    @property
    def precision(self):
        """How exact the location is: point, city, river, province, region, country."""
        return _PRECISION.get(self.kind, "point")


def _err(path, line, column, problem):
    return GazetteerError(f"{path}:{line}: column {column}: {problem}")


def _line_numbers(path):
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


def _read_table(path):
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


def _check_table(table, where, line_of, *, all_errors=False):
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
    table = _read_table(path)
    lines = _line_numbers(path)
    _check_table(table, str(path), lambda i: lines[i] if i < len(lines) else i + 2,
                 all_errors=all_errors)


def _split_aliases(aliases):
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


def _row_keys(name, aliases, kind):
    """Index keys of one row as (key, how) pairs; how indexes :data:`_HOW`."""
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


class Gazetteer:
    """Places with geometry and a name index; resolve names to ranked places.

    Parameters
    ----------
    columns : dict
        Checked columns (see :meth:`from_csv` and :meth:`from_frame`, which
        are the way to build one).
    shapes : dict
        ``{row: shapely geometry}`` for rows that are not points.
    """

    _default = {}
    _default_lock = threading.Lock()

    def __init__(self, columns, shapes, *, _index=None, _cache=None):
        self._cols = columns
        self._shapes = shapes
        self._cache = _cache
        self._cache_table = False  # whether the cache may hold the table too
        self._ids = columns["id"]
        self._pos = {pid: i for i, pid in enumerate(self._ids)}
        self._index = _index
        self._frame = None
        self._places = {}
        self._matcher = None
        self._context_cache = {}  # (text, name key) -> evidence
        self._text_cache = {}  # text -> places it names
        self._geocoder = None

    @property
    def frame(self):
        """The places as a GeoDataFrame (EPSG:4326), one row per place (built once)."""
        if self._frame is None:
            gpd = __import__("geopandas")
            shapely = __import__("shapely")
            geoms = shapely.points(self._cols["lon"], self._cols["lat"])
            if self._shapes:
                geoms[list(self._shapes)] = list(self._shapes.values())
            data = {c: self._cols[c] for c in COLUMNS if c != "wkt"}
            self._frame = gpd.GeoDataFrame(data, geometry=geoms, crs="EPSG:4326")
        return self._frame

    # ----------------------------------------------------------- construction
    @classmethod
    def default(cls, *, world=False, geocoder=None):
        """The project's gazetteer (``data/gazetteer.csv``), loaded once and cached.

        Parameters
        ----------
        world : bool, default False
            Stack the project's CSV on the world-scale table of :mod:`geomap.world`.
        geocoder : str or geomap.geocode.Geocoder, optional
            Online fallback for names the tables lack (see :meth:`with_geocoder`).
        """
        with cls._default_lock:
            if world not in cls._default:
                from ._paths import data_dir

                csv_path = Path(data_dir()) / "gazetteer.csv"
                gaz = cls._world(csv_path) if world else cls.from_csv(csv_path)
                cls._default[world] = gaz
            gaz = cls._default[world]
        return gaz.with_geocoder(geocoder) if geocoder is not None else gaz

    @classmethod
    def _world(cls, csv_path):
        """The project's CSV stacked on the world table, cached as one table."""
        try:
            from .world import load_world_frame, world_cache_path
        except ImportError as exc:
            raise GeomapError(
                "the world-scale gazetteer (geomap.world) is not available in "
                "this version; use Gazetteer.default() without world=True"
            ) from exc
        table = Path(world_cache_path())
        cache = None
        if table.exists():
            # keyed by both files: a warm start reads one pickle, not the
            # world table, the CSV and their stacking
            stat = table.stat()
            digest = hashlib.sha1(Path(csv_path).read_bytes()).hexdigest()
            cache = _cache_file(f"world|{table.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{digest}")
            cached = _load_cache(cache)
            if cached and cached[0] is not None:
                columns, wkb, index, _rows = cached
                return cls(columns, _from_wkb(wkb), _index=index)
        gaz = cls.from_frame(load_world_frame()).stack(cls.from_csv(csv_path))
        if cache is not None:
            _save_cache(cache, gaz._cols, _to_wkb(gaz._shapes), gaz.index, len(gaz))
        return gaz

    def with_geocoder(self, geocoder):
        """This gazetteer, asking an online geocoder for names it lacks.

        Parameters
        ----------
        geocoder : str or geomap.geocode.Geocoder
            ``"nominatim"`` or a configured :class:`~geomap.geocode.Geocoder`.
            Only names with no candidate at all are sent; answers are cached
            on disk by the geocoder, and a failing service gives no candidate.

        Returns
        -------
        Gazetteer
            A new object sharing this one's tables and index.
        """
        if isinstance(geocoder, str):
            from .geocode import Geocoder

            geocoder = Geocoder(geocoder)
        other = copy.copy(self)
        other._geocoder = geocoder
        return other

    @classmethod
    def from_csv(cls, path, *, base=None):
        """Load a gazetteer CSV, on its own or stacked on ``base``.

        Parameters
        ----------
        path : str or Path
            CSV with the columns of ``data/gazetteer.csv``.
        base : Gazetteer, optional
            Rows of ``path`` override rows of ``base`` with the same id; others add.

        Raises
        ------
        GazetteerError
            ``FILE:LINE: column COL: problem`` for the first bad value.
        """
        path = Path(path)
        try:
            digest = hashlib.sha1(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise GazetteerError(f"{path}: cannot read the gazetteer file ({exc}); check the path") from exc
        # a file checked and indexed before (same content) is read back from the
        # cache in a fraction of the time, and without pandas
        cache = _cache_file(f"{path.resolve()}|{digest}")
        cached = _load_cache(cache)
        if cached and cached[0] is not None:
            columns, wkb, index, _rows = cached
            gaz = cls(columns, _from_wkb(wkb), _index=index, _cache=cache)
        else:
            table = _read_table(path)
            lines = None

            def line_of(i):
                nonlocal lines
                lines = lines or _line_numbers(path)
                return lines[i] if i < len(lines) else i + 2

            gaz = cls(*_check_table(table, str(path), line_of), _cache=cache)
            gaz._cache_table = True
        return base.stack(gaz) if base is not None else gaz

    @classmethod
    def from_frame(cls, frame, *, base=None, cache_key=None):
        """Build from a (Geo)DataFrame with the gazetteer columns.

        Parameters
        ----------
        frame : pandas.DataFrame or geopandas.GeoDataFrame
            Columns of :data:`COLUMNS`; a ``geometry`` column may replace ``wkt``.
        base : Gazetteer, optional
            As for :meth:`from_csv`.
        cache_key : str, optional
            A string that changes whenever the frame's content does (e.g. the
            source file's size and time); the checked table and its name index
            are then cached on disk under it. Defaults to
            ``frame.attrs["cache_key"]`` (set by :func:`geomap.world.load_world_frame`).
        """
        np = __import__("numpy")
        cache_key = cache_key or frame.attrs.get("cache_key")
        cache = _cache_file(f"frame|{cache_key}") if cache_key else None
        cached = _load_cache(cache)
        if cached and cached[0] is not None and cached[3] == len(frame):
            columns, wkb, index, _rows = cached
            gaz = cls(columns, _from_wkb(wkb), _index=index, _cache=cache)
            return base.stack(gaz) if base is not None else gaz
        table = frame.copy()
        geometry = None
        if "geometry" in table.columns:
            geometry = np.asarray(table.pop("geometry").to_numpy(), dtype=object)
            table["wkt"] = ""
        table = table.astype(object).where(table.notna(), "").astype(str)
        columns, shapes = _check_table(table, "<frame>", lambda i: f"row {i}")
        if geometry is not None:
            # points are lat/lon; other geometries are kept as given
            shapely = __import__("shapely")
            kept = np.flatnonzero(~shapely.is_missing(geometry)
                                  & (shapely.get_type_id(geometry) != 0))
            shapes.update(zip(kept.tolist(), geometry[kept]))
        gaz = cls(columns, shapes, _cache=cache)
        gaz._cache_table = cache is not None
        return base.stack(gaz) if base is not None else gaz

    def stack(self, other):
        """A new gazetteer: ``other``'s rows override ours by id, or add.

        Overridden rows keep their position, so only ``other``'s names are
        (re)indexed: stacking a small CSV on a big table is cheap.
        """
        np = __import__("numpy")
        over = [(self._pos[pid], j) for j, pid in enumerate(other._ids) if pid in self._pos]
        new = [j for j, pid in enumerate(other._ids) if pid not in self._pos]
        rows_b = [b for b, _ in over]
        rows_o = [j for _, j in over]
        columns = {}
        for c, values in self._cols.items():
            theirs = other._cols[c]
            if isinstance(values, list):
                merged = values + [theirs[j] for j in new]
                for b, j in over:
                    merged[b] = theirs[j]
            else:
                merged = np.concatenate([values, theirs[new]])
                merged[rows_b] = theirs[rows_o]
            columns[c] = merged
        where = {j: b for b, j in over}
        where.update({j: len(self) + n for n, j in enumerate(new)})
        replaced = set(rows_b)
        shapes = {r: g for r, g in self._shapes.items() if r not in replaced}
        shapes.update((where[j], g) for j, g in other._shapes.items())
        index = dict(self.index)
        if replaced:
            # drop the replaced rows' names: one pass over the codes, no normalizing
            for key, codes in self.index.items():
                if any(c >> 2 in replaced for c in codes):
                    kept = tuple(c for c in codes if c >> 2 not in replaced)
                    if kept:
                        index[key] = kept
                    else:
                        del index[key]
        for key, codes in other.index.items():
            mapped = tuple((where[c >> 2] << 2) | (c & 3) for c in codes)
            index[key] = index.get(key, ()) + mapped
        return Gazetteer(columns, shapes, _index=index)

    # ----------------------------------------------------------------- access
    def __len__(self):
        return len(self._ids)

    def __contains__(self, place_id):
        return place_id in self._pos

    def __repr__(self):
        return f"<Gazetteer: {len(self)} places>"

    def get(self, place_id):
        """The place with this id; KeyError when unknown."""
        try:
            return self._place(self._pos[place_id])
        except KeyError:
            raise KeyError(f"no place with id {place_id!r} in the gazetteer") from None

    def children(self, place_id):
        """Places whose ``parent`` is ``place_id``."""
        return [self._place(i) for i, p in enumerate(self._cols["parent"]) if p == place_id]

    def parent_of(self, place):
        """The enclosing place of ``place`` (a Place or an id), or None."""
        place = self.get(place) if isinstance(place, str) else place
        return self.get(place.parent) if place.parent and place.parent in self else None

    def _geometry(self, i):
        shape = self._shapes.get(i)
        if shape is None:
            shape = __import__("shapely").Point(float(self._cols["lon"][i]), float(self._cols["lat"][i]))
        return shape

    def _place(self, i):
        place = self._places.get(i)
        if place is None:
            c = self._cols
            place = Place(
                id=c["id"][i], name=c["name"][i], kind=c["kind"][i],
                country=c["country"][i] or None, parent=c["parent"][i] or None,
                lat=float(c["lat"][i]), lon=float(c["lon"][i]), geometry=self._geometry(i),
                population=int(c["population"][i]), source=c["source"][i],
                aliases=_split_aliases(c["aliases"][i]),
            )
            self._places[i] = place
        return place

    # ------------------------------------------------------------------ index
    @property
    def index(self):
        """Name index: normalized key -> tuple of codes ``row << 2 | how``.

        ``how`` says how the key matched the row: 0 name, 1 alias, 2 a
        synthesized form ("X province"), 3 the name without its article.
        """
        if self._index is None:
            cached = _load_cache(self._cache)
            index = cached[2] if cached and cached[3] == len(self) else None
            if index is None:
                c = self._cols
                index = {}
                rows = zip(c["name"], c["aliases"], c["kind"])
                for row, (name, aliases, kind) in enumerate(rows):
                    for key, how in _row_keys(name, _split_aliases(aliases), kind):
                        index.setdefault(key, []).append((row << 2) | how)
                index = {k: tuple(v) for k, v in index.items()}
                table = (self._cols, _to_wkb(self._shapes)) if self._cache_table else (None, None)
                _save_cache(self._cache, *table, index, len(self))
            self._index = index
        return self._index

    @property
    def matcher(self):
        """The :class:`geomap.matcher.Matcher` over this gazetteer's names (built once)."""
        if self._matcher is None:
            from .matcher import Matcher

            self._matcher = Matcher(self)
        return self._matcher

    # -------------------------------------------------------------- ranking
    def resolve(self, name, *, context=None, country=None, kind=None):
        """The best place for ``name``, or None.

        Parameters
        ----------
        name : str
            A place name in any spelling (``"Deir al-Zor"``, ``"Raqqa province"``).
        context : str or iterable of Place, optional
            The article text, or places already resolved in it.
        country : str, optional
            ISO 3166-1 alpha-2 code: only places of that country (or of none).
        kind : str or set of str, optional
            Only places of these kinds.

        Returns
        -------
        Place or None
            With ``score`` and ``why`` filled in.
        """
        found = self.candidates(name, context=context, country=country, kind=kind, limit=1)
        return found[0] if found else None

    def candidates(self, name, *, context=None, country=None, kind=None, limit=None):
        """Every place ``name`` may mean, best first.

        Parameters
        ----------
        name, context, country, kind
            As for :meth:`resolve`.
        limit : int, optional
            Return at most this many.

        Returns
        -------
        list of Place
            Each with ``score`` (sum of the evidence) and ``why`` (the evidence).
        """
        key = normalize_name(name)
        hits, note = self._lookup(key)
        kinds = {kind} if isinstance(kind, str) else (set(kind) if kind else None)
        if not hits:
            hits, note = self._demonym(name)
        if not hits:
            return self._geocode(name, country=country, kinds=kinds)
        ctx = self._context(context, exclude=key)
        scored = []
        areas = {self._ids[c >> 2] for c in hits if self._cols["kind"][c >> 2] in _PROVINCES}
        for code in hits:
            how = code & 3
            place = self._place(code >> 2)
            if kinds is not None and place.kind not in kinds:
                continue
            if country and place.country not in (None, country.upper()):
                continue
            score, why = self._score(place, how, ctx, key, name)
            if place.parent in areas and place.kind in _SETTLEMENTS:
                score += _NAMESAKE
                why = (*why, f"namesake city of its province {place.parent} +{_NAMESAKE:g}")
            if note:
                why = (note, *why)
            scored.append((-round(score, 3), -place.population, place.id, place, why))
        scored.sort(key=lambda t: t[:3])
        # copies with score and why only for what is returned
        return [dataclasses.replace(t[3], score=-t[0], why=t[4])
                for t in (scored[:limit] if limit else scored)]

    def _geocode(self, name, *, country, kinds):
        if self._geocoder is None or not name or not str(name).strip():
            return []
        place = self._geocoder.lookup(str(name).strip(), country=country.upper() if country else None)
        if place is None or (kinds is not None and place.kind not in kinds):
            return []
        return [place]

    def _demonym(self, name):
        """Codes of the country/province/region a demonym names ("Israelis")."""
        words = split_name(name)
        if not words or not words[-1].isalpha():
            return (), None
        head, last = words[:-1], words[-1]
        for suffix in _DEMONYM_SUFFIXES:
            if not last.endswith(suffix) or len(last) - len(suffix) < 3:
                continue
            stem = last[: len(last) - len(suffix)]
            for ending in _DEMONYM_ENDINGS:
                key = normalize_name(" ".join([*head, stem + ending]))
                codes = tuple(c for c in self.index.get(key, ())
                              if self._cols["kind"][c >> 2] in ("country", "province", "region"))
                if codes:
                    return codes, f"read as a demonym ({last} -> {stem + ending})"
        return (), None

    def _lookup(self, key):
        index = self.index
        if key in index:
            return index[key], None
        words = key.split()
        if words and words[0] == ARTICLE and len(words) > 1:
            rest = " ".join(words[1:])
            if rest in index:
                return index[rest], "matched without the article"
        elif key and ARTICLE + " " + key in index:
            return index[ARTICLE + " " + key], "matched with the article al-"
        return [], None

    def _score(self, place, how, ctx, key, name):
        base, how_words = _HOW[how]
        score = base + _KIND_PRIOR.get(place.kind, 1.0)
        why = [f"{how_words} match +{base:g}", f"kind {place.kind} +{_KIND_PRIOR.get(place.kind, 1.0):g}"]
        if place.kind in _SETTLEMENTS and place.population > 0:
            bonus = _POP_WEIGHT * math.log10(place.population + 1)
            score += bonus
            why.append(f"population {place.population:,} +{bonus:.2f}")
        if ctx is None:
            return score, tuple(why)
        near = ctx["adjacent"].get(key)
        if near:
            area = place.parent if place.parent in near else place.id
            if area in near:
                score += _CONTEXT["adjacent"]
                why.append(f"written as '{name}, {near[area]}' +{_CONTEXT['adjacent']:g}")
            elif place.country and place.country in near:
                score += _CONTEXT["adjacent"] - 1
                why.append(f"written as '{name}, {near[place.country]}' +{_CONTEXT['adjacent'] - 1:g}")
        share = ctx["countries"].get(place.country, 0.0)
        if share:
            # scaled by the country's share of the context: an article about
            # Syria that names Washington once is not about the United States
            bonus = _CONTEXT["country"] * share
            score += bonus
            why.append(f"same country as context ({place.country}) +{bonus:.2f}")
        if place.parent and place.parent in ctx["provinces"]:
            score += _CONTEXT["province"]
            why.append(f"same province as context ({place.parent}) +{_CONTEXT['province']:g}")
        if place.id in ctx["parents"] and place.kind != "country":
            score += _CONTEXT["contains"]
            why.append(f"encloses a context place +{_CONTEXT['contains']:g}")
        if ctx["points"]:
            dists = [_km(place.lat, place.lon, la, lo) for la, lo in ctx["points"]]
            d = min(dists)
            # scaled by the share of context places within 1,000 km: one nearby
            # name in a text about elsewhere says little
            near = sum(x <= 1000.0 for x in dists) / len(dists)
            bonus = _CONTEXT["near"] * max(0.0, 1.0 - math.log10(1.0 + d) / 4.0) * near
            if bonus > 0:
                score += bonus
                why.append(f"{d:,.0f} km from a context place ({near:.0%} of them within "
                           f"1,000 km) +{bonus:.2f}")
        return score, tuple(why)

    def _context(self, context, *, exclude):
        """Summarize the context as a dict of evidence, or None."""
        if context is None:
            return None
        if isinstance(context, str):
            summary = self._context_cache.get((context, exclude))
            if summary is None:
                summary = self._summarize(context, exclude)
                if len(self._context_cache) > 4096:
                    self._context_cache.clear()
                self._context_cache[(context, exclude)] = summary
            return summary or None
        return self._summarize(context, exclude) or None

    def _summarize(self, context, exclude):
        adjacent = {}
        if isinstance(context, str):
            cached = self._text_cache.get(context)
            if cached is None:
                cached = self._places_in_text(context)
                if len(self._text_cache) > 64:
                    self._text_cache.clear()
                self._text_cache[context] = cached
            found, adjacent = cached
            places = [p for k, p in found if k != exclude]
        else:
            places = [p for p in context if normalize_name(p.name) != exclude]
        if not places and not adjacent:
            return {}
        countries = [p.country for p in places if p.country]
        parents = {p.parent for p in places if p.parent}
        provinces = {p.id for p in places if p.kind in _PROVINCES}
        provinces |= {i for i in parents if self._kind_of(i) in _PROVINCES}
        return {
            "countries": {c: n / len(countries) for c, n in collections.Counter(countries).items()},
            "provinces": provinces,
            "parents": parents,
            "points": [(p.lat, p.lon) for p in places if p.kind not in ("country", "river")],
            "adjacent": adjacent,
        }

    def _kind_of(self, place_id):
        i = self._pos.get(place_id)
        return None if i is None else self._cols["kind"][i]

    def _places_in_text(self, text):
        """Places a text names without doubt, and its "Name, Area" pairs.

        A name counts when it has one candidate; then, with those as context,
        an ambiguous name counts when its best candidate leads the next by
        ``_DOMINANT`` (Moscow, Russia before Moscow, Idaho). Each name counts
        once; common words and places below ``_CONTEXT_MIN_PRIOR`` (hamlets
        that share a surname or a heading word) do not count.

        Returns
        -------
        (list of (key, Place), dict)
            The dict maps a name's key to ``{area id or country code: area name}``
            for each time the text writes it as "Name, Area".
        """
        out, adjacent, ambiguous, seen = [], {}, [], set()
        matches = self.matcher.scan(text)
        for m, nxt in zip(matches, matches[1:] + [None]):
            if nxt is not None and _COMMA.fullmatch(text[m.end:nxt.start]):
                for pid in nxt.place_ids:
                    area = self.get(pid)
                    if area.kind in _PROVINCES:
                        adjacent.setdefault(m.key, {})[area.id] = nxt.text
                    elif area.kind == "country":
                        adjacent.setdefault(m.key, {})[area.country] = nxt.text
            if m.common or m.key in seen:
                continue
            seen.add(m.key)
            if len(m.place_ids) > 1:
                ambiguous.append(m)
                continue
            ranked = self.candidates(m.text, limit=1)
            if ranked and _prominent(ranked[0]):
                out.append((m.key, ranked[0]))
        # second pass: the sure places are the context of the ambiguous ones
        sure = [p for _, p in out]
        for m in ambiguous:
            ranked = self.candidates(m.text, context=sure or None, limit=2)
            if (len(ranked) == 2 and ranked[0].score - ranked[1].score >= _DOMINANT
                    and _prominent(ranked[0])):
                out.append((m.key, ranked[0]))
        return out, adjacent


def _prominent(place):
    # a lone hamlet matching a surname or a heading word is no evidence
    return place.kind not in _SETTLEMENTS or place.score >= _CONTEXT_MIN_PRIOR


def _cache_file(what):
    """Where a checked table and its name index are cached (pickle in
    :func:`geomap._paths.cache_dir`): keyed by the table and by this code, so
    that a change to either rebuilds them."""
    try:
        from . import normalize
        from ._paths import cache_dir

        code = Path(normalize.__file__).read_bytes() + Path(__file__).read_bytes()
        digest = hashlib.sha1(what.encode() + code).hexdigest()[:20]
        return cache_dir() / f"gazetteer-{digest}.pickle"
    except OSError:
        return None  # no writable cache: the index is rebuilt each time


def _to_wkb(shapes):
    return {r: g.wkb for r, g in shapes.items()}


def _from_wkb(wkb):
    shapely = __import__("shapely")
    return dict(zip(wkb, shapely.from_wkb(list(wkb.values())))) if wkb else {}


def _load_cache(path):
    """(columns or None, WKB or None, index, rows) from the cache, or None."""
    if path is None or not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            found = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    if not (isinstance(found, tuple) and len(found) == 4 and isinstance(found[2], dict)):
        return None
    try:
        os.utime(path)  # recently used: kept when old entries are pruned
    except OSError:
        pass
    return found


def _save_cache(path, columns, wkb, index, rows):
    if path is None or rows < _CACHE_MIN_ROWS:
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
    for old in entries[_CACHE_ENTRIES:]:
        old.unlink(missing_ok=True)


def _mtime(path):
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))
