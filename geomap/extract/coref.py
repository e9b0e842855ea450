"""Coreference: who "it", "the group", bare "troops" and a transcript's "we" are.

Works on an :class:`~.clauses.Analysis` and the document's
:class:`~.linking.Memory` (what earlier sentences established):

* pronouns ("The SDF denied that it fired", "its troops") -> the speaker of the
  frame around them or the nearest actor named before, else the last subject;
  "its troops" of a government body -> that state's forces;
* "the ministry", "the group", "the Rwanda-backed group" -> the last actor of
  that kind named in the document;
* bare "troops", "soldiers", "the army" -> the one state force in focus;
* "the enemy", "the regime" in a party's own voice (its channel, communiqué or
  spokesman's turn) -> the armed party of another side it named last;
* transcript speaker labels ("ARMY SPOKESMAN:") -> a turn whose assertions the
  speaker's side claims, and whose "we" is that side.

:func:`coref_nouns`, :func:`coref_forces` and :func:`speaker_turn` add or fix
actor mentions in place before :mod:`.linking` links actions to them.
"""

from __future__ import annotations

import re

from .clauses import ActorMention
from .speakers import title_case as _title
from .triggers import LOSE
from .wordclasses import (ADVERBS, AFFILIATION, AUX, BOUNDARY_WORDS, DOUBLE_QUOTES, HAVE, MODAL_THREAT, OPENERS,
                          PREPS, SPEECH, WARN)

__all__ = ["coref_enemy", "coref_forces", "coref_nouns", "forces_of", "resolve_pronoun", "speaker_turn"]


def resolve_pronoun(an, m, frames, memory):
    """The actor the pronoun mention ``m`` refers to.

    Inside an attribution frame: its speaker (or the claimant after "by"); else the
    nearest actor named before it in the sentence; else ``memory.last_subject``.

    Returns
    -------
    str or None
    """
    for f in sorted(frames, key=lambda f: f.hi - f.lo):
        if (f.lo <= m.i < f.hi and not f.actor and f.speaker and f.kind != "deny_tail"
                and an.tokens[m.i].key in ("it", "its") and f.k > 0
                and (an.tokens[f.k - 1].key in _INSTITUTION_HEADS and an.text[an.tokens[f.k - 1].start].isupper()
                     and not an.text.islower()
                     # "The government says it will deploy ...": a government of no known party
                     or an.tokens[f.k - 1].key in _GOVERNMENTS and m.i == f.k + 1)
                and not any(f.k < o.i < m.i and not o.pronoun for o in an.actors)):
            # "The Presidential Council said it planned ...": a body named (in capitals) that is none of
            # the lexicon's actors, not the last actor named ("the separatist coalition said it": that one)
            return None
        if f.lo <= m.i < f.hi and f.actor and f.kind != "deny_tail":
            # "rejects claims by the ELN that its fighters ...": the claimant named after the verb
            by = [o for o in an.actors if f.k < o.i and o.j <= m.i and not o.pronoun and o.i > 0
                  and an.tokens[o.i - 1 if an.tokens[o.i - 1].key != "the" else o.i - 2].key == "by"]
            # ... or before it: "rejected the AA's claim that its fighters had captured Kyeintali"
            # (but a loss claimed is the other side's: "denied Russia's claims that its troops had
            # withdrawn from Kupiansk": the denier's troops)
            by = by or [o for o in an.actors if f.k < o.i and o.j < m.i and not o.pronoun
                        and (an.tokens[o.j - 1].poss or an.tokens[o.j].key in ("'", "’"))
                        and an.tokens[o.j + (an.tokens[o.j].key in ("'", "’"))].key in _CLAIM_NOUNS
                        and not any(t.category == "withdraw" or an.tokens[t.i].key in LOSE
                                    for t in an.triggers if m.j <= t.i < f.hi)]
            return by[-1].actor if by else f.actor
    for o in reversed([o for o in an.actors if o.j <= m.i and not o.pronoun and not o.held]):
        return o.actor
    return memory.last_subject


