"""Ingest throughput beside the embedding model's own limit on the same texts.

Run: ``python -m bench ingest [--quick] [--articles N]``.

1. The ingest: ``NewsService.ingest([jsonl])`` into a fresh temporary embedded store (loading,
   cleaning, chunking, embedding, near-duplicate linking, Chroma writes). The embedder is
   wrapped so that every batch of texts the ingest encodes is recorded.
2. The raw encoder (baseline): the same embedder object replays exactly those ``encode`` calls
   (the very same chunk texts, the same grouping and batch size), right after the ingest.
3. The re-ingest: the same call again; every article is unchanged.

``ratio_to_raw_encoder`` = ingest chunks/s / raw encoder chunks/s (goal >= 0.9);
``reingest_speedup`` = first ingest time / unchanged re-ingest time (goal >= 20).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_store import shared_embedder
from bench.harness import emit_figures, prepare_environment, print_table, ratio, require_bbc

log = logging.getLogger(__name__)

QUICK_ARTICLES = 300


def subset_file(source: Path, n: int | None, folder: Path) -> Path:
    """The first ``n`` lines of ``source`` as a JSONL file (or ``source`` itself)."""
    if n is None:
        return source
    target = folder / f"bbc_first_{n}.jsonl"
    with source.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return target


class RecordingEncoder:
    """The embedder, recording every batch of texts the ingest asks it to encode."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[list[str]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def encode(self, texts: list[str]) -> Any:
        self.calls.append(list(texts))
        return self.inner.encode(texts)


def time_raw_encoder(embedder: Any, batches: list[list[str]]) -> float:
    started = time.perf_counter()
    for texts in batches:
        embedder.encode(texts)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench ingest", description=__doc__)
    parser.add_argument("--quick", action="store_true", help=f"the first {QUICK_ARTICLES} articles")
    parser.add_argument("--articles", type=int, default=None, help="the first N articles")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    n_articles = args.articles or (QUICK_ARTICLES if args.quick else None)
    workdir = Path(tempfile.mkdtemp(prefix="newsbot-bench-ingest-"))
    try:
        source = subset_file(require_bbc(), n_articles, workdir)
        embedder = shared_embedder()
        recorder = RecordingEncoder(embedder)
        settings = EngineSettings(
            store_dir=workdir / "store",
            chat_model="extractive",
            chroma_url=None,
            collection_prefix="bench",
        )
        service = build_service(settings, with_model=False, embedder=recorder)
        # Warm-up: first-call costs out of every timing.
        embedder.encode([f"warm-up sentence number {i}" for i in range(64)])

        started = time.perf_counter()
        report = service.ingest([str(source)])
        ingest_s = time.perf_counter() - started
        batches = list(recorder.calls)
        n_texts = sum(len(b) for b in batches)
        raw_s = time_raw_encoder(embedder, batches)
        started = time.perf_counter()
        again = service.ingest([str(source)])
        reingest_s = time.perf_counter() - started
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    articles = report.added + report.updated
    chunks = report.chunks_added
    raw_chunks_per_s = n_texts / raw_s
    ingest_chunks_per_s = chunks / ingest_s
    print_table(
        f"Ingest of {source.name if n_articles else 'the BBC set'} "
        f"({len(report.articles)} articles read, {articles} stored, {chunks} chunks)",
        ["step", "seconds", "articles/s", "chunks/s"],
        [
            ["raw encoder (same calls)", round(raw_s, 2), None, round(raw_chunks_per_s, 1)],
            [
                "ingest (fresh store)",
                round(ingest_s, 2),
                round(articles / ingest_s, 2),
                round(ingest_chunks_per_s, 1),
            ],
            [
                "re-ingest (unchanged)",
                round(reingest_s, 2),
                round(len(again.articles) / reingest_s, 1),
                None,
            ],
        ],
    )
    if n_texts != chunks:
        print(
            f"note: raw encoder texts {n_texts} vs chunks written {chunks} "
            "(repeated chunk texts are encoded once)"
        )
    figures = {
        "articles_read": len(report.articles),
        "articles_stored": articles,
        "duplicates": sum(1 for a in report.articles if a.status == "duplicate"),
        "failed": len(report.failed),
        "chunks": chunks,
        "encoded_texts": n_texts,
        "ingest_s": round(ingest_s, 2),
        "articles_per_s": round(articles / ingest_s, 2),
        "chunks_per_s": round(ingest_chunks_per_s, 1),
        "raw_encoder_s": round(raw_s, 2),
        "raw_encoder_chunks_per_s": round(raw_chunks_per_s, 1),
        "ratio_to_raw_encoder": ratio(ingest_chunks_per_s, raw_chunks_per_s),
        "reingest_s": round(reingest_s, 3),
        "reingest_unchanged": again.unchanged,
        "reingest_added": again.added + again.updated,
        "reingest_speedup": ratio(ingest_s, reingest_s, 1),
        "encode_calls": len(batches),
        "batch_size": getattr(embedder, "batch_size", None),
        "goals": {"ratio_to_raw_encoder": 0.9, "reingest_speedup": 20},
    }
    emit_figures("ingest", figures)
    return 0
