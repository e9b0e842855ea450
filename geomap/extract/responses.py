"""An attack and the answer to it in one sentence: a clash, not two events.

Reports of small-unit fighting tell one exchange in two halves: "soldiers came
under fire in Balata and returned fire", "gunmen attacked the post but were
pushed back", "an RSF assault on Dilling was repulsed". Mapped as written,
the first half gives an attack (often with no author) and the second either
nothing (a passive with no agent) or a second event at the same place. An
analyst maps a clash between the two sides: in place of an attack with no
author, beside an attack whose author is named.

Only sentence-internal halves are joined, and only by the answering verbs
(:data:`_ANSWER` active, :data:`_REPULSE` in the passive); "repelled an attack
by JNIM" (the attack as the verb's object) already reads as a clash and keeps
its attack, whose author becomes the clash's other side.
"""

from __future__ import annotations

from dataclasses import replace

__all__ = ["join_responses", "responder"]

# first words of the answering verbs as tokens ("returned fire", "fought back")
_ANSWER = {("returned", "fire"), ("return", "fire"), ("returning", "fire"), ("returns", "fire"),
           ("fought", "back"), ("fight", "back"), ("fighting", "back"), ("fights", "back")}
_REPULSE = {"repulsed", "repelled", "pushed", "beaten", "beat", "driven", "drove", "forced", "fended", "fought",
            "held"}
_PASSIVE_AUX = {"was", "were", "been", "being", "is", "are", "be", "got", "get"}
_HAVE = {"had", "has", "have", "having"}
_BETWEEN_AUX = {"later", "eventually", "quickly", "soon", "finally", "successfully", "reportedly", "all", "also",
                "then"}


def _passive(toks, i):
    """True when the verb at ``i`` follows a form of "be" (adverbs may stand between)."""
    k = i - 1
    while k >= 0 and toks[k].key in _BETWEEN_AUX:
        k -= 1
    return k >= 0 and toks[k].key in _PASSIVE_AUX


# what may stand before a passive answer whose subject is the attacker: a conjunction (the
# subject is the previous clause's, "attacked ... but were pushed back") or a pronoun
_ELIDED = {"but", "and", "before", "after", "then", "until", ",", "they", "it", "he", "she", "which", "who", "them"}


def _attacker_is_subject(an, tr, attack):
    """Whether the passive answer at ``tr`` is said of the attacker or its attack ("but were pushed
    back", "an RSF assault on El Obeid was repulsed"), not of something else ("the talks were
    pushed back")."""
    toks = an.tokens
    k = tr.i - 1
    while k >= 0 and (toks[k].key in _BETWEEN_AUX or toks[k].key in _PASSIVE_AUX or toks[k].key in _HAVE):
        k -= 1
    if k < 0:
        return False
    if toks[k].key in _ELIDED:
        return True
    if any(m.j == k + 1 and m.actor == attack.actor for m in an.actors):
        return True
    trigger = next((t for t in an.triggers if t.i == attack.k), None)
    # the attack noun heads the subject; its modifiers ("on El Obeid") stand between
    if trigger is None or trigger.pos != "noun" or not 0 <= k + 1 - trigger.j <= 5:
        return False
    return all(toks[x].word for x in range(trigger.j, k + 1)) and not any(
        trigger.j <= t.i <= k for t in an.triggers)


# an armed side's answer told without a verb of fighting: "Indian forces responded in a calibrated
# manner", "Pakistani troops 'responded befittingly'", "the army retaliated"
_RESPONDED = frozenset({"responded", "responds", "respond", "responding", "retaliated", "retaliates", "retaliate",
                        "retaliating", "reacted"})
_ARMED = frozenset({"state_forces", "non_state_armed_group"})


def _responders(an, lexicon):
    """(token index, token, actor mention) of each armed side's "responded"/"retaliated"."""
    toks = an.tokens
    for k, t in enumerate(toks):
        if t.key not in _RESPONDED or k + 1 < len(toks) and toks[k + 1].key == "to" and k + 2 < len(toks) \
                and toks[k + 2].key in ("questions", "calls", "requests", "criticism", "reports", "claims"):
            continue
        j = k - 1
        while j >= 0 and (toks[j].key in _BETWEEN_AUX or toks[j].key in _HAVE or toks[j].key == '"'):
            j -= 1
        who = next((m for m in an.actors if m.j == j + 1 and not m.pronoun and m.actor), None)
        if who is None or lexicon is None or lexicon.actor(who.actor).type not in _ARMED:
            continue
        yield k, t, who


