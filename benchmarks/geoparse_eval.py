"""Toponym resolution and recognition measured on LGL (Lieberman et al. 2010).

LGL is 588 local US news articles with 5,088 hand-marked toponyms (character
offsets, GeoNames ids and coordinates).  It is read from ``../shared/eval``
and never copied into the project.  It is a *development* set: nothing in
geomap may be tuned to its names; the same code is judged on corpora it has
never seen.

Two measurements::

    python benchmarks/geoparse_eval.py            # the whole corpus, world gazetteer
    python benchmarks/geoparse_eval.py --limit 60 # a quick subset
    python benchmarks/geoparse_eval.py --split odd    # the odd-numbered articles (tuning half)
    python benchmarks/geoparse_eval.py --split even   # the even-numbered ones (check half)
    python benchmarks/geoparse_eval.py --proposed --ablation  # + proposed ranking changes
    python benchmarks/geoparse_eval.py --skip-resolution      # only (b), end to end
    python benchmarks/geoparse_eval.py --skip-resolution --lowercase  # (b) on lowercased text

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

``--ablation`` leaves each piece of geomap's own ranking evidence out in turn
(:data:`GEOMAP_ABLATIONS`, by zeroing its weight in :mod:`geomap.ranking`).
``--proposed`` also measures ranking and mention-filter changes proposed for
gazetteer.py, matcher.py and extract/places.py (:class:`ProposedRanker`,
:func:`proposed_find_places`), built on the public API only; ``--ablation``
leaves each of its features out in turn too.  Their few weights were chosen on
LGL among a handful of round values, so treat their gain as development
figures, not held-out ones. :class:`DataFixes` is geomap's own ranking with
only the proposed *data* change (AP abbreviations). Countries sit at the
centroid of their main landmass in data/gazetteer.csv itself (GeoNames'
convention; data/README.md), so that is no longer a proposal.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import re
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


def read_lgl(path, *, limit=None, split=None):
    """Articles of the LGL XML with their gold toponyms (offsets checked).

    ``split`` keeps the ``"odd"`` or ``"even"`` numbered articles only
    (numbered from 1 in file order): weights are chosen on the odd half and
    checked on the even half.
    """
    root = ET.parse(path).getroot()
    out = []
    for number, art in enumerate(root.iter("article"), start=1):
        if split and (number % 2 == 1) != (split == "odd"):
            continue
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
    """``gaz`` is a Gazetteer or anything with ``resolve(name, context=...)``."""
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


# ----------------------------------------------------------------------------
# Proposed changes to gazetteer.py / matcher.py / places.py, measured here with
# --proposed (and --ablation) on the public API only, so the figures can be
# reproduced before the owners apply them.  Every rule is general evidence a
# reader uses; none names an LGL place.

# AP Stylebook abbreviations of US states (US newspapers write "Alexandria, La.")
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY",
    "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS",
    "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ",
    "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR",
    "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Vt.": "VT",
    "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "W. Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
    "D.C.": "DC",
}
FEATURES = ("ap-abbrev", "doc-votes", "city-state", "near")
_AFTER = re.compile(r",\s*((?:[A-Z][A-Za-z]*\.?)(?:\s?[A-Z][A-Za-z]*\.?){0,2})")
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Sgt|Capt|Gen|Col|President|Judge|Coach|Officer)\.?\s+$")
_SAID = re.compile(r"^\s+(?:said|says|told|added)\b")


# geomap's own ranking evidence (geomap.ranking), each left out in turn with
# --ablation by setting its weight to zero: (module constant, value without it)
GEOMAP_ABLATIONS = {
    "document votes": [("_VOTES", {"country": 0.0, "province": 0.0})],
    "pseudo-votes": [("_PSEUDO_VOTES", 0)],
    "second round of votes": [("_ROUNDS", 1)],
    "bare county names": [("_BARE_COUNTIES", False)],
    "exact spelling": [("_EXACT", 0.0)],
    "demonym over folded match": [("_DEMONYM_WHEN_FOLDED", False)],
    "'Name, Area' in text": [("_CONTEXT", "adjacent", 0.0)],
    "distance to confident places": [("_CONTEXT", "near", 0.0)],
}


def ablate(gaz, changes):
    """Set ranking constants (and clear the gazetteer's ranking caches); returns an undo."""
    from geomap import ranking

    saved = []
    for change in changes:
        name, *rest = change
        old = getattr(ranking, name)
        saved.append((name, old))
        if len(rest) == 2:
            new = dict(old)
            new[rest[0]] = rest[1]
        else:
            new = rest[0]
        setattr(ranking, name, new)

    def clear():
        for cache in (gaz._context_cache, gaz._text_cache, gaz._vote_cache):
            cache.clear()

    def undo():
        for name, old in saved:
            setattr(ranking, name, old)
        clear()

    clear()
    return undo


def _softmax(xs):
    m = max(xs)
    e = [math.exp(x - m) for x in xs]
    return [x / sum(e) for x in e]


class ProposedRanker:
    """Re-rank ``gaz.candidates(name)`` with document evidence (public API only).

    ``ap-abbrev``: AP state abbreviations resolve to the state;
    ``doc-votes``: each other name in the text votes for countries and
    provinces with the probability of each of its candidates (softmax of the context-free scores), and a
    candidate gains with its country's and province's share of the votes;
    ``city-state``: "Name, State" / "Name, Country" written in the text;
    ``near``: distance to the confident places of the text.
    """

    def __init__(self, gaz, *, features=FEATURES, w_country=6.0, w_province=10.0, w_city_state=4.0,
                 w_near=1.5):
        self.gaz, self.features = gaz, set(features)
        self.w = dict(country=w_country, province=w_province, city_state=w_city_state, near=w_near)
        self._cands, self._docs = {}, {}

    def candidates(self, name):
        if name not in self._cands:
            code = AP_STATES.get(name.strip()) if "ap-abbrev" in self.features else None
            if code and f"US-{code}" in self.gaz:
                found = [dataclasses.replace(self.gaz.get(f"US-{code}"), score=10.0)]
            else:
                found = self.gaz.candidates(name)
            self._cands[name] = found
        return self._cands[name]

    def _doc(self, text):
        if text not in self._docs:
            mentions = []
            for m in self.gaz.matcher.scan(text):
                if m.capitalized is False or m.common:
                    continue
                cands = self.candidates(m.text)
                if cands:
                    mentions.append((m.key, list(zip(cands, _softmax([c.score for c in cands])))))
            if len(self._docs) > 64:
                self._docs.clear()
            self._docs[text] = mentions
        return self._docs[text]

    def _containers(self, name, text):
        provinces, countries = set(), set()
        for hit in re.finditer(re.escape(name), text):
            after = _AFTER.match(text, hit.end())
            if not after:
                continue
            words = after.group(1).split()
            for n in range(len(words), 0, -1):
                areas = [p for p in self.candidates(" ".join(words[:n])) if p.kind in ("province", "country")]
                if areas:
                    for p in areas:
                        (countries if p.kind == "country" else provinces).add(p.country if p.kind == "country" else p.id)
                    break
        return provinces, countries

    def resolve(self, name, *, context=None):
        cands = self.candidates(name)
        if not cands or not isinstance(context, str):
            return cands[0] if cands else None
        from geomap import normalize_name

        key = normalize_name(name)
        others = [c for k, c in self._doc(context) if k != key]
        votes_c, votes_p, points = {}, {}, []
        for cs in others:
            for p, pr in cs:
                if p.country:
                    votes_c[p.country] = votes_c.get(p.country, 0.0) + pr
                for area in {p.parent, p.id if p.kind in ("province", "county") else None} - {None}:
                    votes_p[area] = votes_p.get(area, 0.0) + pr
            top, pr = max(cs, key=lambda x: x[1])
            if pr >= 0.5 and top.kind not in ("country", "province", "river"):
                points.append((top.lat, top.lon))
        n = max(1, len(others))
        provinces, countries = self._containers(name, context) if "city-state" in self.features else ((), ())
        best, best_score = None, -1e9
        for p in cands:
            s = p.score
            if "doc-votes" in self.features:
                s += self.w["country"] * votes_c.get(p.country, 0.0) / n
                s += self.w["province"] * (votes_p.get(p.parent, 0.0) + votes_p.get(p.id, 0.0)) / n
            if p.parent in provinces or p.id in provinces or (not provinces and p.country in countries):
                s += self.w["city_state"]
            if "near" in self.features and points:
                d = min(km(p.lat, p.lon, la, lo) for la, lo in points)
                s += self.w["near"] * max(0.0, 1.0 - math.log10(1.0 + d) / 4.0)
            if s > best_score:
                best, best_score = p, s
        return best


class DataFixes(ProposedRanker):
    """``gaz.resolve(name, context=text)`` with only the proposed *data* changes.

    The AP abbreviations of ``ap-abbrev`` belong to data/gazetteer.csv (as
    aliases of the US states); this measures geomap's own ranking as it will
    be once the data carries them.
    """

    def __init__(self, gaz):
        super().__init__(gaz, features=("ap-abbrev",))

    def resolve(self, name, *, context=None):
        code = AP_STATES.get(name.strip())
        if code and f"US-{code}" in self.gaz:
            return self.gaz.get(f"US-{code}")
        return self.gaz.resolve(name, context=context)


def proposed_find_places(gaz):
    """find_places with the proposed mention filters (RawMatch fields only).

    find_places now applies these rules itself, with more evidence (support
    for a common word, persons only when no actor or seat of government,
    institution names kept as role ``org``), so on top of it they cost recall:
    kept to show that, not as a proposal any more.
    """
    from geomap import find_places

    def run(text, *, gazetteer=None):
        raw = {(m.start, m.end): m for m in gaz.matcher.scan(text)}
        cased = any(ch.isupper() for ch in text)
        out = []
        for m in find_places(text, gazetteer=gazetteer):
            r = raw.get((m.start, m.end))
            if r is not None:
                if r.common or (cased and r.capitalized is False):
                    continue  # a frequent English word, or a lower-case word in cased text
                if " " not in r.key and (_TITLE.search(text[max(0, m.start - 12):m.start])
                                         or _SAID.match(text[m.end:m.end + 12])):
                    continue  # "Mr. Jones", "Jones said": a person
            out.append(m)
        return out

    return run


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lgl", type=Path, default=SHARED / "eval" / "lgl.xml", help="the LGL XML file")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (quick runs)")
    ap.add_argument("--split", choices=("odd", "even"), default=None,
                    help="only the odd or even numbered articles (choose weights on odd, check on even)")
    ap.add_argument("--no-world", dest="world", action="store_false",
                    help="the curated data/gazetteer.csv only, without the world table")
    ap.add_argument("--skip-e2e", action="store_true", help="only the gold-span resolution")
    ap.add_argument("--skip-resolution", action="store_true", help="only the end-to-end measurement")
    ap.add_argument("--lowercase", action="store_true",
                    help="lowercase every article first (as in lowercased dumps; offsets are unchanged)")
    ap.add_argument("--worst", type=int, default=0, help="list the N largest resolution errors")
    ap.add_argument("--proposed", action="store_true",
                    help="also measure the proposed ranking and mention filters (ProposedRanker)")
    ap.add_argument("--ablation", action="store_true",
                    help="each ranking feature of geomap (and with --proposed, of ProposedRanker) left out in turn")
    args = ap.parse_args(argv)
    if not args.lgl.exists():
        print(f"{args.lgl} not found: LGL lives in ../shared/eval beside the checkout", file=sys.stderr)
        return 2

    from geomap import Gazetteer

    articles = read_lgl(args.lgl, limit=args.limit, split=args.split)
    if args.lowercase:  # str.lower keeps the length of English text; checked, not assumed
        kept = [dataclasses.replace(a, text=a.text.lower()) for a in articles if len(a.text.lower()) == len(a.text)]
        if len(kept) < len(articles):
            print(f"warning: {len(articles) - len(kept)} articles change length when lowercased; skipped",
                  file=sys.stderr)
        articles = kept
    n_top = sum(len(a.toponyms) for a in articles)
    n_coord = sum(t.lat is not None for a in articles for t in a.toponyms)
    t0 = time.perf_counter()
    gaz = Gazetteer.default(world=args.world)
    gaz.resolve("Springfield")  # build the name index before timing resolution
    t_load = time.perf_counter() - t0
    half = f" ({args.split}-numbered)" if args.split else ""
    print(f"LGL{half}: {len(articles)} articles, {n_top} toponyms ({n_coord} with coordinates); "
          f"gazetteer {len(gaz):,} places ({'world' if args.world else 'curated'}), ready in {t_load:.1f} s")

    if args.skip_resolution:
        return _end_to_end(args, articles, gaz)
    rows = []
    t0 = time.perf_counter()
    res, worst = evaluate_resolution(articles, gaz)
    t_res = time.perf_counter() - t0
    base, _ = evaluate_resolution(articles, gaz, context=False)
    rows.append(("geomap, gold spans, context", res))
    rows.append(("geomap, gold spans, no context", base))
    if args.ablation:
        for label, changes in GEOMAP_ABLATIONS.items():
            undo = ablate(gaz, changes)
            try:
                rows.append((f"  geomap without {label}", evaluate_resolution(articles, gaz)[0]))
            finally:
                undo()
    if args.proposed:
        rows.append(("geomap + proposed data (AP abbrev.)", evaluate_resolution(articles, DataFixes(gaz))[0]))
        rows.append(("proposed ranking, gold spans, context", evaluate_resolution(articles, ProposedRanker(gaz))[0]))
        if args.ablation:
            for f in FEATURES:
                ranker = ProposedRanker(gaz, features=[x for x in FEATURES if x != f])
                rows.append((f"  proposed without {f}", evaluate_resolution(articles, ranker)[0]))
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
        _end_to_end(args, articles, gaz)
    print("\ntargets: >= 80% @161 km with gold spans; end-to-end F1 >= 0.70")
    return 0


