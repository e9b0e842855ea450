"""Link each action of a sentence to its actor, target, claimant and stance.

Works on an :class:`~.clauses.Analysis`.  Grammar handled here, all of it
general English rather than per-article rules:

* subjects to the left (skipping prepositional and object positions), also
  across "and" coordination; pronouns resolved to the speaker of a reporting
  verb ("The SDF denied that it fired") or the nearest actor;
* passives ("were surrounded by jihadis") and inversions ("came under attack
  from Russian jets", "fell to the RSF");
* nominal events with their actor ("a jihadi offensive", "the advance of
  government troops", "launched an attack");
* modality: "will/would" and "threatened to" -> threatened, "plans to" ->
  planned, "could/might", purpose infinitives and "if" clauses -> dropped,
  negation -> denied;
* attribution frames: "X said", "..., said X", "according to X", "X told The
  Associated Press" (claimed), "X denied that ..." and "..., something X
  denied" (denied), "X warned ... it would ..." (threatened), "X accused Y of
  ..." (an accuse event plus the claimed action).

Who "it", "the group" or bare "troops" is comes from :mod:`.coref`; the
subject, agents and targets around a trigger from :mod:`.participants`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attribution import frames as find_frames, source_statement as _source_statement, speaker_left as _speaker_left, warn_target as _warn_target
from .coref import coref_enemy as _coref_enemy, coref_forces as _coref_forces, forces_of as _forces_of, coref_nouns as _coref_nouns, speaker_turn as _speaker_turn
from .lexicon import SAME_PARTICIPLE
from .modality import denies_previous, look_back, modality
from .responses import join_responses
from .participants import (UNNAMED_ATTACKERS as _UNNAMED_ATTACKERS, agents as _agents, between_after as _between_after,
                           co_subjects as _co_subjects,
                           passive_subject as _passive_subject, subject as _subject,
                           subject_position as _subject_position, targets as _targets, threatener as _threatener)
from .triggers import FALL, LOSE, MUNITIONS, impact as _impact, to_agent as _to_agent
from .wordclasses import (ADVERBS, AUX, DETERMINERS, HAVE, LIGHT, MODAL_THREAT, MUNITION_KINDS, OFFICE_HOLDERS,
                          PLAN_TO, PREPS, THREAT_TO)

__all__ = ["Draft", "Memory", "link_sentence"]

_SPEECH_ONLY = {"threaten", "accuse", "deny"}
_ARMED = {"state_forces", "non_state_armed_group"}
# verbs that make a nominal action planned when they take it as object ("preparing an offensive")
_PREPARE = {"prepare", "prepares", "prepared", "preparing", "plan", "plans", "planned", "planning", "plot",
            "plotted", "plotting"}


# determiners that may stand between an actor and its nominal event ("a fierce jihadi offensive")
_ADJ_DETERMINERS = DETERMINERS - {"the", "a", "an", "any", "no", "such", "this", "that", "these", "those", "their",
                                  "its"}

@dataclass
class Draft:
    """An event before it is placed: token index ``k`` of its trigger in the sentence."""

    k: int
    category: str
    actor: str | None                   # None: the report does not say who acted
    target: str | None = None
    backer: str | None = None
    stance: str = "asserted"
    reported_by: str | None = None
    trigger: str = ""
    locate: bool = True                 # False: statements whose place is unknown
    denials: list = field(default_factory=list)
    clause: tuple = (0, 0)
    venue: tuple = (0, 0)               # tokens of the speaker's clause: where it was said, not done
    said_by: str | None = None          # the speaker's actor (a fronted capital of its own state is a venue)
    # "accused the RSF of carrying out the attack": names the author of an event told before; "keep"
    # the event when none was, or "drop" it (a definite noun's light verb: "launched the offensive")
    back: str = ""


@dataclass
class Memory:
    """What earlier sentences of the document established (for pronouns and "the ministry")."""

    last_subject: str | None = None
    by_word: dict = field(default_factory=dict)
    lexicon: object = None
    deny_previous: str | None = None   # "Hamas denied the claim": the previous sentence's events
    claim_previous: str | None = None  # "the TTP claimed responsibility": the previous attack's author
    blame_previous: tuple = ()         # "residents blamed the strike on the SAF": (author, source)
    recent: tuple = ()                 # actors named in the previous sentence (for bare "troops")
    turn: tuple = (None, None)         # a transcript's current speaker: (label as written, actor, "" for an
    #                                    official of no known party, or None)
    quote_turn: int = 0                # a labelled quotation ("Ministry of Defence of X:\n"..."): 1 open, 2 closed
    guest: tuple = None                # an interview's guest, who speaks the "A:" turns
    intro: tuple = None                # the office of an actor the introduction named (the guest-to-be)
    seen: int = 0                      # sentences linked so far
    issuer: str | None = None          # a statement's issuer as written, actor or not
    speaker: tuple = (None, None)      # the last speaker named (for "He told us that ...")
    heads: dict = field(default_factory=dict)  # "two security sources" under "sources" (for "the sources said")
    named: dict = field(default_factory=dict)  # actors named so far, in the order last named (for "the enemy")


def link_sentence(an, lexicon, memory):
    """Drafts of the events of one analysed sentence.

    Parameters
    ----------
    an : Analysis
    lexicon : Lexicon
    memory : Memory
        Updated in place.

    Returns
    -------
    list of Draft
    """
    toks = an.tokens
    memory.lexicon = lexicon
    _speaker_turn(an, memory, lexicon)
    _coref_nouns(an, memory, lexicon)
    _coref_forces(an, memory, lexicon)
    _coref_enemy(an, memory, lexicon)
    for k, t in enumerate(toks[:-1]):
        if t.key in _CLAIM_VERBS and toks[k + 1].key == "responsibility":
            # "the Pakistani Taliban claimed responsibility": the author of the attack just told
            memory.claim_previous = _subject(an, k, (), memory)[0] or memory.claim_previous
    frames = find_frames(an, lexicon, previous=memory.speaker)
    _same_sources(frames, memory)
    _blame_previous(an, memory, lexicon, frames)
    for f in frames:
        if f.speaker and f.kind in ("speech", "deny", "warn"):
            memory.speaker = (f.speaker, f.actor)
    if not frames:
        memory.speaker = _source_statement(an, lexicon) or memory.speaker
    frame_verbs = {f.k for f in frames}
    drafts = []
    for tr in an.triggers:
        if tr.i in frame_verbs or tr.category in _SPEECH_ONLY and tr.pos == "verb":
            continue
        if tr.category in _SPEECH_ONLY:
            continue
        for d in _drafts_for(an, tr, frames, memory):
            drafts.append(d)
        launched = _intercepted(an, tr, frames, memory)
        if launched is not None and not any(d.k == tr.i and d.actor == launched.actor for d in drafts):
            drafts.append(launched)
    # frames: stance and claimant of what they contain
    for d in drafts:
        for f in sorted(frames, key=lambda f: f.hi - f.lo):
            if not (f.lo <= d.k < f.hi):
                continue
            # "officials in Mogadishu said ...", "warned at a meeting in Abuja that ...": the
            # speaker's own clause is where it was said
            # (but "residents of X said ... there": witnesses speak from where it happened)
            d.said_by = f.actor
            if not (f.actor and lexicon.actor(f.actor).type == "civilians") or _beside(an, f):
                d.venue = (_speaker_clause(an, f.k, f.actor, lexicon), _content_start(toks, f, d.k)) if f.lo > f.k else (f.hi, len(toks))
            if f.kind == "deny":
                d.stance = "denied"
                d.reported_by = f.speaker
            elif f.kind == "warn":
                if d.stance in ("asserted", "possible"):
                    d.stance = "threatened"
                d.reported_by = d.reported_by or f.speaker
            elif d.stance in ("asserted",):
                d.stance = "claimed"
                d.reported_by = f.speaker
            elif d.reported_by is None:
                d.reported_by = f.speaker
            break
    _called_false(an, frames, drafts, memory)
    drafts = [d for d in drafts if d.stance != "possible"]
    for d in drafts:
        cond = [b for b in an.boundaries if b > d.k and toks[b].key in ("if", "unless")]
        if d.stance == "threatened" and cond and an.place_tokens and all(
                k >= min(cond) for k in an.place_tokens if not d.clause[0] <= k < d.clause[1]):
            # "threatened to resume strikes ... if aid to Gaza stayed blocked": the condition's
            # places are not where the threat would fall
            d.locate = any(d.clause[0] <= k < d.clause[1] for k in an.place_tokens)
    # "the Kremlin warned that tanks would be destroyed": the warning is the event
    drafts = [d for d in drafts if d.actor or not any(
        f.kind == "warn" and f.actor and f.lo <= d.k < f.hi for f in frames)]
    # statements that carry no action of their own
    for f in frames:
        inner = [d for d in drafts if f.lo <= d.k < f.hi]
        if f.kind == "warn" and not inner and f.actor:
            target = f.object or _warn_target(an, f)
            # "... if aid to Gaza stayed blocked": the condition's places are not the threat's
            hi = min([b for b in an.boundaries if f.k < b < f.hi and toks[b].key in ("if", "unless")] + [f.hi])
            drafts.append(Draft(f.k, "threaten", f.actor, target, stance="asserted", trigger=_text(an, f.k, f.k + 1),
                                clause=(f.k, hi)))
        elif f.kind == "accuse" and f.actor:
            drafts.append(Draft(f.k, "accuse", f.actor, f.object, trigger=_text(an, f.k, f.k + 1), locate=False,
                                clause=(f.k, f.hi)))
        elif f.kind == "deny" and not inner and f.actor and denies_previous(an, f):
            memory.deny_previous = f.actor
        elif f.kind == "deny_tail":
            who = f.actor
            hits = [d for d in drafts if d.actor == who and d.stance != "denied"] or [
                d for d in drafts if d.stance != "denied"]
            for d in hits:
                d.denials.append(f.speaker)
    for d in drafts:
        if d.category in ("capture", "surround") and _attempted(toks, d.k):
            d.category = "advance"  # "ISWAP tried to seize Damboa": a push on the town, not its fall
    # "an operation" is a military action only by an armed actor ("the UN ended its operation in Mali")
    drafts = [d for d in drafts if toks[d.k].key not in ("operation", "operations") or d.actor and
              lexicon.actor(d.actor).type in _ARMED]
    # civilians flee, they do not advance or deploy ("attacks pushed thousands of families toward X"); and
    # "told people to leave", "ordered residents to evacuate": those told are who would move
    drafts = [d for d in drafts if not (d.category in ("advance", "deploy") and d.actor
                                        and lexicon.actor(d.actor).type == "civilians")
              and not _told_to_move(an, d, lexicon)]
    # "the UN envoy arrived in Port Sudan", "the minister arrived in Kherson": a visit, not a deployment
    drafts = [d for d in drafts if not (d.trigger.lower().startswith("arriv") and (
        not d.actor or lexicon.actor(d.actor).type not in _ARMED or _person_arrives(an, d)))]
    for d in drafts:
        if (d.actor and d.category in _FIELD_ACTIONS and memory.lexicon is not None
                and memory.lexicon.actor(d.actor).type == "government_body"):
            # "the ministry said it would deploy 1,500 troops": a ministry moves and fights through its forces
            d.actor = _forces_of(d.actor, memory.lexicon)
            if d.target == d.actor:
                d.target = None  # "... it had deployed additional troops": the troops it moved
    drafts = join_responses(an, drafts, lexicon)
    _turn_claims(drafts, memory)
    for d in drafts:
        if d.actor and d.category not in ("threaten", "accuse"):
            memory.last_subject = d.actor
        if d.actor and d.category == "attack" and d.stance != "threatened" and not d.actor.islower():
            memory.by_word["attackers"] = d.actor  # for "the attackers fled" later
    memory.recent = tuple(m.actor for m in an.actors if not m.pronoun and not m.held)
    for a in memory.recent:
        memory.named.pop(a, None)
        memory.named[a] = True
    # an unnamed author only when no named one acts the same way in the sentence ("he was
    # killed in a Russian strike": the strike's author is named)
    named = {d.category for d in drafts if d.actor}
    drafts = [d for d in drafts if d.actor or d.category not in named]
    drafts = [d for k, d in enumerate(drafts) if d.actor or not any(
        e.actor is None and e.category == d.category for e in drafts[:k])]
    seen, out = set(), []
    for d in drafts:
        key = (d.category, d.actor, d.target, d.stance, d.reported_by, d.k)
        if (d.actor is None or d.actor != d.target) and key not in seen:
            seen.add(key)
            out.append(d)
    return out


_GENERIC_SOURCES = frozenset({"sources", "officials", "witnesses", "residents", "sources'", "officers",
                              "commanders", "analysts", "medics", "doctors", "activists"})


def _same_sources(frames, memory):
    """"Two security sources told AFP ... the sources said": a bare plural head names the
    sources the article introduced, not new ones."""
    for f in frames:
        if not f.speaker or "(" in f.speaker:
            continue
        words = f.speaker.lower().split()
        if words[-1] not in _GENERIC_SOURCES:
            continue
        if len(words) == 1:
            full = memory.heads.get(words[0])
            if full is not None and full[1] == f.actor:
                f.speaker = full[0]
        else:
            memory.heads[words[-1]] = (f.speaker, f.actor)


# --- events -------------------------------------------------------------------------

def _text(an, i, j):
    return an.text[an.tokens[i].start:an.tokens[j - 1].end]


_VISITORS = OFFICE_HOLDERS | {"delegation", "chief", "general", "officials", "official", "mission", "team", "inspectors",
                              "monitors", "journalists"}


def _person_arrives(an, d):
    """"Russia's defence minister arrived in Kherson": an office-holder visits, no troops arrive."""
    return any(t.key in _VISITORS for t in an.tokens[max(0, d.k - 6):d.k])


# what a state's forces do, not its offices
_FIELD_ACTIONS = frozenset({"attack", "clash", "advance", "capture", "withdraw", "deploy", "cross", "surround"})
_COPULA = frozenset({"is", "are", "was", "were"})
_FALSE = frozenset({"false", "baseless", "untrue", "fabricated", "unfounded", "groundless", "fake", "incorrect",
                    "lies", "misleading", "nonsense", "propaganda", "fiction", "inaccurate"})
_FALSE_RE = re.compile(r"\b(?:" + "|".join(sorted(_FALSE)) + r"|not\s+true|correspond\s+to)\b", re.IGNORECASE)
# "... does not correspond to reality": a ministry's way of calling a claim false
_REALITY = frozenset({"reality", "facts", "truth"})
_CLAIMED = frozenset({"reports", "report", "claims", "claim", "claiming", "claimed", "allegations", "rumours",
                      "rumors", "accounts", "footage", "videos", "statements", "posts", "suggesting", "alleging",
                      "saying", "information", "assertions", "assertion"})
_DEGREE = frozenset({"completely", "entirely", "totally", "absolutely", "utterly", "simply", "categorically",
                     "also", "all", "both", "equally"})


def _beside(an, f):
    """Whether a civilian speaker is placed beside a place rather than in it ("residents of
    villages opposite Deir ez-Zor tell us"): then the place is theirs, not the event's."""
    toks = an.tokens
    return any(t.key in ("opposite", "across", "outside", "near", "beyond") for t in toks[max(0, f.k - 8):f.k])


_CLAUSE_OPENERS = frozenset({",", ";", ":", "and", "but", "while", "as", "when", "after", "—", "–"})


def _unnamed_subject(an, k, lo):
    """Whether the verb at ``k`` has a bare unnamed attacker as its own subject, opening its clause
    ("..., drones hit Kosti and Ed Dueim"): no actor named before stands for it."""
    toks = an.tokens
    j = k - 1
    while j >= lo and (toks[j].key in ADVERBS or toks[j].key in AUX or toks[j].key in HAVE):
        j -= 1
    if j < 0 or toks[j].key not in _UNNAMED_ATTACKERS or an.actor_at(j) is not None:
        return False
    i = j - 1
    while i >= 0 and (toks[i].key in ("the", "a", "an", "some", "several", "two", "three", "more")
                      or toks[i].key.isdigit() or toks[i].key in MUNITION_KINDS):
        i -= 1
    if i >= 1 and toks[i].key == "and" and an.actor_at(i - 1) is not None:
        return False  # "Russian drones and a ballistic missile struck Kharkiv": one subject
    return i < 0 or toks[i].key in _CLAUSE_OPENERS


def _turn_claims(drafts, memory):
    """While an actor's official has the floor (a transcript's turn, a labelled statement), what
    the turn asserts is their claim."""
    if memory.turn[1] is None:
        return  # ("" is an official of no known party: still their claim)
    for d in drafts:
        if d.category in ("threaten", "accuse"):
            continue  # the speaker's own statements
        if d.reported_by is None and d.stance == "asserted":
            d.stance, d.reported_by = "claimed", memory.turn[0]  # "ARMY SPOKESMAN: We struck ..."
        elif (d.reported_by or "").lower() in ("", "i", "we") and d.stance in ("denied", "threatened", "planned", "claimed"):
            d.reported_by = memory.turn[0]  # "A: We did not withdraw ...", "I say it clearly: we will ..."


def _called_false(an, frames, drafts, memory):
    """"Reports claiming that Pakistani troops have entered Spin Boldak are false and baseless": what the
    reports claim is denied, by who says so after it, or by the statement's issuer."""
    if not _FALSE_RE.search(an.text):
        return  # most sentences: one regex search, no walk over the tokens
    toks = an.tokens
    cop = None
    n = len(toks)
    for k, t in enumerate(toks[:-1]):
        if t.key in _COPULA:
            j = k + 1
            while j < n and toks[j].key in _DEGREE:
                j += 1
            if j < n and (toks[j].key in _FALSE or toks[j].key == "not" and j + 1 < n and toks[j + 1].key == "true"):
                cop = k
                break
        elif (t.key in ("does", "do", "did") and k + 4 < n and toks[k + 1].key in ("not", "n't")
              and toks[k + 2].key == "correspond" and toks[k + 3].key == "to"
              and (toks[k + 4].key in _REALITY or toks[k + 4].key == "the" and k + 5 < n and toks[k + 5].key in _REALITY)):
            cop = k
            break
    if cop is None:
        return
    later = [f for f in frames if f.k > cop and f.kind == "speech" and f.lo <= cop < f.hi and f.speaker]
    claim = [k for k in range(cop) if toks[k].key in _CLAIMED]
    # ... or who says so before the claims: "the spokesman affirms that the rumours ... are baseless"
    earlier = [f for f in frames if claim and f.k < claim[0] and f.kind == "speech" and f.lo <= cop < f.hi
               and f.speaker]
    denier = later[0].speaker if later else earlier[-1].speaker if earlier else memory.turn[0] or memory.issuer
    if not denier or not claim:
        return
    for d in drafts:
        if claim[0] < d.k < cop:
            d.stance, d.reported_by = "denied", denier


# quantities of an action: "a series of drone strikes", "a wave of raids"
_QUANTITY = frozenset({"series", "wave", "waves", "spate", "string", "barrage", "volley", "salvo", "round", "rounds",
                       "flurry", "succession", "number", "couple", "dozens", "hundreds", "scores", "handful"})


_COMPLETE = frozenset({"complete", "completed", "completes", "completing"})
_FAIR = frozenset({"legitimate", "legal", "lawful", "fair", "military", "priority"})


def _drafts_for(an, tr, frames, memory):
    toks, n = an.tokens, len(an.tokens)
    stance = modality(an, tr, frames, memory.lexicon)
    if stance == "drop":
        return []
    lo, hi = an.clause(tr.i)
    trig_text = _text(an, tr.i, tr.j)
    if tr.category == "attack" and toks[tr.i].key in ("target", "targets") and tr.i and toks[tr.i - 1].key in _FAIR:
        # "... warn that Nyala and its airports will be legitimate targets": the warner's threat
        warn = [f for f in frames if f.kind in ("warn", "speech") and f.lo <= tr.i < f.hi]
        # (a statement's "The Armed Forces warn ...": its issuer's)
        who = (warn[-1].actor or memory.turn[1]) if warn else None
        return [Draft(tr.i, tr.category, who, None, stance="threatened", trigger=trig_text,
                      clause=(lo, hi))] if who else []
    actors, target, backer = [], None, None
    locate = True
    back = ""
    prev = toks[tr.i - 1].key if tr.i > 0 else ""
    if tr.pos == "noun" and (prev == "of" and toks[tr.i].key.endswith("ing") or _light_gerund_of(an, tr.i)):
        accused = [f for f in frames if f.kind == "accuse" and f.lo <= tr.i < f.hi and f.object]
        if accused:  # "accused the army of bombing civilians": a gerund, the accused acts
            tg = _targets(an, tr.j, hi, skip=(accused[0].object,))
            return [Draft(tr.i, tr.category, accused[0].object, tg[0] if tg else None, stance="asserted",
                          trigger=trig_text, clause=(lo, hi), back=_back(toks, tr))]
    if tr.pos == "noun":
        # "came under attack from X and Y": X and Y act, the subject is the target
        if prev == "under" and tr.i >= 2 and toks[tr.i - 2].key in ("came", "come", "comes", "coming"):
            agents = _agents(an, tr.j, ("from", "by"))
            target, _ = _subject(an, tr.i - 2, frames, memory)
            if not agents:
                # "a tanker came under fire from a small boat", "the convoy came under attack near
                # Gao": it happened, the attacker is not named
                if not _agentless(memory, tr) or _named_non_actor_agent(an, tr, memory.lexicon):
                    return []
                return [Draft(tr.i, tr.category, None, target, stance=stance, trigger=trig_text, clause=(lo, hi))]
            return [Draft(tr.i, tr.category, a, target, stance=stance, trigger=trig_text, clause=(lo, hi))
                    for a in agents]
        if prev == "under":
            # "JNIM has kept Djibo under blockade", "placed the city under siege": the keeper acts
            keep = [x for x in range(max(lo, tr.i - 6), tr.i - 1) if toks[x].key in _KEEP_UNDER]
            if keep:
                actor, backer = _subject(an, keep[-1], frames, memory)
                if actor:
                    return [Draft(tr.i, tr.category, actor, None, backer, stance, trigger=trig_text,
                                  clause=(lo, hi))]
        j = tr.i - 1
        while j >= 0 and toks[j].word and toks[j].key in _ADJ_DETERMINERS:
            j -= 1
        adj = next((m for m in an.actors if m.j == j + 1 and not m.pronoun and not m.held and j >= 0), None)
        det_i = (adj.i - 1) if adj else j
        while det_i >= 0 and toks[det_i].key in _ADJ_DETERMINERS:
            det_i -= 1
        if adj is None and det_i >= 1 and toks[det_i].key == "of" and toks[det_i - 1].key in _QUANTITY:
            # "carried out a series of drone strikes": the light verb is before the quantity
            det_i -= 2
            while det_i >= 0 and toks[det_i].key in _ADJ_DETERMINERS:
                det_i -= 1
        det = toks[det_i].key if det_i >= 0 else ""
        of = _agents(an, tr.j, ("by", "of", "from") if tr.category in ("advance", "withdraw", "deploy", "support", "capture") else ("by", "from"), direct=True)
        blamed = (_agents(an, tr.j + 1, ("to", "on"), direct=True)
                  if tr.j + 1 < n and toks[tr.j].key in _ATTRIBUTED else [])
        if adj is not None and (det not in ("the", "this", "that", "these", "those") or toks[adj.j - 1].poss):
            actors = [adj.actor]
            backer = adj.backer
        elif blamed:
            actors = blamed  # "airstrikes attributed to the SAF", "an attack blamed on the RSF"
        elif of:
            actors = of
        else:
            light = det_i if det_i >= 0 and toks[det_i].key in LIGHT else det_i - 1
            if light >= 1 and toks[light].key == "out" and toks[light - 1].key in LIGHT:
                light -= 1  # "carried out an airstrike", "carrying out raids"
            if 0 <= light < n - 1 and (toks[light].joined or toks[light + 1].joined):
                light = -1  # "a face-to-face meeting": part of a compound, no light verb
            if (light >= 0 and toks[light].key in LIGHT and toks[light].key not in _COMPLETE and det in _DEFINITE
                    and toks[light].key not in ("face", "faces", "faced", "facing", "with")):
                # "the RSF carried out the attack": the author of the attack told before
                actor, backer = _subject(an, light, frames, memory)
                return [Draft(tr.i, tr.category, actor, None, backer, stance, trigger=trig_text, clause=(lo, hi),
                              back="drop")] if actor else []
            if light >= 0 and (toks[light].key in LIGHT or toks[light].key in _PREPARE) and (det not in (
                    "the", "this", "that", "these", "those") or toks[light].key in _COMPLETE and tr.j < n
                    and toks[tr.j].key in ("of", "from")):
                # ... "completed the liberation of Pokrovsk": the completion tells the capture
                if toks[light].key in ("face", "faces", "faced", "facing"):
                    warn = [f for f in frames if f.kind in ("warn", "speech") and f.lo <= tr.i < f.hi and f.actor]
                    if not warn:
                        return []
                    target, _ = _subject(an, light, frames, memory)
                    return [Draft(tr.i, tr.category, warn[0].actor, target, stance="threatened", trigger=trig_text,
                                  clause=(lo, hi))]
                if toks[light].key == "with":
                    if light < 1 or toks[light - 1].key not in _RESPOND:
                        return []  # "struck Kharkiv with missiles": the weapon of an action told already
                    light -= 1  # "responded with artillery fire": the response is the action
                actor, backer = _subject(an, light, frames, memory)
                if light >= 2 and toks[light - 1].key == "to" and toks[light - 2].key in THREAT_TO:
                    actor = _threatener(an, light - 2, frames) or actor  # "..., and vowed to launch a raid"
                # "Afghan Taliban and Indian-sponsored militants carried out an attack": each of them
                actors = [actor, *_co_subjects(an, actor, light)] if actor else []
                # "preparing to launch a counteroffensive": the light verb carries the modality
                lb = [t.key for t in toks[max(0, light - 3):light]][::-1]
                if lb[:1] == ["to"] and len(lb) > 1 and lb[1] in PLAN_TO or toks[light].key in _PREPARE:
                    stance = "planned"  # ... or "was preparing a new offensive", "planned a raid"
                elif lb[:1] == ["to"] and len(lb) > 1 and lb[1] in THREAT_TO or any(w in MODAL_THREAT for w in lb):
                    stance = "threatened"
            elif adj is not None and (tr.i + 1 >= n or toks[tr.i + 1].key in ("of", "on", "against", "in", ",")) and det != "the":
                actors = [adj.actor]
        accused = [f for f in frames if f.kind == "accuse" and f.object and f.k < tr.i and f.lo <= tr.i < f.hi]
        if not actors and accused and det_i >= 1 and (toks[det_i].key in ("for", "of")
                                                       or toks[det_i - 1].key in ("for", "of")):
            # "officials blamed Haftar's forces for a drone strike on a camp": the accused did it
            actors, backer = [accused[0].object], None
            back = "keep" if det in _DEFINITE else ""  # "... for the attack": the one just told
        bw = _between_after(an, tr) if not actors and tr.category in ("clash", "meet") else None
        if bw is not None:
            pair = _agents(an, bw, ("between",), direct=True)
            if len(pair) >= 2:  # "clashes between the SDF and Turkish-backed factions"
                return [Draft(tr.i, tr.category, pair[0], pair[1], stance=stance, trigger=trig_text,
                              locate=tr.category != "meet", clause=(lo, hi))]
            if pair and tr.category == "clash":
                # "clashes between the ELN and the 33rd Front": one side named, the other not in the lexicon
                return [Draft(tr.i, tr.category, pair[0], None, stance=stance, trigger=trig_text, clause=(lo, hi))]
        k = tr.i - 1
        while k > lo and tr.i - k < 5 and toks[k].word and toks[k].key not in _CLAIM_VERBS:
            k -= 1
        if not actors and k >= 0 and toks[k].key in _CLAIM_VERBS:
            # "the Houthis claimed a missile attack on ...": the claimer did it, by its own account
            actor, backer = _subject(an, k, frames, memory)
            if actor and det in _DEFINITE:
                memory.claim_previous = actor  # "X claimed the attack": the one just told
                return []
            if actor:
                tg = _targets(an, tr.j, hi, skip=(actor,))
                return [Draft(tr.i, tr.category, actor, tg[0] if tg else None, backer, "claimed",
                              reported_by=actor, trigger=trig_text, clause=(lo, hi))]
        # ("said that an air strike hit ...": "that" before an indefinite article opens a clause)
        definite = det in _DEFINITE or det_i > 0 and toks[det_i - 1].key in _DEFINITE and toks[det_i].word \
            and det not in ("a", "an")
        if not actors and _agentless(memory, tr) and not definite and (
                _subject_position(toks, _article_before(toks, det_i)) and _heads_subject(an, tr, memory.lexicon)
                and not any(lo <= t.i < tr.i for t in an.triggers) or _unnamed_object(an, tr, det_i, lo)):
            # "an airstrike hit a hospital in Gaza": the strike is the subject, its author unnamed
            tg = _targets(an, tr.j, hi)
            return [Draft(tr.i, tr.category, None, tg[0] if tg else None, stance=stance, trigger=trig_text,
                          clause=(lo, hi))]
        if not actors:
            return []
        if tr.category in ("meet", "support"):
            locate = tr.category != "meet"
        tg = _targets(an, tr.j, hi, skip=actors)
        target = tg[0] if tg else None
        # ("the attack was claimed by the Pakistani Taliban": the attack just told, if one was)
        back = back or ("keep" if det in _DEFINITE else "")
        return [Draft(tr.i, tr.category, a, target, backer, stance, trigger=trig_text, locate=locate, clause=(lo, hi),
                      back=back) for a in actors]
    # verbs
    back = look_back(toks, tr.i, lo)
    # "was hit", "were cut off": verbs whose participle is their base form
    participle = tr.tag in ("pp", "past") or tr.tag == "base" and toks[tr.i].key in SAME_PARTICIPLE
    passive = participle and any(w in AUX for w in back[:3]) and not (back[:1] and back[0] in HAVE)
    relative = None
    if participle and tr.i + 1 < n and toks[tr.i + 1].key == "by" and not any(w in HAVE for w in back[:1]):
        if not passive and back[:1] and back[0] not in AUX:
            relative = back[0]  # a reduced relative clause: "the city held by the army"
        passive = True
    if tr.category == "capture" and (toks[tr.i].key in FALL or toks[tr.i].key in LOSE):
        # "Bakhmut fell to Wagner", "the army lost Kidal to the rebels": who follows "to" took it,
        # from the one who lost it
        to = _to_agent(an, tr.i, n)
        agents = _agents(an, to, ("to",), direct=True) if to is not None else []
        loser = _subject(an, tr.i, frames, memory)[0] if toks[tr.i].key in LOSE and not passive else None
        return [Draft(tr.i, "capture", a, loser if loser != a else None, stance=stance, trigger=trig_text,
                      clause=(lo, hi)) for a in agents]
    if passive:
        agents = _agents(an, tr.j, ("by",))
        if not agents and tr.category == "deploy":
            # "VDP volunteers were sent to the town": those sent deploy
            who = _passive_subject(an, tr, lo)
            return [Draft(tr.i, tr.category, who, None, stance=stance, trigger=trig_text, clause=(lo, hi))] if who else []
        if not agents:
            # "two civilians were killed in shelling on Kharkiv": it happened, by whom is not said;
            # the victim is the subject of this clause, not an actor of an earlier one
            if _agentless(memory, tr) and not _named_non_actor_agent(an, tr, memory.lexicon):
                target = _passive_subject(an, tr, lo) if relative is None else None
                return [Draft(tr.i, tr.category, None, target, stance=stance, trigger=trig_text, clause=(lo, hi))]
            return []
        # "areas held by the SDF": a participle after its noun names no target
        target = _subject(an, tr.i, frames, memory)[0] if relative is None else None
        return [Draft(tr.i, tr.category, a, target, stance=stance, trigger=trig_text, clause=(lo, hi)) for a in agents]
    accused = [f for f in frames if f.kind == "accuse" and f.lo <= tr.i < f.hi and f.object]
    if tr.tag == "ing" and tr.i > 0 and toks[tr.i - 1].key in ("of", "for") and accused:
        actor, backer = accused[0].object, None  # "accused Russia of shelling", "blamed the RSF for attacking"
    elif back[:1] in (["who"], ["which"]) or back[:2] in (["side", "which"], ["party", "which"], ["group", "which"]):
        # "did not say which side fired", "it was unclear who fired": the author is the open question
        k = tr.i - (1 if back[:1] in (["who"], ["which"]) else 2) - 1
        if k >= 0 and toks[k].key in _UNKNOWN_WHO:
            return []
        if (back[:1] == ["who"] and k >= 0 and toks[k].word and toks[k].key not in _UNNAMED_ATTACKERS
                and toks[k].key not in _FORCE_NOUNS and not any(m.j == k + 1 for m in an.actors)):
            return []  # "said one resident who fled to Pemba": a person, no actor of the story
        actor, backer = _subject(an, tr.i, frames, memory)
    elif back[:1] == ["to"] and len(back) > 1 and back[1] in THREAT_TO and _threatener(an, tr.i - 2, frames):
        # "Moscow said Ukrainian marines had crossed ..., and threatened to strike": the
        # threatener strikes, whoever was named in between
        actor, backer = _threatener(an, tr.i - 2, frames), None
    else:
        # "... were killed when shells hit a camp": a subordinate clause has its own subject
        stop = lo if toks[lo].key in _SUBORDINATORS and tr.tag != "ing" else 0
        actor, backer = _subject(an, tr.i, frames, memory, stop=stop)
        if actor is not None and _unnamed_subject(an, tr.i, lo):
            actor, backer = None, None  # "the army says it beat back an assault, drones hit Kosti": nobody named
    if actor is None:
        actor = _launched_by(an, lo, tr.i)  # "a drone launched by the Houthis hit ..."
    if actor is None:
        j = tr.i - 1
        while j >= lo and toks[j].key in ADVERBS | {"had", "have", "has", "reportedly"}:
            j -= 1
        # "several drones that targeted the dam": the relative pronoun makes the noun the subject
        relative = j > lo and toks[j].key in ("that", "which") and toks[j - 1].key in _UNNAMED_ATTACKERS
        if relative:
            j -= 1
        elif j >= lo and toks[j].key not in _UNNAMED_ATTACKERS:
            j = _modified_attacker(an, lo, j)
        if (j >= lo and (toks[j].key in _UNNAMED_ATTACKERS and _agentless(memory, tr)
                         # "gunmen exchanged fire with police", "fighters of two rival armed groups
                         # exchanged fire": a fight whose sides are not named
                         or tr.category == "clash" and toks[j].key in _UNNAMED_FIGHTERS)
                and (relative or _subject_position(toks, j))) or _impact(toks, tr) and _agentless(memory, tr):
            # "gunmen killed three traders", "drones struck Dnipro": the author is not named
            tg = _targets(an, tr.j, hi)
            return [Draft(tr.i, tr.category, None, tg[0] if tg else None, stance=stance, trigger=trig_text,
                          clause=(lo, hi))]
        # ("clashed with CODECO": the one after "with", which _targets leaves out as a partner)
        tg = [m.actor for m in an.actors if m.i == tr.j + 1 and not m.pronoun and m.actor] or _targets(an, tr.j + 1, hi) \
            if tr.category == "clash" and tr.j < n and toks[tr.j].key in ("against", "with") else ()
        if tg:
            # "the garrison fought back against RSF fighters": a fight has two sides, one is named
            return [Draft(tr.i, tr.category, tg[0], None, stance=stance, trigger=trig_text, clause=(lo, hi))]
        return []
    nxt = toks[tr.j].key if tr.j < n else ""
    if tr.category == "clash" and nxt in ("with", "alongside") and tr.tag == "ing":
        return []
    if tr.category == "attack" and toks[tr.i].key in _RUN_INTO and _hits_a_mine(toks, tr.j):
        # "a police vehicle struck an improvised explosive device": the vehicle's side was attacked
        return [Draft(tr.i, tr.category, None, actor, stance=stance, trigger=trig_text, clause=(lo, hi))]
    co = _co_subjects(an, actor, tr.i)
    tg = _targets(an, tr.j, hi, skip=(actor, *co))
    target = tg[0] if tg else None
    if tr.category == "meet":
        locate = False
    opponent = next((m.actor for m in an.actors if m.i == tr.j + 1 and not m.pronoun and m.actor), None) \
        if tr.category == "clash" and nxt in ("with", "against") else None
    if opponent is not None and opponent != actor and opponent not in co:
        # "RSF and FDS troops clashed with insurgents": side by side against the one after "with"
        target = opponent
    elif co and tr.category in ("clash", "meet"):
        # "the SDF and Turkish-backed factions clashed": each is the other's opponent
        target, co = target or co[0], co[1:] if target is None else co
    return [Draft(tr.i, tr.category, a, target, backer if a == actor else None, stance, trigger=trig_text,
                  locate=locate, clause=(lo, hi)) for a in (actor, *co)]


_RUN_INTO = frozenset({"struck", "strikes", "strike", "striking", "hit", "hits", "hitting"})
_MINES = frozenset({"mine", "mines", "landmine", "landmines", "ied", "ieds", "device", "bomb", "roadside"})
_MINE_MODS = frozenset({"a", "an", "the", "improvised", "explosive", "land", "anti-tank", "anti-personnel", "buried",
                        "roadside", "planted", "hidden", "another", "second"})


def _hits_a_mine(toks, j):
    """"struck an IED", "hit a landmine", "ran over an improvised explosive device" (after the verb)."""
    k = j
    while k < len(toks) and toks[k].key in _MINE_MODS and k - j < 4:
        k += 1
    return k < len(toks) and k > j and toks[k].key in _MINES and (toks[k].key != "device" or toks[k - 1].key == "explosive")


_ATTEMPT = frozenset({"tried", "try", "tries", "trying", "attempted", "attempt", "attempts", "attempting",
                      "failed", "fail", "fails", "failing", "bid", "effort", "efforts", "struggled", "struggling"})


def _attempted(toks, k):
    """"tried to capture", "an attempt to retake", "failed to take": the verb after "to" is only tried."""
    return k >= 2 and toks[k - 1].key == "to" and toks[k - 2].key in _ATTEMPT


_ATTRIBUTED = {"attributed", "blamed", "credited", "ascribed"}


_ORDER = {"told", "tell", "tells", "telling", "ordered", "order", "orders", "ordering", "urged", "urge", "urges",
          "urging", "asked", "ask", "asks", "forced", "force", "forces", "forcing", "warned", "warning",
          "instructed", "allowed", "called", "calling", "compelled", "pressured"}


_FORCE_NOUNS = {"troops", "forces", "soldiers", "fighters", "units", "army", "militants", "men", "brigades"}


def _told_to_move(an, d, lexicon):
    """A movement in "told people to leave" or "ordered residents to evacuate the town": its
    subject is the object of the order, which is no armed actor."""
    toks, k = an.tokens, d.k
    if d.category not in ("withdraw", "advance") or k < 3 or toks[k - 1].key != "to":
        return False
    for v in range(k - 2, max(-1, k - 6), -1):
        if toks[v].key in _ORDER and not any(m.i <= v < m.j for m in an.actors):  # not "Russian forces"
            obj = [m for m in an.actors if v < m.i < k - 1]
            if obj:
                return all(m.actor and lexicon.actor(m.actor).type == "civilians" for m in obj)
            # a plain noun: "people", "families"; not "troops", "its forces"
            return not any(toks[x].key in _FORCE_NOUNS for x in range(v + 1, k - 1))
        if not toks[v].word:
            return False
    return False


def _blame_previous(an, memory, lexicon, frames):
    """The author of an attack told without one, named afterwards, by whose account:
    "Local sources attributed the strike to the SAF" (an attack noun with "the"/"this"/"that",
    then "to"/"on" and an actor), "...; it holds the Sudanese air force responsible", "...,
    according to the division, which blamed the ELN", "survivors said the attackers were
    CODECO militiamen"."""
    lower = an.text.lower()
    if not _BLAME_HINT.search(lower):
        return  # the common case, decided on the text at C speed
    toks = an.tokens
    n = len(toks)
    for k, t in enumerate(toks[:-2]):
        author = None
        noun = next((tr for tr in an.triggers if tr.i == k + 2 and tr.pos == "noun" and tr.category == "attack"
                     and tr.j < n and toks[tr.j].key in ("to", "on")), None) \
            if t.key in ("attributed", "blamed", "ascribed") and toks[k + 1].key in ("the", "this", "that") else None
        if noun is not None:
            author = _actor_at(an, noun.j + 1, noun.j + 2)
        elif t.key in ("blamed", "blaming", "blames", "blame") and k > 0 and toks[k - 1].key in ("which", "who", ","):
            author = _actor_at(an, k + 1, k + 2)  # "..., which blamed the ELN", ", blaming the RSF"
        elif t.key in ("blamed", "blame") and k > 0 and not any(tr.i > k for tr in an.triggers
                                                                if tr.category in ("attack", "clash")):
            author = _actor_at(an, k + 1, k + 2)  # "Residents blamed the National Liberation Army."
        elif t.key in ("holds", "held", "holding", "hold"):
            author = _actor_at(an, k + 1, k + 2)  # "it holds the Sudanese air force responsible"
            if author is None or not any(x.key == "responsible" for x in toks[author.j:author.j + 2]):
                continue
        elif t.key in _ATTACKERS and toks[k + 1].key in ("were", "was") and k > 0 \
                and toks[k - 1].key in ("the", "their"):
            author = _actor_at(an, k + 2, k + 4)  # "the attackers were (members of) CODECO militiamen"
        if author is None:
            continue
        frame = next((f for f in frames if f.kind == "speech" and f.lo <= k < f.hi and f.speaker), None)
        source = (frame.speaker,) if frame is not None else _speaker_left(an, k, lexicon)
        memory.blame_previous = (author.actor, source[0] if source else None)
        return


_BLAME_HINT = re.compile(r"attributed|blam|ascribed|\bhold|\bheld|attackers|gunmen|assailants|raiders|perpetrators")
_ATTACKERS = frozenset({"attackers", "gunmen", "assailants", "raiders", "perpetrators"})


_INTERCEPT = frozenset({"shot", "shoot", "shoots", "shooting", "intercepted", "intercept", "intercepts",
                        "intercepting", "downed", "destroyed", "neutralised", "neutralized", "repelled"})
_MUNITIONS = frozenset(MUNITIONS) | {"uavs", "uav", "aircraft", "boats"}


def _intercepted(an, tr, frames, memory):
    """"Air defences shot down 47 Ukrainian drones over the Belgorod region": the interception
    tells the attack of the side whose munitions were downed (a Draft, or None)."""
    toks, n = an.tokens, len(an.tokens)
    if tr.pos != "verb" or toks[tr.i].key not in _INTERCEPT:
        return None
    k = tr.j
    while k < n and (toks[k].key.isdigit() or toks[k].key in ("a", "an", "two", "three", "several", "dozens", "of",
                                                              "more", "than", "over", "up", "to", "at", "least")):
        k += 1
    owner = _actor_at(an, k)
    if owner is None:
        return None
    k = owner.j - 1 if toks[owner.j - 1].key in _MUNITIONS else owner.j  # "Russian drones" is an alias
    while k < n and toks[k].word and toks[k].key not in _MUNITIONS and k - owner.j < 4:
        k += 1  # "fixed-wing", "long-range", "attack"
    if k >= n or toks[k].key not in _MUNITIONS:
        return None
    stance = modality(an, tr, frames, memory.lexicon)
    if stance in ("drop", "denied"):
        return None
    lo, hi = an.clause(tr.i)
    return Draft(tr.i, "attack", owner.actor, None, stance=stance, trigger=_text(an, owner.i, k + 1), clause=(lo, hi))


# what may follow an unnamed attacker in its own noun phrase ("gunmen armed with machetes")
_POST_MODIFIERS = frozenset({"armed", "riding", "wearing", "carrying", "dressed", "on", "in", "with", "believed",
                             "suspected", "thought", "linked", "loyal", "belonging", "travelling", "traveling"})


_LAUNCHED = frozenset({"launched", "fired", "sent", "flown", "operated", "dropped", "piloted", "belonging"})


def _launched_by(an, lo, k):
    """The actor in "a drone launched by the Houthis" right before the verb at ``k``, or None."""
    toks = an.tokens
    m = next((m for m in an.actors if m.j == k and not m.pronoun), None)
    if m is None:
        return None
    b = m.i - 1 if toks[m.i - 1].key != "the" else m.i - 2
    if b - 2 < lo or toks[b].key not in ("by", "to") or toks[b - 1].key not in _LAUNCHED \
            or toks[b - 2].key not in _UNNAMED_ATTACKERS:
        return None
    return m.actor


_UNNAMED_FIGHTERS = frozenset({"gunmen", "fighters", "militants", "insurgents", "assailants", "attackers", "groups",
                               "factions", "militias", "militiamen"})


def _modified_attacker(an, lo, j):
    """The unnamed attacker whose post-modifier ends at ``j`` ("gunmen armed with machetes and a
    few rifles had struck ..."), else ``j``."""
    toks = an.tokens
    for g in range(j - 1, max(lo - 1, j - 10), -1):
        if toks[g].key in _UNNAMED_ATTACKERS and toks[g + 1].key in _POST_MODIFIERS:
            return g
        if not toks[g].word or toks[g].key not in _POST_MODIFIERS and any(t.i == g for t in an.triggers):
            return j
    return j


def _actor_at(an, *starts):
    """The actor named at one of token indexes ``starts`` (after "the"), or None."""
    return next((m for m in an.actors if m.i in starts and not m.pronoun), None)


# "responded with artillery fire", "retaliated with airstrikes": what follows "with" is the action
_RESPOND = {"responded", "respond", "responds", "responding", "retaliated", "retaliate", "retaliates",
            "retaliating", "replied", "reply", "replies", "replying", "answered"}


def _article_before(toks, det_i):
    """Where the noun phrase of a nominal trigger opens: at "a"/"an" up to two plain modifiers
    back ("a sea drone attack", "an overnight missile strike"), else right after ``det_i``."""
    k = det_i
    while (k >= 0 and det_i - k < 2 and toks[k].word and toks[k].key not in DETERMINERS
           and toks[k].key not in PREPS and toks[k].key not in ("of", "and", "or", "than")):
        k -= 1
    return k if k >= 0 and k != det_i and toks[k].key in ("a", "an") else det_i + 1


def _unnamed_object(an, tr, det_i, lo):
    """"repelled an attack on its positions", "reports heavy clashes in Zawiya": the noun is the
    object of a defence or of a reporting verb, and the attack or fighting took place."""
    toks = an.tokens
    if det_i < 0 or toks[det_i].key in ("the", "this", "that", "these", "those"):
        k = det_i - 1 if det_i >= 0 else -1
    else:
        k = det_i
    while k >= 0 and toks[k].key in ("a", "an", "heavy", "fierce", "renewed", "fresh", "several", "two", "three"):
        k -= 1
    if k < lo or k < 0:
        return False
    if toks[k].key in ("reports", "reported", "report", "reporting"):
        # "reports heavy clashes in Zawiya"; not "the reported capture", which was told before
        return not (k > 0 and toks[k - 1].key in ("the", "this", "that", "these", "those"))
    if toks[k].key == "of" and k >= 1 and toks[k - 1].key in ("target", "targets", "victim", "victims", "object"):
        return True  # "the post was the target of an attack by armed individuals"
    return any(t.i <= k < t.j and t.category == "clash" and t.pos == "verb" for t in an.triggers) and \
        tr.category != "clash"


_AFTER_AGENT = frozenset({"in", "about", "off", "near", "at", "on", "and", "while", "as", "that", "which", "who",
                          "during", "outside", "inside", "some", "around"})


def _named_non_actor_agent(an, tr, lexicon):
    """"surrounded by water", "hit by floods": the 'by' phrase names what did it, and it is
    neither an actor nor a weapon or attack ("hit by shelling", "killed by a drone")."""
    toks, n = an.tokens, len(an.tokens)
    k = tr.j
    if k >= n or toks[k].key != "by":
        return False
    k += 1
    while k < n and toks[k].key in ("a", "an", "the", "heavy", "intense"):
        k += 1
    if k >= n or not toks[k].word:
        return False
    # the head ends the noun phrase: "an explosive-laden boat", "a roadside bomb", "a suicide car bomb"
    end = k
    while (end + 1 < n and end - k < 3 and toks[end + 1].word and toks[end + 1].key not in PREPS
           and toks[end + 1].key not in _AFTER_AGENT):
        end += 1
    if any(toks[x].key in _UNNAMED_ATTACKERS for x in range(k, end + 1)):
        return False
    key = toks[k].key
    return not (key in _UNNAMED_ATTACKERS or any(t.i == k for t in an.triggers)
                or any(f.pos == "noun" for f in lexicon.forms.get((key,), ())))


def _heads_subject(an, tr, lexicon):
    """Whether the noun ends its phrase and a verb or preposition follows ("an airstrike hit",
    "shelling on Kharkiv"), not a modifier of another noun ("fire points", "strike aircraft")."""
    toks = an.tokens
    if tr.j >= len(toks) or not toks[tr.j].word:
        return False
    nxt = toks[tr.j].key
    return nxt in PREPS or nxt == "in" or nxt in AUX or nxt in HAVE or any(
        f.pos == "verb" for f in lexicon.forms.get((nxt,), ()))


_CLAIM_VERBS = {"claimed", "claims", "claim", "claiming"}
_KEEP_UNDER = {"kept", "keep", "keeps", "keeping", "put", "puts", "putting", "placed", "place", "places", "placing",
               "held", "hold", "holds", "holding"}
_UNKNOWN_WHO = {"say", "said", "says", "clear", "unclear", "known", "know", "determine", "determined", "identify",
                "identified", "specify", "specified", "confirm", "confirmed", "disclose", "disclosed"}
_SUBORDINATORS = {"when", "after", "before", "while", "because", "since", "until", "although", "though",
                  "whereas", "once", "as"}
# "the strikes hit military targets only": a definite noun refers back to an event told before
_DEFINITE = {"the", "this", "that", "these", "those", "such"}


def _back(toks, tr):
    """"keep" when the action noun ``tr`` is definite ("of carrying out the attack"), else ""."""
    k = tr.i - 1
    while k >= 0 and toks[k].word and toks[k].key in _ADJ_DETERMINERS:
        k -= 1
    return "keep" if tr.pos == "noun" and k >= 0 and toks[k].key in _DEFINITE else ""


def _agentless(memory, tr):
    """Whether the action may be an event without a named actor (``agentless`` in data/actions.csv:
    ``yes``, or ``noun`` for nouns only: "heavy clashes in Zawiya", not "were engaged in")."""
    lexicon = memory.lexicon
    if lexicon is None:
        return False
    value = lexicon.action_info(tr.category, "agentless", "no")
    return value == "yes" or value == "noun" and tr.pos == "noun"


def _light_gerund_of(an, i):
    """"accused X of launching drone attacks": a light-verb gerund after "of" before the noun
    (not when the noun names its own author: "accused X of initiating a jihadi offensive")."""
    toks = an.tokens
    for g in range(i - 1, max(0, i - 4), -1):
        if toks[g].key in LIGHT and toks[g].key.endswith("ing"):
            if any(g < m.i < i for m in an.actors):
                return False
            return toks[g - 1].key == "of" or toks[g - 1].key == "out" and g >= 2 and toks[g - 2].key == "of"
        if not toks[g].word:
            return False
    return False


def _same_state(a, b, lexicon):
    """Whether actors ``a`` and ``b`` are one state's (Russia and its defence ministry)."""
    if a == b:
        return True
    ca, cb = lexicon.actor(a).country, lexicon.actor(b).country
    return bool(ca) and ca == cb and "non_state_armed_group" not in (lexicon.actor(a).type, lexicon.actor(b).type)


def _speaker_clause(an, k, actor=None, lexicon=None):
    """Where the clause of the reporting verb ``k`` begins, past a fronted place phrase: "In
    Chiure district, further south, a local official said ...": the scene of what is told.
    A fronted capital that names the speaker's own state ("In New Delhi, the Indian army
    said ...") is where it spoke, and stays in the speaker's clause."""
    toks = an.tokens
    start = an.clause(k)[0]
    own = [m for m in an.actors if not m.pronoun and actor and lexicon and _same_state(m.actor, actor, lexicon)]
    if start > 0 and toks[start].key == "," and toks[0].key in _LOCATIVES and any(m.i < start for m in own):
        return 0  # the fronted phrase is a clause of its own here
    if toks[start].key in _LOCATIVES:
        commas = [x for x in range(start, k) if toks[x].key == ","]
        if commas and not any(start < m.i < commas[-1] for m in own):
            return commas[-1] + 1
    return start


_LOCATIVES = ("in", "at", "near", "around", "across", "along")


def _content_start(toks, f, k):
    """Where what a frame reports begins: after the "that" a few words past the verb
    ("warned at a meeting in Abuja that ...") or right after the verb."""
    for x in range(f.lo, min(k, f.k + 12)):
        if toks[x].key == "that":
            return x + 1
        if not toks[x].word:
            break
    return f.lo
