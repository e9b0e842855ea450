"""An event told without its author, named a few sentences later by a definite noun ("the
attack"): one event with that author, by the namer's account, not a second event."""

import pytest

from wire import both as _both, tokenized

from geomap.extract.events import extract_document


def _rows(text, real_gaz, action="attack"):
    return [r for r in extract_document(text, gazetteer=real_gaz) if r["action"] == action]


_CASES = _both([
    ("Shelling hit the livestock market in Kadugli on Sunday, killing nine people. Local officials "
     "blamed the SPLM-N for the attack.", "SPLM-N", "Kadugli", "local officials"),
    ("A drone struck a fuel depot in Kosti on Tuesday night. \"The fire burned until morning,\" a "
     "worker said. \"Nobody could get close.\" The governor's office accused the RSF of carrying "
     "out the attack.", "Rapid Support Forces", "Kosti", "governor"),
    ("Gunmen stormed a church in Kumbo during Sunday mass. The regional governor said Ambazonian "
     "separatists carried out the attack.", "Ambazonian separatists", "Kumbo", "regional governor"),
])


@pytest.mark.parametrize("case", [str, str.lower])
@pytest.mark.parametrize("text,actor,place,source", _CASES)
def test_a_definite_noun_names_the_author_of_the_event_just_told(real_gaz, case, text, actor, place, source):
    rows = _rows(case(text), real_gaz)
    at = [r for r in rows if r["place"] == place]
    # one account of one event: the agentless row takes the author, no second row is made
    assert len(at) == 1, rows
    assert at[0]["actor"] == actor, rows
    assert at[0]["stance"] == "claimed" and source in at[0]["reported_by"].lower(), rows


@pytest.mark.parametrize("case", [str, str.lower])
def test_an_author_already_named_is_kept_and_another_account_stays_apart(real_gaz, case):
    text = case("Russian drones struck a power plant in Kharkiv on Monday. Officials in Minsk accused "
                "Ukraine of carrying out the attack.")
    got = {(r["actor"], r["place"]) for r in _rows(text, real_gaz)}
    assert ("Russia", "Kharkiv") in got, got


@pytest.mark.parametrize("case", [str, str.lower])
def test_only_the_event_last_told_takes_the_author(real_gaz, case):
    text = case("An airstrike hit a school in Dilling on Monday. On Tuesday a drone struck the hospital "
                "in Kadugli. Residents blamed the RSF for the attack.")
    rows = _rows(text, real_gaz)
    by_place = {r["place"]: r["actor"] for r in rows}
    assert by_place.get("Kadugli") == "Rapid Support Forces", rows
    assert by_place.get("Dilling") is None, rows


@pytest.mark.parametrize("case", [str, str.lower])
def test_a_headline_takes_the_author_the_body_names(real_gaz, case):
    text = case("Drone strike kills seven at Mellit market\n\nA drone struck the cattle market in Mellit "
                "on Friday, killing seven traders. The local resistance committee accused the RSF of "
                "carrying out the strike.")
    rows = _rows(text, real_gaz)
    assert rows and all(r["actor"] == "Rapid Support Forces" for r in rows), rows


@pytest.mark.parametrize("case", [str, str.lower])
def test_a_light_verb_with_a_definite_noun_and_nothing_before_makes_no_event(real_gaz, case):
    # "the raid" refers to something this text never told: no new event from the reference alone
    rows = _rows(case("Officials in Gao said the army carried out the raid with French help."), real_gaz)
    assert rows == [], rows


@pytest.mark.parametrize("case", [str, str.lower, tokenized])
@pytest.mark.parametrize("text,actor", [
    ("The SLM-AW said its fighters repelled an attack near Tawila.", "SLM-AW"),
    ("The Abdel Wahid faction said its fighters repelled an attack near Tawila.", "SLM-AW"),
    ("Fighters of the Chinland Council captured a junta camp near Falam.", "Chinland Council"),
    ("The Chin National Army said it had captured a junta outpost near Hakha.", "Chin National Front"),
    ("Lakurawa fighters attacked a village near Tangaza in Sokoto State.", "Lakurawa"),
    ("Armed settlers attacked homes in Turmus Ayya near Ramallah.", "Israeli settlers"),
    ("Burundian troops deployed to the outskirts of Uvira.", "Burundi"),
    ("The International Stabilization Force will deploy to Rafah next month.", "International Stabilization Force"),
])
def test_actors_of_current_wars(real_gaz, case, text, actor):
    rows = extract_document(case(text), gazetteer=real_gaz)
    assert actor in {r["actor"] for r in rows}, rows


