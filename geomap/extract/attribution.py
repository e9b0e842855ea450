"""Attribution frames: who says, denies, warns of or accuses whom of what.

A frame is a reporting verb with its speaker and the token range of what is
reported: "X said (that) ...", "..., said X", "according to X", "X told The
Associated Press ...", "X denied that ...", "..., something X denied", "X
warned (Y) that ...", "X accused Y of ...".  :mod:`.linking` gives the events
inside a frame their claimant (``reported_by``) and stance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .wordclasses import (TITLE_ABBREVIATIONS, ACCUSE, ADVERBS, AUX, BOUNDARY_WORDS, DENY, DETERMINERS, DOUBLE_QUOTES, HAVE, OFFICE_HOLDERS, PERCEIVE,
                          OBJECT_PRONOUNS, SPEECH, TELL, WARN)

__all__ = ["Frame", "frames", "source_statement", "speaker_left", "warn_target"]

_TITLES = {"major-general", "major", "general", "gen", "colonel", "col", "lieutenant", "lt", "army", "brigadier",
           "captain", "capt", "sergeant", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
           "commander", "chief", "official", "officials", "mr", "mrs", "ms", "dr", "the", "a", "an", "said",
           "senior", "military", "defence", "defense", "ministry", "prime", "foreign", "deputy", "head",
           # local office-holders: "Belgorod regional governor Vyacheslav Gladkov said"
           "governor", "regional", "provincial", "acting", "mayor", "district", "county", "local"}

_BEFORE_SPEECH = ADVERBS | HAVE | {"this", "week", "on", "in", "a", "statement", "last", "also", "monday", "tuesday",
                                   "wednesday", "thursday", "friday", "saturday", "sunday", "evening", "earlier",
                                   "later"}
_CLAUSE_OPENERS = BOUNDARY_WORDS | {"as", "and", "but", "then", "while", "that"}
_FRAME_WORDS = SPEECH | DENY | WARN | ACCUSE | PERCEIVE | {"according"}
# who reports what they saw: "witnesses saw", "an AFP reporter saw", "residents reported seeing"
_SEERS = frozenset({"witness", "witnesses", "resident", "residents", "reporter", "reporters", "correspondent",
                    "correspondents", "journalist", "journalists", "villagers", "locals", "people", "monitors",
                    "observers", "activists", "sources", "drivers", "farmers", "fishermen", "photographer"})
# words that end a speaker phrase to the left of its verb
# nouns of a state's or group's speaking bodies
_BODY = frozenset({"ministry", "command", "navy", "headquarters", "staff", "office", "directorate", "council",
                   "agency", "intelligence", "company", "corporation", "firm", "operator", "utility", "service",
                   # the press and the war bloggers of a side are not its state ("Russian milbloggers claimed")
                   "media", "milbloggers", "milblogger", "bloggers", "blogger", "channels", "channel", "outlets",
                   "outlet", "broadcaster", "television", "newspaper", "newspapers", "press", "mouthpiece",
                   "tv", "radio", "station", "daily", "website",
                   # a unit speaks for itself ("a spokesperson for a Ukrainian brigade said")
                   "brigade", "battalion", "regiment", "division", "corps"})
# "Russian-installed", "Moscow-appointed": a power's appointees
_INSTALLED = frozenset({"installed", "appointed", "imposed"})
# people of a side who speak for it: "Ukrainian officials said" is Ukraine's claim, in their words
_PEOPLE = frozenset({"officials", "official", "sources", "source"})
# office-holders who speak for their state or group, as written: "Israel's defence minister (Israel)"
_OFFICES = OFFICE_HOLDERS | {"commanders", "leaders", "spokesmen", "spokespeople", "representatives", "ministers"}
# who speaks for an office-holder or a body ("an adviser to the commander", "a spokesman for the army")
_AIDES = OFFICE_HOLDERS | {"adviser", "advisor", "advisers", "advisors", "aide", "aides", "deputy", "assistant",
                           "secretary", "official", "officials", "source", "sources"}
_PREP_OPENERS = frozenset({"with", "by", "of", "for", "from", "at", "on", "amid", "after", "before", "during", "under",
                           "without", "to", "into", "over", "near"})
# titles after which a person's name follows ("spokesman Yahya Saree", "commander Ali Mohammed")
_SPOKES = OFFICE_HOLDERS - {"ambassador", "representative"} | {"chief", "head", "general", "colonel", "official"}
# prepositions of a participle phrase after a speaker ("a brigade operating in the area")
_PARTICIPLE_PREPS = frozenset({"in", "near", "around", "along", "on", "at", "outside", "inside"})
# what shows rather than says: the outlet's own evidence ("footage indicates", "images show")
_EVIDENCE = frozenset({"footage", "video", "videos", "imagery", "images", "image", "photos", "photographs",
                       "pictures", "evidence", "geolocation", "geolocated", "data"})
_SPEAKER_STOP = frozenset({"that", "and", "said", "while", "as", "but", "the", "if", "after", "when"} | AUX | HAVE)

@dataclass
class Frame:
    kind: str            # speech, deny, warn, accuse
    k: int               # the verb
    speaker: str | None  # actor name or person phrase
    actor: str | None    # speaker as an actor (for pronouns)
    lo: int              # content token range
    hi: int
    object: str | None = None



_CLOSING_QUOTES = frozenset({'"', "”", "’"})


def frames(an, lexicon, *, previous=None):
    """The attribution frames of an analysed sentence (list of :class:`Frame`).

    ``previous`` is ``(speaker, actor)`` of the document's last speaker, the one a bare "he"
    or "she" before a reporting verb refers to ("He told us that ...")."""
    toks, n = an.tokens, len(an.tokens)
    frames = []
    # most sentences have one or two reporting words: find them in one pass
    for k in [k for k, t in enumerate(toks) if t.key in _FRAME_WORDS]:
        t = toks[k]
        key = t.key
        if key == "according" and k + 1 < n and toks[k + 1].key == "to":
            who, actor, end = _np_after(an, k + 2)
            if actor and lexicon.actor(actor).type == "civilians":
                # "according to witnesses": the source as written
                who = _title(re.sub(r"^(?:the|a|an)\s+", "", an.text[toks[k + 2].start:toks[end - 1].end],
                                    flags=re.I).lower())
            if who and actor is None and end > k + 2 and toks[end - 1].key in _DOCUMENTS:
                # "according to a separate statement": the last speaker's, not a speaker called so
                who, actor = previous if previous is not None and previous[0] else (None, None)
            if who:
                # "According to X, ..." opens the sentence ("On Monday, according to X, ..." too:
                # no action before it); "..., according to X" closes it
                after = end
                if after < n and toks[after].key == "(":
                    # "According to the Syrian Observatory for Human Rights (SOHR), ..."
                    after = next((x + 1 for x in range(after, min(n, after + 6)) if toks[x].key == ")"), after)
                opens = k <= 1 or not any(t.i < k for t in an.triggers) and after < n and toks[after].key == ","
                if opens and after != end:
                    end = after
                lo, hi = (end, n) if opens else (0, k)
                frames.append(Frame("speech", k, who, actor, lo, hi))
            continue
        kind = ("speech" if key in SPEECH else "deny" if key in DENY else "warn" if key in WARN
                else "accuse" if key in ACCUSE else None)
        if kind is None:
            if key in PERCEIVE and not t.joined:
                seer = speaker_left(an, k, lexicon)
                if seer is not None and _is_seer(seer, lexicon):
                    frames.append(Frame("speech", k, seer[0], seer[1], k + 1, n))
            continue
        if t.joined or an.actor_at(k) is not None:
            continue
        if kind == "warn" and k > 0 and toks[k - 1].key == "to":
            continue  # "positions used to threaten the capital": an infinitive, no one warns
        if k > 0 and (toks[k - 1].key in DETERMINERS or toks[k - 1].poss) and not key.endswith("ed"):
            continue  # "the reports", "Russia's warning": nouns
        if k > 1 and toks[k - 2].key in ("its", "their", "his", "her", "our") and toks[k - 1].word \
                and not key.endswith("ed"):
            continue  # "in its evening report that ...": a noun
        if kind == "speech" and not key.endswith("ed") and _denied_before(toks, k):
            continue  # "denied militia claims that ...", "rejects reports in Lebanese media claiming ..."
        # "something moscow denied", "which X denied": the denial closes the sentence
        if kind == "deny" and k >= 2 and _tail(toks, k):
            a = an.actor_at(k - 1)
            if a is not None and not a.pronoun and (toks[a.i - 1].key in ("something", "which", "what", "claims", "a", "claim", "allegation", ",")):
                frames.append(Frame("deny_tail", k, a.actor, a.actor, 0, k))
                continue
        subj = speaker_left(an, k, lexicon)
        if (subj is not None and previous is not None and previous[0]
                and _SAME_SOURCES.match(subj[0]) and not _SAME_SOURCES.match(previous[0])):
            subj = previous  # "The same sources said": those who spoke last
        if subj is not None and subj[1] is None and _EVIDENCE.intersection(subj[0].lower().split()):
            continue  # "geolocated footage indicates that ...": what the outlet sees, no claimant
        if subj is None and k > 0 and toks[k - 1].key == "and":
            subj = _first_subject(an, k)
        if subj is None and (_pronoun_left(toks, k) or _pronoun_left(toks, k, ("it",))):
            # "Pakistan's military media wing, the ISPR, gave the opposite version: it said ...": the
            # subject that opens the sentence, not the last speaker before it
            lead = next((m for m in an.actors if not m.pronoun and m.i <= 1 and m.j < k), None)
            if lead is not None and any(t.key in (":", ";") for t in toks[lead.j:k]):
                subj = (an.text[toks[lead.i].start:toks[lead.j - 1].end], lead.actor)
        if subj is None and previous is not None and previous[0] and (
                _pronoun_left(toks, k) or _pronoun_left(toks, k, ("it",)) and not _personal(previous[0])):
            subj = previous  # "He told us ...", and "It said ..." after an agency or ministry spoke
        after_np, after_actor, after_end = _np_after(an, k + 1)
        if (subj is None and kind in ("speech",) and after_np and _tail(toks, after_end - 1) and not key.endswith("ing")
                and after_end - k <= 8 and k > 0 and not toks[k - 1].word):
            # "..., said Army Colonel Ryan Dillon": inverted, the content is before
            frames.append(Frame(kind, k, after_np, after_actor, 0, k))
            continue
        if subj is None:
            if kind == "speech" and k > 0 and toks[k - 1].key in ("," , '"') and not key.endswith("ing"):
                continue
            # participles ("..., telling The Associated Press it was ...") take the clause subject;
            # "X said, adding that ..." takes the speaker just named
            said = [f for f in frames if f.kind == "speech" and f.k < k and f.speaker]
            if key.endswith("ing") and said:
                subj = (said[-1].speaker, said[-1].actor)
            else:
                # "aired remarks by India's defence minister, recorded in Lucknow, warning that ...":
                # the author of the remarks
                subj = (_remarks_by(an, k) if key.endswith("ing") else None) or _first_subject(an, k)
            if subj is None:
                continue
        who, actor = subj
        via = _via_channel(an, k)
        if via:
            who = f"{who} ({via})"  # "Islamic State said through its Amaq agency": both name the source
        start = _np_start(an, k)
        if (kind == "speech" and start > 0 and toks[start - 1].key == "," and not key.endswith("ing")
                and toks[start].key not in _CLAUSE_OPENERS
                and not (k + 1 < n and toks[k + 1].key == "that")
                and any(t.i < start - 1 for t in an.triggers)):
            # "The offensive ... has stalled, Ukraine's military said on Thursday, adding ...": the
            # attribution closes what came before it
            frames.append(Frame(kind, k, who, actor, 0, start))
            continue
        if kind == "speech" and (_tail(toks, k) or key in ("told", "tell", "tells") and after_np
                                 and _tail(toks, after_end - 1) and after_end - k <= 5 and k > 1
                                 # '"... every town that has been occupied," he declared, adding that ...'
                                 or start >= 1 and toks[start - 1].key in _CLOSING_QUOTES
                                 and not key.endswith("ing") and an.actor_at(start - 1) is None):  # ('calling them "baseless" and saying ...')
            frames.append(Frame(kind, k, who, actor, 0, _np_start(an, k)))
            continue
        lo = k + 1
        obj = None
        if (kind == "speech" and toks[k].key in TELL and k + 1 < n
                and toks[k + 1].key in OBJECT_PRONOUNS):
            # "a source tells us the insurgents burned ...": the one told is the pronoun, what
            # follows is what was told
            frames.append(Frame(kind, k, who, actor, k + 2, _relative_end(toks, k)))
            continue
        if kind in ("warn", "accuse", "speech") and after_actor and toks[k + 1].key not in ("that", "of"):
            obj = after_actor
            if kind == "speech" and toks[k].key in TELL:
                lo = after_end
        if kind == "accuse":
            obj = after_actor
        frames.append(Frame(kind, k, who, actor, lo, _relative_end(toks, k), obj))
    dash = _headline_source(an)
    if dash is not None:
        frames.append(dash)
    cited = _bracket_source(an)
    if cited is not None and not any(f.lo <= cited.k < f.hi or f.k < cited.k and f.hi >= cited.k for f in frames):
        frames.append(cited)
    # a frame's content ends where the next reporting clause begins
    for f in frames:
        if f.hi != n or f.kind == "deny_tail":
            continue
        later = [g.k for g in frames if g.k > f.k and g.lo > g.k - 1]
        if later:
            cut = [b for b in an.boundaries if f.k < b <= min(later)]
            if cut:
                f.hi = min(cut) if toks[min(cut)].key == "," and min(cut) + 1 in an.boundaries else max(cut)
    return frames


_CHANNELS = frozenset({"agency", "channel", "channels", "outlet", "account", "website", "wing", "arm", "office"})


_NOT_SOURCES = frozenset({"sic", "updated", "update", "correction", "corrected", "emphasis", "translation",
                          "translated", "photo", "video", "map", "link", "ed", "editor", "note"})


def _bracket_source(an):
    """A research brief's source in square brackets at the end of a sentence ("... killing two
    gunmen [IDF statement].", "[UN OCHA]"): what the sentence tells is that source's claim."""
    toks, n = an.tokens, len(an.tokens)
    end = n - 1 if n and toks[-1].key == "." else n
    if end < 4 or toks[end - 1].key != "]":
        return None
    o = next((x for x in range(end - 2, max(0, end - 8), -1) if toks[x].key == "["), None)
    if o is None or o < 3 or not all(t.word for t in toks[o + 1:end - 1]) or o + 1 == end - 1 \
            or any(t.key in _NOT_SOURCES or t.key.isdigit() for t in toks[o + 1:end - 1]) \
            or not any(t.i < o for t in an.triggers):
        return None
    who, actor, stop = _np_after(an, o + 1)
    if not who or stop != end - 1:
        return None
    an.actors = [m for m in an.actors if not o < m.i < end]  # the source, not a party to the event
    # (as the brief writes it: "UN OCHA", "IDF statement")
    return Frame("speech", o, an.text[toks[o + 1].start:toks[end - 2].end], actor, 0, o)


