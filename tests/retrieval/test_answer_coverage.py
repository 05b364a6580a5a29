"""The answer engine judges what its evidence covers: each part of a question by what that part
asks, the briefing's key points by the summaries' rule of what means something alone.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

import json
from pathlib import Path

from retrieval.settings import EngineSettings


def _service_of(tmp_path: Path, embedder, rows: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    from bot.app import build_service

    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    service = build_service(
        EngineSettings(store_dir=tmp_path / "s", chat_model="extractive"), embedder=embedder
    )
    service.ingest([str(path)])
    return service


def _article(text: str, title: str, article_id: str = "story") -> dict[str, str]:
    return {
        "id": article_id,
        "title": title,
        "source": "Wire One",
        "published": "2005-04-03",
        "text": text,
    }


def test_a_briefing_never_makes_a_key_point_of_a_quotation_whose_speaker_comes_before_it(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # The quotation carries the most figures and places of the article, so a picker by key
    # facts alone takes it; said alone, nobody knows who speaks.
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Flooding in the Severn valley forced 300 families from their homes on Monday, "
                "the Environment Agency said.\n\nThe agency's director, Ann Clarke, visited "
                "Tewkesbury in the afternoon.\n\n\"We have 40 pumps in Tewkesbury, 25 in "
                "Worcester and 12 in Gloucester, and 1,200 sandbags went out overnight.\"\n\n"
                "Rail services between Worcester and Hereford were suspended until Wednesday.",
                "Severn floods force families from homes",
            )
        ],
    )
    answer = service.ask("What happened in the Severn valley?")
    assert answer.status == "answered", answer.answer
    assert answer.plan is not None and answer.plan.kind == "briefing"
    assert not any(p.text.startswith('"') for p in answer.points), answer.answer
