"""Linking stories: one quote across outlets becomes one statement, names become speakers
and outlets, copies point at their original, and near misses stay apart."""

from __future__ import annotations

from collections import Counter

import pytest
from link_corpus import (
    JOURNEY,
    SKIES,
    article,
    index,
    load_journey,
    quote,
    retyped,
    straight,
    syndicated,
    trimmed,
    wire,
)

from indexer.link import Linker
from indexer.link.merge import merge_speakers, split_speaker
from schemas.ids import article_id, attribution_id
from store.base import ArticleRecord
from store.near_duplicates import compare, keys_for
from store.sqlite import SqliteStore


def test_one_quote_in_five_outlets_is_one_statement(store):
    linked = load_journey(store)
    skies = [atts[0]["statement_id"] for _, atts in linked]
    assert len(set(skies)) == 1
    statement = store.get_statement(skies[0])
    # the statement shows the fullest copy, not the trimmed one
    assert "Every drone that crosses our border" in statement["text"]


def test_opposite_negation_and_other_statements_stay_apart(store):
    (_, wire_atts), (_, straight_atts), *_ = load_journey(store)
    skies, launched, not_launched = (a["statement_id"] for a in wire_atts)
    shot_down = straight_atts[1]["statement_id"]
    assert len({skies, launched, not_launched, shot_down}) == 4
    # the same speaker (Vedmid) said both: one speaker, two statements
    assert straight_atts[0]["speaker_id"] == straight_atts[1]["speaker_id"]


def test_will_and_will_not_never_match():
    assert not compare("They will win the vote", "They will not win the vote").same
    assert not compare(
        "We will rebuild the bridge by May", "We won't rebuild the bridge by May"
    ).same
    assert compare(
        "We won\u2019t rebuild the bridge by May", "We will not rebuild the bridge by May"
    ).same


def test_attributions_get_stable_ids_and_article_fields(store):
    built = wire()
    (art, atts) = index(store, Linker(store), built)
    assert art["id"] == article_id(built[0]["url"], built[0]["body"])
    first = atts[0]
    assert first["id"] == attribution_id(art["id"], built[1][0]["content"])
    assert first["article_id"] == art["id"]
    assert first["outlet"] == "Continental Press Agency"
    assert first["outlet_id"] == "continental-press-agency"
    assert first["published"] == "2024-03-14"
    assert first["article_title"] == art["title"]
    assert first["article_url"] == art["url"]
    assert store.get_attribution(first["id"])["statement_id"] == first["statement_id"]


def test_relinking_the_same_article_changes_no_id(store):
    linker = Linker(store)
    first = index(store, linker, wire())
    again = index(store, linker, wire())
    fresh = index(store, Linker(store), wire())  # a later run of the indexer
    ids = [
        [(a["id"], a["statement_id"], a["speaker_id"]) for a in atts]
        for _, atts in (first, again, fresh)
    ]
    assert ids[0] == ids[1] == ids[2]
    assert store.stats()["statements"] == 3


def test_same_input_order_gives_the_same_ids_on_a_fresh_store(tmp_path):
    runs = []
    for name in ("one.db", "two.db"):
        sqlite_store = SqliteStore(str(tmp_path / name))
        linked = load_journey(sqlite_store)
        runs.append(
            [
                (a["id"], a["statement_id"], a["speaker_id"], tuple(a["via_outlet_ids"]))
                for _, atts in linked
                for a in atts
            ]
        )
        sqlite_store.close()
    assert runs[0] == runs[1]


def test_a_new_indexer_run_finds_statements_already_stored(store):
    index(store, Linker(store), wire())
    _, atts = index(store, Linker(store), trimmed())
    _, wire_atts = (
        wire()[0],
        store.article_attributions(article_id(wire()[0]["url"], wire()[0]["body"])),
    )
    assert atts[0]["statement_id"] == wire_atts[0]["statement_id"]


