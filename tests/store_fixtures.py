"""A small hand-written news corpus for the store contract suite.

Five articles from four outlets over three months (one undated), quotes by recurring
speakers (a president, an alliance chief, a ministry) plus unlinked ones, one quote relayed
via another outlet. The expected counts in ``tests/test_store_contract.py`` are read off
this file by hand.
"""

from __future__ import annotations

from typing import Any

from store.base import ArticleRecord

SPEAKERS = [
    {
        "id": "zelensky",
        "name": "Volodymyr Zelensky",
        "aliases": ["Zelensky", "Zelenskyy", "Володимир Зеленський"],
        "type": "person",
        "roles": ["President of Ukraine"],
    },
    {
        "id": "jens-stoltenberg",
        "name": "Jens Stoltenberg",
        "aliases": ["Stoltenberg", "NATO chief"],
        "type": "person",
    },
    {
        "id": "ministry-of-defence",
        "name": "Ministry of Defence",
        "aliases": ["MoD"],
        "type": "organization",
    },
]

# "ap" is deliberately missing: its facet label must come from the attributions.
OUTLETS = [
    {"id": "kyiv-post", "name": "Kyiv Post", "domains": ["kyivpost.com"]},
    {"id": "reuters", "name": "Reuters", "domains": ["reuters.com"]},
    {"id": "bbc", "name": "BBC News", "aliases": ["BBC"], "domains": ["bbc.co.uk"]},
]

STATEMENTS = [
    {"id": "st-rebuild", "text": "We will rebuild every power station", "keys": ["k1", "k2", "k3"]},
    {"id": "st-matters", "text": "Every station matters", "keys": ["k2", "k4"]},
    {"id": "st-long-run", "text": "We must be prepared for the long run", "keys": ["k5"]},
]

ZELENSKY = ("Zelensky", "zelensky", "person")
STOLTENBERG = ("Jens Stoltenberg", "jens-stoltenberg", "person")
MINISTRY = ("Ministry of Defence", "ministry-of-defence", "organization")
ANALYSTS = ("Analysts", None, "group")
SPOKESPERSON = ("a spokesperson", None, "person")

# article id, outlet, outlet id, published, title, body, quotes:
# (content, kind, cue, speaker, extra fields)
ARTICLES: list[tuple[str, str, str, str | None, str, str, list[tuple]]] = [
    (
        "a1",
        "Kyiv Post",
        "kyiv-post",
        "2024-01-15",
        "Zelensky warns of winter attacks",
        "President Volodymyr Zelensky said Russia was preparing new strikes on the energy "
        'grid. "We will rebuild every power station," Zelensky told reporters. The Ministry '
        "of Defence stated that air defences were running at full capacity.",
        [
            ("Russia was preparing new strikes on the energy grid", "indirect", "said", ZELENSKY),
            (
                "We will rebuild every power station,",
                "direct",
                "told",
                ZELENSKY,
                {"statement_id": "st-rebuild"},
            ),
            ("air defences were running at full capacity", "indirect", "stated", MINISTRY),
        ],
    ),
    (
        "a2",
        "Reuters",
        "reuters",
        "2024-01-20",
        "Zelensky vows to rebuild",
        'Zelensky says power stations will be rebuilt. "Every station matters," Zelensky '
        "said on Saturday. Analysts said the energy strikes were likely to continue.",
        [
            ("power stations will be rebuilt", "indirect", "says", ZELENSKY),
            (
                "Every station matters,",
                "direct",
                "Said",
                ZELENSKY,
                {"statement_id": "st-matters"},
            ),
            ("the energy strikes were likely to continue", "indirect", "said", ANALYSTS),
        ],
    ),
    (
        "a3",
        "BBC News",
        "bbc",
        "2024-02-03",
        "Allies promise air defence",
        "According to Reuters, Zelensky said that Russia runs a campaign against the grid. "
        "NATO chief Jens Stoltenberg said allies would send more air defence systems.",
        [
            (
                "Russia runs a campaign against the grid",
                "indirect",
                "said",
                ZELENSKY,
                {"via_outlets": ["Reuters"], "via_outlet_ids": ["reuters"]},
            ),
            ("allies would send more air defence systems", "indirect", "said", STOLTENBERG),
        ],
    ),
    (
        "a4",
        "AP",
        "ap",
        "2024-03-10",
        "Stoltenberg: a long war",
        'Jens Stoltenberg warned that the war could last for years. "We must be prepared '
        'for the long run," he said.',
        [
            ("the war could last for years", "indirect", "warned", STOLTENBERG),
            (
                "We must be prepared for the long run,",
                "direct",
                "said",
                STOLTENBERG,
                {"statement_id": "st-long-run"},
            ),
        ],
    ),
    (
        "a5",
        "Kyiv Post",
        "kyiv-post",
        None,
        "Drones shot down",
        "The Ministry of Defence announced that 12 drones were shot down overnight. "
        '"Our air defence is running well," a spokesperson claimed.',
        [
            ("12 drones were shot down overnight", "indirect", "announced", MINISTRY),
            ("Our air defence is running well,", "direct", "claimed", SPOKESPERSON),
        ],
    ),
]


def attribution(article_id: str, body: str, index: int, quote: tuple) -> dict[str, Any]:
    """One attribution of the corpus, its spans found in the body."""
    content, kind, cue, (speaker, speaker_id, speaker_type), *extra = quote
    start = body.index(content)
    cue_start = body.index(cue, start + len(content)) if cue in body[start:] else None
    record = {
        "id": f"{article_id}-{index + 1}",
        "article_id": article_id,
        "kind": kind,
        "content": content,
        "content_spans": [[start, start + len(content)]],
        "cue": cue,
        "cue_span": [cue_start, cue_start + len(cue)] if cue_start is not None else None,
        "speaker": speaker,
        "speaker_id": speaker_id,
        "speaker_type": speaker_type,
        "sentence_index": index,
    }
    for fields in extra:
        record.update(fields)
    return record


def article_records() -> list[ArticleRecord]:
    """The corpus as the linker hands it to the store."""
    records = []
    for article_id, outlet, outlet_id, published, title, body, quotes in ARTICLES:
        article = {
            "id": article_id,
            "url": f"https://example.org/{article_id}",
            "title": title,
            "outlet": outlet,
            "outlet_id": outlet_id,
            "published": published,
            "body": body,
            "body_hash": f"hash-{article_id}",
            "fingerprint": f"fp-{article_id}",
        }
        attributions = [attribution(article_id, body, i, q) for i, q in enumerate(quotes)]
        records.append(ArticleRecord(article, attributions))
    return records


def load_corpus(store: Any) -> None:
    """Write the whole corpus: canonical records first, as the linker does."""
    store.put_speakers(SPEAKERS)
    store.put_outlets(OUTLETS)
    store.put_statements(STATEMENTS)
    outcomes = store.put_articles(article_records())
    assert [o.status for o in outcomes] == ["indexed"] * len(ARTICLES), outcomes
