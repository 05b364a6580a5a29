"""Latency of the retrieval step (hybrid, k=5) at 10k and 100k chunks, embedded and server.

Run: ``python -m bench search [--quick] [--sizes 10000,100000] [--modes embedded,server]``.

The corpora are grown from the BBC set without re-encoding it: the chunks (text, metadata and
vector) of the cached bench store are copied under new article ids, each copy with a short
suffix on its last chunk and its article text, and its vectors perturbed slightly (Gaussian
noise, sigma 0.01 a dimension, re-normalised: cosine ~0.98 to the original), then written through
``ArticleStore``'s own write path (``_upsert_chunks`` / ``_upsert_articles``), so both the dense
index and the lexical index see realistic data. Corpora are kept under bench/results/search/
and reused when their counts match.

Per corpus: the first query with no lexical cache on disk (index build), the first query of a
fresh service with the cache (index load), then the retrieval_dev queries (interleaved, one pass):
``service.search(q, k=5)`` (hybrid), ``retriever.search(mode="dense")``, ``mode="lexical"``, and
the baseline: one query encode plus one raw ``collection.query`` for the dense pool (40), i.e. the
floor any dense retrieval pays. ``ratio_to_dense_floor`` = hybrid p50 / floor p50.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from bench.bench_store import STORE_DIR, WORK_DIR, ensure_bench_store, shared_embedder
from bench.harness import (
    RETRIEVAL_DEV,
    emit_figures,
    latency_summary,
    prepare_environment,
    print_table,
    ratio,
    read_jsonl,
    spread_sample,
)
from retrieval.chroma_server import ChromaServer, free_port

log = logging.getLogger(__name__)

CORPUS_DIR = WORK_DIR / "search"
NOISE_SIGMA = 0.01
WRITE_BATCH_CHUNKS = 4000
DENSE_POOL = 40  # HybridRetriever.search's pool
GOAL_P50_MS = 50.0


# --------------------------------------------------------------------- a Chroma server


# --------------------------------------------------------------------- the corpora


class SourceArticle:
    """One BBC article of the cached store: text, metadata, and its chunks in order."""

    def __init__(self, article_id: str, text: str, meta: dict[str, Any]) -> None:
        self.article_id = article_id
        self.text = text
        self.meta = meta
        self.chunks: list[tuple[int, int, int, str, np.ndarray]] = []  # pos, start, end, text, vec


def read_source_articles() -> list[SourceArticle]:
    """Every article and chunk (with its vector) of the cached bench store."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(
        path=str(STORE_DIR), settings=ChromaSettings(anonymized_telemetry=False)
    )
    articles_col = client.get_collection("newsbot_articles")
    chunks_col = client.get_collection("newsbot_chunks")
    articles: dict[str, SourceArticle] = {}
    got: Any = articles_col.get(include=["documents", "metadatas"])
    for aid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
        articles[aid] = SourceArticle(aid, doc or "", dict(meta))
    offset, page = 0, 5000
    while True:
        batch: Any = chunks_col.get(
            include=["documents", "metadatas", "embeddings"], limit=page, offset=offset
        )
        if not batch["ids"]:
            break
        for doc, meta, vec in zip(
            batch["documents"], batch["metadatas"], batch["embeddings"], strict=True
        ):
            owner = articles.get(str(meta["article_id"]))
            if owner is not None and meta.get("content_hash") == owner.meta.get("content_hash"):
                owner.chunks.append(
                    (
                        int(meta["position"]),
                        int(meta["start"]),
                        int(meta["end"]),
                        doc or "",
                        np.asarray(vec, dtype=np.float32),
                    )
                )
        offset += page
    out = []
    for article in sorted(articles.values(), key=lambda a: a.article_id):
        article.chunks.sort(key=lambda c: c[0])
        if article.chunks:
            out.append(article)
    return out


