"""Place mentions and their roles, with the project gazetteer."""

import pytest

from geomap.extract.places import find_places, main_area


@pytest.fixture(scope="module")
def gaz():
    from geomap.gazetteer import Gazetteer

    try:
        return Gazetteer.default()
    except Exception as exc:
        pytest.skip(f"no gazetteer: {exc}")


def _roles(text, gaz):
    return {(pm.text.lower(), pm.role) for pm in find_places(text, gazetteer=gaz)}


@pytest.mark.parametrize("text,name,role", [
    ("MOSCOW/WASHINGTON (Reuters) - Fighting went on near Raqqa.", "moscow", "dateline"),
    ("moscow/washington ( reuters ) - fighting went on near raqqa .", "washington", "dateline"),
    ("Moscow warned Washington on Thursday about the strikes near Raqqa.", "moscow", "metonym"),
    ("Moscow warned Washington on Thursday about the strikes near Raqqa.", "washington", "metonym"),
    ("the sdf said they came under attack , something moscow denied .", "moscow", "metonym"),
    ("Kyiv said Russian drones hit Kharkiv overnight.", "kyiv", "metonym"),
    ("Russian drones hit Kyiv overnight.", "kyiv", "site"),
    ("said army colonel ryan dillon , a baghdad-based spokesman for the coalition .", "baghdad", "base"),
    ("dillon , addressing a pentagon briefing , disclosed few details .", "pentagon", "venue"),
    ("Rebels shelled Raqqa.\nRead: Inside the fight for Mosul\nThe army replied.", "mosul", "link"),
    ("The governor warned at a security meeting in Maiduguri that militants had attacked Bama.",
     "maiduguri", "venue"),
    ("the minister said during a news conference in kyiv that russian drones hit sumy .", "kyiv", "venue"),
    ("the minister said during a news conference in kyiv that russian drones hit sumy .", "sumy", "site"),
    ("Army and RSF delegations met at a meeting in Jeddah on Monday.", "jeddah", "site"),
    ("In a statement issued in Phnom Penh, the ministry said Thai jets bombed Samraong.", "phnom penh", "venue"),
    ("in a statement released from kyiv , the army said russian troops shelled sumy .", "kyiv", "venue"),
    ("The ministry said in a statement read on state television in Niamey that troops fought back.",
     "niamey", "venue"),
    ("Jets struck radar sites near Hodeidah and around the capital Sanaa overnight.", "sanaa", "site"),
    ("Missiles hit a ship in the Red Sea, about 50 nautical miles west of the port of Hodeidah.", "red sea",
     "container"),
    ("missiles hit a ship in the red sea , 50 nautical miles west of the port of hodeidah .", "hodeidah", "site"),
    ("Troops withdrew from Kidal on Monday.", "kidal", "origin"),
    ("Troops moved toward Kidal on Monday.", "kidal", "destination"),
    ("The Rapid Support Forces shelled Omdurman.", "omdurman", "site"),
])
def test_roles(gaz, text, name, role):
    assert (name, role) in _roles(text, gaz)


@pytest.mark.parametrize("text,name", [("Sudan's army shelled Omdurman.", "sudan"),
                                       ("Ukrainian troops advanced into Russia's Kursk region.", "russia")])
def test_possessive_countries_do_not_locate(gaz, text, name):
    roles = {r for n, r in _roles(text, gaz) if n == name}
    assert roles and not roles & {"site", "origin", "destination"}


def test_actor_names_are_not_places(gaz):
    roles = _roles("The Rapid Support Forces shelled Omdurman, the Sudan Doctors Network said.", gaz)
    assert not any(r == "site" and n in ("rapid", "sudan") for n, r in roles)


def test_lowercase_common_words_are_not_places(gaz):
    found = {pm.text for pm in find_places("they come as soon as the river has risen , all of them .", gazetteer=gaz)
             if pm.role == "site"}
    assert not found & {"as soon", "come", "risen", "all", "the river", "they"}


@pytest.mark.parametrize("text", [
    "Troops advanced on Deir ez-Zour.",
    "troops advanced on deir al-zor .",
    "Troops advanced on Deir al-Zor.",
])
def test_transliterations_are_one_place(gaz, text):
    places = [pm.place.id for pm in find_places(text, gazetteer=gaz)]
    assert places and places[0] == gaz.resolve("Deir ez-Zor").id


