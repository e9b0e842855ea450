"""Page furniture, datelines and sentence splitting."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.extract.clean import clean_text, find_dateline, split_sentences, statement_issuer


@pytest.mark.parametrize("text,places,outlet", [
    ("MOSCOW/WASHINGTON (Reuters) - Russia warned ...", ("MOSCOW", "WASHINGTON"), "Reuters"),
    ("moscow/washington ( reuters ) - russia warned ...", ("moscow", "washington"), "Reuters"),
    ("BEIRUT, Sept 21 (Reuters) - Warplanes struck ...", ("BEIRUT",), "Reuters"),
    ("KHARTOUM (AP) — The army said ...", ("KHARTOUM",), "AP"),
    ("KHARTOUM, Sudan (AP) — The army said ...", ("KHARTOUM",), "AP"),
    ("mopti , mali ( afp ) - suspected jihadists ...", ("mopti",), "AFP"),
    ("KYIV, Ukraine — Russian drones ...", ("KYIV",), None),
    ("DEIR EZ-ZOR, Syria - Government troops ...", ("DEIR EZ-ZOR",), None),
    ("GAO, Mali -- Soldiers ...", ("GAO",), None),
])
def test_datelines(text, places, outlet):
    end, raw, got, out = find_dateline(text)
    assert got == places and out == outlet
    assert text[end:].split()[0] not in ("-", "—", "(")


@pytest.mark.parametrize("text", [
    "Russia warned the United States on Thursday.",
    "the syrian army , backed by russian war planes , has captured about 100 km .",
    "Kyiv said its troops held the line.",
    "UN - the council met.",
    "Fighting near Deir ez-Zor - a city on the Euphrates - went on.",
])
def test_no_dateline_in_plain_sentences(text):
    assert find_dateline(text) is None


def test_furniture_removed_and_kept_as_metadata():
    raw = ("FYI.\n\nThis story is over 5 years old.\n\nNews\n\nRebels seize airport in the north\n\n"
           "MOSUL, Iraq (AP) — Rebels seized the airport on Monday.\n\nAdvertisement\n\n"
           "Read: Why the north matters\n\nShare this article\n\n(AP Photo/Somebody)\n\n"
           "Photo: a burnt-out truck\n\nThe army said it would respond.\n\n( corrects spelling in paragraph 2 )")
    c = clean_text(raw)
    assert "FYI" not in c.text and "Advertisement" not in c.text and "Read:" not in c.text
    assert "Share" not in c.text and "Photo" not in c.text and "corrects" not in c.text
    assert c.title == "Rebels seize airport in the north"
    assert c.dateline == "MOSUL" and c.outlet == "AP"
    assert c.links == ["Why the north matters"]
    reasons = {why for _, why in c.removed}
    assert {"fyi", "story age", "advertisement", "link", "share", "photo credit", "correction note"} <= reasons
    assert "The army said it would respond." in c.text


def test_clean_rejects_non_text():
    with pytest.raises(TypeError):
        clean_text(b"bytes")


@pytest.mark.parametrize("text,n", [
    ("U.S. and Russian generals met. They talked for hours.", 2),
    ("u.s. and russian generals met . they talked for hours .", 2),
    ("Gen. Smith said the U.S. military would respond. Nobody knew when.", 2),
    ("Troops advanced 20 km. on Monday. Then they stopped.", 3),
    ("It began on Sept. 21 in the east. It ended in the west!", 2),
    ("One line without a full stop", 1),
    ("first paragraph .\n\nsecond paragraph without stop", 2),
])
def test_sentences(text, n):
    assert len(split_sentences(text)) == n


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh .,!?\n'()-", min_size=0, max_size=40), max_size=8))
def test_sentence_offsets_point_into_text(parts):
    text = " ".join(parts)
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_clean_never_fails_and_never_grows(text):
    c = clean_text(text)
    assert len(c.text.replace(" .", "")) <= len(text) + 2 * text.count("\n") + 2


@pytest.mark.parametrize("line,issuer", [
    ("ROYAL THAI ARMY - PRESS STATEMENT", "ROYAL THAI ARMY"),
    ("Ministry of Defence: Statement No. 12", "Ministry of Defence"),
    ("Press release by the Sudanese Armed Forces", "Sudanese Armed Forces"),
    ("statement from the rapid support forces", "rapid support forces"),
    ("MOSCOW - Russian forces shelled Kharkiv on Monday", None),
    ("KYIV, Ukraine — Russia launched drones overnight", None),
    ("Army says rebels attacked Goma", None),
    ("UN News - Update on Sudan", None),
])
def test_statement_titles_name_their_issuer(line, issuer):
    assert statement_issuer(line) == issuer


@given(st.text(max_size=120))
@settings(max_examples=200, deadline=None)
def test_statement_issuer_never_fails_and_is_part_of_the_line(line):
    issuer = statement_issuer(line)
    assert issuer is None or issuer in line


def test_a_statement_title_is_its_issuer_not_a_dateline():
    text = ("ROYAL THAI ARMY - PRESS STATEMENT\n\nCambodian troops fired rockets at Ban Phlu on Thursday.")
    for t in (text, text.lower()):
        c = clean_text(t)
        assert c.dateline is None and c.issuer.lower() == "royal thai army", c


def test_a_statements_own_account_is_its_issuers_claim():
    from geomap.extract.events import extract_document

    text = ("ROYAL THAI ARMY - PRESS STATEMENT\n\nAt 05:40 on 24 July, Cambodian troops fired rockets at "
            "the area of Kantharalak district. Residents said the shelling lasted an hour.")
    try:
        rows = extract_document(text)
    except Exception as exc:  # the data folder may be absent in a bare install
        pytest.skip(f"no gazetteer: {exc}")
    assert [(r["actor"], r["stance"], r["reported_by"]) for r in rows if r["action"] == "attack"][:1] == [
        ("Cambodia", "claimed", "Royal Thai Army")], rows


def test_a_letterhead_names_the_issuer_and_numbers_are_no_sentences():
    text = ("DEFENCE HEADQUARTERS\nDIRECTORATE OF DEFENCE MEDIA OPERATIONS\n\nPRESS RELEASE\n\n"
            "1. Troops repelled an attack on Damasak.\n\n2. Troops rescued farmers near Konduga.")
    c = clean_text(text)
    # the office under the letterhead issues it, for the body it belongs to
    assert c.issuer == "Directorate of Defence Media Operations (Defence Headquarters)"
    assert [s.text for s in split_sentences(c.text)][-2:] == ["Troops repelled an attack on Damasak.",
                                                            "Troops rescued farmers near Konduga."]


def test_a_time_stamp_line_and_an_imprint_are_no_part_of_a_sentence():
    c = clean_text("Live updates\n\n09:12 BST\nRussian drones attacked Odesa.\n\n"
                   "Issued by the Office for the Coordination of Humanitarian Affairs, Port Sudan\n\nEnd.")
    sents = [s.text for s in split_sentences(c.text)]
    assert "Russian drones attacked Odesa." in sents and not any("Port Sudan" in s for s in sents), sents
    assert ("Issued by the Office for the Coordination of Humanitarian Affairs, Port Sudan", "imprint") in c.removed


@pytest.mark.parametrize("text,issuer", [
    ("CONFEDERATION OF SAHEL STATES\nUNIFIED FORCE - GENERAL STAFF\n\nCOMMUNIQUÉ No. 004/2026\n\n"
     "1. Units repelled an attack near Djibo.", "Unified Force - General Staff (Confederation of Sahel States)"),
    # a channel's masthead over a translator's note, with an emoji
    ("National Resistance Front - Panjshir Command - Official Media \U0001F4E2\n[unofficial translation of a "
     "post]\n\nOur fighters ambushed a convoy near Bazarak.", "National Resistance Front - Panjshir Command"),
])
def test_an_office_or_a_masthead_names_the_issuer(text, issuer):
    assert clean_text(text).issuer == issuer


@pytest.mark.parametrize("text,first", [
    ("Troops entered Sweida from the west.[5] The army said its jets struck tanks.", "Troops entered Sweida from the west.[5]"),
    ("Fighting ended.[12][13] Residents returned.", "Fighting ended.[12][13]"),
])
def test_a_citation_mark_ends_the_sentence_it_follows(text, first):
    from geomap.extract.clean import split_sentences
    assert [s.text for s in split_sentences(text)][0] == first


PDF_PAGE = """2.1 On 4 March, soldiers raided a school dormitory in Wa-
mena and detained 14 students.4 The students were released on 6 March.

