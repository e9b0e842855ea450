"""The role of one place match (geomap/extract/roles.py), decided from the words around it;
find_places' use of it is tested in test_extract_places.py. Each case as written and lowercased."""

from collections import namedtuple

import pytest
from hypothesis import given, strategies as st

from geomap.extract import roles
from geomap.extract.lexicon import Lexicon

Match = namedtuple("Match", "start end text")


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default()


def _role(gaz, lex, text, name, *, dateline_end=0, links=()):
    start = text.lower().index(name.lower())
    m = Match(start, start + len(name), text[start:start + len(name)])
    return roles.role_of(text, text.lower(), m, gaz.resolve(name), lex, dateline_end, links)


@pytest.mark.parametrize("case", [str, str.lower])
@pytest.mark.parametrize("text,name,role", [
    ("A Baghdad-based spokesman said the strike hit Fallujah.", "Baghdad", "base"),
    ("Moscow warned Washington against further strikes.", "Moscow", "metonym"),
    ("Sudan's army shelled Omdurman.", "Sudan", "modifier"),
    ("The U.S.-backed SDF advanced on Raqqa.", "U.S.", "actor"),
    ("The SDF advanced on Raqqa.", "Raqqa", "site"),
    ("Drones hit Kyiv overnight.", "Kyiv", "site"),
    ("Families fled from Kadugli on Sunday.", "Kadugli", "origin"),
    ("Reinforcements were sent towards Pokrovsk.", "Pokrovsk", "destination"),
    ("The ministry came under pressure from Washington.", "Washington", "metonym"),
])
def test_role_of(default_gaz, lex, case, text, name, role):
    assert _role(default_gaz, lex, case(text), name) == role


def test_dateline_and_link_spans_come_first(default_gaz, lex):
    text = "KYIV (Reuters) - Drones hit Kyiv. Read: Inside Kyiv's air defence"
    assert _role(default_gaz, lex, text, "KYIV", dateline_end=len("KYIV (Reuters) -")) == "dateline"
    start = text.index("Read:")
    m = Match(text.index("Kyiv's"), text.index("Kyiv's") + 4, "Kyiv")
    assert roles.role_of(text, text.lower(), m, default_gaz.resolve("Kyiv"), lex, 0, [(start, len(text))]) == "link"


@given(st.text(alphabet=st.sampled_from("abcXYZ -'.,()"), max_size=30))
def test_phrase_key_ignores_case_and_punctuation(text):
    key = roles.phrase_key(text)
    assert key == roles.phrase_key(text.upper().lower()) == roles.phrase_key(text.lower())
    assert all(k and k == k.lower() for k in key)


def test_only_sites_origins_and_destinations_locate():
    assert set(roles.LOCATING_ROLES) == {"site", "origin", "destination"}
    assert roles.PlaceMention(0, 4, "Kyiv", None, role="origin").locating
    assert not roles.PlaceMention(0, 4, "Kyiv", None, role="metonym").locating
