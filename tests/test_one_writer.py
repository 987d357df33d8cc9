"""Every write goes through the store's one writer seam, and a writer that lost it stops.

An indexer links from what it has seen, so nothing else may change linked records while it
writes: a web post of an article, a speaker merge from the web, the API or the command
line take the same writer lease as ``quotetrail index`` (``store/writer_lease.py``; on
SQLite the same ``flock``). While an indexer writes they wait a few seconds, then answer
"the store is busy, try again": 503 with Retry-After on the web, a one-line error on the
command line; nothing is written. Once the indexer has finished they go through.

On Elasticsearch the writes are fenced: an indexer paused past its lease (SIGSTOP, swap, a
lost network) while its rerun took the lease back is refused by Elasticsearch's own
concurrency control at its next batch and stops, saying why, before writing anything.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from webapp_data import load_newsroom

from quotetrail.cli import main
from quotetrail.errors import StoreBusy
from schemas.ids import article_id
from store import writer_lease
from store.base import Store
from store.elastic import ElasticStore
from store.writer_lease import FileClaim, WriterLease

REPO = Path(__file__).resolve().parents[1]
AUTH = {"Authorization": "Bearer s3cret"}
ARTICLE = {
    "url": "https://harbor.example/ferries",
    "title": "Ferries return",
    "outlet": "Harbor Daily",
    "published": "2024-05-03",
    "body": '"Ferries will run daily from May," said Anna Lindqvist, the harbour master.',
}


@pytest.fixture(autouse=True)
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Edits wait half a second for the store instead of ten."""
    monkeypatch.setattr(writer_lease, "EDIT_WAIT", 0.5)


@contextmanager
def an_indexer_writing(store: Store) -> Iterator[None]:
    """Hold ``store`` as a running ``quotetrail index`` holds it (the same claim)."""
    if store.engine == "elasticsearch":
        lease = WriterLease(store, "inputs corpus/", "a run key")  # type: ignore[arg-type]
        lease.acquire(lambda _message: None)
        try:
            yield
        finally:
            lease.release()
    else:
        claim = FileClaim(store.path, "another quotetrail index")  # type: ignore[attr-defined]
        claim.take()
        try:
            yield
        finally:
            claim.release()


