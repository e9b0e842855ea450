"""Offline maps in a real headless chromium, with every network request refused."""

import geopandas as gpd
import numpy as np
import pytest

from browser import JINJA, PAYLOADS, SHARED, browser_available, located_count, sample_events, sealed_page
from test_mapping import HAVE_ASSETS, gazetteer  # noqa: F401  (fixture)

from geomap.mapping import make_map

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser_available(), reason="needs /usr/bin/chromium and playwright"),
    pytest.mark.skipif(not HAVE_ASSETS, reason="node_modules/ missing: run `npm install`"),
]


def seed_events():
    """The extractor's events for ../shared/seeds, or skip when either is missing."""
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/seeds is not beside this checkout")
    try:
        from geomap.extract.events import extract_events
    except ImportError as exc:
        pytest.skip(f"the extractor is not importable yet: {exc}")
    return extract_events(seeds)


@pytest.fixture(scope="module", params=["sample", "seeds"])
def case(request, gazetteer, tmp_path_factory):  # noqa: F811
    if request.param == "seeds":
        events, gaz = seed_events(), None
    else:
        events, gaz = sample_events(river_id="test-euphrates", province_id="test-idlib"), gazetteer
    path = tmp_path_factory.mktemp(request.param) / "map.html"
    make_map(events, title=f"{request.param} map", offline=True, gazetteer=gaz).save(str(path))
    return request.param, events, path


def open_map(page, path):
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-container[data-geomap-ready]", timeout=30000)


def shown_events(page):
    """Markers in the DOM plus the counts of clusters."""
    return page.evaluate("""() => {
        let n = document.querySelectorAll('.geomap-marker').length;
        document.querySelectorAll('.marker-cluster').forEach(c => { n += parseInt(c.textContent, 10); });
        return n;
    }""")


def test_offline_map_renders(case):
    name, events, path = case
    with sealed_page() as (page, log):
        open_map(page, path)
        assert shown_events(page) == located_count(events)
        assert page.locator(".geomap-legend").is_visible()
        assert page.locator(".geomap-title").inner_text().startswith(f"{name} map")
        river_events = events["place"].fillna("").str.contains("Euphrates").any()
        if name == "sample" or river_events:
            assert page.locator('path.geomap-river[data-name="Euphrates"]').count() >= 1
            assert page.locator("path.geomap-river").first.get_attribute("d").count("L") >= 2
        unlocated = len(events) - located_count(events)
        if unlocated:
            page.locator(".geomap-unlocated summary").click()
            assert page.locator(".geomap-unlocated li").count() == unlocated
        assert log["errors"] == [] and log["network"] == []


def _close_popup(page):
    """Close the open popup with its button, or with Escape when a click on a loaded machine lands
    while the map is still panning the popup into view."""
    page.locator(".leaflet-popup-close-button").click()
    try:
        page.locator(".leaflet-popup").wait_for(state="detached", timeout=5000)
    except Exception:  # playwright's TimeoutError
        page.keyboard.press("Escape")
        page.locator(".leaflet-popup").wait_for(state="detached", timeout=10000)


def test_click_opens_popup_with_sentence(case):
    name, events, path = case
    located = events[~(events.geometry.isna() | events.geometry.is_empty)]
    with sealed_page() as (page, log):
        open_map(page, path)
        for _, row in located.iloc[:4].iterrows():
            marker = page.locator(f'.geomap-marker[data-event="{row["event_id"]}"]')
            marker.click()
            popup = page.locator(".leaflet-popup-content")
            popup.wait_for(timeout=5000)
            text = popup.inner_text()
            assert row["sentence"].strip()[:60] in " ".join(text.split())
            assert str(row["actor"]) in text
            _close_popup(page)
        marker.hover()
        assert page.locator(".leaflet-tooltip").first.inner_text().startswith(str(row["actor"]))
        assert log["errors"] == [] and log["network"] == []


