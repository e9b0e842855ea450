"""Several reports of one action become one event that keeps every claim."""

import json

from shapely.geometry import Point

from geomap.extract.merge import merge_events


def _row(doc, stance, by, **kw):
    row = {"doc": doc, "actor": "Russia", "action": "attack", "target": "Syrian Democratic Forces",
           "place_id": "geonames:170794", "place": "Deir ez-Zor", "qualifier": None, "stance": stance,
           "reported_by": by, "outlet": None, "sentence": f"{doc} {stance}", "geometry": Point(40.1, 35.3)}
    row.update(kw)
    return row


def test_claim_and_denial_merge_into_one():
    out = merge_events([_row("a", "claimed", "Syrian Democratic Forces"), _row("a", "denied", "Russia")])
    assert len(out) == 1
    ev = out[0]
    assert ev["n_reports"] == 2 and ev["stance"] == "claimed"
    assert ev["reported_by"] == "Syrian Democratic Forces; Russia"
    assert [c["stance"] for c in json.loads(ev["claims"])] == ["claimed", "denied"]


def test_documents_stay_apart_unless_asked():
    rows = [_row("a", "asserted", None), _row("b", "claimed", "Reuters source")]
    assert len(merge_events(rows)) == 2
    merged = merge_events(rows, across_documents=True)
    assert len(merged) == 1 and merged[0]["stance"] == "asserted"
    assert {c["doc"] for c in json.loads(merged[0]["claims"])} == {"a", "b"}


def test_different_actions_places_and_threats_stay_apart():
    rows = [_row("a", "asserted", None), _row("a", "asserted", None, action="advance"),
            _row("a", "asserted", None, place_id="geonames:1"), _row("a", "threatened", None)]
    assert len(merge_events(rows)) == 4


def test_frame_in_frame_out():
    from geomap.extract.events import events_to_frame

    frame = events_to_frame([_row("a", "claimed", "x"), _row("a", "denied", "y")])
    frame.attrs["documents"] = 1
    out = merge_events(frame)
    assert len(out) == 1 and out.crs.to_epsg() == 4326 and out.attrs["documents"] == 1
    assert int(out.iloc[0]["n_reports"]) == 2
