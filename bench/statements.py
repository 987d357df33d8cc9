"""Statement clustering benchmark: pairwise precision/recall and linking cost per article.

    .venv/bin/python bench/statements.py --bases 600 --batch 20   # SQLite in a temp dir
    ES_URL=... .venv/bin/python bench/statements.py --engine elastic --batch 20

Generates quotes from templates (so different statements of one "speaker" share most of
their words), then copies of each: other quotation marks, extra whitespace, a trimmed
ending, an ellipsis in the middle, a restyled copy (upper case, a plural, a typo in a long
word, "each" for "every", "would" for "will"), and three kinds of hard negative, each a
statement of its own: the negation flipped, a number twin (the same words with another
figure: "for 40 million euros", "for 90 million") and an object twin (the same words about
another place: "the bridge in Karsk", "the bridge in Moll"). A reworded copy (one to three
content words swapped for synonyms: "rebuild" / "reconstruct") is another statement by
design (``store.near_duplicates``: a changed content word decides apart, so a verdict
never lands on a claim it was not given for); the recall that would count it as the same
statement is printed too.
Every quote goes through ``Linker.link`` inside articles of five attributions on a real
store; the clusters it assigns are scored pairwise against the known ones. Target:
linking well under 10 ms per article, so that ingestion keeps >= 25 articles/s. Wall time
is shown with this process's CPU time, which does not grow when other jobs share the cores.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.link import Linker  # noqa: E402
from store.base import ArticleRecord, Store  # noqa: E402
from store.sqlite import SqliteStore  # noqa: E402

PER_ARTICLE = 5
SUBJECTS = [
    "we",
    "the army",
    "our government",
    "the ministry",
    "the council",
    "the company",
    "our allies",
    "the mayor",
    "the regional office",
    "the board",
    "our engineers",
    "the coalition",
    "the city",
    "the union",
]
MODALS = ("will", "must", "should", "can", "would", "are going to", "have to")
VERBS = [
    "rebuild",
    "defend",
    "protect",
    "close",
    "reopen",
    "fund",
    "inspect",
    "expand",
    "replace",
    "repair",
    "evacuate",
    "monitor",
    "support",
    "reject",
    "approve",
    "review",
    "suspend",
    "restore",
    "audit",
    "modernise",
    "privatise",
    "relocate",
]
ADJECTIVES = [
    "old",
    "new",
    "northern",
    "southern",
    "main",
    "regional",
    "central",
    "damaged",
    "municipal",
    "private",
    "public",
    "coastal",
    "eastern",
    "western",
    "rural",
    "historic",
    "busy",
    "small",
    "largest",
    "last",
]
NOUNS = [
    "grain terminal",
    "power substation",
    "bridge",
    "border post",
    "ferry route",
    "children's hospital",
    "water plant",
    "rail line",
    "harbour",
    "air defence battery",
    "school",
    "fishing fleet",
    "highway",
    "archive",
    "border crossing",
    "airport",
    "steel mill",
    "clinic",
    "library",
    "depot",
    "tram network",
    "dam",
    "market",
    "pipeline",
    "refinery",
    "barracks",
    "shelter",
    "court",
    "stadium",
    "tunnel",
]
PLACES = [
    "Osterhal",
    "Brenna",
    "Karsk",
    "Halvern",
    "Sundvik",
    "Vedmo",
    "Lirvane",
    "Moll",
    "Feldberg",
    "Arnhay",
    "Dorrin",
    "Kelso",
    "Tarnow",
    "Ulsk",
    "Pereva",
]
WHEN = [
    "before the winter",
    "by the end of the month",
    "within two weeks",
    "as soon as possible",
    "this summer",
    "after the election",
    "before the harvest",
    "by next spring",
    "without delay",
    "in the coming days",
    "before the summit",
    "by March",
    "over the next year",
    "this week",
]
TAILS = [
    "Every family deserves to feel safe at home",
    "Nobody should pay for this twice",
    "The people of this town have waited long enough",
    "This is a question of basic fairness",
    "Our engineers are already on site",
    "The cost will be shared with our partners",
    "We have the money and we have the people",
    "The decision was taken unanimously",
    "There is no room for half measures",
    "History will judge us by what we do now",
    "We owe it to the workers who kept it running",
    "The inspectors gave us a clear warning",
    "This has been promised for far too long",
    "Our partners agreed to every detail",
]
SWAPS = {
    "rebuild": "reconstruct",
    "defend": "guard",
    "protect": "shield",
    "close": "shut",
    "reopen": "open again",
    "fund": "finance",
    "inspect": "check",
    "expand": "enlarge",
    "repair": "fix",
    "before": "ahead of",
    "within": "in",
    "every": "each",
    "people": "residents",
    "home": "their homes",
    "already": "now",
    "money": "funds",
    "basic": "simple",
    "soon": "quickly",
    "deserves": "has a right",
    "town": "city",
    "long": "far too long",
    "old": "aging",
    "damaged": "broken",
    "busy": "crowded",
    "small": "little",
    "agreed": "said yes",
    "warning": "signal",
    "running": "working",
    "decision": "choice",
    "promised": "pledged",
}


def thing(rng: random.Random) -> str:
    return f"the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} in {rng.choice(PLACES)}"


def base_statement(
    rng: random.Random, frame: tuple[str, str, str] | None = None
) -> tuple[tuple[str, str, str], str, str, str | None]:
    """(frame, affirmative, negated, number twin): one or two sentences built from the
    templates. A sibling reuses the frame (speaker, modal, verb) with another object, time
    and tail. Some name a cost; their number twin names another (else None)."""
    subject, modal, verb = frame or (rng.choice(SUBJECTS), rng.choice(MODALS), rng.choice(VERBS))
    costs = rng.sample(range(2, 100), 2) if rng.random() < 0.4 else None
    cost = f" for {costs[0]} million euros" if costs else ""
    rest = f"{verb} {thing(rng)}{cost} {rng.choice(WHEN)}"
    tail = "" if rng.random() < 0.4 else ". " + rng.choice(TAILS)
    first = subject[0].upper() + subject[1:]
    twin = (
        f"{first} {modal} {rest.replace(cost, f' for {costs[1]} million euros')}{tail}"
        if costs
        else None
    )
    return (
        (subject, modal, verb),
        f"{first} {modal} {rest}{tail}",
        f"{first} {modal} not {rest}{tail}",
        twin,
    )


def restyled(words: list[str], rng: random.Random) -> str:
    """The copy another house style or a slip of the keyboard makes: upper case, a plural,
    one swapped pair of letters in a long word, "each" for "every", "would" for "will"."""
    out = list(words)
    long_words = [i for i, w in enumerate(out) if len(w.strip(".,")) >= 8 and w.isalpha()]
    if long_words:
        i = rng.choice(long_words)
        w = out[i]
        j = rng.randint(2, len(w) - 3)
        out[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    out = [{"every": "each", "will": "would"}.get(w, w) for w in out]
    return " ".join(out).upper() if rng.random() < 0.5 else " ".join(out) + "s"


def variants(text: str, rng: random.Random) -> list[tuple[str, str]]:
    """Copies of one statement as other articles print them: (kind, text)."""
    words = text.split()
    out = [("curly", f"\u201c{text}\u201d"), ("spaces", "  ".join(words))]
    if len(words) >= 8:
        out.append(("restyled", restyled(words, rng)))
    if len(words) >= 12:
        cut = rng.randint(max(8, len(words) * 2 // 3), len(words) - 1)
        out.append(("trimmed", " ".join(words[:cut]) + "..."))
        gap = rng.randint(3, len(words) // 2)
        out.append(("ellipsis", " ".join(words[:gap]) + " \u2026 " + " ".join(words[gap + 3 :])))
    swappable = [i for i, w in enumerate(words) if w.lower().strip(".") in SWAPS]
    if len(words) >= 10 and swappable:
        para = list(words)
        for i in rng.sample(swappable, min(len(swappable), rng.randint(1, 3))):
            para[i] = SWAPS[para[i].lower().strip(".")]
        out.append(("reworded", " ".join(para)))
    return out


def generate(bases: int, seed: int) -> list[tuple[str, str, str]]:
    """(true cluster, kind, text) in a shuffled order, every base with its copies; a third
    of the bases get a sibling (same speaker frame, another statement) and a negated twin,
    half of those naming a cost a number twin."""
    rng = random.Random(seed)
    seen: set[str] = set()
    items: list[tuple[str, str, str]] = []
    frame = None
    while len(seen) < bases:
        sibling = frame is not None
        frame, text, negated, twin = base_statement(rng, frame)
        if text in seen:
            continue
        seen.add(text)
        cluster = f"c{len(seen)}"
        items.append((cluster, "sibling" if sibling else "original", text))
        items += [
            (cluster + "-rew" if kind == "reworded" else cluster, kind, v)
            for kind, v in variants(text, rng)
        ]
        twin_place = next(p for p in rng.sample(PLACES, 3) if f" in {p}" not in text)
        if rng.random() < 0.3 and " in " in text:
            place = next(p for p in PLACES if f" in {p}" in text)
            moved = text.replace(f" in {place}", f" in {twin_place}")
            items.append((cluster + "-obj", "object", moved))
        if rng.random() < 0.3:
            items.append((cluster + "-neg", "negated", negated))
        if twin is not None and rng.random() < 0.5:
            items.append((cluster + "-num", "number", twin))
        frame = frame if not sibling and rng.random() < 0.3 else None
    rng.shuffle(items)
    return items


def pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def score(truth: list[str], predicted: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall of the predicted clusters."""
    both = pairs(Counter(zip(truth, predicted, strict=True)))
    return both / max(pairs(Counter(predicted)), 1), both / max(pairs(Counter(truth)), 1)


