"""Readings met in held-out batch 24's remaining misses, checked on new texts (cased, lowercased
and tokenized)."""

import pytest

from wire import rows as _rows, tokenized

CASES = [str, str.lower, tokenized]

KHARKIV = "geonames:706483"
KUPIANSK = "geonames:703656"
BELGOROD = "geonames:578072"
VOVCHANSK = "geonames:689304"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor,origin,dest", [
    ("Ukraine's army sent two battalions from Kharkiv to Kupiansk.", "Ukraine", KHARKIV, KUPIANSK),
    ("Russia moved troops from Belgorod into Vovchansk overnight.", "Russia", BELGOROD, VOVCHANSK),
    ("Ukrainian reinforcements were moved from Kharkiv to Kupiansk on Monday.", "Ukraine", KHARKIV, KUPIANSK),
])
def test_a_deployment_from_one_place_to_another_is_at_its_destination(text, actor, origin, dest, case, real_gaz):
    rows = _rows(case(text), real_gaz, "deploy")
    # ("reinforcements were moved": the noun and the verb, one event once merged)
    assert {(r["actor"], r["place_id"]) for r in rows} == {(actor, dest)}


@pytest.mark.parametrize("case", CASES)
def test_a_deployment_at_a_place_near_another_stays_there(case, real_gaz):
    rows = _rows(case("Russian troops deployed in Vovchansk, a few kilometres from Belgorod."), real_gaz, "deploy")
    assert [r["place_id"] for r in rows] == [VOVCHANSK]


NARAYANPUR = "geonames:1261870"
BUNIA = "geonames:217695"
YEI = "geonames:363619"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor,place", [
    ("CRPF personnel raided a Maoist camp near Narayanpur on Sunday.", "India", NARAYANPUR),
    ("UPDF troops shelled rebel positions near Bunia.", "Uganda", BUNIA),
    ("The NAS attacked a police post in Yei overnight.", "National Salvation Front", YEI),
])
def test_an_acronym_alias_is_read_in_capitals_and_in_lowercased_text(text, actor, place, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert {(r["actor"], r["place_id"]) for r in rows} == {(actor, place)}


@pytest.mark.parametrize("text", [
    "Nas attacked a police post in Yei overnight, the singer's new video shows.",
    "Hur attacked Bunia in the novel's last chapter.",
])
def test_a_name_spelled_like_an_acronym_is_no_actor_in_cased_text(text, real_gaz):
    assert {r["actor"] for r in _rows(text, real_gaz, "attack")} <= {None}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor", [
    ("A Home Ministry official said four companies of the Central Reserve Police Force (CRPF) would be "
     "deployed in Narayanpur.", "India"),
    ("The governor said the Uganda People's Defence Force (UPDF) would be deployed in Bunia.", "Uganda"),
])
def test_a_force_named_with_its_known_abbreviation_in_brackets_is_deployed(text, actor, case, real_gaz):
    rows = _rows(case(text), real_gaz, "deploy")
    assert {(r["actor"], r["stance"]) for r in rows} == {(actor, "planned")}


BAZARAK = "geonames:1429434"
SMARA = "geonames:2461874"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor,place", [
    ("The Taliban say two more battalions will be stationed in Bazarak before spring.", "Taliban government", BAZARAK),
    ("Morocco's army said additional units would be moved to Smara.", "Royal Moroccan Armed Forces", SMARA),
    ("Four more CRPF battalions will be moved to Narayanpur, a Home Ministry official said.", "India", NARAYANPUR),
    ("The Ukrainian defence minister said additional units would be stationed in Kupiansk.", "Ukraine", KUPIANSK),
])
def test_bare_units_to_be_sent_somewhere_are_a_planned_deployment(text, actor, place, case, real_gaz):
    rows = _rows(case(text), real_gaz, "deploy")
    assert {(r["actor"], r["place_id"], r["stance"]) for r in rows} == {(actor, place, "planned")}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "She was moved to tears in Narayanpur.",
    "The parcels were sent to Narayanpur by post.",
])
def test_a_passive_particle_verb_of_things_or_feelings_is_no_deployment(text, case, real_gaz):
    assert _rows(case(text), real_gaz, "deploy") == []


@pytest.mark.parametrize("case", CASES)
def test_a_passive_gapped_form_keeps_its_agent_and_victims(case, real_gaz):
    rows = _rows(case("The rebels were driven out of Bazarak by Taliban forces."), real_gaz, "attack")
    assert {(r["actor"], r["target"], r["place_id"]) for r in rows} == {("Taliban government", "rebels", BAZARAK)}


@pytest.mark.parametrize("case", CASES)
def test_units_stationed_somewhere_as_a_description_locate_no_deployment_there(case, real_gaz):
    rows = _rows(case("Ukrainian units based in Kupiansk shelled Russian positions."), real_gaz)
    assert KUPIANSK not in {r["place_id"] for r in rows}
