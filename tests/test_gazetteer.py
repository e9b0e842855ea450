import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import shapely

from geomap.errors import GazetteerError, GeomapError
from geomap.gazetteer import KINDS, Gazetteer, Place, validate_csv

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "gazetteer_small.csv"
REAL = ROOT / "data" / "gazetteer.csv"
HEADER = "id,name,aliases,kind,country,parent,lat,lon,wkt,population,source"


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module", params=["fixture", "real"])
def gaz(request, tmp_path_factory):
    if request.param == "real":
        if not REAL.exists():
            pytest.skip("data/gazetteer.csv is not built yet")
        return Gazetteer.from_csv(REAL)
    return Gazetteer.from_csv(FIXTURE)


@pytest.fixture(scope="module")
def small():
    return Gazetteer.from_csv(FIXTURE)


# ------------------------------------------------------------------ acceptance
DEIR = (35.33588, 40.14084)  # GeoNames 170794


@pytest.mark.parametrize("spelling", ["Deir ez-Zour", "Deir al-Zor", "Dayr az-Zawr",
                                      "deir ezzor", "DEIR EZ-ZOR", "Deir Ezzor"])
def test_deir_ez_zor_spellings_resolve_to_the_city(gaz, spelling):
    place = gaz.resolve(spelling)
    assert place is not None and place.kind == "city"
    assert place.id == gaz.resolve("Deir ez-Zor").id
    assert km(place.lat, place.lon, *DEIR) < 5


# GeoNames coordinates (id, lat, lon) of the cities news reports name
GEONAMES = {
    "Moscow": (524901, 55.75204, 37.61781), "Baghdad": (98182, 33.34058, 44.40088),
    "Doha": (290030, 25.28545, 51.53096), "Kyiv": (703448, 50.45466, 30.5238),
    "Kharkiv": (706483, 49.98177, 36.25475), "Khartoum": (379252, 15.55177, 32.53241),
    "El Fasher": (379555, 13.62793, 25.34936), "Gaza": (281133, 31.50161, 34.46672),
    "Kiev": (703448, 50.45466, 30.5238), "Al Fashir": (379555, 13.62793, 25.34936),
}


@pytest.mark.parametrize("name", sorted(GEONAMES))
def test_cities_within_5_km_of_geonames(gaz, name):
    _, lat, lon = GEONAMES[name]
    place = gaz.resolve(name)
    assert place is not None, name
    assert place.precision == "city"
    assert km(place.lat, place.lon, lat, lon) < 5


def test_bare_raqqa_is_the_city_and_the_province_contains_it(gaz):
    city = gaz.resolve("Raqqa")
    province = gaz.resolve("Raqqa province")
    assert city.kind == "city" and city.precision == "city"
    assert province.kind == "province" and province.precision == "province"
    assert province.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert province.geometry.contains(shapely.Point(city.lon, city.lat))
    assert gaz.resolve("Raqqa governorate").id == province.id


def test_euphrates_is_a_river_line(gaz):
    river = gaz.resolve("Euphrates")
    assert river.kind == "river" and river.precision == "river"
    assert river.geometry.geom_type in ("LineString", "MultiLineString")
    assert gaz.resolve("Euphrates river").id == river.id
    assert gaz.resolve("al-Furat").id == river.id


DC = (38.89511, -77.03637)  # GeoNames 4140963


@pytest.mark.parametrize("context", [
    "The Pentagon said it was watching the fighting in Syria closely.",
    "Officials at the Pentagon briefed reporters on Syria.",
])
def test_washington_next_to_pentagon_and_syria_is_dc(gaz, context):
    place = gaz.resolve("Washington", context=context)
    assert place.country == "US" and km(place.lat, place.lon, *DC) < 20
    assert any("context" in w for w in place.why)


def test_washington_bare_is_dc_not_the_state_or_a_town(gaz):
    ranked = gaz.candidates("Washington")
    assert km(ranked[0].lat, ranked[0].lon, *DC) < 20
    assert ranked[0].score > ranked[1].score


def test_alexandria_next_to_louisiana(gaz):
    if not any(p.country == "US" and abs(p.lat - 31.3) < 0.5 for p in gaz.candidates("Alexandria")):
        pytest.skip("this gazetteer has no Alexandria, Louisiana")
    bare = gaz.resolve("Alexandria")
    assert bare.country == "EG"  # the big one without context
    place = gaz.resolve("Alexandria", context="Storms flooded central Louisiana this week.")
    assert place.country == "US" and km(place.lat, place.lon, 31.31129, -92.44514) < 10


