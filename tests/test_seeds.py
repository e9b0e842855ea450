"""The seed reports of ../shared scored against the hand annotation (skipped when ../shared is absent)."""

import importlib.util
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    if not (SHARED / "gold" / "seeds.json").exists() or not (SHARED / "eval" / "score_events.py").exists():
        pytest.skip("../shared (seeds, gold, scorer) is not beside this checkout")
    from geomap.extract.events import extract_events

    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    frame = extract_events(seeds)
    out = tmp_path_factory.mktemp("seeds") / "events.geojson"
    frame.to_file(out, driver="GeoJSON")
    # the scorer is imported rather than run: its --json flag is read as a file name
    spec = importlib.util.spec_from_file_location("score_events", SHARED / "eval" / "score_events.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    return frame, scorer.score(gold, scorer.load_predictions([out]))


def test_seed_required_recall_is_complete(scored):
    _, rep = scored
    assert rep["found"] == rep["required"] == 12, rep["docs"]


def test_seed_precision(scored):
    _, rep = scored
    assert rep["precision"] >= 0.85, rep["docs"]


def test_seed_no_event_at_datelines_metonyms_or_links(scored):
    _, rep = scored
    assert rep["wrong_places"] == 0, rep["docs"]


def test_seed_attributes(scored):
    _, rep = scored
    assert rep["reported_by_ok"] == rep["reported_by_n"]
    assert rep["qualifier_ok"] == rep["qualifier_n"]
    # "it would target U.S.-backed militias": the threat's target is the SDF
    assert rep["target_ok"] == rep["target_n"]


def test_seed_frame_keeps_unlocated_and_metadata(scored):
    frame, _ = scored
    assert frame.attrs["documents"] == 2
    assert frame.geometry.isna().any(), "statements without a place stay in the frame, unlocated"
    assert set(frame["doc"]) == {p.stem for p in (SHARED / "seeds").glob("*.txt")}
    assert frame["event_id"].is_unique