def test_hostile_text_stays_text(gazetteer, tmp_path):  # noqa: F811
    events = sample_events(hostile=True)
    path = tmp_path / "hostile.html"
    make_map(events, title=PAYLOADS[2], offline=True, gazetteer=gazetteer).save(str(path))
    with sealed_page() as (page, log):
        open_map(page, path)
        assert page.locator(".geomap-title").inner_text().startswith(PAYLOADS[2])
        for event_id in ("sample-1:11", "sample-1:12"):
            marker = page.locator(f'.geomap-marker[data-event="{event_id}"]')
            marker.hover()
            marker.click()
            popup = page.locator(".leaflet-popup-content")
            popup.wait_for(timeout=5000)
            text = popup.inner_text()
            for payload in PAYLOADS if event_id == "sample-1:11" else [JINJA]:
                assert payload in text
            # A javascript: URL never becomes a link; clicking its text runs nothing.
            assert popup.locator("a").count() == 0
            popup.locator("td").last.click()
            page.keyboard.press("Escape")
            page.locator(".leaflet-popup").wait_for(state="detached", timeout=5000)
        page.locator(".leaflet-control-layers").hover()  # side names as layer labels
        assert PAYLOADS[1] in page.locator(".leaflet-control-layers-overlays").inner_text()
        assert PAYLOADS[1] in page.locator(".geomap-legend").inner_text()
        page.locator(".geomap-unlocated summary").click()
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img[src=x]").count() == 0
        assert log["errors"] == [] and log["network"] == []


def test_outlet_link_only_for_web_urls(gazetteer, tmp_path):  # noqa: F811
    events = sample_events()
    path = tmp_path / "links.html"
    make_map(events, offline=True, gazetteer=gazetteer).save(str(path))
    with sealed_page() as (page, log):
        open_map(page, path)
        page.locator('.geomap-marker[data-event="sample-1:3"]').click()
        link = page.locator(".leaflet-popup-content a")
        assert link.get_attribute("href") == "https://example.org/reports/1"
        assert link.get_attribute("rel") == "noopener noreferrer"
        page.keyboard.press("Escape")  # closes it even with focus on the marker
        page.locator(".leaflet-popup").wait_for(state="detached", timeout=5000)
        page.locator('.geomap-marker[data-event="sample-1:8"]').click()  # an ftp: URL
        page.locator(".leaflet-popup-content", has_text="ftp://example.org").wait_for(timeout=5000)
        assert page.locator(".leaflet-popup-content a").count() == 0


def test_time_slider_filters_by_date(gazetteer, tmp_path):  # noqa: F811
    events = sample_events()
    path = tmp_path / "slider.html"
    make_map(events, offline=True, gazetteer=gazetteer).save(str(path))
    located = events[~events.geometry.isna()]
    days = sorted({d for d in located["date"] if d})
    with sealed_page() as (page, log):
        open_map(page, path)
        slider = page.locator(".geomap-time input[type=range]")
        for i in (0, 3, len(days) - 1):
            slider.fill(str(i))
            expected = sum(1 for d in located["date"] if d is None or d <= days[i])
            assert shown_events(page) == expected
            assert days[i] in page.locator(".geomap-time").inner_text()
        page.locator(".geomap-time input[type=checkbox]").check()
        slider.fill("0")
        assert shown_events(page) == sum(1 for d in located["date"] if d is None or d == days[0])
        assert log["errors"] == []


