"""A person an article names only by a given name ("Melanie said") is still someone a
fact-checker can open: a speaker page of that article alone, labelled with the article and
never pooled with another article's Melanie, on the page, in the API and in the directory."""

from __future__ import annotations

from link_corpus import article, index, quote

from indexer.link import Linker


def _melanie(store, linker, slug, text):
    """Index one article where Melanie, named by her given name alone, says ``text``."""
    body = f"Melanie runs the corner bakery.\n\n\u201c{text},\u201d Melanie said."
    built = article("Harbor Daily", slug, "2024-05-01", body, title=f"Bakery {slug} story")
    return index(store, linker, (built, [quote(body, text, "Melanie")]))


def test_each_article_s_melanie_has_a_page_of_her_own(store):
    linker = Linker(store)
    first, [one] = _melanie(store, linker, "north", "Bread is up again")
    second, [other] = _melanie(store, linker, "south", "We close on Mondays")
    assert one["speaker_id"] and other["speaker_id"]
    assert one["speaker_id"] != other["speaker_id"]  # two Melanies, two pages
    page = store.get_speaker(one["speaker_id"])
    assert page["article_id"] == first["id"]
    assert page["name"] == "Melanie (in Bakery north story)"
    assert page["type"] == "person"
    assert store.get_speaker(other["speaker_id"])["article_id"] == second["id"]


def test_a_melanie_known_to_the_corpus_by_full_name_never_takes_an_article_s_melanie(store):
    linker = Linker(store)
    body = "\u201cRates must fall,\u201d said Melanie Brooks, the council leader."
    built = article("Harbor Daily", "rates", "2024-05-02", body)
    _, [named] = index(store, linker, (built, [quote(body, "Rates must fall", "Melanie Brooks")]))
    first, [scoped] = _melanie(store, linker, "north", "Bread is up again")
    assert named["speaker_id"] == "melanie-brooks"
    assert scoped["speaker_id"] not in (None, "melanie-brooks")
    assert store.get_speaker(scoped["speaker_id"])["article_id"] == first["id"]
    assert "Melanie" not in store.get_speaker("melanie-brooks")["aliases"]


def test_the_page_the_api_and_the_directory_show_the_article_s_melanie(
    fresh_newsroom, fresh_client
):
    linker = Linker(fresh_newsroom)
    first, [one] = _melanie(fresh_newsroom, linker, "north", "Bread is up again")
    _melanie(fresh_newsroom, linker, "south", "We close on Mondays")
    page = fresh_client.get(f"/speakers/{one['speaker_id']}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Melanie (in Bakery north story)" in html
    assert f"/articles/{first['id']}" in html and "one article only" in html
    api = fresh_client.get(f"/api/v1/speakers/{one['speaker_id']}").get_json()
    assert api["speaker"]["article_id"] == first["id"]
    assert api["speaker"]["name"] == "Melanie (in Bakery north story)"
    listed = fresh_client.get("/api/v1/speakers?q=melanie").get_json()["speakers"]
    names = sorted(e["speaker"]["name"] for e in listed)
    assert names == ["Melanie (in Bakery north story)", "Melanie (in Bakery south story)"]
    found = fresh_client.get(f"/api/v1/search?speaker={one['speaker_id']}").get_json()
    assert [h["attribution"]["content"] for h in found["hits"]] == ["Bread is up again"]
    facet = fresh_client.get("/api/v1/search?q=bread OR mondays").get_json()["facets"]
    labels = sorted(v["label"] for v in facet["speaker"]["values"] if "Melanie" in v["label"])
    assert labels == ["Melanie (in Bakery north story)", "Melanie (in Bakery south story)"]
