"""What a later sentence adds to an event already told.

A report often tells an action first and, a sentence or a few later, who did
it ("Local officials blamed the SPLM-N for the attack"), where the attackers
came from ("They came on motorbikes from the south") or how it was answered
("Pakistani troops responded befittingly"). Read sentence by sentence, these
would be second events or nothing; here they complete the rows of the event
they refer back to. A headline that tells as fact what the body attributes
takes the body's author and source.
"""

from __future__ import annotations

import re

from . import qualifiers as Q
from .places import PlaceMention

__all__ = ["CAME_FROM", "came_from", "approach_back", "answer_back", "deny_back", "fold_back",
           "headline_takes_the_body_source"]


# "They came from the south, out of the forests", "an attack on Dilling that came from the west":
# where the attackers came from, told after the attack
CAME_FROM = re.compile(
    r"\b(?:they|attackers|assailants|gunmen|fighters|militants|raiders|insurgents|attack|assault|that|which)\s+"
    r"(?:had\s+|have\s+)?(?:came|come|arrived|approached)\b(?:\s+[\w'’-]+){0,6}?\s+(?=from\s+(?:the\s+)?"
    r"(?:north|south|east|west))", re.I)


def came_from(text):
    """The :data:`CAME_FROM` match in a sentence, or None (its verbs are looked for first, at C speed)."""
    low = text.lower()
    if "came" in low or "come" in low or "arrived" in low or "approached" in low:
        return CAME_FROM.search(text)
    return None


def approach_back(text, came, rows, gazetteer):
    """Give the approach that ``came`` (a :data:`CAME_FROM` match) tells to the last attack or clash
    among ``rows`` placed at a named place without a qualifier, in all its mentions there."""
    apps = Q.find_approaches(text, start=came.end(), end=came.end() + 40)
    told = [r for r in rows if r["action"] in ("attack", "clash") and r["qualifier"] is None
            and r["place_id"] and r["located_by"] in ("clause", "sentence", "previous sentence")]
    if not apps or not told:
        return
    pid = told[-1]["place_id"]
    place = gazetteer.get(pid) if pid in gazetteer else None
    if place is None or place.kind not in ("city", "town", "village", "point"):
        return
    for r in told:
        if r["place_id"] == pid:
            r.update(qualifier=apps[0][0], geometry=Q.approach_line(place.lon, place.lat, apps[0][0][5:]))


def answer_back(who, rows, lexicon, elsewhere=()):
    """An armed side's answer (``who`` "responded") to the attack the sentence before told: the
    attack was fought, a clash there between its author and ``who``; rows to add. Not when the
    answer was made at other places (``elsewhere``: the ids where the answering sentence's own
    events are)."""
    attack = next((r for r in reversed(rows) if r["action"] == "attack" and r["stance"] in ("asserted", "claimed")
                   and r["actor"] != who and r["target"] in (None, who)), None)
    if attack is None or any(pid != attack["place_id"] for pid in elsewhere):
        return []
    info = {k: lexicon.action_info("clash", k) or None for k in ("cameo", "plover", "icon")}
    if attack["actor"] is None:
        # "a unit of the army was attacked near Tera. The unit responded": the answering side is
        # the one named; the attack becomes the clash it was
        attack.update(action="clash", actor=who, actor_side=lexicon.actor(who).side, target=None,
                      target_side="unknown", **info)
        return []
    return [dict(attack, action="clash", target=who, target_side=lexicon.side_label(who), **info)]


def fold_back(d, place, how, rows, lexicon):
    """Give the author that a definite noun names ("accused the RSF of carrying out the attack") to
    the events of that action just told without one (or with a generic one: "gunmen"), with the
    accuser as their source; whether there were any. An author other than one already named, or
    the same author by another source ("Russia's Defence Ministry said its forces had completed the
    withdrawal", told first by Ukraine's), is another account: kept, for the merge to join."""
    if d.denials:
        return False
    pid = (place.place.id if isinstance(place, PlaceMention) else place.id) if place is not None else None
    told = [r for r in rows if r["action"] == d.category and r["stance"] in ("asserted", "claimed")
            and (r["actor"] is None or r["actor"].islower()
                 or r["actor"] == d.actor and (not d.reported_by or r["reported_by"] == d.reported_by))
            and (how != "clause" or r["place_id"] == pid)]
    if told:
        # the event last told, in all its mentions (a headline's and the body's)
        told = [r for r in told if r["place_id"] == told[-1]["place_id"]]
    for r in told:
        if r["actor"] != d.actor:
            r.update(actor=d.actor, actor_side=lexicon.actor(d.actor).side, backer=d.backer)
            if d.stance == "claimed" and d.reported_by:
                r.update(stance="claimed", reported_by=d.reported_by)
    return bool(told)


def deny_back(d, rows):
    """The denials of the action a definite noun refers back to ("The RSF denied carrying out the
    strike"): the events of that category just told, by the denier or by nobody named, as new
    rows denied by the denier; [] when none was told."""
    told = [r for r in rows if r["action"] == d.category and r["stance"] in ("asserted", "claimed")
            and (r["actor"] is None or r["actor"].islower() or r["actor"] == d.actor)]
    if not told or d.actor is None:
        return []
    told = [r for r in told if r["place_id"] == told[-1]["place_id"]][-1:]
    return [dict(r, actor=d.actor, stance="denied", reported_by=d.reported_by or d.actor) for r in told]


def lead_takes_the_body_source(rows):
    """A summary told as fact before the account that attributes it ("Key developments: Ukrainian
    drones set the Tuapse refinery on fire" over "Ukraine's Unmanned Systems Forces said its drones
    struck the Tuapse refinery"): the earlier row takes the later claimant of the same action,
    actor and place."""
    later = {}
    for r in reversed(rows):
        if r["stance"] == "claimed" and r["reported_by"]:
            later[(r["actor"], r["action"], r["place_id"])] = (r["sentence"], r["reported_by"])
        elif r["stance"] == "asserted" and r["reported_by"] is None and r["actor"]:
            hit = later.get((r["actor"], r["action"], r["place_id"]))
            if hit is not None and hit[0] != r["sentence"]:
                r.update(stance="claimed", reported_by=hit[1])


def headline_takes_the_body_source(rows, headline):
    """A headline tells as fact what the body attributes ("Israeli army storms Jenin" over
    "..., local sources said"): its rows take the body's claimant for the same action and place."""
    body, authors = {}, {}
    for r in rows:
        if r["sentence"] != headline and r["stance"] == "claimed" and r["reported_by"]:
            body.setdefault((r["actor"], r["action"], r["place_id"]), r["reported_by"])
        if r["sentence"] != headline and r["stance"] in ("asserted", "claimed") and r["actor"] \
                and not r["actor"].islower():
            authors.setdefault((r["action"], r["place_id"]), {}).setdefault(r["actor"], r)
    for r in rows:
        if r["sentence"] != headline or r["stance"] != "asserted":
            continue
        named = authors.get((r["action"], r["place_id"]), {})
        if (r["actor"] is None or r["actor"].islower()) and len(named) == 1:
            # "Drone strike kills 11 in Tawila market" over the body's "..., accused the RSF of
            # carrying out the attack": the body names the author, by its account
            b = next(iter(named.values()))
            r.update(actor=b["actor"], actor_side=b["actor_side"], backer=b["backer"])
        who = body.get((r["actor"], r["action"], r["place_id"]))
        if who:
            r.update(stance="claimed", reported_by=who)