def test_speaker_name_variants_become_one_speaker_with_aliases(store):
    linker = Linker(store)
    body = (
        '"We are watching," said Andriy Yusov. "Nothing changed," Yusov added. '
        '"Stay calm," said Andriy Yusov, spokesperson for Ukraine\'s military intelligence. '
        '"It is under control," said Andrii Yusov.'
    )
    quotes = [
        quote(body, "We are watching", "Andriy Yusov"),
        quote(body, "Nothing changed", "Yusov"),
        quote(
            body,
            "Stay calm",
            "Andriy Yusov",
            speaker_text="Andriy Yusov, spokesperson for Ukraine's military intelligence",
            role="spokesperson for Ukraine's military intelligence",
        ),
        quote(body, "It is under control", "Andrii Yusov"),
    ]
    _, atts = index(store, linker, (article("Kyiv Wire", "yusov", "2024-05-01", body), quotes))
    assert {a["speaker_id"] for a in atts} == {"andriy-yusov"}
    assert {a["speaker"] for a in atts} == {"Andriy Yusov"}
    speaker = store.get_speaker("andriy-yusov")
    assert {"Yusov", "Andrii Yusov"} <= set(speaker["aliases"])
    assert "spokesperson for Ukraine's military intelligence" in speaker["roles"]
    assert store.find_speakers("Andrii Yusov")[0]["id"] == "andriy-yusov"


def test_a_surname_shared_by_two_known_people_is_not_merged(store):
    linker = Linker(store)
    body = '"Prices will fall," said Maria Vedmid. "We will respond," said Andrii Vedmid.'
    index(
        store,
        linker,
        (
            article("Kyiv Wire", "two-vedmids", "2024-05-01", body),
            [
                quote(body, "Prices will fall", "Maria Vedmid", role="economist"),
                quote(body, "We will respond", "Andrii Vedmid", role="Defence Minister"),
            ],
        ),
    )
    later = '"Nothing is decided," Vedmid said.'
    _, atts = index(
        store,
        linker,
        (
            article("Kyiv Wire", "vedmid-alone", "2024-05-02", later),
            [
                quote(later, "Nothing is decided", "Vedmid"),
            ],
        ),
    )
    assert atts[0]["speaker_id"] not in ("maria-vedmid", "andrii-vedmid")
    # the surname in an article that names one of them joins that one
    both = '"Rates stay," said Maria Vedmid. "Rates stay high," Vedmid added.'
    _, atts = index(
        store,
        linker,
        (
            article("Kyiv Wire", "maria", "2024-05-03", both),
            [
                quote(both, "Rates stay", "Maria Vedmid"),
                quote(both, "Rates stay high", "Vedmid"),
            ],
        ),
    )
    assert [a["speaker_id"] for a in atts] == ["maria-vedmid", "maria-vedmid"]


def test_organization_name_variants_become_one_speaker(store):
    linker = Linker(store)
    names = [
        "Russia's defense ministry",
        "the Russian Defense Ministry",
        "Russian Ministry of Defence",
    ]
    body = " ".join(f'"Claim number {i}," {name} said.' for i, name in enumerate(names))
    quotes = [
        quote(body, f"Claim number {i}", name, speaker_type="organization")
        for i, name in enumerate(names)
    ]
    _, atts = index(store, linker, (article("Kyiv Wire", "mod", "2024-05-01", body), quotes))
    assert len({a["speaker_id"] for a in atts}) == 1
    speaker = store.get_speaker(atts[0]["speaker_id"])
    assert speaker["type"] == "organization"
    assert len(speaker["aliases"]) == 2


def test_outlets_are_canonical_by_name_and_domain(store):
    linker = Linker(store)
    body = (
        '"One," A said, per Reuters. "Two," B said, per reuters.com. '
        '"Three," C said, per Thomson Reuters. "Four," D said, per TASS. '
        '"Five," E said, per state-owned media outlet TASS.'
    )
    quotes = [
        quote(body, text, name, via=[via])
        for text, name, via in (
            ("One", "A", "Reuters"),
            ("Two", "B", "reuters.com"),
            ("Three", "C", "Thomson Reuters"),
            ("Four", "D", "TASS"),
            ("Five", "E", "state-owned media outlet TASS"),
        )
    ]
    _, atts = index(store, linker, (article("Kyiv Wire", "vias", "2024-05-01", body), quotes))
    assert [a["via_outlet_ids"] for a in atts] == [["reuters"]] * 3 + [["tass"]] * 2
    assert [a["via_outlets"] for a in atts] == [["Reuters"]] * 3 + [["TASS"]] * 2
    assert store.find_outlets("reuters.com")[0]["id"] == "reuters"
    # an article's own outlet learns its domain, so the bare domain resolves later
    assert store.find_outlets("kyivwire.example")[0]["id"] == "kyiv-wire"