def _headline_source(an):
    """A headline's source after a dash: "Russian troops liberate X — MoD", "Drones hit
    Odesa - governor" (a short noun phrase ending the line, after an action)."""
    toks, n = an.tokens, len(an.tokens)
    end = n - 1 if n and toks[-1].key in (".",) else n
    d = next((x for x in range(end - 1, max(0, end - 6), -1) if toks[x].key in ("—", "–", "-")), None)
    if d is None or d < 3 or not all(t.word and t.key not in SPEECH for t in toks[d + 1:end]) \
            or not any(t.i < d for t in an.triggers):
        return None
    who, actor, stop = _np_after(an, d + 1)
    if not who or stop != end:
        return None
    return Frame("speech", d, who, actor, 0, d)


_PERSONS = _SEERS | {"official", "officials", "elder", "elders", "leader", "leaders", "member", "members",
                     "doctor", "doctors", "nurse", "medic", "medics", "worker", "workers", "teacher", "chief",
                     "survivor", "survivors", "relative", "relatives", "spokesman", "spokeswoman", "spokesperson"}


def _head_before_of(an, words):
    """"a resident of the nearby village of Al-Haffah said": the person before the first "of",
    as written, or None."""
    toks = an.tokens
    of = next((w for w in words if toks[w].key == "of"), None)
    if of is None or of == words[0] or toks[of - 1].key not in _PERSONS:
        return None
    head = [w for w in words if w < of and toks[w].key not in DETERMINERS]
    if not head or len(head) > 3:
        return None
    return _title(an.text[toks[head[0]].start:toks[of - 1].end].lower())


