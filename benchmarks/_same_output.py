"""Dump every event row the extractor produces, to check a speed change alters no output.

    PYTHONPATH=. python benchmarks/_same_output.py OUT.json [--n 300]

Runs extract_document over tests/reports/*.txt (as written and lowercased) and
over ``--n`` generated reports of bench_extract.corpus(); writes all columns,
geometry as hex WKB (exact), one JSON list.  Compare two dumps with cmp.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _plain(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if hasattr(v, "wkb_hex"):
        return "WKB:" + v.wkb_hex
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    return repr(v)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args(argv)
    import geomap
    from bench_extract import corpus
    from geomap.extract.events import extract_document
    from geomap.extract.lexicon import Lexicon
    from geomap.gazetteer import Gazetteer
    from geomap.io import Document

    print("geomap from", geomap.__file__, file=sys.stderr)
    gaz, lex = Gazetteer.default(), Lexicon.default()
    texts = []
    for f in sorted((ROOT / "tests" / "reports").glob("*.txt")):
        t = f.read_text(encoding="utf-8")
        texts += [(f.name, t), (f.name + ":lower", t.lower())]
    texts += corpus(gaz, args.n)
    out = []
    for doc_id, text in texts:
        rows = extract_document(Document(id=doc_id, text=text), gazetteer=gaz, lexicon=lex)
        out.append([doc_id, [{k: _plain(r[k]) for k in sorted(r)} for r in rows]])
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(len(texts), "docs,", sum(len(r) for _, r in out), "rows", file=sys.stderr)


if __name__ == "__main__":
    main()
