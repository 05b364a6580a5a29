"""Parsing what people type into command options (dates, "24h", "HH:MM")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from retrieval.dates import WHEN_GRAMMAR, parse_moment
from retrieval.errors import NewsbotError


class BadCommandInput(NewsbotError):
    """An option a person typed could not be understood; the message says what to type."""


def parse_date(text: str) -> date:
    """``2025-03-12`` (or ``2025/03/12``, ``today``, ``yesterday``)."""
    try:
        moment = parse_moment(text, datetime.now(UTC))
    except ValueError:
        moment = None
    if not isinstance(moment, date) or isinstance(moment, datetime):
        raise BadCommandInput(f"“{text}” is not a date; use YYYY-MM-DD, e.g. 2025-03-12.")
    return moment


def parse_since(text: str, now: datetime) -> date | datetime:
    """A start moment in the grammar the command line shares: ``24h``, ``7d``, ``2w`` (before
    ``now``), ``yesterday``, ``today`` or a date."""
    try:
        return parse_moment(text, now)
    except ValueError:
        raise BadCommandInput(f"“{text}” is not a time span or date; use {WHEN_GRAMMAR}.") from None


def parse_post_time(text: str) -> time:
    """``HH:MM`` in UTC, e.g. ``07:30``."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise BadCommandInput(f"“{text}” is not a time; use HH:MM in UTC, e.g. 07:30.")
