"""The HTML pages as a fact-checker uses them, on SQLite and on Elasticsearch.

Each test opens pages with the Flask test client over the hand-written newsroom in
``webapp_data`` and reads the HTML the way a person would: totals, chips, highlights,
links onward.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from webapp_data import DRONES, RECALL, quote

from store.base import ArticleRecord, SearchResult, Store, StoreError
from webapp import create_app


def html(client: Any, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.data[:400])
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def links(page: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', page)]


def total(page: str) -> int:
    match = re.search(r"of <strong>([\d,]+)</strong> attribution", page)
    return int(match.group(1).replace(",", "")) if match else 0


# --- search ---------------------------------------------------------------------------


def test_home_lists_everything_with_facet_counts(client: Any) -> None:
    page = html(client, "/")
    assert total(page) == 8
    assert re.search(r"Anna Lindqvist</span> <span class=\"fc\">4</span>", page)
    for title in ("Speaker", "Speaker type", "Publishing outlet", "Via outlet", "Kind", "Cue"):
        assert f">{title}" in page
    assert "<svg" in page and "Published, by month" in page


def test_query_highlights_matched_words(client: Any) -> None:
    page = html(client, "/?q=rebuild+home")
    assert total(page) == 3
    assert "<mark>rebuild</mark>" in page and "<mark>home</mark>" in page


def test_two_facets_make_two_chips_and_each_chip_removes_only_itself(client: Any) -> None:
    page = html(client, "/?speaker=anna-lindqvist&via=cpa")
    assert total(page) == 2
    chips = re.findall(r'<a class="chip" href="([^"]+)"', page)
    assert len(chips) == 2
    remaining = [parse_qs(urlparse(unescape(c)).query) for c in chips]
    assert {"speaker": ["anna-lindqvist"]} in remaining and {"via": ["cpa"]} in remaining
    assert remaining[1] == {"speaker": ["anna-lindqvist"]}
    assert total(html(client, unescape(chips[1]))) == 4


def test_facet_values_within_one_facet_are_ored(client: Any) -> None:
    assert total(html(client, "/?outlet=cpa&outlet=newshub")) == 2


def test_a_month_bar_filters_that_month(client: Any) -> None:
    page = html(client, "/")
    march = next(h for h in links(page) if "from=2024-03-01" in h)
    assert "to=2024-03-31" in march
    filtered = html(client, march)
    assert total(filtered) == 3
    assert "Month:</span> Mar 2024" in filtered


def test_sort_by_date_puts_newest_first(client: Any) -> None:
    page = html(client, "/?sort=date")
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', page)
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-11-02"
    oldest = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', html(client, "/?sort=date_asc"))
    assert oldest == sorted(oldest)


def test_without_words_the_newest_come_first(client: Any) -> None:
    page = html(client, "/")
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', page)
    assert dates == sorted(dates, reverse=True)
    assert ">relevance<" not in page.split('class="sort"')[1].split("</nav>")[0]


def test_pagination_shows_the_total_and_walks_pages(client: Any) -> None:
    page = html(client, "/?per_page=3")
    assert "1–3 of <strong>8</strong>" in page
    assert 'rel="next"' in page and 'rel="prev"' not in page
    last = html(client, "/?per_page=3&page=3")
    assert "7–8 of <strong>8</strong>" in last and 'rel="next"' not in last


def test_page_past_the_end_says_so_and_links_back(client: Any) -> None:
    page = html(client, "/?per_page=3&page=9")
    assert "No results on page 9" in page
    assert any("page=3" in h for h in links(page))


def test_typing_a_speaker_or_outlet_name_offers_their_page(client: Any) -> None:
    page = html(client, "/?q=mayor+lindqvist")
    assert 'href="/speakers/anna-lindqvist"' in page
    page = html(client, "/?q=Central+Press+Agency")
    assert 'href="/outlets/cpa"' in page
    assert 'class="note named"' not in html(client, "/?q=drones")


def test_no_results_is_a_helpful_page(client: Any) -> None:
    page = html(client, "/?q=zeppelin")
    assert "No attributions match" in page and 'class="hit' not in page


def test_many_values_offer_show_more(fresh_client: Any, fresh_newsroom: Store) -> None:
    client, store = fresh_client, fresh_newsroom
    body = " ".join(f"Speaker{i} said claim number {i} is true." for i in range(14))
    attributions = [
        quote(
            body,
            f"claim number {i} is true",
            speaker=f"Speaker{i}",
            speaker_id=f"speaker-{i}",
            article_id="a-many",
        )
        for i in range(14)
    ]
    article = {
        "id": "a-many",
        "title": "Many voices",
        "outlet": "CPA",
        "outlet_id": "cpa",
        "published": "2024-12-01",
        "body": body,
    }
    assert store.put_articles([ArticleRecord(article, attributions)])[0].status == "indexed"
    page = html(client, "/?q=claim")
    more = next(h for h in links(page) if "more=speaker" in h)
    assert "show more (14)" in page
    full = html(client, more)
    assert len(re.findall(r'data-facet="speaker"', full)) == 1
    speakers = full.split('data-facet="speaker"')[1].split("</section>")[0]
    assert speakers.count("<li") == 14 and "show fewer" in speakers


def test_the_search_form_is_a_plain_get_form_keeping_filters(client: Any) -> None:
    page = html(client, "/?kind=direct&sort=date")
    form = page.split('<form class="search"')[1].split("</form>")[0]
    assert 'method="get"' in form
    assert '<input type="hidden" name="kind" value="direct">' in form
    assert '<input type="hidden" name="sort" value="date">' in form
    assert '<label for="q">' in form


def test_exports_link_to_the_same_search(client: Any) -> None:
    page = html(client, "/?q=rebuild&kind=direct")
    assert "/api/v1/search.csv?q=rebuild&amp;kind=direct" in page
    assert "/api/v1/search.jsonl?q=rebuild&amp;kind=direct" in page


# --- hostile input --------------------------------------------------------------------


HOSTILE = ['"unbalanced', "a AND (", "title:(x OR", "*", "NEAR(a b", "-", "¿ü€"]


@pytest.mark.parametrize("q", HOSTILE)
def test_query_syntax_is_never_an_error(client: Any, q: str) -> None:
    html(client, "/?" + "q=" + q.replace(" ", "+").replace("&", "%26"))


def test_a_ten_thousand_character_query_is_answered(client: Any) -> None:
    page = html(client, "/?q=" + "rebuild " * 1250)
    assert "first 1,000 characters" in page
    html(client, "/?q=" + "x" * 10_001, status=400)


def test_script_in_query_and_in_stored_quotes_is_escaped(client: Any, newsroom: Store) -> None:
    page = html(client, "/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    home = html(client, "/")
    assert "<script>alert(" not in home
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in home
    assert "Eve &lt;b&gt;Hacker&lt;/b&gt;" in home and "<b>Hacker</b>" not in home
    article = html(client, "/articles/a-ml-defaced")
    assert "<script>alert(" not in article and "<i>Website</i>" not in article
    assert 'href="javascript:' not in article  # a stored javascript: URL is shown, not linked
    attribution = newsroom.article_attributions("a-ml-defaced")[0]["id"]
    assert 'href="javascript:' not in html(client, f"/attributions/{attribution}")


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("colour=red", "colour"),
        ("from=2024-13-01", "from"),
        ("to=yesterday", "to"),
        ("from=2024-05-01&to=2024-04-01", "from"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("per_page=101", "per_page"),
        ("sort=random", "sort"),
        ("more=colour", "more"),
        ("kind=bogus", "kind"),
        ("cue_type=spoken", "cue_type"),
    ],
)
def test_bad_parameters_get_a_400_page_naming_them(client: Any, query: str, param: str) -> None:
    page = html(client, "/?" + query, status=400)
    assert f"Parameter &#39;{param}&#39;" in page
    assert "Traceback" not in page


def test_a_page_past_the_last_says_which_page_is_the_last(client: Any) -> None:
    page = html(client, "/?page=2000")
    assert "No results on page 2000: there are 8 results on 1 page." in page


def test_blank_form_fields_are_ignored(client: Any) -> None:
    assert total(html(client, "/?q=&from=&to=&sort=")) == 8


# --- entity pages ---------------------------------------------------------------------


COUNT_OF_ANNA = (
    r'<dt>Attributions</dt><dd><a href="/\?speaker=anna-lindqvist&amp;cue_type=all">4</a></dd>'
)


def test_speaker_page_tells_who_they_are_and_what_they_said(client: Any) -> None:
    page = html(client, "/speakers/anna-lindqvist")
    assert "<h1>Anna Lindqvist</h1>" in page
    assert "Mayor Lindqvist" in page and "mayor of Osterhal" in page
    assert re.search(COUNT_OF_ANNA, page)
    assert "Attributions per month" in page and "<svg" in page
    outlets = page.split("Outlets that carried them")[1].split("</section>")[0]
    assert {"CPA", "Riverside Post", "NewsHub", "Harbor Daily"} <= set(
        re.findall(r'<a href="/outlets/[^"]+">([^<]+)</a>', outlets)
    )
    assert total(page) == 4
    narrowed = html(client, "/speakers/anna-lindqvist?q=veto")
    assert total(narrowed) == 1 and re.search(COUNT_OF_ANNA, narrowed)


def test_outlet_page_separates_published_from_relayed(client: Any) -> None:
    page = html(client, "/outlets/cpa")
    assert "<h1>CPA</h1>" in page
    assert "1 attributions</a>" in page  # published
    assert "3 attributions</a>" in page  # relayed "per CPA"
    relayed = page.split('id="h-relayed"')[1]
    assert RECALL in relayed and "Northern Courier" in relayed


def test_attribution_page_shows_chain_passage_and_journey(client: Any, newsroom: Store) -> None:
    copy = newsroom.article_attributions("a-nh-drones")[0]
    page = html(client, f"/attributions/{copy['id']}")
    chain = page.split('class="chain"')[1].split("</ol>")[0]
    order = [chain.index(name) for name in ("Anna Lindqvist", "CPA", "NewsHub", "Riverside Post")]
    assert order == sorted(order)
    assert "this article is a syndicated copy" in chain
    assert '<mark class="m-content k-direct focus"' in page and DRONES in page
    assert re.search(r'<mark class="m-speaker[^"]*"[^>]*>Lindqvist</mark>', page)
    table = page.split('class="carriers"')[1]
    rows = table.split("<tr")[2:]
    assert "first seen" in rows[0] and "CPA" in rows[0]
    assert "this one" in rows[2] and "syndicated copy" in rows[2]
    assert "First seen" in page and "14 Mar 2024" in page
    assert '<svg viewBox="0 0 640' in page


def test_article_page_highlights_every_attribution(client: Any, newsroom: Store) -> None:
    page = html(client, "/articles/a-hd-veto")
    assert "<h1>Mayor threatens budget veto</h1>" in page
    text = page.split('<div class="text">')[1].split("</div>")[0]
    assert text.count('class="m-content k-direct"') == 1
    assert text.count('class="m-content k-indirect"') == 1
    assert 'title="indirect quote, Jonas Feld (says)"' in text
    assert text.count('<a class="qlink" href="/attributions/q-') == 2  # quote -> provenance
    assert "direct quote</mark>" in page and "indirect quote</mark>" in page  # legend
    copy = html(client, "/articles/a-nh-drones")
    assert "this is a syndicated copy" in copy and "/articles/a-rp-drones" in copy


def test_statement_page_shows_journey_without_claimreview_until_reviewed(client: Any) -> None:
    page = html(client, "/statements/s-drones")
    assert DRONES in page
    assert "First seen <strong>" in page and "in CPA" in page
    assert 'type="application/ld+json"' not in page and "Not reviewed yet" in page
    assert page.count('class="tag first"') == 1


def test_check_a_claim_finds_the_statement_and_where_it_started(client: Any) -> None:
    empty = html(client, "/check")
    assert '<textarea id="text" name="text"' in empty and "closest statement" not in empty
    page = html(client, "/check?text=we+will+rebuild+every+home+that+was+hit")
    assert "/statements/s-drones" in page and "same statement" in page
    assert "first seen <strong>" in page and "14 Mar 2024" in page
    none = html(client, "/check?text=zeppelins+over+the+moon+quietly")
    assert "0 closest statements" in none or "/statements/" not in none


@pytest.mark.parametrize(
    "url",
    [
        "/speakers/nobody",
        "/outlets/nowhere",
        "/attributions/q-0",
        "/articles/a-0",
        "/statements/s-0",
        "/no/such/page",
    ],
)
def test_unknown_ids_get_a_404_page(client: Any, url: str) -> None:
    page = html(client, url, status=404)
    assert "Not found" in page and "Traceback" not in page and 'href="/"' in page


# --- failures -------------------------------------------------------------------------


class BrokenStore(Store):
    """A store whose reads fail, to see what the user is told."""

    engine = "broken"

    def __init__(self, error: Exception) -> None:
        self.error = error

    def search(self, query: Any) -> SearchResult:
        raise self.error


for _name in Store.__abstractmethods__ - {"search"}:
    setattr(BrokenStore, _name, lambda self, *a, **k: None)
BrokenStore.__abstractmethods__ = frozenset()


def test_a_crash_is_a_500_page_that_says_what_happened() -> None:
    app = create_app(BrokenStore(RuntimeError("boom")), {"TESTING": False})
    response = app.test_client().get("/?q=x")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something broke on our side" in page and "RuntimeError" in page
    assert "Traceback" not in page


def test_an_unreachable_engine_is_a_503_naming_it() -> None:
    app = create_app(BrokenStore(StoreError("elasticsearch at http://es:9200 is down")))
    response = app.test_client().get("/")
    assert response.status_code == 503
    assert "elasticsearch at http://es:9200 is down" in response.get_data(as_text=True)
    api = app.test_client().get("/api/v1/search")
    assert api.status_code == 503 and api.get_json()["status"] == 503


def test_an_empty_database_still_has_a_working_home(new_store: Store) -> None:
    client = create_app(new_store, {"TESTING": True}).test_client()
    page = html(client, "/")
    assert "No attributions match" in page and "Published, by month" not in page
    assert client.get("/api/v1/search").get_json()["total"] == 0
    html(client, "/check?text=anything+at+all")
    html(client, "/speakers/anyone", status=404)
