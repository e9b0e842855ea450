"""Readings met in held-out batch 27, checked on new texts (cased, lowercased and tokenized)."""

import pytest

from geomap.extract.clean import clean_text
from wire import rows as _rows, tokenized

CASES = [str, str.lower, tokenized]


def _voices(rows):
    return {(r["actor"], r["action"], r["place"], r["stance"]) for r in rows}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,place", [
    ("Missiles launched from southern Lebanon struck Nahariya on Sunday.", "Nahariyya"),
    ("Drones launched from Belgorod hit Kharkiv overnight.", "Kharkiv"),
    ("An explosion at a checkpoint in Mogadishu killed four soldiers.", "Mogadishu"),
])
def test_where_munitions_came_from_is_no_author_and_no_approach(case, real_gaz, text, place):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["actor"], r["place"], r["qualifier"]) for r in rows] == [(None, place, None)], rows


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,action,actor,stance", [
    ("Uganda ordered the deployment of two battalions to Bunia.", "deploy", "Uganda", "planned"),
    ("The Ugandan army began the redeployment of two battalions to Bunia.", "deploy", "Uganda", "asserted"),
    ("The army recovered control of Kupiansk on Friday.", "capture", "Ukraine", "asserted"),
])
def test_movement_nouns_with_their_own_complement_and_new_forms(case, real_gaz, text, action, actor, stance):
    rows = _rows(case(text), real_gaz, action)
    assert rows and rows[0]["actor"] == actor and rows[0]["stance"] == stance, rows


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor", [
    ("A Nigerian air strike killed 12 militants near Damboa.", "Nigerian Army"),
    ("A Pakistani drone strike hit a compound in Datta Khel.", "Pakistani military"),
    ("Pakistani security forces conducted an intelligence-based operation near Datta Khel.", "Pakistani military"),
])
def test_a_demonym_or_an_article_before_modifiers_names_the_author(case, real_gaz, text, actor):
    assert [r["actor"] for r in _rows(case(text), real_gaz, "attack")][:1] == [actor]


@pytest.mark.parametrize("text,issuer", [
    ("INTER SERVICES PUBLIC RELATIONS (ISPR)\nDAILY OPERATIONAL SUMMARY No. 4/2026\nRawalpindi, 3 March 2026\n\n"
     "Troops repelled an attack near Bannu.", "INTER SERVICES PUBLIC RELATIONS (ISPR)"),
    ("Letter dated 2 May 2026 from the Permanent Representative of Ukraine to the United Nations addressed to the "
     "Secretary-General\n\nRussian forces shelled Kherson on 1 May.",
     "Permanent Representative of Ukraine to the United Nations"),
    ("REPUBLIC OF CHAD – Unity – Work – Progress\nMINISTRY OF DEFENCE – DIRECTORATE OF PUBLIC INFORMATION\n\n"
     "PRESS RELEASE No. 12/MDN/DPI of 4 April 2026\n\nUnits repelled an attack near Bol.",
     "Ministry of Defence – Directorate of Public Information (Republic of Chad)"),
])
def test_letterheads_and_letters_name_their_issuer(text, issuer):
    assert clean_text(text).issuer.lower() == issuer.lower()


def test_an_issuers_acronym_in_brackets_keeps_its_capitals(real_gaz):
    text = ("INTER SERVICES PUBLIC RELATIONS (ISPR)\nDAILY OPERATIONAL SUMMARY No. 4/2026\n\n"
            "Troops and militants exchanged heavy fire in Miran Shah.")
    rows = _rows(text, real_gaz, "clash")
    assert rows and rows[0]["reported_by"] == "Inter Services Public Relations (ISPR)", rows
    assert rows[0]["actor"] == "Pakistani military"


@pytest.mark.parametrize("case", CASES)
def test_a_reported_presence_is_no_speaker(case, real_gaz):
    rows = _rows(case("Pakistani troops raided a compound in Datta Khel on the reported presence of militants."),
                 real_gaz, "attack")
    assert rows and rows[0]["stance"] == "asserted", rows


