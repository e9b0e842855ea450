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
