"""Helpers for the map tests: our own sample events and a sealed headless browser.

The sample events follow the events contract of CONTRIBUTING.md; their text
is written for these tests (not taken from any article).
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import geopandas as gpd
from shapely.geometry import LineString, Point, Polygon

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CHROMIUM = "/usr/bin/chromium"

# A schematic Euphrates reach (Raqqa -> Deir ez-Zor -> Abu Kamal) for when the
# gazetteer has no river geometry yet; the east bank runs a little to its east.
EUPHRATES = LineString([(38.2, 35.95), (39.0, 35.95), (39.6, 35.7), (40.1, 35.35), (40.45, 35.02), (40.92, 34.47)])
EAST_BANK = LineString([(39.7, 35.78), (40.2, 35.42), (40.55, 35.07)])
NORTHWEST = Polygon([(36.0, 35.6), (37.2, 35.6), (37.2, 36.7), (36.0, 36.7)])

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=1</script>",
)
# Template syntax: folium/branca pass rendered HTML through Jinja again.
JINJA = "{{ 7*7 }} {% raw %} {# not a comment"


def _event(n, actor, side, action, target, place, geometry, **extra):
    row = {
        "event_id": f"sample-{n // 100}:{n % 100}", "doc": f"sample-{n // 100}", "actor": actor,
        "actor_side": side, "action": action, "target": target, "target_side": None, "place": place,
        "place_id": None, "place_text": place, "qualifier": None, "precision": "city",
        "reported_by": None, "stance": "asserted", "date": None, "sentence": "", "title": "Sample report",
        "outlet": "Geomap Test Wire", "url": "https://example.org/reports/1", "backer": None,
        "geometry": geometry,
    }
    row.update(extra)
    return row


def sample_events(*, hostile=False, river_id=None, province_id=None):
    """Events of every geometry kind and stance, with two unlocated ones.

    Parameters
    ----------
    hostile : bool
        Add an event whose text, title and URL carry script-injection payloads.
    river_id, province_id : str, optional
        Gazetteer ids to put on the river and area events.
    """
    rows = [
        _event(100, "Syrian Democratic Forces", "western_coalition", "attack", "Syrian Army", "Euphrates",
               EAST_BANK, qualifier="east_bank", precision="river", place_id=river_id, stance="claimed",
               reported_by="Russian Defence Ministry", date="2017-09-21",
               sentence="The ministry said Kurdish-led fighters shelled army positions on the river's eastern side."),
        _event(101, "Syrian Army", "russia_bloc", "cross", None, "Euphrates", EAST_BANK,
               qualifier="east_bank", precision="river", place_id=river_id, date="2017-09-18",
               sentence="Army units moved across the river on pontoon bridges near the city."),
        _event(102, "Syrian Army", "russia_bloc", "advance", None, "Deir ez-Zor",
               LineString([(40.05, 34.75), (40.12, 35.05), (40.141, 35.336)]), qualifier="from_south",
               precision="city", date="2017-09-10",
               sentence="Government troops pushed north along the desert road toward the city."),
        _event(103, "Russian Air Force", "russia_bloc", "attack", "Islamic State", "Deir ez-Zor",
               Point(40.141, 35.336), date="2017-09-12",
               sentence="Warplanes struck militant positions on the city's edge, the monitor reported.",
               reported_by="Syrian Observatory for Human Rights"),
        _event(104, "Syrian Democratic Forces", "western_coalition", "deny", "Russian Air Force", "Deir ez-Zor",
               Point(40.141, 35.336), stance="denied", reported_by="Syrian Democratic Forces", date="2017-09-21",
               sentence="A militia spokesman rejected the account of any firing on soldiers."),
        _event(105, "Russia", "russia_bloc", "threaten", "Syrian Democratic Forces", "Mayadin",
               Point(40.45, 35.02), stance="threatened", date="2017-09-21",
               sentence="Moscow said it would hit the militia's firing points if the shelling went on."),
        _event(106, "Hayat Tahrir al-Sham", "jihadist", "attack", "Syrian Army", "Idlib", NORTHWEST,
               qualifier="northwest", precision="province", place_id=province_id, date="2017-09-19",
               sentence="Militants launched a wide assault on government-held villages in the northwest."),
        _event(107, "Islamic State", "jihadist", "withdraw", None, "Raqqa", Point(39.008, 35.953),
               stance="claimed", reported_by="US-led coalition", date="2017-09-15", outlet=None, url=None,
               sentence="Coalition officials said the militants were pulling out of the old city."),
        _event(108, "Turkish Army", "syrian_opposition", "deploy", None, "Afrin", Point(36.87, 36.51),
               date="2017-09-20", url="ftp://example.org/not-a-web-link",
               sentence="Turkish armoured units took up positions along the border."),
        _event(109, "United Nations", "international", "meet", "Syrian government", None, None,
               precision=None, date="2017-09-20",
               sentence="Envoys met officials in an unnamed location to discuss aid access."),
        _event(110, "Unknown gunmen", "unknown", "attack", None, None, None, precision=None,
               sentence="Gunmen fired on a convoy somewhere in the east, a local source said."),
    ]
    if hostile:
        rows.append(_event(
            111, PAYLOADS[0], PAYLOADS[1], "attack", PAYLOADS[1], "Palmyra", Point(38.27, 34.56),
            stance="claimed", date="2017-09-22", title=PAYLOADS[2], outlet=PAYLOADS[1],
            url="javascript:window.__pwned=1", reported_by=PAYLOADS[2],
            sentence="Hostile " + " ".join(PAYLOADS) + " text",
        ))
        rows.append(_event(
            112, "Link tester", "unknown", "__proto__", None, "Homs", Point(36.72, 34.73),
            date="2017-09-22", outlet="Link outlet", url=" JaVaScRiPt:window.__pwned=1",
            sentence="A second payload hides a script URL with odd case. " + JINJA,
        ))
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def located_count(frame):
    return int((~(frame.geometry.isna() | frame.geometry.is_empty)).sum())


def browser_available():
    if not Path(CHROMIUM).exists():
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return shutil.which(CHROMIUM) is not None


@contextlib.contextmanager
def sealed_page(*, viewport=(1280, 860)):
    """A headless chromium page that refuses every non-file request.

    Yields ``(page, log)``; ``log["errors"]`` collects console errors and page
    errors, ``log["network"]`` every URL that was refused.
    """
    from playwright.sync_api import sync_playwright

    log = {"errors": [], "network": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})

            def route(r):
                url = r.request.url
                if url.startswith(("file:", "data:", "about:", "blob:")):
                    r.continue_()
                else:
                    log["network"].append(url)
                    r.abort()

            page.route("**/*", route)
            page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
            page.on("pageerror", lambda e: log["errors"].append(str(e)))
            yield page, log
        finally:
            browser.close()
