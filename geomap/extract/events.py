"""Reported actions as events: who did what to whom, where, and who says so.

:func:`extract_events` reads documents, runs the pipeline per document
(:func:`extract_document`: clean, find places, analyse sentences, link
actions, place them) and returns the events GeoDataFrame of DESIGN.md, with
unlocated events kept (empty geometry) and ``attrs["documents"]`` /
``attrs["skipped"]`` telling what was read.

Each event is placed by :mod:`.placing` (its clause, sentence, the previous
sentence, the article's main area; ``located_by`` says which), and what later
sentences add to events already told (their author, the approach, an answer
that makes them a clash) is folded back by :mod:`.backrefs`.

Columns beyond the CONTRIBUTING.md contract: ``located_by`` (clause,
sentence, previous sentence, article, none), ``trigger`` (the action words as
written), ``cameo``/``plover``/``icon`` (from ``data/actions.csv``) and
``dateline`` (the wire dateline, kept as metadata and never used as a place).
"""

from __future__ import annotations

import json
import re

from . import qualifiers as Q
from .backrefs import (answer_back, approach_back, came_from, deny_back, fold_back, headline_takes_the_body_source,
                       lead_takes_the_body_source)
from .clauses import analyse
from .clean import clean_text, split_sentences
from .linking import Memory, link_sentence
from .places import PlaceMention, find_places, focus_points, main_area
from .placing import coordinated, place_for
from .quotes import Quotation
from .responses import responder
from .tokens import tokenize

__all__ = ["extract_events", "extract_document", "events_to_frame", "COLUMNS"]

COLUMNS = [
    "event_id", "doc", "actor", "action", "target", "place", "place_id", "qualifier", "precision",
    "reported_by", "stance", "date", "sentence", "actor_side", "target_side", "backer", "place_text",
    "title", "outlet", "url", "n_reports", "claims", "located_by", "trigger", "cameo", "plover", "icon",
    "dateline",
]
# json.dumps(..., ensure_ascii=False) builds a new encoder per call; one encoder serves all rows
_CLAIMS_JSON = json.JSONEncoder(ensure_ascii=False).encode
_COARSER = {"point": "city", "city": "province", "river": "region", "province": "region", "region": "region",
            "country": "country"}


def _recent(rows, starts, n):
    """The rows of the last ``n`` sentences read (``starts``: where each sentence's rows begin)."""
    return rows[starts[-n] if len(starts) >= n else 0:]


def _as_document(doc):
    if isinstance(doc, str):
        from ..io import Document

        return Document(id="text-1", text=doc)
    return doc