# (name, our own context sentence, GeoNames id, lat, lon of the right answer)
IN_CONTEXT = [
    ("Moscow", "Moscow warned Washington that U.S.-backed forces in Syria would pay.",
     524901, 55.75204, 37.61781),
    ("Paris", "The president spoke in Paris about U.S. trade policy.", 2988507, 48.85341, 2.3488),
    ("Paris", "A tornado touched down near Paris, Texas, on Sunday.", 4717560, 33.66094, -95.55551),
    ("Alexandria", "Officials in Alexandria, Virginia, closed the waterfront.",
     4744091, 38.80484, -77.04692),
    ("Alexandria", "Storms hit central Louisiana. In Alexandria, roofs were torn off.",
     4314550, 31.31129, -92.44514),
    ("Springfield", "The mayor of Springfield, Illinois, signed the budget.",
     4250542, 39.80172, -89.64371),
    ("Portland", "Ferries from Portland, Maine, were cancelled.", 4975802, 43.65737, -70.2589),
    ("Portland", "Protesters marched in Portland again.", 5746545, 45.52345, -122.67621),
    ("Raqqa", "SDF fighters advanced from Tabqa.", 172955, 35.95283, 39.00788),
]


@pytest.mark.parametrize("name,context,gid,lat,lon", IN_CONTEXT,
                         ids=[f"{c[0]}-{c[2]}" for c in IN_CONTEXT])
def test_context_picks_the_right_place(gaz, name, context, gid, lat, lon):
    if not any(km(p.lat, p.lon, lat, lon) < 10 for p in gaz.candidates(name)):
        pytest.skip(f"this gazetteer has no {name} near ({lat}, {lon})")
    place = gaz.resolve(name, context=context)
    assert km(place.lat, place.lon, lat, lon) < 10, place.why


def test_city_comma_area_is_evidence(small):
    place = small.resolve("Alexandria", context="Officials in Alexandria, Virginia, said so.")
    assert place.parent == "US-VA"
    assert any("written as 'Alexandria, Virginia'" in w for w in place.why)


def test_country_beats_a_same_named_place(gaz):
    assert gaz.resolve("Georgia").kind == "country"
    assert gaz.resolve("Syria").kind == "country"
    us = gaz.resolve("U.S.")
    assert us.kind == "country" and us.country == "US"


# ------------------------------------------------------------- API behaviour
def test_candidates_expose_evidence(small):
    ranked = small.candidates("Alexandria")
    assert len(ranked) >= 3
    assert [p.score for p in ranked] == sorted((p.score for p in ranked), reverse=True)
    for p in ranked:
        assert p.why and any("population" in w for w in p.why)


def test_context_as_places(small):
    la = small.get("US-LA")
    place = small.resolve("Alexandria", context=[la])
    assert place.parent == "US-LA"
    assert any("same province" in w for w in place.why)


def test_filters(small):
    assert small.resolve("Raqqa", kind="province").kind == "province"
    assert small.resolve("Raqqa", kind={"province", "county"}).kind == "province"
    assert small.resolve("Alexandria", country="us").country == "US"
    assert small.resolve("Alexandria", country="FR") is None
    assert small.resolve("Atlantis") is None
    assert small.candidates("") == []


def test_article_variants(small):
    assert small.resolve("Mayadin").id == small.resolve("al-Mayadin").id
    place = small.resolve("ar-Raqqa")
    assert place.id == small.resolve("Raqqa").id
    assert small.resolve("al-Homs").id == small.resolve("Homs").id
    assert any("article" in w for w in small.resolve("al-Homs").why)


@pytest.mark.parametrize("demonym,place_id", [
    ("Syrians", "country:SY"), ("Iraqi", "country:IQ"), ("Russian", "country:RU"),
    ("Qatari", "country:QA"), ("Ukrainians", "country:UA"), ("Sudanese", "country:SD"),
    ("Egyptian", "country:EG"), ("Americans", "country:US"), ("Louisianans", "US-LA"),
])
def test_demonyms_name_their_country(small, demonym, place_id):
    place = small.resolve(demonym)
    assert place.id == place_id and "demonym" in place.why[0]


@pytest.mark.parametrize("name", ["Xyzians", "Parisians", "Mobilian"])
def test_demonyms_only_for_areas(small, name):
    # no country, province or region of that stem: no guess
    assert small.resolve(name) is None


