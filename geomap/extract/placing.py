"""Where an action happened: the place each event draft is put at.

An event's place comes from its own clause first, then its sentence, then
(for actions on the ground) the previous sentence and finally the article's
main area with lower precision; statements (accusations, meetings) are only
located by a place in their own clause. The second item of the result says
which (``located_by``): clause, sentence, previous sentence, territory,
article or none.
"""

from __future__ import annotations

import math
import re

from .tokens import tokenize

__all__ = ["place_for", "coordinated", "in_story"]


_EXTENDED_TO = re.compile(r"\w+\s+to\s+(?:the\s+)?$")
_AIMED = re.compile(r"\b(?:towards?|into|at)\s+(?:the\s+)?(?:\w+\s+){0,2}$")


def place_for(d, an, sent, sites, prev_sites, focus, lexicon, country=None, gazetteer=None):
    """(PlaceMention or Place or None, how) for a draft event."""
    toks = an.tokens
    lo, hi = d.clause
    c0 = sent.start + toks[lo].start
    c1 = sent.start + toks[hi - 1].end
    trig = sent.start + toks[d.k].start
    kinetic = lexicon.action_info(d.category, "kinetic", "yes") == "yes"
    movement = lexicon.action_info(d.category, "movement", "no") == "yes"
    if not d.locate and d.category != "meet":
        return None, "none"
    based = []
    if d.venue[1] > d.venue[0]:
        v0, v1 = sent.start + toks[d.venue[0]].start, sent.start + toks[d.venue[1] - 1].end
        based = [pm for pm in sites if v0 <= pm.start < v1]
        sites = [pm for pm in sites if not v0 <= pm.start < v1]
    if not movement and d.category != "deploy" and any(pm.role == "site" for pm in sites):
        # "beheaded two farmers, the latest of attacks that pushed families toward Montepuez":
        # where people went is no site of an attack when the sentence names one
        # (but "fire towards Kayna": where the attack itself was aimed)
        aimed = [pm for pm in sites if pm.role == "destination" and 0 < pm.start - trig < 40
                 and (_AIMED.search(sent.text, trig - sent.start, pm.start - sent.start)
                      # "extend the blockade to Sikasso": a noun's own reach
                      or any(t.i == d.k and t.pos == "noun" for t in an.triggers)
                      and _EXTENDED_TO.match(sent.text, trig - sent.start, pm.start - sent.start))
                 # (not "struck tanks moving towards Suwayda": another verb's heading)
                 and not any(t.key.endswith("ing") or t.key.endswith("ed") for t in toks[d.k + 1:]
                             if sent.start + t.start < pm.start)]
        sites = aimed or [pm for pm in sites if pm.role == "site"]
    if len(sites) > 1:
        # "..., including a ringleader of the attack near Kalat last month": a place of the past
        # is no place of this sentence's action when the sentence names another
        sites = [pm for pm in sites if not _PAST_AFTER.match(sent.text, pm.end - sent.start)] or sites
    if any(pm.role in ("origin", "destination") for pm in sites):
        # "withdrew at nightfall as federal troops approached from Bure": where another verb of
        # movement after this one came from or went to is that verb's place, not this one's
        later = [sent.start + toks[t.i].start for t in an.triggers if t.i > d.k and t.pos == "verb"
                 and (lexicon.action_info(t.category, "movement", "no") == "yes"
                      or t.category == "deploy" != d.category)]  # (not "reinforcements were moved to")
        if later:
            sites = [pm for pm in sites if pm.role not in ("origin", "destination")
                     or not any(trig < v < pm.start for v in later)]
    in_clause = [pm for pm in sites if c0 <= pm.start < c1]
    if in_clause and d.category == "withdraw" and all(
            pm.role == "destination" and (_TOWARD.search(sent.text, 0, pm.start - sent.start) or d.actor == "civilians")
            for pm in in_clause):
        # "forces withdrew toward Bayhan": a heading, not an arrival (as "withdrew to Dikwa" is);
        # they left the place the story is about ("people fled north to Butembo": a refuge, not
        # where anything happened)
        left = [pm for pm in sites if pm.role in ("site", "origin") and pm.start < trig]
        if not left and d.actor == "civilians":
            # "residents fled to Butembo after the M23 attacked Kanyabayonga"
            left = [pm for pm in sites if pm.role in ("site", "origin") and pm not in in_clause][:1]
        if left:
            return left[-1], "sentence"
        inherited = [pm for pm in prev_sites if pm.role in ("site", "origin") and in_story(pm.place, focus, country)]
        if inherited:
            return inherited[-1], "previous sentence"
    if in_clause and d.category in ("advance", "deploy") and all(pm.role == "origin" for pm in in_clause):
        # "as federal troops approached from Bure", "arrived from the direction of Lake Chad": they
        # came to where the story is, from there: the sentence's own scene first ("Fano took
        # Lalibela and withdrew as ENDF reinforcements arrived from Weldiya")
        here = [pm for pm in sites if pm.role == "site" and pm.start < trig]
        if here:
            return here[-1], "sentence"
        inherited = [pm for pm in prev_sites if pm.role == "site" and in_story(pm.place, focus, country)]
        if inherited:
            return inherited[-1], "previous sentence"
    if in_clause:
        return _nearest(in_clause, trig, movement, sent, d.category), "clause"
    if not d.locate:
        return None, "none"
    if (movement or d.category == "deploy") and _UNKNOWN_DESTINATION.search(sent.text, c0 - sent.start, c1 - sent.start):
        # "troops had been moved to the Tangdhar sector": a destination the gazetteer lacks is
        # still where they went, not the place the text named before
        return None, "none"
    if kinetic and not sites and gazetteer is not None:
        land = _territory(an, lo, hi, lexicon, gazetteer)
        if land is not None:  # "fired rockets into Thai territory": that country, not the article's area
            return land, "territory"
    scene = _fronted(sites, sent) if sites else None
    if scene is not None and _own_capital(scene, d, lexicon):
        # "In New Delhi, the Indian army said ...": where it spoke, not where it fought
        sites = [pm for pm in sites if pm is not scene]
        scene = None
    if sites and (kinetic or d.stance == "threatened"):
        if scene is not None and not movement:
            return scene, "sentence"  # "In Chiure district, further south, an official said ..."
        return _nearest(sites, trig, movement, sent, d.category), "sentence"
    if not kinetic or d.stance in ("threatened", "planned"):
        return None, "none"
    # a place inherited from the previous sentence must be in the story's area: "the
    # ministry passed its warning to the command at Al Udeid air base in Qatar" does not
    # locate the next sentence's shelling near Deir ez-Zor
    # (or in the country of a party the sentence names: a gallery's caption from Armenia)
    local = [pm for pm in based if pm.place.kind in ("town", "village", "city") and pm.role == "site"
             and pm.place.population < 500_000 and lexicon.lookup_actor(tuple(t.key for t in tokenize(pm.text))) is None
             and in_story(pm.place, focus, country)]  # (not "an analyst in Miami said")
    if (local and not sites and d.stance == "claimed" and d.reported_by
            and not _LOCAL_VOICES.isdisjoint(d.reported_by.lower().split())):
        # "police in Lakki Marwat said militants attacked a police station": a town's police, traders
        # or elders speak of their town when the sentence names no other place (not a capital's
        # officials: "a security official in Islamabad said")
        return local[-1], "sentence"
    inherited = [pm for pm in prev_sites if in_story(pm.place, focus, country)]
    if not inherited and prev_sites:
        parties = {lexicon.actor(m.actor).country for m in an.actors if not m.pronoun}
        inherited = [pm for pm in prev_sites if pm.place.country in parties]
    if inherited:
        return _inherit(inherited, movement), "previous sentence"
    if focus is not None:
        return focus, "article"
    return None, "none"


