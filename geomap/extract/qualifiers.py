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
    "Qualifier", "detect_qualifier", "find_approach", "find_approaches", "direction_of",
    "offset_point", "area_part", "river_bank", "river_stretch", "approach_line", "KM_PER_DEG",
]

KM_PER_DEG = 111.32
_DIRS = {
    "north": (0.0, 1.0), "south": (0.0, -1.0), "east": (1.0, 0.0), "west": (-1.0, 0.0),
    "northeast": (1.0, 1.0), "northwest": (-1.0, 1.0), "southeast": (1.0, -1.0), "southwest": (-1.0, -1.0),
}
_DIR = r"(north|south|east|west)[\s-]?(east|west)?(?:ern|erly)?"
DIRECTION = r"(?:north|south|east|west)[\s-]?(?:east|west)?(?:ern|erly)?"
_NUM_WORDS = {"a few": 5, "several": 8, "ten": 10, "five": 5, "twenty": 20, "thirty": 30, "fifty": 50}

_BANK_BEFORE = re.compile(
    r"(?:the\s+)?" + _DIR + r"\s+(?:river\s*)?(?:banks?|side|shores?|flank|bank\s+side)\s+of\s+(?:the\s+)?(?:river\s+)?$")
_HAND_BEFORE = re.compile(r"(?:the\s+)?(left|right)[\s-]+(?:river\s*)?(?:banks?|shores?)\s+of\s+(?:the\s+)?(?:river\s+)?$")
_HAND_AFTER = re.compile(r"^\s*(?:['’]s?|\s*s)?\s*(left|right)[\s-]+(?:river\s*)?(?:banks?|shore)\b")
_BANK_AFTER = re.compile(r"^\s*(?:['’]s?|\s*s)?\s*" + _DIR + r"\s+(?:river\s*)?(?:banks?|side|shore)\b")
_OFFSET_BEFORE = re.compile(
    r"(?:(?P<num>\d+(?:[.,]\d+)?|a few|several|ten|five|twenty|thirty|fifty)\s*(?:-\s*)?(?P<unit>km|kms|kilometres|kilometers|kilometre|kilometer|nautical\s+miles?|nm|miles|mile|mi)\s+)?"
    r"(?:\(\s*[\d.,]+\s*(?:miles|mi|km)\s*\)\s+)?"
    r"(?:to\s+the\s+|just\s+|some\s+|directly\s+|further\s+|due\s+)?" + _DIR +
    # "west of the (Yemeni) port of Hodeidah": up to two words before the head noun
    r"\s+of\s+(?:the\s+)?(?:(?:[^\W\d_]+\s+){0,2}?(?:city|town|village|port|province|region|capital|strip)\s+(?:of\s+)?)?"
    r"(?:(?:al|el|ad|ar|as|ash|at|az|an)[\s-]+)?$")
_EDGE_BEFORE = re.compile(
    r"(?:the\s+)?" + _DIR + r"\s+(?:outskirts|edges?|suburbs|districts?|neighbou?rhoods?|parts?|quarters?|"
    r"fringes?|approaches|entrance|harbou?rs?|docks?|waterfront|industrial\s+zone|sides?|defen[cs]es)\s+of\s+(?:the\s+)?"
    r"(?:(?:city|town|village)\s+(?:of\s+)?)?$")
# "Beirut's southern suburbs", "the city's eastern outskirts" (the possessive form)
_EDGE_AFTER = re.compile(r"^\s*(?:['’]s?|\s+s)\s+" + _DIR + r"\s+(?:outskirts|edges?|suburbs|districts?|"
                         r"neighbou?rhoods?|quarters?|fringes?|approaches|harbou?rs?|docks?|waterfront|"
                         r"industrial\s+zone|sides?)\b"
                         # "in the city's east": the bare direction after a town's possessive
                         r"|^\s*(?:['’]s?|\s+s)\s+" + DIRECTION + r"(?=\s*(?:[.,;]|and\b|on\b|overnight\b|at\b))")
_EDGE_ENDS = ("of", "the", "city", "town", "village")
EDGE_KM = 5.0
_POINTS = ("city", "town", "village", "base", "landmark", "dam")
# how far "western X" lies from X's point, by X's kind (about half a place's usual extent)
_PART_KM = {"city": 4.0, "town": 2.0, "village": 1.0}
_PART_BEFORE = re.compile(
    r"(?:(?:parts?|areas?|swathes?|the\s+countryside|much|most|pockets?)\s+of\s+)?(?:the\s+)?" + _DIR + r"\s+$")
