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
def gaz(default_gaz):
    return default_gaz


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
    (["Sudan's army said it retook Bahri.", "Zambian troops then advanced on the village."], "advance"),
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


def _rows(text, gaz):
    from geomap.extract.events import extract_document

    return extract_document(text, gazetteer=gaz)


@pytest.mark.parametrize("sentences,action,actor,target", _both([
    # the two sides of a clash named after what the clash did
    (["Heavy fighting erupted overnight in the capital between forces of the Government of National Unity "
      "(GNU) and the Rada Special Deterrence Force, witnesses said."],
     "clash", "Government of National Unity forces", "Rada Special Deterrence Force"),
    (["Clashes broke out on Sunday between Syrian government forces and the SDF near the dam."],
     "clash", "Syrian government forces", "Syrian Democratic Forces"),
    # a group's two names joined by a slash
    (["Fighting between M23/AFC and Wazalendo militias spread to the hills."],
     "clash", "M23", "Wazalendo"),
]))
def test_clash_between_two_sides_after_the_verb(lex, sentences, action, actor, target):
    found = [(d.category, d.actor, d.target) for d in _drafts(sentences, lex)]
    assert (action, actor, target) in found, found


@pytest.mark.parametrize("sentences,action,actor,stance", _both([
    # a cleft names the actor after "it was"
    (["Kyiv said it was Russian troops who had shelled the dam."], "attack", "Russia", "claimed"),
    (["The ministry insisted that it was Azerbaijani forces that opened fire first."], "attack", "Azerbaijan",
     "claimed"),
    # a live blog's time stamp opens the clause
    (["14:20 GMT Russian drones struck a fuel depot overnight."], "attack", "Russia", "asserted"),
    (["09:05 BST Israeli tanks pushed into the camp before dawn."], "advance", "Israel", "asserted"),
    # a nominal action that someone prepares is planned (a government's offensive is its army's)
    (["Officials said the government was preparing a new offensive against al-Shabaab."], "attack",
     "Somali National Army", "planned"),
    # "accused X of launching attacks": the accused acts
    (["The ministry accused Hamas of carrying out rocket attacks on the town."], "attack", "Hamas", "claimed"),
    # "specialised units of X" are X's
    (["Specialised units of the Haitian National Police retook the bridge on Monday."], "capture",
     "Haitian National Police", "asserted"),
]))
def test_subjects_in_clefts_time_stamps_and_nominal_actions(lex, sentences, action, actor, stance):
    found = [(d.category, d.actor, d.stance) for d in _drafts(sentences, lex, country="SO")]
    assert (action, actor, stance) in found, found


@pytest.mark.parametrize("text", [
    "One rocket was launched from Lebanon and fell in a field near the town.",
    "one rocket was launched from lebanon and fell in a field near the town .",
])
def test_a_passive_launch_before_an_impact_verb_is_an_attack(lex, text):
    found = [(d.category, d.actor) for d in _drafts([text], lex)]
    assert ("attack", None) in found, found


@pytest.mark.parametrize("text,where,not_where", [
    ("Officials in Kyiv said Russian forces shelled Kherson overnight.", "Kherson", "Kyiv"),
    ("The governor warned at a meeting in Kyiv that Russian troops were preparing an offensive.", None, "Kyiv"),
    ("Russian forces shelled Kherson overnight, officials in Kyiv said.", "Kherson", "Kyiv"),
])
def test_the_speakers_own_place_does_not_locate_what_is_reported(gaz, text, where, not_where):
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["actor"] == "Russia" and r["action"] in ("attack", "advance")]
        assert rows, t
        places = {r["place"] for r in rows}
        if where:
            assert where in places, rows
        if not_where:
            assert not_where not in places, rows


@pytest.mark.parametrize("text,said", [
    # an adverb between the speaker and its verb
    ("Cambodia's defence ministry has falsely claimed that Thai troops fired first near the temple.",
     "defence ministry"),
    # a relative clause and an abbreviation in brackets after the speaker
    ("The Libyan National Army (LNA), which controls the east, said it had sent reinforcements to Sabha.",
     "libyan national army"),
    # the head of "residents of the X district" is the speaker
    ("Residents of the Shujaiya district told reporters that Israeli tanks pushed into the area.", "residents"),
    # a state's speaking body as written, the actor stays the state
    ("The Nigerian Air Force said its jets struck a camp near Gwoza.", "air force"),
    ("The GNU's defence ministry said its units had taken control of the airport.", "defence ministry"),
])
def test_speaker_phrases(gaz, text, said):
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["action"] not in ("accuse", "deny", "threaten", "control")]
        assert rows and all(said in (r["reported_by"] or "").lower() for r in rows), rows
        assert all("falsely" not in (r["reported_by"] or "").lower() for r in rows)