def test_many_events_cluster_and_count(tmp_path):
    rng = np.random.default_rng(7)
    n = 3000
    sides = np.array(["russia_bloc", "western_coalition", "jihadist", "unknown"])
    events = gpd.GeoDataFrame({
        "event_id": [f"bulk:{i}" for i in range(n)], "actor": "Actor", "action": "attack",
        "actor_side": sides[rng.integers(0, 4, n)], "stance": "asserted", "sentence": "Generated event.",
    }, geometry=gpd.points_from_xy(rng.uniform(36, 42, n), rng.uniform(32, 37, n)), crs=4326)
    events.loc[:9, "geometry"] = None
    path = tmp_path / "many.html"
    make_map(events, offline=True, gazetteer=None).save(str(path))
    with sealed_page() as (page, log):
        open_map(page, path)
        assert page.locator(".marker-cluster").count() > 0
        assert shown_events(page) == n - 10
        assert log["errors"] == [] and log["network"] == []
        assert "10 without a location" in page.locator(".geomap-title small").inner_text()


def test_side_layers_toggle(gazetteer, tmp_path):  # noqa: F811
    events = sample_events(river_id="test-euphrates", province_id="test-idlib")
    path = tmp_path / "layers.html"
    make_map(events, offline=True, gazetteer=gazetteer).save(str(path))
    located = events[~events.geometry.isna()]
    russia = int((located["actor_side"] == "russia_bloc").sum())
    with sealed_page() as (page, log):
        open_map(page, path)
        page.locator(".leaflet-control-layers").hover()
        box = page.locator(".leaflet-control-layers-overlays label", has_text="Russia").locator("input")
        box.uncheck()
        assert shown_events(page) == len(located) - russia
        assert page.locator("path.geomap-movement").count() == 0  # its approach and crossing lines went too
        box.check()
        assert shown_events(page) == len(located)
        page.get_by_role("checkbox", name="Rivers", exact=True).uncheck()
        assert page.locator("path.geomap-river").count() == 0
        page.locator(".geomap-legend button").click()
        assert not page.locator(".geomap-legend .body").is_visible()
        assert log["errors"] == []


MAP = "window[document.querySelector('.folium-map').id]"


@pytest.mark.parametrize("zoom", [2, 5])
def test_crowded_markers_stay_near_their_places(zoom, tmp_path):
    # Below the clustering threshold: 150 reports around one town, fanned out
    # when zoomed out, but each within reach of its place and tied to it by a leader line.
    rng = np.random.default_rng(11)
    n = 150
    events = gpd.GeoDataFrame({
        "event_id": [f"crowd:{i}" for i in range(n)], "actor": "Actor", "action": "attack",
        "actor_side": "unknown", "stance": "asserted", "sentence": "Generated event.",
    }, geometry=gpd.points_from_xy(rng.normal(32.5, 0.2, n), rng.normal(15.6, 0.2, n)), crs=4326)
    path = tmp_path / "crowd.html"
    make_map(events, offline=True, gazetteer=None).save(str(path))
    with sealed_page() as (page, log):
        open_map(page, path)
        page.evaluate(f"{MAP}.setView([15.6, 32.5], {zoom}, {{animate: false}})")
        page.wait_for_timeout(300)
        offsets = page.evaluate(f"""(lonlat) => Array.from(document.querySelectorAll('.geomap-marker')).map(e => {{
            const k = +e.dataset.event.split(':')[1], p = {MAP}.latLngToContainerPoint([lonlat[k][1], lonlat[k][0]]),
                  r = e.getBoundingClientRect(), c = {MAP}.getContainer().getBoundingClientRect();
            return [r.x - c.x + r.width / 2 - p.x, r.y - c.y + r.height / 2 - p.y, e.querySelector('path.leader') !== null];
        }})""", [[g.x, g.y] for g in events.geometry])
        assert len(offsets) == n
        far = [np.hypot(dx, dy) for dx, dy, _ in offsets]
        assert max(far) <= 30 * 1.6 + 1.5  # MAXD in _map_js.declutter
        assert max(far) > 20  # they were pushed apart at all
        assert all(leader for (dx, dy, leader), d in zip(offsets, far) if d > 12)
        assert log["errors"] == []


