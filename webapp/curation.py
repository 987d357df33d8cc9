"""Correcting the record from the web UI: merge, split, rename and retype speakers (signed
in, see :mod:`webapp.signin`), and the change log where every such change can be undone.
The rules live in :mod:`indexer.link.curation`; this module is forms and pages."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from indexer.link import curation as edit
from quotetrail.errors import SpeakerEditError
from store.writer_lease import exclusive_write
from webapp import params as P
from webapp.searching import store
from webapp.signin import require_editor

curation = Blueprint("curation", __name__)
LOG_PAGE = 50


def _field(name: str) -> str:
    value = request.form.get(name, "").strip()
    if not value:
        abort(400, f"The form field '{name}' is empty.")
    return value


def _done(speaker_id: str) -> Response:
    return redirect(url_for("pages.speaker", speaker_id=speaker_id), 303)


def _apply(action: Any, *args: Any) -> dict[str, Any]:
    """Run a logged edit while holding the store's writer lease (503 "the store is busy"
    while an indexer writes: :func:`store.writer_lease.exclusive_write`)."""
    try:
        with exclusive_write(store(), f"a speaker edit on the web ({request.path})"):
            return action(store(), *args)
    except SpeakerEditError as error:
        abort(400, str(error))


@curation.post("/speakers/<speaker_id>/rename")
def rename(speaker_id: str) -> Response:
    """Rename this speaker to the form's ``name``; another speaker's name needs ``force``."""
    force = bool(request.form.get("force"))
    _apply(lambda st, *args: edit.rename(st, *args, force=force), require_editor(), speaker_id,
           _field("name"))
    return _done(speaker_id)


@curation.post("/speakers/<speaker_id>/type")
def set_type(speaker_id: str) -> Response:
    _apply(edit.set_type, require_editor(), speaker_id, _field("type"))
    return _done(speaker_id)


@curation.post("/speakers/<speaker_id>/merge")
def merge(speaker_id: str) -> Response:
    """Merge the speaker named in the form (``other``: an id) into this one, which is kept
    (the API's ``/speakers/<id>/merge`` keeps ``into`` instead)."""
    force = bool(request.form.get("force"))
    _apply(lambda st, *args: edit.merge(st, *args, force=force), require_editor(), speaker_id,
           [_field("other")])
    return _done(speaker_id)


@curation.post("/speakers/<speaker_id>/split")
def split(speaker_id: str) -> Response:
    change = _apply(edit.split, require_editor(), speaker_id, _field("alias"))
    return _done(change["args"]["split_id"])


@curation.get("/changes")
def changes() -> str:
    """The change log, newest first; ``?page=N`` for older entries (400 for a page that is
    not a whole number in range, as on every listing page)."""
    page = P.load_args(P.PageOnlyParams(), P.one_arg(request.args, "page", "1"))["page"]
    entries = store().changes(limit=LOG_PAGE + 1, offset=(page - 1) * LOG_PAGE)
    return render_template(
        "changes.html", changes=entries[:LOG_PAGE], page=page, more=len(entries) > LOG_PAGE
    )


@curation.post("/changes/<change_id>/undo")
def undo(change_id: str) -> Response:
    _apply(edit.undo, require_editor(), change_id)
    return redirect(url_for("curation.changes"), 303)

