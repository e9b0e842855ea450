"""Who did it, when the clause's own subject does not say.

* a bare unnamed attacker opening its own clause ("..., drones hit Kosti"),
  or modified after its noun ("gunmen armed with machetes had struck ...");
* "a drone launched by the Houthis hit ...";
* an action noun that is the object of a defence or a report ("repelled an
  attack on its positions", "reports heavy clashes in Zawiya"), or that heads
  its clause's subject ("an airstrike hit a hospital");
* a "by" phrase that names no actor ("surrounded by water", "hit by floods");
* the author of an attack named after it ("residents blamed the strike on
  the SAF", "the attackers were CODECO militiamen").
"""

from __future__ import annotations

import re

from .speakers import speaker_left as _speaker_left
from .participants import UNNAMED_ATTACKERS as _UNNAMED_ATTACKERS
from .wordclasses import ADVERBS, AUX, DETERMINERS, HAVE, MUNITION_KINDS, PREPS

__all__ = ["UNNAMED_FIGHTERS", "actor_at", "article_before", "blame_previous", "heads_subject", "launched_by",
           "modified_attacker", "named_non_actor_agent", "unnamed_object", "unnamed_subject"]


_CLAUSE_OPENERS = frozenset({",", ";", ":", "and", "but", "while", "as", "when", "after", "—", "–"})


def unnamed_subject(an, k, lo):
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


def blame_previous(an, memory, lexicon, frames):
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
            author = actor_at(an, noun.j + 1, noun.j + 2)
        elif t.key in ("blamed", "blaming", "blames", "blame") and k > 0 and toks[k - 1].key in ("which", "who", ","):
            author = actor_at(an, k + 1, k + 2)  # "..., which blamed the ELN", ", blaming the RSF"
        elif t.key in ("blamed", "blame") and k > 0 and not any(tr.i > k for tr in an.triggers
                                                                if tr.category in ("attack", "clash")):
            author = actor_at(an, k + 1, k + 2)  # "Residents blamed the National Liberation Army."
            if author is None:
                # "The police blamed the Jaime Martínez front, a faction of the FARC dissidents": a
                # unit the lexicon lacks, named by the group it belongs to
                part = _PART_OF.search(lower, toks[k].end, toks[min(n - 1, k + 10)].end)
                if part is not None:
                    author = next((m for m in an.actors if not m.pronoun and toks[m.i].start >= part.end()
                                   and toks[m.i].start <= part.end() + 5), None)
        elif t.key in ("holds", "held", "holding", "hold"):
            author = actor_at(an, k + 1, k + 2)  # "it holds the Sudanese air force responsible"
            if author is None or not any(x.key == "responsible" for x in toks[author.j:author.j + 2]):
                continue
        elif t.key in _ATTACKERS and toks[k + 1].key in ("were", "was") and k > 0 \
                and toks[k - 1].key in ("the", "their"):
            author = actor_at(an, k + 2, k + 4)  # "the attackers were (members of) CODECO militiamen"
        if author is None:
            continue
        frame = next((f for f in frames if f.kind == "speech" and f.lo <= k < f.hi and f.speaker), None)
        source = (frame.speaker,) if frame is not None else _speaker_left(an, k, lexicon)
        memory.blame_previous = (author.actor, source[0] if source else None)
        return


_PART_OF = re.compile(r",\s+(?:a|an|the)\s+(?:\w+\s+)?(?:faction|unit|wing|branch|affiliate|splinter group|cell|"
                      r"offshoot|front|battalion|brigade)\s+(?:of|linked to|loyal to)\s+")
_BLAME_HINT = re.compile(r"attributed|blam|ascribed|\bhold|\bheld|attackers|gunmen|assailants|raiders|perpetrators")


_ATTACKERS = frozenset({"attackers", "gunmen", "assailants", "raiders", "perpetrators"})


# what may follow an unnamed attacker in its own noun phrase ("gunmen armed with machetes")
_POST_MODIFIERS = frozenset({"armed", "riding", "wearing", "carrying", "dressed", "on", "in", "at", "near", "outside",
                             "with", "believed",
                             "suspected", "thought", "linked", "loyal", "belonging", "travelling", "traveling"})


_LAUNCHED = frozenset({"launched", "fired", "sent", "flown", "operated", "dropped", "piloted", "belonging"})


def launched_by(an, lo, k):
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


UNNAMED_FIGHTERS = frozenset({"gunmen", "fighters", "militants", "insurgents", "assailants", "attackers", "groups",
                               "factions", "militias", "militiamen"})


def modified_attacker(an, lo, j):
    """The unnamed attacker whose post-modifier ends at ``j`` ("gunmen armed with machetes and a
    few rifles had struck ..."), else ``j``."""
    toks = an.tokens
    for g in range(j - 1, max(lo - 1, j - 10), -1):
        # ("missiles launched from Lebanon struck Nahariya": where they came from is no author)
        if toks[g].key in _UNNAMED_ATTACKERS and (toks[g + 1].key in _POST_MODIFIERS or toks[g + 1].key in _LAUNCHED):
            return g
        if not toks[g].word or toks[g].key not in _POST_MODIFIERS and any(t.i == g for t in an.triggers):
            return j
    return j


def actor_at(an, *starts):
    """The actor named at one of token indexes ``starts`` (after "the"), or None."""
    return next((m for m in an.actors if m.i in starts and not m.pronoun), None)


def article_before(toks, det_i):
    """Where the noun phrase of a nominal trigger opens: at "a"/"an" up to two plain modifiers
    back ("a sea drone attack", "an overnight missile strike"), else right after ``det_i``."""
    k = det_i
    while (k >= 0 and det_i - k < 2 and toks[k].word and toks[k].key not in DETERMINERS
           and toks[k].key not in PREPS and toks[k].key not in ("of", "and", "or", "than")):
        k -= 1
    return k if k >= 0 and k != det_i and toks[k].key in ("a", "an") else det_i + 1


def unnamed_object(an, tr, det_i, lo):
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


def named_non_actor_agent(an, tr, lexicon):
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


def heads_subject(an, tr, lexicon):
    """Whether the noun ends its phrase and a verb or preposition follows ("an airstrike hit",
    "shelling on Kharkiv"), not a modifier of another noun ("fire points", "strike aircraft")."""
    toks = an.tokens
    if tr.j >= len(toks) or not toks[tr.j].word:
        return False
    nxt = toks[tr.j].key
    return nxt in PREPS or nxt == "in" or nxt in AUX or nxt in HAVE or any(
        f.pos == "verb" for f in lexicon.forms.get((nxt,), ()))
