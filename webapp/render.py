"""Turning stored text into safe HTML: highlights, annotated article bodies, small charts.

Everything user-supplied is escaped first; only then are the store's highlight markers
and our own span marks turned into tags, so a ``<script>`` in a quote stays text.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup, escape

from store.base import HL_END, HL_START


def highlight(text: str | None) -> Markup:
    """Escaped text with the store's highlight markers as ``<mark>``."""
    safe = str(escape(text or ""))
    safe = safe.replace(HL_START, "<mark>").replace(HL_END, "</mark>")
    # A marker cut off by a fragment boundary must not leave an open tag.
    opened, closed = safe.count("<mark>"), safe.count("</mark>")
    if opened > closed:
        safe += "</mark>" * (opened - closed)
    elif closed > opened:
        safe = "<mark>" * (closed - opened) + safe
    return Markup(safe)


def plain(text: str | None) -> str:
    """The text with highlight markers removed (exports, titles)."""
    return (text or "").replace(HL_START, "").replace(HL_END, "")


@dataclass(frozen=True)
class Mark:
    """A span of the body to wrap: ``role`` is content/cue/speaker, ``kind`` colours it."""

    start: int
    end: int
    role: str
    kind: str = ""
    title: str = ""
    href: str = ""
    focus: bool = False
    label: str = ""  # shown after the span's end (who said a quote), not only on hover


_ROLE_RANK = {"cue": 0, "speaker": 1, "content": 2}


def marks_for(attribution: dict[str, Any], *, href: str = "", focus: bool = False) -> list[Mark]:
    """The content, cue and speaker spans of one attribution as marks on the body (none for
    a headline attribution, whose spans point into the title)."""
    if attribution.get("part") == "title":
        return []
    kind = attribution.get("kind") or ""
    who = attribution.get("speaker") or attribution.get("speaker_text") or "unknown speaker"
    cue = attribution.get("cue")
    title = f"{kind} quote, {who}" + (f" ({cue})" if cue else "")
    spans = sorted(attribution.get("content_spans") or [])
    out = [
        Mark(s, e, "content", kind, title, href, focus, who if n == len(spans) - 1 else "")
        for n, (s, e) in enumerate(spans)
    ]
    if attribution.get("cue_span"):
        s, e = attribution["cue_span"]
        out.append(Mark(s, e, "cue", kind, f"cue: {cue}", href, focus))
    if attribution.get("speaker_span"):
        s, e = attribution["speaker_span"]
        out.append(Mark(s, e, "speaker", kind, f"speaker: {who}", href, focus))
    return out


