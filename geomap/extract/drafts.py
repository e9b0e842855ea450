"""The draft events of one action trigger: who acted, on whom, and with what stance.

A trigger of an analysed sentence (an action verb or noun) gives zero or more
:class:`Draft` events, before the sentence's attribution frames and placing:

* nouns take their actor from an adjective ("a jihadi offensive"), a "by",
  "of" or "from" phrase, the subject of a light verb ("launched an attack",
  "carried out a series of drone strikes"), "came under attack from X",
  "kept Djibo under blockade", "clashes between X and Y", "X claimed a
  missile attack";
* verbs take their subject (across coordination), a passive's agents, who
  follows "fell to"/"lost X to", or the one accused ("accused Russia of
  shelling");
* a definite noun ("carried out the attack") refers back to an event told
  before (``Draft.back``).

Who acted when no subject names it comes from :mod:`.authors`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .authors import (UNNAMED_FIGHTERS as _UNNAMED_FIGHTERS, actor_at as _actor_at, article_before as _article_before,
                      heads_subject as _heads_subject, launched_by as _launched_by,
                      modified_attacker as _modified_attacker, named_non_actor_agent as _named_non_actor_agent,
                      unnamed_object as _unnamed_object, unnamed_subject as _unnamed_subject)
from .lexicon import SAME_PARTICIPLE
from .modality import look_back, modality, threat_across_phrase
from .participants import (UNNAMED_ATTACKERS as _UNNAMED_ATTACKERS, agents as _agents, between_after as _between_after,
                           co_subjects as _co_subjects,
                           passive_subject as _passive_subject, subject as _subject,
                           subject_position as _subject_position, targets as _targets, threatener as _threatener)
from .triggers import FALL, LOSE, MUNITIONS, impact as _impact, to_agent as _to_agent
from .wordclasses import ADVERBS, AUX, DETERMINERS, HAVE, LIGHT, MODAL_THREAT, PLAN_TO, THREAT_TO

__all__ = ["CLAIM_VERBS", "Draft", "FORCE_NOUNS", "drafts_for", "intercepted", "span_text"]


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


def span_text(an, i, j):
    return an.text[an.tokens[i].start:an.tokens[j - 1].end]


# quantities of an action: "a series of drone strikes", "a wave of raids"
_QUANTITY = frozenset({"series", "wave", "waves", "spate", "string", "barrage", "volley", "salvo", "round", "rounds",
                       "flurry", "succession", "number", "couple", "dozens", "hundreds", "scores", "handful"})


# nouns of intent whose owner would act: "al-Shabaab's threats to attack", "the RSF's plans to storm"
_INTENT_NOUNS = frozenset({"threat", "threats", "plan", "plans", "vow", "vows", "pledge", "pledges", "bid",
                           "intention", "intentions"})
_EXTEND = frozenset({"extend", "extended", "extends", "extending"})
_FULL = frozenset({"full", "complete", "total", "effective", "firm", "overall"})
_BE_IN = frozenset({"is", "are", "was", "were", "be", "been", "remain", "remains", "remained", "remaining"})
_COMPLETE = frozenset({"complete", "completed", "completes", "completing"})
_MOVES = frozenset({"deploy", "withdraw", "advance"})
# verbs that plan a movement named with its own complement ("ordered the deployment of 1,000 troops to Bunia") ...
_ORDER = frozenset({"order", "ordered", "orders", "ordering", "approve", "approved", "approves", "authorise",
                    "authorised", "authorises", "authorize", "authorized", "authorizes"})
# ... and that make it news rather than the one told before ("announced the withdrawal of its troops from Kherson")
_ANNOUNCE = _ORDER | {"announce", "announced", "announces", "announcing"}


def _moved_to(toks, j, hi):
    """Whether the words after a movement noun are "of <some troops> to/into/from <somewhere>"."""
    if j >= hi or toks[j].key != "of":
        return False
    return any(toks[x].key in ("to", "into", "from") for x in range(j + 2, min(hi, j + 8)))


_FAIR = frozenset({"legitimate", "legal", "lawful", "fair", "military", "priority"})


def drafts_for(an, tr, frames, memory):
    toks, n = an.tokens, len(an.tokens)
    stance = modality(an, tr, frames, memory.lexicon)
    if stance == "drop":
        return []
    lo, hi = an.clause(tr.i)
    trig_text = span_text(an, tr.i, tr.j)
    if tr.category == "attack" and toks[tr.i].key in ("target", "targets") and tr.i and toks[tr.i - 1].key in _FAIR:
        # "... warn that Nyala and its airports will be legitimate targets": the warner's threat
        warn = [f for f in frames if f.kind in ("warn", "speech") and f.lo <= tr.i < f.hi]
        # (a statement's "The Armed Forces warn ...": its issuer's)
        who = (warn[-1].actor or memory.turn[1]) if warn else None
        return [Draft(tr.i, tr.category, who, None, stance="threatened", trigger=trig_text,
                      clause=(lo, hi))] if who else []
    actors, target, backer = [], None, None
    locate = True
    news = False
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
        if tr.category == "control" and (prev == "in" or prev in _FULL and tr.i >= 2 and toks[tr.i - 2].key == "in"):
            # "its forces ... were in full control of the area": the copula's subject holds it
            v = tr.i - (2 if prev == "in" else 3)
            while v > lo and (toks[v].key in ADVERBS or toks[v].key in ('"', "“", "now", "still")):
                v -= 1
            if v >= lo and toks[v].key in _BE_IN:
                actor, backer = _subject(an, v, frames, memory)
                if actor:
                    return [Draft(tr.i, tr.category, actor, None, backer, stance, trigger=trig_text,
                                  clause=(lo, hi))]
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
        if adj is None and det_i >= 1 and toks[det_i].word and toks[det_i].key not in DETERMINERS:
            # "conducted an intelligence-based operation", "launched a sea drone attack": the
            # article before the noun's modifiers
            a = _article_before(toks, det_i)
            if a <= det_i:
                det_i = a
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
            if tr.category in _MOVES and det in _DEFINITE and _moved_to(toks, tr.j, hi):
                # "ordered the deployment of two battalions to Bunia": news, by its own complement
                news = True
                if det_i >= 1 and toks[det_i - 1].key in _ORDER:
                    stance = "planned"
        else:
            light = det_i if det_i >= 0 and toks[det_i].key in LIGHT else det_i - 1
            if light >= 1 and toks[light].key == "out" and toks[light - 1].key in LIGHT:
                light -= 1  # "carried out an airstrike", "carrying out raids"
            if 0 <= light < n - 1 and (toks[light].joined or toks[light + 1].joined):
                light = -1  # "a face-to-face meeting": part of a compound, no light verb
            extended = light >= 0 and toks[light].key in _EXTEND and tr.j < n and toks[tr.j].key in ("to", "into")
            # "ordered the deployment of 1,000 troops to Bunia": the movement's own complement says it
            # is news, not the one told before
            moved = light >= 0 and tr.category in _MOVES and _moved_to(toks, tr.j, hi)
            if moved and toks[light].key in _ANNOUNCE:
                light_ok = True
            else:
                light_ok = light >= 0 and toks[light].key in LIGHT
            if (light_ok and toks[light].key not in _COMPLETE and det in _DEFINITE and not moved
                    and toks[light].key not in ("face", "faces", "faced", "facing", "with") and not extended):
                # "the RSF carried out the attack": the author of the attack told before
                actor, backer = _subject(an, light, frames, memory)
                return [Draft(tr.i, tr.category, actor, None, backer, stance, trigger=trig_text, clause=(lo, hi),
                              back="drop")] if actor else []
            if light >= 0 and (light_ok or toks[light].key in _PREPARE) and (det not in (
                    "the", "this", "that", "these", "those") or toks[light].key in _COMPLETE and tr.j < n
                    and toks[tr.j].key in ("of", "from") or extended or moved):
                # ... "extended the blockade to Sikasso": the same action, in a new place
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
                if lb[:1] == ["to"] and len(lb) > 1 and lb[1] in PLAN_TO or toks[light].key in _PREPARE or (
                        moved and toks[light].key in _ORDER):
                    # ... or "was preparing a new offensive", "planned a raid", "ordered the deployment of"
                    stance = "planned"
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
        while k > lo and tr.i - k < 5 and toks[k].word and toks[k].key not in CLAIM_VERBS:
            k -= 1
        if not actors and k >= 0 and toks[k].key in CLAIM_VERBS:
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
        if not actors and det == "any":
            # "Hamas denied any attack on Israeli troops": the denier denies having attacked
            actors = [f.actor for f in frames if f.kind == "deny" and f.k < tr.i and f.lo <= tr.i < f.hi
                      and f.actor][:1]
        if not actors:
            return []
        if tr.category in ("meet", "support"):
            locate = tr.category != "meet"
        tg = _targets(an, tr.j, hi, skip=actors)
        target = tg[0] if tg else None
        # ("the attack was claimed by the Pakistani Taliban": the attack just told, if one was)
        back = back or ("keep" if det in _DEFINITE and not news else "")
        return [Draft(tr.i, tr.category, a, target, backer, stance, trigger=trig_text, locate=locate, clause=(lo, hi),
                      back=back) for a in actors]
    # verbs
    owner = None
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
        if not agents and toks[tr.i].key in FALL:
            # "rejected Russian claims that Stepnohirsk has fallen": whose claim it is took it
            agents = [m.actor for m in an.actors if not m.pronoun and m.j < tr.i and m.j < n
                      and toks[m.j].key in ("claims", "claim", "assertions") and toks[m.j + 1:m.j + 2]
                      and toks[m.j + 1].key == "that"][-1:]
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
                and toks[k].key not in FORCE_NOUNS and not any(m.j == k + 1 for m in an.actors)):
            return []  # "said one resident who fled to Pemba": a person, no actor of the story
        actor, backer = _subject(an, tr.i, frames, memory)
    elif back[:1] == ["to"] and len(back) > 1 and back[1] in THREAT_TO and _threatener(an, tr.i - 2, frames):
        # "Moscow said Ukrainian marines had crossed ..., and threatened to strike": the
        # threatener strikes, whoever was named in between
        actor, backer = _threatener(an, tr.i - 2, frames), None
    elif back[:1] == ["to"] and len(back) > 1 and back[1] in _INTENT_NOUNS and any(
            m.j == tr.i - 2 and not m.pronoun for m in an.actors):
        # "concern at al-Shabaab's threats to attack Kismayo": whose threat it is acts
        actor, backer = next(m.actor for m in an.actors if m.j == tr.i - 2 and not m.pronoun), None
        owner = actor  # ... and the threat or plan is its own word
    elif back[:1] == ["to"] and (v := threat_across_phrase(toks, tr.i, lo)) is not None and _threatener(an, v, frames):
        actor, backer = _threatener(an, v, frames), None  # "threatened in a video posted online to attack"
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
        if tr.category == "deploy" and tr.pos == "verb":
            # "the government says it will deploy police units to ...": whoever sends them, the
            # units named are the ones deployed
            sent = _targets(an, tr.j, hi)
            if sent and memory.lexicon.actor(sent[0]).type == "state_forces":
                return [Draft(tr.i, tr.category, sent[0], None, stance=stance, trigger=trig_text, clause=(lo, hi))]
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
    return [Draft(tr.i, tr.category, a, target, backer if a == actor else None, stance,
                  reported_by=owner if stance in ("threatened", "planned") else None, trigger=trig_text,
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


_ATTRIBUTED = {"attributed", "blamed", "credited", "ascribed"}


FORCE_NOUNS = {"troops", "forces", "soldiers", "fighters", "units", "army", "militants", "men", "brigades"}


_INTERCEPT = frozenset({"shot", "shoot", "shoots", "shooting", "intercepted", "intercept", "intercepts",
                        "intercepting", "downed", "destroyed", "neutralised", "neutralized", "repelled"})


_MUNITIONS = frozenset(MUNITIONS) | {"uavs", "uav", "aircraft", "boats"}


def intercepted(an, tr, frames, memory):
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
    return Draft(tr.i, "attack", owner.actor, None, stance=stance, trigger=span_text(an, owner.i, k + 1), clause=(lo, hi))


# "responded with artillery fire", "retaliated with airstrikes": what follows "with" is the action
_RESPOND = {"responded", "respond", "responds", "responding", "retaliated", "retaliate", "retaliates",
            "retaliating", "replied", "reply", "replies", "replying", "answered"}


CLAIM_VERBS = {"claimed", "claims", "claim", "claiming"}


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
