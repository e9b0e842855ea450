"""Readings met in held-out batch 15, checked on new sentences (cased and lowercased)."""

import pytest

from wire import rows as _rows

from geomap.extract.qualifiers import KM_PER_DEG


def _both(rows):
    return [r for row in rows for r in (row, (row[0].lower(),) + tuple(row[1:]))]


@pytest.mark.parametrize("text,action,speaker", _both([
    # a long office before the title: the name after the title is the person, the whole is the source
    ("Kherson Oblast Military Administration Head Oleksandr Prokudin said Russian drones struck Beryslav.",
     "attack", "prokudin"),
    # the press and war bloggers of a side are a source of their own, not the side's state
    ("Russian milbloggers claimed that Russian forces captured Toretsk on Sunday.", "capture", "milbloggers"),
    ("Iranian state media reported that Israeli jets struck a base near Isfahan.", "attack", "media"),
    # a participle phrase after the speaker ("... operating in the area") is stepped over
    ("A spokesman for a Ukrainian brigade fighting in the area said Russian troops advanced on Siversk.",
     "advance", "brigade"),
]))
def test_batch15_speakers(real_gaz, text, action, speaker):
    rows = _rows(text, real_gaz, action)
    assert rows and rows[0]["stance"] == "claimed", rows
    assert speaker in rows[0]["reported_by"].lower(), rows


@pytest.mark.parametrize("text", _both([
    ("Satellite imagery indicates that Sudanese troops withdrew from Bara.",),
    ("Geolocated footage indicates that Russian forces advanced near Siversk.",),
]))
def test_evidence_is_no_claimant(real_gaz, text):
    rows = _rows(text[0], real_gaz)
    assert rows and all(r["stance"] == "asserted" and r["reported_by"] is None for r in rows), rows


@pytest.mark.parametrize("text", _both([
    ("Analysts will keep watching the tempo of Russian operations near Siversk.",),
    ("The pace of Israeli operations in Rafah slowed last month.",),
]))
def test_a_measure_of_operations_is_no_event(real_gaz, text):
    assert not _rows(text[0], real_gaz, "attack")


@pytest.mark.parametrize("text,action", _both([
    ("Small groups of Russian infantry are trying to infiltrate Siversk.", "advance"),
    ("M23 fighters have infiltrated Minova, local officials said.", "advance"),
]))
def test_infiltration_is_an_advance(real_gaz, text, action):
    assert _rows(text, real_gaz, action)


@pytest.mark.parametrize("text,place,qualifier", _both([
    ("Russian forces advanced in southeastern Siversk on Tuesday.", "Siversk", "southeast"),
    ("Heavy clashes between the army and M23 were reported in northern Goma.", "Goma", "north"),
]))
def test_a_part_of_a_town_is_off_its_centre(real_gaz, text, place, qualifier):
    rows = [r for r in _rows(text, real_gaz) if r["place"] and place.lower()[:4] in r["place"].lower()]
    assert rows and rows[0]["qualifier"] == qualifier, rows
    p = real_gaz.resolve(place)
    g = rows[0]["geometry"]
    shift = ((g.x - p.lon) ** 2 + (g.y - p.lat) ** 2) ** 0.5 * KM_PER_DEG
    assert 0.5 < shift < 6, shift  # a few km, not the town's point nor a far offset
    assert ("north" in qualifier) == (g.y > p.lat)


@pytest.mark.parametrize("text", _both([
    ("Russian drones hit Kupiansk overnight. In Kharkiv, the city council said shelling damaged a school.",),
]))
def test_the_city_council_is_no_place(real_gaz, text):
    rows = _rows(text[0], real_gaz)
    assert not [r for r in rows if r["place"] and "kupiansk" in r["place"].lower()
                and "council" in (r["sentence"] or "").lower()], rows


def test_the_city_is_the_last_town_named(real_gaz):
    text = ("Russian missiles hit Odesa on Monday. On Tuesday drones struck Kherson, and a fire broke out "
            "across the city, regional officials said. Ukrainian troops then shelled the city.")
    rows = _rows(text, real_gaz, "attack")
    last = [r for r in rows if "shelled" in r["sentence"]]
    assert last and "kherson" in last[0]["place"].lower(), rows


