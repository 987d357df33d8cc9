"""Polite, bounded HTTP GETs: one response's bytes, or a :class:`FetchError` saying why not.

urllib3 does the HTTP work (connection pools, redirects, retries with exponential back-off
on connection faults and on 429/5xx answers, certificate checks against the system's CA
store); this module adds what a crawler owes the sites it reads and itself:

* a User-Agent naming quotetrail, and robots.txt honoured (``urllib.robotparser``; a
  robots.txt answering 4xx allows everything, 5xx forbids everything for now, as RFC 9309
  section 2.3.1 says; its Crawl-delay raises the per-host delay, up to 30 s);
* a delay between two requests to the same host;
* conditional requests (``If-None-Match`` / ``If-Modified-Since`` from an earlier answer's
  ETag / Last-Modified) answered by 304 without a body;
* a size limit: a larger Content-Length is refused unread, a body without one is read up to
  the limit and dropped there;
* time-outs per socket operation and a total time budget per response, so a server
  dripping one byte at a time cannot hold the run;
* public addresses only (``indexer/fetch/addresses.py``): every connection, redirect hops
  included, resolves its host, refuses loopback/private/link-local/reserved addresses
  unless ``FetchOptions.private_addresses`` allows them, and connects to the address judged.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    HTTPError,
    LocationValueError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    ResponseError,
    SSLError,
)
from urllib3.util import Retry, Timeout

from indexer.fetch.addresses import PrivateAddress, public_addresses
from indexer.read.model import DEFAULT_MAX_ARTICLE_BYTES, human_size

try:
    _VERSION = metadata.version("quotetrail")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    _VERSION = "0"
USER_AGENT = f"quotetrail/{_VERSION} (news quote attribution indexer; honours robots.txt)"
ROBOTS_AGENT = "quotetrail"  # the token robots.txt groups are matched against
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_CRAWL_DELAY = 30.0
ROBOTS_MAX_BYTES = 512 * 1024
CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that gave no usable answer. ``transient``: worth trying again later (the host
    was down, timed out or answered 5xx); otherwise the answer was final (404, too large,
    a bad certificate, a redirect loop, robots.txt said no)."""

    def __init__(self, url: str, reason: str, *, transient: bool = False) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True)
class FetchOptions:
    """Limits and manners. Seconds for times, bytes for sizes."""

    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_seconds: float = 60.0  # budget for one response, body included
    host_delay: float = 1.0
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 0.5  # urllib3: sleeps backoff * 2**(n-1) before the n-th retry
    user_agent: str = USER_AGENT
    robots: bool = True
    ca_certs: str | None = None  # a CA bundle instead of the system's (private CAs)
    private_addresses: bool = False  # fetch loopback/private/reserved hosts too


