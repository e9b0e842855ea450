"""Readings met in held-out batch 25, checked on new texts (cased, lowercased and tokenized)."""

import pytest

from wire import rows as _rows, tokenized

CASES = [str, str.lower, tokenized]

PANJGUR = "geonames:1168446"
BANNU = "geonames:1183460"
MASTUNG = "geonames:1170706"
TURBAT = "geonames:1163054"


HEARING = """Question hour, Senate of Pakistan

Chairman: Question number 12.

Minister of State for Interior: On Monday the Frontier Corps killed six militants near Panjgur.

Senator: Militants also attacked a checkpoint near Turbat on Tuesday, residents say.

Minister of State for Interior: Soldiers repulsed an attack on a levies post near Mastung."""


@pytest.mark.parametrize("case", CASES)
def test_an_officials_turn_in_a_hearing_is_their_claim_even_without_a_known_party(case, real_gaz):
    rows = _rows(case(HEARING), real_gaz)
    at = {r["place_id"]: r for r in rows if r["action"] == "attack"}
    assert at[PANJGUR]["stance"] == "claimed"
    assert at[PANJGUR]["reported_by"].lower() == "minister of state for interior"
    # the senator's turn ends the minister's: the senator's account is not the minister's claim
    assert (at[TURBAT]["reported_by"] or "").lower() != "minister of state for interior"
    assert at[MASTUNG]["reported_by"].lower() == "minister of state for interior"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "Pakistani troops sent six terrorists to hell near Panjgur.",
    "The Frontier Corps conducted an operation near Panjgur in which six terrorists were sent to hell.",
])
def test_sending_fighters_to_hell_is_an_attack_not_a_deployment(text, case, real_gaz):
    rows = _rows(case(text), real_gaz)
    assert {(r["actor"], r["action"], r["place_id"]) for r in rows} == {("Pakistani military", "attack", PANJGUR)}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "A suicide bomber rammed an explosive-laden vehicle into a security forces convoy near Bannu.",
    "A suicide bomber rammed a truck into a checkpoint near Bannu.",
])
def test_ramming_a_vehicle_into_something_is_an_attack(text, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["actor"], r["place_id"]) for r in rows] == [(None, BANNU)]


@pytest.mark.parametrize("case", CASES)
def test_an_operation_launched_somewhere_is_no_gapped_form_across_its_place(case, real_gaz):
    rows = _rows(case("Pakistani forces launched an operation in Bannu on Monday."), real_gaz)
    assert {(r["action"], r["place_id"]) for r in rows} == {("attack", BANNU)}


@pytest.mark.parametrize("case", CASES)
def test_levies_are_pakistani_forces_in_pakistan(case, real_gaz):
    rows = _rows(case("Levies personnel clashed with militants near Mastung, Pakistan, on Friday."), real_gaz, "clash")
    assert "Pakistani military" in {r["actor"] for r in rows}


KHARKIV = "geonames:706483"


@pytest.mark.parametrize("case", CASES)
def test_a_summary_told_as_fact_takes_the_source_of_the_account_below_it(case, real_gaz):
    text = case("Key points:\n\n- Russian glide bombs hit Kharkiv overnight.\n- Talks resume in Geneva.\n\n"
                "Russian forces struck Kharkiv overnight with glide bombs, the regional governor said.")
    rows = [r for r in _rows(text, real_gaz, "attack") if r["place_id"] == KHARKIV]
    assert rows and {(r["stance"], r["reported_by"].lower()) for r in rows} == {("claimed", "regional governor")}


@pytest.mark.parametrize("case", CASES)
def test_a_fact_stays_a_fact_when_no_later_account_attributes_it(case, real_gaz):
    text = case("Russian forces struck Kharkiv overnight. Talks resume in Geneva, officials said.")
    assert {r["stance"] for r in _rows(text, real_gaz, "attack")} == {"asserted"}


