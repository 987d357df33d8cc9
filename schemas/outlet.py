"""A canonical news outlet: its name, the other names it goes by, and its domains."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import FACET_KEYWORD, KEYWORD, es


def initials_of(abbreviation: str, name: str) -> bool:
    """Is `abbreviation` ("WN", "W.N.") the initials of `name` ("Wire National", "The Wire
    National"), with or without a leading "The"?"""
    letters = abbreviation.replace(".", "").replace(" ", "").upper()
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    spellings = {"".join(w[0] for w in words).upper()}
    if words and words[0].lower() == "the":
        spellings.add("".join(w[0] for w in words[1:]).upper())
    return len(letters) >= 2 and letters in spellings


def short_name_of(credit: str, name: str) -> bool:
    """Is ``credit`` ("Meridian", "The Ledger") the first words of ``name`` ("Meridian Wire
    Service", "The Ledger Group"), leading "The" aside, or its initials
    (:func:`initials_of`)? A wire's dateline credit in the wire's own copy names it so
    ("WARSAW, Nov 20 (Meridian) -" in Meridian Wire Service). Case-insensitive; False
    for a blank credit."""
    def words(text: str) -> list[str]:
        found = text.replace("-", " ").casefold().split()
        return found[1:] if found[:1] == ["the"] else found

    mine, theirs = words(credit), words(name)
    return bool(mine) and (theirs[: len(mine)] == mine or initials_of(credit, name))


class OutletSchema(Schema):
    id = fields.String(required=True, **es(KEYWORD))
    name = fields.String(
        required=True,
        validate=validate.Length(min=1),
        **es({"type": "text", "analyzer": "standard", "fields": {"raw": FACET_KEYWORD}}),
    )
    aliases = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD))
    domains = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD))
