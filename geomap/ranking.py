"""Rank the places a name may mean, with the evidence in ``Place.score``/``why``.

Evidence adds up: how the name matched (name, alias, a synthesized form such
as "Raqqa province", the name without its article, a county named without
"County", a demonym of data/demonyms.csv), whether it is spelled as
written or only matches after vowel folding, a prior for the kind of place,
log-scaled population of settlements, and the context.

Context given as article text is read as *document votes*: every other name
in the text votes for the countries and provinces of its candidates, each
with that candidate's probability (a softmax of the context-free scores), so
an obscure village that shares a name with a town elsewhere barely counts;
then every name votes again with its scores given the others' first votes,
so names that agree on a state reinforce each other. A candidate gains with
the share of votes for its country and (among the votes for that country)
for its province, with "Name, Area" written in the text
("Alexandria, Louisiana") and with its distance to the places the text names
without doubt. Context given as places already resolved (the extractor's)
counts their countries, provinces and distances.

The functions take the :class:`~geomap.gazetteer.Gazetteer` whose names they
rank; :meth:`Gazetteer.candidates <geomap.gazetteer.Gazetteer.candidates>` is
the public entry point.
"""

from __future__ import annotations

import collections
import collections.abc
import dataclasses
import functools
import math
import re

import numpy as np

from ._table import split_aliases
from .normalize import ARTICLE, normalize_name, split_name

__all__ = ["lookup", "rank"]

# how a key matched a row -> (code, score, words for Place.why)
_HOW = {0: (2.0, "name"), 1: (0.9, "alias"), 2: (2.0, "explicit form"),
        3: (0.8, "short form (no article, no 'County')")}
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
# a candidate spelled as written (folding only case, diacritics, separators)
# over one that matches only after vowel folding: one tenfold of population
_EXACT = 1.0
# read a demonym also when the name matched only a vowel-folded spelling
# (a switch so benchmarks/geoparse_eval.py --ablation can measure it)
_DEMONYM_WHEN_FOLDED = True
_SETTLEMENTS = {"city", "town", "village"}
# one point per tenfold population: Moscow (10 M) keeps its lead over Moscow,
# Idaho (25,000) against a mere "same country" hint
_POP_WEIGHT = 1.0
_CONTEXT = {"country": 1.5, "province": 2.5, "contains": 2.0, "near": 2.0, "adjacent": 4.0}
_PROVINCES = ("province", "county")
# document votes (context given as article text): a candidate gains this many
# points times the share of the text's other names that vote for its country
# / province. A text wholly about one country moves a candidate as much as six
# tenfolds of population (a hamlet of that country beats a city of a million
# elsewhere); agreement on a province is rarer, so it is stronger evidence.
# Halving or doubling either weight moves LGL accuracy by under a point.
_VOTES = {"country": 6.0, "province": 10.0}
# two pseudo-names that vote for nowhere: one or two other names are weak evidence
_PSEUDO_VOTES = 2
# read a bare "DeKalb" also as DeKalb County (US local news names counties
# without the word); a switch for benchmarks/geoparse_eval.py --ablation
_BARE_COUNTIES = True
# rounds of document votes: 1 votes with context-free scores, 2 re-votes with
# each name's scores given the other names' first-round votes
_ROUNDS = 2
# "Boni, Mali", and also "Boni, in central Mali", "Khiam, in southern Lebanon":
# a name then the area that holds it
_COMMA = re.compile(r"\s*,\s*(?:in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central|"
                    r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?)?", re.I)
# demonyms name their country when nothing else has the name: "Israelis" ->
# "israel", "Kenyan" -> "kenya", "Palestinian" -> "palestine", "Chinese" -> "china",
# "Mexican" -> "mexico"; also when the name matches only a vowel-folded
# spelling of a place ("Russian" ~ Rosian)
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ns", "n", "ese", "is", "i", "s")
_DEMONYM_ENDINGS = ("", "a", "e", "y", "ia", "on", "o")