_POINTS = ("city", "town", "village", "landmark", "base", "dam")
# (a name before the noun: "the area", "that sector", "the border area" refer back or say nothing new)
_UNKNOWN_DESTINATION = re.compile(
    r"(?i)\b(?:to|into|towards?)\s+(?:the\s+)?(?!(?:the|that|this|same|whole|entire|border|front|frontline|"
    r"affected|surrounding|disputed|contested|area|region)\b)[\w'’-]+(?:\s+[\w'’-]+)?\s+"
    r"(?:sector|axis|front|area|district|region|province|valley)\b")
# who speaks of their own town ("police in Kohat"); a spokesperson in Pemba speaks for a whole front
_LOCAL_VOICES = frozenset({"police", "residents", "traders", "elders", "villagers", "locals", "witnesses", "officials",
                           "authorities", "commissioner", "mayor", "doctors", "medics", "community", "leaders"})
_TOWARD = re.compile(r"\btowards?\s+(?:the\s+)?(?:(?:town|city|village|port)\s+of\s+)?$", re.I)
# "near Hodeidah and around the capital Sanaa", "in Kharkiv, Sumy and Odesa": one action at each
_AREA_AFTER = re.compile(r"(?i)\s+(?:territory|district|province|region|county|zone|governorate|prefecture|"
                         r"department|oblast|raion|municipality|sub-county|local\s+government\s+area)\b")