def test_coreference_river_province_region(gaz):
    text = ("Fighting raged in Deir ez-Zor province along the Euphrates. Troops crossed to the eastern side of the "
            "river. The province is rich in oil. Clashes spread across the region.")
    pms = find_places(text, gazetteer=gaz)
    river = [pm for pm in pms if pm.coref and pm.place.kind == "river"]
    assert river and river[0].qualifier == "east_bank"
    assert any(pm.coref and pm.text.lower() == "the province" and pm.place.kind == "province" for pm in pms)
    region = [pm for pm in pms if pm.coref and pm.text.lower() == "the region"]
    assert region and region[0].place.id == main_area(pms).id


def test_qualified_geometry(gaz):
    pms = find_places("Jihadists attacked government-held parts of northwest Syria. Troops advanced east of "
                      "Deir al-Zor and took the west bank of the Euphrates.", gazetteer=gaz)
    by = {pm.text.lower(): pm for pm in pms}
    syria = gaz.get("country:SY")
    nw = by["northwest syria"] if "northwest syria" in by else by["syria"]
    assert nw.qualifier == "northwest"
    c = nw.geometry.centroid
    assert c.x < syria.geometry.centroid.x and c.y > syria.geometry.centroid.y
    east = by["deir al-zor"]
    assert east.qualifier == "east_of" and east.geometry.x > east.place.lon
    bank = by["euphrates"]
    assert bank.qualifier == "west_bank" and bank.geometry.geom_type.endswith("LineString")


@pytest.mark.parametrize("text", [
    "Fighting spread across the oil-rich eastern province of Deir ez-Zour.",
    "fighting spread across deir al-zor province .",
])
def test_province_mentions_are_the_province_polygon(gaz, text):
    pm = [p for p in find_places(text, gazetteer=gaz) if p.role == "site"][0]
    assert pm.place.kind == "province" and pm.geometry.geom_type.endswith("Polygon")


@pytest.mark.parametrize("text", [
    "Troops took Deir ez-Zor on Monday. The crossing followed an advance on the city from the south.",
    "Rebels held Idlib. The villages around the city were shelled overnight.",
])
def test_sentence_initial_capital_does_not_make_a_name(gaz, text):
    # "The crossing" / "The villages" are US towns' aliases; here the capital is the sentence's
    pms = find_places(text, gazetteer=gaz)
    assert all(pm.place.country == "SY" for pm in pms if pm.place.kind in ("city", "town", "village"))
    city = [pm for pm in pms if pm.coref and pm.text.lower() == "the city"]
    assert city and city[0].place.country == "SY"


def test_a_plain_river_mention_is_the_stretch_near_the_story(gaz):
    pms = find_places("Clashes flared in Deir ez-Zor as troops moved along the Euphrates.", gazetteer=gaz)
    river = [pm for pm in pms if pm.place.kind == "river"][0]
    city = gaz.resolve("Deir ez-Zor")
    minx, miny, maxx, maxy = river.geometry.bounds
    assert river.geometry.length < river.place.geometry.length / 4
    assert minx > city.lon - 1.5 and maxx < city.lon + 1.5 and miny > city.lat - 1.5 and maxy < city.lat + 1.5


def test_left_and_right_banks_follow_the_flow(gaz):
    # the Dnipro flows south past Kyiv: its right bank is the western one
    pms = find_places("Ukrainian troops held the right bank of the Dnipro near Kyiv, while Russian units "
                      "shelled the left bank.", gazetteer=gaz)
    banks = {pm.qualifier: pm for pm in pms if pm.place.kind == "river"}
    assert {"right_bank", "left_bank"} <= set(banks)
    assert banks["right_bank"].geometry.centroid.x < banks["left_bank"].geometry.centroid.x


@pytest.mark.parametrize("text", [
    "The army has captured about 100 km of the west bank of the Euphrates.",
    "the army has captured about 100 km of the west bank of the euphrates .",
])
def test_a_river_bank_is_not_the_west_bank_region(gaz, text):
    pms = find_places(text, gazetteer=gaz)
    assert [(pm.place.kind, pm.qualifier) for pm in pms] == [("river", "west_bank")]