@pytest.mark.parametrize("text", [
    "Shelling hit the town again, with artillery fire reported on Monday and Tuesday.",
    "shelling hit the town again , with artillery fire reported on monday and tuesday .",
])
def test_a_prepositional_phrase_before_reported_is_no_speaker(gaz, text):
    rows = _rows(text, gaz)
    assert rows and all(not r["reported_by"] or "with" not in r["reported_by"].lower() for r in rows), rows


@pytest.mark.parametrize("text", [
    "The ministry accused Western spies of initiating a jihadi offensive in the north.",
    "the ministry accused western spies of initiating a jihadi offensive in the north .",
])
def test_a_noun_that_names_its_author_keeps_it_after_of_gerund(lex, text):
    found = [(d.category, d.actor) for d in _drafts([text], lex)]
    assert ("attack", "jihadists") in found, found


@pytest.mark.parametrize("text,place", [
    ("Cambodian forces fired rockets into Thai territory on Monday.", "Thailand"),
    ("Israeli jets fired missiles into Lebanese territory on Sunday.", "Lebanon"),
])
def test_fire_into_a_countrys_territory_is_located_in_that_country(gaz, text, place):
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["action"] == "attack"]
        assert rows and rows[0]["place"] == place, rows


@pytest.mark.parametrize("text,actor,place,target", [
    ("Ukraine lost Avdiivka to Russian forces in February, the general staff said.", "Russia", "Avdiyivka", "Ukraine"),
    ("The army lost control of Kidal to the rebels on Tuesday, officials said.", "rebels", "Kidal", None),
    ("Bakhmut fell to Wagner fighters after months of fighting.", "Wagner Group", "Bakhmut", None),
    ("Kidal was lost to the rebels.", "rebels", "Kidal", None),
    ("El Fasher had finally fallen to the RSF, residents said.", "Rapid Support Forces", "El Fasher", None),
])
def test_lost_to_and_fell_to_are_captures_by_who_follows_to(gaz, text, actor, place, target):
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["action"] == "capture"]
        assert [(r["actor"], r["place"]) for r in rows] == [(actor, place)], (t, rows)
        if target:
            assert rows[0]["target"] == target, rows


@pytest.mark.parametrize("text", [
    "The party lost the vote to the opposition.",
    "The army lost two soldiers to sniper fire near Kramatorsk.",
    "Prices fell to record lows in Kharkiv.",
    "The number of displaced people in Goma fell to 20,000.",
])
def test_a_loss_or_fall_without_a_place_taken_is_no_capture(gaz, text):
    for t in (text, text.lower()):
        assert not [r for r in _rows(t, gaz) if r["action"] == "capture"], t


@pytest.mark.parametrize("text,target", [
    ("A Greek-flagged tanker came under fire from a small boat off Hodeidah on Monday, UKMTO said.", None),
    ("The convoy came under attack near Gao on Sunday.", None),
    ("Syrian troops came under attack near Palmyra.", "Syrian government forces"),
])
def test_came_under_attack_without_a_named_attacker_is_an_agentless_attack(gaz, text, target):
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["action"] == "attack"]
        assert len(rows) == 1 and rows[0]["actor"] is None and rows[0]["place"], (t, rows)
        assert rows[0]["target"] == target, rows


def test_came_under_pressure_is_no_attack(gaz):
    for t in ("The ship came under pressure from insurers in Aden.",
              "the ship came under pressure from insurers in aden ."):
        assert not _rows(t, gaz), t


@pytest.mark.parametrize("text,said", [
    ("Residents and a local official said RSF fighters shelled El Fasher on Sunday.", "residents and local official"),
    ("The army and the interior ministry said RSF drones hit Port Sudan.", "and interior ministry"),
])
def test_both_coordinated_speakers_are_claimants(gaz, text, said):
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["action"] == "attack"]
        assert rows and all(said in (r["reported_by"] or "").lower() for r in rows), rows


