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


@needs_pipeline
def test_one_failing_document_does_not_stop_the_others(tmp_path, monkeypatch, capsys):
    import geomap.extract.events as events_module

    real = events_module.extract_document

    def fragile(doc, **kwargs):
        if doc.id == "nile-desk-2024-05-13":
            raise ValueError("simulated extractor bug")
        return real(doc, **kwargs)

    monkeypatch.setattr(events_module, "extract_document", fragile)
    out = tmp_path / "e.geojson"
    assert main(["extract", str(SAMPLES), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"skipped {SAMPLES}:9: extraction failed (ValueError: simulated extractor bug)" in err
    n_docs = sum(1 for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip())
    assert f"{n_docs - 1} documents read, 1 skipped" in err
    docs = {f["properties"]["doc"] for f in json.loads(out.read_text())["features"]}
    assert "nile-desk-2024-05-13" not in docs and "nile-desk-2025-03-21" in docs


@needs_pipeline
def test_progress_bar_on_a_terminal(tmp_path):
    pty = pytest.importorskip("pty")
    import select

    out = tmp_path / "e.geojson"
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "geomap", "extract", str(SAMPLES), "-o", str(out)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=secondary, cwd=REPO)
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([primary], [], [], 600)
        if not ready:
            break
        try:
            data = os.read(primary, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=600)
    os.close(primary)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, text
    n_docs = sum(1 for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip())
    assert f"] {n_docs}/{n_docs}" in text and "extracting [" in text
    assert "documents read" in text
    # with --quiet, nothing at all on the terminal
    primary, secondary = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "geomap", "extract", str(SAMPLES), "-o", str(out), "-q"],
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=secondary, cwd=REPO, timeout=600)
    os.close(secondary)
    try:
        leftover = os.read(primary, 4096)
    except OSError:  # EIO: the terminal was closed with nothing written to it
        leftover = b""
    os.close(primary)
    assert proc.returncode == 0 and leftover == b""


@needs_pipeline
def test_user_gazetteer_csv_locates_a_new_place(tmp_path, capsys):
    # an invented village that no gazetteer has, so only the user's CSV can place it
    report = tmp_path / "report.txt"
    report.write_text("Syrian government forces captured the village of Tell Qarawish on Tuesday, "
                      "state media said.", encoding="utf-8")
    mine = tmp_path / "my_places.csv"
    mine.write_text("id,name,aliases,kind,country,parent,lat,lon,wkt,population,source\n"
                    "my:tell-qarawish,Tell Qarawish,Tal Qarawish,village,SY,SY-DY,35.21,40.35,,0,test fixture\n",
                    encoding="utf-8")
    without, with_csv = tmp_path / "without.geojson", tmp_path / "with.geojson"
    assert main(["extract", str(report), "-o", str(without), "-q"]) == 0
    assert main(["extract", str(report), "-o", str(with_csv), "-q", "--gazetteer", str(mine)]) == 0
    before = json.loads(without.read_text())["features"]
    after = json.loads(with_csv.read_text())["features"]
    assert "my:tell-qarawish" not in {f["properties"]["place_id"] for f in before}
    placed = [f for f in after if f["properties"]["place_id"] == "my:tell-qarawish"]
    assert placed and placed[0]["geometry"]["coordinates"] == pytest.approx([40.35, 35.21])
    assert placed[0]["properties"]["action"] == "capture"


@needs_pipeline
def test_bad_user_gazetteer_csv_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad_places.csv"
    bad.write_text("id,name,aliases,kind,country,parent,lat,lon,wkt,population,source\n"
                   "x:1,Nowhere,,village,SY,,95.0,40.0,,0,test\n", encoding="utf-8")
    code = main(["extract", str(SAMPLES), "-o", str(tmp_path / "e.geojson"), "--gazetteer", str(bad)])
    err = capsys.readouterr().err
    assert code == 1 and "bad_places.csv" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "e.geojson").exists()


@needs_pipeline
@pytest.mark.shared
def test_cli_output_is_what_the_shared_scorer_reads(shared_dir, tmp_path):
    # `geomap extract SEEDS -o events.geojson`, then the evaluation script as the README of ../shared/eval runs it
    out = tmp_path / "seeds.geojson"
    proc = run_module("extract", shared_dir / "seeds", "-o", out)
    assert proc.returncode == 0, proc.stderr.decode()
    score = subprocess.run([sys.executable, str(shared_dir / "eval" / "score_events.py"),
                            str(shared_dir / "gold" / "seeds.json"), str(out)], capture_output=True, timeout=600)
    report = score.stdout.decode()
    assert score.returncode == 0, report + score.stderr.decode()
    seeds = sorted(p.stem for p in (shared_dir / "seeds").glob("*.txt"))
    for stem in seeds:  # document ids are the file stems the scorer matches on
        line = next(line for line in report.splitlines() if line.startswith(stem))
        assert "predicted 0 " not in line
    assert "recall" in report.splitlines()[-1]


