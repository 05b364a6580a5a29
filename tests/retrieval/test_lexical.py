"""The BM25 index: ranking, date windows, its on-disk cache, and staying in step with the store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retrieval.lexical import LexicalIndex, LexicalRanker, idf_weights
from retrieval.store import NO_DATE
from tests.retrieval.test_store import COMET_TEXT, HARBOUR_TEXT, write_jsonl

ROWS = [
    ("a#0", 100, "Russian forces retook the village after heavy fighting."),
    ("b#0", 200, "The council will retake the vote on the harbour wall next week."),
    ("c#0", 300, "A harbour, a harbour wall and a harbour master: harbour news all day."),
    ("d#0", NO_DATE, "Undated notes about the harbour."),
    ("e#0", 150, "Nothing to see here at all."),
]


@pytest.fixture
def index() -> LexicalIndex:
    return LexicalIndex.build(ROWS, revision="r1")


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


def test_an_empty_index_finds_nothing() -> None:
    assert LexicalIndex.build([], revision="empty").search("harbour", k=5) == []


def test_a_saved_index_loads_only_for_its_own_revision(index: LexicalIndex, tmp_path: Path) -> None:
    path = tmp_path / "cache" / "lexical.npz"
    index.save(path)
    loaded = LexicalIndex.load(path, "r1")
    assert loaded is not None
    assert loaded.search("harbour wall", k=10) == index.search("harbour wall", k=10)
    assert loaded.search("harbour", k=10, min_day=250) == index.search("harbour", k=10, min_day=250)
    assert LexicalIndex.load(path, "r2") is None
    assert LexicalIndex.load(tmp_path / "missing.npz", "r1") is None


def test_the_ranker_builds_from_the_store_caches_on_disk_and_rebuilds_after_an_ingest(
    engine_settings: Any, make_service: Callable[..., Any], tmp_path: Path
) -> None:
    service = make_service(engine_settings, with_model=False)
    service.ingest(
        [str(write_jsonl(tmp_path / "a.jsonl", [{"id": "harbour", "text": HARBOUR_TEXT}]))]
    )
    cache = tmp_path / "lexical-cache.npz"
    ranker = LexicalRanker(service.store, cache)
    first = ranker.index()
    found = ids(ranker.search("fishermen", 5))
    assert found and all(cid.startswith("harbour#") for cid in found)
    assert set(first.chunk_ids) == {cid for cid, _, _ in service.store.iter_chunks()}
    assert cache.exists()
    assert ranker.index() is first  # same revision: no rebuild

    reopened = LexicalRanker(service.store, cache).index()
    assert reopened.revision == first.revision
    assert reopened.chunk_ids == first.chunk_ids

    service.ingest([str(write_jsonl(tmp_path / "b.jsonl", [{"id": "comet", "text": COMET_TEXT}]))])
    second = ranker.index()
    assert second is not first and second.revision != first.revision
    assert {cid.split("#")[0] for cid, _ in ranker.search("comet telescope", 5)} == {"comet"}


def test_a_cache_written_by_another_stemmer_is_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "lexical.npz"
    LexicalIndex.build(ROWS, revision="r1").save(path)
    assert LexicalIndex.load(path, "r1") is not None
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    meta["terms"] = "suffix-list"
    path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    assert LexicalIndex.load(path, "r1") is None
