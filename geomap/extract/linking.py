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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import (ACCUSE, ADVERBS, ASSERT_TO, AUX, DENY, DETERMINERS, HAVE, LIGHT, MODAL_POSSIBLE,
                      MODAL_THREAT, NEGATION, PLAN_TO, PREPS, PREVENT, SPEECH, THREAT_TO, WARN, ActorMention)

__all__ = ["Draft", "Memory", "link_sentence"]

_TITLES = {"major-general", "major", "general", "gen", "colonel", "col", "lieutenant", "lt", "army", "brigadier",
           "captain", "capt", "sergeant", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
           "commander", "chief", "official", "officials", "mr", "mrs", "ms", "dr", "the", "a", "an", "said",
           "senior", "military", "defence", "defense", "ministry", "prime", "foreign", "deputy", "head"}
_SPEECH_ONLY = {"threaten", "accuse", "deny"}


@dataclass
class Draft:
    """An event before it is placed: token index ``k`` of its trigger in the sentence."""

    k: int
    category: str
    actor: str
    target: str | None = None
    backer: str | None = None
    stance: str = "asserted"
    reported_by: str | None = None
    trigger: str = ""
    locate: bool = True                 # False: statements whose place is unknown
    denials: list = field(default_factory=list)
    clause: tuple = (0, 0)


@dataclass
class Memory:
    """What earlier sentences of the document established (for pronouns and "the ministry")."""

    last_subject: str | None = None
    by_word: dict = field(default_factory=dict)


@dataclass
class _Frame:
    kind: str            # speech, deny, warn, accuse
    k: int               # the verb
    speaker: str | None  # actor name or person phrase
    actor: str | None    # speaker as an actor (for pronouns)
    lo: int              # content token range
    hi: int
    object: str | None = None


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
    _coref_nouns(an, memory, lexicon)
    frames = _frames(an, lexicon)
    frame_verbs = {f.k for f in frames}
    drafts = []
    for tr in an.triggers:
        if tr.i in frame_verbs or tr.category in _SPEECH_ONLY and tr.pos == "verb":
            continue
        if tr.category in _SPEECH_ONLY:
            continue
        for d in _drafts_for(an, tr, frames, memory):
            drafts.append(d)
    # frames: stance and claimant of what they contain
    for d in drafts:
        for f in sorted(frames, key=lambda f: f.hi - f.lo):
            if not (f.lo <= d.k < f.hi):
                continue
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
    drafts = [d for d in drafts if d.stance != "possible"]
    # statements that carry no action of their own
    for f in frames:
        inner = [d for d in drafts if f.lo <= d.k < f.hi]
        if f.kind == "warn" and not inner and f.actor:
            target = f.object or _warn_target(an, f)
            drafts.append(Draft(f.k, "threaten", f.actor, target, stance="asserted", trigger=_text(an, f.k, f.k + 1),
                                clause=(f.k, f.hi)))
        elif f.kind == "accuse" and f.actor:
            drafts.append(Draft(f.k, "accuse", f.actor, f.object, trigger=_text(an, f.k, f.k + 1), locate=False,
                                clause=(f.k, f.hi)))
        elif f.kind == "deny_tail":
            who = f.actor
            hits = [d for d in drafts if d.actor == who and d.stance != "denied"] or [
                d for d in drafts if d.stance != "denied"]
            for d in hits:
                d.denials.append(f.speaker)
    for d in drafts:
        if d.actor and d.category not in ("threaten", "accuse"):
            memory.last_subject = d.actor
    seen, out = set(), []
    for d in drafts:
        key = (d.category, d.actor, d.target, d.stance, d.reported_by, d.k)
        if d.actor and d.actor != d.target and key not in seen:
            seen.add(key)
            out.append(d)
    return out


# --- frames ------------------------------------------------------------------------

