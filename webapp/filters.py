"""Jinja filters and globals shared by every template."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Flask, url_for

from schemas.links import web_url
from webapp import render, searching, wording


def _date(value: Any) -> str:
    if not value:
        return "undated"
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{d.day} {d.strftime('%b')} {d.year}"


_QUOTE_MARKS = "\"'“”‘’«»„‹›"


def _is_quoted(text: str | None) -> bool:
    """Whether the text already opens with a quotation mark (direct quotes often do), so
    the page adds none of its own."""
    clean = render.plain(text).lstrip()
    return bool(clean) and clean[0] in _QUOTE_MARKS


def _number(value: int | None) -> str:
    return f"{value or 0:,}"


def _speaker_url(record: dict[str, Any]) -> str | None:
    sid = record.get("speaker_id")
    return url_for("pages.speaker", speaker_id=sid) if sid else None


def _outlet_url(outlet_id: str | None) -> str | None:
    return url_for("pages.outlet", outlet_id=outlet_id) if outlet_id else None


def register(app: Flask) -> None:
    app.jinja_env.filters.update(
        hl=render.highlight,
        plain=render.plain,
        day=_date,
        num=_number,
        month_label=render.month_label,
        is_quoted=_is_quoted,
        clean=wording.clean,
        journey_label=render.label_text,
        web_url=web_url,
    )
    app.jinja_env.globals.update(
        speaker_url=_speaker_url,
        in_quotation_marks=wording.in_quotation_marks,
        title_words=wording.title_words,
        reported_lead=wording.reported_lead,
        everything=searching.EVERYTHING,
        outlet_url=_outlet_url,
        via_pairs=lambda a: list(
            zip(a.get("via_outlets") or [], a.get("via_outlet_ids") or [], strict=False)
        ),
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
