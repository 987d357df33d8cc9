"""Webapp benchmark: search page, JSON search, speakers directory and check-a-claim latency
at 100,000 attributions, per engine.

    .venv/bin/python bench/webapp.py --engine sqlite            # or elastic (needs ES_URL)
    .venv/bin/python bench/webapp.py --engine both --duration 30

1. Loads N synthetic attributions (``bench/store.py``'s corpus) through the store, of
   which ``--statements`` statements are each carried by one to five articles (journeys).
2. Server time, in process: renders the search page with a query and two facets applied,
   the JSON search, the speakers directory (a name prefix or a page sorted by name) and
   the check-a-claim page (a stored statement with two typos), through the Flask test
   client (no network, no client cost). Targets: page p95 <= 150 ms, JSON p95 <= 80 ms,
   directory and check p95 <= 150 ms.
3. Load: gunicorn with 2 workers on loopback, 8 concurrent clients for ``--duration``
   seconds over all those URLs. Prints throughput, client-side p50/p95/p99, the server
   time p95 per kind of page read from gunicorn's access log (%(D)s) and the error count
   (must be 0).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.base import Store  # noqa: E402

PAGE_P95_MS = 150.0
JSON_P95_MS = 80.0
DIRECTORY_P95_MS = 150.0
CHECK_P95_MS = 150.0
MAX_CARRIERS = 5  # articles carrying one bench statement


def _bench_store_module() -> Any:
    """bench/store.py (corpus generator, loader), imported by path: the package ``store``
    shadows its module name."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH_STORE = _bench_store_module()


def open_engine(engine: str, workdir: str) -> tuple[Store, dict[str, str]]:
    """The store, and the environment that makes ``open_store()`` open the same one."""
    if engine == "sqlite":
        from store.sqlite import SqliteStore

        path = os.path.join(workdir, "bench.db")
        return SqliteStore(path), {"QUOTETRAIL_DB": path, "ES_URL": ""}
    from store.elastic import ElasticStore

    url = os.environ.get("ES_URL")
    if not url:
        sys.exit("ES_URL is not set: start the node (tests/elasticsearch/node.sh) first")
    prefix = f"quotetrail-webbench-{uuid.uuid4().hex[:8]}"
    store = ElasticStore(
        url,
        api_key=os.environ.get("ES_API_KEY"),
        ca_certs=os.environ.get("ES_CA_CERTS"),
        prefix=prefix,
    )
    return store, {"ES_URL": url, "QUOTETRAIL_INDEX_PREFIX": prefix}


def urls(count: int) -> tuple[list[str], list[str]]:
    """Search-page and JSON URLs: a word, a kind, and a speaker or an outlet (two facets)."""
    pages, apis = [], []
    for query in BENCH_STORE.Corpus().queries(count):
        pairs = [("q", query.text)]
        for name, values in query.filters.items():
            pairs += [(name, v) for v in values]
        pages.append("/?" + urlencode(pairs))
        apis.append("/api/v1/search?" + urlencode(pairs))
    return pages, apis


def journeys(count: int, seed: int = 5) -> tuple[list[Any], list[dict[str, Any]]]:
    """``count`` statements, each quoted by one to :data:`MAX_CARRIERS` single-quote
    articles of different outlets and dates: (article records, statement records)."""
    from datetime import date, timedelta

    from store.base import ArticleRecord
    from store.near_duplicates import keys_for, statement_id

    corpus = BENCH_STORE.Corpus(seed=seed)
    rng = random.Random(seed)
    records, statements = [], []
    for number in range(count):
        text = corpus.sentence()
        sid = statement_id(text)
        statements.append({"id": sid, "text": text, "keys": keys_for(text)})
        for copy in range(rng.randint(1, MAX_CARRIERS)):
            outlet = rng.choice(corpus.outlets)
            body = f'"{text}," {corpus.speakers[number % 50].replace("-", " ").title()} said.'
            aid = f"journey-{number}-{copy}"
            records.append(
                ArticleRecord(
                    {
                        "id": aid,
                        "title": text[:60],
                        "outlet": outlet.replace("-", " ").title(),
                        "outlet_id": outlet,
                        "published": (date(2022, 1, 1) + timedelta(rng.randrange(900))).isoformat(),
                        "body": body,
                    },
                    [
                        {
                            "id": f"{aid}-0",
                            "kind": "direct",
                            "content": text,
                            "content_spans": [[1, 1 + len(text)]],
                            "cue": "said",
                            "speaker": corpus.speakers[number % 50].replace("-", " ").title(),
                            "speaker_id": corpus.speakers[number % 50],
                            "speaker_type": "person",
                            "statement_id": sid,
                        }
                    ],
                )
            )
    return records, statements


