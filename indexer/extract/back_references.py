"""Sentences that name the speaker of the quotation just before them.

Decides, from the words of the sentence after a quotation, a house style of the press that
attributes a quotation after the fact, in a sentence of its own that refers back to it:

- `"We will win this seat." That was the message from party chairman John Smith.`
- `"The bill is unlawful." That was the verdict of Judge Ann Cole.`
- `"We will fight on." Those were the words of union leader Mary Kent.`
- `"We will fight on." The words belonged to Mary Kent.`
- `"We will fight on."` / `So said Mary Kent on Monday.` (in the next paragraph; in the same
  one the parser reads the inverted cue itself)
- `"The port stays open." Mayor Dana Fisk said as much on Monday.` (or "said so", "has said
  the same"; "said that" is left alone: "that" may open a clause of its own)

The sentence must be all of that: a capitalised name (a person or a body, its titles kept for
the label resolver, descriptive words before it skipped: "party chairman") and at most a
comma clause or a time or place adjunct after it; "That was the view of analysts at Goldman
Sachs" names no speaker (the analysts are), nor does "That was the verdict of the jury" (no
name: nothing a label resolves). Each candidate is a verbatim quotation labelled with the
name, like a dash attribution (`layout_lines`).
"""

from __future__ import annotations

import bisect
import re

from indexer.extract.candidate import Candidate
from indexer.extract.layout_lines import LAYOUT_SCORE
from indexer.extract.quotes import Quote

# The nouns that sum up what someone said: "That was the message from ...".
SAYING_NOUNS = (
    "message|verdict|words|view|warning|assessment|response|reaction|answer|promise|pledge|"
    "plea|advice|argument|conclusion|opinion|reply|retort|sentiment|judgement|judgment|"
    "prediction|vow|claim|insistence|defence|defense|explanation|diagnosis|rallying cry|"
    "battle cry|refrain|mantra|line|take|comment|comments|remark|remarks|statement|challenge"
)
# A capitalised name, with its titles ("Judge Ann Cole", "Dr. Ruth Anselm", "the White House"
# keeps "White House"); never across a line.
_NAME = r"[A-Z][\w\u2019'.-]*(?:[ \t]+(?:of[ \t]+|de[ \t]+|van[ \t]+)?[A-Z][\w\u2019'.-]*)*"
# Lowercase words describing the speaker before the name ("party chairman", "the union's
# leader,"), never a preposition that makes the name someone else's ("analysts at Goldman").
_DESCRIBED = r"(?:(?!(?:at|of|from|for|in|with|by|to|on)\b)[a-z][\w\u2019'-]*,?[ \t]+){0,4}"
# What may close the sentence after the name: an apposition or relative clause after a comma,
# or a time or place adjunct ("on Monday", "in a statement", "last week").
_REST = (
    r"(?:,[^.!?\n]{0,80}|[ \t]+(?:on|in|at|during|this|last|earlier|yesterday|today|"
    r"before|after|when|while)\b[^.!?\n]{0,60})?[.!][\"\u201d\u2019')]*(?=\s|$)"
)
_BEFORE_NAME = re.compile(
    rf"(?:(?:That|This|Those|These|Such)\s+(?:was|were|is|are)\s+the\s+"
    rf"(?:[a-z]+\s+){{0,2}}?(?:{SAYING_NOUNS})\s+(?:of|from)"
    r"|(?:The|Those|These)\s+words\s+(?:belonged|belong|were|are|came)\s+(?:to|those\s+of|from)"
    r"|So\s+(?:said|says|spoke)"
    rf")\s+{_DESCRIBED}(?P<name>{_NAME}){_REST}"
)
_NAME_FIRST = re.compile(
    rf"{_DESCRIBED}(?P<name>{_NAME})\s+(?:(?:has|had|have)\s+)?(?:said|says|say)\s+"
    rf"(?:as\s+much|so|the\s+same){_REST}"
)
_ENDS_SENTENCE = re.compile(r"[.!?][\"\u201d\u2019'\u00bb]*$")


def back_reference_candidates(
    text: str,
    paras: list[tuple[int, int]],
    quotes: list[Quote],
    sentence_starts: list[int],
) -> list[Candidate]:
    """A labelled direct candidate for each quotation that closes a sentence and is followed
    (in its paragraph, or first thing in the next when it closes its own) by a sentence that
    only names its speaker (see the module docstring). The quotations of a paragraph made of
    quotations alone are all that speaker's; otherwise only the last one before the sentence."""
    out = []
    for k, quote in enumerate(quotes):
        if quote.open_end:
            continue
        stop = text[quote.end : quote.end + 1] in (".", "!", "?")  # '"... the port". That was'
        if not stop and not _ENDS_SENTENCE.search(text[quote.start : quote.end]):
            continue
        para_end = paras[quote.paragraph][1]
        after = quote.end + 1 if stop else quote.end
        if text[after:para_end].strip() == "":
            if quote.paragraph + 1 >= len(paras):
                continue
            after = paras[quote.paragraph + 1][0]
        else:
            after += len(text[after:]) - len(text[after:].lstrip(" \t"))
        if any(q.start >= after and q.start < _line_end(text, after) for q in quotes[k + 1 :]):
            continue  # the sentence holds a quotation of its own
        match = _BEFORE_NAME.match(text, after) or _NAME_FIRST.match(text, after)
        if match is None:
            continue
        own = [q for q in quotes[: k + 1] if q.paragraph == quote.paragraph]
        para_start = paras[quote.paragraph][0]
        if _outside(text, para_start, own, quote.end):
            own = [quote]
        label = (match.start("name"), match.end("name"))
        sentence = max(0, bisect.bisect_right(sentence_starts, quote.start) - 1)
        out.append(
            Candidate(
                "layout",
                "",
                LAYOUT_SCORE,
                [(q.start, q.end) for q in own],
                None,
                None,
                0,
                quote.paragraph,
                sentence,
                kind="direct",
                label=label,
            )
        )
    return out


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _outside(text: str, start: int, own: list[Quote], end: int) -> bool:
    """Some words of the paragraph up to `end` stand outside its quotations `own`."""
    pos = start
    for q in own:
        if text[pos : q.start].strip(" \t.,;:!?\u2014-"):
            return True
        pos = q.end
    return bool(text[pos:end].strip(" \t.,;:!?\u2014-"))
