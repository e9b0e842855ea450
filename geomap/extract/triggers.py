"""Action triggers: the words of a sentence that name an action.

:func:`find_triggers` looks the tokens up in the lexicon's action forms (with
gapped forms such as "drove ... out"), chooses between a verb and a noun reading
("ISIS targets", "launched an attack"), drops words that name a weapon, a unit
or an idiom ("strike aircraft", "took part", "a peacekeeping operation") and
adds attacks told by impact verbs with a munition subject ("shells fell on
Kherson").  :func:`.clauses.analyse` calls it once actors are found.
"""

from __future__ import annotations

from dataclasses import dataclass

from .wordclasses import (ADVERBS, AFFILIATION, AUX, BOUNDARY_WORDS, DETERMINERS, HAVE, HEADS, LIGHT,
                          MUNITION_KINDS, PREPS)

__all__ = ["Trigger", "find_triggers", "impact", "FALL", "IMPACT", "LOSE", "MUNITIONS"]

# verbs whose bare form is more often another word ("beat back", "under fire", "set free")
AMBIGUOUS_BASE = {"back", "fire", "free", "mass", "press", "push", "help", "arm", "cover", "take", "station"}
# munitions: the subject of an impact verb ("shells fell on", "rounds landed in") or, before a
# verb, a plural noun rather than a verb ("rockets hit Sderot", "shells rained down")
MUNITIONS = {"shells", "shell", "rounds", "round", "rockets", "rocket", "missiles", "missile", "mortars", "mortar",
             "bombs", "bomb", "drones", "drone", "projectiles", "projectile", "grenades", "grenade", "munitions",
             "interceptors", "bullets", "bullet", "explosive", "explosives", "charge", "device", "payload",
             "quadcopter", "shrapnel", "ied", "ieds", "vbied", "landmine", "landmines", "mine", "mines"}
# verbs that say where fire arrived without naming who fired: an attack only with a munition subject
IMPACT = {"fell": "past", "fall": "base", "falls": "s", "falling": "ing", "fallen": "pp", "landed": "past",
          "land": "base", "lands": "s", "landing": "ing", "slammed": "past", "slam": "base", "slams": "s",
          "slamming": "ing", "crashed": "past", "crash": "base", "crashes": "s", "crashing": "ing",
          "exploded": "past", "explode": "base", "explodes": "s", "exploding": "ing", "impacted": "past",
          "rained": "past", "rain": "base", "rains": "s", "raining": "ing", "smashed": "past"}
# "a bomb went off near the convoy": an impact verb of two words (with "off" after it)
GO_OFF = {"went": "past", "go": "base", "goes": "s", "going": "ing", "gone": "pp"}
# where an impact verb says the fire arrived ("fell on", "landed near", "rained down on")
_IMPACT_AFTER = {"on", "in", "into", "onto", "near", "inside", "around", "at", "across", "over", "outside", "close",
                 "down", "just", "short", "behind", "beside", "within", "under", "beneath", "underneath", "along",
                 "next", "among"}
# participles of a reduced relative between a munition and its impact verb ("rockets fired from
# Lebanon fell near Metula")
LAUNCHED = {"fired", "launched", "shot", "dropped", "lobbed"}
# "Bakhmut fell to Wagner", "the army lost Kidal to the rebels": whoever follows "to" took the place
FALL = {"fell": "past", "fall": "base", "falls": "s", "fallen": "pp", "falling": "ing"}
LOSE = {"lost": "past", "lose": "base", "loses": "s", "losing": "ing"}
_FALL_OR_LOSE = frozenset(FALL) | frozenset(LOSE)
# what can fall to an enemy when no place name is its subject ("the town fell to the rebels")
_HELD_NOUNS = {"city", "town", "village", "villages", "base", "airport", "airbase", "garrison", "camp", "capital",
               "position", "positions", "outpost", "outposts", "stronghold", "bastion", "hub", "district",
               "neighbourhood", "neighborhood", "port", "crossing", "border", "bridge", "area", "region",
               "province", "state", "locality", "settlement", "settlements", "hill", "heights"}
# "operation(s)" is a military action unless a modifier or the next noun says otherwise
# ("rescue operation" is a rescue form already; "peacekeeping operation", "operations room")
CIVIL_OPERATION = {"peacekeeping", "peace", "humanitarian", "relief", "aid", "search", "recovery", "salvage",
                   "medical", "evacuation", "demining", "de-mining", "business", "commercial", "airport", "port",
                   "rescue", "monitoring", "observer", "electoral", "election", "vaccination", "logistics",
                   "logistical", "supply", "cleanup", "clean", "reconstruction", "mining", "sting", "customs",
                   "information", "influence", "psychological", "surgical", "police", "policing", "un", "u.n.",
                   "normal", "daily", "field", "cash", "banking", "ferry", "flight", "flights", "shipping",
                   "ceasefire", "truce", "suspended", "halted", "suspend", "halt", "cease", "ceased", "stopped",
                   "end", "ended", "ending", "postal", "mission", "missions"}