def test_an_outlets_own_interview_is_not_relayed_by_itself(store):
    body = (
        '"The harbour will reopen," Mayor Dana Fisk told Channel 9 News. '
        '"Fares stay the same," Ole Berg told Reuters.'
    )
    quotes = [
        quote(body, "The harbour will reopen", "Dana Fisk", via=["Channel 9 News"]),
        quote(body, "Fares stay the same", "Ole Berg", via=["Reuters"]),
    ]
    _, atts = index(
        store, Linker(store), (article("Channel 9 News", "own", "2024-05-01", body), quotes)
    )
    assert [a["via_outlets"] for a in atts] == [[], ["Reuters"]]


def test_a_syndicated_copy_points_at_its_original(store):
    linker = Linker(store)
    original, _ = index(store, linker, wire())
    copy, atts = index(store, linker, syndicated())
    assert copy["syndicated_from"] == original["id"]
    assert copy["body_hash"] == original["body_hash"]
    assert copy["original_outlet_id"] == "continental-press-agency"
    assert atts[0]["original_outlet"] == "Continental Press Agency"
    assert atts[0]["outlet_id"] == "newshub"


def test_a_footer_names_the_original_even_before_it_is_stored(store):
    copy, _ = index(store, Linker(store), syndicated())
    assert copy["syndicated_from"] is None
    assert copy["original_outlet_id"] == "continental-press-agency"


def test_near_duplicate_keys_survive_marks_whitespace_and_trims():
    curly = set(keys_for(f"\u201c{SKIES}\u201d"))
    assert curly == set(keys_for(f'"{SKIES}"'))
    assert curly == set(keys_for("  ".join(SKIES.split())))
    assert curly & set(keys_for(SKIES.split(".")[0] + "..."))


def test_merge_and_split_speakers_by_hand(store):
    linker = Linker(store)
    index(store, linker, straight())
    body = '"We are ready," said the minister Andrej Vedmyd.'
    _, atts = index(
        store,
        linker,
        (
            article("Kyiv Wire", "vedmyd", "2024-05-01", body),
            [
                quote(body, "We are ready", "Andrej Vedmyd"),
            ],
        ),
    )
    stray = atts[0]["speaker_id"]
    assert stray != "andrii-vedmid"  # a different spelling of the surname is not guessed

    merged = merge_speakers(store, "andrii-vedmid", [stray])
    assert merged["moved"] == 1
    speaker = store.get_speaker("andrii-vedmid")
    assert stray in speaker["merged_from"]
    assert "Andrej Vedmyd" in speaker["aliases"]
    assert store.get_attribution(atts[0]["id"])["speaker_id"] == "andrii-vedmid"
    assert store.get_attribution(atts[0]["id"])["speaker"] == "Andrii Vedmid"

    split = split_speaker(store, "andrii-vedmid", "Andrej Vedmyd")
    assert split["moved"] == 1
    assert store.get_attribution(atts[0]["id"])["speaker_id"] == stray
    speaker = store.get_speaker("andrii-vedmid")
    assert stray not in speaker["merged_from"]
    assert "Andrej Vedmyd" not in speaker["aliases"]
    # Vedmid's own attributions stayed with him
    assert all(
        a["speaker_id"] == "andrii-vedmid"
        for a in store.article_attributions(index(store, linker, straight())[0]["id"])
    )


def test_a_new_run_after_a_merge_uses_the_kept_speaker(store):
    index(store, Linker(store), straight())
    body = '"We are ready," said Andrej Vedmyd.'
    built = (
        article("Kyiv Wire", "vedmyd", "2024-05-01", body),
        [quote(body, "We are ready", "Andrej Vedmyd")],
    )
    _, atts = index(store, Linker(store), built)
    merge_speakers(store, "andrii-vedmid", [atts[0]["speaker_id"]])
    _, again = index(store, Linker(store), built)
    assert again[0]["speaker_id"] == "andrii-vedmid"


def test_a_copy_retyped_in_another_house_style_joins_the_statement(store):
    linker = Linker(store)
    _, first = index(store, linker, wire())
    _, para = index(store, linker, retyped())
    assert para[0]["statement_id"] == first[0]["statement_id"]
    # the copy calls him "Vedmid" only: its own article's Vedmid, the statement links them
    assert store.get_speaker(para[0]["speaker_id"])["name"] == "Vedmid (in Osterhal aftermath)"


