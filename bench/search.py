"""Latency of the retrieval step (hybrid, k=5) and of the other hot paths as the store grows.

Run: ``python -m bench search [--quick] [--sizes 10000,100000,300000] [--modes embedded,server]``.

The corpora are grown from the BBC set through the real ingest path (``NewsService.ingest`` of
a JSON Lines file): each copy of a BBC article gets a new id and a short suffix on its text.
Encoding hundreds of thousands of chunks does not fit a shared 2-core machine, so the ingest is
given a *replay encoder*: a chunk text the cached BBC store already holds gets its stored vector
(perturbed slightly, Gaussian noise sigma 0.01 a dimension, re-normalised: cosine ~0.98), a
text with the copy suffix gets the vector of the text without it, and anything else (queries,
new articles) goes to the real MiniLM encoder. Everything else is the real ingest: chunking,
identity, story linking, Chroma writes, the lexical index. Corpora are kept under
bench/results/search/ and reused when their counts match.

Per corpus: the retrieval_dev queries (interleaved, one pass): ``service.search(q, k=5)``
(hybrid), ``mode="dense"``, ``mode="lexical"``, the dense floor (one query encode plus one raw
``collection.query`` for the pool of 40), an autocomplete keystroke (``find_articles``) and
``status()``; at the size given by ``--fresh-at`` (default the middle size): 100 new articles
ingested, then the wait of the first question after them, in this service and in a fresh one;
and the peak memory of a separate bot-like process (engine built, 20 questions asked).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import subprocess
import sys
import time
from collections import defaultdict
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
DENSE_POOL = 40  # HybridRetriever.search's pool
GOAL_P50_MS = 50.0
FRESH_ARTICLES = 100
COPY_SUFFIX = re.compile(r" \(Archive copy \d+, shelf \d+\.\)$")


# --------------------------------------------------------------------- a Chroma server


# --------------------------------------------------------------------- the corpora


class SourceArticle:
    """One BBC article of the cached store: its text, metadata and chunk vectors by text."""

    def __init__(self, article_id: str, text: str, meta: dict[str, Any]) -> None:
        self.article_id = article_id
        self.text = text
        self.meta = meta


def read_source_articles() -> tuple[list[SourceArticle], dict[str, np.ndarray]]:
    """Every article of the cached bench store, and every chunk text's vector."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(
        path=str(STORE_DIR), settings=ChromaSettings(anonymized_telemetry=False)
    )
    articles_col = client.get_collection("newsbot_articles")
    chunks_col = client.get_collection("newsbot_chunks")
    got: Any = articles_col.get(include=["documents", "metadatas"])
    articles = [
        SourceArticle(aid, doc or "", dict(meta))
        for aid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
    ]
    vectors: dict[str, np.ndarray] = {}
    offset, page = 0, 5000
    while True:
        batch: Any = chunks_col.get(include=["documents", "embeddings"], limit=page, offset=offset)
        if not batch["ids"]:
            break
        for doc, vec in zip(batch["documents"], batch["embeddings"], strict=True):
            vectors[doc or ""] = np.asarray(vec, dtype=np.float32)
        offset += page
    articles.sort(key=lambda a: a.article_id)
    return [a for a in articles if a.text], vectors


class ReplayEncoder:
    """Vectors the cached store already holds (perturbed for copies); the real encoder else."""

    def __init__(self, real: Any, known: dict[str, np.ndarray]) -> None:
        self.real = real
        self.known = known
        self.name = getattr(real, "name", "replay")
        self.encoded = 0  # texts that went to the real encoder

    def encode(self, texts: list[str]) -> np.ndarray:
        out: list[np.ndarray | None] = []
        missing = []
        for i, text in enumerate(texts):
            base = COPY_SUFFIX.sub("", text)
            vec = self.known.get(text)
            if vec is None and base != text:
                vec = self.known.get(base)
            if vec is not None and base != text:
                rng = np.random.default_rng(abs(hash(text)) % 2**32)
                vec = vec + rng.normal(0.0, NOISE_SIGMA, vec.shape).astype(np.float32)
                vec = vec / np.linalg.norm(vec)
            if vec is None:
                missing.append(i)
            out.append(vec)
        if missing:
            self.encoded += len(missing)
            for i, vec in zip(missing, self.real.encode([texts[i] for i in missing]), strict=True):
                out[i] = np.asarray(vec, dtype=np.float32)
        return np.stack([v for v in out if v is not None])


def copies(sources: list[SourceArticle], first_copy: int, n_articles: int) -> list[dict[str, Any]]:
    """``n_articles`` JSONL records: copies ``first_copy``, ``first_copy + 1``, ... of the set."""
    records = []
    copy = first_copy
    while len(records) < n_articles:
        for source in sources:
            if len(records) >= n_articles:
                break
            suffix = "" if copy == 0 else f" (Archive copy {copy}, shelf {copy * 7 % 97}.)"
            meta = source.meta
            records.append(
                {
                    "id": source.article_id if copy == 0 else f"{source.article_id}~{copy}",
                    "title": str(meta.get("title", "")),
                    "text": source.text + suffix,
                    "published": meta.get("published"),
                    "source": meta.get("source"),
                }
            )
        copy += 1
    return records