def with_typos(text: str, rng: random.Random, typos: int = 2) -> str:
    """``text`` with ``typos`` neighbouring letters swapped in its longer words."""
    words = text.split()
    long_ones = [i for i, w in enumerate(words) if len(w) >= 5]
    for i in rng.sample(long_ones, min(typos, len(long_ones))):
        w = words[i]
        j = rng.randrange(1, len(w) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def directory_urls(count: int) -> list[str]:
    """The speakers directory as people use it: a name prefix, or a page sorted by name."""
    rng = random.Random(13)
    out = []
    for i in range(count):
        if i % 3 == 0:
            out.append(f"/speakers?sort=name&page={rng.randint(1, 12)}")
        elif i % 3 == 1:
            out.append("/speakers?" + urlencode({"q": f"speaker {rng.randint(1, 599)}"}))
        else:
            out.append("/?" + urlencode({"q": f"Speaker {rng.randint(1, 599)}"}))  # offers
    return out


def check_urls(texts: list[str], count: int) -> list[str]:
    rng = random.Random(17)
    return [
        "/check?" + urlencode({"text": with_typos(rng.choice(texts), rng)}) for _ in range(count)
    ]


def kind_of(url: str) -> str:
    """Which page a URL (or an access-log request line) is: the rows of the report."""
    path = url.split("?", 1)[0].split()[-1] if " " in url else url.split("?", 1)[0]
    if path.startswith("/api/v1/search"):
        return "JSON search"
    if path.startswith("/check"):
        return "check a claim"
    if path.startswith("/speakers") or ("q=Speaker" in url and path == "/"):
        return "speakers directory"
    return "search page"


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def in_process(store: Store, targets: list[str], warmup: list[str]) -> list[float]:
    """Server time of each URL in milliseconds: the WSGI app alone, no sockets.

    ``warmup`` URLs (other words and filters than the timed ones) run first, as a server
    that has been up for a while would have run: a freshly bulk-loaded engine is still
    merging and has cold caches."""
    from webapp import create_app

    client = create_app(store).test_client()
    for url in warmup:
        client.get(url)
    timings = []
    for url in targets:
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    return timings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_gunicorn(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--access-logfile",
        str(log),
        "--access-logformat",
        '%(s)s %(D)s "%(r)s"',
        "--log-level",
        "warning",
        "webapp.wsgi:app",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/v1/search?per_page=1")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("gunicorn did not come up within 60 s")


def load(port: int, targets: list[str], duration: float, clients: int) -> dict[str, object]:
    """``clients`` threads, each one request at a time, for ``duration`` seconds."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.perf_counter() + duration

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        mine, bad = [], []
        while time.perf_counter() < stop:
            url = rng.choice(targets)
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", url)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status != 200:
                    bad.append(f"{response.status} {url}")
            except OSError as error:
                bad.append(f"{error} {url}")
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    return {
        "requests": len(latencies),
        "elapsed": elapsed,
        "latencies": latencies,
        "errors": errors,
    }


def server_times(log: Path) -> list[float]:
    """Milliseconds per request from gunicorn's access log (%(D)s is microseconds)."""
    out = []
    for line in log.read_text().splitlines():
        parts = line.split(" ", 2)
        if len(parts) >= 2 and parts[1].isdigit():
            out.append(int(parts[1]) / 1000)
    return out


def run(engine: str, n: int, count: int, duration: float, clients: int, n_statements: int) -> bool:
    with tempfile.TemporaryDirectory(prefix="quotetrail-webbench-") as workdir:
        store, env = open_engine(engine, workdir)
        ok = True
        try:
            carried, statements = journeys(n_statements)
            loaded = BENCH_STORE.load(store, n - len(carried), 500)  # rate, or (rate, CPU)
            rate = loaded[0] if isinstance(loaded, tuple) else loaded
            store.put_statements(statements)
            with store.bulk_load():
                for first in range(0, len(carried), 500):
                    store.put_articles(carried[first : first + 500])
            print(
                f"{engine}: loaded {n - len(carried):,} attributions ({rate:,.0f}/s) and "
                f"{len(statements):,} statements carried by {len(carried):,} more"
            )
            all_pages, all_apis = urls(2 * count)
            pages, apis = all_pages[:count], all_apis[:count]
            warm = [
                u for pair in zip(all_pages[count:], all_apis[count:], strict=True) for u in pair
            ]
            texts = [st["text"] for st in statements]
            directory, checks = directory_urls(count), check_urls(texts, count // 2)
            timed = {
                "search page": (in_process(store, pages, warm), PAGE_P95_MS),
                "JSON search": (in_process(store, apis, []), JSON_P95_MS),
                "speakers directory": (
                    in_process(store, directory, directory_urls(20)),
                    DIRECTORY_P95_MS,
                ),
                "check a claim": (in_process(store, checks, check_urls(texts, 10)), CHECK_P95_MS),
            }
            for what, (ms, target) in timed.items():
                print(
                    f"{engine}: server time, {what}: p50 {percentile(ms, 50):.1f} ms, "
                    f"p95 {percentile(ms, 95):.1f} ms (target <= {target:.0f})"
                )
            ok = all(percentile(ms, 95) <= target for ms, target in timed.values())

            port = free_port()
            log = Path(workdir) / "access.log"
            server = start_gunicorn(env, port, log)
            try:
                log.write_text("")  # only the load run is counted
                result = load(port, pages + apis + directory + checks, duration, clients)
            finally:
                server.terminate()
                server.wait(30)
            lat: list[float] = result["latencies"]  # type: ignore[assignment]
            errors: list[str] = result["errors"]  # type: ignore[assignment]
            served = server_times(log)
            print(
                f"{engine}: gunicorn 2 workers, {clients} clients, "
                f"{result['elapsed']:.0f} s: {result['requests']:,} requests, "
                f"{result['requests'] / result['elapsed']:.1f} req/s; client latency "  # type: ignore[operator]
                f"p50 {percentile(lat, 50):.1f} ms, p95 {percentile(lat, 95):.1f} ms, "
                f"p99 {percentile(lat, 99):.1f} ms; server time p95 "
                f"{percentile(served, 95) if len(served) > 1 else float('nan'):.1f} ms; "
                f"errors {len(errors)}"
            )
            by_kind: dict[str, list[float]] = {}
            for line in log.read_text().splitlines():
                parts = line.split(" ", 2)
                if len(parts) == 3 and parts[1].isdigit():
                    by_kind.setdefault(kind_of(parts[2].strip('"')), []).append(
                        int(parts[1]) / 1000
                    )
            for what, ms in sorted(by_kind.items()):
                if len(ms) > 1:
                    print(
                        f"{engine}: under load, server time p95 {what}: "
                        f"{percentile(ms, 95):.1f} ms ({len(ms):,} requests)"
                    )
            for line in errors[:5]:
                print(f"  error: {line}")
            one, five, _ = os.getloadavg()
            print(
                f"{engine}: machine load average {one:.1f} (1 min), {five:.1f} (5 min) "
                f"on {os.cpu_count()} cores: latencies above include waiting for a core"
            )
            ok = ok and not errors
        finally:
            drop = getattr(store, "drop", None)
            if drop:
                drop()
            store.close()
    return ok


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("sqlite", "elastic", "both"), default="sqlite")
    parser.add_argument("--n", type=int, default=100_000, help="attributions to load")
    parser.add_argument("--queries", type=int, default=200, help="distinct URLs per kind")
    parser.add_argument("--duration", type=float, default=30.0, help="load run, seconds")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--statements", type=int, default=2000, help="statements with journeys, inside --n"
    )
    args = parser.parse_args(argv)
    engines = ("sqlite", "elastic") if args.engine == "both" else (args.engine,)
    results = [
        run(e, args.n, args.queries, args.duration, args.clients, args.statements) for e in engines
    ]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