def _is_seer(seer, lexicon):
    """A person who tells what they saw (not "the city saw heavy fighting")."""
    who, actor = seer
    if actor is not None:
        return lexicon is not None and lexicon.actor(actor).type == "civilians"
    return bool(who) and who.lower().split()[-1] in _SEERS


def _via_channel(an, k):
    """"said through its Amaq propaganda agency", "claimed via its Telegram channel": the
    channel as written, or None."""
    toks = an.tokens
    if k + 3 >= len(toks) or toks[k + 1].key not in ("through", "via", "in") or toks[k + 2].key not in (
            "its", "their", "the"):
        return None
    for x in range(k + 3, min(len(toks), k + 7)):
        if not toks[x].word:
            return None
        if toks[x].key in _CHANNELS:
            return _title(an.text[toks[k + 3].start:toks[x].end])
    return None


_UNTRUE = frozenset({"false", "baseless", "malicious", "unfounded", "fabricated", "untrue", "misleading",
                     "fake", "groundless", "inaccurate"})


def _denied_before(toks, k):
    """A denial verb at most seven words before ``k``, in the same clause."""
    for x in range(k - 1, max(-1, k - 8), -1):
        if toks[x].key in DENY:
            return True
        if toks[x].key in ("and", "or") and x >= 1 and toks[x - 1].key in _UNTRUE:
            continue  # "dismissed as false and malicious reports that ..."
        if not toks[x].word or toks[x].key in ("and", "but", "or", "then", "who", "which", "while"):
            return False  # "rejected the claim and said ...": a statement of its own
    return False


