"""The participants of an action: its subject, its agents and its targets.

Token-position rules on an :class:`~.clauses.Analysis`:

* :func:`subject` -- the actor that opens the clause before a verb or light
  verb, skipping prepositional and object positions, speakers ("Residents say
  soldiers ..."), quantities ("dozens of RSF fighters") and members named by
  their group ("gunmen from the BLA"); pronouns through :mod:`.coref`;
* :func:`agents` -- the actors after "by"/"from"/"to" ("came under attack from
  Russian jets and Syrian forces", "fell to the RSF");
* :func:`targets` -- actors after the trigger in its clause;
* :func:`passive_subject`, :func:`threatener` and :func:`between_after` for
  passives, vows coordinated with a reporting verb and "clashes between X and Y".

:mod:`.linking` turns them into events.
"""

from __future__ import annotations

from .coref import forces_of, resolve_pronoun
from .triggers import UNIT_NOUNS
from .wordclasses import (ADVERBS, AFFILIATION, AUX, HAVE, MUNITION_KINDS, OBJECT_PRONOUNS, OPENERS, PERCEIVE, PREPS,
                          SPEECH, TELL)

__all__ = ["UNNAMED_ATTACKERS", "agents", "between_after", "co_subjects", "passive_subject", "subject",
           "subject_position", "targets", "threatener"]


_FORCES_OF = {"forces", "troops", "fighters", "units", "soldiers", "militias", "members", "elements"}
# "forces loyal to X", "fighters affiliated with X": X's own forces ("backed by" names a backer, not them)
_LOYAL = {"loyal": ("to",), "affiliated": ("with", "to"), "aligned": ("with", "to"), "allied": ("to", "with"),
          "belonging": ("to",), "linked": ("to", "with"), "attached": ("to",)}


def _prev_word(toks, i):
    j = i - 1
    # "and allied Wazalendo fighters": the coordination, not the adjective, comes before
    while j >= 0 and (toks[j].key in ("the", "a", "an") or toks[j].key in ("allied", "affiliated") and j >= 1
                      and toks[j - 1].key in ("and", "with", "of")):
        j -= 1
    return toks[j].key if j >= 0 else ""


def _new_clause_and(toks, i):
    """Whether the "and" before the noun phrase at ``i`` follows a comma (", and the army ..."): it
    joins clauses, not the objects of one verb."""
    j = i - 1
    while j >= 0 and toks[j].key in ("the", "a", "an"):
        j -= 1
    return j >= 1 and toks[j].key == "and" and toks[j - 1].key == ","


def _relative_before(toks, k):
    """The commas around a relative clause right before the verb at ``k`` ("The 54th Brigade,
    whose press officer said ..., held its positions": the verb's subject is before it), or None."""
    c = k - 1
    while c >= 0 and (toks[c].key in ADVERBS or toks[c].key in AUX or toks[c].key in HAVE):
        c -= 1
    if c < 3 or toks[c].key != ",":
        return None
    for r in range(c - 2, max(0, c - 30), -1):
        if not toks[r].word:
            if toks[r].key == "," and toks[r + 1].key in ("whose", "which", "who"):
                return r, c
            return None
    return None


