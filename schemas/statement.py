"""A statement: one quote or claim, however many articles carried it.

Only what identifies the cluster is stored; who carried it and when is read from the
attributions that point at it, so deleting an article never leaves a stale journey.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marshmallow import Schema, fields, validate

from schemas.fields import ENGLISH_TEXT, KEYWORD, STORED_ONLY, es
from schemas.verdict import VerdictSchema

# Where a passage of several sentences breaks into them: after a full stop, question or
# exclamation mark (and a closing quotation mark or bracket after it), before the capital
# letter, figure or opening quotation mark that starts the next sentence.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018'(\[]*[A-Z0-9])")


def passages(content: str, spans: Sequence[Sequence[int]] | None) -> list[str]:
    """The passages a quote's ``content`` joins, one per ``[start, end]`` of its
    ``content_spans`` (the extractor joins them with one space: a headline and the body
    sentences that repeat it, a quotation broken by "she said"); ``[content]`` when the
    spans are missing or do not add up to the content."""
    if not spans or len(spans) < 2:
        return [content]
    out, at = [], 0
    for start, end in spans:
        out.append(content[at : at + end - start])
        at += end - start + 1
    if " ".join(out) != content:
        return [content]
    return out


def statement_sentences(text: str, spans: Sequence[Sequence[int]] | None = None) -> list[str]:
    """The sentences of a quote's ``text``: each of its :func:`passages` (when its
    ``spans`` are known) split at :data:`_SENTENCE_BREAK` ('"The port stays open. We will
    not sell it."' is two; '"The depot stays open," "Nobody will lose pay."', two passages,
    is two though no full stop parts them); one item, the text itself, when it has one. A
    split after an abbreviation ("Dr. Ruth Anselm") only adds a piece that matches less."""
    pieces = [
        p.strip()
        for passage in passages(text, spans)
        for p in _SENTENCE_BREAK.split(passage)
        if p.strip()
    ]
    return pieces if len(pieces) > 1 else [text]


class StatementSchema(Schema):
    id = fields.String(required=True, **es(KEYWORD))
    text = fields.String(required=True, validate=validate.Length(min=1), **es(ENGLISH_TEXT))
    keys = fields.List(
        fields.String(),
        load_default=list,
        metadata={"es": KEYWORD, "doc": "near-duplicate keys (LSH bands, normalized text)"},
    )
    sentences = fields.List(
        fields.String(),
        load_default=list,
        metadata={
            "es": STORED_ONLY,
            "doc": "the sentences of its text (statement_sentences: split at full stops and "
            "where the quote joins passages, a headline and body sentences); empty: one",
        },
    )
    verdict = fields.Nested(
        VerdictSchema,
        load_default=None,
        allow_none=True,
        metadata={
            # an object field: Elasticsearch answers its mapping without "type": "object"
            "es": {"properties": {
                name: field.metadata["es"] for name, field in VerdictSchema().fields.items()
            }},
            "doc": "a fact-checker's verdict (schemas.verdict), None until reviewed",
        },
    )