def variant(source: SourceArticle, copy: int, rng: np.random.Generator) -> Any:
    """A lightly varied copy of ``source`` as a ``PreparedArticle`` with its vectors."""
    from retrieval.chunking import ChunkText
    from retrieval.store import PreparedArticle
    from retrieval.text import text_hash

    suffix = "" if copy == 0 else f" (Archive copy {copy}, shelf {copy * 7 % 97}.)"
    text = source.text + suffix
    chunks, vectors = [], []
    last = len(source.chunks) - 1
    for i, (position, start, end, chunk_text, vec) in enumerate(source.chunks):
        if i == last:
            chunk_text, end = chunk_text + suffix, end + len(suffix)
        chunks.append(ChunkText(position, start, end, chunk_text))
        if copy:
            vec = vec + rng.normal(0.0, NOISE_SIGMA, vec.shape).astype(np.float32)
            vec = vec / np.linalg.norm(vec)
        vectors.append(vec)
    meta = source.meta
    article_id = source.article_id if copy == 0 else f"{source.article_id}~{copy}"
    published = meta.get("published")
    return PreparedArticle(
        article_id=article_id,
        title=str(meta.get("title", "")),
        text=text,
        url=None,
        published=datetime.fromisoformat(published).date() if published else None,
        source=meta.get("source"),
        author=meta.get("author"),
        origin=article_id,
        content_hash=hashlib.sha256(f"{article_id}\n{text}".encode()).hexdigest(),
        text_hash=text_hash(text),
        chunks=chunks,
        vectors=np.stack(vectors),
        story_id=article_id,
        status="added",
    )


def build_corpus(store: Any, sources: list[SourceArticle], target_chunks: int) -> float:
    """Write copies of ``sources`` into ``store`` until it holds ``target_chunks``; seconds."""
    rng = np.random.default_rng(20250312)
    started = time.perf_counter()
    written, copy, pending, pending_chunks = 0, 0, [], 0
    now = datetime.now(UTC)
    while written < target_chunks:
        for source in sources:
            if written >= target_chunks:
                break
            prepared = variant(source, copy, rng)
            pending.append(prepared)
            pending_chunks += len(prepared.chunks)
            written += len(prepared.chunks)
            if pending_chunks >= WRITE_BATCH_CHUNKS:
                store._upsert_chunks(pending)
                store._upsert_articles(pending, now)
                pending, pending_chunks = [], 0
        copy += 1
    if pending:
        store._upsert_chunks(pending)
        store._upsert_articles(pending, now)
    store._bump_revision()
    seconds = time.perf_counter() - started
    log.info("wrote %d chunks in %.1f s", written, seconds)
    return seconds


def corpus_settings(size: int, mode: str, server_url: str | None) -> Any:
    from retrieval.settings import EngineSettings

    return EngineSettings(
        store_dir=CORPUS_DIR / mode,
        chroma_url=server_url,
        collection_prefix=f"s{size // 1000}k",
        chat_model="extractive",
    )


def open_corpus(
    size: int,
    mode: str,
    server_url: str | None,
    embedder: Any,
    sources_ref: list[list[SourceArticle]],
) -> tuple[Any, float | None]:
    """A service over the corpus of ``size`` chunks, built now if missing (with build seconds)."""
    from bot.app import build_service

    settings = corpus_settings(size, mode, server_url)
    service = build_service(settings, with_model=False, embedder=embedder)
    have = service.store.count_chunks()
    if have >= size and have < size + 100:
        log.info("reusing the %s corpus of %d chunks", mode, have)
        return service, None
    if have:
        service.store.client.delete_collection(service.store.chunks.name)
        service.store.client.delete_collection(service.store.articles.name)
        service = build_service(settings, with_model=False, embedder=embedder)
    if not sources_ref[0]:
        sources_ref[0] = read_source_articles()
    seconds = build_corpus(service.store, sources_ref[0], size)
    return service, seconds


def lexical_cache_paths(settings: Any) -> list[Path]:
    cache_dir = settings.store_dir if not settings.chroma_url else settings.store_dir / "cache"
    base = cache_dir / f"{settings.collection_prefix}-lexical.npz"
    return [base, base.with_suffix(".json")]


# --------------------------------------------------------------------- measuring


