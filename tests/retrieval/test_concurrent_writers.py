"""Two writers sharing one store lose nothing: two processes on a real ``chroma run``, and two
threads (the bot's feed poll beside an ``/ingest``) on the embedded store.

Every ingest starts with the store's repair, which deletes chunks that no article record
accounts for. Each writer's new chunks are such chunks from its chunk upsert until its article
upsert, so a repair without a grace period, run by the other writer in that moment, deletes
them: the article then names chunks that are gone.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.retrieval.concurrent_writer import (
    PER_ROUND,
    WRITERS,
    missing_chunks,
    write_rounds,
)
from tests.retrieval.test_store import (
    assert_store_consistent,
    bbc_corpus,
    cli_env,
    write_jsonl,
)

ROUNDS = 20
ROOT = Path(__file__).resolve().parents[2]


def corpus_records(tmp_path: Path) -> tuple[Path, list[dict[str, Any]]]:
    """BBC articles cut to their first paragraphs (a chunk or two each: the race is in the
    store, not in the embedding, which dominates the time)."""
    path, records = bbc_corpus(tmp_path, ROUNDS * WRITERS * PER_ROUND)
    for record in records:
        text = str(record.get("text") or record.get("body"))
        record["text"] = text[: min(max(text.find("\n\n", 500), 500), 1100)]
        record.pop("body", None)
    write_jsonl(path, records)
    return path, records


def assert_nothing_lost(results: list[dict[str, Any]], store: Any, n_records: int) -> None:
    print("WRITERS", [(r["writer"], r["seconds"], r["statuses"]) for r in results])
    for result in results:
        lost_rounds = [(i, lost) for i, lost in enumerate(result["lost"]) if lost]
        assert not lost_rounds, f"writer {result['writer']} lost chunks: {lost_rounds[:3]}"
    written = [aid for result in results for aid in result["written"]]
    assert len(set(written)) == n_records
    assert missing_chunks(store, written) == {}
    assert store.count_articles() == n_records
    assert_store_consistent(store)  # counts every chunk: none missing, none left over


@pytest.mark.slow
def test_two_writer_processes_on_one_chroma_server_lose_no_chunk(
    chroma_server: Any, tmp_path: Path, make_service: Callable[..., Any]
) -> None:
    from retrieval.settings import EngineSettings

    corpus, records = corpus_records(tmp_path)
    settings = EngineSettings(
        store_dir=tmp_path / "unused",
        chroma_url=chroma_server.url,
        collection_prefix=f"writers{abs(hash(str(tmp_path))) % 10**8}",
    )
    env = cli_env(settings)
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.retrieval.concurrent_writer", str(w), str(ROUNDS),
             str(corpus), str(tmp_path)],
            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for w in range(WRITERS)
    ]  # fmt: skip
    try:
        ready = [tmp_path / f"ready{w}" for w in range(WRITERS)]
        for _ in range(1200):
            if all(r.exists() for r in ready) or any(p.poll() is not None for p in writers):
                break
            threading.Event().wait(0.1)
        (tmp_path / "go").touch()
        outputs = [p.communicate(timeout=300) for p in writers]
    finally:
        for p in writers:
            if p.poll() is None:
                p.kill()
    for p, (_, err) in zip(writers, outputs, strict=True):
        assert p.returncode == 0, err[-2000:]
    results = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    store = make_service(settings, with_model=False).store
    assert_nothing_lost(results, store, len(records))


@pytest.mark.slow
def test_two_writer_threads_on_the_embedded_store_lose_no_chunk(
    tmp_path: Path, make_service: Callable[..., Any]
) -> None:
    from retrieval.settings import EngineSettings

    _, records = corpus_records(tmp_path)
    settings = EngineSettings(store_dir=tmp_path / "store", chat_model="extractive")
    services = [make_service(settings, with_model=False) for _ in range(WRITERS)]
    results: list[dict[str, Any]] = [{} for _ in range(WRITERS)]
    errors: list[BaseException] = []

    def run(writer: int) -> None:
        try:
            results[writer] = write_rounds(
                services[writer], writer, ROUNDS, records, tmp_path, tmp_path / "go"
            )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    (tmp_path / "go").touch()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    assert_nothing_lost(results, services[0].store, len(records))
