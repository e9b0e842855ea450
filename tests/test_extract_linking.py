"""Linking actions to actors (geomap/extract/linking.py): bare "troops" referring back,
infinitives after a threat verb, military operations, agentless fire and persons who speak
for an actor.  Every case is checked as written and lowercased."""

import pytest

from geomap.extract.clauses import analyse
from geomap.extract.lexicon import Lexicon
from geomap.extract.linking import Memory, link_sentence


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default()


@pytest.fixture(scope="module")
def gaz():
    from geomap.gazetteer import Gazetteer

    try:
        return Gazetteer.default()
    except Exception as exc:  # the data folder may be absent in a bare install
        pytest.skip(f"no gazetteer: {exc}")


def _drafts(sentences, lex, country=None):
    """The drafts of the last sentence, after the earlier ones went through the memory."""
    memory = Memory()
    out = []
    for s in sentences:
        out = link_sentence(analyse(s, lex, country=country), lex, memory)
    return out


def _both(rows):
    out = []
    for row in rows:
        sents = row[0]
        out.append(row)
        out.append(([s.lower() for s in sents],) + tuple(row[1:]))
    return out


@pytest.mark.parametrize("sentences,action,actor", _both([
    (["Sudan's army said it retook Bahri on Friday.", "Troops then pushed north towards Shendi."],
     "advance", "Sudanese Armed Forces"),
    (["Nigerian soldiers withdrew from the base.", "Abuja said troops had retaken the town."],
     "capture", "Nigerian Army"),
    (["The Ukrainian military said it held the line near the river.", "Reinforcements were sent to the village."],
     "deploy", "Ukraine"),
    (["The Russian defence ministry said the village was taken.", "Soldiers then advanced on the next hamlet."],
     "advance", "Russia"),
]))
def test_bare_troops_refer_to_the_one_state_force_in_focus(lex, sentences, action, actor):
    found = [(d.category, d.actor) for d in _drafts(sentences, lex)]
    assert (action, actor) in found, found


@pytest.mark.parametrize("sentences,action", _both([
    # two state forces in focus: who the troops are is not said
    (["Russian forces shelled Ukrainian positions near the river.", "Troops then advanced on the village."],
     "advance"),
    # a modifier the lexicon does not know names other troops
    (["Sudan's army said it retook Bahri.", "Kenyan troops then advanced on the village."], "advance"),
    (["Sudan's army said it retook Bahri.", "Security forces then advanced on the market."], "advance"),
    # nothing named before
    (["Troops advanced on the village at dawn."], "advance"),
]))
def test_bare_troops_stay_unnamed_without_one_actor_in_focus(lex, sentences, action):
    found = [d.actor for d in _drafts(sentences, lex) if d.category == action]
    assert not any(found), found


@pytest.mark.parametrize("sentence,actor,action,stance", [
    (s, a, c, st) for text, a, c, st in [
        ("Moscow said Ukrainian marines had crossed the river near the town, and threatened to strike the city.",
         "Russia", "attack", "threatened"),
        ("Kyiv said Russian troops had entered the village, and vowed to retake it.", "Ukraine", "capture",
         "threatened"),
        ("Kyiv said Russian troops had entered the village, and vowed to launch a counteroffensive.", "Ukraine",
         "attack", "threatened"),
    ] for s in (text, text.lower())])
def test_threat_infinitive_belongs_to_the_threatener(lex, sentence, actor, action, stance):
    found = [(d.actor, d.category, d.stance) for d in _drafts([sentence], lex)]
    assert (actor, action, stance) in found, found
    # the event reported inside the claim keeps its own subject
    assert not any(a != actor and c == action and st == stance for a, c, st in found), found


@pytest.mark.parametrize("sentence,actor", [
    (s, a) for text, a in [
        ("Israeli forces launched an operation in the camp on Monday.", "Israel"),
        ("An Israeli operation in the camp killed three men.", "Israel"),
        ("Houthi fighters began an operation against the government lines.", "Houthis"),
    ] for s in (text, text.lower())])
def test_military_operation_by_an_armed_actor_is_an_attack(lex, sentence, actor):
    found = [(d.actor, d.category) for d in _drafts([sentence], lex)]
    assert (actor, "attack") in found, found