def _frames(an, lexicon):
    toks, n = an.tokens, len(an.tokens)
    frames = []
    for k, t in enumerate(toks):
        key = t.key
        if key == "according" and k + 1 < n and toks[k + 1].key == "to":
            who, actor, end = _np_after(an, k + 2)
            if who:
                lo, hi = (end, n) if k <= 1 else (0, k)
                if k <= 1:
                    while hi > end and False:
                        pass
                frames.append(_Frame("speech", k, who, actor, lo, hi))
            continue
        kind = ("speech" if key in SPEECH else "deny" if key in DENY else "warn" if key in WARN
                else "accuse" if key in ACCUSE else None)
        if kind is None:
            continue
        if t.joined:
            continue
        # "something moscow denied", "which X denied": the denial closes the sentence
        if kind == "deny" and k >= 2 and _tail(toks, k):
            prevw = toks[k - 2].key if k >= 2 else ""
            a = an.actor_at(k - 1)
            if a is not None and not a.pronoun and (toks[a.i - 1].key in ("something", "which", "what", "claims", "a", "claim", "allegation", ",")):
                frames.append(_Frame("deny_tail", k, a.actor, a.actor, 0, k))
                continue
        subj = _speaker_left(an, k)
        after_np, after_actor, after_end = _np_after(an, k + 1)
        if subj is None and kind in ("speech",) and after_np and _tail(toks, after_end - 1):
            # "..., said Army Colonel Ryan Dillon": inverted, the content is before
            frames.append(_Frame(kind, k, after_np, after_actor, 0, k))
            continue
        if subj is None:
            if kind == "speech" and k > 0 and toks[k - 1].key in ("," , '"'):
                continue
            # participles ("..., telling The Associated Press it was ...") take the clause subject
            subj = _first_subject(an, k)
            if subj is None:
                continue
        who, actor = subj
        if kind == "speech" and _tail(toks, k):
            frames.append(_Frame(kind, k, who, actor, 0, _np_start(an, k)))
            continue
        lo = k + 1
        obj = None
        if kind in ("warn", "accuse", "speech") and after_actor and toks[k + 1].key not in ("that", "of"):
            obj = after_actor
            if kind == "speech" and toks[k].key in ("told", "tell", "tells", "telling"):
                lo = after_end
        if kind == "accuse":
            obj = after_actor
        frames.append(_Frame(kind, k, who, actor, lo, n, obj))
    return frames


def _tail(toks, k):
    """True when nothing but time words and punctuation follow token ``k``."""
    rest = [t.key for t in toks[k + 1:] if t.word]
    filler = {"on", "in", "a", "the", "statement", "this", "last", "week", "earlier", "later", "today", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "late", "night",
              "evening", "morning", "afternoon", "briefing", "an", "interview", "also", "it", "said"}
    return all(w in filler for w in rest)


def _np_start(an, k):
    s = k - 1
    while s > 0 and an.tokens[s - 1].word and an.tokens[s - 1].key not in {"said", "that"}:
        s -= 1
        if an.tokens[s].key in (",",):
            break
    return max(0, s)


def _speaker_left(an, k):
    """The subject of a reporting verb: an actor, or a person's name, right before it."""
    toks = an.tokens
    j = k - 1
    while j >= 0 and toks[j].key in ADVERBS | HAVE | {"this", "week", "on", "in", "a", "statement", "last", "also",
                                                        "monday", "tuesday", "wednesday", "thursday", "friday",
                                                        "saturday", "sunday", "evening", "earlier", "later"}:
        j -= 1
    if j < 0:
        return None
    words = []
    while j >= 0 and toks[j].word and toks[j].key not in {"that", "and", "said", "while", "as", "but", "the", "if", "after", "when"}:
        words.append(j)
        j -= 1
        if len(words) >= 8:
            break
    if not words:
        if j >= 0 and toks[j].key == "the":
            return None
        return None
    lo = min(words)
    a = None
    for m in an.actors:
        if lo <= m.i and m.j <= max(words) + 1 and not m.held:
            a = m
    if a is not None and a.pronoun:
        return None
    if a is not None:
        return a.actor, a.actor
    phrase = " ".join(an.text[toks[w].start:toks[w].end] for w in sorted(words))
    names = [an.text[toks[w].start:toks[w].end] for w in sorted(words) if toks[w].key not in _TITLES]
    if not names or len(names) > 4 or all(toks[w].key in DETERMINERS or not toks[w].key.isalpha() for w in words):
        return None
    if any(toks[w].key in ("which", "who", "it", "they", "he", "she", "we", "this", "something") for w in words):
        return None
    return _title(phrase), None