_OPERATION_NEXT = {"room", "rooms", "centre", "center", "centres", "centers", "command", "commander", "commanders",
                   "director", "chief", "chiefs", "manager", "managers", "cost", "costs", "headquarters", "hq",
                   "base", "capability", "capabilities", "of", "officer", "officers", "staff", "area", "areas",
                   "theatre", "theater", "zone", "zones", "tempo", "team", "teams", "unit", "units"}
# "the tempo of (Russian) operations", "the pace of operations": operations in general, no event
_OPERATION_MEASURE = {"tempo", "pace", "scale", "scope", "intensity", "nature", "focus", "rhythm", "conduct",
                      "course", "timing", "cost", "costs", "planning", "coordination", "support"}
# "clear" the adjective: after a copula or degree word, before a question word
_CLEAR_ADJ_BEFORE = {"is", "was", "are", "were", "be", "been", "being", "it", "not", "very", "more", "made", "make",
                     "makes", "making", "seems", "seemed", "appears", "remains", "remained", "crystal", "all", "'s"}
_CLEAR_ADJ_AFTER = {"who", "whether", "what", "if", "how", "why", "when", "where", "which", "that"}
# adjectives of "measures"/"steps"/"action" in "take ... measures"
_MEASURE_ADJ = {"further", "more", "stronger", "strong", "tougher", "tough", "firm", "firmer", "necessary",
                "appropriate", "adequate", "retaliatory", "reciprocal", "decisive", "urgent", "immediate", "new",
                "additional", "all", "concrete", "serious", "harsh", "harsher", "swift", "practical", "legal",
                "preventive", "preventative", "defensive", "punitive", "countermeasures", "drastic", "every",
                "possible", "resolute", "proportionate", "military", "security", "emergency", "precautionary"}
IDIOMS = {"part", "place", "office", "note", "steps", "step", "action", "measures", "care", "advantage",
          "time", "responsibility", "aim", "shape", "hold", "effect", "root", "issue", "charge", "sides"}

# set unions used in loops, built once
UNIT_NOUNS = (HEADS - {"positions"}) | {"group", "groups", "team", "teams", "squad", "squads", "brigade", "brigades", "battalion",
                       "battalions", "helicopter", "helicopters", "boat", "boats", "vehicle", "vehicles",
                       "detachment", "detachments", "craft", "unit", "force", "submarine", "submarines"}
# what "combat", "battle" or "fighting" qualify as an adjective: units and weapons, and a few more
_COMBAT_HEADS = UNIT_NOUNS | {"positions", "position", "zone", "zones", "readiness", "mission", "missions",
                               "experience", "duty", "drone", "engineers", "medics", "capability", "capabilities",
                               "training", "uniform", "uniforms", "gear", "boots", "tank", "tanks", "formation",
                               "formations", "posts", "post", "strength", "power", "losses", "ships", "ship",
                               "order", "lines", "line"}
_NOT_LIGHT_OBJECT = frozenset({"after", "before", "when", "while", "since", "because", "following", "amid", "despite"})
_WEAPON_KINDS = {"attack", "kamikaze", "suicide", "combat", "surveillance", "reconnaissance", "fpv", "strike",
                 "explosive", "long-range", "loitering", "russian", "ukrainian", "israeli", "turkish", "iranian",
                 "grad", "katyusha", "qassam", "more", "few", "several", "many", "dozens", "hundreds"}
_AMBIGUOUS_FORMS = AMBIGUOUS_BASE | {"backs", "fires", "presses", "pushes", "helps", "arms", "covers", "takes",
                                     "stations"}
# prepositions after which a participle and a noun are an adjective and its noun
_ADJ_AFTER = {"in", "into", "of", "from", "across", "near", "around", "inside", "outside", "to", "towards",
              "toward", "through", "throughout", "within"}
_BEFORE_GERUND = AUX | HAVE | {",", "began", "started", "kept", "continued", "stopped"}
_DET_FURTHER = DETERMINERS | {"further"}
_BEFORE_NOUN_ACTOR = DETERMINERS | {"further", "in", "of", "by", "from", "on", "after", "amid", "with", "during", "to", "under",
                                    "against"}


@dataclass
class Trigger:
    """An action word: tokens ``i:j``, category, ``pos`` (verb/noun) and verb form tag."""

    i: int
    j: int
    category: str
    pos: str
    tag: str


