"""The gazetteer: places with geometry, a name index, and ranked resolution.

A :class:`Gazetteer` holds one row per place in a GeoDataFrame (EPSG:4326) and
an index from normalized name keys (:mod:`geomap.normalize`) to rows. Rows
come from ``data/gazetteer.csv`` (:meth:`Gazetteer.default`), a user's CSV
(:meth:`Gazetteer.from_csv`) or any frame with the same columns
(:meth:`Gazetteer.from_frame`, used by the world-scale table); a user's rows
stack on a base gazetteer, overriding by id or adding.

Reading, checking, indexing and caching tables is :mod:`geomap._table`'s job;
ranking candidates with their evidence (``Place.score``, ``Place.why``) is
:mod:`geomap.ranking`'s; scanning text for names is :mod:`geomap.matcher`'s.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import threading
from pathlib import Path

from . import _table, ranking
from ._table import COLUMNS, KINDS, PRECISION, split_aliases, validate_csv
from .errors import GazetteerError, GeomapError

__all__ = ["Place", "Gazetteer", "validate_csv", "KINDS", "COLUMNS"]


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
        return PRECISION.get(self.kind, "point")


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
        # ranking's caches: (text, name key) -> evidence; text -> places it names
        self._context_cache = {}
        self._text_cache = {}
        self._vote_cache = {}  # name -> its candidates' context-free votes
        self._summary_cache = {}  # (context place ids, name key) -> evidence
        self._candidate_cache = {}  # (name, its index codes) -> what ranking needs of them
        self._scan_cache = {}  # text -> its raw matches (see scan)
        self._geocoder = None
        self._demonyms = None  # normalized form -> (row, form) (data/demonyms.csv), read at first use

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
            cache = _table.cache_file(f"world|{table.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{digest}")
            cached = _table.load_cache(cache)
            if cached and cached[0] is not None:
                columns, wkb, index, _rows = cached
                return cls(columns, _table.from_wkb(wkb), _index=index)
        # the stacked table is cached below; caching the world frame on its
        # own as well would write (and keep) a second copy of the same rows
        gaz = cls.from_frame(load_world_frame(), cache_key=False if cache is not None else None)
        gaz = gaz.stack(cls.from_csv(csv_path))
        if cache is not None:
            _table.save_cache(cache, gaz._cols, _table.to_wkb(gaz._shapes), gaz.index, len(gaz))
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
        cache = _table.cache_file(f"{path.resolve()}|{digest}")
        cached = _table.load_cache(cache)
        if cached and cached[0] is not None:
            columns, wkb, index, _rows = cached
            gaz = cls(columns, _table.from_wkb(wkb), _index=index, _cache=cache)
        else:
            table = _table.read_table(path)
            lines = None

            def line_of(i):
                nonlocal lines
                lines = lines or _table.line_numbers(path)
                return lines[i] if i < len(lines) else i + 2

            gaz = cls(*_table.check_table(table, str(path), line_of), _cache=cache)
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
        cache_key : str or False, optional
            A string that changes whenever the frame's content does (e.g. the
            source file's size and time); the checked table and its name index
            are then cached on disk under it. Defaults to
            ``frame.attrs["cache_key"]`` (set by :func:`geomap.world.load_world_frame`);
            False caches nothing.
        """
        np = __import__("numpy")
        if cache_key is not False:
            cache_key = cache_key or frame.attrs.get("cache_key")
        cache = _table.cache_file(f"frame|{cache_key}") if cache_key else None
        cached = _table.load_cache(cache)
        if cached and cached[0] is not None and cached[3] == len(frame):
            columns, wkb, index, _rows = cached
            gaz = cls(columns, _table.from_wkb(wkb), _index=index, _cache=cache)
            return base.stack(gaz) if base is not None else gaz
        table = frame.copy()
        geometry = None
        if "geometry" in table.columns:
            geometry = np.asarray(table.pop("geometry").to_numpy(), dtype=object)
            table["wkt"] = ""
        table = table.astype(object).where(table.notna(), "").astype(str)
        columns, shapes = _table.check_table(table, "<frame>", lambda i: f"row {i}")
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
                aliases=split_aliases(c["aliases"][i]),
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
            cached = _table.load_cache(self._cache)
            index = cached[2] if cached and cached[3] == len(self) else None
            if index is None:
                index = _table.build_index(self._cols)
                table = (self._cols, _table.to_wkb(self._shapes)) if self._cache_table else (None, None)
                _table.save_cache(self._cache, *table, index, len(self))
            self._index = index
        return self._index

    @property
    def demonyms(self):
        """``{normalized form: ((row, form), ...)}`` from ``data/demonyms.csv`` (read once).

        Only places this gazetteer holds are kept; an empty dict when the data
        folder has no such file. :mod:`geomap.ranking` reads it for
        :meth:`resolve` ("Irish" -> Ireland); it is not part of the name index.
        """
        if self._demonyms is None:
            from ._paths import data_dir
            from .demonyms import load_demonyms

            path = Path(data_dir()) / "demonyms.csv"
            table = load_demonyms(path) if path.exists() else {}
            self._demonyms = {key: rows for key, entries in table.items()
                              if (rows := tuple((self._pos[i], form) for i, form in entries if i in self._pos))}
        return self._demonyms

    @property
    def matcher(self):
        """The :class:`geomap.matcher.Matcher` over this gazetteer's names (built once)."""
        if self._matcher is None:
            from .matcher import Matcher

            self._matcher = Matcher(self)
        return self._matcher

    def scan(self, text):
        """``self.matcher.scan(text)``, remembered for the last few texts.

        The extractor scans an article for its mentions and the ranker scans
        the same article for its document votes: one scan serves both.

        Parameters
        ----------
        text : str

        Returns
        -------
        list of geomap.matcher.RawMatch
            A new list each call (the matches themselves are immutable).
        """
        found = self._scan_cache.get(text)
        if found is None:
            found = tuple(self.matcher.scan(text))
            if len(self._scan_cache) >= 8:
                self._scan_cache.clear()
            self._scan_cache[text] = found
        return list(found)

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
        key, hits, note = ranking.lookup(self, name)
        kinds = {kind} if isinstance(kind, str) else (set(kind) if kind else None)
        if not hits:
            return self._geocode(name, country=country, kinds=kinds)
        return ranking.rank(self, name, key, hits, note, context=context, country=country,
                            kinds=kinds, limit=limit)

    def _best(self, name, *, context=None, kind=None, among=None):
        """The best-scoring place for ``name`` (optionally only rows with an id in
        ``among``), without ``score`` or ``why``: the extractor needs only the
        choice, and the evidence words cost more than the sums. None when nothing fits.
        """
        key, hits, note = ranking.lookup(self, name)
        if not hits:
            found = self._geocode(name, country=None, kinds={kind} if isinstance(kind, str) else kind)
            return next((p for p in found if among is None or p.id in among), None)
        kinds = {kind} if isinstance(kind, str) else (set(kind) if kind else None)
        ctx = ranking._context(self, context, exclude=key)
        for place, _score in ranking._rank(self, name, key, hits, note, ctx, kinds=kinds, words=False):
            if among is None or place.id in among:
                return place
        return None

    def _geocode(self, name, *, country, kinds):
        if self._geocoder is None or not name or not str(name).strip():
            return []
        place = self._geocoder.lookup(str(name).strip(), country=country.upper() if country else None)
        if place is None or (kinds is not None and place.kind not in kinds):
            return []
        return [place]