TAME = "geonames:3667478"
ARAUCA = "geonames:3689718"
LAGOS = "geonames:2332459"
BRASS = "geonames:2346734"
EL_FASHER = "geonames:379555"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor,action", [
    ("He commanded the ELN units that fought FARC dissidents near Tame, Colombia.", "ELN", "clash"),
    ("Colombia accused the ELN, which attacked Tame on Monday, of terrorism.", "ELN", "attack"),
])
def test_the_noun_before_a_relative_pronoun_is_its_verbs_subject(text, actor, action, case, real_gaz):
    rows = _rows(case(text), real_gaz, action)
    assert {(r["actor"], r["place_id"]) for r in rows} == {(actor, TAME)}


@pytest.mark.parametrize("case", CASES)
def test_an_eln_war_front_is_the_eln(case, real_gaz):
    text = case("The Eastern War Front warned that it would attack military targets in Arauca if the "
                "defendant is extradited.")
    rows = _rows(text, real_gaz, "attack")
    assert {(r["actor"], r["stance"], r["place_id"]) for r in rows} == {("ELN", "threatened", ARAUCA)}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor,action,place", [
    ("A chemical tanker was hijacked by an estimated ten armed pirates off Lagos.", "pirates", "capture", LAGOS),
    ("Pirates hijacked a fishing trawler off Lagos on Sunday.", "pirates", "capture", LAGOS),
    ("The camp was attacked by about 200 RSF fighters near El Fasher.", "Rapid Support Forces", "attack", EL_FASHER),
])
def test_hijackings_and_agents_counted_after_by(text, actor, action, place, case, real_gaz):
    rows = _rows(case(text), real_gaz, action)
    assert {(r["actor"], r["place_id"]) for r in rows} == {(actor, place)}


@pytest.mark.parametrize("case", CASES)
def test_a_navys_ships_free_a_crew_at_an_offset_from_a_place_named_like_a_word(case, real_gaz):
    text = case("According to the Nigerian Navy, two of its patrol ships intercepted the tanker about 20 NM "
                "south-west of Brass and freed all 17 crew members.")
    rows = _rows(text, real_gaz, "rescue")
    assert [(r["place_id"], r["qualifier"], r["stance"]) for r in rows] == [(BRASS, "southwest_of", "claimed")]


def test_a_word_that_names_a_place_is_no_place_without_a_readers_evidence(real_gaz):
    from geomap.extract.places import find_places

    text = "The Brass band played in Lagos. Officials wore brass buttons."
    assert BRASS not in {m.place.id for m in find_places(text, gazetteer=real_gaz)}


HULYAYPOLE = "geonames:707898"
TOKMAK = "geonames:691469"
ORIKHIV = "geonames:698428"
LALIBELA = "geonames:332288"
WELDIYA = "geonames:326206"


def test_a_section_head_in_capitals_is_no_part_of_the_sentence_below_it(real_gaz):
    text = ("Digest #14\n\nBEHIND RUSSIAN LINES\nA Russian-installed official said Ukrainian rockets had struck "
            "a fuel depot in Tokmak.\n\nHULYAIPOLE\nRussian troops pushed into the northern outskirts of Hulyaipole, "
            "according to DeepState.")
    rows = _rows(text, real_gaz)
    said = {r["place_id"]: r["reported_by"] for r in rows}
    assert said[TOKMAK].startswith("Russian-installed official")
    assert said[HULYAYPOLE].startswith("DeepState")


def test_a_short_line_in_capitals_that_ends_a_sentence_is_kept(real_gaz):
    from geomap.extract.clean import clean_text

    text = "Troops entered the town at dawn and stayed until\nNOON.\nThen they left."
    assert "NOON." in clean_text(text).text


