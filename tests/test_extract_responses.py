"""An attack and the answer to it in one sentence (geomap.extract.responses), cased and lowercased."""

import pytest

from wire import both as _both

from geomap.extract.events import extract_document


def _events(text, real_gaz):
    return {(r["actor"], r["action"], r["target"], r["place"]) for r in extract_document(text, gazetteer=real_gaz)}


@pytest.mark.parametrize("text,want", _both([
    # fired on, and firing back: one clash, the side named is a party; no authorless attack left
    ("Israeli soldiers came under fire during an arrest raid in Tulkarm on Monday and returned fire, the "
     "army said.", {("Israel", "clash", None, "Ţūlkarm")}),
    ("A Malian army convoy came under attack near Gao on Friday and the soldiers fought back, the army said.",
     {("Malian armed forces", "clash", None, "Gao")}),
]))
def test_fired_on_and_firing_back_is_one_clash(real_gaz, text, want):
    assert _events(text, real_gaz) == want


@pytest.mark.parametrize("text,attack", _both([
    # an attack whose author is named, then repulsed: the attack and the fight both happened
    ("Wagner fighters attacked Ukrainian positions near Bakhmut on Sunday but were pushed back.",
     ("Wagner Group", "attack", "Ukraine", "Bakhmut")),
    ("Al-Shabaab fighters stormed a base in Wanlaweyn before they were driven back by Somali troops, the "
     "army said.", ("al-Shabaab", "attack", None, "Wanlaweyn")),
]))
def test_a_repulsed_attack_is_also_a_clash(real_gaz, text, attack):
    got = _events(text, real_gaz)
    assert attack in got
    assert (attack[0], "clash") in {(a, c) for a, c, _t, _p in got}


@pytest.mark.parametrize("text,want", _both([
    # the passive answer alone, its author unnamed: the attacker fought someone there
    ("An RSF assault on El Obeid was repulsed on Sunday, the Sudanese army said.",
     ("Rapid Support Forces", "clash", None, "El Obeid")),
    # "repelled an attack by JNIM": the attack's author is the other side
    ("Malian troops repelled an attack by JNIM fighters on their base in Douentza, the army said.",
     ("Malian armed forces", "clash", "JNIM", "Douentza")),
    # a fight with one side named after "against"
    ("The garrison in El Fasher fought back against RSF fighters on Tuesday.",
     ("Rapid Support Forces", "clash", None, "El Fasher")),
]))
def test_answers_name_the_sides_they_can(real_gaz, text, want):
    assert want in _events(text, real_gaz)


@pytest.mark.parametrize("text", [r[0] for r in _both([
    # "back" and "off" verbs whose object is no fighting
    ("The mother of a soldier fought back tears in Kharkiv on Monday.",),
    ("The Sudanese government pushed back the deadline for talks in Jeddah.",),
    ("The Kremlin pushed back against the claims made in Kyiv.",),
    # a repulse of something else after an attack: talks are no side
    ("After a Russian missile strike on Sumy, the talks were pushed back to next week.",),
])])
def test_idioms_of_fighting_back_are_no_clash(real_gaz, text):
    assert not {e for e in _events(text, real_gaz) if e[1] == "clash"}


def test_a_denied_attack_is_not_joined(real_gaz):
    text = "The RSF denied that its fighters attacked El Obeid, saying its units had returned fire near Bara."
    got = _events(text, real_gaz)
    assert not any(a == "clash" and p == "El Obeid" for _x, a, _t, p in got), got
