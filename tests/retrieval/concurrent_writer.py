"""One writer of the two-writer test: ingests new articles round after round into a shared store.

Run as a process (``python -m tests.retrieval.concurrent_writer WRITER ROUNDS CORPUS WORKDIR``,
store settings from ``NEWSBOT_*``) against a Chroma server, or called in a thread beside another
writer on the embedded store. Each round ingests ``PER_ROUND`` articles of its own (every ingest
starts with the store's repair), then a source it has already stored (a feed poll that finds
nothing new: another repair), then counts the chunks of everything it wrote so far. It prints
(returns) one JSON object: the article ids written and, per round, the chunks found missing.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

PER_ROUND = 4
WRITERS = 2


def records_for(corpus: list[dict[str, Any]], writer: int, round_: int) -> list[dict[str, Any]]:
    start = (round_ * WRITERS + writer) * PER_ROUND
    return corpus[start : start + PER_ROUND]


def missing_chunks(store: Any, article_ids: list[str]) -> dict[str, int]:
    """For each article whose record names chunks that are not stored: how many are missing."""
    from retrieval.store import chunk_id

    got = store.articles.get(ids=article_ids, include=["metadatas"])
    missing: dict[str, int] = {aid: -1 for aid in article_ids}  # -1: no article record at all
    wanted: dict[str, list[str]] = {}
    for aid, meta in zip(got["ids"], got["metadatas"], strict=True):
        missing.pop(aid)
        wanted[aid] = [
            chunk_id(aid, str(meta["content_hash"]), p) for p in range(int(meta["n_chunks"]))
        ]
    ids = [cid for cids in wanted.values() for cid in cids]
    present = set(store.chunks.get(ids=ids, include=[])["ids"]) if ids else set()
    for aid, cids in wanted.items():
        lost = sum(cid not in present for cid in cids)
        if lost:
            missing[aid] = lost
    return missing


def write_rounds(
    service: Any,
    writer: int,
    rounds: int,
    corpus: list[dict[str, Any]],
    workdir: Path,
    go: Path,
) -> dict[str, Any]:
    from retrieval.loaders import load_sources

    while not go.exists():  # start together with the other writer
        time.sleep(0.01)
    started = time.monotonic()
    written: list[str] = []
    lost_by_round: list[dict[str, int]] = []
    statuses: dict[str, int] = {}
    for round_ in range(rounds):
        records = records_for(corpus, writer, round_)
        path = workdir / f"writer{writer}-round{round_}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        for source in (path, workdir / f"writer{writer}-round{max(0, round_ - 1)}.jsonl"):
            # The store's ingest, as NewsService.ingest runs it (without the lexical index
            # rebuild that follows, which reads every chunk and is not what is tested here).
            report = service.store.ingest(load_sources([str(source)]))
            if report.failed:
                raise RuntimeError(f"writer {writer}: {report.failed}")
            for article in report.articles:
                statuses[article.status] = statuses.get(article.status, 0) + 1
        written.extend(str(r["id"]) for r in records)
        lost_by_round.append(missing_chunks(service.store, written))
    return {
        "writer": writer,
        "written": written,
        "lost": lost_by_round,
        "statuses": statuses,
        "seconds": round(time.monotonic() - started, 1),
    }


def main(argv: list[str]) -> int:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    writer, rounds, corpus_path, workdir = int(argv[0]), int(argv[1]), Path(argv[2]), Path(argv[3])
    corpus = [json.loads(line) for line in corpus_path.read_text(encoding="utf-8").splitlines()]
    service = build_service(EngineSettings(chat_model="extractive"), with_model=False)
    service.store.embedder.encode(["warm up"])  # load the model before the start
    (workdir / f"ready{writer}").touch()
    result = write_rounds(service, writer, rounds, corpus, workdir, workdir / "go")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
