"""Sentence analysis: actor mentions, action triggers and clause boundaries.

Rules work on :mod:`.tokens` (so case never matters) and the lexicon's token
indexes.  :func:`analyse` returns the raw material that :mod:`.events` turns
into events: who (actor mentions with backers), what (action triggers with
voice, modality and negation) and where clauses begin and end.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .tokens import tokenize
from .triggers import find_triggers
from .wordclasses import (ADVERBS, AFFILIATION, AUX, BOUNDARY_WORDS, DENY, DETERMINERS, DOUBLE_QUOTES, HAVE, HEADS,
                          PREPS, SPEECH, WARN)

__all__ = ["ActorMention", "Analysis", "analyse"]

PRONOUNS = {"they", "it", "we", "he", "she", "them"}
POSSESSIVES = {"its", "their", "our", "his", "her"}
# Arabic name particles: "Abdulmalik al-Houthi" is a person whose family name is an actor's alias
NAME_PARTICLES = {"al", "el", " al", "as", "ash", "ad", "ar", "az", "an", "bin", "ben", "ibn", "abu", "abou", "bint"}


# set unions used in loops, built once
# "its troops", "their drone units", "its air force", "its navy"
_HEADS_AFTER_POSS = (HEADS - {"positions"}) | {"force", "navy", "unit", "brigade", "battalion", "warships", "ships",
                                                "vessels", "boats", "frigates", "corvettes"}
_HEADS_EXTEND = HEADS - {"positions", "army"}
_THAT_VERBS = SPEECH | DENY | WARN | {"revealed", "disclosed"}
_AND_SKIP = ADVERBS | HAVE | AUX | {"then"}
# kinds of unit between a possessive and its head: "their drone units", "its special forces"
_POSS_MODIFIERS = {"patrol", "drone", "artillery", "air", "naval", "special", "own", "elite", "ground", "missile", "rocket",
                   "assault", "combat", "reconnaissance", "marine", "sea", "mobile", "armoured", "armored", "tank",
                   "infantry", "border", "frontline", "allied", "airborne", "mechanised", "mechanized", "commando",
                   "remaining", "last", "surviving", "retreating", "besieged", "regular", "reserve", "local",
                   # a statement's praise of its own: "our heroic forces", "our valiant troops"
                   "heroic", "brave", "valiant", "gallant", "courageous", "glorious", "victorious"}
_AND_AFTER_ACTOR = SPEECH | DENY | WARN | HAVE | AUX | {"this", "on"}


@dataclass
class ActorMention:
    """Tokens ``i:j`` name ``actor`` (``backer`` from "U.S.-backed ..." or "backed by ...")."""

    i: int
    j: int
    actor: str
    backer: str | None = None
    pronoun: bool = False
    held: bool = False        # "government-held": names the controller of an area
    person: str | None = None  # "Abdulmalik al-Houthi": a person of the actor, named as written
    scoped: bool = False       # named by a country's bare alias ("the army@LB"): whose army is a guess


@dataclass
class Analysis:
    """The analysed sentence."""

    text: str
    tokens: list
    actors: list = field(default_factory=list)
    triggers: list = field(default_factory=list)
    boundaries: set = field(default_factory=set)     # token indexes that start a new clause
    place_tokens: set = field(default_factory=set)   # tokens of place names in a locating role
    country: str | None = None                       # ISO code of the country the sentence is set in

    def clause(self, k):
        """(start, end) token range of the clause around token ``k``."""
        s = k
        while s > 0 and s not in self.boundaries:
            s -= 1
        e = k + 1
        while e < len(self.tokens) and e not in self.boundaries:
            e += 1
        return s, e

    def actor_at(self, k):
        """The actor mention covering token ``k``, or None."""
        for a in self.actors:
            if a.i <= k < a.j:
                return a
        return None


def analyse(text, lexicon, *, country=None, blocked=(), tokens=None):
    """Find actor mentions, action triggers and clause boundaries in a sentence.

    Parameters
    ----------
    text : str
        One sentence, any case.
    lexicon : Lexicon
    country : str, optional
        ISO code of the article's country (for ``alias@CC`` actor names).
    blocked : sequence of (int, int)
        Character spans that are places in a locating role (never actors).
    tokens : list of Token, optional
        ``tokenize(text)`` when the caller has it already.

    Returns
    -------
    Analysis
    """
    toks = tokenize(text) if tokens is None else tokens
    an = Analysis(text, toks, country=country)
    blocked_tok = set()
    if blocked:
        starts = [t.start for t in toks]
        for s, e in blocked:
            blocked_tok.update(range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)))
    an.place_tokens = blocked_tok
    _find_actors(an, lexicon, country, blocked_tok)
    find_triggers(an, lexicon)
    if lexicon.state_demonyms:
        _demonym_authors(an, lexicon)
    _find_boundaries(an)
    return an


def _demonym_authors(an, lexicon):
    """"a Nigerian air strike", "Pakistani shelling": a demonym right before an action noun names
    its country's state forces (the one force a country has: :attr:`Lexicon.state_demonyms`)."""
    toks = an.tokens
    added = False
    for tr in an.triggers:
        if tr.pos != "noun" or tr.i == 0:
            continue
        k = tr.i - 1
        name = lexicon.state_demonyms.get(toks[k].key)
        if name is None or not toks[k].word or k in an.place_tokens or any(m.i <= k < m.j for m in an.actors):
            continue
        an.actors.append(ActorMention(k, k + 1, name))
        added = True
    if added:
        an.actors.sort(key=lambda m: m.i)