def subject(an, k, frames, memory, *, stop=0, lexicon=None):
    """The actor that is the subject of the verb or light verb at token ``k``.

    Parameters
    ----------
    an : Analysis
    k : int
        Token index of the verb.
    frames : sequence of Frame
        The sentence's attribution frames (for pronouns inside them).
    memory : Memory
        The document so far (for pronouns that refer back).
    stop : int, optional
        No subject before this token (a subordinate clause has its own).
    lexicon : Lexicon, optional
        Defaults to ``memory.lexicon``.

    Returns
    -------
    tuple of (str or None, str or None)
        The actor and its backer, or ``(None, None)``.
    """
    toks = an.tokens
    trig = None  # the trigger tokens, built only when a candidate gets that far
    rel = _relative_before(toks, k)
    own = _own_subject_after_and(toks, k, stop)
    if own is not None:
        stop = max(stop, own)  # "..., and thousands of people fled": that clause's own subject, no actor
    for m in sorted((m for m in an.actors if m.j <= k and m.i >= stop), key=lambda m: -m.j):
        if m.held or rel is not None and rel[0] < m.i < rel[1]:
            continue
        prev = _prev_word(toks, m.i)
        if m.pronoun:
            if toks[m.i].key == "them":
                continue
            who = resolve_pronoun(an, m, frames, memory)
            lexicon = lexicon or memory.lexicon
            if m.j - m.i == 2 and who and lexicon is not None:
                who = forces_of(who, lexicon)  # "the ministry said its troops ...": the state's forces
            return who, None
        if prev == "of" and _quantity_before(toks, m.i):
            prev = ""
            q = _quantity_start(toks, m.i)
            cover = next((o for o in an.actors if o.i <= q < o.j and not o.pronoun and o is not m), None)
            if cover is not None and subject_position(toks, cover.i):
                # "Russian paramilitaries of Africa Corps left ...": the unit named after "of"
                return m.actor, m.backer
        if prev == "from" and _members_from(toks, m.i):
            return m.actor, m.backer  # "gunmen from the Baloch Liberation Army blocked ..."
        loyal = [j for j in range(max(0, m.i - 3), m.i) if prev in _LOYAL.get(toks[j].key, ())
                 and j >= 1 and toks[j - 1].key in _FORCES_OF | {"militia", "group", "groups", "men", "gunmen"}]
        if loyal:
            # "forces loyal to the army": the army's forces, a subject when "forces" is one
            if subject_position(toks, max(0, loyal[0] - 1)):
                return m.actor, m.backer
            continue
        if prev == "of" and m.i >= 4 and toks[m.i - 2].key == "behalf" and toks[m.i - 3].key == "on":
            # "armed factions fighting on behalf of the government": its forces, a subject when
            # the noun phrase before opens the clause
            x = m.i - 4
            if toks[x].key.endswith("ing"):
                x -= 1
            while x > 0 and toks[x - 1].word and toks[x - 1].key not in OPENERS and m.i - 4 - x < 3:
                x -= 1
            if toks[x].word and subject_position(toks, x):
                return m.actor, m.backer
            continue
        r = m.j
        while r < k and r - m.j < 2 and toks[r].key in _UNIT_WORDS:
            r += 1  # "a Russian assault group that had crossed"
        r = r + 1 if r + 1 < k and toks[r].key == "," and toks[r + 1].key in ("which", "who") else r
        if r < k and toks[r].key in ("that", "which", "who") and all(
                toks[x].key in ADVERBS or toks[x].key in HAVE for x in range(r + 1, k)):
            return m.actor, m.backer  # "commanded the ELN units that fought FARC dissidents": the relative's subject
        if prev == "and" and _new_clause_and(toks, m.i) and not any(
                t.key in ("and", ",") or not t.word for t in toks[m.j:k]):
            return m.actor, m.backer  # "..., and an RSF commander has vowed to push on": a clause's own subject
        if prev in PREPS or prev in {"told", "tell", "tells", "telling", "warned", "warn", "warns", "accused",
                                     "accuse", "accuses", "urged", "blamed"}:
            continue
        if not subject_position(toks, m.i):
            continue
        if m.j == k - 1 and toks[m.j].key in _HELD_THINGS and _headline_passive(toks, k):
            return None, None  # "Dawlah Islamiyah camp overrun in Lanao": the camp's owner, not who overran it
        if (any(toks[x].key in SPEECH and toks[x + 1].key != "to" for x in range(m.j, k))
                and not any(t.key in ("and", ",") for t in toks[m.j:k])):
            # "Residents say soldiers took over homes": the speaker, not the subject (but "JNIM
            # claimed to have overrun the camp": the claimer acts)
            continue
        j = m.i - 1
        while j >= 0 and toks[j].key in ("the", "a", "an"):
            j -= 1
        if trig is None:
            trig = {t.i for t in an.triggers} | {x for t in an.triggers for x in range(t.i, t.j)}
        if j >= 0 and j in trig:
            continue  # the object of an earlier verb
        if j >= 0 and toks[j].key == ")":
            continue  # "attacking Islamic State (IS) militants": the tail of the noun phrase before
        return m.actor, m.backer
    return None, None