def test_relinking_the_original_after_its_copy_keeps_it_original(store):
    linker = Linker(store)
    original, _ = index(store, linker, wire())
    same_day = dict(syndicated()[0], published="2024-03-14")
    copy, _ = index(store, linker, (same_day, syndicated()[1]))
    again, _ = index(store, Linker(store), wire())
    assert copy["syndicated_from"] == original["id"]
    assert again["syndicated_from"] is None


def test_identical_copies_in_one_unwritten_batch_are_linked(store):
    linker = Linker(store, autoflush=False)
    original, _ = linker.link(*wire())
    copy, _ = linker.link(*syndicated())
    assert store.stats()["statements"] == 0  # nothing written before the flush
    linker.flush()
    assert copy["syndicated_from"] == original["id"]
    assert store.stats()["statements"] == 3


def test_a_bare_surname_joins_the_full_name_the_article_uses(store):
    body = (
        "Mayor Celia Marchetti opened the session. "
        '"The budget is balanced," Marchetti said. "It is not," Okafor replied.'
    )
    _, atts = index(
        store,
        Linker(store),
        (
            article("Metro Ledger", "budget", "2024-05-01", body),
            [
                quote(body, "The budget is balanced", "Marchetti"),
                quote(body, "It is not", "Okafor"),
            ],
        ),
    )
    assert atts[0]["speaker_id"] == "celia-marchetti"
    assert "Mayor" in store.get_speaker("celia-marchetti")["roles"]
    # no full name in sight: a speaker of this article alone, never a page every Okafor shares
    assert store.get_speaker(atts[1]["speaker_id"])["name"] == "Okafor (in Budget)"


def test_pronouns_groups_and_outlets_are_not_taken_for_people(store):
    body = '"One," he said. "Two," several residents said. "Three," Harbor Daily reported.'
    _, atts = index(
        store,
        Linker(store),
        (
            article("Harbor Daily", "who", "2024-05-01", body),
            [
                quote(body, "One", "he"),
                quote(body, "Two", "Several residents"),
                quote(body, "Three", "Harbor Daily"),
            ],
        ),
    )
    assert atts[0]["speaker_id"] is None
    assert store.get_speaker(atts[1]["speaker_id"])["type"] == "group"
    assert store.get_speaker(atts[2]["speaker_id"])["type"] == "organization"


def test_an_outlet_acronym_and_feed_title_resolve_to_the_outlet(store):
    linker = Linker(store)
    index(store, linker, wire())
    body = '"Quiet night," an official told CPA.'
    _, atts = index(
        store,
        linker,
        (
            article("Channel 9 News - Top Stories", "quiet", "2024-05-01", body),
            [quote(body, "Quiet night", "an official", speaker_type="unknown", via=["CPA"])],
        ),
    )
    assert atts[0]["via_outlet_ids"] == ["continental-press-agency"]
    assert atts[0]["outlet"] == "Channel 9 News"


def reworded_copy():
    """NewsHub's own version of the wire story: new intro, same quotes, a footer."""
    body = (
        "Drones hit Osterhal overnight, officials said.\n\n"
        f"\u201c{SKIES},\u201d Defence Minister Andrii Vedmid said.\n\n"
        "\u201cThe drones were launched from Karsk territory,\u201d said Mara Voss.\n\n"
        "Read the original article on Continental Press Agency"
    )
    return article("NewsHub", "drones-hit-osterhal", "2024-03-15", body), [
        quote(body, SKIES, "Defence Minister Andrii Vedmid"),
        quote(body, "The drones were launched from Karsk territory", "Mara Voss"),
    ]


def test_a_reworded_copy_finds_its_original_by_shared_quotes(store):
    linker = Linker(store)
    original, _ = index(store, linker, wire())
    copy, _ = index(store, Linker(store), reworded_copy())
    assert copy["body_hash"] != original["body_hash"]
    assert copy["syndicated_from"] == original["id"]


def test_reindexing_a_copy_that_came_before_its_original_changes_nothing(store):
    linker = Linker(store)
    first = [index(store, linker, build()) for build in (reworded_copy, wire)]
    again = [index(store, Linker(store), build()) for build in (reworded_copy, wire)]
    assert first == again
    assert first[0][0]["syndicated_from"] is None  # decided when it arrived, kept since
    assert first[0][0]["original_outlet_id"] == "continental-press-agency"


