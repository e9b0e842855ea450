"""Spatial qualifiers: from phrases around a place name to geometry.

"the eastern banks of the Euphrates" is the east side of the river line near
the article's area, "northwest Syria" the northwest part of the country
polygon (never its centre), "20 km south of X" a point moved south of X, and
"advance on X from the south" an approach line that *ends* at X (the map
draws the arrow head at the last vertex).  Detection works on lowercased
text; geometry uses shapely in a local km frame.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = [
    "Qualifier", "detect_qualifier", "find_approach", "direction_of",
    "offset_point", "area_part", "river_bank", "approach_line", "KM_PER_DEG",
]

KM_PER_DEG = 111.32
_DIRS = {
    "north": (0.0, 1.0), "south": (0.0, -1.0), "east": (1.0, 0.0), "west": (-1.0, 0.0),
    "northeast": (1.0, 1.0), "northwest": (-1.0, 1.0), "southeast": (1.0, -1.0), "southwest": (-1.0, -1.0),
}
_DIR = r"(north|south|east|west)[\s-]?(east|west)?(?:ern|erly)?"
_NUM_WORDS = {"a few": 5, "several": 8, "ten": 10, "five": 5, "twenty": 20, "thirty": 30, "fifty": 50}

_BANK_BEFORE = re.compile(
    r"(?:the\s+)?" + _DIR + r"\s+(?:river\s*)?(?:banks?|side|shores?|flank|bank\s+side)\s+of\s+(?:the\s+)?(?:river\s+)?$")
_BANK_AFTER = re.compile(r"^\s*(?:['’]s?|\s*s)?\s*" + _DIR + r"\s+(?:river\s*)?(?:banks?|side|shore)\b")
_OFFSET_BEFORE = re.compile(
    r"(?:(?P<num>\d+(?:[.,]\d+)?|a few|several|ten|five|twenty|thirty|fifty)\s*(?:-\s*)?(?P<unit>km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\s+)?"
    r"(?:\(\s*[\d.,]+\s*(?:miles|mi|km)\s*\)\s+)?"
    r"(?:to\s+the\s+|just\s+|some\s+|directly\s+|further\s+|due\s+)?" + _DIR +
    r"\s+of\s+(?:the\s+)?(?:(?:city|town|village|province|region|capital|strip)\s+(?:of\s+)?)?"
    r"(?:(?:al|el|ad|ar|as|ash|at|az|an)[\s-]+)?$")
_PART_BEFORE = re.compile(
    r"(?:(?:parts?|areas?|swathes?|the\s+countryside|much|most|pockets?)\s+of\s+)?(?:the\s+)?" + _DIR + r"\s+$")
_PART_AFTER = re.compile(r"^\s*(?:['’]s?|\s*s)\s+" + _DIR + r"\b(?!\s+(?:of|bank|side))")
_KIND_BEFORE = re.compile(
    r"(?:" + _DIR + r"\s+)?(?P<kind>province|governorate|region|state|oblast|city|town|village|district|county|river)\s+of\s+(?:the\s+)?$")
_HAS_DIR = re.compile(r"north|south|east|west")
_APPROACH = re.compile(r"\bfrom\s+(?:the\s+)?" + _DIR + r"\b(?!\s*(?:of|bank|side|banks|shore|riverbank)\b)")


@dataclass(frozen=True)
class Qualifier:
    """A qualifier found next to a place mention."""

    name: str                 # east_bank, northwest, east_of, ...
    start: int                # span of the whole phrase in the text
    end: int
    km: float | None = None   # distance for offsets
    kind: str | None = None   # a kind hint ("province of X")


def direction_of(a, b):
    """Normalise ("north", "west") or ("northwest", None) to ``northwest``."""
    a = (a or "").lower()
    b = (b or "").lower()
    return a + b if b else a


def _to_km(num, unit):
    if num is None:
        return None
    value = _NUM_WORDS.get(num) or float(num.replace(",", "."))
    return value * 1.609 if unit and unit.startswith("mi") else value


def detect_qualifier(text, start, end, *, kind=None):
    """The qualifier written around the place name at ``text[start:end]``.

    Parameters
    ----------
    text : str
        The document (any case).
    start, end : int
        The place name's span.
    kind : str, optional
        The place's kind; banks only apply to rivers, parts to areas.

    Returns
    -------
    Qualifier or None
    """
    before = text[max(0, start - 90):start].lower()
    after = text[end:end + 40].lower()
    base = start - len(before)
    directional = _HAS_DIR.search(before) is not None or _HAS_DIR.search(after) is not None
    if not directional:
        m = _KIND_BEFORE.search(before[-40:]) if " of" in before[-12:] else None
        if m and not re.search(r"\bof\s+(?:the\s+)?$", before[-40:][: m.start()]):
            return Qualifier("", start - (len(before[-40:]) - m.start()), end, kind=m.group("kind"))
        return None
    if kind in (None, "river", "lake"):
        m = _BANK_BEFORE.search(before)
        if m:
            return Qualifier(direction_of(m.group(1), m.group(2)) + "_bank", base + m.start(), end)
        m = _BANK_AFTER.match(after)
        if m:
            return Qualifier(direction_of(m.group(1), m.group(2)) + "_bank", start, end + m.end())
        if kind == "river":
            m = _OFFSET_BEFORE.search(before)
            if m:  # "villages east of the Blue Nile": that side of the river
                d = direction_of(m.group(3), m.group(4))
                return Qualifier(d + "_of", base + m.start(), end, km=_to_km(m.group("num"), m.group("unit")))
            return None
    m = _KIND_BEFORE.search(before)
    if m and not re.search(r"\bof\s+(?:the\s+)?$", before[: m.start()]):
        return Qualifier("", base + m.start(), end, kind=m.group("kind"))
    m = _OFFSET_BEFORE.search(before)
    if m:
        d = direction_of(m.group(3), m.group(4))
        return Qualifier(d + "_of", base + m.start(), end, km=_to_km(m.group("num"), m.group("unit")))
    m = _PART_BEFORE.search(before)
    if m and kind not in ("city", "town", "village", "base", "landmark", "dam"):
        return Qualifier(direction_of(m.group(1), m.group(2)), base + m.start(), end)
    m = _PART_AFTER.match(after)
    if m and kind not in ("city", "town", "village", "base", "landmark", "dam"):
        return Qualifier(direction_of(m.group(1), m.group(2)), start, end + m.end())
    return None


def find_approach(text):
    """``from_<direction>`` for "from the south" in a clause, with its span, or None."""
    m = _APPROACH.search(text.lower())
    if not m:
        return None
    return "from_" + direction_of(m.group(1), m.group(2)), m.start(), m.end()


# --- geometry -------------------------------------------------------------------------

def _unit(direction):
    dx, dy = _DIRS[direction]
    n = math.hypot(dx, dy)
    return dx / n, dy / n


def offset_point(lon, lat, direction, km):
    """The point ``km`` kilometres from (lon, lat) towards ``direction``."""
    from shapely.geometry import Point

    dx, dy = _unit(direction)
    return Point(lon + dx * km / (KM_PER_DEG * max(0.2, math.cos(math.radians(lat)))), lat + dy * km / KM_PER_DEG)


def approach_line(lon, lat, direction, *, km=40.0):
    """An approach from ``direction`` that ends at (lon, lat): a two-vertex LineString."""
    from shapely.geometry import LineString

    start = offset_point(lon, lat, direction, km)
    return LineString([(start.x, start.y), (lon, lat)])


def area_part(geometry, direction, *, fraction=0.5):
    """The ``direction`` part of an area polygon (``northwest`` of Syria).

    The polygon's bounding box is cut at ``fraction`` along each axis named by the
    direction and intersected with the polygon, so the part follows the borders.
    """
    from shapely.geometry import box

    minx, miny, maxx, maxy = geometry.bounds
    w, h = maxx - minx, maxy - miny
    x0, x1, y0, y1 = minx, maxx, miny, maxy
    if "north" in direction:
        y0 = maxy - h * fraction
    if "south" in direction:
        y1 = miny + h * fraction
    if "east" in direction:
        x0 = maxx - w * fraction
    if "west" in direction:
        x1 = minx + w * fraction
    part = geometry.intersection(box(x0, y0, x1, y1))
    return part if not part.is_empty else geometry


def _window(points, km):
    """A box around the points, ``km`` kilometres wide on each side (fast to clip with)."""
    from shapely.geometry import box

    lat = sum(p[1] for p in points) / len(points)
    dx = km / (KM_PER_DEG * max(0.2, math.cos(math.radians(lat))))
    dy = km / KM_PER_DEG
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return box(min(xs) - dx, min(ys) - dy, max(xs) + dx, max(ys) + dy)


def river_bank(line, side, *, near=(), offset_km=3.0, window_km=75.0):
    """One bank of a river near the article's area.

    Parameters
    ----------
    line : shapely (Multi)LineString
        The river.
    side : str
        ``east``, ``west``, ``north`` or ``south``.
    near : sequence of (lon, lat)
        The article's focus places; the river is clipped to a window around them
        (the whole river when empty or when the window misses it).
    offset_km : float
        How far from the centre line the bank is drawn.
    window_km : float
        Radius of the window around the focus places.

    Returns
    -------
    shapely (Multi)LineString
    """
    from shapely.geometry import LineString, MultiLineString

    piece = line
    if near:
        import shapely

        clipped = shapely.clip_by_rect(line, *_window(list(near), window_km).bounds)
        if not clipped.is_empty:
            piece = clipped
        else:  # the focus is off the river: take the stretch nearest to it
            from shapely.geometry import Point
            from shapely.ops import nearest_points

            p = nearest_points(line, Point(near[0]))[0]
            clipped = shapely.clip_by_rect(line, *_window([(p.x, p.y)], window_km).bounds)
            piece = clipped if not clipped.is_empty else line
    # a few hundred metres of detail is plenty for a bank drawn a few km off the river
    piece = piece.simplify(0.005, preserve_topology=False)
    parts = [g for g in getattr(piece, "geoms", [piece]) if isinstance(g, LineString) and g.length > 0]
    if not parts:
        return piece
    lat = parts[0].centroid.y
    deg = offset_km / (KM_PER_DEG * max(0.2, math.cos(math.radians(lat))))
    dx, dy = _unit(side)
    out = []
    for part in parts:
        left = part.offset_curve(deg, quad_segs=2, join_style="mitre")
        right = part.offset_curve(-deg, quad_segs=2, join_style="mitre")
        candidates = [g for g in (left, right) if not g.is_empty]
        if not candidates:
            continue
        best = max(candidates, key=lambda g: g.centroid.x * dx + g.centroid.y * dy)
        out.extend(getattr(best, "geoms", [best]))
    if not out:
        return piece
    return out[0] if len(out) == 1 else MultiLineString(out)
