"""The search benchmark's corpora: short BBC excerpts, embedded for real, through the ingest.

Encoding is what bounds a corpus on a shared 2-core machine (MiniLM on one torch thread: about
100 short texts a second under load, 10 of the store's usual 600-character chunks). So the
corpus is made of *short articles*: each is one excerpt of a BBC article, a window of
``WINDOW_WORDS`` consecutive words of its body (windows start every ``STRIDE_WORDS`` words, so
neighbouring excerpts overlap like the windows of an overlapping chunker), titled with the BBC
title and its excerpt number, dated on one of 730 days. An excerpt is shorter than a chunk, so
every article is exactly one chunk: a corpus of N chunks is N articles, every chunk text is
distinct and every vector comes from the real encoder. Nothing else differs from a bot's ingest:
the JSONL loader, identity, chunking, story linking, the Chroma writes and the lexical index.

Build (incrementally, each size a copy of the one before; see ``bench/search_build.sh``)::

    nice -n 19 python -m bench.search_corpus build --store DIR --to 10000

Each ``build`` appends to the store whatever excerpts it lacks (resumable), a slice at a time,
and logs the real ingest's chunks per second.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.harness import prepare_environment, require_bbc

log = logging.getLogger("bench.search_corpus")

WINDOW_WORDS = 10
STRIDE_WORDS = 2
FIRST_DAY = date(2004, 1, 1)
DAYS = 730
SLICE = 20_000  # articles a service.ingest call
PREFIX = "search"


def excerpts(start: int = 0) -> Iterator[dict[str, Any]]:
    """The corpus's JSONL records in a fixed order, from record ``start`` on."""
    seen: set[str] = set()
    number = 0
    with require_bbc().open(encoding="utf-8") as handle:
        sources = [json.loads(line) for line in handle if line.strip()]
    for source in sources:
        words = str(source.get("body") or "").split()
        for part, first in enumerate(range(0, max(1, len(words) - WINDOW_WORDS + 1), STRIDE_WORDS)):
            text = " ".join(words[first : first + WINDOW_WORDS])
            if len(text) < 30 or text in seen:
                continue
            seen.add(text)
            if number >= start:
                yield {
                    "id": f"x{number:07d}",
                    "title": f"{source['title']}, excerpt {part + 1}",
                    "text": text,
                    "published": (FIRST_DAY + timedelta(days=number % DAYS)).isoformat(),
                    "source": "BBC News (excerpt)",
                }
            number += 1


def corpus_settings(store: Path) -> Any:
    from retrieval.settings import EngineSettings

    return EngineSettings(
        store_dir=store, chroma_url=None, collection_prefix=PREFIX, chat_model="extractive"
    )


def one_thread() -> None:
    """Leave the other core to the other people on the machine."""
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    import torch

    torch.set_num_threads(1)


def build(store: Path, target: int) -> None:
    from bot.app import build_service

    one_thread()
    service = build_service(corpus_settings(store), with_model=False)
    work = store.parent / f"{store.name}-slice.jsonl"
    while (have := service.store.count_articles()) < target:
        n = min(SLICE, target - have)
        records = list(_take(excerpts(have), n))
        if not records:
            raise SystemExit(f"the excerpt corpus holds only {have} records")
        with work.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        report = service.ingest([str(work)])
        seconds = time.perf_counter() - started
        log.info(
            "%s: +%d articles, +%d chunks in %.1f s (%.1f chunks/s); store %d chunks",
            store.name,
            report.added,
            report.chunks_added,
            seconds,
            report.chunks_added / max(seconds, 1e-9),
            service.store.count_chunks(),
        )
        with (store.parent / "build-progress.jsonl").open("a", encoding="utf-8") as progress:
            progress.write(
                json.dumps(
                    {
                        "store": store.name,
                        "added": report.added,
                        "chunks_added": report.chunks_added,
                        "seconds": round(seconds, 1),
                        "chunks_total": service.store.count_chunks(),
                        "at": time.strftime("%H:%M:%S", time.gmtime()),
                    }
                )
                + "\n"
            )
        if report.added == 0:
            raise SystemExit(f"nothing added at {have} articles: {report.failed[:3]}")
    work.unlink(missing_ok=True)


def _take(items: Iterator[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    for _, item in zip(range(n), items, strict=False):
        yield item


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_corpus", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="grow a store to --to chunks")
    b.add_argument("--store", type=Path, required=True)
    b.add_argument("--to", type=int, required=True)
    sub.add_parser("count", help="how many excerpts the corpus can give")
    args = parser.parse_args(argv)
    prepare_environment(verbose=True)
    if args.command == "count":
        print(sum(1 for _ in excerpts()))
        return 0
    build(args.store, args.to)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
