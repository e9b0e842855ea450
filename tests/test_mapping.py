"""make_map: what goes into the page (the browser side is in test_browser.py)."""

import json
import re
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, Polygon

from browser import JINJA, PAYLOADS, sample_events
from geomap import _map_sides, mapping
from geomap.errors import InputError, MissingDependencyError
from geomap.mapping import make_map

REPO = Path(__file__).resolve().parents[1]
HAVE_ASSETS = (REPO / "node_modules" / "leaflet" / "dist" / "leaflet.js").exists()
needs_assets = pytest.mark.skipif(not HAVE_ASSETS, reason="node_modules/ missing: run `npm install`")

GAZ_CSV = """id,name,aliases,kind,country,parent,lat,lon,wkt,population,source
test-euphrates,Euphrates,Firat,river,SY,,35.35,40.1,"LINESTRING (38.2 35.95, 39 35.95, 39.6 35.7, 40.1 35.35, 40.45 35.02, 40.92 34.47)",0,test fixture: schematic line
test-khabur,Khabur,,river,SY,,36.0,40.6,"LINESTRING (40.0 36.9, 40.6 36.0, 40.5 35.1)",0,test fixture: schematic line
test-idlib,Idlib Governorate,Idlib,province,SY,test-syria,35.8,36.6,"POLYGON ((35.9 35.4, 37.3 35.4, 37.3 36.75, 35.9 36.75, 35.9 35.4))",0,test fixture: schematic box
test-syria,Syria,,country,SY,,35,38.5,"POLYGON ((35.7 32.3, 42.4 32.3, 42.4 37.3, 35.7 37.3, 35.7 32.3))",0,test fixture: schematic box
"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    from geomap.gazetteer import Gazetteer

    path = tmp_path_factory.mktemp("gaz") / "gazetteer.csv"
    path.write_text(GAZ_CSV, encoding="utf-8")
    return Gazetteer.from_csv(path)


def payload_of(m):
    html = m.get_root().render()
    found = re.search(r'<script type="application/json" id="[^"]+_data">(.*?)</script>', html, re.S)
    assert found, "the events JSON block is missing"
    data = json.loads(found.group(1))
    lazy = re.search(r'<script type="application/json" id="%s">(.*?)</script>' % re.escape(data["lazy"]), html, re.S)
    assert lazy, "the block of lazily parsed columns is missing"
    data["cols"].update(json.loads(lazy.group(1)))
    return data, html


def decode(payload, column, k):
    col = payload["cols"][column]
    if "r" in col:
        return col["r"][k]
    return None if col["i"][k] < 0 else col["v"][col["i"][k]]


def test_returns_folium_map_with_every_event(gazetteer):
    events = sample_events(river_id="test-euphrates", province_id="test-idlib")
    m = make_map(events, title="Test", gazetteer=gazetteer)
    assert isinstance(m, folium.Map)
    data, _ = payload_of(m)
    located = ~(events.geometry.isna() | events.geometry.is_empty)
    assert data["n_events"] == len(events) and data["n_located"] == int(located.sum())
    assert data["unlocated"] == np.flatnonzero(~located.to_numpy()).tolist()
    assert [v is None for v in data["lat"]] == (~located).tolist()
    for k in range(len(events)):
        assert decode(data, "sentence", k) == events["sentence"][k]
        assert decode(data, "actor", k) == events["actor"][k]
        assert data["sides"][data["side"][k]]["key"] == events["actor_side"][k]


def test_marker_points_follow_the_geometry(gazetteer):
    events = sample_events(river_id="test-euphrates", province_id="test-idlib")
    data, _ = payload_of(make_map(events, gazetteer=gazetteer))
    for k, geom in enumerate(events.geometry):
        if geom is None:
            continue
        p = Point(data["lon"][k], data["lat"][k])
        if events["qualifier"][k] == "from_south":
            assert p.distance(Point(geom.coords[-1])) < 1e-4  # arrow head end, not the start
        else:
            assert geom.distance(p) < 1e-4
    kinds = {s["k"] for s in data["shapes"]}
    assert kinds == {"bank", "approach", "area", "cross"}


def test_rivers_areas_and_context_from_gazetteer(gazetteer):
    events = sample_events(river_id="test-euphrates", province_id="test-idlib")
    data, _ = payload_of(make_map(events, gazetteer=gazetteer, tiles=None))
    assert [r["name"] for r in data["rivers"]] == ["Euphrates"]
    assert data["rivers"][0]["g"]["type"] == "LineString"
    assert [a["name"] for a in data["areas"]] == ["Idlib Governorate"]
    assert [c["name"] for c in data["countries"]] == ["Syria"]
    assert [r["name"] for r in data["context_rivers"]] == ["Khabur"]
    cross = [s for s in data["shapes"] if s["k"] == "cross"]
    assert len(cross) == 1
    start, end = Point(cross[0]["g"]["coordinates"][0]), Point(cross[0]["g"]["coordinates"][-1])
    river = LineString([(38.2, 35.95), (39, 35.95), (39.6, 35.7), (40.1, 35.35), (40.45, 35.02), (40.92, 34.47)])
    # The crossing starts on the far (west) side and ends on the east bank.
    assert start.x < end.x and river.distance(end) > 0


def test_no_context_with_tiles(gazetteer):
    data, html = payload_of(make_map(sample_events(), gazetteer=gazetteer))
    assert data["countries"] == [] and data["context_rivers"] == []
    assert "tile.openstreetmap.org" in html


@pytest.mark.parametrize("offline", [False, pytest.param(True, marks=needs_assets)])
def test_external_references(offline, gazetteer):
    _, html = payload_of(make_map(sample_events(), offline=offline, gazetteer=gazetteer))
    remote = re.findall(r"<(?:script|link)[^>]*(?:src|href)\s*=\s*[\"']?(https?:[^\"' >]+)", html)
    if offline:
        assert remote == [] and "tile.openstreetmap" not in html
        assert "L.markerClusterGroup" in html and "data:image/png;base64," in html
    else:
        assert any("leaflet.markercluster@" in u for u in remote)
        assert any("leaflet" in u and u.endswith(".js") for u in remote)


def test_offline_without_assets_fails_clearly(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_ASSETS", str(tmp_path))
    with pytest.raises(MissingDependencyError, match="npm install"):
        make_map(sample_events(), offline=True)


def test_hostile_text_never_reaches_html_raw(gazetteer):
    events = sample_events(hostile=True)
    m = make_map(events, title=PAYLOADS[0], gazetteer=gazetteer)
    data, html = payload_of(m)
    for payload in PAYLOADS:
        assert payload not in html
    assert "<img src=x" not in html and "window.__pwned=1</script>" not in html
    assert "<title>&lt;script&gt;" in html
    k = len(events) - 2
    assert decode(data, "sentence", k) == events["sentence"][k]  # the text survives intact
    assert data["title"] == PAYLOADS[0]
    assert decode(data, "sentence", k + 1).endswith(JINJA) and JINJA in html  # not evaluated as a template


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(), kids, max_size=3),
                    max_leaves=10))
def test_script_json_is_inert_and_lossless(value):
    text = mapping._script_json(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == value


def test_side_colours_from_table_and_stable_palette():
    table = {"alpha": ("Alpha forces", "#123456"), "bad": ("Bad", "red;background:url(x)")}
    styles = _map_sides.side_styles(["alpha", "bad", "zeta", "unknown"], table)
    assert styles[0] == {"key": "alpha", "label": "Alpha forces", "colour": "#123456"}
    assert styles[1]["colour"] in _map_sides.PALETTE  # an unsafe colour is replaced, label kept
    assert styles[1]["label"] == "Bad" and styles[3]["colour"] == _map_sides.UNKNOWN_COLOUR
    again = _map_sides.side_styles(["zeta"], {})
    assert again[0]["colour"] == _map_sides.side_styles(["zeta", "omega"], {})[0]["colour"]
    many = _map_sides.side_styles([f"side{i}" for i in range(8)], {})
    assert len({s["colour"] for s in many}) == 8


def test_sides_csv_is_used_when_present(tmp_path):
    csv = tmp_path / "sides.csv"
    csv.write_text("side,label,colour\nblue_team,Blue team,#0000aa\n", encoding="utf-8")
    events = sample_events().assign(actor_side="blue_team")
    data, _ = payload_of(make_map(events, sides=csv))
    assert data["sides"] == [{"key": "blue_team", "label": "Blue team", "colour": "#0000aa"}]


@pytest.mark.parametrize("n, expected", [(50, False), (500, True)])
def test_clusters_when_many(n, expected):
    rng = np.random.default_rng(1)
    events = gpd.GeoDataFrame(
        {"actor": "A", "action": "attack", "actor_side": "unknown", "sentence": "s"},
        index=range(n), geometry=gpd.points_from_xy(rng.uniform(30, 40, n), rng.uniform(30, 36, n)), crs=4326)
    assert payload_of(make_map(events))[0]["cluster"] is expected
    assert payload_of(make_map(events, cluster=not expected))[0]["cluster"] is (not expected)


def test_dates_feed_the_slider():
    events = sample_events()
    events.loc[0, "date"] = "2017-09-21T10:00:00Z"
    events["date"] = events["date"].astype(object)
    data, _ = payload_of(make_map(events))
    located_days = {d[:10] for d, g in zip(events["date"], events.geometry) if d and g is not None}
    assert data["days"] == sorted(located_days)
    stamps = sample_events().assign(date=pd.to_datetime(sample_events()["date"]))
    assert payload_of(make_map(stamps))[0]["days"] == sorted(located_days)


def test_reprojects_and_validates_coordinates():
    events = sample_events().to_crs(3857)
    data, _ = payload_of(make_map(events))
    assert all(v is None or 30 < v < 40 for v in data["lat"])
    broken = sample_events().set_crs(None, allow_override=True)
    broken.geometry = broken.geometry.translate(xoff=1e6)
    with pytest.raises(InputError, match="longitude/latitude"):
        make_map(broken)


@pytest.mark.parametrize("bad", [pd.DataFrame({"a": [1]}), [1, 2], "no/such/events.geojson"])
def test_bad_input_is_an_input_error(bad):
    with pytest.raises(InputError):
        make_map(bad)


def test_reads_a_geojson_file(tmp_path):
    path = tmp_path / "events.geojson"
    sample_events().to_file(path, driver="GeoJSON")
    data, _ = payload_of(make_map(path))
    assert data["n_events"] == len(sample_events())


def test_empty_and_minimal_frames():
    empty = gpd.GeoDataFrame({"actor": []}, geometry=gpd.GeoSeries([], crs=4326))
    data, _ = payload_of(make_map(empty))
    assert data["n_events"] == 0 and data["days"] == []
    bare = gpd.GeoDataFrame(geometry=[Point(1, 2), Polygon([(0, 0), (1, 0), (1, 1)])], crs=4326)
    data, _ = payload_of(make_map(bare))
    assert data["n_located"] == 2 and data["sides"][0]["key"] == "unknown"


def test_claims_pass_through():
    events = sample_events()
    claims = [{"doc": "a", "outlet": "X", "stance": "claimed", "sentence": "one"},
              {"doc": "b", "outlet": "Y", "stance": "denied", "sentence": "two"}]
    events["claims"] = [json.dumps(claims)] + [None] * (len(events) - 1)
    events["n_reports"] = [2] + [1] * (len(events) - 1)
    data, _ = payload_of(make_map(events))
    assert json.loads(decode(data, "claims", 0)) == claims and decode(data, "n_reports", 0) == 2


def test_river_events_sit_near_the_report_and_draw_the_river_once():
    river = LineString([(38.0, 36.0), (40.1, 35.35), (42.0, 34.0), (44.0, 32.0)])
    events = gpd.GeoDataFrame({
        "doc": ["d1", "d1", "d2"], "actor": ["A", "B", "C"], "action": ["advance", "attack", "cross"],
        "place": ["Euphrates", "Deir ez-Zor", "Euphrates"], "precision": ["river", "city", "river"],
        "qualifier": [None, None, None],
    }, geometry=[river, Point(40.14, 35.34), river], crs=4326)
    data, _ = payload_of(make_map(events, gazetteer=None))
    near = Point(data["lon"][0], data["lat"][0])
    assert river.distance(near) < 1e-4 and near.distance(Point(40.14, 35.34)) < 0.1  # on the river, by the city
    middle = river.interpolate(0.5, normalized=True)  # d2 has no point events: the middle
    assert Point(data["lon"][2], data["lat"][2]).distance(middle) < 1e-4
    assert data["shapes"] == [] and [r["name"] for r in data["rivers"]] == ["Euphrates"]


def test_target_sides_show_labels():
    events = sample_events().assign(target_side="russia_bloc")
    data, _ = payload_of(make_map(events, sides={"russia_bloc": ("Russia and allies", "#c0392b")}))
    assert data["cols"]["target_side"]["v"] == ["Russia and allies"]


def test_sides_table_problems(tmp_path):
    bad = tmp_path / "sides.csv"
    bad.write_text("name,colour\nx,#000\n", encoding="utf-8")
    with pytest.raises(InputError, match="side,label,colour"):
        make_map(sample_events(), sides=bad)
    with pytest.warns(UserWarning, match="no such sides table"):
        make_map(sample_events(), sides=tmp_path / "missing.csv")


@given(st.lists(st.none() | st.text(max_size=5) | st.integers(-3, 3), max_size=30))
def test_column_encoding_round_trips(values):
    enc = mapping._encode(pd.Series(values, dtype=object))
    decoded = [None if i < 0 else enc["v"][i] for i in enc["i"]]
    assert decoded == [None if v is None else str(v) for v in values]
    assert len(set(enc["v"])) == len(enc["v"])


def test_markers_go_to_the_page_in_spatial_order():
    rng = np.random.default_rng(3)
    n = 2000
    events = gpd.GeoDataFrame({"actor": ["A"] * n},
                              geometry=gpd.points_from_xy(rng.uniform(30, 45, n), rng.uniform(28, 40, n)), crs=4326)
    events.loc[[5, 50, 500], "geometry"] = None
    data, _ = payload_of(make_map(events, gazetteer=None))
    order = data["order"]
    assert sorted(order) == [k for k in range(n) if data["lat"][k] is not None]  # every located event, once
    xy = np.array([[data["lon"][k], data["lat"][k]] for k in order])
    step = np.hypot(*np.diff(xy, axis=0).T).mean()
    shuffled = np.hypot(*np.diff(xy[rng.permutation(len(xy))], axis=0).T).mean()
    assert step < shuffled / 5  # neighbours in the list are neighbours on the map


def test_popup_columns_are_parsed_lazily():
    _, html = payload_of(make_map(sample_events(), gazetteer=None))
    main = re.search(r'<script type="application/json" id="[^"]+_data">(.*?)</script>', html, re.S).group(1)
    assert "sentence" not in json.loads(main)["cols"]
