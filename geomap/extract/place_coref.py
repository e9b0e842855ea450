"""Places referred to without their name: "the river", "the province", "the region".

"the river" is the last river named, "the province" the last province,
"the region"/"the area" the article's main area, and a bank phrase without a
river name ("the eastern riverbank") the river the article is about. Each
becomes a :class:`~.roles.PlaceMention` of its own, found by
:func:`coref_mentions` after :mod:`.places` has matched the names.
"""

from __future__ import annotations

import re

from . import qualifiers as Q
from .mentions import SEAT_POPULATION as _SEAT_POPULATION
from .roles import SENT_BREAK as _SENT_BREAK, PlaceMention

__all__ = ["coref_mentions"]


_COREF = re.compile(
    r"\b(?:the|its)\s+(?:(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+|"
    r"(?P<hand>left|right)[\s-]+(?=river\s*banks?|riverbanks?|banks?\b))?"
    r"(?P<noun>river\s*banks?|riverbanks?|river|province|governorate|region|area|city|town|village|country|oblast|state|banks?|side)\b")


# a part of a town with no name after it ("the eastern neighbourhoods", not "... of Taiz")
_QUARTERS = re.compile(
    r"\bthe\s+(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+"
    r"(?:outskirts|suburbs|districts|neighbou?rhoods|quarters|parts?|edges?|fringes)\b(?!\s+of\b|['’]s\b|\s+s\s)")


# "the city council", "the town's mayor", "the city military administration": who runs the place
_CITY_BODY = re.compile(r"^\s*(?:['’]s\s+|\s+s\s+)?(?:(?:military|civil|civilian|local|regional)\s+)?"
                        r"(?:administration|council|councils|authorities|authority|officials?|mayor|hall|"
                        r"government|governor|administrator|head|police|prosecutor)\b")


def _recent_site(before, lower, s):
    """The last town or village site named in this sentence or the previous one, or None."""
    towns = [pm for pm in before if pm.role == "site" and pm.place.kind in ("city", "town", "village")]
    if not towns or len(_SENT_BREAK.findall(lower, towns[-1].end, s)) > 1:
        return None
    return towns[-1]


def coref_mentions(text, lower, mentions, lexicon):
    """Mentions for places referred to without their name, in ``text`` (``lower`` lowercased).

    ``mentions`` are the named places already found. Each "the river", "the province", "the
    town", "the eastern bank", "the eastern neighbourhoods" ... becomes a site mention
    (``coref=True``) of the last such place named before it; "the region" and an "area" with
    no town just named get ``place=None``, for the caller to fill with the article's main area.
    """
    out = []
    named = sorted((pm for pm in mentions if pm.role in ("site", "origin", "destination")), key=lambda p: p.start)
    taken = [(pm.span[0], pm.span[1]) for pm in mentions]
    for m in _COREF.finditer(lower):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        rest = lower[e:e + 25]
        noun = m.group("noun").replace(" ", "")
        if re.match(r"^\s*of\b", rest) and noun not in ("side", "bank", "banks", "riverbank", "riverbanks"):
            continue  # "the province of X" names X itself
        side = m.group("dir") or m.group("hand")
        if noun in ("side", "bank", "banks") and not side:
            continue
        if lower[s:s + 3] == "its" and not (noun.startswith("river") or noun in ("bank", "banks", "side")):
            continue  # "its province" is too loose; "its eastern bank" follows the river just named
        if noun in ("side", "bank", "banks") and re.match(r"^\s*of\s+(?!the\s+river\b)", rest):
            continue  # "the east bank of the Dnipro" is the named river's own mention
        before = [pm for pm in named if pm.start < s]
        if noun.startswith("river") or noun in ("bank", "banks", "side", "riverbank", "riverbanks"):
            if noun == "side" and not re.match(r"^\s*of\s+the\s+river\b", rest):
                continue
            rivers = [pm for pm in before if pm.place.kind == "river"] or [pm for pm in named if pm.place.kind == "river"]
            place = rivers[-1].place if rivers else None
            if place is None:
                continue
        elif noun in ("province", "governorate", "oblast", "state"):
            provs = [pm for pm in before if pm.place.kind in ("province", "county")]
            place = provs[-1].place if provs else None
            if place is None:
                continue
        elif noun in ("city", "town", "village"):
            if _CITY_BODY.match(rest):
                continue  # "the city military administration said": a body, not a place in the story
            towns = [pm for pm in before if pm.place.kind in ("city", "town", "village")]
            # "the village" is the last village named, if any: not the city it lies near; "the
            # city" is the last town or city (news calls a town of 60,000 a city), and so is "the
            # town" (and a city of 140,000 a town: "entered Debre Markos and held the town's prison")
            same = [pm for pm in towns if pm.place.kind == noun or noun == "city" and pm.place.kind == "town"
                    or noun == "town" and pm.place.kind == "city" and pm.place.population < _SEAT_POPULATION
                    and not _SENT_BREAK.search(lower, pm.end, s)]
            pick = (same or towns)[-1] if towns else None
            if pick is not None and pick.role == "destination":
                # "attacked Mirebalais, forcing families to flee toward Lascahobas. Police
                # retook the town": the site of that sentence, not where its people went
                site = next((pm for pm in reversed(same or towns) if pm.start < pick.start and pm.role == "site"),
                            None)
                if site is not None and not _SENT_BREAK.search(lower, site.end, pick.start):
                    pick = site
            place = pick.place if pick is not None else None
            if place is None:
                continue
        elif noun == "country":
            cs = [pm for pm in before if pm.place.kind == "country"]
            place = cs[-1].place if cs else None
            if place is None:
                continue
        elif noun == "area" and (near := _recent_site(before, lower, s)) is not None:
            # "attacked the market in Bani Bangou. Units were dispatched to the area": around
            # the place this or the previous sentence named
            place = near.place
        else:  # region, area: the article's main area, decided once all mentions are known
            place = None
        pm = PlaceMention(s, e, text[s:e], place, "site", coref=True, span=(s, e))
        if place is not None and not noun.startswith("river") and noun not in ("bank", "banks", "side"):
            q = Q.detect_qualifier(text, s, e, kind=place.kind)
            if q is not None and q.name:  # "east of the city"
                pm.qualifier, pm.span, pm.km = q.name, (min(q.start, s), e), q.km
        if side and (noun.startswith("river") or noun in ("bank", "banks", "side")):
            pm.qualifier = side.replace("ern", "").replace("-", "") + "_bank"
            if noun == "side":
                pm.span = (s, e + len(re.match(r"^\s*of\s+the\s+river", rest).group(0)))
        out.append(pm)
    for m in _QUARTERS.finditer(lower):
        # "In Taiz, ..., snipers targeted the eastern neighbourhoods": that part of the town just named
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        near = _recent_site([pm for pm in named if pm.start < s], lower, s)
        if near is not None:
            out.append(PlaceMention(s, e, text[s:e], near.place, "site", coref=True, span=(s, e),
                                    qualifier=m.group("dir").replace("-", "").replace("ern", ""),
                                    km=Q.EDGE_KM))
    return out
