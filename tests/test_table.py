"""geomap._table: reading and checking gazetteer CSVs, the name index, the disk cache."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geomap import _table
from geomap.errors import GazetteerError
from geomap.gazetteer import Gazetteer, validate_csv
from geomap.normalize import normalize_name

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "gazetteer_small.csv"
REAL = ROOT / "data" / "gazetteer.csv"
HEADER = "id,name,aliases,kind,country,parent,lat,lon,wkt,population,source"


@pytest.fixture(scope="module")
def small():
    return Gazetteer.from_csv(FIXTURE)


def write(path, *rows):
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path



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




# ------------------------------------------------------------------ the index
def test_index_codes_say_how_a_key_matched(small):
    index = _table.build_index(small._cols)
    row = small._pos["SY-RA"]
    keys = [normalize_name(n) for n in ("Raqqa", "Raqqa province", "Raqqa governorate")]
    how = {c & 3 for k in keys for c in index[k] if c >> 2 == row}
    assert how == {0, 2}  # the name, and synthesized forms
    row = small._pos["geonames:173480"]  # Al Mayadin, also spelled Mayadin
    assert {c & 3 for c in index["mayadin"] if c >> 2 == row} <= {1, 3}
    assert (row << 2) in index["al mayadin"]
    assert index == small.index


@pytest.mark.parametrize("aliases,expected", [
    ("", ()), ("A", ("A",)), (" A | B |", ("A", "B")), ("Washington, D.C.|D.C.", ("Washington, D.C.", "D.C.")),
])
def test_split_aliases(aliases, expected):
    assert _table.split_aliases(aliases) == expected


# ------------------------------------------------------------ invalid outlines
@pytest.mark.parametrize("wkt,area", [
    # a bow tie: the ring crosses itself (two unit triangles)
    ("POLYGON((40 35, 42 37, 42 35, 40 37, 40 35))", 2.0),
    # two squares touching along an edge written as one multipolygon
    ("MULTIPOLYGON(((40 35, 41 35, 41 36, 40 36, 40 35)), ((41 35, 42 35, 42 36, 41 36, 41 35)))", 2.0),
])
def test_invalid_outlines_are_repaired_on_load(tmp_path, wkt, area):
    import shapely

    path = write(tmp_path / "g.csv", GOOD, f'XX-1,Bowtie,,province,SY,,36,41,"{wkt}",0,test')
    place = Gazetteer.from_csv(path).get("XX-1")
    assert place.geometry.is_valid
    assert place.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert place.geometry.area == pytest.approx(area)
    # what raised before the repair: an overlay with the outline
    assert place.geometry.intersection(shapely.box(40, 35, 41, 36)).area > 0


def test_valid_outlines_are_kept_as_given(tmp_path):
    wkt = "POLYGON((40 35, 41 35, 41 36, 40 36, 40 35))"
    path = write(tmp_path / "g.csv", GOOD, f'XX-1,Square,,province,SY,,35.5,40.5,"{wkt}",0,test')
    import shapely

    geom = Gazetteer.from_csv(path).get("XX-1").geometry
    assert geom.equals_exact(shapely.from_wkt(wkt), 0.0)  # same vertices, same order
