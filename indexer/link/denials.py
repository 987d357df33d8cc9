"""Denials of an earlier claim by reference: "A spokesman for Hale denied that Hale had said
any such thing", "Delgado denied saying so", "the minister's office dismissed the remarks".

The denial's words name no proposition of their own; they point back at a claim the same
article attributed earlier to a person. Linked to that claim's statement, the denial counts
where a reader checks the claim (``store.provenance.check_claim``: ``denied``,
``denied_by``), as a denial worded in full ("denied that the bill could never pass") does.
"""

from __future__ import annotations

import re
from typing import Any

from indexer.link.speakers import fold
from schemas.attribution import denies

# The words of a denial that points back ("had said any such thing", "saying so", "made
# those remarks", "the comments", "the report", "it"): nothing else in the content.
_BACK_REFERENCE = re.compile(
    r"^(?:that\s+)?(?:(?:\w+\s+){0,3}(?:had\s+|has\s+|ever\s+|having\s+)*"
    r"(?:said|say|saying|made|make|making|told|uttered|used|written|wrote)\s+)?"
    r"(?:any\s+such\s+(?:thing|remarks?|comments?|words?)|anything\s+of\s+the\s+(?:sort|kind)|"
    r"so|it|that|this|such\s+(?:a\s+)?(?:thing|remarks?|comments?|words?)|"
    r"(?:the|those|these|that|this|such|his|her|their)\s+(?:remarks?|comments?|words|"
    r"claims?|reports?|account|quotes?|statements?))"
    r"(?:\s+(?:at\s+all|ever|again|publicly|privately|in\s+private|to\s+(?:anyone|anybody|"
    r"colleagues|aides|reporters)))*\W*$",
    re.IGNORECASE,
)


def is_back_reference(content: str) -> bool:
    """Whether a denial's ``content`` only points back at a claim ("that Hale had said any
    such thing", "saying so", "the remarks") instead of wording one."""
    return bool(_BACK_REFERENCE.match(" ".join(content.strip(" \"'\u201c\u201d.,").split())))


def denied_claim(denial: dict[str, Any], earlier: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The earlier attribution of the same article that ``denial`` (a linked attribution)
    denies by reference, or None. ``denial`` must deny (:func:`schemas.attribution.denies`)
    and point back (:func:`is_back_reference`); the claim denied is the latest earlier
    attribution that does not itself deny, of a named person the denial names (by surname,
    in its words or its speaker's role: "a spokesman for Hale") or the denier himself
    ("Hale denied saying so")."""
    content = denial.get("content") or ""
    if not denies(denial.get("cue")) or not is_back_reference(content):
        return None
    said = fold(f"{content} {denial.get('speaker_role') or ''}").split()
    for claim in reversed(earlier):
        name = claim.get("speaker") or ""
        if denies(claim.get("cue")) or not claim.get("speaker_id"):
            continue
        surname = fold(name).split()[-1:] if claim.get("speaker_type") == "person" else []
        if claim["speaker_id"] == denial.get("speaker_id") or (surname and surname[0] in said):
            return claim
    return None