_AND_ALSO = re.compile(
    r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as)\s+)"
    r"(?:(?:in|near|around|outside|on|at|across)\s+)?(?:the\s+)?"
    r"(?:(?:capital|city|town|port|village|cities|towns|villages)\s+(?:of\s+)?)?")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:\w+\s+){0,3}$", re.I)


def coordinated(place, sites, text):
    """The places coordinated with the chosen one ("X and Y", "X, Y and Z") that are of its
    sort (points with points, areas with areas): the action happened at each. Not "between
    X and Y", a stretch of road or front."""
    if place is None or _BETWEEN.search(text, max(0, place.start - 30), place.start):
        return []
    point = place.place.kind in _POINTS
    out, last = [], place
    for pm in sites:
        if pm.start <= last.start:
            continue
        if (pm.role != last.role or (pm.place.kind in _POINTS) != point or pm.place.id == place.place.id
                or not _AND_ALSO.fullmatch(text, last.span[1], pm.span[0])
                # "near Oicha, in Beni territory": the area the place lies in, named after its town
                or _AREA_AFTER.match(text, pm.span[1])):
            break
        out.append(pm)
        last = pm
    first = place
    for pm in sorted((pm for pm in sites if pm.start < place.start), key=lambda pm: -pm.start):
        # "Kadugli and Dilling remain besieged": the places before the chosen one, joined to it
        if (pm.role != first.role or (pm.place.kind in _POINTS) != point or pm.place.id == place.place.id
                or pm.coref or not _AND_ALSO.fullmatch(text, pm.span[1], first.span[0])):
            break
        out.append(pm)
        first = pm
    return out
_TERRITORY = {"territory", "airspace", "waters", "soil"}


def _territory(an, lo, hi, lexicon, gazetteer):
    """The country of "<demonym> territory/airspace" in the clause, as a gazetteer Place."""
    toks = an.tokens
    for k in range(lo + 1, hi):
        if toks[k].key not in _TERRITORY:
            continue
        m = next((m for m in an.actors if m.j == k and not m.pronoun), None)
        cc = lexicon.actor(m.actor).country if m is not None else None
        if cc and f"country:{cc}" in gazetteer:
            return gazetteer.get(f"country:{cc}")
        if m is None and k > lo and toks[k - 1].word:
            # a demonym the actor list lacks ("Lebanese territory"): data/demonyms.csv
            return gazetteer.resolve(an.text[toks[k - 1].start:toks[k - 1].end], kind="country")
    return None


def in_story(place, focus, country):
    if country and place.country == country:
        return True
    if focus is None:
        return not country
    return _km(place.lat, place.lon, focus.lat, focus.lon) <= 300.0


