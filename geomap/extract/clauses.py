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

__all__ = ["ActorMention", "Trigger", "Analysis", "analyse", "PREPS", "SPEECH"]

PREPS = {"of", "with", "by", "for", "against", "on", "at", "from", "to", "alongside", "between", "among",
         "via", "including", "like", "than", "under", "into", "toward", "towards", "over", "about", "behind", "near", "upon", "across", "beside", "besides", "amid", "despite", "without",
         "within", "through", "around", "throughout", "following", "told", "telling", "tell", "representative",
         "and"}
AFFILIATION = {"backed", "supported", "led", "allied", "sponsored", "funded", "armed", "aligned", "affiliated",
               "linked", "held", "controlled", "run", "dominated", "trained"}
AUX = {"was", "were", "been", "being", "is", "are", "be", "am", "'s", "get", "got", "gets", "getting"}
HAVE = {"has", "have", "had", "having"}
ADVERBS = {"also", "again", "twice", "reportedly", "allegedly", "repeatedly", "heavily", "later", "then", "now",
           "already", "still", "just", "recently", "earlier", "once", "finally", "successfully", "quickly",
           "immediately", "further", "newly", "apparently", "swiftly", "partially", "fully", "largely",
           "thrice", "briefly", "jointly", "reportedly", "not", "never", "n't", "no", "longer", "soon", "yet",
           "even", "only", "continued", "all", "both", "firmly", "strongly", "categorically", "flatly",
           "vehemently", "formally", "officially", "publicly"}
MODAL_THREAT = {"will", "would", "'ll", "shall", "wo"}
MODAL_POSSIBLE = {"could", "might", "may", "can", "should", "must"}
THREAT_TO = {"threaten", "threatens", "threatened", "threatening", "vow", "vows", "vowed", "vowing", "pledge",
             "pledged", "pledges", "promise", "promised", "promises", "going", "prepared", "ready"}
PLAN_TO = {"plan", "plans", "planned", "planning", "intend", "intends", "intended", "aim", "aims", "aimed",
           "preparing", "prepare", "prepares", "seek", "seeks", "sought", "want", "wants", "wanted", "hope",
           "hopes", "hoped", "expected", "set"}
ASSERT_TO = {"began", "begin", "begins", "started", "start", "starts", "continued", "continue", "continues",
             "tried", "try", "tries", "attempted", "attempt", "attempts", "forced", "managed", "able", "moved",
             "ordered", "resumed", "went", "used", "helped", "kept", "sent", "rushed", "deployed"}
NEGATION = {"not", "n't", "never", "no", "neither", "nor", "without"}
PREVENT = {"avoid", "avoiding", "prevent", "preventing", "prevented", "avert", "averting", "averted", "deter",
           "deterring", "against", "any", "further", "possible", "potential", "future", "such", "no",
           "deconfliction", "risk", "risks", "fear", "fears", "feared", "unintended", "accidental",
           "preempt", "stop", "stopping", "curb"}
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
               "any", "no", "such", "every", "each", "another", "other", "some", "several", "many", "new",
               "fresh", "first", "second", "latest", "recent", "two", "three", "rare", "unusual", "fierce",
               "heavy", "major", "massive", "large", "renewed", "successful", "rival",
               # modifiers of attack nouns: "a ground assault", "a joint night raid"
               "ground", "aerial", "naval", "joint", "surprise", "coordinated", "overnight", "night", "dawn",
               "failed", "full", "scale", "limited", "brief"}
LIGHT = {"launch", "launched", "launches", "launching", "carry", "carried", "carries", "carrying", "conduct",
         "conducted", "conducts", "conducting", "mount", "mounted", "mounts", "mounting", "stage", "staged",
         "stages", "staging", "initiate", "initiated", "initiates", "initiating", "unleash", "unleashed",
         "intensify", "intensified", "intensifying", "resume", "resumed", "hold", "held", "holds", "holding",
         "have", "had", "has", "make", "made", "begin", "began", "begun", "start", "started", "step", "stepped",
         "wage", "waged", "waging", "lead", "led", "leads", "leading", "undertake", "undertook", "undertaken",
         "perform", "performed", "order", "ordered", "face", "faces", "faced", "facing", "provide", "provided",
         "providing", "with", "send", "sent", "sends", "sending", "establish", "established", "establishing",
         "gain", "gained", "secure", "secured", "dispatch", "dispatched", "rush", "rushed",
         "press", "pressed", "presses", "pressing", "renew", "renewed", "renews", "renewing",
         "tighten", "tightened", "tightens", "tightening", "impose", "imposed", "imposes", "imposing",
         "maintain", "maintained", "maintains", "maintaining", "escalate", "escalated", "escalates",
         "escalating", "expand", "expanded", "expands", "expanding"}