# a country's own forces named bare ("the army", "the air force"): whose they are depends on who speaks
_NATIONAL_FORCES = frozenset({("army",), ("military",), ("air", "force"), ("navy",), ("armed", "forces")})


def _find_actors(an, lexicon, country, blocked):
    toks, n = an.tokens, len(an.tokens)
    first = lexicon.alias_first
    i = 0
    found = []
    cased = an.text != an.text.lower()
    # most words start no actor name: visit only those that may, in one pass
    starts = [k for k, t in enumerate(toks) if t.word and k not in blocked
              and (t.key in first or t.key in POSSESSIVES or t.key in PRONOUNS)]
    for s in starts:
        if s < i:
            continue  # inside the actor just found
        i = s
        t = toks[i]
        hit = None
        key = ()
        for L in range(1, min(lexicon.max_alias, n - i) + 1 if t.key in first else 0):
            x = toks[i + L - 1]
            if not x.word:
                if x.key == "/" and key:
                    continue  # "AFC/M23": one name in two parts
                if x.key in DOUBLE_QUOTES and key and i + L < n and toks[i + L].word:
                    continue  # 'the Druze "National Guard"': a name's quoted part
                break
            key = key + (x.key,)
            name = lexicon.lookup_actor(key, country) if key in lexicon.aliases else None
            if name and L == 1 and key in lexicon.caps_only and not x.caps and cased:
                name = None  # "Nas", "Hur": a name, not the acronym "NAS" or "HUR"
            if name:
                hit = (L, name)
            if key not in lexicon.alias_prefixes:
                break
        if hit is None:
            if t.key in POSSESSIVES and i + 1 < n and toks[i + 1].key in _HEADS_AFTER_POSS:
                found.append(ActorMention(i, i + 2, "", pronoun=True))
                i += 2
                continue
            if (t.key in POSSESSIVES and i + 2 < n and toks[i + 1].key in _POSS_MODIFIERS
                    and toks[i + 2].key in _HEADS_AFTER_POSS):
                found.append(ActorMention(i, i + 3, "", pronoun=True))  # "their drone units"
                i += 3
                continue
            if (t.key in POSSESSIVES and i + 3 < n and toks[i + 2].joined and toks[i + 1].word
                    and toks[i + 3].key in _HEADS_AFTER_POSS):
                found.append(ActorMention(i, i + 4, "", pronoun=True))  # "its long-range drones"
                i += 4
                continue
            if t.key in PRONOUNS and (i == 0 or toks[i - 1].key not in ("of", "with", "to", "against", "on", "at")):
                found.append(ActorMention(i, i + 1, "", pronoun=True))
            i += 1
            continue
        L, name = hit
        if (i + L < n and toks[i + L].key in DOUBLE_QUOTES
                and sum(toks[x].key in DOUBLE_QUOTES for x in range(i, i + L)) % 2):
            L += 1  # the closing mark of 'the Druze "National Guard"' ends the name
        if toks[i + L - 1].poss and i + L < n:
            # "Thailand's army", "Sudan's military": the army of the country named, not of the
            # country the sentence is set in
            own = lexicon.actor(name).country
            for L2 in (2, 1):
                key2 = tuple(x.key for x in toks[i + L:i + L + L2])
                other = lexicon.lookup_actor(key2, own) if own and key2 in lexicon.aliases else None
                if other and lexicon.actor(other).country == own:
                    L, name = L + L2, other
                    break
                if own and key2 in _NATIONAL_FORCES and lexicon.actor(name).type == "state_forces":
                    L += L2  # "Ukraine's armed forces" with no such alias of its own: still Ukraine's
                    break
        while i + L < n and toks[i + L].key in _HEADS_EXTEND and toks[i + L].word:
            L += 1
        m = ActorMention(i, i + L, name)
        if (L == hit[0] and country and tuple(k for k in key[:L] if k != "the") in _NATIONAL_FORCES
                and all(ctx for _, ctx in lexicon.aliases[key[:L]])):
            m.scoped = True
        keys = [x.key for x in toks[i:i + L]]
        for a in ("backed", "supported", "led", "allied", "sponsored"):
            if a in keys[1:]:  # alias "u.s.-backed fighters": the part before names the backer
                k = keys.index(a)
                m.backer = lexicon.lookup_actor(tuple(keys[:k]), country)
        found.append(m)
        i += L
    # "X-backed Y" and "Y, backed by X": Y with backer X; "X-held": X controls an area
    merged = []
    for m in found:
        if merged and not m.pronoun and not merged[-1].pronoun:
            prev = merged[-1]
            mid = toks[prev.j:m.i]
            if (len(mid) == 1 and mid[0].joined and mid[0].key in AFFILIATION - {"held", "controlled", "run"}
                    and mid[0].key != "led" or len(mid) == 1 and mid[0].key == "led" and mid[0].joined):
                m.backer = prev.actor
                m.i = prev.i
                merged[-1] = m
                continue
        merged.append(m)
    for m in merged:
        if not m.pronoun and m.i >= 2 and toks[m.i].joined and toks[m.i - 1].key in NAME_PARTICLES:
            _person(an, m, lexicon, cased)
        if m.j < n and toks[m.j].joined and toks[m.j].key in ("held", "controlled", "run", "dominated"):
            m.held = True
        nxt = [x.key for x in toks[m.j:m.j + 3]]
        if nxt[:2] == ["backed", "by"] or nxt[:3] in ([",", "backed", "by"], [",", "supported", "by"]) or nxt[:2] == ["supported", "by"]:
            k = m.j + (3 if nxt[0] == "," else 2)
            for other in merged:
                if other.i == k and not other.pronoun:
                    m.backer = other.actor
    an.actors = merged