@pytest.mark.parametrize("case", CASES)
def test_a_relative_clause_after_a_unit_noun_has_that_unit_as_subject(case, real_gaz):
    text = case("Ukrainian drones destroyed a Russian assault group that had crossed the Dnipro near Kherson.")
    rows = _rows(text, real_gaz, "cross")
    assert {r["actor"] for r in rows} == {"Russia"}


@pytest.mark.parametrize("case", CASES)
def test_a_commands_newly_formed_brigade_is_its_states_planned_deployment(case, real_gaz):
    text = case("The Southern Defence Forces announced that a newly formed assault brigade will be moved to Orikhiv "
                "next month.")
    rows = _rows(text, real_gaz, "deploy")
    assert {(r["actor"], r["place_id"], r["stance"]) for r in rows} == {("Ukraine", ORIKHIV, "planned")}


@pytest.mark.parametrize("case", CASES)
def test_a_withdrawal_is_not_placed_where_arriving_reinforcements_came_from(case, real_gaz):
    text = case("Fano fighters took control of Lalibela on Friday and withdrew the next morning, as ENDF "
                "reinforcements arrived from Weldiya.")
    rows = _rows(text, real_gaz)
    places = {r["action"]: r["place_id"] for r in rows}
    assert places["withdraw"] == LALIBELA and places["deploy"] == LALIBELA
    assert WELDIYA not in {r["place_id"] for r in rows}


KOSTI = "geonames:371760"
KURMUK = "geonames:371827"
SINGA = "geonames:366847"


@pytest.mark.parametrize("case", CASES)
def test_unnamed_drones_opening_their_own_clause_have_no_author_named_before(case, real_gaz):
    text = case("The army says its troops beat back the RSF at Kurmuk, drones hit Kosti overnight, and officials "
                "counted the dead.")
    rows = {r["place_id"]: r for r in _rows(text, real_gaz, "attack")}
    assert rows[KOSTI]["actor"] is None


@pytest.mark.parametrize("case", CASES)
def test_a_named_force_coordinated_with_munitions_stays_their_author(case, real_gaz):
    text = case("Russian drones and a ballistic missile struck Kharkiv overnight, the governor said.")
    assert {r["actor"] for r in _rows(text, real_gaz, "attack")} == {"Russia"}


@pytest.mark.parametrize("case", CASES)
def test_a_clause_after_comma_and_has_its_own_subject(case, real_gaz):
    text = case("The army says it repelled an attack on Kurmuk, and an RSF commander has vowed to take Kurmuk.")
    rows = _rows(text, real_gaz, "capture")
    assert {(r["actor"], r["stance"]) for r in rows} == {("Rapid Support Forces", "threatened")}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,background", [
    ("Since the army retook Singa two years ago, the front has moved west.", True),
    ("The army retook Singa a year ago.", True),
    ("The army retook Singa on Tuesday, a town the RSF has held since last year.", False),
])
def test_events_dated_years_ago_are_background(text, background, case, real_gaz):
    rows = _rows(case(text), real_gaz, "capture")
    assert (rows == []) is background


DEIR_EZ_ZOR = "geonames:170794"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor,place", [
    ("A resident told us Russian drones hit Kharkiv overnight.", "Russia", KHARKIV),
    ("A source tells us the RSF attacked Kosti at dawn.", "Rapid Support Forces", KOSTI),
])
def test_what_a_source_tells_us_is_their_claim(text, actor, place, case, real_gaz):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["actor"], r["place_id"], r["stance"]) for r in rows] == [(actor, place, "claimed")]


@pytest.mark.parametrize("case", CASES)
def test_residents_beside_a_city_do_not_place_the_event_in_it(case, real_gaz):
    text = case("Residents of hamlets opposite Deir ez-Zor tell us the SDF has moved reinforcements and dug "
                "trenches along the east bank of the Euphrates.")
    rows = _rows(text, real_gaz, "deploy")
    assert rows and DEIR_EZ_ZOR not in {r["place_id"] for r in rows}


DJIBO = "geonames:2361177"
BATIBO = "geonames:2234684"