def test_the_west_bank_region_is_still_found(gaz):
    pms = find_places("Israeli forces raided Jenin in the West Bank.", gazetteer=gaz)
    assert any(pm.place.kind == "region" and "West Bank" in pm.place.name for pm in pms)


def _lower(text):
    return text.lower()


@pytest.mark.parametrize("case", [str, _lower])
@pytest.mark.parametrize("text,name", [
    ("The Sumy Regional Council said drones hit a depot in Izium.", "sumy"),
    ("The Texas Department of Transportation closed roads in Dallas.", "texas"),
    ("Kharkiv police said a drone hit a warehouse in Izium.", "kharkiv"),
    ("Mykolaiv prosecutors said shelling damaged homes in Kherson.", "mykolaiv"),
])
def test_institution_names_keep_the_place_without_locating(gaz, case, text, name):
    # the place is still named (a toponym), but an agency's name is not where anything happened
    pms = find_places(case(text), gazetteer=gaz)
    inst = [pm for pm in pms if pm.text.lower() == name]
    assert inst and all(pm.role == "org" and not pm.locating for pm in inst)
    assert any(pm.locating for pm in pms if pm.text.lower() != name)


@pytest.mark.parametrize("text", ["An airstrike hit an Idlib school on Monday.",
                                  "an airstrike hit an idlib school on monday ."])
def test_a_place_before_a_common_noun_still_locates(gaz, text):
    pms = find_places(text, gazetteer=gaz)
    assert [(pm.text.lower(), pm.role) for pm in pms] == [("idlib", "site")]


@pytest.mark.parametrize("case", [str, _lower])
@pytest.mark.parametrize("text", [
    "Sen. Jackson toured Aleppo on Tuesday.",
    "Aid reached Aleppo late, Jackson said.",
    "Mr. Jackson flew to Aleppo.",
])
def test_people_named_like_towns_are_not_places(gaz, case, text):
    assert [pm.text.lower() for pm in find_places(case(text), gazetteer=gaz)] == ["aleppo"]


def test_a_surname_once_seen_after_a_first_name_stays_a_person(gaz):
    pms = find_places("Maria Jackson runs a bakery in Aleppo. Jackson reopened it after the siege.", gazetteer=gaz)
    assert [pm.text for pm in pms] == ["Aleppo"]


@pytest.mark.parametrize("text,name", [("Kyiv said Russian drones hit Kharkiv overnight.", "kyiv"),
                                       ("kyiv said russian drones hit kharkiv overnight .", "kyiv")])
def test_a_capital_that_speaks_is_still_a_metonym(gaz, text, name):
    assert (name, "metonym") in _roles(text, gaz)


@pytest.mark.parametrize("text,expected", [
    ("Mobile phones went dark in Homs on Monday.", ["Homs"]),             # sentence-initial common word
    ("Storm winds hit Mobile, Ala., on Tuesday.", ["Mobile", "Ala."]),    # "City, State" supports it
    ("I've lived on Main Street in Aleppo since August.", ["Aleppo"]),   # pronoun, street noun, month
    ("Convoys reached the West Bank and the U.S. embassy.", ["West Bank", "U.S."]),
])
def test_common_words_need_support_and_spans_are_the_names(gaz, text, expected):
    assert [pm.text for pm in find_places(text, gazetteer=gaz)] == expected


def test_lowercase_common_words_stay_out_of_lowercase_text(gaz):
    pms = find_places("storm winds hit mobile on tuesday and homs on monday .", gazetteer=gaz)
    assert [pm.text for pm in pms] == ["homs"]


def test_a_place_supported_once_is_a_place_throughout(gaz):
    # "in Mobile" makes the sentence-initial "Mobile" a place too (one sense per discourse)
    pms = find_places("Storm damage closed roads in Mobile. Mobile crews reopened them at dawn.", gazetteer=gaz)
    assert [pm.text for pm in pms] == ["Mobile", "Mobile"]