SPEECH = {"said", "says", "say", "saying", "told", "tell", "tells", "telling", "reported", "reports", "report",
          "reporting", "claimed", "claims", "claim", "claiming", "stated", "states", "announced", "announces",
          "announcing", "added", "adding", "confirmed", "confirms", "revealed", "reveals", "disclosed",
          "discloses", "alleged", "alleges", "insisted", "insists", "explained", "noted", "wrote", "posted",
          "acknowledged", "admitted", "asserted", "quoted", "informs", "informed", "declared", "declares",
          "indicated", "indicates", "stressed", "specified"}
DENY = {"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "dismisses", "refuted"}
WARN = {"warned", "warns", "warn", "warning", "threatened", "threatens", "threaten", "threatening"}
ACCUSE = {"accused", "accuses", "accuse", "accusing", "blamed", "blames", "blame", "blaming"}
BOUNDARY_WORDS = {"while", "whereas", "after", "before", "when", "where", "because", "but", "if", "although",
                  "though", "since", "until", "which", "who", "whom", "whose", "unless", "amid", "so"}
PRONOUNS = {"they", "it", "we", "he", "she", "them"}
POSSESSIVES = {"its", "their", "our", "his", "her"}
# Arabic name particles: "Abdulmalik al-Houthi" is a person whose family name is an actor's alias
NAME_PARTICLES = {"al", "el", " al", "as", "ash", "ad", "ar", "az", "an", "bin", "ben", "ibn", "abu", "abou", "bint"}
# head nouns that extend an actor name ("JNIM fighters", "RSF drones") or, after a possessive
# pronoun, refer back to one ("its troops")
HEADS = {"fighters", "militants", "troops", "forces", "soldiers", "units", "gunmen", "members", "jets",
         "warplanes", "aircraft", "drones", "militia", "militias", "men", "army", "artillery", "tanks",
         "paramilitaries", "commandos", "marines", "positions", "columns", "convoys", "combatants"}
# verbs whose bare form is more often another word ("beat back", "under fire", "set free")
AMBIGUOUS_BASE = {"back", "fire", "free", "mass", "press", "push", "help", "arm", "cover", "take"}
# munitions: the subject of an impact verb ("shells fell on", "rounds landed in") or, before a
# verb, a plural noun rather than a verb ("rockets hit Sderot", "shells rained down")
MUNITIONS = {"shells", "shell", "rounds", "round", "rockets", "rocket", "missiles", "missile", "mortars", "mortar",
             "bombs", "bomb", "drones", "drone", "projectiles", "projectile", "grenades", "grenade", "munitions",
             "interceptors", "bullets", "bullet"}
# verbs that say where fire arrived without naming who fired: an attack only with a munition subject
IMPACT = {"fell": "past", "fall": "base", "falls": "s", "falling": "ing", "fallen": "pp", "landed": "past",
          "land": "base", "lands": "s", "landing": "ing", "slammed": "past", "slam": "base", "slams": "s",
          "slamming": "ing", "crashed": "past", "crash": "base", "crashes": "s", "crashing": "ing",
          "exploded": "past", "explode": "base", "explodes": "s", "exploding": "ing", "impacted": "past",
          "rained": "past", "rain": "base", "rains": "s", "raining": "ing", "smashed": "past"}
# where an impact verb says the fire arrived ("fell on", "landed near", "rained down on")
_IMPACT_AFTER = {"on", "in", "into", "onto", "near", "inside", "around", "at", "across", "over", "outside", "close",
                 "down", "just", "short", "behind", "beside", "within"}
# participles of a reduced relative between a munition and its impact verb ("rockets fired from
# Lebanon fell near Metula")
LAUNCHED = {"fired", "launched", "shot", "dropped", "lobbed"}
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
# adjectives of "measures"/"steps"/"action" in "take ... measures"
_MEASURE_ADJ = {"further", "more", "stronger", "strong", "tougher", "tough", "firm", "firmer", "necessary",
                "appropriate", "adequate", "retaliatory", "reciprocal", "decisive", "urgent", "immediate", "new",
                "additional", "all", "concrete", "serious", "harsh", "harsher", "swift", "practical", "legal",
                "preventive", "preventative", "defensive", "punitive", "countermeasures", "drastic", "every",
                "possible", "resolute", "proportionate", "military", "security", "emergency", "precautionary"}
IDIOMS = {"part", "place", "office", "note", "steps", "step", "action", "measures", "care", "advantage",
          "time", "responsibility", "aim", "shape", "hold", "effect", "root", "issue", "charge", "sides"}


# set unions used in loops, built once
_HEADS_AFTER_POSS = HEADS - {"positions"}
_HEADS_EXTEND = HEADS - {"positions", "army"}
_UNIT_NOUNS = (HEADS - {"positions"}) | {"group", "groups", "team", "teams", "squad", "squads", "brigade", "brigades", "battalion",
                       "battalions", "helicopter", "helicopters", "boat", "boats", "vehicle", "vehicles",
                       "detachment", "detachments", "craft", "unit", "force", "submarine", "submarines"}
_AMBIGUOUS_FORMS = AMBIGUOUS_BASE | {"backs", "fires", "presses", "pushes", "helps", "arms", "covers", "takes"}
_BEFORE_GERUND = AUX | HAVE | {",", "began", "started", "kept", "continued", "stopped"}
_DET_FURTHER = DETERMINERS | {"further"}
_BEFORE_NOUN_ACTOR = DETERMINERS | {"further", "in", "of", "by", "from", "on", "after", "amid", "with", "during", "to",
                                    "against"}
_THAT_VERBS = SPEECH | DENY | WARN | {"revealed", "disclosed"}
_AND_SKIP = ADVERBS | HAVE | AUX | {"then"}
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


@dataclass
class Trigger:
    """An action word: tokens ``i:j``, category, ``pos`` (verb/noun) and verb form tag."""

    i: int
    j: int
    category: str
    pos: str
    tag: str


@dataclass
class Analysis:
    """The analysed sentence."""

    text: str
    tokens: list
    actors: list = field(default_factory=list)
    triggers: list = field(default_factory=list)
    boundaries: set = field(default_factory=set)     # token indexes that start a new clause
    place_tokens: set = field(default_factory=set)   # tokens of place names in a locating role

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
    an = Analysis(text, toks)
    blocked_tok = set()
    if blocked:
        starts = [t.start for t in toks]
        for s, e in blocked:
            blocked_tok.update(range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)))
    an.place_tokens = blocked_tok
    _find_actors(an, lexicon, country, blocked_tok)
    _find_triggers(an, lexicon)
    _find_boundaries(an)
    return an


