"""Articles written in a test, and an extractive service that holds them.

Real parts: the articles go through ``NewsService.ingest`` into an embedded Chroma store with
MiniLM, as any source would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from retrieval.settings import EngineSettings


def service_of(tmp_path: Path, embedder: Any, rows: list[dict[str, str]]) -> Any:
    """A service on the extractive model whose store holds ``rows`` (the JSON Lines fields)."""
    from bot.app import build_service

    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    service = build_service(
        EngineSettings(store_dir=tmp_path / "s", chat_model="extractive"), embedder=embedder
    )
    service.ingest([str(path)])
    return service


def article(
    text: str, title: str, article_id: str = "story", published: str = "2005-03-01"
) -> dict[str, str]:
    """One article's JSON Lines fields, from a wire called "Wire One"."""
    return {
        "id": article_id,
        "title": title,
        "source": "Wire One",
        "published": published,
        "text": text,
    }


# Other stories, so that a question's words are as rare as in a real store.
OTHER_STORIES = [
    article(
        "Rail fares will rise by 4% in January, the train operators said on Monday.\n\n"
        "Passenger groups criticised the increase.",
        "Rail fares rise",
        "rail",
    ),
    article(
        "The Bank of England held interest rates at 4.75% on Thursday.\n\nEconomists had "
        "expected no change.",
        "Bank holds rates",
        "rates",
    ),
]