def ingest_records(service: Any, records: list[dict[str, Any]], name: str) -> float:
    """Ingest ``records`` through ``service.ingest`` (a JSONL file); seconds."""
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    path = CORPUS_DIR / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    started = time.perf_counter()
    report = service.ingest([str(path)])
    seconds = time.perf_counter() - started
    path.unlink()
    log.info(
        "ingested %d articles (%d chunks) in %.1f s", report.added, report.chunks_added, seconds
    )
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
    size: int, mode: str, server_url: str | None, encoder: ReplayEncoder, sources: Any
) -> tuple[Any, float | None]:
    """A service over the corpus of ``size`` chunks, ingested now if missing (with seconds)."""
    from bot.app import build_service

    settings = corpus_settings(size, mode, server_url)
    service = build_service(settings, with_model=False, embedder=encoder)
    have = service.store.count_chunks()
    if have >= size:  # reused as it is (the row says how many chunks it holds)
        log.info("reusing the %s corpus of %d chunks", mode, have)
        service.warm_up()
        return service, None
    if have:
        service.store.client.delete_collection(service.store.chunks.name)
        service.store.client.delete_collection(service.store.articles.name)
        settings.lexical_index_path.unlink(missing_ok=True)
        service = build_service(settings, with_model=False, embedder=encoder)
    chunks_per_article = max(1.0, len(encoder.known) / len(sources))
    seconds = 0.0
    while service.store.count_chunks() < size:
        missing = size - service.store.count_chunks()
        n = max(1, int(missing / chunks_per_article))
        first = service.store.count_articles() // len(sources)
        seconds += ingest_records(service, copies(sources, first, n), f"corpus-{size}")
        if service.store.count_chunks() + 1 >= size or n < 10:
            break
    return service, seconds


