import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.errors import GazetteerError
from geomap.gazetteer import Gazetteer
from geomap.matcher import MIN_ZIPF, Matcher, RawMatch, common_word_zipf
from geomap.normalize import normalize_name, normalize_token

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "gazetteer_small.csv"
REAL = ROOT / "data" / "gazetteer.csv"
COMMON = ROOT / "data" / "common_words.csv"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.from_csv(FIXTURE)


@pytest.fixture(scope="module")
def real():
    if not REAL.exists():
        pytest.skip("data/gazetteer.csv is not built yet")
    return Gazetteer.from_csv(REAL)


def texts(matches):
    return [m.text for m in matches]


def test_matcher_is_built_once(gaz):
    assert isinstance(gaz.matcher, Matcher)
    assert gaz.matcher is gaz.matcher
    assert gaz.matcher.longest >= 3


@pytest.mark.parametrize("text,expected", [
    ("Shelling hit Deir ez-Zor province overnight.", ["Deir ez-Zor province"]),
    ("Shelling hit Deir Ezzor overnight.", ["Deir Ezzor"]),
    ("troops entered deir al-zor and al-mayadin", ["deir al-zor", "al-mayadin"]),
    ("fighting in eastern syria s deir al-zor province", ["syria", "deir al-zor province"]),
    ("Syria’s army crossed the Euphrates River near Raqqa.", ["Syria", "Euphrates River", "Raqqa"]),
    ("The U.S. and Russia met in Doha.", ["U.S.", "Russia", "Doha"]),
    ("the u.s. and russia met in doha .", ["u.s.", "russia", "doha"]),
    ("Iraqi units left Homsville for Damascene suburbs.", []),
    ("KHARTOUM (Reuters) - Shelling in El Fasher", ["KHARTOUM", "El Fasher"]),
    ("Fighting at Raqqa spread to al-Raqqa's outskirts.", ["Raqqa", "al-Raqqa"]),
    ("Police as Mobile", ["Police", "Mobile"]),
    # article-prefixed names in lowercased text keep their article ...
    ("shelling in el fasher and al-fashir", ["el fasher", "al-fashir"]),
    ("an el fasher resident", ["el fasher"]),
    ("units in ar raqqah", ["ar raqqah"]),
    # ... while English "at", "as", "an" before a name are English
    ("fighting at raqqa and at al-mayadin", ["raqqa", "al-mayadin"]),
    ("At Raqqa, shelling went on.", ["Raqqa"]),
    ("Convoys left Ar Raqqah; At Raqqa it rained", ["Ar Raqqah", "Raqqa"]),
    # a lone article is no place, English or not
    ("as at an al el", []),
])
def test_scan_spans(gaz, text, expected):
    found = gaz.matcher.scan(text)
    assert texts(found) == expected
    for m in found:
        assert isinstance(m, RawMatch)
        assert text[m.start:m.end] == m.text
        assert m.place_ids and all(i in gaz for i in m.place_ids)


def test_longest_match_wins(gaz):
    (m,) = gaz.matcher.scan("Raqqa province")
    assert m.place_ids == ("SY-RA",)
    (m,) = gaz.matcher.scan("Raqqa")
    assert set(m.place_ids) == {"SY-RA", "geonames:172955"}


def test_capitalization_and_sentence_start(gaz):
    first, second = gaz.matcher.scan("Mobile is far from Police. Police said so.")[:2]
    assert first.capitalized is True and first.sentence_start is True
    assert second.capitalized is True and second.sentence_start is False
    lower = gaz.matcher.scan("the u.s. and syria")
    assert {m.capitalized for m in lower} == {None}  # case says nothing in lowercased text
    mixed = gaz.matcher.scan("Officials said the mobile phones came from police in Syria.")
    assert [(m.text, m.capitalized) for m in mixed] == [("mobile", False), ("police", False), ("Syria", True)]


@pytest.mark.parametrize("text,common", [
    ("Police", True), ("Of", True), ("Mobile", True),
    ("Paris", False), ("Moscow", False), ("Gaza", False), ("Syria", False),
    ("Georgia", False), ("Deir ez-Zor", False), ("Washington", False), ("Hama", False),
])
def test_common_word_flag(gaz, text, common):
    (m,) = gaz.matcher.scan(f"They spoke about {text} yesterday")
    assert m.common is common, (text, common_word_zipf(text))


