"""Webapp benchmark: search page and JSON search latency at 100,000 attributions, per engine.

    .venv/bin/python bench/webapp.py --engine sqlite            # or elastic (needs ES_URL)
    .venv/bin/python bench/webapp.py --engine both --duration 30

1. Loads N synthetic attributions (``bench/store.py``'s corpus) through the store.
2. Server time, in process: renders the search page with a query and two facets applied,
   and the JSON search, through the Flask test client (no network, no client cost).
   Targets: page p95 <= 150 ms, JSON p95 <= 80 ms.
3. Load: gunicorn with 2 workers on loopback, 8 concurrent clients for ``--duration``
   seconds over the same URLs. Prints throughput, client-side p50/p95/p99, the server
   time p95 read from gunicorn's access log (%(D)s) and the error count (must be 0).
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


def run(engine: str, n: int, count: int, duration: float, clients: int) -> bool:
    with tempfile.TemporaryDirectory(prefix="quotetrail-webbench-") as workdir:
        store, env = open_engine(engine, workdir)
        ok = True
        try:
            loaded = BENCH_STORE.load(store, n, 500)  # rate, or (rate, CPU note)
            rate = loaded[0] if isinstance(loaded, tuple) else loaded
            print(f"{engine}: loaded {n:,} attributions ({rate:,.0f}/s)")
            all_pages, all_apis = urls(2 * count)
            pages, apis = all_pages[:count], all_apis[:count]
            warm = [
                u for pair in zip(all_pages[count:], all_apis[count:], strict=True) for u in pair
            ]
            page_ms = in_process(store, pages, warm)
            json_ms = in_process(store, apis, [])
            page_p95, json_p95 = percentile(page_ms, 95), percentile(json_ms, 95)
            print(
                f"{engine}: server time, search page with a query and two facets: "
                f"p50 {percentile(page_ms, 50):.1f} ms, p95 {page_p95:.1f} ms "
                f"(target <= {PAGE_P95_MS:.0f})"
            )
            print(
                f"{engine}: server time, JSON search: p50 {percentile(json_ms, 50):.1f} ms, "
                f"p95 {json_p95:.1f} ms (target <= {JSON_P95_MS:.0f})"
            )
            ok = page_p95 <= PAGE_P95_MS and json_p95 <= JSON_P95_MS

            port = free_port()
            log = Path(workdir) / "access.log"
            server = start_gunicorn(env, port, log)
            try:
                log.write_text("")  # only the load run is counted
                result = load(port, pages + apis, duration, clients)
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
    args = parser.parse_args(argv)
    engines = ("sqlite", "elastic") if args.engine == "both" else (args.engine,)
    results = [run(e, args.n, args.queries, args.duration, args.clients) for e in engines]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