def test_an_article_posted_while_an_indexer_writes_is_refused_busy_then_goes_through(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    with an_indexer_writing(fresh_newsroom):
        busy = fresh_client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert busy.status_code == 503
    assert busy.headers["Retry-After"] == "60"
    message = busy.get_json()["message"]
    assert "is busy: another quotetrail index" in message and "try again" in message.lower()
    assert fresh_newsroom.get_article(article_id(ARTICLE["url"], ARTICLE["body"])) is None
    posted = fresh_client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert posted.status_code == 201, posted.get_json()


def test_an_api_merge_while_an_indexer_writes_is_refused_busy_and_changes_nothing(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    url = "/api/v1/speakers/national-medicines-agency/merge"
    body = {"into": "anna-lindqvist", "force": True}
    with an_indexer_writing(fresh_newsroom):
        busy = fresh_client.post(url, json=body, headers=AUTH)
    assert busy.status_code == 503 and busy.headers["Retry-After"] == "60"
    assert not fresh_newsroom.changes()
    assert fresh_newsroom.get_speaker("national-medicines-agency") is not None
    merged = fresh_client.post(url, json=body, headers=AUTH)
    assert merged.status_code == 200, merged.get_json()


VERDICT = {"rating": "misleading", "review": "Homes were hit, but not every one.",
           "reviewer": "Osterhal Fact Desk", "url": "https://factdesk.example/drones"}


def _verdict(store: Store) -> Any:
    return (store.get_statement("s-drones") or {}).get("verdict")


@pytest.mark.parametrize(
    ("method", "url", "body", "unchanged"),
    [
        ("delete", "/api/v1/articles/a-hd-veto", None,
         lambda store: store.get_article("a-hd-veto") is not None),
        ("put", "/api/v1/statements/s-drones/verdict", VERDICT,
         lambda store: _verdict(store) is None),
    ],
    ids=["article deletion", "verdict"],
)
def test_other_api_writes_while_an_indexer_writes_are_refused_busy_then_go_through(
    fresh_client: Any,
    fresh_newsroom: Store,
    method: str,
    url: str,
    body: dict[str, Any] | None,
    unchanged: Any,
) -> None:
    send = getattr(fresh_client, method)
    with an_indexer_writing(fresh_newsroom):
        busy = send(url, json=body, headers=AUTH)
    assert busy.status_code == 503 and busy.headers["Retry-After"] == "60"
    assert "is busy: another quotetrail index" in busy.get_json()["message"]
    assert unchanged(fresh_newsroom)
    done = send(url, json=body, headers=AUTH)
    assert done.status_code in (200, 204), done.get_data(as_text=True)
    assert not unchanged(fresh_newsroom)


def test_a_people_import_while_an_indexer_writes_says_the_store_is_busy(
    fresh_newsroom: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _point_the_command_line_at(fresh_newsroom, monkeypatch)
    people = str(REPO / "fixtures" / "people" / "officials.csv")
    speakers = fresh_newsroom.stats()["speakers"]
    with an_indexer_writing(fresh_newsroom):
        assert main(["people", "import", people]) == 2
    err = capsys.readouterr().err.strip()
    assert "is busy: another quotetrail index" in err
    assert err.endswith("is writing to it; try again when it has finished")
    assert fresh_newsroom.stats()["speakers"] == speakers
    assert main(["people", "import", people]) == 0
    assert fresh_newsroom.stats()["speakers"] > speakers


def test_a_command_line_merge_while_an_indexer_writes_says_the_store_is_busy(
    fresh_newsroom: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _point_the_command_line_at(fresh_newsroom, monkeypatch)
    merge = ["speakers", "merge", "anna-lindqvist", "national-medicines-agency", "--force"]
    with an_indexer_writing(fresh_newsroom):
        assert main(merge) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("quotetrail: error: the store ")
    assert "is busy: another quotetrail index" in err
    assert err.endswith("is writing to it; try again when it has finished")
    assert not fresh_newsroom.changes()
    assert main(merge) == 0
    assert fresh_newsroom.changes()[0]["kind"] == "merge"


def test_a_reset_while_an_indexer_writes_says_the_store_is_busy_and_removes_nothing(
    fresh_newsroom: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _point_the_command_line_at(fresh_newsroom, monkeypatch)
    before = fresh_newsroom.stats()
    with an_indexer_writing(fresh_newsroom):
        assert main(["reset", "--yes"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("quotetrail: error: the store ")
    assert "is busy: another quotetrail index" in err
    assert err.endswith("is writing to it; try again when it has finished")
    assert fresh_newsroom.stats() == before
    assert main(["reset", "--yes"]) == 0
    assert not any(fresh_newsroom.stats().values())


@pytest.mark.elasticsearch
def test_a_reindex_while_an_indexer_writes_says_the_store_is_busy_and_copies_nothing(
    open_store: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only Elasticsearch has a reindex (SQLite's tables follow the schemas as written)."""
    newsroom = _elasticsearch_newsroom(open_store)
    _point_the_command_line_at(newsroom, monkeypatch)
    version = newsroom.current_version("articles")
    with an_indexer_writing(newsroom):
        assert main(["reindex"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("quotetrail: error: the store ")
    assert "is busy: another quotetrail index (pid" in err
    assert err.endswith("is writing to it; try again when it has finished")
    assert newsroom.current_version("articles") == version
    assert main(["reindex"]) == 0
    assert newsroom.current_version("articles") == version + 1


@pytest.mark.elasticsearch
@pytest.mark.parametrize(
    ("command", "forgets"),
    [
        (["speakers", "merge", "anna-lindqvist", "national-medicines-agency", "--force"], True),
        (["reset", "--yes"], True),
        (["reindex"], False),  # copies every record as it is: the memory still holds
    ],
    ids=["merge", "reset", "reindex"],
)
def test_an_edit_between_two_indexers_makes_the_next_link_from_the_store(
    open_store: Any,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    forgets: bool,
) -> None:
    """The memory an indexer hands on may name a speaker an editor then merges away (or a
    reset removes): the edit removes it, and the next indexer links from the store alone.
    Only Elasticsearch hands a linker memory from one indexer to the next."""
    newsroom = _elasticsearch_newsroom(open_store)
    _point_the_command_line_at(newsroom, monkeypatch)
    indexer = WriterLease(newsroom, "inputs corpus/", "a run key")
    indexer.acquire(lambda _message: None)
    indexer.save_memory(pickle.dumps({"speakers": ["national-medicines-agency"]}))
    indexer.release()
    assert indexer.memory() is not None
    assert main(command) == 0
    assert (indexer.memory() is None) == forgets
    following = WriterLease(newsroom, "inputs more/", "another run key")
    following.acquire(lambda _message: None, wait=1.0)  # the edit gave the store back
    following.release()


@pytest.mark.elasticsearch
def test_an_indexer_paused_past_its_lease_is_refused_at_its_next_write_and_stops(
    open_store: Any,
) -> None:
    """Elasticsearch only: SQLite's claim is the kernel's flock, which lasts exactly as long
    as the process, so a paused indexer still holds it and nothing can take it over."""
    new_store = open_store("elasticsearch")
    paused = WriterLease(new_store, "inputs corpus/", "a run key", ttl=1.0)
    paused.acquire(lambda _message: None)
    paused.check()  # holding it: writes go on
    paused._stop.set()  # noqa: SLF001 - the process is paused: no renewal comes
    paused._renewer.join()  # type: ignore[union-attr]  # noqa: SLF001
    said: list[str] = []
    rerun = WriterLease(new_store, "inputs corpus/", "a run key", ttl=1.0)
    started = time.monotonic()
    rerun.acquire(said.append)  # the same command run again takes the store back
    assert time.monotonic() - started >= 1.0
    assert any("taking the store back" in line for line in said)
    with pytest.raises(StoreBusy, match="taken over by another writer"):
        paused.check()  # the paused run wakes up before its next batch: refused
    with pytest.raises(StoreBusy):
        paused.save_memory(b"stale")
    paused.release()  # gives nothing back: the lease is the rerun's
    rerun.check()
    rerun.release()


@pytest.mark.elasticsearch
def test_a_batch_written_after_a_pause_past_the_lease_is_never_silent(open_store: Any) -> None:
    """Elasticsearch cannot make a bulk write conditional on the lease document: a process
    paused between its fence and its bulk request may still write that batch after its
    rerun took the store over. It then says so, naming the batch's inputs, and stops; a
    retried write is fenced again first."""
    new_store = open_store("elasticsearch")
    paused = WriterLease(new_store, "inputs corpus/", "a run key", ttl=1.0)
    paused.acquire(lambda _message: None)
    paused.check()  # the fence before the batch; then the process is paused
    paused._stop.set()  # noqa: SLF001 - no renewal comes while paused
    paused._renewer.join()  # type: ignore[union-attr]  # noqa: SLF001
    rerun = WriterLease(new_store, "inputs corpus/", "a run key", ttl=1.0)
    rerun.acquire(lambda _message: None)  # takes the store back after 1 s of silence
    # ... the paused process wakes up and its bulk request lands: then its fence after
    with pytest.raises(StoreBusy, match=r"last writes \(inputs corpus/a.jsonl\) may have landed"):
        paused.confirm("inputs corpus/a.jsonl")
    with pytest.raises(StoreBusy, match="taken over by another writer"):
        paused.recheck()  # a retried write is refused before it is sent
    rerun.check()
    rerun.release()


@pytest.mark.elasticsearch
def test_a_slow_batch_by_a_holder_nobody_took_over_from_goes_on(open_store: Any) -> None:
    new_store = open_store("elasticsearch")
    slow = WriterLease(new_store, "inputs corpus/", "a run key", ttl=1.0)
    slow.acquire(lambda _message: None)
    slow._stop.set()  # noqa: SLF001 - renewals only by the fences
    slow._renewer.join()  # type: ignore[union-attr]  # noqa: SLF001
    slow.check()
    renewals = slow.holder["renewals"]
    slow.recheck()
    slow.confirm("inputs corpus/a.jsonl")  # at once after the fence: nothing to ask
    assert slow.holder["renewals"] == renewals
    time.sleep(0.6)  # a write that took over half the lease's time
    slow.confirm("inputs corpus/a.jsonl")  # renews: still held, so the write was in time
    assert slow.holder["renewals"] == renewals + 1
    slow.check()
    slow.release()


def _elasticsearch_newsroom(open_store: Any) -> ElasticStore:
    """The newsroom of ``webapp_data`` in an Elasticsearch store of its own."""
    store = open_store("elasticsearch")
    load_newsroom(store)
    return store


def _point_the_command_line_at(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    if store.engine == "elasticsearch":
        monkeypatch.setenv("ES_URL", store.url)  # type: ignore[attr-defined]
        monkeypatch.setenv("QUOTETRAIL_INDEX_PREFIX", store.prefix)  # type: ignore[attr-defined]
        monkeypatch.delenv("QUOTETRAIL_DB", raising=False)
    else:
        monkeypatch.delenv("ES_URL", raising=False)
        monkeypatch.setenv("QUOTETRAIL_DB", store.path)  # type: ignore[attr-defined]


def _answer_within(client: Any, url: str, wanted: int, seconds: float = 60.0) -> Any:
    """The answer of ``url`` once its status is ``wanted`` (a background write landing)."""
    deadline = time.monotonic() + seconds
    while True:
        answer = client.get(url)
        if answer.status_code == wanted or time.monotonic() > deadline:
            return answer
        time.sleep(0.1)


def test_an_article_accepted_while_an_indexer_writes_is_stored_once_it_has_finished(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    """Answered 202, a posted article is not dropped when the store is busy: it waits on."""
    fresh_client.application.config["WRITE_BUDGET_SECONDS"] = 0.05
    url = f"/api/v1/articles/{article_id(ARTICLE['url'], ARTICLE['body'])}"
    with an_indexer_writing(fresh_newsroom):
        accepted = fresh_client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
        assert accepted.status_code == 202, accepted.get_json()
        time.sleep(2 * writer_lease.EDIT_WAIT + 0.5)  # refused by the store at least once
        assert fresh_client.get(url).status_code == 404  # not stored yet, not failed
    assert _answer_within(fresh_client, url, 200).status_code == 200


def test_an_accepted_article_the_store_stays_too_busy_for_says_so_at_its_url(
    fresh_client: Any, fresh_newsroom: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When an accepted article finally cannot be stored, its URL says so (not 404)."""
    from webapp import writes

    monkeypatch.setattr(writes, "ACCEPTED_RETRY_SECONDS", 1.0)
    fresh_client.application.config["WRITE_BUDGET_SECONDS"] = 0.05
    url = f"/api/v1/articles/{article_id(ARTICLE['url'], ARTICLE['body'])}"
    with an_indexer_writing(fresh_newsroom):
        accepted = fresh_client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
        assert accepted.status_code == 202, accepted.get_json()
        failed = _answer_within(fresh_client, url, 503)
    assert failed.status_code == 503 and failed.headers["Retry-After"] == "60"
    message = failed.get_json()["message"]
    assert "was not stored (post it again)" in message and "is busy" in message
    fresh_client.application.config["WRITE_BUDGET_SECONDS"] = 60.0
    posted = fresh_client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert posted.status_code == 201, posted.get_json()


@pytest.mark.elasticsearch
def test_an_edit_whose_writer_died_long_ago_no_longer_blocks_the_next_edit(
    open_store: Any,
) -> None:
    """A web worker that died in the middle of an edit leaves the lease behind. Its own
    renewal time says how long ago it died: once that is past the lease's time (and the
    clock skew allowed), the next edit takes the store over at once instead of answering
    "busy" for as long as no indexer comes by."""
    store = open_store("elasticsearch")
    dead = WriterLease(store, "a speaker merge (web)", "a dead worker", kind=writer_lease.EDIT)
    dead.acquire(lambda _message: None)
    dead._stop.set()  # noqa: SLF001 - the worker is gone: no renewal comes
    long_ago = time.time() - dead.ttl - writer_lease.CLOCK_SKEW - 1
    store.es.index(  # type: ignore[attr-defined]
        index=dead.index, id=writer_lease.LEASE_ID, document={**dead.holder, "renewed_at": long_ago}
    )
    with writer_lease.exclusive_write(store, "a speaker rename (web)"):
        pass  # within EDIT_WAIT (half a second here)

    recent = WriterLease(store, "a speaker merge (web)", "a hung worker", kind=writer_lease.EDIT)
    recent.acquire(lambda _message: None)
    recent._stop.set()  # noqa: SLF001 - hung, not yet long enough to be taken over
    with pytest.raises(StoreBusy) as busy, writer_lease.exclusive_write(store, "a rename"):
        pass
    assert f"deleting the document {recent.index}/_doc/{writer_lease.LEASE_ID}" in str(busy.value)