@pytest.mark.parametrize("text,action,actor,speaker", _both([
    # a venue after "a statement from", and "its remaining troops"
    ("The RSF seized Babanusa. The army said in a statement from Port Sudan that its remaining troops had "
     "pulled out of the town.", "withdraw", "Sudanese Armed Forces", "sudanese armed forces"),
    # "On Monday, according to X, ..." opens the claim; the next sentence names the author
    ("On Monday, according to residents, a drone strike hit a market in Mellit. Residents blamed the strike "
     "on the RSF.", "attack", "Rapid Support Forces", "residents"),
    # the accused of "blamed X for a drone strike" did it
    ("Officials in Tripoli blamed the LNA for a drone strike on a camp in Gharyan.", "attack",
     "Libyan National Army", "officials"),
    # the channel a group speaks through is part of the source
    ("The Islamic State group said through its Amaq agency that its fighters ambushed an army patrol near "
     "Mueda.", "attack", "Islamic State", "amaq"),
    # a spokesman's name after the title, in any case
    ("Houthi military spokesman Yahya Saree said the group's forces fired a missile at Eilat.", "attack",
     "Houthis", "saree"),
]))
def test_batch15_claims(real_gaz, text, action, actor, speaker):
    rows = [r for r in _rows(text, real_gaz, action) if r["actor"] == actor]
    assert rows and rows[0]["stance"] == "claimed", _rows(text, real_gaz)
    assert speaker in rows[0]["reported_by"].lower(), rows


@pytest.mark.parametrize("text,bad", _both([
    # those told to leave, a resident who fled, and civilians pushed toward a town make no move
    ('"They told people to leave," said one resident who fled with his family to Pemba.', "Pemba"),
    ("Insurgents beheaded two farmers near Chiure, the latest of attacks that pushed families toward "
     "Montepuez.", "Montepuez"),
    # "is it clear who" is no capture
    ("Is it clear who started the fighting in Tripoli?", "Tripoli"),
]))
def test_batch15_non_events(real_gaz, text, bad):
    rows = _rows(text, real_gaz)
    assert not [r for r in rows if r["place"] and bad.lower()[:5] in r["place"].lower()], rows


@pytest.mark.parametrize("text", _both([
    ("The army said it had rejected reports in local media claiming that its troops shelled Mota.",),
]))
def test_reports_a_denial_rejects_are_denied(real_gaz, text):
    rows = [r for r in _rows(text[0], real_gaz, "attack")]
    assert rows and all(r["stance"] == "denied" for r in rows), rows


@pytest.mark.parametrize("text,action,place", _both([
    ("The LNA said it had sent additional units to Sirte.", "deploy", "Sirte"),
    ("M23 has set up new checkpoints at Sake, west of Goma.", "deploy", "Sake"),
]))
def test_batch15_deployments(real_gaz, text, action, place):
    rows = _rows(text, real_gaz, action)
    assert rows and place.lower() in rows[0]["place"].lower(), rows


def test_fighting_with_wazalendo_militias(real_gaz):
    rows = _rows("Fighting between M23 and pro-government Wazalendo militias resumed near Kanyabayonga.", real_gaz,
                 "clash")
    assert rows and {rows[0]["actor"], rows[0]["target"]} == {"M23", "Wazalendo"}, rows


def test_letterhead_issuer_is_the_statement_we(real_gaz):
    text = ("FEDERAL DEMOCRATIC REPUBLIC OF ETHIOPIA\nMinistry of Defense - Press Release\n\n"
            "Our forces cleared the armed group from the town of Debark on Tuesday.")
    rows = _rows(text, real_gaz, "capture")
    assert rows and rows[0]["actor"] == "Ethiopian National Defense Force", rows
    assert rows[0]["stance"] == "claimed" and rows[0]["reported_by"].startswith("Ministry of Defense"), rows


@pytest.mark.parametrize("text,actor", _both([
    # a backer's name joined to the subject by "-linked"/"-backed" does not hide the subject
    ("Al Qaeda-linked jihadists attacked the town of Djibo on Sunday.", "jihadists"),
    # "its air force", "its navy": the speaker's forces
    ("The Burkina Faso army said its air force had struck fighters north of Djibo.", "Burkina Faso armed forces"),
]))
def test_batch15_subjects(real_gaz, text, actor):
    rows = _rows(text, real_gaz, "attack")
    assert rows and rows[0]["actor"] == actor, rows