@pytest.mark.parametrize("text,actor", [
    ("Thai forces responded with artillery fire on positions near Kantharalak.", "Thailand"),
    ("The Malian army retaliated with airstrikes on Kidal.", "Malian armed forces"),
])
def test_a_response_with_an_attack_noun_is_the_attack(gaz, text, actor):
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["action"] == "attack"]
        assert [r["actor"] for r in rows] == [actor], (t, rows)


def test_a_weapon_after_with_is_no_second_attack(gaz):
    for t in ("Russia struck Kharkiv with missiles.", "russia struck kharkiv with missiles ."):
        assert len([r for r in _rows(t, gaz) if r["action"] == "attack"]) == 1, t


@pytest.mark.parametrize("text,actor,said", [
    ("An RSF commander told Reuters the group was regrouping. He said his fighters had captured Babanusa.",
     "Rapid Support Forces", "rapid support forces"),
    ("The governor said the strikes killed four. She told reporters that Russian drones hit Sumy.",
     "Russia", "governor"),
])
def test_he_or_she_before_a_reporting_verb_is_the_last_speaker(gaz, text, actor, said):
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["actor"] == actor and r["action"] in ("capture", "attack")]
        assert rows and all(said in (r["reported_by"] or "").lower() and r["stance"] == "claimed"
                            for r in rows), (t, rows)


@pytest.mark.parametrize("text,actor,action,place", [
    # an unnamed attacker as the subject of a relative clause
    ("The army said its air defences had shot down several drones that targeted the Merowe dam overnight.",
     None, "attack", "Merowe"),
    # the author named by attribution
    ("On Sunday, airstrikes attributed to the SAF hit the market in Ed Daein, killing 17 civilians.",
     "Sudanese Armed Forces", "attack", "El Daein"),
    # a country's forces by demonym and a military noun (data/demonyms.csv)
    ("Nigerian jets struck terrorist enclaves on the fringes of Lake Chad.", "Nigerian Army", "attack", "Lake Chad"),
    ("Malian drones struck a convoy near Kidal.", "Malian armed forces", "attack", "Kidal"),
    # a unit of a force acts for it
    ("The Air Component of Operation Hadin Kai struck camps near Konduga.", "Nigerian Army", "attack", "Konduga"),
    # a facility named after one place in another
    ("Russian shells hit the Zaporizhzhia nuclear power plant in Enerhodar.", "Russia", "attack", "Enerhodar"),
    # a sea followed by an offset without a comma: the offset point is the site
    ("A bulk carrier came under attack in the Red Sea about 40 nautical miles west of the port of Hodeidah.",
     None, "attack", "Al Ḩudaydah"),
])
def test_more_readings_of_who_and_where(gaz, text, actor, action, place):
    for t in (text, text.lower()):
        rows = [(r["actor"], r["place"]) for r in _rows(t, gaz) if r["action"] == action]
        assert (actor, place) in rows, (t, rows)


@pytest.mark.parametrize("text,not_action", [
    ("Ukraine's General Staff says its forces struck an oil terminal in Feodosia, in occupied Crimea.", "capture"),
    ("He did not comment on the reported capture of the village near Kupiansk.", "capture"),
])
def test_adjectives_and_back_references_are_no_new_event(gaz, text, not_action):
    for t in (text, text.lower()):
        assert not [r for r in _rows(t, gaz) if r["action"] == not_action], t


def test_places_of_a_where_clause_are_background(gaz):
    text = ("In Novorossiysk, where the fleet has been based since it moved its ships away from Sevastopol, "
            "the mayor said a sea drone attack on the harbour had been repelled.")
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["action"] == "attack"]
        assert rows and all(r["place"] != "Sevastopol" for r in rows), rows


def test_the_next_sentence_continues_from_where_the_events_were(gaz):
    text = ("An Israeli strike hit a house in Bani Suheila, just east of Khan Younis, medics at Nasser Hospital "
            "in Khan Younis told us. The Israeli military says its troops fired at militants who approached.")
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["action"] == "attack"]
        assert len(rows) == 2 and len({r["place"] for r in rows}) == 1, rows


def test_a_body_run_by_an_actor_speaks_for_it(gaz):
    text = ("Israeli warplanes struck the port of Hodeidah. The Houthi-run health ministry in Sanaa said three "
            "port workers were killed.")
    for t in (text, text.lower()):
        rows = [r for r in _rows(t, gaz) if r["actor"] is None]
        assert rows and all(r["place"] != "Sanaa" and "health ministry" in r["reported_by"].lower()
                            for r in rows), rows