def forces_of(name, lexicon):
    """The state forces of a government body's country ("the ministry said its troops ..."),
    or ``name`` itself for any other actor.

    Returns
    -------
    str
    """
    actor = lexicon.actor(name)
    if actor.type != "government_body" or not actor.country:
        return name
    for other in lexicon.actors.values():
        if other.country == actor.country and other.type == "state_forces":
            return other.name
    return name


# ... and "the fighters", "the rebels": the armed group last named ("Fano units entered the town.
# The fighters withdrew at nightfall")
_ATTACKERS = frozenset({"attackers", "assailants", "raiders"})
_GROUP_NOUNS = frozenset({"group", "militia", "gang", "fighters", "militants", "insurgents", "rebels", "jihadists",
                          "paramilitaries", "militiamen"})
# the head of a body's name, by which a report refers back to it: "the National Police Service ...
# the service", "the General Command ... the command", "the Gang Suppression Force ... the force"
_CLAIM_NOUNS = frozenset({"claim", "claims", "assertion", "assertions", "allegation", "allegations", "report",
                          "reports", "statement", "account", "version"})
_GOVERNMENTS = frozenset({"government", "administration", "presidency", "ministry", "authorities", "junta"})
_INSTITUTION_HEADS = frozenset({"service", "command", "force", "mission", "movement", "front", "council",
                                "coalition", "alliance", "agency", "directorate", "brigade", "battalion",
                                "corps", "committee"})
_GROUP_ADJ = frozenset({"terrorist", "rebel", "armed", "jihadist", "militant", "insurgent", "extremist", "criminal",
                        "paramilitary", "islamist", "separatist"})


def coref_nouns(an, memory, lexicon):
    """"the ministry", "the group" -> the last actor of that kind named in the document."""
    toks = an.tokens
    # "the ministry"/"the group" are rare: look for them before building anything
    nouns = [k for k, t in enumerate(toks) if (t.key == "ministry" or t.key in _GROUP_NOUNS
                                               or t.key in _INSTITUTION_HEADS or t.key in _ATTACKERS) and k > 0]
    # "the group", and a group named by what the text calls it: "the terrorist militia", "the gang"
    hits = [k for k in nouns if toks[k - 1].key == "the" or k >= 2 and toks[k - 2].key == "the"
            and toks[k - 1].key in _GROUP_ADJ and toks[k].key != "ministry" and toks[k].key not in _INSTITUTION_HEADS]
    for k in nouns:
        # "the Rwanda-backed group", "the Iran-aligned group": the group with its backer
        if toks[k].key == "group" and k >= 3 and toks[k - 1].joined and toks[k - 1].key in AFFILIATION:
            backer = next((m for m in an.actors if m.j == k - 1 and not m.pronoun), None)
            name = memory.by_word.get("group")
            if backer is not None and name and name != backer.actor and backer.i > 0 and toks[backer.i - 1].key == "the":
                an.actors.remove(backer)
                an.actors.append(ActorMention(backer.i - 1, k + 1, name, backer=backer.actor))
    # (a generic name, "the militants", "the rebels", gives way to the group it refers back to)
    covered = {k for m in an.actors if not (m.actor or "").islower() for k in range(m.i, m.j)} if hits else ()
    # each noun refers to what was named before it: the earlier sentences' and this one's up to it
    # ("The rebels said Wazalendo militias had attacked": the rebels are not the Wazalendo)
    seen = {}
    for m in (sorted(an.actors, key=lambda m: m.i) if hits else an.actors):
        if not m.pronoun and not (hits and (m.actor or "").islower()):
            a = lexicon.actor(m.actor)
            if "Ministry" in a.name or a.type == "government_body":
                seen[m.j, "ministry"] = a.name
            last = toks[m.j - 1].key
            if last in _INSTITUTION_HEADS and m.j - m.i > 1:
                seen[m.j, last] = a.name  # "the National Police Service ... the service"
            if a.type == "non_state_armed_group":
                seen[m.j, "group"] = a.name
                for t in toks[m.i:m.j + 1]:
                    if t.key in ("militia", "gang"):  # "the Rapid Support militia ... the militia"
                        seen[m.j, t.key] = a.name
    before = dict(memory.by_word)
    for (_j, word), name in seen.items():
        memory.by_word[word] = name
    for k in hits:
        if toks[k].key == "ministry" and k + 1 < len(toks) and toks[k + 1].key in ("of", "for"):
            continue  # "the ministry of defence": a ministry named, not the one named before
        i = k - 1 - (toks[k - 1].key != "the")
        if (toks[k].key in _GROUP_NOUNS and i >= 2 and toks[i - 1].key == "," and an.text[toks[i - 2].start].isupper()
                and not any(m.j == i - 1 for m in an.actors)):
            continue  # "The CRP, the group linked to Lubanga": an apposition to a name the lexicon lacks
        if k not in covered and k - 1 not in covered:
            by_word = dict(before)
            by_word.update((word, name) for (j, word), name in seen.items() if j <= k - 1)
            # ("the attackers": the named author of the last attack told)
            name = by_word.get("attackers" if toks[k].key in _ATTACKERS else toks[k].key) or by_word.get(
                "group" if toks[k].key in _GROUP_NOUNS else "")
            if name:
                i = k - 1 - (toks[k - 1].key != "the")
                an.actors[:] = [m for m in an.actors if not (m.i < k + 1 and i < m.j)]
                an.actors.append(ActorMention(i, k + 1, name))
    an.actors.sort(key=lambda m: m.i)


