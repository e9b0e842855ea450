"""The filters that decide whether a gazetteer match is a place name at all."""

import pytest

from geomap.extract import mentions
from geomap.matcher import RawMatch


def _match(text, name, *, common=False, sentence_start=False):
    start = text.index(name)
    return RawMatch(start, start + len(name), name, name.lower(), ("x",),
                    name[:1].isupper() if text != text.lower() else None, sentence_start, common)


@pytest.mark.parametrize("text, name, expected", [
    ("Police said Mr. Jackson left early.", "Jackson", True),
    ("Sen. Lincoln voted against the bill.", "Lincoln", True),
    ("Troops entered Lincoln on Monday.", "Lincoln", False),
    ("gov. mobile spoke on tuesday", "mobile", True),
])
def test_title_makes_a_person(text, name, expected):
    assert mentions._person(text, _match(text, name)) is expected


@pytest.mark.parametrize("text, name, expected", [
    ("The Texas Department of Transportation closed the road.", "Texas", True),
    ("kharkiv police said two people died", "kharkiv", True),
    ("a strike hit an idlib school on friday", "idlib", False),
    ("Shelling hit Kharkiv overnight.", "Kharkiv", False),
])
def test_place_opening_an_institution_name(text, name, expected):
    cased = text != text.lower()
    assert mentions._in_org_name(text, _match(text, name), cased) is expected


@pytest.mark.parametrize("text, name, expected", [
    ("The storm reached Mobile, Ala. on Sunday.", "Mobile", True),
    ("Flooding was reported in Mobile overnight.", "Mobile", True),
    ("A mobile clinic arrived.", "mobile", False),
])
def test_support_for_a_common_word(text, name, expected):
    m = _match(text, name, common=True)
    areas = {text.index("Ala.")} if "Ala." in text else set()
    assert mentions._supported(text, m, areas) is expected


@pytest.mark.parametrize("word", ["I've", "Monday", "august"])
def test_dates_and_contractions_are_never_places(word):
    text = f"He said {word} was quiet."
    assert mentions._keep(_match(text, word), True, set()) is False


def test_common_word_needs_support_in_cased_text():
    text = "Officials in Mobile said the bridge reopened."
    m = _match(text, "Mobile", common=True)
    assert mentions._keep(m, True, set()) is False
    assert mentions._keep(m, True, {"mobile"}) is True
