"""Fetching's cost: the same pages indexed from files, then from feeds on a local server.

    .venv/bin/python bench/watch.py                     # 20 feeds x 50 items
    .venv/bin/python bench/watch.py --feeds 5 --items 20

Generated articles (bench/ingest.py's generator) are written as HTML pages; a local HTTP
server on 127.0.0.1 (a separate process, so it does not share the indexer's interpreter)
serves them with ``--feeds`` RSS feeds of ``--items`` items that carry only summaries, so
every page is fetched. Each run is its own process (peak RSS is per process) and indexes
into a fresh SQLite store: ``files`` indexes the folder of pages, ``web`` is one poll of
``quotetrail watch`` over the feeds (robots.txt asked, no per-host delay). It prints
articles/s end to end, peak RSS of the main process and of the extraction workers, and how
much time fetching adds (goal: at most 20%).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import article  # noqa: E402


def write_site(root: Path, feeds: int, items: int) -> int:
    """Pages under root/pages, feeds under root/feeds (their links relative to the site)."""
    rng = random.Random(11)
    (root / "pages").mkdir(parents=True)
    (root / "feeds").mkdir()
    n = 0
    for f in range(feeds):
        entries = []
        for _ in range(items):
            a = article(rng, n)
            paras = "".join(f"<p>{p}</p>" for p in a["body"].split("\n\n"))
            (root / "pages" / f"p{n:06d}.html").write_text(
                f"<html lang='en'><head><title>{a['title']}</title>"
                f"<meta property='og:site_name' content='{a['outlet']}'>"
                f"<meta property='article:published_time' content='{a['published']}'>"
                "</head><body><nav>Home</nav>"
                f"<article><h1>{a['title']}</h1>{paras}</article><footer>©</footer></body></html>"
            )
            summary = a["body"].split("\n\n")[0][:200]
            entries.append(
                f"<item><title>{a['title']}</title><link>/pages/p{n:06d}.html</link>"
                f"<description>{summary}</description></item>"
            )
            n += 1
        (root / "feeds" / f"f{f:02d}.xml").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>'
            f"{''.join(entries)}</channel></rss>"
        )
    return n


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(root: str, port_file: str) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=root))
    Path(port_file).write_text(str(server.server_address[1]))
    server.serve_forever()


def run(mode: str, target: str, workdir: Path, workers: int) -> None:
    """One indexing run in this process; prints a JSON line of figures."""
    from indexer.fetch.client import Fetcher, FetchOptions
    from indexer.fetch.state import WatchState
    from indexer.fetch.watch import WatchRun
    from indexer.indexing import Indexer, IndexOptions
    from store.config import StoreConfig, open_store

    store = open_store(StoreConfig(db_path=str(workdir / f"{mode}.db")))
    state_dir = workdir / f"state-{mode}"
    quiet = open(os.devnull, "w")  # noqa: SIM115
    if mode == "files":
        options = IndexOptions(paths=[target], state_dir=str(state_dir), workers=workers)
        summary = Indexer(store, options, err=quiet).run()
    else:
        feeds = json.loads(target)
        options = IndexOptions(paths=feeds, state_dir=str(state_dir), workers=workers)
        fetcher = Fetcher(FetchOptions(host_delay=0.0))
        state = WatchState(str(state_dir))
        summary = WatchRun(store, options, fetcher, state, feeds, err=quiet).run()
    store.close()
    written = summary.indexed + summary.replaced + summary.unchanged
    print(
        json.dumps(
            {
                "articles": written,
                "rejected": summary.rejected,
                "seconds": summary.elapsed,
                "read_seconds": summary.stages["read"],
                "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def measure(mode: str, target: str, workdir: Path, workers: int) -> dict:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--run",
            mode,
            "--target",
            target,
            "--workdir",
            str(workdir),
            "--workers",
            str(workers),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--run", choices=("files", "web"), help=argparse.SUPPRESS)
    parser.add_argument("--target", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--port-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port_file)
        return
    if args.run:
        run(args.run, args.target, Path(args.workdir), args.workers)
        return
    workdir = Path(tempfile.mkdtemp(prefix="quotetrail-bench-watch-"))
    server = None
    try:
        site = workdir / "site"
        count = write_site(site, args.feeds, args.items)
        port_file = workdir / "port"
        server = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(site), "--port-file", str(port_file)]
        )
        while not port_file.exists() or not port_file.read_text():
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port_file.read_text()}"
        feeds = [f"{base}/feeds/f{f:02d}.xml" for f in range(args.feeds)]
        print(f"{count} articles: {args.feeds} feeds x {args.items} items (summaries only)")
        results = {}
        for mode, target in (("files", str(site / "pages")), ("web", json.dumps(feeds))):
            r = results[mode] = measure(mode, target, workdir, args.workers)
            print(
                f"[{mode:>5}] {r['articles']} articles ({r['rejected']} rejected) in "
                f"{r['seconds']:.1f} s: {r['articles'] / r['seconds']:.1f} articles/s; "
                f"read{' + fetch' if mode == 'web' else ''} stage {r['read_seconds']:.1f} s; "
                f"peak RSS main {r['main_mb']:.0f} MB, largest worker {r['worker_mb']:.0f} MB"
            )
        added = results["web"]["seconds"] / results["files"]["seconds"] - 1
        print(
            f"fetching adds {added:+.0%} to the time of indexing the same pages from files "
            "(goal: at most +20%)"
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
