"""An attribution: who said what, with which cue, relayed by whom, where in the article."""

from __future__ import annotations

import re
from typing import Any

from marshmallow import Schema, fields, validate

from schemas.fields import (
    ENGLISH_TEXT,
    FACET_KEYWORD,
    KEYWORD,
    STORED_ONLY,
    Column,
    Filter,
    PublishedDate,
    Span,
    es,
)
from schemas.validation import RecordError

KINDS = ("direct", "indirect", "mixed")
SPEAKER_TYPES = ("person", "organization", "group", "unknown")
# How the extractor found the speaker's name: written in the attribution, through a pronoun,
# through a description ("the agency"), from the quote before it, from a "Name:" label or an
# interview's layout (an answer is the interviewee's the introduction names); or not.
SPEAKER_RESOLUTIONS = (
    "named",
    "pronoun",
    "description",
    "quote_sequence",
    "label",
    "byline",
    "unresolved",
)
# The part of the article an attribution's spans point into: a headline quotes people too.
PARTS = ("body", "title")
# How the words came: said, written, thought, or shown by evidence (a report, poll, data);
# the rule is indexer/extract/cue_types.py. A search shows speech and writing unless asked.
CUE_TYPES = ("speech", "writing", "thought", "evidence")
# The grammatical shape of a content, which decides how a page words it: a reported
# ``clause`` ("said that the bridge would reopen"), an ``infinitive`` ("urged both sides to
# return to talks"), a verbatim ``quotation``, a quoted ``fragment`` short of a sentence
# ('"a blank check."') or a noun ``phrase`` ("denied the allegations"). The rule is
# indexer/extract/contents.py (`content_shape`); None on records stored before it.
CONTENT_SHAPES = ("clause", "infinitive", "quotation", "fragment", "phrase")


def shape_of_content(
    kind: str,
    *,
    enclosed: bool,
    verbs: bool | None,
    noun_object: bool = False,
    infinitive: bool = False,
) -> str:
    """The rule for ``content_shape`` (one of :data:`CONTENT_SHAPES`), from what is known of
    a content: the record's ``kind``; ``enclosed``, its words wholly in quotation marks;
    ``verbs``, it has a clause verb of its own (not only in a relative clause), None when
    unknown (no parse: a record stored before the field, read off its text alone);
    ``noun_object``, it is the object of a verb or preposition; ``infinitive``, a "to"
    complement. Words in quotation marks without a verb are a ``fragment`` ('"a blank
    check."'), any other direct content a ``quotation``; a verbless object a noun ``phrase``;
    a "to" complement an ``infinitive``; anything else a ``clause``. When ``verbs`` is
    unknown, words wholly in quotation marks are a direct record's quotation and another
    record's fragment. The extractor (indexer/extract/contents.py) and the pages
    (webapp/wording.py) both decide by this rule."""
    if enclosed and (verbs is False or (verbs is None and kind != "direct")):
        return "fragment"
    if kind == "direct":
        return "quotation"
    if noun_object and verbs is False:
        return "phrase"
    return "infinitive" if infinitive else "clause"


DEFAULT_CUE_TYPES = ("speech", "writing")
# Cue verbs by which the speaker says the reported content is false ("denied that ...",
# "rejected claims that ...", "disputed that ..."): such an attribution is a denial, not
# an assertion, of its content. Compared case-folded with the stored ``cue``.
_DENYING = """deny denies denied denying reject rejects rejected rejecting dispute disputes
    disputed disputing refute refutes refuted refuting rebut rebuts rebutted rebutting
    contest contests contested contesting dismiss dismisses dismissed dismissing"""
DENYING_CUES = frozenset(_DENYING.split())


def denies(cue: str | None) -> bool:
    """True when an attribution's ``cue`` (:data:`DENYING_CUES`) says its content is false."""
    return bool(cue) and cue.casefold() in DENYING_CUES


def is_denial(attribution: dict[str, Any]) -> bool:
    """True when a stored ``attribution`` says the content of its statement is false: a
    denying cue (:func:`denies`), or words the linker tied to an earlier claim they deny
    (``denial_of``: "Fisk said he never said that")."""
    return denies(attribution.get("cue")) or bool(attribution.get("denial_of"))


