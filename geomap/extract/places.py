"""Place mentions: every gazetteer name in a text, with its role and qualifier.

Names are matched case-insensitively (longest match, aliases and
transliterations), ambiguous names decided by the article's other places,
and matches that are not places dropped (a person's surname, a common word
in lowercased text, part of an institution's name; see :mod:`.mentions`).
Each kept match gets a role (:mod:`.roles`: only ``site``, ``origin`` and
``destination`` locate events), and "the river", "the province" and "the
region" add mentions of their own (:mod:`.place_coref`).
Spatial qualifiers ("eastern banks of", "northwest", "20 km south of") become
the mention's ``qualifier`` and ``geometry`` (see :mod:`.qualifiers`).
"""

from __future__ import annotations

import bisect
import math
import re

from . import qualifiers as Q
from .mentions import (ORG_WORDS as _ORG_WORDS, SAID_AFTER as _SAID_AFTER, SEAT_POPULATION as _SEAT_POPULATION,
                       abbreviation as _abbreviation, drop_bank_names as _drop_bank_names, in_org_name as _in_org_name,
                       keep as _keep, part_of_longer_name as _part_of_longer_name, person as _person,
                       pronoun_us as _pronoun_us, supported as _supported, surnames as _surnames)
from .place_coref import coref_mentions as _corefs
from .place_geometry import focus_points, qualified_geometry
from .roles import LOCATING_ROLES, WORD_RE as _WORDS, PlaceMention, phrase_key as _key, role_of as _role

__all__ = ["PlaceMention", "find_places", "main_area", "focus_points", "LOCATING_ROLES"]


_AREA_AFTER = re.compile(r"^\s*(?:province|governorate|oblast|region|countryside)\b")


_TOWN_AFTER = re.compile(r"^\s*(?:city|town)\b")


_POINT_KINDS = ("city", "town", "village", "base", "dam", "landmark")


_APPROX = r"(?:(?:about|some|around|roughly|nearly|approximately|just|only|over|under)\s+)?"


_APPOSITION = re.compile(r"\s*,\s*(?:an?\s+(?:\w+\s+){0,3}?(?:village|town|city|settlement|hamlet|suburb|district)\s+)?"
                         + _APPROX)


# "in the Red Sea(,) about 40 nautical miles southwest of Mocha"
_OFFSET_GAP = re.compile(r"\s*,?\s*" + _APPROX)


_CONTAINER = re.compile(r"\s*,?\s*(?:in\s+(?:the\s+)?)?")


_WHERE_CLAUSE = re.compile(r"\s*,\s*where\b[^,.;!?\n]{5,200}?,")


_FACILITY_IN = re.compile(
    r"(?i)\s+(?:[\w-]+\s+){0,3}?(?:plant|power station|airport|airfield|air base|airbase|refinery|depot|dam|"
    r"terminal|factory|prison|oil field|oilfield|gas field|mine)\s+(?:in|near|at|outside)\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?")


_AREA_KINDS = ("country", "province", "county", "region", "state", "oblast", "governorate", "district")


_COUNTRYSIDE = re.compile(r"\s+(?:countryside|rural\s+areas|hinterland)\b")


