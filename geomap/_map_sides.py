"""Side labels and colours for the map's markers, shapes and legend.

Colours come from ``data/sides.csv`` (or the user's own table); a side without
a usable colour gets a palette slot that depends only on its name, so it keeps
its colour from map to map. Only colours matching ``_COLOUR`` reach the page,
because the browser puts them into SVG attributes.
"""

from __future__ import annotations

import csv
import re
import warnings
import zlib
from pathlib import Path

from .errors import GeomapError, InputError

__all__ = ["PALETTE", "UNKNOWN_COLOUR", "known_sides", "side_styles"]

# Distinct, dark enough for a white glyph; "unknown" is always grey.
PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#7f7f00", "#393b79",
)
UNKNOWN_COLOUR = "#707070"
_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$")


def _read_sides_csv(path):
    out = {}
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if "side" not in (reader.fieldnames or []) or "colour" not in reader.fieldnames:
            raise InputError(f"{path}:1: sides table needs the columns side,label,colour (found {reader.fieldnames})")
        for row in reader:
            side = (row.get("side") or "").strip()
            if side:
                out[side] = ((row.get("label") or side).strip(), (row.get("colour") or "").strip())
    return out


def known_sides(sides):
    """Side -> (label, colour) from ``sides`` or data/sides.csv when it exists."""
    if isinstance(sides, dict):
        return {k: (v if isinstance(v, tuple) else (k, v)) for k, v in sides.items()}
    if sides is not None and Path(sides).exists():
        return _read_sides_csv(sides)
    if sides is not None:  # e.g. a lexicon folder without its own sides.csv
        warnings.warn(f"{sides}: no such sides table; using geomap's data/sides.csv", stacklevel=3)
    try:
        from ._paths import data_dir

        path = data_dir() / "sides.csv"
    except GeomapError:
        return {}
    return _read_sides_csv(path) if path.exists() else {}


def side_styles(keys, sides=None):
    """Label and colour per side key: sides.csv colours, else a stable palette slot."""
    known = sides if isinstance(sides, dict) and all(isinstance(v, tuple) for v in sides.values()) else known_sides(sides)
    styles, used = {}, set()
    for key in keys:
        label, colour = known.get(key, (key, ""))
        if key == "unknown" and not colour:
            colour = UNKNOWN_COLOUR
        if colour and _COLOUR.match(colour):
            styles[key] = {"key": key, "label": label, "colour": colour}
            used.add(colour.lower())
    for key in sorted(k for k in keys if k not in styles):
        # The slot depends on the name, not on which other sides are present,
        # so a side keeps its colour from map to map unless two collide.
        slot = zlib.crc32(key.encode("utf-8")) % len(PALETTE)
        for step in range(len(PALETTE)):
            colour = PALETTE[(slot + step) % len(PALETTE)]
            if colour not in used:
                break
        used.add(colour)
        styles[key] = {"key": key, "label": known.get(key, (key,))[0], "colour": colour}
    return [styles[k] for k in keys]