# What names an earlier claim without wording it: "any such thing", "so", "it", "the
# report", "those remarks", "any such promise", "his comments".
_CLAIM_NOUNS = (
    r"remarks?|comments?|words?|claims?|reports?|reporting|account|quotes?|statements?|"
    r"promises?|pledges?|stor(?:y|ies)|articles?|suggestions?|"
    r"assertions?|threats?|thing|quotation|characteri[sz]ation"
)
_POINTER = (
    rf"(?:any\s+such\s+(?:{_CLAIM_NOUNS})|anything\s+(?:of\s+the\s+(?:sort|kind)|like\s+(?:it|that))|"
    rf"so|it|that|this|such\s+(?:a\s+)?(?:{_CLAIM_NOUNS})|"
    rf"(?:the|those|these|that|this|such|his|her|their|its)\s+(?:(?:earlier|original|"
    rf"reported|alleged|latest|newspaper's|paper's|media)\s+)?(?:{_CLAIM_NOUNS}))"
)
_SAYING = r"(?:said|say|saying|says|made|make|making|told|tell|uttered|used|written|wrote|write)"
_PRONOUN_OR_NAME = r"(?:[A-Za-z][\w'\u2019.-]*\s+){1,3}"
_TRAILING = (
    r"(?:\s+(?:at\s+all|ever|again|publicly|privately|in\s+private|to\s+(?:anyone|anybody|"
    r"colleagues|aides|reporters|donors|(?:the\s+)?\w+)))*\W*$"
)
# A denial's words that only point back at a claim ("that Hale had said any such thing",
# "saying so", "the report", "that he had made any such promise") ...
_BACK_REFERENCE = re.compile(
    rf"^(?:that\s+)?(?:(?:\w+[\w'\u2019]*\s+){{0,3}}(?:had\s+|has\s+|ever\s+|having\s+)*"
    rf"{_SAYING}\s+)?{_POINTER}{_TRAILING}",
    re.IGNORECASE,
)
# ... and words that deny by negating the saying itself ("he never said that", "that she
# did not make those remarks", "Hale had not said any such thing", "I never said so").
_UNSAID = re.compile(
    rf"^(?:that\s+)?{_PRONOUN_OR_NAME}(?:(?:had|has|have|did|does|do|was|were)(?:n[\u2019']t)?\s+)?"
    rf"(?:(?:not|never)\s+)(?:(?:ever|once)\s+)?(?:had\s+|have\s+)?{_SAYING}\s+{_POINTER}"
    rf"{_TRAILING}",
    re.IGNORECASE,
)
_NEVER_SAID = re.compile(
    rf"^(?:that\s+)?{_PRONOUN_OR_NAME}(?:didn[\u2019']t|hadn[\u2019']t|hasn[\u2019']t|haven[\u2019']t)"
    rf"\s+(?:ever\s+)?{_SAYING}\s+{_POINTER}{_TRAILING}",
    re.IGNORECASE,
)


def _plain(content: str) -> str:
    return " ".join(content.strip(" \"'\u201c\u201d\u2018\u2019.,").split())


def points_back(content: str) -> bool:
    """Whether a denial's ``content`` only points back at an earlier claim instead of
    wording one: "that Hale had said any such thing", "saying so", "the report", "those
    remarks", "that he had made any such promise". The linker ties such a denial to the
    claim (indexer/link/denials.py); the extractor keeps "denied the report" for it
    (indexer/extract/contents.py)."""
    return bool(_BACK_REFERENCE.match(_plain(content)))


def unsays(content: str) -> bool:
    """Whether ``content`` denies an earlier claim by negating its saying, with nothing
    else in it: "he never said that", "that she did not make those remarks", "Hale hadn't
    said any such thing" (so "Fisk said he never said that" is a denial whatever its cue)."""
    plain = _plain(content)
    return bool(_UNSAID.match(plain) or _NEVER_SAID.match(plain))


