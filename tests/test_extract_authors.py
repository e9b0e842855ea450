"""Who did it when the clause's subject does not say (geomap/extract/authors.py): bare unnamed
attackers, "launched by", "by" phrases that name no actor, action nouns heading their clause,
and blame named after the event. Each case as written and lowercased."""

import pytest

from geomap.extract import authors
from geomap.extract.attribution import frames
from geomap.extract.clauses import analyse
from geomap.extract.lexicon import Lexicon
from geomap.extract.linking import Memory

CASES = [str, str.lower]


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default()


def _at(an, word):
    return next(i for i, t in enumerate(an.tokens) if t.key == word)


def _trigger(an, word):
    return next(t for t in an.triggers if an.tokens[t.i].key == word)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("sentence,verb,unnamed", [
    ("The army says it beat back an assault, drones hit Kosti and Ed Dueim.", "hit", True),
    ("Overnight, several drones struck the port.", "struck", True),
    # coordinated with a named one: one subject
    ("Russian drones and a ballistic missile struck Kharkiv.", "struck", False),
    # a named subject
    ("The RSF shelled the market.", "shelled", False),
])
def test_unnamed_subject(lex, case, sentence, verb, unnamed):
    an = analyse(case(sentence), lex)
    k = _at(an, verb)
    assert authors.unnamed_subject(an, k, an.clause(k)[0]) is unnamed


@pytest.mark.parametrize("case", CASES)
def test_launched_by(lex, case):
    an = analyse(case("A drone launched by the Houthis hit a tanker."), lex)
    k = _at(an, "hit")
    assert authors.launched_by(an, an.clause(k)[0], k) == "Houthis"
    an = analyse(case("A drone hit a tanker near the Houthis' port."), lex)
    k = _at(an, "hit")
    assert authors.launched_by(an, an.clause(k)[0], k) is None


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("sentence,verb,non_actor", [
    ("The village was surrounded by water.", "surrounded", True),
    ("The bridge was hit by floods last spring.", "hit", True),
    ("The village was hit by shelling.", "hit", False),            # an attack noun
    ("The convoy was hit by a roadside bomb.", "hit", False),       # a weapon
    ("The post was attacked by gunmen on motorbikes.", "attacked", False),
])
def test_named_non_actor_agent(lex, case, sentence, verb, non_actor):
    an = analyse(case(sentence), lex)
    assert authors.named_non_actor_agent(an, _trigger(an, verb), lex) is non_actor


@pytest.mark.parametrize("case", CASES)
def test_an_action_noun_heads_its_clause(lex, case):
    an = analyse(case("An airstrike hit a hospital in Gaza."), lex)
    assert authors.heads_subject(an, _trigger(an, "airstrike"), lex)


@pytest.mark.parametrize("case", CASES)
def test_an_action_noun_as_the_object_of_a_defence(lex, case):
    an = analyse(case("The army repelled an attack on its positions."), lex)
    tr = _trigger(an, "attack")
    assert authors.unnamed_object(an, tr, tr.i - 1, 0)


@pytest.mark.parametrize("case", CASES)
def test_a_post_modified_attacker(lex, case):
    an = analyse(case("Gunmen armed with machetes and a few rifles had struck the village."), lex)
    j = _at(an, "had") - 1
    assert an.tokens[authors.modified_attacker(an, 0, j)].key == "gunmen"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("sentence,verb", [
    ("Missiles launched from Lebanon struck Nahariya.", "struck"),
    ("A drone flown from Yemen hit Eilat.", "hit"),
])
def test_an_attacker_modified_by_where_it_was_launched(lex, case, sentence, verb):
    an = analyse(case(sentence), lex)
    j = _at(an, verb) - 1
    assert an.tokens[authors.modified_attacker(an, 0, j)].key in ("missiles", "drone")


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("sentence,author,source", [
    ("Local sources attributed the strike to the Sudanese Armed Forces.", "Sudanese Armed Forces", "local sources"),
    ("Survivors said the attackers were CODECO militiamen.", "CODECO", "survivors"),
])
def test_blame_named_after_the_event(lex, case, sentence, author, source):
    memory = Memory(lexicon=lex)
    an = analyse(case(sentence), lex)
    authors.blame_previous(an, memory, lex, frames(an, lex))
    assert memory.blame_previous[0] == author
    assert memory.blame_previous[1].lower() == source


@pytest.mark.parametrize("case", CASES)
def test_no_blame_without_an_author(lex, case):
    memory = Memory(lexicon=lex)
    an = analyse(case("Residents said the strike destroyed three houses."), lex)
    authors.blame_previous(an, memory, lex, frames(an, lex))
    assert memory.blame_previous == ()
