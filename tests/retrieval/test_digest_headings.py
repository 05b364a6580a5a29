"""A digest's line leaves out a sub-heading the source glued to its sentence, as summaries do."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from retrieval.settings import EngineSettings

# The BBC set glues a feature's sub-headings to the next sentence (entertainment/314): here the
# first sentence that stands alone is such a one.
OSCARS = (
    "HOW IT ALL STARTED The first Academy Awards were handed out in 1929 at a dinner at the "
    "Roosevelt Hotel in Los Angeles. Just 250 guests attended, with tickets at $5 each."
)


def test_a_digest_line_leaves_out_a_sub_heading_glued_to_its_sentence(
    tmp_path: Any, embedder: Any
) -> None:
    from bot.app import build_service

    row = {
        "id": "oscars-1",
        "title": "How the Oscars began",
        "source": "Wire One",
        "published": "2025-02-20",
        "text": OSCARS,
    }
    (tmp_path / "news.jsonl").write_text(json.dumps(row), encoding="utf-8")
    service = build_service(
        EngineSettings(store_dir=tmp_path / "store", chat_model="extractive"), embedder=embedder
    )
    assert not service.ingest([str(tmp_path / "news.jsonl")]).failed
    (story,) = service.digest(since=date(2025, 2, 19), as_of=date(2025, 2, 21)).stories
    assert story.summary.startswith("The first Academy Awards were handed out in 1929")
    assert "STARTED" not in story.summary
    # The line still cites the whole sentence, as a summary's bullet does.
    assert story.citations[0].quote.startswith("HOW IT ALL STARTED The first Academy Awards")
