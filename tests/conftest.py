"""Shared fixtures: the engines and the corpora, opened and loaded one way for every module.

Naming: ``engine_name`` is the engine's name (``"sqlite"`` or ``"elasticsearch"``), ``store``
and every other ``*_store`` fixture a ``store.base.Store``; a corpus fixture is a store
holding that corpus. Every fixture that takes ``engine_name`` runs its tests on both
engines. The Elasticsearch node is started by scripts/test, which exports ES_URL; when
``QUOTETRAIL_REQUIRE_ES=1`` and ES_URL is missing, the Elasticsearch tests fail instead of
skipping (``es_url``).

Isolation: each store has Elasticsearch indices of its own (a fresh ``qt-test-...`` prefix)
or an SQLite file in a temporary folder of its own, and is dropped afterwards.
``store`` is shared by the tests of one module and cleared before each of them;
``new_store`` and the stores of ``open_store`` are opened for one test alone.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from link_corpus import JOURNEY, load_journey, retyped, straight, syndicated, trimmed, wire
from store_fixtures import load_corpus
from webapp_data import load_newsroom

from store.base import Store

ENGINES = ["sqlite", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The path of a fresh SQLite store for the `quotetrail` command (QUOTETRAIL_DB), with its
    own state folder and no ES_URL; test files needing another layout define their own."""
    path = tmp_path / "q.db"
    monkeypatch.setenv("QUOTETRAIL_DB", str(path))
    monkeypatch.setenv("QUOTETRAIL_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("ES_URL", raising=False)
    return path


@pytest.fixture(scope="session")
def es_url() -> str:
    """The test Elasticsearch node's URL; fails when this run requires it and it is missing."""
    url = os.environ.get("ES_URL")
    if url:
        return url
    if os.environ.get("QUOTETRAIL_REQUIRE_ES") == "1":
        pytest.fail("ES_URL is not set, yet QUOTETRAIL_REQUIRE_ES=1 requires Elasticsearch")
    pytest.skip("no Elasticsearch: set ES_URL, or run scripts/test, which starts a node")


@contextmanager
def opened(engine_name: str, request: pytest.FixtureRequest, folder: Path) -> Iterator[Store]:
    """An empty store of ``engine_name`` (``"sqlite"`` or ``"elasticsearch"``), dropped after.

    SQLite writes ``folder/quotetrail.db``; Elasticsearch gets indices under a fresh
    ``qt-test-<10 hex digits>`` prefix on the ``es_url`` node (which fails or skips the test
    when there is none).
    """
    store: Store
    if engine_name == "sqlite":
        from store.sqlite import SqliteStore

        store = SqliteStore(str(folder / "quotetrail.db"))
    elif engine_name == "elasticsearch":
        from store.elastic import ElasticStore

        url = request.getfixturevalue("es_url")
        store = ElasticStore(url, prefix=f"qt-test-{uuid.uuid4().hex[:10]}")
    else:
        raise ValueError(f"no such engine: {engine_name!r}")
    try:
        yield store
    finally:
        drop = getattr(store, "drop", None)  # Elasticsearch: remove this store's indices
        if drop:
            drop()
        store.close()


@pytest.fixture(scope="module", params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    """The engine the module's tests run on: each of them runs on both."""
    return request.param


# --- empty stores -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def _module_store(
    engine_name: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with opened(engine_name, request, tmp_path_factory.mktemp("store")) as store:
        yield store


@pytest.fixture
def store(_module_store: Store) -> Store:
    """An empty store for a story that writes: one per module and engine, cleared first."""
    _module_store.clear()
    return _module_store


@pytest.fixture
def open_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str], Any]]:
    """Opens empty stores of the engines a test names (``open_store("elasticsearch")``),
    each of its own, all dropped when the test ends."""
    with ExitStack() as stack:

        def open_one(name: str) -> Any:
            return stack.enter_context(opened(name, request, tmp_path_factory.mktemp("store")))

        yield open_one


@pytest.fixture
def new_store(engine_name: str, open_store: Callable[[str], Store]) -> Store:
    """An empty store of its own for one test, dropped afterwards."""
    return open_store(engine_name)


# --- corpora ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fixtures_corpus(
    engine_name: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The store contract corpus of ``store_fixtures``, shared by a module's read-only stories."""
    with opened(engine_name, request, tmp_path_factory.mktemp("fixtures-corpus")) as store:
        load_corpus(store)
        yield store


@pytest.fixture(scope="module")
def newsroom(
    engine_name: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The newsroom of ``webapp_data``, shared by a module's read-only stories."""
    with opened(engine_name, request, tmp_path_factory.mktemp("newsroom")) as store:
        load_newsroom(store)
        yield store


@pytest.fixture
def fresh_newsroom(new_store: Store) -> Store:
    """The newsroom of ``webapp_data`` in a store of its own, for a test that writes to it."""
    load_newsroom(new_store)
    return new_store


@pytest.fixture
def linked_corpus(store: Store) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    """The five-outlet journey of ``link_corpus`` linked into ``store`` out of date order (the
    wire story comes second), by builder name: ``{"wire": (article id, attributions), ...}``."""
    order = (straight, wire, retyped, syndicated, trimmed)
    assert set(order) == set(JOURNEY)
    linked = load_journey(store, order)
    return {
        build.__name__: (art["id"], atts) for build, (art, atts) in zip(order, linked, strict=True)
    }


# --- webapp clients ---------------------------------------------------------------------------
def _client(store: Store) -> Any:
    """A Flask test client of the webapp on ``store``; writes need the token ``s3cret``."""
    from webapp import create_app

    config = {"TESTING": True, "API_TOKEN": "s3cret", "SECRET_KEY": "test-session-key"}
    return create_app(store, config).test_client()


@pytest.fixture
def client(newsroom: Store) -> Any:
    """The webapp on the shared ``newsroom``, for stories that only read."""
    return _client(newsroom)


@pytest.fixture
def fresh_client(fresh_newsroom: Store) -> Any:
    """The webapp on ``fresh_newsroom``, for stories that write."""
    return _client(fresh_newsroom)