def test_get_len_contains_hierarchy(small):
    city = small.get("geonames:170794")
    assert isinstance(city, Place) and city.name == "Deir ez-Zor"
    assert "geonames:170794" in small and "nope" not in small
    assert len(small) == len(small.frame)
    with pytest.raises(KeyError):
        small.get("nope")
    province = small.parent_of(city)
    assert province.id == "SY-DY"
    assert small.parent_of("SY-DY").id == "country:SY"
    assert small.parent_of("country:SY") is None
    assert "geonames:170794" in {p.id for p in small.children("SY-DY")}
    assert str(small.frame.crs) == "EPSG:4326"


@pytest.mark.parametrize("kind,precision", [
    ("country", "country"), ("province", "province"), ("county", "province"),
    ("region", "region"), ("lake", "region"), ("river", "river"), ("city", "city"),
    ("town", "city"), ("village", "city"), ("base", "point"), ("dam", "point"),
    ("landmark", "point"),
])
def test_precision(kind, precision):
    assert kind in KINDS
    place = Place(id="x", name="X", kind=kind, country=None, parent=None, lat=0.0, lon=0.0,
                  geometry=shapely.Point(0, 0))
    assert place.precision == precision


def test_place_is_frozen(small):
    with pytest.raises(AttributeError):
        small.get("geonames:170794").name = "x"


# ------------------------------------------------------------------- stacking
def write(path, *rows):
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_stacking_overrides_by_id_and_adds(small, tmp_path):
    user = write(
        tmp_path / "mine.csv",
        "geonames:170794,Deir ez-Zor,Dayr az Zawr,city,SY,SY-DY,35.34,40.15,,300000,my survey 2017",
        "mine:ayyash,Ayyash,Ayyash village,village,SY,SY-DY,35.2833,40.0167,,0,my field notes",
    )
    stacked = Gazetteer.from_csv(user, base=small)
    assert len(stacked) == len(small) + 1
    assert stacked.get("geonames:170794").source == "my survey 2017"
    assert stacked.resolve("Ayyash").id == "mine:ayyash"
    assert stacked.resolve("Deir ez-Zour").id == "geonames:170794"  # old alias not kept
    assert stacked.resolve("Dayr az Zawr").id in ("geonames:170794", "SY-DY")
    assert stacked.get("geonames:170794").population == 300000
    # the base is untouched
    assert small.get("geonames:170794").source.startswith("GeoNames")
    assert "mine:ayyash" not in small


def test_from_frame_round_trip(small):
    again = Gazetteer.from_frame(small.frame)
    assert len(again) == len(small)
    assert again.resolve("Raqqa province").geometry.equals(small.resolve("Raqqa province").geometry)


def test_from_frame_stacks(small):
    extra = small.frame[small.frame["id"] == "geonames:98182"].copy()
    extra["name"] = "Baghdad (mine)"
    stacked = Gazetteer.from_frame(extra, base=small)
    assert len(stacked) == len(small)
    assert stacked.get("geonames:98182").name == "Baghdad (mine)"


# --------------------------------------------------------------- bad CSV files
GOOD = "geonames:1,Alpha,,town,SY,,35.0,40.0,,100,GeoNames 1"
BAD = [
    ("bad wkt", [GOOD, 'geonames:2,Beta,,region,SY,,35,40,"POLYGON((1 2,3",100,test'], 3, "wkt"),
    ("unquoted commas", [GOOD, "geonames:2,Beta,,region,SY,,35,40,POLYGON((1 2,3 4)),1,t"], 3, "*"),
    ("lat 95", [GOOD, "geonames:2,Beta,,town,SY,,95,40,,100,test"], 3, "lat"),
    ("lon 200", [GOOD, "geonames:2,Beta,,town,SY,,35,200,,100,test"], 3, "lon"),
    ("lat text", [GOOD, "geonames:2,Beta,,town,SY,,north,40,,100,test"], 3, "lat"),
    ("unknown kind", [GOOD, "geonames:2,Beta,,hamlet,SY,,35,40,,100,test"], 3, "kind"),
    ("duplicate id", [GOOD, GOOD.replace("Alpha", "Alpha2")], 3, "id"),
    ("empty source", [GOOD, "geonames:2,Beta,,town,SY,,35,40,,100,"], 3, "source"),
    ("bad population", [GOOD, "geonames:2,Beta,,town,SY,,35,40,,many,test"], 3, "population"),
    ("bad country", [GOOD, "geonames:2,Beta,,town,Syria,,35,40,,100,test"], 3, "country"),
    ("river polygon", [GOOD, 'river:x,X,,river,,,35,40,"POLYGON((40 35,41 35,41 36,40 35))",0,test'], 3, "wkt"),
]


