"""Hybrid search over a real store (embedded and server): ranking, diversity, dates, freshness."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from retrieval.search import Mode
from retrieval.service import NewsService
from tests.retrieval.test_store import COMET, HARBOUR, write_jsonl

VOLCANO = tuple(
    f"{opening} The Stromboli volcano {detail}"
    for opening, detail in [
        ("Lava reached the sea on Sunday night.", "has been erupting since early spring."),
        ("Villagers on the island were told to stay indoors.", "sent ash over the harbour."),
        ("Ferries to the island were cancelled for two days.", "is one of Europe's most active."),
        ("Scientists flew a drone over the crater on Monday.", "showed a new vent on its side."),
        ("Tourists watched the glow from boats offshore.", "lit up the night sky for hours."),
        ("The civil protection agency raised the alert level.", "may erupt again this week."),
    ]
)
MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")
# Each paragraph is its own chunk at this chunk size.
CHUNK_SIZE = 150

ARTICLES = [
    {
        "id": "harbour-jan",
        "title": "Harbour wall to be rebuilt",
        "text": "\n\n".join(HARBOUR),
        "published": "2025-01-10",
        "source": "Herald",
    },
    {
        "id": "harbour-mar",
        "title": "Harbour wall work delayed again",
        "text": "The harbour wall rebuilding has been delayed again, the council said, after the "
        "contractor asked for more money to finish the work before the winter storms.",
        "published": "2025-03-01",
        "source": "Gazette",
    },
    {
        "id": "harbour-undated",
        "title": "Fishermen ask for moorings near the harbour wall",
        "text": "Fishermen have asked the council for temporary moorings while the harbour wall "
        "is rebuilt, saying storms have already damaged several boats this winter.",
    },
    {
        "id": "comet",
        "title": "Bright comet on its way",
        "text": "\n\n".join(COMET),
        "published": "2025-02-15",
        "source": "Science Weekly",
    },
    {
        "id": "volcano",
        "title": "Stromboli erupts",
        "text": "\n\n".join(VOLCANO),
        "published": "2025-02-20",
        "source": "Island News",
    },
]


@pytest.fixture
def search_settings(engine_settings: Any) -> Any:
    return engine_settings.model_copy(update={"chunk_size": CHUNK_SIZE})


@pytest.fixture
def service(search_settings: Any, make_service: Callable[..., Any], tmp_path: Path) -> NewsService:
    service: NewsService = make_service(search_settings, with_model=False)
    report = service.ingest([str(write_jsonl(tmp_path / "news.jsonl", ARTICLES))])
    assert report.added == len(ARTICLES), report
    return service


def article_ids(hits: list[Any]) -> list[str]:
    return [h.article_id for h in hits]


def test_hybrid_search_returns_the_best_hits_first_with_the_contract_fields(
    service: NewsService,
) -> None:
    result = service.search("When will the comet be visible in the evening sky?", k=5)
    assert result.query.startswith("When will the comet")
    hits = result.hits
    assert 1 <= len(hits) <= 5
    assert hits[0].article_id == "comet"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for hit in hits:
        assert hit.chunk_id.startswith(f"{hit.article_id}#")
        assert hit.title and hit.text
        assert hit.score > 0
    assert hits[0].title == "Bright comet on its way"
    assert hits[0].published == date(2025, 2, 15)


def test_the_top_five_are_not_all_from_one_article_when_others_match(
    service: NewsService,
) -> None:
    hits = service.search("harbour wall council storms", k=5).hits
    assert len(hits) == 5
    counts = {aid: article_ids(hits).count(aid) for aid in article_ids(hits)}
    assert len(counts) >= 3
    assert max(counts.values()) <= 2
    assert {"harbour-jan", "harbour-mar", "harbour-undated"} <= set(counts)


def test_a_query_only_one_article_matches_may_return_several_of_its_chunks(
    service: NewsService,
) -> None:
    hits = service.retriever.search("Stromboli", k=5, mode="lexical")
    assert article_ids(hits) == ["volcano"] * 5
    assert len({h.chunk_id for h in hits}) == 5


def test_dense_and_lexical_modes_each_find_the_article_that_answers(
    service: NewsService,
) -> None:
    for mode in ("dense", "lexical"):
        hits = service.retriever.search("comet visible to the naked eye", k=3, mode=mode)
        assert hits and hits[0].article_id == "comet", mode
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_since_keeps_articles_published_on_or_after_the_day_and_drops_undated_ones(
    service: NewsService,
) -> None:
    for mode in MODES:
        hits = service.retriever.search("harbour wall", k=10, since=date(2025, 3, 1), mode=mode)
        assert set(article_ids(hits)) == {"harbour-mar"}, mode


def test_as_of_drops_later_articles_and_keeps_undated_ones(service: NewsService) -> None:
    for mode in MODES:
        hits = service.retriever.search(
            "harbour wall fishermen", k=20, as_of=date(2025, 2, 28), mode=mode
        )
        found = set(article_ids(hits))
        assert "harbour-mar" not in found, mode
        assert {"harbour-jan", "harbour-undated"} <= found, mode
        assert all(h.published is None or h.published <= date(2025, 2, 28) for h in hits)


def test_since_and_as_of_together_make_a_window(service: NewsService) -> None:
    hits = service.search(
        "comet volcano harbour", k=20, since=date(2025, 2, 1), as_of=date(2025, 2, 28)
    ).hits
    assert set(article_ids(hits)) <= {"comet", "volcano"}
    assert hits


def test_the_lexical_index_follows_new_articles_in_this_and_another_service(
    service: NewsService, search_settings: Any, make_service: Callable[..., Any], tmp_path: Path
) -> None:
    other: NewsService = make_service(search_settings, with_model=False)
    assert other.retriever.search("zanzibarite", mode="lexical") == []
    assert service.retriever.search("zanzibarite", mode="lexical") == []

    new = {
        "id": "mineral",
        "title": "A new mineral",
        "text": "Geologists have named a new mineral zanzibarite after the island.",
    }
    service.ingest([str(write_jsonl(tmp_path / "new.jsonl", [new]))])

    for instance in (service, other):
        hits = instance.retriever.search("zanzibarite", mode="lexical")
        assert article_ids(hits) == ["mineral"]


def test_the_lexical_index_follows_an_edit_that_keeps_the_chunk_count(
    service: NewsService, search_settings: Any, make_service: Callable[..., Any], tmp_path: Path
) -> None:
    other: NewsService = make_service(search_settings, with_model=False)
    assert article_ids(other.retriever.search("comet", mode="lexical"))[0] == "comet"
    chunks_before = service.store.count_chunks()

    edited = next(a for a in ARTICLES if a["id"] == "comet") | {
        "text": "\n\n".join(COMET).replace("amateur astronomer", "keen stargazer")
    }
    report = service.ingest([str(write_jsonl(tmp_path / "edit.jsonl", [edited]))])
    assert report.updated == 1
    assert service.store.count_chunks() == chunks_before

    for instance in (service, other):
        assert article_ids(instance.retriever.search("stargazer", mode="lexical")) == ["comet"]
        assert instance.retriever.search("amateur", mode="lexical") == []


def test_a_hit_can_bring_its_neighbouring_chunks_in_order(service: NewsService) -> None:
    hits = service.retriever.search("Stromboli", k=5, mode="lexical")
    middle = next(h for h in hits if h.position > 0)
    around = service.retriever.neighbours(middle)
    positions = [h.position for h in around]
    assert middle.position in positions and positions == sorted(positions)
    assert middle.position - 1 in positions
    assert all(h.article_id == middle.article_id for h in around)
    text = service.show(middle.article_id).text
    assert all(text[h.start : h.end] == h.text for h in around)
