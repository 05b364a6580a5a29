"""The two sets of summaries we wrote: the tuning set and the held-out report set stay apart."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
BBC = DATA.parents[1] / ".." / "shared" / "data" / "bbc_news_summary.jsonl"


def read(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_the_report_set_shares_no_article_with_the_tuning_set() -> None:
    tuning = {r["id"] for r in read("summary_refs.jsonl")}
    report = [r["id"] for r in read("summary_refs2.jsonl")]
    assert len(report) == len(set(report)) == 40
    assert not tuning & set(report)


def test_each_written_reference_is_two_or_three_sentences() -> None:
    for record in read("summary_refs2.jsonl"):
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", record["summary"].strip())
        assert 2 <= len(sentences) <= 3, record["id"]


def test_the_report_set_covers_every_category_of_the_bbc_set() -> None:
    if not BBC.is_file():
        pytest.skip(f"development data not found at {BBC.resolve()}")
    with BBC.open(encoding="utf-8") as handle:
        category = {r["id"]: r["category"] for r in map(json.loads, handle)}
    report = [r["id"] for r in read("summary_refs2.jsonl")]
    assert all(i in category for i in report)
    assert {category[i] for i in report} == set(category.values())
