"""geomap.ranking: candidates ranked with their evidence (through Gazetteer.resolve/candidates)."""

import math
from pathlib import Path

import pytest
from types import SimpleNamespace
import shapely

from geomap import ranking
from geomap.gazetteer import Gazetteer
from geomap.normalize import normalize_name

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "gazetteer_small.csv"
REAL = ROOT / "data" / "gazetteer.csv"


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(a))



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


@pytest.mark.parametrize("context,area", [
    ("Gunmen attacked a convoy near Boni, in central Mali.", "Mali"),
    ("Gunmen attacked a convoy near Boni, Mali, on Monday.", "Mali"),
    ("gunmen attacked a convoy near boni, in the far north of mali.", None),
])
def test_name_comma_in_area_is_evidence(gaz, context, area):
    # "X, in central Y" says what holds X as "X, Y" does ("central" is also a place name)
    if "village:boni" not in gaz:
        pytest.skip("this gazetteer has no curated Boni")
    place = gaz.resolve("Boni", context=context)
    written = [w for w in place.why if w.startswith("written as")]
    if area is None:
        assert not written  # "the far north of" is not the pattern
    else:
        assert place.id == "village:boni", place.why
        assert written and area in written[0]


def test_country_beats_a_same_named_place(gaz):
    assert gaz.resolve("Georgia").kind == "country"
    assert gaz.resolve("Syria").kind == "country"
    us = gaz.resolve("U.S.")
    assert us.kind == "country" and us.country == "US"


@pytest.mark.parametrize("name,country", [("Pokrovsk", "UA"), ("Novorossiysk", "RU")])
def test_own_name_beats_a_larger_places_old_name(real_gaz, name, country):
    # Engels was called Pokrovsk until 1931: a town of that name today, three times smaller, is meant
    place = real_gaz.resolve(name)
    assert place.name == name and place.country == country, place.why


# ------------------------------------------------------------- evidence
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



# ------------------------------------------------------ document votes (text)
HEADER = "id,name,aliases,kind,country,parent,lat,lon,wkt,population,source"
# our own toy world: two Springfields in two states, towns of each state, a
# country and a village whose name folds like its demonym
TOY = [
    "country:US,United States,America,country,US,,39.8,-98.6,,0,test",
    "country:RU,Russia,,country,RU,,60.0,100.0,,0,test",
    "US-IL,Illinois,,province,US,country:US,40.0,-89.2,,0,test",
    "US-MO,Missouri,,province,US,country:US,38.4,-92.5,,0,test",
    "t:spr-il,Springfield,,city,US,US-IL,39.80,-89.64,,110000,test",
    "t:spr-mo,Springfield,,city,US,US-MO,37.22,-93.30,,170000,test",
    "t:peoria,Peoria,,city,US,US-IL,40.69,-89.59,,110000,test",
    "t:decatur,Decatur,,town,US,US-IL,39.84,-88.95,,70000,test",
    "t:joliet,Joliet,,city,US,US-IL,41.53,-88.08,,150000,test",
    "t:rosian,Rosian,,village,DE,,52.0,12.0,,900,test",
    "t:mosul,Mosul,,town,IQ,,36.34,43.13,,20000,test",
    "t:musul,Musul,,town,IQ,,35.00,44.00,,10000,test",
]


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    path = tmp_path_factory.mktemp("toy") / "toy.csv"
    path.write_text("\n".join([HEADER, *TOY]) + "\n", encoding="utf-8")
    return Gazetteer.from_csv(path)


def test_bare_springfield_is_the_larger_one(toy):
    assert toy.resolve("Springfield").id == "t:spr-mo"


@pytest.mark.parametrize("text", [
    "Crews from Peoria, Joliet and Decatur drove to Springfield on Monday.",
    "Springfield council members visited Joliet and Peoria last week.",
])
def test_other_names_vote_for_their_province(toy, text):
    place = toy.resolve("Springfield", context=text)
    assert place.id == "t:spr-il"
    assert any("vote for its province" in w for w in place.why)


def test_votes_need_voters(toy):
    # one other name is weak evidence: shares are tempered by pseudo-votes
    place = toy.resolve("Springfield", context="Springfield and Peoria.")
    votes = [w for w in place.why if "vote" in w]
    ranked = toy.candidates("Springfield", context="Springfield and Peoria.")
    assert ranked[0].id == "t:spr-il" and votes
    assert ranked[0].score - ranked[1].score < ranking._VOTES["province"] / 2


