"""data/demonyms.csv and its use in resolution (geomap.demonyms, geomap.ranking)."""

import csv

import pytest

from geomap.demonyms import load_demonyms
from geomap.errors import GazetteerError
from geomap.gazetteer import Gazetteer
from geomap.normalize import normalize_name

from conftest import REPO

DATA = REPO / "data" / "demonyms.csv"


@pytest.fixture(scope="module")
def real():
    return Gazetteer.from_csv(REPO / "data" / "gazetteer.csv")


def _rows():
    with DATA.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_row_has_a_source_and_a_known_place(real):
    pycountry = pytest.importorskip("pycountry")
    for row in _rows():
        assert row["source"].startswith("Wikipedia, List of"), row
        pid = row["place"]
        if pid.startswith("GB-"):
            # UK nations come with the world table's subdivisions
            assert pycountry.subdivisions.get(code=pid) is not None, pid
        else:
            assert pid in real, row


def test_forms_are_unique_and_unambiguous():
    seen = {}
    for row in _rows():
        key = row["form"].casefold()
        assert seen.setdefault(key, row["place"]) == row["place"], row
    # forms shared by two places of the gazetteer are left out on purpose
    assert not {"georgian", "congolese", "guinean", "dominican", "korean"} & set(seen)


@pytest.mark.parametrize("name,place_id", [
    ("Cypriot", "country:CY"),
    ("Cypriots", "country:CY"),
    ("Irish", "country:IE"),
    ("Dutch", "country:NL"),
    ("Swiss", "country:CH"),
    ("Saudi", "country:SA"),
    ("Canadian", "country:CA"),   # over the villages named Canadian
    ("Texan", "US-TX"),
    ("Texans", "US-TX"),
    ("Russian", "country:RU"),
])
def test_demonym_resolves_to_its_place(real, name, place_id):
    place = real.resolve(name)
    assert place.id == place_id
    assert any("data/demonyms.csv" in w for w in place.why), place.why


TOY = """id,name,aliases,kind,country,parent,lat,lon,wkt,population,source
country:CA,Canada,,country,CA,,58.9,-99.6,,0,test
country:US,United States,,country,US,,39.4,-99.4,,0,test
US-TX,Texas,,province,US,country:US,31.5,-99.4,,0,test
t:canadian,Canadian,,village,US,US-TX,35.91,-100.38,,2600,test
t:pampa,Pampa,,town,US,US-TX,35.54,-100.96,,17000,test
t:perryton,Perryton,,town,US,US-TX,36.40,-100.80,,8800,test
t:borger,Borger,,town,US,US-TX,35.67,-101.40,,12500,test
"""


def test_demonym_is_evidence_not_a_veto(tmp_path):
    """A text about the Texas Panhandle may still mean the town named Canadian."""
    path = tmp_path / "toy.csv"
    path.write_text(TOY, encoding="utf-8")
    toy = Gazetteer.from_csv(path)
    assert toy.resolve("Canadian").id == "country:CA"
    text = ("The school board met in Canadian on Monday. Pampa sent two delegates, "
            "and Perryton and Borger, Texas, asked for a second meeting.")
    place = toy.resolve("Canadian", context=text)
    assert place.id == "t:canadian", place.why


@pytest.mark.parametrize("text", [
    "Russian forces shelled the outskirts overnight.",
    "The Irish delegation ordered French fries.",
    "Dutch and Swiss officials met Saudi envoys.",
])
def test_demonyms_are_not_place_mentions(real, text):
    """The table serves resolve() only: the matcher does not read demonyms as names."""
    assert not [m.text for m in real.matcher.scan(text)
                if m.text in {"Russian", "Irish", "French", "Dutch", "Swiss", "Saudi"}]


@pytest.mark.parametrize("content,message", [
    ("form,source\nIrish,x\n", "missing column"),
    ("form,place,source\nIrish,,somewhere\n", "column place: empty value"),
    ("form,place,source\n--,country:IE,somewhere\n", "no letters or digits"),
])
def test_bad_tables_name_file_line_and_column(tmp_path, content, message):
    path = tmp_path / "demonyms.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message) as err:
        load_demonyms(path)
    assert str(path) in str(err.value)


def test_keys_are_normalized_names(tmp_path):
    path = tmp_path / "demonyms.csv"
    path.write_text("form,place,source\nVERMONTER,US-VT,a list\nVermonter,US-VT,another\n", encoding="utf-8")
    table = load_demonyms(path)
    assert list(table) == [normalize_name("Vermonter")]
    assert {pid for pid, _ in table[normalize_name("Vermonter")]} == {"US-VT"}


def test_a_vowel_folded_spelling_is_no_demonym(real):
    """Keys fold vowels; the form must still be spelled as written."""
    assert normalize_name("Rusian") == normalize_name("Russian")
    place = real.resolve("Rusian")
    assert place is None or not any("demonyms.csv" in w for w in place.why)