def lookup(gaz, name):
    """Index codes for ``name`` and a note on how they were found.

    Returns
    -------
    (str, tuple of int, str or dict or None)
        The name's key, its codes (``row << 2 | how``; empty when the gazetteer
        has no such name) and a note for ``Place.why`` when the match needed
        help (the article added or dropped, a demonym read as its country):
        one note for all codes, or ``{row: note}``.
    """
    key = normalize_name(name)
    hits, note = _lookup(gaz.index, key)
    curated = _curated(gaz, key, name)
    if curated:
        # a form of data/demonyms.csv ("Irish", "Canadian") competes with the
        # places of that name (Canadian, Texas) as a match of its own
        notes = dict.fromkeys((c >> 2 for c in hits), note) if note else {}
        for row in curated:
            notes[row] = f"read as a demonym ({name} -> {gaz._cols['name'][row]}, data/demonyms.csv)"
        hits = tuple(hits) + tuple(row << 2 for row in curated if row << 2 not in hits)
        note = notes if len(set(notes.values())) > 1 or len(notes) < len(hits) else next(iter(notes.values()))
    elif not hits:
        hits, note = _demonym(gaz, name)
    if _BARE_COUNTIES and key:
        # "DeKalb deputies", "in Oconee": a county named without its "County"
        # competes (as a short form) with the places of that name
        extra = tuple(c for c in _county_codes(gaz, key) if c not in hits)
        if extra:
            notes = note if isinstance(note, dict) else dict.fromkeys((c >> 2 for c in hits), note) if note else {}
            for c in extra:
                notes[c >> 2] = f"read as {gaz._cols['name'][c >> 2]} (the county, named without 'County')"
            hits = tuple(hits) + extra
            note = notes
    elif _DEMONYM_WHEN_FOLDED and not any(_exact(gaz, c >> 2, name) for c in hits):
        # only a folded spelling matched ("Russian" folds like the village
        # Rosian): a demonym read as its country competes on the priors
        extra, why = _demonym(gaz, name)
        if extra:
            rows = {c >> 2 for c in extra}
            note = {r: why for r in rows}
            hits = tuple(hits) + tuple(c for c in extra if c not in hits)
    return key, hits, note


@functools.lru_cache(maxsize=100_000)
def _spelled(s):
    """A name as written, folded only for case, diacritics and separators."""
    # cached: the same row names are compared for every mention of a name
    return " ".join(split_name(s))


def _exact(gaz, row, name):
    """Whether the row's name or an alias is spelled as ``name`` (not vowel-folded)."""
    want = _spelled(name)
    if not want:
        return False
    if _spelled(gaz._cols["name"][row]) == want:
        return True
    return any(_spelled(a) == want for a in split_aliases(gaz._cols["aliases"][row]))


def rank(gaz, name, key, hits, note, *, context=None, country=None, kinds=None, limit=None):
    """Places of ``hits`` (from :func:`lookup`), best first, with score and why.

    Parameters are those of :meth:`geomap.gazetteer.Gazetteer.candidates`;
    ``kinds`` is None or a set of kinds.
    """
    ctx = _context(gaz, context, exclude=key)
    return _rank(gaz, name, key, hits, note, ctx, country=country, kinds=kinds, limit=limit)