def _tail(toks, k):
    """True when nothing but time words and punctuation follow token ``k``."""
    rest = [t.key for t in toks[k + 1:] if t.word]
    filler = {"on", "in", "a", "the", "statement", "this", "last", "week", "earlier", "later", "today", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "late", "night",
              "evening", "morning", "afternoon", "briefing", "an", "interview", "also", "it", "said", "telegram",
              "twitter", "x", "facebook", "television", "tv", "radio", "website", "social", "media", "its",
              "channel", "account", "update", "news", "conference", "quoted", "by", "state", "agency"}
    return all(w in filler for w in rest)


def _np_start(an, k):
    s = k - 1
    while s > 0 and an.tokens[s - 1].word and an.tokens[s - 1].key not in {"said", "that"}:
        s -= 1
        if an.tokens[s].key in (",",):
            break
    return max(0, s)


def speaker_left(an, k, lexicon=None):
    """The subject of a reporting verb: an actor, or a person's name, right before it; both of
    two coordinated speakers ("Residents and a local official said") as ``"A and B"``."""
    found = _one_speaker(an, k, lexicon)
    if found is None:
        return None
    (who, actor), lo = found
    toks = an.tokens
    j = lo - 1
    if j >= 0 and toks[j].key == "the":
        j -= 1
    if j >= 1 and toks[j].key == "and" and toks[j - 1].key != ",":  # ", and officials said": a new clause
        other = _one_speaker(an, j, lexicon)
        if other is not None and other[0][0]:
            return f"{other[0][0]} and {who}", actor or other[0][1]
    return who, actor


