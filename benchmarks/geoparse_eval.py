"""Toponym resolution and recognition measured on LGL (Lieberman et al. 2010).

LGL is 588 local US news articles with 5,088 hand-marked toponyms (character
offsets, GeoNames ids and coordinates).  It is read from ``../shared/eval``
and never copied into the project.  It is a *development* set: nothing in
geomap may be tuned to its names; the same code is judged on corpora it has
never seen.

Two measurements::

    python benchmarks/geoparse_eval.py            # the whole corpus, world gazetteer
    python benchmarks/geoparse_eval.py --limit 60 # a quick subset

(a) resolution with the gold spans given: ``gaz.resolve(phrase, context=text)``
    against the gold coordinates -- accuracy within 161 km (100 miles), mean
    and median error (an unresolved name counts as 20,000 km) and the AUC of
    Gritta et al. (2018), the area under the curve of sorted log errors
    (0 is perfect, lower is better).  The same without context is printed as
    our own population/kind baseline.
(b) end to end: ``geomap.find_places(text)`` spans against the gold spans --
    precision, recall and F1 with exact span match (the headline) and with
    overlap match, and accuracy within 161 km of the matched mentions that
    have gold coordinates.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
UNRESOLVED_KM = 20_000.0
MAX_KM = 20_039.0  # half the Earth's circumference: the AUC's normaliser

PUBLISHED = [  # LGL resolution, accuracy within 161 km / mean error (km)
    ("Mordecai 3 (held-out LGL split, its README)", "82.7%", "304"),
    ("Edinburgh Geoparser (Gritta et al. 2018)", "76%", "800"),
    ("CamCoder (Gritta et al. 2018)", "76%", "700"),
    ("Yahoo! PlaceSpotter (Gritta et al. 2018)", "72%", "-"),
    ("CLAVIN (Gritta et al. 2018)", "71%", "-"),
    ("population baseline (Gritta et al. 2018)", "70%", "1,200"),
    ("GeoTxt (Gritta et al. 2018)", "68%", "-"),
]


@dataclass
class Toponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None


@dataclass
class Article:
    id: str
    text: str
    toponyms: list


def read_lgl(path, *, limit=None):
    """Articles of the LGL XML with their gold toponyms (offsets checked)."""
    root = ET.parse(path).getroot()
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            phrase = t.findtext("phrase") or ""
            if text[start:end] != phrase:  # a gold span we cannot place in the text
                print(f"warning: article {art.get('docid')}: offsets {start}-{end} do not spell "
                      f"{phrase!r}; skipped", file=sys.stderr)
                continue
            g = t.find("gaztag")
            lat = lon = None
            if g is not None and g.findtext("lat") and g.findtext("lon"):
                lat, lon = float(g.findtext("lat")), float(g.findtext("lon"))
            tops.append(Toponym(start, end, phrase, lat, lon))
        out.append(Article(art.get("docid"), text, tops))
        if limit and len(out) >= limit:
            break
    return out


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def error_km(place, top):
    if place is None:
        return UNRESOLVED_KM
    return km(place.lat, place.lon, top.lat, top.lon)


def summarize(errors):
    """Accuracy@161, mean, median and AUC of a list of errors in km."""
    if not errors:
        return {"n": 0, "acc161": float("nan"), "mean": float("nan"), "median": float("nan"), "auc": float("nan")}
    logs = sorted(math.log(1.0 + min(e, MAX_KM)) for e in errors)
    if len(logs) > 1:  # trapezoid area under the sorted curve, normalised to [0, 1]
        area = sum((a + b) / 2 for a, b in zip(logs, logs[1:])) / (len(logs) - 1)
    else:
        area = logs[0]
    return {"n": len(errors), "acc161": sum(e <= 161 for e in errors) / len(errors),
            "mean": statistics.fmean(errors), "median": statistics.median(errors),
            "auc": area / math.log(1.0 + MAX_KM)}


def evaluate_resolution(articles, gaz, *, context=True):
    errors, worst = [], []
    for art in articles:
        for top in art.toponyms:
            if top.lat is None:
                continue
            place = gaz.resolve(top.phrase, context=art.text if context else None)
            e = error_km(place, top)
            errors.append(e)
            if e > 161:
                worst.append((e, art.id, top.phrase, place.id if place else None))
    return summarize(errors), worst


def _match(pred, gold, *, exact):
    """One-to-one matching of predicted and gold spans; returns (pred, gold) pairs."""
    pairs, used = [], set()
    for p in pred:
        for gi, g in enumerate(gold):
            if gi in used:
                continue
            hit = (p.start, p.end) == (g.start, g.end) if exact else (p.start < g.end and g.start < p.end)
            if hit:
                pairs.append((p, g))
                used.add(gi)
                break
    return pairs


def evaluate_end_to_end(articles, gaz, find_places):
    counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}  # matched, predicted, gold
    errors, failed = [], []
    for art in articles:
        try:
            found = find_places(art.text, gazetteer=gaz)
        except Exception as exc:  # counted and reported: one bad article must not hide the rest
            failed.append((art.id, f"{type(exc).__name__}: {str(exc)[:120]}"))
            found = []
        mentions = [m for m in found if not getattr(m, "coref", False)]
        mentions.sort(key=lambda m: (m.start, m.end))
        for mode in counts:
            pairs = _match(mentions, art.toponyms, exact=mode == "exact")
            c = counts[mode]
            c[0] += len(pairs)
            c[1] += len(mentions)
            c[2] += len(art.toponyms)
            if mode == "overlap":
                errors += [error_km(p.place, g) for p, g in pairs if g.lat is not None]
    prf = {}
    for mode, (tp, npred, ngold) in counts.items():
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        prf[mode] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return prf, summarize(errors), failed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lgl", type=Path, default=SHARED / "eval" / "lgl.xml", help="the LGL XML file")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (quick runs)")
    ap.add_argument("--no-world", dest="world", action="store_false",
                    help="the curated data/gazetteer.csv only, without the world table")
    ap.add_argument("--skip-e2e", action="store_true", help="only the gold-span resolution")
    ap.add_argument("--worst", type=int, default=0, help="list the N largest resolution errors")
    args = ap.parse_args(argv)
    if not args.lgl.exists():
        print(f"{args.lgl} not found: LGL lives in ../shared/eval beside the checkout", file=sys.stderr)
        return 2

    from geomap import Gazetteer

    articles = read_lgl(args.lgl, limit=args.limit)
    n_top = sum(len(a.toponyms) for a in articles)
    n_coord = sum(t.lat is not None for a in articles for t in a.toponyms)
    t0 = time.perf_counter()
    gaz = Gazetteer.default(world=args.world)
    gaz.resolve("Springfield")  # build the name index before timing resolution
    t_load = time.perf_counter() - t0
    print(f"LGL: {len(articles)} articles, {n_top} toponyms ({n_coord} with coordinates); "
          f"gazetteer {len(gaz):,} places ({'world' if args.world else 'curated'}), ready in {t_load:.1f} s")

    rows = []
    t0 = time.perf_counter()
    res, worst = evaluate_resolution(articles, gaz)
    t_res = time.perf_counter() - t0
    base, _ = evaluate_resolution(articles, gaz, context=False)
    rows.append(("geomap, gold spans, context", res))
    rows.append(("geomap, gold spans, no context", base))
    print(f"\n(a) resolution with gold spans ({t_res:.1f} s, {res['n'] / max(t_res, 1e-9):,.0f} names/s)")
    print(f"{'system':<48} {'n':>5} {'acc@161':>8} {'mean km':>8} {'median':>7} {'AUC':>6}")
    for name, s in rows:
        print(f"{name:<48} {s['n']:>5} {s['acc161']:>8.1%} {s['mean']:>8,.0f} {s['median']:>7,.0f} {s['auc']:>6.3f}")
    for name, acc, mean in PUBLISHED:
        print(f"{name:<48} {'':>5} {acc:>8} {mean:>8}")
    if args.worst:
        print(f"\nlargest errors (km, article, phrase, resolved id):")
        for e, doc, phrase, pid in sorted(worst, reverse=True)[: args.worst]:
            print(f"  {e:>8,.0f}  {doc}  {phrase!r} -> {pid}")

    if not args.skip_e2e:
        try:
            from geomap import find_places
        except (ImportError, AttributeError) as exc:
            print(f"\n(b) end to end: skipped, geomap.find_places is not available ({exc})")
            return 0
        t0 = time.perf_counter()
        prf, e2e, failed = evaluate_end_to_end(articles, gaz, find_places)
        t_e2e = time.perf_counter() - t0
        print(f"\n(b) end to end, geomap.find_places ({t_e2e:.1f} s, "
              f"{len(articles) / max(t_e2e, 1e-9):.1f} articles/s)")
        print(f"{'span match':<22} {'precision':>9} {'recall':>7} {'F1':>6}")
        for mode in ("exact", "overlap"):
            p, r, f = prf[mode]
            label = mode + (" (headline)" if mode == "exact" else "")
            print(f"{label:<22} {p:>9.1%} {r:>7.1%} {f:>6.3f}")
        if failed:
            print(f"find_places raised on {len(failed)} articles (counted as finding nothing), "
                  f"e.g. {failed[0][0]}: {failed[0][1]}")
        print(f"accuracy@161 of overlap-matched mentions with gold coordinates: {e2e['acc161']:.1%} "
              f"(n={e2e['n']}, mean {e2e['mean']:,.0f} km)")
    print("\ntargets: >= 80% @161 km with gold spans; end-to-end F1 >= 0.70")
    return 0


if __name__ == "__main__":
    sys.exit(main())
