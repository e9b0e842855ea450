"""Places referred to without their name (geomap/extract/place_coref.py), through find_places.
Each case as written and lowercased."""

import pytest

from geomap.extract.places import find_places


def _corefs(text, gaz):
    return [(p.text.lower(), p.place.name if p.place else None, p.qualifier)
            for p in find_places(text, gazetteer=gaz) if p.coref]


@pytest.mark.parametrize("case", [str, str.lower])
@pytest.mark.parametrize("text,expected", [
    ("Troops crossed the Euphrates near Deir ez-Zor. Fighting continued on the eastern bank of the river.",
     [("the eastern bank", "Euphrates", "east_bank"), ("the river", "Euphrates", None)]),
    ("Shelling hit Idlib province on Monday. Later, strikes spread across the province.",
     [("the province", "Idlib Governorate", None)]),
    ("RSF fighters attacked Bara on Thursday. Army units retook the town on Friday.",
     [("the town", "Bārah", None)]),
    ("In Taiz, snipers targeted the eastern neighbourhoods.", [("the eastern neighbourhoods", "Taiz", "east")]),
    ("Gunmen attacked the market in Kadugli. Units were dispatched to the area.", [("the area", "Kadugli", None)]),
    # who runs a town is no place in the story
    ("RSF fighters attacked Bara on Thursday. The town council said ten people died.", []),
    # "the province of X" names X itself
    ("Fighting spread across the province of Idlib.", []),
    # a bank with no river named: nothing to refer to
    ("Russian forces shelled Kherson. Troops crossed to the left bank of the river.", []),
])
def test_coref_mentions(default_gaz, case, text, expected):
    assert _corefs(case(text), default_gaz) == expected


def test_the_region_is_left_for_the_main_area(default_gaz):
    found = [p for p in find_places("Drones hit Kharkiv. Attacks on the region went on all week.",
                                    gazetteer=default_gaz) if p.coref]
    # the main area is filled in by find_places once every mention is known
    assert [p.text for p in found] == ["the region"] and found[0].place is not None