@pytest.mark.parametrize("label,rows,line,column", BAD, ids=[b[0] for b in BAD])
@pytest.mark.parametrize("loader", ["from_csv", "validate_csv"])
def test_bad_csv_names_file_line_column(tmp_path, label, rows, line, column, loader):
    path = write(tmp_path / "bad.csv", *rows)
    with pytest.raises(GazetteerError) as info:
        Gazetteer.from_csv(path) if loader == "from_csv" else validate_csv(path)
    assert str(info.value).startswith(f"{path}:{line}: column {column}: ")


def test_missing_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,name,kind,lat,lon\ngeonames:1,Alpha,town,35,40\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad.csv:1: column source: required column"):
        Gazetteer.from_csv(path)


def test_line_numbers_count_multiline_fields(tmp_path):
    path = write(tmp_path / "bad.csv", 'geonames:1,Alpha,"A\nB",town,SY,,35,40,,1,src',
                 "geonames:2,Beta,,town,SY,,95,40,,1,src")
    with pytest.raises(GazetteerError, match=r"bad.csv:4: column lat"):
        validate_csv(path)


def test_all_errors_lists_every_problem(tmp_path):
    path = write(tmp_path / "bad.csv", GOOD, "geonames:2,Beta,,hamlet,SY,,95,40,,1,")
    with pytest.raises(GazetteerError) as info:
        validate_csv(path, all_errors=True)
    text = str(info.value)
    assert "3 problems" in text
    for col in ("kind", "lat", "source"):
        assert f"bad.csv:3: column {col}:" in text


def test_missing_file(tmp_path):
    with pytest.raises(GazetteerError, match="cannot read the gazetteer file"):
        Gazetteer.from_csv(tmp_path / "nope.csv")


def test_fixture_and_real_files_validate():
    validate_csv(FIXTURE)
    if REAL.exists():
        validate_csv(REAL)


def test_fixture_rows_have_provenance(small):
    assert (small.frame["source"].str.len() > 0).all()


# ------------------------------------------------------------------- laziness
def test_import_does_no_io(tmp_path):
    code = textwrap.dedent("""
        import sys
        import geomap.gazetteer as g
        assert g.Gazetteer._default == {}
        heavy = [m for m in ("pandas", "geopandas", "shapely") if m in sys.modules]
        assert not heavy, heavy
        try:
            g.Gazetteer.default()
        except g.GazetteerError as exc:
            assert "nowhere" in str(exc) and "gazetteer.csv" in str(exc), exc
        else:
            raise SystemExit("default() did not read GEOMAP_DATA")
    """)
    env = {"GEOMAP_DATA": str(tmp_path / "nowhere"), "GEOMAP_CACHE": str(tmp_path / "cache"),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_default_is_cached(monkeypatch, tmp_path):
    (tmp_path / "gazetteer.csv").write_bytes(FIXTURE.read_bytes())
    monkeypatch.setattr(Gazetteer, "_default", {})
    monkeypatch.setenv("GEOMAP_DATA", str(tmp_path))
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path / "cache"))
    first = Gazetteer.default()
    assert Gazetteer.default() is first
    assert first.resolve("Deir Ezzor").id == "geonames:170794"


def test_default_world_without_world_module(monkeypatch):
    import importlib.util

    if importlib.util.find_spec("geomap.world") is not None:
        pytest.skip("geomap.world exists")
    monkeypatch.setattr(Gazetteer, "_default", {})
    monkeypatch.setenv("GEOMAP_DATA", str(REAL.parent))
    if not REAL.exists():
        pytest.skip("data/gazetteer.csv is not built yet")
    with pytest.raises(GeomapError, match="world"):
        Gazetteer.default(world=True)


