"""The ``geomap`` command line, in-process (``main([...])``) and as ``python -m geomap``."""

import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.cli import ProgressBar, build_parser, main

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples" / "reports.jsonl"


def _has(module):
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


needs_pipeline = pytest.mark.skipif(
    not (_has("geomap.extract.events") and _has("geomap.gazetteer") and (REPO / "data" / "gazetteer.csv").exists()),
    reason="the extraction pipeline (geomap.extract.events, data/gazetteer.csv) is not in this checkout yet",
)
needs_map = pytest.mark.skipif(not _has("geomap.mapping"), reason="geomap.mapping is not in this checkout yet")
needs_gazetteer = pytest.mark.skipif(
    not (_has("geomap.gazetteer") and (REPO / "data" / "gazetteer.csv").exists()),
    reason="geomap.gazetteer / data/gazetteer.csv not in this checkout yet",
)


def run_module(*args, stdin=None, cwd=None):
    """Run ``python -m geomap ARGS`` in a fresh interpreter."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "geomap", *map(str, args)],
        input=stdin, capture_output=True, cwd=cwd or REPO, env=env, timeout=600,
    )


@pytest.fixture(scope="module")
def sample_events_geojson(tmp_path_factory):
    """Extract the bundled samples once (in-process) for tests that only read the result."""
    if not (_has("geomap.extract.events") and (REPO / "data" / "gazetteer.csv").exists()):
        pytest.skip("extraction pipeline not available yet")
    out = tmp_path_factory.mktemp("cli") / "events.geojson"
    assert main(["extract", str(SAMPLES), "-o", str(out), "--quiet"]) == 0
    return out


# ---------------------------------------------------------------- usage errors (no pipeline needed)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["extract"],  # no PATH
        ["map", str(SAMPLES)],  # no -o
        ["frobnicate"],
        ["gazetteer"],
        ["demo", "--offline", "--online"],
        ["gazetteer", "lookup"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err.strip()


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "extract" in capsys.readouterr().out


def test_missing_input_file_exit_2_and_named(tmp_path, capsys):
    missing = tmp_path / "no_such_report.txt"
    code = main(["extract", str(missing), "-o", str(tmp_path / "e.geojson")])
    err = capsys.readouterr().err
    assert code == 2
    assert str(missing) in err and "no such file" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "e.geojson").exists()


@pytest.mark.parametrize("output", ["events.shp", "events.xlsx", "events"])
def test_unknown_output_extension_exit_2(tmp_path, capsys, output):
    code = main(["extract", str(SAMPLES), "-o", str(tmp_path / output)])
    err = capsys.readouterr().err
    assert code == 2
    assert output in err and ".geojson" in err and ".gpkg" in err
    assert list(tmp_path.iterdir()) == []


def test_map_output_must_be_html(tmp_path, capsys):
    assert main(["map", str(SAMPLES), "-o", str(tmp_path / "map.geojson")]) == 2
    assert ".html" in capsys.readouterr().err


def test_csv_without_text_column_names_file_and_fix(tmp_path, capsys):
    path = tmp_path / "articles.csv"
    path.write_text("headline,body\nClashes,Troops clashed near Raqqa.\n", encoding="utf-8")
    code = main(["extract", str(path), "-o", str(tmp_path / "e.geojson")])
    err = capsys.readouterr().err
    assert code == 2
    assert str(path) in err and "--text-column" in err and "'body'" in err


def test_nothing_readable_exit_1(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("d\u00e9j\u00e0 vu".encode("latin-1"))
    code = main(["extract", str(bad), "-o", str(tmp_path / "e.geojson")])
    err = capsys.readouterr().err
    assert code == 1
    assert "latin1.txt" in err and "re-save it as UTF-8" in err
    assert not (tmp_path / "e.geojson").exists()


def test_missing_gazetteer_csv_exit_2(tmp_path, capsys):
    (tmp_path / "r.txt").write_text("Troops advanced on Raqqa.", encoding="utf-8")
    code = main(["extract", str(tmp_path / "r.txt"), "-o", str(tmp_path / "e.geojson"),
                 "--gazetteer", str(tmp_path / "mine.csv")])
    err = capsys.readouterr().err
    assert code == 2 and "mine.csv" in err and "--gazetteer" in err


# ---------------------------------------------------------------- progress bar


def test_progress_bar_draws_only_when_enabled():
    out = io.StringIO()
    bar = ProgressBar(4, stream=out, enabled=True)
    for i in range(1, 5):
        bar(i, 4)
    bar.close()
    text = out.getvalue()
    assert "4/4" in text and "#" * 30 in text and text.endswith("\r\033[K")
    quiet = io.StringIO()
    bar = ProgressBar(4, stream=quiet)  # StringIO is not a TTY
    bar(1, 4)
    bar()
    bar.close()
    assert quiet.getvalue() == "" and bar.done == 2


# ---------------------------------------------------------------- gazetteer commands


@needs_gazetteer
def test_gazetteer_lookup(capsys):
    assert main(["gazetteer", "lookup", "Deir al-Zor", "-n", "3"]) == 0
    out = capsys.readouterr().out
    header, first = out.splitlines()[:2]
    assert header.split()[:8] == ["rank", "id", "name", "kind", "country", "lat", "lon", "score"]
    assert "Deir ez-Zor" in first and "SY" in first


@needs_gazetteer
def test_gazetteer_lookup_json_and_unknown(capsys):
    assert main(["gazetteer", "lookup", "Kharkiv", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["country"] == "UA" and abs(rows[0]["lat"] - 49.99) < 0.1
    assert main(["gazetteer", "lookup", "Qwzxplk Nowhere"]) == 1
    assert "--gazetteer" in capsys.readouterr().err


@needs_gazetteer
def test_gazetteer_validate_bundled_and_bad(tmp_path, capsys):
    assert main(["gazetteer", "validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK ") and "gazetteer.csv" in out and int(out.split(": ")[1].split()[0]) > 1000
    bad = tmp_path / "mine.csv"
    bad.write_text("id,name,kind,lat,lon,source\nx-1,Somewhere,city,123,40,mine\n", encoding="utf-8")
    assert main(["gazetteer", "validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "mine.csv" in err and len(err.strip().splitlines()) == 1
    assert main(["gazetteer", "validate", str(tmp_path / "absent.csv")]) == 2


# ---------------------------------------------------------------- extract / map with the real pipeline


@needs_pipeline
@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv", ".parquet"])
def test_extract_samples_to_each_format(tmp_path, capsys, suffix):
    import geopandas as gpd
    import pandas as pd

    out = tmp_path / f"events{suffix}"
    assert main(["extract", str(SAMPLES), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    summary = [line for line in err.splitlines() if "documents read" in line]
    assert summary, err
    n_docs = sum(1 for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip())
    assert f"{n_docs} documents read, 0 skipped" in summary[0]
    if suffix == ".csv":
        back = pd.read_csv(out)
    elif suffix == ".parquet":
        back = gpd.read_parquet(out)
    else:
        back = gpd.read_file(out)
    assert len(back) > 0
    assert f"{len(back)} events found" in summary[0]
    for column in ("doc", "actor", "action", "place", "stance", "sentence"):
        assert column in back.columns
    assert set(back["doc"]) <= {json.loads(line)["id"] for line in SAMPLES.read_text(encoding="utf-8").splitlines()}


@needs_pipeline
def test_extract_geojson_matches_summary(sample_events_geojson):
    data = json.loads(sample_events_geojson.read_text(encoding="utf-8"))
    feats = data["features"]
    located = sum(f["geometry"] is not None for f in feats)
    assert located > 0
    docs = {f["properties"]["doc"] for f in feats}
    # events from the three conflicts in the samples
    assert any(d.startswith("nile-desk") for d in docs) and any(d.startswith("dnipro-ledger") for d in docs)


@needs_pipeline
def test_bad_jsonl_line_others_processed(tmp_path, capsys):
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()[:3]
    lines.insert(1, '{"id": "broken", "text": "unterminated')
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "e.geojson"
    assert main(["extract", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"skipped {path}:2: invalid JSON" in err
    assert "3 documents read, 1 skipped" in err
    docs = {f["properties"]["doc"] for f in json.loads(out.read_text())["features"]}
    assert docs and "broken" not in docs


@needs_pipeline
def test_folder_with_mixed_inputs(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        "The Rapid Support Forces attacked El Fasher on Sunday, residents said.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(
        "<html><body><nav>Home</nav><article><p>Russian forces struck Kharkiv with missiles on Sunday, "
        "the governor said.</p></article></body></html>", encoding="utf-8")
    (tmp_path / "sub" / "c.txt").write_bytes("Caf\u00e9".encode("latin-1"))
    out = tmp_path / "events.csv"
    assert main(["extract", str(tmp_path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "2 documents read, 1 skipped" in err and "c.txt" in err and "UTF-8" in err


@needs_pipeline
def test_quiet_prints_no_summary(tmp_path, capsys):
    assert main(["extract", str(SAMPLES), "-o", str(tmp_path / "e.geojson"), "-q"]) == 0
    assert capsys.readouterr().err == ""


@needs_pipeline
def test_extract_to_stdout_is_geojson(capsys):
    assert main(["extract", str(SAMPLES), "--quiet"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["type"] == "FeatureCollection" and data["features"]


@needs_pipeline
def test_stdin_input_subprocess(tmp_path):
    text = ("KHARTOUM - The Sudanese army said on Friday it had recaptured the Republican Palace in "
            "Khartoum from the Rapid Support Forces.")
    out = tmp_path / "stdin.geojson"
    proc = run_module("extract", "-", "-o", out, stdin=text.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr.decode()
    feats = json.loads(out.read_text())["features"]
    assert feats and {f["properties"]["doc"] for f in feats} == {"stdin"}
    assert b"1 documents read" in proc.stderr


@needs_pipeline
def test_stdin_jsonl_in_process(tmp_path, monkeypatch, capsys):
    payload = SAMPLES.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload), encoding="utf-8"))
    out = tmp_path / "e.geojson"
    assert main(["extract", "-", "-o", str(out)]) == 0
    assert "0 skipped" in capsys.readouterr().err
    docs = {f["properties"]["doc"] for f in json.loads(out.read_text())["features"]}
    assert "levant-wire-2017-09-21" in docs


@needs_pipeline
def test_failed_write_keeps_existing_output(tmp_path, monkeypatch, capsys):
    import geomap.writers as writers

    out = tmp_path / "events.geojson"
    out.write_text("previous run", encoding="utf-8")
    real = writers._geojson

    def crash(frame, tmp):
        real(frame.iloc[:1], tmp)  # a partial file exists when the failure hits
        raise RuntimeError("simulated crash while writing")

    monkeypatch.setattr(writers, "_geojson", crash)
    assert main(["extract", str(SAMPLES), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert "simulated crash" in err and str(out) in err
    assert out.read_text(encoding="utf-8") == "previous run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.geojson"]


@needs_pipeline
@needs_map
def test_map_command_writes_html(tmp_path, capsys):
    out = tmp_path / "map.html"
    events = tmp_path / "events.geojson"
    code = main(["map", str(SAMPLES), "-o", str(out), "--title", "Deir <ez-Zor> & friends",
                 "--events", str(events)])
    err = capsys.readouterr().err
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert html.lower().startswith("<!doctype html") and "leaflet" in html.lower()
    assert "Deir <ez-Zor> & friends" not in html  # the title is escaped
    assert events.exists() and f"wrote map {out}" in err


@needs_pipeline
@needs_map
def test_map_offline_subprocess(tmp_path):
    try:
        from geomap.assets import asset_dir

        asset_dir()
    except Exception as exc:  # noqa: BLE001 - any reason means: no local assets here
        pytest.skip(f"offline assets not installed: {exc}")
    out = tmp_path / "offline.html"
    proc = run_module("map", SAMPLES, "-o", out, "--offline")
    assert proc.returncode == 0, proc.stderr.decode()
    html = out.read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html


@needs_pipeline
def test_subprocess_errors_and_summary(tmp_path):
    proc = run_module("extract", tmp_path / "missing.jsonl", "-o", tmp_path / "x.geojson")
    assert proc.returncode == 2 and b"missing.jsonl" in proc.stderr
    proc = run_module("extract", SAMPLES, "-o", tmp_path / "x.kml")
    assert proc.returncode == 2 and b"x.kml" in proc.stderr
    proc = run_module("extract", SAMPLES, "-o", tmp_path / "x.geojson")
    assert proc.returncode == 0
    assert b"documents read" in proc.stderr and b"located" in proc.stderr
    # stderr is not a TTY here: no progress bar characters
    assert b"\r" not in proc.stderr and b"[###" not in proc.stderr


# ---------------------------------------------------------------- parser shape


@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],
        ["demo", "-o", "out/demo.html", "--online"],
        ["extract", "a.jsonl", "b/", "-", "-o", "e.gpkg", "--text-column", "body", "--gazetteer", "x.csv"],
        ["map", "reports/", "-o", "map.html", "--offline", "--title", "T", "--quiet", "--events", "e.csv"],
        ["gazetteer", "lookup", "Deir al-Zor", "--context", "on the Euphrates"],
        ["gazetteer", "validate", "mine.csv"],
        ["gazetteer", "validate"],
    ],
)
def test_parser_accepts(argv):
    args = build_parser().parse_args(argv)
    assert args.command == argv[0]
