"""Local HTTP servers for the fetching stories: routes of canned answers on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    """What a route sends: status, headers, body (or a generator of chunks, sent slowly)."""

    body: bytes | Callable[[], Iterator[bytes]] = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    etag: str | None = None
    delay: float = 0.0  # seconds before answering


class Site:
    """Routes by path; every request counted (path -> hits) with its headers kept."""

    def __init__(self) -> None:
        self.routes: dict[str, Answer | Callable[[BaseHTTPRequestHandler], Answer]] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.sent: Counter[str] = Counter()  # body bytes written per path
        self.url = ""

    def __call__(self, path: str) -> str:
        return self.url + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site.hits[self.path] += 1
            site.requests.append((self.path, dict(self.headers)))
            route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
            if route is None:
                answer = Answer(b"not here", 404, {"Content-Type": "text/plain"})
            else:
                answer = route(self) if callable(route) else route
            if answer.delay:
                time.sleep(answer.delay)
            if answer.etag and self.headers.get("If-None-Match") == answer.etag:
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if answer.etag:
                self.send_header("ETag", answer.etag)
            try:
                if callable(answer.body):
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for chunk in answer.body():
                        self.wfile.write(chunk)
                        self.wfile.flush()
                        site.sent[self.path] += len(chunk)
                    self.close_connection = True
                else:
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                    site.sent[self.path] += len(answer.body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    return Handler


@contextmanager
def serving(site: Site) -> Iterator[Site]:
    """The site served on a free port of 127.0.0.1 until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def page(
    title: str,
    body: str,
    *,
    outlet: str | None = None,
    date: str | None = None,
    canonical: str | None = None,
) -> bytes:
    """An article page with the metadata a news site puts in its head."""
    head = f"<title>{title}</title>"
    if outlet:
        head += f"<meta property='og:site_name' content='{outlet}'>"
    if date:
        head += f"<meta property='article:published_time' content='{date}'>"
    if canonical:
        head += f"<link rel='canonical' href='{canonical}'>"
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<html lang='en'><head>{head}</head><body><nav>Home | World</nav>"
        f"<article><h1>{title}</h1>{paras}</article><footer>(c)</footer></body></html>"
    ).encode()


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS feed of (title, link, summary) items: summaries only, no full text."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{s}</description>"
        "<pubDate>Tue, 21 May 2024 10:00:00 GMT</pubDate></item>"
        for t, link, s in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"{entries}</channel></rss>"
    ).encode()
