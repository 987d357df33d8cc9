"""The one rule for reading a publication date, whichever way an article arrives (a file's
``Date:`` header, a JSON record, a web page, ``POST /api/v1/articles``).

A date is kept only when it says one day: ISO dates and timestamps (``2026-11-24``,
``2026-11-24T10:00:00Z``, kept as the day written, never moved across time zones), epoch
seconds or milliseconds, and dates with a month name ("24 Nov 2026", "Nov. 24, 2026").
A numeric day/month date whose first two numbers could each be the day or the month
(``05/11/2026``: 5 November in Britain, May 11 in the US) is ambiguous and is not guessed,
whatever separates them (``/``, ``.``, ``-`` or a space), with a two-digit year
(``05/11/26``; ``00``-``69`` are 2000-2069, ``70``-``99`` 1970-1999, as POSIX ``%y``) and with
a time after it (``05/11/2026 10:00``, ``11/05/2026, 9:30 AM``);
neither is a date that names no day ("yesterday") or no real one (``2026-02-30``). Such a
value is left out with the reason, which the readers put in a warning naming the input and
the API returns as a 400.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

EARLIEST_YEAR, LATEST_YEAR = 1800, 2200
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\- ])(\d{1,2})\2(\d{4}|\d{2})(?=$|[\sT,])(.*)$")
_NUMBERS_ONLY = re.compile(r"^[\d/.\- ]+$")
_YEAR_FIRST = re.compile(r"^\d{4}(?:([/.])\d{1,2}\1\d{1,2}|\d{4})$")  # 2026/11/24, 20261124
_TIME = re.compile(  # what may follow a numeric date: a time of day, its zone
    r"^[\sT,]+\d{1,2}(?:[:.]\d{2}){1,2}(?:\.\d+)?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"\s*(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2})?$"
)


@dataclass(frozen=True)
class DateReading:
    """``iso``: the day as YYYY-MM-DD, or None; ``problem``: why a given value was not
    read as a day (None when it was, or when no value was given)."""

    iso: str | None
    problem: str | None = None


def read_date(value: Any) -> DateReading:
    """The :class:`DateReading` of a publication date: a string, a ``date`` or
    ``datetime``, or epoch seconds / milliseconds (int or float). Never raises."""
    if value is None or value == "":
        return DateReading(None)
    if isinstance(value, datetime):
        return DateReading(value.date().isoformat())
    if isinstance(value, date):
        return DateReading(value.isoformat())
    if isinstance(value, bool):
        return DateReading(None, "not a date")
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return _checked(datetime.fromtimestamp(seconds, tz=UTC).date())
        except (OverflowError, OSError, ValueError):
            return DateReading(None, "not a date (epoch number out of range)")
    text = str(value).strip()
    iso = _ISO.match(text)
    if iso:
        return _day(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = _NUMERIC.match(text)
    if numeric:
        first, second = int(numeric[1]), int(numeric[3])
        year = int(numeric[4])
        if len(numeric[4]) == 2:
            year += 2000 if year <= 69 else 1900
        if numeric[5].strip() and not _TIME.match(numeric[5]):
            return DateReading(None, "not a date (a numeric date followed by other words)")
        if first <= 12 and second <= 12 and first != second:
            return DateReading(
                None,
                f"ambiguous date: day {first} of month {second}, or month {first} day "
                f"{second}? Write it as YYYY-MM-DD",
            )
        day, month = (first, second) if first > 12 or first == second else (second, first)
        return _day(year, month, day)
    if _NUMBERS_ONLY.match(text) and not _YEAR_FIRST.match(text):
        return DateReading(None, "not a date (numbers in no order read as a day)")
    if not any(c.isdigit() for c in text):
        return DateReading(None, "not a date (no day, month and year)")
    try:  # parsed twice with other defaults: what changes was not written
        parsed = _parsed(text, datetime(1, 1, 1))
        again = _parsed(text, datetime(2, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return DateReading(None, "not a date")
    if parsed.year != again.year or parsed.month != again.month or parsed.day != again.day:
        return DateReading(None, "not one day (a day, month or year is missing)")
    return _checked(parsed.date())


def _parsed(text: str, default: datetime) -> datetime:
    """``text`` read by dateutil, its time zone abbreviation by `ZONES` (an unknown one, such
    as the ambiguous "CST", is left out: the day stands, the moment is not known, and
    dateutil's own warning never reaches the user). Raises what dateutil raises."""
    import warnings

    from dateutil import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)
        return parser.parse(text, fuzzy=False, default=default, tzinfos=ZONES)


def _day(year: int, month: int, day: int) -> DateReading:
    try:
        return _checked(date(year, month, day))
    except ValueError:
        return DateReading(None, f"no such day: {year:04d}-{month:02d}-{day:02d}")


def _checked(day: date) -> DateReading:
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        return DateReading(None, f"year {day.year} out of range")
    return DateReading(day.isoformat())


# Time zone abbreviations read in a written date ("November 29, 2026 10:45 IST"), as UTC
# offsets in seconds: only those with one reading in the English-language press. IST is
# India Standard Time (+05:30), BST British Summer Time, EST/EDT, PST/PDT, MST/MDT US
# zones; CST, CDT (US Central or China) and others are not guessed: such a date keeps its
# day and no moment.
ZONES = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": 3600,
    "CET": 3600,
    "CEST": 7200,
    "EET": 7200,
    "EEST": 10800,
    "MSK": 10800,
    "IST": 19800,
    "PKT": 18000,
    "SGT": 28800,
    "HKT": 28800,
    "AWST": 28800,
    "JST": 32400,
    "KST": 32400,
    "ACST": 34200,
    "AEST": 36000,
    "AEDT": 39600,
    "NZST": 43200,
    "NZDT": 46800,
    "EST": -18000,
    "EDT": -14400,
    "MST": -25200,
    "MDT": -21600,
    "PST": -28800,
    "PDT": -25200,
}
_ZONED = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?P<zone>[A-Z]{2,5})$")

_ISO_INSTANT = re.compile(
    r"^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$", re.I
)


def read_instant(value: Any) -> str | None:
    """The moment a publication date names, in UTC as ``YYYY-MM-DDTHH:MM:SSZ``, when it
    gives a time and its zone: an ISO timestamp ending in ``Z`` or an offset, a written
    date whose time ends in a zone abbreviation of `ZONES` ("November 29, 2026 10:45
    IST"), an aware ``datetime``, epoch seconds or milliseconds. None for a day alone, a
    local time of no stated zone (or an unknown one, "CST"), or anything :func:`read_date`
    does not read as a day. Orders articles published on one day (first seen); the day
    kept is still :func:`read_date`'s. Never raises."""
    if read_date(value).iso is None or isinstance(value, bool):
        return None
    moment: datetime | None = None
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else None
    elif isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        moment = datetime.fromtimestamp(seconds, tz=UTC)
    elif isinstance(value, str) and _ISO_INSTANT.match(value.strip()):
        try:
            moment = datetime.fromisoformat(value.strip().replace("z", "Z"))
        except ValueError:
            return None
    elif (
        isinstance(value, str)
        and (zoned := _ZONED.search(value.strip()))
        and zoned["zone"] in ZONES  # "November 29, 2026 10:45 IST"
    ):
        try:
            moment = _parsed(value.strip(), datetime(1, 1, 1))
        except (ValueError, OverflowError, TypeError):
            return None
    if moment is None or moment.tzinfo is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