# adverbs between a headline's subject and its present-tense verb ("fighters briefly capture")
_MANNER = frozenset({"briefly", "reportedly", "allegedly", "temporarily", "finally", "partially", "fully",
                     "quickly", "again"})
# "sent about 800 more soldiers to": an approximation, not a phrase of its own
_APPROX = frozenset({"about", "around", "over", "nearly", "almost", "roughly", "some", "up", "under"})
# a gapped object holds no verb of speech ("sent a message warning to ...")
_SAYING = frozenset({"threatening", "warning", "saying", "telling", "demanding", "announcing", "claiming",
                     "urging", "calling", "asking", "vowing"})
# what fighting itself does: "fighting broke out", "shelling resumed"
_EVENT_VERBS = frozenset({"broke", "breaks", "erupted", "erupts", "raged", "rages", "continued", "continues",
                          "resumed", "resumes", "intensified", "intensifies", "spread", "spreads", "escalated",
                          "escalates", "flared", "flares", "subsided", "eased", "lasted", "persisted", "began",
                          "begins", "started", "starts", "killed", "left", "forced", "damaged", "destroyed"})
# vehicles that are robbed when hijacked, unlike ships and aircraft, which are held
_ROAD_VEHICLES = frozenset({"truck", "trucks", "lorry", "lorries", "bus", "buses", "minibus", "vehicle", "vehicles",
                            "car", "cars", "convoy", "convoys", "tanker-truck", "motorbike", "motorbikes", "van"})
# what follows "positions" when they are another side's ("positions held by", "of the army")
_HELD_BY = frozenset({"held", "of", "belonging", "occupied", "manned", "controlled"})
_ARMED_OBJECT = frozenset({"the", "them", "their", "its", "his", "her", "it", "and", "rebels", "militias", "groups",
                           "fighters", "proxies", "local"})


