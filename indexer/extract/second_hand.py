"""Second-hand words: what the article reports through someone else, or only as hearsay.

Two kinds of construction put a speaker's words at one remove, and a reader must not take
them for the speaker's own, first-hand statement:

- a named relay in an "according to" phrase on the speaker's own cue ("According to Calder,
  Whitaker said the budget ...", "Whitaker said ..., according to Calder"): the words are
  Whitaker's as Calder tells them;
- a hedge, where the article distances itself from the report without naming who made it:
  an adverb on the cue ("Whitaker allegedly said ...", "Calder reportedly told aides ...")
  or a passive reporting verb the cue depends on ("Whitaker is said to have told aides
  ...", "is reported to have said", "is alleged to have called ...").

The relay of a hedge is its unnamed source, worded as the reader's "according to" would:
"reportedly" -> "reports" ("According to reports, Whitaker said that ..."), "allegedly"
-> "allegations", "is said to have" -> "unnamed sources". Records carry it in
``relayed_by`` (``schemas.attribution``) like a named relay.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

# Adverbs by which the article reports words as hearsay, and the unnamed source each means.
HEDGE_ADVERBS = {
    "reportedly": "reports",
    "allegedly": "allegations",
    "purportedly": "reports",
    "supposedly": "unnamed sources",
}
# Passive reporting verbs taking the cue as their infinitive ("is said to have told"), as
# participles, and the unnamed source each means.
HEDGE_PASSIVES = {
    "said": "unnamed sources",
    "reported": "reports",
    "alleged": "allegations",
    "rumored": "rumours",
    "rumoured": "rumours",
    "understood": "unnamed sources",
    "believed": "unnamed sources",
}


def hedge(cue: Token) -> str | None:
    """The unnamed source (`HEDGE_ADVERBS`, `HEDGE_PASSIVES`) when the article reports the
    words of `cue` (a cue verb of a parsed sentence) as hearsay, else None. "Whitaker
    allegedly said ..." -> "allegations"; "Whitaker is said to have told aides ..." ->
    "unnamed sources". Only the cue's own adverb or the passive verb it is the infinitive
    of counts: "said the claims were allegedly false" hedges the claim, not the saying."""
    for child in cue.children:
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            return HEDGE_ADVERBS[child.lower_]
    head = cue.head
    if (
        cue.dep_ == "xcomp"
        and head.i < cue.i
        and head.lower_ in HEDGE_PASSIVES
        and any(c.dep_ == "auxpass" for c in head.children)
    ):
        return HEDGE_PASSIVES[head.lower_]
    return None


def according_to(cue: Token, reported: Callable[[Token], bool]) -> Token | None:
    """The head of the "according to" phrase on `cue` (a cue verb) or on the clause it
    reports, the one who relays its words ("According to Calder, Whitaker said ...",
    "Whitaker said the council "must sell the depot", according to Calder": "Calder"), else
    None. A phrase within the reported words (`reported`, true of a token inside them:
    "said that, according to the survey, ...") is the content's own and does not count."""
    for verb in [cue, *(c for c in cue.children if c.dep_ == "ccomp")]:
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ != "according" or reported(child):
                continue
            for to in child.children:
                if to.lower_ == "to":
                    return next((o for o in to.children if o.dep_ == "pobj"), None)
    return None