def _find_actors(an, lexicon, country, blocked):
    toks, n = an.tokens, len(an.tokens)
    first = lexicon.alias_first
    i = 0
    found = []
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
                break
            key = key + (x.key,)
            name = lexicon.lookup_actor(key, country) if key in lexicon.aliases else None
            if name:
                hit = (L, name)
            if key not in lexicon.alias_prefixes:
                break
        if hit is None:
            if t.key in POSSESSIVES and i + 1 < n and toks[i + 1].key in _HEADS_AFTER_POSS:
                found.append(ActorMention(i, i + 2, "", pronoun=True))
                i += 2
                continue
            if t.key in PRONOUNS and (i == 0 or toks[i - 1].key not in ("of", "with", "to", "against", "on", "at")):
                found.append(ActorMention(i, i + 1, "", pronoun=True))
            i += 1
            continue
        L, name = hit
        while i + L < n and toks[i + L].key in _HEADS_EXTEND and toks[i + L].word:
            L += 1
        m = ActorMention(i, i + L, name)
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
    cased = an.text != an.text.lower()
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


def _find_triggers(an, lexicon):
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
        if (best is None or best[0] == 1) and toks[i].key in lexicon.gap_heads:
            # "drove the paramilitaries out", "break them out": the object may be a few words long
            for width in (2, 3):
                j = i + 1 + width
                if j < n and all(toks[x].word for x in range(i + 1, j + 1)):
                    forms = lexicon.forms.get((toks[i].key, "*", toks[j].key))
                    if forms and toks[i].key not in taken:
                        best = (j - i + 1, forms)
                        break
        if best is None:
            i += 1
            continue
        L, forms = best
        form = _choose_form(toks, i, forms, an.actors)
        if (form is not None and form.pos == "verb" and form.tag == "ing" and i + L < n
                and any(f.pos == "noun" for f in forms) and any(
                    f.pos == "verb" and f.tag != "ing" for f in lexicon.forms.get((toks[i + L].key,), ()))):
            # "..., shelling hit an aid point": the -ing word is the subject noun of the verb after it
            form = next(f for f in forms if f.pos == "noun")
        if form is not None and (form.pos == "noun" or form.tag in ("base", "s")) and _instrument(toks, i):
            form = None  # "hit a tank with an anti-armour shell": the weapon, not another attack
        if form is not None and i + L < n and toks[i + L].key in _UNIT_NOUNS and (form.pos == "noun" or (
                form.tag in ("base", "s") and any(a.j == i and not a.pronoun and toks[a.j - 1].key not in HEADS
                                                  for a in an.actors))):
            # "assault groups", "strike aircraft", "Russian attack drones": units and weapons
            form = None
        tok = toks[i]
        prevk = toks[i - 1].key if i > 0 else ""
        if form is not None and form.pos == "verb" and form.tag == "s" and tok.key in MUNITIONS and i + L < n and (
                toks[i + L].key in IMPACT or toks[i + L].key in AUX or toks[i + L].key in HAVE
                or any(f.pos == "verb" for f in lexicon.forms.get((toks[i + L].key,), ()))):
            form = None  # "rockets hit Sderot", "shells have fallen": the munitions, a subject
        if form is not None and form.pos == "noun" and tok.key in ("operation", "operations") and _civil_operation(toks, i, L):
            form = None
        if form is not None and form.pos == "verb" and form.tag in ("base", "s") and tok.key in _AMBIGUOUS_FORMS and L == 1 and prevk not in (
                "to", "will", "would", "could", "can", "may", "might", "not", "n't", "did", "they", "we", "also"):
            form = None
        if form is not None and form.pos == "verb" and L == 1 and _idiom_object(toks, i + 1):
            form = None  # "took part", "has taken adequate retaliatory measures"
        # "U.S.-backed", "ISIS-held": affiliation, not an action
        if form is not None and not (tok.joined and tok.key in AFFILIATION):
            if not (form.pos == "verb" and tok.key in ("backed", "supported") and i + 1 < n and toks[i + 1].key == "by"):
                out.append(Trigger(i, i + L, form.category, form.pos, form.tag))
        i += L
    if not IMPACT.keys().isdisjoint(t.key for t in toks):
        out = sorted(out + _impacts(toks, taken, {x for t in out for x in range(t.i, t.j)}), key=lambda t: t.i)
    keep = []
    for k, t in enumerate(out):
        nxt = out[k + 1] if k + 1 < len(out) else None
        if (t.pos == "verb" and toks[t.i].key in LIGHT and nxt is not None and nxt.pos == "noun"
                and nxt.i - t.j <= 6):
            continue
        if t.pos == "verb" and t.tag in ("base", "s") and keep and t.i - keep[-1].j <= 3 and not any(
                toks[x].key in {",", ";", "and", "to", "will", "would", "could", "can", "may", "might", "not",
                                "they", "it", "we", "that", "as"} | BOUNDARY_WORDS for x in range(keep[-1].j, t.i)):
            continue
        keep.append(t)
    an.triggers = keep


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