def responder(an, lexicon):
    """The armed side that "responded" or "retaliated" in this sentence (an actor name), or None:
    the answer to an attack the sentence before told ("... opened fire on border posts near
    Chaman. Pakistan's security forces responded effectively")."""
    if not ("espond" in an.text or "etaliat" in an.text or "eacted" in an.text):
        return None
    return next((who.actor for _k, _t, who in _responders(an, lexicon)), None)


def _answered(an, out, lexicon):
    """The drafts with each attack that an armed side "responded" to joined into a clash."""
    for k, t, who in _responders(an, lexicon):
        # the attack told before, or the one answered: "responded befittingly to unprovoked firing by X"
        to = next((x for x in range(k + 1, min(k + 4, len(an.tokens))) if an.tokens[x].key == "to"), None)
        attack = next((d for d in reversed(out) if d.category == "attack" and (d.k < k or to is not None
                                                                               and to < d.k <= to + 6)
                       and d.actor and d.actor != who.actor and d.stance not in ("denied", "threatened")), None)
        if attack is None or any(d.category == "clash" and d.k == attack.k for d in out):
            continue
        joined = replace(attack, category="clash", target=who.actor,
                         trigger=f"{attack.trigger} ... {t.key}")
        out.insert(out.index(attack) + 1, joined)
    return out


def join_responses(an, drafts, lexicon=None):
    """Join an attack and its answer in the same sentence into one clash draft.

    Parameters
    ----------
    an : Analysis
        The sentence (its tokens and triggers).
    drafts : list of Draft
        The sentence's drafts, after their frames set stance and claimant.

    Returns
    -------
    list of Draft
        ``drafts`` with each joined pair replaced by one clash at the attack's
        trigger (its clause places it); the others unchanged.
    """
    toks = an.tokens
    out = list(drafts)
    for tr in an.triggers:
        if tr.category != "clash" or tr.pos != "verb":
            continue
        pair = (toks[tr.i].key, toks[tr.i + 1].key if tr.i + 1 < len(toks) else "")
        answer = pair in _ANSWER
        reply = next((d for d in out if d.k == tr.i and d.category == "clash"), None)
        if not answer and toks[tr.i].key in _REPULSE and not _passive(toks, tr.i):
            # "repelled an attack by JNIM": the attack's author is the clash's other side
            obj = next((d for d in out if d.category == "attack" and tr.j <= d.k <= tr.j + 4), None)
            if reply is not None and obj is not None and reply.target is None and obj.actor != reply.actor:
                out = [replace(d, target=obj.actor) if d is reply else d for d in out]
            continue
        if not answer and not (toks[tr.i].key in _REPULSE and _passive(toks, tr.i)):
            continue
        attack = next((d for d in reversed(out) if d.category == "attack" and d.k < tr.i
                       and d.stance not in ("denied", "threatened")), None)
        if attack is None or not answer and not _attacker_is_subject(an, tr, attack):
            continue
        if answer and reply is not None and reply.actor not in (None, attack.target, attack.actor):
            # "gunmen attacked a convoy and soldiers elsewhere returned fire on a third party"
            continue
        if attack.actor is None:
            # "came under fire and returned fire": the side fired on is the side named
            actor, target = (reply.actor if reply is not None else None) or attack.target, None
        else:
            actor, target = attack.actor, attack.target
            if target is None and reply is not None and reply.actor != attack.actor:
                target = reply.actor
        if actor is None:
            continue
        joined = replace(attack, category="clash", actor=actor, target=target,
                         trigger=f"{attack.trigger} ... {an.text[toks[tr.i].start:toks[tr.j - 1].end]}")
        if attack.actor is None:
            out = [joined if d is attack else d for d in out if d is not reply]
        else:
            # the attack was made, and fought: both are kept ("attacked a base before being
            # pushed back" is an attack on the base and a clash there)
            out = [d for d in out if d is not reply]
            out.insert(out.index(attack) + 1, joined)
    text = an.text
    if "espond" in text or "etaliat" in text or "eacted" in text:  # cheaper than a regex per sentence
        out = _answered(an, out, lexicon)
    return out