@needs_pipeline
@needs_map
def test_user_lexicon_folder_adds_an_actor(tmp_path, capsys):
    import csv
    import shutil

    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    for name in ("actors.csv", "actions.csv", "sides.csv"):
        shutil.copy(REPO / "data" / name, lexicon / name)
    with open(lexicon / "sides.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(["steppe_militia", "Steppe militias", "#8e44ad"])
    with open(lexicon / "actors.csv", "a", encoding="utf-8", newline="") as fh:
        # an invented armed group, so only the user's lexicon can know it
        csv.writer(fh).writerow(["Lions of the Steppe", "lions of the steppe|steppe lions", "steppe_militia",
                                 "non_state_armed_group", "UA"])
    report = tmp_path / "report.txt"
    report.write_text("KHARKIV - The Lions of the Steppe attacked Russian positions near Kharkiv on Sunday, "
                      "the regional governor said.", encoding="utf-8")
    plain, custom = tmp_path / "plain.geojson", tmp_path / "custom.geojson"
    assert main(["extract", str(report), "-o", str(plain), "-q"]) == 0
    assert main(["extract", str(report), "-o", str(custom), "-q", "--lexicon", str(lexicon),
                 "--map", str(tmp_path / "m.html")]) == 0
    actors_plain = {f["properties"]["actor"] for f in json.loads(plain.read_text())["features"]}
    feats = json.loads(custom.read_text())["features"]
    assert "Lions of the Steppe" not in actors_plain
    mine = [f["properties"] for f in feats if f["properties"]["actor"] == "Lions of the Steppe"]
    assert mine and mine[0]["actor_side"] == "steppe_militia"
    assert "Steppe militias" in (tmp_path / "m.html").read_text(encoding="utf-8")
    assert main(["extract", str(report), "-o", str(custom), "--lexicon", str(tmp_path)]) == 2
    assert "actors.csv" in capsys.readouterr().err


@needs_pipeline
def test_csv_with_custom_columns_and_html_metadata(tmp_path, capsys):
    import pandas as pd

    articles = tmp_path / "articles.csv"
    pd.DataFrame({
        "uid": ["kh-1", "ef-1"],
        "body": ["Russian forces shelled Kherson from the eastern bank of the Dnipro on Monday, officials said.",
                 "The Rapid Support Forces attacked El Fasher from the east, the Sudanese army said."],
        "published": ["2023-11-06", "14 May 2024"],
        "source": ["Desk A", "Desk B"],
    }).to_csv(articles, index=False)
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="og:site_name" content="Example Wire">'
        '<meta property="article:published_time" content="2024-05-19T07:00:00Z"><title>Strikes</title></head>'
        "<body><nav>World | Europe</nav><article><p>Russian forces struck Kharkiv with missiles on Sunday, "
        "the regional governor said.</p></article><footer>Example Wire 2024</footer></body></html>",
        encoding="utf-8")
    out = tmp_path / "events.csv"
    assert main(["extract", str(articles), str(page), "-o", str(out), "--text-column", "body",
                 "--id-column", "uid", "--date-column", "published", "--outlet-column", "source"]) == 0
    assert "3 documents read, 0 skipped" in capsys.readouterr().err
    events = pd.read_csv(out)
    by_doc = events.groupby("doc").first()
    assert set(by_doc.index) == {"kh-1", "ef-1", "page"}
    assert by_doc.loc["ef-1", "outlet"] == "Desk B" and by_doc.loc["page", "outlet"] == "Example Wire"
    assert by_doc.loc["page", "date"] == "2024-05-19" and by_doc.loc["ef-1", "date"] == "2024-05-14"


@needs_pipeline
@needs_map
@pytest.mark.parametrize("mode", ["--online", "--offline"])
def test_demo_in_process(tmp_path, capsys, mode):
    if mode == "--offline":
        try:
            from geomap.assets import asset_dir

            asset_dir()
        except Exception as exc:  # noqa: BLE001
            pytest.skip(f"offline assets not installed: {exc}")
    out, events = tmp_path / "demo" / "demo.html", tmp_path / "demo" / "events.parquet"
    assert main(["demo", "-o", str(out), "--events", str(events), mode, "-q"]) == 0
    said = capsys.readouterr().out
    assert str(out.resolve()) in said and ("works offline" in said) == (mode == "--offline")
    assert out.stat().st_size > 10_000 and events.exists()
    html = out.read_text(encoding="utf-8")
    assert ("cdn.jsdelivr.net" in html) == (mode == "--online")


@needs_pipeline
@needs_map
def test_report_without_events(tmp_path, capsys):
    calm = tmp_path / "calm.txt"
    calm.write_text("The weather in the capital was mild on Tuesday and markets were quiet.", encoding="utf-8")
    out, events = tmp_path / "calm.html", tmp_path / "calm.geojson"
    assert main(["map", str(calm), "-o", str(out), "--events", str(events)]) == 0
    err = capsys.readouterr().err
    assert "0 events found" in err and "Adding places, actors and actions" in err
    assert out.exists() and json.loads(events.read_text())["features"] == []
