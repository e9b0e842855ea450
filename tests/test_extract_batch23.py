"""Readings met in held-out batch 23's remaining misses and in batch 24, checked on new texts (cased,
lowercased and tokenized)."""

import pytest

from wire import rows as _rows, tokenized

CASES = [str, str.lower, tokenized]

GALKAYO = "geonames:59611"
BELEDWEYNE = "geonames:64460"
KIRKUK = "geonames:94787"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "An IED went off near an army patrol in Galkayo on Tuesday, killing two soldiers.",
    "A car bomb went off outside a police station in Galkayo on Tuesday.",
    "A landmine exploded under a minibus near Galkayo, killing four passengers.",
    "Two roadside bombs had gone off along the main road near Galkayo by noon, police said.",
])
def test_a_bomb_that_goes_off_is_an_agentless_attack(text, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["actor"], r["place_id"]) for r in rows] == [(None, GALKAYO)]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "The alarm went off in Galkayo at dawn.",
    "Fighters went off to Galkayo after the meeting.",
    "The lights went off across Galkayo on Monday.",
])
def test_going_off_without_a_munition_is_no_attack(text, case, real_gaz):
    assert _rows(case(text), real_gaz, "attack") == []


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor", [
    ("A United Nations helicopter flew 12 wounded soldiers out of Beledweyne on Sunday.", "United Nations"),
    ("ICRC teams flew them out of Beledweyne after the fighting.", "International Committee of the Red Cross"),
])
def test_flying_people_out_of_a_place_is_a_rescue(text, actor, case, real_gaz):
    rows = _rows(case(text), real_gaz, "rescue")
    assert [(r["actor"], r["place_id"]) for r in rows] == [(actor, BELEDWEYNE)]


@pytest.mark.parametrize("case", CASES)
def test_flying_out_alone_is_no_rescue(case, real_gaz):
    assert _rows(case("The governor flew out of Beledweyne on Friday for talks."), real_gaz, "rescue") == []


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,stance", [
    ("Russian forces flattened two apartment blocks in Kharkiv overnight.", "asserted"),
    ("Russian commanders vowed to flatten the remaining Ukrainian positions in Kharkiv.", "threatened"),
    ("The rebels warned they would punish any company still operating in Kharkiv.", "threatened"),
])
def test_flatten_and_punish_are_attacks(text, stance, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["place"], r["stance"]) for r in rows] == [("Kharkiv", stance)]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "Nine farmers were taken from their fields by gunmen near Kirkuk on Saturday.",
    "Militants took 14 bus passengers hostage on the road outside Kirkuk.",
    "Armed men seized two aid workers near Kirkuk, the agency said.",
])
def test_taking_people_is_an_abduction_not_a_capture(text, case, real_gaz):
    rows = _rows(case(text), real_gaz)
    assert {r["action"] for r in rows} == {"attack"}
    assert {r["place_id"] for r in rows} == {KIRKUK}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "Peshmerga forces took three villages south of Kirkuk.",
    "The militants seized the town's police station in Kirkuk.",
])
def test_taking_places_is_still_a_capture(text, case, real_gaz):
    assert [r["action"] for r in _rows(case(text), real_gaz)] == ["capture"]


@pytest.mark.parametrize("case", [str, str.lower])  # (a tokenized dump splits "x . net")
@pytest.mark.parametrize("text,source", [
    ("Garoweonline.com, citing local elders, said al-Shabaab fighters attacked a base near Galkayo.",
     "Garoweonline.com"),
    ("Al-Shabaab fighters attacked a base near Galkayo, Hiiraan.net reported.", "Hiiraan.net"),
])
def test_a_news_site_keeps_its_domain(text, source, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [r["reported_by"].lower() for r in rows] == [source.lower()]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "Residents of villages near Amedi said Turkish troops had set up a new military post on a hill.",
    "Turkish forces established two new bases near Amedi last month.",
])
def test_setting_up_a_post_or_base_deploys(text, case, real_gaz):
    rows = _rows(case(text), real_gaz, "deploy")
    assert [(r["actor"], r["place"]) for r in rows] == [("Turkey", "Al ‘Amādīyah")]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,qualifier", [
    ("In Kharkiv, Ukraine's second city, Russian drones struck the northern districts, killing two people.",
     "north"),
    ("Heavy fighting was reported in Kharkiv on Monday. Russian artillery shelled the north-eastern suburbs.",
     "northeast"),
])
def test_a_part_of_the_town_just_named(text, qualifier, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["place"], r["qualifier"]) for r in rows] == [("Kharkiv", qualifier)]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,inner,outer", [
    ("The army, which said rebels had shelled Goma, sent reinforcements to Rutshuru on Monday.",
     ("rebels", "attack", "Goma", "claimed"),
     ("Armed Forces of the Democratic Republic of the Congo", "deploy", "Rutshuru", "asserted")),
    ("Ukrainian forces, which said Russian troops attacked Siversk overnight, shelled Russian positions near "
     "Lyman on Tuesday.", ("Russia", "attack", "Siversk", "claimed"), ("Ukraine", "attack", "Lyman", "asserted")),
])
def test_a_relative_clause_speaker_claims_only_its_clause(text, inner, outer, case, real_gaz):
    rows = {(r["actor"], r["action"], r["place"], r["stance"]) for r in _rows(case(text), real_gaz)}
    assert inner in rows
    assert outer in rows
    assert not any(r[0] == inner[0] and r[2] == outer[2] for r in rows)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,sides", [
    ("Sudanese army, RSF clash in El Fasher", {"Sudanese Armed Forces", "Rapid Support Forces"}),
    ("Russian, Ukrainian troops clash near Pokrovsk", {"Russia", "Ukraine"}),
])
def test_a_headline_joins_two_sides_with_a_comma(text, sides, case, real_gaz):
    rows = _rows(case(text), real_gaz, "clash")
    assert [{r["actor"], r["target"]} for r in rows] == [sides]


@pytest.mark.parametrize("case", CASES)
def test_a_comma_list_in_prose_still_needs_its_and(case, real_gaz):
    text = "According to the ministry, RSF fighters clashed with local defence groups in El Fasher."
    rows = _rows(case(text), real_gaz, "clash")
    assert [r["actor"] for r in rows] == ["Rapid Support Forces"]
