"""Denials of an earlier claim by reference: "A spokesman for Hale denied that Hale had said
any such thing", "Delgado denied saying so", "Hale's office later denied that he had made
any such promise", "The company denied the report", "Fisk said he never said that".

The denial's words name no proposition of their own; they point back at a claim the same
article attributed earlier (:func:`schemas.attribution.points_back`, or a saying negated:
:func:`schemas.attribution.unsays`). Linked to that claim's statement, with the claim's id
in ``denial_of``, the denial counts where a reader checks the claim
(``store.provenance.check_claim``: ``denied``, ``denied_by``), as a denial worded in full
("denied that the bill could never pass") does.
"""

from __future__ import annotations

import re
from typing import Any

from indexer.extract.second_hand import HEDGE_ADVERBS, HEDGE_PASSIVES
from indexer.lexicon import wordset
from indexer.link.speakers import fold
from schemas.attribution import denies, is_denial, points_back, unsays

# A pronoun standing for the one whose claim is denied: "denied that he had made any such
# promise", "said she never said that".
_PRONOUN = re.compile(r"^(?:that\s+)?(?:he|she|they)\b", re.IGNORECASE)
# What a report is called when a denial points back at it: "denied the report", "the story".
_REPORT = re.compile(
    r"\b(?:reports?|reporting|stor(?:y|ies)|articles?|account)\W*$", re.IGNORECASE
)
# Cues by which an outlet or a body reports a claim ("The Ledger reported that ...").
_REPORTING_CUES = wordset(
    "report reports reported reporting write writes wrote claim claims claimed"
)
# The unnamed sources of hearsay ("Hale reportedly told ...": "reports").
_UNNAMED_SOURCES = frozenset(HEDGE_ADVERBS.values()) | frozenset(HEDGE_PASSIVES.values())


def is_back_reference(content: str) -> bool:
    """Whether a denial's ``content`` only points back at a claim ("that Hale had said any
    such thing", "saying so", "the remarks", "he never said that") instead of wording one."""
    return points_back(content) or unsays(content)


def denied_claim(denial: dict[str, Any], earlier: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The earlier attribution of the same article that ``denial`` (a linked attribution)
    denies by reference, or None.

    ``denial`` either denies (:func:`schemas.attribution.denies`) and points back
    (:func:`schemas.attribution.points_back`: "denied that Hale had said any such thing",
    "denied the report"), or negates the saying whatever its cue ("said he never said
    that": :func:`schemas.attribution.unsays`). The claim denied is the latest earlier
    attribution that is not itself a denial and that the denial designates:

    - a named person's, whose surname the denial's words, its speaker's role or its
      speaker's name hold ("a spokesman for Hale", "Hale's office");
    - the denier's own ("Hale denied saying so");
    - a person's, when the denial's words start with a pronoun standing for him or her
      ("denied that he had made any such promise", "said he never said that");
    - a report's, when the denial points back at a report, story or article ("The
      company denied the report"): a claim an outlet reported, relayed through an outlet,
      or hearsay ("reportedly").
    """
    content = denial.get("content") or ""
    cue = denial.get("cue")
    if not ((denies(cue) and points_back(content)) or unsays(content)):
        return None
    said = fold(
        f"{content} {denial.get('speaker_role') or ''} {denial.get('speaker_text') or ''}"
    ).split()
    pronoun = bool(_PRONOUN.match(content.strip(" \"'\u201c\u201d")))
    report = bool(_REPORT.search(content))
    for claim in reversed(earlier):
        if is_denial(claim) or not claim.get("speaker_id"):
            continue
        person = claim.get("speaker_type") == "person"
        surname = fold(claim.get("speaker") or "").split()[-1:] if person else []
        if (
            claim["speaker_id"] == denial.get("speaker_id")
            or (surname and surname[0] in said)
            or (report and _reported(claim))
        ):
            return claim
        if pronoun and person:
            return claim
    return None


def _reported(claim: dict[str, Any]) -> bool:
    """Whether ``claim`` is a report's: an outlet's or a body's reporting cue ("The Ledger
    reported that ..."), words relayed through an outlet ("per Reuters"), or hearsay
    ("Hale reportedly told ...", its unnamed source in ``relayed_by``)."""
    if claim.get("via_outlets") or claim.get("relayed_by") in _UNNAMED_SOURCES:
        return True
    return claim.get("speaker_type") != "person" and (
        (claim.get("cue") or "").casefold() in _REPORTING_CUES
    )
