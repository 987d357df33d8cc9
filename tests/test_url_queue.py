"""A researcher with a link hands it to the API; the watcher indexes it and says so."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from web_servers import Answer, Site, page, serving

from quotetrail.cli import main
from store.sqlite import SqliteStore
from webapp import create_app

TOKEN = {"Authorization": "Bearer s3cret"}
BODY = (
    "BRENNA — Port workers met the minister on Monday.\n\n"
    '"We will not allow our ports to become a bargaining chip," Defence Minister '
    "Andrii Vedmid said."
)


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    db = tmp_path / "quotetrail.db"
    monkeypatch.setenv("QUOTETRAIL_DB", str(db))
    monkeypatch.delenv("ES_URL", raising=False)
    monkeypatch.delenv("QUOTETRAIL_STATE_DIR", raising=False)
    monkeypatch.setenv("QUOTETRAIL_FETCH_PRIVATE", "1")  # the test sites are on 127.0.0.1
    store = SqliteStore(str(db))
    app = create_app(store, {"TESTING": True, "API_TOKEN": "s3cret", "STATE_DIR": str(tmp_path)})
    yield app.test_client(), tmp_path
    store.close()


def test_queued_urls_are_indexed_by_the_next_watch_poll(setup, capsys) -> None:  # type: ignore[no-untyped-def]
    client, state_dir = setup
    site = Site()
    site.routes["/ports"] = Answer(page("Ports", BODY, outlet="Herald"))
    with serving(site):
        assert client.post("/api/v1/urls", json={"url": site("/ports")}).status_code == 401
        bad = client.post("/api/v1/urls", json={"url": "file:///etc/passwd"}, headers=TOKEN)
        assert bad.status_code == 400 and bad.get_json()["param"] == "url"
        good = client.post("/api/v1/urls", json={"url": site("/ports?utm_source=x")}, headers=TOKEN)
        gone = client.post("/api/v1/urls", json={"url": site("/gone")}, headers=TOKEN)
        assert good.status_code == 202 and good.headers["Location"].endswith(
            f"/api/v1/urls/{good.get_json()['id']}"
        )
        status_url = good.get_json()["links"]["self"]
        assert client.get(status_url).get_json()["status"] == "queued"

        status = main(
            ["watch", "--once", "--state-dir", str(state_dir), "--delay", "0", "--workers", "1"]
        )
        assert status == 1  # one of the queued URLs failed
    capsys.readouterr()
    done = client.get(status_url).get_json()
    assert done["status"] == "indexed" and done["article_url"] == site("/ports")
    failed = client.get(gone.get_json()["links"]["self"]).get_json()
    assert failed["status"] == "failed" and "HTTP 404" in failed["reason"]
    found = client.get("/api/v1/search?q=bargaining").get_json()
    assert found["total"] >= 1
    assert client.get("/api/v1/urls/999").status_code == 404


def test_the_watch_page_shows_each_feeds_status(setup, capsys) -> None:  # type: ignore[no-untyped-def]
    client, state_dir = setup
    assert "No feed has been polled yet" in client.get("/watch").get_data(as_text=True)
    site = Site()
    site.routes["/feed.xml"] = Answer(b"<html><body>Maintenance</body></html>")
    with serving(site):
        main(
            [
                "watch",
                site("/feed.xml"),
                "--once",
                "--state-dir",
                str(state_dir),
                "--delay",
                "0",
                "--workers",
                "1",
            ]
        )
    capsys.readouterr()
    html = client.get("/watch").get_data(as_text=True)
    assert site("/feed.xml") in html and "not a feed" in html and "error" in html


def test_the_queue_is_documented_in_the_openapi_document(setup) -> None:  # type: ignore[no-untyped-def]
    client, _ = setup
    spec = client.get("/api/v1/openapi.json").get_json()
    post = spec["paths"]["/api/v1/urls"]["post"]
    assert "202" in post["responses"] and post["security"] == [{"bearer": []}]
    assert "/api/v1/urls/{entry_id}" in spec["paths"]
    assert "QueuedUrl" in spec["components"]["schemas"]


def test_a_signed_in_editor_queues_a_url_from_the_watch_page(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("QUOTETRAIL_STATE_DIR", raising=False)
    store = SqliteStore(str(tmp_path / "quotetrail.db"))
    config = {"TESTING": True, "API_TOKEN": "s3cret", "SECRET_KEY": "k", "STATE_DIR": str(tmp_path)}
    client = create_app(store, config).test_client()
    try:
        page = client.get("/watch").get_data(as_text=True)
        assert 'name="url"' not in page and "Sign in" in page
        assert client.post("/watch/urls", data={"url": "https://x.example/a"}).status_code == 403
        signed = client.post("/sign-in", data={"token": "s3cret", "name": "Rita", "next": "/watch"})
        assert signed.status_code == 303
        page = client.get("/watch").get_data(as_text=True)
        assert 'name="url"' in page
        csrf = page.split('name="csrf" value="')[1].split('"')[0]
        forged = client.post("/watch/urls", data={"url": "https://x.example/a", "csrf": "no"})
        assert forged.status_code == 403
        bad = client.post("/watch/urls", data={"url": "javascript:alert(1)", "csrf": csrf})
        assert bad.status_code == 400
        queued = client.post("/watch/urls", data={"url": "https://x.example/a", "csrf": csrf})
        assert queued.status_code == 303
        status_url = queued.headers["Location"].split("added=")[1]
        shown = client.get(queued.headers["Location"]).get_data(as_text=True)
        assert "Queued" in shown and "1 URL queued" in shown
        status = client.get(unquote(status_url)).get_json()
        assert status["status"] == "queued" and status["url"] == "https://x.example/a"
    finally:
        store.close()
