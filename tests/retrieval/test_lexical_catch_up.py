"""Processes sharing one Chroma server agree on the lexical index: a running process catches up
on another's writes by itself, reading only what was written since its last catch-up."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.retrieval.test_store import cli_env, write_jsonl

ROOT = Path(__file__).resolve().parents[2]
CATCH_UP_S = 1.0
RARE = "zanzibarite"  # in no other article: only the lexical index can find it by this word
FILLER = [
    {"id": f"harbour-{i}", "text": f"The council voted {i} times on rebuilding the harbour wall."}
    for i in range(6)
]
MINERAL = {
    "id": "mineral",
    "title": "A new mineral",
    "text": f"Geologists in Tanzania described {RARE}, a blue mineral found in one quarry.",
}


@pytest.mark.slow
def test_a_running_process_finds_what_another_ingested_within_the_catch_up_interval(
    chroma_server: Any, tmp_path: Path, make_service: Callable[..., Any]
) -> None:
    from retrieval.settings import EngineSettings

    settings = EngineSettings(
        store_dir=tmp_path / "a",  # this process (A): its own lexical file under it
        chroma_url=chroma_server.url,
        collection_prefix=f"catchup{abs(hash(str(tmp_path))) % 10**8}",
        chat_model="extractive",
    )
    writer = make_service(settings, with_model=False)
    assert writer.lexical_catch_up_s == 10.0  # with a server: the default interval
    writer.ingest([str(write_jsonl(tmp_path / "filler.jsonl", FILLER))])
    env = {
        **cli_env(settings),
        "NEWSBOT_LEXICAL_PATH": str(tmp_path / "b" / "lexical.sqlite3"),  # another machine's
        "NEWSBOT_LEXICAL_CATCH_UP_S": str(CATCH_UP_S),
    }
    reader = subprocess.Popen(
        [sys.executable, "-m", "tests.retrieval.lexical_reader", str(tmp_path), RARE],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(1200):
            if (tmp_path / "ready").exists() or reader.poll() is not None:
                break
            threading.Event().wait(0.1)
        assert (tmp_path / "ready").exists(), reader.communicate(timeout=30)[1][-2000:]
        writer.ingest([str(write_jsonl(tmp_path / "mineral.jsonl", [MINERAL]))])
        assert writer.retriever.search(RARE, mode="lexical")[0].article_id == "mineral"
        (tmp_path / "go").touch()
        out, err = reader.communicate(timeout=120)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert reader.returncode == 0, err[-2000:]
    result = json.loads(out.strip().splitlines()[-1])
    print("READER", result)
    # Found by the running process, without a restart or an ingest of its own: at its first
    # search a catch-up interval after the last one (plus the catch-up's own store reads).
    assert result["found"], result
    assert result["seconds"] <= CATCH_UP_S + 5.0, result
