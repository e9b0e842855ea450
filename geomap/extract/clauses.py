"""Sentence analysis: actor mentions, action triggers and clause boundaries.

Rules work on :mod:`.tokens` (so case never matters) and the lexicon's token
indexes.  :func:`analyse` returns the raw material that :mod:`.events` turns
into events: who (actor mentions with backers), what (action triggers with
voice, modality and negation) and where clauses begin and end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .tokens import tokenize

__all__ = ["ActorMention", "Trigger", "Analysis", "analyse", "PREPS", "SPEECH"]

PREPS = {"of", "with", "by", "for", "against", "on", "at", "from", "to", "alongside", "between", "among",
         "via", "including", "like", "than", "under", "into", "toward", "towards", "over", "about", "after",
         "before", "behind", "near", "upon", "across", "beside", "besides", "amid", "despite", "without",
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
           "even", "only", "continued", "all", "both"}
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
               "heavy", "major", "massive", "large", "renewed", "successful", "rival"}
LIGHT = {"launch", "launched", "launches", "launching", "carry", "carried", "carries", "carrying", "conduct",
         "conducted", "conducts", "conducting", "mount", "mounted", "mounts", "mounting", "stage", "staged",
         "stages", "staging", "initiate", "initiated", "initiates", "initiating", "unleash", "unleashed",
         "intensify", "intensified", "intensifying", "resume", "resumed", "hold", "held", "holds", "holding",
         "have", "had", "has", "make", "made", "begin", "began", "begun", "start", "started", "step", "stepped",
         "wage", "waged", "waging", "lead", "led", "leads", "leading", "undertake", "undertook", "undertaken",
         "perform", "performed", "order", "ordered", "face", "faces", "faced", "facing", "provide", "provided",
         "providing", "with"}
SPEECH = {"said", "says", "say", "saying", "told", "tell", "tells", "telling", "reported", "reports", "report",
          "reporting", "claimed", "claims", "claim", "claiming", "stated", "states", "announced", "announces",
          "announcing", "added", "adding", "confirmed", "confirms", "revealed", "reveals", "disclosed",
          "discloses", "alleged", "alleges", "insisted", "insists", "explained", "noted", "wrote", "posted",
          "acknowledged", "admitted", "asserted", "quoted"}
DENY = {"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "dismisses", "refuted"}
WARN = {"warned", "warns", "warn", "warning", "threatened", "threatens", "threaten", "threatening"}
ACCUSE = {"accused", "accuses", "accuse", "accusing", "blamed", "blames", "blame", "blaming"}
BOUNDARY_WORDS = {"while", "whereas", "after", "before", "when", "where", "because", "but", "if", "although",
                  "though", "since", "until", "which", "who", "whom", "whose", "unless", "amid", "so"}
PRONOUNS = {"they", "it", "we", "he", "she", "them"}


@dataclass
class ActorMention:
    """Tokens ``i:j`` name ``actor`` (``backer`` from "U.S.-backed ..." or "backed by ...")."""

    i: int
    j: int
    actor: str
    backer: str | None = None
    pronoun: bool = False
    held: bool = False        # "government-held": names the controller of an area


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


def analyse(text, lexicon, *, country=None, blocked=()):
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

    Returns
    -------
    Analysis
    """
    toks = tokenize(text)
    an = Analysis(text, toks)
    blocked_tok = {t.i for t in toks for s, e in blocked if s <= t.start < e}
    _find_actors(an, lexicon, country, blocked_tok)
    _find_triggers(an, lexicon)
    _find_boundaries(an)
    return an


def _find_actors(an, lexicon, country, blocked):
    toks, n = an.tokens, len(an.tokens)
    i = 0
    found = []
    while i < n:
        t = toks[i]
        if not t.word or i in blocked:
            i += 1
            continue
        hit = None
        for L in range(min(lexicon.max_alias, n - i), 0, -1):
            span = toks[i:i + L]
            if not all(x.word for x in span):
                continue
            key = tuple(x.key for x in span)
            name = lexicon.lookup_actor(key, country)
            if name:
                hit = (L, name)
                break
        if hit is None:
            if t.key in PRONOUNS and (i == 0 or toks[i - 1].key not in ("of", "with", "to", "against", "on", "at")):
                found.append(ActorMention(i, i + 1, "", pronoun=True))
            i += 1
            continue
        L, name = hit
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
    for m in merged:
        if m.j < n and toks[m.j].joined and toks[m.j].key in ("held", "controlled", "run", "dominated"):
            m.held = True
        nxt = [x.key for x in toks[m.j:m.j + 3]]
        if nxt[:2] == ["backed", "by"] or nxt[:3] in ([",", "backed", "by"], [",", "supported", "by"]) or nxt[:2] == ["supported", "by"]:
            k = m.j + (3 if nxt[0] == "," else 2)
            for other in merged:
                if other.i == k and not other.pronoun:
                    m.backer = other.actor
    an.actors = merged