def extract_document(doc, *, gazetteer=None, lexicon=None):
    """Events of one document as row dicts (the columns of :data:`COLUMNS` plus ``geometry``).

    Parameters
    ----------
    doc : geomap.io.Document or str
        The report; a plain string gets the id ``text-1``.
    gazetteer : geomap.Gazetteer, optional
    lexicon : geomap.extract.lexicon.Lexicon, optional

    Returns
    -------
    list of dict
    """
    if gazetteer is None:
        from ..gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    if lexicon is None:
        from .lexicon import Lexicon

        lexicon = Lexicon.default()
    doc = _as_document(doc)
    cleaned = clean_text(doc.text or "", title=getattr(doc, "title", None))
    text = cleaned.text
    sentences = split_sentences(text)
    tokens = [tokenize(s.text) for s in sentences]
    names = [(s.start + a, s.start + b) for s, toks in zip(sentences, tokens)
             for a, b in lexicon.alias_spans(s.text, tokens=toks)]
    # the text is cleaned already: no dateline or link lines left to find
    mentions = find_places(text, gazetteer=gazetteer, lexicon=lexicon, dateline_end=0, link_spans=(),
                           actor_spans=names)
    outlets = {o.lower() for o in (cleaned.outlet, getattr(doc, "outlet", None)) if o}
    for pm in mentions:
        if pm.text.lower() in outlets:
            pm.role = "org"  # the outlet is no place in its own story ("residents contacted by Xinhua")
    focus = main_area(mentions)
    country = _article_country(mentions, focus)
    near = focus_points(mentions, focus)
    memory = Memory()
    if cleaned.issuer:
        memory.issuer = _issuer_case(cleaned.issuer)
        # a statement's "we" and "our forces" are its issuer's side, as in a transcript's turn
        issuer_actors = [m.actor for m in analyse(cleaned.issuer, lexicon).actors if not m.pronoun]
        if not issuer_actors:
            # "Ministry of Defense (Federal Democratic Republic of Ethiopia)": the country's forces
            ccs = {pid.split(":", 1)[1] for m in gazetteer.scan(cleaned.issuer) for pid in m.place_ids
                   if pid.startswith("country:")}
            issuer_actors = [a.name for a in lexicon.actors.values() if a.country in ccs and a.type == "state_forces"]
        if len(issuer_actors) == 1 or issuer_actors and len(set(issuer_actors)) == 1:
            memory.turn = (_issuer_case(cleaned.issuer), issuer_actors[0])
    rows = []
    prev_sites = []
    prev_rows = []
    meta = {
        "doc": doc.id, "title": getattr(doc, "title", None) or cleaned.title,
        "outlet": getattr(doc, "outlet", None) or cleaned.outlet, "url": getattr(doc, "url", None),
        "date": getattr(doc, "date", None), "dateline": cleaned.dateline,
    }
    quotation = Quotation()
    # an undated report whose lead dates its story by year ("executed 140 civilians in March
    # 2025, Human Rights Watch said") is set in that year: only earlier years are background
    # (the cleaner ends headlines and headings with " .", as a tokenized dump ends every sentence)
    lead = next((s.text for s in sentences[:4] if not _heading(s.text) and not _BACKGROUND_LABEL.match(s.text)), "")
    lead_year = (m.group("year") if (m := _DATED.search(lead)) and m.group("prep") else None)
    # mentions are in text order: walk them alongside the sentences
    k = 0
    starts = []  # where each sentence's rows begin
    section = None  # a briefing's country section ("BURKINA FASO" over its items): (code, place)
    for sent, toks in zip(sentences, tokens):
        while k < len(mentions) and mentions[k].start < sent.start:
            k += 1
        here = []
        while k < len(mentions) and mentions[k].start < sent.end:
            here.append(mentions[k])
            k += 1
        head = _section_head(sent, here)
        if head is not None:
            section = head if head else None
        # (a section's bare "the army" and unplaced events are its country's, not the article's)
        focus_here, country_here = (section[1], section[0]) if section else (focus, country)
        sites = [pm for pm in here if pm.locating]
        blocked = [(pm.start - sent.start, pm.end - sent.start) for pm in sites if not pm.coref]
        # "the army" is the army of the country the sentence is set in (a situation report
        # covers Sudan, then Burkina Faso), else of the article's
        # (a river or sea crosses borders: the White Nile's row says Sudan, Malakal is in South Sudan)
        here_cc = {pm.place.country for pm in sites if pm.place.country
                   and pm.place.kind not in ("country", "river", "sea", "lake")}
        an = analyse(sent.text, lexicon, country=here_cc.pop() if len(here_cc) == 1 else country_here,
                     blocked=blocked, tokens=toks)
        before = len(rows)
        starts.append(before)
        said = None
        # ("Background: the M23 first captured Goma in 2012 ...": a labelled aside is history)
        past = True if _BACKGROUND_LABEL.match(sent.text) else _background(sent.text, meta["date"] or lead_year)
        for d in link_sentence(an, lexicon, memory):
            if past is True or (past is not False and toks and toks[min(d.k, len(toks) - 1)].start >= past):
                continue  # read for its actors and speakers, but the story's events are not in it
            if said is None:  # what every event of the sentence shares
                said = (_plain(sent.text), event_date(sent.text, meta["date"]))
            place, how = place_for(d, an, sent, sites, prev_sites, focus_here, lexicon, country_here, gazetteer)
            # (an account's source often comes a few sentences after the event: quotes in between)
            if d.back and d.stance == "denied" and not d.denials:
                # "The RSF denied carrying out the strike": the strike just told, denied
                denied = deny_back(d, _recent(rows, starts, 5))
                if denied:
                    rows.extend(dict(r, sentence=said[0]) for r in denied)
                    continue
            if d.back and (fold_back(d, place, how, _recent(rows, starts, 5), lexicon)
                           or d.back == "drop"):
                continue
            for pm in ([place, *coordinated(place, sites, text)] if how == "clause" else [place]):
                base = _row(d, an, sent, pm, how, focus_here, near, lexicon, meta, said)
                more = base.pop("_more")
                rows.append(base)
                rows.extend(dict(base, qualifier=q, geometry=g) for q, g in more)
                for who in d.denials:
                    extra = dict(base, stance="denied", reported_by=who)
                    rows.append(extra)
        quotation.feed(sent.text, rows[before:], memory.speaker)
        if not any(r["action"] == "clash" for r in rows[before:]):
            who = responder(an, lexicon)
            # (an answer somewhere else is a retaliation there: "Ukraine responded with strikes on Belgorod")
            elsewhere = {r["place_id"] for r in rows[before:] if r["located_by"] in ("clause", "sentence")}
            if who is not None:
                rows.extend(answer_back(who, prev_rows, lexicon, elsewhere))
        came = came_from(sent.text)
        if came:
            # (the current sentence's rows, or, when it has none, the last few sentences')
            approach_back(sent.text, came, rows[before:] or _recent(rows, starts, 4), gazetteer)
        if _CONTINUES.match(sent.text):
            # "..., the ministry said. In addition, ships of the fleet destroyed three boats": the
            # account goes on, its source with it
            said = {(r["reported_by"], r["stance"]) for r in prev_rows if r["reported_by"]}
            if len(said) == 1 and next(iter(said))[1] == "claimed":
                for row in rows[before:]:
                    if row["reported_by"] is None and row["stance"] == "asserted":
                        row.update(reported_by=next(iter(said))[0], stance="claimed")
        if memory.claim_previous:
            who = memory.claim_previous
            for row in prev_rows + rows[before:]:
                if row["action"] == "attack" and (row["actor"] is None or row["actor"].islower()):
                    # an unnamed or generic author ("militants") named by its claim; who told of the
                    # attack before still tells of it ("..., security sources said. JNIM claimed the attack")
                    row.update(actor=who, actor_side=lexicon.actor(who).side, stance="claimed",
                               reported_by=row["reported_by"] if row["stance"] == "claimed" and row["reported_by"]
                               else who)
            memory.claim_previous = None
        if memory.blame_previous:
            who, source = memory.blame_previous
            for row in prev_rows + rows[before:]:
                if row["action"] == "attack" and (row["actor"] is None or row["actor"].islower()):
                    # "Local sources attributed the strike to the SAF": its author, by their account
                    row.update(actor=who, actor_side=lexicon.actor(who).side, stance="claimed",
                               reported_by=source or row["reported_by"])
            memory.blame_previous = ()
        if memory.deny_previous:
            for row in list(prev_rows):
                if row["stance"] in ("asserted", "claimed"):
                    denied = dict(row, stance="denied", reported_by=memory.deny_previous, sentence=_plain(sent.text))
                    if row["actor"] is None or row["actor"].islower():
                        # "Drones struck Kosti. The RSF denied any involvement": it denies it was them
                        who = memory.deny_previous
                        denied.update(actor=who, actor_side=lexicon.actor(who).side)
                    rows.append(denied)
            memory.deny_previous = None
        prev_rows = rows[before:] or prev_rows
        if sites:
            # where the sentence's events were is what the next sentence continues from, not
            # every place it named ("..., medics at Nasser Hospital in Khan Younis told us")
            used = {r["place_id"] for r in rows[before:]}
            # (where flights were diverted to is no place the next sentence goes on from)
            prev_sites = [pm for pm in sites if pm.place.id in used] or [pm for pm in sites if pm.role == "site"]
    if cleaned.title and sentences:
        headline_takes_the_body_source(rows, _plain(sentences[0].text))
    lead_takes_the_body_source(rows)
    if cleaned.issuer:
        # a press statement's own account is its issuer's claim ("ROYAL THAI ARMY - PRESS STATEMENT")
        issuer = _issuer_case(cleaned.issuer)
        for row in rows:
            if row["reported_by"] is None:
                row["reported_by"] = issuer
                if row["stance"] == "asserted":
                    row["stance"] = "claimed"
            elif (row["stance"] == "threatened" and row["reported_by"] == row["actor"]
                  and memory.turn[1] != row["actor"]):
                # "the committee has received reports that armed youth have threatened to attack
                # Kodok": the issuer tells of another party's threat
                row["reported_by"] = issuer
    for n, row in enumerate(rows):
        row["event_id"] = f"{doc.id}:{n}"
        row["claims"] = _CLAIMS_JSON([{k: row[k] for k in ("doc", "outlet", "reported_by", "stance", "sentence")}])
    return rows


