"""Opt-in online fallback for names the gazetteer lacks, through geopy.

Nothing in geomap's pipeline touches the network unless the user asks for a
geocoder (``Gazetteer(..., geocoder="nominatim")``, ``--geocoder nominatim``).
Then each name the gazetteer cannot resolve is asked once: answers, including
"no result", are kept in an on-disk JSON cache, so a rerun of the same reports
sends no request.  Results are gazetteer rows (same columns as
``data/gazetteer.csv``) with their provenance, which the user can review with
:meth:`Geocoder.export_csv` and stack on the gazetteer as their own CSV.

A failing service never loses events: :meth:`Geocoder.lookup` logs a warning
and returns ``None`` (the mention stays unlocated); only misconfiguration
raises :class:`~geomap.errors.GeocoderError`.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import json
import logging
import os
import tempfile
import threading
from pathlib import Path

from .errors import GeocoderError, OutputError

__all__ = ["Geocoder", "GAZETTEER_COLUMNS", "SUPPORTED"]

logger = logging.getLogger(__name__)

GAZETTEER_COLUMNS = (
    "id", "name", "aliases", "kind", "country", "parent",
    "lat", "lon", "wkt", "population", "source",
)
SUPPORTED = ("nominatim",)
CACHE_VERSION = 1
# After this many consecutive transport failures the service is presumed down
# for this session: asking again for every name would only multiply warnings
# and time-outs while the events stay unlocated anyway.
MAX_CONSECUTIVE_FAILURES = 3

# Nominatim's addresstype (or type) -> geomap kind.  Unknown types become
# "landmark", which geomap draws as a point.
_KINDS = {
    "country": "country",
    "state": "province", "province": "province", "region": "region",
    "state_district": "county", "county": "county", "district": "county",
    "municipality": "town",
    "city": "city", "town": "town", "village": "village", "hamlet": "village",
    "isolated_dwelling": "village", "locality": "village",
    "river": "river", "stream": "river", "canal": "river",
    "lake": "lake", "reservoir": "lake", "water": "lake",
    "dam": "dam", "military": "base", "airfield": "base",
}


def _now():
    return _dt.datetime.now(_dt.timezone.utc)


def _cache_key(name, country):
    key = " ".join(name.split()).casefold()
    return f"{key}|{country.upper()}" if country else key


def _latin(text):
    """True when every letter of ``text`` is Latin script (aliases policy)."""
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in text)


class Geocoder:
    """An online geocoder with rate limiting and an on-disk answer cache.

    Parameters
    ----------
    name : str, default "nominatim"
        The service; only ``"nominatim"`` (OpenStreetMap) is supported.
    user_agent : str, optional
        Sent with every request; Nominatim's usage policy requires one that
        identifies the application.  Defaults to ``GEOMAP_USER_AGENT`` or
        ``"geomap/<version>"``.
    domain : str, optional
        Service host (and port), e.g. a self-hosted Nominatim; geopy's
        default ``nominatim.openstreetmap.org`` when omitted.
    scheme : {"https", "http"}
    timeout : float, default 10
        Seconds to wait for one answer.
    min_delay_seconds : float, default 1.0
        Minimum interval between requests (Nominatim allows one per second).
    max_retries : int, default 0
        Retries of a request that failed with a server error.
    cache_path : str or Path, optional
        JSON file of answers; ``<cache_dir>/geocode-<name>-<domain>.json`` by default.
    """

    def __init__(
        self,
        name="nominatim",
        *,
        user_agent=None,
        domain=None,
        scheme="https",
        timeout=10.0,
        min_delay_seconds=1.0,
        max_retries=0,
        cache_path=None,
    ):
        if name not in SUPPORTED:
            raise GeocoderError(
                f"unknown geocoder {name!r}; supported: {', '.join(SUPPORTED)}"
            )
        if scheme not in ("http", "https"):
            raise GeocoderError(f"geocoder scheme must be 'http' or 'https', not {scheme!r}")
        if not (isinstance(timeout, (int, float)) and timeout > 0):
            raise GeocoderError(f"geocoder timeout must be a positive number of seconds, not {timeout!r}")
        if not (isinstance(min_delay_seconds, (int, float)) and min_delay_seconds >= 0):
            raise GeocoderError(
                f"min_delay_seconds must be >= 0, not {min_delay_seconds!r}"
            )
        if user_agent is None:
            from . import __version__

            user_agent = os.environ.get("GEOMAP_USER_AGENT") or f"geomap/{__version__}"
        if not str(user_agent).strip():
            raise GeocoderError(
                "the geocoder needs a user_agent that identifies your application "
                "(Nominatim's usage policy); pass user_agent=... or set GEOMAP_USER_AGENT"
            )
        self.name = name
        self.user_agent = str(user_agent)
        self.domain = domain
        self.scheme = scheme
        self.timeout = float(timeout)
        self.min_delay_seconds = float(min_delay_seconds)
        self.max_retries = int(max_retries)
        if cache_path is None:
            from ._paths import cache_dir

            host = (domain or "nominatim.openstreetmap.org").replace(":", "_").replace("/", "_")
            cache_path = cache_dir() / f"geocode-{name}-{host}.json"
        self.cache_path = Path(cache_path)
        self._lock = threading.Lock()
        self._entries = None  # loaded lazily from cache_path
        self._session_failures = {}  # key -> reason; transient, never written
        self._consecutive_failures = 0
        self._query = None  # the rate-limited geopy callable, built lazily

    def __repr__(self):
        return f"Geocoder({self.name!r}, domain={self.domain!r}, cache_path={str(self.cache_path)!r})"

    # -- cache ---------------------------------------------------------------

    def _load(self):
        if self._entries is not None:
            return self._entries
        entries = {}
        if self.cache_path.exists():
            try:
                data = json.loads(self.cache_path.read_text(encoding="utf-8"))
                if data.get("version") != CACHE_VERSION:
                    raise ValueError(f"cache version {data.get('version')!r}")
                entries = dict(data["entries"])
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                # A damaged cache only costs requests; keep a copy to inspect.
                logger.warning(
                    "geocoder cache %s is unreadable (%s); starting a new one "
                    "(the old file is kept as %s.bad)", self.cache_path, exc, self.cache_path,
                )
                os.replace(self.cache_path, str(self.cache_path) + ".bad")
        self._entries = entries
        return entries

    def _save(self):
        path = self.cache_path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = {"version": CACHE_VERSION, "service": self.name,
                       "domain": self.domain, "entries": self._entries}
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(payload, fh, ensure_ascii=False, indent=1, sort_keys=True)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            # The answer is still used in this session; only persistence is lost.
            logger.warning("cannot write geocoder cache %s: %s", path, exc)

    # -- service -------------------------------------------------------------

    def _service(self):
        if self._query is None:
            from geopy import adapters
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim

            kwargs = {"user_agent": self.user_agent, "scheme": self.scheme, "timeout": self.timeout}
            if self.domain:
                kwargs["domain"] = self.domain
            if adapters.RequestsAdapter.is_available:
                # requests' own silent retries would bypass the rate limiter;
                # retries are ours to decide (max_retries, spaced by the limiter)
                kwargs["adapter_factory"] = functools.partial(adapters.RequestsAdapter, max_retries=0)
            try:
                service = Nominatim(**kwargs)
            except Exception as exc:  # geopy.exc.ConfigurationError and friends
                raise GeocoderError(f"cannot configure the {self.name} geocoder: {exc}") from exc
            self._query = RateLimiter(
                service.geocode,
                min_delay_seconds=self.min_delay_seconds,
                max_retries=self.max_retries,
                error_wait_seconds=max(self.min_delay_seconds, 2.0 if self.max_retries else 0.0),
                swallow_exceptions=False,
            )
        return self._query

    def _ask(self, name, country):
        """One request; returns the raw Nominatim record or None; raises geopy errors."""
        kwargs = {"exactly_one": True, "addressdetails": True, "namedetails": True,
                  "language": "en"}
        if country:
            kwargs["country_codes"] = [country.lower()]
        location = self._service()(name, **kwargs)
        return None if location is None else location.raw

    def lookup(self, name, *, country=None):
        """Resolve ``name`` online (once; later calls read the cache).

        Parameters
        ----------
        name : str
            The place name as written.
        country : str, optional
            ISO 3166-1 alpha-2 code restricting the search.

        Returns
        -------
        geomap.Place or None
            ``None`` when the service knows no such place or cannot be reached
            (a warning is logged; the caller leaves the mention unlocated).
        """
        row = self.lookup_row(name, country=country)
        return None if row is None else row_to_place(row)

    def lookup_row(self, name, *, country=None):
        """Like :meth:`lookup` but return the gazetteer row (a dict) or None."""
        if not isinstance(name, str) or not name.strip():
            return None
        key = _cache_key(name, country)
        with self._lock:
            entries = self._load()
            if key in entries:
                return entries[key].get("row")
            if key in self._session_failures:
                return None
            if self._consecutive_failures >= MAX_CONSECUTIVE_FAILURES:
                self._session_failures[key] = "service presumed down"
                return None
            import geopy.exc

            try:
                raw = self._ask(name, country)
            except geopy.exc.ConfigurationError as exc:
                raise GeocoderError(f"{self.name} geocoder is misconfigured: {exc}") from exc
            except (geopy.exc.GeopyError, OSError, ValueError) as exc:
                # Transient (time-out, HTTP error, bad JSON): not cached, so a
                # later session asks again; this session does not.
                self._consecutive_failures += 1
                reason = f"{type(exc).__name__}: {exc}"
                self._session_failures[key] = reason
                logger.warning("%s geocoder failed for %r (%s); the place stays unlocated",
                               self.name, name, reason)
                if self._consecutive_failures == MAX_CONSECUTIVE_FAILURES:
                    logger.warning("%s geocoder failed %d times in a row; not asking again "
                                   "in this session", self.name, MAX_CONSECUTIVE_FAILURES)
                return None
            self._consecutive_failures = 0
            asked = _now()
            entry = {"query": name, "country": country, "asked": asked.isoformat(timespec="seconds")}
            if raw is None:
                entry.update(status="not_found", reason="no result from the service", row=None)
            else:
                try:
                    entry.update(status="found", row=raw_to_row(raw, query=name, when=asked))
                except (KeyError, TypeError, ValueError) as exc:
                    entry.update(status="not_found", row=None,
                                 reason=f"unusable answer ({type(exc).__name__}: {exc})")
                    logger.warning("%s geocoder gave an unusable answer for %r: %s",
                                   self.name, name, exc)
            entries[key] = entry
            self._save()
            return entry["row"]

    # -- review --------------------------------------------------------------

    def rows(self):
        """Gazetteer rows (dicts) of every place found so far, sorted by id."""
        found = {}
        for entry in self._load().values():
            if entry.get("row"):
                found[entry["row"]["id"]] = entry["row"]
        return [found[k] for k in sorted(found)]

    def negatives(self):
        """``(query, reason)`` of every name the service did not know."""
        return sorted((e["query"], e.get("reason", "")) for e in self._load().values() if not e.get("row"))

    def export_csv(self, path):
        """Write the places found so far as a gazetteer CSV (atomically) for review.

        The file has ``data/gazetteer.csv``'s columns; after review it can be
        stacked on the gazetteer with ``Gazetteer.from_csv(path, base=...)``.
        """
        path = Path(path)
        rows = self.rows()
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=GAZETTEER_COLUMNS)
                writer.writeheader()
                for row in rows:
                    writer.writerow({c: ("" if row.get(c) is None else row.get(c)) for c in GAZETTEER_COLUMNS})
            os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(f"cannot write geocoder results to {path}: {exc}") from exc
        return path


def raw_to_row(raw, *, query, when):
    """Turn one Nominatim JSON record into a gazetteer row with provenance."""
    lat, lon = float(raw["lat"]), float(raw["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    osm_type = str(raw.get("osm_type") or "").lower()
    osm_id = raw.get("osm_id")
    if osm_type and osm_id is not None:
        pid = f"osm:{osm_type[0]}{osm_id}"
        osm_ref = f"osm {osm_type} {osm_id}"
    else:
        pid = f"nominatim:{raw['place_id']}"
        osm_ref = f"nominatim place_id {raw['place_id']}"
    names = raw.get("namedetails") or {}
    name = names.get("name:en") or raw.get("name") or names.get("name") or str(raw["display_name"]).split(",")[0]
    aliases = []
    for alias in [names.get("name"), *names.values(), query]:
        if alias and alias != name and alias not in aliases and _latin(alias) and len(alias) < 80:
            aliases.append(alias)
    kind = _KINDS.get(raw.get("addresstype")) or _KINDS.get(raw.get("type")) or "landmark"
    address = raw.get("address") or {}
    country = (address.get("country_code") or "").upper() or None
    date = when.date().isoformat()
    return {
        "id": pid,
        "name": name,
        "aliases": "|".join(a.replace("|", " ") for a in aliases[:20]),
        "kind": kind,
        "country": country,
        "parent": f"country:{country}" if country and kind != "country" else None,
        "lat": round(lat, 6),
        "lon": round(lon, 6),
        "wkt": None,
        "population": 0,
        "source": (f"Nominatim (OpenStreetMap) query '{query}' on {date}; {osm_ref}; "
                   f"{raw.get('display_name', '')}; data (c) OpenStreetMap contributors, ODbL"),
    }


def row_to_place(row):
    """A gazetteer row (dict) as a :class:`geomap.Place` (point geometry)."""
    from shapely.geometry import Point

    from .gazetteer import Place

    aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
    return Place(
        id=row["id"], name=row["name"], kind=row["kind"], country=row.get("country"),
        parent=row.get("parent"), lat=float(row["lat"]), lon=float(row["lon"]),
        geometry=Point(float(row["lon"]), float(row["lat"])),
        population=int(row.get("population") or 0), source=row.get("source") or "",
        aliases=aliases, score=0.0, why=("online geocoder (Nominatim)",),
    )