def find_triggers(an, lexicon):
    """Set ``an.triggers`` to the action triggers of the sentence, in token order.

    Parameters
    ----------
    an : Analysis
        With its actor mentions found (their tokens start no trigger).
    lexicon : Lexicon
    """
    toks, n = an.tokens, len(an.tokens)
    taken = {k for a in an.actors if not a.pronoun for k in range(a.i, a.j)}
    out = []
    i = 0
    form_first = lexicon.form_first
    # few words start an action form: visit only those, in one pass
    starts = [k for k, t in enumerate(toks) if t.word and k not in taken and t.key in form_first]
    for s in starts:
        if s < i:
            continue  # inside the form just found
        i = s
        best = None
        for gap in ((-1, 1, 2) if toks[i].key in lexicon.gap_heads else (-1,)):
            key = ()
            for L in range(1, min(lexicon.max_form, n - i) + 1):
                x = toks[i + L - 1]
                if L - 1 == gap:
                    key = key + ("*",)
                else:
                    if not x.word or (i + L - 1) in taken:
                        break
                    key = key + (x.key,)
                forms = lexicon.forms.get(key)
                if forms and (best is None or L > best[0]) and not (gap >= 0 and L - 1 <= gap):
                    best = (L, forms)
                if key not in lexicon.form_prefixes:
                    break
        if best is None and toks[i].key in lexicon.gap_heads and i + 1 < n and toks[i + 1].key in _PASSIVE_PARTICLES \
                and _after_aux(toks, i):
            # "four battalions will be moved to Narayanpur", "were driven out": a gapped form's object
            # is the passive's subject
            forms = [f for f in lexicon.forms.get((toks[i].key, "*", toks[i + 1].key), ()) if f.tag in ("pp", "past")]
            if forms:
                best = (2, forms)
        if (best is None or best[0] == 1) and toks[i].key in lexicon.gap_heads:
            # "drove the paramilitaries out", "break them out": the object may be a few words long
            # ... also after a two-word head: "set up a temporary checkpoint"
            two = (toks[i].key, toks[i + 1].key) if i + 1 < n and toks[i + 1].word else None
            for head, width in ((toks[i].key,), 2), ((toks[i].key,), 3), ((toks[i].key,), 4), (two, 2), (two, 3):
                if head is None:
                    continue
                j = i + len(head) + width
                # (a quoted word is still one: 'opened "unprovoked" fire')
                if j < n and toks[j].word and all(toks[x].word or toks[x].key == '"'
                                                  for x in range(i + len(head), j)) and not (
                        # a four-word object has no phrase of its own: "rammed an explosive-laden
                        # vehicle into", not "launched an operation in Jenin on"
                        width == 4 and any((toks[x].key in PREPS or toks[x].key == "in")
                                           and not (toks[x].key in _APPROX and toks[x + 1].key[:1].isdigit())
                                           for x in range(i + 1, j))
                        # ... nor a verb of speech: "sent a voice message threatening to attack"
                        or any(toks[x].key in _SAYING for x in range(i + len(head), j))):
                    j = _past_origin(toks, j)
                    forms = lexicon.forms.get(head + ("*", toks[j].key))
                    longer = lexicon.forms.get(head + ("*", toks[j].key, toks[j + 1].key)) if j + 1 < n else None
                    if longer and toks[i].key not in taken:
                        best = (j - i + 2, longer)  # "sent six militants to hell"
                        break
                    if forms and toks[i].key not in taken:
                        best = (j - i + 1, forms)
                        break
        if best is None:
            i += 1
            continue
        L, forms = best
        if toks[i + L - 1].key in ("position", "positions") and i + L < n and toks[i + L].key in _HELD_BY:
            # "took positions held by the army": another side's positions, taken (not "took positions near")
            L, forms = 1, lexicon.forms.get((toks[i].key,), ())
        form = _choose_form(toks, i, forms, an.actors) if forms else None
        if (form is not None and form.pos == "verb" and form.tag == "ing" and i + L < n
                and any(f.pos == "noun" for f in forms) and any(
                    f.pos == "verb" and f.tag != "ing" for f in lexicon.forms.get((toks[i + L].key,), ()))):
            # "..., shelling hit an aid point": the -ing word is the subject noun of the verb after it
            form = next(f for f in forms if f.pos == "noun")
        if (form is not None and form.pos == "verb" and form.tag == "ing" and i + L < n
                and toks[i + L].key in _EVENT_VERBS and (i == 0 or toks[i - 1].key not in AUX)
                and any(f.pos == "noun" for f in forms)):
            # "fighting broke out between ...", "shelling continued overnight": the noun is the subject
            form = next(f for f in forms if f.pos == "noun")
        if form is not None and (form.pos == "noun" or form.tag in ("base", "s")) and _instrument(toks, i):
            form = None  # "hit a tank with an anti-armour shell": the weapon, not another attack
        if form is not None and i + L < n and toks[i + L].key in UNIT_NOUNS and (form.pos == "noun" or (
                form.tag in ("base", "s") and any(a.j == i and not a.pronoun and toks[a.j - 1].key not in HEADS
                                                  for a in an.actors))):
            # "assault groups", "strike aircraft", "Russian attack drones": units and weapons
            form = None
        tok = toks[i]
        prevk = toks[i - 1].key if i > 0 else ""
        if form is not None and form.pos == "verb" and (form.tag == "s" or form.tag == "base" and (
                prevk in DETERMINERS or prevk in MUNITION_KINDS)) and tok.key in MUNITIONS and i + L < n and (
                toks[i + L].key in IMPACT or toks[i + L].key in AUX or toks[i + L].key in HAVE
                or toks[i + L].key in LAUNCHED
                or any(f.pos == "verb" for f in lexicon.forms.get((toks[i + L].key,), ()))):
            # "rockets hit Sderot", "shells have fallen", "drones launched from Yemen hit Eilat": the
            # munitions, a subject
            form = None
        if (form is not None and form.pos == "noun" and L == 1 and prevk == "in" and i + 1 < n
                and (tok.key == "response" and toks[i + 1].key == "to"
                     or tok.key == "retaliation" and toks[i + 1].key in ("for", "against"))):
            form = None  # "in response to our inquiry", "in retaliation for ...": why, not an action
        if form is not None and form.pos == "noun" and tok.key in ("operation", "operations") and _civil_operation(toks, i, L):
            form = None
        if form is not None and form.pos == "noun" and L == 1 and i + 1 < n and toks[i + 1].key in _COMBAT_HEADS \
                and tok.key in ("combat", "battle", "fighting"):
            form = None  # "Armenian combat positions", "battle tanks", "fighting vehicles": a kind of thing
        if form is not None and form.pos == "verb" and form.tag in ("base", "s") and tok.key in _AMBIGUOUS_FORMS and L == 1:
            pk = i - 1
            while pk > 0 and toks[pk].key in _MANNER:
                pk -= 1  # "fano fighters briefly capture mer'awi": the word before the adverb
            prev_word = toks[pk].key if pk >= 0 else ""
            if prev_word not in ("to", "will", "would", "could", "can", "may", "might", "not", "n't", "did", "they",
                                 "we", "also") and not (prev_word in _PLURAL_SUBJECTS and form.tag == "base"):
                form = None
        if (form is not None and form.pos == "verb" and L == 1 and tok.key in ("drones", "rockets")
                and (prevk in DETERMINERS or prevk.isdigit() or prevk.endswith("ed") or prevk in _WEAPON_KINDS)):
            form = None  # "operates armed drones", "its attack drones", "45 drones": the weapons, a noun
        if (form is not None and tok.key == "armed" and L == 1 and i + 1 < n
                and toks[i + 1].key not in _ARMED_OBJECT and not any(a.i == i + 1 for a in an.actors)):
            form = None  # "a local armed group", "armed with rifles": the adjective, not "Iran armed the Houthis"
        if form is not None and tok.key == "clear" and L == 1 and (prevk in _CLEAR_ADJ_BEFORE or i + 1 < n and toks[
                i + 1].key in _CLEAR_ADJ_AFTER):
            form = None  # "is it clear who started it?", "made clear that": the adjective
        if form is not None and form.pos == "verb" and form.category == "clash" and L == 2 and \
                toks[i + 1].key in ("back", "off") and \
                not _fought_object(an, i + L, lexicon):
            form = None  # "fought back tears", "pushed back the deadline", "pushed back against the claims"
        if form is not None and form.category == "control" and tok.key in _HOLD and _held_gathering(toks, i):
            form = None  # "the talks held in Doha", "held a meeting in Istanbul": no ground held
        if (form is not None and form.pos == "verb" and L == 1 and i + 1 < n and toks[i + 1].joined
                and toks[i + 1].key.endswith(("ed", "ing")) and not tok.joined):
            form = None  # "rocket-propelled grenades", "shell-damaged homes": a compound adjective
        if form is not None and tok.key == "control" and i >= 2 and toks[i - 1].key == "of" and toks[i - 2].key == "line":
            form = None  # "the Line of Control": Kashmir's ceasefire line, a name
        if form is not None and form.pos == "verb" and L == 1 and _idiom_object(toks, i + 1):
            form = None  # "took part", "has taken adequate retaliatory measures"
        # "U.S.-backed", "ISIS-held": affiliation, not an action
        if form is not None and not (tok.joined and tok.key in AFFILIATION):
            if not (form.pos == "verb" and tok.key in ("backed", "supported") and i + 1 < n and toks[i + 1].key == "by"):
                category = form.category
                if tok.key.startswith("hijack") and any(t.key in _ROAD_VEHICLES for t in toks[max(0, i - 6):i + L + 4]):
                    category = "attack"  # a hijacked ship is held (a capture); a hijacked truck is robbed
                out.append(Trigger(i, i + L, category, form.pos, form.tag))
        i += L
    keys = {t.key for t in toks}
    if not keys.isdisjoint(IMPACT) or "off" in keys and not keys.isdisjoint(GO_OFF):
        out = sorted(out + _impacts(toks, taken, {x for t in out for x in range(t.i, t.j)}), key=lambda t: t.i)
    if ("to" in keys or "claims" in keys) and not keys.isdisjoint(_FALL_OR_LOSE):
        out = sorted(out + _taken_to(an, taken, {x for t in out for x in range(t.i, t.j)}), key=lambda t: t.i)
    keep = []
    for k, t in enumerate(out):
        nxt = out[k + 1] if k + 1 < len(out) else None
        if (t.pos == "verb" and toks[t.i].key in LIGHT and nxt is not None and nxt.pos == "noun"
                and nxt.i - t.j <= 6 and not any(toks[x].key in _NOT_LIGHT_OBJECT for x in range(t.j, nxt.i))):
            continue  # ("sent troops to Djibo after the attack": the noun is no object of the verb)
        if t.pos == "verb" and t.tag in ("base", "s") and keep and t.i - keep[-1].j <= 3 and not any(
                toks[x].key in {",", ";", "and", "to", "will", "would", "could", "can", "may", "might", "not",
                                "they", "it", "we", "that", "as"} | BOUNDARY_WORDS for x in range(keep[-1].j, t.i)):
            continue
        if t.category == "capture" and t.pos == "verb" and toks[t.i].key in _TAKE and _taken_for_care(toks, t):
            continue
        if t.category == "capture" and t.pos == "verb" and toks[t.i].key in _TAKE and _people_taken(toks, t):
            t = Trigger(t.i, t.j, "attack", t.pos, t.tag)  # "six men were taken from their homes": abducted
        keep.append(t)
    an.triggers = keep


