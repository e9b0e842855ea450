"""Modality of an action: asserted, threatened, planned, possible, denied, or not an event.

"will/would strike" and "threatened to" give threatened, "plans to" planned,
"could/might" possible; a purpose infinitive ("fighting to oust"), an
"if" clause, "to avoid clashes" and coordinated infinitives ("to drive X out
and seize Y") are not events; negation gives denied.
"""

from __future__ import annotations

from .participants import subject_position
from .wordclasses import (ADVERBS, ASSERT_TO, AUX, DENY, DETERMINERS, HAVE, MODAL_POSSIBLE, MODAL_THREAT, NEGATION, PERCEIVE,
                          PLAN_TO, PREVENT, SPEECH, THREAT_TO)

# "the force is to deploy", "troops are due to arrive": what is arranged to happen (talks "due to
# meet in Geneva" stay a venue)
_BE_TO = frozenset({"is", "are", "due"})

__all__ = ["modality", "look_back", "denies_previous", "threat_across_phrase"]


# "denies firing", "admitted shelling", "before withdrawing": the gerund is the action itself
_GERUND_HEADS = AUX | HAVE | ASSERT_TO | DENY | {"keep", "kept", "began", "started", "admitted", "admits",
                                                "acknowledged", "acknowledges", "confirmed", "confirms",
                                                "before", "after", "while", "since"}
_NO_EVENT = frozenset(("any", "no", "avoid", "prevent", "avert"))

def look_back(toks, i, lo):
    words = []
    j = i - 1
    while j >= lo and len(words) < 6:
        if not toks[j].word and toks[j].key in ('"', "'", "“", "”", "‘", "’"):
            j -= 1
            continue
        if not toks[j].word:
            break
        words.append(toks[j].key)
        j -= 1
    return words


_PLANNED_ADJ = frozenset({"planned", "proposed", "upcoming", "scheduled", "announced", "intended"})
_PHRASE_OPENERS = frozenset({"in", "on", "at", "during", "via", "through", "over", "from", "again", "publicly",
                             "openly", "repeatedly", "also"})


def threat_across_phrase(toks, i, lo):
    """The threat verb of "threatened in a video posted online to attack ..." (a threat verb, a
    short phrase, then "to" before the verb at ``i``): its token index, or None."""
    for x in range(i - 3, max(lo, i - 10) - 1, -1):
        if not toks[x].word:
            return None
        if toks[x].key in THREAT_TO:
            return x if toks[x + 1].key in _PHRASE_OPENERS else None
    return None


_CLAIM_NOUNS = {"claim", "claims", "report", "reports", "allegation", "allegations", "accusation", "accusations",
                "it", "this", "that", "charge", "charges", "account", "statement",
                # "Hezbollah has denied any involvement": in the events just told
                "involvement", "responsibility", "role", "part"}


def denies_previous(an, f):
    words = [t.key for t in an.tokens[f.lo:f.hi] if t.word][:3]
    while words and words[0] in ("the", "these", "those", "such", "any", "all", "israeli", "russian"):
        words = words[1:]
    return bool(words) and words[0] in _CLAIM_NOUNS


def _coordinated_infinitive(toks, k, places=()):
    """True when the "and" at ``k`` joins a purpose infinitive: "to drive X out ..., and seize Y"."""
    j = k - 1
    while j >= 0 and k - j <= 14:
        key = toks[j].key
        if key in (";", ".") or key in SPEECH:
            return False
        if key == "to" and j + 1 < k and toks[j + 1].word and toks[j + 1].key not in DETERMINERS and not toks[j + 1].key.isdigit() and j + 1 not in places:
            head = toks[j - 1].key if j > 0 else ""
            return head not in THREAT_TO | PLAN_TO | ASSERT_TO | MODAL_THREAT
        j -= 1
    return False


_EQUIPMENT = frozenset(("weapons", "arms", "ammunition", "vehicles", "equipment", "supplies", "cash", "money",
                        "documents", "cargo", "fuel", "food", "trucks", "motorcycles", "livestock", "cattle"))
_SEEN = SPEECH | PERCEIVE | {"showed", "shows"}


def _seen_doing(an, tr):
    """An actor right before the -ing verb is the object of a report or a sighting."""
    a = next((a for a in an.actors if a.j == tr.i and not a.pronoun), None)
    return a is not None and a.i > 0 and an.tokens[a.i - 1].key in _SEEN


_ANSWERABLE = frozenset({"responsible", "accountable", "liable"})


def _described(toks, k):
    """Whether the verb at ``k`` is in a non-restrictive relative clause that describes an actor
    ("the Houthis, who control Sanaa, ..."): background, not news."""
    j = k - 1
    while j > 0 and (toks[j].key in ADVERBS or toks[j].key in AUX or toks[j].key in HAVE):
        j -= 1
    return j >= 1 and toks[j].key in ("who", "which") and toks[j - 1].key == ","


