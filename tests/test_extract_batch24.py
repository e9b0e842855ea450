"""Readings met in held-out batch 24's remaining misses, checked on new texts (cased, lowercased
and tokenized)."""

import pytest

from wire import rows as _rows, tokenized

CASES = [str, str.lower, tokenized]

KHARKIV = "geonames:706483"
KUPIANSK = "geonames:703656"
BELGOROD = "geonames:578072"
VOVCHANSK = "geonames:689304"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor,origin,dest", [
    ("Ukraine's army sent two battalions from Kharkiv to Kupiansk.", "Ukraine", KHARKIV, KUPIANSK),
    ("Russia moved troops from Belgorod into Vovchansk overnight.", "Russia", BELGOROD, VOVCHANSK),
    ("Ukrainian reinforcements were moved from Kharkiv to Kupiansk on Monday.", "Ukraine", KHARKIV, KUPIANSK),
])
def test_a_deployment_from_one_place_to_another_is_at_its_destination(text, actor, origin, dest, case, real_gaz):
    rows = _rows(case(text), real_gaz, "deploy")
    # ("reinforcements were moved": the noun and the verb, one event once merged)
    assert {(r["actor"], r["place_id"]) for r in rows} == {(actor, dest)}


@pytest.mark.parametrize("case", CASES)
def test_a_deployment_at_a_place_near_another_stays_there(case, real_gaz):
    rows = _rows(case("Russian troops deployed in Vovchansk, a few kilometres from Belgorod."), real_gaz, "deploy")
    assert [r["place_id"] for r in rows] == [VOVCHANSK]
