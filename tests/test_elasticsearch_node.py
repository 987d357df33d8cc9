"""The test node is a real Elasticsearch 8 that analyses English the way production does."""

import uuid

import pytest
from elasticsearch import Elasticsearch

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def es(es_url: str):
    client = Elasticsearch(es_url, request_timeout=30)
    yield client
    client.close()


def test_the_node_is_an_elasticsearch_8_cluster_in_good_health(es: Elasticsearch) -> None:
    info = es.info()
    assert info["version"]["number"].startswith("8.")
    assert info["tagline"] == "You Know, for Search"
    health = es.cluster.health(wait_for_status="yellow", timeout="30s")
    assert health["status"] in ("yellow", "green")


def test_an_english_text_field_finds_a_statement_by_another_form_of_its_words(
    es: Elasticsearch,
) -> None:
    index = f"test-node-{uuid.uuid4().hex[:8]}"
    es.indices.create(
        index=index,
        settings={
            "number_of_replicas": 0,
            "analysis": {
                "normalizer": {
                    "folded": {"type": "custom", "filter": ["lowercase", "asciifolding"]}
                }
            },
        },
        mappings={
            "properties": {
                "text": {"type": "text", "analyzer": "english"},
                "outlet": {"type": "keyword", "normalizer": "folded"},
            }
        },
    )
    try:
        es.index(
            index=index,
            id="1",
            document={"text": "The ministers were running late", "outlet": "Le Monde Édition"},
            refresh=True,
        )
        stemmed = es.search(index=index, query={"match": {"text": "minister runs"}})
        assert [hit["_id"] for hit in stemmed["hits"]["hits"]] == ["1"]
        unrelated = es.search(index=index, query={"match": {"text": "parliament"}})
        assert unrelated["hits"]["total"]["value"] == 0
        folded = es.search(index=index, query={"term": {"outlet": "le monde edition"}})
        assert folded["hits"]["total"]["value"] == 1
    finally:
        es.indices.delete(index=index)
    assert not es.indices.exists(index=index)