# bare nouns for a state's forces ("Troops then pushed north") and what may stand before them
_BARE_FORCES = {"troops", "soldiers", "forces", "reinforcements", "army", "servicemen", "paratroopers", "units",
                "detachments", "brigades", "brigade", "battalions", "battalion", "contingent", "contingents", "unit"}
_BARE_MODS = {"the", "more", "additional", "extra", "fresh", "new", "some", "several", "many", "hundreds",
              "thousands", "dozens", "scores", "of", "other", "remaining", "ground", "regular", "security",
              "government", "a", "an", "special", "mechanised", "mechanized", "armoured", "armored",
              "newly", "formed", "newly-formed", "assault", "reserve", "another", "second", "third",
              "forces"}  # ("special forces units")
_OWN_FORCES = frozenset({"security", "government"})
_BARE_BEFORE = OPENERS | SPEECH | BOUNDARY_WORDS | {"that", "and", "by", "with", "against", "from", "to", "on", "at", "between",
                                                     "for", "had", "have", "has", "sent", "send", "deployed",
                                                     "accused", "accuse", "accuses", "blamed", "blame", "blames",
                                                     # "over the past 24 hours units repelled ..."
                                                     "hours", "day", "days", "week", "overnight", "night",
                                                     "yesterday", "today", "monday", "tuesday", "wednesday",
                                                     "thursday", "friday", "saturday", "sunday"}
_BARE_NEXT = PREPS | AUX | HAVE | SPEECH | ADVERBS | BOUNDARY_WORDS | MODAL_THREAT | {
    "in", "and", "had", "have", "then", "also", "who", "that", "did", "were", "are"}


# "-ed" words after a bare force noun that are not its verb ("troops stationed there" is one)
_ADJ_ED = frozenset({"based", "stationed", "deployed", "trained", "armed", "backed", "led", "allied", "related",
                     "linked", "supported", "equipped"})
# offices of a state that speak for its forces when no other party is named
_STATE_OFFICES = frozenset({"minister", "ministry", "government", "president", "presidency", "governor"})


