"""Parsing what people type into command options (dates, "24h", "HH:MM")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from retrieval.errors import NewsbotError


class BadCommandInput(NewsbotError):
    """An option a person typed could not be understood; the message says what to type."""


_RELATIVE = re.compile(r"^\s*(\d{1,4})\s*([hdw])\s*$", re.IGNORECASE)
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_date(text: str) -> date:
    """``2025-03-12`` (or ``2025/03/12``)."""
    try:
        return date.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        raise BadCommandInput(f"“{text}” is not a date; use YYYY-MM-DD, e.g. 2025-03-12.") from None


def parse_since(text: str, now: datetime) -> date | datetime:
    """A start moment: ``24h``, ``3d``, ``1w`` (before ``now``) or a date."""
    match = _RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        return now.astimezone(UTC) - amount * _UNITS[unit]
    try:
        return parse_date(text)
    except BadCommandInput:
        raise BadCommandInput(
            f"“{text}” is not a time span or date; use 24h, 3d, 1w or YYYY-MM-DD."
        ) from None


def parse_post_time(text: str) -> time:
    """``HH:MM`` in UTC, e.g. ``07:30``."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise BadCommandInput(f"“{text}” is not a time; use HH:MM in UTC, e.g. 07:30.")
