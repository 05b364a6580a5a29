"""The lexical index (SQLite FTS5) updates with each ingest and never rebuilds: adding articles
reads only their chunks, it persists across restarts, and one that fell behind catches up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retrieval.lexical import idf_weights
from retrieval.loaders import load_sources
from retrieval.service import NewsService
from tests.retrieval.test_store import COMET, HARBOUR, write_jsonl

ARTICLES = [
    {"id": f"filler-{i}", "title": f"Council notes {i}", "text": "\n\n".join(HARBOUR)[i:]}
    for i in range(6)
] + [{"id": "comet", "title": "Bright comet on its way", "text": "\n\n".join(COMET)}]
NEW = {
    "id": "mineral",
    "title": "A new mineral",
    "text": "Geologists have named a new mineral zanzibarite after the island where it was found.",
}


class ReadCounter:
    """The store's real chunk collection, counting the chunks read from it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.read = 0

    def get(self, *args: Any, **kwargs: Any) -> Any:
        got = self.inner.get(*args, **kwargs)
        self.read += len(got["ids"])
        return got

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.fixture
def service(engine_settings: Any, make_service: Callable[..., Any], tmp_path: Path) -> NewsService:
    service: NewsService = make_service(engine_settings, with_model=False)
    service.ingest([str(write_jsonl(tmp_path / "news.jsonl", ARTICLES))])
    return service


def test_ingesting_an_article_reads_only_its_chunks_into_the_index(
    service: NewsService, tmp_path: Path
) -> None:
    before = service.retriever.lexical.index().size
    assert before == service.store.count_chunks() > 1
    counter = ReadCounter(service.store.chunks)
    service.store.chunks = counter  # type: ignore[assignment]
    service.ingest([str(write_jsonl(tmp_path / "new.jsonl", [NEW]))])
    # The new article's one chunk, read once for the index (a rebuild would read them all).
    assert counter.read == 1
    assert service.retriever.lexical.index().size == before + 1
    counter.read = 0
    hits = service.retriever.search("zanzibarite", mode="lexical")
    assert [h.article_id for h in hits] == ["mineral"]
    assert counter.read == 1  # the question reads its hits, nothing else


def test_the_index_persists_and_a_restarted_service_has_nothing_to_redo(
    service: NewsService, engine_settings: Any, make_service: Callable[..., Any]
) -> None:
    assert engine_settings.lexical_index_path.exists()
    restarted: NewsService = make_service(engine_settings, with_model=False)
    assert restarted.retriever.lexical.catch_up() == 0
    hits = restarted.retriever.search("comet telescope", mode="lexical")
    assert hits[0].article_id == "comet"


def test_an_index_that_fell_behind_the_store_catches_up_when_the_service_starts(
    service: NewsService, engine_settings: Any, make_service: Callable[..., Any], tmp_path: Path
) -> None:
    # A writer that did not update the index (or died before it could).
    service.store.ingest(load_sources([str(write_jsonl(tmp_path / "new.jsonl", [NEW]))], None))
    assert service.retriever.search("zanzibarite", mode="lexical") == []
    restarted: NewsService = make_service(engine_settings, with_model=False)
    restarted.warm_up()
    assert [h.article_id for h in restarted.retriever.search("zanzibarite", mode="lexical")] == [
        "mineral"
    ]
    assert restarted.retriever.lexical.index().size == restarted.store.count_chunks()


def test_a_store_without_an_index_file_gets_one_built_once(
    service: NewsService, engine_settings: Any, make_service: Callable[..., Any]
) -> None:
    service.retriever.lexical.index().close()
    path = engine_settings.lexical_index_path
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    fresh: NewsService = make_service(engine_settings, with_model=False)
    assert fresh.retriever.search("comet", mode="lexical") == []  # no rebuild in a question
    fresh.warm_up()
    assert fresh.retriever.search("comet", mode="lexical")[0].article_id == "comet"
    assert fresh.retriever.lexical.catch_up() == 0


def test_rare_question_words_weigh_more_than_common_ones(service: NewsService) -> None:
    weights = idf_weights(service.retriever.lexical.index(), ["comet", "harbour", "zzzz"])
    assert weights["zzzz"] > weights["comet"] > weights["harbour"] > 0.5


def test_autocomplete_finds_titles_by_the_words_typed_so_far(service: NewsService) -> None:
    found = service.find_articles("bright com")
    assert [r.article_id for r in found] == ["comet"]
    assert found[0].title == "Bright comet on its way" and found[0].chunks >= 1
    assert [r.article_id for r in service.find_articles("comet")] == ["comet"]
    assert service.find_articles("filler-3")[0].article_id == "filler-3"  # an id
    assert len(service.find_articles("council", limit=4)) == 4
    assert len(service.find_articles("", limit=3)) == 3
    assert service.find_articles("volcano") == []


def test_status_tells_the_last_ingest_from_the_index(service: NewsService) -> None:
    status = service.status()
    assert status.last_ingest is not None
    assert status.last_ingest == service.store.last_ingest()


def test_an_index_file_of_another_layout_is_replaced_and_refilled(
    service: NewsService, engine_settings: Any, make_service: Callable[..., Any]
) -> None:
    import sqlite3

    service.retriever.lexical.index().close()
    with sqlite3.connect(engine_settings.lexical_index_path) as db:
        db.execute("PRAGMA user_version = 1")
    reopened: NewsService = make_service(engine_settings, with_model=False)
    reopened.warm_up()
    assert reopened.retriever.search("comet", mode="lexical")[0].article_id == "comet"