def test_default_world_stacks_the_csv_on_the_world_table(tmp_path, monkeypatch):
    import pandas as pd

    import geomap.world

    world_rows = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    world_rows.loc[world_rows["id"] == "geonames:98182", "source"] = "world table"
    world_rows = pd.concat([world_rows, pd.DataFrame([{
        "id": "geonames:1", "name": "Worldville", "aliases": "", "kind": "town", "country": "SY",
        "parent": "", "lat": "35", "lon": "40", "wkt": "", "population": "5000",
        "source": "test world row"}])], ignore_index=True)
    table = tmp_path / "world.parquet"
    table.write_bytes(b"stands for the derived world table")
    calls = []

    def fake_load():
        calls.append(1)
        return world_rows

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "gazetteer.csv").write_bytes(FIXTURE.read_bytes())
    monkeypatch.setattr(geomap.world, "load_world_frame", fake_load)
    monkeypatch.setattr(geomap.world, "world_cache_path", lambda: table)
    monkeypatch.setattr("geomap._table.CACHE_MIN_ROWS", 0)
    monkeypatch.setenv("GEOMAP_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path / "cache"))
    for run in range(2):
        monkeypatch.setattr(Gazetteer, "_default", {})
        gaz = Gazetteer.default(world=True)
        assert gaz.resolve("Worldville").id == "geonames:1"
        assert gaz.get("geonames:98182").source.startswith("GeoNames")  # the CSV's row wins
        assert len(gaz) == len(world_rows)
    assert len(calls) == 1  # the second start read the stacked table from the cache


def test_index_cache_is_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path))
    monkeypatch.setattr("geomap._table.CACHE_MIN_ROWS", 0)
    first = Gazetteer.from_csv(FIXTURE)
    first.index
    assert list(tmp_path.glob("gazetteer-*.pickle"))
    second = Gazetteer.from_csv(FIXTURE)
    assert second.index == first.index
    assert second.resolve("Deir Ezzor").id == "geonames:170794"
    assert second.get("river:euphrates").geometry.equals(first.get("river:euphrates").geometry)
    assert second.frame.shape == first.frame.shape


def test_cached_load_skips_pandas(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        import geomap._table
        from geomap.gazetteer import Gazetteer
        geomap._table.CACHE_MIN_ROWS = 0
        place = Gazetteer.from_csv({str(FIXTURE)!r}).resolve("Deir Ezzor")
        print(place.id, "pandas" in sys.modules)
    """)
    env = {"GEOMAP_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(2)]
    assert runs == [["geonames:170794", "True"], ["geonames:170794", "False"]]


def test_small_tables_are_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path))
    Gazetteer.from_csv(FIXTURE).index
    assert not list(tmp_path.glob("gazetteer-*.pickle"))


def test_cache_follows_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr("geomap._table.CACHE_MIN_ROWS", 0)
    path = write(tmp_path / "g.csv", GOOD)
    assert Gazetteer.from_csv(path).resolve("Alpha").id == "geonames:1"
    write(path, GOOD.replace("Alpha", "Gamma"), "geonames:2,Delta,,town,SY,,35,40,,1,src")
    changed = Gazetteer.from_csv(path)
    assert changed.resolve("Alpha") is None and changed.resolve("Gamma").id == "geonames:1"
    write(path, GOOD, "geonames:2,Delta,,town,SY,,95,40,,1,src")
    with pytest.raises(GazetteerError, match="column lat"):
        Gazetteer.from_csv(path)


# ------------------------------------------------------------ online fallback
class FakeGeocoder:
    """Stands in for geomap.geocode.Geocoder: answers from a dict, counts calls."""

    def __init__(self, answers):
        self.answers, self.asked = answers, []

    def lookup(self, name, *, country=None):
        self.asked.append((name, country))
        return self.answers.get(name)


def test_geocoder_only_for_names_the_tables_lack(small):
    ayyash = Place(id="nominatim:1", name="Ayyash", kind="village", country="SY", parent=None,
                   lat=35.28, lon=40.02, geometry=shapely.Point(40.02, 35.28),
                   source="Nominatim", why=("online geocoder (Nominatim)",))
    fake = FakeGeocoder({"Ayyash": ayyash})
    online = small.with_geocoder(fake)
    assert online.resolve("Ayyash") == ayyash
    assert online.resolve("Raqqa").id == "geonames:172955"
    assert online.resolve("Nowhere at all", country="sy") is None
    assert online.resolve("Ayyash", kind="city") is None
    assert fake.asked == [("Ayyash", None), ("Nowhere at all", "SY"), ("Ayyash", None)]
    assert small.resolve("Ayyash") is None  # the original has no geocoder
    assert len(online) == len(small) and online.index is small.index


def test_default_with_geocoder(monkeypatch, tmp_path):
    (tmp_path / "gazetteer.csv").write_bytes(FIXTURE.read_bytes())
    monkeypatch.setattr(Gazetteer, "_default", {})
    monkeypatch.setenv("GEOMAP_DATA", str(tmp_path))
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path / "cache"))
    fake = FakeGeocoder({})
    online = Gazetteer.default(geocoder=fake)
    assert online.resolve("Atlantis") is None and fake.asked == [("Atlantis", None)]
    assert Gazetteer.default().resolve("Atlantis") is None and len(fake.asked) == 1