@pytest.mark.parametrize("text,common", [
    ("port", True),     # folds like Perth, but is spelled as no place: the English word
    ("Perth", False),   # the city, spelled as named
])
def test_folded_only_english_word_is_common(real, text, common):
    hits = [m for m in real.matcher.scan(f"they spoke about {text} yesterday") if m.text == text]
    assert hits and hits[0].common is common


@pytest.mark.parametrize("text,common", [
    ("mass", True),     # "Mass." abbreviates Massachusetts only in capitals: "mass abductions"
    ("Mass", False),    # "Boston, Mass., on Monday"
])
def test_an_abbreviation_is_the_name_only_in_capitals(real, text, common):
    hits = [m for m in real.matcher.scan(f"after {text} abductions in the north") if m.text == text]
    assert hits and hits[0].common is common


def test_common_word_zipf():
    assert common_word_zipf("said") > 5 > common_word_zipf("Khartoum")
    assert common_word_zipf("POLICE") == common_word_zipf("police") > MIN_ZIPF
    assert common_word_zipf("kharkiv") == 0.0  # rare words are not listed


def test_common_words_file_is_what_the_matcher_needs():
    from geomap.matcher import _read_common_words, _token_re

    with open(COMMON, encoding="utf-8") as fh:
        header = fh.readline().strip()
        source = fh.readline().rstrip("\n").split(",", 2)[2]
    assert header == "word,zipf,source"
    assert source.startswith("wordfreq ") and "CC BY-SA" in source
    words = _read_common_words(COMMON)
    assert 1000 < len(words) < 20000  # only frequent words that are place names
    for word, zipf in words.items():
        assert MIN_ZIPF <= zipf <= 8.5, word
        assert _token_re().fullmatch(word), word  # one token of text ...
        assert len(normalize_token(word).split()) == 1, word  # ... and one key word
    for word in ("police", "of", "mobile", "said", "victoria", "paris", "gaza", "pentagon"):
        assert word in words, word


def test_common_words_agree_with_wordfreq():
    # provenance: the file's numbers are wordfreq's (a build-time package)
    wordfreq = pytest.importorskip("wordfreq")
    from geomap.matcher import _read_common_words

    words = _read_common_words(COMMON)
    for word in ("police", "said", "mobile", "gaza", "victoria", "of"):
        assert words[word] == pytest.approx(wordfreq.zipf_frequency(word, "en", wordlist="small"), abs=0.01)


def test_build_tool_selects_place_words():
    pytest.importorskip("wordfreq")
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from build_common_words import common_words
    finally:
        sys.path.remove(str(ROOT / "tools"))
    keys = {normalize_name(n) for n in ("Police", "Of", "Said", "Khartoum", "Table")}
    rows = dict(common_words(keys))
    assert set(rows) >= {"police", "of", "said", "table"}
    assert "khartoum" not in rows  # a place name, but rare English
    assert "syria" not in rows and "the" not in rows  # not among the keys


@pytest.mark.parametrize("content,where", [
    ("word,zipf,source\npolice,5.3,x\nsaid,many,x\n", ":3: column zipf"),
    ("word,zipf,source\nPolice,5.3,x\n", ":2: column word"),
    ("word,zipf,source\npolice,12,x\n", ":2: column zipf"),
    ("term,score\npolice,5\n", ":1: column word"),
])
def test_bad_common_words_file(gaz, tmp_path, content, where):
    path = tmp_path / "common_words.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=where) as err:
        Matcher(gaz, common_words=path)
    assert str(path) in str(err.value) and "build_common_words" in str(err.value)


def test_common_words_from_another_table(gaz, tmp_path):
    path = tmp_path / "common_words.csv"
    path.write_text("word,zipf,source\nhama,6.5,test\n", encoding="utf-8")
    found = {m.text: m.common for m in Matcher(gaz, common_words=path).scan("Police left Hama")}
    assert found == {"Police": False, "Hama": True}