def _find_triggers(an, lexicon):
    toks, n = an.tokens, len(an.tokens)
    taken = {k for a in an.actors if not a.pronoun for k in range(a.i, a.j)}
    out = []
    i = 0
    while i < n:
        if i in taken or not toks[i].word:
            i += 1
            continue
        best = None
        for L in range(min(lexicon.max_form, n - i), 0, -1):
            span = toks[i:i + L]
            for gap in [-1] + list(range(1, L - 1)):
                keys = tuple("*" if g == gap else x.key for g, x in enumerate(span))
                forms = lexicon.forms.get(keys)
                if forms and all(x.word for g, x in enumerate(span) if g != gap) and not any(
                        k in taken for k in range(i, i + L)):
                    best = (L, forms)
                    break
            if best:
                break
        if best is None:
            i += 1
            continue
        L, forms = best
        form = _choose_form(toks, i, forms, an.actors)
        tok = toks[i]
        # "U.S.-backed", "ISIS-held": affiliation, not an action
        if form is not None and not (tok.joined and tok.key in AFFILIATION):
            if not (form.pos == "verb" and tok.key in ("backed", "supported") and i + 1 < n and toks[i + 1].key == "by"):
                out.append(Trigger(i, i + L, form.category, form.pos, form.tag))
        i += L
    an.triggers = out


def _choose_form(toks, i, forms, actors):
    verbs = [f for f in forms if f.pos == "verb"]
    nouns = [f for f in forms if f.pos == "noun"]
    if not verbs:
        return nouns[0]
    if not nouns:
        v = verbs[0]
        # "ISIS targets", "fire points": a bare base/s form after a noun is a noun, not a verb
        if v.tag in ("base", "s") and i > 0 and toks[i - 1].key in DETERMINERS:
            return None
        return v
    prev = toks[i - 1].key if i > 0 else ""
    prev_actor = any(a.j == i and not a.pronoun for a in actors)
    if prev in ("to", "will", "would", "could", "might", "may", "can", "shall", "must", "not", "n't", "did",
                "didn't", "'ll", "should", "they", "we", "it", "also", "and", "who", "that", "which"):
        return verbs[0]
    if prev in DETERMINERS or toks[i - 1:i] and not toks[i - 1].word and prev not in (",", '"'):
        return nouns[0]
    if prev_actor:
        before = toks[i - 1 - 1].key if i >= 2 else ""
        actor = next(a for a in actors if a.j == i)
        det = toks[actor.i - 1].key if actor.i > 0 else ""
        return nouns[0] if det in DETERMINERS else verbs[0]
    return nouns[0] if verbs[0].tag in ("base", "s") else verbs[0]


def _find_boundaries(an):
    toks, n = an.tokens, len(an.tokens)
    b = {0}
    trig_start = {t.i for t in an.triggers}
    actor_start = {a.i: a for a in an.actors}
    for k, t in enumerate(toks):
        if t.key in (";", ":", "—", "–", "(", ")"):
            b.add(k)
        elif t.key == "," :
            b.add(k)
        elif t.key in BOUNDARY_WORDS:
            b.add(k)
        elif t.key == "as" and k + 1 < n and toks[k + 1].key not in ("soon", "well", "a", "an", "part", "such", "of"):
            b.add(k)
        elif t.key == "that" and k > 0 and toks[k - 1].key in SPEECH | DENY | WARN | {"revealed", "disclosed"}:
            b.add(k)
        elif t.key == "and" and k + 1 < n:
            j = k + 1
            while j < n and toks[j].key in ADVERBS | HAVE | AUX | {"then"}:
                j += 1
            if j < n and (j in trig_start or j > k + 1):
                b.add(k)
            elif j in actor_start:
                a = actor_start[j]
                after = toks[a.j].key if a.j < n else ""
                if after in SPEECH | DENY | WARN | HAVE | AUX | {"this", "on"} or a.j in trig_start:
                    b.add(k)
    an.boundaries = b
