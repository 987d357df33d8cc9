"""Shared fixtures. The Elasticsearch node is started by scripts/test, which exports ES_URL."""

import os

import pytest


@pytest.fixture(scope="session")
def es_url() -> str:
    """The test Elasticsearch node's URL; fails when this run requires it and it is missing."""
    url = os.environ.get("ES_URL")
    if url:
        return url
    if os.environ.get("QUOTETRAIL_REQUIRE_ES") == "1":
        pytest.fail("ES_URL is not set, yet QUOTETRAIL_REQUIRE_ES=1 requires Elasticsearch")
    pytest.skip("no Elasticsearch: set ES_URL, or run scripts/test, which starts a node")