def find_places(text, *, gazetteer=None, lexicon=None, dateline_end=None, link_spans=None, actor_spans=None):
    """Find every place named in ``text`` and tag its role.

    Parameters
    ----------
    text : str
        A report (any case). Page furniture may still be in it: a leading
        dateline and "Read: ..." lines are recognised here too.
    gazetteer : geomap.Gazetteer, optional
        Defaults to :meth:`geomap.Gazetteer.default`.
    lexicon : geomap.extract.lexicon.Lexicon, optional
        Actor names, used to spot metonyms ("Moscow warned"); the default lexicon.
    dateline_end : int, optional
        End offset of the leading dateline; found here when None, 0 for none
        (text already cleaned by :func:`~.clean.clean_text`).
    link_spans : sequence of (int, int), optional
        Spans of "Read: ..." link lines; found here when None, ``()`` for none.
    actor_spans : sequence of (int, int), optional
        Spans of multi-word actor names (``Lexicon.alias_spans``) when the caller has them.

    Returns
    -------
    list of PlaceMention
        In text order, coreferring mentions included.
    """
    if gazetteer is None:
        from ..gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    if lexicon is None:
        from .lexicon import Lexicon

        lexicon = Lexicon.default()
    if dateline_end is None:
        from .clean import find_dateline

        dl = find_dateline(text)
        dateline_end = dl[0] if dl else 0
    links = list(link_spans) if link_spans is not None else [m.span() for m in re.finditer(
        r"(?im)^[ \t]*(?:read|read more|related|see also|also read|watch|listen)\s*[:>»-][^\n]*$", text)]
    lower = text.lower()
    cased = text != lower and text != text.upper()
    # a frequent word is a place only when capitalised in cased text: the bulk of matches
    # ("of", "on", "said") goes here, before any filter looks at them
    matches = gazetteer.scan(text)
    scanned = [m for m in matches if not m.common or (cased and m.capitalized)]
    near = set()
    if not cased:
        # lower-case text has no capitals to vouch for "sake": a frequent word right after
        # a locative word near a town the text names is that town, in all its mentions
        loc = [m for m in matches if m.common and " " not in m.key
               and _LOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start)]
        near = _near_named_places(text, scanned + loc, set(), gazetteer, cased=False) if loc else set()
        # "about 20 nm south-west of brass": a distance and a bearing are measured from a place
        near |= {m.key for m in matches if m.common and " " not in m.key and _measured_from(text, m)}
        if near:
            scanned = [m for m in matches if not m.common or m.key in near]
    # one sense per discourse: "in Augusta" once makes every capitalised "Augusta" a place
    areas = {m.start for m in scanned if any(gazetteer.get(i).kind in _AREA_KINDS for i in m.place_ids[:8])}
    supported = {m.key for m in scanned if cased and m.capitalized and _supported(text, m, areas)}
    if cased:
        supported |= _near_named_places(text, scanned, supported, gazetteer)
    supported |= near
    raw = [m for m in scanned if _keep(m, cased, supported) and not _person(text, m)
           and (cased or not _pronoun_us(text, m)) and not (cased and _abbreviation(text, m, gazetteer))]
    if cased:
        surnames = _surnames(text, raw, gazetteer) - supported
        raw = [m for m in raw if m.key not in surnames]
    orgs = {m for m in raw if _in_org_name(text, m, cased)}
    if cased:
        raw = [m for m in raw if m in orgs or not _part_of_longer_name(text, m)]
    raw = [m for m in raw if not _spanish_compound(text, m, cased)]
    raw = _drop_bank_names(raw, text, gazetteer)
    names = lexicon.alias_spans(text) if actor_spans is None else actor_spans
    inside = set()
    if names:
        names = sorted(names)
        starts = [a for a, _ in names]
        for m in raw:
            # "the US" in "the US Africa Command": the actor's name starts after the article
            ms = m.start + 4 if m.text[:4].lower() == "the " and len(m.text) > 4 else m.start
            # only names that start at or before the match can contain it
            for s, e in names[max(0, bisect.bisect_right(starts, ms) - 4):bisect.bisect_right(starts, ms)]:
                if s <= ms and m.end <= e and (e - s) > (m.end - ms) + 1:
                    inside.add(m)

    # unambiguous names need no ranking; the others are ranked with the whole article as
    # context (its "City, State" patterns, dateline and other names: more than the places
    # already certain, 65.5% -> 72.0% of matched LGL mentions within 161 km)
    places = {m: gazetteer.get(m.place_ids[0]) for m in raw if len(m.place_ids) == 1}
    mentions = []
    chosen = {}
    for m in raw:
        qual = Q.detect_qualifier(text, m.start, m.end)
        place = places.get(m)
        hint = _kinds(qual, text, m)
        if place is None:
            kinds = hint
            ids = set(m.place_ids)
            ck = (m.key, tuple(sorted(kinds)) if kinds else None)
            if ck not in chosen:
                best = gazetteer._best(m.text, context=text, kind=kinds, among=ids)
                if best is None and kinds:
                    best = gazetteer._best(m.text, context=text, among=ids)
                chosen[ck] = best
            place = chosen[ck]
            if place is None:
                continue
        if hint and "province" in hint and place.kind not in hint:
            # "the eastern province of Deir ez-Zour": the province, not its capital city
            ak = ("area", m.key, tuple(sorted(hint)))
            if ak not in chosen:
                chosen[ak] = None
                for suffix in ("province", "governorate", "oblast", "region"):
                    alt = gazetteer._best(f"{m.text} {suffix}", context=text, kind=hint)
                    if alt is not None:
                        chosen[ak] = alt
                        break
            place = chosen[ak] or place
        if place.kind in ("city", "town") and place.parent and _COUNTRYSIDE.match(lower, m.end):
            # "the eastern Deir Ezzor countryside": the rural part of the governorate named after
            # the city, not the city
            parent = gazetteer.get(place.parent) if place.parent in gazetteer else None
            if parent is not None and not set(_key(m.text)[-1:]).isdisjoint(_key(parent.name)):
                place = parent
        if qual is not None or place.kind == "river":
            qual = Q.detect_qualifier(text, m.start, m.end, kind=place.kind)
        if qual is None and place.kind == "region":
            # a curated part of a country ("Northwest Syria") is that part, with its qualifier
            dm = re.match(r"(north|south|east|west)[\s-]?(east|west)?(?:ern)?\b", place.name.lower())
            if dm and re.match(r"(north|south|east|west)", m.text.lower()):
                qual = Q.Qualifier(Q.direction_of(dm.group(1), dm.group(2)), m.start, m.end)
        role = "actor" if m in inside else _role(text, lower, m, place, lexicon, dateline_end, links)
        if role in LOCATING_ROLES and m in orgs:
            role = "org"
        if (role in LOCATING_ROLES and _SAID_AFTER.match(lower, m.end) and " " not in m.key
                and not _IN_BEFORE.search(lower, max(0, m.start - 9), m.start)
                and place.kind in ("city", "town", "village") and place.population < _SEAT_POPULATION
                and lexicon.lookup_actor(_key(m.text)) is None):
            continue  # "Jones said": a person; a government's seat or an actor would be a metonym
        # the name without a leading article ("the U.S."), and an abbreviation with its
        # period ("Gary, Ind."), as a reader marks them
        start = m.start + 4 if re.match(r"(?i)the\s", m.text) and len(m.text) > 4 else m.start
        end = m.end + 1 if text[m.end:m.end + 1] == "." and m.text + "." in place.aliases else m.end
        pm = PlaceMention(start, end, text[start:end], place, role, span=(m.start, end))
        if qual is not None and qual.name:
            pm.qualifier = qual.name
            pm.span = (min(qual.start, m.start), max(qual.end, m.end))
            pm.km = qual.km
        mentions.append(pm)
    # in lowercase text a town far from everything else the story names is usually an ordinary
    # word ("riverbank", "risen"): keep towns within 2,000 km of the story's other places
    anchors = [(pm.place.lat, pm.place.lon) for pm in mentions
               if pm.locating and pm.place.kind not in ("village", "town")]
    if not cased and len(anchors) == 1:
        # one other place is thin evidence: the countries the story names as actors count too
        # ("near ijevan" in a story about armenia and azerbaijan whose only other site is a
        # statement's venue, brussels)
        anchors += [(pm.place.lat, pm.place.lon) for pm in mentions
                    if pm.place.kind == "country" and pm.role in ("metonym", "actor")]
    if not cased and anchors:
        mentions = [pm for pm in mentions if pm.place.kind not in ("village", "town")
                    or any(_km(pm.place.lat, pm.place.lon, la, lo) < 2000 for la, lo in anchors)
                    or _country_named_before(pm, lower, lexicon)]
    if not cased:
        # ... and a town of a country nothing else in the story belongs to, far from all of
        # it ("nur" in "the nur shams refugee camp near tulkarm" is not Nur, Iran)
        mentions = [pm for pm in mentions if not _stray_town(pm, mentions)
                    or _country_named_before(pm, lower, lexicon)]
    # (an actor's own name votes for no country: "Hamas" is also Hamm, Germany)
    named = {id(pm) for pm in mentions if pm.place.kind in ("city", "town", "village")
             and lexicon.lookup_actor(_key(pm.text)) is not None}
    home = {pm.place.country for pm in mentions if pm.role != "link" and pm.place.kind not in ("village", "town")
            and pm.place.country and id(pm) not in named}
    for pm in mentions:
        # "Hamas said": an actor's name that is also a town far from this story
        if (pm.role in LOCATING_ROLES and id(pm) in named and home and pm.place.country not in home):
            pm.role = "actor"
    for a, b in zip(mentions, mentions[1:]):
        # "the Kursk nuclear power plant in Kurchatov": a facility named after one place and
        # located in another; the other is the site
        if (a.locating and b.locating and b.place.kind in _POINT_KINDS and not b.qualifier
                and _FACILITY_IN.fullmatch(text, a.end, b.span[0])):
            a.role = "reference"
            continue
        # "Sake, 25 km west of Goma": the offset tells where the town just named lies; the
        # town is the site, Goma only the reference point
        if (b.locating and b.qualifier and b.qualifier.endswith("_of") and a.locating
                and a.place.kind in _POINT_KINDS and _APPOSITION.fullmatch(text, a.end, b.span[0])):
            b.role = "reference"
        # "in the Red Sea, about 50 nautical miles west of Hodeidah": the offset point is the
        # site, the sea only contains it
        elif (b.locating and b.qualifier and b.qualifier.endswith("_of") and b.km and a.locating
              and a.place.kind in ("region", "lake", "province", "country")
              and _OFFSET_GAP.fullmatch(text, a.end, b.span[0])):
            a.role = "container"
        # "the village of Khan Arnabah in Quneitra province", "Kherson, Ukraine": the area only
        # says where the place just named lies
        elif ((b.locating or b.role in ("metonym", "actor")) and a.locating
              and (not b.qualifier or "_" not in b.qualifier)  # "in the northern Suwayda countryside" too
              and a.place.kind in _POINT_KINDS
              and (b.place.kind in ("province", "region", "country", "county")
                   # "in the Kayes region": the region named after a city the gazetteer has as a point
                   and (a.place.parent == b.place.id or b.place.kind == "country" and a.place.country == b.place.country)
                   or _AREA_AFTER.match(lower[b.end:b.end + 20]) and b.place.country == a.place.country)
              and _CONTAINER.fullmatch(text, a.end, b.span[0])):
            b.role = "container"
        # "the port of Hudaydah on the Red Sea coast": the coast says where the place lies
        elif (a.locating and b.locating and a.place.kind in _POINT_KINDS and b.place.kind in ("region", "lake")
              and _COAST.fullmatch(text, a.end, b.start) and lower.startswith(" coast", b.end)):
            b.role = "container"
        # "sent to Teorama and Hacari", "fled from Kadugli and Dilling": a place coordinated
        # with a destination or origin is one too
        elif (a.role in ("origin", "destination") and b.role == "site" and not b.qualifier
              and _COORDINATION.fullmatch(text, a.end, b.span[0])):
            b.role = a.role
    for a in mentions:
        # "In Novorossiysk, where the fleet has been based since it left Sevastopol, ...": places
        # in a relative clause about the place just named are its background
        rel = _WHERE_CLAUSE.match(text, a.end) if a.locating else None
        if rel is not None:
            for b in mentions:
                if rel.start() < b.start < rel.end() and b.locating:
                    b.role = "reference"
    mentions.extend(_corefs(text, lower, mentions, lexicon))
    mentions.sort(key=lambda p: p.start)
    focus = main_area(mentions)
    for pm in mentions:
        if pm.coref and pm.place is None:
            pm.place = focus
        if pm.place is not None:
            qualified_geometry(pm, mentions, focus, gazetteer)
    return [pm for pm in mentions if pm.place is not None]