_OWN_SUBJECT_OPENERS = frozenset({"the", "a", "an", "thousands", "hundreds", "dozens", "many", "several", "some",
                                   "most", "residents", "people", "civilians", "families", "villagers", "women",
                                   "children", "farmers", "traders", "locals"})
_TIME_HEADS = frozenset({"day", "days", "morning", "evening", "night", "week", "weeks", "month", "afternoon", "next",
                         "following", "same", "time", "hours", "minutes", "year"})


def _own_subject_after_and(toks, k, stop):
    """Where the clause of the verb at ``k`` opens when "and" joins it with a subject of its own
    that names no actor ("the M23 advanced on X, and thousands of people fled"), else None."""
    a = next((x for x in range(k - 1, max(stop - 1, k - 7), -1) if toks[x].key == "and" or not toks[x].word), None)
    # (", and": clauses; "Russian drones and a ballistic missile struck": one subject)
    if (a is None or toks[a].key != "and" or a + 1 >= k or toks[a + 1].key not in _OWN_SUBJECT_OPENERS
            or a < 1 or toks[a - 1].key != ","):
        return None
    words = [t.key for t in toks[a + 1:k]]
    if any(w in _TIME_HEADS or w in PREPS and w != "of" for w in words) or any(w in ADVERBS or w in AUX or w in HAVE for w in words[:1]):
        return None
    return a + 1


def co_subjects(an, actor, k):
    """The other actors coordinated with the subject ``actor`` of the verb at ``k``: "Afghan
    Taliban and Indian-sponsored militants carried out an attack", "the army, the police and
    allied militias stormed ..." (in text order, without ``actor``)."""
    toks = an.tokens
    named = sorted((m for m in an.actors if m.j <= k and not m.pronoun and not m.held), key=lambda m: m.i)
    chain, last_join = [], []
    for m in named:
        # "units of the FARDC and soldiers of the Burundian army": the part named before each
        start = _quantity_start(toks, m.i)
        between = [t.key for x, t in enumerate(toks[chain[-1].j:start], chain[-1].j)
                   # "and Indian-sponsored militants": the backer's name is no gap
                   if not (t.joined and t.key in AFFILIATION or x + 1 < m.i and toks[x + 1].joined
                           and toks[x + 1].key in AFFILIATION)] if chain else []
        if between and set(between) <= _JOINERS and ("and" in between or "," in between):
            chain.append(m)
            last_join = between
        else:
            chain = [m]
    # "A, B and C": a list ends in "and" ("According to the ministry, units ..." is no list),
    # but a headline joins two who fight with a comma ("Soldiers, NPA rebels clash in ...")
    headline = (len(chain) == 2 and last_join == [","] and chain[0].i <= 1 and k < len(toks)
                and toks[k].key in _RECIPROCAL)
    if len(chain) < 2 or "and" not in last_join and not headline or any(
            t.key not in _BEFORE_VERB for t in toks[chain[-1].j:k]):
        return []
    names = list(dict.fromkeys(m.actor for m in chain))
    return [a for a in names if a != actor] if actor in names else []


_JOINERS = frozenset({",", "and", "allied", "the", "its", "their"})
_RECIPROCAL = frozenset({"clash", "fight", "battle", "skirmish", "trade", "exchange"})
_BEFORE_VERB = frozenset({"have", "has", "had", "also", "reportedly", "jointly", "allegedly", "then", "later",
                          "again", "both", "together", "were", "was", "are", "is", "then"})


# time zones and clock words after a time: "09:15 GMT", "10:30 a.m."
_CLOCK = {"gmt", "bst", "utc", "cet", "cest", "eet", "eest", "est", "edt", "pst", "pdt", "ist", "msk", "eat",
          "wat", "cat", "ict", "am", "pm", "a.m.", "p.m.", "hrs", "local", "time"}
