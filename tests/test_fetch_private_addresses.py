"""A queued URL cannot make quotetrail read itself or the machines behind its firewall:
loopback, private, link-local and reserved addresses are refused (after DNS resolution, on
every redirect hop) unless QUOTETRAIL_FETCH_PRIVATE allows them."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from web_servers import Answer, Site, page, serving

from indexer.fetch import addresses
from indexer.fetch.client import Fetcher, FetchError, FetchOptions
from indexer.fetch.state import WatchState
from quotetrail.cli import main
from store.sqlite import SqliteStore
from webapp import create_app

BODY = (
    '"We will keep the ferry running all winter," said harbour master Ada Quill on Tuesday. '
    "The service carried more passengers than ever last year, the port said. " * 4
)
TOKEN = {"Authorization": "Bearer s3cret"}


def fetcher(**options: object) -> Fetcher:
    return Fetcher(FetchOptions(host_delay=0.0, robots=False, retries=0, **options))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.10",
        "172.16.5.5",
        "169.254.169.254",
        "::1",
        "fd00::1",
        "::ffff:127.0.0.1",
        "0.0.0.0",
        "240.0.0.1",
        "224.0.0.1",
    ],
)
def test_loopback_private_link_local_and_reserved_addresses_are_not_public(address: str) -> None:
    assert not addresses.is_public(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::6810:84e5"])
def test_internet_addresses_are_public(address: str) -> None:
    assert addresses.is_public(address)


def test_a_loopback_page_is_refused_unread_unless_allowed() -> None:
    site = Site()
    site.routes["/"] = Answer(page("Search", BODY, outlet="Herald"))
    with serving(site):
        with pytest.raises(FetchError) as refused:
            fetcher().fetch(site("/"))
        assert site.hits["/"] == 0
        allowed = fetcher(private_addresses=True).fetch(site("/"))
    assert (
        "127.0.0.1" in refused.value.reason and "QUOTETRAIL_FETCH_PRIVATE" in refused.value.reason
    )
    assert refused.value.url == site("/") and not refused.value.transient
    assert allowed.status == 200


def test_a_name_resolving_to_a_private_address_is_refused_on_a_redirect_hop(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """news.example stands for a public site (judged public here), and redirects to
    intranet.example, which resolves to a private address."""
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        fake = {"news.example": "127.0.0.1", "intranet.example": "10.0.0.7"}.get(host)
        return real(fake or host, port, *args, **kwargs)

    monkeypatch.setattr(addresses.socket, "getaddrinfo", resolve)
    monkeypatch.setattr(addresses, "is_public", lambda address: address == "127.0.0.1")
    site = Site()
    with serving(site):
        port = site("/").split(":")[2].split("/")[0]
        site.routes["/story"] = Answer(page("Ferry", BODY, outlet="Herald"))
        site.routes["/moved"] = Answer(
            status=302, headers={"Location": f"http://intranet.example:{port}/admin"}
        )
        news = f"http://news.example:{port}"
        assert fetcher().fetch(f"{news}/story").status == 200
        with pytest.raises(FetchError) as refused:
            fetcher().fetch(f"{news}/moved")
    assert "intranet.example (10.0.0.7)" in refused.value.reason
    assert site.hits["/admin"] == 0


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUOTETRAIL_DB", str(tmp_path / "quotetrail.db"))
    monkeypatch.delenv("ES_URL", raising=False)
    monkeypatch.delenv("QUOTETRAIL_STATE_DIR", raising=False)
    monkeypatch.delenv("QUOTETRAIL_FETCH_PRIVATE", raising=False)
    store = SqliteStore(str(tmp_path / "quotetrail.db"))
    config = {"TESTING": True, "API_TOKEN": "s3cret", "SECRET_KEY": "k", "STATE_DIR": str(tmp_path)}
    yield create_app(store, config).test_client()
    store.close()


def test_the_api_and_the_watch_form_refuse_a_loopback_url_naming_it(client) -> None:  # type: ignore[no-untyped-def]
    url = "http://127.0.0.1:5001/"
    refused = client.post("/api/v1/urls", json={"url": url}, headers=TOKEN)
    assert refused.status_code == 400
    body = refused.get_json()
    assert body["param"] == "url" and url in body["message"] and "loopback" in body["message"]
    client.post("/sign-in", data={"token": "s3cret", "name": "Rita", "next": "/watch"})
    form = client.get("/watch").get_data(as_text=True)
    csrf = form.split('name="csrf" value="')[1].split('"')[0]
    shown = client.post("/watch/urls", data={"url": "http://localhost:5001/", "csrf": csrf})
    assert shown.status_code == 400 and "loopback" in shown.get_data(as_text=True)


def test_watch_refuses_a_queued_loopback_page_instead_of_indexing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "quotetrail.db"
    monkeypatch.setenv("QUOTETRAIL_DB", str(db))
    monkeypatch.delenv("ES_URL", raising=False)
    monkeypatch.delenv("QUOTETRAIL_FETCH_PRIVATE", raising=False)
    site = Site()
    site.routes["/"] = Answer(page("Search", BODY, outlet="Herald"))
    state = WatchState(str(tmp_path))
    with serving(site):
        entry = state.enqueue(site("/"))  # queued before the API refused such URLs
        status = main(["watch", "--once", "--state-dir", str(tmp_path), "--delay", "0"])
    capsys.readouterr()
    assert status == 1 and site.hits["/"] == 0
    done = state.queued(entry["id"])
    state.close()
    assert done is not None and done["status"] == "failed" and "loopback" in done["reason"]


def test_a_quotetrail_page_is_not_an_article(
    client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUOTETRAIL_FETCH_PRIVATE", "1")  # the test site is on 127.0.0.1
    site = Site()
    for path in ("/search?q=ferry", "/speakers"):
        site.routes[path.split("?")[0]] = Answer(client.get(path).get_data())
    state = WatchState(str(tmp_path / "watch"))
    with serving(site):
        entries = [state.enqueue(site(path)) for path in ("/search", "/speakers")]
        status = main(["watch", "--once", "--state-dir", str(tmp_path / "watch"), "--delay", "0"])
    capsys.readouterr()
    done = [state.queued(entry["id"]) for entry in entries]
    state.close()
    assert status == 1
    assert all(d and d["status"] == "failed" and "not an article" in d["reason"] for d in done)
