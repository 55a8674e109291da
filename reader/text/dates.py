"""Dates as pages, front matter and datelines write them, as ISO 8601."""

from __future__ import annotations

import re

ISO_LIKE_DATE = re.compile(
    r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?)?"
)


def normalize_date(value: object) -> str | None:
    """Any date a front matter or page head gives, as ISO 8601 (with its offset where known)."""
    import datetime as dt
    from email.utils import parsedate_to_datetime

    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    match = ISO_LIKE_DATE.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        if match.group(4):
            return dt.datetime(year, month, day, hour, minute, second).isoformat()
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
