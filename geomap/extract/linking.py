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

Each trigger's draft events (actor, target, stance from the grammar around
it) come from :mod:`.drafts`, unnamed and later-named authors from
:mod:`.authors`; this module applies the sentence's attribution frames and
the filters that need the whole sentence. Who "it", "the group" or bare
"troops" is comes from :mod:`.coref`; the subject, agents and targets around
a trigger from :mod:`.participants`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attribution import frames as find_frames, warn_target as _warn_target
from .authors import blame_previous as _blame_previous
from .coref import coref_enemy as _coref_enemy, coref_forces as _coref_forces, forces_of as _forces_of, coref_nouns as _coref_nouns, speaker_turn as _speaker_turn
from .drafts import (CLAIM_VERBS as _CLAIM_VERBS, FORCE_NOUNS as _FORCE_NOUNS, Draft, drafts_for as _drafts_for,
                     intercepted as _intercepted, span_text as _text)
from .modality import denies_previous
from .participants import subject as _subject
from .responses import join_responses
from .speakers import source_statement as _source_statement
from .wordclasses import OFFICE_HOLDERS

__all__ = ["Draft", "Memory", "link_sentence"]


_SPEECH_ONLY = {"threaten", "accuse", "deny"}


_ARMED = {"state_forces", "non_state_armed_group"}


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


_DENIABLE = frozenset({"attack", "clash", "capture", "withdraw", "advance", "deploy", "surround"})


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
            # "the dissidents denied any role in his killing": the action named is the one denied
            named = [t for t in an.triggers if f.lo <= t.i < f.hi and t.category in _DENIABLE]
            if named:
                t = named[0]
                drafts.append(Draft(t.i, t.category, f.actor, None, stance="denied", reported_by=f.speaker,
                                    trigger=_text(an, t.i, t.j), clause=(f.lo, f.hi)))
            else:
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


_ATTEMPT = frozenset({"tried", "try", "tries", "trying", "attempted", "attempt", "attempts", "attempting",
                      "failed", "fail", "fails", "failing", "bid", "effort", "efforts", "struggled", "struggling"})


def _attempted(toks, k):
    """"tried to capture", "an attempt to retake", "failed to take": the verb after "to" is only tried."""
    return k >= 2 and toks[k - 1].key == "to" and toks[k - 2].key in _ATTEMPT


_ORDER = {"told", "tell", "tells", "telling", "ordered", "order", "orders", "ordering", "urged", "urge", "urges",
          "urging", "asked", "ask", "asks", "forced", "force", "forces", "forcing", "warned", "warning",
          "instructed", "allowed", "called", "calling", "compelled", "pressured"}


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
