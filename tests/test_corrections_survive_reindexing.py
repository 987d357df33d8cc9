"""An editor's split survives the outlet updating the article: re-indexed with one word
changed, the quote split off goes back to the speaker the editor chose, not silently to
the one the linker first picked; a split quote the new version no longer has is named in
the indexing summary. On SQLite and Elasticsearch."""

from __future__ import annotations

from pathlib import Path

from indexing import index_version

from indexer.link import curation
from store.base import SearchQuery, Store

V1 = (
    "Title: Osei\nURL: https://repro.example/p06/osei\nOutlet: Repro News\n"
    "Date: 2026-11-30T17:00:00Z\n\n"
    "Dr Osei, chief medical officer of the trust, told us the trust had 120 fewer nurses.\n\n"
    "'We are running on goodwill,' she said.\n\n"
    # (written as "Her brother, Kwame Osei," the linker reads Dr Osei right: here it does not)
    "Kwame Osei, a councillor, said the figures were a fantasy. He is her brother.\n"
)


def speaker_of(store: Store, words: str) -> str:
    [hit] = [h for h in store.scan(SearchQuery(facets=False)) if words in h["content"]]
    return hit["speaker_id"]


def test_a_split_survives_reindexing_the_updated_article(new_store: Store, tmp_path: Path):
    index_version(new_store, tmp_path, V1)
    assert speaker_of(new_store, "nurses") == "kwame-osei"  # the linker's first reading
    curation.split(new_store, "editor", "kwame-osei", "Osei")
    getattr(new_store, "refresh", lambda: None)()
    assert speaker_of(new_store, "nurses") == "osei"

    edited = V1.replace("\n\nDr Osei", "\n\nThis story was updated on Tuesday.\n\nDr Osei")
    summary, warnings = index_version(new_store, tmp_path, edited)
    assert summary.replaced == 1 and summary.corrections_lost == 0, warnings
    assert speaker_of(new_store, "nurses") == "osei"
    assert speaker_of(new_store, "goodwill") == "osei"  # every place moved: found by content
    assert speaker_of(new_store, "fantasy") == "kwame-osei"


def test_a_split_takes_the_pronoun_quotes_and_the_role_of_the_mention_it_moves(
    new_store: Store, tmp_path: Path
):
    """ "'We are running on goodwill,' she said": she is Dr Osei, chief medical officer,
    resolved through the mention the editor moved; so the quote and the role go with it."""
    index_version(new_store, tmp_path, V1)
    curation.split(new_store, "editor", "kwame-osei", "Osei")
    getattr(new_store, "refresh", lambda: None)()
    assert speaker_of(new_store, "goodwill") == "osei"
    assert speaker_of(new_store, "fantasy") == "kwame-osei"
    kwame, osei = new_store.get_speaker("kwame-osei"), new_store.get_speaker("osei")
    assert "chief medical officer of the trust" in osei["roles"]
    assert "chief medical officer of the trust" not in kwame["roles"]


def test_a_split_quote_gone_from_the_new_version_is_named(new_store: Store, tmp_path: Path):
    index_version(new_store, tmp_path, V1)
    curation.split(new_store, "editor", "kwame-osei", "Osei")
    edited = V1.replace("told us the trust had 120 fewer nurses", "said nothing more")
    summary, warnings = index_version(new_store, tmp_path, edited)
    assert summary.corrections_lost == 1
    assert "not re-applied" in warnings and "nurses" in warnings
    assert "1 editor's correction not re-applied" in summary.line()


def test_an_edited_pronoun_quote_follows_the_mention_it_was_split_with(
    new_store: Store, tmp_path: Path
):
    """The outlet edits the words of "she said" quote: it still follows Dr Osei."""
    index_version(new_store, tmp_path, V1)
    curation.split(new_store, "editor", "kwame-osei", "Osei")
    edited = V1.replace("goodwill", "goodwill and nothing else")
    summary, warnings = index_version(new_store, tmp_path, edited)
    assert summary.corrections_lost == 0, warnings
    assert speaker_of(new_store, "nothing else") == "osei"
    assert speaker_of(new_store, "nurses") == "osei"
    assert speaker_of(new_store, "fantasy") == "kwame-osei"


CM = (
    "Title: Talks on water sharing to go on\n"
    "URL: https://repro.example/p07/cm\nOutlet: Repro News\nDate: 2026-11-28\n\n"
    "BENGALURU: Chief Minister Siddharaju Gowda on Friday said the state will not allow "
    "water to be diverted.\n\n"
    '"Our farmers have suffered enough," Mr. Gowda said.\n\n'
    "Gowda's office said the talks with the neighbouring state would go on next week.\n"
)


def test_a_merge_survives_reindexing_the_updated_article(new_store: Store, tmp_path: Path):
    """An editor merges "Gowda's office" (an organization, as the linker reads it) into
    the chief minister; the outlet edits one word of a quote and the article is indexed
    again: nothing goes back to the merged-away page, like a rename or a split."""
    index_version(new_store, tmp_path, CM)
    office = speaker_of(new_store, "talks with")
    assert office not in ("siddharaju-gowda", None)  # the linker's reading: his office
    curation.merge(new_store, "editor", "siddharaju-gowda", [office], force=True)
    getattr(new_store, "refresh", lambda: None)()
    edited = CM.replace("suffered enough", "suffered too much")
    summary, warnings = index_version(new_store, tmp_path, edited)
    assert summary.replaced == 1, warnings
    speakers = {h["speaker_id"] for h in new_store.scan(SearchQuery(facets=False))}
    assert speakers == {"siddharaju-gowda"}
    assert speaker_of(new_store, "talks with") == "siddharaju-gowda"


def test_a_merge_undone_lets_reindexing_file_the_quote_apart_again(
    new_store: Store, tmp_path: Path
):
    index_version(new_store, tmp_path, CM)
    office = speaker_of(new_store, "talks with")
    change = curation.merge(new_store, "editor", "siddharaju-gowda", [office], force=True)
    curation.undo(new_store, "editor", change["id"])
    getattr(new_store, "refresh", lambda: None)()
    index_version(new_store, tmp_path, CM.replace("suffered enough", "suffered too much"))
    assert speaker_of(new_store, "talks with") == office
