"""Rank the places a name may mean, with the evidence in ``Place.score``/``why``.

Evidence adds up: how the name matched (name, alias, a synthesized form such
as "Raqqa province", the name without its article), a prior for the kind of
place, log-scaled population of settlements, and the context -- places named
elsewhere in the same text (their country, their province, their distance,
and "Name, Area" pairs such as "Alexandria, Louisiana").

The functions take the :class:`~geomap.gazetteer.Gazetteer` whose names they
rank; :meth:`Gazetteer.candidates <geomap.gazetteer.Gazetteer.candidates>` is
the public entry point.
"""

from __future__ import annotations

import collections
import dataclasses
import math
import re

from .normalize import ARTICLE, normalize_name, split_name

__all__ = ["lookup", "rank"]

# how a key matched a row -> (code, score, words for Place.why)
_HOW = {0: (2.0, "name"), 1: (1.5, "alias"), 2: (2.0, "explicit form"),
        3: (0.8, "name without article")}
# kind priors. Settlements add log10(population) to theirs; areas and curated
# features have no population, so their prior stands for their prominence: a
# country ranks like a city of ~30 million, a first-level subdivision like one
# of ~300,000 (Virginia the state before Virginia, Free State, a town of
# 20,000; Washington, D.C. (690,000) before the state). A bare "Raqqa" is the
# city because a city named like the province it lies in gets _NAMESAKE.
_KIND_PRIOR = {
    "country": 9.0, "province": 7.0, "county": 4.5, "region": 6.5, "lake": 6.0,
    "river": 6.0, "city": 1.5, "town": 1.0, "village": 0.5,
    "base": 5.0, "dam": 5.0, "landmark": 5.0,
}
_NAMESAKE = 2.0
_SETTLEMENTS = {"city", "town", "village"}
# one point per tenfold population: Moscow (10 M) keeps its lead over Moscow,
# Idaho (25,000) against a mere "same country" hint
_POP_WEIGHT = 1.0
_CONTEXT = {"country": 1.5, "province": 2.5, "contains": 2.0, "near": 2.0, "adjacent": 4.0}
_PROVINCES = ("province", "county")
# a name's best candidate counts as context when it leads by this much on priors
_DOMINANT = 1.0
# ...and only areas, curated features and settlements this prominent on their
# own (a town of ~10,000): tiny villages named like surnames are noise
_CONTEXT_MIN_PRIOR = 7.0
_COMMA = re.compile(r"\s*,\s*")
# demonyms name their country when nothing else has the name: "Israelis" ->
# "israel", "Kenyan" -> "kenya", "Palestinian" -> "palestine", "Chinese" -> "china"
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ns", "n", "ese", "is", "i", "s")
_DEMONYM_ENDINGS = ("", "a", "e", "y", "ia", "on")


def lookup(gaz, name):
    """Index codes for ``name`` and a note on how they were found.

    Returns
    -------
    (str, tuple of int, str or None)
        The name's key, its codes (``row << 2 | how``; empty when the gazetteer
        has no such name) and a note for ``Place.why`` when the match needed
        help (the article added or dropped, a demonym read as its country).
    """
    key = normalize_name(name)
    hits, note = _lookup(gaz.index, key)
    if not hits:
        hits, note = _demonym(gaz, name)
    return key, hits, note


def rank(gaz, name, key, hits, note, *, context=None, country=None, kinds=None, limit=None):
    """Places of ``hits`` (from :func:`lookup`), best first, with score and why.

    Parameters are those of :meth:`geomap.gazetteer.Gazetteer.candidates`;
    ``kinds`` is None or a set of kinds.
    """
    ctx = _context(gaz, context, exclude=key)
    kind_col = gaz._cols["kind"]
    areas = {gaz._ids[c >> 2] for c in hits if kind_col[c >> 2] in _PROVINCES}
    scored = []
    for code in hits:
        how = code & 3
        place = gaz._place(code >> 2)
        if kinds is not None and place.kind not in kinds:
            continue
        if country and place.country not in (None, country.upper()):
            continue
        score, why = _score(place, how, ctx, key, name)
        if place.parent in areas and place.kind in _SETTLEMENTS:
            score += _NAMESAKE
            why = (*why, f"namesake city of its province {place.parent} +{_NAMESAKE:g}")
        if note:
            why = (note, *why)
        scored.append((-round(score, 3), -place.population, place.id, place, why))
    scored.sort(key=lambda t: t[:3])
    # copies with score and why only for what is returned
    return [dataclasses.replace(t[3], score=-t[0], why=t[4])
            for t in (scored[:limit] if limit else scored)]


