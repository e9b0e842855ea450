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
from .normalize import ARTICLE, normalize_name

__all__ = ["Place", "Gazetteer", "validate_csv", "KINDS", "COLUMNS"]

COLUMNS = ("id", "name", "aliases", "kind", "country", "parent", "lat", "lon",
           "wkt", "population", "source")
REQUIRED = ("id", "name", "kind", "lat", "lon", "source")
_PRECISION = {
    "country": "country", "province": "province", "county": "province",
    "region": "region", "lake": "region", "river": "river",
    "city": "city", "town": "city", "village": "city",
    "base": "point", "dam": "point", "landmark": "point",
}
KINDS = frozenset(_PRECISION)
_AREAS = {"country", "province", "county", "region", "lake"}
_LINE_TYPES = {"LineString", "MultiLineString"}
_AREA_TYPES = {"Polygon", "MultiPolygon"}

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
# kind priors: a country beats a village of the same name; a bare "Raqqa" is
# the city although the province shares its name
_KIND_PRIOR = {
    "country": 5.0, "province": 1.5, "county": 1.0, "region": 1.5, "lake": 1.5,
    "river": 1.5, "city": 1.5, "town": 1.0, "village": 0.5,
    "base": 1.5, "dam": 1.5, "landmark": 1.5,
}
_SETTLEMENTS = {"city", "town", "village"}
_POP_WEIGHT = 0.5
_CONTEXT = {"country": 2.5, "province": 2.0, "contains": 2.0, "near": 2.0}


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