_NOT_A_NAME = (DETERMINERS | PREPS | SPEECH | AUX | HAVE | BOUNDARY_WORDS | ADVERBS | PRONOUNS | POSSESSIVES
               | {"in", "or", "pro", "anti", "leader", "chief", "head", "founder", "spokesman", "movement", "group"})


def _person(an, m, lexicon, cased):
    """"Abdulmalik al-Houthi", "Abdul-Malik al-Houthi": a given name and a particle before the
    alias make a person's name; the mention is widened to it and keeps the person.  In cased
    text the given name is capitalized; in lowercase text it is any word that is neither a
    function word nor one of the lexicon's."""
    toks = an.tokens
    g = m.i - 2
    t = toks[g]
    if not t.word or t.key in _NOT_A_NAME or t.key in lexicon.alias_first or t.key in lexicon.form_first:
        return
    if cased and not an.text[t.start].isupper():
        return
    while g > 0 and toks[g].joined and toks[g - 1].word:
        g -= 1  # "Abdul-Malik"
    m.person = an.text[toks[g].start:toks[m.j - 1].end]
    m.i = g


# every key that may start a clause below: other tokens are skipped in one pass
_BOUNDARY_KEYS = frozenset({";", ":", "—", "–", "(", ")", ",", "as", "that", "and"} | BOUNDARY_WORDS)


def _find_boundaries(an):
    toks, n = an.tokens, len(an.tokens)
    b = {0}
    trig_start = {t.i for t in an.triggers}
    actor_start = {a.i: a for a in an.actors}
    for k in [k for k, t in enumerate(toks) if t.key in _BOUNDARY_KEYS]:
        t = toks[k]
        if t.key in (";", ":", "—", "–", "(", ")"):
            b.add(k)
        elif t.key == "," :
            b.add(k)
        elif t.key in BOUNDARY_WORDS:
            if t.key == "since" and k + 1 < n and (toks[k + 1].key.isdigit() or toks[k + 1].key in _SINCE_WHEN):
                continue  # "reported since 10 January around Masisi": a date, no clause
            if t.key == "since" and k > 0 and toks[k - 1].key in ("has", "have", "had", "ever"):
                continue  # "has since moved into Augie": an adverb
            b.add(k)
        elif t.key == "as" and k + 1 < n and toks[k + 1].key not in ("soon", "well", "a", "an", "part", "such", "of"):
            b.add(k)
        elif t.key == "that" and k > 0 and toks[k - 1].key in _THAT_VERBS:
            b.add(k)
        elif t.key == "and" and k + 1 < n and not _between_pair(toks, k):
            j = k + 1
            while j < n and toks[j].key in _AND_SKIP:
                j += 1
            if j < n and (j in trig_start or j > k + 1):
                b.add(k)
            elif j in actor_start:
                a = actor_start[j]
                after = toks[a.j].key if a.j < n else ""
                if after in _AND_AFTER_ACTOR or a.j in trig_start:
                    b.add(k)
    an.boundaries = b


_SINCE_WHEN = frozenset({"january", "february", "march", "april", "june", "july", "august", "september", "october",
                         "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                         "saturday", "sunday", "last", "early", "late", "mid", "then", "yesterday", "dawn"})


def _between_pair(toks, k):
    """"clashes between M23 and Wazalendo groups were reported": the "and" of "between X and
    Y" joins the pair, it opens no clause."""
    for x in range(k - 1, max(-1, k - 7), -1):
        if toks[x].key == "between":
            return True
        if not toks[x].word or toks[x].key in BOUNDARY_WORDS:
            return toks[x].key == "/"  # "AFC/M23"
    return False
