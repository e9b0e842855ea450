"""Who is speaking: the speaker phrase of a reporting verb, as written and as an actor.

* the subject right before the verb, past titles, names and modifiers
  ("Belgorod regional governor Vyacheslav Gladkov said", "a spokesman for
  the army said", "Russia's defence ministry said in a statement");
* a state's or group's speaking body as written ("the RSF's media office"),
  an office-holder for the side they speak for ("Israel's defence minister");
* a noun phrase after the verb ("..., said the army's spokesman");
* a source that put out an account without saying what is in it ("the
  ministry put out a statement this afternoon").

:mod:`.attribution` builds the frames that these speakers head.
"""

from __future__ import annotations

import re

from .wordclasses import (TITLE_ABBREVIATIONS, ACCUSE, ADVERBS, AFFILIATION, AUX, DENY, DETERMINERS, DOUBLE_QUOTES, HAVE,
                          OFFICE_HOLDERS, PERCEIVE, SPEECH, WARN)

__all__ = ["ACCOUNTS", "FRAME_WORDS", "OUTLET_KINDS", "SEERS", "SPOKES", "WRITTEN", "np_after", "source_statement", "speaker_left",
           "title_case"]


_TITLES = {"major-general", "major", "general", "gen", "colonel", "col", "lieutenant", "lt", "army", "brigadier",
           "captain", "capt", "sergeant", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
           "commander", "chief", "official", "officials", "mr", "mrs", "ms", "dr", "the", "a", "an", "said",
           "senior", "military", "defence", "defense", "ministry", "prime", "foreign", "deputy", "head",
           # local office-holders: "Belgorod regional governor Vyacheslav Gladkov said"
           "governor", "regional", "provincial", "acting", "mayor", "district", "county", "local"}


_BEFORE_SPEECH = ADVERBS | HAVE | {"this", "week", "on", "in", "a", "statement", "last", "also", "monday", "tuesday",
                                   "wednesday", "thursday", "friday", "saturday", "sunday", "evening", "earlier",
                                   "later"}


FRAME_WORDS = SPEECH | DENY | WARN | ACCUSE | PERCEIVE | {"according"}