@pytest.mark.parametrize("sentence", [s for text in [
    "Operations in the port resumed on Monday.",
    "The UN launched an operation to vaccinate children in the camp.",
    "The health ministry began an operation to reopen clinics.",
] for s in (text, text.lower())])
def test_operation_without_an_armed_actor_is_no_attack(lex, sentence):
    assert not [d for d in _drafts([sentence], lex) if d.category == "attack"]


@pytest.mark.parametrize("text,place", [(s, p) for t, p in [
    ("Shells fell on Kherson overnight, the regional governor said.", "Kherson"),
    ("Several mortar rounds landed near the airport in Mogadishu on Monday.", "Mogadishu"),
    ("Two rockets launched from Lebanon fell near Metula, the Israeli military said.", "Metula"),
    ("Rockets hit Sderot on Tuesday.", "Sderot"),
    ("A drone struck Odesa early on Sunday.", "Odesa"),
] for s in (t, t.lower())])
def test_agentless_fire_is_an_attack_at_its_place(gaz, text, place):
    from geomap.extract.events import extract_document

    rows = [r for r in extract_document(text, gazetteer=gaz) if r["action"] == "attack"]
    assert any(r["actor"] is None and r["place"] == gaz.resolve(place, context=text).name for r in rows), rows


@pytest.mark.parametrize("text", [
    "Abdulmalik al-Houthi threatened to resume strikes on shipping if the blockade of Gaza continued.",
    "abdulmalik al-houthi threatened to resume strikes on shipping if the blockade of gaza continued.",
])
def test_person_speaks_for_the_actor_and_the_condition_does_not_locate(gaz, text):
    from geomap.extract.events import extract_document

    rows = [r for r in extract_document(text, gazetteer=gaz) if r["action"] == "attack"]
    assert rows and all(r["actor"] == "Houthis" and r["stance"] == "threatened" for r in rows), rows
    assert all(r["reported_by"].lower() == "abdulmalik al-houthi" for r in rows), rows
    assert all(r["geometry"] is None for r in rows), rows


@pytest.mark.parametrize("text", [
    "Israeli jets struck Sanaa overnight, Abdulmalik al-Houthi said.",
    "israeli jets struck sanaa overnight, abdulmalik al-houthi said.",
])
def test_person_named_after_the_verb_is_the_source_not_the_attacker(lex, text):
    found = [(d.actor, d.category, d.reported_by) for d in _drafts([text], lex)]
    assert found and all(a == "Israel" and r.lower() == "abdulmalik al-houthi" for a, c, r in found), found


@pytest.mark.parametrize("sentences,actor,reported_by", _both([
    (["ISRAELI ARMY SPOKESMAN: We struck a weapons depot in the south overnight."], "Israel",
     "israeli army spokesman"),
    # the turn goes on over the next sentence, until another label
    (["UKRAINIAN MILITARY SPOKESMAN: Good evening.", "Our forces shelled the bridge at dawn."], "Ukraine",
     "ukrainian military spokesman"),
]))
def test_an_officials_turn_claims_what_it_asserts(lex, sentences, actor, reported_by):
    found = [(d.actor, d.stance, (d.reported_by or "").lower()) for d in _drafts(sentences, lex)]
    assert (actor, "claimed", reported_by) in found, found


@pytest.mark.parametrize("sentences", [[s.lower() for s in row] if lower else row for row in [
    ["ANCHOR: Russian forces shelled the bridge overnight."],
    ["CORRESPONDENT (voice-over): Russian forces shelled the bridge overnight."],
    ["RUSSIAN DEFENCE SPOKESMAN: We will answer.", "ANCHOR: Russian forces shelled the bridge overnight."],
] for lower in (False, True)])
def test_a_journalists_turn_states_it_and_the_label_is_no_actor(lex, sentences):
    found = [(d.actor, d.stance, d.reported_by) for d in _drafts(sentences, lex)]
    assert found == [("Russia", "asserted", None)], found


@pytest.mark.parametrize("text", ["SMITH: The rebels attacked Goma on Monday.",
                                  "Smith (voice-over): The rebels attacked Goma on Monday."])
def test_a_speaker_label_is_not_an_actor(lex, text):
    from geomap.extract.clauses import analyse as _an

    memory = Memory()
    an = _an(text, lex)
    link_sentence(an, lex, memory)
    assert all(an.tokens[m.i].start > text.index(":") for m in an.actors)