@pytest.mark.parametrize("case", CASES)
def test_in_response_to_is_no_action_and_a_second_reporting_verb_keeps_its_speaker(case, real_gaz):
    text = case("In response to our questions, the Israeli military said soldiers had dispersed a crowd near Sinjil "
                "and denied that troops had fired live ammunition at residents.")
    rows = _rows(text, real_gaz, "attack")
    assert [(r["actor"], r["stance"], r["place"]) for r in rows] == [("Israel", "denied", "Sinjil")], rows


@pytest.mark.parametrize("case", CASES)
def test_a_relative_clauses_subject_speaks(case, real_gaz):
    text = case("In Cameroon, police noted messages in which separatist leaders threaten to attack schools in Kumba.")
    rows = _rows(text, real_gaz, "attack")
    assert rows and rows[0]["stance"] == "threatened" and "which" not in rows[0]["reported_by"].lower(), rows
    assert rows[0]["reported_by"].lower().startswith("separatist leaders")


def test_an_interviews_labelled_guest_speaks_the_answers(real_gaz):
    text = ("The host (Q) talks with Amina Diallo (A), a Bamako-based security analyst.\n\n"
            "Q: What happened in Gao?\nA: JNIM fighters attacked an army camp in Gao on Sunday.")
    rows = _rows(text, real_gaz, "attack")
    assert rows and rows[0]["stance"] == "claimed" and rows[0]["reported_by"] == "Amina Diallo, security analyst"


@pytest.mark.parametrize("case", CASES)
def test_a_government_of_no_known_party_deploys_the_force_it_names(case, real_gaz):
    text = case("Gangs attacked Delmas on Monday. The government says it will deploy new police units to "
                "Croix-des-Bouquets.")
    rows = _rows(text, real_gaz, "deploy")
    assert [(r["actor"], r["place"], r["stance"]) for r in rows] == [
        ("Haitian National Police", "Croix-des-Bouquets", "planned")], rows


@pytest.mark.parametrize("case", CASES)
def test_a_refuge_is_no_event_place(case, real_gaz):
    text = case("M23 fighters advanced on Kanyabayonga on Monday, and thousands of people fled north to Butembo.")
    assert {r["place"] for r in _rows(text, real_gaz)} == {"Kanyobagonga"}


@pytest.mark.parametrize("case", CASES)
def test_the_area_a_place_lies_in_is_no_second_place(case, real_gaz):
    text = case("Suspected ADF rebels killed 12 villagers near Oicha, in Beni territory, local officials said.")
    assert {r["place"] for r in _rows(text, real_gaz, "attack")} == {"Hyosha"}


@pytest.mark.parametrize("case", CASES)
def test_a_labelled_background_line_is_history(case, real_gaz):
    text = case("Timeline of key events\n\nBackground: the M23 first captured Goma in 2012 and withdrew days later.\n\n"
                "4 January: FARDC drones struck M23 positions around Masisi, the army said.")
    assert {r["place"] for r in _rows(text, real_gaz)} == {"Masisi"}


def test_lowercased_section_heads_are_their_own_sentences(real_gaz):
    text = ("yemen weekly overview\n\ntaiz\na houthi drone struck a market in taiz city on 12 february, killing four "
            "civilians.\n\nhodeidah and the red sea\nisrael's military said its jets struck fuel depots at the port of "
            "hodeidah on 13 february.")
    rows = _rows(text, real_gaz, "attack")
    assert {(r["actor"], r["place"]) for r in rows} == {("Houthis", "Taiz"), ("Israel", "Al Ḩudaydah")}, rows
    assert all("hodeidah" not in (r["reported_by"] or "").lower() for r in rows)