# "On 11 May JNIM fighters attacked": a date opens the clause
_MONTHS = {"january", "february", "march", "april", "^may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"}
_QUANTITY = {"thousands", "hundreds", "dozens", "scores", "tens", "some", "many", "most", "several", "all",
             "members", "units", "groups", "remnants", "fighters", "soldiers", "elements",
             # a force's part named before it: "the Air Component of OPHK", "a battalion of the RSF"
             "component", "components", "wing", "division", "brigade", "battalion", "contingent", "detachment",
             "squadron", "regiment", "troops", "forces",
             # "ships of the Black Sea Fleet", "crews of the 59th brigade"
             "ships", "vessels", "crews", "pilots", "aircraft", "jets", "warplanes", "detachments", "groups",
             # "Russian paramilitaries of Africa Corps", "mercenaries of the Wagner Group"
             "paramilitaries", "mercenaries", "militiamen", "instructors", "contractors", "personnel", "commandos",
             "battalions", "brigades", "contingents", "regiments", "companies", "cells", "cadres",
             # "the army of Chad", "the navy of Sri Lanka": the state's own force
             "army", "armies", "navy", "military", "gendarmerie",
             # "armed men of the Viv Ansanm coalition", "gunmen of the RSF"
             "men", "gunmen", "militants", "insurgents", "combatants", "operatives", "loyalists"}


def _quantity_before(toks, i):
    """"thousands of residents", "dozens of RSF fighters": the people are the subject."""
    j = i - 1
    while j >= 0 and toks[j].key in ("the", "a", "an"):
        j -= 1
    return j >= 1 and toks[j].key == "of" and toks[j - 1].key in _QUANTITY


def _quantity_start(toks, i):
    """Where "new units of the FARDC" starts, for the actor mention at ``i`` (``i`` when no part
    of it is named before)."""
    if not _quantity_before(toks, i):
        return i
    j = i - 1
    while toks[j].key in ("the", "a", "an"):
        j -= 1
    j -= 2  # "of" and the part
    while j >= 0 and toks[j].key in ("new", "additional", "fresh", "more", "extra", "other", "the", "a", "an"):
        j -= 1
    return j + 1


def _members_from(toks, i):
    """"gunmen from the BLA", "fighters from the group": members named by their group."""
    j = i - 1
    while j >= 0 and toks[j].key in ("the", "a", "an"):
        j -= 1
    return j >= 1 and toks[j].key == "from" and toks[j - 1].key in UNNAMED_ATTACKERS | _QUANTITY and \
        subject_position(toks, j - 1)


# "saw RSF convoys entering", "footage showed fighters entering": the seen are the subject
_SHOWN = PERCEIVE | {"showed", "shows", "show", "showing"}