_PASSIVE_PARTICLES = frozenset({"to", "into", "toward", "towards", "out", "off", "down", "dead", "from", "at",
                                "against", "on"})


def _after_aux(toks, i):
    """Whether a form of "be" stands before token ``i``, perhaps past one adverb ("were quickly moved")."""
    k = i - 1
    if k >= 0 and toks[k].key in ADVERBS:
        k -= 1
    return k >= 0 and toks[k].key in AUX


def _past_origin(toks, j):
    """The word after a "from X" phrase at ``j`` ("sent two battalions from Kharkiv to Kupiansk":
    the particle after the origin), else ``j``."""
    if toks[j].key != "from":
        return j
    for k in range(j + 2, min(j + 6, len(toks))):
        if not toks[k].word and toks[k].key != "-":
            return j
        if toks[k].key in ("to", "into", "towards", "toward"):
            return k
    return j


_TAKE = frozenset({"take", "takes", "took", "taken", "taking", "seize", "seized", "seizes", "seizing"})
_PEOPLE = frozenset({"men", "women", "children", "boys", "girls", "people", "persons", "civilians", "villagers",
                     "residents", "students", "schoolgirls", "schoolchildren", "pupils", "passengers", "workers",
                     "traders", "farmers", "herders", "fishermen", "worshippers", "travellers", "travelers",
                     "miners", "youths", "teachers", "doctors", "nurses", "journalists", "relatives", "family",
                     "families", "hostages", "hostage", "captive", "captives", "others", "motorists", "drivers"})


