"""The command-line contract (CONTRACT.md), run as real subprocesses on an embedded store.

Each call starts a real ``python -m bot`` (or the ``newsbot`` console script) with
``--model extractive``, so no chat model is loaded; the store is a temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retrieval.settings import EngineSettings

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
NEWSBOT_SCRIPT = Path(sys.executable).parent / "newsbot"

SEED_TITLE = "Putin Visits Kursk Region for First Time Since Ukraine’s Offensive"
NEWS = [
    {
        "id": "harbour-jan",
        "title": "Harbour wall to be rebuilt",
        "published": "2025-01-10",
        "source": "Herald",
        "text": "The city council voted on Tuesday to rebuild the old harbour "
        "wall, ending years of debate about flooding in the lower town.",
    },
    {
        "id": "harbour-mar",
        "title": "Harbour wall work delayed",
        "published": "2025-03-01",
        "source": "Gazette",
        "text": "The harbour wall rebuilding has been delayed again, the "
        "council said, after the contractor asked for more money.",
    },
    {
        "id": "harbour-undated",
        "title": "Fishermen ask for moorings",
        "text": "Fishermen have asked the council for moorings while the harbour wall is rebuilt.",
    },
]
INGEST_KEYS = {
    "added",
    "updated",
    "unchanged",
    "chunks_added",
    "articles_total",
    "articles",
    "failed",
}


def cli_env() -> dict[str, str]:
    """The environment minus anything that would point newsbot elsewhere."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_") and k != "DISCORD_TOKEN"
    }
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    return env