_NEAR_KM = 100.0


# "police in Kohat said", "residents of villages near Batifa said": after "in" a name is the
# speakers' place, not a person speaking
_IN_BEFORE = re.compile(r"\b(?:in|from|at|of|near|around|outside|inside)\s+$")


def _lower_word_before(text, start):
    """Whether a lower-case word other than an article comes right before ``start``."""
    words = text[max(0, start - 24):start].split(" ")
    return len(words) >= 2 and words[-1] == "" and words[-2].isalpha() and words[-2].islower() \
        and words[-2] not in ("the", "a", "an", "of")


_CAP_AFTER = re.compile(r"[ \t]+[A-Z]|['’]s\b|[ \t]+(?:said|says|told)\b")


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|around|toward|towards|from|into|at)\s+$")


def _measured_from(text, m):
    """Whether the match is the place a measured offset is from ("20 nm south-west of brass"), as
    the qualifier reader sees it."""
    if not text.endswith("of ", max(0, m.start - 3), m.start):
        return False  # (most matches: no offset ends right before them)
    q = Q.detect_qualifier(text, m.start, m.end)
    return q is not None and q.name.endswith("_of") and q.km is not None


def _near_named_places(text, scanned, supported, gazetteer, cased=True):
    """Capitalised common words that are towns within 100 km of a town the text names (its most
    populous namesake): "M23 seized Sake" in a report about Goma, not "Mobile" in one about Paris."""
    # a capitalised word standing alone: "Graham" in "Sen. Lindsey Graham", "University" in
    # "Princeton University" belong to a longer name
    if cased:
        todo = [m for m in scanned if m.common and m.capitalized and not m.sentence_start and m.key not in supported
                and " " not in m.key and not m.text.isupper() and m.text.lower() not in _ORG_WORDS
                and _lower_word_before(text, m.start) and not _CAP_AFTER.match(text, m.end)]
    else:
        # no capitals to go by: only right after a locative word ("fighting in sake", "near
        # sake"), never after an article ("for the sake of")
        todo = [m for m in scanned if m.common and m.key not in supported]
    if not todo:
        return set()
    anchors = []
    for m in scanned:
        if not m.common and (m.capitalized or not cased) and m.place_ids:
            # a name's most populous place stands for it here: towns are the evidence sought
            p = max((gazetteer.get(i) for i in m.place_ids[:8]), key=lambda q: q.population)
            if p.kind in ("city", "town", "village"):
                anchors.append(p)
    out = set()
    for m in todo:
        for pid in m.place_ids[:8]:
            p = gazetteer.get(pid)
            if p.kind in ("city", "town", "village") and any(
                    a.country == p.country and _km(a.lat, a.lon, p.lat, p.lon) <= _NEAR_KM for a in anchors):
                out.add(m.key)
                break
    return out