def _paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end) offsets: blank lines separate, single newlines too when
    the body has no blank lines at all."""
    sep = "\n\n" if "\n\n" in body else "\n"
    bounds, pos = [], 0
    for part in body.split(sep):
        end = pos + len(part)
        if part.strip():
            bounds.append((pos, end))
        pos = end + len(sep)
    return bounds or [(0, len(body))]


def _render_segment(text: str, covering: Sequence[Mark]) -> str:
    safe = str(escape(text)).replace("\n", "<br>")
    for mark in sorted(covering, key=lambda m: _ROLE_RANK[m.role], reverse=True):
        classes = f"m-{mark.role} k-{mark.kind}" + (" focus" if mark.focus else "")
        title = escape(mark.title)
        safe = f'<mark class="{classes}" title="{title}">{safe}</mark>'
    href = next((m.href for m in covering if m.role == "content" and m.href), "")
    if href:  # the quote leads to its provenance
        safe = f'<a class="qlink" href="{escape(href)}">{safe}</a>'
    return safe


def annotate(body: str, marks: Iterable[Mark], window: tuple[int, int] | None = None) -> Markup:
    """The body (or the ``window`` of it) as ``<p>`` paragraphs with every mark wrapped.

    Overlapping marks nest (content outside, cue and speaker inside); the text is cut at
    every span and paragraph boundary so tags never cross.
    """
    lo, hi = window or (0, len(body))
    spans = [m for m in marks if m.end > lo and m.start < hi and m.end > m.start]
    html: list[str] = []
    for p_start, p_end in _paragraph_bounds(body):
        p_start, p_end = max(p_start, lo), min(p_end, hi)
        if p_start >= p_end:
            continue
        cuts = {p_start, p_end}
        for m in spans:
            cuts.update(x for x in (m.start, m.end) if p_start < x < p_end)
        points = sorted(cuts)
        parts = []
        for a, b in zip(points, points[1:], strict=False):
            covering = [m for m in spans if m.start <= a and m.end >= b]
            parts.append(_render_segment(body[a:b], covering))
            parts += [
                f'<span class="said-by"><span class="vh">said by </span>{escape(m.label)}</span>'
                for m in covering
                if m.role == "content" and m.label and m.end == b
            ]
        html.append("<p>" + "".join(parts) + "</p>")
    return Markup("\n".join(html))


def passage_window(body: str, attribution: dict[str, Any]) -> tuple[int, int]:
    """The paragraph(s) holding the attribution's spans: its context in the article (the
    opening, for a headline attribution)."""
    if attribution.get("part") == "title":
        return (0, min(len(body), 600))
    spans = list(attribution.get("content_spans") or [])
    for key in ("cue_span", "speaker_span"):
        if attribution.get(key):
            spans.append(attribution[key])
    if not spans:
        return (0, min(len(body), 600))
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    paragraphs = _paragraph_bounds(body)
    start = next((s for s, e in paragraphs if s <= lo < e + 2), lo)
    end = next((e for s, e in reversed(paragraphs) if s <= hi <= e + 2), hi)
    return (min(start, lo), max(end, hi))


# --- charts ---------------------------------------------------------------------------


def month_range(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last`` inclusive."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_bounds(month: str) -> tuple[date, date]:
    y, m = int(month[:4]), int(month[5:7])
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def month_label(month: str) -> str:
    return f"{calendar.month_abbr[int(month[5:7])]} {month[:4]}"


@dataclass(frozen=True)
class Bar:
    month: str
    count: int
    x: float
    y: float
    width: float
    height: float
    label: str
    href: str
    selected: bool
    slot_x: float = 0.0
    slot_width: float = 0.0


def histogram_bars(
    histogram: Sequence[tuple[str, int]],
    href_for: Any,
    selected: str | None = None,
    *,
    width: int = 240,
    height: int = 60,
    max_months: int = 120,
) -> list[Bar]:
    """Bars for a month histogram, gaps filled with empty months, scaled to the box.

    ``href_for(month)`` gives the link that filters that month.
    """
    counts = {m: c for m, c in histogram}
    if not counts:
        return []
    months = month_range(min(counts), max(counts))[-max_months:]
    top = max(counts.values()) or 1
    slot = width / len(months)
    bars = []
    for i, month in enumerate(months):
        count = counts.get(month, 0)
        h = 0 if count == 0 else max(2.0, (height - 2) * count / top)
        bar = min(slot * 0.8, 28.0)
        bars.append(
            Bar(
                month=month,
                count=count,
                x=round(i * slot + (slot - bar) / 2, 2),
                y=round(height - h, 2),
                width=round(max(bar, 1.0), 2),
                height=round(h, 2),
                label=f"{month_label(month)}: {count:,}",
                href=href_for(month),
                selected=month == selected,
                slot_x=round(i * slot, 2),
                slot_width=round(slot, 2),
            )
        )
    return bars


@dataclass(frozen=True)
class Stop:
    """One carrier on a statement's journey, placed on a time axis: the dot at (x, y), its
    outlet label at (label_x, label_y), below the dot or on a lower row when the labels
    of nearby dates would collide."""

    x: float
    y: float
    label: str
    date_label: str
    href: str
    first: bool
    current: bool
    label_x: float = 0.0
    label_y: float = 0.0


@dataclass(frozen=True)
class JourneyLayout:
    """A journey drawn at one width: ``name`` is ``wide`` (desktop) or ``narrow`` (a phone,
    drawn at its own width so that the labels keep their size)."""

    name: str
    width: int
    height: int
    stops: list[Stop]


AXIS_Y = 30  # the time axis, in drawing units (pixels at scale 1)
LABEL_CHARS = 22  # outlet labels are cut to this many characters
LABEL_CHAR_WIDTH = 6.6  # px per character of the 11 px label font (a generous average)
LABEL_GAP = 8.0  # px kept free between two labels on one row
ROW_HEIGHT = 16  # px between label rows (11 px labels)
SAME_DAY_STEP = 12  # px between dots of one day


def label_text(label: str) -> str:
    """The label as drawn: at most :data:`LABEL_CHARS` characters, an ellipsis when cut."""
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def label_width(label: str) -> float:
    """The estimated width of a drawn label, in px."""
    return len(label_text(label)) * LABEL_CHAR_WIDTH


def journey_stops(
    carriers: Sequence[dict[str, Any]], current_article: str | None, *, width: int = 640
) -> tuple[list[Stop], int]:
    """Place carriers (dicts with published, outlet, href, article_id) left to right by date.

    Dots of one day stack below the axis; each label goes on the first row below the dots
    where it overlaps no other label (estimated widths, :func:`label_width`), kept inside
    the drawing. Returns the stops and the height of the drawing (0 when nothing is dated).
    """
    dated = [c for c in carriers if c.get("published")]
    if not dated:
        return [], 0
    days = [_as_date(c["published"]).toordinal() for c in dated]
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1)
    left, right = 40 + 10, width - 40 - 10
    stacks: dict[float, int] = {}
    placed: list[tuple[float, int, dict[str, Any], int]] = []
    for c, d in zip(dated, days, strict=True):
        x = round(left + (right - left) * (d - lo) / span if hi > lo else width / 2, 1)
        level = stacks.get(x, 0)
        stacks[x] = level + 1
        placed.append((x, level, c, d))
    dots_bottom = AXIS_Y + SAME_DAY_STEP * (max(stacks.values()) - 1) + 8
    rows: list[float] = []  # the right end of the last label on each row
    stops = []
    for x, level, c, d in sorted(placed, key=lambda p: (p[0], p[1])):
        label = c.get("outlet") or "unknown outlet"
        w = label_width(label)
        centre = min(max(x, w / 2 + 2), width - w / 2 - 2)
        row = next((i for i, end in enumerate(rows) if end + LABEL_GAP <= centre - w / 2), None)
        if row is None:
            rows.append(0.0)
            row = len(rows) - 1
        rows[row] = centre + w / 2
        stops.append(
            Stop(
                x=x,
                y=AXIS_Y + SAME_DAY_STEP * level,
                label=label,
                date_label=_as_date(c["published"]).isoformat(),
                href=c.get("href", ""),
                first=c.get("first_seen", d == lo),
                current=c.get("article_id") == current_article,
                label_x=round(centre, 1),
                label_y=dots_bottom + 12 + ROW_HEIGHT * row,
            )
        )
    stops.sort(key=lambda st: (st.date_label, st.x, st.y))
    return stops, int(dots_bottom + 12 + ROW_HEIGHT * (len(rows) - 1) + 10)


NARROW_WIDTH = 360  # a 390 px phone's content width, so its drawing is not scaled down


def journey_layouts(
    carriers: Sequence[dict[str, Any]], current_article: str | None
) -> list[JourneyLayout]:
    """The journey drawn for a wide screen (640) and for a phone (:data:`NARROW_WIDTH`);
    empty when no carrier is dated."""
    out = []
    for name, width in (("wide", 640), ("narrow", NARROW_WIDTH)):
        stops, height = journey_stops(carriers, current_article, width=width)
        if stops:
            out.append(JourneyLayout(name, width, height, stops))
    return out


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
