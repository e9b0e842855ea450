"""Place mentions with their role in the text.

A place named in a report is not always where something happened.  Each
gazetteer match gets a role:

``site``, ``origin``, ``destination``
    Where an action happened, or where a movement came from or went to.
    Only these roles locate events.
``dateline``
    The wire dateline ("MOSCOW/WASHINGTON (Reuters) -").
``metonym``
    A capital or country standing for its government ("Moscow warned
    Washington", "something moscow denied").
``base``
    A person's base ("a Baghdad-based spokesman").
``venue``
    Where a statement was made ("addressing a Pentagon briefing").
``link``
    Inside a link to another story ("Read: Inside the fight to retake Raqqa").
``actor``
    Part of an actor's name or a modifier of one ("Rapid" in "Rapid Support
    Forces", "U.S.-backed", "the U.S. military command").
``modifier``
    A country qualifying another name ("Sudan's army", "Russia's Kursk region").
``org``
    Part of an institution's name ("the Texas Department of Transportation",
    "Kharkiv police"): still a place name, never where something happened.

Coreference adds mentions for "the river" (the last river named), "the
province" (the last province) and "the region"/"the area" (the article's main
area), and bank phrases without a river name ("the eastern riverbank").
Spatial qualifiers ("eastern banks of", "northwest", "20 km south of") become
the mention's ``qualifier`` and ``geometry`` (see :mod:`.qualifiers`).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field

from . import qualifiers as Q
from .mentions import (
    _abbreviation,
    _keep,
    _surnames,
    _supported,
    _person,
    _pronoun_us,
    _in_org_name,
    _part_of_longer_name,
    _drop_bank_names,
    _ORG_WORDS,
    _SAID_AFTER,
    _SEAT_POPULATION,
)
from .place_geometry import focus_points, qualified_geometry
from .tokens import tokenize

__all__ = ["PlaceMention", "find_places", "main_area", "focus_points", "LOCATING_ROLES"]

LOCATING_ROLES = ("site", "origin", "destination")
_LOCATIVE = {"in", "at", "near", "around", "outside", "inside", "into", "toward", "towards", "to", "from",
             "across", "through", "via", "on", "of", "within", "over", "throughout", "along", "beyond",
             "north", "south", "east", "west", "northern", "southern", "eastern", "western", "province",
             "city", "town", "village", "outskirts", "near", "besieged", "embattled", "northwestern",
             "northeastern", "southwestern", "southeastern", "central"}
_SPEECH = re.compile(
    r"^\s*(?:['’]?s\s+|has\s+|have\s+|had\s+|also\s+|again\s+|on\s+\w+\s+|officials\s+)?"
    r"(?:said|says|say|warned|warns|denied|denies|deny|accused|accuses|claimed|claims|announced|announces|"
    r"insisted|insists|rejected|rejects|urged|urges|responded|responds|told|tells|threatened|threatens|"
    r"confirmed|confirms|stated|states|blamed|blames|condemned|condemns|demanded|demands|would|will|"
    r"wants|wanted|has\s+said|has\s+warned|believes|sees|views|dismissed|insisted|ordered|agreed)\b")
_VENUE_AFTER = re.compile(r"^\s*(?:press\s+|news\s+|media\s+)?(?:briefing|conference|podium|press\s+room|spokesman|spokeswoman|spokesperson|official|officials|statement)\b")
# "warned at a security meeting in Abuja that ...": where a statement was made, not where
# what it reports happened (a meeting that is itself the event has no reporting verb before it)
_VENUE_VERBS = ("said|says|warned|warns|told|tells|announced|announces|declared|declares|vowed|vows|insisted|"
                "insists|accused|accuses|claimed|claims|pledged|pledges|urged|urges|speaking|addressing")
_VENUE_BEFORE = re.compile(
    r"\b(?:" + _VENUE_VERBS + r")"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:an?|the|his|her|their|its)\s+"
    r"(?:[\w-]+\s+){0,2}(?:meeting|conference|briefing|rally|forum|ceremony|summit|session|gathering|"
    r"event|parade|funeral|interview|hearing)\s+(?:in|at)\s+(?:the\s+)?$"
    # "in a statement issued in Phnom Penh"
    r"|\b(?:statement|communiqu[eé]|press\s+release|declaration|video)\s+(?:was\s+)?"
    r"(?:issued|released|published|posted|signed|read(?:\s+out)?|broadcast|aired)"
    r"(?:\s+(?:on|over)\s+(?:state\s+|national\s+|public\s+)?(?:television|tv|radio))?\s+(?:in|at|from)\s+(?:the\s+)?$"
    # "said in a statement from Port Sudan"
    r"|\b(?:statement|communiqu[eé]|press\s+release|declaration)\s+from\s+(?:the\s+)?$"
    # a statement's closing line: "Issued at the headquarters of the Unified Force in Niamey"
    r"|(?:^|\n|\.\s)\s*(?:issued|done|signed|given)\s+(?:at|in)\s+(?:[\w'’-]+\s+){0,7}?(?:in\s+|at\s+)?(?:the\s+)?$")
_BASE_AFTER = re.compile(r"^\s*-\s*based\b")
_BASE_BEFORE = re.compile(
    # (not a passive verb: "two battalions will be stationed in Khenj" are deployed there)
    r"\b(?:(?:based|headquartered|(?<!\bbe\s)(?<!been\s)(?<!were\s)(?<!\bwas\s)(?<!\bare\s)(?<!\bis\s)stationed)\s+in"
    # where commentators and reporters are: "analysts in Yangon caution", "joins us from Peshawar"
    r"|(?:analysts|diplomats|researchers|experts|observers|correspondents?|journalists|reporters|"
    r"(?:military|security|diplomatic)\s+sources)\s+in"
    r"|(?:joins?|joined)\s+us\s+from|(?:reporting|reports|speaking|speaks)\s+(?:to\s+us\s+)?from"
    # where a person comes from: "Dbeibah, who is himself from Misrata", "a native of Gao"
    r"|\b(?:who|which)\s+(?:is|was|are|were)\s+(?:\w+\s+)?(?:originally\s+)?from"
    r"|(?:hails?|hailed|hailing)\s+from|(?:a\s+)?natives?\s+of"
    # institutions seated somewhere: "the International Court of Justice in The Hague"
    r"|(?:court|tribunal|justice|embassy|consulate|secretariat|parliament)\s+(?:in|at))"
    r"\s+(?:the\s+)?$")
_COREF = re.compile(
    r"\b(?:the|its)\s+(?:(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+|"
    r"(?P<hand>left|right)[\s-]+(?=river\s*banks?|riverbanks?|banks?\b))?"
    r"(?P<noun>river\s*banks?|riverbanks?|river|province|governorate|region|area|city|town|village|country|oblast|state|banks?|side)\b")
# a part of a town with no name after it ("the eastern neighbourhoods", not "... of Taiz")
_QUARTERS = re.compile(
    r"\bthe\s+(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+"
    r"(?:outskirts|suburbs|districts|neighbou?rhoods|quarters|parts?|edges?|fringes)\b(?!\s+of\b|['’]s\b|\s+s\s)")
# a state's body or forces named with "of" before the country ("the Armed Forces of Azerbaijan")
_BODY_OF_BEFORE = re.compile(
    r"\b(?:ministry|minister|government|president|presidency|army|armed\s+forces|forces|troops|units|embassy|"
    r"ambassador|parliament|defen[cs]e|affairs|service|guards?|police|navy|air\s+force|military|authorities|"
    r"soldiers|gendarmerie|prime\s+minister|king|chief\s+of\s+staff|general\s+staff)\s+of\s+(?:the\s+)?$")
_SENT_BREAK = re.compile(r"[.!?\n]\s")
_WORDS = re.compile(r"[^\W_]+")
_POSS_AFTER = re.compile(r"^(?:['’]s|\s+s)\s")
_AREA_AFTER = re.compile(r"^\s*(?:province|governorate|oblast|region|countryside)\b")
_TOWN_AFTER = re.compile(r"^\s*(?:city|town)\b")
_ACTOR_AFTER = re.compile(
    r"^-\s*(?:backed|led|supported|allied|sponsored|funded|made|brokered)\b|"
    r"^\s*(?:military|forces?|troops|fighters|militias?|militiamen|brigades?|special|officials?|army|generals?|spies|intelligence|government|"
    r"jets|warplanes|drones|navy|command|operations|soldiers|defen[cs]e|ministry|envoy|embassy|president)\b")
_FROM_A_POWER = frozenset({"pressure", "support", "orders", "order", "approval", "backing", "help", "aid",
                           "mediation", "request", "requests", "demands", "instructions", "permission", "funding"})
_REGIME_AFTER = re.compile(r"^\s*(?:regime|junta)\b")
_FLEET_AFTER = re.compile(r"^\s*(?:fleet|flotilla)\b")
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


@dataclass
class PlaceMention:
    """A place named in the text.

    Attributes
    ----------
    start, end : int
        Offsets of the name (or of the coreferring phrase) in the text.
    text : str
        As written.
    place : geomap.Place
        The gazetteer place.
    role : str
        One of site, origin, destination, dateline, metonym, base, venue, link, actor, modifier,
        org, reference (the reference point of an offset that describes the place just
        named: Goma in "Sake, 25 km west of Goma"), container (the area a place just named
        lies in: Quneitra in "Khan Arnabah in Quneitra province").
    qualifier : str or None
        east_bank, northwest, east_of ... or None.
    geometry : shapely geometry
        The place's geometry moved or cut by the qualifier.
    precision : str
        point, city, river, province, region or country.
    coref : bool
        True when the mention is "the river", "the province", ...
    span : tuple
        The whole phrase, qualifier words included.
    km : float or None
        The distance of an offset qualifier ("20 km south of X").
    """

    start: int
    end: int
    text: str
    place: object
    role: str = "site"
    qualifier: str | None = None
    geometry: object = None
    precision: str | None = None
    coref: bool = False
    span: tuple = field(default=(0, 0))  # the whole phrase, qualifier words included
    km: float | None = None  # the distance of an offset ("20 km south of X")

    @property
    def locating(self):
        """True when this mention may locate an event."""
        return self.role in LOCATING_ROLES


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


def _role(text, lower, m, place, lexicon, dateline_end, links):
    if m.start < dateline_end:
        return "dateline"
    if any(s <= m.start < e for s, e in links):
        return "link"
    after = lower[m.end:m.end + 40]
    before = _SENT_BREAK.split(lower[max(0, m.start - 40):m.start])[-1]
    if _BASE_AFTER.match(after) or _BASE_BEFORE.search(before):
        return "base"
    if _VENUE_AFTER.match(after) and place.kind in ("city", "landmark", "base", "country"):
        return "venue"
    if before.endswith((" in ", " at ", " from ", " the ")) and _VENUE_BEFORE.search(lower, max(0, m.start - 120), m.start):
        return "venue"
    prev = _WORDS.findall(before)
    prev_word = prev[-1] if prev else ""
    if prev_word in ("capital", "port") and len(prev) >= 2 and prev[-2] == "the":
        # "strikes around the capital Sanaa": the word before the apposition's head decides
        prev_word = prev[-3] if len(prev) >= 3 else ""
    key = _key(m.text)
    if key and key[0] == "the":
        key = key[1:]
        before = lower[max(0, m.start - 40):m.start]
        prev = _WORDS.findall(before)
        prev_word = prev[-1] if prev else ""
    if place.kind in ("country", "province") and _POSS_AFTER.match(after):
        return "modifier"  # "Sudan's army", "Russia's Kursk region": the country qualifies a name
    if _REGIME_AFTER.match(after):
        return "actor"  # "the Abiy regime's army", "the Kyiv regime": a government named by its leader or seat
    if place.kind in ("country", "city") and _ACTOR_AFTER.match(after):
        return "actor"
    if place.kind in ("region", "lake") and _FLEET_AFTER.match(after):
        return "actor"  # "the Black Sea Fleet", "the Caspian Flotilla": a navy, not the water
    if place.kind == "country" and _BODY_OF_BEFORE.search(before):
        return "actor"  # "the Ministry of Defence of Armenia", "units of the Armed Forces of Azerbaijan"
    is_actor = lexicon.lookup_actor(key) is not None or lexicon.lookup_actor(key, place.country) is not None
    if is_actor and _ACTOR_AFTER.match(after):
        return "actor"  # "the Radaa force": an armed group's name that is also a village's
    if prev and lexicon.forms.get((prev_word,)) and any(
            f.pos == "verb" and lexicon.action_info(f.category, "kinetic", "no") == "yes"
            for f in lexicon.forms[(prev_word,)]):
        return "site"  # "drones hit Kyiv": the capital is where the strike landed
    if place.kind in ("city", "country", "landmark") and prev_word not in _LOCATIVE:
        if is_actor or _SPEECH.match(after):
            return "metonym"
        if prev_word in ("between", "and", "warned", "told", "urged", "accused", "against", "with", "by") and is_actor:
            return "metonym"
    if place.kind in ("city", "country", "landmark") and is_actor and prev_word in ("between", "by", "with", "against"):
        return "metonym"
    if prev_word == "from" and len(prev) >= 2 and prev[-2] in _FROM_A_POWER:
        return "metonym"  # "under pressure from Washington", "with backing from Moscow"
    if prev_word == "from":
        return "origin"
    if prev_word in ("toward", "towards", "into", "to"):
        return "destination"
    return "site"


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


@functools.lru_cache(maxsize=4096)
def _key(text):
    return tuple(t.key for t in tokenize(text) if t.word)


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


def _corefs(text, lower, mentions, lexicon):
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