def measure(
    size: int,
    mode: str,
    server_url: str | None,
    embedder: Any,
    queries: list[str],
    sources_ref: list[list[SourceArticle]],
) -> dict[str, Any]:
    from bot.app import build_service

    service, build_s = open_corpus(size, mode, server_url, embedder, sources_ref)
    settings = service.store.settings
    for path in lexical_cache_paths(settings):
        path.unlink(missing_ok=True)
    started = time.perf_counter()
    service.search(queries[0], k=5)
    first_build_s = time.perf_counter() - started
    fresh = build_service(settings, with_model=False, embedder=embedder)
    started = time.perf_counter()
    fresh.search(queries[0], k=5)
    first_load_s = time.perf_counter() - started

    timings: dict[str, list[float]] = defaultdict(list)
    collection = fresh.store.chunks
    for query in queries:
        started = time.perf_counter()
        fresh.search(query, k=5)
        timings["hybrid"].append(time.perf_counter() - started)
        for retrieval_mode in ("dense", "lexical"):
            started = time.perf_counter()
            fresh.retriever.search(query, k=5, mode=retrieval_mode)
            timings[retrieval_mode].append(time.perf_counter() - started)
        started = time.perf_counter()
        vector = embedder.encode([query])
        encoded = time.perf_counter()
        collection.query(
            query_embeddings=vector,
            n_results=DENSE_POOL,
            include=["metadatas", "documents", "distances"],
        )
        done = time.perf_counter()
        timings["encode"].append(encoded - started)
        timings["floor"].append(done - started)
    stats = {name: latency_summary(values) for name, values in timings.items()}
    return {
        "size": size,
        "mode": mode,
        "chunks": fresh.store.count_chunks(),
        "build_s": round(build_s, 1) if build_s is not None else None,
        "first_query_lexical_build_ms": round(first_build_s * 1000, 1),
        "first_query_lexical_load_ms": round(first_load_s * 1000, 1),
        "hybrid_p50_ms": stats["hybrid"]["p50_ms"],
        "hybrid_p95_ms": stats["hybrid"]["p95_ms"],
        "dense_p50_ms": stats["dense"]["p50_ms"],
        "lexical_p50_ms": stats["lexical"]["p50_ms"],
        "query_encode_p50_ms": stats["encode"]["p50_ms"],
        "dense_floor_p50_ms": stats["floor"]["p50_ms"],
        "ratio_to_dense_floor": ratio(stats["hybrid"]["p50_ms"], stats["floor"]["p50_ms"]),
        "queries": len(queries),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench search", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10k chunks, embedded only")
    parser.add_argument("--sizes", default=None, help="default 10000,100000 (quick: 10000)")
    parser.add_argument("--modes", default=None, help="default embedded,server (quick: embedded)")
    parser.add_argument("--queries", type=Path, default=RETRIEVAL_DEV)
    parser.add_argument("--limit", type=int, default=None, help="at most N queries (spread)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)

    sizes = [int(s) for s in (args.sizes or ("10000" if args.quick else "10000,100000")).split(",")]
    modes = (args.modes or ("embedded" if args.quick else "embedded,server")).split(",")
    queries = [q["query"] for q in spread_sample(read_jsonl(args.queries), args.limit)]
    embedder = shared_embedder()
    ensure_bench_store(embedder)
    embedder.encode(queries[:8])  # warm-up
    sources_ref: list[list[SourceArticle]] = [[]]
    rows: list[dict[str, Any]] = []
    for mode in modes:
        server = None
        try:
            if mode == "server":
                server = ChromaServer(CORPUS_DIR / "server-data", free_port())
                server.start()
            for size in sizes:
                log.info("measuring %d chunks, %s", size, mode)
                rows.append(
                    measure(
                        size, mode, server.url if server else None, embedder, queries, sources_ref
                    )
                )
                with (CORPUS_DIR / "progress.jsonl").open("a", encoding="utf-8") as progress:
                    progress.write(json.dumps(rows[-1]) + "\n")
        finally:
            if server is not None:
                server.stop()

    print_table(
        f"Retrieval step latency (k=5), {len(queries)} queries each (ms)",
        [
            "chunks",
            "mode",
            "hybrid p50",
            "hybrid p95",
            "dense p50",
            "lexical p50",
            "encode p50",
            "floor p50",
            "ratio",
            "1st q build",
            "1st q load",
            "corpus build s",
        ],
        [
            [
                r["chunks"],
                r["mode"],
                r["hybrid_p50_ms"],
                r["hybrid_p95_ms"],
                r["dense_p50_ms"],
                r["lexical_p50_ms"],
                r["query_encode_p50_ms"],
                r["dense_floor_p50_ms"],
                r["ratio_to_dense_floor"],
                r["first_query_lexical_build_ms"],
                r["first_query_lexical_load_ms"],
                r["build_s"],
            ]
            for r in rows
        ],
    )
    print("floor = one query encode + one raw Chroma query (n=40); ratio = hybrid p50 / floor p50")
    largest = max(sizes)
    at_largest = [r["hybrid_p50_ms"] for r in rows if r["size"] == largest]
    figures = {
        "results": rows,
        "largest_size": largest,
        "worst_hybrid_p50_ms_at_largest": max(at_largest) if at_largest else None,
        "goal_p50_ms": GOAL_P50_MS,
        "meets_goal": bool(at_largest) and max(at_largest) <= GOAL_P50_MS,
    }
    emit_figures("search", figures)
    return 0