@pytest.mark.parametrize("case", CASES)
def test_places_joined_before_the_chosen_one_act_too(case, real_gaz):
    text = case("Kadugli and Dilling remain besieged by the RSF.")
    assert {r["place"] for r in _rows(text, real_gaz, "surround")} == {"Kadugli", "Dilling"}


def test_a_day_of_the_month_dates_the_news_before_a_dated_aside(real_gaz):
    text = ("Port Sudan, 16 November 2025 - Local sources reported SAF drone strikes on En Nahud on 13 November; "
            "the RSF took control of the town in May 2025.")
    rows = _rows(text, real_gaz)
    assert [(r["actor"], r["action"]) for r in rows] == [("Sudanese Armed Forces", "attack")], rows


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor,place", [
    ("A drone strike hit a market in El Obeid on Friday. The RSF denied carrying out the strike.",
     "Rapid Support Forces", "El Obeid"),
    ("In Toribio, the indigenous guard buried one of its members; FARC dissidents denied any role in his killing.",
     "FARC dissidents", "Toribío"),
    ("Drones struck a market in Kosti on Monday. The RSF denied any involvement.", "Rapid Support Forces", "Kosti"),
    ("A spokesman for Ukraine's army rejected Russian claims that Stepnohirsk has fallen.", "Russia", "Stepnohirsk"),
])
def test_denials_of_what_was_just_told_or_named(case, real_gaz, text, actor, place):
    assert (actor, place) in {(r["actor"], r["place"]) for r in _rows(case(text), real_gaz) if r["stance"] == "denied"}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor", [
    # the claimant's own gain ...
    ("The junta rejected the AA's claim that its fighters had captured Kyeintali.", "Arakan Army"),
    # ... but a loss claimed is the denier's
    ("Kyiv denied Russia's claims that its troops had withdrawn from Kupiansk.", "Ukraine"),
])
def test_whose_forces_a_rejected_claim_means(case, real_gaz, text, actor):
    assert [r["actor"] for r in _rows(case(text), real_gaz) if r["stance"] == "denied"] == [actor]


@pytest.mark.parametrize("case", CASES)
def test_a_blamed_unit_is_named_by_its_group(case, real_gaz):
    text = case("A drone struck the police station in Suarez. The police blamed the Jaime Martinez front, "
                "a faction of the FARC dissidents.")
    rows = _rows(text, real_gaz, "attack")
    assert rows and rows[0]["actor"] == "FARC dissidents" and rows[0]["stance"] == "claimed", rows


@pytest.mark.parametrize("case", [str])  # (what an outlet is, before its name, is told by the capitals)
@pytest.mark.parametrize("text,source", [
    ("The Arakan Army advanced on Kyaukpyu, according to AA-affiliated media.", "AA-affiliated media (Arakan Army)"),
    ("The army shelled Kidal, according to the daily Le Soir.", "Le Soir"),
])
def test_outlet_sources_as_written(case, real_gaz, text, source):
    rows = [r for r in _rows(case(text), real_gaz) if r["stance"] == "claimed"]
    assert rows and rows[0]["reported_by"].lower() == source.lower(), rows


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,action", [
    ("Navy vessels ferried 600 Myanmar troops from Yangon to Sittwe.", "deploy"),
    ("A suicide bomber blew himself up at a market in Maiduguri.", "attack"),
    ("Ukrainian troops vacated positions near Kupiansk.", "withdraw"),
    ("In Cameroon, additional gendarmerie squadrons will be deployed to Buea.", "deploy"),
])
def test_new_action_forms_and_aliases(case, real_gaz, text, action):
    assert _rows(case(text), real_gaz, action)


@pytest.mark.parametrize("case", CASES)
def test_as_stated_is_no_speaker(case, real_gaz):
    rows = _rows(case("The fighting in Yei was between the SSPDF and the NAS, not the SPLA-IO as stated."), real_gaz,
                 "clash")
    assert rows and rows[0]["stance"] == "asserted" and rows[0]["reported_by"] is None, rows