def coref_forces(an, memory, lexicon):
    """Bare "troops", "soldiers", "reinforcements", "the army" -> the one state force in focus.

    The focus is what the previous sentence and this one (before the noun) named; a
    government body stands for its state's forces ("Abuja said troops had retaken ...").
    Nothing is resolved when two state forces are in focus or the noun has a modifier the
    lexicon does not know ("Kenyan troops", "security forces").
    """
    toks = an.tokens
    if any(m.scoped for m in an.actors):
        _speakers_forces(an, lexicon)
    heads = [k for k, t in enumerate(toks) if t.key in _BARE_FORCES]
    if not heads:
        return
    covered = {k for m in an.actors for k in range(m.i, m.j)}
    n = len(toks)
    for k in heads:
        if k in covered:
            continue
        j = k - 1
        while j >= 0 and (toks[j].key in _BARE_MODS or toks[j].key.replace(",", "").isdigit()):
            j -= 1
        if j >= 0 and toks[j].word and toks[j].key not in _BARE_BEFORE:
            continue  # "Kenyan troops", "security forces", "army" as a modifier
        if k + 1 < n and toks[k + 1].word and toks[k + 1].key not in _BARE_NEXT and not (
                toks[k + 1].key.endswith("ed") and toks[k + 1].key not in _ADJ_ED) and not any(
                f.pos == "verb" for f in lexicon.forms.get((toks[k + 1].key,), ())) and not any(
                t.i == k + 1 and t.pos == "verb" for t in an.triggers):  # ("troops sent six militants to hell")
            continue  # "army officers", "troops withdrawal": part of another noun phrase
        if k + 2 < n and toks[k + 1].key in ("of", "from") and any(
                m.i in (k + 2, k + 3) and not m.pronoun for m in an.actors):
            continue  # "soldiers of the Burundian army": whose they are is said
        named = [m.actor for m in an.actors if m.j <= k and not m.pronoun and not m.held]
        security = toks[k - 1].key in _OWN_FORCES
        if security and not memory.turn[1]:
            # "security forces" may be police or intelligence, "government forces" one of two governments:
            # only a statement's own are its issuer's
            continue
        focus = {forces_of(a, lexicon) for a in list(memory.recent) + named} if not security else set()
        focus = {a for a in focus if lexicon.has_forces(a)}
        if not focus:
            # "Units ... have liberated X, the Russian Defense Ministry said": a military's own
            # account of bare "units" is of its own forces
            said = {forces_of(m.actor, lexicon) for m in an.actors if not m.pronoun and (
                    m.i > k and m.j < n and toks[m.j].key in SPEECH
                    # "The army has announced that a contingent will be deployed ..."
                    or m.j < k and m.j + 1 < n and (toks[m.j].key in SPEECH or toks[m.j].key in HAVE
                                                    and toks[m.j + 1].key in SPEECH))}
            focus = {a for a in said if lexicon.has_forces(a)}
        if not focus and not named and memory.turn[1]:
            # a statement's "security forces carried out strikes": the issuer's own forces
            own = forces_of(memory.turn[1], lexicon)
            focus = {own} if lexicon.has_forces(own) else set()
        accused = j >= 0 and toks[j].key in ("accused", "accuse", "accuses", "blamed", "blame", "blames")
        if not focus and an.country and (accused or not named and not _STATE_OFFICES.isdisjoint(t.key for t in toks)):
            # "residents accused soldiers of burning homes": the soldiers of the country it is set in
            # "the Defence Minister announced that 800 additional soldiers will be sent to ...": a
            # state's own office speaks of its forces (the army of the country the sentence is in)
            army = lexicon.lookup_actor(("army",), an.country)
            focus = {army} if army and lexicon.has_forces(army) else set()
        if len(focus) == 1:
            # the noun phrase from its first modifier ("security forces", "the troops"): the subject test
            # looks before it
            an.actors.append(ActorMention(j + 1 if j + 1 < k and toks[j + 1].key in ("the", *_OWN_FORCES) else k, k + 1,
                                          focus.pop()))
    an.actors.sort(key=lambda m: m.i)


_VOICE = SPEECH | WARN