def _one_speaker(an, k, lexicon):
    """``((speaker, actor), first token)`` of the one speaker right before token ``k``, or None."""
    toks = an.tokens
    j = k - 1
    if j >= 1 and toks[j].key in DOUBLE_QUOTES:
        # 'the Druze "National Guard" said': a name with a quoted part, not a quotation's end
        m = next((m for m in an.actors if not m.pronoun and m.j == k and m.i < j), None)
        if m is not None:
            return (an.text[toks[m.i].start:toks[m.j - 1].end], m.actor), m.i
    progressive = k < len(toks) and toks[k].key.endswith("ing")
    while j >= 0 and (toks[j].key in _BEFORE_SPEECH or _manner_adverb(an, j)
                      or progressive and toks[j].key in AUX):  # "commanders are now saying"
        if j >= 1 and toks[j].key in ADVERBS and _in_name(an, j):
            break  # "Times Now reported": a capitalised word inside a name is no adverb
        j -= 1
    j = _issued_statement(an, j)
    if j >= 2 and toks[j].word:
        # "a gendarme who asked not to be named told ...", "officials who visited the site said":
        # the relative clause is no part of the speaker's name
        w = next((x for x in range(j - 1, max(0, j - 9), -1) if toks[x].key == "who" or not toks[x].word), None)
        if (w is not None and w > 0 and toks[w].key == "who" and toks[w - 1].word
                and not any(w < m.i <= j for m in an.actors if not m.pronoun)):
            j = w - 1
    if j >= 1 and toks[j].key == ",":
        # "the ministry, in a Wednesday statement, said": step over the parenthetical
        c = j - 1
        while c >= 0 and toks[c].key != ",":
            c -= 1
        if c > 0 and (toks[c + 1].key in ("in", "on", "at", "during", "via", "through", "speaking", "citing",
                                          "which", "who", "whose")
                      or any(m.j == c and not m.pronoun for m in an.actors)):
            # ... or an apposition after an actor: "the Qassam Brigades, Hamas's armed wing, say",
            # or a relative clause: "the LNA, which holds the east, said"
            j = c - 1
        elif (c > 1 and 1 <= j - c - 1 <= 4 and toks[c - 1].word
              # (a title's period may stand in the name: "Gen. Ricardo Betancur")
              and all((t.word or t.key == ".") and t.key not in _SPEAKER_STOP and t.key not in _FRAME_WORDS
                      for t in toks[c + 1:j])
              and not any(c < m.i < j for m in an.actors)):
            # "the acting governor of the region, Alexander Khinshtein, said": the office speaks,
            # the name between commas is its holder
            j = c - 1
    if j >= 2 and toks[j].key == ")":
        # "the Libyan National Army (LNA) said": the abbreviation in brackets
        o = next((x for x in range(j - 1, max(-1, j - 5), -1) if toks[x].key == "("), None)
        if o is not None and o > 0:
            j = o - 1
    if j < 0:
        return None
    # "a spokesperson for a brigade operating in the area said": step over the participle phrase
    for gap in (2, 3):
        p = j - gap
        if (p >= 1 and toks[p + 1].key in _PARTICIPLE_PREPS and (gap == 2 or toks[p + 2].key == "the")
                and toks[p].key.endswith(("ing", "ed")) and toks[p].key not in SPEECH and toks[p - 1].word):
            j = p - 1
            break
    words = []
    while j >= 0 and toks[j].word and (toks[j].key not in _SPEAKER_STOP
                                      or toks[j].key == "the" and j >= 2 and words and (
                                          toks[j - 1].key == "of" or toks[j - 1].key in ("to", "for")
                                          and j >= 3 and toks[j - 2].key in _AIDES)):
        # "residents of the Shujaiya district said": the head noun comes before "of the";
        # "an adviser to the group's commander said": the adviser speaks
        words.append(j)
        j -= 1
        if len(words) >= 10:
            break
    if not words:
        if j >= 0 and toks[j].key == "the":
            return None
        return None
    lo = min(words)
    if toks[lo].key in _PREP_OPENERS:
        return None  # "... with artillery fire reported on Monday": no speaker, a passive
    if toks[lo].key == "whose":
        # "the 54th Brigade, whose press officer said ...": the officer of the name before
        ante = _one_speaker(an, lo - 1, lexicon) if lo >= 2 and toks[lo - 1].key == "," else None
        if ante is None or not ante[0][0] or lo + 1 > max(words):
            return None
        rest = an.text[toks[lo + 1].start:toks[max(words)].end]
        return (f"{ante[0][0]} {_title(rest.lower())}", ante[0][1]), ante[1]
    met = _met_by_writer(toks, lo)
    if met is not None:
        # "Survivors I spoke to at the hospital in Bunia said": who was met speaks, not the place
        return _one_speaker(an, met, lexicon)
    a = None
    for m in an.actors:
        # "the Houthi-run health ministry said": the body speaks for who runs it
        run = m.held and m.j < len(toks) and toks[m.j].key in ("run", "controlled", "led") and m.j + 1 <= max(words)
        if m.j > lo and m.i <= max(words) and m.j <= max(words) + 1 and (not m.held or run):
            a = m
    if a is not None and a.pronoun:
        return None
    if a is not None and a.held and a.j + 1 <= max(words):
        # "the Houthi-run al-Masirah TV reported": the outlet as written, for who runs it
        said = [w for w in sorted(words) if w > a.j]
        said = said[:next((x for x, w in enumerate(said) if toks[w].key in ("in", "at", "based")), None)] or said
        return (f"{_title(an.text[toks[said[0]].start:toks[said[-1]].end])} ({a.actor})", a.actor), lo
    if a is not None:
        if lexicon is not None and lexicon.actor(a.actor).type == "civilians":
            # "residents said", "doctors told AFP": who speaks, as written, is the source
            words = [an.text[t.start:t.end] for t in toks[a.i:a.j] if t.key not in ("the", "a", "an")]
            return (_title(" ".join(words).lower()), a.actor), lo
        # "Abdulmalik al-Houthi said": the person speaks, for the actor they belong to
        if a.person:
            return (_title(a.person), a.actor), lo
        # "houthi military spokesman yahya saree said": the name after the title (any case)
        title = max((w for w in words if toks[w].key in _SPOKES and w >= a.j), default=None)
        name = [w for w in sorted(words) if title is not None and w > title]
        if name and len(name) <= 3 and all(toks[w].key.isalpha() and toks[w].key not in _TITLES for w in name):
            first = min(w for w in words if toks[w].key not in DETERMINERS)
            return (_title(an.text[toks[first].start:toks[name[-1]].end]), a.actor), lo
        body = _body(an, words, a, lexicon)
        return ((body or a.actor), a.actor), lo
    phrase = an.text[toks[min(words)].start:toks[max(words)].end]
    names = [an.text[toks[w].start:toks[w].end] for w in sorted(words) if toks[w].key not in _TITLES]
    last_title = max((w for w in words if toks[w].key in _TITLES and toks[w].key not in DETERMINERS), default=None)
    if last_title is not None and last_title < max(words):
        # "Zaporizhia Oblast Military Administration Head Ivan Fedorov": the office before the
        # title may be long; the name is what follows the title
        names = [an.text[toks[w].start:toks[w].end] for w in sorted(words) if w > last_title]
    if any(toks[w].key in ("which", "who", "it", "they", "he", "she", "we", "this", "something", "one") for w in words):
        return None
    head = _head_before_of(an, sorted(words))
    if head is not None:
        return (head, None), lo
    # "Lebanon's state-run National News Agency": a hyphenated word is one word of the name
    if len(names) - sum(toks[w].joined for w in words) > 5 or all(toks[w].key in DETERMINERS or not toks[w].key.replace(".", "").isalpha() for w in words):
        return None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    return (_title(phrase), None), lo