def main_area(mentions):
    """The place the article is about: the most named site, areas and cities first."""
    weight = {"country": 1.0, "river": 0.5, "province": 3.0, "region": 3.0, "city": 3.0, "town": 2.5,
              "village": 2.0, "county": 2.5}
    scores, first = {}, {}
    for pm in mentions:
        if not pm.locating or pm.place is None:
            continue
        pid = pm.place.id
        scores[pid] = scores.get(pid, 0.0) + weight.get(pm.place.kind, 1.5)
        first.setdefault(pid, (pm.start, pm.place))
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -first[k][0]))
    return first[best][1]


def _kinds(qual, text, m):
    after = text[m.end:m.end + 20].lower()
    if qual is not None and qual.name.endswith("_bank"):
        return {"river", "lake"}
    if qual is not None and qual.kind in ("province", "governorate", "oblast", "state", "region", "district"):
        return {"province", "county", "region"}
    if _AREA_AFTER.match(after):
        return {"province", "county", "region"}
    if _TOWN_AFTER.match(after) or (qual is not None and qual.kind in ("city", "town")):
        return {"city", "town"}
    if text[max(0, m.start - 4):m.start].lower() == "the " and not m.text.lower().startswith("the "):
        # "on the Dnipro", "along the Euphrates": towns take no article, rivers do
        return {"river", "lake"}
    return None