@pytest.mark.parametrize("text,name,found", [
    # a capitalised common word standing alone near a town the text names: a town
    ("M23 rebels seized Sake on Wednesday after heavy fighting near Goma.", "Sake", True),
    # ... not in a longer name, after "the", or far from the story's towns
    ("Lawmakers in the House met in Washington on Monday.", "House", False),
    ("M23 rebels met Sake Mutombo in Goma.", "Sake", False),
    ("Fighters seized Sake on Wednesday after clashes near Kharkiv.", "Sake", False),
])
def test_capitalised_common_word_near_named_towns(gaz, text, name, found):
    from geomap.extract.places import find_places

    names = [pm.text for pm in find_places(text, gazetteer=gaz)]
    assert (name in names) is found, names


@pytest.mark.parametrize("text,name,role", [
    ("Rebels seized the town of Sake, 25 km west of Goma, on Wednesday.", "Goma", "reference"),
    ("Rebels seized the town of Sake, about 25 km west of Goma, on Wednesday.", "Sake", "site"),
    ("Troops entered the village of Khan Arnabah in Quneitra province.", "Quneitra province", "container"),
    ("Shelling hit Bakhmut in Donetsk Oblast on Monday.", "Donetsk Oblast", "container"),
    ("Shelling hit Kostiantynivka, Ukraine on Monday.", "Ukraine", "container"),
    ("Troops advanced 20 km west of Goma.", "Goma", "site"),
    # where commentators and reporters are is no event's place
    ("Analysts in Yangon caution that Sittwe is not Ann.", "Yangon", "base"),
    ("Our correspondent joins us from Peshawar. Troops shelled Chaman overnight.", "Peshawar", "base"),
    ("Military sources in Kayes reject this version of events.", "Kayes", "base"),
    # a verb opening the sentence is no first name
    ("Taking Sittwe means fighting street by street, said an analyst.", "Sittwe", "site"),
])
def test_reference_points_bases_and_containers_do_not_locate(gaz, text, name, role):
    from geomap.extract.places import find_places

    pm = next(pm for pm in find_places(text, gazetteer=gaz) if pm.text == name)
    assert pm.role == role
    assert pm.locating is (role == "site")



@pytest.mark.parametrize("text,name,pid", [
    ("Houthi forces said they attacked a cargo ship in the Red Sea off Hodeidah.", "red sea", "sea:red-sea"),
    ("pirates hijacked a vessel in the gulf of aden , the eu naval force said .", "gulf of aden", "sea:gulf-of-aden"),
    ("A tanker was seized in the Strait of Hormuz on Friday.", "strait of hormuz", "sea:strait-of-hormuz"),
    ("Fighters arrived from the direction of Lake Chad before dawn.", "lake chad", "lake:chad"),
])
def test_waters_are_places_not_their_namesakes(gaz, text, name, pid):
    """"Gulf of Aden" is a sea, not the city of Aden; "Lake Chad" is no metonym for Chad."""
    found = {pm.text.lower(): pm.place.id for pm in find_places(text, gazetteer=gaz)}
    assert found.get(name) == pid, found


@pytest.mark.parametrize("text", ["Drones hit a Black Sea Fleet ship near Sevastopol.",
                                  "drones hit a black sea fleet ship near sevastopol ."])
def test_a_fleet_named_after_its_sea_is_no_place(gaz, text):
    roles = {pm.place.id: pm.role for pm in find_places(text, gazetteer=gaz)}
    assert roles.get("sea:black-sea") in (None, "actor", "org")


@pytest.mark.parametrize("text,kept", [
    ("m23 rebels clashed with the army near sake , 25 km west of goma .", True),
    ("fighting reached sake on monday , and later the army retook it ; shelling hit goma and sake .", False),
    ("for the sake of calm , troops withdrew from goma .", False),
    ("fighting in reading was reported , officials in raqqa said .", False),
])
def test_lowercase_common_word_town_after_locative_near_named_town(gaz, text, kept):
    """Lower-case text: "near sake" in a story about Goma is the town (all its mentions);
    "for the sake of" is not, nor a frequent word far from every town the story names."""
    found = [pm for pm in find_places(text, gazetteer=gaz) if pm.text in ("sake", "reading")]
    assert bool(found) is kept
    if kept:
        assert all(pm.place.country == "CD" for pm in found)
