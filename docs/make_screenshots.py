"""Regenerate the map screenshots in docs/ (offline map, headless chromium).

    .venv/bin/python docs/make_screenshots.py

Uses the seed reports in ../shared/seeds with the extractor when both are
there, else the test suite's own sample events. Writes docs/seed-map.png (the
whole map), docs/seed-map-zoom.png (the Deir ez-Zor area) and
docs/seed-map-popup.png (the same with a claimed event's popup open).
"""

import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent / "tests"))

from browser import SHARED, sample_events, sealed_page  # noqa: E402

from geomap.mapping import make_map  # noqa: E402


def events_and_title():
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if seeds:
        try:
            from geomap.extract.events import extract_events

            return extract_events(seeds), "Seed reports: Syria, September 2017"
        except ImportError:
            pass
    return sample_events(), "Sample events"


def main():
    events, title = events_and_title()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.html"
        make_map(events, title=title, offline=True).save(str(path))
        with sealed_page(viewport=(1280, 820)) as (page, log):
            page.goto(path.as_uri())
            page.wait_for_selector("[data-geomap-ready]")
            page.wait_for_timeout(400)
            page.screenshot(path=str(DOCS / "seed-map.png"))
            name = page.evaluate("document.querySelector('.folium-map').id")
            page.evaluate(f"window['{name}'].setView([35.3, 40.05], 9, {{animate: false}})")
            page.mouse.move(1100, 560)  # over the legend: no tooltip
            page.wait_for_timeout(400)
            page.screenshot(path=str(DOCS / "seed-map-zoom.png"))
            # A popup of a claimed event that is not under another marker or a control.
            event = page.evaluate("""() => {
                for (const e of document.querySelectorAll('.geomap-marker')) {
                    const r = e.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
                    const hit = document.elementFromPoint(x, y);
                    if (x > 250 && x < 800 && y > 350 && hit && hit.closest('.geomap-marker') === e
                        && e.querySelector('circle[stroke-dasharray]')) return e.dataset.event;
                }
                return null;
            }""")
            if event:
                page.locator(f'.geomap-marker[data-event="{event}"]').click()
                page.mouse.move(1100, 560)  # over the legend: no tooltip
                page.wait_for_timeout(500)
                page.screenshot(path=str(DOCS / "seed-map-popup.png"))
            if log["errors"] or log["network"]:
                raise SystemExit(f"browser errors {log['errors']} or requests {log['network']}")
    print("wrote", *sorted(DOCS.glob("seed-map*.png")))


if __name__ == "__main__":
    main()