def subject_position(toks, i):
    """A subject opens its clause: nothing but determiners, numbers or openers before it."""
    if _quantity_before(toks, i):
        return subject_position(toks, [t.i for t in toks if t.i < i and t.key == "of"][-1] - 1)
    j = i - 1
    while j >= 0 and toks[j].key in ("the", "a", "an", "their", "its", "his", "her", "our"):
        j -= 1
    if j >= 1 and toks[j].joined and toks[j].key not in AFFILIATION:
        # "an explosive-laden drone", "Iranian-made missiles": step over a compound modifier
        while j >= 1 and toks[j].joined:
            j -= 1
        j -= 1
        while j >= 0 and toks[j].key in ("the", "a", "an", "their", "its", "his", "her", "our"):
            j -= 1
    if j >= 1 and toks[j].joined and toks[j].key in AFFILIATION:
        # "al qaeda-linked jihadists", "Iran-backed militias": step over the backer's name
        j -= 1
        stop = j - 3
        while j > stop and j >= 0 and toks[j].word and toks[j].key not in OPENERS and toks[j].key not in SPEECH:
            j -= 1
    if j < 0 or not toks[j].word:
        return True
    key = toks[j].key
    if j >= 1 and toks[j - 1].key in ("our", "their", "its", "his", "her") and key.isalpha() and key not in PREPS:
        return subject_position(toks, j)  # "our heroic Fano fighters": an adjective after the possessive
    if toks[j].poss or key in ("air", "naval", "ground", "maritime", "suspected", "alleged", "specialised", "specialized", "special", "additional", "paramilitary", "armed", "rival", "allied", "local", "small",
                               "large", "elite", "mobile", "remaining", "retreating", "fresh", "foreign",
                               "unidentified", "masked", "regular", "reserve", "heavily", "lightly") \
            or key in MUNITION_KINDS:  # "an improvised explosive device hit a patrol"
        return True
    if key in ("was", "is", "were", "are") and j >= 1 and toks[j - 1].key in ("it", "that", "this"):
        return True  # a cleft: "it was Azerbaijani troops who opened fire"
    if key in _CLOCK and j >= 1 and toks[j - 1].key.isdigit():
        return True  # a live blog's time stamp: "10:04 BST Israeli tanks pushed ..."
    if key in ("hours", "days", "weeks", "months", "day", "week", "month", "night") and j >= 1 and (
            toks[j - 1].key.isdigit() or toks[j - 1].key in ("past", "last", "previous")):
        return True  # "over the past 24 hours units repelled ...", "over the past day Russian troops ..."
    if key in ("morning", "afternoon", "evening", "night", "weekend") and j >= 1 and toks[j - 1].key in (
            "this", "last", "yesterday", "late", "early", "overnight", "saturday", "sunday", "monday", "tuesday",
            "wednesday", "thursday", "friday"):
        return True  # "this morning our fighters ambushed ..."
    if key in ("morning", "afternoon", "evening", "night", "dawn", "dusk", "daybreak") and j >= 2 and toks[j - 1].key \
            == "the" and toks[j - 2].key in ("in", "at"):
        return True  # "at about four in the morning al-Shabaab attacked ..."
    if key in OBJECT_PRONOUNS and j >= 1 and toks[j - 1].key in TELL:
        return True  # "a source tells us the insurgents burned ...": what was told opens after the one told
    return key in OPENERS or key in SPEECH or key in _SHOWN or key in _MONTHS or key.isdigit() or key in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                      "saturday", "sunday")


def targets(an, lo, hi, *, skip=()):
    """Actors named in tokens ``lo:hi`` that an action may fall on, in order.

    Actors after "with", "by", "from", "between", "told" etc. (partners, agents,
    addressees) and those in ``skip`` are left out.

    Returns
    -------
    list of str
    """
    toks = an.tokens
    out = []
    for m in an.actors:
        if lo <= m.i < hi and not m.pronoun and m.actor not in skip:
            prev = _prev_word(toks, m.i)
            if prev in ("with", "alongside", "by", "for", "from", "of", "to", "between", "via", "including", "told",
                        "telling"):
                continue
            if m.j < len(toks) and toks[m.j].key in _BORDER_NOUNS:
                continue  # "along the Kenya-Somalia border": a country naming a line, not a party
            out.append(m.actor)
    return out


# what a party holds, named after it: "the RSF base", "an al-Shabaab hideout"
_HELD_THINGS = frozenset({"camp", "camps", "base", "bases", "hideout", "hideouts", "stronghold", "strongholds",
                          "encampment", "positions", "position", "post", "posts", "outpost", "outposts", "checkpoint",
                          "checkpoints", "convoy", "convoys", "headquarters", "depot", "depots", "garrison",
                          "lair", "den", "training"})
# words that may stand before a side named in a pair: "between local Druze armed groups and ..."
# (the unit nouns a trigger is not read in, and an attack's own: "a Russian assault group that ...")
_UNIT_WORDS = UNIT_NOUNS | {"assault", "column", "columns", "convoy", "convoys"}
_COUNT_WORDS = frozenset({"estimated", "about", "around", "some", "approximately", "nearly", "roughly", "at", "least",
                          "more", "than", "up", "to", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                          "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred"})