# what ends the object before any people are named ("took control of", "took it from")
_NOT_BEFORE_PEOPLE = (PREPS - {"about", "at", "over", "than", "to", "including"}) | BOUNDARY_WORDS | {"or", "control"}


# where the wounded are taken: care, not a capture ("the wounded were taken to a hospital in Baqubah")
_CARE = frozenset({"hospital", "hospitals", "clinic", "clinics", "safety", "shelter", "shelters", "morgue",
                   "health", "medical", "treatment"})


def _taken_for_care(toks, t):
    j = t.j
    return j < len(toks) and toks[j].key == "to" and any(x.key in _CARE for x in toks[j + 1:j + 4])


# "take" with people as its object is an abduction, not the capture of a place
def _people_taken(toks, t):
    """Whether the "take" at ``t`` takes people: its object ("took six men from their homes",
    "took 20 passengers hostage") or, in the passive, its subject ("six young men were taken")."""
    n = len(toks)
    for x in range(t.j, min(n, t.j + 5)):
        key = toks[x].key
        if key in _PEOPLE:
            return True
        if not toks[x].word or key in _NOT_BEFORE_PEOPLE:
            break  # ("took 14 bus passengers": a noun may modify them; "took control of ...": no people)
    if t.tag != "pp":
        return False
    j = t.i - 1
    while j >= 0 and (toks[j].key in AUX or toks[j].key in ADVERBS or toks[j].key in HAVE):
        j -= 1
    return j < t.i - 1 and j >= 0 and toks[j].key in _PEOPLE


def _idiom_object(toks, k):
    """Whether an idiom noun ("measures", "steps", "action") follows at ``k``, after at most a few
    measure adjectives, determiners, quotes or commas ("take further, stronger measures")."""
    for x in range(k, min(len(toks), k + 5)):
        key = toks[x].key
        if key in IDIOMS:
            return True
        if not (key in DETERMINERS or key in _MEASURE_ADJ or key in (",", '"', "'", "“", "”")):
            return False
    return False


# what may follow "fought back", "pushed back", "held off" when nothing is its object
_AFTER_PARTICLE = BOUNDARY_WORDS | ADVERBS | {"and", "or", "in", "on", "at", "near", "around", "from", "into", "inside",
                                             "outside", "across", "towards", "toward", "to", "with", "by", "for",
                                             "overnight", "successfully", "hard", "fiercely", "until", "after"}
_FOUGHT_NOUNS = HEADS | {"attackers", "assailants", "raiders", "insurgents", "rebels", "jihadists", "gunmen", "enemy",
                         "invaders", "advance", "attempt", "attempts", "wave", "waves", "column", "columns"}


def _fought_object(an, k, lexicon):
    """Whether what follows a particle verb at token ``k`` lets it be fighting: nothing (a
    clause boundary, place, adverb), or an armed party or an attack ("pushed back the Russian
    forces", "beat back an assault", "fought back against the gunmen")."""
    toks = an.tokens
    if k >= len(toks) or not toks[k].word:
        return True
    against = toks[k].key == "against"
    if toks[k].key in _AFTER_PARTICLE and not against:
        return True
    x = k + 1 if against else k
    while x < len(toks) and (toks[x].key in DETERMINERS or toks[x].key in _MEASURE_ADJ):
        x += 1
    for y in range(x, min(len(toks), x + 3)):
        if any(a.i == y and not a.pronoun for a in an.actors) or toks[y].key in _FOUGHT_NOUNS or any(
                f.pos == "noun" and f.category in ("attack", "advance") for f in lexicon.forms.get((toks[y].key,), ())):
            return True
    return False


_HOLD = {"hold", "holds", "held", "holding"}
# what is held without holding ground: gatherings, votes, ceremonies, and people held
_GATHERINGS = {"talks", "meeting", "meetings", "summit", "summits", "conference", "conferences", "negotiations",
               "consultations", "elections", "election", "vote", "votes", "referendum", "rally", "rallies",
               "ceremony", "ceremonies", "funeral", "funerals", "session", "sessions", "round", "rounds", "dialogue",
               "press", "briefing", "briefings", "discussions", "hearing", "hearings", "exercise", "exercises",
               "drills", "parade", "parades", "protest", "protests", "demonstration", "demonstrations", "call",
               "calls", "forum", "celebrations", "prayers", "consultation", "meet", "contacts", "interview"}


