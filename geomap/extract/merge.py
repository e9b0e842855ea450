"""Merge several reports of one action into one event that keeps every claim.

Two outlets reporting the same attack, or a claim and its denial ("the
militias said they came under attack from Russian jets, something Moscow
denied"), are one action with several claims.  The merged row keeps the
first report's fields and lists every report in ``claims`` (JSON:
``doc, outlet, reported_by, stance, sentence``); ``n_reports`` counts them;
``reported_by`` joins the claimants and ``stance`` is the most assertive one
(asserted > claimed > denied), so a disputed claim stays a claim.
"""

from __future__ import annotations

import json

__all__ = ["merge_events"]

_RANK = {"asserted": 0, "claimed": 1, "denied": 2, "threatened": 3, "planned": 4}
_FUTURE = {"threatened", "planned"}


def _key(row, across_documents):
    stance = row.get("stance") or "asserted"
    return (
        None if across_documents else row.get("doc"),
        row.get("actor"), row.get("action"), row.get("target") or None,
        row.get("place_id") or None, row.get("qualifier") or None,
        stance in _FUTURE,
    )


def merge_events(events, *, across_documents=False):
    """Merge reports of the same action.

    Parameters
    ----------
    events : geopandas.GeoDataFrame or list of dict
        Events as made by :func:`geomap.extract.events.extract_events`.
    across_documents : bool
        Also merge reports from different documents (two outlets). The merged
        event keeps the first document's ``doc``; ``claims`` names them all.
        Off by default so that per-document outputs stay per document.

    Returns
    -------
    Same type as ``events``
        One row per action with ``n_reports`` and ``claims``.
    """
    is_frame = hasattr(events, "to_dict") and hasattr(events, "geometry")
    if is_frame:
        rows = events.to_dict("records")
        attrs = dict(events.attrs)
    else:
        rows = [dict(r) for r in events]
    groups, order = {}, []
    for row in rows:
        k = _key(row, across_documents)
        if row.get("geometry") is None and not row.get("place_id"):
            k = k + (id(row),)  # unlocated: only identical sentences are the same report
            k = k[:-1] + (row.get("sentence"),)
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(row)
    out = []
    for k in order:
        group = groups[k]
        first = dict(group[0])
        claims = []
        for r in group:
            c = r.get("claims")
            try:
                items = json.loads(c) if isinstance(c, str) and c else []
            except ValueError:
                items = []
            if not items:
                items = [{"doc": r.get("doc"), "outlet": r.get("outlet"), "reported_by": r.get("reported_by"),
                          "stance": r.get("stance"), "sentence": r.get("sentence")}]
            for item in items:
                if item not in claims:
                    claims.append(item)
        first["claims"] = json.dumps(claims, ensure_ascii=False)
        first["n_reports"] = len(claims)
        first["stance"] = min((c.get("stance") or "asserted" for c in claims), key=lambda s: _RANK.get(s, 9))
        who = []
        for c in claims:
            if c.get("reported_by") and c["reported_by"] not in who:
                who.append(c["reported_by"])
        first["reported_by"] = "; ".join(who) if who else None
        for r in group[1:]:  # keep the most precise geometry among the reports
            if first.get("geometry") is None and r.get("geometry") is not None:
                for col in ("geometry", "place", "place_id", "qualifier", "precision", "place_text"):
                    first[col] = r.get(col)
        out.append(first)
    if not is_frame:
        return out
    from .events import events_to_frame

    frame = events_to_frame(out)
    frame.attrs.update(attrs)
    return frame