def _relative_end(toks, k):
    """Where what the reporting verb at ``k`` says ends: the sentence's end, or the comma that
    closes the relative clause the verb is in ("The 54th Brigade, whose press officer said
    Russian troops attacked Siversk, held its positions": "held" is the brigade's, not a claim)."""
    n = len(toks)
    c = next((x for x in range(k - 1, max(-1, k - 8), -1) if not toks[x].word), None)
    if c is None or c < 1 or toks[c].key != "," or toks[c + 1].key not in ("whose", "which", "who"):
        return n
    close = next((x for x in range(k + 1, n) if toks[x].key in (",", ";", "(", ")", '"')), None)
    if close is None or toks[close].key != "," or close + 1 >= n or not toks[close + 1].word:
        return n
    return close


_MET = frozenset({"spoke", "talked", "met", "interviewed", "visited", "reached"})


def _met_by_writer(toks, lo):
    """The token after the speaker's head in "Survivors I spoke to at X said" (the place phrase
    ``lo`` begins is where the writer met them), else None."""
    if lo > 0 and toks[lo - 1].key in ("the", "a", "an"):
        lo -= 1
    if lo < 3 or toks[lo - 1].key not in ("at", "in", "near", "outside", "on"):
        return None
    k = lo - 2
    if toks[k].key in ("to", "with"):
        k -= 1
    if k >= 2 and toks[k].key in _MET and toks[k - 1].key in ("i", "we") and toks[k - 2].word:
        return k - 1
    return None


# modifiers of a state's forces that name no command of their own
_GENERIC_FORCES = frozenset({"armed", "security", "government", "military", "ground", "regular", "allied", "own",
                             "regime", "national", "the", "its", "all", "other", "state", "federal", "land"})