class AttributionSchema(Schema):
    """One quote or reported claim, as the extractor finds it and the store keeps it.

    Fields declaring ``from_article`` are copied from the article when stored, so that
    search, facets and sorting never need a join.
    """

    id = fields.String(
        required=True, **es(KEYWORD, column=Column(constraint="NOT NULL UNIQUE"), csv=0)
    )
    article_id = fields.String(
        required=True,
        **es(
            KEYWORD,
            column=Column(constraint="NOT NULL", index="attributions_article"),
            filter=Filter("article_id", 9, "article id"),
            csv=15,
        ),
    )
    kind = fields.String(
        required=True,
        validate=validate.OneOf(KINDS),
        **es(
            KEYWORD,
            column=Column(index="attributions_kind", index_with=("published",)),
            filter=Filter("kind", 4, "kind (direct, indirect, mixed)", title="Kind"),
            csv=6,
        ),
    )
    content = fields.String(
        required=True, validate=validate.Length(min=1), **es(ENGLISH_TEXT, csv=8)
    )
    content_spans = fields.List(Span(), required=True, validate=validate.Length(min=1))
    content_shape = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.OneOf(CONTENT_SHAPES),
        **es(STORED_ONLY),
    )
    part = fields.String(
        load_default="body",  # spans are offsets into this part of the article
        validate=validate.OneOf(PARTS),
        **es(KEYWORD),
    )
    cue = fields.String(
        load_default=None,
        allow_none=True,
        **es(
            FACET_KEYWORD,
            column=Column(index="attributions_cue"),
            filter=Filter("cue", 5, "cue verb", title="Cue"),
            csv=7,
        ),
    )
    cue_span = Span(load_default=None, allow_none=True)
    cue_type = fields.String(
        load_default="speech",  # records stored before cue types were said, told, wrote
        validate=validate.OneOf(CUE_TYPES),
        **es(
            KEYWORD,
            column=Column(index="attributions_cue_type"),
            filter=Filter(
                "cue_type",
                6,
                "cue type (speech, writing, thought, evidence; 'all' for every type)",
                title="Cue type",
                default=DEFAULT_CUE_TYPES,
            ),
            csv=18,
        ),
    )
    speaker_text = fields.String(
        load_default=None, allow_none=True, **es(STORED_ONLY, csv=20)
    )  # the speaker as the article wrote it ("the minister", "he")
    speaker_span = Span(load_default=None, allow_none=True)
    speaker = fields.String(
        load_default=None,
        allow_none=True,
        **es(
            {"type": "text", "analyzer": "standard", "fields": {"raw": FACET_KEYWORD}},
            column=Column(),
            csv=2,
        ),
    )
    speaker_id = fields.String(
        load_default=None,
        allow_none=True,
        **es(
            KEYWORD,
            column=Column(index="attributions_speaker", index_with=("published",)),
            filter=Filter(
                "speaker",
                0,
                "speaker id",
                title="Speaker",
                refers_to="speakers",
                label_field="speaker",
            ),
            csv=3,
        ),
    )
    speaker_type = fields.String(
        load_default="unknown",
        validate=validate.OneOf(SPEAKER_TYPES),
        **es(
            KEYWORD,
            column=Column(index="attributions_speaker_type"),
            filter=Filter("speaker_type", 1, "speaker type", title="Speaker type"),
            csv=4,
        ),
    )
    speaker_role = fields.String(load_default=None, allow_none=True, **es(STORED_ONLY, csv=5))
    speaker_resolution = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.OneOf(SPEAKER_RESOLUTIONS),
        **es(KEYWORD),
    )
    # The speaker who passes the words on ("Calder said Whitaker told her ...", "According
    # to Calder, Whitaker said ...": Calder), shown as "according to Calder", or the unnamed
    # source of hearsay ("Whitaker allegedly said ...": "allegations"; the rule is
    # indexer/extract/second_hand.py); None when the speaker's words are reported directly.
    relayed_by = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    # The ids this quote had before its outlet edited it in place (store.base.replaced_counts):
    # links to them lead here. Looked up, never shown or filtered on.
    earlier_ids = fields.List(fields.String(), load_default=list, **es(KEYWORD))
    # The id of the earlier attribution of the same article this one denies by reference
    # ("A spokesman for Hale denied that Hale had said any such thing", "Fisk said he never
    # said that": the rule is indexer/link/denials.py); None for any other attribution.
    # The denial then carries the claim's statement.
    denial_of = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    # The newsroom's correction note that says this quote was credited to the wrong person
    # ("Correction: An earlier version of this article attributed a quote about the levy to
    # Mark Dunn. It was said by Paula Grant."; the rule is indexer/link/correction_notes.py),
    # and the speaker it was taken from when the linker moved it ("Mark Dunn"); a note
    # without ``corrected_from`` disputes the speaker without naming one the linker found.
    correction_note = fields.String(load_default=None, allow_none=True, **es(STORED_ONLY))
    corrected_from = fields.String(load_default=None, allow_none=True, **es(STORED_ONLY))
    speaker_party = fields.String(
        load_default=None,
        allow_none=True,
        **es(
            FACET_KEYWORD,
            column=Column(index="attributions_speaker_party"),
            filter=Filter(
                "party", 7, "the speaker's party (from the authority file)", title="Party"
            ),
            csv=19,
        ),
    )
    via_outlets = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD, csv=11))
    via_outlet_ids = fields.List(
        fields.String(),
        load_default=list,
        **es(
            KEYWORD,
            filter=Filter(
                "via",
                3,
                "relaying (via) outlet id",
                title="Via outlet (per …)",
                refers_to="outlets",
                label_field="via_outlets",
            ),
        ),
    )
    medium = fields.String(load_default=None, allow_none=True, **es(FACET_KEYWORD))
    paragraph_index = fields.Integer(
        load_default=0,
        validate=validate.Range(min=0),
        **es({"type": "integer"}, column=Column("INTEGER")),
    )
    sentence_index = fields.Integer(
        load_default=0,
        validate=validate.Range(min=0),
        **es({"type": "integer"}, column=Column("INTEGER")),
    )
    confidence = fields.Float(
        load_default=1.0, validate=validate.Range(0.0, 1.0), **es({"type": "float"}, csv=17)
    )
    statement_id = fields.String(
        load_default=None,
        allow_none=True,
        **es(
            KEYWORD,
            column=Column(index="attributions_statement"),
            filter=Filter("statement_id", 10, "statement id", refers_to="statements"),
            csv=16,
        ),
    )
    verdict = fields.String(
        load_default=None,
        allow_none=True,
        **es(
            KEYWORD,
            column=Column(index="attributions_verdict"),
            filter=Filter("verdict", 8, "fact-check verdict of its statement", title="Verdict"),
            csv=21,
        ),
    )  # the statement's verdict rating (schemas.verdict), copied so search can filter on it
    outlet = fields.String(
        load_default=None,
        allow_none=True,
        **es(FACET_KEYWORD, column=Column(), csv=9, from_article="outlet"),
    )
    outlet_id = fields.String(
        load_default=None,
        allow_none=True,
        **es(
            KEYWORD,
            column=Column(index="attributions_outlet", index_with=("published",)),
            filter=Filter(
                "outlet",
                2,
                "publishing outlet id",
                title="Publishing outlet",
                refers_to="outlets",
                label_field="outlet",
            ),
            csv=10,
            from_article="outlet_id",
        ),
    )
    original_outlet = fields.String(
        load_default=None,
        allow_none=True,
        **es(FACET_KEYWORD, csv=12, from_article="original_outlet"),
    )
    original_outlet_id = fields.String(
        load_default=None,
        allow_none=True,
        **es(
            KEYWORD,
            column=Column(index="attributions_original_outlet"),
            # the copies of an outlet's stories: its page lists them, also when none of
            # its own articles is stored (a copy names it by the initials of its dateline)
            filter=Filter(
                "original",
                11,
                "original outlet id (copies of its stories)",
                refers_to="outlets",
                label_field="original_outlet",
            ),
            from_article="original_outlet_id",
        ),
    )
    published = PublishedDate(
        load_default=None,
        allow_none=True,
        **es({"type": "date"}, column=Column(), csv=1, from_article="published"),
    )
    article_title = fields.String(
        load_default=None, allow_none=True, **es(STORED_ONLY, csv=13, from_article="title")
    )
    article_url = fields.String(
        load_default=None, allow_none=True, **es(STORED_ONLY, csv=14, from_article="url")
    )


def part_text(attribution: dict[str, Any], article: dict[str, Any]) -> str:
    """The text of the article part the attribution's spans point into (`part`)."""
    return (article.get("title") or "") if attribution.get("part") == "title" else article["body"]


def check_spans_within(attribution: dict[str, Any], body: str) -> None:
    """Reject an attribution whose spans fall outside its article's body (or title, for a
    headline attribution: pass `part_text`).

    The error names the field and the offending value, as every validation error must.
    """
    limit = len(body)
    named: list[tuple[str, list[int] | None]] = [
        ("content_spans", span) for span in attribution.get("content_spans") or []
    ]
    named += [
        ("cue_span", attribution.get("cue_span")),
        ("speaker_span", attribution.get("speaker_span")),
    ]
    for name, span in named:
        if span is not None and span[1] > limit:
            raise RecordError(
                f"{name} ({list(span)}): lies outside the article "
                f"{attribution.get('part') or 'body'} ({limit} characters)"
            )