def _speakers_forces(an, lexicon):
    """"Israel's defence minister said the army would strike ...", in a report set in Lebanon: a
    country's bare "the army" is the speaker's army when a party of another state speaks."""
    toks = an.tokens
    for m in an.actors:
        if not m.scoped:
            continue
        speakers = [o for o in an.actors if o.j <= m.i and not o.pronoun and not o.scoped
                    and any(t.key in _VOICE for t in toks[o.j:m.i])]
        if not speakers:
            continue
        own = forces_of(speakers[-1].actor, lexicon)
        state = lexicon.actor(own).country
        if (state and state != lexicon.actor(m.actor).country
                and lexicon.actor(own).type == "state_forces"):
            m.actor = lexicon.lookup_actor(tuple(t.key for t in toks[m.i:m.j]), state) or own


# what a party's own voice calls the side it fights, and what may follow "enemy"
_ENEMY = {"enemy", "regime"}
_ENEMY_HEADS = _BARE_FORCES | {"fighters", "positions", "drones", "jets", "aircraft", "warplanes", "artillery", "tanks",
                               "militia", "militias", "units", "convoy", "column", "columns", "positions", "camp",
                               "base"}
_ARMED = {"state_forces", "non_state_armed_group"}


def coref_enemy(an, memory, lexicon):
    """"the enemy", "enemy soldiers", "the regime's drones" in a party's own voice -> the armed
    party of another side that the document named last ("the Abiy regime's army ... the enemy
    abandoned its camp" in a Fano channel's post is the federal army).

    The voice is the speaker of the current turn or the statement's issuer
    (``memory.turn``); a reporter's "the regime" is left alone, and nothing is resolved when
    the document named no party of another side.
    """
    voice = memory.turn[1]
    toks = an.tokens
    if not voice or not any(t.key in _ENEMY for t in toks):
        return
    side = lexicon.actor(voice).side
    foe = next((a for a in reversed(memory.named) if a != voice and lexicon.actor(a).type in _ARMED
                and lexicon.actor(a).side and lexicon.actor(a).side != side), None)
    if foe is None or not side:
        return
    covered = {k for m in an.actors for k in range(m.i, m.j)}
    n = len(toks)
    for k, t in enumerate(toks):
        if t.key not in _ENEMY or k in covered:
            continue
        the = k > 0 and toks[k - 1].key == "the"
        head = k + 1 < n and toks[k + 1].key in _ENEMY_HEADS and not t.poss
        if not (the or t.key == "enemy" and head):
            continue  # "an enemy of the people", "regime change"
        if k + 1 < n and toks[k + 1].word and not head and not t.poss and toks[k + 1].key not in _BARE_NEXT and \
                not any(f.pos == "verb" for f in lexicon.forms.get((toks[k + 1].key,), ())):
            continue  # "the regime media", "the enemy side": another noun's modifier
        an.actors.append(ActorMention(k - 1 if the else k, k + 2 if head else k + 1, foe))
    an.actors.sort(key=lambda m: m.i)


# words that make a transcript label an official's turn ("ARMY SPOKESMAN:") or a journalist's
_ROLES = {"spokesman", "spokeswoman", "spokesperson", "minister", "commander", "official", "general", "colonel",
          "officer", "president", "governor", "chief", "ambassador", "secretary", "envoy", "leader", "mayor",
          "adviser", "advisor", "lieutenant", "major", "captain", "admiral", "director", "representative"}
_QUESTION = frozenset({"q", "question", "interviewer"})
_ANSWER = frozenset({"a", "answer"})
# other participants of a hearing or a panel: their turn ends the previous speaker's, and claims nothing
_PARTICIPANTS = {"senator", "senators", "mp", "mps", "member", "members", "chairman", "chairperson", "chairwoman",
                 "speaker", "deputy", "lawmaker", "legislator", "councillor", "councilor", "judge", "prosecutor",
                 "lawyer", "counsel", "witness", "resident", "villager", "survivor", "guest", "caller", "panelist",
                 "panellist", "audience"}