def _rank(gaz, name, key, hits, note, ctx, *, country=None, kinds=None, limit=None, words=True):
    """:func:`rank` with the context already summarized (``ctx``, or None).

    With ``words=False``, ``[(place, score)]`` best first, without ``why``
    (document votes need only the scores)."""
    places, exact, areas, n_rows = _candidate_table(gaz, name, key, hits)
    # spelled as written beats a folded-only match, when both are on offer
    bonus_exact = _EXACT if exact and len(exact) < n_rows else 0.0
    places = [(code, p) for code, p in places
              if (kinds is None or p.kind in kinds)
              and not (country and p.country not in (None, country.upper()))]
    near = _nearness([p for _, p in places], ctx) if ctx is not None and ctx["points"] else None

    def evidence(k, explain):
        code, place = places[k]
        score, why = _score(place, code & 3, ctx, key, name, None if near is None else near[k],
                            explain=explain)
        if place.parent in areas and place.kind in _SETTLEMENTS:
            score += _NAMESAKE
            if explain:
                why = (*why, f"namesake city of its province {place.parent} +{_NAMESAKE:g}")
        if bonus_exact and code >> 2 in exact:
            score += bonus_exact
            if explain:
                why = (*why, f"spelled exactly as written +{bonus_exact:g}")
        if explain:
            row_note = note.get(code >> 2) if isinstance(note, dict) else note
            if row_note:
                why = (row_note, *why)
        return score, why

    scored = []
    for k, (code, place) in enumerate(places):
        score, _ = evidence(k, False)
        scored.append((-round(score, 3), -place.population, place.id, k))
    scored.sort()
    if not words:
        return [(places[k][1], -neg) for neg, _pop, _id, k in scored]
    # the words, and copies with score and why, only for what is returned
    out = []
    for neg, _pop, _id, k in (scored[:limit] if limit else scored):
        out.append(dataclasses.replace(places[k][1], score=-neg, why=evidence(k, True)[1]))
    return out


def _candidate_table(gaz, name, key, hits):
    """``(places, exact, areas, n_rows)`` of a name's ``hits``: ``[(code, place)]``, the rows
    spelled as written, the provinces among them and the number of rows.

    None of it depends on the context, and a text's ambiguous names are ranked once
    per round of document votes and again when resolved: worked out once per name.
    """
    ck = (name, tuple(hits))
    table = gaz._candidate_cache.get(ck)
    if table is None:
        kind_col = gaz._cols["kind"]
        areas = {gaz._ids[c >> 2] for c in hits if kind_col[c >> 2] in _PROVINCES}
        # a demonym of the curated table is spelled as written, too
        exact = {c >> 2 for c in hits if _exact(gaz, c >> 2, name)} | set(_curated(gaz, key, name))
        places = [(code, gaz._place(code >> 2)) for code in hits]
        table = (places, exact, areas, len({c >> 2 for c in hits}))
        if len(gaz._candidate_cache) > 100_000:
            gaz._candidate_cache.clear()
        gaz._candidate_cache[ck] = table
    return table


_COUNTY_WORDS = ("county", "parish")


def _county_codes(gaz, key):
    """Codes of the counties (and parishes) called ``key`` + "County" ("DeKalb" -> DeKalb County),
    as short-form matches (``how`` 3)."""
    out = ()
    for word in _COUNTY_WORDS:
        for code in gaz.index.get(f"{key} {normalize_name(word)}", ()):
            if gaz._cols["kind"][code >> 2] == "county":
                out += ((code & ~3) | 3,)
    return out


def _curated(gaz, key, name):
    """Rows the demonym table (data/demonyms.csv) gives for ``name``, spelled as
    written (not merely vowel-folded: "Rosian" is no "Russian"); a plural counts."""
    table = gaz.demonyms
    if not table:
        return ()
    entries = table.get(key)
    if entries is None and key.endswith("s"):
        entries = table.get(key[:-1])
    if not entries:
        return ()
    want = _spelled(name)
    return tuple(row for row, form in entries if want in (_spelled(form), _spelled(form) + "s"))


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
            # spelled out exactly ("russ" + "ia"), not folded ("russ" + "a" ~ Ruse)
            codes = tuple(c for c in gaz.index.get(key, ())
                          if gaz._cols["kind"][c >> 2] in ("country", "province", "region")
                          and _exact(gaz, c >> 2, " ".join([*head, stem + ending])))
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


