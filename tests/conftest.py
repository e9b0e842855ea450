"""Shared test settings: where ../shared is, and skipping what this machine lacks."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir():
    """The project's ../shared folder (seeds, gold, eval data); skip when it is absent."""
    if not (SHARED / "gold" / "seeds.json").exists():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


def _real_gazetteer():
    from geomap.gazetteer import Gazetteer

    real = REPO / "data" / "gazetteer.csv"
    if not real.exists():
        pytest.skip("data/gazetteer.csv is not built yet")
    return Gazetteer.from_csv(real)


@pytest.fixture(scope="module", params=["fixture", "real"])
def gaz(request):
    """The small fixture gazetteer, then the real data/gazetteer.csv (skipped when not built)."""
    from geomap.gazetteer import Gazetteer

    if request.param == "real":
        return _real_gazetteer()
    return Gazetteer.from_csv(REPO / "tests" / "fixtures" / "gazetteer_small.csv")


@pytest.fixture(scope="session")
def default_gaz():
    """``Gazetteer.default()``, the one the extractor uses unless told otherwise."""
    from geomap.gazetteer import Gazetteer

    try:
        return Gazetteer.default()
    except Exception as exc:  # the data folder may be absent in a bare install
        pytest.skip(f"no gazetteer: {exc}")


@pytest.fixture(scope="module")
def real_gaz():
    """Only the real data/gazetteer.csv: for sentences naming places the small fixture lacks."""
    return _real_gazetteer()


@pytest.fixture(scope="module")
def small():
    """The small fixture gazetteer (tests/fixtures/gazetteer_small.csv)."""
    from geomap.gazetteer import Gazetteer

    return Gazetteer.from_csv(REPO / "tests" / "fixtures" / "gazetteer_small.csv")
