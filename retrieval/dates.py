"""Publication dates from the strings and URLs articles come with.

Both functions return a calendar ``date`` or ``None``; they never guess a missing day, month or
year. A timestamp is read as the calendar day written in it (``2025-03-12T23:30:00-05:00`` is
12 March), which is the day the publisher printed, without converting to UTC.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_tz

log = logging.getLogger(__name__)

# Years outside this range are almost always typos or ids, not publication dates.
_MIN_YEAR = 1800
_MAX_YEAR = 2200

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}  # fmt: skip

_MONTH_NAME = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
# What may follow a date in the same string: nothing, or a time / zone part.
_TAIL = r"(?:$|[T\s_,]|(?<=\d)Z)"

# 2025-03-12, 2025/03/12, 2025.03.12, 2025-03-12T09:30:00Z, 2025-03-12 09:30
_YMD = re.compile(r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})" + _TAIL)
# 20250312 (compact ISO), optionally followed by a time
_YMD_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:$|T)")
# March 12, 2025 / Wednesday, March 12, 2025 / Mar. 12 2025
_MDY = re.compile(
    r"^" + _WEEKDAY + _MONTH_NAME + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b",
    re.IGNORECASE,
)
# 12 March 2025 / Wed, 12 March 2025 / 12 Mar. 2025 (RFC 2822 is handled before this)
_DMY = re.compile(
    r"^" + _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r",?\s+(?P<y>\d{4})\b",
    re.IGNORECASE,
)

# Dates in URL paths: /2025/03/12/ and /2025-03-12/ (also at the end of the path or before a dot).
_URL_SLASHED = re.compile(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|$|[.?#_-])")
_URL_DASHED = re.compile(r"(?<![0-9])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![0-9])")


def _make_date(year: int, month: int, day: int) -> date | None:
    """The date, or ``None`` when it does not exist (month 13, 30 February...)."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month_name = groups.get("month_name")
    month = _MONTHS[month_name.lower()] if month_name else int(groups["m"])
    return _make_date(int(groups["y"]), month, int(groups["d"]))


def _from_rfc2822(value: str) -> date | None:
    """``Wed, 12 Mar 2025 09:30:00 +0000`` as feeds write it (the day as written)."""
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d", value):
        return None
    parsed = parsedate_tz(value)
    if parsed is None:
        return None
    year, month, day = parsed[0], parsed[1], parsed[2]
    if year < 100:  # two-digit years (RFC 822): 00-49 -> 2000s, 50-99 -> 1900s
        year += 2000 if year < 50 else 1900
    return _make_date(year, month, day)


def parse_date(value: str | None) -> date | None:
    """The calendar day written in ``value``, or ``None`` when it holds no complete date.

    Understands ISO dates and timestamps (``2025-03-12``, ``2025-03-12T09:30:00Z``), slashes
    and dots (``2025/03/12``), compact ISO (``20250312``), RFC 2822 as in feeds
    (``Wed, 12 Mar 2025 09:30:00 +0000``) and English month names (``March 12, 2025``,
    ``12 March 2025``). Future dates are returned as given; impossible ones give ``None``.
    """
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    for pattern in (_YMD, _YMD_COMPACT, _MDY, _DMY):
        match = pattern.match(text)
        if match:
            return _from_match(match)
    found = _from_rfc2822(text)
    if found is None:
        log.debug("not a date: %r", text[:80])
    return found


def date_from_url(url: str | None) -> date | None:
    """The date in a URL path such as ``/2025/03/12/`` or ``/2025-03-12/``, if it exists."""
    if not url:
        return None
    path = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "", url)
    for pattern in (_URL_SLASHED, _URL_DASHED):
        for match in pattern.finditer(path):
            found = _from_match(match)
            if found is not None and found.year >= 1990:
                return found
    return None


# ---------------------------------------------------------------------------------------------
# What people type for --since / --as-of (the command line and Discord share this grammar).

WHEN_GRAMMAR = "YYYY-MM-DD, 24h, 7d, 2w, yesterday or today"
_SPAN = re.compile(r"^(\d{1,5})\s*([hdw])$")
_SPAN_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_moment(text: str, now: datetime) -> date | datetime:
    """The moment a person means: a span back from ``now`` or a calendar day.

    ``24h``, ``7d``, ``2w`` give ``now`` minus that span (a ``datetime`` in UTC); ``today`` and
    ``yesterday`` the calendar day of ``now`` or the one before; ``2025-03-12`` (also
    ``2025/03/12`` or a timestamp) that day. Anything else raises ``ValueError`` with a message
    that says what to type.
    """
    value = " ".join(str(text).split()).lower()
    today = now.date()
    if value == "today":
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    match = _SPAN.match(value)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        return now.astimezone(UTC) - amount * _SPAN_UNITS[unit]
    day = _iso_day(value)
    if day is None:
        raise ValueError(f"{text.strip()!r} is not a date: use {WHEN_GRAMMAR}")
    return day


def parse_day(text: str, today: date) -> date:
    """The calendar day a person means, in the grammar of :func:`parse_moment`.

    A span counts whole days back from ``today``: ``24h`` and ``1d`` are yesterday, ``36h``
    the day before.
    """
    value = " ".join(str(text).split()).lower()
    match = _SPAN.match(value)
    if match:
        hours = int(match.group(1)) * _SPAN_UNITS[match.group(2)] / timedelta(hours=1)
        return today - timedelta(days=-int(-hours // 24))  # rounded up to whole days
    moment = parse_moment(text, datetime.combine(today, datetime.min.time()))
    return moment.date() if isinstance(moment, datetime) else moment


def _iso_day(value: str) -> date | None:
    text = value.replace("/", "-")
    if not re.match(r"^\d{4}-\d{1,2}-\d{1,2}", text):
        return None
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[t ]\d)", text)
    if match is None:
        return None
    return _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