_AGENT_ADJ = frozenset({"local", "rival", "allied", "opposing", "various", "several", "other", "armed", "regular", "additional", "further", "extra", "fresh", "new"})
# a country naming a line or area, not a party: "along the Kenya-Somalia border"
_BORDER_NOUNS = frozenset({"border", "borders", "frontier", "boundary", "airspace", "territory", "waters", "coast",
                           "side", "sector"})


def _past_abbreviation(toks, k, limit):
    """The token after "(ABBR)" or "(AB BR)" opening at ``k`` (``k`` itself when none opens there)."""
    if k + 2 < limit and toks[k].key == "(" and ")" in (toks[k + 2].key, toks[min(limit - 1, k + 3)].key):
        return k + (3 if toks[k + 2].key == ")" else 4)
    return k


def _headline_passive(toks, k):
    """"camp overrun in Lanao", "base destroyed": a participle with no object after a noun."""
    key = toks[k].key
    if not (key.endswith(("ed", "en")) or key in ("overrun", "hit", "struck", "shot", "seized", "taken", "lost")):
        return False
    if k + 1 >= len(toks):
        return True
    return not toks[k + 1].word or toks[k + 1].key in PREPS or toks[k + 1].key in ("in", "near", "at", "by", "after")



def threatener(an, k, frames):
    """Who threatens or vows at token ``k``: the speaker of a warning frame there, or, for a
    verb coordinated with a reporting verb ("Kyiv said ... had entered the village, and vowed
    to retake it"), that verb's speaker rather than the subject of the reported clause."""
    for f in frames:
        if f.k == k and f.actor:
            return f.actor
    toks = an.tokens
    j = k - 1
    while j >= 0 and toks[j].key in ADVERBS:
        j -= 1
    if j < 1 or toks[j].key != "and" or toks[j - 1].key != ",":
        return None
    said = [f for f in frames if f.k < j and f.actor and f.lo > f.k and f.kind in ("speech", "warn", "deny")]
    return said[-1].actor if said else None


def passive_subject(an, tr, lo):
    """The actor a passive verb's subject names ("two civilians were killed", "a Syrian jet was
    shot down"): an actor ending just before the verb group, not one further back ("officials
    said a market was hit")."""
    toks = an.tokens
    if lo > 0 and toks[lo].key == ")":
        # "... Forces (CAPF) would be deployed": the brackets' clause is the name's
        o = next((x for x in range(lo - 1, max(-1, lo - 6), -1) if toks[x].key == "("), None)
        if o is not None:
            lo = max((b for b in an.boundaries if b < o), default=0)
    for m in sorted((m for m in an.actors if lo <= m.i and m.j <= tr.i and not m.pronoun), key=lambda m: -m.j):
        # "the Central Armed Police Forces (CAPF) would be deployed"
        start = _past_abbreviation(toks, m.j, tr.i)
        if start == m.j and start < tr.i and toks[start].key == ")" and m.i > 0 and toks[m.i - 1].key == "(":
            start += 1  # the abbreviation itself is the actor's name: "... Forces (CRPF) would be deployed"
        between = toks[start:tr.i]
        if len(between) <= 4 and all(t.word and t.key not in SPEECH and t.key not in PREPS for t in between):
            return m.actor
        return None
    return None


UNNAMED_ATTACKERS = {"gunmen", "assailants", "attackers", "men", "drones", "missiles", "rockets", "shells", "bombs",
                      "mortars", "airstrikes", "strikes", "explosions", "bombers", "jets", "warplanes", "aircraft",
                      "gunman", "assailant", "attacker", "drone", "missile", "rocket", "shell", "bomb", "mortar",
                      "airstrike", "strike", "explosion", "bomber", "jet", "warplane", "rounds", "round", "fighters", "militants", "insurgents",
                      # weapons named by their carrier: "hit by an explosive-laden boat", "a suicide car bomb"
                      "boat", "boats", "skiff", "skiffs", "vessel", "uav", "uavs", "projectile", "projectiles",
                      "munition", "munitions", "grenade", "grenades", "ied", "ieds", "device", "mine", "mines",
                      "sniper", "snipers", "helicopter", "helicopters", "gunship", "gunships", "tank", "tanks",
                      # "attacked by armed individuals", "unidentified elements opened fire"
                      "individuals", "persons", "elements", "raiders"}