def test_a_split_takes_back_pronouns_in_articles_naming_only_the_alias(store):
    linker = Linker(store)
    daniel = '"Roads first," said Daniel Okafor. "Then parks," he added.'
    grace = '"Recall the batches," said Grace Okafor. "Now," she said.'
    _, d_atts = index(
        store,
        linker,
        (
            article("Metro Ledger", "daniel", "2024-05-01", daniel),
            [
                quote(daniel, "Roads first", "Daniel Okafor"),
                quote(daniel, "Then parks", "Daniel Okafor", speaker_text="he"),
            ],
        ),
    )
    _, g_atts = index(
        store,
        linker,
        (
            article("Metro Ledger", "grace", "2024-05-02", grace),
            [
                quote(grace, "Recall the batches", "Grace Okafor"),
                quote(grace, "Now", "Grace Okafor", speaker_text="she"),
            ],
        ),
    )
    assert merge_speakers(store, "grace-okafor", ["daniel-okafor"])["moved"] == 2
    assert split_speaker(store, "grace-okafor", "Daniel Okafor")["moved"] == 2
    assert [store.get_attribution(a["id"])["speaker_id"] for a in d_atts + g_atts] == [
        "daniel-okafor",
        "daniel-okafor",
        "grace-okafor",
        "grace-okafor",
    ]
    with pytest.raises(KeyError):
        split_speaker(store, "grace-okafor", "Nobody")


def test_a_later_run_knows_a_transliteration_of_a_stored_name(store):
    body = '"We are watching," said Andriy Yusov.'
    built = (
        article("Kyiv Wire", "yusov-1", "2024-05-01", body),
        [quote(body, "We are watching", "Andriy Yusov")],
    )
    index(store, Linker(store), built)
    later = '"Nothing changed," said Andrii Yusov.'
    _, atts = index(
        store,
        Linker(store),
        (
            article("Kyiv Wire", "yusov-2", "2024-05-02", later),
            [
                quote(later, "Nothing changed", "Andrii Yusov"),
            ],
        ),
    )
    assert atts[0]["speaker_id"] == "andriy-yusov"


def test_an_organization_acronym_joins_the_organization(store):
    body = (
        '"The batches are unsafe," the National Medicines Agency said. '
        '"Stop taking them," the NMA added.'
    )
    quotes = [
        quote(body, "The batches are unsafe", "National Medicines Agency", "organization"),
        quote(body, "Stop taking them", "NMA", "organization"),
    ]
    built = (article("Metro Ledger", "nma", "2024-05-01", body), quotes)
    _, atts = index(store, Linker(store), built)
    assert [a["speaker_id"] for a in atts] == ["national-medicines-agency"] * 2
    assert "NMA" in store.get_speaker("national-medicines-agency")["aliases"]


def test_a_batch_links_exactly_like_one_article_at_a_time(store):
    one_by_one = load_journey(store)  # written article by article, as the web API does
    store.clear()
    linker = Linker(store, autoflush=False)
    batched = linker.link_batch([build() for build in JOURNEY])
    assert batched == one_by_one
    assert store.stats()["statements"] == len({a["statement_id"] for _, x in batched for a in x})
    store.put_articles([ArticleRecord(art, atts) for art, atts in batched])
    # a later run over the same input, in one batch: identical again
    assert Linker(store, autoflush=False).link_batch([build() for build in JOURNEY]) == batched


def test_a_batch_reads_its_copies_and_statements_in_one_go(store):
    index(store, Linker(store), wire())  # an earlier run: the statements are in the store
    reads: Counter[str] = Counter()
    inside: list[str] = []  # an engine may answer a batched read one lookup at a time

    def counted(name):
        method = getattr(store, name)

        def read(*args, **kwargs):
            if not inside:
                reads[name] += 1
            inside.append(name)
            try:
                return method(*args, **kwargs)
            finally:
                inside.pop()

        return read

    names = ("articles_by_body_hash", "statements_by_keys")
    batched = ("articles_by_body_hashes", "statements_by_key_sets")
    for name in names + batched:
        setattr(store, name, counted(name))
    try:
        Linker(store, autoflush=False).link_batch([build() for build in JOURNEY])
    finally:
        for name in names + batched:
            delattr(store, name)
    assert reads == Counter(batched)  # once each for the batch, never per article
