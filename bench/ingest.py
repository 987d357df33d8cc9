"""End-to-end indexing rate and memory: read + extract + link + write.

    .venv/bin/python bench/ingest.py                 # 5,000 articles into SQLite (and ES if ES_URL)
    .venv/bin/python bench/ingest.py --articles 8000 --engines sqlite
    .venv/bin/python bench/ingest.py --memory-mb 200 # streaming-memory check on a 200 MB folder
    ES_URL=... .venv/bin/python bench/ingest.py --articles 2000 --indexers 1,2,4

``--indexers 1,2,4`` runs, for each count N, N concurrent ``quotetrail index CORPUS --shard
K/N`` processes against the Elasticsearch node at ES_URL (each into a fresh store) and prints
the articles/s of the whole (wall clock from the first start to the last exit, linking
included) and whether the store's counts equal those of the first count's run. On one
machine the shards share its cores, so this shows the overhead of sharding and the linking
pass; the gain comes with shards on machines of their own.

The corpus is generated (deterministic, fictional): news articles with direct, indirect and
split quotes, in a mix of formats (text with headers, dateline text, JSON Lines, HTML, RSS,
gzip). The rate run prints articles/s, peak RSS of the main process and of the extraction
workers, and each stage's share of the work (read = read + clean; extract runs in the
worker processes in parallel with link and write, so the shares are of summed work time,
not of wall time).

The memory check writes a large folder (big JSON Lines files, a multi-record WARC, gzip, and
oversized single "articles" that must be rejected without being read whole) and streams it
through every reader, printing the peak RSS: it stays flat as the folder grows, which is what
lets a 1 GB folder index within the 1.5 GB budget (--memory-mb 1024 shows it; the full
pipeline adds only the extraction workers and a few in-flight batches, see the rate run).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST = [
    "Celia",
    "Daniel",
    "Grace",
    "Andrii",
    "Mara",
    "Oleg",
    "Katarina",
    "Viktor",
    "Amina",
    "Jurgen",
    "Noor",
    "Pieter",
    "Sofia",
    "Adrian",
    "Halyna",
    "Priya",
    "Erik",
    "Ruta",
]
LAST = [
    "Marchetti",
    "Okafor",
    "Vedmid",
    "Voss",
    "Brant",
    "Moll",
    "Haas",
    "Sorensen",
    "Feld",
    "Haddad",
    "Lindqvist",
    "Lindgren",
    "Kovacs",
    "Petrenko",
    "Raman",
    "Solberg",
    "Kalnina",
]
ROLES = [
    "the mayor",
    "a council member",
    "the defence minister",
    "a ministry spokesperson",
    "the company's chief executive",
    "an analyst",
    "a local resident",
    "the party leader",
]
OUTLETS = [
    "Harbor Daily",
    "Northern Courier",
    "Metro Ledger",
    "Channel 9 News",
    "The Riverside Post",
    "Continental Press Agency",
    "NewsHub Daily",
]
TOPICS = [
    "the budget",
    "the drone attack",
    "the recall",
    "the election",
    "the climate summit",
    "the ferry timetable",
    "the port levy",
    "the library hours",
    "the border talks",
]
CITIES = ["PORT ELLERY", "BRENNA", "OSTERHAL", "SUNDVIK", "SELM", "KARSK CITY"]
VERBS = ["said", "told reporters", "added", "wrote in a statement", "said on Tuesday"]


def article(rng: random.Random, i: int) -> dict:
    """One fictional article of a few paragraphs with 2-4 attributions."""
    people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)) for _ in range(3)]
    topic = rng.choice(TOPICS)
    outlet = rng.choice(OUTLETS)
    paragraphs = [
        f"{rng.choice(CITIES)} — Officials met on Monday to discuss {topic}, "
        f"the {i}th meeting of its kind this year, amid growing pressure from residents."
    ]
    for n, (name, role) in enumerate(people):
        surname = name.split()[1]
        choice = rng.randrange(4)
        if choice == 0:
            paragraphs.append(
                f"“We will not accept any delay on {topic},” {name}, {role}, "
                f"{rng.choice(VERBS)}. “People in this city deserve answers by {2024 + n}.”"
            )
        elif choice == 1:
            paragraphs.append(
                f"{name}, {role}, said that {topic} would cost {rng.randint(2, 90)} million "
                f"and that the plan had been revised {rng.randint(2, 9)} times."
            )
        elif choice == 2:
            paragraphs.append(
                f'"We will," {surname} said, "find the money for {topic}, but not by raising '
                f'fares for the {rng.randint(100, 900)} families who rely on the service."'
            )
        else:
            paragraphs.append(
                f"According to {name}, {topic} was discussed at length. The talks, "
                f"{surname} told {rng.choice(OUTLETS)}, were “frank and useful.”"
            )
        paragraphs.append(
            "The council is expected to vote next week. Several members said they were "
            f"undecided, and a public hearing on {topic} is scheduled for {rng.randint(1, 28)} "
            "June at the community centre on Harbour Street."
        )
    day = rng.randint(0, 700)
    published = time.strftime("%Y-%m-%d", time.gmtime(1704067200 + day * 86400))
    return {
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{published}/story-{i}",
        "title": f"Story {i}: officials clash over {topic}",
        "outlet": outlet,
        "published": published,
        "authors": [f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
        "body": "\n\n".join(paragraphs),
    }


def write_corpus(root: Path, count: int, seed: int = 7) -> int:
    """``count`` articles spread over text, dateline text, JSONL, HTML, RSS and gzip files."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    jsonl: list[str] = []
    items: list[str] = []
    for i in range(count):
        a = article(rng, i)
        kind = i % 10
        if kind < 4:
            (root / f"t{i:06d}.txt").write_text(
                f"Title: {a['title']}\nURL: {a['url']}\nOutlet: {a['outlet']}\n"
                f"Date: {a['published']}\nAuthor: {a['authors'][0]}\n\n{a['body']}\n"
            )
        elif kind == 4:
            when = time.strftime("%B %d, %Y", time.strptime(a["published"], "%Y-%m-%d"))
            (root / f"d{i:06d}.txt").write_text(f"{when}\n\n{a['body']}\n")
        elif kind < 7:
            jsonl.append(json.dumps(a))
        elif kind < 9:
            paras = "".join(f"<p>{p}</p>" for p in a["body"].split("\n\n"))
            (root / f"h{i:06d}.html").write_text(
                f"<html lang='en'><head><title>{a['title']}</title>"
                f"<meta property='og:site_name' content='{a['outlet']}'>"
                f"<meta property='article:published_time' content='{a['published']}'>"
                f"<link rel='canonical' href='{a['url']}'></head><body><nav>Home</nav>"
                f"<article><h1>{a['title']}</h1>{paras}</article><footer>©</footer></body></html>"
            )
        else:
            paras = "".join(f"<p>{p}</p>" for p in a["body"].split("\n\n"))
            items.append(
                f"<item><title>{a['title']}</title><link>{a['url']}</link>"
                f"<pubDate>{a['published']}</pubDate><content:encoded><![CDATA[{paras}]]>"
                "</content:encoded></item>"
            )
        if len(jsonl) >= 200 or (i == count - 1 and jsonl):
            data = ("\n".join(jsonl) + "\n").encode()
            (root / f"j{i:06d}.jsonl.gz").write_bytes(gzip.compress(data))
            jsonl = []
        if len(items) >= 50 or (i == count - 1 and items):
            (root / f"f{i:06d}.rss").write_text(
                '<?xml version="1.0"?><rss version="2.0" '
                'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
                f"<title>Feed</title>{''.join(items)}</channel></rss>"
            )
            items = []
    return count


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_rate(engine: str, corpus: Path, workdir: Path, workers: int, batch: int) -> None:
    from indexer.indexing import Indexer, IndexOptions
    from store.config import StoreConfig, open_store

    if engine == "elasticsearch":
        config = StoreConfig.from_env()
        config = StoreConfig(
            config.es_url,
            config.es_api_key,
            config.es_ca_certs,
            index_prefix=f"bench-{uuid.uuid4().hex[:8]}",
        )
    else:
        config = StoreConfig(db_path=str(workdir / "bench.db"))
    store = open_store(config)
    store.ping()
    options = IndexOptions(
        paths=[str(corpus)],
        state_dir=str(workdir),
        rejects_path=str(workdir / "rejects.jsonl"),
        batch_size=batch,
        workers=workers,
        store_location=f"bench {engine}",
    )
    try:
        summary = Indexer(store, options, err=open(os.devnull, "w")).run()  # noqa: SIM115
    finally:
        if engine == "elasticsearch":
            store.clear()
        store.close()
    total = sum(summary.stages.values()) or 1.0
    written = summary.indexed + summary.replaced + summary.unchanged
    print(
        f"[{engine}] {written} articles ({summary.rejected} rejected), "
        f"{summary.attributions} attributions in {summary.elapsed:.1f} s: "
        f"{written / summary.elapsed:.1f} articles/s (target >= 25 on 2 cores)"
    )
    print(
        f"[{engine}] peak RSS: main {peak_rss_mb(resource.RUSAGE_SELF):.0f} MB, "
        f"largest worker {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
    )
    shares = ", ".join(f"{k} {v / total:.0%} ({v:.1f} s)" for k, v in summary.stages.items())
    print(f"[{engine}] work by stage: {shares}")


