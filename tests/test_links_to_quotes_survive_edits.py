"""A reader's link to a quote holds while the outlet edits the article around it (issue
11): re-indexed with a sentence added elsewhere, every quote keeps its id and the summary
reports nothing changed; a quote edited in place is reported as changed, not as removed,
and a link to its earlier version leads to it; the same words quoted twice in one article
keep two ids. On SQLite and Elasticsearch."""

from __future__ import annotations

from pathlib import Path

from indexing import index_version

from store.base import SearchQuery, Store
from webapp import create_app

V1 = (
    "Title: Ministers split on fishing quotas\nURL: https://tests.example/i1\n"
    "Outlet: Test Gazette\nDate: 2026-11-23\n\n"
    "European fisheries ministers failed to agree on next year's quotas on Monday.\n\n"
    '"We cannot accept cuts of this size," said Spain\'s minister, José María Álvarez-Peña.\n\n'
    'Norway\'s fisheries minister, Bjørn Ødegård, said the science was "unambiguous".\n'
)


def ids_by_words(store: Store) -> dict[str, str]:
    return {h["content"]: h["id"] for h in store.scan(SearchQuery(facets=False))}


def test_an_edit_elsewhere_in_the_article_keeps_every_quote_link(
    new_store: Store, tmp_path: Path
) -> None:
    index_version(new_store, tmp_path, V1)
    before = ids_by_words(new_store)
    assert len(before) == 2
    edited = V1.replace("failed to agree", "once again failed to reach agreement")
    summary, warnings = index_version(new_store, tmp_path, edited)
    assert summary.replaced == 1
    assert ids_by_words(new_store) == before
    assert "changed since it was indexed" not in warnings, warnings
    assert summary.removed == summary.changed == 0
    for ident in before.values():
        assert new_store.get_attribution(ident) is not None


def test_a_quote_edited_in_place_is_reported_as_changed_not_removed(
    new_store: Store, tmp_path: Path
) -> None:
    index_version(new_store, tmp_path, V1)
    before = ids_by_words(new_store)
    edited = V1.replace("cuts of this size", "cuts of this scale")
    summary, warnings = index_version(new_store, tmp_path, edited)
    assert "1 stored attribution changed, 2 now" in warnings, warnings
    assert (summary.removed, summary.changed) == (0, 1)
    after = ids_by_words(new_store)
    kept = [words for words in before if "unambiguous" in words]
    assert kept and all(after[words] == before[words] for words in kept)


def test_the_same_words_quoted_twice_in_one_article_keep_two_links(
    new_store: Store, tmp_path: Path
) -> None:
    twice = V1 + (
        '\n"We cannot accept cuts of this size," said Spain\'s minister, José María '
        "Álvarez-Peña, again on Tuesday.\n"
    )
    index_version(new_store, tmp_path, twice)
    hits = [h for h in new_store.scan(SearchQuery(facets=False)) if "cuts" in h["content"]]
    assert len(hits) == 2 and len({h["id"] for h in hits}) == 2


def test_a_link_to_a_quote_the_outlet_edited_leads_to_its_current_version(
    new_store: Store, tmp_path: Path
) -> None:
    """A fact-checker cited the quote's page; the outlet then corrected one word of it, and
    later another. The cited link (page and API) still answers, moved to the quote as it
    reads now, and a quote taken out entirely is still a 404."""
    index_version(new_store, tmp_path, V1)
    cited = next(i for words, i in ids_by_words(new_store).items() if "cuts" in words)
    index_version(new_store, tmp_path, V1.replace("cuts of this size", "cuts of this scale"))
    index_version(new_store, tmp_path, V1.replace("cuts of this size", "cuts on this scale"))
    current = next(i for words, i in ids_by_words(new_store).items() if "on this scale" in words)
    assert current != cited and new_store.get_attribution(cited) is None
    client = create_app(new_store, {"TESTING": True}).test_client()
    page = client.get(f"/attributions/{cited}")
    assert page.status_code == 301 and page.headers["Location"].endswith(f"/{current}")
    api = client.get(f"/api/v1/attributions/{cited}")
    assert api.status_code == 301 and api.get_json()["moved_to"] == current
    assert client.get(api.headers["Location"]).get_json()["attribution"]["id"] == current
    index_version(new_store, tmp_path, V1.replace('"We cannot accept cuts of this size,"', ""))
    assert client.get(f"/attributions/{cited}").status_code == 404