def process_memory(settings: Any, queries: list[str]) -> float:
    """Peak RSS (MiB) of a separate process that builds the engine and answers 20 questions."""
    script = (
        "import json, resource, sys\n"
        "from bench.harness import prepare_environment\n"
        "prepare_environment()\n"
        "from bot.app import build_service\n"
        "from retrieval.settings import EngineSettings\n"
        "settings = EngineSettings.model_validate_json(sys.argv[1])\n"
        "service = build_service(settings)\n"
        "service.warm_up()\n"
        "for q in json.loads(sys.argv[2]):\n"
        "    service.ask(q)\n"
        "    service.find_articles(q[:4])\n"
        "    service.status()\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, settings.model_dump_json(), json.dumps(queries[:20])],
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    return round(int(done.stdout.strip().splitlines()[-1]) / 1024, 1)


# --------------------------------------------------------------------- measuring


def timed(call: Any) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def measure(
    size: int,
    mode: str,
    server_url: str | None,
    encoder: ReplayEncoder,
    queries: list[str],
    sources: list[SourceArticle],
    fresh_articles: bool,
) -> dict[str, Any]:
    from bot.app import build_service

    service, build_s = open_corpus(size, mode, server_url, encoder, sources)
    settings = service.store.settings
    fresh = build_service(settings, with_model=False, embedder=encoder)
    fresh_start_s = timed(fresh.warm_up)  # what a starting process pays: nothing to rebuild
    timings: dict[str, list[float]] = defaultdict(list)
    collection = fresh.store.chunks
    for query in queries:
        timings["hybrid"].append(timed(lambda q=query: fresh.search(q, k=5)))
        for retrieval_mode in ("dense", "lexical"):
            timings[retrieval_mode].append(
                timed(lambda q=query, m=retrieval_mode: fresh.retriever.search(q, k=5, mode=m))
            )
        started = time.perf_counter()
        vector = encoder.real.encode([query])
        collection.query(
            query_embeddings=vector,
            n_results=DENSE_POOL,
            include=["metadatas", "documents", "distances"],
        )
        timings["floor"].append(time.perf_counter() - started)
        keystroke = query.split()[min(2, len(query.split()) - 1)][:4]
        timings["autocomplete"].append(timed(lambda k=keystroke: fresh.find_articles(k)))
        timings["status"].append(timed(fresh.status))
    stats = {name: latency_summary(values) for name, values in timings.items()}
    row: dict[str, Any] = {
        "size": size,
        "mode": mode,
        "chunks": fresh.store.count_chunks(),
        "articles": fresh.store.count_articles(),
        "ingest_s": round(build_s, 1) if build_s is not None else None,
        "fresh_process_catch_up_ms": round(fresh_start_s * 1000, 1),
        "hybrid_p50_ms": stats["hybrid"]["p50_ms"],
        "hybrid_p95_ms": stats["hybrid"]["p95_ms"],
        "dense_p50_ms": stats["dense"]["p50_ms"],
        "lexical_p50_ms": stats["lexical"]["p50_ms"],
        "dense_floor_p50_ms": stats["floor"]["p50_ms"],
        "autocomplete_p50_ms": stats["autocomplete"]["p50_ms"],
        "status_p50_ms": stats["status"]["p50_ms"],
        "ratio_to_dense_floor": ratio(stats["hybrid"]["p50_ms"], stats["floor"]["p50_ms"]),
        "queries": len(queries),
    }
    if fresh_articles:
        # 100 articles nobody has seen (their own text: the real encoder reads them), then
        # the first question, here and in another process's service that shares the store.
        first = service.store.count_articles() // len(sources) + 1
        records = copies(sources, first, FRESH_ARTICLES)
        for record in records:
            record["text"] = f"Fresh report {record['id']}. " + record["text"]
        before = encoder.encoded
        row["fresh_ingest_s"] = round(ingest_records(service, records, "fresh"), 1)
        row["fresh_encoded_by_real_model"] = encoder.encoded - before
        row["first_question_after_ingest_ms"] = round(
            timed(lambda: service.search(queries[0], k=5)) * 1000, 1
        )
        row["first_question_other_process_ms"] = round(
            timed(lambda: fresh.search(queries[1], k=5)) * 1000, 1
        )
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench search", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10k chunks, embedded only")
    parser.add_argument("--sizes", default=None, help="default 10000,100000 (quick: 10000)")
    parser.add_argument("--modes", default=None, help="default embedded,server (quick: embedded)")
    parser.add_argument("--queries", type=Path, default=RETRIEVAL_DEV)
    parser.add_argument("--limit", type=int, default=None, help="at most N queries (spread)")
    parser.add_argument(
        "--fresh-at", type=int, default=None, help="size that gets 100 new articles (middle)"
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS process")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)

    sizes = [int(s) for s in (args.sizes or ("10000" if args.quick else "10000,100000")).split(",")]
    modes = (args.modes or ("embedded" if args.quick else "embedded,server")).split(",")
    fresh_at = args.fresh_at if args.fresh_at is not None else sizes[len(sizes) // 2]
    queries = [q["query"] for q in spread_sample(read_jsonl(args.queries), args.limit)]
    real = shared_embedder()
    ensure_bench_store(real)
    real.encode(queries[:8])  # warm-up
    sources, known = read_source_articles()
    encoder = ReplayEncoder(real, known)
    rows: list[dict[str, Any]] = []
    for mode in modes:
        server = None
        try:
            if mode == "server":
                server = ChromaServer(CORPUS_DIR / "server-data", free_port())
                server.start()
            for size in sizes:
                log.info("measuring %d chunks, %s", size, mode)
                row = measure(
                    size,
                    mode,
                    server.url if server else None,
                    encoder,
                    queries,
                    sources,
                    size == fresh_at,
                )
                if not args.no_memory:
                    row["process_peak_rss_mib"] = process_memory(
                        corpus_settings(size, mode, server.url if server else None), queries
                    )
                rows.append(row)
                with (CORPUS_DIR / "progress.jsonl").open("a", encoding="utf-8") as progress:
                    progress.write(json.dumps(rows[-1]) + "\n")
        finally:
            if server is not None:
                server.stop()

    print_table(
        f"Hot paths as the store grows, {len(queries)} queries each (ms)",
        [
            "chunks",
            "mode",
            "hybrid p50",
            "hybrid p95",
            "dense p50",
            "lexical p50",
            "floor p50",
            "autocomplete p50",
            "status p50",
            "peak RSS MiB",
            "ingest s",
        ],
        [
            [
                r["chunks"],
                r["mode"],
                r["hybrid_p50_ms"],
                r["hybrid_p95_ms"],
                r["dense_p50_ms"],
                r["lexical_p50_ms"],
                r["dense_floor_p50_ms"],
                r["autocomplete_p50_ms"],
                r["status_p50_ms"],
                r.get("process_peak_rss_mib"),
                r["ingest_s"],
            ]
            for r in rows
        ],
    )
    print("floor = one query encode + one raw Chroma query (n=40)")
    for r in rows:
        if "first_question_after_ingest_ms" in r:
            print(
                f"{r['mode']} {r['chunks']} chunks: {FRESH_ARTICLES} new articles ingested in "
                f"{r['fresh_ingest_s']} s; the first question then took "
                f"{r['first_question_after_ingest_ms']} ms (another service: "
                f"{r['first_question_other_process_ms']} ms)"
            )
    largest, smallest = max(sizes), min(sizes)
    figures: dict[str, Any] = {"results": rows, "goal_p50_ms": GOAL_P50_MS}
    for mode in modes:
        by_size = {r["size"]: r for r in rows if r["mode"] == mode}
        if largest in by_size and smallest in by_size and largest != smallest:
            big, small = by_size[largest], by_size[smallest]
            figures[f"{mode}_growth"] = {
                f"{key}_ratio_{largest}_to_{smallest}": ratio(big[key], small[key])
                for key in ("hybrid_p50_ms", "autocomplete_p50_ms", "status_p50_ms")
            }
            if "process_peak_rss_mib" in big and "process_peak_rss_mib" in small:
                per_100k = (big["process_peak_rss_mib"] - small["process_peak_rss_mib"]) / (
                    (big["chunks"] - small["chunks"]) / 100_000
                )
                figures[f"{mode}_rss_mib_per_100k_chunks"] = round(per_100k, 1)
    emit_figures("search", figures)
    return 0