def _nearness(places, ctx):
    """``[(km to the nearest context point, share of context points within 1,000 km)]`` per place.

    One distance matrix for all the candidates of a name (numpy), rather than
    one small array per candidate.
    """
    rad, cos2, lon2 = _point_arrays(ctx)
    lat1 = np.radians(np.array([p.lat for p in places], dtype=float))[:, None]
    lon1 = np.array([p.lon for p in places], dtype=float)[:, None]
    a = (np.sin((rad[None, :] - lat1) / 2) ** 2
         + np.cos(lat1) * cos2[None, :] * np.sin(np.radians(lon2[None, :] - lon1) / 2) ** 2)
    dists = 12742.0 * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    n = dists.shape[1]
    skip = ctx.get("_skip")
    if skip is not None:
        # the arrays are the text's (shared by all its names): the name's own point is
        # masked out here rather than deleted from three arrays per name
        dists[:, skip] = np.inf
        n -= 1
    share = (dists <= 1000.0).sum(axis=1) / n
    return list(zip(dists.min(axis=1).tolist(), share.tolist()))


def _score(place, how, ctx, key, name, near_point=None, *, explain=True):
    """``(score, why)`` of one candidate; ``why`` is None unless ``explain``
    (the words cost more than the sums, and only returned places need them)."""
    base, how_words = _HOW[how]
    prior = _KIND_PRIOR.get(place.kind, 1.0)
    score = base + prior
    why = [f"{how_words} match +{base:g}", f"kind {place.kind} +{prior:g}"] if explain else None
    if place.kind in _SETTLEMENTS and place.population > 0:
        bonus = _POP_WEIGHT * math.log10(place.population + 1)
        score += bonus
        if explain:
            why.append(f"population {place.population:,} +{bonus:.2f}")
    if ctx is None:
        return score, tuple(why) if explain else None
    near = ctx["adjacent"].get(key)
    if near:
        area = place.parent if place.parent in near else place.id
        if area in near:
            score += _CONTEXT["adjacent"]
            if explain:
                why.append(f"written as '{name}, {near[area]}' +{_CONTEXT['adjacent']:g}")
        elif place.country and place.country in near:
            score += _CONTEXT["adjacent"] - 1
            if explain:
                why.append(f"written as '{name}, {near[place.country]}' +{_CONTEXT['adjacent'] - 1:g}")
    if "votes_c" in ctx:
        # document votes (article text): shares of the other names' probability mass
        share = ctx["votes_c"].get(place.country, 0.0) if place.country else 0.0
        if share:
            bonus = _VOTES["country"] * share
            score += bonus
            if explain:
                why.append(f"context: {share:.0%} of the text's names vote for its country "
                           f"({place.country}) +{bonus:.2f}")
        votes_p = ctx["votes_p"]
        share = votes_p.get(place.parent, 0.0) if place.parent else 0.0
        if place.id != place.parent:
            share += votes_p.get(place.id, 0.0)
        if share and place.kind != "country":
            bonus = _VOTES["province"] * share
            score += bonus
            if explain:
                why.append(f"context: {share:.0%} of the text's names vote for its province +{bonus:.2f}")
    else:
        share = ctx["countries"].get(place.country, 0.0)
        if share:
            # scaled by the country's share of the context: an article about
            # Syria that names Washington once is not about the United States
            bonus = _CONTEXT["country"] * share
            score += bonus
            if explain:
                why.append(f"same country as context ({place.country}) +{bonus:.2f}")
        if place.parent and place.parent in ctx["provinces"]:
            score += _CONTEXT["province"]
            if explain:
                why.append(f"same province as context ({place.parent}) +{_CONTEXT['province']:g}")
        if place.id in ctx["parents"] and place.kind != "country":
            score += _CONTEXT["contains"]
            if explain:
                why.append(f"encloses a context place +{_CONTEXT['contains']:g}")
    if ctx["points"]:
        if near_point is None:
            near_point = _nearness([place], ctx)[0]
        # scaled by the share of context places within 1,000 km: one nearby
        # name in a text about elsewhere says little
        d, near = near_point
        bonus = _CONTEXT["near"] * max(0.0, 1.0 - math.log10(1.0 + d) / 4.0) * near
        if bonus > 0:
            score += bonus
            if explain:
                why.append(f"{d:,.0f} km from a context place ({near:.0%} of them within "
                           f"1,000 km) +{bonus:.2f}")
    return score, tuple(why) if explain else None


