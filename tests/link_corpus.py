"""Articles written for the linking and provenance tests, and the helpers that index them
(``conftest.linked_corpus`` serves the whole journey as a fixture).

One quote travels through five outlets: curly quotes at the wire (first seen), straight
quotes, a copy trimmed with an ellipsis, a syndicated copy with a "Read the original
article on ..." footer, and a copy retyped in another house style (a contraction, a hyphen,
a plural, a lower-case start). Near misses sit beside it: the same speaker saying something
else, and the same words with the negation flipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from indexer.link import Linker
from store.base import ArticleRecord, Store

SKIES = (
    "We will not allow our skies to become a shooting gallery for anyone. "
    "Every drone that crosses our border will be answered"
)
WIRE_BODY = (
    "BRENNA, March 14 (CPA) - A wave of drones struck the border town of Osterhal.\n\n"
    f"\u201c{SKIES},\u201d Defence Minister Andrii Vedmid told reporters in Brenna.\n\n"
    "\u201cThe drones were launched from Karsk territory,\u201d said Mara Voss, a "
    "spokesperson for the Interior Ministry.\n\n"
    "\u201cThe drones were not launched from Karsk territory,\u201d said Oleg Brant of the "
    "Karsk Foreign Ministry."
)


def quote(
    body: str,
    content: str,
    speaker: str | None,
    speaker_type: str = "person",
    role: str | None = None,
    via: list[str] | None = None,
    speaker_text: str | None = None,
) -> dict[str, Any]:
    """An extractor-shaped attribution for ``content``, its span found in ``body``."""
    start = body.index(content)
    return {
        "kind": "direct",
        "content": content,
        "content_spans": [[start, start + len(content)]],
        "cue": "said",
        "cue_span": None,
        "speaker_text": speaker_text or speaker,
        "speaker_span": None,
        "speaker": speaker,
        "speaker_type": speaker_type,
        "speaker_role": role,
        "via_outlets": via or [],
        "medium": None,
        "paragraph_index": 0,
        "sentence_index": 0,
        "confidence": 0.9,
    }


def article(outlet: str, slug: str, published: str, body: str, **extra: Any) -> dict[str, Any]:
    domain = outlet.lower().replace(" ", "") + ".example"
    return {
        "url": f"https://{domain}/{slug}",
        "title": slug.replace("-", " ").capitalize(),
        "outlet": outlet,
        "published": published,
        "body": body,
        **extra,
    }


def wire() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The first sighting: the wire story with curly quotes and two opposite claims."""
    body = WIRE_BODY
    return article("Continental Press Agency", "drones-strike-osterhal", "2024-03-14", body), [
        quote(body, SKIES, "Defence Minister Andrii Vedmid"),
        quote(
            body,
            "The drones were launched from Karsk territory",
            "Mara Voss",
            role="spokesperson for the Interior Ministry",
        ),
        quote(
            body,
            "The drones were not launched from Karsk territory",
            "Oleg Brant",
            role="Karsk Foreign Ministry",
        ),
    ]


def straight() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    body = (
        f'Minister Vedmid promised a response. "{SKIES}," said Andrii Vedmid, according to '
        'Reuters.\n\nVedmid also said: "The drones were shot down over the Osterhal district."'
    )
    return article("Harbor Daily", "vedmid-vows-response", "2024-03-15", body), [
        quote(body, SKIES, "Andrii Vedmid", via=["Reuters"]),
        quote(body, "The drones were shot down over the Osterhal district", "Vedmid"),
    ]


def trimmed() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    text = "We will not allow our skies to become a shooting gallery for anyone\u2026"
    body = (
        f"\u201c{text}\u201d the minister, Andriy Vedmid, said, per state-owned media outlet TASS."
    )
    return article("Riverside Post", "osterhal-night", "2024-03-15", body), [
        quote(body, text, "Andriy Vedmid", via=["state-owned media outlet TASS"]),
    ]


def syndicated() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """NewsHub republishes the wire story word for word, with a footer naming it."""
    body = WIRE_BODY + "\n\nRead the original article on Continental Press Agency"
    return article("NewsHub", "cpa-drones-strike-osterhal", "2024-03-15", body), [
        quote(body, SKIES, "Defence Minister Andrii Vedmid"),
    ]


def retyped() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The same words in another house style: "won't", "shooting-gallery", "borders"."""
    text = (
        "we won't allow our skies to become a shooting-gallery for anyone. "
        "Every drone that crosses our borders will be answered"
    )
    body = f"'{text},' Vedmid said on Saturday."
    return article("Northern Courier", "osterhal-aftermath", "2024-03-16", body), [
        quote(body, text, "Vedmid"),
    ]


JOURNEY = (wire, straight, trimmed, syndicated, retyped)


def index(
    store: Store, linker: Linker, built: tuple[dict[str, Any], list[dict[str, Any]]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Link and store one article, as the ingestion pipeline does."""
    linked_article, linked = linker.link(*built)
    outcome = store.put_articles([ArticleRecord(linked_article, linked)])[0]
    assert outcome.status in ("indexed", "replaced", "unchanged"), outcome
    return linked_article, linked


def load_journey(
    store: Store,
    order: Sequence[Callable[[], tuple[dict[str, Any], list[dict[str, Any]]]]] = JOURNEY,
    linker: Linker | None = None,
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Link and store the journey's articles one by one in ``order`` (by default the date
    order of ``JOURNEY``), with one linker (a new one unless given): ``(article,
    attributions)`` per article, in that order."""
    linker = linker or Linker(store)
    return [index(store, linker, build()) for build in order]
