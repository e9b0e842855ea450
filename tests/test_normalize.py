import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.normalize import normalize_name, normalize_token, split_name

SAME = [
    # the spellings of one city in wire copy, dumps and GeoNames
    ("Deir ez-Zor", "Deir ez-Zour", "Deir al-Zor", "Dayr az-Zawr", "deir ezzor",
     "DEIR EZ-ZOR", "Deir Ezzor", "Dair az-Zaur", "Dayr al-Zawr", "Deir el-Zor"),
    ("Raqqa", "Raqqah", "Raqa", "RAQQA"),
    ("al-Raqqa", "ar-Raqqah", "Ar Raqqah", "Al Raqqa", "el-Raqqa"),
    ("Hasakeh", "Hasakah", "Hasake", "Hassakeh"),
    ("Zour", "Zor", "Zawr", "Zur"),
    ("Deir", "Dayr", "Dair", "Deyr"),
    ("Khartoum", "Khartum"),
    ("Ma'arat al-Nu'man", "Ma’arat an-Nu’man", "Maarat al Numan", "Maʿarrat al-Nuʿman"),
    ("Qal'at", "Qalʿat", "Qal`at", "Qalat"),
    ("Ţarţūs", "Tartus", "Tartous"),
    ("Sheikh Maqsoud", "Shaykh Maqsud", "Shaikh Maqsoud"),
    ("U.S.", "U. S.", "u.s.", "U S"),
    ("Mosul", "Mousul", "Mossul"),
    ("Syria's", "syria s", "Syria ’s"),
    ("São Paulo", "Sao Paulo", "SÃO PAULO"),
    ("Kraków", "Krakow"),
    ("Łódź", "Lodz"),
]

DISTINCT = [
    ("Homs", "Hama"), ("Iran", "Iraq"), ("Niger", "Nigeria"), ("Mali", "Malawi"),
    ("Austria", "Australia"), ("Sudan", "South Sudan"), ("Gaza", "Giza"),
    ("Paris", "Peru"), ("Mosul", "Missouri"), ("Oman", "Yemen"), ("Idlib", "Deir"),
    ("Raqqa", "Riga"), ("Kyiv", "Kiev"), ("Kharkiv", "Kherson"), ("Aden", "Adana"),
    ("Georgia", "Gambia"), ("Sanaa", "Sinai"), ("Donetsk", "Dnipro"), ("Hama", "Homa Bay"),
    ("Damascus", "Damas"), ("Deir ez-Zor", "Deir Hafer"), ("Rafah", "Raqqa"),
]


@pytest.mark.parametrize("group", SAME, ids=lambda g: g[0])
def test_spellings_fold_to_one_key(group):
    keys = {normalize_name(s) for s in group}
    assert len(keys) == 1, dict(zip(group, map(normalize_name, group)))
    assert keys != {""}


@pytest.mark.parametrize("a,b", DISTINCT)
def test_distinct_names_stay_distinct(a, b):
    assert normalize_name(a) != normalize_name(b)


@pytest.mark.parametrize(
    "name,key",
    [("Deir ez-Zour", "dayr al zur"), ("Raqqah", "raqa"), ("U.S.", "u s"),
     ("Syria's", "syria s"), ("Deir Ezzor", "dayr al zur"), ("", ""), ("  - . ", ""),
     ("Москва", ""), ("Al Udeid", "al udayd")],
)
def test_keys(name, key):
    assert normalize_name(name) == key


@pytest.mark.parametrize("token,key", [("ez", "al"), ("ash", "al"), ("ezzor", "al zur"),
                                       ("ettanf", "al tanf"), ("Assad", "asad"), ("", "")])
def test_token_articles(token, key):
    # a glued "e"+doubled sun letter is an article; "Assad" is a name, not "as-Sad"
    assert normalize_token(token) == key


def test_split_name_keeps_tokens():
    assert split_name("Deir ez-Zour, Syria’s east") == ["deir", "ez", "zour", "syria", "s", "east"]


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
latinish = st.text(alphabet=st.sampled_from("abcdeghiklmnoqrstuwyzAEIOUZ -'’.,ʿāēīūḩşţ"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.one_of(names, latinish))
def test_only_key_characters_and_never_raises(s):
    key = normalize_name(s)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", key)


@settings(max_examples=300, deadline=None)
@given(st.one_of(names, latinish))
def test_idempotent(s):
    key = normalize_name(s)
    assert normalize_name(key) == key


@settings(max_examples=300, deadline=None)
@given(st.one_of(names, latinish))
def test_compositional_by_token(s):
    joined = " ".join(k for k in map(normalize_token, split_name(s)) if k)
    assert normalize_name(s) == joined


@settings(max_examples=300, deadline=None)
@given(latinish)
def test_case_insensitive(s):
    assert normalize_name(s.upper()) == normalize_name(s.lower()) == normalize_name(s)


@pytest.mark.parametrize("value", [None, 12, 3.5])
def test_non_strings(value):
    assert isinstance(normalize_name(value), str)


# Short English words and names that vowel and double-letter folding would
# shape like an Arabic article ("ill" -> "il", "ann" -> "an", "ol" -> "ul"),
# and European names starting "Ell-": none of them is an article.
NOT_ARTICLES = ["Ill.", "ILL", "Ann", "Edd", "Ol", "Att", "Ass", "Enn", "Ell", "Ellis", "Ellensburg",
                "Ellsworth"]


@pytest.mark.parametrize("word", NOT_ARTICLES)
def test_words_folded_to_an_article_shape_are_not_the_article(word):
    key = normalize_name(word)
    assert key.split()[0] != "al", key
    assert normalize_name(key) == key


@pytest.mark.parametrize("a,b", [("Ill.", "al"), ("Ann", "an"), ("Ann Arbor", "an Arbor"),
                                 ("Edd", "ed"), ("Ol Kalou", "al Kalou"), ("Ellis", "al-Lis")])
def test_non_arabic_words_do_not_collide_with_article_forms(a, b):
    assert normalize_name(a) != normalize_name(b)


@pytest.mark.parametrize("name,key", [("el-Fasher", "al fasher"), ("Ed Damer", "al damer"),
                                      ("Errachidia", "al rachidia"), ("Essaouira", "al sauira"),
                                      ("an-Nabk", "al nabk"), ("Il", "al")])
def test_written_articles_still_fold(name, key):
    assert normalize_name(name) == key


_ARTICLE_WORDS = {"al", "el", "il", "ul", "ad", "ar", "az", "ez", "as", "ash", "at", "an", "adh", "ed",
                  "er", "es", "et", "en"}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abdehilnorstuwyz", min_size=1, max_size=5))
def test_only_written_articles_become_the_article(token):
    # the article key "al" comes from an article as written, never from folding
    key = normalize_token(token)
    if token not in _ARTICLE_WORDS and not re.fullmatch(r"e([tdrzsn])\1[a-z0-9]{2,}", token):
        assert not key.startswith("al ") and key != "al", (token, key)
