"""The online fallback against a local server that speaks Nominatim's /search JSON.

Nothing here leaves 127.0.0.1: geopy is pointed at a ``http.server`` on port 0.
"""

import csv
import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geomap.errors import GeocoderError
from geomap.geocode import GAZETTEER_COLUMNS, Geocoder

# Our own fixture answer, shaped like Nominatim's jsonv2 /search output.
HIT = {
    "place_id": 987654,
    "licence": "Data (c) OpenStreetMap contributors, ODbL 1.0.",
    "osm_type": "node",
    "osm_id": 123456789,
    "lat": "35.9500",
    "lon": "39.0100",
    "class": "place",
    "type": "village",
    "addresstype": "village",
    "name": "Tell Example",
    "display_name": "Tell Example, Raqqa Governorate, Syria",
    "address": {"village": "Tell Example", "country": "Syria", "country_code": "sy"},
    "namedetails": {"name": "Tell Example", "name:ar": "تل مثال", "name:fr": "Tell Exemple"},
}


class NominatimStub(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests = []  # (path, query dict)
        self.mode = "hit"   # hit | empty | error | slow | malformed

    @property
    def domain(self):
        return f"127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        self.server.requests.append((url.path, query, self.headers.get("User-Agent")))
        mode = self.server.mode
        if mode == "error":
            self._send(500, b"internal error", "text/plain")
        elif mode == "malformed":
            self._send(200, b"[{\"place_id\": 1, \"lat\": ", "application/json")
        else:
            if mode == "slow":
                time.sleep(0.6)
            body = [HIT] if mode in ("hit", "slow") else []
            self._send(200, json.dumps(body).encode(), "application/json")

    def _send(self, code, body, ctype):
        try:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # client gave up (time-out case)
            pass


@pytest.fixture
def server():
    srv = NominatimStub()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def make(server, tmp_path, **kw):
    kw.setdefault("min_delay_seconds", 0)
    kw.setdefault("timeout", 5)
    return Geocoder("nominatim", user_agent="geomap-tests/1.0", domain=server.domain,
                    scheme="http", cache_path=tmp_path / "geocode.json", **kw)


def test_hit_becomes_a_reviewable_gazetteer_row(server, tmp_path):
    geo = make(server, tmp_path)
    row = geo.lookup_row("Tell Example")
    assert row["id"] == "osm:n123456789"
    assert row["name"] == "Tell Example"
    assert (row["lat"], row["lon"]) == (35.95, 39.01)
    assert row["kind"] == "village" and row["country"] == "SY"
    assert row["source"].startswith("Nominatim (OpenStreetMap) query 'Tell Example' on ")
    assert "osm node 123456789" in row["source"]
    assert "تل" not in row["aliases"] and "Tell Exemple" in row["aliases"]
    path, query, agent = server.requests[0]
    assert path == "/search" and query["q"] == ["Tell Example"]
    assert agent == "geomap-tests/1.0"

    out = geo.export_csv(tmp_path / "found.csv")
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == GAZETTEER_COLUMNS
    assert rows[0]["id"] == "osm:n123456789" and rows[0]["wkt"] == ""


def test_lookup_returns_a_place(server, tmp_path):
    pytest.importorskip("geomap.gazetteer")
    place = make(server, tmp_path).lookup("Tell Example")
    assert place.id == "osm:n123456789"
    assert place.geometry.x == pytest.approx(39.01) and place.geometry.y == pytest.approx(35.95)


def test_no_result_is_cached_with_a_reason(server, tmp_path):
    server.mode = "empty"
    geo = make(server, tmp_path)
    assert geo.lookup_row("Nowhere Town") is None
    assert geo.lookup_row("nowhere  town") is None  # same key after folding
    assert len(server.requests) == 1
    assert geo.negatives() == [("Nowhere Town", "no result from the service")]
    # a new session reads the answer from disk
    again = make(server, tmp_path)
    assert again.lookup_row("Nowhere Town") is None
    assert len(server.requests) == 1


def test_cache_prevents_a_second_request(server, tmp_path):
    assert make(server, tmp_path).lookup_row("Tell Example")["id"] == "osm:n123456789"
    server.mode = "error"  # would fail if asked again
    second = make(server, tmp_path)
    assert second.lookup_row("Tell Example")["id"] == "osm:n123456789"
    assert len(server.requests) == 1
    cached = json.loads((tmp_path / "geocode.json").read_text(encoding="utf-8"))
    assert cached["entries"]["tell example"]["status"] == "found"


@pytest.mark.parametrize("mode", ["error", "slow", "malformed"])
def test_service_failure_warns_and_returns_none(server, tmp_path, caplog, mode):
    server.mode = mode
    geo = make(server, tmp_path, timeout=0.2)
    with caplog.at_level(logging.WARNING, logger="geomap.geocode"):
        assert geo.lookup_row("Tell Example") is None
    assert "stays unlocated" in caplog.text
    # failures are not written to disk: the next session asks again
    server.mode = "hit"
    assert make(server, tmp_path).lookup_row("Tell Example")["id"] == "osm:n123456789"


def test_session_stops_asking_a_dead_service(server, tmp_path):
    server.mode = "error"
    geo = make(server, tmp_path)
    for i in range(6):
        assert geo.lookup_row(f"Place {i}") is None
    assert len(server.requests) == 3  # MAX_CONSECUTIVE_FAILURES


def test_rate_limiter_spaces_requests(server, tmp_path, monkeypatch):
    from geopy.extra import rate_limiter

    clock = {"t": 100.0}
    sleeps = []

    def fake_sleep(self, seconds):
        sleeps.append(seconds)
        clock["t"] += seconds

    monkeypatch.setattr(rate_limiter.RateLimiter, "_clock", lambda self: clock["t"])
    monkeypatch.setattr(rate_limiter.RateLimiter, "_sleep", fake_sleep)
    geo = make(server, tmp_path, min_delay_seconds=1.5)
    geo.lookup_row("First")
    clock["t"] += 0.5
    geo.lookup_row("Second")
    geo.lookup_row("First")  # cached: no request, no wait
    assert len(server.requests) == 2
    assert sleeps == [pytest.approx(1.0)]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": "google"},
        {"scheme": "ftp"},
        {"timeout": 0},
        {"min_delay_seconds": -1},
        {"user_agent": "  "},
    ],
)
def test_misconfiguration_raises(kwargs, tmp_path):
    kw = {"name": "nominatim", "user_agent": "geomap-tests/1.0", "cache_path": tmp_path / "c.json"}
    kw.update(kwargs)
    name = kw.pop("name")
    with pytest.raises(GeocoderError):
        Geocoder(name, **kw)