_PART_AFTER = re.compile(r"^\s*(?:['’]s?|\s*s)\s+" + _DIR + r"\b(?!\s+(?:of|bank|side))")
_KIND_BEFORE = re.compile(
    r"(?:" + _DIR + r"\s+)?(?P<kind>province|governorate|region|state|oblast|city|town|village|district|county|river)\s+of\s+(?:the\s+)?$")
_HAS_DIR = re.compile(r"north|south|east|west")
# "(in) southeastern X": only the direction adjective, right before the name
_DIR_JUST_BEFORE = re.compile(r"\b" + _DIR + r"\s+$")
_BANKY = re.compile(r"bank|side|shore|flank")
# ("from southern Lebanon" is where it came from, a part of a place: an adjective only gives a
# direction before a direction noun, "from the southern flank", "from southern and eastern directions")
_APPROACH = re.compile(r"\bfrom\s+(?:both\s+)?(?:the\s+)?" + _DIR + r"\b(?!\s*(?:of|bank|side|banks|shore|riverbank)\b)"
                       r"(?!(?<=ern)\s+(?!(?:directions?|flanks?|axis|axes|approaches|fronts?|and|or)\b)\w)")
# "... from the south and (from) the east", "from the north, the west and the south"
_APPROACH_MORE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)(?:from\s+)?(?:the\s+)?" + _DIR + r"\b")
_NOT_APPROACH = re.compile(r"\s*(?:of|banks?|sides?|shores?|riverbanks?)\b")


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
    if unit and (unit.startswith("nautical") or unit == "nm"):
        return value * 1.852
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
    # each pattern needs a direction word (and "of", "bank" ...) in its half: cheap
    # substring tests spare the regex searches for most place names
    dir_before = _HAS_DIR.search(before) is not None
    dir_after = _HAS_DIR.search(after) is not None
    # the "before" patterns end right before the name: test how the text ends first
    tail = before.rstrip()
    of_end = tail.endswith(("of", "the"))
    river_end = of_end or tail.endswith("river")
    if kind in (None, "river", "lake"):
        # "the right bank of the Dnipro", "the Dnipro's left bank": the hand looking downstream
        m = _HAND_BEFORE.search(before) if river_end and ("left" in before or "right" in before) else None
        if m:
            return Qualifier(m.group(1) + "_bank", base + m.start(), end)
        m = _HAND_AFTER.match(after) if "left" in after or "right" in after else None
        if m:
            return Qualifier(m.group(1) + "_bank", start, end + m.end())
    if not (dir_before or dir_after):
        m = _KIND_BEFORE.search(before[-40:]) if " of" in before[-12:] else None
        if m and not re.search(r"\bof\s+(?:the\s+)?$", before[-40:][: m.start()]):
            return Qualifier("", start - (len(before[-40:]) - m.start()), end, kind=m.group("kind"))
        return None
    if kind in (None, "river", "lake"):
        m = _BANK_BEFORE.search(before) if dir_before and river_end and _BANKY.search(before) else None
        if m:
            return Qualifier(direction_of(m.group(1), m.group(2)) + "_bank", base + m.start(), end)
        m = _BANK_AFTER.match(after) if dir_after and _BANKY.search(after) else None
        if m:
            return Qualifier(direction_of(m.group(1), m.group(2)) + "_bank", start, end + m.end())
        if kind == "river":
            m = _OFFSET_BEFORE.search(before) if dir_before and _offset_end(tail) else None
            if m:  # "villages east of the Blue Nile": that side of the river
                d = direction_of(m.group(3), m.group(4))
                return Qualifier(d + "_of", base + m.start(), end, km=_to_km(m.group("num"), m.group("unit")))
            return None
    # the offset first: "north of the besieged city of El Fasher" holds "city of" too
    m = _OFFSET_BEFORE.search(before) if dir_before and _offset_end(tail) else None
    if m:
        d = direction_of(m.group(3), m.group(4))
        return Qualifier(d + "_of", base + m.start(), end, km=_to_km(m.group("num"), m.group("unit")))
    m = _KIND_BEFORE.search(before) if of_end else None
    if m and not re.search(r"\bof\s+(?:the\s+)?$", before[: m.start()]):
        return Qualifier("", base + m.start(), end, kind=m.group("kind"))
    m = _EDGE_BEFORE.search(before) if dir_before and tail.endswith(_EDGE_ENDS) else None
    if m and kind not in ("river", "lake"):
        # "the eastern outskirts of Kostiantynivka": that part of the town, a few km from its centre
        return Qualifier(direction_of(m.group(1), m.group(2)), base + m.start(), end,
                         km=EDGE_KM if kind in _POINTS or kind is None else None)
    m = _EDGE_AFTER.match(after) if dir_after and kind not in ("river", "lake") else None
    if m:
        d = m.group(1) and direction_of(m.group(1), m.group(2))
        if not d:  # the bare direction's words are not grouped: read them again
            w = _HAS_DIR.findall(m.group(0))
            d = direction_of(w[0], w[1] if len(w) > 1 else None)
        return Qualifier(d, start, end + m.end(),
                         km=EDGE_KM if kind in _POINTS or kind is None else None)
    if kind in _PART_KM:
        # "in southeastern Stepnohirsk", "western Mosul": that part of the place, off its centre
        m = _DIR_JUST_BEFORE.search(before) if dir_before and tail.endswith(_DIR_ENDS) else None
        if m:
            return Qualifier(direction_of(m.group(1), m.group(2)), base + m.start(), end, km=_PART_KM[kind])
        return None
    if kind in _POINTS:
        return None
    m = _PART_BEFORE.search(before) if dir_before and tail.endswith(_DIR_ENDS) else None
    if m:
        return Qualifier(direction_of(m.group(1), m.group(2)), base + m.start(), end)
    m = _PART_AFTER.match(after) if dir_after else None
    if m:
        return Qualifier(direction_of(m.group(1), m.group(2)), start, end + m.end())
    return None