def between_after(an, tr):
    """Token of the "between" that names both sides of a clash or meeting: right after the noun
    or after what the clash did ("clashes erupted overnight in the capital between X and Y")."""
    toks, n = an.tokens, len(an.tokens)
    starts = {t.i for t in an.triggers}
    # (the place may come first: "erupted on Monday in the eastern Tripoli district of Souq al-Juma
    # between X and Y")
    for k in range(tr.j, min(n, tr.j + 20)):
        key = toks[k].key
        if key == "between":
            return k
        if key == "," and k + 1 < n and toks[k + 1].key in ("the", "a", "its", "their", "between"):
            continue  # "... around Mitiga airport, the capital's only airport, between X and Y": an apposition
        if key in SPEECH and k > tr.j and toks[k - 1].key in ("were", "was", "been"):
            continue  # "clashes were reported between X and Y": the passive says nobody's word
        if not toks[k].word or key in SPEECH or k in starts or key in ("and", "that", "but", "while"):
            return None
    return None


def agents(an, j, preps, *, direct=False):
    """Actors after "by"/"from" at token ``j`` ("from Russian jets and Syrian forces")."""
    toks, n = an.tokens, len(an.tokens)
    k = j
    limit = j + (2 if direct else 5)
    while k < n and k < limit and toks[k].key not in preps:
        if not toks[k].word and not (k == j and toks[k].key in ('"', "”", "’")):
            return []  # (a quoted noun's closing mark may come first: 'to "unprovoked firing" by X')
        k += 1
    if k >= n or toks[k].key not in preps:
        return []
    k += 1
    out = []
    while k < n:
        start = k
        while k < n and (toks[k].key in ("the", "a", "an") or toks[k].key in _AGENT_ADJ and k + 1 < n
                         and any(m.i == k + 1 for m in an.actors)):
            k += 1  # ("local Druze armed groups", "rival M23 factions")
        x = k
        while x < n and x - k < 4 and (toks[x].key in _COUNT_WORDS or toks[x].key.replace(",", "").isdigit()):
            x += 1  # "by an estimated ten armed pirates", "by about 200 RSF fighters"
        if x > k and any(m.i == x and not m.pronoun for m in an.actors):
            k = x
        if k + 1 < n and toks[k].key in _QUANTITY and toks[k + 1].key == "of":
            k += 2  # "members of the Gran Grif gang", "dozens of RSF fighters"
            while k < n and toks[k].key in ("the", "a", "an"):
                k += 1
        # (a resolved "the army" starts at its article)
        m = next((m for m in an.actors if start <= m.i <= k < m.j and not m.pronoun), None)
        if m is None and k + 1 < n and toks[k].key in _FORCES_OF and (
                toks[k + 1].key == "of" or k + 2 < n and toks[k + 2].key in _LOYAL.get(toks[k + 1].key, ())):
            # "forces of the Government of National Unity", "troops of the junta", "forces loyal to Haftar"
            k += 2 if toks[k + 1].key == "of" else 3
            while k < n and toks[k].key in ("the", "a", "an"):
                k += 1
            m = next((m for m in an.actors if m.i == k and not m.pronoun), None)
        if m is None:
            break
        out.append(m.actor)
        k = m.j
        if k < n and toks[k].key in _FORCES_OF | {"force", "militia", "group", "army"}:
            k += 1  # "the Radaa force and ...": the name's head noun
        if k + 1 < n and toks[k].key == "/" and toks[k + 1].word:
            k += 2  # "M23/AFC": the same group's other name
        k = _past_abbreviation(toks, k, n)  # "X (GNU) and Y": the abbreviation
        if k < n and toks[k].key == "and":
            k += 1
            continue
        break
    return out