def _end_to_end(args, articles, gaz):
    """Part (b): ``geomap.find_places`` (and with ``--proposed`` the proposed filters) on LGL."""
    try:
        from geomap import find_places
    except (ImportError, AttributeError) as exc:
        print(f"\n(b) end to end: skipped, geomap.find_places is not available ({exc})")
        return 0
    systems = [("geomap.find_places", find_places)]
    if args.proposed:
        filtered, ranker = proposed_find_places(gaz), ProposedRanker(gaz)

        def with_ranking(text, *, gazetteer=None):
            return [dataclasses.replace(m, place=ranker.resolve(m.text, context=text))
                    for m in filtered(text, gazetteer=gazetteer)]

        systems += [("+ proposed mention filters", filtered),
                    ("+ filters and proposed ranking", with_ranking)]
    for label, system in systems:
        t0 = time.perf_counter()
        prf, e2e, failed = evaluate_end_to_end(articles, gaz, system)
        t_e2e = time.perf_counter() - t0
        print(f"\n(b) end to end, {label} ({t_e2e:.1f} s, {len(articles) / max(t_e2e, 1e-9):.1f} articles/s)")
        print(f"{'span match':<22} {'precision':>9} {'recall':>7} {'F1':>6}")
        for mode in ("exact", "overlap"):
            p, r, f = prf[mode]
            name = mode + (" (headline)" if mode == "exact" else "")
            print(f"{name:<22} {p:>9.1%} {r:>7.1%} {f:>6.3f}")
        if failed:
            print(f"find_places raised on {len(failed)} articles (counted as finding nothing), "
                  f"e.g. {failed[0][0]}: {failed[0][1]}")
        print(f"accuracy@161 of overlap-matched mentions with gold coordinates: {e2e['acc161']:.1%} "
              f"(n={e2e['n']}, mean {e2e['mean']:,.0f} km)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
