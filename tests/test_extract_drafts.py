"""One trigger's draft events (geomap/extract/drafts.py): actor, target and stance from the
grammar around the trigger, before the sentence's frames are applied. Each case as written
and lowercased."""

import pytest

from geomap.extract import drafts
from geomap.extract.attribution import frames
from geomap.extract.clauses import analyse
from geomap.extract.lexicon import Lexicon
from geomap.extract.linking import Memory


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default()


def _drafts_at(sentence, word, lex):
    an = analyse(sentence, lex)
    k = next(i for i, t in enumerate(an.tokens) if t.key == word)
    tr = next(t for t in an.triggers if t.i <= k < t.j)
    return [(d.category, d.actor, d.target, d.stance, d.reported_by)
            for d in drafts.drafts_for(an, tr, frames(an, lex), Memory(lexicon=lex))]


@pytest.mark.parametrize("case", [str, str.lower])
@pytest.mark.parametrize("sentence,word,expected", [
    # a light verb's subject, past a quantity
    ("The RSF carried out a series of drone strikes on Kosti.", "strikes",
     ("attack", "Rapid Support Forces", None, "asserted", None)),
    # inversion: those after "from" attack the subject
    ("Syrian troops came under attack from Russian jets near the river.", "attack",
     ("attack", "Russia", "Syrian government forces", "asserted", None)),
    # a passive's agent
    ("The soldiers were surrounded by Islamic State fighters.", "surrounded",
     ("surround", "Islamic State", None, "asserted", None)),
    # the accused acts in a gerund after "of"
    ("Kyiv accused Russia of shelling Kherson.", "shelling", ("attack", "Russia", None, "asserted", None)),
    # a conditional threat
    ("Ukrainian forces will strike Russian positions if provoked.", "strike",
     ("attack", "Ukraine", "Russia", "threatened", None)),
    # "tried to seize": the verb's own draft is a capture; linking makes the attempt an advance
    ("ISWAP tried to seize Damboa.", "seize", ("capture", "Islamic State West Africa Province", None, "asserted", None)),
    # the claimer did it, by its own account
    ("The Houthis claimed a missile attack on a tanker.", "attack", ("attack", "Houthis", None, "claimed", "Houthis")),
    # an action noun heading its clause: it happened, its author unnamed
    ("An airstrike hit a hospital in Gaza.", "airstrike", ("attack", None, None, "asserted", None)),
    # "between X and Y": each the other's opponent
    ("Clashes between the SDF and Turkish-backed factions continued.", "clashes",
     ("clash", "Syrian Democratic Forces", "Syrian National Army", "asserted", None)),
    # a definite movement noun with its own "of ... to/from" complement is news, not the one told before
    ("Uganda ordered the deployment of 1,000 troops to Bunia.", "deployment",
     ("deploy", "Uganda", None, "planned", None)),
    ("Uganda began the deployment of 1,000 troops to Bunia.", "deployment",
     ("deploy", "Uganda", None, "asserted", None)),
    ("Russia announced the withdrawal of its troops from Kherson.", "withdrawal",
     ("withdraw", "Russia", None, "planned", None)),
])
def test_drafts_for(lex, case, sentence, word, expected):
    assert _drafts_at(case(sentence), word, lex) == [expected]


@pytest.mark.parametrize("case", [str, str.lower])
@pytest.mark.parametrize("sentence", [
    # the weapon of an action told already, no action of its own
    "Russian forces struck Kharkiv with missiles.",
    # a definite noun with no author before it: nobody to name
    "The attack was the third this week.",
])
def test_no_draft(lex, case, sentence):
    an = analyse(case(sentence), lex)
    words = {"missiles", "attack"}
    for tr in an.triggers:
        if an.tokens[tr.i].key in words:
            assert drafts.drafts_for(an, tr, frames(an, lex), Memory(lexicon=lex)) == []


@pytest.mark.parametrize("case", [str, str.lower])
@pytest.mark.parametrize("sentence,owner", [
    ("Air defences shot down 47 Ukrainian drones over the Belgorod region.", "Ukraine"),
    ("Ukrainian air defences destroyed 30 Russian drones over Kyiv.", "Russia"),
])
def test_an_interception_tells_the_attack_of_whose_munitions_were_downed(lex, case, sentence, owner):
    an = analyse(case(sentence), lex)
    tr = next(t for t in an.triggers if an.tokens[t.i].key in ("shot", "destroyed"))
    d = drafts.intercepted(an, tr, frames(an, lex), Memory(lexicon=lex))
    assert (d.category, d.actor) == ("attack", owner)


def test_span_text_is_the_text_as_written(lex):
    an = analyse("Russian  forces shelled Kherson.", lex)
    assert drafts.span_text(an, 0, 2) == "Russian  forces"