@pytest.mark.parametrize("where", ["legend", "title", "zoom", "right"])
def test_popup_opens_clear_of_controls(where, gazetteer, tmp_path):  # noqa: F811
    events = sample_events()
    path = tmp_path / "popup.html"
    make_map(events, title="A title wide enough to matter on this map", offline=True, gazetteer=gazetteer).save(str(path))
    with sealed_page() as (page, log):
        open_map(page, path)
        # Move the Afrin event (alone on the map) next to a control, then click it.
        spot = page.evaluate("""(where) => {
            const c = document.querySelector('.leaflet-container').getBoundingClientRect(),
                  pick = s => document.querySelector(s).getBoundingClientRect();
            if (where === 'legend') { const r = pick('.geomap-legend'); return [r.left - c.left - 30, c.height - 40]; }
            if (where === 'title') { const r = pick('.geomap-title'); return [r.left - c.left + 40, r.bottom - c.top + 25]; }
            if (where === 'zoom') { const r = pick('.leaflet-control-zoom'); return [r.right - c.left + 20, r.bottom - c.top + 5]; }
            const r = pick('.leaflet-control-layers');  // right edge, under the layers button
            return [c.width - 25, r.bottom - c.top + 30];
        }""", where)
        page.evaluate(f"""(spot) => {{
            const map = {MAP}, p = map.latLngToContainerPoint([36.51, 36.87]);
            map.panBy([p.x - spot[0], p.y - spot[1]], {{animate: false}});
        }}""", spot)
        page.locator('.geomap-marker[data-event="sample-1:8"]').click()
        page.locator(".leaflet-popup-content").wait_for(timeout=5000)
        page.wait_for_timeout(600)  # the pan that makes room
        overlaps = page.evaluate("""() => {
            const p = document.querySelector('.leaflet-popup').getBoundingClientRect(),
                  c = document.querySelector('.leaflet-container').getBoundingClientRect(), bad = [];
            if (p.left < c.left || p.top < c.top || p.right > c.right || p.bottom > c.bottom) bad.push('outside the map');
            document.querySelectorAll('.leaflet-control, .geomap-title').forEach(e => {
                const o = e.getBoundingClientRect();
                if (o.width && p.left < o.right && p.right > o.left && p.top < o.bottom && p.bottom > o.top) bad.push(e.className);
            });
            return bad;
        }""")
        assert overlaps == []
        assert "Turkish armoured units" in page.locator(".leaflet-popup-content").inner_text()
        assert log["errors"] == []


def test_reports_of_one_place_spiderfy_and_open(tmp_path):
    # Many reports geocoded to the same town: one cluster at every zoom, fanned
    # out on click, and each marker still opens its own popup.
    n = 240
    towns = np.array([[36.2, 36.2], [37.16, 36.2], [38.0, 35.95]])
    events = gpd.GeoDataFrame({
        "event_id": [f"town:{i}" for i in range(n)], "actor": "Actor", "action": "attack",
        "actor_side": "unknown", "stance": "asserted", "sentence": [f"Report number {i} from the town." for i in range(n)],
    }, geometry=gpd.points_from_xy(towns[np.arange(n) % 3, 0], towns[np.arange(n) % 3, 1]), crs=4326)
    path = tmp_path / "towns.html"
    make_map(events, offline=True, gazetteer=None).save(str(path))
    with sealed_page() as (page, log):
        open_map(page, path)
        assert page.locator(".geomap-marker").count() == 0 and shown_events(page) == n
        page.evaluate(f"{MAP}.setView([36.2, 37.16], {MAP}.getMaxZoom(), {{animate: false}})")
        cluster = page.locator(".marker-cluster", has_text="80")
        cluster.click()
        page.wait_for_timeout(800)  # the spider's animation
        markers = page.locator(".geomap-marker")
        assert markers.count() == 80
        event = markers.nth(7).get_attribute("data-event")
        markers.nth(7).click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(timeout=5000)
        assert f"Report number {event.split(':')[1]} from the town." in popup.inner_text()
        assert log["errors"] == [] and log["network"] == []