_JOURNALISTS = {"anchor", "correspondent", "presenter", "host", "reporter", "interviewer", "narrator", "moderator",
                "announcer", "voice", "over", "unidentified", "male", "female", "translator", "interpreter"}


def speaker_turn(an, memory, lexicon):
    """A transcript's speaker label ("ANCHOR:", "CORRESPONDENT (voice-over):", "SMITH:",
    "ISRAELI ARMY SPOKESMAN:") opens a turn: the label is neither an actor nor a subject, and
    while an actor's official speaks, what the turn asserts is claimed by them and "we" is
    their side.  Lowercase text only shows a label by its role word."""
    toks = an.tokens
    if memory.quote_turn == 2:
        memory.turn, memory.quote_turn = (None, None), 0  # the labelled quotation closed before this sentence
    elif memory.quote_turn == 1 and sum(t.key in DOUBLE_QUOTES for t in toks) % 2:
        memory.quote_turn = 2
    c = next((k for k, t in enumerate(toks[:9]) if t.key == ":"), None)
    if c is not None and c > 0 and toks[0].key != "(":
        _new_turn(an, memory, c)
    elif memory.guest is None:
        _introduced(an, memory)
    memory.seen += 1
    if memory.seen <= 3 and memory.turn == (None, None):
        _author_voice(an, memory)
    if memory.turn[1]:
        for m in an.actors:
            if m.pronoun and toks[m.i].key in ("we", "our"):
                # "our forces": the state's forces when a ministry's official speaks
                who = memory.turn[1]
                m.actor, m.pronoun = forces_of(who, lexicon) if m.j - m.i == 2 else who, False


# "a translated roundup of a Russian military blogger's posts": a partisan author whose "we" and
# "our units" are their side, and whose claims the whole document carries
_VOICES = frozenset({"blogger", "bloggers", "milblogger", "milbloggers", "channel", "channels", "correspondent",
                     "correspondents"})
_VOICE_CUES = frozenset({"posts", "roundup", "translated", "translate", "digest", "telegram", "messages"})


def _author_voice(an, memory):
    toks = an.tokens
    if _VOICE_CUES.isdisjoint(t.key for t in toks):
        return
    for m in an.actors:
        if m.pronoun or m.j >= len(toks) or toks[m.j].key not in _VOICES:
            continue
        x = m.i - 1
        while x >= 0 and m.i - x <= 4 and toks[x].key not in ("by", "of", "from"):
            x -= 1
        if x < 0 or toks[x].key not in ("by", "of", "from"):
            continue
        memory.turn = (_title(an.text[toks[m.i].start:toks[m.j].end].lower()), m.actor)
        return


def _introduced(an, memory):
    """An office of an actor named in the text ("the commander of Somali National Army forces spoke
    by telephone", "the army's spokesman"), or the one labelled "(A)" ("speaks with Jane Doe (A), a
    human rights monitor"): the interview's guest, until the first "A:" turn."""
    toks = an.tokens
    labelled = _answer_label(an)
    if labelled:
        memory.intro = (labelled, "")  # no known party's, still the guest's own claims
        return
    for k, t in enumerate(toks):
        if t.key not in _ROLES:
            continue
        after = next((m for m in an.actors if not m.pronoun and m.i in (k + 2, k + 3)
                      and toks[k + 1].key == "of"), None)
        before = next((m for m in an.actors if not m.pronoun and m.j == k), None)
        m = after or before
        if m is not None:
            memory.intro = (_title(t.key), m.actor)
            return


