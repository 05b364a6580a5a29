"""Smoke runs of the benchmarks: each runs as a command and ends with its JSON figures.

They run on a small store of their own (the first BBC articles, through the benchmarks'
``NEWSBOT_BENCH_STORE`` / ``NEWSBOT_BENCH_ARTICLES``), never on bench/results/, so each stays
well under a minute. The real runs are long and live outside the test suite (bench/RESULTS.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BBC = ROOT / ".." / "shared" / "data" / "bbc_news_summary.jsonl"
SMOKE_ARTICLES = 40


@pytest.fixture(scope="module")
def bench_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if not BBC.is_file():
        pytest.skip(f"development data not found at {BBC.resolve()}")
    env = dict(os.environ)
    env["NEWSBOT_BENCH_STORE"] = str(tmp_path_factory.mktemp("bench") / "store")
    env["NEWSBOT_BENCH_ARTICLES"] = str(SMOKE_ARTICLES)
    env["HF_HUB_OFFLINE"] = "1"
    env["TRANSFORMERS_OFFLINE"] = "1"
    return env


def run_bench(env: dict[str, str], *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    last_line = done.stdout.strip().splitlines()[-1]
    return dict(json.loads(last_line))


def test_the_search_benchmark_ends_with_its_latency_figures(
    bench_env: dict[str, str], tmp_path: Path
) -> None:
    figures = run_bench(
        bench_env,
        "search",
        "--sizes",
        "60,120",
        "--stores",
        str(tmp_path / "stores"),
        "--limit",
        "4",
        "--no-memory",
    )

    assert figures["benchmark"] == "search"
    small, large = figures["results"]
    assert (small["chunks"], large["chunks"]) == (60, 120)  # one chunk an excerpt article
    for key in (
        "hybrid_p50_ms",
        "dense_p50_ms",
        "lexical_p50_ms",
        "ask_p50_ms",
        "autocomplete_p50_ms",
        "autocomplete_typed_p50_ms",
        "status_p50_ms",
        "ingest_100_second_s",
        "first_question_after_ingest_ms",
    ):
        assert large[key] > 0, key
    assert large["new_article_found_lexically"] is True
    assert large["other_machine_finds_new_article"] is True
    assert "hybrid_p50_ms_ratio_120_to_60" in figures["growth"]
    assert "machine" in figures


def test_the_quality_benchmark_scores_every_system_on_the_same_questions(
    bench_env: dict[str, str],
) -> None:
    # One question: the local model and the naive baseline each cost a model call a question.
    figures = run_bench(bench_env, "quality", "--quick", "--limit", "1")

    assert figures["benchmark"] == "quality"
    assert figures["questions"] == 1
    assert set(figures["systems"]) == {"extractive", "local", "naive"}
    for scores in figures["systems"].values():
        for key in (
            "accuracy",
            "article_recall",
            "citation_precision",
            "unsupported_rate",
            "not_found_precision",
            "not_found_recall",
            "p50_ms",
        ):
            assert key in scores, key


def test_the_quality_benchmark_reads_any_file_of_the_qa_shape(
    bench_env: dict[str, str], tmp_path: Path
) -> None:
    questions = tmp_path / "held_out.jsonl"
    questions.write_text(
        json.dumps(
            {
                "id": "x1",
                "question": "How much did Time Warner's profits rise?",
                "answers": ["76%"],
                "article_id": "business/001",
            }
        )
        + "\n"
        + json.dumps(
            {
                "id": "x2",
                "question": "Who won the 2030 World Cup?",
                "answers": [],
                "as_of": "2005-06-01",
            }
        )
        + "\n",
        encoding="utf-8",
    )

    figures = run_bench(
        bench_env, "quality", "--questions", str(questions), "--systems", "extractive"
    )

    scores = figures["systems"]["extractive"]
    assert figures["questions"] == 2
    assert scores["answerable"] == 1 and scores["unanswerable"] == 1


def test_the_summary_benchmark_scores_every_reference_set_beside_its_own_lead3(
    bench_env: dict[str, str], tmp_path: Path
) -> None:
    written = tmp_path / "written.jsonl"
    written.write_text(
        json.dumps(
            {
                "id": "business/001",
                "summary": "Time Warner's quarterly profit rose 76% to $1.13bn, helped by "
                "one-off gains and higher advertising sales.",
            }
        )
        + "\n",
        encoding="utf-8",
    )

    figures = run_bench(
        bench_env, "summary", "--models", "extractive", "--articles", "2", "--refs", str(written)
    )

    assert figures["benchmark"] == "summary"
    sets = figures["sets"]
    # The BBC sample and both sets of references we wrote, every run (the small store holds
    # none of the written sets' articles), and the extra file.
    assert set(sets) == {"bbc", "tuning", "report", "written"}
    assert sets["bbc"]["articles"] == 2
    assert sets["written"]["articles"] == 1
    for name in ("bbc", "written"):
        lead3 = sets[name]["lead3"]["rougeL"]
        newsbot = sets[name]["systems"]["extractive"]
        assert lead3 > 0 and newsbot["rougeL"] > 0
        assert newsbot["rougeL_to_lead3"] == round(newsbot["rougeL"] / lead3, 3)
        assert 0 <= newsbot["key_fact_recall"] <= 1
