"""Readings met in held-out batch 26, checked on new texts (cased, lowercased and tokenized)."""

import pytest

from wire import rows as _rows, tokenized

CASES = [str, str.lower, tokenized]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "Sudan's army denied carrying out any shelling in Kosti.",
    "Hamas denied any attack on Israeli troops in Rafah.",
])
def test_any_after_a_denial_is_the_denied_event(case, real_gaz, text):
    rows = _rows(case(text), real_gaz)
    assert [r["stance"] for r in rows if r["action"] in ("attack",)] == ["denied"], rows


@pytest.mark.parametrize("case", CASES)
def test_any_outside_a_denial_is_still_no_event(case, real_gaz):
    assert not _rows(case("The mediators urged both sides to avoid any shelling near Kosti."), real_gaz, "attack")


@pytest.mark.parametrize("case", CASES)
def test_notified_is_a_reporting_verb(case, real_gaz):
    rows = _rows(case("The Malian army notified the mission that its units had retaken Lere."), real_gaz, "capture")
    assert rows and rows[0]["stance"] == "claimed" and rows[0]["reported_by"] == "Malian armed forces"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,action", [
    ("Gunmen hijacked a bus carrying traders near Mubi.", "attack"),
    ("An aid convoy of three trucks was hijacked near Kouno, the driver said.", "attack"),
    ("Pirates hijacked a bulk carrier off Eyl.", "capture"),
    ("A fishing dhow was hijacked off Eyl by armed men.", "capture"),
])
def test_a_hijacked_vehicle_is_attacked_a_hijacked_ship_held(case, real_gaz, text, action):
    rows = [r for r in _rows(case(text), real_gaz) if r["action"] in ("attack", "capture")]
    assert [r["action"] for r in rows] == [action], rows


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor", [
    ("Armed men of the Viv Ansanm coalition fired on a convoy near Mirebalais.", "Viv Ansanm"),
    ("Gunmen of the RSF attacked a market in Mellit.", "Rapid Support Forces"),
    ("Militants of the Islamic State West Africa Province stormed a base near Monguno.",
     "Islamic State West Africa Province"),
])
def test_fighters_named_by_their_group_after_of(case, real_gaz, text, actor):
    assert any(r["actor"] == actor for r in _rows(case(text), real_gaz, "attack"))


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text", [
    "A Viv Ansanm leader threatened in a video posted online to attack the police station in Croix-des-Bouquets.",
    "Viv Ansanm threatened on Monday to attack Croix-des-Bouquets.",
])
def test_a_threat_across_a_phrase(case, real_gaz, text):
    rows = _rows(case(text), real_gaz, "attack")
    assert [(r["actor"], r["stance"]) for r in rows] == [("Viv Ansanm", "threatened")], rows
    # the video's participle is nobody's speech
    assert "video" not in (rows[0]["reported_by"] or "").lower()
