"""Quotes of quotes: a quotation inside a quotation, with its own speaker named inside.

Decides, from the words of a quotation alone, when it relays another person's words in
quotation marks of the other kind: `Fisk said: "Brant told me, 'We will not close the
port.'"` holds Brant's words, and Fisk only passes them on. The inner speaker is a
capitalised name, or the description of a person by a title or a person noun ("The
governor told me, '...'": whom the article's coreference gives that role), that is the
subject of a verb of saying just before the inner quotation ("Brant told me,", "Brant
looked at me and said:", "Governor Lyle Brant said,"); pronouns ("he told me") are left to
the outer speaker: nothing inside the quotation says who "he" is.

Each candidate is the inner quotation, verbatim, labelled with the name (its form is
`INNER_QUOTATION`); selection keeps it beside the outer quotation
(`selection._reported_within`) and records give it the outer speaker as `relayed_by`.
"""

from __future__ import annotations

import bisect
import re

from indexer.extract.candidate import Candidate
from indexer.extract.coreference import PERSON_NOUNS, TITLES
from indexer.extract.layout_lines import LAYOUT_SCORE
from indexer.extract.quotes import Quote, single_quotes

INNER_QUOTATION = "inner quotation"  # the form of such a candidate
# Capitalised words that open a clause or a noun phrase, never a name: "When Brant says
# 'trust me', ...", "His people said, '...'", "He told me, '...'".
_OPENING_WORDS = (
    r"(?!(?:When|If|As|After|Before|While|Because|Then|And|But|So|Now|Once|Since|Until|"
    r"Though|Although|Yesterday|Today|Later|Earlier|I|He|She|They|We|You|It|His|Her|Their|"
    r"Our|My|Your|Its|The|A|An|This|That|These|Those|One|Some|Everyone|Nobody|Someone)\b)"
)
_ROLE_NOUNS = "|".join(sorted(TITLES | PERSON_NOUNS, key=lambda w: (-len(w), w)))
# A capitalised name, or a description of one the article names ("the governor", "the
# prime minister": the article's coreference settles who, `SpeakerIndex.resolve_name`).
_NAME = (
    rf"(?P<name>{_OPENING_WORDS}[A-Z][\w\u2019'.-]+(?:[ \t]+[A-Z][\w\u2019'.-]+)*|"
    rf"[Tt]he[ \t]+(?:[a-z]+[ \t]+)?(?:{_ROLE_NOUNS})\b)"
)
# The name, at most a few words ("looked at me and"), the verb of saying, whom it was said
# to, then the punctuation before the inner quotation.
_INTRODUCED = re.compile(
    rf"(?<![\w\u2019'.-])(?:[a-z][\w-]*[ \t]+){{0,3}}?{_NAME}[ \t]+"
    r"(?:[a-z]+[ \t]+){0,5}?(?:told|tells|said|says|asked|replied|warned|wrote|added)"
    r"(?:[ \t]+(?:to[ \t]+)?(?:me|us|him|her|them|the[ \t]+\w+|reporters))?[ \t]*[,:]?[ \t]*$"
)


def inner_quote_candidates(
    text: str, quotes: list[Quote], sentence_starts: list[int]
) -> list[Candidate]:
    """A labelled direct candidate for each quotation in single marks inside a double-quoted
    one that a named speaker introduces inside the outer quotation (see the module
    docstring)."""
    out = []
    for quote in quotes:
        if quote.single:
            continue  # a double-in-single quotation is found as a quotation of its own
        for start, end in single_quotes(text, quote.start + 1, quote.end - 1):
            match = _INTRODUCED.search(text, quote.start + 1, start)
            if match is None:
                continue
            sentence = max(0, bisect.bisect_right(sentence_starts, start) - 1)
            out.append(
                Candidate(
                    "layout",
                    INNER_QUOTATION,
                    LAYOUT_SCORE,
                    [(start, end)],
                    None,
                    None,
                    0,
                    quote.paragraph,
                    sentence,
                    kind="direct",
                    label=(match.start("name"), match.end("name")),
                )
            )
    return out