# who reports what they saw: "witnesses saw", "an AFP reporter saw", "residents reported seeing"
SEERS = frozenset({"witness", "witnesses", "resident", "residents", "reporter", "reporters", "correspondent",
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
SPOKES = OFFICE_HOLDERS - {"ambassador", "representative"} | {"chief", "head", "general", "colonel", "official"}


# prepositions of a participle phrase after a speaker ("a brigade operating in the area")
_PARTICIPLE_PREPS = frozenset({"in", "near", "around", "along", "on", "at", "outside", "inside"})


_SPEAKER_STOP = frozenset({"that", "and", "said", "say", "says", "while", "as", "but", "the", "if", "after", "when"} | AUX | HAVE)


_PERSONS = SEERS | {"official", "officials", "elder", "elders", "leader", "leaders", "member", "members",
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
    return title_case(an.text[toks[head[0]].start:toks[of - 1].end].lower())


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
              and all((t.word or t.key == ".") and t.key not in _SPEAKER_STOP and t.key not in FRAME_WORDS
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
        return (f"{ante[0][0]} {title_case(rest.lower())}", ante[0][1]), ante[1]
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
    rel = max((w for w in words if toks[w].key in ("which", "whom") and w < a.i), default=None) if a is not None else None
    if rel is not None:
        # "messages in which separatist leaders threaten ...": the relative clause's subject speaks
        words = [w for w in words if w > rel]
        lo = min(words)
    if a is not None and a.held and a.j + 1 <= max(words):
        # "the Houthi-run al-Masirah TV reported": the outlet as written, for who runs it
        said = [w for w in sorted(words) if w > a.j]
        said = said[:next((x for x, w in enumerate(said) if toks[w].key in ("in", "at", "based")), None)] or said
        return (f"{title_case(an.text[toks[said[0]].start:toks[said[-1]].end])} ({a.actor})", a.actor), lo
    if a is not None:
        if lexicon is not None and lexicon.actor(a.actor).type == "civilians":
            # "residents said", "doctors told AFP": who speaks, as written, is the source
            words = [an.text[t.start:t.end] for t in toks[a.i:a.j] if t.key not in ("the", "a", "an")]
            return (title_case(" ".join(words).lower()), a.actor), lo
        # "Abdulmalik al-Houthi said": the person speaks, for the actor they belong to
        if a.person:
            return (title_case(a.person), a.actor), lo
        # "houthi military spokesman yahya saree said": the name after the title (any case)
        title = max((w for w in words if toks[w].key in SPOKES and w >= a.j), default=None)
        name = [w for w in sorted(words) if title is not None and w > title]
        if name and len(name) <= 3 and all(toks[w].key.isalpha() and toks[w].key not in _TITLES for w in name):
            first = min(w for w in words if toks[w].key not in DETERMINERS)
            return (title_case(an.text[toks[first].start:toks[name[-1]].end]), a.actor), lo
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
    return (title_case(phrase), None), lo


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
        return title_case(an.text[toks[lo].start:toks[max(words)].end])
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
        return f"{title_case(an.text[toks[said[0]].start:toks[said[-1]].end])} ({a.actor})" if said else None
    if (_BODY.isdisjoint(keys) and not any(x == "air" and y == "force" for x, y in zip(keys, keys[1:]))
            and not (outside and outside[0] == "forces" and not _GENERIC_FORCES.issuperset(outside[1:]))):
        # ... "Ukraine's Unmanned Systems Forces", "Southern Defence Forces": a named command
        # speaks; "Ukraine's armed forces" is the state
        return None
    lo = min(words)
    while toks[lo].key in ("the", "a", "an") and lo < max(words):
        lo += 1
    phrase = an.text[toks[lo].start:toks[max(words)].end]
    return title_case(re.sub(r"\s+s\b", "'s", phrase))


def _manner_adverb(an, j):
    """"has falsely claimed", "Russia publicly denied": an -ly adverb between a speaker and its verb
    (after an auxiliary or right after the actor, so that "the assembly said" keeps its noun)."""
    key = an.tokens[j].key
    if not (key.endswith("ly") and len(key) > 4) or an.actor_at(j) is not None:
        return False
    prev = an.tokens[j - 1].key if j > 0 else ""
    return prev in HAVE or prev in AUX or any(m.j == j and not m.pronoun for m in an.actors)


# what a source that speaks later put out: "ANHA gave a different account", "OCHA issued a flash update"
_PUT_OUT = frozenset({"gave", "issued", "released", "published", "posted", "offered", "provided", "circulated"})


_PRESS = frozenset({"leads", "carries", "runs", "prefers", "devotes", "headlines", "splashes", "features", "opens"})
_PUT_OUT_RE = re.compile(r"\b(?:" + "|".join(sorted(_PUT_OUT | _PRESS)) + r")\b", re.IGNORECASE)


ACCOUNTS = frozenset({"account", "statement", "update", "report", "bulletin", "communique", "communiqué",
                       "version", "readout", "briefing", "assessment", "summary", "note", "video", "message"})


def _in_name(an, j):
    """Token ``j`` is capitalised after a capitalised word, in cased text: part of a name."""
    toks, text = an.tokens, an.text
    return (text[toks[j].start].isupper() and text[toks[j - 1].start].isupper() and toks[j - 1].word
            and text != text.lower() and text != text.upper())


def _issued_statement(an, j):
    """Step left over "put out a statement this afternoon" before "saying": the issuer speaks."""
    toks = an.tokens
    if j >= 0 and (toks[j].key in _PUT_OUT or toks[j].key == "out" and j and toks[j - 1].key == "put"):
        # the words skipped to get here held the account: "issued a statement on Monday saying"
        return j - 1 - (toks[j].key == "out")
    for x in range(j, max(-1, j - 6), -1):
        if toks[x].key in ACCOUNTS:
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
        if (t.key in _PRESS and k >= 2 and toks[0].word and k + 1 < len(toks)
                and toks[k + 1].key in ("with", "on", "to", "a", "an", "the", "its", "what")):
            # a press review: "Bamako Matin leads with ...", "Le Temoin du Sahel, close to the junta,
            # prefers to highlight ..." (then "the daily reports", "it says"): the paper as written
            end = next((x for x in range(k) if not toks[x].word), k)
            if end >= 2 or end == 1 and toks[0].caps:
                m = next((m for m in an.actors if m.i == 0 and m.j == end and not m.pronoun), None)
                return title_case(an.text[toks[0].start:toks[end - 1].end]), m.actor if m else None
        if t.key in _PUT_OUT and any(x.key in ACCOUNTS for x in toks[k + 1:k + 5]):
            who = speaker_left(an, k, lexicon)
            if who is not None and who[0]:
                return who
    return None


# what is written or counted, not who speaks: "according to their statement", "his tally"
WRITTEN = frozenset({"statement", "statements", "account", "accounts", "report", "reports", "figures", "count",
                      "tally", "estimate", "estimates", "data", "records", "information", "sources", "version",
                      "words", "post", "posts", "video", "message", "letter", "testimony", "calculations"})


def np_after(an, k):
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
    if actor is None and toks[k].key in ("his", "her", "their") and j - k >= 2 and toks[j - 1].key not in WRITTEN:
        # "according to his employer", "according to their relatives": whoever is named speaks
        phrase = an.text[toks[k + 1].start:toks[j - 1].end]
    elif actor is None and re.search(r"\b(?:our|my|his|her|their|information)\b", phrase.lower()):
        return None, None, k
    if person:
        return title_case(person), actor, j
    if actor is not None:
        tied = next((x for x in range(k + 1, j - 1) if toks[x].joined and toks[x].key in _TIED), None)
        if tied is not None:
            # "according to AA-affiliated media": outlets tied to the actor, as written, for its side
            outlet = title_case(re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I))
            return f"{outlet} ({actor})", actor, j
        office = next((x for x in range(k, j) if toks[x].key in _OFFICES and an.actor_at(x) is None), None)
        if office is not None:
            # "according to a statement by the army spokesperson": the office-holder, for the side
            by = next((x + 1 for x in range(office - 1, k - 1, -1) if toks[x].key in ("by", "from")), k)
            while by < office and toks[by].key in DETERMINERS:
                by += 1
            return f"{title_case(an.text[toks[by].start:toks[j - 1].end])} ({actor})", actor, j
    # "according to the outlet Development Media Group": the name, not what it is
    phrase = _KIND_BEFORE_NAME.sub("", phrase)
    return (actor or title_case(re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I))), actor, j


# what an outlet is ("the daily", "the news agency", "the radio station")
OUTLET_KINDS = (r"(?:news\s+)?(?:daily|paper|newspaper|weekly|site|website|outlet|broadcaster|channel|"
                r"(?:radio\s+)?station|magazine|tabloid|publication|agency)")
_KIND_BEFORE_NAME = re.compile(r"^(?:the\s+)?" + OUTLET_KINDS + r"\s+(?=[A-Z])")
_TIED = AFFILIATION | {"owned"}
_SMALL = frozenset({"the", "for", "and", "of", "to", "in", "on", "at", "from", "with"})


def title_case(phrase):
    """A speaker phrase as a reader would write it: spaces collapsed, quotes around a
    one-word name dropped, a dump's split possessive rejoined ("russia s president" ->
    "Russia's President"); an all-lowercase phrase gets capitals on its longer words."""
    # a dump's "houthis ' leader", "russia s president": the possessive as written
    phrase = re.sub(r"\s+", " ", phrase.strip())
    # a name in quotes: "the ' tsentr ' group", "the 'Zapad' group"
    phrase = re.sub(r"(^|\s)['‘’\"“”]\s?([\w-]+)\s?['‘’\"“”](?=\s|$)", r"\1\2", phrase)
    phrase = phrase.replace(" ' ", "' ").replace(" ’ ", "’ ")
    phrase = re.sub(r"(?<=[^\WsS])['’](?=\s)", "", phrase)  # the closing quote of "the 'Dnipro' group" (not "Houthis' leader")
    phrase = re.sub(r"(?<=\w) s (?=\w)", "'s ", phrase)
    if phrase.islower():
        phrase = " ".join(w[:1].upper() + w[1:] if (len(w) > 2 or "." in w) and (not k or w not in _SMALL) else w
                          for k, w in enumerate(phrase.split(" ")))
        phrase = re.sub(r"-([a-z])", lambda m: "-" + m.group(1).upper(), phrase)
    return phrase
