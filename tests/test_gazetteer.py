"""geomap.gazetteer: Place, loading and stacking, access, laziness, the online fallback."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import shapely

from geomap.errors import GeomapError
from geomap.gazetteer import KINDS, Gazetteer, Place

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "gazetteer_small.csv"
REAL = ROOT / "data" / "gazetteer.csv"
HEADER = "id,name,aliases,kind,country,parent,lat,lon,wkt,population,source"



# ------------------------------------------------------------- API behaviour
def test_filters(small):
    assert small.resolve("Raqqa", kind="province").kind == "province"
    assert small.resolve("Raqqa", kind={"province", "county"}).kind == "province"
    assert small.resolve("Alexandria", country="us").country == "US"
    assert small.resolve("Alexandria", country="FR") is None
    assert small.resolve("Atlantis") is None
    assert small.candidates("") == []


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
    world_rows.attrs["cache_key"] = "test world table"  # as load_world_frame sets it
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
    # one entry for the CSV, one for the stacked table: the world rows are not
    # cached a second time on their own
    assert len(list((tmp_path / "cache").glob("gazetteer-*.pickle"))) == 2


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


def test_scan_is_the_matchers_and_remembers_recent_texts(small):
    text = "Shelling near Deir ez-Zor and Raqqa, then Homs."
    first = small.scan(text)
    assert first == small.matcher.scan(text)
    assert text in small._scan_cache
    first.clear()  # callers get their own list: the cache is not changed through it
    assert small.scan(text) == small.matcher.scan(text) != []
    for k in range(20):  # bounded: old texts are forgotten
        small.scan(f"text {k} about Homs")
    assert len(small._scan_cache) <= 8


@pytest.mark.parametrize("name,pid", [
    ("North Kivu", "CD-NK"), ("Nord-Kivu", "CD-NK"), ("South Kivu", "CD-SK"), ("Borno State", "NG-BO"),
    ("Borno", "NG-BO"), ("Cabo Delgado", "MZ-P"), ("Amhara region", "ET-AM"), ("Tigray", "ET-TI"),
    ("Shabwa", "YE-SH"), ("Hadramawt", "YE-HD"), ("South Lebanon", "LB-JA"), ("Gaza Province", "MZ-G"),
])
def test_default_resolves_conflict_provinces(monkeypatch, tmp_path, name, pid):
    # first-level subdivisions of the other wars (tools/_regions.py): joined by
    # their capitals (geomap.world.CAPITALS), named as English news names them
    monkeypatch.setattr(Gazetteer, "_default", {})
    monkeypatch.setenv("GEOMAP_DATA", str(REAL.parent))
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path / "cache"))
    place = Gazetteer.default().resolve(name)
    assert place is not None and place.id == pid and place.kind == "province"


def test_default_keeps_gaza_the_city(monkeypatch, tmp_path):
    # Mozambique's Gaza Province is no rival to Gaza (Palestine) for the bare name
    monkeypatch.setattr(Gazetteer, "_default", {})
    monkeypatch.setenv("GEOMAP_DATA", str(REAL.parent))
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path / "cache"))
    assert Gazetteer.default().resolve("Gaza").country == "PS"


@pytest.mark.parametrize("name,context,pid", [
    # places conflict reports name that GeoNames' extract lacks (data/curated_places.csv)
    ("Palma", "Cabo Delgado, Mozambique", "town:palma-mozambique"),
    ("Palma", None, "geonames:2512989"),  # alone, Palma de Mallorca keeps the name
    ("Zamzam", None, "camp:zamzam"), ("Zamzam camp", "North Darfur", "camp:zamzam"),
    ("Mitiga", "Tripoli, Libya", "base:mitiga"), ("Mitiga airport", None, "base:mitiga"),
    ("Cité Soleil", None, "city:cite-soleil"), ("Cite Soleil", "Port-au-Prince", "city:cite-soleil"),
    ("Petite-Rivière-de-l'Artibonite", None, "town:petite-riviere-artibonite"),
    ("Kyaukphyu", "Rakhine State", "geonames:1316752"),  # GeoNames' Kyaukpyu, the reports' spelling
    ("Lake Tana", None, "lake:tana"), ("Kakhovka Reservoir", None, "lake:kakhovka-reservoir"),
    ("Kakhovka", None, "geonames:707244"),  # the town keeps its name
    # one row per city where GeoNames had two (geomap.world.DUPLICATES)
    ("Zawiya", None, "geonames:2218970"), ("Zawiya", "Libya", "geonames:2218970"),
    ("Geneina", None, "geonames:379303"), ("El Geneina", "West Darfur", "geonames:379303"),
    # rivers traced from GSHHG through their anchor towns (tools/_rivers.py)
    ("Oskil", None, "river:oskil"), ("Oskil River", None, "river:oskil"), ("Oskol", None, "river:oskil"),
    ("Shabelle River", None, "river:shabelle"), ("Shebelle", None, "river:shabelle"),
])
def test_real_gazetteer_resolves_conflict_places(real_gaz, name, context, pid):
    place = real_gaz.resolve(name, context=context)
    assert place is not None and place.id == pid, (name, place and place.id)


def test_real_gazetteer_has_one_zawiya_and_one_geneina(real_gaz):
    for name, pid in (("Zawiya", "geonames:2218970"), ("El Geneina", "geonames:379303")):
        assert [p.id for p in real_gaz.candidates(name, country="LY" if pid == "geonames:2218970" else "SD")
                if p.kind == "city"] == [pid]
    assert "geonames:2216885" not in real_gaz and "geonames:379302" not in real_gaz


@pytest.mark.parametrize("pid,towns", [
    ("river:oskil", [(49.71003, 37.61581)]),                         # Kupiansk
    ("river:shabelle", [(4.73583, 45.20361), (2.1381, 45.1212)]),   # Beledweyne, Afgooye
])
def test_real_river_is_a_line_near_its_anchors(real_gaz, pid, towns):
    river = real_gaz.get(pid)
    assert river.kind == "river" and river.geometry.geom_type == "LineString"
    for lat, lon in towns:
        assert river.geometry.distance(shapely.Point(lon, lat)) < 0.03  # degrees: ~3 km
