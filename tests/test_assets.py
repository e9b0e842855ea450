"""Offline assets: found, inlined whole, and never pointing at the network."""

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap import assets
from geomap.errors import GeomapError, MissingDependencyError

REPO = Path(__file__).resolve().parents[1]
NODE = REPO / "node_modules"


@pytest.fixture
def node_modules(monkeypatch):
    monkeypatch.delenv("GEOMAP_ASSETS", raising=False)
    if not (NODE / "leaflet" / "dist" / "leaflet.js").exists():
        pytest.skip("node_modules/ is not installed; run `npm install`")
    return NODE


def test_offline_head_inlines_everything(node_modules):
    head = assets.offline_head()
    assert head.count("<script>") == 2 and head.count("<style>") == 3
    assert not re.search(r"<(script|link)[^>]+(src|href)\s*=", head)
    # Leaflet's control images became data URIs; no relative or remote url() is left.
    assert "data:image/png;base64," in head
    assert not re.search(r"url\(\s*(?!['\"]?(?:data:|#))", head)
    assert "sourceMappingURL" not in head
    assert "L.MarkerClusterGroup" in head and "leaflet-container" in head
    assert "</script" not in head.replace("</script>", "", 5).lower()


def test_offline_head_is_cached(node_modules):
    assert assets.offline_head() is assets.offline_head()


def test_asset_dir_defaults_to_node_modules(node_modules):
    assert assets.asset_dir() == node_modules


@pytest.mark.parametrize("layout", ["npm", "flat"])
def test_geomap_assets_folder(node_modules, tmp_path, monkeypatch, layout):
    for package, relpath, _ in assets.ASSETS:
        src = node_modules / package / relpath
        dst = tmp_path / package / relpath if layout == "npm" else tmp_path / src.name
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dst)
        images = src.parent / "images"
        if images.is_dir() and not (dst.parent / "images").exists():
            shutil.copytree(images, dst.parent / "images")
    monkeypatch.setenv("GEOMAP_ASSETS", str(tmp_path))
    assert assets.asset_dir() == tmp_path
    assert "data:image/png;base64," in assets.offline_head()


def test_missing_assets_error_says_how_to_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_ASSETS", str(tmp_path))
    with pytest.raises(MissingDependencyError) as info:
        assets.offline_head()
    message = str(info.value)
    assert "leaflet/dist/leaflet.css" in message and str(tmp_path) in message
    assert "npm install" in message and "GEOMAP_ASSETS" in message
    assert isinstance(info.value, (GeomapError, ImportError))


def test_missing_image_is_an_error(node_modules, tmp_path, monkeypatch):
    for package, relpath, _ in assets.ASSETS:
        dst = tmp_path / package / relpath
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(node_modules / package / relpath, dst)  # no images/ folder
    monkeypatch.setenv("GEOMAP_ASSETS", str(tmp_path))
    with pytest.raises(MissingDependencyError, match="images/layers.png"):
        assets.offline_head()


def test_remote_css_reference_is_refused(tmp_path):
    with pytest.raises(MissingDependencyError, match="remote resource"):
        assets._inline_css_urls(".a { background: url(https://example.org/x.png) }", tmp_path)
    kept = ".a { behavior: url(#default#VML); b: url('data:image/png;base64,AA==') }"
    assert assets._inline_css_urls(kept, tmp_path) == kept


def test_package_json_pins_match_cdn_versions():
    pins = json.loads((REPO / "package.json").read_text())["dependencies"]
    assert pins["leaflet"] == assets.LEAFLET_VERSION
    assert pins["leaflet.markercluster"] == assets.MARKERCLUSTER_VERSION
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in pins.values()), "pin exact versions"
    for _, url in assets.CDN_JS + assets.CDN_CSS:
        assert f"@{assets.MARKERCLUSTER_VERSION}/" in url and url.startswith("https://")


@given(st.text())
def test_script_safe_never_closes_a_script(text):
    out = assets.script_safe(text)
    assert "</" not in out and "<!--" not in out
    # Only backslashes were added: removing them from the inserted spots gives the input back.
    assert out.replace("<\\/", "</").replace("<\\!--", "<!--") == text or "<\\" in text
