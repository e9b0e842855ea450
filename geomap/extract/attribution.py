"""Attribution frames: who says, denies, warns of or accuses whom of what.

A frame is a reporting verb with its speaker and the token range of what is
reported: "X said (that) ...", "..., said X", "according to X", "X told The
Associated Press ...", "X denied that ...", "..., something X denied", "X
warned (Y) that ...", "X accused Y of ...".  :mod:`.linking` gives the events
inside a frame their claimant (``reported_by``) and stance. Who the speaker
is, as written and as an actor, comes from :mod:`.speakers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .speakers import (OUTLET_KINDS, ACCOUNTS as _ACCOUNTS, FRAME_WORDS as _FRAME_WORDS, SEERS as _SEERS, SPOKES as _SPOKES,
                       WRITTEN as _WRITTEN, np_after as _np_after, speaker_left, title_case as _title)
from .wordclasses import (ACCUSE, ADVERBS, BOUNDARY_WORDS, DENY, DETERMINERS, HAVE, OBJECT_PRONOUNS, PERCEIVE, SPEECH,
                          TELL, WARN)

__all__ = ["Frame", "frames", "warn_target"]


_CLAUSE_OPENERS = BOUNDARY_WORDS | {"as", "and", "but", "then", "while", "that"}


# what shows rather than says: the outlet's own evidence ("footage indicates", "images show")
_EVIDENCE = frozenset({"footage", "video", "videos", "imagery", "images", "image", "photos", "photographs",
                       "pictures", "evidence", "geolocation", "geolocated", "data"})


@dataclass
class Frame:
    kind: str            # speech, deny, warn, accuse
    k: int               # the verb
    speaker: str | None  # actor name or person phrase
    actor: str | None    # speaker as an actor (for pronouns)
    lo: int              # content token range
    hi: int
    object: str | None = None


_AS_STATED = frozenset({"stated", "reported", "said", "announced", "claimed"})
_AS_BEFORE = frozenset({"previously", "earlier", "first", "originally", "wrongly", "incorrectly", "erroneously"})
_ATTRIBUTE = frozenset({"attributed", "attributes", "attribute", "attributing", "ascribed", "ascribes"})
_CLOSING_QUOTES = frozenset({'"', "”", "’"})


def frames(an, lexicon, *, previous=None):
    """The attribution frames of an analysed sentence (list of :class:`Frame`).

    ``previous`` is ``(speaker, actor)`` of the document's last speaker, the one a bare "he"
    or "she" before a reporting verb refers to ("He told us that ...")."""
    toks, n = an.tokens, len(an.tokens)
    frames = []
    # most sentences have one or two reporting words: find them in one pass
    for k in [k for k, t in enumerate(toks) if t.key in _FRAME_WORDS or t.key in _ATTRIBUTE]:
        t = toks[k]
        key = t.key
        if key in _ATTRIBUTE:
            # "local sources attributed the damage to RSF drone strikes": the strikes are their account
            to = next((x for x in range(k + 2, min(n, k + 9)) if toks[x].key == "to"), None)
            if to is not None and any(tr.i > to for tr in an.triggers):
                who = speaker_left(an, k, lexicon)
                if who is not None and who[0]:
                    frames.append(Frame("speech", k, who[0], who[1], to + 1, _relative_end(toks, k)))
            continue
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
        if kind == "speech" and key in _AS_STATED and (k + 1 >= n or not toks[k + 1].word) and k > 0 and (
                toks[k - 1].key == "as" or k > 1 and toks[k - 2].key == "as" and toks[k - 1].key in _AS_BEFORE):
            continue  # "..., not the SPLA-IO as (we) stated": the text's own earlier words, no speaker
        if kind == "warn" and k > 0 and toks[k - 1].key == "to":
            continue  # "positions used to threaten the capital": an infinitive, no one warns
        if key in _PUT_ONLINE and k > 0 and (toks[k - 1].key in _WRITTEN or toks[k - 1].key in _MEDIA):
            continue  # "threatened in a video posted online to ...": the video's participle, no speaker
        if k > 0 and (toks[k - 1].key in DETERMINERS or toks[k - 1].poss) and not key.endswith("ed"):
            continue  # "the reports", "Russia's warning": nouns
        if k > 0 and toks[k - 1].key in ("the", "a", "an") and k + 1 < n and toks[k + 1].word:
            continue  # "on the reported presence of militants", "an alleged attack": adjectives
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
        if key.endswith("ing") and k > 1 and (toks[k - 1].key in _WRITTEN or toks[k - 1].key in _MEDIA):
            # "a bandit leader has sent a voice message threatening to ...": who sent it speaks
            v = next((x for x in range(k - 2, max(-1, k - 6), -1) if toks[x].key in _SENDS), None)
            if v is not None:
                subj = speaker_left(an, v, lexicon) or subj
        if (subj is not None and previous is not None and previous[0]
                and _SAME_SOURCES.match(subj[0]) and not _SAME_SOURCES.match(previous[0])):
            subj = previous  # "The same sources said": those who spoke last
        elif subj is not None and previous is not None and previous[0] and _THE_PAPER.match(subj[0]) \
                and not _THE_PAPER.match(previous[0]):
            subj = previous  # a press review's "the daily reports": the paper just named
        if subj is not None and subj[1] is None and _EVIDENCE.intersection(subj[0].lower().split()):
            continue  # "geolocated footage indicates that ...": what the outlet sees, no claimant
        if subj is None and k > 0 and toks[k - 1].key == "and":
            # "the military said soldiers had acted to ... and denied that ...": who spoke first
            said = [f for f in frames if f.k < k and f.speaker and f.kind in ("speech", "deny", "warn")]
            subj = (said[-1].speaker, said[-1].actor) if said else _first_subject(an, k)
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
    frames += _statements_by(an, frames)
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
        if later and toks[min(later) - 1].key == "and" and min(later) - 1 > f.lo:
            f.hi = min(later) - 1  # "denied reports that ... and said it was ...": up to the "and"
        elif later:
            cut = [b for b in an.boundaries if f.k < b <= min(later)]
            if cut:
                f.hi = min(cut) if toks[min(cut)].key == "," and min(cut) + 1 in an.boundaries else max(cut)
    return frames


_STATEMENT_NOUNS = {"statement": "speech", "statements": "speech", "remarks": "speech", "comments": "speech",
                    "claims": "speech", "claim": "speech", "assertion": "speech", "assertions": "speech",
                    "warning": "warn", "warnings": "warn", "threat": "warn", "threats": "warn"}


_BY = re.compile(r"\bby\b", re.IGNORECASE)


def _statements_by(an, frames):
    """"recent statements by Israel's defence minister that Israel will strike Dahiyeh": the one
    after "by" says (or warns) what follows "that"."""
    if not _BY.search(an.text):
        return []  # most sentences: one regex search, no walk over the tokens
    toks, n = an.tokens, len(an.tokens)
    out = []
    for k in range(n - 3):
        kind = _STATEMENT_NOUNS.get(toks[k].key)
        if kind is None or toks[k + 1].key != "by" or any(f.lo <= k < f.hi and f.kind == "deny" for f in frames):
            continue  # ("rejects claims by the ELN that ...": the denial's content)
        who, actor, end = _np_after(an, k + 2)
        if who and end < n and toks[end].key == "that":
            out.append(Frame(kind, k, who, actor, end + 1, _relative_end(toks, end)))
    return out


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


_THE_PAPER = re.compile(r"(?i)(?:the\s+)?" + OUTLET_KINDS + r"$")
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


def _personal(label):
    return not _PERSONAL.isdisjoint(re.findall(r"[a-z]+", label.lower()))


_REMARKS = frozenset({"remarks", "comments", "speech", "address", "interview", "statement", "message", "video"})


def _remarks_by(an, k):
    """``(speaker, actor)`` of "remarks by X" within a few words before a participle at ``k``."""
    toks = an.tokens
    for x in range(k - 1, max(0, k - 16), -1):
        if toks[x].key in ("by", "from") and x >= 1 and toks[x - 1].key in _REMARKS:
            who, actor, _ = _np_after(an, x + 1)
            return (who, actor) if who else None
    return None


def _first_subject(an, k):
    for m in an.actors:
        if m.i < k and not m.pronoun and not m.held and (m.i == 0 or an.tokens[m.i - 1].key in ("the", "a", "an")):
            return m.actor, m.actor
    return None


# a document named as a source ("according to a separate statement"): the last speaker's
# participles that describe a document or recording after its noun ("a video posted online")
_PUT_ONLINE = frozenset({"posted", "published", "released", "issued", "circulated", "shared", "broadcast", "aired",
                         "uploaded"})
_SENDS = _PUT_ONLINE | {"sent", "send", "sends", "recorded", "records", "broadcasts", "distributed"}
_MEDIA = frozenset({"clip", "clips", "recording", "audio", "footage", "videos", "messages", "pamphlet", "leaflet"})
_DOCUMENTS = (_ACCOUNTS | _WRITTEN) - {"sources", "words", "testimony", "post", "posts", "video", "message"}


def warn_target(an, f):
    for m in an.actors:
        if f.k < m.i < f.hi and not m.pronoun:
            return m.actor
    return None
