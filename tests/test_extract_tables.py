"""Incident tables pasted as text (geomap.extract.tables)."""

import pytest

from geomap.extract.clean import clean_text
from geomap.extract.tables import table_prose
from wire import rows as _rows

LOG = """Weekly incident log, field security tracker

id | date | location | actor(s) | incident | source | confidence
---|---|---|---|---|---|---
ug-101 | 03/05 | Bunia | ADF | Gunmen attacked a police post. Two officers wounded. | police spokesman | high
ug-102 | 04/05 | n/a | unknown | A convoy was ambushed near Beni. | driver | low

Analyst notes: the road stays closed."""


def test_each_row_becomes_a_paragraph_placed_by_its_location_and_claimed_by_its_source():
    lines = table_prose(LOG.split("\n"))
    text = "\n".join(lines)
    assert "id | date" not in text and "---|" not in text
    assert ("In Bunia: Gunmen attacked a police post, according to police spokesman. Two officers wounded, "
            "according to police spokesman.") in lines
    # the location is not repeated when the incident names a place of its own, nor given when "n/a"
    assert "A convoy was ambushed near Beni, according to driver." in lines
    assert lines[0] == "Weekly incident log, field security tracker"
    assert lines[-1] == "Analyst notes: the road stays closed."


@pytest.mark.parametrize("text", [
    "a | b | c | d\n1 | 2 | 3 | 4",  # no incident column: not an incident table
    "Russian army shelled Nikopol | 2 wounded | Dnipro | Kharkiv",
])
def test_other_lines_with_bars_are_left_alone(text):
    assert table_prose(text.split("\n")) == text.split("\n")


def test_a_lowercased_log_stays_lowercase():
    log = "id | location | incident | source\nx-1 | bunia | gunmen attacked a police post. | police"
    assert "in bunia: gunmen attacked a police post, according to police." in clean_text(log).text


def test_a_log_row_is_an_event_at_its_location_claimed_by_its_source(real_gaz):
    rows = _rows(LOG, real_gaz, "attack")
    bunia = [r for r in rows if r["place_id"] == "geonames:217695"]
    assert bunia and {(r["stance"], r["reported_by"].lower()) for r in bunia} == {("claimed", "police spokesman")}


from hypothesis import given, strategies as st

_WORDS = st.sampled_from(["attack", "town", "police", "said", "|", "army", "north", "the", "source", "-", "2"])


@given(st.lists(st.lists(_WORDS, max_size=12).map(" ".join), max_size=8))
def test_lines_without_an_incident_header_are_returned_unchanged(lines):
    assert table_prose(lines) == lines


@given(st.lists(st.lists(st.sampled_from(["gunmen", "attacked", "bunia", "a", "post", "."]), min_size=1,
                         max_size=8).map(" ".join), min_size=1, max_size=5))
def test_every_row_of_an_incident_table_is_kept_as_prose(incidents):
    lines = ["location | incident | source | confidence"] + [f"bunia | {i} | police | high" for i in incidents]
    out = [line for line in table_prose(lines) if line]
    assert len(out) == len(incidents) and not any("|" in line for line in out)