def _body(an, words, a, lexicon):
    """The speaking body as written when it is a part of a state or group rather than the actor
    itself: "the Nigerian Air Force said", "the GNU's defence ministry said", "US Africa Command
    said" (the actor stays the state or group; bodies with their own lexicon entry keep theirs)."""
    if lexicon is None:
        return None
    toks = an.tokens
    keys = [toks[w].key for w in sorted(words)]
    # "Ukraine's Southern Defence Forces said": a command named after the state (not "Russian
    # forces said", where the actor's own name ends in "forces")
    outside = [toks[w].key for w in words if not a.i <= w < a.j]
    if any(toks[w].key in _INSTALLED and toks[w].joined for w in words):
        # "Russian-installed authorities said": officials a power put in place speak for
        # themselves; the claim is theirs, not the power's
        lo = min(w for w in words if toks[w].key not in DETERMINERS)
        return _title(an.text[toks[lo].start:toks[max(words)].end])
    inside = {toks[w].key for w in words if a.i <= w < a.j}
    if (lexicon.actor(a.actor).type == "government_body" and _BODY.isdisjoint(outside)
            and _OFFICES.isdisjoint(outside)
            and all(b in a.actor.lower() for b in inside & _BODY)):
        # the body itself ("the Russian defence ministry"), not a part named after it (but
        # "Somalia's defence ministry" is a ministry of the Somali government)
        return None
    if _BODY.isdisjoint(keys) and not (_PEOPLE.isdisjoint(keys) and _OFFICES.isdisjoint(outside)):
        # as written, and the side they speak for: "Thai officials (Thailand)"
        said = [w for w in sorted(words) if toks[w].key not in DETERMINERS and not toks[w].key.isdigit()]
        return f"{_title(an.text[toks[said[0]].start:toks[said[-1]].end])} ({a.actor})" if said else None
    if (_BODY.isdisjoint(keys) and not any(x == "air" and y == "force" for x, y in zip(keys, keys[1:]))
            and not (outside and outside[0] == "forces" and not _GENERIC_FORCES.issuperset(outside[1:]))):
        # ... "Ukraine's Unmanned Systems Forces", "Southern Defence Forces": a named command
        # speaks; "Ukraine's armed forces" is the state
        return None
    lo = min(words)
    while toks[lo].key in ("the", "a", "an") and lo < max(words):
        lo += 1
    phrase = an.text[toks[lo].start:toks[max(words)].end]
    return _title(re.sub(r"\s+s\b", "'s", phrase))


def _manner_adverb(an, j):
    """"has falsely claimed", "Russia publicly denied": an -ly adverb between a speaker and its verb
    (after an auxiliary or right after the actor, so that "the assembly said" keeps its noun)."""
    key = an.tokens[j].key
    if not (key.endswith("ly") and len(key) > 4) or an.actor_at(j) is not None:
        return False
    prev = an.tokens[j - 1].key if j > 0 else ""
    return prev in HAVE or prev in AUX or any(m.j == j and not m.pronoun for m in an.actors)


_SAME_SOURCES = re.compile(r"(?i)(?:the\s+)?(?:same|these|those)\s+(?:sources?|officials?|residents|witnesses|people)$")


def _pronoun_left(toks, k, pronouns=("he", "she")):
    """Whether one of ``pronouns`` opens the clause right before the reporting verb at ``k``."""
    j = k - 1
    while j >= 0 and (toks[j].key in ADVERBS or toks[j].key in HAVE):
        j -= 1
    return j >= 0 and toks[j].key in pronouns and (j == 0 or not toks[j - 1].word
                                                         or toks[j - 1].key in ("and", "but", "then"))


# words of a speaker label that make it a person, whom "it" cannot stand for
_PERSONAL = _SPOKES | {"he", "she", "correspondent", "reporter", "witness", "witnesses", "resident", "residents",
                       "doctor", "nurse", "analyst", "survivor", "survivors", "officer", "soldier", "fighter"}
# what a source that speaks later put out: "ANHA gave a different account", "OCHA issued a flash update"
_PUT_OUT = frozenset({"gave", "issued", "released", "published", "posted", "offered", "provided", "circulated"})
_PUT_OUT_RE = re.compile(r"\b(?:" + "|".join(sorted(_PUT_OUT)) + r")\b", re.IGNORECASE)
_ACCOUNTS = frozenset({"account", "statement", "update", "report", "bulletin", "communique", "communiqué",
                       "version", "readout", "briefing", "assessment", "summary", "note", "video", "message"})


def _personal(label):
    return not _PERSONAL.isdisjoint(re.findall(r"[a-z]+", label.lower()))


_REMARKS = frozenset({"remarks", "comments", "speech", "address", "interview", "statement", "message", "video"})


def _in_name(an, j):
    """Token ``j`` is capitalised after a capitalised word, in cased text: part of a name."""
    toks, text = an.tokens, an.text
    return (text[toks[j].start].isupper() and text[toks[j - 1].start].isupper() and toks[j - 1].word
            and text != text.lower() and text != text.upper())


def _remarks_by(an, k):
    """``(speaker, actor)`` of "remarks by X" within a few words before a participle at ``k``."""
    toks = an.tokens
    for x in range(k - 1, max(0, k - 16), -1):
        if toks[x].key in ("by", "from") and x >= 1 and toks[x - 1].key in _REMARKS:
            who, actor, _ = _np_after(an, x + 1)
            return (who, actor) if who else None
    return None


def _issued_statement(an, j):
    """Step left over "put out a statement this afternoon" before "saying": the issuer speaks."""
    toks = an.tokens
    if j >= 0 and (toks[j].key in _PUT_OUT or toks[j].key == "out" and j and toks[j - 1].key == "put"):
        # the words skipped to get here held the account: "issued a statement on Monday saying"
        return j - 1 - (toks[j].key == "out")
    for x in range(j, max(-1, j - 6), -1):
        if toks[x].key in _ACCOUNTS:
            break
        if not toks[x].word or an.actor_at(x) is not None:
            return j
    else:
        return j
    p = x - 1
    while p >= 0 and p >= x - 3 and toks[p].key in DETERMINERS:
        p -= 1  # "a brief statement", "its first update"
    if p >= 1 and toks[p].key == "out" and toks[p - 1].key == "put":
        p -= 1
    elif p < 0 or toks[p].key not in _PUT_OUT:
        return j
    return p - 1


