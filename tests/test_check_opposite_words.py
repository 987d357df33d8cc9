"""Checking a claim against its opposite: a statement that says the same but with the
opposite particle or comparative ("handbrake on" / "handbrake off", "more" / "less"), or
that denies the claim in fewer words ("We never promised 5,000 jobs" for "Vedmid promised
5,000 jobs at the drone plant"), is flagged as contradicting it, as a changed number is
flagged as a different figure. Runs on both engines.
"""

from __future__ import annotations

from link_corpus import article, index, quote

from indexer.link import Linker
from store.near_duplicates import compare
from store.provenance import check_claim, coverage


def _store_quotes(store, outlet: str, slug: str, said: list[tuple[str, str]]) -> None:
    body = " ".join(f'"{text}," {speaker} said.' for text, speaker in said)
    index(store, Linker(store), (article(outlet, slug, "2026-11-28", body),
                                 [quote(body, text, speaker) for text, speaker in said]))


def test_the_opposite_particle_in_otherwise_matching_words_contradicts(store):
    _store_quotes(store, "Daily Globe", "rates", [
        ("the bank was driving with the handbrake off", "Pavel Ruzek"),
    ])
    [found] = check_claim(store, "The bank is driving with the handbrake on")
    assert found["text"] == "the bank was driving with the handbrake off"
    assert found["contradicts"] is True
    [same] = check_claim(store, "The bank is driving with the handbrake off")
    assert same["contradicts"] is False


def test_more_and_less_better_and_worse_are_opposites():
    assert coverage("families will pay more for energy", "families will pay less for energy"
                    ).contradicts
    assert coverage("the service is getting better", "the service is getting worse").contradicts
    assert not coverage("the service is getting better", "the service is getting better"
                        ).contradicts


def test_a_shorter_negated_statement_inside_the_claim_contradicts_it(store):
    _store_quotes(store, "Riverside Post", "jobs", [
        ("We never promised 5,000 jobs. We said as many as 500 in the first phase",
         "Andrii Vedmid"),
    ])
    [found] = check_claim(store, "Vedmid promised 5,000 jobs at the drone plant")
    assert found["contradicts"] is True
    [agrees] = check_claim(store, "Vedmid never promised 5,000 jobs at the drone plant")
    assert agrees["contradicts"] is False


def test_a_single_shared_word_under_a_negation_is_not_a_contradiction():
    assert not coverage("Vedmid promised jobs at the drone plant", "We never promised").contradicts


def test_a_copy_that_only_drops_on_stays_the_same_quote_but_off_does_not():
    assert compare("the ferry will sail on Friday as planned",
                   "the ferry will sail Friday as planned").same
    off = compare("the talks are on for Friday at the ministry in Brenna",
                  "the talks are off for Friday at the ministry in Brenna")
    assert not off.same and off.negated


def test_a_negated_clause_of_a_longer_reported_statement_contradicts_the_claim(store):
    """A mixed quote, 'the State would "not allow the Tunga barrage at any cost" and would
    go to the Supreme Court', carries the claim in its first predicate only: the negation
    there (the reported clause or the quoted fragment) decides its polarity, the second
    predicate does not dilute it."""
    _store_quotes(store, "Deccan Courier", "barrage", [
        ('the State would "not allow the Tunga barrage at any cost" and would go to the '
         "Supreme Court if the neighbouring State went ahead with the works", "Anand Rao"),
    ])
    [found] = check_claim(store, "The State will allow the Tunga barrage")
    assert found["contradicts"] is True
    [agrees] = check_claim(store, "The State will not allow the Tunga barrage")
    assert agrees["contradicts"] is False
    [other] = check_claim(store, "The State would go to the Supreme Court over the works")
    assert other["contradicts"] is False


def test_a_second_predicate_after_and_is_its_own_negation_scope():
    stored = "ministers would not cut the bus subsidy and would review the fares in spring"
    assert coverage("Ministers will cut the bus subsidy", stored).contradicts
    assert not coverage("Ministers will review the fares in spring", stored).contradicts
