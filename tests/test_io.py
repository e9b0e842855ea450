"""Reading reports (txt, md, html, jsonl, json, csv, folders, stdin) and writing events."""

import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.errors import GeomapError, InputError, OutputError
from geomap.io import Document, ReadResult, read_documents, save_map, write_events
from geomap.readers import html_to_text, markdown_to_text, parse_date

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples" / "reports.jsonl"

ARTICLE_HTML = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Army advances on the city - Example News</title>
<meta property="og:title" content="Army advances on the city">
<meta property="article:published_time" content="2017-09-18T09:30:00Z">
<meta property="og:url" content="https://example.org/story">
<meta property="og:site_name" content="Example News">
<style>p { color: red }</style>
<script>var tracking = "SCRIPT-TEXT";</script>
</head><body>
<header><a href="/">Home</a> NAV-HEADER</header>
<nav><ul><li>World</li><li>NAV-LINK</li></ul></nav>
<div class="advert">AD-TEXT buy now</div>
<article>
  <h1>Army advances on the city</h1>
  <p>Government troops advanced on Deir ez-Zor from the south on Monday, &amp; the
  army said it broke the siege.</p>
  <div class="share-bar social">SHARE-TEXT</div>
  <p>The SDF denied firing on the troops east of the Euphrates.<br>Fighting continued.</p>
  <aside>RELATED-ASIDE: Read more stories</aside>
  <script>document.write("INLINE-SCRIPT")</script>
  <p>Residents said the <b>bridge</b> was destroyed and several districts of the eastern city remained without power.</p>