@pytest.mark.parametrize("text,origin", _both([
    # a withdrawal is placed where the force was, not where it went
    ("Government troops withdrew from Ansongo towards Gao on Friday, officials said.", "Ansongo"),
    ("The paramilitaries pulled back from Babanusa to El Fula, the army said.", "Babanusa"),
]))
def test_withdrawal_is_placed_at_its_origin(real_gaz, text, origin):
    rows = _rows(text, real_gaz, "withdraw")
    assert rows and rows[0]["place_text"].lower() == origin.lower(), rows


@pytest.mark.parametrize("text,actor,speaker", _both([
    # what witnesses saw is their account; the seen act is the event
    ("Witnesses saw RSF convoys entering Kutum on Tuesday.", "Rapid Support Forces", "witnesses"),
    ("Residents reported seeing Russian tanks moving into Vovchansk.", "Russia", "residents"),
    ("An AFP reporter saw Israeli troops raiding homes in Jenin.", "Israel", "reporter"),
]))
def test_perception_verbs(real_gaz, text, actor, speaker):
    rows = [r for r in _rows(text, real_gaz) if r["actor"] == actor]
    assert rows and rows[0]["stance"] == "claimed" and speaker in rows[0]["reported_by"].lower(), rows


@pytest.mark.parametrize("text", _both([
    ("The city saw heavy fighting between the army and the RSF on Monday.",),
]))
def test_a_place_that_saw_fighting_is_no_witness(real_gaz, text):
    assert all(r["reported_by"] is None for r in _rows(text[0], real_gaz)), _rows(text[0], real_gaz)


@pytest.mark.parametrize("text", _both([
    ("Three security sources told Reuters that JNIM fighters stormed a base in Boulkessi. "
     "Malian soldiers withdrew from Boulkessi after the assault, the sources said.",),
]))
def test_the_sources_are_the_sources_named_before(real_gaz, text):
    rows = _rows(text[0], real_gaz, "withdraw")
    assert rows and "security sources" in rows[0]["reported_by"].lower(), rows


@pytest.mark.parametrize("text", _both([
    ("Russian troops dug trenches near Kupiansk, the general staff said.",),
    ("The army has brought fresh reinforcements to Kostiantynivka, the governor said.",),
    ("The RSF fortified its positions in Babanusa, residents said.",),
]))
def test_fortifying_is_a_deployment(real_gaz, text):
    assert _rows(text[0], real_gaz, "deploy"), _rows(text[0], real_gaz)


@pytest.mark.parametrize("text,not_at", _both([
    # where a person comes from is no site of what their forces did
    ("Witnesses saw convoys entering Tripoli, which suggests that Dbeibah, who is himself from Misrata, "
     "has called in reinforcements.", "misrata"),
    ("The attack was led by a commander who hails from Gao, the army said, after JNIM fighters struck Boni.",
     "gao"),
]))
def test_a_persons_home_town_is_no_event_place(real_gaz, text, not_at):
    rows = _rows(text, real_gaz)
    assert rows and all((r["place_text"] or "").lower() != not_at for r in rows), rows


@pytest.mark.parametrize("text", _both([
    # an attempt to take or encircle a town is a push on it, not its fall
    ("ISWAP fighters are trying to capture Damboa, residents said.",),
    ("Russian forces failed to take Toretsk despite heavy losses.",),
    ("M23 made a new attempt to seize Uvira on Monday.",),
    ("Russian troops continued their efforts to encircle Toretsk.",),
]))
def test_an_attempted_capture_is_an_advance(real_gaz, text):
    rows = _rows(text[0], real_gaz)
    assert rows and {r["action"] for r in rows} == {"advance"}, rows


@pytest.mark.parametrize("text", _both([
    # "forces" is an order only when it is a verb
    ("Russian forces tried to take Toretsk.",),
    ("The army forced residents to leave Toretsk.",),
]))
def test_forces_noun_is_no_order(real_gaz, text):
    rows = _rows(text[0], real_gaz)
    assert bool(rows) == text[0].lower().startswith("russian"), rows


