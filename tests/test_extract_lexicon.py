"""Actors, actions and sides loaded from data/*.csv."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.errors import LexiconError
from geomap.extract.lexicon import ACTION_CATEGORIES, Lexicon, inflect
from geomap.extract.tokens import tokenize


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default()


def _actor(lex, text, country=None):
    return lex.lookup_actor(tuple(t.key for t in tokenize(text) if t.word), country)


@pytest.mark.parametrize("text,country,name", [
    ("Syrian Democratic Forces", None, "Syrian Democratic Forces"),
    ("SDF", None, "Syrian Democratic Forces"),
    ("U.S.-backed fighters", "SY", "Syrian Democratic Forces"),
    ("us-backed militias", "SY", "Syrian Democratic Forces"),
    ("russia s defence ministry", None, "Russian Defence Ministry"),
    ("Russia’s Defense Ministry", None, "Russian Defence Ministry"),
    ("government troops", "SY", "Syrian government forces"),
    ("government troops", "SD", "Sudanese Armed Forces"),
    ("the army", "ML", "Malian armed forces"),
    ("ISIL", None, "Islamic State"),
    ("Daesh", None, "Islamic State"),
    ("jihadis", None, "jihadists"),
    ("RSF", None, "Rapid Support Forces"),
    ("IDF", None, "Israel"),
    ("Africa Corps", None, "Africa Corps"),
    ("JNIM", None, "JNIM"),
    ("the U.S.-led coalition", None, None),
    ("U.S.-led coalition", None, "U.S.-led coalition"),
    ("Moscow", None, "Russia"),
])
def test_actor_aliases(lex, text, country, name):
    assert _actor(lex, text, country) == name


def test_context_aliases_need_their_country(lex):
    assert _actor(lex, "government troops") is None
    assert _actor(lex, "U.S.-backed fighters", "UA") is None


@pytest.mark.parametrize("text", ["us", "is", "who", "it"])
def test_lowercase_pronouns_and_verbs_are_not_actors(lex, text):
    assert _actor(lex, text) is None


def test_capitals_only_aliases(lex):
    assert [t.key for t in tokenize("Fighters loyal to IS and the US army")][3] == "^is"
    keys = [t.key for t in tokenize("Officials of the US said IS fighters hid it")]
    assert keys[3] == "u.s." and keys[5] == "^is" and keys[-1] == "it"
    assert lex.lookup_actor(("u.s.",)) == "United States" and lex.lookup_actor(("^is",)) == "Islamic State"
    # all-capital text says nothing about case: "US" there is just "us"
    assert [t.key for t in tokenize("TROOPS TOLD US")][-1] == "us"


def test_every_actor_side_has_a_colour(lex):
    for actor in lex.actors.values():
        assert actor.side in lex.sides
    for label, colour in lex.sides.values():
        assert colour.startswith("#") and len(colour) == 7


def test_actions_cover_the_design_categories(lex):
    assert set(lex.actions) == set(ACTION_CATEGORIES)
    for cat, row in lex.actions.items():
        assert row["cameo"] and row["plover"] and row["kinetic"] in ("yes", "no")


@pytest.mark.parametrize("words,category,pos", [
    ("struck", "attack", "verb"), ("opened fire", "attack", "verb"), ("closing in on", "advance", "verb"),
    ("taken up positions", "deploy", "verb"), ("airstrikes", "attack", "noun"), ("encircled", "surround", "verb"),
    ("withdrew", "withdraw", "verb"), ("crossing", "cross", "noun"), ("besieged", "surround", "verb"),
])
def test_action_forms(lex, words, category, pos):
    forms = lex.forms[tuple(t.key for t in tokenize(words))]
    assert any(f.category == category and f.pos == pos for f in forms)


@pytest.mark.parametrize("base,forms", [
    ("attack", {"attacks", "attacked", "attacking"}), ("seize", {"seizes", "seized", "seizing"}),
    ("strike", {"strikes", "struck", "striking"}), ("trap", {"trapped", "trapping"}),
    ("deploy", {"deploys", "deployed", "deploying"}), ("carry", {"carries", "carried"}),
    ("repel", {"repels", "repelled", "repelling"}), ("control", {"controlled", "controlling"}),
    ("confer", {"conferred"}), ("gun", {"gunned"}),
])
def test_inflect(base, forms):
    assert forms <= set(inflect(base))


@given(st.from_regex(r"[a-z]{3,10}", fullmatch=True))
def test_inflect_always_keeps_the_base(word):
    out = inflect(word)
    assert out[word] == "base" and len(out) >= 4


def test_bad_csv_names_file_line_and_column(tmp_path):
    (tmp_path / "sides.csv").write_text("side,label,colour\nx,X,#000000\n")
    (tmp_path / "actions.csv").write_text("category,verbs,nouns,cameo,plover\nexplode,blow,,1,X\n")
    (tmp_path / "actors.csv").write_text("name,aliases,side,type,country\nA,a,nope,t,\n")
    with pytest.raises(LexiconError, match=r"actors.csv:2: column side"):
        Lexicon.from_files(tmp_path / "actors.csv", tmp_path / "actions.csv", tmp_path / "sides.csv")
    (tmp_path / "actors.csv").write_text("name,aliases,side,type,country\nA,a,x,t,\n")
    with pytest.raises(LexiconError, match=r"actions.csv:2: column category"):
        Lexicon.from_files(tmp_path / "actors.csv", tmp_path / "actions.csv", tmp_path / "sides.csv")
    with pytest.raises(LexiconError, match="file not found"):
        Lexicon.from_files(tmp_path / "nope.csv", tmp_path / "actions.csv", tmp_path / "sides.csv")


@pytest.mark.parametrize("text,key", [
    ("On 11 May its fighters attacked", "^may"), ("kyiv , may 6 ( reuters )", "^may"), ("in mid-May", "^may"),
    ("they may attack", "may"), ("May God help them", "may"),
])
def test_may_the_month_is_not_the_modal(text, key):
    assert key in [t.key for t in tokenize(text)]


@pytest.mark.parametrize("text,country,name", [
    ("Azerbaijani troops", None, "Azerbaijan"),
    ("Armenia's defence ministry", None, "Armenia"),
    ("the army", "AM", "Armenia"),
    ("Royal Thai Army", None, "Thailand"),
    ("Cambodian artillery", None, "Cambodia"),
    ("the military", "KH", "Cambodia"),
    ("Rada Special Deterrence Force", None, "Rada Special Deterrence Force"),
    ("Government of National Unity", None, "Government of National Unity forces"),
    ("Yemeni Armed Forces", None, "Houthis"),
    ("the military", "IL", "Israel"),
    ("regime troops", "MM", "Myanmar military"),
    ("the government", "SO", "Somali government"),
    ("Islamist extremists", None, "jihadists"),
])
def test_actor_aliases_of_more_wars(lex, text, country, name):
    """Caucasus, Thai-Cambodian border, Tripoli's armed groups; a Houthi statement's self-name."""
    assert _actor(lex, text, country) == name
    assert _actor(lex, text.lower(), country) == name


def test_new_actor_sides_have_their_own_colours(lex):
    sides = {lex.actor(n).side for n in ("Armenia", "Azerbaijan", "Thailand", "Cambodia")}
    assert len(sides) == 4 and all(s in lex.sides for s in sides)
    assert lex.actor("Rada Special Deterrence Force").side != lex.actor("Libyan National Army").side


@pytest.mark.parametrize("words,category,pos", [
    ("retook control of", "capture", "verb"), ("regaining ground", "advance", "verb"),
    ("pushed back", "clash", "verb"), ("moved * towards", "advance", "verb"), ("cut * roads", "surround", "verb"),
    ("redeployed", "deploy", "verb"), ("redeployment", "deploy", "noun"), ("recovered control of", "capture", "verb"),
    ("restored control over", "capture", "verb"), ("blew * up", "attack", "verb"),
])
def test_action_forms_of_batch12(lex, words, category, pos):
    forms = lex.forms[tuple(words.split())]  # ("moved", "*", "towards"): "*" is the object slot
    assert any(f.category == category and f.pos == pos for f in forms)