</article>
<footer>FOOTER-TEXT &copy; Example</footer>
<form><input name="q"> FORM-TEXT</form>
</body></html>
"""


# ---------------------------------------------------------------- text files


@pytest.mark.parametrize("suffix", [".txt", ".md", ".text"])
def test_text_file_is_one_document_named_by_stem(tmp_path, suffix):
    path = tmp_path / f"report_01{suffix}"
    path.write_text("Syrian troops crossed the Euphrates.\n", encoding="utf-8")
    result = read_documents(path)
    assert [d.id for d in result.documents] == ["report_01"]
    assert result.documents[0].text.strip() == "Syrian troops crossed the Euphrates."
    assert result.documents[0].path == str(path)
    assert result.skipped == []


def test_utf8_bom_and_crlf_are_handled(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfDeir ez-Zor\r\nline two\r\n")
    (doc,) = read_documents(path).documents
    assert doc.text == "Deir ez-Zor\nline two\n"


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Raqqa and Deir ez-Zor".encode("utf-16"))
    (doc,) = read_documents(path).documents
    assert doc.text == "Raqqa and Deir ez-Zor"


def test_non_utf8_file_is_skipped_with_fix_and_others_continue(tmp_path):
    (tmp_path / "a_latin1.txt").write_bytes("Alep \u00e9tait assi\u00e9g\u00e9e".encode("latin-1"))
    (tmp_path / "b_good.txt").write_text("Troops advanced.", encoding="utf-8")
    result = read_documents(tmp_path)
    assert [d.id for d in result.documents] == ["b_good"]
    ((where, reason),) = result.skipped
    assert where.endswith("a_latin1.txt")
    assert "not UTF-8" in reason and "re-save it as UTF-8" in reason


def test_binary_file_is_skipped(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"abc\x00\x01\x02")
    result = read_documents(tmp_path)
    assert result.documents == []
    assert "binary" in result.skipped[0][1]


def test_empty_file_is_reported_not_lost(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    result = read_documents(tmp_path)
    assert result.documents == [] and result.skipped == [(str(tmp_path / "empty.txt"), "empty file")]


def test_markdown_markup_is_stripped_and_heading_is_title(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Clashes near Raqqa\n\nThe **SDF** [captured](https://x.org) a village.\n", encoding="utf-8")
    (doc,) = read_documents(path).documents
    assert doc.title == "Clashes near Raqqa"
    assert "The SDF captured a village." in doc.text
    assert "https://x.org" not in doc.text and "#" not in doc.text


# ---------------------------------------------------------------- folders


def test_folder_is_walked_recursively_sorted_and_hidden_files_ignored(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("two", encoding="utf-8")
    (tmp_path / "a" / "one.txt").write_text("one", encoding="utf-8")
    (tmp_path / "zero.md").write_text("zero", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".git" / "config.txt").write_text("git", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    result = read_documents(tmp_path)
    assert [d.id for d in result.documents] == ["one", "two", "zero"]
    assert [Path(w).name for w, _ in result.skipped] == ["photo.png"]
    assert "unsupported file type .png" in result.skipped[0][1]
    flat = read_documents(tmp_path, recursive=False)
    assert [d.id for d in flat.documents] == ["zero"]


def test_folder_readme_is_reported_not_read_as_a_report(tmp_path):
    (tmp_path / "README.md").write_text("# About these reports", encoding="utf-8")
    (tmp_path / "r1.txt").write_text("Troops advanced.", encoding="utf-8")
    result = read_documents(tmp_path)
    assert [d.id for d in result.documents] == ["r1"]
    assert result.skipped[0][0].endswith("README.md") and "name it explicitly" in result.skipped[0][1]
    assert [d.id for d in read_documents(tmp_path / "README.md").documents] == ["README"]


def test_bundled_samples_folder_reads_the_reports_only():
    result = read_documents(SAMPLES.parent)
    assert len(result.documents) == len(read_documents(SAMPLES).documents)


def test_same_stem_in_two_folders_gets_unique_ids(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(f"from {sub}", encoding="utf-8")
    result = read_documents(tmp_path)
    assert [d.id for d in result.documents] == ["report", "report-2"]
    assert "renamed" in result.warnings[0][1]


def test_missing_path_raises_input_error_naming_it(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read_documents(missing)
    with pytest.raises(InputError):
        read_documents(str(missing))  # a str with a supported extension is a path


# ---------------------------------------------------------------- JSON Lines / JSON


def test_jsonl_records_with_metadata_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": "Troops advanced.", "title": "T1", "outlet": "Wire",
                    "date": "2017-09-21T08:00:00Z", "url": "https://example.org/1"}),
        "{not json",
        "",
        json.dumps({"text": "No id here."}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "r5", "body": "wrong field"}),
        json.dumps({"id": "r6", "text": "   "}),
        json.dumps({"id": 7, "text": "Numeric id.", "date": "someday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_documents(path)
    assert [d.id for d in result.documents] == ["r1", "feed:4", "7"]
    r1 = result.documents[0]
    assert (r1.title, r1.outlet, r1.date, r1.url, r1.path) == (
        "T1", "Wire", "2017-09-21", "https://example.org/1", f"{path}:1")
    skipped = dict(result.skipped)
    assert set(skipped) == {f"{path}:2", f"{path}:5", f"{path}:6", f"{path}:7"}
    assert "invalid JSON" in skipped[f"{path}:2"]
    assert "not an object" in skipped[f"{path}:5"]
    assert "--text-column" in skipped[f"{path}:6"] and "'body'" in skipped[f"{path}:6"]
    assert "empty" in skipped[f"{path}:7"]
    # an unparseable date keeps the document and says so
    assert result.documents[2].date is None
    assert any("someday" in msg for _, msg in result.warnings)


def test_custom_column_names(tmp_path):
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps({"uid": "x1", "body": "Shelling hit Kharkiv.", "published": "21 September 2017",
                                "source": "Desk", "headline": "H", "link": "u"}) + "\n", encoding="utf-8")
    (doc,) = read_documents(path, text_column="body", id_column="uid", date_column="published",
                            outlet_column="source", title_column="headline", url_column="link").documents
    assert (doc.id, doc.text, doc.date, doc.outlet, doc.title, doc.url) == (
        "x1", "Shelling hit Kharkiv.", "2017-09-21", "Desk", "H", "u")


def test_json_array_file(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"id": "a", "text": "one"}, {"text": "two"}, 3]), encoding="utf-8")
    result = read_documents(path)
    assert [d.id for d in result.documents] == ["a", "list:2"]
    assert result.skipped == [(f"{path}[3]", "a JSON int, not an object")]


def test_bundled_samples_read_cleanly():
    result = read_documents(SAMPLES)
    assert len(result.documents) >= 8 and result.skipped == [] and result.warnings == []
    for doc in result.documents:
        assert doc.title and doc.outlet and doc.url.startswith("https://example.org/")
        assert parse_date(doc.date) == doc.date
    outlets = {d.outlet for d in result.documents}
    assert len(outlets) >= 5
    # one lowercased, tokenized dataset-style record
    assert any(d.text == d.text.lower() and " ( " in d.text for d in result.documents)


# ---------------------------------------------------------------- CSV


def test_csv_rows_with_quoted_multiline_text(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('id,text,date\nc1,"Line one,\nline two",2017-09-21\n,Second row,\n', encoding="utf-8")
    result = read_documents(path)
    assert [(d.id, d.text, d.date) for d in result.documents] == [
        ("c1", "Line one,\nline two", "2017-09-21"), ("rows:4", "Second row", None)]
    assert result.documents[1].path == f"{path}:4"


def test_csv_without_text_column_names_file_columns_and_fix(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text("headline,body\nH,B\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_documents(path)
    message = str(info.value)
    assert str(path) in message and "'headline', 'body'" in message and "--text-column" in message
    assert read_documents(path, text_column="body").documents[0].text == "B"


def test_csv_without_text_column_inside_folder_is_skipped(tmp_path):
    (tmp_path / "meta.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("text", encoding="utf-8")
    result = read_documents(tmp_path)
    assert [d.id for d in result.documents] == ["story"]
    assert "--text-column" in result.skipped[0][1]


def test_csv_row_with_extra_cells_is_skipped(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("id,text\na,fine\nb,too,many\n", encoding="utf-8")
    result = read_documents(path)
    assert [d.id for d in result.documents] == ["a"]
    assert result.skipped[0][0] == f"{path}:3"


# ---------------------------------------------------------------- HTML


def test_html_article_text_and_metadata(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    (doc,) = read_documents(path).documents
    assert doc.id == "story"
    assert (doc.title, doc.date, doc.url, doc.outlet) == (
        "Army advances on the city", "2017-09-18", "https://example.org/story", "Example News")
    assert "advanced on Deir ez-Zor from the south on Monday, & the army said" in doc.text
    assert "The SDF denied firing on the troops east of the Euphrates." in doc.text
    assert "Fighting continued." in doc.text
    for junk in ("SCRIPT-TEXT", "INLINE-SCRIPT", "NAV-HEADER", "NAV-LINK", "AD-TEXT", "SHARE-TEXT",
                 "RELATED-ASIDE", "FOOTER-TEXT", "FORM-TEXT", "color: red"):
        assert junk not in doc.text


def test_html_without_article_uses_body_paragraphs():
    text, meta = html_to_text("<html><head><title>T</title></head><body><nav>menu</nav>"
                              "<p>First paragraph.</p><p>Second paragraph.</p></body></html>")
    assert text == "First paragraph.\n\nSecond paragraph."
    assert meta == {"title": "T"}


def test_html_story_article_wins_over_teaser_articles():
    teaser = "<article><h3>Related: {0}</h3><p>{0} teaser text that is long enough to matter here.</p></article>"
    story = ("<div class='story'><article><h1>Main story</h1>"
             + "".join(f"<p>Paragraph {i} of the story about fighting near Kherson on the Dnipro.</p>" for i in range(6))
             + "</article></div>")
    html = "<html><body>" + teaser.format("Alpha") + story + teaser.format("Beta") + teaser.format("Gamma") + "</body></html>"
    text, _ = html_to_text(html)
    assert text.startswith("Main story") and "Paragraph 5 of the story" in text
    assert "teaser" not in text


def test_html_declared_legacy_charset_is_honoured(tmp_path):
    path = tmp_path / "old.htm"
    path.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 in Alep</p></body></html>'
                     .encode("cp1252"))
    (doc,) = read_documents(path).documents
    assert doc.text == "Caf\u00e9 in Alep"


def test_html_with_no_text_is_skipped(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><body><script>x()</script><nav>menu</nav></body></html>", encoding="utf-8")
    result = read_documents(path)
    assert result.documents == [] and "no article text" in result.skipped[0][1]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div class='ad'>", "</div>", "<script>", "</script>",
                                 "<article>", "</article>", "<br>", "<nav>", "</nav>", "word ", "&amp;",
                                 "<a href='x'>", "</a>", "<", ">", "SECRET"]), max_size=40))
def test_html_parser_never_crashes_and_never_leaks_script(parts):
    html = "".join(parts)
    text, meta = html_to_text(html)
    assert isinstance(text, str) and isinstance(meta, dict)
    # text inside a well-formed <script> block must not appear
    wrapped, _ = html_to_text(f"<p>keep</p><script>{html.replace('</script>', '')}SECRET</script>")
    assert "SECRET" not in wrapped and "keep" in wrapped


# ---------------------------------------------------------------- stdin, strings, Documents


@pytest.mark.parametrize(
    "payload, ids",
    [
        (b"Plain text from a pipe.", ["stdin"]),
        (b'{"id": "s1", "text": "one"}\n{"id": "s2", "text": "two"}\n', ["s1", "s2"]),
        (b"<html><body><p>From HTML on stdin.</p></body></html>", ["stdin"]),
    ],
)
def test_stdin(monkeypatch, payload, ids):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload), encoding="utf-8"))
    result = read_documents("-")
    assert [d.id for d in result.documents] == ids


def test_strings_and_documents_pass_through(tmp_path):
    doc = Document(id="given", text="Already a document.")
    result = read_documents([doc, "Troops shelled the town of Mayadin on Saturday.", ""])
    assert [d.id for d in result.documents] == ["given", "text-1"]
    assert result.skipped == [("text-2", "empty text")]
    assert isinstance(result, ReadResult) and len(result) == 2 and list(result) == result.documents


def test_unreadable_object_raises():
    with pytest.raises(InputError, match="cannot read a int"):
        read_documents([42])


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2017-09-21", "2017-09-21"),
        ("2017-09-21T10:15:00Z", "2017-09-21"),
        ("2017-09-21T10:15:00+03:00", "2017-09-21"),
        ("2017-09-21 10:15", "2017-09-21"),
        ("21 September 2017", "2017-09-21"),
        ("Sep 21, 2017", "2017-09-21"),
        ("2017/09/21", "2017-09-21"),
        ("09/10/2017", None),
        ("", None),
        (None, None),
        ("yesterday", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@given(st.dates())
def test_parse_date_round_trips_iso(d):
    assert parse_date(d.isoformat()) == d.isoformat()
    assert parse_date(d) == d.isoformat()


@given(st.text(max_size=40))
def test_parse_date_never_raises(s):
    out = parse_date(s)
    assert out is None or len(out) == 10


@given(st.text(max_size=200))
def test_markdown_to_text_never_raises(s):
    text, title = markdown_to_text(s)
    assert isinstance(text, str)


# ---------------------------------------------------------------- writing


def _frame():
    import geopandas as gpd
    from shapely.geometry import LineString, Point, Polygon

    return gpd.GeoDataFrame(
        {
            "event_id": ["a:0", "a:1", "b:0", "b:1"],
            "doc": ["a", "a", "b", "b"],
            "actor": ["Syrian Democratic Forces", "Syrian Arab Army", "Rapid Support Forces", "Ukrainian forces"],
            "action": ["attack", "cross", "attack", "advance"],
            "stance": ["claimed", "asserted", "denied", "asserted"],
            "sentence": ["Fire \u201con\u201d troops <b>", "Crossed.", "Attacked El Fasher.", "Entered Kherson."],
            "n_reports": [2, 1, 1, 1],
            "claims": [json.dumps([{"doc": "a"}]), None, None, None],
        },
        geometry=[
            LineString([(40.1, 35.3), (40.2, 35.4)]),
            Point(40.14, 35.33),
            None,
            Polygon([(32.5, 46.6), (32.7, 46.6), (32.7, 46.7), (32.5, 46.7)]),  # clockwise ring
        ],
        crs=4326,
    )


def _read_back(path):
    import geopandas as gpd
    import pandas as pd

    if path.suffix == ".parquet":
        return gpd.read_parquet(path)
    if path.suffix == ".csv":
        return pd.read_csv(path)
    return gpd.read_file(path)


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv", ".parquet"])
def test_write_events_round_trip(tmp_path, suffix):
    frame = _frame()
    path = write_events(frame, tmp_path / f"events{suffix}")
    assert path.exists()
    back = _read_back(path)
    assert len(back) == 4
    assert list(back["event_id"]) == list(frame["event_id"])
    assert list(back["actor"]) == list(frame["actor"])
    assert back["sentence"][0] == "Fire \u201con\u201d troops <b>"
    if suffix == ".csv":
        assert back["geometry"].isna().tolist() == [False, False, True, False]
        assert back["geometry"][1] == "POINT (40.14 35.33)"
        assert back["lon"][1] == pytest.approx(40.14) and back["lat"][1] == pytest.approx(35.33)
    else:
        assert back.geometry.isna().tolist() == [False, False, True, False]
        assert back.crs.to_epsg() == 4326
        assert back.geometry[1].equals_exact(frame.geometry[1], 1e-9)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left


def test_geojson_is_rfc7946(tmp_path):
    import shapely
    from shapely.geometry import shape

    frame = _frame().to_crs(3857)  # written back as WGS84 whatever the input CRS
    path = write_events(frame, tmp_path / "events.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    feats = data["features"]
    assert [f["geometry"] is None for f in feats] == [False, False, True, False]
    assert feats[1]["geometry"]["coordinates"] == pytest.approx([40.14, 35.33])
    ring = shape(feats[3]["geometry"]).exterior
    assert ring.is_ccw  # right-hand rule
    assert feats[0]["properties"]["stance"] == "claimed"
    assert feats[2]["properties"]["claims"] is None
    assert shapely.is_valid(shape(feats[3]["geometry"]))


def test_write_empty_frame(tmp_path):
    for suffix in (".geojson", ".gpkg", ".csv", ".parquet"):
        path = write_events(_frame().iloc[:0], tmp_path / f"none{suffix}")
        assert path.exists()
    assert json.loads((tmp_path / "none.geojson").read_text())["features"] == []


@pytest.mark.parametrize("name", ["events.shp", "events.html", "events", "events.txt"])
def test_unknown_output_extension(tmp_path, name):
    with pytest.raises(OutputError) as info:
        write_events(_frame(), tmp_path / name)
    assert name in str(info.value) and ".geojson" in str(info.value) and ".parquet" in str(info.value)
    assert not (tmp_path / name).exists()


def test_write_creates_missing_folder(tmp_path):
    path = write_events(_frame(), tmp_path / "out" / "deep" / "events.geojson")
    assert path.exists()


def test_failed_write_leaves_existing_output_intact(tmp_path, monkeypatch):
    import geomap.writers as writers

    target = tmp_path / "events.geojson"
    target.write_text("previous good output", encoding="utf-8")

    def crash(frame, tmp):
        Path(tmp).write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
        raise RuntimeError("disk full")

    monkeypatch.setattr(writers, "_geojson", crash)
    with pytest.raises(OutputError, match="disk full"):
        write_events(_frame(), target)
    assert target.read_text(encoding="utf-8") == "previous good output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.geojson"]


def test_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    import geomap.writers as writers

    def crash(frame, tmp):
        Path(tmp).write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(writers, "_gpkg", crash)
    with pytest.raises(KeyboardInterrupt):
        write_events(_frame(), tmp_path / "events.gpkg")
    assert list(tmp_path.iterdir()) == []


def test_write_where_no_folder_can_be_made_is_output_error(tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(OutputError, match="not_a_folder.*writable folder"):
        write_events(_frame(), blocker / "events.geojson")
    assert blocker.read_text(encoding="utf-8") == "a file where a folder should be"


def test_write_into_read_only_folder_is_output_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write into read-only folders")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="writable"):
            write_events(_frame(), locked / "events.geojson")
    finally:
        locked.chmod(0o700)


class _FakeMap:
    def __init__(self, fail=False):
        self.fail = fail

    def save(self, path):
        Path(path).write_text("<html>partial", encoding="utf-8")
        if self.fail:
            raise RuntimeError("boom")
        Path(path).write_text("<html>done</html>", encoding="utf-8")


def test_save_map_is_atomic(tmp_path):
    target = tmp_path / "map.html"
    save_map(_FakeMap(), target)
    assert target.read_text() == "<html>done</html>"
    with pytest.raises(RuntimeError):
        save_map(_FakeMap(fail=True), target)
    assert target.read_text() == "<html>done</html>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]
    with pytest.raises(OutputError, match=".html"):
        save_map(_FakeMap(), tmp_path / "map.png")


def test_save_real_folium_map(tmp_path):
    folium = pytest.importorskip("folium")
    m = folium.Map(location=[35.3, 40.1], zoom_start=6)
    path = save_map(m, tmp_path / "m.html")
    assert "leaflet" in path.read_text(encoding="utf-8").lower()


def test_errors_are_geomap_errors():
    assert issubclass(InputError, GeomapError) and issubclass(OutputError, OSError)


# ---------------------------------------------------------------- property tests of the record readers

_record_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_record_text.map(lambda t: {"text": t}), st.sampled_from(["{bad", "[1]", "null", "  "])),
                max_size=12))
def test_jsonl_every_line_is_read_or_reported(tmp_path_factory, items):
    path = tmp_path_factory.mktemp("jsonl") / "feed.jsonl"
    lines = [json.dumps(i, ensure_ascii=False) if isinstance(i, dict) else i for i in items]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_documents(path)
    non_blank = [line for line in lines if line.strip()]
    assert len(result.documents) + len(result.skipped) == len(non_blank)
    good = [i["text"] for i in items if isinstance(i, dict) and i["text"].strip()]
    assert [d.text for d in result.documents] == [t.replace("\r\n", "\n") for t in good]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="abc ,\"\n'xyz\u00e9\u0627", min_size=1, max_size=30),
                          st.text(alphabet="abc-_19", max_size=8)), max_size=8))
def test_csv_round_trips_any_text(tmp_path_factory, rows):
    import csv as _csv

    path = tmp_path_factory.mktemp("csv") / "rows.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = _csv.writer(fh)
        writer.writerow(["text", "outlet"])
        writer.writerows(rows)
    result = read_documents(path)
    expected = [(t, o or None) for t, o in rows if t.strip()]
    assert [(d.text, d.outlet) for d in result.documents] == expected
    assert len(result.documents) + len(result.skipped) == len(rows)


@pytest.mark.parametrize("words", [60, 200])
def test_one_long_line_of_article_text_is_text_not_a_path(words):
    # a single long sentence is no file name, even when the OS refuses to look it up
    from geomap.io import read_documents

    text = " ".join(["militants attacked the town of djibo"] * (words // 6)) + " ."
    docs = read_documents([text]).documents
    assert len(docs) == 1 and docs[0].text.startswith("militants attacked")