def test_lower_case_words_do_not_vote_in_cased_text(toy):
    # "joliet" in lower case in a cased text is a word, not the city
    text = "Springfield mayor spoke about peoria and joliet style music."
    assert toy.resolve("Springfield", context=text).id == "t:spr-mo"


def test_lowercased_text_still_votes(toy):
    # a lowercased dump: case says nothing, every name votes
    text = "crews from peoria , joliet and decatur drove to springfield ."
    assert toy.resolve("springfield", context=text).id == "t:spr-il"


AGREE = [
    "US-IN,Indiana,,province,US,country:US,39.9,-86.3,,0,test",
    "US-OH,Ohio,,province,US,country:US,40.3,-82.7,,0,test",
    "US-KY,Kentucky,,province,US,country:US,37.5,-85.2,,0,test",
    "t:marion-oh,Marion,,town,US,US-OH,40.59,-83.13,,90000,test",
    "t:marion-in,Marion,,town,US,US-IN,40.56,-85.66,,28000,test",
    "t:greensburg-ky,Greensburg,,town,US,US-KY,37.26,-85.50,,60000,test",
    "t:greensburg-in,Greensburg,,village,US,US-IN,39.34,-85.48,,4800,test",
    "t:kokomo,Kokomo,,town,US,US-IN,40.49,-86.13,,58000,test",
]


@pytest.fixture()
def agree(tmp_path):
    path = tmp_path / "agree.csv"
    path.write_text("\n".join([HEADER, TOY[0], *AGREE]) + "\n", encoding="utf-8")
    return Gazetteer.from_csv(path)


def test_second_round_lets_agreeing_names_reinforce(agree, monkeypatch):
    """Greensburg's Indiana candidate gains from Kokomo in the first round, so in
    the second it votes for Indiana more than its population alone would."""
    text = "Marion police and Greensburg firefighters met in Kokomo on Friday."
    key = ranking.normalize_name("Marion")
    shares = []
    for rounds in (1, 2):
        monkeypatch.setattr(ranking, "_ROUNDS", rounds)
        agree._text_cache.clear()
        agree._context_cache.clear()
        shares.append(ranking._context(agree, text, exclude=key)["votes_p"]["US-IN"])
    assert shares[1] > shares[0]
    assert agree.resolve("Marion", context=text).id == "t:marion-in"


def test_document_summary_is_cached_per_text(toy):
    text = "Crews from Peoria and Joliet drove to Springfield."
    toy.resolve("Springfield", context=text)
    assert text in toy._text_cache
    keys = {k for k, _name, _votes, _pt in toy._text_cache[text]["mentions"]}
    assert keys == {normalize_name(n) for n in ("Peoria", "Joliet", "Springfield")}


# ------------------------------------------------------------ exact spelling
def test_demonym_beats_a_vowel_folded_village(toy):
    # "russian" folds like "Rosian"; spelled out, it is the demonym of Russia
    place = toy.resolve("Russian")
    assert place.id == "country:RU"
    assert "demonym" in place.why[0]
    assert toy.resolve("Rosian").id == "t:rosian"
    assert [p.id for p in toy.candidates("Russian")] == ["country:RU", "t:rosian"]


@pytest.mark.parametrize("name,expected", [("Musul", "t:musul"), ("Mosul", "t:mosul")])
def test_exact_spelling_beats_a_folded_match(toy, name, expected):
    place = toy.resolve(name)
    assert place.id == expected
    assert any("spelled exactly" in w for w in place.why)


def test_no_exact_bonus_when_every_candidate_is_spelled_alike(toy):
    assert not any("spelled exactly" in w for p in toy.candidates("Springfield") for w in p.why)


# ------------------------------------------------------------- internals
def test_lookup_notes_how_a_name_was_found(small):
    key, hits, note = ranking.lookup(small, "Deir al-Zor")
    assert key == "dayr al zur" and hits and note is None
    _, hits, note = ranking.lookup(small, "al-Homs")
    assert hits and note == "matched without the article"
    _, hits, note = ranking.lookup(small, "Syrians")
    assert {small._ids[c >> 2] for c in hits} == {"country:SY"} and "demonym" in note
    assert ranking.lookup(small, "Atlantis")[1:] == ((), None)