def test_missing_common_words_file_warns(gaz, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "gazetteer.csv").write_bytes(FIXTURE.read_bytes())
    monkeypatch.setenv("GEOMAP_DATA", str(data))
    with pytest.warns(UserWarning, match="common_words.csv is missing"):
        (m,) = Matcher(gaz).scan("Police")
    assert m.common is False


words = st.sampled_from(["Deir", "ez-Zor", "ezzor", "Raqqa", "province", "U.S.", "syria", "’s",
                         "the", "of", "Police", "al-Mayadin", "river", "Euphrates", ",", ".",
                         "Washington", "D.C.", "Homs", "Hama", "x", "\n", "Ţarţūs"])
text_strategy = st.one_of(st.lists(words, max_size=25).map(" ".join), st.text(max_size=80))


ascii_text = st.text(alphabet=st.sampled_from("abs S'`-._ 0x\n"), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.one_of(ascii_text, text_strategy.filter(str.isascii)))
def test_ascii_tokens_are_the_unicode_tokens(text):
    from geomap.matcher import _ASCII_TOKEN, _token_re

    assert [m.span() for m in _ASCII_TOKEN.finditer(text)] == [
        m.span() for m in _token_re().finditer(text)]


# decomposed marks ("s" + combining dot below), Arabic vowel marks, other scripts
unicode_text = st.text(alphabet=st.sampled_from(
    ["a", "S", "s", "z", "'", "’", "ʿ", "\u0323", "\u0301", "\u064e", "ş", "ط", "-", " ", ".", "_", "\n", "7", "™"]),
    max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(unicode_text, st.text(max_size=60), text_strategy))
def test_fast_tokenizer_is_the_unicode_tokenizer(text):
    from geomap.matcher import _split, _token_re

    pieces, tokens = _split(text)
    spans = [m.span() for m in _token_re().finditer(text)]
    assert tokens == [text[s:e] for s, e in spans]
    # the scan takes offsets from the pieces' lengths: gap, token, gap, ..., gap
    ends = list(itertools.accumulate(map(len, pieces)))
    assert ends[-1] == len(text) and len(pieces) == 2 * len(tokens) + 1
    assert [(ends[2 * k], ends[2 * k + 1]) for k in range(len(tokens))] == spans


_KEY_WORDS = {}


def _longest_key(gaz):
    """The most words any key of ``gaz.index`` has (computed once per gazetteer)."""
    if id(gaz) not in _KEY_WORDS:
        _KEY_WORDS[id(gaz)] = (gaz, max(len(k.split()) for k in gaz.index))
    return _KEY_WORDS[id(gaz)][1]


def reference_scan(gaz, text):
    """The matcher's rules written plainly: brute-force longest match over token words."""
    from geomap.matcher import _ENGLISH_ARTICLES, _SENTENCE_END, _token_re

    toks = [m.span() for m in _token_re().finditer(text)]
    words = [(w, t) for t, (s, e) in enumerate(toks) for w in normalize_token(text[s:e]).split()]
    cased = any(c.isupper() for c in text)

    def opens(s):
        before = text[max(0, s - 8):s]
        return bool(_SENTENCE_END.search(before)) or (s <= 8 and not before.strip())

    # (no name is longer than the index's longest key: the search stops there, the brute force stays)
    longest_key = _longest_key(gaz)

    def longest(i):
        for j in range(min(len(words), i + longest_key) - 1, i - 1, -1):
            ends_token = j + 1 == len(words) or words[j + 1][1] != words[j][1]
            if ends_token and " ".join(w for w, _ in words[i:j + 1]) in gaz.index:
                return j
        return None

    out, i = [], 0
    while i < len(words):
        j = None if i and words[i - 1][1] == words[i][1] else longest(i)
        if j is None:
            i += 1
            continue
        (s, e1), e = toks[words[i][1]], toks[words[j][1]][1]
        if words[i][0] == "al":
            written = text[s:e1]
            english = (written.lower() in _ENGLISH_ARTICLES and text[e1:e1 + 1] == " "
                       and (not cased or written.islower() or opens(s))
                       and i + 1 < len(words) and longest(i + 1) is not None)
            if j == i or english:
                i += 1
                continue
        if text[e:e + 1] == "." and e - toks[words[j][1]][0] == 1:
            e += 1
        out.append((s, e, " ".join(w for w, _ in words[i:j + 1]), opens(s),
                    text[s].isupper() if cased else None))
        i = j + 1
    return out


