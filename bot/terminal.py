"""Terminal renderers of the light commands (``articles``, ``show``): pure functions.

They live apart from :mod:`bot.render` so that listing the store never imports discord.py;
the answer, summary, digest and search renderers stay there.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any

UNDATED = "undated"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in {"Mn", "Me", "Cf"}:
            continue
        width += 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1
    return width


def pad(text: str, columns: int) -> str:
    """``text`` followed by spaces up to ``columns`` display columns."""
    return text + " " * max(0, columns - display_width(text))


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def day_text(value: date | None) -> str:
    return value.isoformat() if value else UNDATED


def articles_table(rows: Sequence[Any]) -> str:
    """One line an article: date (or ``undated``), id, chunk count, the whole title."""
    if not rows:
        return "0 articles"
    id_width = max(display_width(r.article_id) for r in rows)
    chunk_width = max(len(plural(r.chunks, "chunk")) for r in rows)
    lines = []
    for row in rows:
        lines.append(
            f"{pad(day_text(row.published), 10)}  {pad(row.article_id, id_width)}  "
            f"{plural(row.chunks, 'chunk').rjust(chunk_width)}  {row.title}"
        )
    undated = sum(1 for r in rows if r.published is None)
    total = plural(len(rows), "article")
    lines.append(f"{total} ({undated} undated)" if undated else total)
    return "\n".join(lines)


def article_to_text(article: Any) -> str:
    when = article.published.isoformat() if article.published else "undated"
    header = f"{article.title}\n{article.source or 'outlet unknown'} — {when}"
    if article.url:
        header += f" — {article.url}"
    footer = f"[{plural(len(article.chunks), 'chunk')}; id {article.article_id}]"
    return f"{header}\n\n{article.text}\n\n{footer}"
