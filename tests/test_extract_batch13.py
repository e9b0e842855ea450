"""Actor aliases and speaker phrases met in held-out batch 13, on new sentences."""

import pytest

from geomap.extract.clauses import analyse
from geomap.extract.lexicon import Lexicon
from geomap.extract.linking import Memory, link_sentence


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default()


def _drafts(sentence, lex):
    return link_sentence(analyse(sentence, lex), lex, Memory())


def _cases(rows):
    return [r for row in rows for r in (row, (row[0].lower(),) + tuple(row[1:]))]


@pytest.mark.parametrize("sentence,actor,side", _cases([
    ("Ukrainian military intelligence said its drones hit a radar station near Dzhankoi.", "Ukraine", "ukraine"),
    ("The Black Sea Fleet shelled a coastal village near Ochakiv on Sunday.", "Russia", "russia_bloc"),
    ("A Turkish drone struck a car near Qandil on Tuesday.", "Turkey", "syrian_opposition"),
    ("Fitna al-Khwarij militants ambushed a patrol near Tank on Monday.", "Pakistani Taliban", "jihadist"),
    ("PKK fighters attacked a border outpost near Hakkari overnight.", "PKK", "pkk"),
    ("SPLM-N fighters shelled an army garrison near Dilling on Friday.", "SPLM-N", "splm_n"),
]))
def test_batch13_actor_aliases(sentence, actor, side, lex):
    drafts = _drafts(sentence, lex)
    assert [d.actor for d in drafts if d.category == "attack"][:1] == [actor]
    assert lex.actor(actor).side == side


@pytest.mark.parametrize("sentence,speaker", _cases([
    # a place and an office before a person's name: the office speaks
    ("Militants shelled the town of Kupiansk overnight, Kharkiv regional governor Oleh Synehubov said.",
     "governor"),
    # the office, then its holder's name between commas
    ("A drone hit a power substation in Rylsk, the acting governor of the region, Ivan Petrov, said.",
     "governor"),
    # an intelligence agency of a state speak as written, not as the state
    ("The Ukrainian military intelligence agency said its drones struck a depot in Kursk.", "intelligence"),
]))
def test_batch13_speaker_as_written(sentence, speaker, lex):
    drafts = [d for d in _drafts(sentence, lex) if d.category == "attack"]
    assert drafts and drafts[0].stance == "claimed"
    assert speaker in (drafts[0].reported_by or "").lower()