def _first_subject(an, k):
    for m in an.actors:
        if m.i < k and not m.pronoun and not m.held and (m.i == 0 or an.tokens[m.i - 1].key in ("the", "a", "an")):
            return m.actor, m.actor
    return None


def _np_after(an, k):
    """(phrase, actor or None, end) of the noun phrase starting at token ``k``."""
    toks, n = an.tokens, len(an.tokens)
    j = k
    while j < n and toks[j].word and toks[j].key not in ("that", "on", "in", "it", "they", "of", "to", "and", "adding",
                                                       "who", "which", "as", "said", "told"):
        j += 1
    if j == k:
        return None, None, k
    actor = None
    for m in an.actors:
        if k <= m.i < j and not m.pronoun:
            actor = m.actor
            break
    phrase = an.text[toks[k].start:toks[j - 1].end]
    if actor is None and re.search(r"\b(?:our|my|his|her|their|information|sources?|reports?)\b", phrase.lower()):
        return None, None, k
    return (actor or _title(phrase)), actor, j


def _title(phrase):
    phrase = re.sub(r"\s+", " ", phrase.strip())
    if phrase.islower():
        phrase = " ".join(w[:1].upper() + w[1:] if len(w) > 2 or "." in w else w for w in phrase.split(" "))
        phrase = re.sub(r"-([a-z])", lambda m: "-" + m.group(1).upper(), phrase)
    return phrase


def _warn_target(an, f):
    for m in an.actors:
        if f.k < m.i < f.hi and not m.pronoun:
            return m.actor
    return None


# --- events -------------------------------------------------------------------------

def _text(an, i, j):
    return an.text[an.tokens[i].start:an.tokens[j - 1].end]


def _prev_word(toks, i):
    j = i - 1
    while j >= 0 and toks[j].key in ("the", "a", "an"):
        j -= 1
    return toks[j].key if j >= 0 else ""


def _resolve_pronoun(an, m, frames, memory):
    for f in sorted(frames, key=lambda f: f.hi - f.lo):
        if f.lo <= m.i < f.hi and f.actor and f.kind != "deny_tail":
            return f.actor
    for o in reversed([o for o in an.actors if o.j <= m.i and not o.pronoun and not o.held]):
        return o.actor
    return memory.last_subject


def _subject(an, k, frames, memory, *, stop=0):
    toks = an.tokens
    trig = {t.i for t in an.triggers} | {j for t in an.triggers for j in range(t.i, t.j)}
    for m in sorted((m for m in an.actors if m.j <= k and m.i >= stop), key=lambda m: -m.j):
        if m.held:
            continue
        prev = _prev_word(toks, m.i)
        if m.pronoun:
            if toks[m.i].key == "them":
                continue
            return _resolve_pronoun(an, m, frames, memory), None
        if prev in PREPS or prev in SPEECH | DENY | WARN | ACCUSE:
            continue
        j = m.i - 1
        while j >= 0 and toks[j].key in ("the", "a", "an"):
            j -= 1
        if j >= 0 and j in trig:
            continue  # the object of an earlier verb
        return m.actor, m.backer
    return None, None


def _targets(an, lo, hi, *, skip=()):
    toks = an.tokens
    out = []
    for m in an.actors:
        if lo <= m.i < hi and not m.pronoun and m.actor not in skip:
            prev = _prev_word(toks, m.i)
            if prev in ("with", "alongside", "by", "for", "from", "of", "to", "between", "via", "including", "told",
                        "telling"):
                continue
            out.append(m.actor)
    return out


def _look_back(toks, i, lo):
    words = []
    j = i - 1
    while j >= lo and len(words) < 6:
        if not toks[j].word and toks[j].key not in ("'",):
            break
        words.append(toks[j].key)
        j -= 1
    return words