def _answer_label(an):
    """"Jane Doe, human rights monitor" for "... speaks with Jane Doe (A), a Goma-based human
    rights monitor", or None."""
    if _A_LABEL.search(an.text) is None:
        return None  # the common case, decided at C speed
    toks, n = an.tokens, len(an.tokens)
    k = next((k for k in range(1, n - 2) if toks[k].key == "(" and toks[k + 1].key == "a" and toks[k + 2].key == ")"),
             None)
    if k is None:
        return None
    j = k - 1
    while j >= 0 and k - j <= 4 and toks[j].word and toks[j].key not in _BEFORE_GUEST:
        j -= 1
    if j == k - 1:
        return None
    name = an.text[toks[j + 1].start:toks[k - 1].end]
    role = []
    x = k + 4 if k + 3 < n and toks[k + 3].key == "," else n
    if x < n and toks[x].key in ("a", "an", "the"):
        x += 1
    while x < n and toks[x].word and len(role) < 6:
        if toks[x].key == "based" and toks[x].joined:
            role = []  # "a Goma-based ...": where they work is no part of what they are
        else:
            role.append(x)
        x += 1
    role = [w for w in role if not (w + 1 < n and toks[w + 1].joined and toks[w + 1].key == "based")
            and not toks[w].joined] if role else []
    what = " ".join(an.text[toks[w].start:toks[w].end] for w in role)
    return f"{name}, {what}" if what else name


_A_LABEL = re.compile(r"\(\s*[Aa]\s*\)")
_BEFORE_GUEST = frozenset({"with", "to", "and", "interviews", "interviewed", "speaks", "spoke", "talks", "talked",
                           "guest", "our", "the", "is", "welcomes"})


def _new_turn(an, memory, c):
    toks = an.tokens
    words = [t for t in toks[:c] if t.word]
    inner = {t.i for t in toks[:c] if any(toks[x].key == "(" for x in range(0, t.i)) and t.word}
    label = [t for t in words if t.i not in inner]
    if not label or len(label) > 5 or any(not t.word and t.key not in "()-" for t in toks[:c]):
        return
    keys = {t.key for t in label}
    cased = an.text != an.text.lower()
    if len(label) == 1 and label[0].key in _ANSWER | _QUESTION and c == 1:
        # an interview's "Q:" and "A:": the questions are the outlet's, the answers the guest's, whom
        # the introduction named last ("The commander of the army in Hiiraan spoke by telephone")
        an.actors = [m for m in an.actors if m.i >= c]
        if label[0].key in _QUESTION:
            # whoever the last answer quoted ("Residents told me ...") spoke then; the question may
            # name the next one ("Q: The army's leader posted a video. What did he say?")
            memory.speaker = (None, None)
            memory.turn = ("Interviewer", None)
        else:
            if memory.guest is None:
                memory.guest = memory.intro or (memory.speaker if memory.speaker[1] else None)
            memory.turn = memory.guest or (None, None)
        return
    inside = [m for m in an.actors if m.i < c and not m.pronoun]
    if inside and c + 1 < len(toks) and toks[c + 1].key in DOUBLE_QUOTES:
        # "Ministry of Defence of Armenia:" over a quoted statement: the statement is that body's
        # claim, and its "we" is its side, until the quotation closes
        an.actors = [m for m in an.actors if m.i >= c]
        memory.turn = (an.text[label[0].start:label[-1].end], inside[0].actor)
        memory.quote_turn = 2 if sum(t.key in DOUBLE_QUOTES for t in toks[c + 1:]) % 2 == 0 else 1
        return
    if not (keys & _ROLES or keys & _JOURNALISTS or keys & _PARTICIPANTS
            or cased and all(t.caps or len(t.key) < 2 for t in label)):
        return
    phrase = an.text[label[0].start:label[-1].end]
    inside = [m for m in an.actors if m.i < c and not m.pronoun]
    actor = inside[0].actor if inside and keys & _ROLES else None
    if actor is None and keys & _ROLES and not keys & _JOURNALISTS and not keys & _PARTICIPANTS:
        actor = ""  # "minister of state for interior :": an official's turn, claims of no known party
    an.actors = [m for m in an.actors if m.i >= c]
    memory.turn = (_title(phrase.lower()) if cased and phrase.isupper() else _title(phrase), actor)