def _context(gaz, context, *, exclude):
    """Summarize the context as a dict of evidence, or None."""
    if context is None:
        return None
    if isinstance(context, str):
        summary = gaz._context_cache.get((context, exclude))
        if summary is None:
            summary = _summarize_text(gaz, context, exclude)
            if len(gaz._context_cache) > 4096:
                gaz._context_cache.clear()
            gaz._context_cache[(context, exclude)] = summary
        return summary or None
    context = tuple(context)
    # the extractor asks for many names with the same resolved places: the
    # summary depends only on these fields of the places and on the name key
    memo_key = (tuple((p.id, p.name, p.kind, p.country, p.parent, p.lat, p.lon) for p in context), exclude)
    cache = gaz._summary_cache
    summary = cache.get(memo_key)
    if summary is None:
        summary = _summarize(gaz, context, exclude)
        if len(cache) > 4096:
            cache.clear()
        cache[memo_key] = summary
    return summary or None


def _summarize(gaz, context, exclude):
    """Evidence from places already resolved (the extractor's context)."""
    places = [p for p in context if normalize_name(p.name) != exclude]
    if not places:
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
        "adjacent": {},
    }


def _summarize_text(gaz, text, exclude):
    """Document votes: evidence from every other name the text writes.

    Each other name votes for countries and provinces with the probability
    of each of its candidates, so an obscure village that shares a name with
    a town elsewhere barely counts, while ten Oklahoma towns outvote one
    Paris. The probabilities come in two rounds (:data:`_ROUNDS`): first a
    softmax of each name's context-free scores, then of its scores in the
    light of the first round's votes of the *other* names, so that names
    which agree on a state (Marion, Clinton, Boone County) reinforce each
    other instead of each spreading its vote over every state with a town of
    that name. Shares are votes per voting name (0 to 1).
    """
    doc = _document(gaz, text)
    totals = doc.get("_totals")
    if totals is None:
        totals = doc["_totals"] = _vote_totals(doc["mentions"])
        for _ in range(_ROUNDS - 1):
            totals = doc["_totals"] = _vote_totals(_revote(gaz, doc, totals))
    return _from_totals(gaz, doc, totals, exclude)


def _revote(gaz, doc, totals):
    """The text's names again, each voting with its scores given the others' votes."""
    mentions = []
    for key, name, votes_then, point in doc["mentions"]:
        if len(votes_then) == 1:
            # one candidate votes with probability 1 whatever the others say
            mentions.append((key, name, votes_then, point))
            continue
        ctx = _from_totals(gaz, doc, totals, key) or None
        key2, hits, note = lookup(gaz, name)
        cands = _rank(gaz, name, key2, hits, note, ctx, words=False) if hits else []
        votes = _vote_tuple(gaz, cands)
        if votes:
            mentions.append((key, name, *votes))
    return mentions


