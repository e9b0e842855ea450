"""Extractor throughput: articles per second and peak memory on generated reports.

Reports are generated from sentence templates filled with real names from the
gazetteer (towns, provinces, rivers of Syria, Iraq, Ukraine, Sudan, Mali) and
actors from the lexicon, about 600 words each, so every sentence exercises
place matching, role tagging, actor/action linking and qualifier geometry.

    python benchmarks/bench_extract.py [--n 2000] [--seed 1] [--words 600] [--docs tests/reports]

Prints the corpus size, gazetteer load time, articles/s (whole corpus and the
median of 5 slices, wall clock and CPU time) and the process's peak resident
memory. Single process, one core.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

THEATRES = {
    "SY": ["Syrian government forces", "Syrian Democratic Forces", "Islamic State", "Russia", "U.S.-led coalition"],
    "IQ": ["Iraqi security forces", "Islamic State", "Popular Mobilization Forces", "U.S.-led coalition"],
    "UA": ["Russia", "Ukraine", "Wagner Group"],
    "SD": ["Sudanese Armed Forces", "Rapid Support Forces"],
    "ML": ["Malian armed forces", "JNIM", "Africa Corps"],
}
SENTENCES = [
    "{A} shelled {P} on {D}, killing at least {N} people, {S} said.",
    "{A} fighters advanced on {P} from the {DIR} after heavy fighting, according to {S}.",
    "{A} said it had captured {N} villages {K} km {DIR} of {P}.",
    "{B} denied that its forces had withdrawn from {P}.",
    "{A} troops crossed to the {DIR}ern bank of the {R} near {P} on {D}.",
    "Residents said {A} drones struck a market in {P}, something {B} denied.",
    "{S} reported that {A} had surrounded {P} and cut off roads to {Q}.",
    "{B} warned that it would strike {A} positions in {P} if the attacks continued.",
    "In a statement, {A} accused {B} of bombing civilians in {Q}.",
    "{A} and allied militias took up positions on the outskirts of {P}, a military source told Reuters.",
    "The fighting spread to the province, where {B} units came under fire from {A} artillery.",
    "Aid agencies said thousands of families had fled {Q} towards {P} over the past week.",
    "{B} reinforced its lines west of {P} as {A} massed troops near {Q}.",
    "Officials in {C} said the talks on a ceasefire would resume next week.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DIRS = ["north", "south", "east", "west"]
SOURCES = ["a military spokesman", "local officials", "the Syrian Observatory for Human Rights",
           "witnesses", "the defence ministry", "security sources"]


def corpus(gaz, n, *, words=600, seed=1):
    """``n`` generated reports of about ``words`` words (list of (id, text))."""
    rng = random.Random(seed)
    frame = gaz.frame
    towns, rivers = {}, {}
    for cc in THEATRES:
        sub = frame[(frame["country"] == cc) & frame["kind"].isin(["city", "town"])]
        towns[cc] = sub.sort_values("population", ascending=False)["name"].head(60).tolist() or ["Mosul"]
        r = frame[(frame["kind"] == "river") & frame["id"].str.startswith("river:")]["name"].tolist()
        rivers[cc] = r or ["Euphrates"]
    docs = []
    for i in range(n):
        cc = rng.choice(sorted(THEATRES))
        actors = THEATRES[cc]
        country = gaz.get(f"country:{cc}").name if f"country:{cc}" in gaz else cc
        parts = []
        while sum(len(p.split()) for p in parts) < words:
            a, b = rng.sample(actors, 2)
            parts.append(rng.choice(SENTENCES).format(
                A=a, B=b, P=rng.choice(towns[cc]), Q=rng.choice(towns[cc]), R=rng.choice(rivers[cc]),
                D=rng.choice(DAYS), N=rng.randint(2, 40), K=rng.randint(5, 40), DIR=rng.choice(DIRS),
                S=rng.choice(SOURCES), C=country))
        docs.append((f"bench-{i}", " ".join(parts)))
    return docs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--docs", help="time these report files (a folder of .txt) instead, cycled up to --n")
    args = ap.parse_args(argv)

    from geomap.extract.events import extract_document
    from geomap.extract.lexicon import Lexicon
    from geomap.gazetteer import Gazetteer
    from geomap.io import Document

    t0 = time.perf_counter()
    gaz = Gazetteer.default()
    lex = Lexicon.default()
    gaz.matcher.scan("warm up the index near Raqqa")
    load = time.perf_counter() - t0
    if args.docs:
        files = sorted(Path(args.docs).glob("*.txt"))
        texts = [f.read_text(encoding="utf-8") for f in files]
        docs = [Document(id=f"doc-{i}", text=texts[i % len(texts)]) for i in range(args.n)]
    else:
        docs = [Document(id=i, text=t) for i, t in corpus(gaz, args.n, words=args.words, seed=args.seed)]
    n_words = sum(len(d.text.split()) for d in docs)
    extract_document(docs[0], gazetteer=gaz, lexicon=lex)  # warm caches

    slices, cpu_slices = [], []
    events = 0
    t_all = time.perf_counter()
    cpu_all = time.process_time()
    step = max(1, len(docs) // 5)
    for k in range(0, len(docs), step):
        chunk = docs[k:k + step]
        t, c = time.perf_counter(), time.process_time()
        for d in chunk:
            events += len(extract_document(d, gazetteer=gaz, lexicon=lex))
        slices.append(len(chunk) / (time.perf_counter() - t))
        cpu_slices.append(1000 * (time.process_time() - c) / len(chunk))
    total = time.perf_counter() - t_all
    cpu = time.process_time() - cpu_all
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(docs)} reports, {n_words / len(docs):.0f} words each on average")
    print(f"gazetteer + lexicon load: {load:.1f} s ({len(gaz)} places)")
    print(f"events extracted: {events} ({events / len(docs):.1f} per report)")
    print(f"throughput: {len(docs) / total:.0f} articles/s overall, median of slices "
          f"{statistics.median(slices):.0f} articles/s (wall clock, one core)")
    print(f"cpu time: {1000 * cpu / len(docs):.1f} ms per report = {len(docs) / cpu:.0f} articles/s of CPU "
          "(what one unshared core does)")
    med = statistics.median(cpu_slices)
    # CPU time is what a busy shared machine distorts least; the median slice resists bursts
    print(f"cpu time, median of slices: {med:.1f} ms per report = {1000 / med:.0f} articles/s")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