@pytest.mark.parametrize("a,b,expected", [
    ((0.0, 0.0), (0.0, 0.0), 0.0),
    ((0.0, 0.0), (0.0, 1.0), 111.2),  # one degree on the equator
    ((33.34058, 44.40088), (33.51020, 36.29128), 753.0),  # Baghdad - Damascus
    ((0.0, 0.0), (0.0, 180.0), 20015.1),
])
def test_great_circle_km(a, b, expected):
    assert ranking._km(*a, *b) == pytest.approx(expected, rel=0.005, abs=0.1)
    assert ranking._km(*b, *a) == pytest.approx(ranking._km(*a, *b))


@pytest.mark.parametrize("origin", [(0.0, 0.0), (33.34058, 44.40088), (-33.9, 151.2), (89.9, -179.9)])
def test_vectorised_distances_match_the_scalar_haversine(origin):
    points = [(0.0, 0.0), (33.51020, 36.29128), (0.0, 180.0), (-89.0, 10.0), origin]
    ctx = {"points": points}
    places = [SimpleNamespace(lat=lat, lon=lon) for lat, lon in [origin, (10.0, 20.0)]]
    got = ranking._nearness(places, ctx)
    for place, (d, share) in zip(places, got):
        want = [ranking._km(place.lat, place.lon, *p) for p in points]
        assert d == pytest.approx(min(want), rel=1e-9, abs=1e-6)
        assert share == sum(w <= 1000.0 for w in want) / len(want)
    # the arrays are computed once per context summary and reused
    assert ranking._point_arrays(ctx) is ranking._point_arrays(ctx)


def test_place_context_summary_is_reused_and_equals_a_fresh_one(small):
    context = [small.get("US-LA"), small.get("country:SY")]
    first = small.candidates("Alexandria", context=context)
    n = len(small._summary_cache)
    again = small.candidates("Alexandria", context=iter(context))  # any iterable, same places
    assert len(small._summary_cache) == n
    assert [(p.id, p.score, p.why) for p in again] == [(p.id, p.score, p.why) for p in first]
    small._summary_cache.clear()
    fresh = small.candidates("Alexandria", context=context)
    assert [(p.id, p.score, p.why) for p in fresh] == [(p.id, p.score, p.why) for p in first]


def test_a_moved_context_place_is_not_served_from_the_cache(small):
    import dataclasses

    la = small.get("US-LA")
    before = small.candidates("Alexandria", context=[la])
    far = dataclasses.replace(la, lat=-la.lat, lon=la.lon + 150.0)
    after = small.candidates("Alexandria", context=[far])
    assert [p.why for p in after] != [p.why for p in before]


COUNTIES = [
    "country:US,United States,,country,US,,39.8,-98.6,,0,test",
    "US-GA,Georgia,,province,US,country:US,32.7,-83.4,,0,test",
    "US-IL,Illinois,,province,US,country:US,40.0,-89.2,,0,test",
    "fips:13219,Oconee County,Oconee Co.,county,US,US-GA,33.83,-83.44,,40000,test",
    "t:oconee-il,Oconee,,village,US,US-IL,39.29,-89.11,,200,test",
    "t:athens-ga,Athens,,city,US,US-GA,33.96,-83.38,,125000,test",
    "t:watkinsville,Watkinsville,,village,US,US-GA,33.86,-83.41,,2900,test",
]


@pytest.fixture()
def counties(tmp_path):
    path = tmp_path / "counties.csv"
    path.write_text("\n".join([HEADER, *COUNTIES]) + "\n", encoding="utf-8")
    return Gazetteer.from_csv(path)


@pytest.mark.parametrize("text", [
    "Deputies from Oconee and Athens searched the woods near Watkinsville.",
    "Oconee commissioners met in Watkinsville; Athens officials attended.",
])
def test_a_bare_county_name_competes_as_the_county(counties, text):
    place = counties.resolve("Oconee", context=text)
    assert place.id == "fips:13219"
    assert any("without 'County'" in w for w in place.why), place.why


def test_bare_county_is_a_short_form_not_a_name(counties):
    """Without context a place of that very name still comes first."""
    found = counties.candidates("Oconee")
    assert [p.id for p in found] == ["t:oconee-il", "fips:13219"]
    assert found[1].why[0].startswith("read as Oconee County")


def test_no_county_of_that_name_changes_nothing(counties):
    assert [p.id for p in counties.candidates("Athens")] == ["t:athens-ga"]


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police post in Téra on Sunday, the Nigerien army said.",
    "gunmen attacked a police post in téra on sunday, the nigerien army said.",
])
def test_a_demonym_in_the_text_votes_for_its_country(real_gaz, text):
    # "Téra" is also one of Tehran's alternate names; the Nigerien army says where the story is
    assert real_gaz._best("Téra", context=text).country == "NE"
