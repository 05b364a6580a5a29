"""Hybrid retrieval: dense similarity (Chroma through langchain-chroma) fused with BM25.

Reciprocal-rank fusion of the two rankings, a cap on chunks per article so the top results are
not five pieces of one article (unless nothing else matches), date filters on the published
day, and optional neighbouring chunks for context.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from langchain_chroma import Chroma

from retrieval.lexical import LexicalRanker
from retrieval.models import Hit
from retrieval.store import ArticleStore, day_number, hit_from_chunk, store_errors

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "lexical"]
RRF_K = 60


class _QueryEmbeddings:
    """The LangChain ``Embeddings`` face of our encoder, for langchain-chroma."""

    def __init__(self, embedder: Any) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.encode([text])[0].tolist()


def date_window(since: date | None, as_of: date | None) -> tuple[int | None, int | None]:
    return (day_number(since) if since else None, day_number(as_of) if as_of else None)


def chroma_date_filter(min_day: int | None, max_day: int | None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if min_day is not None:
        clauses.append({"published_day": {"$gte": min_day}})
    if max_day is not None:
        clauses.append({"published_day": {"$lte": max_day}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class HybridRetriever:
    def __init__(
        self,
        store: ArticleStore,
        embedder: Any,
        lexical: LexicalRanker,
        mode: Mode = "hybrid",
        dense_weight: float = 1.0,
        lexical_weight: float = 1.0,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.lexical = lexical
        self.mode = mode
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight
        self.vectors = Chroma(
            client=store.client,
            collection_name=store.chunks.name,
            embedding_function=_QueryEmbeddings(embedder),  # type: ignore[arg-type]
        )

    def dense(
        self,
        query: str,
        n: int,
        min_day: int | None,
        max_day: int | None,
        query_vector: Sequence[float] | None = None,
    ) -> list[tuple[Hit, float]]:
        if query_vector is None:
            vector = self.embedder.encode([query])[0].tolist()
        else:  # encoded by the caller, e.g. many queries in one batch
            vector = [float(x) for x in query_vector]
        with store_errors(self.store.location):
            results = self.vectors.similarity_search_by_vector_with_relevance_scores(
                vector, k=n, filter=chroma_date_filter(min_day, max_day)
            )
        return [
            (hit_from_chunk(doc.id or "", doc.metadata, doc.page_content, 1.0 - dist), 1.0 - dist)
            for doc, dist in results
        ]

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        since: date | None = None,
        as_of: date | None = None,
        per_article: int = 2,
        pool: int = 40,
        mode: Mode | None = None,
        query_vector: Sequence[float] | None = None,
    ) -> list[Hit]:
        mode = mode or self.mode
        min_day, max_day = date_window(since, as_of)
        fused: dict[str, float] = {}
        hits: dict[str, Hit] = {}
        if mode in ("hybrid", "dense"):
            dense = self.dense(query, pool, min_day, max_day, query_vector)
            for rank, (hit, _sim) in enumerate(dense):
                hits[hit.chunk_id] = hit
                fused[hit.chunk_id] = fused.get(hit.chunk_id, 0.0) + self.dense_weight / (
                    RRF_K + rank + 1
                )
        if mode in ("hybrid", "lexical"):
            try:
                lexical = self.lexical.search(query, pool, min_day, max_day)
            except sqlite3.Error as exc:  # a broken index file: dense alone still answers
                log.warning("lexical search failed, using dense alone: %s", exc)
                lexical = []
            for rank, (cid, _score) in enumerate(lexical):
                fused[cid] = fused.get(cid, 0.0) + self.lexical_weight / (RRF_K + rank + 1)
            missing = [cid for cid, _ in lexical if cid not in hits]
            for hit in self.store.chunks_by_ids(missing):
                hits[hit.chunk_id] = hit
        ranked = sorted((cid for cid in fused if cid in hits), key=lambda c: -fused[c])
        return self._diversify(
            [hits[c].model_copy(update={"score": fused[c]}) for c in ranked], k, per_article
        )

    @staticmethod
    def _diversify(ranked: list[Hit], k: int, per_article: int) -> list[Hit]:
        chosen: list[Hit] = []
        overflow: list[Hit] = []
        taken: dict[str, int] = {}
        for hit in ranked:
            if taken.get(hit.article_id, 0) < per_article:
                chosen.append(hit)
                taken[hit.article_id] = taken.get(hit.article_id, 0) + 1
            else:
                overflow.append(hit)
            if len(chosen) == k:
                return chosen
        # Only a few articles match: let the best of them fill the list.
        return chosen + overflow[: k - len(chosen)]

    def neighbours(self, hit: Hit, span: int = 1) -> list[Hit]:
        """``hit`` with the chunks just before and after it in its article, in order."""
        version = hit.chunk_id.rsplit("-", 1)[0]  # "<article id>#<content hash>"
        ids = [
            f"{version}-{p}"
            for p in range(hit.position - span, hit.position + span + 1)
            if p >= 0 and p != hit.position
        ]
        found = {h.position: h for h in self.store.chunks_by_ids(ids)}
        found[hit.position] = hit
        return [found[p] for p in sorted(found)]
