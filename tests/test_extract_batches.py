"""Articles extracted in a worker's batch (planned and parsed ahead together) read exactly as
they do one at a time: the batching is a saving, never a different reading."""

from __future__ import annotations

from indexer.extract.article import extract_article
from indexer.extract.nlp import load
from indexer.extract.tokens import text_of
from indexer.extract.workers import analyse_batch

ARTICLES = [
    ("Harbour to reopen", "Anna Berg said that the harbour would reopen in May."),
    (None, '"We will win," said Jon Lund.\n\n"It is close," he added.'),
    ("‘We were never consulted’, say parents", "The council said the plan was final."),
    (None, '"We will win," said Jon Lund.\n\n"It is close," he added.'),  # the same text twice
    (None, ""),
]


def test_a_batch_of_articles_reads_as_each_article_alone():
    found, seconds = analyse_batch(ARTICLES)
    assert found == [extract_article(title, body) for title, body in ARTICLES]
    assert found[0] and found[1] and found[3] == found[1] and found[4] == []
    assert seconds > 0


def test_a_batch_leaves_nothing_behind_for_the_next_one():
    analyse_batch(ARTICLES[:2])
    alone = extract_article(None, "Mayor Dana Fisk said the bridge is safe.")
    assert analyse_batch([(None, "Mayor Dana Fisk said the bridge is safe.")])[0] == [alone]
    assert alone[0]["speaker"] == "Dana Fisk"


def test_a_name_split_over_odd_spacing_keeps_its_written_text():
    doc = load()("Council leader Amira  Shah\nsaid no.")
    first = next(t.i for t in doc if t.text == "Amira")
    last = next(t.i for t in doc if t.text == "Shah")
    assert text_of(list(doc[first : last + 1])) == "Amira  Shah"
    assert text_of(list(doc)[:2]) == doc[:2].text