SPEAKERS = ("Andrii Vedmid", "Vedmid", "Mara Voss", "the Interior Ministry", "Oleg Brant")


def article_for(number: int, chunk: list[tuple[str, str, str]]) -> tuple[dict, list[dict]]:
    """An article carrying up to five of the quotes, each with a speaker, one relayed."""
    body = "\n\n".join(
        f'"{text}," {speaker} said.' for speaker, (_, _, text) in zip(SPEAKERS, chunk, strict=False)
    )
    quotes = []
    for i, (_, _, text) in enumerate(chunk):
        at = body.index(f'"{text},"') + 1
        quotes.append(
            {
                "kind": "direct",
                "content": text,
                "content_spans": [[at, at + len(text)]],
                "cue": "said",
                "speaker": SPEAKERS[i],
                "speaker_type": "organization" if i == 3 else "person",
                "via_outlets": ["Reuters"] if i == 0 else [],
                "paragraph_index": i,
            }
        )
    article = {
        "url": f"https://outlet{number % 7}.example/{number}",
        "outlet": f"Outlet {number % 7}",
        "title": f"Story {number}",
        "published": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
        "body": body,
    }
    return article, quotes


def open_engine(engine: str, tmp: Path) -> Store:
    if engine == "sqlite":
        return SqliteStore(str(tmp / "bench.db"))
    from store.elastic import ElasticStore

    if not os.environ.get("ES_URL"):
        sys.exit("bench/statements.py: --engine elastic needs ES_URL")
    return ElasticStore(os.environ["ES_URL"], prefix=f"qt-bench-link-{uuid.uuid4().hex[:8]}")