_DIR_ENDS = ("north", "south", "east", "west", "ern", "erly")
_OFFSET_ENDS = ("of", "the", "city", "town", "village", "port", "province", "region", "capital", "strip",
                "al", "el", "ad", "ar", "as", "ash", "at", "az", "an")


def _offset_end(tail):
    return tail.rstrip("-").rstrip().endswith(_OFFSET_ENDS)


def find_approaches(text, *, start=0, end=None):
    """Every direction of an approach: "from the south and east" gives
    ``[("from_south", ...), ("from_east", ...)]`` with their spans, or ``[]``.

    Parameters
    ----------
    text : str
        A sentence (any case).
    start, end : int, optional
        The clause of the movement: the first direction is looked for there,
        further ones may follow it past a comma.

    Returns
    -------
    list of (str, int, int)
    """
    lower = text.lower()
    m = _APPROACH.search(lower, start, len(lower) if end is None else end)
    if not m:
        return []
    out = [("from_" + direction_of(m.group(1), m.group(2)), m.start(), m.end())]
    pos = m.end()
    while True:
        nxt = _APPROACH_MORE.match(lower, pos)
        if not nxt:
            break
        if _NOT_APPROACH.match(lower, nxt.end()):
            return []  # "from the east and west banks": places, not directions
        d = "from_" + direction_of(nxt.group(1), nxt.group(2))
        if d not in (o[0] for o in out):
            out.append((d, nxt.start(), nxt.end()))
        pos = nxt.end()
    return out


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
    """Bounds (minx, miny, maxx, maxy) around the points, ``km`` kilometres wide on each side."""
    lat = sum(p[1] for p in points) / len(points)
    dx = km / (KM_PER_DEG * max(0.2, math.cos(math.radians(lat))))
    dy = km / KM_PER_DEG
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    # widened to a 0.25 degree grid: articles about one stretch of a river share the window,
    # and with it the clipped banks (cached below)
    return (math.floor(4 * (min(xs) - dx)) / 4, math.floor(4 * (min(ys) - dy)) / 4,
            math.ceil(4 * (max(xs) + dx)) / 4, math.ceil(4 * (max(ys) + dy)) / 4)


_SIDES = {}   # (id(line), offset in degrees) -> (line, [(part, left, right)]): a river's offsets


def _river_sides(line, deg):
    """The river's parts with their left and right offset lines, computed once per river.

    Offsetting a long river costs far more than clipping it, and every article
    about the Euphrates asks for one of its banks: offset the whole (simplified)
    line once and clip the result to each article's window.
    """
    from shapely.geometry import LineString

    key = (id(line), round(deg, 5))
    hit = _SIDES.get(key)
    if hit is not None and hit[0] is line:
        return hit[1]
    simple = _simplified(line)
    parts = []
    for part in getattr(simple, "geoms", [simple]):
        if not isinstance(part, LineString) or part.length == 0:
            continue
        left = part.offset_curve(deg, quad_segs=2, join_style="mitre")
        right = part.offset_curve(-deg, quad_segs=2, join_style="mitre")
        parts.append((part, left, right))
    if len(_SIDES) > 256:
        _SIDES.clear()
    _SIDES[key] = (line, parts)  # the line is kept so that its id is not reused
    return parts


