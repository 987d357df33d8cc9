"""A change an editor made to the record (a speaker merged, split, renamed or retyped):
who made it and when, and the speakers as they were before and after, so the change log
can show it and undo it."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import KEYWORD, STORED_ONLY, es

CHANGE_KINDS = ("merge", "split", "rename", "set_type", "undo")
_SNAPSHOTS = {"type": "object", "enabled": False}


class ChangeSchema(Schema):
    """One logged change. ``before``/``after``: the speaker records it touched, by id, as
    they were (None: it did not exist); ``args``: what the editor asked for. An undone
    change names the change that undid it in ``undone_by``; an undo names its change in
    ``undoes``."""

    id = fields.String(required=True, **es(KEYWORD))
    kind = fields.String(required=True, validate=validate.OneOf(CHANGE_KINDS), **es(KEYWORD))
    editor = fields.String(required=True, validate=validate.Length(min=1, max=100), **es(KEYWORD))
    at = fields.String(required=True, **es({"type": "date"}))
    summary = fields.String(required=True, **es(STORED_ONLY))
    speaker_ids = fields.List(fields.String(), load_default=list, **es(KEYWORD))
    args = fields.Dict(load_default=dict, metadata={"es": _SNAPSHOTS})
    before = fields.Dict(load_default=dict, metadata={"es": _SNAPSHOTS})
    after = fields.Dict(load_default=dict, metadata={"es": _SNAPSHOTS})
    moved = fields.Integer(load_default=0, **es({"type": "integer"}))
    undone_by = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    undoes = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