def test_damaged_cache_is_set_aside(server, tmp_path):
    (tmp_path / "geocode.json").write_text("{not json", encoding="utf-8")
    geo = make(server, tmp_path)
    assert geo.lookup_row("Tell Example")["id"] == "osm:n123456789"
    assert (tmp_path / "geocode.json.bad").exists()


@pytest.mark.parametrize("name", ["", "   ", None])
def test_empty_names_are_not_asked(server, tmp_path, name):
    assert make(server, tmp_path).lookup_row(name) is None
    assert server.requests == []


@pytest.mark.parametrize("mode, expected", [("hit", "osm:n123456789"), ("error", None), ("slow", None)])
def test_gazetteer_falls_back_to_the_geocoder(server, tmp_path, mode, expected):
    gazetteer = pytest.importorskip("geomap.gazetteer")
    base = gazetteer.Gazetteer.default()
    if not hasattr(base, "with_geocoder"):
        pytest.skip("this Gazetteer has no geocoder fallback")
    server.mode = mode
    gaz = base.with_geocoder(make(server, tmp_path, timeout=0.2))
    place = gaz.resolve("Tell Example")
    assert (place.id if place else None) == expected
    # names the gazetteer knows are never sent
    assert gaz.resolve("Damascus") is not None
    assert [q["q"] for _, q, _ in server.requests] == [["Tell Example"]]


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.floats(-200, 200, allow_nan=False), st.floats(-400, 400, allow_nan=False))
def test_raw_to_row_checks_coordinates(lat, lon):
    import datetime

    from geomap.geocode import raw_to_row

    raw = dict(HIT, lat=str(lat), lon=str(lon))
    when = datetime.datetime(2026, 1, 2, tzinfo=datetime.timezone.utc)
    if abs(lat) <= 90 and abs(lon) <= 180:
        row = raw_to_row(raw, query="Tell Example", when=when)
        assert row["lat"] == round(lat, 6) and row["lon"] == round(lon, 6)
        assert "on 2026-01-02" in row["source"]
    else:
        with pytest.raises(ValueError):
            raw_to_row(raw, query="Tell Example", when=when)