def newsbot(
    *args: str, cwd: Path, script: bool = False, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    # A guard against a hang, not a speed check: on a loaded 2-core machine (load 14-18) one
    # `newsbot check` that takes seconds when quiet ran past 180 s (seventh session).
    command = [str(NEWSBOT_SCRIPT)] if script else [sys.executable, "-m", "bot"]
    return subprocess.run(
        [*command, *args], cwd=cwd, env=cli_env(), capture_output=True, text=True, timeout=timeout
    )


def json_out(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.stdout.strip(), result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli")


@pytest.fixture(scope="module")
def store(workdir: Path) -> Path:
    """A store holding the seed article only."""
    return workdir / "seed-store"


@pytest.fixture(scope="module")
def first_ingest(workdir: Path, store: Path) -> tuple[subprocess.CompletedProcess[str], Any]:
    result = newsbot(
        "ingest", str(SEEDS), "--json", "--store", str(store), "--model", "extractive", cwd=workdir
    )
    return result, json_out(result)


@pytest.fixture(scope="module")
def mixed_store(workdir: Path) -> Path:
    """A store of dated and undated articles, filled by an ingest where some sources fail."""
    return workdir / "mixed-store"


@pytest.fixture(scope="module")
def mixed_ingest(workdir: Path, mixed_store: Path) -> tuple[subprocess.CompletedProcess[str], Any]:
    good = workdir / "good.txt"
    good.write_text("Bridge reopens\n\nThe old bridge reopened to traffic on Monday morning.")
    news = workdir / "news.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in NEWS) + "{not json\n", encoding="utf-8")
    result = newsbot(
        "--store",
        str(mixed_store),
        "ingest",
        str(good),
        str(workdir / "missing.txt"),
        str(news),
        "--json",
        cwd=workdir,
    )
    return result, json_out(result)


@pytest.fixture(scope="module")
def seed_id(first_ingest: tuple[Any, Any]) -> str:
    _, report = first_ingest
    return str(report["articles"][0]["article_id"])


@pytest.fixture(scope="module")
def shown_seed(workdir: Path, store: Path, seed_id: str) -> Any:
    result = newsbot("show", seed_id, "--json", "--store", str(store), cwd=workdir)
    assert result.returncode == 0, result.stderr[-2000:]
    return json_out(result)


def test_ingest_json_reports_every_article_and_exits_0(first_ingest: tuple[Any, Any]) -> None:
    result, report = first_ingest
    assert result.returncode == 0, result.stderr[-2000:]
    assert set(report) == INGEST_KEYS
    assert (report["added"], report["updated"], report["unchanged"]) == (1, 0, 0)
    assert report["articles_total"] == 1 and report["failed"] == []
    assert report["chunks_added"] > 1
    assert report["articles"] == [
        {
            "source": str(SEEDS / "000_2aff43b43469b722.txt"),
            "article_id": report["articles"][0]["article_id"],
            "status": "added",
        }
    ]


def test_the_console_script_reingests_nothing_new_with_store_after_the_command(
    first_ingest: tuple[Any, Any], workdir: Path, store: Path
) -> None:
    result = newsbot(
        "ingest", str(SEEDS), "--json", "--store", str(store), cwd=workdir, script=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json_out(result)
    assert (report["added"], report["unchanged"], report["chunks_added"]) == (0, 1, 0)
    assert [a["status"] for a in report["articles"]] == ["unchanged"]
    assert report["articles_total"] == 1


def test_ingest_exits_1_when_a_source_fails_and_still_stores_the_others(
    mixed_ingest: tuple[Any, Any], workdir: Path
) -> None:
    result, report = mixed_ingest
    assert result.returncode == 1
    assert set(report) == INGEST_KEYS
    assert report["added"] == 4 and report["articles_total"] == 4
    news = workdir / "news.jsonl"
    assert [a["source"] for a in report["articles"]] == [
        str(workdir / "good.txt"),
        f"{news}:1",
        f"{news}:2",
        f"{news}:3",
    ]
    assert [a["article_id"] for a in report["articles"][1:]] == [r["id"] for r in NEWS]
    failed = {f["source"]: f["error"] for f in report["failed"]}
    assert set(failed) == {str(workdir / "missing.txt"), f"{news}:4"}
    assert all(error and "\n" not in error for error in failed.values())


def test_articles_json_lists_what_is_stored_with_store_before_the_command(
    mixed_ingest: tuple[Any, Any], workdir: Path, mixed_store: Path
) -> None:
    result = newsbot("--store", str(mixed_store), "articles", "--json", cwd=workdir)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = json_out(result)["articles"]
    assert len(rows) == 4
    for row in rows:
        assert set(row) == {"article_id", "title", "source", "published", "chunks"}
        assert row["chunks"] >= 1
    march = next(r for r in rows if r["article_id"] == "harbour-mar")
    assert (march["title"], march["source"], march["published"]) == (
        "Harbour wall work delayed",
        "Gazette",
        "2025-03-01",
    )


def test_show_json_gives_the_clean_seed_with_chunk_offsets_into_its_text(
    shown_seed: Any, seed_id: str, store: Path, make_service: Callable[..., Any]
) -> None:
    article = shown_seed
    assert set(article) == {
        "article_id",
        "title",
        "source",
        "url",
        "published",
        "author",
        "text",
        "chunks",
    }
    assert article["article_id"] == seed_id
    assert article["title"] == SEED_TITLE
    assert (article["source"], article["published"]) == ("The Moscow Times", "2025-03-12")
    text = article["text"]
    assert text.startswith("President Vladimir Putin on Wednesday")
    assert text.endswith("leverage in peace negotiations with Russia.")
    for furniture in ("Support The Moscow Times", "newsletter", "Dear readers", "Remind me later"):
        assert furniture not in text
    chunks = article["chunks"]
    assert len(chunks) > 1
    assert all(set(c) == {"chunk_id", "start", "end"} for c in chunks)
    assert [c["start"] for c in chunks] == sorted(c["start"] for c in chunks)
    assert all(0 <= c["start"] < c["end"] <= len(text) for c in chunks)

    # Every chunk's slice of the text is exactly the chunk document Chroma holds.
    service = make_service(EngineSettings(store_dir=store), with_model=False)
    stored = service.store.chunks.get(ids=[c["chunk_id"] for c in chunks], include=["documents"])
    documents = dict(zip(stored["ids"], stored["documents"], strict=True))
    assert len(documents) == len(chunks)
    for chunk in chunks:
        assert text[chunk["start"] : chunk["end"]] == documents[chunk["chunk_id"]]


def test_search_json_returns_hits_best_first_within_the_as_of_date(
    mixed_ingest: tuple[Any, Any], workdir: Path, mixed_store: Path
) -> None:
    result = newsbot(
        "search",
        "harbour wall council",
        "--json",
        "--k",
        "5",
        "--as-of",
        "2025-02-28",
        "--store",
        str(mixed_store),
        cwd=workdir,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = json_out(result)
    assert set(found) == {"query", "hits"} and found["query"] == "harbour wall council"
    hits = found["hits"]
    assert hits
    for hit in hits:
        assert set(hit) == {"chunk_id", "article_id", "title", "published", "score", "text"}
        assert hit["published"] is None or hit["published"] <= "2025-02-28"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    ids = {h["article_id"] for h in hits}
    assert {"harbour-jan", "harbour-undated"} <= ids and "harbour-mar" not in ids


def test_ask_json_with_the_extractive_model_answers_from_the_seed_with_a_verbatim_quote(
    workdir: Path, store: Path, shown_seed: Any
) -> None:
    result = newsbot(
        "ask",
        "How much territory did Russia retake?",
        "--json",
        "--model",
        "extractive",
        "--store",
        str(store),
        cwd=workdir,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    answer = json_out(result)
    assert {"question", "status", "answer", "citations", "model", "timings_ms"} <= set(answer)
    assert "id" not in answer
    assert answer["status"] == "answered"
    assert answer["model"] == "extractive"
    quotes = [c for c in answer["citations"] if "1,100 square kilometers" in c["quote"]]
    assert quotes, answer
    assert quotes[0]["article_id"] == shown_seed["article_id"]
    assert quotes[0]["quote"] in shown_seed["text"]
    numbers = {c["n"] for c in answer["citations"]}
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer["answer"])}
    assert markers and markers <= numbers


def test_run_without_a_discord_token_says_so_in_one_line_and_fails(tmp_path: Path) -> None:
    result = newsbot("run", "--store", str(tmp_path / "store"), cwd=tmp_path, timeout=60)
    assert result.returncode != 0
    message = (result.stderr + result.stdout).strip()
    assert len(message.splitlines()) == 1, message
    assert "DISCORD_TOKEN" in message