def _held_gathering(toks, i):
    """A gathering before "held" ("talks held in Doha") or as its object ("held talks",
    "held a round of negotiations")."""
    if i > 0 and toks[i - 1].key in _GATHERINGS:
        return True
    for x in range(i + 1, min(len(toks), i + 5)):
        key = toks[x].key
        if key in _GATHERINGS:
            return True
        if not (key in DETERMINERS or key in _MEASURE_ADJ or key in ("of", "new", "direct", "indirect",
                                                                       "fresh", "high-level", "two", "several",
                                                                       "first", "second", "third", "another")):
            return False
    return False


def _civil_operation(toks, i, L):
    """"a peacekeeping operation", "halted its operations", "the operations room", "the tempo of
    Russian operations": no military action (the last is a measure of operations in general)."""
    before = [toks[j].key for j in range(max(0, i - 3), i)]
    if not CIVIL_OPERATION.isdisjoint(before[-2:]):
        return True
    # "of" right before the noun or before one adjective, after a measure word
    if any(before[x] == "of" and before[x - 1] in _OPERATION_MEASURE for x in range(1, len(before))):
        return True
    return i + L < len(toks) and toks[i + L].key in _OPERATION_NEXT


def _impacts(toks, taken, used):
    """Attack triggers for impact verbs whose subject is a munition: "shells fell on Kherson",
    "mortar rounds landed near the airport", "rockets fired from Lebanon fell near Metula"."""
    out = []
    n = len(toks)
    for k, t in enumerate(toks):
        if k in taken or k in used or k == 0:
            continue
        if t.key in IMPACT:
            nxt = k + 1
        elif t.key in GO_OFF and k + 1 < n and toks[k + 1].key == "off":
            nxt = k + 2
        else:
            continue
        span = nxt - k
        if nxt < n and toks[nxt].key == "down":
            nxt += 1
        if nxt >= n or toks[nxt].key not in _IMPACT_AFTER:
            continue
        j = k - 1
        while j >= 0 and (toks[j].key in ADVERBS or toks[j].key in HAVE or toks[j].key in AUX):
            j -= 1
        if j > 0 and toks[j].key == "and":
            j -= 1  # "... was launched from Gaza and fell in an open area"
        if j < 0:
            continue
        if toks[j].key not in MUNITIONS:
            # a reduced relative: "rockets launched from Lebanon fell ..."
            m = next((x for x in range(j, max(-1, j - 6), -1) if toks[x].key in LAUNCHED), None)
            if m is not None and m >= 2 and toks[m - 1].key in AUX and toks[m - 2].key in MUNITIONS:
                m -= 1  # a passive: "a projectile was launched from Gaza and fell near the town"
            if m is None or m == 0 or toks[m - 1].key not in MUNITIONS or not all(
                    toks[x].word for x in range(m, j + 1)):
                continue
        out.append(Trigger(k, k + span, "attack", "verb", (IMPACT if span == 1 else GO_OFF)[t.key]))
    return out


def impact(toks, tr):
    """Whether trigger ``tr`` is an impact verb ("fell on", "exploded near", "went off near")."""
    key = toks[tr.i].key
    return key in IMPACT or key in GO_OFF and tr.j - tr.i == 2 and toks[tr.i + 1].key == "off"


def to_agent(an, k, limit):
    """Index of the "to" after token ``k`` (before ``limit``) that an actor follows, or None."""
    toks = an.tokens
    for x in range(k + 1, min(limit, len(toks) - 1)):
        if toks[x].key == "to":
            y = x + 1
            while y < len(toks) and toks[y].key in ("the", "a", "an"):
                y += 1
            return x if any(m.i == y and not m.pronoun for m in an.actors) else None
        if not toks[x].word and toks[x].key not in ("-", "'"):
            return None
    return None


