"""Demonyms and adjectives of places: "Irish" -> Ireland, "Texan" -> Texas.

``data/demonyms.csv`` lists the forms English uses for the people and things
of a country, a UK nation, a region of the gazetteer or a US state, one form
per row (``form,place,source``; ``place`` is a gazetteer id). It serves
:meth:`geomap.gazetteer.Gazetteer.resolve` only, when a caller asks what
"Cypriot" or "Saudi" names; the forms are *not* gazetteer aliases, so the
matcher never reads "Russian forces" or "French fries" as a place mention.

Regular forms (Kenyan, Israelis, Chinese) are also read by a suffix rule in
:mod:`geomap.ranking`; this table holds what that rule cannot derive (Irish,
Dutch, Swiss, Cypriot, Saudi, Texan) and the forms that are also place names
(Canadian, Texas; Mexican Hat), so that they compete with those places.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .errors import GazetteerError
from .normalize import normalize_name

__all__ = ["load_demonyms", "demonym_key"]

COLUMNS = ("form", "place", "source")


def demonym_key(form):
    """The lookup key of a form: :func:`geomap.normalize.normalize_name`."""
    return normalize_name(form)


def load_demonyms(path):
    """Read a demonym table.

    Parameters
    ----------
    path : str or Path
        CSV with the columns ``form,place,source``.

    Returns
    -------
    dict
        ``{key: ((place id, form), ...)}`` in file order; the key is the
        normalized form, which vowel-folds ("Rosian" shares the key of
        "Russian"), so callers compare the form as written too.

    Raises
    ------
    GazetteerError
        ``FILE:LINE: column COL: problem`` for a missing column or an empty value.
    """
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise GazetteerError(f"{path}:1: missing column(s) {', '.join(missing)}; "
                                     f"expected {','.join(COLUMNS)}")
            table = {}
            for row in reader:
                for col in COLUMNS:
                    if not (row.get(col) or "").strip():
                        raise GazetteerError(f"{path}:{reader.line_num}: column {col}: empty value")
                key = demonym_key(row["form"])
                if not key:
                    raise GazetteerError(f"{path}:{reader.line_num}: column form: "
                                         f"{row['form']!r} has no letters or digits")
                entry = (row["place"].strip(), row["form"].strip())
                if entry not in table.setdefault(key, ()):
                    table[key] += (entry,)
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read the demonym table ({exc})") from exc
    return table
