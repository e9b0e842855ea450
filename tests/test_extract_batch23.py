"""Readings met in held-out batch 23's remaining misses and in held-out batch 24, checked on new texts
(cased, lowercased and tokenized)."""

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


def test_a_lowercased_dump_with_capitalised_labels_is_read_as_lowercase(real_gaz):
    text = ("ANCHOR: we turn now to sudan . rsf fighters shelled el fasher overnight , killing four .\n\n"
            "CORRESPONDENT: the army says its units pushed the rsf back from the eastern gate of el obeid .")
    rows = _rows(text, real_gaz)
    assert ("Rapid Support Forces", "attack", "El Fasher") in {(r["actor"], r["action"], r["place"]) for r in rows}


LABELLED = """Both ministries issued statements on Sunday.

Ministry of Defence of Armenia:
"On the night of 15 March, units of the Armed Forces of Azerbaijan opened fire on Armenian positions near \
Ijevan. There were no casualties."

Later on Sunday, Azerbaijani troops shelled a farm near Kapan."""


@pytest.mark.parametrize("case", [str, str.lower])
def test_a_labelled_quotation_is_its_speakers_claim_until_it_closes(case, real_gaz):
    rows = {r["place"]: (r["actor"], r["stance"], r["reported_by"]) for r in _rows(case(LABELLED), real_gaz, "attack")}
    assert rows["Ijevan"][:2] == ("Azerbaijan", "claimed")
    assert rows["Ijevan"][2].lower() == "ministry of defence of armenia"
    assert rows["Kapan"] == ("Azerbaijan", "asserted", None)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor", [
    ("Units of the Armed Forces of Azerbaijan shelled positions near Ijevan overnight.", "Azerbaijan"),
    ("The army of Chad attacked a Boko Haram camp near Bol.", "Chad"),
])
def test_a_states_forces_named_with_of_are_an_actor_not_a_site(text, actor, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [r["actor"] for r in rows] == [actor]
    assert all(r["place_id"] != f"country:{r['place_id'][-2:]}" for r in rows)
    assert [r["place"] for r in rows][0] in ("Ijevan", "Bol")


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "The information spread by Baku that Armenian units fired on positions near Gazakh does not correspond to "
    "reality, the Armenian defence ministry said.",
    "Reports that Armenian units fired on positions near Gazakh are not true, the Armenian defence ministry said.",
])
def test_not_corresponding_to_reality_denies(text, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["actor"], r["stance"]) for r in rows] == [("Armenia", "denied")]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "Azerbaijani units fired at Armenian combat positions near Ijevan.",
    "Ukrainian combat engineers laid new minefields near Avdiivka.",
])
def test_combat_positions_and_battle_tanks_are_no_clash(text, case, real_gaz):
    assert _rows(case(text), real_gaz, "clash") == []


def test_a_lowercase_town_of_a_named_country_survives_a_far_venue(real_gaz):
    text = ("armenia says azerbaijani units fired on its positions near ijevan overnight .\n\n"
            "an eu spokesperson in brussels called on both sides to exercise restraint .")
    rows = _rows(text, real_gaz, "attack")
    assert [(r["actor"], r["place"]) for r in rows] == [("Azerbaijan", "Ijevan")]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "A roadside bomb hit a patrol about 15 km north of Banikoara on Tuesday.",
    "An improvised explosive device struck a patrol about 15 km north of Banikoara on Tuesday.",
    "The army post near Banikoara was attacked by armed individuals on Tuesday.",
    "The army post near Banikoara was the target of an attack by armed individuals on Tuesday.",
])
def test_an_unnamed_attacker_still_attacks(text, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["actor"], r["place"]) for r in rows] == [(None, "Banikoara")]


@pytest.mark.parametrize("case", CASES)
def test_a_participle_of_saying_carries_the_claim(case, real_gaz):
    text = ("JNIM claimed the raid through its Az-Zallaqa outlet, affirming that its fighters had taken control of "
            "the army post in Banikoara.")
    rows = _rows(case(text), real_gaz, "capture")
    assert [(r["actor"], r["stance"], r["reported_by"]) for r in rows] == [("JNIM", "claimed", "JNIM")]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "Two civilians died when a mortar round hit a house in Banikoara on Tuesday.",
    "On Tuesday, artillery shells struck the market in Banikoara.",
])
def test_a_munition_named_by_its_kind_is_an_unnamed_attacker(text, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["actor"], r["place"]) for r in rows] == [(None, "Banikoara")]