# "Agusan del Sur", "Davao de Oro", "Rio Grande do Sul": a name joined to another by a Spanish or
# Portuguese "of" is one longer name (the gazetteer's own, "Valle del Cauca", is matched whole)
_JOIN_AFTER = re.compile(r"[ \t]+(?:del|de|do|da|dos|das)[ \t]+(?:la[ \t]+|los[ \t]+|las[ \t]+)?[A-Z]")


_JOIN_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:del|de|do|da|dos|das)[ \t]+(?:la[ \t]+|los[ \t]+|las[ \t]+)?$")


_DEL_AFTER = re.compile(r"[ \t]+del[ \t]+\w")


_DEL_BEFORE = re.compile(r"\w[ \t]+del[ \t]+$")


def _spanish_compound(text, m, cased):
    before = text[max(0, m.start - 30):m.start]
    if cased:
        return bool(_JOIN_AFTER.match(text, m.end) or _JOIN_BEFORE.search(before)) and m.capitalized is not False
    return bool(_DEL_AFTER.match(text, m.end) or _DEL_BEFORE.search(before))


_COAST = re.compile(r"\s*,?\s*on\s+the\s+", re.I)


_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", re.I)


def _country_named_before(pm, lower, lexicon):
    """"the israeli city of eilat": the words before the name give the place's country."""
    for w in _WORDS.findall(lower[max(0, pm.start - 30):pm.start]):
        name = lexicon.lookup_actor((w,))
        if name and lexicon.actor(name).country == pm.place.country:
            return True
    return False


def _stray_town(pm, mentions):
    if pm.place.kind not in ("village", "town"):
        return False
    others = [o.place for o in mentions if o.place.id != pm.place.id]
    if len(others) < len(mentions) - 1:
        return False  # named twice: a place the story is about
    if all(p.kind in ("village", "town") for p in others) or any(p.country == pm.place.country for p in others):
        return False
    return all(_km(pm.place.lat, pm.place.lon, p.lat, p.lon) > 500 for p in others)


def _km(lat1, lon1, lat2, lon2):
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)