def _article_country(mentions, focus):
    if focus is not None and focus.country:
        return focus.country
    counts = {}
    for pm in mentions:
        if pm.locating and pm.place.country:
            counts[pm.place.country] = counts.get(pm.place.country, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _issuer_case(name):
    """A letterhead's issuer in title case: "IDF SPOKESPERSON'S UNIT" -> "IDF Spokesperson's Unit"
    (short all-capital words are acronyms); a mixed-case name is kept as written."""
    if not (name.isupper() or name.islower()):
        return name
    words = []
    for w in name.split():
        if w.lower() in ("of", "the", "and", "for", "on", "in") and words:
            words.append(w.lower())
        elif name.isupper() and (len(w.strip("(),.")) <= 3 and w.isalpha()
                                 or w.startswith("(") and w.endswith(")") and w[1:-1].isalpha()):
            words.append(w)  # IDF, RSF, UN, "(ISPR)"
        else:
            words.append(re.sub(r"['’]S\b", lambda m: m.group(0).lower(), w.title()))
    return " ".join(words)


def _row(d, an, sent, place, how, focus, near, lexicon, meta, said):
    toks = an.tokens
    geom = qualifier = precision = None
    pname = pid = ptext = None
    more = []
    if place is not None:
        if not isinstance(place, PlaceMention):  # the article's main area, a Place
            geom, precision, qualifier = place.geometry, _COARSER.get(place.precision, place.precision), None
            pname, pid, ptext = place.name, place.id, None
        else:
            geom, precision, qualifier = place.geometry, place.precision, place.qualifier
            pname, pid, ptext = place.place.name, place.place.id, place.text
            if place.span != (place.start, place.end):
                s0 = place.span[0]
                ptext = sent.text[max(0, s0 - sent.start):place.span[1] - sent.start] if s0 >= sent.start else place.text
        movement = lexicon.action_info(d.category, "movement", "no") == "yes"
        if (movement or d.category in ("attack", "clash")) and qualifier is None:
            lo, hi = d.clause
            # "liberated X and continue advancing on Y from the south": the next verb's approach is its own
            later = [t.i for t in an.triggers if d.k < t.i < hi]
            hi = min(later) if later else hi
            apps = [a for a in Q.find_approaches(sent.text, start=toks[lo].start, end=toks[hi - 1].end)
                    if a[0][5:] in Q._DIRS]
            if apps:
                p = place.place if isinstance(place, PlaceMention) else place
                qualifier = apps[0][0]
                geom = Q.approach_line(p.lon, p.lat, qualifier[5:])
                # "from the south and east": one approach arrow per direction
                more = [(a[0], Q.approach_line(p.lon, p.lat, a[0][5:])) for a in apps[1:]]
    actor = lexicon.actor(d.actor)
    return {
        "event_id": None, "doc": meta["doc"], "actor": d.actor, "action": d.category, "target": d.target,
        "place": pname, "place_id": pid, "qualifier": qualifier, "precision": precision if geom is not None else None,
        "reported_by": d.reported_by, "stance": d.stance, "date": said[1], "sentence": said[0],
        "actor_side": actor.side, "target_side": lexicon.side_label(d.target) if d.target else "unknown",
        "backer": d.backer, "place_text": ptext, "title": meta["title"], "outlet": meta["outlet"], "url": meta["url"],
        "n_reports": 1, "claims": None, "located_by": how, "trigger": d.trigger,
        "cameo": lexicon.action_info(d.category, "cameo") or None,
        "plover": lexicon.action_info(d.category, "plover") or None,
        "icon": lexicon.action_info(d.category, "icon") or None,
        "dateline": meta["dateline"],
        "geometry": geom,
        "_more": more,
    }


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PAST_DAY = re.compile(r"\s*(?:since|last)\b", re.I)
_DAY_RX = re.compile(r"\b(?:on|late|early|since|last)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                     r"yesterday|today|overnight)\b", re.I)


# a day of this story's month written as a date, without its year ("on 13 November", "on Nov. 13")
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_DAY = re.compile(r"\bon\s+(?:\d{1,2}\s+" + _MON + r"|" + _MON + r"\s+\d{1,2}\b)(?!\s*,?\s*(?:19|20)\d\d)", re.I)


def _day_named(sentence, start=0, end=None):
    """Where the sentence dates its news by a weekday or a day of the month, or None."""
    end = len(sentence) if end is None else end
    a, b = _DAY_RX.search(sentence, start, end), _DATE_DAY.search(sentence, start, end)
    return a if b is None or (a is not None and a.start() < b.start()) else b


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# events and periods a year names ("the 2023 offensive"); not counts ("the 2000 residents")
_YEAR_NOUNS = (r"(?:offensives?|attacks?|war|wars|campaigns?|invasion|uprising|revolution|elections?|ceasefire|truce|"
               r"deal|agreement|accord|fighting|clashes|siege|battles?|massacres?|coup|crisis|incursion|operations?|"
               r"assaults?|raids?|strikes?|conflict|protests?|escalation|takeover|capture|fall|withdrawal|"
               r"peace|talks|counteroffensive|counter-offensive|push|advance|bombardment|bombing)\b")
# "in August 2024", "since 2009", "in the spring of 2025", "in 2022 and 2023": a dated past
_DATED = re.compile(
    r"\b(?:(?P<prep>in|during|by|from|until|between)\s+(?:(?:early|late|mid)[\s-]+)?(?:the\s+(?:spring|summer|autumn|fall|"
    r"winter|end|start|beginning)\s+of\s+)?(?:(?P<month>" + "|".join(_MONTHS) + r")\s+)?"
    # ... or a year naming an event: "the 2023 offensive", "the gang's 2024 attacks"
    r"|(?=(?:the|its|their|his|her|s)\s+(?:[a-z]+(?:-[a-z]+)*\s+)?(?:19|20)\d\d\s+(?:[a-z]+\s+)?" + _YEAR_NOUNS + r")"
    r"(?:the|its|their|his|her|s)\s+(?:[a-z]+(?:-[a-z]+)*\s+)?)"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.I)


# a state that has lasted since a year ("has been fighting the group since December 2024", "have
# been held in Doha since 2023"): the story's setting, not its news
_SINCE_YEAR = re.compile(
    r"\b(?:(?:has|have|had)\s+been\s+\w+\b[^.;:]*?|(?:control|rule|occupation|siege|hands)\s+)"
    # ... or "under AFC/M23 control since February 2025": a hold dated by its start
    r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:"
    + "|".join(_MONTHS) + r")\s+)?(?:19|20)\d\d\b", re.I)


# "the worst since the 2013-2018 civil war, when massacres in Bor ...": what a year's "when"
# clause tells is history (from the comma on)
# "since the army retook Khartoum a year ago", "two years ago": history, as a year is ("since last
# year" is not: "a town it has fought to hold since last year" tells of now)
_LONG_AGO = re.compile(r"\b(?:a|one|two|three|four|five|six|several|many|\d+)\s+(?:years?|decades?)\s+ago\b", re.I)
_YEAR_WHEN = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\b[^.;,]{0,40}(?=,\s+when\b)", re.I)


# openers that go on with the account before ("In addition, ...", "It also said ...")
_CONTINUES = re.compile(r"\s*(?:in\s+addition|additionally|furthermore|moreover|besides|also)\b\s*,", re.I)


def _section_head(sent, here):
    """A briefing's section head: ``(code, place)`` for a line that is only a country's name
    ("BURKINA FASO", "DR CONGO"), ``()`` for another head in capitals ("COMING UP"), which ends
    the section, else None."""
    body = sent.text.rstrip(" .").strip()
    if not body or len(body.split()) > 5 or not sent.text.rstrip().endswith(" ."):
        return None
    if len(here) == 1 and here[0].place.kind == "country" and here[0].place.country and (
            here[0].text.lower() == body.lower() or body.lower().endswith(" " + here[0].text.lower())):
        return here[0].place.country, here[0].place
    return () if body.isupper() else None


def _heading(text):
    """A headline or heading line: closed by the cleaner's " ." and short."""
    return text.rstrip().endswith(" .") and len(text.split()) <= 16


_BACKGROUND_LABEL = re.compile(r"(?i)\s*(?:background|context|history)\s*[:–—]")


def _background(sentence, article_date):
    """Whether the sentence tells the story's background: its events are dated to a year
    ("crossed into the region in August 2024", "captured in 2022 and 2023") before
    the article's month, or, with no article date, dated at all (news dates its own events by
    weekday or "on Friday", and what it dates by year is history).

    Returns True, False, or the offset where a dated aside begins after news dated by its
    day: events told from there on are background."""
    got = _dated_background(sentence, article_date)
    when = _YEAR_WHEN.search(sentence)
    if got is True or when is None or _day_named(sentence, when.end()):
        return got
    return when.end() if got is False else min(got, when.end())


def _dated_background(sentence, article_date):
    m = _DATED.search(sentence)
    if m is None:
        return ((_SINCE_YEAR.search(sentence) is not None or _LONG_AGO.search(sentence) is not None)
                and _day_named(sentence) is None)
    day = _day_named(sentence, 0, m.start())
    between = sentence[day.end():m.start()] if day else ""
    if (day and sentence[:day.start()].strip() and ("," in between or ";" in between)
            and not _PAST_DAY.match(sentence, day.start())):
        # "hit a car on Tuesday, ..., the latest since a truce that ended fighting in November
        # 2024": the news is dated by its day; the year dates the trailing aside it opens
        # ("... on 13 November; the RSF took the town in May 2025" too)
        return max(sentence.rfind(",", day.end(), m.start()), sentence.rfind(";", day.end(), m.start()))
    if not article_date:
        return True
    try:
        year, month = int(str(article_date)[:4]), int(str(article_date)[5:7] or 0)
    except ValueError:
        return True
    said_year = int(m.group("year"))
    if said_year != year:
        return said_year < year
    return bool(m.group("month")) and _MONTHS.index(m.group("month").lower()) + 1 < month


def event_date(sentence, article_date):
    """The event's ISO date: a weekday or "yesterday" in the sentence counted back from
    the article's date (reports speak of the past week), else the article's date, else None."""
    if not article_date:
        return None
    import datetime as dt

    try:
        day = dt.date.fromisoformat(str(article_date)[:10])
    except ValueError:
        return None
    m = _DAY_RX.search(sentence)
    if m:
        word = m.group(1).lower()
        if word == "yesterday":
            day -= dt.timedelta(days=1)
        elif word in _WEEKDAYS:
            day -= dt.timedelta(days=(day.weekday() - _WEEKDAYS.index(word)) % 7)
    return day.isoformat()


_SPACES = re.compile(r"\s+")
_SPACE_DOT = re.compile(r"\s+\.$")


def _plain(text):
    return _SPACE_DOT.sub(".", _SPACES.sub(" ", text).strip())


def events_to_frame(rows):
    """Build the events GeoDataFrame (EPSG:4326) from row dicts.

    Parameters
    ----------
    rows : iterable of dict

    Returns
    -------
    geopandas.GeoDataFrame
        The :data:`COLUMNS` in order (extra keys kept after them) and ``geometry``.
    """
    import geopandas as gpd
    import pandas as pd

    rows = list(rows)
    extra = []
    for r in rows:
        for k in r:
            if k not in COLUMNS and k != "geometry" and k not in extra:
                extra.append(k)
    cols = COLUMNS + extra
    data = {c: [r.get(c) for r in rows] for c in cols}
    frame = pd.DataFrame(data, columns=cols)
    if "n_reports" in frame:
        frame["n_reports"] = frame["n_reports"].fillna(1).astype(int)
    return gpd.GeoDataFrame(frame, geometry=[r.get("geometry") for r in rows], crs="EPSG:4326")


def extract_events(inputs, *, gazetteer=None, lexicon=None, progress=None, merge=True):
    """Extract the events of news reports.

    Parameters
    ----------
    inputs : path, str, Document or an iterable of them
        Anything :func:`geomap.io.read_documents` reads (files, folders, ``-``,
        Documents, article text).
    gazetteer : geomap.Gazetteer, optional
        Defaults to :meth:`geomap.Gazetteer.default`.
    lexicon : Lexicon, optional
        Defaults to the lexicon of ``data/``.
    progress : callable, optional
        Called as ``progress(done, total, doc_id)`` after each document.
    merge : bool
        Merge several reports of one action (:func:`geomap.extract.merge.merge_events`).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per reported action; ``attrs["documents"]`` is the number of
        documents read and ``attrs["skipped"]`` the ``(where, reason)`` of those not read.
    """
    from ..io import read_documents

    if gazetteer is None:
        from ..gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    if lexicon is None:
        from .lexicon import Lexicon

        lexicon = Lexicon.default()
    result = read_documents(inputs)
    docs = list(result.documents)
    rows = []
    for n, doc in enumerate(docs, start=1):
        rows.extend(extract_document(doc, gazetteer=gazetteer, lexicon=lexicon))
        if progress is not None:
            progress(n, len(docs), doc.id)
    frame = events_to_frame(rows)
    if merge and len(frame):
        from .merge import merge_events

        frame = merge_events(frame)
    frame.attrs["documents"] = len(docs)
    frame.attrs["skipped"] = list(result.skipped)
    return frame
