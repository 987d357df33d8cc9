"""Aggregators do not relabel outlets: a stated outlet always wins; a feed's title or an
article's host is evidence only when nothing is stated, and a host carrying several outlets
(www.msn.com) never merges them (issue 12, item 3)."""

from __future__ import annotations

from typing import Any

from link_corpus import index, quote

from indexer.link import Linker
from indexer.read.feeds import read_feed
from indexer.read.model import ReadOptions

BODY = '"The harbour reopens on Monday," the port authority said.'


def story(outlet: str | None, url: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    article = {"url": url, "title": "Harbour", "outlet": outlet, "published": "2024-05-21"}
    article["body"] = BODY
    return article, [quote(BODY, "The harbour reopens on Monday", "the port authority")]


def test_a_stated_outlet_is_not_relabelled_by_the_outlet_first_seen_on_its_host(store):
    linker = Linker(store)
    first, _ = index(store, linker, story("Top Stories", "https://metroledger.example/a"))
    later, attributions = index(
        store, linker, story("Metro Ledger", "https://metroledger.example/b")
    )
    assert later["outlet"] == "Metro Ledger"
    assert later["outlet_id"] != first["outlet_id"]
    assert attributions[0]["outlet"] == "Metro Ledger"
    top_stories = store.get_outlet(first["outlet_id"])
    assert "Metro Ledger" not in top_stories.get("aliases", [])


def test_a_stated_outlet_named_like_a_descriptor_is_kept_as_written(store):
    linker = Linker(store)
    for stated in ("American Wire Service", "Lakeside News Agency", "Harbour Broadcaster"):
        article, attributions = index(store, linker, story(stated, "https://wire.example/a"))
        assert article["outlet"] == stated
        assert store.get_outlet(article["outlet_id"])["name"] == stated
        assert attributions[0]["outlet"] == stated
    described, _ = index(store, linker, story("Meridian news agency", "https://wire.example/b"))
    assert store.get_outlet(described["outlet_id"])["name"] == "Meridian"


def test_an_aggregator_host_never_merges_the_outlets_it_carries(store):
    linker = Linker(store)
    independent, _ = index(store, linker, story("The Independent", "https://www.msn.com/en-gb/a"))
    reuters, _ = index(store, linker, story("Reuters", "https://www.msn.com/en-gb/b"))
    assert (independent["outlet"], reuters["outlet"]) == ("The Independent", "Reuters")
    assert independent["outlet_id"] != reuters["outlet_id"]
    # A portal no list knows gives itself away by carrying two stated outlets.
    ledger, _ = index(store, linker, story("Metro Ledger", "https://portal.example/1"))
    harbour, _ = index(store, linker, story("Harbour Times", "https://portal.example/2"))
    assert ledger["outlet_id"] != harbour["outlet_id"]
    for article in (independent, reuters, ledger, harbour):
        outlet = store.get_outlet(article["outlet_id"])
        assert not {"msn.com", "portal.example"} & set(outlet.get("domains", [])), outlet
        others = {"The Independent", "Reuters", "Metro Ledger", "Harbour Times"} - {outlet["name"]}
        assert not others & set(outlet.get("aliases", [])), outlet
    # A host alone, with nothing stated, is no evidence of an outlet on an aggregator.
    unstated, _ = index(store, linker, story(None, "https://portal.example/3"))
    assert unstated["outlet_id"] is None


def rss(title: str, items: list[tuple[str, str | None]]) -> bytes:
    """A full-text RSS feed of (link, stated source) items."""
    entries = "".join(
        f"<item><title>Harbour {n}</title><link>{link}</link>"
        + (f'<source url="{link}">{source}</source>' if source else "")
        + f"<description>{BODY} Story {n}.</description></item>"
        for n, (link, source) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"{entries}</channel></rss>"
    ).encode()


def test_an_aggregator_feed_title_names_no_outlet_and_a_publisher_feed_title_does():
    aggregator = rss(
        "Top Stories",
        [
            ("https://metroledger.example/a", None),
            ("https://harbourtimes.example/b", None),
            ("https://harbourtimes.example/c", "Harbour Times"),
        ],
    )
    outlets = [a["outlet"] for a in read_feed(aggregator, "top.xml", ReadOptions())]
    assert outlets == [None, None, "Harbour Times"]
    publisher = rss(
        "Metro Ledger",
        [("https://metroledger.example/a", None), ("https://metroledger.example/b", None)],
    )
    outlets = [a["outlet"] for a in read_feed(publisher, "ledger.xml", ReadOptions())]
    assert outlets == ["Metro Ledger", "Metro Ledger"]
