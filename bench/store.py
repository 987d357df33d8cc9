"""Store benchmark: bulk load rate and faceted full-text query latency, per engine.

    .venv/bin/python bench/store.py --n 100000 --engine both   # elastic needs ES_URL

Loads N synthetic attributions (five per article, Zipf-distributed words, speakers and
outlets, four years of dates) through ``Store.put_articles`` (validation included; the
canonical speakers and outlets are written first, as the linker does), then
times ``Store.search`` for queries of one or two words with two filters and all facets.
Targets on a 2-core machine: ES >= 5,000 attributions/s; p95 <= 50 ms (ES), 100 ms (SQLite).

``--clients 8`` then runs the common-word mix (issue #12, item 5) as the deployment serves
it: ``--workers`` processes (gunicorn.conf.py's workers by default, each with its own store
handle, one search at a time) serve ``--clients`` concurrent clients for ``--duration``
seconds, first ordinary queries alone, then queries that match most attributions (the
corpus's most frequent words, alone and with one filter, and an exclusion of a middling
word), then those two and wordless pages (the overview, a speaker's, an outlet's) at once.
It prints, per kind of query and phase, client p50/p95 (waiting for a free worker
included), server p95 (the search alone) and on SQLite the worker's CPU p95, and first on
SQLite the CPU p50/p95 one search of each kind takes alone, counted afresh (load distorts
CPU time least). Target: every kind p95 <= 100 ms under 8 clients on both engines.

``--keep NAME`` (Elasticsearch) loads into indices named ``quotetrail-bench-NAME`` and keeps
them; a later run with the same NAME and ``--n`` skips the load and measures the queries
again (1,000,000 attributions take tens of minutes to load on a shared machine). Goal at
1,000,000 (issue #12): faceted query with two filters p95 <= 100 ms.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import random
import runpy
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.base import ArticleRecord, SearchQuery, Store  # noqa: E402

PER_ARTICLE = 5
KINDS = ("direct", "indirect", "mixed")
CUES = ("said", "says", "told", "stated", "added", "warned", "claimed", "according to")
START = date(2021, 1, 1)


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))))
    return sorted(words)


def zipf_weights(n: int) -> list[float]:
    """Cumulative Zipf weights, ready for ``random.choices(cum_weights=...)``."""
    return list(itertools.accumulate(1.0 / (rank + 1) for rank in range(n)))


class Corpus:
    """Deterministic synthetic articles: the same seed gives the same data on every engine."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        self.word_weights = zipf_weights(len(self.words))
        self.speakers = [f"speaker-{i}" for i in range(600)]
        self.speaker_weights = zipf_weights(len(self.speakers))
        self.outlets = [f"outlet-{i}" for i in range(40)]
        self.outlet_weights = zipf_weights(len(self.outlets))

    def sentence(self) -> str:
        n = self.rng.randint(8, 24)
        words = self.rng.choices(self.words, cum_weights=self.word_weights, k=n)
        return " ".join(words).capitalize()

    def articles(self, n_attributions: int) -> Iterator[ArticleRecord]:
        rng = self.rng
        for number in range(-(-n_attributions // PER_ARTICLE)):
            outlet = rng.choices(self.outlets, cum_weights=self.outlet_weights)[0]
            quotes = [self.sentence() for _ in range(PER_ARTICLE)]
            body = ". ".join(quotes) + "."
            article_id = f"bench-{number}"
            article = {
                "id": article_id,
                "title": self.sentence()[:60],
                "outlet": outlet.replace("-", " ").title(),
                "outlet_id": outlet,
                "published": (START + timedelta(days=rng.randrange(4 * 365))).isoformat(),
                "body": body,
                "fingerprint": None,
            }
            attributions, offset = [], 0
            for index, content in enumerate(quotes):
                speaker = rng.choices(self.speakers, cum_weights=self.speaker_weights)[0]
                via = rng.sample(self.outlets, 1) if rng.random() < 0.1 else []
                attributions.append(
                    {
                        "id": f"{article_id}-{index}",
                        "kind": rng.choice(KINDS),
                        "content": content,
                        "content_spans": [[offset, offset + len(content)]],
                        "cue": rng.choice(CUES),
                        "speaker": speaker.replace("-", " ").title(),
                        "speaker_id": speaker,
                        "speaker_type": "person",
                        "via_outlet_ids": via,
                        "via_outlets": [v.title() for v in via],
                        "sentence_index": index,
                    }
                )
                offset += len(content) + 2
            yield ArticleRecord(article, attributions)

    def queries(self, count: int) -> list[SearchQuery]:
        """A word of middling frequency (rank 10-300), a speaker or an outlet, and a kind."""
        rng = random.Random(11)
        queries = []
        for i in range(count):
            word = self.words[rng.randint(10, 300)]
            second = (
                {"outlet": (rng.choice(self.outlets[:10]),)}
                if i % 2
                else {"speaker": (rng.choice(self.speakers[:50]),)}
            )
            filters = {"kind": (rng.choice(KINDS),), **second}
            queries.append(SearchQuery(text=word, filters=filters))
        return queries

    def wordless_queries(self, count: int) -> list[SearchQuery]:
        """Pages without words: the overview of the whole store, a speaker's or an outlet's
        quotes (the most quoted 50 and 10), and a speaker's of one kind."""
        rng = random.Random(17)
        queries = []
        for i in range(count):
            speaker = {"speaker": (rng.choice(self.speakers[:50]),)}
            filters = [
                {},
                speaker,
                {"outlet": (rng.choice(self.outlets[:10]),)},
                {**speaker, "kind": (rng.choice(KINDS),)},
            ][i % 4]
            queries.append(SearchQuery(filters=filters))
        return queries

    def common_queries(self, count: int) -> list[SearchQuery]:
        """Queries matching most attributions, as a visitor types them on the home page,
        all facets, ranked by relevance: one of the three most frequent words (each in most
        sentences) alone, the same with one filter, or a middling word left out
        (``-word``)."""
        rng = random.Random(13)
        queries = []
        for i in range(count):
            if i % 3 == 2:
                queries.append(SearchQuery(text="-" + self.words[rng.randint(10, 300)]))
                continue
            word = self.words[rng.randint(0, 2)]
            filters = {"kind": (rng.choice(KINDS),)} if i % 3 else {}
            queries.append(SearchQuery(text=word, filters=filters))
        return queries


def open_engine(name: str, workdir: str, keep: str | None = None) -> Store:
    """The store to measure: a fresh one, or with ``keep`` the Elasticsearch indices named
    ``quotetrail-bench-<keep>`` (created when missing, kept after the run)."""
    if name == "sqlite":
        from store.sqlite import SqliteStore

        return SqliteStore(os.path.join(workdir, "bench.db"))
    from store.elastic import ElasticStore

    url = os.environ.get("ES_URL")
    if not url:
        sys.exit("ES_URL is not set: start the node (tests/elasticsearch/node.sh) first")
    return ElasticStore(
        url,
        api_key=os.environ.get("ES_API_KEY"),
        ca_certs=os.environ.get("ES_CA_CERTS"),
        prefix=f"quotetrail-bench-{keep or uuid.uuid4().hex[:8]}",
    )


def engine_cpu_seconds(store: Store) -> float | None:
    """CPU time the Elasticsearch nodes have used so far (None for the embedded engine)."""
    es = getattr(store, "es", None)
    if es is None:
        return None
    nodes = es.nodes.stats(metric="process")["nodes"].values()
    return sum(node["process"]["cpu"]["total_in_millis"] for node in nodes) / 1000


def load(store: Store, n: int, batch: int) -> tuple[float, str]:
    """Attributions per second through put_articles (batches of ``batch`` articles), and
    the CPU seconds each side spent: on a shared machine the rate depends on the others."""
    corpus = Corpus()
    records = list(corpus.articles(n))  # generated up front: only the store is timed
    store.put_speakers({"id": s, "name": s.replace("-", " ").title()} for s in corpus.speakers)
    store.put_outlets({"id": o, "name": o.replace("-", " ").title()} for o in corpus.outlets)
    written = 0
    engine_before = engine_cpu_seconds(store)
    client_before = time.process_time()
    started = time.perf_counter()
    with store.bulk_load():
        for first in range(0, len(records), batch):
            outcomes = store.put_articles(records[first : first + batch])
            written += sum(o.attributions for o in outcomes if o.status != "rejected")
    elapsed = time.perf_counter() - started
    cpu = f"client CPU {time.process_time() - client_before:.1f} s"
    if engine_before is not None:
        cpu += f", Elasticsearch CPU {engine_cpu_seconds(store) - engine_before:.1f} s"
    expected = -(-n // PER_ARTICLE) * PER_ARTICLE
    if written != expected:
        raise SystemExit(f"only {written} of {expected} attributions were written")
    return written / elapsed, cpu


def settle(store: Store, limit: float = 120) -> None:
    """Wait for Elasticsearch's background merges after the load: measure steady state."""
    es = getattr(store, "es", None)
    deadline = time.monotonic() + limit
    while es is not None and time.monotonic() < deadline:
        merges = es.indices.stats(metric="merge")["_all"]["total"]["merges"]["current"]
        if not merges:
            return
        time.sleep(0.5)


def query_latencies(store: Store, count: int) -> tuple[list[float], float]:
    queries = Corpus().queries(count)
    for query in queries[:10]:  # warm caches, as a running server would be
        store.search(query)
    timings, hits = [], 0
    for query in queries:
        started = time.perf_counter()
        result = store.search(query)
        timings.append((time.perf_counter() - started) * 1000)
        hits += result.total
    return timings, hits / len(queries)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


# The deployment serves searches from gunicorn's worker processes (``gunicorn.conf.py``):
# N processes, each one request at a time, while further requests wait in the queue.
GUNICORN_WORKERS = int(runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"])
_worker_store: Store | None = None


def reopen(store: Store, counted_searches: int | None = None) -> Store:
    """Another handle on the same store, for a worker process (no connection shared);
    on SQLite ``counted_searches`` 0 counts every search afresh (none kept)."""
    if store.engine == "sqlite":
        from store.sqlite import SqliteStore

        kept = {} if counted_searches is None else {"counted_searches": counted_searches}
        return SqliteStore(store.path, **kept)  # type: ignore[attr-defined]
    from store.elastic import ElasticStore

    return ElasticStore(
        os.environ["ES_URL"],
        api_key=os.environ.get("ES_API_KEY"),
        ca_certs=os.environ.get("ES_CA_CERTS"),
        prefix=store.prefix,  # type: ignore[attr-defined]
    )


def _open_worker(store: Store) -> None:
    global _worker_store
    _worker_store = reopen(store)


def _serve(query: SearchQuery) -> tuple[float, float]:
    """One search in a worker process: the milliseconds it took there (server time) and
    the CPU milliseconds of the worker's thread (SQLite works in it; less distorted by the
    machine's load)."""
    assert _worker_store is not None
    started, cpu = time.perf_counter(), time.thread_time()
    _worker_store.search(query)
    return (time.perf_counter() - started) * 1000, (time.thread_time() - cpu) * 1000


def concurrent_latencies(
    store: Store, mix: dict[str, list[SearchQuery]], clients: int, duration: float, workers: int
) -> dict[str, tuple[list[float], list[tuple[float, float]]]]:
    """Client and server milliseconds per search by kind, as gunicorn serves them:
    ``workers`` processes (each with its own store handle, one search at a time) serve
    ``clients`` threads, each sending one search and waiting for it, for ``duration``
    seconds; client ``i`` sends the kind ``i`` modulo the number of kinds. Client time
    includes the wait for a free worker; server time is the search alone."""
    kinds = list(mix)
    timings: dict[str, tuple[list[float], list[tuple[float, float]]]] = {
        kind: ([], []) for kind in kinds
    }
    lock = threading.Lock()
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_open_worker, initargs=(store,)) as pool:
        for query in [q for queries in mix.values() for q in queries[:5]]:  # warm each worker
            pool.apply(_serve, (query,))
        stop = time.perf_counter() + duration

        def client(number: int) -> None:
            kind = kinds[number % len(kinds)]
            queries, mine, served = mix[kind], [], []
            position = number
            while time.perf_counter() < stop:
                started = time.perf_counter()
                served.append(pool.apply(_serve, (queries[position % len(queries)],)))
                mine.append((time.perf_counter() - started) * 1000)
                position += clients
            with lock:
                timings[kind][0].extend(mine)
                timings[kind][1].extend(served)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return timings


def common_word_mix(
    store: Store, engine: str, clients: int, duration: float, workers: int
) -> None:
    """Print client p50/p95, server p95 and (SQLite) server CPU p95 per kind: ordinary
    queries alone, common-word queries alone, then ordinary, common-word and wordless
    queries at once (a third of the clients each), with the machine's load average. On
    SQLite first the CPU milliseconds (p50/p95) one search of each kind takes alone,
    counted afresh (no counts kept from an earlier search): load distorts them least."""
    corpus = Corpus()
    ordinary, common = corpus.queries(200), corpus.common_queries(200)
    wordless = corpus.wordless_queries(200)
    if engine == "sqlite":
        fresh = reopen(store, counted_searches=0)
        for kind, queries in (
            ("ordinary", ordinary[:60]),
            ("matching most", common[:60]),
            ("wordless", wordless[:60]),
        ):
            fresh.search(queries[0])
            cpu = []
            for query in queries:
                started = time.thread_time()
                fresh.search(query)
                cpu.append((time.thread_time() - started) * 1000)
            print(
                f"{engine}: one client, {kind} queries ({len(cpu)}), each counted afresh:"
                f" CPU p50 {percentile(cpu, 50):.1f} ms, p95 {percentile(cpu, 95):.1f} ms"
            )
        fresh.close()
    phases = {
        "ordinary alone": {"ordinary": ordinary},
        "matching most alone": {"matching most": common},
        "mixed": {"ordinary": ordinary, "matching most": common, "wordless": wordless},
    }
    for phase, mix in phases.items():
        measured = concurrent_latencies(store, mix, clients, duration, workers)
        for kind, (timings, served) in measured.items():
            server_cpu = (
                f", server CPU p95 {percentile([c for _, c in served], 95):.1f} ms"
                if engine == "sqlite"
                else ""
            )
            print(
                f"{engine}: {clients} clients on {workers} worker processes, {phase}, {kind}"
                f" queries ({len(timings)}): client p50 {percentile(timings, 50):.1f} ms,"
                f" p95 {percentile(timings, 95):.1f} ms; server p95"
                f" {percentile([w for w, _ in served], 95):.1f} ms{server_cpu};"
                f" load average {os.getloadavg()[0]:.1f}"
            )


def loaded(store: Store, n: int) -> bool:
    """Whether ``store`` already holds the ``n`` attributions this bench loads."""
    return store.stats()["attributions"] == -(-n // PER_ARTICLE) * PER_ARTICLE


def run(
    engine: str,
    n: int,
    count: int,
    batch: int,
    clients: int,
    duration: float,
    keep: str | None = None,
    workers: int = GUNICORN_WORKERS,
) -> None:
    with tempfile.TemporaryDirectory(prefix="quotetrail-bench-") as workdir:
        store = open_engine(engine, workdir, keep)
        try:
            if keep and loaded(store, n):
                load_figure = "bulk load skipped (kept index reused)"
            else:
                rate, cpu = load(store, n, batch)
                load_figure = f"bulk load {rate:,.0f} attributions/s ({cpu})"
            settle(store)
            timings, mean_hits = query_latencies(store, count)
            if clients:
                common_word_mix(store, engine, clients, duration, workers)
        finally:
            drop = getattr(store, "drop", None)
            if drop and not keep:
                drop()
            store.close()
    print(
        f"{engine}: {n} attributions, {load_figure}; "
        f"faceted query ({count} queries, two filters, {mean_hits:.0f} hits on average): "
        f"p50 {percentile(timings, 50):.1f} ms, p95 {percentile(timings, 95):.1f} ms; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="attributions to load")
    parser.add_argument("--engine", choices=("sqlite", "elastic", "both"), default="sqlite")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--batch", type=int, default=500, help="articles per put_articles call")
    parser.add_argument(
        "--clients", type=int, default=0, help="then run the common-word mix with N clients"
    )
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per mix phase")
    parser.add_argument(
        "--workers",
        type=int,
        default=GUNICORN_WORKERS,
        help="worker processes serving the clients (default: gunicorn.conf.py's workers)",
    )
    parser.add_argument(
        "--keep",
        metavar="NAME",
        help="Elasticsearch: load into indices quotetrail-bench-NAME and keep them; a later"
        " run with the same NAME and --n reuses them instead of loading again",
    )
    args = parser.parse_args(argv)
    engines = ("sqlite", "elastic") if args.engine == "both" else (args.engine,)
    if args.keep and engines != ("elastic",):
        parser.error("--keep needs --engine elastic")
    for engine in engines:
        run(
            engine,
            args.n,
            args.queries,
            args.batch,
            args.clients,
            args.duration,
            args.keep,
            args.workers,
        )


if __name__ == "__main__":
    main()