def _check_frame(table, where, line_of, *, all_errors=False):
    """Validate and convert a table of strings; return a GeoDataFrame.

    ``line_of(i)`` gives the line to report for row ``i``. Raises the first
    error, or with ``all_errors`` a :class:`GazetteerError` listing every one.
    """
    np = __import__("numpy")
    pd = __import__("pandas")
    shapely = __import__("shapely")
    gpd = __import__("geopandas")
    errors = []

    def report(rows, column, problem):
        for i in list(rows)[: None if all_errors else 1]:
            errors.append((line_of(int(i)), column, problem(int(i))))

    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise _err(where, 1, missing[0], f"required column is missing (header needs {', '.join(REQUIRED)})")
    n = len(table)
    frame = pd.DataFrame(index=range(n))
    for col in COLUMNS:
        if col in table.columns:
            frame[col] = table[col].astype(str).str.strip().to_numpy()
        else:
            frame[col] = ""
    ids = frame["id"]
    report(np.flatnonzero((ids == "").to_numpy()), "id", lambda i: "empty id; every row needs a unique id")
    dup = np.flatnonzero(ids.duplicated().to_numpy() & (ids != "").to_numpy())
    report(dup, "id", lambda i: f"duplicate id {ids[i]!r}; ids must be unique")
    report(np.flatnonzero((frame["name"] == "").to_numpy()), "name", lambda i: "empty name")
    bad_kind = np.flatnonzero(~frame["kind"].isin(KINDS).to_numpy())
    report(bad_kind, "kind", lambda i: f"unknown kind {frame['kind'][i]!r}; use one of {', '.join(sorted(KINDS))}")
    report(np.flatnonzero((frame["source"] == "").to_numpy()), "source",
           lambda i: "empty source; every row needs its provenance")
    country = frame["country"]
    bad_cc = np.flatnonzero(((country != "") & ~country.str.fullmatch(r"[A-Z]{2}")).to_numpy())
    report(bad_cc, "country", lambda i: f"{country[i]!r} is not an ISO 3166-1 alpha-2 code")
    coords = {}
    for col, limit in (("lat", 90.0), ("lon", 180.0)):
        vals = pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float)
        bad = np.flatnonzero(~(np.abs(vals) <= limit))
        report(bad, col, lambda i, c=col, lim=limit: f"{frame[c][i]!r} is not a number in [-{lim:g}, {lim:g}]")
        coords[col] = vals
    pop = pd.to_numeric(frame["population"].replace("", "0"), errors="coerce").to_numpy(dtype=float)
    bad_pop = np.flatnonzero(~(pop >= 0) | (pop != np.floor(pop)))
    report(bad_pop, "population", lambda i: f"{frame['population'][i]!r} is not a whole number >= 0")

    wkt = frame["wkt"].to_numpy(dtype=object)
    has_wkt = np.flatnonzero(wkt != "")
    geoms = shapely.points(np.where(np.isfinite(coords["lon"]), coords["lon"], 0.0),
                           np.where(np.isfinite(coords["lat"]), coords["lat"], 0.0))
    if len(has_wkt):
        parsed = shapely.from_wkt(wkt[has_wkt], on_invalid="ignore")
        bad = has_wkt[shapely.is_missing(parsed) | shapely.is_empty(parsed)]
        report(bad, "wkt", lambda i: f"cannot parse WKT {wkt[i][:40]!r}...; give valid WKT in lon lat order")
        ok = ~(shapely.is_missing(parsed) | shapely.is_empty(parsed))
        bounds = shapely.bounds(parsed[ok])
        out = (np.abs(bounds[:, [0, 2]]) > 180).any(axis=1) | (np.abs(bounds[:, [1, 3]]) > 90).any(axis=1)
        report(has_wkt[ok][out], "wkt", lambda i: "coordinates out of range; WKT is lon lat (x y) in degrees")
        types = shapely.get_type_id(parsed)
        kinds = frame["kind"].to_numpy(dtype=object)[has_wkt]
        river_bad = ok & (kinds == "river") & ~np.isin(types, [1, 5])
        report(has_wkt[river_bad], "wkt", lambda i: "a river needs a LINESTRING or MULTILINESTRING")
        area_bad = ok & np.isin(kinds, list(_AREAS)) & ~np.isin(types, [3, 6])
        report(has_wkt[area_bad], "wkt", lambda i: f"a {frame['kind'][i]} needs a POLYGON or MULTIPOLYGON")
        geoms[has_wkt[ok]] = parsed[ok]
    if errors:
        errors.sort()
        if all_errors and len(errors) > 1:
            lines = "\n".join(f"{where}:{ln}: column {c}: {p}" for ln, c, p in errors)
            raise GazetteerError(f"{len(errors)} problems:\n{lines}")
        ln, c, p = errors[0]
        raise _err(where, ln, c, p)
    frame["lat"] = coords["lat"]
    frame["lon"] = coords["lon"]
    frame["population"] = pop.astype("int64")
    frame = frame.drop(columns="wkt")
    return gpd.GeoDataFrame(frame, geometry=geoms, crs="EPSG:4326")


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
    _check_frame(table, str(path), lambda i: lines[i] if i < len(lines) else i + 2,
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
    frame : geopandas.GeoDataFrame
        One row per place with the columns of :data:`COLUMNS` (``aliases`` as a
        ``|``-separated string, ``wkt`` replaced by ``geometry``). Use
        :meth:`from_csv` or :meth:`from_frame` rather than this constructor.
    """

    _default = {}
    _default_lock = threading.Lock()

    def __init__(self, frame, *, _index=None, _cache=None):
        self.frame = frame.reset_index(drop=True)
        self._cache = _cache
        self._ids = self.frame["id"].tolist()
        self._pos = {pid: i for i, pid in enumerate(self._ids)}
        self._index = _index
        self._places = {}
        self._matcher = None
        self._context_cache = {}

    # ----------------------------------------------------------- construction
    @classmethod
    def default(cls, *, world=False):
        """The project's gazetteer (``data/gazetteer.csv``), loaded once and cached.

        Parameters
        ----------
        world : bool, default False
            Stack the world-scale table of :mod:`geomap.world` under it.
        """
        with cls._default_lock:
            if world not in cls._default:
                from ._paths import data_dir

                gaz = cls.from_csv(Path(data_dir()) / "gazetteer.csv")
                if world:
                    try:
                        from .world import load_world_frame
                    except ImportError as exc:
                        raise GeomapError(
                            "the world-scale gazetteer (geomap.world) is not available in "
                            "this version; use Gazetteer.default() without world=True"
                        ) from exc
                    gaz = cls.from_frame(load_world_frame()).stack(gaz)
                cls._default[world] = gaz
            return cls._default[world]

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
        table = _read_table(path)
        lines = None

        def line_of(i):
            nonlocal lines
            lines = lines or _line_numbers(path)
            return lines[i] if i < len(lines) else i + 2

        stat = Path(path).stat()
        cache = _cache_file(f"{Path(path).resolve()}|{stat.st_size}|{stat.st_mtime_ns}")
        gaz = cls(_check_frame(table, str(path), line_of), _cache=cache)
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
            source file's hash); the name index is then cached on disk under it.
        """
        gpd = __import__("geopandas")
        table = frame.copy()
        geometry = None
        if isinstance(frame, gpd.GeoDataFrame) or "geometry" in table.columns:
            geometry = gpd.GeoSeries(table.pop("geometry")).set_crs("EPSG:4326", allow_override=True)
            table["wkt"] = ""
        table = table.astype({c: str for c in table.columns}).replace({"nan": "", "None": ""})
        checked = _check_frame(table, "<frame>", lambda i: f"row {i}")
        if geometry is not None:
            checked = checked.set_geometry(geometry.reset_index(drop=True).to_numpy())
        gaz = cls(checked, _cache=_cache_file(cache_key) if cache_key else None)
        return base.stack(gaz) if base is not None else gaz

    def stack(self, other):
        """A new gazetteer: ``other``'s rows override ours by id, or add.

        Overridden rows keep their position, so only ``other``'s names are
        (re)indexed: stacking a small CSV on a big table is cheap.
        """
        pd = __import__("pandas")
        gpd = __import__("geopandas")
        over = [(self._pos[pid], j) for j, pid in enumerate(other._ids) if pid in self._pos]
        new = [j for j, pid in enumerate(other._ids) if pid not in self._pos]
        frame = pd.concat([self.frame, other.frame.iloc[new]], ignore_index=True)
        frame = gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")
        if over:
            rows_b = [b for b, _ in over]
            rows_o = [j for _, j in over]
            for col in frame.columns:
                frame.loc[rows_b, col] = other.frame[col].to_numpy()[rows_o]
        index = dict(self.index)
        for b, _ in over:
            old = self.frame.iloc[b]
            for key, _how in _row_keys(old["name"], _split_aliases(old["aliases"]), old["kind"]):
                codes = tuple(c for c in index.get(key, ()) if c >> 2 != b)
                if codes:
                    index[key] = codes
                else:
                    index.pop(key, None)
        where = {j: b for b, j in over}
        where.update({j: len(self) + n for n, j in enumerate(new)})
        for key, codes in other.index.items():
            mapped = tuple((where[c >> 2] << 2) | (c & 3) for c in codes)
            index[key] = index.get(key, ()) + mapped
        return Gazetteer(frame, _index=index)

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
        rows = (self.frame["parent"] == place_id).to_numpy().nonzero()[0]
        return [self._place(int(i)) for i in rows]

    def parent_of(self, place):
        """The enclosing place of ``place`` (a Place or an id), or None."""
        place = self.get(place) if isinstance(place, str) else place
        return self.get(place.parent) if place.parent and place.parent in self else None

    def _place(self, i):
        place = self._places.get(i)
        if place is None:
            row = self.frame.iloc[i]
            aliases = _split_aliases(row["aliases"])
            place = Place(
                id=row["id"], name=row["name"], kind=row["kind"],
                country=row["country"] or None, parent=row["parent"] or None,
                lat=float(row["lat"]), lon=float(row["lon"]), geometry=row["geometry"],
                population=int(row["population"]), source=row["source"], aliases=aliases,
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
            index = _load_index(self._cache, len(self))
            if index is None:
                f = self.frame
                index = {}
                rows = zip(f["name"].tolist(), f["aliases"].tolist(), f["kind"].tolist())
                for row, (name, aliases, kind) in enumerate(rows):
                    for key, how in _row_keys(name, _split_aliases(aliases), kind):
                        index.setdefault(key, []).append((row << 2) | how)
                index = {k: tuple(v) for k, v in index.items()}
                _save_index(self._cache, index, len(self))
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
        """Every place ``name`` may mean, best first (parameters as :meth:`resolve`).

        Returns
        -------
        list of Place
            Each with ``score`` (sum of the evidence) and ``why`` (the evidence).
        """
        key = normalize_name(name)
        hits, note = self._lookup(key)
        if not hits:
            return []
        kinds = {kind} if isinstance(kind, str) else (set(kind) if kind else None)
        ctx = self._context(context, exclude=key)
        scored = []
        for code in hits:
            how = code & 3
            place = self._place(code >> 2)
            if kinds is not None and place.kind not in kinds:
                continue
            if country and place.country not in (None, country.upper()):
                continue
            score, why = self._score(place, how, ctx)
            if note:
                why = (note, *why)
            scored.append(dataclasses.replace(place, score=round(score, 3), why=why))
        scored.sort(key=lambda p: (-p.score, -p.population, p.id))
        return scored[:limit] if limit else scored

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

    def _score(self, place, how, ctx):
        base, how_words = _HOW[how]
        score = base + _KIND_PRIOR.get(place.kind, 1.0)
        why = [f"{how_words} match +{base:g}", f"kind {place.kind} +{_KIND_PRIOR.get(place.kind, 1.0):g}"]
        if place.kind in _SETTLEMENTS and place.population > 0:
            bonus = _POP_WEIGHT * math.log10(place.population + 1)
            score += bonus
            why.append(f"population {place.population:,} +{bonus:.2f}")
        if ctx is None:
            return score, tuple(why)
        countries, provinces, parents, points = ctx
        if place.country and place.country in countries:
            score += _CONTEXT["country"]
            why.append(f"same country as context ({place.country}) +{_CONTEXT['country']:g}")
        if place.parent and place.parent in provinces:
            score += _CONTEXT["province"]
            why.append(f"same province as context ({place.parent}) +{_CONTEXT['province']:g}")
        if place.id in parents and place.kind != "country":
            score += _CONTEXT["contains"]
            why.append(f"encloses a context place +{_CONTEXT['contains']:g}")
        if points:
            d = min(_km(place.lat, place.lon, la, lo) for la, lo in points)
            bonus = _CONTEXT["near"] * max(0.0, 1.0 - math.log10(1.0 + d) / 4.0)
            if bonus > 0:
                score += bonus
                why.append(f"{d:,.0f} km from a context place +{bonus:.2f}")
        return score, tuple(why)

    def _context(self, context, *, exclude):
        """Summarize context as (countries, province ids, parent ids, points) or None."""
        if context is None:
            return None
        if isinstance(context, str):
            cached = self._context_cache.get(context)
            if cached is None:
                cached = self._places_in_text(context)
                if len(self._context_cache) > 64:
                    self._context_cache.clear()
                self._context_cache[context] = cached
            places = [p for k, p in cached if k != exclude]
        else:
            places = [p for p in context if normalize_name(p.name) != exclude]
        if not places:
            return None
        countries = {p.country for p in places if p.country}
        parents = {p.parent for p in places if p.parent}
        provinces = {p.id for p in places if p.kind in ("province", "county")}
        provinces |= {i for i in parents if i in self._pos
                      and self.frame["kind"].iat[self._pos[i]] in ("province", "county")}
        points = [(p.lat, p.lon) for p in places if p.kind not in ("country", "river")]
        return countries, provinces, parents, points

    def _places_in_text(self, text):
        """Unambiguous places of a text: the only candidate of a name, or a country/province."""
        out = []
        for m in self.matcher.scan(text):
            if m.common and not m.capitalized:
                continue
            rows = [self._pos[i] for i in m.place_ids]
            places = [self._place(r) for r in rows]
            areas = [p for p in places if p.kind in ("country", "province")]
            if len(places) == 1:
                out.append((m.key, places[0]))
            elif len(areas) == 1:
                out.append((m.key, areas[0]))
        return out


def _cache_file(what):
    """Where the name index of a table is cached: keyed by the table and by
    the normalization code, so that a change to either rebuilds them."""
    try:
        from . import normalize
        from ._paths import cache_dir

        code = Path(normalize.__file__).read_bytes() + Path(__file__).read_bytes()
        digest = hashlib.sha1(what.encode() + code).hexdigest()[:20]
        return cache_dir() / f"gazetteer-index-{digest}.pickle"
    except OSError:
        return None  # no writable cache: the index is rebuilt each time


def _load_index(path, rows):
    if path is None or not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            n, index = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    return index if n == rows and isinstance(index, dict) else None


def _save_index(path, index, rows):
    if path is None:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            pickle.dump((rows, index), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def _km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))