BRIEFING = """WEST AFRICA IN BRIEF

MALI
Officials in Bamako said a convoy was attacked near Gao on Friday.

BURKINA FASO
JNIM said its fighters had overrun a military post near Djibo on Friday. The army said its jets struck the
attackers overnight.

COMING UP
Regional summit in Abuja on Wednesday."""


def test_a_briefings_country_section_sets_the_country_of_its_items(real_gaz):
    rows = _rows(BRIEFING, real_gaz)
    # "the army" under BURKINA FASO is Burkina Faso's, and its unplaced item stays in Burkina Faso
    army = [r for r in rows if r["reported_by"] == "Burkina Faso armed forces"]
    assert army and {r["place_id"] for r in army} <= {DJIBO, "country:BF"}
    assert "Malian Armed Forces" not in {r["reported_by"] for r in rows if "Djibo" in r["sentence"]}


@pytest.mark.parametrize("case", CASES)
def test_bare_soldiers_accused_of_an_attack_are_the_countrys(case, real_gaz):
    text = case("Residents of Batibo, in Cameroon, accused soldiers of burning a dozen homes on Saturday.")
    rows = _rows(text, real_gaz, "attack")
    assert {(r["actor"], r["place_id"]) for r in rows} == {("Cameroonian military", BATIBO)}


KOTLI = "geonames:1173055"


@pytest.mark.parametrize("case", CASES)
def test_it_said_after_a_colon_is_the_subject_that_opened_the_sentence(case, real_gaz):
    text = case("The Indian Army said Pakistani troops fired on its posts in Poonch. Pakistan's military media wing, "
                "the ISPR, gave another version: it said Indian troops shelled villages near Kotli.")
    rows = [r for r in _rows(text, real_gaz, "attack") if r["place_id"] == KOTLI]
    assert {(r["actor"], r["stance"]) for r in rows} == {("India", "claimed")}
    assert all("pakistan" in r["reported_by"].lower() for r in rows)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,place", [
    ("Shelling hit Kotli on Monday. The army said additional troops had been moved to the Tangdhar sector.", None),
    ("Shelling hit Kotli on Monday. The Pakistani army said additional troops had been moved to the area.", KOTLI),
])
def test_a_deployment_to_a_sector_the_gazetteer_lacks_is_not_placed_at_the_last_place(text, place, case, real_gaz):
    rows = _rows(case(text), real_gaz, "deploy")
    assert [r["place_id"] for r in rows] == [place]


TAMMUN = "geonames:281657"
SINJIL = "geonames:281778"
HUWARA = "geonames:7870319"
HEBRON = "geonames:285066"


@pytest.mark.parametrize("text,actor,place,source", [
    ("Settlers set fire to cars on the northern edge of Sinjil on 9 April [UN OCHA].", "Israeli settlers", SINJIL,
     "UN OCHA"),
    ("A Palestinian gunman opened fire at soldiers at the southern entrance of Huwara on 8 April [IDF].",
     "Palestinian militants", HUWARA, "IDF"),
])
def test_a_bracketed_source_ending_a_sentence_is_its_claimant(text, actor, place, source, real_gaz):
    rows = _rows(text, real_gaz, "attack")
    assert [(r["actor"], r["place_id"], r["stance"], r["reported_by"], r["target"]) for r in rows] == [
        (actor, place, "claimed", source, None)]


@pytest.mark.parametrize("text", [
    "Israeli troops raided Tubas on Monday [updated 10:30].",
    "Israeli troops raided Tubas on Monday [sic].",
])
def test_an_editorial_bracket_is_no_source(text, real_gaz):
    assert {r["stance"] for r in _rows(text, real_gaz, "attack")} == {"asserted"}