def _modality(an, tr, frames):
    """asserted / threatened / planned / possible / denied / drop."""
    toks = an.tokens
    lo, hi = an.clause(tr.i)
    if toks[lo].key == "if" or (lo > 0 and toks[lo - 1].key == "if") or (toks[lo].key == "," and lo + 1 < len(toks) and toks[lo + 1].key == "if"):
        return "drop"
    back = _look_back(toks, tr.i, lo)
    stance = "asserted"
    if tr.pos == "verb":
        if back[:1] == ["to"]:
            head = back[1] if len(back) > 1 else ""
            if head in THREAT_TO:
                return "threatened"
            if head in PLAN_TO:
                return "planned"
            if head not in ASSERT_TO and head not in MODAL_THREAT:
                return "drop"
        if tr.tag == "ing" and not any(w in AUX | HAVE | ASSERT_TO | {"keep", "kept", "began", "started"} for w in back[:3]):
            if not (tr.i > 0 and toks[tr.i - 1].key == ","):
                return "drop"
    else:
        near = back[:4]
        if any(w in PREVENT for w in near):
            return "drop"
    if any(w in MODAL_THREAT for w in back[:4]) or any(w in THREAT_TO for w in back[:3]):
        stance = "threatened"
    elif any(w in MODAL_POSSIBLE for w in back[:4]):
        stance = "possible"
        if any(f.kind == "warn" and f.lo <= tr.i < f.hi for f in frames):
            stance = "threatened"
    if tr.pos == "verb" and any(w in NEGATION for w in back[:3]):
        stance = "denied" if stance == "asserted" else "drop"
    return stance