articles = st.sampled_from(["at", "As", "an", "al", "el", "El", "Ar", "ar", "At"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(text_strategy, st.lists(st.one_of(words, articles), max_size=20).map(" ".join),
                 unicode_text))
def test_scan_is_the_reference_scan(gaz, text):
    found = [(m.start, m.end, m.key, m.sentence_start, m.capitalized) for m in gaz.matcher.scan(text)]
    assert found == reference_scan(gaz, text)


@pytest.mark.parametrize("name", ["fixture", "real"])
def test_scan_is_the_reference_scan_on_reports(gaz, real, name):
    g = gaz if name == "fixture" else real
    reports = sorted((ROOT / "tests" / "reports").glob("*.txt"))
    assert reports
    for path in reports:
        text = path.read_text(encoding="utf-8")
        for t in (text, text.lower()):
            found = [(m.start, m.end, m.key, m.sentence_start, m.capitalized) for m in g.matcher.scan(t)]
            assert found == reference_scan(g, t), path.name


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_scan_invariants(gaz, text):
    found = gaz.matcher.scan(text)
    last = 0
    for m in found:
        assert last <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        # keys are the same normalization the index uses: spans are exact names
        assert normalize_name(m.text) == m.key
        assert m.key in gaz.index
        last = m.end


@pytest.mark.shared
def test_lowercased_seed_finds_its_places(real):
    seed = SHARED / "seeds" / "001_ed6bcd96fe5cd0c8.txt"
    if not seed.exists():
        pytest.skip("../shared/seeds is not available")
    text = seed.read_text(encoding="utf-8")
    found = real.matcher.scan(text)
    keys = {m.key for m in found}
    for name in ["Syria", "Deir al-Zor province", "Euphrates", "Al Udeid", "Qatar", "Moscow",
                 "Washington", "U.S."]:
        assert normalize_name(name) in keys, name
    assert any("united states" in m.key for m in found)
    # lone articles and common words do not pose as places
    assert "al" not in keys
    assert all(m.common for m in found if m.text in ("to", "of", "on", "are"))
    assert not any(m.common for m in found if m.key in ("syria", "euphrates", "pentagun"))


def test_real_data_common_words(real):
    found = {m.text: m for m in real.matcher.scan(
        "Police said the convoy left Mobile for Gaza, Kharkiv and Paris.")}
    assert found["Police"].common and found["Mobile"].common
    for name in ("Gaza", "Kharkiv", "Paris"):
        assert not found[name].common, name


def test_runtime_needs_no_wordfreq(tmp_path):
    # wordfreq is a build-time package: with it unimportable, common words still work
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(f"""
        import sys
        sys.modules["wordfreq"] = None  # any import of it now fails
        from geomap.gazetteer import Gazetteer
        gaz = Gazetteer.from_csv({str(FIXTURE)!r})
        print([(m.text, m.common) for m in gaz.matcher.scan("Police in Mobile and Gaza")])
    """)
    env = {"GEOMAP_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], env=env, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[('Police', True), ('Mobile', True), ('Gaza', False)]"


_WORD = st.sampled_from(["al", "bab", "city", "new", "york", "deir", "ez", "zor"])


@given(st.lists(st.lists(_WORD, min_size=1, max_size=6).map(" ".join), max_size=30))
def test_prefix_table_is_every_proper_word_prefix(keys):
    """The level-by-level prefix table equals the plain definition: every
    leading run of words of a multi-word key, short of the whole key."""
    from geomap.matcher import _prefix_table

    index = dict.fromkeys(keys, (0,))
    want = {" ".join(k.split()[:n]) for k in keys for n in range(1, len(k.split()))}
    prefixes, longest = _prefix_table(index)
    assert prefixes == want
    assert longest == max((len(k.split()) for k in keys), default=1)
