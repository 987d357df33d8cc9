"""A reader sees which words an article quoted, once: a mixed quote (a paraphrase with a
quoted fragment, 'the mayor called Brenna's account "a provocation"') keeps the article's
pair of quotation marks around the fragment and gets none around the whole - in results,
statement titles, the check page and the article's list of who is quoted - even when
another outlet carried the same statement as a direct quote. On both engines."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from webapp_data import load_newsroom, quote

from store.base import ArticleRecord, Store
from webapp.wording import clean, reported_lead

MIXED = "Brenna's account as \"a provocation ahead of the session\""
BODY = f"Mayor Anna Lindqvist described {MIXED}, on Monday."
QUOTED = "A provocation ahead of the session"
DIRECT_BODY = f'"{QUOTED}," Anna Lindqvist said.'
MARKS = "\"“”«»„"  # quotation marks a reader sees ('…' also counted when not an apostrophe)


def carried_both_ways() -> list[ArticleRecord]:
    """One statement: mixed in one article, its quoted words alone (direct) in another."""
    mixed = quote(BODY, MIXED, speaker="Anna Lindqvist", speaker_id="anna-lindqvist",
                  cue="described", kind="mixed", statement_id="s-mixed", article_id="a-mixed")
    direct = quote(DIRECT_BODY, QUOTED, speaker="Anna Lindqvist", speaker_id="anna-lindqvist",
                   statement_id="s-mixed", article_id="a-direct")
    return [
        ArticleRecord({"id": "a-mixed", "title": "Provocation", "outlet": "CPA",
                       "outlet_id": "cpa", "published": "2024-10-01", "body": BODY}, [mixed]),
        ArticleRecord({"id": "a-direct", "title": "Provocation, again", "outlet": "NewsHub",
                       "outlet_id": "newshub", "published": "2024-10-02",
                       "body": DIRECT_BODY}, [direct]),
    ]


@pytest.fixture
def reader(new_store: Store) -> Any:
    from webapp import create_app

    load_newsroom(new_store)
    new_store.put_statements([{"id": "s-mixed", "text": MIXED, "keys": ["k-mixed"]}])
    new_store.put_articles(carried_both_ways())
    return create_app(new_store, {"TESTING": True}).test_client()


def marks_seen(element: str) -> int:
    """Quotation marks a reader sees in a quote element: those in its text, plus the pair
    the stylesheet adds around an element of class ``q``."""
    opening = element[: element.index(">") + 1]
    text = html.unescape(re.sub(r"<[^>]+>", "", element))
    added = 2 if re.search(r'class="(?:[^"]*\s)?q(?:\s[^"]*)?"', opening) else 0
    return sum(text.count(m) for m in MARKS) + added


def quote_elements(page: str, words: str) -> list[str]:
    """The quote elements (results, headings, list entries) holding ``words``."""
    found = []
    for opening in re.finditer(r'<(blockquote|span|a) class="(?:content|q-title)[^"]*"', page):
        rest = page[opening.start() :]
        at = rest.find(words, 0, 400)
        if at >= 0:
            found.append(rest[: rest.index(f"</{opening.group(1)}>", at)])
    return found


FRAGMENT = "ahead of the session"  # words no search highlights


@pytest.mark.parametrize(
    "path",
    [
        "/?q=provocation&kind=mixed",
        "/statements/s-mixed",
        "/check?text=Brenna%27s+account+as+a+provocation+ahead+of+the+session",
        "/articles/a-mixed",
        "/speakers/anna-lindqvist",
    ],
)
def test_a_mixed_quote_shows_the_articles_quotation_marks_once(reader: Any, path: str) -> None:
    response = reader.get(path)
    assert response.status_code == 200
    elements = quote_elements(response.get_data(as_text=True), FRAGMENT)
    assert elements, f"{path} shows no quote holding {FRAGMENT!r}"
    assert [marks_seen(e) for e in elements] == [2] * len(elements), f"{path}: {elements}"


def test_an_apostrophe_is_not_a_quotation_mark_without_its_partner() -> None:
    assert clean(MIXED) == MIXED  # the closing mark stays: "Brenna's" opens nothing
    assert clean("the council's plan\"") == "the council's plan"


def test_a_cue_in_ing_reads_as_said() -> None:
    lead = reported_lead({"speaker": "Oleg Brant", "cue": "insisting"})
    assert lead == "Oleg Brant said that"
    assert reported_lead({"speaker": "Oleg Brant", "cue": "warned"}) == "Oleg Brant warned that"


def test_a_cue_whose_content_is_its_object_reads_without_that() -> None:
    called = {"speaker": "Oleg Brant", "cue": "called", "content": "the plan 'a disaster'"}
    assert reported_lead(called) == "Oleg Brant called"
    describing = {"speaker": "Oleg Brant", "cue": "describing", "content": MIXED}
    assert reported_lead(describing) == "Oleg Brant described"
    vowed = {"speaker": "Oleg Brant", "cue": "vowed", "content": "to repeal the levy"}
    assert reported_lead(vowed) == "Oleg Brant vowed"


@pytest.mark.parametrize(
    "body",
    [
        '"We will rebuild the bridge," Mayor Anna Lindqvist said.',
        "Mayor Anna Lindqvist said the bridge would reopen in May.",
        "Mayor Anna Lindqvist urged both sides to return to talks.",
        'Mayor Anna Lindqvist said the bridge was "a disgrace to the city".',
        'Mayor Anna Lindqvist said that "we will rebuild it before the winter."',
    ],
)
def test_a_record_stored_before_its_content_shape_reads_as_the_extractor_would_word_it(
    body: str,
) -> None:
    # A record indexed before content_shape existed is worded by the extractor's own rule:
    # the same lead a reader sees on a freshly indexed copy of it.
    from indexer.extract import extract

    for record in extract(body):
        legacy = {k: v for k, v in record.items() if k != "content_shape"}
        assert reported_lead(legacy) == reported_lead(record)
