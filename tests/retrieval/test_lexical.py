"""The lexical index (SQLite FTS5): BM25 ranking over the engine's terms, date windows, and
staying in step with the store by updating, never rebuilding: adding articles reads only their
chunks, it persists across restarts, and an index that fell behind catches up."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retrieval.lexical import IndexedArticle, LexicalIndex, idf_weights
from retrieval.loaders import load_sources
from retrieval.service import NewsService
from retrieval.store import NO_DATE
from tests.retrieval.test_store import COMET, HARBOUR, write_jsonl

ROWS = [
    ("a#0", 100, "Russian forces retook the village after heavy fighting."),
    ("b#0", 200, "The council will retake the vote on the harbour wall next week."),
    ("c#0", 300, "A harbour, a harbour wall and a harbour master: harbour news all day."),
    ("d#0", NO_DATE, "Undated notes about the harbour."),
    ("e#0", 150, "Nothing to see here at all."),
]


def indexed(rows: list[tuple[str, int, str]]) -> list[IndexedArticle]:
    """Each row ``(chunk_id, published_day, text)`` as a one-chunk article."""
    return [
        IndexedArticle(cid.split("#")[0], "h", cid, None, None, None, [(cid, day, text)])
        for cid, day, text in rows
    ]


@pytest.fixture
def index(tmp_path: Path) -> LexicalIndex:
    built = LexicalIndex(tmp_path / "lexical.sqlite3")
    built.replace_articles(indexed(ROWS))
    return built


def ids(results: list[tuple[str, float]]) -> list[str]:
    return [cid for cid, _ in results]


def test_the_chunk_that_uses_a_term_most_ranks_first(index: LexicalIndex) -> None:
    results = index.search("harbour", k=10)
    assert ids(results)[0] == "c#0"
    assert set(ids(results)) == {"b#0", "c#0", "d#0"}
    assert [s for _, s in results] == sorted((s for _, s in results), reverse=True)


def test_inflected_forms_match_through_their_stem(index: LexicalIndex) -> None:
    # 'retaken' finds 'retake' (Snowball) and 'retook' (its irregular past), not 'harbour'.
    assert set(ids(index.search("retaken", k=10))) == {"a#0", "b#0"}
    assert "a#0" in ids(index.search("Russia", k=10))


def test_stopwords_and_unknown_words_find_nothing(index: LexicalIndex) -> None:
    assert index.search("the and of", k=10) == []
    assert index.search("xylophone", k=10) == []


def test_a_rare_term_outweighs_a_common_one(index: LexicalIndex) -> None:
    weights = idf_weights(index, ["harbour", "council"])
    assert weights["council"] > weights["harbour"]
    assert ids(index.search("harbour council", k=1)) == ["b#0"]


def test_the_date_window_drops_chunks_outside_it_and_undated_ones_only_for_since(
    index: LexicalIndex,
) -> None:
    assert set(ids(index.search("harbour", k=10, min_day=250))) == {"c#0"}
    assert set(ids(index.search("harbour", k=10, max_day=250))) == {"b#0", "d#0"}
    assert ids(index.search("harbour", k=10, min_day=150, max_day=250)) == ["b#0"]


def test_k_limits_the_results(index: LexicalIndex) -> None:
    assert len(index.search("harbour", k=2)) == 2


def test_an_empty_index_finds_nothing(tmp_path: Path) -> None:
    assert LexicalIndex(tmp_path / "empty.sqlite3").search("harbour", k=5) == []


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
    """The store's real chunk collection, counting the chunk texts read from it (what an
    index rebuild reads; the ingest's repair reads recent chunks' metadata, not their text)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.read = 0

    def get(self, *args: Any, **kwargs: Any) -> Any:
        got = self.inner.get(*args, **kwargs)
        if "documents" in (kwargs.get("include") or []):
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


def test_the_index_knows_the_last_ingest_as_the_store_does(service: NewsService) -> None:
    last = service.retriever.lexical.index().last_ingest()
    assert last is not None and last == service.store.last_ingest() == service.status().last_ingest


def test_an_index_file_of_another_layout_is_replaced_and_refilled(
    service: NewsService, engine_settings: Any, make_service: Callable[..., Any]
) -> None:
    service.retriever.lexical.index().close()
    with sqlite3.connect(engine_settings.lexical_index_path) as db:
        db.execute("PRAGMA user_version = 1")
    reopened: NewsService = make_service(engine_settings, with_model=False)
    reopened.warm_up()
    assert reopened.retriever.search("comet", mode="lexical")[0].article_id == "comet"


def test_an_index_of_terms_from_another_stemmer_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "lexical.sqlite3"
    LexicalIndex(path).replace_articles(indexed(ROWS))
    index = LexicalIndex(path)
    assert index.size == len(ROWS)  # same stemmer: kept
    index.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE lexical_meta SET value = 'suffix-list' WHERE key = 'terms'")
    assert LexicalIndex(path).size == 0  # dropped, to be refilled from the store


def test_a_large_ingest_is_indexed_a_batch_of_articles_at_a_time(
    service: NewsService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import retrieval.lexical

    monkeypatch.setattr(retrieval.lexical, "FOLLOW_BATCH", 2)  # Chroma refuses huge id lists
    many = [{**NEW, "id": f"mineral-{i}", "text": f"{NEW['text']} Sample {i}."} for i in range(5)]
    service.ingest([str(write_jsonl(tmp_path / "many.jsonl", many))])
    hits = service.retriever.search("zanzibarite", k=10, mode="lexical")
    assert sorted(h.article_id for h in hits) == [f"mineral-{i}" for i in range(5)]
    assert service.retriever.lexical.index().size == service.store.count_chunks()


def test_an_index_of_the_previous_layout_keeps_its_chunks_and_gains_the_title_prefixes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lexical.sqlite3"
    index = LexicalIndex(path)
    index.replace_articles(indexed(ROWS))
    index.close()
    with sqlite3.connect(path) as db:  # as version 2 wrote it: titles by article rowid
        db.execute("DROP TABLE lexical_titles")
        db.execute(
            "CREATE VIRTUAL TABLE lexical_titles USING fts5 "
            "(title, tokenize = 'unicode61 remove_diacritics 2')"
        )
        db.execute(
            "INSERT INTO lexical_titles (rowid, title) SELECT rowid, title FROM lexical_articles"
        )
        db.execute("PRAGMA user_version = 2")

    migrated = LexicalIndex(path)

    assert migrated.size == len(ROWS)  # the chunks stay: nothing to refill from the store
    assert ids(migrated.search("harbour", k=10))[0] == "c#0"
    # Titles are the chunk ids here ('a#0' ...): every one found, newest first.
    assert [r.article_id for r in migrated.find_articles("0", 10)] == ["e", "d", "c", "b", "a"]
    migrated.replace_articles(indexed([("f#0", 100, "More harbour news.")]))
    assert [r.article_id for r in migrated.find_articles("0", 2)] == ["f", "e"]
    with sqlite3.connect(path) as db:
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'lexical_titles'").fetchone()
    assert "prefix" in sql[0]
