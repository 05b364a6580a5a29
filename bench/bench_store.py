"""The benchmarks' shared store: the BBC set + seeds/, ingested once under bench/results/.

Every benchmark that needs a full store calls :func:`open_bench_service`. It runs an ordinary
ingest of the same sources; when the report says every article is unchanged (or a duplicate)
the store is reused as it is, otherwise the ingest has just brought it up to date. A file lock
keeps two benchmark processes from ingesting at once.

Two environment variables make a small store for smoke tests: ``NEWSBOT_BENCH_STORE`` (the store
folder; default bench/results/store) and ``NEWSBOT_BENCH_ARTICLES`` (ingest only the first N BBC
articles).
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.harness import RESULTS_DIR, SEEDS_DIR, require_bbc

log = logging.getLogger(__name__)

STORE_DIR = Path(os.environ.get("NEWSBOT_BENCH_STORE") or RESULTS_DIR / "store")
WORK_DIR = STORE_DIR.parent  # where benchmarks keep what they derive from the store
LOCK_PATH = WORK_DIR / f"{STORE_DIR.name}.lock"


@dataclass(frozen=True)
class StoreCheck:
    """What the ingest found: whether the cached store was reused unchanged."""

    reused: bool
    seconds: float
    added: int
    updated: int
    unchanged: int
    duplicates: int
    failed: int
    articles_total: int
    chunks_total: int


def bench_settings(chat_model: str = "extractive") -> Any:
    from retrieval.settings import EngineSettings

    return EngineSettings(
        store_dir=STORE_DIR, chat_model=chat_model, chroma_url=None, collection_prefix="newsbot"
    )


def shared_embedder() -> Any:
    from retrieval.embeddings import build_embeddings

    return build_embeddings(None)


def bbc_source() -> Path:
    """The BBC set, or its first ``NEWSBOT_BENCH_ARTICLES`` lines (a file beside the store)."""
    source = require_bbc()
    limit = os.environ.get("NEWSBOT_BENCH_ARTICLES")
    if not limit:
        return source
    target = WORK_DIR / f"bbc_first_{int(limit)}.jsonl"
    if not target.exists():
        with source.open(encoding="utf-8") as src:
            lines = [line for _, line in zip(range(int(limit)), src, strict=False)]
        target.write_text("".join(lines), encoding="utf-8")
    return target


def ensure_bench_store(embedder: Any) -> StoreCheck:
    """Ingest the BBC set + seeds/ into the cached store (a no-op when nothing changed)."""
    from bot.app import build_service

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with LOCK_PATH.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        service = build_service(bench_settings(), with_model=False, embedder=embedder)
        started = time.perf_counter()
        report = service.ingest([str(bbc_source()), str(SEEDS_DIR)])
        seconds = time.perf_counter() - started
        fcntl.flock(lock, fcntl.LOCK_UN)
    statuses = [a.status for a in report.articles]
    check = StoreCheck(
        reused=report.added == 0 and report.updated == 0 and not report.failed,
        seconds=round(seconds, 2),
        added=report.added,
        updated=report.updated,
        unchanged=report.unchanged,
        duplicates=statuses.count("duplicate"),
        failed=len(report.failed),
        articles_total=report.articles_total,
        chunks_total=service.store.count_chunks(),
    )
    if check.reused:
        log.info("bench store reused: %d articles unchanged (%.1f s)", check.unchanged, seconds)
    else:
        log.info(
            "bench store ingested: %d added, %d updated in %.1f s",
            check.added,
            check.updated,
            seconds,
        )
    return check


def open_bench_service(
    embedder: Any, chat_model: str = "extractive", check_store: bool = True
) -> Any:
    """A NewsService over the cached store, sharing ``embedder``; ``chat_model`` by spec."""
    from bot.app import build_service

    if check_store:
        ensure_bench_store(embedder)
    with_model = chat_model != "extractive"
    return build_service(bench_settings(chat_model), with_model=with_model, embedder=embedder)
