"""Who speaks (geomap/extract/speakers.py): the speaker phrase left of a reporting verb, as
written and as an actor; a source that put out an account; the speaker's title case."""

import pytest
from hypothesis import given, strategies as st

from geomap.extract import speakers
from geomap.extract.clauses import analyse
from geomap.extract.lexicon import Lexicon


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default()


def _said(an):
    return next(i for i, t in enumerate(an.tokens) if t.key in ("said", "says", "told"))


@pytest.mark.parametrize("case", [str, str.lower])
@pytest.mark.parametrize("sentence,phrase,actor", [
    # a local office-holder: a person, no actor
    ("Kherson regional governor Oleksandr Prokudin said shelling hit a market.",
     "kherson regional governor oleksandr prokudin", None),
    # a spokesman for a body speaks for its actor, named as written
    ("A spokesman for the Sudanese army said the RSF shelled El Fasher.",
     "spokesman for the sudanese army (sudanese armed forces)", "Sudanese Armed Forces"),
    # an office-holder's name after the title
    ("Houthi military spokesman Yahya Saree said the group fired missiles at a ship.",
     "houthi military spokesman yahya saree", "Houthis"),
    # a group's speaking body, as written
    ("The RSF's media office said its fighters captured Bara.", "rsf's media office", "Rapid Support Forces"),
    # past "in a statement" to the speaker
    ("Russia's defence ministry said in a statement that its forces took the village.",
     "russian defence ministry", "Russian Defence Ministry"),
])
def test_speaker_left_of_the_verb(lex, case, sentence, phrase, actor):
    an = analyse(case(sentence), lex)
    said, said_actor = speakers.speaker_left(an, _said(an), lex)
    assert said.lower() == phrase
    assert said_actor == actor


@pytest.mark.parametrize("case", [str, str.lower])
def test_a_source_that_put_out_an_account(lex, case):
    an = analyse(case("The Kurdish Hawar News Agency gave a different account on Tuesday."), lex)
    who = speakers.source_statement(an, lex)
    assert who is not None and who[0].lower().endswith("hawar news agency")
    # an account with its content is a frame, not a bare source
    assert speakers.source_statement(analyse(case("Drones hit Kharkiv on Tuesday."), lex), lex) is None


@pytest.mark.parametrize("phrase,expected", [
    ("russia s defence ministry", "Russia's Defence Ministry"),
    ("the ' tsentr ' group", "The Tsentr Group"),
    ("houthis ' leader", "Houthis' Leader"),
    ("Sudan's army", "Sudan's army"),          # written with capitals: kept as written
    ("head of the  pro-russian administration", "Head of the Pro-Russian Administration"),
])
def test_title_case(phrase, expected):
    assert speakers.title_case(phrase) == expected


@given(st.text(alphabet=st.sampled_from("abcdefgh sS'’-.\t"), max_size=40))
def test_title_case_is_stable_and_trimmed(phrase):
    once = speakers.title_case(phrase)
    assert once == once.strip() and "  " not in once and "\t" not in once
    assert speakers.title_case(once) == once


def test_a_plural_possessive_in_capitals_keeps_its_apostrophe():
    # found by the property test above: "S'" is a plural possessive as much as "s'"
    assert speakers.title_case("HOUTHIS' LEADER") == "HOUTHIS' LEADER"
