"""The role of a place mention: where something happened, or only named.

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

:func:`role_of` decides the role from the words around one match;
:mod:`.places` finds the matches and calls it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .tokens import tokenize

__all__ = ["LOCATING_ROLES", "PlaceMention", "SENT_BREAK", "WORD_RE", "phrase_key", "role_of"]


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


# a state's body or forces named with "of" before the country ("the Armed Forces of Azerbaijan")
_BODY_OF_BEFORE = re.compile(
    r"\b(?:ministry|minister|government|president|presidency|army|armed\s+forces|forces|troops|units|embassy|"
    r"ambassador|parliament|defen[cs]e|affairs|service|guards?|police|navy|air\s+force|military|authorities|"
    r"soldiers|gendarmerie|prime\s+minister|king|chief\s+of\s+staff|general\s+staff)\s+of\s+(?:the\s+)?$")


SENT_BREAK = re.compile(r"[.!?\n]\s")


WORD_RE = re.compile(r"[^\W_]+")


_POSS_AFTER = re.compile(r"^(?:['’]s|\s+s)\s")


_ACTOR_AFTER = re.compile(
    r"^-\s*(?:backed|led|supported|allied|sponsored|funded|made|brokered)\b|"
    r"^\s*(?:military|forces?|troops|fighters|militias?|militiamen|brigades?|special|officials?|army|generals?|spies|intelligence|government|"
    r"jets|warplanes|drones|navy|command|operations|soldiers|defen[cs]e|ministry|envoy|embassy|president)\b")


_FROM_A_POWER = frozenset({"pressure", "support", "orders", "order", "approval", "backing", "help", "aid",
                           "mediation", "request", "requests", "demands", "instructions", "permission", "funding"})


_REGIME_AFTER = re.compile(r"^\s*(?:regime|junta)\b")


_FLEET_AFTER = re.compile(r"^\s*(?:fleet|flotilla)\b")


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


def role_of(text, lower, m, place, lexicon, dateline_end, links):
    """The role of the gazetteer match ``m`` (``start``, ``end``, ``text``) of ``place``.

    Decided from the words around the match in ``lower`` (the text lowercased): a base,
    a venue, a modifier ("Sudan's army"), part of an actor's name, a metonym ("Moscow
    warned"), the origin or destination of a movement, or a site. Matches before
    ``dateline_end`` are the dateline, those inside one of the ``links`` spans a link.
    """
    if m.start < dateline_end:
        return "dateline"
    if any(s <= m.start < e for s, e in links):
        return "link"
    after = lower[m.end:m.end + 40]
    before = SENT_BREAK.split(lower[max(0, m.start - 40):m.start])[-1]
    if _BASE_AFTER.match(after) or _BASE_BEFORE.search(before):
        return "base"
    if _VENUE_AFTER.match(after) and place.kind in ("city", "landmark", "base", "country"):
        return "venue"
    if before.endswith((" in ", " at ", " from ", " the ")) and _VENUE_BEFORE.search(lower, max(0, m.start - 120), m.start):
        return "venue"
    prev = WORD_RE.findall(before)
    prev_word = prev[-1] if prev else ""
    if prev_word in ("capital", "port") and len(prev) >= 2 and prev[-2] == "the":
        # "strikes around the capital Sanaa": the word before the apposition's head decides
        prev_word = prev[-3] if len(prev) >= 3 else ""
    key = phrase_key(m.text)
    if key and key[0] == "the":
        key = key[1:]
        before = lower[max(0, m.start - 40):m.start]
        prev = WORD_RE.findall(before)
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


@functools.lru_cache(maxsize=4096)
def phrase_key(text):
    """The words of ``text`` as lexicon keys (the tokenizer's normalised words, punctuation left out)."""
    return tuple(t.key for t in tokenize(text) if t.word)