@pytest.mark.parametrize("text,state,people", _both([
    # a side's officials or sources claim for the side, in their own words
    ("Ukrainian officials said Russian drones struck Sumy overnight.", "ukraine", "officials"),
    ("A Hamas official said Israeli tanks entered Rafah.", "hamas", "official"),
]))
def test_officials_speak_for_their_side(real_gaz, text, state, people):
    rows = _rows(text, real_gaz)
    said = rows[0]["reported_by"].lower() if rows else ""
    assert state in said and people in said, rows


@pytest.mark.parametrize("text,actor", _both([
    # who fights for a side is that side's force
    ("Armed factions fighting on behalf of Syria's transitional government executed 40 civilians in Baniyas.",
     "Syrian transitional government forces"),
    # a list of subjects: each acts
    ("Afghan Taliban and Indian-sponsored Fitna al Khwarij carried out an unprovoked attack on border posts "
     "near Chaman.", "Taliban government"),
]))
def test_subjects_by_allegiance_and_in_lists(real_gaz, text, actor):
    assert actor in {r["actor"] for r in _rows(text, real_gaz, "attack")}, _rows(text, real_gaz)


@pytest.mark.parametrize("text,speaker", _both([
    ("A resident of the nearby village of Al-Haffah said gunmen surrounded the village.", "resident"),
    ("Russian troops took Ivanopillia - defence ministry", "defence ministry"),
]))
def test_speaker_heads(real_gaz, text, speaker):
    rows = _rows(text, real_gaz)
    assert rows and rows[0]["stance"] == "claimed" and speaker in rows[0]["reported_by"].lower(), rows


def test_a_quotation_takes_the_attribution_that_closes_it(real_gaz):
    text = ('"Russian units have liberated Ivanopillia. Russian assault groups continue to advance toward Toretsk," '
            'the Russian Defence Ministry said.')
    for t in (text, text.lower()):
        rows = _rows(t, real_gaz)
        assert {r["action"] for r in rows} >= {"capture", "advance"}, rows
        assert all(r["stance"] == "claimed" and "ministry" in r["reported_by"].lower() for r in rows), rows


def test_units_in_a_militarys_own_account_are_its_forces(real_gaz):
    rows = _rows("Over the past 24 hours units repelled six counterattacks near Chasiv Yar, the Russian "
                 "Defence Ministry said.", real_gaz)
    assert rows and rows[0]["actor"] == "Russia", rows


@pytest.mark.parametrize("text", _both([
    ("INTER SERVICES PUBLIC RELATIONS\nNo PR-12/2025-ISPR  Rawalpindi - 3 May 2025\n\n"
     "Security forces killed four terrorists in an operation near Mastung, Balochistan.",),
]))
def test_press_office_letterhead_names_the_issuer(real_gaz, text):
    rows = _rows(text[0], real_gaz)
    assert rows and rows[0]["stance"] == "claimed" and "public relations" in rows[0]["reported_by"].lower(), rows
    assert rows[0]["actor"] == "Pakistani military", rows


@pytest.mark.parametrize("text,speaker_side", _both([
    # "Thailand's army" is Thailand's, though the sentence is set in Cambodia
    ("Thailand's army said F-16 jets had struck Cambodian artillery positions near Samraong.", "Thailand"),
]))
def test_a_countrys_army_by_possessive(real_gaz, text, speaker_side):
    rows = _rows(text, real_gaz)
    assert rows and speaker_side in rows[0]["reported_by"], rows


@pytest.mark.parametrize("text", _both([
    ("In 1962 the International Court of Justice in The Hague ruled on the temple. Thai jets struck "
     "positions near Samraong on Monday, the army said. Cambodia says its forces were responding to Thai shelling.",),
]))
def test_a_courts_seat_is_no_event_place(real_gaz, text):
    assert all("hague" not in (r["place"] or "").lower() for r in _rows(text[0], real_gaz)), _rows(text[0], real_gaz)


@pytest.mark.parametrize("text", _both([
    ("The Thai navy has moved warships and marines to the coast off Trat.",),
]))
def test_moving_forces_to_a_place_is_a_deployment(real_gaz, text):
    rows = _rows(text[0], real_gaz, "deploy")
    assert rows and rows[0]["place"] == "Trat", rows
