"""Action triggers (geomap/extract/triggers.py) read through the whole extractor: forms whose
category depends on the words after them. Cased, lowercased and tokenized."""

import pytest

from wire import rows as _rows, tokenized

CASES = [str, str.lower, tokenized]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("text,actor,action", [
    # "take (up) positions": troops placed somewhere, not a capture
    ("Army units took positions around the airport in El Obeid on Sunday.", "Sudanese Armed Forces", "deploy"),
    ("Ukrainian troops have taken position on the outskirts of Kupiansk.", "Ukraine", "deploy"),
    # ... but another side's positions, taken, are
    ("RSF fighters took positions held by the army in Bara.", "Rapid Support Forces", "capture"),
    ("Jihadists took two army positions near Kidal.", None, "capture"),
])
def test_taking_positions(case, real_gaz, text, actor, action):
    rows = _rows(case(text), real_gaz)
    assert any(r["action"] == action and (actor is None or r["actor"] == actor) for r in rows), rows
    if action == "deploy":
        assert not any(r["action"] == "capture" for r in rows), rows