def _demonym(gaz, name):
    """Codes of the country/province/region a demonym names ("Israelis")."""
    words = split_name(name)
    if not words or not words[-1].isalpha():
        return (), None
    head, last = words[:-1], words[-1]
    for suffix in _DEMONYM_SUFFIXES:
        if not last.endswith(suffix) or len(last) - len(suffix) < 3:
            continue
        stem = last[: len(last) - len(suffix)]
        for ending in _DEMONYM_ENDINGS:
            key = normalize_name(" ".join([*head, stem + ending]))
            codes = tuple(c for c in gaz.index.get(key, ())
                          if gaz._cols["kind"][c >> 2] in ("country", "province", "region"))
            if codes:
                return codes, f"read as a demonym ({last} -> {stem + ending})"
    return (), None


def _lookup(index, key):
    if key in index:
        return index[key], None
    words = key.split()
    if words and words[0] == ARTICLE and len(words) > 1:
        rest = " ".join(words[1:])
        if rest in index:
            return index[rest], "matched without the article"
    elif key and ARTICLE + " " + key in index:
        return index[ARTICLE + " " + key], "matched with the article al-"
    return [], None


def _score(place, how, ctx, key, name):
    base, how_words = _HOW[how]
    score = base + _KIND_PRIOR.get(place.kind, 1.0)
    why = [f"{how_words} match +{base:g}", f"kind {place.kind} +{_KIND_PRIOR.get(place.kind, 1.0):g}"]
    if place.kind in _SETTLEMENTS and place.population > 0:
        bonus = _POP_WEIGHT * math.log10(place.population + 1)
        score += bonus
        why.append(f"population {place.population:,} +{bonus:.2f}")
    if ctx is None:
        return score, tuple(why)
    near = ctx["adjacent"].get(key)
    if near:
        area = place.parent if place.parent in near else place.id
        if area in near:
            score += _CONTEXT["adjacent"]
            why.append(f"written as '{name}, {near[area]}' +{_CONTEXT['adjacent']:g}")
        elif place.country and place.country in near:
            score += _CONTEXT["adjacent"] - 1
            why.append(f"written as '{name}, {near[place.country]}' +{_CONTEXT['adjacent'] - 1:g}")
    share = ctx["countries"].get(place.country, 0.0)
    if share:
        # scaled by the country's share of the context: an article about
        # Syria that names Washington once is not about the United States
        bonus = _CONTEXT["country"] * share
        score += bonus
        why.append(f"same country as context ({place.country}) +{bonus:.2f}")
    if place.parent and place.parent in ctx["provinces"]:
        score += _CONTEXT["province"]
        why.append(f"same province as context ({place.parent}) +{_CONTEXT['province']:g}")
    if place.id in ctx["parents"] and place.kind != "country":
        score += _CONTEXT["contains"]
        why.append(f"encloses a context place +{_CONTEXT['contains']:g}")
    if ctx["points"]:
        dists = [_km(place.lat, place.lon, la, lo) for la, lo in ctx["points"]]
        d = min(dists)
        # scaled by the share of context places within 1,000 km: one nearby
        # name in a text about elsewhere says little
        near = sum(x <= 1000.0 for x in dists) / len(dists)
        bonus = _CONTEXT["near"] * max(0.0, 1.0 - math.log10(1.0 + d) / 4.0) * near
        if bonus > 0:
            score += bonus
            why.append(f"{d:,.0f} km from a context place ({near:.0%} of them within "
                       f"1,000 km) +{bonus:.2f}")
    return score, tuple(why)