def _river_window(line, near, window_km):
    """Bounds of the river's stretch near the focus places, or None for the whole river."""
    if not near:
        return None
    rect = _window(list(near), window_km)
    key = (id(line), rect)
    hit = _WINDOWS.get(key)
    if hit is not None and hit[0] is line:
        return hit[1]
    found = _find_window(line, rect, window_km)
    if len(_WINDOWS) > 1024:
        _WINDOWS.clear()
    _WINDOWS[key] = (line, found)  # the line is kept so that its id is not reused
    return found


_WINDOWS = {}  # (id(line), window around the focus) -> (line, window on the river or None)




def _find_window(line, rect, window_km):
    import shapely
    from shapely.geometry import Point

    simple = _simplified(line)  # a few hundred vertices instead of thousands: finding the window is cheap
    if shapely.clip_by_rect(simple, *rect).is_empty:
        # the focus is off the river: take the stretch nearest to it
        centre = Point((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)
        p = shapely.shortest_line(simple, centre).coords[0]
        rect = _window([p], window_km)
        if shapely.clip_by_rect(simple, *rect).is_empty:
            return None
    return rect


_SIMPLE = {}  # id(line) -> (line, simplified line)


def _simplified(line):
    hit = _SIMPLE.get(id(line))
    if hit is None or hit[0] is not line:
        # a few hundred metres of detail is plenty for a bank drawn a few km off the river
        hit = (line, line.simplify(0.005, preserve_topology=False))
        if len(_SIMPLE) > 256:
            _SIMPLE.clear()
        _SIMPLE[id(line)] = hit
    return hit[1]


def river_stretch(line, *, near=(), window_km=75.0):
    """The stretch of a river near the article's area.

    Parameters
    ----------
    line : shapely (Multi)LineString
    near : sequence of (lon, lat)
        The article's focus places (the whole river when empty or far off).
    window_km : float
        Radius of the window around the focus places.

    Returns
    -------
    shapely (Multi)LineString
    """
    import shapely

    rect = _river_window(line, near, window_km)
    return line if rect is None else shapely.clip_by_rect(line, *rect)


def river_bank(line, side, *, near=(), offset_km=3.0, window_km=75.0):
    """One bank of a river near the article's area.

    Parameters
    ----------
    line : shapely (Multi)LineString
        The river, drawn from upstream to downstream (as in ``data/gazetteer.csv``).
    side : str
        ``east``, ``west``, ``north``, ``south`` (and the diagonals), or ``left`` /
        ``right``: the bank on that hand looking downstream.
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
    rect = _river_window(line, near, window_km)
    key = (id(line), side, rect, offset_km)
    hit = _BANK_CACHE.get(key)
    if hit is None or hit[0] is not line:
        if len(_BANK_CACHE) > 1024:
            _BANK_CACHE.clear()
        hit = _BANK_CACHE[key] = (line, _bank_in(line, side, rect, offset_km))
    return hit[1]


_BANK_CACHE = {}  # (id(line), side, window, offset) -> (line, bank)


def _bank_in(line, side, rect, offset_km):
    import shapely
    from shapely.geometry import LineString, MultiLineString

    lat = (rect[1] + rect[3]) / 2 if rect else line.centroid.y
    # the offset is in degrees of longitude at the area's latitude, rounded to 5 degrees
    # so that articles about one stretch of the river share the offset lines
    deg = offset_km / (KM_PER_DEG * max(0.2, math.cos(math.radians(5 * round(lat / 5)))))
    out = []
    for part, left, right in _river_sides(line, deg):
        if rect is not None:
            if shapely.clip_by_rect(part, *rect).is_empty:
                continue
            left, right = shapely.clip_by_rect(left, *rect), shapely.clip_by_rect(right, *rect)
        candidates = [g for g in (left, right) if not g.is_empty]
        if not candidates:
            continue
        if side in ("left", "right"):
            best = left if side == "left" else right
            if best.is_empty:
                continue
        else:
            dx, dy = _unit(side)
            best = max(candidates, key=lambda g: g.centroid.x * dx + g.centroid.y * dy)
        out.extend(g for g in getattr(best, "geoms", [best]) if isinstance(g, LineString) and not g.is_empty)
    if not out:
        return line if rect is None else shapely.clip_by_rect(line, *rect)
    return out[0] if len(out) == 1 else MultiLineString(out)
