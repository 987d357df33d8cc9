"""The schemas are the one definition of every field, and bad records say what is wrong."""

from __future__ import annotations

import pytest

from schemas import ArticleSchema, AttributionSchema, RecordError, check_spans_within, load
from schemas.catalog import FACETS
from schemas.ids import article_id, attribution_id, slug
from schemas.mappings import SCHEMAS, index_body


def test_every_schema_field_has_an_elasticsearch_mapping():
    for kind, schema in SCHEMAS.items():
        properties = index_body(kind)["mappings"]["properties"]
        assert set(properties) == set(schema().fields), kind


def test_content_is_english_full_text_with_an_exact_subfield():
    content = index_body("attributions")["mappings"]["properties"]["content"]
    assert content["analyzer"] == "english"
    assert content["fields"]["exact"]["type"] == "text"


def test_facets_are_case_insensitive_keywords():
    props = index_body("attributions")["mappings"]["properties"]
    for name in ("cue", "via_outlets", "outlet"):
        assert props[name]["type"] == "keyword", name
        assert props[name]["normalizer"] == "lowercase", name
    assert "lowercase" in index_body("attributions")["settings"]["analysis"]["normalizer"]


def test_facet_fields_have_their_ordinals_ready_when_a_search_arrives():
    """Every search counts the facets: their global ordinals are built at refresh, so the
    first search after a refresh does not wait for them (issue #12, query p95)."""
    props = index_body("attributions")["mappings"]["properties"]
    for facet in FACETS:
        assert props[facet.field].get("eager_global_ordinals") is True, facet.field
    assert "eager_global_ordinals" not in props["content"]
    assert "eager_global_ordinals" not in props["speaker"]  # a label, never counted


def test_an_attribution_with_an_unknown_kind_names_the_field_and_value():
    record = {
        "id": "q-1",
        "article_id": "a-1",
        "kind": "rumour",
        "content": "x",
        "content_spans": [[0, 1]],
    }
    with pytest.raises(RecordError, match=r"kind \('rumour'\)"):
        load(AttributionSchema(), record)


def test_an_article_without_a_body_is_rejected_naming_body():
    with pytest.raises(RecordError, match=r"^body"):
        load(ArticleSchema(), {"id": "a-1", "title": "No text"})


def test_a_reversed_span_is_rejected():
    record = {
        "id": "q-1",
        "article_id": "a-1",
        "kind": "direct",
        "content": "x",
        "content_spans": [[9, 3]],
    }
    with pytest.raises(RecordError, match=r"content_spans\.0 \(\[9, 3\]\)"):
        load(AttributionSchema(), record)


def test_a_span_beyond_the_body_is_rejected_naming_the_span():
    record = {"content_spans": [[0, 5]], "cue_span": [6, 40], "speaker_span": None}
    with pytest.raises(RecordError, match=r"cue_span.*\[6, 40\].*12 characters"):
        check_spans_within(record, "twelve chars")


def test_ids_are_stable_and_ignore_url_scheme_and_trailing_slash():
    assert article_id("https://www.example.com/a/", "x") == article_id("http://example.com/a", "y")
    assert article_id(None, "Same  text") == article_id(None, "same text")
    assert attribution_id("a-1", "We  will WIN") == attribution_id("a-1", "we will win")
    assert slug("Kyiv Post") == "kyiv-post"
    assert slug("Sørensen") == slug("Sorensen")
