"""Sentence analysis (geomap/extract/clauses.py): triggers for impact verbs, military
"operation" nouns, munition nouns before a verb, and person names around an actor alias."""

import pytest

from geomap.extract.clauses import analyse
from geomap.extract.lexicon import Lexicon


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default()


def _triggers(text, lex):
    an = analyse(text, lex)
    return [(an.text[an.tokens[t.i].start:an.tokens[t.j - 1].end].lower(), t.category) for t in an.triggers]


def _cases(rows):
    """Each case as written and lowercased: nothing may depend on capitals."""
    if rows and isinstance(rows[0], str):
        return [r for row in rows for r in (row, row.lower())]
    return [r for row in rows for r in (row, (row[0].lower(),) + tuple(row[1:]))]


@pytest.mark.parametrize("text,word", _cases([
    ("Shells fell on the eastern districts of Kharkiv overnight.", "fell"),
    ("Several mortar rounds landed near the port in Berbera.", "landed"),
    ("Two rockets launched from the hills fell near the border fence.", "fell"),
    ("A drone crashed into an apartment block in Odesa.", "crashed"),
    ("Artillery shells have fallen inside the camp at Zamzam.", "fallen"),
    ("Missiles rained down on the outskirts of Dnipro.", "rained"),
]))
def test_munition_impact_verbs_are_attacks(lex, text, word):
    assert (word, "attack") in _triggers(text, lex)


@pytest.mark.parametrize("text", _cases([
    "Prices fell in the markets of Kyiv on Monday.",
    "The town fell on Monday after weeks of siege.",
    "A cargo plane landed in Port Sudan with medical supplies.",
    "Heavy rain fell on the camps near Goma.",
    "Casualties fell sharply in the north.",
]))
def test_impact_verbs_without_munitions_are_no_attacks(lex, text):
    assert not [w for w, c in _triggers(text, lex) if c == "attack"], _triggers(text, lex)


@pytest.mark.parametrize("text,munition,verb", _cases([
    ("Rockets hit Sderot on Tuesday.", "rockets", "hit"),
    ("Shells hit a school in Avdiivka.", "shells", "hit"),
    ("Drones have struck the refinery again.", "drones", "struck"),
]))
def test_munition_before_a_verb_is_its_subject_not_a_verb(lex, text, munition, verb):
    found = _triggers(text, lex)
    assert (verb, "attack") in found and (munition, "attack") not in found


@pytest.mark.parametrize("text,military", _cases([
    ("Israeli forces launched an operation in Jenin on Monday.", True),
    ("The army began a ground operation around the camp.", True),
    ("Turkey could launch new military operations east of the river.", True),
    ("The UN ended its peacekeeping operation in Mali last year.", False),
    ("Rescue teams carried out a search operation in the rubble.", False),
    ("The aid group suspended operations in the city.", False),
    ("Officers met in the joint operations room at the base.", False),
    ("A relief operation delivered food to the displaced.", False),
]))
def test_operation_is_an_attack_noun_unless_civil(lex, text, military):
    found = [w for w, c in _triggers(text, lex) if c == "attack" and w.startswith("operation")]
    assert bool(found) == military, _triggers(text, lex)


@pytest.mark.parametrize("text,person,actor", _cases([
    ("Abdulmalik al-Houthi threatened to resume the strikes.", "Abdulmalik al-Houthi", "Houthis"),
    ("Abdul-Malik al-Houthi said the ships would be targeted.", "Abdul-Malik al-Houthi", "Houthis"),
]))
def test_person_name_around_an_alias(lex, text, person, actor):
    an = analyse(text, lex)
    m = an.actors[0]
    assert m.i == 0 and m.actor == actor and m.person.lower() == person.lower()


@pytest.mark.parametrize("text", _cases([
    "The Houthis said they attacked a ship.",
    "Fighters loyal to al-Houthi attacked the base.",
    "Strikes hit the group of al-Shabaab near the town.",
]))
def test_no_person_without_a_given_name(lex, text):
    an = analyse(text, lex)
    assert all(m.person is None for m in an.actors)


@pytest.mark.parametrize("text,category,present", [
    ("The army said it would take further, stronger measures if the shelling went on.", "capture", False),
    ("Its units had taken \"adequate retaliatory measures\" overnight.", "capture", False),
    ("Troops took the town, and part of the road, on Monday.", "capture", True),
    ("Rebels took all the villages on the ridge.", "capture", True),
])
def test_take_measures_is_an_idiom(text, category, present):
    from geomap.extract.lexicon import Lexicon

    lex = Lexicon.default()
    for t in (text, text.lower()):
        an = analyse(t, lex)
        assert any(tr.category == category for tr in an.triggers) is present, an.triggers


@pytest.mark.parametrize("text,deploy", _cases([
    ("Gunmen torched the town's police station overnight.", False),
    ("the town s police station was burned .", False),
    ("Moscow said it would station missiles in the enclave.", True),
    ("The army stationed two battalions near the border.", True),
]))
def test_station_is_a_noun_unless_the_verb_is_clear(lex, text, deploy):
    assert any(c == "deploy" for _, c in _triggers(text, lex)) is deploy