def _inherit(sites, movement):
    """The previous sentence's place for an event without its own: a destination for a
    movement, else the most exact place named last ("fighting along the Nile" and
    "central Khartoum": Khartoum, not the whole river)."""
    if movement:
        dest = [pm for pm in sites if pm.role == "destination"]
        if dest:
            return dest[-1]
    points = [pm for pm in sites if pm.place.kind in _POINTS]
    # not a movement: where something happened, not where people fled to ("attacked
    # Mirebalais, forcing families to flee toward Lascahobas. Police retook the town centre")
    points = [pm for pm in points if pm.role == "site"] or points
    if points:
        return points[-1]
    return ([pm for pm in sites if pm.place.kind != "country"] or sites)[-1]


def _km(lat1, lon1, lat2, lon2):
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


_IN_AREA = re.compile(r"(?i)(?:\s+(?:district|town|city|village|area|county))?\s*,\s*(?:in\s+)?(?:the\s+)?")
_PAST_AFTER = re.compile(r"(?i)[\s,]*(?:(?:district|province|town|city|village|area|region|county)\s+)?"
                         r"(?:(?:last|the\s+previous)\s+(?:week|month|year|spring|summer|autumn|winter)|"
                         r"earlier\s+(?:this|that)\s+(?:week|month|year)|in\s+(?:19|20)\d\d\b|"
                         r"(?:\w+\s+)?(?:years|months|decades)\s+ago)")
_FRONTED = re.compile(r"^\s*(?:in|at|near|around)\s+(?:the\s+)?$", re.I)


def _own_capital(pm, d, lexicon):
    """Whether the place mention ``pm`` names the speaker's own state as its seat ("New Delhi"
    for the Indian army): actors.csv lists such capitals among the state's names."""
    if not d.said_by:
        return False
    name = lexicon.lookup_actor(tuple(t.key for t in tokenize(pm.text)))
    if name is None:
        return False
    a, b = lexicon.actor(name), lexicon.actor(d.said_by)
    return bool(a.country) and a.country == b.country and "non_state_armed_group" not in (a.type, b.type)


def _fronted(sites, sent):
    """The place of a sentence-opening locative ("In Chiure district, ..."), which sets the
    scene of the whole sentence, or None."""
    first = min(sites, key=lambda pm: pm.start)
    return first if _FRONTED.match(sent.text[:first.start - sent.start]) else None


def _nearest(cands, pos, movement, sent, category=None):
    after = [pm for pm in cands if pm.start >= pos]
    if category == "withdraw":
        # "withdrew from Marte towards Dikwa": the place given up, not the way out
        origin = [pm for pm in after if pm.role == "origin"]
        if origin:
            return origin[0]
    if (movement or category == "deploy") and category != "capture":
        # (a capture is where the ground was taken: "captured the base in Leer and the army ran to Bentiu";
        # forces sent "from Kharkiv to Kupiansk" are deployed at Kupiansk)
        dest = [pm for pm in after if pm.role == "destination"] or [pm for pm in cands if pm.role == "destination"]
        if dest:
            return dest[0]
    non_country = [pm for pm in cands if pm.place.kind != "country"] or cands
    after = [pm for pm in non_country if pm.start >= pos]
    if after:
        best = min(after, key=lambda pm: pm.start - pos)
        # "crossed the Oskil River north of Kupiansk": the offset says where on the river
        nxt = [pm for pm in after if pm.start > best.start]
        if nxt and not best.qualifier and nxt[0].qualifier and nxt[0].qualifier.endswith("_of"):
            gap = sent.text[best.end - sent.start:nxt[0].span[0] - sent.start].strip().lower()
            # (a river the gazetteer lacks may match a namesake village: "the Oskil River")
            if gap in ("river", "") and (best.place.kind == "river" or gap == "river"):
                return nxt[0]
        return best
    best = min(non_country, key=lambda pm: abs(pm.start - pos))
    if best.place.kind in ("province", "region", "county"):
        # "in Mastung district, Balochistan, security forces killed ...": the place, not its province
        inner = [pm for pm in non_country if pm.end <= best.start and pm.place.kind in _POINTS
                 and _IN_AREA.fullmatch(sent.text, pm.end - sent.start, best.start - sent.start)]
        if inner:
            return inner[-1]
    return best