def _from_totals(gaz, doc, totals, exclude):
    """The evidence for the name ``exclude`` from the text's vote ``totals`` (its own taken out)."""
    votes_c, votes_p, points, own = totals
    # the radians of all the text's points, once per text and round; a name's own point is
    # masked out by _nearness (every name of a text is asked about, once or twice)
    cache = doc.setdefault("_arrays", {})
    hit = cache.get(id(points))
    arrays = hit[1] if hit is not None and hit[0] is points else None
    if arrays is None and points:
        arrays = _point_arrays({"points": points})
        cache[id(points)] = (points, arrays)  # the list is kept so that its id is not reused
    n_others = len(own)
    mine = own.get(exclude)
    skip = None
    if mine is not None:
        # each name votes once: the text's totals less the name's own votes
        # (computed once per text, not once per name asked about)
        n_others -= 1
        votes_c, votes_p = votes_c.copy(), votes_p.copy()
        for country, areas, prob in mine[0]:
            if country:
                votes_c[country] -= prob
            for area in areas:
                votes_p[area] -= prob
        votes_c = {c: v for c, v in votes_c.items() if v > 1e-9}
        if mine[1] is not None:
            skip = mine[1]
            points = [p for k, p in enumerate(points) if k != skip]
    if not n_others and not doc["adjacent"]:
        return {}
    # two pseudo-names that vote for nowhere temper the shares of a text that
    # names only one or two other places ("spoke in Paris about U.S. trade")
    n = max(1, n_others + _PSEUDO_VOTES)
    ctx = {
        "votes_c": {c: v / n for c, v in votes_c.items()},
        "votes_p": _ProvinceShares(gaz, votes_p, votes_c, mine is not None),
        "points": points,
        "adjacent": doc["adjacent"],
    }
    if points:
        ctx["_arrays"] = arrays
        ctx["_skip"] = skip
    return ctx


class _ProvinceShares(collections.abc.Mapping):
    """A province's share of the votes, among the votes for its country: a US local
    paper's Texas towns are not diluted by its Canadian or Iraqi names.

    Worked out when asked for: a name's candidates ask about two or three of the
    text's provinces, and every name of a text gets a summary of its own.
    """

    __slots__ = ("_gaz", "_votes", "_countries", "_drop_tiny")

    def __init__(self, gaz, votes, countries, drop_tiny):
        # votes below 1e-9 are what is left of a name's own after taking it out: none
        self._gaz, self._votes, self._countries, self._drop_tiny = gaz, votes, countries, drop_tiny

    def __getitem__(self, area):
        v = self._votes[area]
        if self._drop_tiny and not v > 1e-9:
            raise KeyError(area)
        return v / (self._countries.get(_country_of(self._gaz, area), 0.0) + _PSEUDO_VOTES)

    def get(self, area, default=None):
        v = self._votes.get(area)
        if v is None or self._drop_tiny and not v > 1e-9:
            return default
        return v / (self._countries.get(_country_of(self._gaz, area), 0.0) + _PSEUDO_VOTES)

    def __iter__(self):
        return (a for a, v in self._votes.items() if not self._drop_tiny or v > 1e-9)

    def __len__(self):
        return sum(1 for _ in self)


def _vote_totals(mentions):
    """Votes of all the text's names: ``(countries, provinces, points, own)``,
    ``own`` mapping each name's key to its votes and the index of its point."""
    votes_c, votes_p, points, own = {}, {}, [], {}
    for key, _name, cands, point in mentions:
        for country, areas, prob in cands:
            if country:
                votes_c[country] = votes_c.get(country, 0.0) + prob
            for area in areas:
                votes_p[area] = votes_p.get(area, 0.0) + prob
        own[key] = (cands, len(points) if point is not None else None)
        if point is not None:
            points.append(point)
    return votes_c, votes_p, points, own


