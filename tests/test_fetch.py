"""A crawler that is polite and cannot be held: fetching pages and feeds from local servers."""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from web_servers import Answer, Site, _handler, serving

from indexer.fetch.client import Fetcher, FetchError, FetchOptions
from schemas.links import article_url, is_web_url


def fast(**overrides: object) -> Fetcher:
    """A fetcher without the politeness pauses, so the stories run quickly, allowed to
    fetch the local test servers on 127.0.0.1."""
    settings: dict = {
        "host_delay": 0.0,
        "backoff": 0.01,
        "total_seconds": 5.0,
        "read_timeout": 2.0,
        "private_addresses": True,
    }
    return Fetcher(FetchOptions(**{**settings, **overrides}))


def test_the_server_sees_who_is_asking_and_can_answer_not_modified() -> None:
    site = Site()
    site.routes["/feed.xml"] = Answer(b"<rss/>", etag='"v1"')
    with serving(site):
        fetcher = fast()
        first = fetcher.fetch(site("/feed.xml"))
        again = fetcher.fetch(site("/feed.xml"), etag=first.etag)
    assert first.status == 200 and first.data == b"<rss/>" and first.etag == '"v1"'
    assert again.not_modified and again.data == b""
    headers = site.requests[-1][1]
    assert "quotetrail" in headers["User-Agent"]
    assert headers["If-None-Match"] == '"v1"'


def test_redirects_are_followed_within_a_limit_and_loops_are_reported() -> None:
    site = Site()
    site.routes["/old"] = Answer(b"", 301, {"Location": "/new"})
    site.routes["/new"] = Answer(b"<p>moved here</p>")
    site.routes["/loop-a"] = Answer(b"", 302, {"Location": "/loop-b"})
    site.routes["/loop-b"] = Answer(b"", 302, {"Location": "/loop-a"})
    with serving(site):
        fetcher = fast()
        moved = fetcher.fetch(site("/old"))
        with pytest.raises(FetchError) as loop:
            fetcher.fetch(site("/loop-a"))
    assert moved.data == b"<p>moved here</p>" and moved.final_url.endswith("/new")
    assert "redirect" in loop.value.reason and not loop.value.transient
    assert site.hits["/loop-a"] + site.hits["/loop-b"] <= 7


def test_gone_pages_are_final_and_server_errors_are_retried_then_transient() -> None:
    site = Site()
    site.routes["/gone"] = Answer(b"gone", 410)
    site.routes["/down"] = Answer(b"oops", 503)
    with serving(site):
        fetcher = fast(retries=2)
        with pytest.raises(FetchError) as gone:
            fetcher.fetch(site("/gone"))
        with pytest.raises(FetchError) as down:
            fetcher.fetch(site("/down"))
        with pytest.raises(FetchError) as missing:
            fetcher.fetch(site("/nothing"))
    assert gone.value.reason.startswith("HTTP 410") and not gone.value.transient
    assert missing.value.reason.startswith("HTTP 404")
    assert down.value.reason.startswith("HTTP 503") and down.value.transient
    assert site.hits["/gone"] == 1 and site.hits["/down"] == 3


def test_a_huge_response_is_refused_and_never_read_past_the_limit() -> None:
    def endless() -> object:
        for _ in range(2000):  # 2000 x 64 KB = 125 MB if nobody stopped reading
            yield b"x" * 65536

    site = Site()
    site.routes["/declared"] = Answer(b"y" * 2_000_000)
    site.routes["/stream"] = Answer(endless, headers={"Content-Type": "text/html"})
    with serving(site):
        fetcher = fast(max_bytes=1_000_000)
        with pytest.raises(FetchError) as declared:
            fetcher.fetch(site("/declared"))
        with pytest.raises(FetchError) as streamed:
            fetcher.fetch(site("/stream"))
        time.sleep(0.2)
    assert "limit" in declared.value.reason and "limit" in streamed.value.reason
    assert site.sent["/stream"] < 20_000_000


def test_a_slow_drip_server_is_cut_off_by_the_time_budget() -> None:
    def drip() -> object:
        for _ in range(100):
            time.sleep(0.1)
            yield b"<p>a</p>"

    site = Site()
    site.routes["/drip"] = Answer(drip)
    with serving(site):
        started = time.monotonic()
        with pytest.raises(FetchError) as slow:
            fast(total_seconds=1.0).fetch(site("/drip"))
    assert "too slow" in slow.value.reason and slow.value.transient
    assert time.monotonic() - started < 4


def test_an_unreachable_host_is_a_transient_error_naming_it() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(FetchError) as error:
        fast(retries=1).fetch(f"http://127.0.0.1:{port}/story")
    assert "cannot connect" in error.value.reason and error.value.transient
    assert error.value.url == f"http://127.0.0.1:{port}/story"


def test_robots_txt_is_honoured_and_a_crawl_delay_spaces_requests() -> None:
    site = Site()
    site.routes["/robots.txt"] = Answer(
        b"User-agent: quotetrail\nDisallow: /private/\nCrawl-delay: 1\n",
        headers={"Content-Type": "text/plain"},
    )
    site.routes["/public"] = Answer(b"ok")
    site.routes["/private/x"] = Answer(b"secret")
    with serving(site):
        fetcher = fast()
        started = time.monotonic()
        fetcher.fetch(site("/public"))
        fetcher.fetch(site("/public"))
        spaced = time.monotonic() - started
        with pytest.raises(FetchError) as private:
            fetcher.fetch(site("/private/x"))
    assert "robots.txt" in private.value.reason
    assert site.hits["/private/x"] == 0 and site.hits["/robots.txt"] == 1
    assert spaced >= 0.9  # the second page waits the 1 s Crawl-delay


def test_an_invalid_certificate_is_refused(tmp_path: Path) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    site = Site()
    site.routes["/story"] = Answer(b"<p>hi</p>")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(FetchError) as error:
            fast(robots=False).fetch(f"https://127.0.0.1:{server.server_address[1]}/story")
    finally:
        server.shutdown()
        server.server_close()
    assert "certificate" in error.value.reason and not error.value.transient


def test_tracking_amp_and_mobile_variants_are_one_article() -> None:
    one = article_url("https://news.example/2024/05/levy?id=7")
    for variant in (
        "https://news.example/2024/05/levy?utm_source=rss&id=7&fbclid=abc",
        "https://m.news.example/2024/05/levy?id=7",
        "https://amp.news.example/2024/05/levy?id=7#top",
        "https://news.example/2024/05/levy/amp/?id=7",
        "HTTPS://NEWS.example:443/2024/05/levy?id=7&outputType=amp",
    ):
        assert article_url(variant) == one, variant
    assert article_url("https://news.example/2024/05/other?id=7") != one
    assert is_web_url("https://news.example/a") and not is_web_url("fixtures/news.html")