_HESITATE = frozenset({"hesitate", "hesitated", "hesitates"})


def modality(an, tr, frames, lexicon=None):
    """asserted / threatened / planned / possible / denied / drop.

    An action told in the future tense takes its category's ``future`` stance from
    ``data/actions.csv``: "would strike" is threatened, "will be sent to" planned."""
    toks = an.tokens
    lo, hi = an.clause(tr.i)
    if toks[lo].key == "if" or (lo > 0 and toks[lo - 1].key == "if") or (toks[lo].key == "," and lo + 1 < len(toks) and toks[lo + 1].key == "if"):
        return "drop"
    back = look_back(toks, tr.i, lo)
    stance = "asserted"
    if toks[lo].key == "since" and lo + 1 < tr.i:
        return "drop"  # "since the group seized Bukavu in January": a past event dating another
    if toks[lo].key == "until" and tr.i > lo + 1 and toks[tr.i - 1].key in ("is", "are"):
        return "drop"  # "until every inch of the homeland is liberated": a goal, not an event
    if tr.tag == "ing" and toks[tr.i].key == "leaving" and tr.i > 0 and toks[tr.i - 1].key == ",":
        return "drop"  # "..., leaving the junta with a few enclaves": a consequence, not a retreat
    if tr.category == "capture" and tr.pos == "verb" and tr.j < len(toks) and toks[tr.j].key in _EQUIPMENT:
        return "drop"  # "seized weapons and vehicles": spoils, not ground
    if tr.category == "control" and (any(t.key in _ANSWERABLE for t in toks[tr.j:tr.j + 6])
                                     or _described(toks, tr.i)):
        return "drop"  # "holds the air force responsible": blame, not ground held
    if tr.pos == "verb":
        if not _NO_EVENT.isdisjoint(back[:4]):
            return "drop"
        if back[:1] == ["and"] and _coordinated_infinitive(toks, tr.i - 1, an.place_tokens):
            return "drop"
        if back[:1] == ["to"]:
            head = back[1] if len(back) > 1 else ""
            if head in _HESITATE and not NEGATION.isdisjoint(back[2:4]):
                return "threatened"  # "will not hesitate to strike": a threat, not a denial
            if head in THREAT_TO or threat_across_phrase(toks, tr.i, lo) is not None:
                return "threatened"
            if head in PLAN_TO or head in _BE_TO and tr.category != "meet":
                return "planned"  # ... and "is to deploy its first battalion", "are due to arrive"
            if head not in ASSERT_TO and head not in MODAL_THREAT:
                return "drop"
        if tr.tag == "ing" and _seen_doing(an, tr):
            pass  # "sources reported RSF columns moving towards El Obeid": what was seen or reported
        elif tr.tag == "ing" and any(a.j == tr.i and not a.pronoun and not a.held and subject_position(toks, a.i)
                                     for a in an.actors):
            pass  # "Russian forces pushing towards Kostiantynivka, says ...": a headline's participle
        elif tr.tag == "ing" and _GERUND_HEADS.isdisjoint(back[:3]):
            if tr.i > 0 and toks[tr.i - 1].key == "of" and any(
                    f.kind == "accuse" and f.lo <= tr.i < f.hi for f in frames):
                return "asserted"  # "accused the army of bombing ...": the action accused of
            if not (tr.i > 0 and toks[tr.i - 1].key == ","):
                return "drop"
            if tr.category == "attack" and any(o.i < tr.i and o.category in ("attack", "clash") for o in an.triggers):
                return "drop"  # "..., killing 15 civilians": the consequence of the attack just named
    else:
        near = back[:4]
        if not PREVENT.isdisjoint(near) and not (PREVENT.intersection(near) == {"any"} and any(
                f.kind == "deny" and f.lo <= tr.i < f.hi for f in frames)):
            return "drop"  # (but "denied carrying out any shelling": the denied event)
        if not _PLANNED_ADJ.isdisjoint(near[:3]):
            return "planned"  # "the planned deployment of an Egyptian contingent"
    # set tests, not any() over generators: this runs for every action of every sentence
    if not THREAT_TO.isdisjoint(back[:3]):
        stance = "threatened"
    elif not MODAL_THREAT.isdisjoint(back[:4]):
        stance = lexicon.action_info(tr.category, "future", "threatened") if lexicon is not None else "threatened"
    elif not MODAL_POSSIBLE.isdisjoint(back[:4]):
        stance = "possible"
        if any(f.kind == "warn" and f.lo <= tr.i < f.hi for f in frames):
            stance = "threatened"
    if tr.pos == "verb" and not NEGATION.isdisjoint(back[:3]):
        stance = "denied" if stance == "asserted" else "drop"
    return stance
