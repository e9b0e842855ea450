"""Spatial qualifier phrases and their geometry."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, Polygon

from geomap.extract import qualifiers as Q


def _q(text, name, kind=None):
    i = text.index(name)
    return Q.detect_qualifier(text, i, i + len(name), kind=kind)


@pytest.mark.parametrize("text,name,kind,expected", [
    ("on the eastern banks of the Euphrates", "Euphrates", "river", "east_bank"),
    ("took the west bank of the euphrates", "euphrates", "river", "west_bank"),
    ("along the Dnipro's left shore", "Dnipro", "river", "left_bank"),
    ("troops held the right bank of the Dnipro", "Dnipro", "river", "right_bank"),
    ("the left bank of the river Dnipro", "Dnipro", None, "left_bank"),
    ("turned right of the Dnipro bridge", "Dnipro", "river", None),
    ("on the Nile's western bank", "Nile", "river", "west_bank"),
    ("villages east of the Blue Nile", "Blue Nile", "river", "east_of"),
    ("government-held parts of northwest Syria", "Syria", "country", "northwest"),
    ("in northwestern Syria", "Syria", "country", "northwest"),
    ("in southern Gaza Strip", "Gaza Strip", "region", "south"),
    ("the advance to the east of deir al-zor", "deir al-zor", "city", "east_of"),
    ("20 km south of Kharkiv", "Kharkiv", "city", "south_of"),
    ("some 12 miles north-west of Mosul", "Mosul", "city", "northwest_of"),
    ("the oil-rich eastern province of Deir ez-Zour", "Deir ez-Zour", None, ""),
    ("in Omdurman", "Omdurman", "city", None),
    ("50 nautical miles west of the port of Hodeidah", "Hodeidah", "city", "west_of"),
    ("a terminal 20 km south of the ukrainian port of izmail", "izmail", "city", "south_of"),
    ("north of the besieged city of El Fasher", "El Fasher", "city", "north_of"),
])
def test_detect(text, name, kind, expected):
    q = _q(text, name, kind)
    assert (q.name if q else None) == expected


def test_distance_is_read_in_km():
    assert _q("20 km south of Kharkiv", "Kharkiv", "city").km == 20
    assert round(_q("10 miles east of Mosul", "Mosul", "city").km) == 16
    assert round(_q("50 nautical miles west of the port of Hodeidah", "Hodeidah", "city").km) == 93


@pytest.mark.parametrize("clause,expected", [
    ("advance on Deir ez-Zour from the south", "from_south"),
    ("closing in on the group from the northwest", "from_northwest"),
    ("pushed in from the north-east", "from_northeast"),
    ("withdrew from the east bank", None),
    ("fled from the city", None),
])
def test_find_approach(clause, expected):
    got = Q.find_approach(clause)
    assert (got[0] if got else None) == expected


def test_approach_line_ends_at_target():
    line = Q.approach_line(40.14, 35.33, "south", km=40)
    assert line.coords[-1] == (40.14, 35.33) and line.coords[0][1] < 35.33


def test_offset_point_direction_and_distance():
    p = Q.offset_point(30.0, 0.0, "east", 111.32)
    assert p.x == pytest.approx(31.0, abs=1e-6) and p.y == pytest.approx(0.0)


def test_area_part_is_inside_and_in_the_corner():
    square = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    part = Q.area_part(square, "northwest")
    assert part.within(square.buffer(1e-9)) and part.centroid.x < 5 and part.centroid.y > 5
    assert not part.contains(Point(5.5, 4.5))


def test_left_and_right_banks_look_downstream():
    river = LineString([(40.0, 40.0), (40.0, 30.0)])   # flows south: the right bank is the west one
    right = Q.river_bank(river, "right", near=[(40.2, 35.0)], window_km=50)
    left = Q.river_bank(river, "left", near=[(40.2, 35.0)], window_km=50)
    assert right.centroid.x < 40.0 < left.centroid.x
    flipped = Q.river_bank(LineString([(40.0, 30.0), (40.0, 40.0)]), "right", near=[(40.2, 35.0)], window_km=50)
    assert flipped.centroid.x > 40.0


def test_river_stretch_is_clipped_to_the_story():
    river = LineString([(40.0, 30.0), (40.0, 40.0)])
    part = Q.river_stretch(river, near=[(40.2, 35.0)], window_km=50)
    assert 34.4 < part.bounds[1] and part.bounds[3] < 35.6
    assert Q.river_stretch(river).equals(river)


def test_river_bank_is_the_requested_side_near_the_focus():
    river = LineString([(40.0, 30.0), (40.0, 40.0)])   # flows north along lon 40
    east = Q.river_bank(river, "east", near=[(40.2, 35.0)], window_km=50)
    west = Q.river_bank(river, "west", near=[(40.2, 35.0)], window_km=50)
    assert east.centroid.x > 40.0 > west.centroid.x
    assert 34.4 < east.bounds[1] and east.bounds[3] < 35.6   # clipped to the article's area


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(Q._DIRS)), st.floats(1, 200))
def test_offset_moves_the_way_it_says(direction, km):
    p = Q.offset_point(10.0, 20.0, direction, km)
    dx, dy = Q._DIRS[direction]
    assert (p.x - 10.0) * dx >= 0 and (p.y - 20.0) * dy >= 0
    assert abs(p.x - 10.0) + abs(p.y - 20.0) > 0


@pytest.mark.parametrize("text,expected", [
    ("advanced on the palace from the south and east, a spokesman said", ["from_south", "from_east"]),
    ("pushed toward kharkiv from the north , the east and the south .", ["from_north", "from_east", "from_south"]),
    ("closed in from both the north and the south", ["from_north", "from_south"]),
    ("attacked from the south and from the west", ["from_south", "from_west"]),
    ("advanced from the north and captured two villages", ["from_north"]),
    ("shelled them from the east and west banks", []),
    ("fled from the city", []),
    # an adjective before a name is a part of a place, where it came from, not a direction
    ("rockets fired from southern Lebanon hit Metula", []),
    ("drones launched from northwestern syria struck the base", []),
    ("attacked Pokrovsk from southern and eastern directions", ["from_south", "from_east"]),
    ("pushed in from the northern flank", ["from_north"]),
])
def test_find_approaches(text, expected):
    assert [a[0] for a in Q.find_approaches(text)] == expected


@pytest.mark.parametrize("text,name,qualifier", [
    ("the army would strike Beirut's southern suburbs again", "Beirut", "south"),
    ("gangs attacked saint-marc s northern neighbourhoods", "saint-marc", "north"),
])
def test_possessive_part_of_a_place(text, name, qualifier):
    from geomap.extract.qualifiers import detect_qualifier

    start = text.index(name)
    q = detect_qualifier(text, start, start + len(name), kind="city")
    assert q is not None and q.name == qualifier, q
