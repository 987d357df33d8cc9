"""Pytest fixtures for the webapp tests: the newsroom of ``webapp_data`` on each engine.

Test modules load them with ``pytest_plugins = ["webapp_fixtures"]``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from webapp_data import load_newsroom

from store.base import Store


def open_engine(engine: str, request: pytest.FixtureRequest, folder: Path) -> Store:
    if engine == "sqlite":
        from store.sqlite import SqliteStore

        return SqliteStore(str(folder / f"webapp-{uuid.uuid4().hex[:8]}.db"))
    from store.elastic import ElasticStore

    url = request.getfixturevalue("es_url")
    return ElasticStore(url, prefix=f"qt-web-{uuid.uuid4().hex[:8]}")


def close_engine(st: Store) -> None:
    getattr(st, "drop", st.clear)()  # Elasticsearch: remove this test's indices
    st.close()


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)],
)
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def empty_store(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    st = open_engine(engine, request, tmp_path)
    try:
        yield st
    finally:
        close_engine(st)


@pytest.fixture(scope="module")
def store(
    engine: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The newsroom, shared by the tests of a module that only read it."""
    st = open_engine(engine, request, tmp_path_factory.mktemp("newsroom"))
    load_newsroom(st)
    try:
        yield st
    finally:
        close_engine(st)


@pytest.fixture
def fresh_store(empty_store: Store) -> Store:
    """The newsroom for a test that writes to it."""
    load_newsroom(empty_store)
    return empty_store


def _client(st: Store) -> Any:
    from webapp import create_app

    return create_app(st, {"TESTING": True, "API_TOKEN": "s3cret"}).test_client()


@pytest.fixture
def client(store: Store) -> Any:
    return _client(store)


@pytest.fixture
def fresh_client(fresh_store: Store) -> Any:
    return _client(fresh_store)