def run_sharded(corpus: Path, workdir: Path, counts: list[int], workers: int, batch: int) -> None:
    """For each N of ``counts``: N concurrent ``--shard K/N`` runs into a fresh ES store."""
    import subprocess

    from store.config import StoreConfig, open_store

    first: dict[str, int] | None = None
    for count in counts:
        prefix = f"bench-{uuid.uuid4().hex[:8]}"
        env = {**os.environ, "QUOTETRAIL_INDEX_PREFIX": prefix}
        started = time.monotonic()
        shards = [
            subprocess.Popen(
                [sys.executable, "-m", "quotetrail.cli", "index", str(corpus)]
                + ["--shard", f"{k}/{count}", "--workers", str(workers)]
                + ["--batch-size", str(batch), "--state-dir", str(workdir / f"{prefix}-{k}")],
                cwd=Path(__file__).resolve().parent.parent,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for k in range(1, count + 1)
        ]
        errors = [shard.communicate()[1] for shard in shards]
        seconds = time.monotonic() - started
        failed = [e for shard, e in zip(shards, errors, strict=True) if shard.returncode != 0]
        config = StoreConfig.from_env()
        store = open_store(
            StoreConfig(config.es_url, config.es_api_key, config.es_ca_certs, index_prefix=prefix)
        )
        try:
            stats = store.stats()
        finally:
            store.drop()
            store.close()
        if failed:
            raise SystemExit(f"{count} indexers: a shard failed:\n{failed[0]}")
        first = first or stats
        articles = stats["articles"]
        print(
            f"[elasticsearch, {count} indexer{'s' if count > 1 else ''}] {articles} articles, "
            f"{stats.get('attributions', 0)} attributions in {seconds:.1f} s: "
            f"{articles / seconds:.1f} articles/s; counts "
            f"{'equal' if stats == first else 'DIFFER from'} those of {counts[0]} "
            f"indexer{'s' if counts[0] > 1 else ''} ({stats}); load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )


def write_big_folder(root: Path, megabytes: int) -> int:
    """A folder of about ``megabytes``: large JSONL files, a WARC, gzip, oversized files."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(11)
    root.mkdir(parents=True, exist_ok=True)
    target = megabytes * 1024 * 1024
    size = 0
    # oversized single "articles" (rejected without being read whole)
    big = root / "oversized-article.txt"
    with open(big, "w") as f:
        line = "An oversized article that no reader may load whole into memory. " * 16 + "\n"
        while f.tell() < min(target // 4, 300 * 1024 * 1024):
            f.write(line)
    size += big.stat().st_size
    n = 0
    while size < target:
        part = root / f"dump-{n:04d}.jsonl"
        with open(part, "w") as f:
            while f.tell() < 20 * 1024 * 1024:
                f.write(json.dumps(article(rng, n)) + "\n")
                n += 1
        size += part.stat().st_size
        if size < target and n % 3 == 0:
            warc_path = root / f"crawl-{n:06d}.warc.gz"
            with open(warc_path, "wb") as f:
                writer = WARCWriter(f, gzip=True)
                for _ in range(2000):
                    a = article(rng, n)
                    n += 1
                    html = f"<html><body><article><p>{a['body']}</p></article></body></html>"
                    headers = StatusAndHeaders(
                        "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                    )
                    writer.write_record(
                        writer.create_warc_record(
                            a["url"],
                            "response",
                            payload=__import__("io").BytesIO(html.encode()),
                            http_headers=headers,
                        )
                    )
            size += warc_path.stat().st_size
    return size


def run_memory(workdir: Path, megabytes: int) -> None:
    from indexer.read import ReadOptions, Reject, Source, expand, read_source
    from indexer.read.boilerplate import clean_body

    folder = workdir / "big"
    started = time.monotonic()
    size = write_big_folder(folder, megabytes)
    print(f"[memory] wrote {size / 1024 / 1024:.0f} MB in {time.monotonic() - started:.0f} s")
    before = peak_rss_mb(resource.RUSAGE_SELF)
    started = time.monotonic()
    articles = rejects = 0
    for source in expand([str(folder)]):
        assert isinstance(source, Source)
        for item in read_source(source, ReadOptions()):
            if isinstance(item, Reject):
                rejects += 1
            else:
                clean_body(item["body"])
                articles += 1
    seconds = time.monotonic() - started
    print(
        f"[memory] streamed {articles} articles, {rejects} rejects "
        f"({size / 1024 / 1024 / seconds:.1f} MB/s); peak RSS {before:.0f} MB before, "
        f"{peak_rss_mb(resource.RUSAGE_SELF):.0f} MB after reading "
        f"{size / 1024 / 1024:.0f} MB (budget 1,536 MB for 1 GB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument(
        "--engines",
        default=None,
        help="sqlite,elasticsearch (default: sqlite, plus elasticsearch when ES_URL is set)",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--memory-mb",
        type=int,
        default=0,
        help="run the streaming-memory check on a folder of this size instead",
    )
    parser.add_argument(
        "--indexers",
        default=None,
        metavar="N,N",
        help="concurrent sharded indexers on Elasticsearch (ES_URL), e.g. 1,2,4",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="quotetrail-bench-"))
    try:
        if args.memory_mb:
            run_memory(workdir, args.memory_mb)
            return
        engines = (
            args.engines or ("sqlite,elasticsearch" if os.environ.get("ES_URL") else "sqlite")
        ).split(",")
        corpus = workdir / "corpus"
        started = time.monotonic()
        write_corpus(corpus, args.articles)
        print(
            f"corpus: {args.articles} articles in {len(os.listdir(corpus))} files "
            f"({time.monotonic() - started:.0f} s to write)"
        )
        if args.indexers:
            if not os.environ.get("ES_URL"):
                raise SystemExit("--indexers needs ES_URL: start tests/elasticsearch/node.sh")
            counts = [int(n) for n in args.indexers.split(",")]
            run_sharded(corpus, workdir, counts, args.workers, args.batch_size)
            return
        for engine in engines:
            run_rate(engine, corpus, workdir, args.workers, args.batch_size)
    finally:
        if args.keep:
            print(f"files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