def _taken_to(an, taken, used):
    """Capture triggers for "X fell to Y" and "Z lost X to Y": Y took X. The place is named
    before "fell" ("Kidal fell to", "the town fell to") or between "lost" and "to"; a loss
    without a place ("lost two soldiers to sniper fire", "lost the vote to") is none."""
    toks, places = an.tokens, an.place_tokens
    out = []
    for k, t in enumerate(toks):
        if k in taken or k in used:
            continue
        if t.key in FALL:
            if k + 1 < len(toks) and toks[k + 1].key == "to" and to_agent(an, k, k + 2) is not None:
                before = [x for x in range(max(0, k - 4), k) if toks[x].key not in ADVERBS and toks[x].key not in HAVE]
                if before and (before[-1] in places or toks[before[-1]].key in _HELD_NOUNS):
                    out.append(Trigger(k, k + 1, "capture", "verb", FALL[t.key]))
            elif (t.key in ("fell", "fallen") and (k + 1 == len(toks) or not toks[k + 1].word)
                  and any(x.key == "claims" for x in toks[max(0, k - 8):k])):
                # "rejected Russian claims that Stepnohirsk has fallen": taken, by whose claim it is
                before = [x for x in range(max(0, k - 4), k) if toks[x].key not in ADVERBS and toks[x].key not in HAVE]
                if before and before[-1] in places:
                    out.append(Trigger(k, k + 1, "capture", "verb", FALL[t.key]))
        elif t.key in LOSE:
            to = to_agent(an, k, k + 12)
            passive = k > 0 and toks[k - 1].key in AUX
            if to is not None and any(x in places for x in (range(k + 1, to) if not passive else range(max(0, k - 6), k))):
                out.append(Trigger(k, k + 1, "capture", "verb", LOSE[t.key]))
    return out


def _instrument(toks, i):
    """Whether token ``i`` ends a "with a/an ..." phrase of at most three words before it."""
    for j in range(i - 1, max(-1, i - 5), -1):
        key = toks[j].key
        if key == "with":
            return j + 1 < i and toks[j + 1].key in ("a", "an")
        if not toks[j].word:
            return False
    return False


# plural heads that may be the subject of a base-form verb ("helicopters fire", "troops shell")
_PLURAL_SUBJECTS = {h for h in HEADS if h.endswith("s") and h not in ("positions", "forces", "columns", "convoys")} | {
    "helicopters", "gunships", "boats", "vehicles", "artillerymen", "gunners", "paratroopers", "servicemen", "snipers",
    "operators", "crews"}


def _choose_form(toks, i, forms, actors):
    verbs = [f for f in forms if f.pos == "verb"]
    nouns = [f for f in forms if f.pos == "noun"]
    if not verbs:
        return nouns[0]
    if not nouns:
        v = verbs[0]
        # "ISIS targets", "fire points": a bare base/s form after a noun is a noun, not a verb;
        # "the occupied West Bank", "a besieged town": a participle after an article is an adjective
        if v.tag in ("base", "s") and i > 0 and (toks[i - 1].key in DETERMINERS or toks[i - 1].joined):
            return None  # ... or after a compound modifier: "an explosive-laden drone", "Iranian-made rockets"
        if i > 0 and toks[i - 1].key in ("the", "a", "an", "its", "their"):
            return None
        if v.tag in ("pp", "past") and i > 0 and toks[i - 1].key in _ADJ_AFTER and i + 1 < len(toks) \
                and toks[i + 1].word:
            return None  # "in occupied Crimea", "from besieged El Fasher": an adjective
        return v
    b = i
    while b > 1 and toks[b - 1].key in _MANNER and verbs[0].tag in ("base", "s"):
        b -= 1  # "Fano fighters briefly capture Mer'awi": the word before the adverb decides
    prev = toks[b - 1].key if b > 0 else ""
    prev_actor = any(a.j == b and not a.pronoun for a in actors)
    if verbs[0].tag == "ing" and prev not in _BEFORE_GERUND:
        return nouns[0]
    if verbs[0].tag == "ing" and i >= 2 and toks[i - 2].key == "there" and prev in AUX:
        return nouns[0]  # "there was fighting between ...": what there was
    if (prev == "that" and verbs[0].tag == "s" and i + 1 < len(toks)
            and toks[i + 1].key in ("between", "in", "near", "around", "across", "along")):
        return nouns[0]  # "reports that clashes between the ELN and ... continued": the plural noun
    if prev in ("to", "will", "would", "could", "might", "may", "can", "shall", "must", "not", "n't", "did",
                "didn't", "'ll", "should", "they", "we", "it", "also", "and", "who", "that", "which"):
        return verbs[0]
    if prev in _DET_FURTHER or toks[i - 1:i] and not toks[i - 1].word and prev not in (",", '"'):
        return nouns[0]
    if verbs[0].tag == "base" and prev in _PLURAL_SUBJECTS and i + 1 < len(toks) and toks[i + 1].word:
        return verbs[0]  # "watched two army helicopters fire rockets": a plural head does not modify
    if prev_actor:
        actor = next(a for a in actors if a.j == b)
        det = toks[actor.i - 1].key if actor.i > 0 else ""
        return nouns[0] if det in _BEFORE_NOUN_ACTOR else verbs[0]
    return nouns[0] if verbs[0].tag in ("base", "s") else verbs[0]