def _context(gaz, context, *, exclude):
    """Summarize the context as a dict of evidence, or None."""
    if context is None:
        return None
    if isinstance(context, str):
        summary = gaz._context_cache.get((context, exclude))
        if summary is None:
            summary = _summarize(gaz, context, exclude)
            if len(gaz._context_cache) > 4096:
                gaz._context_cache.clear()
            gaz._context_cache[(context, exclude)] = summary
        return summary or None
    return _summarize(gaz, context, exclude) or None


def _summarize(gaz, context, exclude):
    adjacent = {}
    if isinstance(context, str):
        cached = gaz._text_cache.get(context)
        if cached is None:
            cached = _places_in_text(gaz, context)
            if len(gaz._text_cache) > 64:
                gaz._text_cache.clear()
            gaz._text_cache[context] = cached
        found, adjacent = cached
        places = [p for k, p in found if k != exclude]
    else:
        places = [p for p in context if normalize_name(p.name) != exclude]
    if not places and not adjacent:
        return {}
    countries = [p.country for p in places if p.country]
    parents = {p.parent for p in places if p.parent}
    provinces = {p.id for p in places if p.kind in _PROVINCES}
    provinces |= {i for i in parents if _kind_of(gaz, i) in _PROVINCES}
    return {
        "countries": {c: n / len(countries) for c, n in collections.Counter(countries).items()},
        "provinces": provinces,
        "parents": parents,
        "points": [(p.lat, p.lon) for p in places if p.kind not in ("country", "river")],
        "adjacent": adjacent,
    }


def _kind_of(gaz, place_id):
    i = gaz._pos.get(place_id)
    return None if i is None else gaz._cols["kind"][i]


def _places_in_text(gaz, text):
    """Places a text names without doubt, and its "Name, Area" pairs.

    A name counts when it has one candidate; then, with those as context,
    an ambiguous name counts when its best candidate leads the next by
    ``_DOMINANT`` (Moscow, Russia before Moscow, Idaho). Each name counts
    once; common words and places below ``_CONTEXT_MIN_PRIOR`` (hamlets
    that share a surname or a heading word) do not count.

    Returns
    -------
    (list of (key, Place), dict)
        The dict maps a name's key to ``{area id or country code: area name}``
        for each time the text writes it as "Name, Area".
    """
    out, adjacent, ambiguous, seen = [], {}, [], set()
    matches = gaz.matcher.scan(text)
    for m, nxt in zip(matches, matches[1:] + [None]):
        if nxt is not None and _COMMA.fullmatch(text[m.end:nxt.start]):
            for pid in nxt.place_ids:
                area = gaz.get(pid)
                if area.kind in _PROVINCES:
                    adjacent.setdefault(m.key, {})[area.id] = nxt.text
                elif area.kind == "country":
                    adjacent.setdefault(m.key, {})[area.country] = nxt.text
        if m.common or m.key in seen:
            continue
        seen.add(m.key)
        if len(m.place_ids) > 1:
            ambiguous.append(m)
            continue
        ranked = gaz.candidates(m.text, limit=1)
        if ranked and _prominent(ranked[0]):
            out.append((m.key, ranked[0]))
    # second pass: the sure places are the context of the ambiguous ones
    sure = [p for _, p in out]
    for m in ambiguous:
        ranked = gaz.candidates(m.text, context=sure or None, limit=2)
        if (len(ranked) == 2 and ranked[0].score - ranked[1].score >= _DOMINANT
                and _prominent(ranked[0])):
            out.append((m.key, ranked[0]))
    return out, adjacent


def _prominent(place):
    # a lone hamlet matching a surname or a heading word is no evidence
    return place.kind not in _SETTLEMENTS or place.score >= _CONTEXT_MIN_PRIOR


def _km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))
