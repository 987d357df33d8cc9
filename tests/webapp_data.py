"""A small newsroom, written by hand through the store, for the webapp tests on both engines
(served by the ``newsroom`` fixtures of ``conftest``).

Six outlets over 2024: a wire (CPA) whose drone-strike quote from Mayor Lindqvist is
relayed by the Riverside Post ("per CPA") and copied by NewsHub (a syndicated copy), so
one statement has a journey of three articles; recurring speakers; an organization; a
quote holding ``<script>`` to prove escaping.
"""

from __future__ import annotations

from typing import Any

from schemas.ids import attribution_id
from store.base import ArticleRecord, Store

DRONES = "We will rebuild every home that was hit tonight"
VETO = "I will veto any budget that cuts the ferry service"
LEVY = "the levy is the fairest way to pay for the sea wall"
RECALL = "all affected batches of Cardiloz have been withdrawn"
SCRIPT = "<script>alert('owned')</script> is what they typed"

OUTLETS = [
    {"id": "cpa", "name": "CPA", "aliases": ["Central Press Agency"], "domains": ["cpa.example"]},
    {"id": "riverside-post", "name": "Riverside Post", "domains": ["riversidepost.example"]},
    {"id": "newshub", "name": "NewsHub", "domains": ["newshub.example"]},
    {"id": "harbor-daily", "name": "Harbor Daily", "domains": ["harbordaily.example"]},
    {"id": "metro-ledger", "name": "Metro Ledger", "domains": ["metroledger.example"]},
    {"id": "northern-courier", "name": "Northern Courier", "domains": []},
]
SPEAKERS = [
    {
        "id": "anna-lindqvist",
        "name": "Anna Lindqvist",
        "aliases": ["Mayor Lindqvist"],
        "type": "person",
        "roles": ["mayor of Osterhal"],
    },
    {
        "id": "jonas-feld",
        "name": "Jonas Feld",
        "aliases": [],
        "type": "person",
        "roles": ["council member"],
    },
    {
        "id": "national-medicines-agency",
        "name": "National Medicines Agency",
        "aliases": ["NMA"],
        "type": "organization",
        "roles": [],
    },
    {"id": "eve-hacker", "name": "Eve <b>Hacker</b>", "aliases": [], "type": "person", "roles": []},
]
STATEMENTS = [
    {"id": "s-drones", "text": DRONES, "keys": ["k-drones"]},
    {"id": "s-veto", "text": VETO, "keys": ["k-veto"]},
]


def quote(
    body: str,
    content: str,
    *,
    speaker: str,
    speaker_id: str | None,
    cue: str | None = "said",
    kind: str = "direct",
    speaker_type: str = "person",
    via: tuple[tuple[str, str], ...] = (),
    statement_id: str | None = None,
    article_id: str,
) -> dict[str, Any]:
    """An attribution whose spans point at the words in ``body``."""
    start = body.index(content)
    spans = [[start, start + len(content)]]
    record: dict[str, Any] = {
        "id": attribution_id(article_id, content),
        "article_id": article_id,
        "kind": kind,
        "content": content,
        "content_spans": spans,
        "speaker": speaker,
        "speaker_id": speaker_id,
        "speaker_type": speaker_type,
        "speaker_text": speaker,
        "via_outlets": [name for name, _ in via],
        "via_outlet_ids": [oid for _, oid in via],
        "statement_id": statement_id,
    }
    who = body.find(speaker.split()[-1], start + len(content))
    if who < 0:
        who = body.find(speaker.split()[-1])
    if who >= 0:
        record["speaker_span"] = [who, who + len(speaker.split()[-1])]
    if cue:
        at = body.find(f" {cue}", max(0, start - 80))
        if at >= 0:
            record["cue"] = cue
            record["cue_span"] = [at + 1, at + 1 + len(cue)]
        else:
            record["cue"] = cue
    return record


def article(
    aid: str, outlet_id: str, published: str, title: str, body: str, **extra: Any
) -> dict[str, Any]:
    name = next(o["name"] for o in OUTLETS if o["id"] == outlet_id)
    return {
        "id": aid,
        "url": f"https://{outlet_id}.example/{aid}",
        "title": title,
        "outlet": name,
        "outlet_id": outlet_id,
        "published": published,
        "language": "en",
        "body": body,
        **extra,
    }


