"""A reader types the operators other search boxes know: ``NOT strike`` leaves strike out
as ``-strike`` does, and ``AND`` is the implicit AND said aloud; lower-case ``not`` and
``and``, or an operator with nothing to act on, stay plain words. On both engines, and the
page's help says so.

The corpus is the store contract's (``tests/store_fixtures.py``), as in
``test_query_syntax.py``.
"""

from __future__ import annotations

from test_query_syntax import ALL, STATION, found


def test_not_leaves_out_a_word_or_phrase_like_minus(fixtures_corpus):
    assert found(fixtures_corpus, "NOT station") == ALL - STATION
    assert found(fixtures_corpus, "air NOT runs") == found(fixtures_corpus, "air -runs")
    assert found(fixtures_corpus, 'NOT "air defence"') == found(fixtures_corpus, '-"air defence"')


def test_and_between_two_words_requires_both(fixtures_corpus):
    assert found(fixtures_corpus, "energy AND strikes") == found(fixtures_corpus, "energy strikes")
    assert found(fixtures_corpus, "energy AND NOT strikes") == found(
        fixtures_corpus, "energy -strikes"
    )


def test_an_operator_with_nothing_to_act_on_is_a_word(fixtures_corpus):
    assert found(fixtures_corpus, "drones NOT") == {"a5-1"}  # "not", a stop word: dropped
    assert found(fixtures_corpus, "AND drones") == {"a5-1"}


def test_the_page_explains_not_and_and(client):
    help_text = client.get("/").get_data(as_text=True)
    assert "<code>NOT drones</code>" in help_text
    assert "<code>drones AND harbour</code>" in help_text