---
Rights Monitor | Quarterly Report                          Page 3 of 9
---
                                                   Page 4 of 9

2.2 Iran-
backed militias shelled a pro-
government camp; the group's fight-
ers withdrew after two hours."""


def test_a_pdf_pages_breaks_and_furniture_are_undone():
    cleaned = clean_text(PDF_PAGE)
    assert "Wamena" in cleaned.text and "fighters" in cleaned.text
    assert "Iran-backed" in cleaned.text and "pro-government" in cleaned.text
    assert "Page" not in cleaned.text and "---" not in cleaned.text
    assert {why for _, why in cleaned.removed} == {"page furniture"}
    sentences = [s.text for s in split_sentences(cleaned.text)]
    assert sentences[0].endswith("detained 14 students.4")
    assert sentences[1] == "The students were released on 6 March."


@pytest.mark.parametrize("text", [
    "Troops arrived at 10.30 GMT on Monday.",
    "He said 2.5 Million people had fled.",
])
def test_a_decimal_is_no_footnote(text):
    assert [s.text for s in split_sentences(text)] == [text]


def test_a_lowercased_dump_keeps_no_capitalised_labels():
    cleaned = clean_text("ANCHOR: we turn now to sudan .\n\nCORRESPONDENT: fighting went on in el fasher .")
    assert cleaned.text == cleaned.text.lower()
    assert clean_text("ANCHOR: We turn now to Sudan.").text == "ANCHOR: We turn now to Sudan."


WEB_PAGE = """Skip to content
Home | World | Africa | Opinion | Sport | Subscribe
We use cookies to improve your experience. By continuing to browse, you agree to our Cookie Policy. Accept
Trending: Elections | Weather | Football
Gunmen attack village in Zamfara
By Staff Reporter | Updated: 3 March 2026, 10:05 WAT
Share on WhatsApp | Share on Facebook | Copy link
Gunmen killed nine villagers in Zamfara State on Sunday, police said.
Photo caption: Police officers at a checkpoint. (File photo)
Tags: Zamfara | Bandits | Police
Related | Most Read | About Us | Contact Us | Terms of Use"""


def test_a_copied_web_pages_menus_banners_and_labels_are_furniture():
    cleaned = clean_text(WEB_PAGE)
    assert cleaned.text == ("Gunmen attack village in Zamfara . "
                            "Gunmen killed nine villagers in Zamfara State on Sunday, police said.")
    assert {why for _, why in cleaned.removed} == {"navigation", "cookie banner", "page label"}


def test_a_feed_line_with_two_bars_is_kept():
    assert "Russian drones hit Kharkiv" in clean_text("09:12 | Russian drones hit Kharkiv | two dead").text


@pytest.mark.parametrize("text,n", [
    ("No group claimed responsibility. 1 March: Security forces raided homes in Latakia.", 2),
    ("Nothing more was heard. 4–5 February: Gunmen raided homes in Al-Haffeh.", 2),
    ("Troops arrived on 5 March. 12 more units followed.", 1),  # (a number opening a sentence stays joined)
])
def test_a_chronologys_dated_entry_opens_a_sentence(text, n):
    assert len(split_sentences(text)) == n


@pytest.mark.parametrize("line,kept", [
    ("1.4 Equatorial Guinea's navy said it had sent two patrol boats.", "Equatorial Guinea's navy said"),
    ("2.1.3 The navy announced patrols.", "The navy announced patrols."),
    ("10.30 GMT troops moved into the town.", "10.30 GMT troops moved"),
    ("10.30 am troops moved into the town.", "10.30 am troops moved"),
])
def test_a_numbered_section_loses_its_number_but_a_time_stays(line, kept):
    text = clean_text(line).text
    assert text.lower().startswith(kept.lower())  # (a line whose only capitals are "GMT" is read as lowercase)
