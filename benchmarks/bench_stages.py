"""Where the extractor's time goes: wall time per stage of ``extract_document`` on generated reports.

    python benchmarks/bench_stages.py [--n 200] [--seed 3]

Wraps the stage functions that ``geomap.extract.events`` calls (cleaning, sentence
splitting, tokenizing, place finding, clause analysis, linking, placing, rows) with
timers and prints milliseconds per report and the share of the total for each.
Timers add a little overhead of their own; read the shares, not the absolute times.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

STAGES = ["clean_text", "split_sentences", "tokenize", "find_places", "analyse", "place_for", "_row", "main_area",
          "focus_points", "_background", "coordinated", "responder", "came_from", "event_date", "_plain"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args(argv)

    from bench_extract import corpus

    import geomap.extract.events as ev
    from geomap.extract.lexicon import Lexicon
    from geomap.gazetteer import Gazetteer
    from geomap.io import Document

    gaz, lex = Gazetteer.default(), Lexicon.default()
    docs = [Document(id=i, text=t) for i, t in corpus(gaz, args.n, seed=args.seed)]
    spent = collections.Counter()

    def timed(name, f):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return f(*a, **k)
            finally:
                spent[name] += time.perf_counter() - t
        return wrapper

    for name in STAGES:
        if hasattr(ev, name):
            setattr(ev, name, timed(name, getattr(ev, name)))
    link = ev.link_sentence

    def linked(*a, **k):  # a list, so that the time of the drafts' making is counted here
        t = time.perf_counter()
        out = list(link(*a, **k))
        spent["link_sentence"] += time.perf_counter() - t
        return out

    ev.link_sentence = linked
    ev.extract_document(docs[0], gazetteer=gaz, lexicon=lex)  # warm caches
    spent.clear()
    t0 = time.perf_counter()
    for d in docs:
        ev.extract_document(d, gazetteer=gaz, lexicon=lex)
    total = time.perf_counter() - t0
    print(f"{args.n} reports, {1000 * total / args.n:.2f} ms per report")
    for name, s in spent.most_common():
        print(f"{name:18s} {1000 * s / args.n:6.2f} ms  {100 * s / total:5.1f}%")
    print(f"{'(the rest)':18s} {1000 * (total - sum(spent.values())) / args.n:6.2f} ms")


if __name__ == "__main__":
    main()