@pytest.mark.parametrize("case", [str, str.lower, tokenized])
@pytest.mark.parametrize("text,place,qualifier", [
    ("Gunmen attacked a police post in Tillaberi at dawn. They came on motorbikes from the north, "
     "witnesses said.", "Tillabéri", "from_north"),
    ("Fighters stormed an army camp near Kidal on Sunday, a local official said. \"The attackers came "
     "out of the desert from the east,\" he said.", "Kidal", "from_east"),
    ("The army said it had repelled an assault on Babanusa that came from the south.", "Babanūsah", "from_south"),
])
def test_where_the_attackers_came_from_is_the_approach_of_the_attack_just_told(real_gaz, case, text, place, qualifier):
    rows = [r for r in extract_document(case(text), gazetteer=real_gaz) if r["place"] == place]
    assert rows and all(r["qualifier"] == qualifier for r in rows), rows
    # the approach is a line that ends at the place
    assert all(r["geometry"].geom_type == "LineString" for r in rows), rows


@pytest.mark.parametrize("case", [str, str.lower])
def test_people_who_came_from_somewhere_give_no_approach(real_gaz, case):
    text = case("Shelling hit the market in Kosti on Monday. Families who fled came from the west, aid "
                "workers said.")
    rows = [r for r in extract_document(text, gazetteer=real_gaz) if r["action"] == "attack"]
    assert rows and all(r["qualifier"] is None for r in rows), rows


@pytest.mark.parametrize("case", [str, str.lower])
def test_the_federal_army_of_ethiopia(real_gaz, case):
    text = case("A drone strike hit a bus outside Adigrat in Tigray on Friday. Tigrayan officials blamed the "
                "federal army.")
    rows = [r for r in extract_document(text, gazetteer=real_gaz) if r["action"] == "attack"]
    assert [r["actor"] for r in rows] == ["Ethiopian National Defense Force"], rows
    assert "tigrayan officials" in rows[0]["reported_by"].lower(), rows


@pytest.mark.parametrize("case", [str, str.lower, tokenized])
@pytest.mark.parametrize("text,place,sides", [
    ("Indian troops opened fire on border villages near Kotli on Sunday, Pakistani officials said. Pakistani "
     "troops responded befittingly, the military said.", "Kotli", {"India", "Pakistani military"}),
    ("Armenian forces shelled Azerbaijani positions near Fuzuli overnight, Baku said. Azerbaijani units "
     "retaliated and silenced the guns.", "Fuzuli", {"Armenia", "Azerbaijan"}),
])
def test_an_answer_in_the_next_sentence_makes_the_attack_a_clash(real_gaz, case, text, place, sides):
    rows = extract_document(case(text), gazetteer=real_gaz)
    clashes = [r for r in rows if r["action"] == "clash" and r["place"] == place]
    assert clashes and {clashes[0]["actor"], clashes[0]["target"]} == sides, rows
    # the attack is kept too: it was made, and fought
    assert any(r["action"] == "attack" and r["place"] == place for r in rows), rows


@pytest.mark.parametrize("case", [str, str.lower])
def test_an_answer_made_elsewhere_is_no_clash_at_the_attack(real_gaz, case):
    rows = extract_document(case("Russian missiles struck Kharkiv overnight. Ukraine responded with drone "
                                 "strikes on Belgorod."), gazetteer=real_gaz)
    assert not [r for r in rows if r["action"] == "clash"], rows
    assert {(r["actor"], r["place"]) for r in rows} == {("Russia", "Kharkiv"), ("Ukraine", "Belgorod")}, rows


@pytest.mark.parametrize("case", [str, str.lower])
def test_the_same_author_by_another_source_is_another_account(real_gaz, case):
    # the withdrawal told by Kyiv, then by Moscow's ministry: both sources are kept (the merge joins them)
    text = case("Russian troops withdrew from Kupiansk on Friday, Ukraine's General Staff said. Russia's Defence "
                "Ministry said its forces had completed the withdrawal from the town in good order.")
    rows = [r for r in extract_document(text, gazetteer=real_gaz) if r["action"] == "withdraw"]
    assert len(rows) == 2 and {r["place"] for r in rows} == {"Kupyansk"}, rows
    sources = " ".join(r["reported_by"] for r in rows).lower()
    assert "general staff" in sources and "defence ministry" in sources, rows


@pytest.mark.parametrize("case", [str, str.lower, tokenized])
def test_an_attack_from_a_direction_has_its_approach(real_gaz, case):
    rows = extract_document(case("JNIM fighters attacked the army post in Diapaga from the south on Tuesday."),
                            gazetteer=real_gaz)
    at = [r for r in rows if r["action"] == "attack"]
    assert at and at[0]["qualifier"] == "from_south" and at[0]["geometry"].geom_type == "LineString", rows