def _civil_operation(toks, i, L):
    """"a peacekeeping operation", "halted its operations", "the operations room": no military action."""
    before = [toks[j].key for j in range(max(0, i - 2), i)]
    if not CIVIL_OPERATION.isdisjoint(before):
        return True
    return i + L < len(toks) and toks[i + L].key in _OPERATION_NEXT


def _impacts(toks, taken, used):
    """Attack triggers for impact verbs whose subject is a munition: "shells fell on Kherson",
    "mortar rounds landed near the airport", "rockets fired from Lebanon fell near Metula"."""
    out = []
    n = len(toks)
    for k, t in enumerate(toks):
        if t.key not in IMPACT or k in taken or k in used or k == 0:
            continue
        nxt = k + 1
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
        out.append(Trigger(k, k + 1, "attack", "verb", IMPACT[t.key]))
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


def _choose_form(toks, i, forms, actors):
    verbs = [f for f in forms if f.pos == "verb"]
    nouns = [f for f in forms if f.pos == "noun"]
    if not verbs:
        return nouns[0]
    if not nouns:
        v = verbs[0]
        # "ISIS targets", "fire points": a bare base/s form after a noun is a noun, not a verb;
        # "the occupied West Bank", "a besieged town": a participle after an article is an adjective
        if v.tag in ("base", "s") and i > 0 and toks[i - 1].key in DETERMINERS:
            return None
        if i > 0 and toks[i - 1].key in ("the", "a", "an", "its", "their"):
            return None
        return v
    prev = toks[i - 1].key if i > 0 else ""
    prev_actor = any(a.j == i and not a.pronoun for a in actors)
    if verbs[0].tag == "ing" and prev not in _BEFORE_GERUND:
        return nouns[0]
    if prev in ("to", "will", "would", "could", "might", "may", "can", "shall", "must", "not", "n't", "did",
                "didn't", "'ll", "should", "they", "we", "it", "also", "and", "who", "that", "which"):
        return verbs[0]
    if prev in _DET_FURTHER or toks[i - 1:i] and not toks[i - 1].word and prev not in (",", '"'):
        return nouns[0]
    if prev_actor:
        actor = next(a for a in actors if a.j == i)
        det = toks[actor.i - 1].key if actor.i > 0 else ""
        return nouns[0] if det in _BEFORE_NOUN_ACTOR else verbs[0]
    return nouns[0] if verbs[0].tag in ("base", "s") else verbs[0]


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
            b.add(k)
        elif t.key == "as" and k + 1 < n and toks[k + 1].key not in ("soon", "well", "a", "an", "part", "such", "of"):
            b.add(k)
        elif t.key == "that" and k > 0 and toks[k - 1].key in _THAT_VERBS:
            b.add(k)
        elif t.key == "and" and k + 1 < n:
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