def source_statement(an, lexicon):
    """``(speaker, actor)`` of a source that put out an account without saying what is in it
    ("The Kurdish Hawar News Agency gave a different account on Tuesday."), for the "It said"
    that follows; None when the sentence has no such source."""
    if not _PUT_OUT_RE.search(an.text):
        return None  # most sentences: one regex search, no walk over the tokens
    toks = an.tokens
    for k, t in enumerate(toks):
        if t.key in _PUT_OUT and any(x.key in _ACCOUNTS for x in toks[k + 1:k + 5]):
            who = speaker_left(an, k, lexicon)
            if who is not None and who[0]:
                return who
    return None


def _first_subject(an, k):
    for m in an.actors:
        if m.i < k and not m.pronoun and not m.held and (m.i == 0 or an.tokens[m.i - 1].key in ("the", "a", "an")):
            return m.actor, m.actor
    return None


# what is written or counted, not who speaks: "according to their statement", "his tally"
_WRITTEN = frozenset({"statement", "statements", "account", "accounts", "report", "reports", "figures", "count",
                      "tally", "estimate", "estimates", "data", "records", "information", "sources", "version",
                      "words", "post", "posts", "video", "message", "letter", "testimony", "calculations"})
# a document named as a source ("according to a separate statement"): the last speaker's
_DOCUMENTS = (_ACCOUNTS | _WRITTEN) - {"sources", "words", "testimony", "post", "posts", "video", "message"}


def _np_after(an, k):
    """(phrase, actor or None, end) of the noun phrase starting at token ``k``."""
    toks, n = an.tokens, len(an.tokens)
    j = k
    while j < n and (toks[j].word and (toks[j].key not in ("that", "on", "in", "it", "they", "of", "to", "and", "adding",
                                                         "who", "which", "as", "said", "told")
                                       # "the Ministry of Health": a body's name goes on after "of"
                                       or toks[j].key == "of" and j > k and toks[j - 1].key in _BODY
                                       and an.actor_at(j + 1) is None and an.actor_at(j + 2) is None)
                     # "Brig. Gen. Arnel Tolentino": a title's period stands in the name
                     or toks[j].key == "." and j > k and toks[j - 1].key in TITLE_ABBREVIATIONS and j + 1 < n
                     and toks[j + 1].word):
        j += 1
    if j == k:
        return None, None, k
    actor = person = None
    for m in an.actors:
        if k <= m.i < j and not m.pronoun:
            actor, person = m.actor, m.person
            break
    phrase = an.text[toks[k].start:toks[j - 1].end]
    if actor is None and toks[k].key in ("his", "her", "their") and j - k >= 2 and toks[j - 1].key not in _WRITTEN:
        # "according to his employer", "according to their relatives": whoever is named speaks
        phrase = an.text[toks[k + 1].start:toks[j - 1].end]
    elif actor is None and re.search(r"\b(?:our|my|his|her|their|information)\b", phrase.lower()):
        return None, None, k
    if person:
        return _title(person), actor, j
    if actor is not None:
        office = next((x for x in range(k, j) if toks[x].key in _OFFICES and an.actor_at(x) is None), None)
        if office is not None:
            # "according to a statement by the army spokesperson": the office-holder, for the side
            by = next((x + 1 for x in range(office - 1, k - 1, -1) if toks[x].key in ("by", "from")), k)
            while by < office and toks[by].key in DETERMINERS:
                by += 1
            return f"{_title(an.text[toks[by].start:toks[j - 1].end])} ({actor})", actor, j
    return (actor or _title(re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I))), actor, j


_SMALL = frozenset({"the", "for", "and", "of", "to", "in", "on", "at", "from", "with"})


def _title(phrase):
    # a dump's "houthis ' leader", "russia s president": the possessive as written
    phrase = re.sub(r"\s+", " ", phrase.strip())
    # a name in quotes: "the ' tsentr ' group", "the 'Zapad' group"
    phrase = re.sub(r"(^|\s)['‘’\"“”]\s?([\w-]+)\s?['‘’\"“”](?=\s|$)", r"\1\2", phrase)
    phrase = phrase.replace(" ' ", "' ").replace(" ’ ", "’ ")
    phrase = re.sub(r"(?<=[^\Ws])['’](?=\s)", "", phrase)  # the closing quote of "the 'Dnipro' group" (not "Houthis' leader")
    phrase = re.sub(r"(?<=\w) s (?=\w)", "'s ", phrase)
    if phrase.islower():
        phrase = " ".join(w[:1].upper() + w[1:] if (len(w) > 2 or "." in w) and (not k or w not in _SMALL) else w
                          for k, w in enumerate(phrase.split(" ")))
        phrase = re.sub(r"-([a-z])", lambda m: "-" + m.group(1).upper(), phrase)
    return phrase


def warn_target(an, f):
    for m in an.actors:
        if f.k < m.i < f.hi and not m.pronoun:
            return m.actor
    return None