def newsroom() -> list[ArticleRecord]:
    """Seven articles: one statement travelling wire -> paper -> syndicated copy."""
    records = []

    body = (
        f'OSTERHAL - Drones struck the harbour district overnight. "{DRONES}," Mayor Anna '
        "Lindqvist said at a press conference.\n\nEmergency crews worked until dawn."
    )
    a = article("a-cpa-drones", "cpa", "2024-03-14", "Drones strike Osterhal", body)
    records.append(
        ArticleRecord(
            a,
            [
                quote(
                    body,
                    DRONES,
                    speaker="Anna Lindqvist",
                    speaker_id="anna-lindqvist",
                    statement_id="s-drones",
                    article_id=a["id"],
                )
            ],
        )
    )

    body = (
        "The night the drones came.\n\n"
        f'"{DRONES}," Lindqvist said, according to CPA. Residents gathered at the town '
        "hall the next morning."
    )
    a = article("a-rp-drones", "riverside-post", "2024-03-14", "Osterhal's long night", body)
    records.append(
        ArticleRecord(
            a,
            [
                quote(
                    body,
                    DRONES,
                    speaker="Anna Lindqvist",
                    speaker_id="anna-lindqvist",
                    statement_id="s-drones",
                    via=(("CPA", "cpa"),),
                    article_id=a["id"],
                )
            ],
        )
    )

    a = article(
        "a-nh-drones",
        "newshub",
        "2024-03-15",
        "Osterhal's long night",
        body,
        syndicated_from="a-rp-drones",
        original_outlet="Riverside Post",
        original_outlet_id="riverside-post",
    )
    records.append(
        ArticleRecord(
            a,
            [
                quote(
                    body,
                    DRONES,
                    speaker="Anna Lindqvist",
                    speaker_id="anna-lindqvist",
                    statement_id="s-drones",
                    via=(("CPA", "cpa"),),
                    article_id=a["id"],
                )
            ],
        )
    )

    body = (
        f'Mayor Lindqvist drew a line on Tuesday. "{VETO}," Lindqvist told reporters. '
        f"Council member Jonas Feld says {LEVY}."
    )
    a = article("a-hd-veto", "harbor-daily", "2024-06-18", "Mayor threatens budget veto", body)
    records.append(
        ArticleRecord(
            a,
            [
                quote(
                    body,
                    VETO,
                    speaker="Anna Lindqvist",
                    speaker_id="anna-lindqvist",
                    cue="told",
                    statement_id="s-veto",
                    article_id=a["id"],
                ),
                quote(
                    body,
                    LEVY,
                    speaker="Jonas Feld",
                    speaker_id="jonas-feld",
                    cue="says",
                    kind="indirect",
                    article_id=a["id"],
                ),
            ],
        )
    )

    body = f"The budget vote is set for May. Jonas Feld says {LEVY}, a view the opposition rejects."
    a = article("a-ml-budget", "metro-ledger", "2024-05-09", "Budget: council reacts", body)
    records.append(
        ArticleRecord(
            a,
            [
                quote(
                    body,
                    LEVY,
                    speaker="Jonas Feld",
                    speaker_id="jonas-feld",
                    cue="says",
                    kind="indirect",
                    article_id=a["id"],
                )
            ],
        )
    )

    body = (
        f"The National Medicines Agency said {RECALL}, per CPA. Pharmacies were told to "
        "check their shelves."
    )
    a = article("a-nc-recall", "northern-courier", "2024-09-04", "Cardiloz: what to know", body)
    records.append(
        ArticleRecord(
            a,
            [
                quote(
                    body,
                    RECALL,
                    speaker="National Medicines Agency",
                    speaker_id="national-medicines-agency",
                    speaker_type="organization",
                    kind="indirect",
                    via=(("CPA", "cpa"),),
                    article_id=a["id"],
                )
            ],
        )
    )

    body = f'Our comment form was defaced. "{SCRIPT}," Eve Hacker said in a statement.'
    a = article("a-ml-defaced", "metro-ledger", "2024-11-02", "<i>Website</i> defacement", body)
    a["url"] = "javascript:alert('owned')"
    records.append(
        ArticleRecord(
            a,
            [
                quote(
                    body,
                    SCRIPT,
                    speaker="Eve <b>Hacker</b>",
                    speaker_id="eve-hacker",
                    kind="mixed",
                    article_id=a["id"],
                )
            ],
        )
    )
    return records


def load_newsroom(store: Store) -> None:
    store.put_outlets(OUTLETS)
    store.put_speakers(SPEAKERS)
    store.put_statements(STATEMENTS)
    outcomes = store.put_articles(newsroom())
    bad = [o for o in outcomes if o.status == "rejected"]
    assert not bad, bad