def run(bases: int, seed: int, batch: int, engine: str = "sqlite") -> None:
    """Link every quote (``batch`` articles per ``link_batch``, as the pipeline does; 1 means
    ``link`` and a write after each article) and score the clusters it assigned."""
    items = generate(bases, seed)
    chunks = [items[i : i + PER_ARTICLE] for i in range(0, len(items), PER_ARTICLE)]
    predicted: list[str] = []
    link_seconds = link_cpu = store_seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        store = open_engine(engine, Path(tmp))
        linker = Linker(store, autoflush=batch == 1)
        for start in range(0, len(chunks), batch):
            t0, c0 = time.perf_counter(), time.process_time()
            batch_items = [
                article_for(start + i, c) for i, c in enumerate(chunks[start : start + batch])
            ]
            if batch == 1:
                records = [ArticleRecord(*linker.link(*item)) for item in batch_items]
            else:
                records = [ArticleRecord(*linked) for linked in linker.link_batch(batch_items)]
            t1 = time.perf_counter()
            link_cpu += time.process_time() - c0
            store.put_articles(records)
            store_seconds += time.perf_counter() - t1
            link_seconds += t1 - t0
            predicted += [a["statement_id"] for r in records for a in r.attributions]
        getattr(store, "drop", lambda: None)()
        store.close()
    articles = len(chunks)
    truth = [cluster for cluster, _, _ in items]
    precision, recall = score(truth, predicted)
    _, reworded_recall = score([t.removesuffix("-rew") for t in truth], predicted)
    kinds = Counter(kind for _, kind, _ in items)
    print(
        f"statements: {len(items)} ({bases} originals; "
        + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        + ")"
    )
    print(f"true clusters: {len(set(truth))}, predicted clusters: {len(set(predicted))}")
    print(f"pairwise precision: {precision:.4f}  recall: {recall:.4f}")
    print(f"  recall counting reworded copies as the same statement: {reworded_recall:.4f}")
    originals = {
        c: p for (c, k, _), p in zip(items, predicted, strict=True) if k in ("original", "sibling")
    }
    for kind in sorted(kinds):  # recall of each kind of copy against its original
        copies = [(c, p) for (c, k, _), p in zip(items, predicted, strict=True) if k == kind]
        if kind in ("original", "negated", "number", "sibling", "object"):
            continue
        joined = sum(originals.get(c.removesuffix("-rew")) == p for c, p in copies)
        said = "joined its original (another statement by design)" if kind == "reworded" else (
            "joined its original"
        )
        print(f"  {kind:<10} {said}: {joined}/{len(copies)}")
    negs = [(c, p) for (c, k, _), p in zip(items, predicted, strict=True) if k == "negated"]
    wrong = sum(originals.get(c.removesuffix("-neg")) == p for c, p in negs)
    print(f"  negated    wrongly merged with its original: {wrong}/{len(negs)}")
    twins = [(c, p) for (c, k, _), p in zip(items, predicted, strict=True) if k == "number"]
    wrong = sum(originals.get(c.removesuffix("-num")) == p for c, p in twins)
    print(f"  number     twin wrongly merged with its original: {wrong}/{len(twins)}")
    objects = [(c, p) for (c, k, _), p in zip(items, predicted, strict=True) if k == "object"]
    wrong = sum(originals.get(c.removesuffix("-obj")) == p for c, p in objects)
    print(f"  object     twin wrongly merged with its original: {wrong}/{len(objects)}")
    print(
        f"articles: {articles} ({engine}, batch {batch}), "
        f"link: {1000 * link_seconds / articles:.2f} ms/article "
        f"({articles / link_seconds:.0f} articles/s; CPU of this process "
        f"{1000 * link_cpu / articles:.2f} ms/article), "
        f"store write: {1000 * store_seconds / articles:.2f} ms/article"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bases", type=int, default=600, help="original statements")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--batch",
        type=int,
        default=1,
        help="articles per store write (1: the linker writes per article)",
    )
    parser.add_argument("--engine", choices=("sqlite", "elastic"), default="sqlite")
    args = parser.parse_args()
    run(args.bases, args.seed, args.batch, args.engine)


if __name__ == "__main__":
    main()