def _drafts_for(an, tr, frames, memory):
    toks, n = an.tokens, len(an.tokens)
    stance = _modality(an, tr, frames)
    if stance == "drop":
        return []
    lo, hi = an.clause(tr.i)
    trig_text = _text(an, tr.i, tr.j)
    actors, target, backer = [], None, None
    locate = True
    prev = toks[tr.i - 1].key if tr.i > 0 else ""
    if tr.pos == "noun":
        # "came under attack from X and Y": X and Y act, the subject is the target
        if prev == "under" and tr.i >= 2 and toks[tr.i - 2].key in ("came", "come", "comes", "coming"):
            agents = _agents(an, tr.j, ("from", "by"))
            if not agents:
                return []
            target, _ = _subject(an, tr.i - 2, frames, memory)
            return [Draft(tr.i, tr.category, a, target, stance=stance, trigger=trig_text, clause=(lo, hi))
                    for a in agents]
        j = tr.i - 1
        while j >= 0 and toks[j].word and toks[j].key in DETERMINERS - {"the", "a", "an", "any", "no", "such", "this", "that", "these", "those", "their", "its"}:
            j -= 1
        adj = next((m for m in an.actors if m.j == j + 1 and not m.pronoun and not m.held and j >= 0), None)
        det_i = (adj.i - 1) if adj else j
        while det_i >= 0 and toks[det_i].key in DETERMINERS - {"the", "a", "an", "any", "no", "such", "this", "that", "these", "those", "their", "its"}:
            det_i -= 1
        det = toks[det_i].key if det_i >= 0 else ""
        of = _agents(an, tr.j, ("by", "of", "from") if tr.category in ("advance", "withdraw", "deploy", "support", "capture") else ("by", "from"), direct=True)
        if adj is not None and det not in ("the", "this", "that", "these", "those"):
            actors = [adj.actor]
            backer = adj.backer
        elif of:
            actors = of
        else:
            light = det_i if det_i >= 0 and toks[det_i].key in LIGHT else det_i - 1
            if light >= 0 and toks[light].key in LIGHT and det not in ("the", "this", "that", "these", "those"):
                if toks[light].key in ("face", "faces", "faced", "facing"):
                    warn = [f for f in frames if f.kind in ("warn", "speech") and f.lo <= tr.i < f.hi and f.actor]
                    if not warn:
                        return []
                    target, _ = _subject(an, light, frames, memory)
                    return [Draft(tr.i, tr.category, warn[0].actor, target, stance="threatened", trigger=trig_text,
                                  clause=(lo, hi))]
                if toks[light].key == "with":
                    return []
                actor, backer = _subject(an, light, frames, memory)
                actors = [actor] if actor else []
            elif adj is not None and (tr.i + 1 >= n or toks[tr.i + 1].key in ("of", "on", "against", "in", ",")) and det != "the":
                actors = [adj.actor]
        if not actors:
            return []
        if tr.category in ("meet", "support"):
            locate = tr.category != "meet"
        tg = _targets(an, tr.j, hi, skip=actors)
        target = tg[0] if tg else None
        return [Draft(tr.i, tr.category, a, target, backer, stance, trigger=trig_text, locate=locate, clause=(lo, hi))
                for a in actors]
    # verbs
    back = _look_back(toks, tr.i, lo)
    passive = tr.tag in ("pp", "past") and any(w in AUX for w in back[:3]) and not (back[:1] and back[0] in HAVE)
    if tr.tag in ("pp", "past") and tr.i + 1 < n and toks[tr.i + 1].key == "by" and not any(w in HAVE for w in back[:1]):
        passive = True
    if passive:
        agents = _agents(an, tr.j, ("by",))
        if not agents:
            return []
        target, _ = _subject(an, tr.i, frames, memory)
        return [Draft(tr.i, tr.category, a, target, stance=stance, trigger=trig_text, clause=(lo, hi)) for a in agents]
    if toks[tr.i].key in ("fell", "fall", "falls", "fallen") and tr.j < n and toks[tr.j].key == "to":
        agents = _agents(an, tr.j, ("to",))
        return [Draft(tr.i, "capture", a, None, stance=stance, trigger=trig_text, clause=(lo, hi)) for a in agents]
    actor, backer = _subject(an, tr.i, frames, memory)
    if actor is None:
        return []
    nxt = toks[tr.j].key if tr.j < n else ""
    if tr.category == "clash" and nxt in ("with", "alongside") and tr.tag == "ing":
        return []
    tg = _targets(an, tr.j, hi, skip=(actor,))
    target = tg[0] if tg else None
    if tr.category == "meet":
        locate = False
    return [Draft(tr.i, tr.category, actor, target, backer, stance, trigger=trig_text, locate=locate, clause=(lo, hi))]


def _agents(an, j, preps, *, direct=False):
    """Actors after "by"/"from" at token ``j`` ("from Russian jets and Syrian forces")."""
    toks, n = an.tokens, len(an.tokens)
    k = j
    limit = j + (2 if direct else 5)
    while k < n and k < limit and toks[k].key not in preps:
        if not toks[k].word:
            return []
        k += 1
    if k >= n or toks[k].key not in preps:
        return []
    k += 1
    out = []
    while k < n:
        while k < n and toks[k].key in ("the", "a", "an"):
            k += 1
        m = next((m for m in an.actors if m.i == k and not m.pronoun), None)
        if m is None:
            break
        out.append(m.actor)
        k = m.j
        if k < n and toks[k].key == "and":
            k += 1
            continue
        break
    return out


def _coref_nouns(an, memory, lexicon):
    """"the ministry", "the group" -> the last actor of that kind named in the document."""
    toks = an.tokens
    covered = {k for m in an.actors for k in range(m.i, m.j)}
    for m in an.actors:
        if not m.pronoun:
            a = lexicon.actor(m.actor)
            if "Ministry" in a.name or a.type == "government_body":
                memory.by_word["ministry"] = a.name
            if a.type == "non_state_armed_group":
                memory.by_word["group"] = a.name
    for k, t in enumerate(toks):
        if t.key in ("ministry", "group") and k > 0 and toks[k - 1].key == "the" and k not in covered:
            name = memory.by_word.get(t.key)
            if name:
                an.actors.append(ActorMention(k - 1, k + 1, name))
    an.actors.sort(key=lambda m: m.i)