@pytest.mark.parametrize("case", CASES)
def test_an_announced_additional_battalion_is_the_announcers(case, real_gaz):
    text = case("The IDF announced that an additional battalion will be deployed south of Hebron next week.")
    rows = _rows(text, real_gaz, "deploy")
    assert {(r["actor"], r["place_id"], r["qualifier"], r["stance"]) for r in rows} == {
        ("Israel", HEBRON, "south_of", "planned")}


TARMIYAH = "geonames:98403"
BAQUBAH = "geonames:97990"
SHARQAT = "geonames:91057"


@pytest.mark.parametrize("case", CASES)
def test_the_wounded_taken_to_hospital_are_no_capture(case, real_gaz):
    assert _rows(case("The wounded were taken to a hospital in Baqubah."), real_gaz) == []
    assert [r["action"] for r in _rows(case("Rebels took the hospital in Baqubah."), real_gaz)] == ["capture"]


@pytest.mark.parametrize("case", CASES)
def test_the_attackers_are_the_last_named_attacker(case, real_gaz):
    text = case("ISIS militants attacked a PMF checkpoint in Tarmiyah late on Monday, a security source said. "
                "The attackers fled towards the river, the source said.")
    rows = _rows(text, real_gaz, "withdraw")
    assert {r["actor"] for r in rows} == {"Islamic State"}


@pytest.mark.parametrize("case", CASES)
def test_unnamed_attackers_stay_unnamed(case, real_gaz):
    text = case("Gunmen attacked a checkpoint in Tarmiyah. The attackers fled towards the river.")
    assert {r["actor"] for r in _rows(text, real_gaz, "withdraw")} <= {None}


@pytest.mark.parametrize("case", CASES)
def test_a_named_ministry_denying_with_a_participle_after_a_quoted_word_keeps_its_denial(case, real_gaz):
    text = case('Iraqi troops killed two militants near Tarmiyah, the Joint Operations Command said. The ministry of '
                'defence denied reports that ISIS had seized an army post near Sharqat, calling them "baseless" and '
                'saying the post "is fully manned".')
    rows = [r for r in _rows(text, real_gaz) if r["place_id"] == SHARQAT]
    assert {(r["actor"], r["stance"]) for r in rows} == {("Islamic State", "denied")}
    assert {r["reported_by"].lower() for r in rows} == {"ministry of defence"}


SHAQQA = "geonames:164479"


@pytest.mark.parametrize("text", [
    'In Suwayda, the Druze "National Guard" said on Thursday that its fighters had retaken the village of Shaqqa '
    'from tribal fighters.',
    'in suwayda, the druze "national guard" said on thursday that its fighters had retaken the village of shaqqa '
    'from tribal fighters.',
])
def test_a_name_with_a_quoted_part_is_one_actor_and_speaker(text, real_gaz):
    rows = _rows(text, real_gaz, "capture")
    assert [(r["actor"], r["place_id"], r["stance"]) for r in rows] == [("Druze armed groups", SHAQQA, "claimed")]
    assert rows[0]["reported_by"].lower() == 'druze "national guard"'


def test_a_quotation_before_its_speaker_still_ends_at_the_quote(real_gaz):
    text = '"We retook Shaqqa from the tribes," the Druze factions said in Suwayda.'
    rows = _rows(text, real_gaz, "capture")
    assert {(r["stance"], r["reported_by"]) for r in rows} <= {("claimed", "Druze armed groups"),
                                                               ("claimed", "Druze factions")}


MALABO = "geonames:2309527"


@pytest.mark.parametrize("case", CASES)
def test_equatorial_guineas_navy_is_its_own_not_the_navy_of_the_country_in_focus(case, real_gaz):
    text = case("Pirates attacked a tanker off Bonny, Nigeria. Equatorial Guinea's navy said it had sent two patrol "
                "boats to waters off Malabo.")
    rows = _rows(text, real_gaz, "deploy")
    assert {(r["actor"], r["place_id"]) for r in rows} == {("Equatorial Guinea armed forces", MALABO)}