@dataclass(frozen=True)
class Fetched:
    """One answer: ``status`` 200-299 with ``data``, or 304 (``not_modified``) without."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    data: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """GETs with the manners and limits of :class:`FetchOptions`; safe to share by threads."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options = options or FetchOptions()
        retry = Retry(
            total=None,
            connect=options.retries,
            read=options.retries,
            status=options.retries,
            other=0,  # certificate and protocol faults do not get better by asking again
            redirect=options.max_redirects,
            backoff_factor=options.backoff,
            backoff_max=10.0,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            respect_retry_after_header=False,  # a Retry-After of hours would stall the run
            raise_on_status=False,
            raise_on_redirect=True,
        )
        self.pool = urllib3.PoolManager(
            num_pools=32,
            retries=retry,
            timeout=Timeout(connect=options.connect_timeout, read=options.read_timeout),
            headers={"User-Agent": options.user_agent, "Accept-Encoding": "gzip, deflate"},
            ca_certs=options.ca_certs,
        )
        if not options.private_addresses:
            self.pool.pool_classes_by_scheme = {
                "http": _PublicHTTPPool,
                "https": _PublicHTTPSPool,
            }
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}  # host -> monotonic time it may be asked again
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._delays: dict[str, float] = {}

    def fetch(
        self,
        url: str,
        *,
        max_bytes: int | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET ``url`` (robots.txt permitting). Raises FetchError naming the reason."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "not an http(s) URL")
        if self.options.robots:
            self._check_robots(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, max_bytes or self.options.max_bytes, headers)

    # --- robots.txt --------------------------------------------------------------------
    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = origin in self._robots
        if not known:
            try:
                self._load_robots(origin)
            except FetchError as error:  # named by the page asked for, not its robots.txt
                raise FetchError(url, error.reason, transient=error.transient) from None
        parser = self._robots.get(origin)
        if parser is not None and not parser.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, f"robots.txt of {origin} disallows it")

    def _load_robots(self, origin: str) -> None:
        robots_url = origin + "/robots.txt"
        try:
            answer = self._get(robots_url, ROBOTS_MAX_BYTES, {})
        except FetchError as error:
            if error.reason.startswith("HTTP 4"):
                parser = None  # RFC 9309 2.3.1.3: unavailable robots.txt, crawl freely
            elif error.reason.startswith("HTTP 5"):
                # RFC 9309 2.3.1.4: unreachable robots.txt means complete disallow for now
                raise FetchError(
                    robots_url, f"robots.txt answered {error.reason}: not crawling", transient=True
                ) from None
            else:
                raise
        else:
            parser = urllib.robotparser.RobotFileParser(robots_url)
            parser.parse(answer.data.decode("utf-8", "replace").splitlines())
            delay = parser.crawl_delay(ROBOTS_AGENT)
            if delay:
                self._delays[urlsplit(origin).netloc] = min(float(delay), MAX_CRAWL_DELAY)
        with self._lock:
            self._robots[origin] = parser

    # --- one request ---------------------------------------------------------------------
    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        delay = max(self.options.host_delay, self._delays.get(host, 0.0))
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, 0.0))
            self._next_slot[host] = slot + delay
        if slot > now:
            time.sleep(slot - now)

    def _get(self, url: str, limit: int, headers: dict[str, str]) -> Fetched:
        self._wait_for_host(url)
        deadline = time.monotonic() + self.options.total_seconds
        try:
            response = self.pool.request(
                "GET",
                url,
                headers={**self.pool.headers, **headers},  # given headers replace the pool's
                preload_content=False,
                redirect=True,
            )
        except MaxRetryError as error:
            raise _failure(url, error.reason, self.options) from None
        except PrivateAddress as error:
            raise FetchError(url, str(error)) from None
        except LocationValueError as error:
            raise FetchError(url, f"bad URL: {error}") from None
        except HTTPError as error:
            raise _failure(url, error, self.options) from None
        try:
            return self._body(url, response, limit, deadline)
        finally:
            response.release_conn()

    def _body(
        self, url: str, response: urllib3.BaseHTTPResponse, limit: int, deadline: float
    ) -> Fetched:
        status = response.status
        final_url = urljoin(url, response.geturl() or url)  # urllib3 may give only the path
        retried = len(response.retries.history) if response.retries else 0
        if status >= 400:
            response.drain_conn()
            reason = f"HTTP {status} {response.reason or ''}".strip()
            if retried and status in RETRY_STATUSES:
                reason += f" (after {retried} retries)"
            raise FetchError(url, reason, transient=status in RETRY_STATUSES)
        if status >= 300 and status != 304:
            raise FetchError(url, f"HTTP {status} redirect without a usable Location")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            size = human_size(int(declared))
            raise FetchError(url, f"response of {size} is over the {human_size(limit)} limit")
        parts: list[bytes] = []
        size = 0
        try:
            while status != 304:
                if time.monotonic() > deadline:
                    raise FetchError(
                        url,
                        f"response not complete after {self.options.total_seconds:g} s "
                        "(server too slow)",
                        transient=True,
                    )
                chunk = response.read1(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise FetchError(url, f"response over the {human_size(limit)} limit")
                parts.append(chunk)
        except (ReadTimeoutError, ProtocolError, OSError) as error:
            raise _failure(url, error, self.options) from None
        return Fetched(
            url=url,
            final_url=final_url,
            status=status,
            data=b"".join(parts),
            content_type=response.headers.get("Content-Type", ""),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )


class _PublicHTTPConnection(HTTPConnection):
    """A connection that resolves its host itself, refuses non-public addresses
    (:class:`PrivateAddress`, which urllib3 does not retry) and connects to the address it
    judged, so a name cannot resolve elsewhere between the check and the connection."""

    def _new_conn(self) -> socket.socket:
        try:
            address = public_addresses(self._dns_host, self.port)[0]
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error
        name = self._dns_host
        self._dns_host = address  # only the socket's address: TLS still checks the name
        try:
            return super()._new_conn()
        finally:
            self._dns_host = name


class _PublicHTTPSConnection(_PublicHTTPConnection, HTTPSConnection):
    """:class:`_PublicHTTPConnection` over TLS."""


class _PublicHTTPPool(HTTPConnectionPool):
    ConnectionCls = _PublicHTTPConnection


class _PublicHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _PublicHTTPSConnection


def _failure(url: str, error: BaseException | None, options: FetchOptions) -> FetchError:
    """A FetchError naming what urllib3 ran into, transient when asking again may help."""
    if isinstance(error, ResponseError) and "redirect" in str(error):
        return FetchError(url, f"redirect loop or more than {options.max_redirects} redirects")
    if isinstance(error, SSLError):
        return FetchError(url, f"TLS failure (invalid or untrusted certificate?): {_short(error)}")
    if isinstance(error, NameResolutionError):
        return FetchError(url, f"unknown host: {_short(error)}", transient=True)
    if isinstance(error, NewConnectionError):
        return FetchError(url, f"cannot connect: {_short(error)}", transient=True)
    if isinstance(error, ReadTimeoutError | TimeoutError):
        return FetchError(url, f"timed out: {_short(error)}", transient=True)
    if isinstance(error, ResponseError):
        return FetchError(url, _short(error), transient=True)
    return FetchError(url, f"connection failed: {_short(error)}", transient=True)


def _short(error: BaseException | None) -> str:
    text = " ".join(str(error).split()) if error is not None else "unknown error"
    return text[:200]