def _document(gaz, text):
    """The names a text writes, their context-free candidates, and "Name, Area" pairs (cached)."""
    doc = gaz._text_cache.get(text)
    if doc is not None:
        return doc
    mentions, adjacent, seen = [], {}, set()
    matches = gaz.scan(text)
    for k, m in enumerate(matches):
        # the area after a name: the next match, or the next past frequent words
        # that are also place names ("Boni, in central Mali")
        for nxt in matches[k + 1:k + 4]:
            if _COMMA.fullmatch(text[m.end:nxt.start]):
                for pid in nxt.place_ids:
                    area = gaz.get(pid)
                    if area.kind in _PROVINCES:
                        adjacent.setdefault(m.key, {})[area.id] = nxt.text
                    elif area.kind == "country":
                        adjacent.setdefault(m.key, {})[area.country] = nxt.text
            if not nxt.common:
                break
        # a frequent word, or a lower-case word in cased text, is no vote;
        # each name votes once however often it is repeated
        if m.common or m.key in seen or (m.capitalized is False and m.text.islower()):
            continue
        seen.add(m.key)
        votes = _votes(gaz, m.text)
        if votes:
            mentions.append((m.key, m.text, *votes))
    mentions.extend(_demonym_votes(gaz, text, seen))
    doc = {"mentions": mentions, "adjacent": adjacent}
    if len(gaz._text_cache) > 64:
        gaz._text_cache.clear()
    gaz._text_cache[text] = doc
    return doc


_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")  # "Nigerien", "nigerien"
# a people's name says less about where the story is than a place's ("Iranian-made drones hit ...")
_DEMONYM_WEIGHT = 0.5


def _demonym_votes(gaz, text, seen):
    """Votes of the countries the text's demonyms name ("the Nigerien army said"), at half weight."""
    forms = gaz.demonyms
    if not forms:
        return []
    out = []
    for w in set(_WORD.findall(text)):
        key = w.lower()
        rows = forms.get(key)
        if not rows or key in seen:
            continue
        seen.add(key)
        countries = {gaz._cols["country"][r] for r, _ in rows if gaz._cols["kind"][r] == "country"}
        if len(countries) == 1:
            out.append((key, w, ((countries.pop(), (), _DEMONYM_WEIGHT),), None))
    return out


def _votes(gaz, name):
    """``(country, areas, probability)`` per candidate of ``name``, and its confident point."""
    cache = gaz._vote_cache
    if name not in cache:
        cache[name] = _vote_tuple(gaz, [(c, c.score) for c in gaz.candidates(name)])
        if len(cache) > 100_000:
            cache.clear()
    return cache.get(name)


def _vote_tuple(gaz, ranked):
    """Votes of ranked ``[(place, score)]``: a softmax of the scores, and the confident point."""
    if not ranked:
        return None
    cands = [c for c, _ in ranked]
    top = max(score for _, score in ranked)
    weights = [math.exp(score - top) for _, score in ranked]
    total = sum(weights)
    probs = [w / total for w in weights]
    # a place votes for its province (or for itself, when it is one);
    # a parent that is a country is already the country vote
    votes = tuple(
        (c.country, tuple(a for a in {c.parent, c.id if c.kind in _PROVINCES else None}
                          if a and _kind_of(gaz, a) in _PROVINCES), pr)
        for c, pr in zip(cands, probs))
    best = max(zip(cands, probs), key=lambda cp: cp[1])
    # a place only helps locate its neighbours when the name is clearly it
    # and it is a point (a country's or a river's point says little)
    point = ((best[0].lat, best[0].lon) if best[1] >= 0.5
             and best[0].kind not in ("country", "province", "river", "region") else None)
    return votes, point


def _country_of(gaz, place_id):
    i = gaz._pos.get(place_id)
    return None if i is None else gaz._cols["country"][i]


def _kind_of(gaz, place_id):
    i = gaz._pos.get(place_id)
    return None if i is None else gaz._cols["kind"][i]


def _point_arrays(ctx):
    """The context points as radians/cosine arrays (computed once per summary)."""
    arrays = ctx.get("_arrays")
    if arrays is None:
        lat = np.array([p[0] for p in ctx["points"]], dtype=float)
        lon = np.array([p[1] for p in ctx["points"]], dtype=float)
        rad = np.radians(lat)
        arrays = ctx["_arrays"] = (rad, np.cos(rad), lon)
    return arrays


def _km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))
